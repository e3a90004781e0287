//! Sieges and battles, in a first simple form.
//!
//! A siege: each day the city falls with chance `daily_fall · min(ratio, max_ratio) / (1 + walls)`,
//! where `ratio` is the besieger's strength over the garrison; the besieger lifts it after its
//! commander's limit of days or when its grain runs low. A battle: the attacker wins with chance
//! `logistic(steepness · ln(strength / (garrison · (1 + wall_factor · outer wall))))`; the loser
//! loses `loser_losses` of its men, the winner `winner_losses`.

use bevy::prelude::*;

use super::attrition::remove_men;
use super::components::*;
use super::random::{SimRng, chance, ln, logistic};
use super::rules::daily_need;
use super::{ActiveScenario, Chronicled};
use crate::scenario::types::SiegeRules;

/// The chance a city falls today.
pub fn fall_chance(rules: &SiegeRules, strength: f64, state: &OasisState) -> f64 {
    let ratio = strength / f64::from(state.garrison.max(1));
    rules.daily_fall * ratio.min(rules.max_ratio) / (1.0 + state.walls.outer + state.walls.inner)
}

/// The chance an attacker of `strength` beats the state's garrison.
pub fn battle_win_chance(rules: &SiegeRules, strength: f64, state: &OasisState) -> f64 {
    let defence = f64::from(state.garrison.max(1)) * (1.0 + rules.wall_factor * state.walls.outer);
    logistic(rules.battle_steepness * ln(strength.max(1.0) / defence))
}

/// Kills `share` of a force's men in battle, and as many of its horses in proportion to its cavalry.
fn battle_losses(force: &mut Force, share: f64) -> u32 {
    let men = force.men.total();
    let killed = (f64::from(men) * share).round() as u32;
    let cavalry_share = if men > 0 {
        f64::from(force.men.cavalry) / f64::from(men)
    } else {
        0.0
    };
    let killed = remove_men(&mut force.men, killed);
    force.ledger.men_lost.combat += killed;
    let horses = ((f64::from(killed) * cavalry_share).round() as u32).min(force.animals.horses);
    force.animals.horses -= horses;
    force.ledger.animals_lost.horses.combat += horses;
    killed
}

/// Resolves a day of every siege and every battle.
pub fn resolve_sieges_and_battles(
    mut forces: Query<&mut Force>,
    mut states: Query<&mut OasisState>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut prestige: ResMut<Prestige>,
    mut status: ResMut<CampaignStatus>,
    mut rng: ResMut<SimRng>,
    mut events: ResMut<StateEvents>,
    mut sieges: ResMut<Sieges>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let rules = &scenario.0.rules;
    let s = &rules.siege;
    for mut force in &mut forces {
        let force = &mut *force;
        match force.activity {
            Activity::Attacking { state: target } => {
                let Ok(mut state) = states.get_mut(target) else {
                    force.activity = Activity::Idle;
                    continue;
                };
                let p = battle_win_chance(s, force.strength(), &state);
                let won = chance(&mut rng.combat, p);
                force.activity = Activity::Idle;
                if won {
                    let killed = battle_losses(force, s.winner_losses);
                    state.garrison = (f64::from(state.garrison) * (1.0 - s.loser_losses)) as u32;
                    take_city(
                        force,
                        &mut state,
                        target,
                        s,
                        &calendar,
                        &mut prestige,
                        &mut status,
                        rules.diplomacy.prestige_for_victory,
                        &mut events,
                    );
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} storms {} at a cost of {killed} men",
                            force.name, state.name
                        ),
                    });
                } else {
                    let killed = battle_losses(force, s.loser_losses);
                    force.ledger.battles_lost += 1;
                    force.morale = (force.morale - 0.2).max(0.0);
                    prestige.0 = (prestige.0 - rules.diplomacy.prestige_for_defeat).max(-1.0);
                    state.relation = Relation::Victorious;
                    events.record(&state, "defeated the Han", calendar.day);
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} is beaten at {}: {killed} men killed",
                            force.name, state.name
                        ),
                    });
                }
            }
            Activity::Besieging {
                state: target,
                days,
                max_days,
            } => {
                let Ok(mut state) = states.get_mut(target) else {
                    force.activity = Activity::Idle;
                    continue;
                };
                if matches!(state.relation, Relation::Conquered | Relation::Submitted) {
                    force.activity = Activity::Idle;
                    continue;
                }
                let days = days + 1;
                // Sallies and skirmishes cost the besieger a little every day.
                let skirmish = (0.002
                    * (f64::from(state.garrison) / force.strength().max(1.0)).min(1.0))
                .min(1.0);
                let skirmish_losses =
                    super::random::binomial(&mut rng.combat, force.men.total(), skirmish);
                let killed = remove_men(&mut force.men, skirmish_losses);
                force.ledger.men_lost.combat += killed;
                if chance(&mut rng.combat, fall_chance(s, force.strength(), &state)) {
                    take_city(
                        force,
                        &mut state,
                        target,
                        s,
                        &calendar,
                        &mut prestige,
                        &mut status,
                        rules.diplomacy.prestige_for_victory,
                        &mut events,
                    );
                    sieges.0.push(SiegeRecord {
                        target: state.id.clone(),
                        name: state.name.clone(),
                        days,
                        water_diverted: false,
                        result: "fell".to_string(),
                    });
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} falls to {} after {days} days of siege",
                            state.name, force.name
                        ),
                    });
                    force.activity = Activity::Idle;
                    continue;
                }
                let need = daily_need(rules, force.men.total(), force.men.cavalry, &force.animals)
                    .men_grain_kg
                    .max(1e-9);
                let food_days = (force.stores.grain_kg + force.stores.meat_kg) / need;
                let hungry = food_days < s.lift_below_days && force.animals.oxen == 0;
                if days >= max_days || hungry {
                    prestige.0 = (prestige.0 - rules.diplomacy.prestige_for_defeat).max(-1.0);
                    events.record(&state, "held out", calendar.day);
                    sieges.0.push(SiegeRecord {
                        target: state.id.clone(),
                        name: state.name.clone(),
                        days,
                        water_diverted: false,
                        result: "lifted".to_string(),
                    });
                    let why = if hungry {
                        "its own grain running out"
                    } else {
                        "the city holding out"
                    };
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} lifts the siege of {} after {days} days, {why}",
                            force.name, state.name
                        ),
                    });
                    force.activity = Activity::Idle;
                } else {
                    force.activity = Activity::Besieging {
                        state: target,
                        days,
                        max_days,
                    };
                }
            }
            _ => {}
        }
    }
}

/// A city taken: its stores open to the victor, its horses are led away, prestige rises.
fn take_city(
    force: &mut Force,
    state: &mut OasisState,
    target: Entity,
    s: &SiegeRules,
    calendar: &Calendar,
    prestige: &mut Prestige,
    status: &mut CampaignStatus,
    prestige_gain: f64,
    events: &mut StateEvents,
) {
    state.relation = Relation::Conquered;
    let horses = (f64::from(state.horses) * s.horses_taken).round() as u32;
    state.horses -= horses;
    force.animals.horses += horses;
    force.ledger.animals_gained.horses += horses;
    force.morale = (force.morale + 0.1).min(1.0);
    prestige.0 = (prestige.0 + prestige_gain).min(1.0);
    events.record(state, "conquered", calendar.day);
    if status.objective == Some(target) && status.objective_taken.is_none() {
        status.objective_taken = Some(calendar.day);
    }
}
