//! The forces as banners on the map: they follow their forces along the roads as days pass;
//! detachments get one of their own, merged forces lose theirs. Moved only when a force moves or
//! changes.

use bevy::prelude::*;

use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use super::projection::MapProjection;
use super::{Label, MapItem};
use crate::sim::force::{Column, Force, Standing};
use crate::sim::map::{Location, Place, Route, lat_lon};

/// A force's banner.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct Banner(pub Entity);

/// Where a location stands on the map.
pub(super) fn position(
    location: Location,
    places: &Query<&Place>,
    routes: &Query<&Route>,
    projection: &MapProjection,
) -> Vec2 {
    let (lat, lon) = lat_lon(
        location,
        |e| places.get(e).ok().map(|p| (p.lat, p.lon)),
        |r| routes.get(r).ok().map(|r| r.length),
    );
    projection.at(lat, lon)
}

/// The banners follow their forces; new forces (detachments) get one, merged ones lose theirs.
pub(super) fn place_banners(
    mut commands: Commands,
    campaign: Res<Campaign>,
    forces: Query<(Entity, &Force, &Column, &Location, &Standing)>,
    changed: Query<(), Or<(Changed<Location>, Changed<Column>, Changed<Standing>)>>,
    places: Query<&Place>,
    routes: Query<&Route>,
    projection: Res<MapProjection>,
    font: Res<UiFont>,
    mut banners: Query<(Entity, &Banner, &mut Label, &Children)>,
    mut texts: Query<&mut Text2d>,
) {
    if !campaign.active {
        return;
    }
    if !campaign.is_changed() && !projection.is_changed() && changed.is_empty() {
        return;
    }
    let mut field: Vec<(u32, Entity, &Force, &Column, Location)> = forces
        .iter()
        .filter(|(_, _, c, _, s)| !s.merged && c.men.total() > 0)
        .map(|(e, f, c, l, _)| (f.raised, e, f, c, *l))
        .collect();
    field.sort_by_key(|x| x.0);
    let mut spots: Vec<(Vec2, usize)> = Vec::new();
    for (_, _, _, _, location) in &field {
        let at = position(*location, &places, &routes, &projection);
        // Forces at the same spot stand one above the other.
        let n = spots.iter().filter(|(p, _)| p.distance(at) < 2.0).count();
        spots.push((at, n));
    }
    let offset = |n: usize| Vec2::new(0.0, -26.0 - 30.0 * n as f32);
    for (entity, banner, mut label, children) in &mut banners {
        match field.iter().position(|x| x.1 == banner.0) {
            Some(i) => {
                let (at, n) = spots[i];
                if label.at != at || label.offset != offset(n) {
                    label.at = at;
                    label.offset = offset(n);
                }
                let (_, e, f, column, _) = field[i];
                let mark = if Some(e) == campaign.selected && campaign.pending.is_none() {
                    "▶ "
                } else {
                    ""
                };
                for child in children.iter() {
                    if let Ok(mut text) = texts.get_mut(child) {
                        let t = format!("{mark}{} · {}", f.name, column.men.total());
                        if text.0 != t {
                            text.0 = t;
                        }
                    }
                }
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for (i, (_, e, f, _, _)) in field.iter().enumerate() {
        if banners.iter().any(|(_, b, _, _)| b.0 == *e) {
            continue;
        }
        let colour = [
            theme::HAN_RED,
            Color::srgb(0.1, 0.3, 0.7),
            Color::srgb(0.1, 0.5, 0.2),
            Color::srgb(0.5, 0.3, 0.6),
        ][i % 4];
        let (at, n) = spots[i];
        commands
            .spawn((
                MapItem,
                Banner(*e),
                Label {
                    at,
                    offset: offset(n),
                },
                Sprite::from_color(colour, Vec2::new(12.0, 16.0)),
                Transform::from_translation(at.extend(4.0)),
            ))
            .with_child((
                Text2d::new(f.name.clone()),
                font.at(12.0),
                TextColor(colour),
                Transform::from_xyz(0.0, -14.0, 0.1),
            ));
    }
}
