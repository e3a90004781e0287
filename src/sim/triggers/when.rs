//! When a scenario's event fires: its [`Trigger`], its names found on the map once a campaign
//! ([`Resolved`]), read each day against the day, the forces and the states.

use bevy::prelude::*;

use crate::scenario::types::Trigger;
use crate::sim::campaign::CampaignStatus;
use crate::sim::force::{Activity, ForceMut};
use crate::sim::map::MapIndex;
use crate::sim::state::{OasisState, Relation, Remembered};

/// A trigger with the places and states it names found on the map, once a campaign: what the
/// day checks, with no lookup by name. A name the map lacks stands for nothing, and never comes.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// See [`Trigger::Day`].
    Day(u32),
    /// See [`Trigger::Arrive`].
    Arrive(Option<Entity>),
    /// See [`Trigger::SiegeDays`].
    SiegeDays(Option<Entity>, u32),
    /// See [`Trigger::Falls`].
    Falls(Option<Entity>),
    /// See [`Trigger::Answers`].
    Answers(Option<Entity>),
    /// See [`Trigger::MenBelow`].
    MenBelow(u32),
    /// See [`Trigger::GoalMet`].
    GoalMet(usize),
    /// See [`Trigger::PrestigeBelow`].
    PrestigeBelow(f64),
    /// See [`Trigger::All`].
    All(Vec<Resolved>),
    /// See [`Trigger::Any`].
    Any(Vec<Resolved>),
}

impl Resolved {
    /// `trigger`, its names found in `index`.
    pub fn of(trigger: &Trigger, index: &MapIndex) -> Resolved {
        let place = |id: &str| index.places.get(id).copied();
        let state = |id: &str| index.states.get(id).copied();
        match trigger {
            Trigger::Day(d) => Resolved::Day(*d),
            Trigger::Arrive(p) => Resolved::Arrive(place(p)),
            Trigger::SiegeDays(s, n) => Resolved::SiegeDays(state(s), *n),
            Trigger::Falls(s) => Resolved::Falls(state(s)),
            Trigger::Answers(s) => Resolved::Answers(state(s)),
            Trigger::MenBelow(n) => Resolved::MenBelow(*n),
            Trigger::GoalMet(i) => Resolved::GoalMet(*i),
            Trigger::PrestigeBelow(x) => Resolved::PrestigeBelow(*x),
            Trigger::All(all) => Resolved::All(all.iter().map(|t| Self::of(t, index)).collect()),
            Trigger::Any(any) => Resolved::Any(any.iter().map(|t| Self::of(t, index)).collect()),
        }
    }
}

/// What a trigger may look at besides the forces and states.
pub(super) struct Now<'a> {
    pub day: u32,
    pub status: &'a CampaignStatus,
    pub prestige: f64,
}

/// Whether `trigger` has come.
pub(super) fn triggered(
    trigger: &Resolved,
    now: &Now,
    forces: &Query<ForceMut>,
    states: &Query<(Entity, &mut OasisState)>,
) -> bool {
    let state = |e: Option<Entity>| e.and_then(|e| states.get(e).ok()).map(|(_, s)| s);
    match trigger {
        Resolved::Day(d) => now.day >= *d,
        Resolved::Arrive(place) => place.is_some_and(|place| {
            forces
                .iter()
                .any(|f| f.ledger.visits.iter().any(|v| v.place == place))
        }),
        Resolved::SiegeDays(target, n) => target.is_some_and(|target| {
            forces.iter().any(|f| {
                matches!(*f.activity, Activity::Besieging { state, days, .. } if state == target && days >= *n)
            })
        }),
        Resolved::Falls(s) => state(*s).is_some_and(|s| {
            s.relation == Relation::Conquered || s.remembers(&Remembered::NewKing)
        }),
        Resolved::Answers(s) => state(*s).is_some_and(|s| s.answered),
        Resolved::MenBelow(n) => {
            let men: u32 = forces
                .iter()
                .filter(|f| !f.standing.merged)
                .map(|f| f.column.men.total())
                .sum();
            men < *n
        }
        Resolved::GoalMet(i) => now.status.goals.get(*i).is_some_and(|g| g.met.is_some()),
        Resolved::PrestigeBelow(x) => now.prestige < *x,
        Resolved::All(all) => all.iter().all(|t| triggered(t, now, forces, states)),
        Resolved::Any(any) => any.iter().any(|t| triggered(t, now, forces, states)),
    }
}
