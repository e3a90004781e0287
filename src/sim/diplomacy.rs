//! States answer a force that asks for supplies; gifts, requisitions, hostages and the harvest.
//!
//! **The answer** is an ordered logit on one latent willingness
//!
//! ```text
//! z = bias + power_weight·ln(strength / soldiers) + attitude_weight·attitude
//!     + prestige_weight·prestige − xiongnu_weight·xiongnu_influence
//!     − hunger_weight·want − (victor_boldness if it has beaten the Han before)
//! ```
//!
//! where `want` is `1 − days of food carried / hunger_days` (at least 0): a town can wait out an
//! army that must move on for food within days. With one uniform draw `u`: the state submits if
//! `u < logistic(z)`; otherwise it sells if the force carries silk or gold and
//! `u < logistic(z + sell_margin)`; otherwise it refuses and shuts its gates. A refusing state
//! falls on the column at its gates with chance `win · hostility · attack_boldness`, where `win`
//! is its chance of beating that column in the field (see [`super::battle`]) and `hostility` is
//! `−attitude` (0 for a friendly state). A city of a kingdom (`vassal_of`) does not submit or
//! sell while its overlord still resists. A stronger army, a friendlier state, more prestige all
//! move every answer up the scale.
//!
//! Each submission raises Han prestige by `prestige_for_submission`: the neighbours watch.
//!
//! `strength` is the displayed power of every Han column in the region, not only the one at the
//! gates: news of the whole expedition runs ahead of it.
//!
//! **Gifts** raise a state's attitude by `gift_weight · ln(1 + cash / (households ·
//! gift_cash_per_household))`. **Requisition** is a demand: a walled town keeps its grain until
//! it has submitted or been taken (beaten or besieged first); otherwise its spare grain is taken
//! by force, its attitude falls by `requisition_attitude` and every other state's by
//! `requisition_region_attitude`; from a state that had submitted it is a broken promise, and
//! every state's attitude falls by `broken_promise` more. A state that submits while Han prestige is at least `hostage_prestige` sends a prince
//! as hostage. States remember all of this (see [`Remembered`]).
//!
//! **The harvest** comes in on the first day of autumn: a state's spare grain is its households
//! times `grain_per_household_kg`, of which `granary_by_season` is still in store in each season.

use bevy::prelude::*;

use super::ActiveScenario;
use super::battle;
use super::calendar::Calendar;
use super::campaign::Prestige;
use super::force::{Activity, Force, ForceMut, ForceMutItem, Stores};
use super::log::{Answer, BattleKind, SimEvent};
use super::prestige::change_prestige;
use super::random::{SimRng, ln, logistic, uniform};
use super::state::{OasisState, Relation, Remembered};
use crate::scenario::logistics::days_of_food;
use crate::scenario::types::{DiplomacyRules, Rules};
use crate::scenario::units::Kg;

/// The willingness `z` of the module doc: the logit of submitting.
pub fn willingness(
    rules: &DiplomacyRules,
    strength: f64,
    hunger: f64,
    state: &OasisState,
    prestige: f64,
) -> f64 {
    let power = strength.max(1.0) / f64::from(state.soldiers.max(1));
    let boldness = if state.remembers(&Remembered::BeatTheHan) {
        rules.victor_boldness
    } else {
        0.0
    };
    rules.bias
        + rules.power_weight * ln(power)
        + rules.attitude_weight * state.attitude
        + rules.prestige_weight * prestige
        - rules.xiongnu_weight * state.xiongnu_influence
        - rules.hunger_weight * hunger.clamp(0.0, 1.0)
        - boldness
}

/// The chance that `state` submits to a force of `strength` and `hunger` (1 − nourishment), at
/// `prestige`.
pub fn submit_chance(
    rules: &DiplomacyRules,
    strength: f64,
    hunger: f64,
    state: &OasisState,
    prestige: f64,
) -> f64 {
    logistic(willingness(rules, strength, hunger, state, prestige))
}

/// A force's want, 0..1: `1 − days of food carried / hunger_days` (at least 0), or its thirst
/// (days gone short of water over the days men last without it), whichever presses harder: a
/// town can wait out an army that must move on for food or water.
pub fn want(
    rules: &Rules,
    column: &super::force::Column,
    stores: &Stores,
    condition: &super::force::Condition,
) -> f64 {
    let thirst = (condition.dry_days / rules.attrition.man_thirst_days.max(1e-9)).clamp(0.0, 1.0);
    let need = column.need(rules).men_grain;
    if need.0 <= 0.0 {
        return thirst;
    }
    let days = days_of_food(rules, need, stores.grain, stores.meat);
    (1.0 - days / rules.diplomacy.hunger_days.max(1e-9))
        .clamp(0.0, 1.0)
        .max(thirst)
}

/// The answer to a request for willingness `z` and draw `u`, where `can_pay` says whether the
/// force carries silk or gold: submit, sell, or refuse (a refusing state may then attack: see
/// [`attack_chance`]).
pub fn answer(rules: &DiplomacyRules, z: f64, u: f64, can_pay: bool) -> Answer {
    if u < logistic(z) {
        Answer::Submit
    } else if can_pay && u < logistic(z + rules.sell_margin) {
        Answer::Sell
    } else {
        Answer::Refuse
    }
}

