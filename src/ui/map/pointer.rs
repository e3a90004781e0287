//! The map's camera and pointer: pan and zoom by keys, drag and wheel; what the pointer is over
//! (a place, a road); a click keeps its facts, a click on a banner selects its force. Names and
//! banners keep their size on screen at every zoom.

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::picking::hover::HoverMap;
use bevy::prelude::*;

use super::super::game::Campaign;
use super::super::{UiAction, theme};
use super::banners::position;
use super::projection::MapProjection;
use super::{Label, Pointer, Target};
use crate::sim::force::{Column, Standing};
use crate::sim::map::{Location, Place, Route};

/// Names and banners keep their size on screen at every zoom (moved only when the zoom or the
/// label changes).
pub(super) fn scale_labels(
    camera: Single<&Projection, With<Camera2d>>,
    mut labels: Query<(Ref<Label>, &mut Transform)>,
    mut last_zoom: Local<f32>,
) {
    let zoom = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    let zoomed = zoom != *last_zoom;
    *last_zoom = zoom;
    for (label, mut transform) in &mut labels {
        if !zoomed && !label.is_changed() {
            continue;
        }
        let at = (label.at + label.offset * zoom).extend(transform.translation.z);
        if transform.translation != at || transform.scale.x != zoom {
            transform.translation = at;
            transform.scale = Vec3::splat(zoom);
        }
    }
}

/// Pan and zoom by keys, drag and wheel; hover and click.
pub(super) fn pointer_input(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    hover_map: Option<Res<HoverMap>>,
    nodes: Query<(), With<Node>>,
    window: Single<&Window>,
    mut camera: Single<(&Camera, &GlobalTransform, &mut Transform, &mut Projection)>,
    time: Res<Time>,
    focus: Res<bevy::input_focus::InputFocus>,
    editing: Query<(), With<bevy::text::EditableText>>,
    mut pointer: ResMut<Pointer>,
    campaign: Res<Campaign>,
    map: (
        Query<(Entity, &Location, &Column, &Standing)>,
        Query<(Entity, &Place)>,
        Query<&Place>,
        Query<(Entity, &Route)>,
        Query<&Route>,
    ),
    projection: Res<MapProjection>,
    mut actions: ResMut<theme::Actions>,
) {
    let (cam, cam_global, transform, proj) = &mut *camera;
    let Projection::Orthographic(ortho) = &mut **proj else {
        return;
    };
    let typing = focus.get().is_some_and(|e| editing.contains(e));
    if !typing {
        let speed = 500.0 * time.delta_secs() * ortho.scale;
        let pan = [
            (KeyCode::ArrowLeft, KeyCode::KeyA, Vec3::NEG_X),
            (KeyCode::ArrowRight, KeyCode::KeyF, Vec3::X),
            (KeyCode::ArrowUp, KeyCode::KeyW, Vec3::Y),
            (KeyCode::ArrowDown, KeyCode::KeyS, Vec3::NEG_Y),
        ];
        for (a, b, dir) in pan {
            if keys.pressed(a) || keys.pressed(b) {
                transform.translation += dir * speed;
            }
        }
        if keys.pressed(KeyCode::Equal) || keys.pressed(KeyCode::NumpadAdd) {
            ortho.scale *= 1.0 - time.delta_secs();
        }
        if keys.pressed(KeyCode::Minus) || keys.pressed(KeyCode::NumpadSubtract) {
            ortho.scale *= 1.0 + time.delta_secs();
        }
        if keys.just_pressed(KeyCode::Home)
            && let Some(size) = cam.logical_viewport_size()
        {
            let (at, scale) = super::projection::camera_fit(size);
            ortho.scale = scale;
            transform.translation = at;
        }
    }
    // Is the pointer over a panel?
    pointer.over_ui = hover_map.as_ref().is_some_and(|map| {
        map.values()
            .any(|hits| hits.keys().any(|e| nodes.contains(*e)))
    });
    let Some(cursor) = window.cursor_position() else {
        pointer.hover = None;
        return;
    };
    if !pointer.over_ui {
        // The wheel zooms about the pointer.
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        if lines != 0.0
            && let Ok(before) = cam.viewport_to_world_2d(cam_global, cursor)
        {
            let factor = 0.85f32.powf(lines);
            let new_scale = (ortho.scale * factor).clamp(0.15, 6.0);
            let ratio = new_scale / ortho.scale;
            let centre = transform.translation.truncate();
            let moved = before - (before - centre) * ratio;
            transform.translation = moved.extend(transform.translation.z);
            ortho.scale = new_scale;
        }
    }
    // Drag to pan.
    if mouse.just_pressed(MouseButton::Left) {
        pointer.dragged = 0.0;
    }
    if mouse.pressed(MouseButton::Left) && !pointer.over_ui && motion.delta != Vec2::ZERO {
        pointer.dragged += motion.delta.length();
        transform.translation.x -= motion.delta.x * ortho.scale;
        transform.translation.y += motion.delta.y * ortho.scale;
    }
    // What the pointer is over.
    let (forces, places, place_query, routes, route_query) = map;
    if !campaign.active {
        return;
    }
    let Ok(world_at) = cam.viewport_to_world_2d(cam_global, cursor) else {
        return;
    };
    let reach = 12.0 * ortho.scale;
    // A click on a banner selects its force.
    if mouse.just_released(MouseButton::Left) && !pointer.over_ui && pointer.dragged < 4.0 {
        let near = forces.iter().find(|(_, location, column, standing)| {
            !standing.merged
                && column.men.total() > 0
                && position(**location, &place_query, &route_query, &projection)
                    .distance(world_at - Vec2::new(0.0, -26.0 * ortho.scale))
                    < reach
        });
        if let Some((e, ..)) = near {
            actions.0.push(UiAction::SelectForce(e));
        }
    }
    let spot = |e: Entity| {
        place_query
            .get(e)
            .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
    };
    let mut best: Option<(f32, Target)> = None;
    for (e, p) in &places {
        let d = projection.at(p.lat, p.lon).distance(world_at);
        if d < reach && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, Target::Place(e)));
        }
    }
    if best.is_none() {
        for (e, r) in &routes {
            let (a, b) = (spot(r.a), spot(r.b));
            let ab = b - a;
            let t = ((world_at - a).dot(ab) / ab.length_squared().max(1e-6)).clamp(0.0, 1.0);
            let d = (a + ab * t).distance(world_at);
            if d < reach * 0.6 && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, Target::Route(e)));
            }
        }
    }
    pointer.hover = if pointer.over_ui {
        None
    } else {
        best.map(|(_, t)| t)
    };
    if mouse.just_released(MouseButton::Left) && !pointer.over_ui && pointer.dragged < 4.0 {
        pointer.pinned = pointer.hover;
    }
}
