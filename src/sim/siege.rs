//! Sieges and battles.
//!
//! A siege is a contest of clocks. Each day the defenders' morale (1 at the start) falls by
//! `blockade_pressure · (min(ratio, max_ratio) / (1 + walls))²`, where `ratio` is the besieger's
//! strength over the garrison, times a random factor from 0.5 to 1.5; once the city's food is gone
//! by `hunger_pressure` more, and once its water is gone by `thirst_pressure` more. A city that
//! drinks from a stream outside its walls can have it diverted by engineers (`divert_days`), and
//! then lives on its cisterns (`cistern_days`). The city surrenders when its morale is gone. The
//! besieger eats too: it lifts the siege when its grain runs low, or after its commander's limit.
//!
//! A battle: the attacker wins with chance
//! `logistic(steepness · ln(strength / (garrison · (1 + wall_factor · outer wall))))`; the loser
//! loses `loser_losses` of its men, the winner `winner_losses`.

use bevy::prelude::*;

use super::attrition::remove_men;
use super::components::*;
use super::random::{SimRng, chance, ln, logistic};
use super::rules::daily_need;
use super::{ActiveScenario, Chronicled};
use crate::scenario::types::{CityWater, DiplomacyRules, SiegeRules};

/// The defenders' morale the blockade wears away in a day, before the random factor.
pub fn blockade_pressure(rules: &SiegeRules, strength: f64, state: &OasisState) -> f64 {
    let ratio = strength / f64::from(state.garrison.max(1));
    let pressed = ratio.min(rules.max_ratio) / (1.0 + state.walls.outer + state.walls.inner);
    rules.blockade_pressure * pressed * pressed
}

/// One day of siege for the city: engineers at work, stores eaten, morale worn down.
/// Returns whether the engineers cut the city's water today.
pub fn besiege_one_day(
    rules: &SiegeRules,
    state: &mut OasisState,
    strength: f64,
    engineers: bool,
    day_of_siege: u32,
    noise: f64,
) -> bool {
    let mut diverted_today = false;
    if engineers
        && state.city_water == CityWater::River
        && !state.water_diverted
        && day_of_siege >= rules.divert_days
    {
        state.water_diverted = true;
        diverted_today = true;
    }
    state.food_days -= 1.0;
    if state.water_diverted {
        state.water_days -= 1.0;
    }
    let mut pressure = blockade_pressure(rules, strength, state);
    if state.food_days <= 0.0 {
        pressure += rules.hunger_pressure;
    }
    if state.water_diverted && state.water_days <= 0.0 {
        pressure += rules.thirst_pressure;
    }
    state.defender_morale -= pressure * (0.5 + noise);
    diverted_today
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
                        &rules.diplomacy,
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
                let noise = super::random::uniform(&mut rng.combat);
                if besiege_one_day(
                    s,
                    &mut state,
                    force.strength(),
                    force.engineers,
                    days,
                    noise,
                ) {
                    chronicle.write(Chronicled {
                        text: format!(
                            "{}'s engineers divert the stream that {} drinks from; the city lives on its cisterns",
                            force.name, state.name
                        ),
                    });
                }
                if state.defender_morale <= 0.0 {
                    take_city(
                        force,
                        &mut state,
                        target,
                        s,
                        &calendar,
                        &mut prestige,
                        &mut status,
                        &rules.diplomacy,
                        &mut events,
                    );
                    sieges.record(&state, days, "fell");
                    let sacked = if state.refused_before {
                        ", and is sacked for refusing"
                    } else {
                        ""
                    };
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} surrenders to {} after {days} days of siege{sacked}",
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
                    sieges.record(&state, days, "lifted");
                    // The city recovers its nerve once the besiegers are gone.
                    state.defender_morale = 1.0;
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
    diplomacy: &DiplomacyRules,
    events: &mut StateEvents,
) {
    state.relation = Relation::Conquered;
    let horses = (f64::from(state.horses) * s.horses_taken).round() as u32;
    state.horses -= horses;
    force.animals.horses += horses;
    force.ledger.animals_gained.horses += horses;
    force.morale = (force.morale + 0.1).min(1.0);
    let mut gain = diplomacy.prestige_for_victory;
    if state.refused_before {
        // A city that refused is sacked: the others take note.
        gain += s.massacre_prestige;
        events.record(state, "sacked", calendar.day);
    } else {
        events.record(state, "conquered", calendar.day);
    }
    prestige.0 = (prestige.0 + gain).min(1.0);
    if status.objective == Some(target) && status.objective_taken.is_none() {
        status.objective_taken = Some(calendar.day);
    }
}