/// The chance that a state which refused falls on the column at its gates: its chance of
/// beating that column in the field, times its hostility (`−attitude`, 0..1) times
/// `attack_boldness`.
pub fn attack_chance(rules: &Rules, state: &OasisState, force: &ForceMutItem) -> f64 {
    let b = &rules.battle;
    let theirs =
        battle::enemy_strength(b, f64::from(state.soldiers), state.cavalry_share, 0.0, 1.0);
    let ours = battle::han_strength(
        b,
        &force.column,
        &force.condition,
        &force.retinue,
        state.cavalry_share,
    );
    let hostility = (-state.attitude).clamp(0.0, 1.0);
    (battle::win_chance(b, theirs, ours) * hostility * rules.diplomacy.attack_boldness)
        .clamp(0.0, 1.0)
}

/// Whether today is the harvest: the first day of autumn, when the granaries fill again.
fn harvest_day(calendar: &Calendar) -> bool {
    let (_, month, day) = calendar.date();
    calendar.day > 0 && month == 7 && day == 1
}

/// The harvest comes in on its day (before anyone asks that day; part of [`answer_requests`],
/// not a system of its own that would run every day).
fn harvest(states: &mut Query<(Entity, &mut OasisState)>, calendar: &Calendar) {
    if harvest_day(calendar) {
        for (_, mut state) in states.iter_mut() {
            state.grain_out = Kg::ZERO;
            state.fodder_out = Kg::ZERO;
        }
    }
}

/// The army's displayed power: every column's strength, not only the one at the gates (news of the
/// whole expedition runs ahead of it).
pub fn displayed_power(rules: &Rules, forces: &Query<ForceMut>) -> f64 {
    forces
        .iter()
        .filter(|f| !f.standing.merged)
        .map(|f| super::force::strength(&rules.battle, f.column, f.condition))
        .sum()
}

/// Whether a force is asking a state for supplies, giving it gifts or seizing its grain.
pub fn asking(activity: &Activity) -> bool {
    matches!(
        activity,
        Activity::Requesting { .. } | Activity::Giving { .. } | Activity::Requisitioning { .. }
    )
}

/// The run condition of the diplomacy phase (all of it, one question a day): the harvest is
/// today, or a force is asking ([`answer_requests`]), is an embassy
/// ([`super::embassy::embassies`]), or is settling a state ([`super::settlement::settle_states`]).
/// Most days none is, and the phase costs this question and no more.
pub fn work_today(forces: Query<(&Force, &Activity)>, calendar: Res<Calendar>) -> bool {
    harvest_day(&calendar)
        || forces
            .iter()
            .any(|(force, activity)| force.envoy || asking(activity) || activity.is_settling())
}

