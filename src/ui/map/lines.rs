//! What the map draws anew each frame, in lines: rivers and ranges, the roads by water (blue
//! where watered, red dashes along the waterless stretch, a ring at the water points on either
//! side of it), mountains along the roads, passes, the
//! states' rings by their answer (or attitude), the selected force's reach, each force's queued
//! marches, and the marks of what is hovered or clicked.

use bevy::math::Isometry2d;
use bevy::prelude::*;

use super::super::game::Campaign;
use super::ground::{DRY, MOUNTAIN, RIVER, WATERED};
use super::projection::MapProjection;
use super::reach::{RoadReach, colour};
use super::{Pointer, Target};
use crate::scenario::types::{FeatureKind, PlanStep, Terrain};
use crate::sim::ActiveScenario;
use crate::sim::force::{Activity, Orders, Standing};
use crate::sim::map::{Location, MapIndex, Place, Route, lat_lon};
use crate::sim::state::{OasisState, Relation};

/// Draws what changes or is drawn in lines: routes by water, mountains, rivers, the states'
/// rings, hover and pinned marks.
pub(super) fn draw_lines(
    mut gizmos: Gizmos,
    campaign: Res<Campaign>,
    scenario: Option<Res<ActiveScenario>>,
    places: Query<(Entity, &Place)>,
    routes: Query<(Entity, &Route)>,
    states: Query<&OasisState>,
    projection: Res<MapProjection>,
    pointer: Res<Pointer>,
    reach: Res<RoadReach>,
    camera: Single<&Projection, With<Camera2d>>,
    forces: Query<(Entity, &Location, &Activity, &Orders, &Standing)>,
    index: Option<Res<MapIndex>>,
) {
    let Some(scenario) = scenario.filter(|_| campaign.active) else {
        return;
    };
    let zoom = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    let features = &scenario.0.map.features;
    let spot = |e: Entity| {
        places
            .get(e)
            .map_or(Vec2::ZERO, |(_, p)| projection.at(p.lat, p.lon))
    };
    // Rivers wind, ranges raise their peaks.
    for f in features {
        let points = projection.line(&f.points);
        match f.kind {
            FeatureKind::River => {
                gizmos.linestrip_2d(points.iter().copied(), RIVER);
                gizmos.linestrip_2d(points.iter().map(|p| *p + Vec2::new(0.0, 1.0)), RIVER);
            }
            FeatureKind::Mountains => {
                for w in points.windows(2) {
                    let d = w[1] - w[0];
                    let n = (d.length() / 14.0).max(1.0) as usize;
                    for i in 0..n {
                        let c = w[0] + d * ((i as f32 + 0.5) / n as f32);
                        gizmos.linestrip_2d(
                            [
                                c + Vec2::new(-7.0, -4.0),
                                c + Vec2::new(0.0, 6.0),
                                c + Vec2::new(7.0, -4.0),
                            ],
                            MOUNTAIN,
                        );
                    }
                }
            }
            FeatureKind::Lake | FeatureKind::Desert => {}
        }
    }
    for (entity, r) in &routes {
        let (a, b) = (spot(r.a), spot(r.b));
        let d = b - a;
        if d.length() < 1.0 {
            continue;
        }
        let normal = d.perp().normalize();
        // Mountains and passes: peaks along both sides.
        if matches!(r.terrain, Terrain::Mountains | Terrain::Pass) {
            let n = (d.length() / 18.0).max(1.0) as usize;
            for i in 0..n {
                let c = a + d * ((i as f32 + 0.5) / n as f32);
                for side in [-1.0, 1.0] {
                    let base = c + normal * side * 11.0;
                    gizmos.linestrip_2d(
                        [
                            base - d.normalize() * 5.0,
                            base + normal * side * 0.0 + Vec2::new(0.0, 7.0),
                            base + d.normalize() * 5.0,
                        ],
                        MOUNTAIN,
                    );
                }
            }
        }
        // The road: blue where watered, red dashes along the waterless stretch.
        let (from, to) = if r.length.0 > 0.0 {
            ((r.dry_from / r.length) as f32, (r.dry_to / r.length) as f32)
        } else {
            (0.0, 0.0)
        };
        if to > from {
            gizmos.line_2d(a, a + d * from, WATERED);
            gizmos.line_2d(a + d * to, b, WATERED);
            // The last water before the dry stretch and the first after it.
            for t in [from, to] {
                gizmos
                    .circle_2d(Isometry2d::from_translation(a + d * t), 3.5 * zoom, WATERED)
                    .resolution(10);
            }
            let dashes = ((to - from) * d.length() / 8.0).max(1.0) as usize;
            for i in (0..dashes).step_by(2) {
                let t0 = from + (to - from) * i as f32 / dashes as f32;
                let t1 = from + (to - from) * (i + 1) as f32 / dashes as f32;
                gizmos.line_2d(a + d * t0, a + d * t1, DRY);
            }
        } else {
            gizmos.line_2d(a, b, WATERED);
        }
        let marked = [pointer.hover, pointer.pinned].contains(&Some(Target::Route(entity)));
        if marked {
            gizmos.line_2d(a + normal * 3.0, b + normal * 3.0, Color::BLACK);
            gizmos.line_2d(a - normal * 3.0, b - normal * 3.0, Color::BLACK);
        }
    }
    // Reach: a band on each side of the roads the selected force can take next, half their
    // length from where it leaves, coloured by whether it can reach the far end.
    for &(road, from, verdict) in &reach.roads {
        let Ok((_, r)) = routes.get(road) else {
            continue;
        };
        let (a, b) = (spot(from), spot(r.other(from)));
        let d = b - a;
        if d.length() < 1.0 {
            continue;
        }
        let normal = d.perp().normalize();
        for w in [4.0, 5.0, 6.0, 7.0] {
            for side in [-1.0, 1.0] {
                // Pixels on screen at any zoom.
                let n = normal * side * w * zoom;
                gizmos.line_2d(a + n, a + d * 0.5 + n, colour(verdict));
            }
        }
    }
    // Each force's queued marches: a dashed ink line from where it stands along the roads it
    // has been ordered to take, heavier for the selected force.
    if let Some(index) = &index {
        for (e, location, activity, orders, standing) in &forces {
            if standing.merged {
                continue;
            }
            let (lat, lon) = lat_lon(
                *location,
                |p| places.get(p).ok().map(|(_, p)| (p.lat, p.lon)),
                |r| routes.get(r).ok().map(|(_, r)| r.length),
            );
            let mut path = vec![projection.at(lat, lon)];
            if let Activity::Marching { to } = activity {
                path.push(spot(*to));
            }
            for step in orders.queued() {
                if let PlanStep::March(id) = step
                    && let Some(p) = index.places.get(id)
                {
                    path.push(spot(*p));
                }
            }
            let widths: &[f32] = if Some(e) == campaign.selected {
                &[-1.5, 0.0, 1.5]
            } else {
                &[0.0]
            };
            for w in path.windows(2) {
                let d = w[1] - w[0];
                let dashes = (d.length() / 6.0).max(1.0) as usize;
                let normal = d.perp().normalize_or_zero();
                for i in (0..dashes).step_by(2) {
                    let (t0, t1) = (i as f32 / dashes as f32, (i + 1) as f32 / dashes as f32);
                    for &off in widths {
                        let n = normal * off * zoom;
                        gizmos.line_2d(w[0] + d * t0 + n, w[0] + d * t1 + n, QUEUED);
                    }
                }
            }
        }
    }
    for (entity, p) in &places {
        let at = projection.at(p.lat, p.lon);
        gizmos.circle_2d(Isometry2d::from_translation(at), 4.0, INK_DOT);
        if p.terrain == Terrain::Pass {
            // A pass: a notch between two peaks.
            gizmos.linestrip_2d(
                [
                    at + Vec2::new(-12.0, -4.0),
                    at + Vec2::new(-6.0, 6.0),
                    at + Vec2::new(0.0, 0.0),
                    at + Vec2::new(6.0, 6.0),
                    at + Vec2::new(12.0, -4.0),
                ],
                MOUNTAIN,
            );
        }
        if [pointer.hover, pointer.pinned].contains(&Some(Target::Place(entity))) {
            gizmos.circle_2d(
                Isometry2d::from_translation(at),
                14.0 * zoom.max(0.5),
                Color::BLACK,
            );
        }
    }
    for s in &states {
        let at = spot(s.place);
        gizmos.circle_2d(Isometry2d::from_translation(at), 9.0, state_colour(s));
        gizmos.circle_2d(Isometry2d::from_translation(at), 10.0, state_colour(s));
    }
}

const INK_DOT: Color = Color::srgb(0.3, 0.25, 0.2);
/// A force's queued marches.
const QUEUED: Color = Color::srgba(0.15, 0.08, 0.03, 0.95);

/// A state's ring: by its answer to the Han, or, before any, by its attitude.
fn state_colour(s: &OasisState) -> Color {
    match s.relation {
        Relation::Submitted | Relation::Conquered => Color::srgb(0.1, 0.6, 0.2),
        Relation::Refused | Relation::Victorious => Color::srgb(0.8, 0.1, 0.1),
        Relation::Trading => Color::srgb(0.8, 0.7, 0.1),
        Relation::Hosts => Color::srgb(0.2, 0.5, 0.7),
        Relation::Unmet => {
            // Unmet: from red (hostile) through grey to green (friendly).
            let a = s.attitude.clamp(-1.0, 1.0) as f32;
            if a < 0.0 {
                Color::srgb(0.5 - 0.3 * a, 0.5 + 0.3 * a, 0.5 + 0.3 * a)
            } else {
                Color::srgb(0.5 - 0.3 * a, 0.5 + 0.1 * a, 0.5 - 0.3 * a)
            }
        }
    }
}
