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

mod day;
mod fall;

use super::ActiveScenario;
use super::battle;
use super::calendar::Calendar;
use super::campaign::{CampaignStatus, Prestige};
use super::force::{Activity, ForceMut};
use super::log::{BattleKind, SiegeEnd, SimEvent};
use super::prestige::change_prestige;
use super::random::SimRng;
use super::state::OasisState;
use crate::scenario::logistics::days_of_food_and_oxen;
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
pub(super) struct Ctx<'a, 'w, 's> {
    pub(super) rules: &'a Rules,
    pub(super) calendar: &'a Calendar,
    pub(super) prestige: &'a mut Prestige,
    pub(super) status: &'a mut CampaignStatus,
    pub(super) events: &'a mut MessageWriter<'w, SimEvent>,
    _s: std::marker::PhantomData<&'s ()>,
}

impl Ctx<'_, '_, '_> {
    pub(super) fn tell(&mut self, event: SimEvent) {
        self.events.write(event);
    }

    pub(super) fn defeat(&mut self) {
        change_prestige(
            self.prestige,
            -self.rules.diplomacy.prestige_for_defeat,
            self.events,
        );
    }

    pub(super) fn gain(&mut self, by: f64) {
        change_prestige(self.prestige, by, self.events);
    }

    pub(super) fn battle(
        &mut self,
        kind: BattleKind,
        force: Entity,
        state: Entity,
        enemy_men: u32,
        r: &battle::BattleResult,
    ) {
        self.tell(r.event(kind, force, (Some(state), None), enemy_men));
    }

    pub(super) fn ended(
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

/// Whether a force is storming, fighting or besieging a state (the work of
/// [`resolve_sieges_and_battles`], which runs only when one is).
pub fn fighting(activity: &Activity) -> bool {
    matches!(
        activity,
        Activity::Attacking { .. } | Activity::Battling { .. } | Activity::Besieging { .. }
    )
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
                fall::storm(&mut ctx, &mut force, &mut state, entity, &mut rng);
            }
            Activity::Battling { .. } => {
                *force.activity = Activity::Idle;
                fall::field_battle(&mut ctx, &mut force, &mut state, entity, &mut rng);
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
                if day::siege_day(
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
                let need = force.column.need(ctx.rules).men_grain;
                // The besieger's clock: it lifts when its food, the oxen counted as meat, runs out.
                let food_days = days_of_food_and_oxen(
                    ctx.rules,
                    need,
                    force.stores.grain,
                    force.stores.meat,
                    force.column.animals.oxen,
                );
                let hungry = food_days < ctx.rules.siege.lift_below_days;
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
