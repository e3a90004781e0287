//! Scenario events: data-driven triggers (a day, an arrival, a siege's length, a state's fall or
//! answer) with effects (a message, prestige, a state's attitude, reinforcements, allies, a relief
//! army). Each event fires once.
//!
//! A relief army comes `days` after its event. If the state it relieves is still besieged then,
//! it gives battle to the besieger only if its strength is at least `relief_dare_ratio` of the
//! besieger's (with allies); otherwise it watches and goes home. A besieger beaten by the relief
//! lifts the siege.

use bevy::prelude::*;

use super::battle;
use super::components::*;
use super::random::SimRng;
use super::{ActiveScenario, Chronicled};
use crate::scenario::types::{Effect, Trigger};

/// A relief army on its way.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRelief {
    /// Who they are.
    pub name: String,
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
pub struct EventLog {
    /// Whether each of the scenario's events has fired, in file order.
    pub fired: Vec<bool>,
    /// Relief armies on their way.
    pub reliefs: Vec<PendingRelief>,
}

/// Whether `trigger` has come.
fn triggered(
    trigger: &Trigger,
    day: u32,
    forces: &Query<(Entity, &mut Force)>,
    states: &Query<(Entity, &mut OasisState)>,
    index: &MapIndex,
    answers: &StateEvents,
) -> bool {
    let state_of = |id: &str| {
        index
            .states
            .get(id)
            .and_then(|&e| states.get(e).ok())
            .map(|(_, s)| s)
    };
    match trigger {
        Trigger::Day(d) => day >= *d,
        Trigger::Arrive(place) => forces
            .iter()
            .any(|(_, f)| f.ledger.visits.iter().any(|v| &v.id == place)),
        Trigger::SiegeDays(state, n) => {
            let Some(&target) = index.states.get(state) else {
                return false;
            };
            forces.iter().any(|(_, f)| {
                matches!(f.activity, Activity::Besieging { state, days, .. } if state == target && days >= *n)
            })
        }
        Trigger::Falls(state) => state_of(state).is_some_and(|s| {
            s.relation == Relation::Conquered || s.remembers(&Remembered::NewKing)
        }),
        Trigger::Answers(state) => answers.0.iter().any(|e| &e.id == state),
    }
}

