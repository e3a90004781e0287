//! How a city falls or holds: terms accepted, a storm, a field battle, a city taken and its
//! horses led away, a state that beats the Han.

use bevy::prelude::*;

use super::Ctx;
use crate::scenario::units::{Kg, Litres};
use crate::sim::battle;
use crate::sim::force::ForceMutItem;
use crate::sim::log::{BattleKind, SimEvent};
use crate::sim::random::SimRng;
use crate::sim::state::{LeaderFate, OasisState, Relation, Remembered};

/// The city's terms, accepted: horses, grain, a hostage and a new king.
pub(super) fn accept(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
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
    ctx.tell(SimEvent::TermsAccepted {
        force: force.entity,
        state: entity,
        horses: terms.horses,
        superior: terms.superior_horses,
        grain,
    });
    for goal in crate::sim::objectives::city_fell(ctx.status, entity, day) {
        ctx.tell(SimEvent::GoalMet { goal });
    }
    leader_falls(ctx, state, entity, rng);
}

/// Storms the city in one battle.
pub(super) fn storm(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
    burn_palisade(ctx, force.entity, state, entity, rng);
    let enemy = battle::Enemy {
        men: state.garrison,
        cavalry: state.cavalry_share,
        wall: state.standing_wall(),
        morale: state.defender_morale,
        edge: 1.0,
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
    state.lose(r.enemy.gone());
    ctx.battle(BattleKind::Storm, force.entity, entity, 0, &r);
    leader_may_be_wounded(ctx, state, entity, rng);
    if r.han_won {
        take_city(ctx, force, state, entity, rng);
    } else {
        // A storm thrown back is a defeat for the whole army.
        force.ledger.battles_lost += 1;
        lost_to(ctx, state);
    }
}

/// Meets the state's garrison in the open; the beaten defenders withdraw behind their walls.
pub(super) fn field_battle(
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
        edge: 1.0,
    };
    let r = battle::fight(
        &ctx.rules.battle,
        &mut force.fighter(),
        true,
        enemy,
        1.0,
        &mut rng.combat,
    );
    state.lose(r.enemy.gone());
    ctx.battle(BattleKind::Field, force.entity, entity, 0, &r);
    leader_may_be_wounded(ctx, state, entity, rng);
    if r.han_won {
        state.defender_morale -= ctx.rules.siege.breach_morale;
    } else {
        lost_to(ctx, state);
    }
}

/// Storming parties who reach a standing palisade set it alight: it burns with the rules' chance.
pub(super) fn burn_palisade(
    ctx: &mut Ctx,
    force: Entity,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
    if state.outer_breached || state.walls.palisade <= 0.0 {
        return;
    }
    if crate::sim::random::uniform(&mut rng.combat) < ctx.rules.siege.palisade_burns {
        state.walls.palisade = 0.0;
        ctx.tell(SimEvent::PalisadeBurned {
            force,
            state: entity,
        });
    }
}

/// The city's ruler, if the campaign has aims on him and he is unhurt, is wounded in a fight at
/// his city with the rules' `siege.leader_wounded` chance; his men lose heart.
pub(super) fn leader_may_be_wounded(
    ctx: &mut Ctx,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
    let s = &ctx.rules.siege;
    if state.leader.is_none() || state.leader_wounded || s.leader_wounded <= 0.0 {
        return;
    }
    if crate::sim::random::uniform(&mut rng.combat) < s.leader_wounded
        && state.wound_leader(s.leader_wound_morale)
    {
        ctx.tell(SimEvent::LeaderWounded { state: entity });
    }
}

/// The city's ruler, if the campaign has aims on him, dies or is taken as his city falls.
fn leader_falls(ctx: &mut Ctx, state: &mut OasisState, entity: Entity, rng: &mut SimRng) {
    if state.leader.is_none() || state.leader_fate.is_some() {
        return;
    }
    let killed = crate::sim::random::uniform(&mut rng.combat) < ctx.rules.siege.leader_dies;
    state.leader_fate = Some(if killed {
        LeaderFate::Killed
    } else {
        LeaderFate::Taken
    });
    ctx.tell(SimEvent::LeaderFell {
        state: entity,
        killed,
    });
    let day = ctx.calendar.day;
    for goal in crate::sim::objectives::leader_fell(ctx.status, entity, day) {
        ctx.tell(SimEvent::GoalMet { goal });
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
    force.column.animals.horses = force.column.animals.horses.saturating_add(horses);
    force.ledger.animals_gained.horses = force.ledger.animals_gained.horses.saturating_add(horses);
    force.ledger.superior_horses_gained =
        force.ledger.superior_horses_gained.saturating_add(superior);
}

/// A city taken by force: its stores open to the victor, its horses are led away, prestige rises;
/// a city that refused the Han is sacked, and the others take note.
pub(super) fn take_city(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    rng: &mut SimRng,
) {
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
    // 下者得食 "those taken fed the army" [S123]: the food left inside the walls is booty, as far
    // as the victors can carry it.
    let inside = f64::from(state.population)
        * ctx.rules.rations.man.grain_kg.0
        * state.food_days.max(0.0)
        * s.booty_food_share.clamp(0.0, 1.0);
    // Water is poured out to make room for food: the city's wells are the victors' now.
    let dry_load = force.stores.weight() - force.stores.water.weight();
    let room = (force.column.capacity(ctx.rules) - dry_load).max(Kg::ZERO);
    let grain = Kg(inside).min(room);
    let water_room = (room - grain).max(Kg::ZERO);
    force.stores.water = force.stores.water.min(Litres::of_weight(water_room));
    force.stores.grain += grain;
    state.grain_supplied += grain;
    state.food_days = 0.0;
    ctx.tell(SimEvent::CityTaken {
        force: force.entity,
        state: entity,
        sacked,
        grain,
    });
    ctx.gain(gain);
    for goal in crate::sim::objectives::city_fell(ctx.status, entity, day) {
        ctx.tell(SimEvent::GoalMet { goal });
    }
    leader_falls(ctx, state, entity, rng);
}
