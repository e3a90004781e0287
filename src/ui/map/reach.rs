//! Reach on the map: each road out of where the selected force's orders leave it, banded by
//! whether the force can reach its far end on what it will carry (green enough, amber marginal,
//! red not), from the simulation run ahead ([`forecast::reach`]). Worked out again when the
//! selection, the day or the orders change, and only while the clock is stopped: a forecast
//! replays the campaign, which is too slow for every frame of a running clock. Not shown while
//! the historical plan is watched. Beside each band, the days to the road's far end and the
//! nights camped without water on the way.

use bevy::prelude::*;

use super::super::game::{Campaign, Clock};
use super::super::theme::UiFont;
use super::projection::MapProjection;
use super::{Label, MapItem};
use crate::play::Played;
use crate::play::forecast::{self, Verdict};
use crate::play::view;
use crate::sim::Calendar;
use crate::sim::map::{Place, Route};

/// The roads the selected force can take next, with its verdicts, and what they were worked
/// out for.
#[derive(Resource, Debug, Default)]
pub struct RoadReach {
    /// The force, the day, the number of things done, and the campaign's epoch.
    key: Option<(Entity, u32, usize, u64)>,
    /// Each road, the place it leaves from, and the verdict.
    pub roads: Vec<(Entity, Entity, Verdict)>,
    /// Each road's days to its far end and nights camped without water on the way, where the
    /// runs ahead arrived: the words written beside its band.
    pub words: Vec<(Entity, Entity, String)>,
}

/// The words beside a road's reach band.
#[derive(Component)]
pub(super) struct ReachWords;

/// The colour of a verdict's band.
pub(super) fn colour(verdict: Verdict) -> Color {
    match verdict {
        Verdict::Enough => Color::srgba(0.15, 0.65, 0.25, 0.9),
        Verdict::Marginal => Color::srgba(0.95, 0.65, 0.05, 0.9),
        Verdict::Not => Color::srgba(0.85, 0.10, 0.10, 0.9),
    }
}

/// Works the reach out again when what it depends on has changed and the clock is stopped.
pub(super) fn update_reach(world: &mut World) {
    let campaign = world.resource::<Campaign>();
    let (active, selected, epoch) = (campaign.active, campaign.selected, campaign.epoch);
    if !active || world.resource::<Clock>().playing {
        return;
    }
    // Watching, the plan gives the orders: no road is the player's to choose.
    let chosen = selected.filter(|e| !campaign.watch && view::forces(world).contains(e));
    let Some(force) = chosen else {
        let mut reach = world.resource_mut::<RoadReach>();
        if reach.key.is_some() || !reach.roads.is_empty() {
            reach.roads.clear();
            reach.words.clear();
            reach.key = None;
        }
        return;
    };
    let day = world.resource::<Calendar>().day;
    let done = world
        .get_resource::<Played>()
        .map_or(0, |p| p.actions.len());
    let key = Some((force, day, done, epoch));
    if world.resource::<RoadReach>().key == key {
        return;
    }
    let name = view::force_name(world, force);
    let found = forecast::reach(world, &name).unwrap_or_default();
    let roads = found.iter().map(|r| (r.route, r.from, r.verdict)).collect();
    let words = found
        .iter()
        .filter_map(|r| {
            let leg = r.leg.as_ref()?;
            let dry = match leg.dry_camps {
                0 => String::new(),
                n => format!(", {n} dry"),
            };
            Some((r.route, r.from, format!("{} d{dry}", leg.days)))
        })
        .collect();
    let mut reach = world.resource_mut::<RoadReach>();
    reach.key = key;
    reach.roads = roads;
    reach.words = words;
}

/// Writes each reach band's days and dry nights beside it, two fifths of the way along the road
/// from where the force leaves, anew when the reach changes.
pub(super) fn label_reach(
    mut commands: Commands,
    reach: Res<RoadReach>,
    old: Query<Entity, With<ReachWords>>,
    routes: Query<&Route>,
    places: Query<&Place>,
    projection: Res<MapProjection>,
    font: Res<UiFont>,
) {
    if !reach.is_changed() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    let spot = |e: Entity| {
        places
            .get(e)
            .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
    };
    for (road, from, text) in &reach.words {
        let Ok(r) = routes.get(*road) else {
            continue;
        };
        let (a, b) = (spot(*from), spot(r.other(*from)));
        let at = a + (b - a) * 0.4;
        commands.spawn((
            MapItem,
            ReachWords,
            Label {
                at,
                offset: Vec2::new(0.0, 10.0),
            },
            Text2d::new(text.clone()),
            font.at(11.0),
            TextColor(Color::srgb(0.12, 0.10, 0.08)),
            Transform::from_translation(at.extend(4.0)),
        ));
    }
}