/// Fires the events whose triggers have come, and brings relief armies that are due.
pub fn run_events(
    mut forces: Query<(Entity, &mut Force)>,
    mut states: Query<(Entity, &mut OasisState)>,
    scenario: Res<ActiveScenario>,
    index: Res<MapIndex>,
    calendar: Res<Calendar>,
    answers: Res<StateEvents>,
    mut log: ResMut<EventLog>,
    mut prestige: ResMut<Prestige>,
    mut rng: ResMut<SimRng>,
    mut sieges: ResMut<Sieges>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let events = &scenario.0.campaign.events;
    let rules = &scenario.0.rules;
    let day = calendar.day;
    log.fired.resize(events.len(), false);
    for (i, event) in events.iter().enumerate() {
        if log.fired[i] || !triggered(&event.when, day, &forces, &states, &index, &answers) {
            continue;
        }
        log.fired[i] = true;
        for effect in &event.then {
            match effect {
                Effect::Message(text) => {
                    chronicle.write(Chronicled { text: text.clone() });
                }
                Effect::Prestige(delta) => {
                    prestige.0 = (prestige.0 + delta).clamp(-1.0, 1.0);
                }
                Effect::Attitude(state, value) => {
                    if let Some(&e) = index.states.get(state)
                        && let Ok((_, mut s)) = states.get_mut(e)
                    {
                        s.attitude = value.clamp(-1.0, 1.0);
                    }
                }
                Effect::Reinforce {
                    men,
                    animals,
                    stores,
                } => {
                    if let Some((_, mut f)) = forces
                        .iter_mut()
                        .find(|(_, f)| !f.merged && f.men.total() > 0)
                    {
                        f.men.infantry += men.infantry;
                        f.men.cavalry += men.cavalry;
                        f.ledger.men_in += men.total();
                        for kind in super::rules::AnimalKind::ALL {
                            *f.animals.get_mut(kind) += animals.get(kind);
                            *f.ledger.animals_in.get_mut(kind) += animals.get(kind);
                        }
                        f.stores.grain_kg += stores.grain_t * 1000.0;
                        f.stores.fodder_kg += stores.fodder_t * 1000.0;
                        f.stores.water_l += stores.water_m3 * 1000.0;
                        chronicle.write(Chronicled {
                            text: format!(
                                "{} men and {} animals join {}",
                                men.total(),
                                animals.total(),
                                f.name
                            ),
                        });
                    }
                }
                Effect::Ally {
                    name,
                    men,
                    cavalry_share,
                    commitment,
                } => {
                    if let Some((_, mut f)) = forces
                        .iter_mut()
                        .find(|(_, f)| !f.merged && f.men.total() > 0)
                    {
                        f.allies.push(Allies {
                            name: name.clone(),
                            men: *men,
                            cavalry_share: *cavalry_share,
                            commitment: commitment.clamp(0.0, 1.0),
                        });
                        let how = if *commitment <= 0.0 {
                            "but they hold back and will not fight"
                        } else {
                            "ready to fight"
                        };
                        chronicle.write(Chronicled {
                            text: format!("{men} men of {name} join {}, {how}", f.name),
                        });
                    }
                }
                Effect::Relief {
                    name,
                    state,
                    men,
                    cavalry_share,
                    days,
                } => {
                    if let Some(&e) = index.states.get(state) {
                        log.reliefs.push(PendingRelief {
                            name: name.clone(),
                            state: e,
                            men: *men,
                            cavalry_share: *cavalry_share,
                            due: day + days,
                        });
                        chronicle.write(Chronicled {
                            text: format!(
                                "{men} men of {name} march to relieve the besieged; they will come in {days} days"
                            ),
                        });
                    }
                }
            }
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
        let besieger = forces.iter_mut().find(|(_, f)| {
            matches!(f.activity, Activity::Besieging { state, .. } if state == relief.state)
        });
        let Some((_, mut force)) = besieger else {
            chronicle.write(Chronicled {
                text: format!("{} finds no siege to break and goes home", relief.name),
            });
            continue;
        };
        let b = &rules.battle;
        let theirs =
            battle::enemy_strength(b, f64::from(relief.men), relief.cavalry_share, 0.0, 1.0);
        let ours = battle::han_strength(b, &force, relief.cavalry_share);
        if theirs < b.relief_dare_ratio * ours {
            chronicle.write(Chronicled {
                text: format!(
                    "{} watches {}, finds it still strong, and dares not attack",
                    relief.name, force.name
                ),
            });
            continue;
        }
        let Ok((_, mut state)) = states.get_mut(relief.state) else {
            continue;
        };
        let enemy = battle::Enemy {
            men: relief.men,
            cavalry: relief.cavalry_share,
            wall: 0.0,
            morale: 1.0,
        };
        let r = battle::fight(b, &mut force, false, enemy, 1.0, &mut rng.combat);
        if r.han_won {
            state.defender_morale -= rules.siege.breach_morale;
            chronicle.write(Chronicled {
                text: format!(
                    "{} attacks the siege lines and is beaten off: {} of its men and {} Han killed",
                    relief.name, r.enemy_killed, r.han_killed
                ),
            });
        } else {
            if let Activity::Besieging { days, .. } = force.activity {
                sieges.record(&state, days, "lifted");
            }
            force.activity = Activity::Idle;
            state.defender_morale = 1.0;
            prestige.0 = (prestige.0 - rules.diplomacy.prestige_for_defeat).max(-1.0);
            chronicle.write(Chronicled {
                text: format!(
                    "{} routs {} before {}: {} men killed; the siege is lifted",
                    relief.name, force.name, state.name, r.han_killed
                ),
            });
        }
    }
}
