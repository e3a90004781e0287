//! Sieges, storms and field battles against a state (the battle model itself is in
//! [`super::battle`]).
//!
//! A siege is a contest of clocks. Each day the defenders' morale (1 at the start) falls by
//! `blockade_pressure · (min(ratio, max_ratio) / (1 + walls))²`, where `ratio` is the besieger's
//! strength over the garrison, times a random factor from 0.5 to 1.5; once the city's food is gone
//! by `hunger_pressure` more, and once its water is gone by `thirst_pressure` more. A city that
//! drinks from a stream outside its walls can have it diverted by engineers (`divert_days`), and
//! then lives on its cisterns (`cistern_days`).
//!
//! The defenders sally with daily chance `sally_chance · morale`, with `sally_share` of the
//! garrison, in a battle in the open. From the day the commander orders it the besieger assaults
//! every `assault_every_days`: a won assault breaches the outer wall (the defenders lose
//! `breach_morale`), then the inner, and the city is stormed and sacked; a repulse gives them heart
//! (`repulse_morale`).
//!
//! When the defenders' morale is gone a city that had refused the Han food is taken and sacked
//! (no terms for it). Any other city offers terms: `terms.horses` of its horses,
//! `terms.superior_horses` of its superior horses, `terms.grain` of its spare grain, hostages,
//! and a new king with attitude `terms.new_king_attitude`. A commander who accepts takes them and
//! the city submits. One who refuses sees the defenders kill `terms.horses_killed_if_refused` of
//! their horses and fight on with morale `terms.morale_if_refused`; when that breaks too the city
//! is stormed and sacked. The besieger eats too: it lifts the siege when its grain runs low, or
//! after its commander's limit.

use bevy::prelude::*;

use super::ActiveScenario;
use super::battle;
use super::calendar::Calendar;
use super::campaign::{CampaignStatus, Prestige};
use super::force::{Activity, ForceMut, ForceMutItem};
use super::log::{Battle, BattleKind, SiegeEnd, SimEvent};
use super::prestige::change_prestige;
use super::random::{SimRng, uniform};
use super::state::{OasisState, Relation, Remembered};
use crate::scenario::logistics::{daily_need, days_of_food};
use crate::scenario::types::{CityWater, Rules, SiegeRules};

/// The defenders' morale the blockade wears away in a day, before the random factor.
pub fn blockade_pressure(rules: &SiegeRules, strength: f64, state: &OasisState) -> f64 {
    let ratio = strength / f64::from(state.garrison.max(1));
    let walls = state.standing_wall()
        + if state.outer_breached {
            0.0
        } else {
            state.walls.inner
        };
    let pressed = ratio.min(rules.max_ratio) / (1.0 + walls);
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

/// Everything a siege day needs besides the force and the state.
struct Ctx<'a, 'w, 's> {
    rules: &'a Rules,
    calendar: &'a Calendar,
    prestige: &'a mut Prestige,
    status: &'a mut CampaignStatus,
    events: &'a mut MessageWriter<'w, SimEvent>,
    _s: std::marker::PhantomData<&'s ()>,
}

impl Ctx<'_, '_, '_> {
    fn tell(&mut self, event: SimEvent) {
        self.events.write(event);
    }

    fn defeat(&mut self) {
        change_prestige(
            self.prestige,
            -self.rules.diplomacy.prestige_for_defeat,
            self.events,
        );
    }

    fn gain(&mut self, by: f64) {
        change_prestige(self.prestige, by, self.events);
    }

    fn battle(
        &mut self,
        kind: BattleKind,
        force: Entity,
        state: Entity,
        enemy_men: u32,
        r: &battle::BattleResult,
    ) {
        self.tell(SimEvent::Battle(Battle {
            kind,
            force,
            state: Some(state),
            relief: None,
            enemy_men,
            won: r.han_won,
            killed: r.han_killed,
            enemy_killed: r.enemy_killed,
        }));
    }

    fn ended(
        &mut self,
        force: Entity,
        state: &OasisState,
        entity: Entity,
        days: u32,
        end: SiegeEnd,
    ) {
        self.tell(SimEvent::SiegeEnded {
            force,
            state: entity,
            days,
            water_diverted: state.water_diverted,
            end,
        });
    }
}

