//! How an enemy in the field fights, by the one battle model ([`battle`]): raiders fall on a
//! force's baggage and herds; harassers shadow a force and fall on its camp by night whenever
//! they dare; a relief falls on whoever besieges its city when it dares, or goes in to hold the
//! walls; and a force that engages an enemy at its place attacks it. Men of a beaten enemy taken
//! alive go with the victors as captives.

use bevy::prelude::*;

use super::{Aim, EnemyEnd, EnemyForce};
use crate::scenario::types::{AnimalKind, PerAnimal, Rules};
use crate::sim::battle::{self, BattleResult};
use crate::sim::campaign::Prestige;
use crate::sim::force::{Activity, Column, Condition, ForceMut, ForceMutItem, Retinue};
use crate::sim::log::{BattleKind, EffectRef, SiegeEnd, SimEvent};
use crate::sim::prestige::change_prestige;
use crate::sim::random::SimRng;
use crate::sim::state::OasisState;

/// What a fight with an enemy in the field touches besides the force and the enemy.
pub struct World<'a, 'w> {
    /// The rules.
    pub rules: &'a Rules,
    /// The side's prestige.
    pub prestige: &'a mut Prestige,
    /// The random streams.
    pub rng: &'a mut SimRng,
    /// The day's events.
    pub events: &'a mut MessageWriter<'w, SimEvent>,
}

/// Raiders fall on `f`'s baggage: beaten, they leave their herds (`spoils`) to it; winning, they
/// carry off `takes` of its animals and stores.
pub fn raid(
    w: &mut World,
    f: &mut ForceMutItem,
    enemy: battle::Enemy,
    (takes, spoils): (f64, &PerAnimal<u32>),
    at: EffectRef,
) -> BattleResult {
    let r = battle::fight(
        &w.rules.battle,
        &mut f.fighter(),
        false,
        enemy,
        1.0,
        &mut w.rng.combat,
    );
    let takes = takes.clamp(0.0, 1.0);
    for kind in AnimalKind::ALL {
        let herd = f.column.animals.get_mut(kind);
        if r.han_won {
            let won = *spoils.get(kind);
            *herd = herd.saturating_add(won);
            let gained = f.ledger.animals_gained.get_mut(kind);
            *gained = gained.saturating_add(won);
        } else {
            let lost = (f64::from(*herd) * takes).round() as u32;
            *herd -= lost.min(*herd);
            f.ledger.animals_lost.get_mut(kind).combat += lost;
        }
    }
    if !r.han_won {
        let keep = 1.0 - takes;
        let s = &mut *f.stores;
        s.grain = s.grain * keep;
        s.fodder = s.fodder * keep;
        s.meat = s.meat * keep;
    }
    w.events
        .write(r.event(BattleKind::Raid, f.entity, (None, Some(at)), enemy.men));
    r
}

/// Whether an enemy of strength `theirs` dares fall on a force of strength `ours`.
fn dares(rules: &Rules, theirs: f64, ours: f64) -> bool {
    theirs >= rules.battle.relief_dare_ratio * ours
}

/// The enemy force as a battle sees it, with `edge`.
fn as_enemy(foe: &EnemyForce, edge: f64) -> battle::Enemy {
    battle::Enemy {
        men: foe.men,
        cavalry: foe.cavalry_share,
        wall: 0.0,
        morale: foe.morale,
        edge,
    }
}

/// The strengths of `foe` (with `edge`) and of `force` against it.
fn strengths(rules: &Rules, foe: &EnemyForce, force: &ForceMutItem, edge: f64) -> (f64, f64) {
    let b = &rules.battle;
    let theirs =
        battle::enemy_strength(b, f64::from(foe.men), foe.cavalry_share, 0.0, foe.morale) * edge;
    let ours = battle::han_strength(
        b,
        &force.column,
        &force.condition,
        &force.retinue,
        foe.cavalry_share,
    );
    (theirs, ours)
}

/// The enemy's losses and morale after a fight `r`.
fn after_fight(rules: &Rules, foe: &mut EnemyForce, r: &BattleResult) {
    foe.men -= r.enemy.gone().min(foe.men);
    let d = rules.battle.defeat_morale;
    foe.morale = if r.han_won {
        (foe.morale - d).max(0.0)
    } else {
        (foe.morale + d / 2.0).min(1.0)
    };
}

/// `foe` has come up with `force`: raiders fall on its baggage, harassers on its camp by night if
/// they dare (else they shadow it). How it left the field, if it did.
pub fn fall_on(w: &mut World, foe: &mut EnemyForce, force: &mut ForceMutItem) -> Option<EnemyEnd> {
    if foe.waits > 0 {
        return None;
    }
    let night = w.rules.battle.night_edge;
    match foe.aim {
        Aim::Raid => {
            let r = raid(
                w,
                force,
                as_enemy(foe, 1.0),
                (foe.takes, &foe.spoils),
                foe.effect,
            );
            after_fight(w.rules, foe, &r);
            Some(if r.han_won {
                if foe.breaks() {
                    EnemyEnd::Scattered
                } else {
                    EnemyEnd::Beaten
                }
            } else {
                EnemyEnd::Loot
            })
        }
        Aim::Harass => {
            let (theirs, ours) = strengths(w.rules, foe, force, night);
            if !dares(w.rules, theirs, ours) {
                if foe.watching != Some(force.entity) {
                    foe.watching = Some(force.entity);
                    w.events.write(SimEvent::EnemyShadows {
                        enemy: foe.effect,
                        force: force.entity,
                    });
                }
                return None;
            }
            let r = battle::fight(
                &w.rules.battle,
                &mut force.fighter(),
                false,
                as_enemy(foe, night),
                1.0,
                &mut w.rng.combat,
            );
            w.events.write(r.event(
                BattleKind::NightAttack,
                force.entity,
                (None, Some(foe.effect)),
                foe.men,
            ));
            after_fight(w.rules, foe, &r);
            foe.waits = foe.every_days;
            foe.watching = None;
            foe.breaks().then_some(EnemyEnd::Scattered)
        }
        Aim::Relieve(_) => None,
    }
}

