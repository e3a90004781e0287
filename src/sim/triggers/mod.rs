//! Scenario events: data-driven triggers (a day, an arrival, a siege's length, a state's fall or
//! answer) with effects (a message, prestige, a state's attitude, reinforcements, allies, a relief
//! army). Each event fires once.
//!
//! A relief army comes `days` after its event. If the state it relieves is still besieged then,
//! it gives battle to the besieger only if its strength is at least `relief_dare_ratio` of the
//! besieger's (with allies); otherwise it watches and goes home. A besieger beaten by the relief
//! lifts the siege.

mod effects;
mod when;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::ActiveScenario;
use super::battle;
use super::calendar::Calendar;
use super::campaign::{CampaignStatus, Prestige};
use super::enemy::{self, strike};
use super::force::{Activity, ForceMut, Orders};
use super::log::{EffectRef, SimEvent};
use super::map::{MapIndex, Place, Route};
use super::random::SimRng;
use super::state::OasisState;
use effects::Effects;
use when::{Now, Resolved, triggered};

/// A relief army on its way.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRelief {
    /// The scenario's effect that sent it.
    pub effect: EffectRef,
    /// The state it relieves.
    pub state: Entity,
    /// Men.
    pub men: u32,
    /// Share who are horsemen.
    pub cavalry_share: f64,
    /// The day it arrives.
    pub due: u32,
}

/// Which events have fired, and the relief armies on their way.
#[derive(Resource, Debug, Clone, Default)]
pub struct Triggers {
    /// Whether each of the scenario's events has fired, in file order.
    pub fired: Vec<bool>,
    /// Relief armies on their way.
    pub reliefs: Vec<PendingRelief>,
    /// Each event's trigger, its names found on the map (on the campaign's first day).
    when: Vec<Resolved>,
}

/// The forces, places and messages the events' phase reads and changes: one parameter, whose
/// parts share the day's borrow of the world (the scenario's effects take them together).
#[derive(SystemParam)]
pub struct EventsPhase<'w, 's> {
    /// The enemy forces in the field.
    enemies: Query<'w, 's, (Entity, &'static mut enemy::EnemyForce)>,
    /// The forces.
    forces: Query<'w, 's, ForceMut>,
    /// The oasis states.
    states: Query<'w, 's, (Entity, &'static mut OasisState)>,
    /// The roads.
    routes: Query<'w, 's, &'static mut Route>,
    /// The places.
    places: Query<'w, 's, &'static Place>,
    /// The forces' orders.
    orders: Query<'w, 's, &'static mut Orders>,
    /// Forces and enemies raised.
    commands: Commands<'w, 's>,
    /// The day's events.
    events: MessageWriter<'w, SimEvent>,
}

/// The events' phase: the day of the enemy forces in the field ([`enemy::enemy_day`], on days
/// with one), then the scenario's events whose triggers have come, and the relief armies that
/// are due. One system: a system costs its parameters every day, and these two share most of
/// theirs. An enemy force raised today takes the field tomorrow; one that leaves the field is
/// gone when the day is done.
#[allow(clippy::too_many_arguments)]
pub fn run_events(
    phase: EventsPhase,
    scenario: Res<ActiveScenario>,
    index: Res<MapIndex>,
    calendar: Res<Calendar>,
    mut log: ResMut<Triggers>,
    mut prestige: ResMut<Prestige>,
    mut rng: ResMut<SimRng>,
    mut status: ResMut<CampaignStatus>,
) {
    let EventsPhase {
        mut enemies,
        mut forces,
        mut states,
        mut routes,
        places,
        mut orders,
        mut commands,
        mut events,
    } = phase;
    let scenario_events = &scenario.0.campaign.events;
    let rules = &scenario.0.rules;
    let day = calendar.day;
    if !enemies.is_empty() {
        let mut w = strike::World {
            rules,
            prestige: &mut prestige,
            rng: &mut rng,
            events: &mut events,
        };
        enemy::enemy_day(
            &mut w,
            &mut commands,
            &mut enemies,
            &mut forces,
            &mut states,
            &routes.as_readonly(),
            &index,
            &calendar,
        );
    }
    let Triggers {
        fired,
        reliefs,
        when,
    } = &mut *log;
    if when.len() != scenario_events.len() {
        *when = scenario_events
            .iter()
            .map(|e| Resolved::of(&e.when, &index))
            .collect();
    }
    fired.resize(scenario_events.len(), false);
    let mut effects = Effects {
        rules,
        index: &index,
        calendar: &calendar,
        forces: &mut forces,
        states: &mut states,
        routes: &mut routes,
        places: &places,
        orders: &mut orders,
        commands: &mut commands,
        prestige: &mut prestige,
        rng: &mut rng,
        status: &mut status,
        reliefs,
        events: &mut events,
        raised: None,
    };
    for (i, event) in scenario_events.iter().enumerate() {
        let now = Now {
            day,
            status: effects.status,
            prestige: effects.prestige.0,
        };
        if fired[i] || !triggered(&when[i], &now, effects.forces, effects.states) {
            continue;
        }
        fired[i] = true;
        for (j, effect) in event.then.iter().enumerate() {
            effects.apply(
                effect,
                EffectRef {
                    event: i,
                    effect: j,
                },
            );
        }
    }
    // Relief armies that are due.
    let due: Vec<PendingRelief> = log
        .reliefs
        .iter()
        .filter(|r| r.due <= day)
        .cloned()
        .collect();
    log.reliefs.retain(|r| r.due > day);
    for relief in due {
        let besieger = forces.iter_mut().find(
            |f| matches!(*f.activity, Activity::Besieging { state, .. } if state == relief.state),
        );
        let Some(mut force) = besieger else {
            events.write(SimEvent::ReliefFoundNoSiege(relief.effect));
            continue;
        };
        let Ok((entity, mut state)) = states.get_mut(relief.state) else {
            continue;
        };
        let enemy = battle::Enemy::in_the_open(relief.men, relief.cavalry_share);
        let mut w = strike::World {
            rules,
            prestige: &mut prestige,
            rng: &mut rng,
            events: &mut events,
        };
        strike::fall_on_besieger(
            &mut w,
            &mut force,
            (entity, &mut state),
            (enemy, relief.effect),
            true,
        );
    }
}
