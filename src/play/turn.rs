//! Turns: the world resolves day by day, until the next decision is needed (read off the day's
//! events: an arrival, a state's answer, a fight, a siege's end, supplies running short, a force
//! with no orders), or for so many days.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Action, Played, view};
use crate::report::records::{StateAnswer, state_answers};
use crate::sim::log::{Chronicle, Logged, SimEvent};
use crate::sim::{self, CampaignStatus, Outcome};

/// How far to resolve the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Advance {
    /// Until the next decision is needed.
    Turn,
    /// So many days.
    Days(u32),
}

/// The most days one turn resolves before it hands back to the player.
pub const MAX_TURN_DAYS: u32 = 60;

/// Why a turn stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The campaign ended.
    Ended(Outcome),
    /// A state answered or suffered something.
    State {
        /// The state.
        state: Entity,
        /// What.
        answer: StateAnswer,
    },
    /// A siege ended.
    SiegeEnded,
    /// A new detachment is on its way.
    OnItsWay(Entity),
    /// A force lost men in a fight.
    Fought(Entity),
    /// A force reached a place.
    Arrived(Entity),
    /// A force is short of food or water.
    Short(Entity),
    /// Snow closes the road a force meant to take: it waits for the season to turn.
    Snowbound(Entity),
    /// A force stands idle with no orders.
    Awaiting(Entity),
    /// The days asked for have passed (or a turn's most).
    DaysPassed(u32),
}

/// What a turn brought.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// Days that passed.
    pub days: u32,
    /// Why the turn stopped.
    pub stop: Stop,
    /// Where the turn's events begin in the chronicle.
    pub from: usize,
}

/// Why the turn stops after a day with `events`, if it does.
fn stop_after(world: &World, events: &[Logged]) -> Option<Stop> {
    let answer = events.iter().flat_map(|l| state_answers(&l.event)).last();
    if let Some((state, answer)) = answer {
        return Some(Stop::State { state, answer });
    }
    if events
        .iter()
        .any(|l| matches!(l.event, SimEvent::SiegeEnded { .. }))
    {
        return Some(Stop::SiegeEnded);
    }
    let forces = view::forces(world);
    for &f in &forces {
        // The most telling of the force's reasons: new, fought, arrived, short.
        let most = events
            .iter()
            .filter_map(|l| match l.event {
                SimEvent::Detached { force, .. } if force == f => Some((0, Stop::OnItsWay(f))),
                SimEvent::Battle(b) if b.force == f && b.killed > 0 => Some((1, Stop::Fought(f))),
                SimEvent::Arrived { force, .. } if force == f => Some((2, Stop::Arrived(f))),
                SimEvent::RanShort { force } if force == f => Some((3, Stop::Short(f))),
                SimEvent::Snowbound { force, .. } if force == f => Some((2, Stop::Snowbound(f))),
                _ => None,
            })
            .min_by_key(|(rank, _)| *rank);
        if let Some((_, stop)) = most {
            return Some(stop);
        }
    }
    forces.into_iter().find_map(|f| {
        events.iter().find_map(|l| match l.event {
            SimEvent::AwaitingOrders { force } if force == f => Some(Stop::Awaiting(f)),
            _ => None,
        })
    })
}

/// Resolves the world in `world`: one day, so many days, or until the next decision, at most
/// [`MAX_TURN_DAYS`]. The days it took are recorded, so that a replay takes the same days.
pub fn advance(world: &mut World, how: Advance) -> Turn {
    let from = world.resource::<Chronicle>().0.len();
    let limit = match how {
        Advance::Turn => MAX_TURN_DAYS,
        Advance::Days(n) => n.max(1),
    };
    let mut days = 0;
    let mut stop = None;
    while days < limit {
        let day_from = world.resource::<Chronicle>().0.len();
        if !sim::advance_day(world) {
            break;
        }
        days += 1;
        if let Some(outcome) = world.resource::<CampaignStatus>().ended {
            stop = Some(Stop::Ended(outcome));
            break;
        }
        if how != Advance::Turn {
            continue;
        }
        let chronicle = world.resource::<Chronicle>();
        stop = stop_after(world, chronicle.since(day_from));
        if stop.is_some() {
            break;
        }
    }
    let recorded = match how {
        Advance::Turn => Advance::Days(days.max(1)),
        days => days,
    };
    if let Some(mut played) = world.get_resource_mut::<Played>() {
        played.actions.push(Action::Advance(recorded));
    }
    Turn {
        days,
        stop: stop.unwrap_or(Stop::DaysPassed(days)),
        from,
    }
}