/// The chance that a force (its `column`, `condition` and `retinue`) beats `foe` if it attacks
/// it at its place, as [`engaged`] fights.
pub fn engage_chance(
    rules: &Rules,
    foe: &EnemyForce,
    column: &Column,
    condition: &Condition,
    retinue: &Retinue,
) -> f64 {
    let b = &rules.battle;
    let theirs = battle::enemy_strength(b, f64::from(foe.men), foe.cavalry_share, 0.0, foe.morale);
    let ours = battle::han_strength(b, column, condition, retinue, foe.cavalry_share);
    battle::win_chance(b, ours, theirs)
}

/// `force` attacks `foe` at its place.
pub fn engaged(w: &mut World, force: &mut ForceMutItem, foe: &mut EnemyForce) {
    let r = battle::fight(
        &w.rules.battle,
        &mut force.fighter(),
        true,
        as_enemy(foe, 1.0),
        1.0,
        &mut w.rng.combat,
    );
    w.events.write(r.event(
        BattleKind::Engage,
        force.entity,
        (None, Some(foe.effect)),
        foe.men,
    ));
    after_fight(w.rules, foe, &r);
    if !r.han_won {
        change_prestige(w.prestige, -w.rules.diplomacy.prestige_for_defeat, w.events);
    }
}

/// A relief of `state` at its city: it falls on the besieger if it dares (else watches, once
/// told), or, finding no siege, goes in to hold the walls, or leaves a city that has fallen. How
/// it left the field, if it did.
pub fn relieve(
    w: &mut World,
    foe: &mut EnemyForce,
    state: Entity,
    forces: &mut Query<ForceMut>,
    states: &mut Query<(Entity, &mut OasisState)>,
) -> Option<EnemyEnd> {
    let Ok((entity, mut city)) = states.get_mut(state) else {
        return Some(EnemyEnd::NoOneToFight);
    };
    let besieger = forces
        .iter_mut()
        .find(|f| matches!(*f.activity, Activity::Besieging { state: s, .. } if s == state));
    let Some(mut force) = besieger else {
        if city.relation.supplies() {
            return Some(EnemyEnd::NoOneToFight);
        }
        city.soldiers = city.soldiers.saturating_add(foe.men);
        city.garrison = city.garrison.saturating_add(foe.men);
        w.events.write(SimEvent::EnemyEntersCity {
            enemy: foe.effect,
            state: entity,
            men: foe.men,
        });
        foe.men = 0;
        return Some(EnemyEnd::NoOneToFight);
    };
    if foe.waits > 0 {
        return None;
    }
    let besieger = force.entity;
    let r = fall_on_besieger(
        w,
        &mut force,
        (entity, &mut city),
        (as_enemy(foe, 1.0), foe.effect),
        foe.watching != Some(besieger),
    );
    let Some(r) = r else {
        foe.watching = Some(besieger);
        return None;
    };
    after_fight(w.rules, foe, &r);
    foe.waits = foe.every_days;
    foe.breaks().then_some(EnemyEnd::Scattered)
}

/// A relief army (`relief` of the scenario's effect) falls on the force besieging `state`, if it
/// dares: beaten, it leaves the city's defenders the worse for it; winning, it lifts the siege.
/// None if it did not dare (told when `tell`).
pub fn fall_on_besieger(
    w: &mut World,
    force: &mut ForceMutItem,
    (entity, state): (Entity, &mut OasisState),
    (enemy, relief): (battle::Enemy, EffectRef),
    tell: bool,
) -> Option<BattleResult> {
    let b = &w.rules.battle;
    let theirs = battle::enemy_strength(b, f64::from(enemy.men), enemy.cavalry, 0.0, enemy.morale);
    let ours = battle::han_strength(
        b,
        &force.column,
        &force.condition,
        &force.retinue,
        enemy.cavalry,
    );
    if !dares(w.rules, theirs, ours) {
        if tell {
            w.events.write(SimEvent::ReliefHeldBack {
                relief,
                force: force.entity,
            });
        }
        return None;
    }
    let r = battle::fight(
        b,
        &mut force.fighter(),
        false,
        enemy,
        1.0,
        &mut w.rng.combat,
    );
    let fought = r.event(
        BattleKind::Relief,
        force.entity,
        (Some(entity), Some(relief)),
        enemy.men,
    );
    if r.han_won {
        state.defender_morale -= w.rules.siege.breach_morale;
        w.events.write(fought);
    } else {
        if let Activity::Besieging { days, .. } = *force.activity {
            w.events.write(SimEvent::SiegeEnded {
                force: force.entity,
                state: entity,
                days,
                water_diverted: state.water_diverted,
                end: SiegeEnd::Relieved,
            });
        }
        *force.activity = Activity::Idle;
        state.defender_morale = 1.0;
        change_prestige(w.prestige, -w.rules.diplomacy.prestige_for_defeat, w.events);
        w.events.write(fought);
    }
    Some(r)
}