/// Resolves a day of every siege, storm and field battle against a state.
pub fn resolve_sieges_and_battles(
    mut forces: Query<ForceMut>,
    mut states: Query<(Entity, &mut OasisState)>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut prestige: ResMut<Prestige>,
    mut status: ResMut<CampaignStatus>,
    mut rng: ResMut<SimRng>,
    mut events: MessageWriter<SimEvent>,
) {
    let mut ctx = Ctx {
        rules: &scenario.0.rules,
        calendar: &calendar,
        prestige: &mut prestige,
        status: &mut status,
        events: &mut events,
        _s: std::marker::PhantomData,
    };
    for mut force in &mut forces {
        let target = match *force.activity {
            Activity::Attacking { state }
            | Activity::Battling { state }
            | Activity::Besieging { state, .. } => state,
            _ => continue,
        };
        let Ok((entity, mut state)) = states.get_mut(target) else {
            *force.activity = Activity::Idle;
            continue;
        };
        match *force.activity {
            Activity::Attacking { .. } => {
                *force.activity = Activity::Idle;
                storm(&mut ctx, &mut force, &mut state, entity, &mut rng);
            }
            Activity::Battling { .. } => {
                *force.activity = Activity::Idle;
                field_battle(&mut ctx, &mut force, &mut state, entity, &mut rng);
            }
            Activity::Besieging {
                days,
                max_days,
                assault_from,
                accept_terms,
                ..
            } => {
                if state.relation.supplies() {
                    *force.activity = Activity::Idle;
                    continue;
                }
                let days = days + 1;
                *force.activity = Activity::Besieging {
                    state: target,
                    days,
                    max_days,
                    assault_from,
                    accept_terms,
                };
                if siege_day(
                    &mut ctx,
                    &mut force,
                    &mut state,
                    entity,
                    days,
                    assault_from,
                    accept_terms,
                    &mut rng,
                ) {
                    *force.activity = Activity::Idle;
                    continue;
                }
                let need = daily_need(
                    ctx.rules,
                    force.column.men.total(),
                    force.column.men.cavalry,
                    &force.column.animals,
                )
                .men_grain;
                let food_days =
                    days_of_food(ctx.rules, need, force.stores.grain, force.stores.meat);
                let hungry =
                    food_days < ctx.rules.siege.lift_below_days && force.column.animals.oxen == 0;
                if days >= max_days || hungry || force.column.men.total() == 0 {
                    ctx.defeat();
                    let end = if hungry {
                        SiegeEnd::Starved
                    } else {
                        SiegeEnd::HeldOut
                    };
                    ctx.ended(force.entity, &state, entity, days, end);
                    // The city recovers its nerve once the besiegers are gone.
                    state.defender_morale = 1.0;
                    *force.activity = Activity::Idle;
                }
            }
            _ => {}
        }
    }
}

