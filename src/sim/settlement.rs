//! Settling a state by order: a prince demanded as hostage (`hostage`), and a friendly king put on
//! its throne (`king`).
//!
//! **A hostage** binds a state: its Xiongnu influence falls by the rules'
//! `quartermaster.hostage_influence_cut` of itself and Han prestige rises by
//! `prestige_for_hostage`. A state that submitted or was conquered sends one. A state that only
//! sells sends one if it would submit now (one draw against [`submit_chance`] at the army's
//! displayed power, as when it was asked), and from then on supplies without pay; otherwise it
//! shuts its gates on the force and remembers the demand as a refused envoy.
//!
//! **A friendly king** can be put only on the throne of a state that submitted or was conquered:
//! its attitude becomes the siege terms' `new_king_attitude`, it submits (and so supplies), it
//! remembers the new king, Han prestige rises by `prestige_for_new_king`, and every other state's
//! attitude rises by `new_king_region_attitude`.

use bevy::prelude::*;

use super::ActiveScenario;
use super::calendar::Calendar;
use super::campaign::Prestige;
use super::diplomacy::{displayed_power, submit_chance, want};
use super::force::{Activity, ForceMut};
use super::log::SimEvent;
use super::prestige::change_prestige;
use super::random::{SimRng, uniform};
use super::state::{OasisState, Relation, Remembered};

/// Carries out the demands for hostages and the new kings ordered today (on days when a force is
/// [`Activity::is_settling`]).
pub fn settle_states(
    mut forces: Query<ForceMut>,
    mut states: Query<(Entity, &mut OasisState)>,
    scenario: Res<ActiveScenario>,
    mut prestige: ResMut<Prestige>,
    calendar: Res<Calendar>,
    mut rng: ResMut<SimRng>,
    mut events: MessageWriter<SimEvent>,
) {
    if !forces.iter().any(|f| f.activity.is_settling()) {
        return;
    }
    let rules = &scenario.0.rules;
    let q = &rules.quartermaster;
    let day = calendar.day;
    let han_strength = displayed_power(rules, &forces);
    for mut force in &mut forces {
        let me = force.entity;
        match *force.activity {
            Activity::DemandingHostage { state: target } => {
                *force.activity = Activity::Idle;
                let Ok((_, mut state)) = states.get_mut(target) else {
                    continue;
                };
                if state.remembers(&Remembered::SentHostage) {
                    continue;
                }
                let complies = match state.relation {
                    Relation::Submitted | Relation::Conquered => true,
                    Relation::Trading => {
                        let hunger = want(rules, &force.column, &force.stores, &force.condition);
                        let p = submit_chance(
                            &rules.diplomacy,
                            han_strength,
                            hunger,
                            &state,
                            prestige.0,
                        );
                        uniform(&mut rng.diplomacy) < p
                    }
                    _ => false,
                };
                if !complies {
                    if state.relation == Relation::Trading {
                        state.relation = Relation::Refused;
                        state.remember(Remembered::RefusedEnvoy, day);
                        events.write(SimEvent::HostageRefused {
                            force: me,
                            state: target,
                        });
                    }
                    continue;
                }
                if state.relation == Relation::Trading {
                    state.relation = Relation::Submitted;
                }
                state.xiongnu_influence *= 1.0 - q.hostage_influence_cut.clamp(0.0, 1.0);
                state.remember(Remembered::SentHostage, day);
                events.write(SimEvent::HostageSent { state: target });
                change_prestige(&mut prestige, q.prestige_for_hostage, &mut events);
            }
            Activity::InstallingKing { state: target } => {
                *force.activity = Activity::Idle;
                let Ok((_, mut state)) = states.get_mut(target) else {
                    continue;
                };
                if !state.relation.supplies() || state.remembers(&Remembered::NewKing) {
                    continue;
                }
                state.relation = Relation::Submitted;
                state.attitude = rules.siege.terms.new_king_attitude.clamp(-1.0, 1.0);
                state.remember(Remembered::NewKing, day);
                events.write(SimEvent::KingInstalled {
                    force: me,
                    state: target,
                });
                change_prestige(&mut prestige, q.prestige_for_new_king, &mut events);
                for (other, mut state) in &mut states {
                    if other != target {
                        state.attitude =
                            (state.attitude + q.new_king_region_attitude).clamp(-1.0, 1.0);
                    }
                }
            }
            _ => {}
        }
    }
}
