//! States answer a force that asks for supplies: submit and supply, or refuse and close the gates.
//!
//! The rule (a first, simple form): the chance to submit is the logistic of
//! `bias + power_weight·ln(strength / soldiers) + attitude_weight·attitude
//!  + prestige_weight·prestige − xiongnu_weight·xiongnu_influence`.

use bevy::prelude::*;

use super::components::*;
use super::random::{SimRng, chance, ln, logistic};
use super::{ActiveScenario, Chronicled};
use crate::scenario::types::DiplomacyRules;

/// The chance that `state` submits to a force of `strength`, at `prestige`.
pub fn submit_chance(
    rules: &DiplomacyRules,
    strength: f64,
    state: &OasisState,
    prestige: f64,
) -> f64 {
    let power = strength.max(1.0) / f64::from(state.soldiers.max(1));
    logistic(
        rules.bias
            + rules.power_weight * ln(power)
            + rules.attitude_weight * state.attitude
            + rules.prestige_weight * prestige
            - rules.xiongnu_weight * state.xiongnu_influence,
    )
}

/// Answers every force that asks the state where it stands.
pub fn answer_requests(
    mut forces: Query<&mut Force>,
    mut states: Query<&mut OasisState>,
    scenario: Res<ActiveScenario>,
    prestige: Res<Prestige>,
    calendar: Res<Calendar>,
    mut rng: ResMut<SimRng>,
    mut events: ResMut<StateEvents>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let rules = &scenario.0.rules;
    for mut force in &mut forces {
        let Activity::Requesting { state: target } = force.activity else {
            continue;
        };
        let Ok(mut state) = states.get_mut(target) else {
            force.activity = Activity::Idle;
            continue;
        };
        match state.relation {
            Relation::Submitted | Relation::Conquered => {
                // A friend or a conquest supplies without being asked twice.
                force.activity = Activity::Idle;
            }
            Relation::Unmet | Relation::Refused | Relation::Victorious => {
                let p = submit_chance(&rules.diplomacy, force.strength(), &state, prestige.0);
                let submits = chance(&mut rng.diplomacy, p);
                let answer = if submits { "submitted" } else { "refused" };
                events.record(&state, answer, calendar.day);
                if submits {
                    state.relation = Relation::Submitted;
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} submits to {} and opens its granaries ({:.0} t of grain to spare)",
                            state.name,
                            force.name,
                            state.grain_kg / 1000.0
                        ),
                    });
                    force.activity = Activity::Idle;
                } else {
                    state.relation = Relation::Refused;
                    state.refused_before = true;
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} shuts its gates on {} and refuses food; the army besieges it",
                            state.name, force.name
                        ),
                    });
                    force.activity = Activity::Besieging {
                        state: target,
                        days: 0,
                        max_days: rules.siege.give_up_days,
                    };
                }
            }
        }
    }
}