/// One day of a siege. Returns whether it ended (the city fell or submitted).
fn siege_day(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    days: u32,
    assault_from: Option<u32>,
    accept_terms: bool,
    rng: &mut SimRng,
) -> bool {
    let s = &ctx.rules.siege;
    let b = &ctx.rules.battle;
    let me = force.entity;
    // The defenders sally.
    if uniform(&mut rng.combat) < s.sally_chance * state.defender_morale.max(0.0) {
        let sallying = (f64::from(state.garrison) * s.sally_share).round() as u32;
        if sallying > 0 {
            let enemy = battle::Enemy {
                men: sallying,
                cavalry: state.cavalry_share,
                wall: 0.0,
                morale: state.defender_morale,
            };
            let r = battle::fight(
                b,
                &mut force.fighter(),
                false,
                enemy,
                s.sally_exposed,
                &mut rng.combat,
            );
            state.garrison -= r.enemy_killed.min(state.garrison);
            if r.han_won {
                state.defender_morale -= s.breach_morale / 4.0;
            } else {
                state.defender_morale -= s.repulse_morale / 2.0;
            }
            ctx.battle(BattleKind::Sally, me, entity, sallying, &r);
        }
    }
    let noise = uniform(&mut rng.combat);
    if besiege_one_day(
        s,
        state,
        force.strength(),
        force.retinue.engineers,
        days,
        noise,
    ) {
        ctx.tell(SimEvent::StreamDiverted {
            force: me,
            state: entity,
        });
    }
    // Assaults, once ordered.
    if let Some(from) = assault_from
        && days >= from
        && (days - from).is_multiple_of(s.assault_every_days.max(1))
    {
        let enemy = battle::Enemy {
            men: state.garrison,
            cavalry: state.cavalry_share,
            wall: state.standing_wall(),
            morale: state.defender_morale,
        };
        let r = battle::fight(
            b,
            &mut force.fighter(),
            true,
            enemy,
            s.assault_share,
            &mut rng.combat,
        );
        state.garrison -= r.enemy_killed.min(state.garrison);
        if r.han_won {
            if state.outer_breached || state.walls.inner <= 0.0 {
                ctx.battle(BattleKind::Assault { stormed: true }, me, entity, 0, &r);
                state.terms_refused = true;
                take_city(ctx, force, state, entity);
                ctx.ended(me, state, entity, days, SiegeEnd::Stormed);
                return true;
            }
            state.outer_breached = true;
            state.defender_morale -= s.breach_morale;
        } else {
            state.defender_morale -= s.repulse_morale;
        }
        ctx.battle(BattleKind::Assault { stormed: false }, me, entity, 0, &r);
    }
    if state.defender_morale > 0.0 {
        return false;
    }
    if state.terms_refused || state.refused_before {
        let end = if state.terms_refused {
            SiegeEnd::AfterRefusedTerms
        } else {
            SiegeEnd::AfterRefusingFood
        };
        ctx.ended(me, state, entity, days, end);
        take_city(ctx, force, state, entity);
        return true;
    }
    if accept_terms {
        accept(ctx, force, state, entity);
        ctx.ended(me, state, entity, days, SiegeEnd::Terms);
        return true;
    }
    let t = &s.terms;
    let killed = (f64::from(state.horses) * t.horses_killed_if_refused).round() as u32;
    let superior = (f64::from(state.superior_horses) * t.horses_killed_if_refused).round() as u32;
    state.horses -= killed.min(state.horses);
    state.superior_horses -= superior.min(state.superior_horses);
    state.defender_morale = t.morale_if_refused;
    state.terms_refused = true;
    ctx.tell(SimEvent::TermsRefused {
        force: me,
        state: entity,
        horses_killed: killed,
    });
    false
}

/// The city's terms, accepted: horses, grain, a hostage and a new king.
fn accept(ctx: &mut Ctx, force: &mut ForceMutItem, state: &mut OasisState, entity: Entity) {
    let t = &ctx.rules.siege.terms;
    let day = ctx.calendar.day;
    let terms = state.terms(ctx.rules, ctx.calendar.season());
    state.horses -= terms.horses.min(state.horses);
    state.superior_horses -= terms.superior_horses.min(state.superior_horses);
    gain_horses(
        force,
        terms.horses + terms.superior_horses,
        terms.superior_horses,
    );
    let grain = terms.grain;
    state.grain_out += grain;
    state.grain_supplied += grain;
    force.stores.grain += grain;
    state.relation = Relation::Submitted;
    state.attitude = t.new_king_attitude;
    state.defender_morale = 1.0;
    state.remember(Remembered::NewKing, day);
    state.remember(Remembered::SentHostage, day);
    force.condition.morale = (force.condition.morale + 0.1).min(1.0);
    ctx.gain(ctx.rules.diplomacy.prestige_for_victory);
    if ctx.status.objective == Some(entity) && ctx.status.objective_taken.is_none() {
        ctx.status.objective_taken = Some(day);
    }
    ctx.tell(SimEvent::TermsAccepted {
        force: force.entity,
        state: entity,
        horses: terms.horses,
        superior: terms.superior_horses,
        grain,
    });
}