/// Brings in the harvest on its day, then answers requests, hands over gifts, and carries out
/// requisitions.
pub fn answer_requests(
    mut forces: Query<ForceMut>,
    mut states: Query<(Entity, &mut OasisState)>,
    scenario: Res<ActiveScenario>,
    mut prestige: ResMut<Prestige>,
    calendar: Res<Calendar>,
    mut rng: ResMut<SimRng>,
    mut events: MessageWriter<SimEvent>,
) {
    harvest(&mut states, &calendar);
    let rules = &scenario.0.rules;
    let d = &rules.diplomacy;
    let day = calendar.day;
    let season = calendar.season();
    // Most days nobody asks, gives or seizes anything.
    if !forces.iter().any(|f| asking(f.activity)) {
        return;
    }
    let han_strength = displayed_power(rules, &forces);
    let relations: std::collections::BTreeMap<Entity, Relation> =
        states.iter().map(|(e, s)| (e, s.relation)).collect();
    for mut force in &mut forces {
        let me = force.entity;
        match *force.activity {
            Activity::Giving {
                state: target,
                bolts,
            } => {
                *force.activity = Activity::Idle;
                let Ok((_, mut state)) = states.get_mut(target) else {
                    continue;
                };
                let cash = (f64::from(bolts) * d.silk_bolt_cash).min(force.stores.treasure_cash);
                if cash <= 0.0 {
                    events.write(SimEvent::NothingToGive {
                        force: me,
                        state: target,
                    });
                    continue;
                }
                force.stores.treasure_cash -= cash;
                force.ledger.cash_spent += cash;
                state.cash_received += cash;
                let scale = f64::from(state.households.max(1)) * d.gift_cash_per_household;
                state.attitude = (state.attitude + d.gift_weight * ln(1.0 + cash / scale)).min(1.0);
                state.remember(Remembered::Gift(cash), day);
                events.write(SimEvent::GiftGiven {
                    force: me,
                    state: target,
                    cash,
                    attitude: state.attitude,
                });
            }
            Activity::Requisitioning { state: target } => {
                *force.activity = Activity::Idle;
                let Ok((_, mut state)) = states.get_mut(target) else {
                    continue;
                };
                // A walled town keeps its grain until it submits or is taken.
                if state.holds_its_walls() {
                    events.write(SimEvent::WallsHold {
                        force: me,
                        state: target,
                    });
                    continue;
                }
                let (grain, fodder) = state.spare(rules, season);
                let room = (force.column.capacity(rules) - force.stores.weight()).max(Kg::ZERO);
                let grain = grain.min(room);
                let fodder = fodder.min(room - grain);
                force.stores.grain += grain;
                force.stores.fodder += fodder;
                state.grain_out += grain;
                state.fodder_out += fodder;
                state.attitude = (state.attitude - d.requisition_attitude).max(-1.0);
                let broken = state.relation == Relation::Submitted;
                state.remember(
                    if broken {
                        Remembered::BrokenPromise
                    } else {
                        Remembered::Requisitioned
                    },
                    day,
                );
                events.write(SimEvent::GrainSeized {
                    force: me,
                    state: target,
                    grain,
                    broken_promise: broken,
                });
                // Word of the seizure runs ahead of the army to every other state; word of a
                // broken promise reaches every state, the robbed one too.
                let broken_fall = if broken { d.broken_promise } else { 0.0 };
                for (other, mut state) in &mut states {
                    let heard = if other == target {
                        0.0
                    } else {
                        d.requisition_region_attitude
                    };
                    state.attitude = (state.attitude - heard - broken_fall).max(-1.0);
                }
            }
            // An embassy is answered by its hosts' interests (see `embassy`).
            Activity::Requesting { .. } if force.force.envoy && rules.embassy.is_some() => {}
            Activity::Requesting { state: target } => {
                let Ok((_, mut state)) = states.get_mut(target) else {
                    *force.activity = Activity::Idle;
                    continue;
                };
                *force.activity = Activity::Idle;
                if state.relation.supplies() {
                    // A friend or a conquest supplies without being asked twice.
                    continue;
                }
                state.answered = true;
                let hunger = want(rules, &force.column, &force.stores, &force.condition);
                let z = willingness(d, han_strength, hunger, &state, prestige.0);
                let u = uniform(&mut rng.diplomacy);
                let can_pay = force.stores.treasure_cash > 0.0;
                let mut answer = answer(d, z, u, can_pay);
                // A city of a kingdom that still resists the Han does not submit on its own.
                let overlord_resists = state
                    .overlord
                    .is_some_and(|o| relations.get(&o).is_some_and(|r| !r.supplies()));
                if overlord_resists && answer != Answer::Refuse {
                    answer = Answer::Refuse;
                }
                if answer == Answer::Refuse
                    && uniform(&mut rng.diplomacy) < attack_chance(rules, &state, &force)
                {
                    answer = Answer::Attack;
                }
                match answer {
                    Answer::Submit => {
                        state.relation = Relation::Submitted;
                        change_prestige(&mut prestige, d.prestige_for_submission, &mut events);
                        let (grain, _) = state.spare(rules, season);
                        events.write(SimEvent::Answered {
                            state: target,
                            force: me,
                            answer,
                            spare_grain: grain,
                        });
                        if prestige.0 >= d.hostage_prestige
                            && !state.remembers(&Remembered::SentHostage)
                        {
                            state.remember(Remembered::SentHostage, day);
                            events.write(SimEvent::HostageSent { state: target });
                        }
                    }
                    Answer::Sell => {
                        state.relation = Relation::Trading;
                        let (grain, _) = state.spare(rules, season);
                        events.write(SimEvent::Answered {
                            state: target,
                            force: me,
                            answer,
                            spare_grain: grain,
                        });
                    }
                    Answer::Refuse => {
                        state.relation = Relation::Refused;
                        state.refused_before = true;
                        state.remember(Remembered::RefusedEnvoy, day);
                        state.remember(Remembered::Besieged, day);
                        let (grain, _) = state.spare(rules, season);
                        events.write(SimEvent::Answered {
                            state: target,
                            force: me,
                            answer,
                            spare_grain: grain,
                        });
                        events.write(SimEvent::SiegeBegun {
                            force: me,
                            state: target,
                        });
                        *force.activity = Activity::Besieging {
                            state: target,
                            days: 0,
                            max_days: rules.siege.give_up_days,
                            assault_from: rules.siege.press_assault_from,
                            accept_terms: true,
                        };
                    }
                    Answer::Attack => {
                        state.refused_before = true;
                        let enemy = battle::Enemy::in_the_open(state.soldiers, state.cavalry_share);
                        let result = battle::fight(
                            &rules.battle,
                            &mut force.fighter(),
                            false,
                            enemy,
                            1.0,
                            &mut rng.combat,
                        );
                        state.lose(result.enemy.gone());
                        if result.han_won {
                            state.relation = Relation::Submitted;
                            change_prestige(&mut prestige, d.prestige_for_victory, &mut events);
                        } else {
                            state.relation = Relation::Victorious;
                            state.remember(Remembered::BeatTheHan, day);
                            change_prestige(&mut prestige, -d.prestige_for_defeat, &mut events);
                        }
                        events.write(result.event(
                            BattleKind::StateAttack,
                            me,
                            (Some(target), None),
                            0,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}
