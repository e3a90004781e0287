//! Reach on the map: each road out of where the selected force's orders leave it, banded by
//! whether the force can reach its far end on what it will carry (green enough, amber marginal,
//! red not), from the simulation run ahead ([`forecast::reach`]). Worked out again when the
//! selection, the day or the orders change, and only while the clock is stopped: a forecast
//! replays the campaign, which is too slow for every frame of a running clock. Not shown while
//! the historical plan is watched.

use bevy::prelude::*;

use super::super::game::{Campaign, Clock};
use crate::play::Played;
use crate::play::forecast::{self, Verdict};
use crate::play::view;
use crate::sim::Calendar;

/// The roads the selected force can take next, with its verdicts, and what they were worked
/// out for.
#[derive(Resource, Debug, Default)]
pub struct RoadReach {
    /// The force, the day, the number of things done, and the campaign's epoch.
    key: Option<(Entity, u32, usize, u64)>,
    /// Each road, the place it leaves from, and the verdict.
    pub roads: Vec<(Entity, Entity, Verdict)>,
}

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
        world.resource_mut::<RoadReach>().roads.clear();
        world.resource_mut::<RoadReach>().key = None;
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
    let roads = forecast::reach(world, &name)
        .map(|roads| {
            roads
                .into_iter()
                .map(|r| (r.route, r.from, r.verdict))
                .collect()
        })
        .unwrap_or_default();
    let mut reach = world.resource_mut::<RoadReach>();
    reach.key = key;
    reach.roads = roads;
}