/// Storms the city in one battle.
fn storm(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
    let enemy = battle::Enemy {
        men: state.garrison,
        cavalry: state.cavalry_share,
        wall: state.standing_wall(),
        morale: state.defender_morale,
    };
    // The storming parties fight and fall; the rest of the army stands by.
    let committed = ctx.rules.siege.assault_share;
    let r = battle::fight(
        &ctx.rules.battle,
        &mut force.fighter(),
        true,
        enemy,
        committed,
        &mut rng.combat,
    );
    state.garrison -= r.enemy_killed.min(state.garrison);
    state.soldiers -= r.enemy_killed.min(state.soldiers);
    ctx.battle(BattleKind::Storm, force.entity, entity, 0, &r);
    if r.han_won {
        take_city(ctx, force, state, entity);
    } else {
        // A storm thrown back is a defeat for the whole army.
        force.ledger.battles_lost += 1;
        lost_to(ctx, state);
    }
}

/// Meets the state's garrison in the open; the beaten defenders withdraw behind their walls.
fn field_battle(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
    let enemy = battle::Enemy {
        men: state.garrison,
        cavalry: state.cavalry_share,
        wall: 0.0,
        morale: state.defender_morale,
    };
    let r = battle::fight(
        &ctx.rules.battle,
        &mut force.fighter(),
        true,
        enemy,
        1.0,
        &mut rng.combat,
    );
    state.garrison -= r.enemy_killed.min(state.garrison);
    state.soldiers -= r.enemy_killed.min(state.soldiers);
    ctx.battle(BattleKind::Field, force.entity, entity, 0, &r);
    if r.han_won {
        state.defender_morale -= ctx.rules.siege.breach_morale;
    } else {
        lost_to(ctx, state);
    }
}

/// A state beat a Han force.
fn lost_to(ctx: &mut Ctx, state: &mut OasisState) {
    ctx.defeat();
    state.relation = Relation::Victorious;
    state.remember(Remembered::BeatTheHan, ctx.calendar.day);
}

/// Adds horses taken from the enemy to a force.
fn gain_horses(force: &mut ForceMutItem, horses: u32, superior: u32) {
    force.column.animals.horses += horses;
    force.ledger.animals_gained.horses += horses;
    force.ledger.superior_horses_gained += superior;
}

/// A city taken by force: its stores open to the victor, its horses are led away, prestige rises;
/// a city that refused the Han is sacked, and the others take note.
fn take_city(ctx: &mut Ctx, force: &mut ForceMutItem, state: &mut OasisState, entity: Entity) {
    let s = &ctx.rules.siege;
    let day = ctx.calendar.day;
    state.relation = Relation::Conquered;
    let horses = (f64::from(state.horses) * s.horses_taken).round() as u32;
    let superior = (f64::from(state.superior_horses) * s.horses_taken).round() as u32;
    state.horses -= horses.min(state.horses);
    state.superior_horses -= superior.min(state.superior_horses);
    gain_horses(force, horses + superior, superior);
    force.condition.morale = (force.condition.morale + 0.1).min(1.0);
    let mut gain = ctx.rules.diplomacy.prestige_for_victory;
    state.remember(Remembered::Sacked, day);
    let sacked = state.refused_before;
    if sacked {
        gain += s.massacre_prestige;
    }
    ctx.tell(SimEvent::CityTaken {
        force: force.entity,
        state: entity,
        sacked,
    });
    ctx.gain(gain);
    if ctx.status.objective == Some(entity) && ctx.status.objective_taken.is_none() {
        ctx.status.objective_taken = Some(day);
    }
}
