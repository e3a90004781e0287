//! When a scenario's event fires: its [`Trigger`] read against the day, the forces and the
//! states.

use bevy::prelude::*;

use crate::scenario::types::Trigger;
use crate::sim::campaign::CampaignStatus;
use crate::sim::force::{Activity, ForceMut};
use crate::sim::map::MapIndex;
use crate::sim::state::{OasisState, Relation, Remembered};

/// What a trigger may look at besides the forces and states.
pub(super) struct Now<'a> {
    pub day: u32,
    pub index: &'a MapIndex,
    pub status: &'a CampaignStatus,
    pub prestige: f64,
}

/// Whether `trigger` has come.
pub(super) fn triggered(
    trigger: &Trigger,
    now: &Now,
    forces: &Query<ForceMut>,
    states: &Query<(Entity, &mut OasisState)>,
) -> bool {
    let (day, index) = (now.day, now.index);
    let state_of = |id: &str| {
        index
            .states
            .get(id)
            .and_then(|&e| states.get(e).ok())
            .map(|(_, s)| s)
    };
    match trigger {
        Trigger::Day(d) => day >= *d,
        Trigger::Arrive(place) => index.places.get(place).is_some_and(|&place| {
            forces
                .iter()
                .any(|f| f.ledger.visits.iter().any(|v| v.place == place))
        }),
        Trigger::SiegeDays(state, n) => {
            let Some(&target) = index.states.get(state) else {
                return false;
            };
            forces.iter().any(|f| {
                matches!(*f.activity, Activity::Besieging { state, days, .. } if state == target && days >= *n)
            })
        }
        Trigger::Falls(state) => state_of(state).is_some_and(|s| {
            s.relation == Relation::Conquered || s.remembers(&Remembered::NewKing)
        }),
        Trigger::Answers(state) => state_of(state).is_some_and(|s| s.answered),
        Trigger::MenBelow(n) => {
            let men: u32 = forces
                .iter()
                .filter(|f| !f.standing.merged)
                .map(|f| f.column.men.total())
                .sum();
            men < *n
        }
        Trigger::GoalMet(i) => now.status.goals.get(*i).is_some_and(|g| g.met.is_some()),
        Trigger::PrestigeBelow(x) => now.prestige < *x,
        Trigger::All(all) => all.iter().all(|t| triggered(t, now, forces, states)),
        Trigger::Any(any) => any.iter().any(|t| triggered(t, now, forces, states)),
    }
}
