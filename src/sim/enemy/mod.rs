//! Enemy forces in the field: raised by a scenario event (`EnemyForce`), each an entity that
//! marches by the roads, eats the grain it carries (its horses graze), loses men to hunger,
//! disease and desertion by the same rules as the side's forces, and, when it comes up with the
//! force it hunts, falls on it as its aim says ([`strike`]). A force may engage one at its place
//! (`engage`). It scatters when too few of its men are left or its morale is gone, and rides off
//! when it has taken what it came for or has no one left to fight.
//!
//! Their day opens the events' phase ([`super::triggers::run_events`]), on days with an enemy in
//! the field.

pub mod march;
pub mod strike;

use bevy::prelude::*;

use super::calendar::Calendar;
use super::force::{Activity, ForceMut};
pub use super::log::EnemyEnd;
use super::log::{EffectRef, SimEvent};
use super::map::{Location, MapIndex, Route};
use super::state::OasisState;
use crate::scenario::types::{EnemyAim, PerAnimal};
use crate::scenario::units::{Kg, Km};

/// What an enemy force means to do, its state resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aim {
    /// Fall once on the baggage of the force it hunts.
    Raid,
    /// Shadow the force it hunts and fall on its camp by night whenever it dares.
    Harass,
    /// Relieve this state's city.
    Relieve(Entity),
}

/// An enemy force in the field.
#[derive(Component, Debug, Clone)]
pub struct EnemyForce {
    /// The scenario's effect that raised it (its name and figures).
    pub effect: EffectRef,
    /// Its men now.
    pub men: u32,
    /// Its men when it took the field.
    pub raised: u32,
    /// Share who ride.
    pub cavalry_share: f64,
    /// Morale, 0..1.
    pub morale: f64,
    /// The men's nourishment, 0..1.
    pub nourishment: f64,
    /// The grain it carries.
    pub food: Kg,
    /// What it means to do.
    pub aim: Aim,
    /// The force it goes after (none: the first force in the field).
    pub hunts: Option<Entity>,
    /// For a raid: share of the force's animals and stores carried off if it wins.
    pub takes: f64,
    /// For a raid: the herds it drives.
    pub spoils: PerAnimal<u32>,
    /// It scatters below this share of its men, or this morale.
    pub scatter_below: f64,
    /// Days between its attacks.
    pub every_days: u32,
    /// Days until it may attack again.
    pub waits: u32,
    /// The force it last came up with and did not dare attack (told once).
    pub watching: Option<Entity>,
    /// Where it is.
    pub location: Location,
}

impl EnemyForce {
    /// Whether it breaks up: too few of its men left, or its heart gone.
    pub fn breaks(&self) -> bool {
        f64::from(self.men) < self.scatter_below * f64::from(self.raised)
            || self.morale < self.scatter_below
    }

    /// Its place, where it stands at one.
    pub fn place(&self) -> Option<Entity> {
        self.location.place()
    }
}

/// A run condition: whether an enemy force is in the field.
/// The enemy force effect `effect` (its fields), raised at `at` to hunt `hunts` or relieve
/// `relieves`.
pub struct Raised<'a> {
    /// The effect.
    pub effect: EffectRef,
    /// Its definition.
    pub def: &'a crate::scenario::types::Effect,
    /// Where it takes the field.
    pub at: Entity,
    /// The force it goes after.
    pub hunts: Option<Entity>,
    /// The state it relieves.
    pub relieves: Option<Entity>,
}

/// The enemy force of an `EnemyForce` effect, or none for another effect (or a `Relieve` of no
/// state).
pub fn raise(rules: &crate::scenario::types::Rules, r: Raised) -> Option<EnemyForce> {
    let crate::scenario::types::Effect::EnemyForce {
        men,
        cavalry_share,
        food_days,
        aim,
        takes,
        spoils,
        scatter_below,
        every_days,
        ..
    } = r.def
    else {
        return None;
    };
    let cavalry_share = cavalry_share.clamp(0.0, 1.0);
    let aim = match aim {
        EnemyAim::Raid => Aim::Raid,
        EnemyAim::Harass => Aim::Harass,
        EnemyAim::Relieve(_) => Aim::Relieve(r.relieves?),
    };
    let need = march::daily_grain(rules, *men, cavalry_share);
    Some(EnemyForce {
        effect: r.effect,
        men: *men,
        raised: *men,
        cavalry_share,
        morale: 1.0,
        nourishment: 1.0,
        food: need * food_days.max(0.0),
        aim,
        hunts: r.hunts,
        takes: takes.clamp(0.0, 1.0),
        spoils: *spoils,
        scatter_below: scatter_below.clamp(0.0, 1.0),
        every_days: *every_days,
        waits: 0,
        watching: None,
        location: Location::At(r.at),
    })
}

/// The day of every enemy force in the field: forces that engage one fight it first; then each
/// eats, loses men, marches toward its quarry and falls on it as its aim says, or leaves. Part of
/// the events' phase ([`super::triggers::run_events`]), on days with an enemy in the field.
#[allow(clippy::too_many_arguments)]
pub fn enemy_day(
    w: &mut strike::World,
    commands: &mut Commands,
    enemies: &mut Query<(Entity, &mut EnemyForce)>,
    forces: &mut Query<ForceMut>,
    states: &mut Query<(Entity, &mut OasisState)>,
    routes: &Query<&Route>,
    index: &MapIndex,
    calendar: &Calendar,
) {
    // Forces that engage an enemy at their place fall on it.
    for mut force in forces.iter_mut() {
        let Activity::Engaging { enemy } = *force.activity else {
            continue;
        };
        *force.activity = Activity::Idle;
        let Ok((_, mut foe)) = enemies.get_mut(enemy) else {
            continue;
        };
        if foe.place().is_none() || foe.location != *force.location || foe.men == 0 {
            continue;
        }
        strike::engaged(w, &mut force, &mut foe);
    }
    for (entity, mut foe) in enemies.iter_mut() {
        let gone = day_of(w, &mut foe, forces, states, routes, index, calendar);
        if let Some(end) = gone {
            w.events.write(SimEvent::EnemyGone {
                enemy: foe.effect,
                men: foe.men,
                end,
            });
            commands.entity(entity).despawn();
        }
    }
}

/// One enemy force's day; how it left the field, if it did.
#[allow(clippy::too_many_arguments)]
fn day_of(
    w: &mut strike::World,
    foe: &mut EnemyForce,
    forces: &mut Query<ForceMut>,
    states: &mut Query<(Entity, &mut OasisState)>,
    routes: &Query<&Route>,
    index: &MapIndex,
    calendar: &Calendar,
) -> Option<EnemyEnd> {
    if foe.men == 0 || foe.breaks() {
        return Some(EnemyEnd::Scattered);
    }
    // Where it is going: the city it relieves, or the force it hunts (where it stands, or the
    // place it marches to).
    let goal = match foe.aim {
        Aim::Relieve(state) => states.get(state).ok().map(|(_, s)| s.place),
        Aim::Raid | Aim::Harass => quarry(foe, forces).and_then(|q| {
            forces.get(q).ok().map(|f| match *f.location {
                Location::At(p) => p,
                Location::OnRoute { to, .. } => to,
            })
        }),
    };
    let Some(goal) = goal else {
        return Some(EnemyEnd::NoOneToFight);
    };
    // A relief waiting by the city it came to aid is fed from it.
    let fed_by_city = matches!(foe.aim, Aim::Relieve(s)
        if foe.place() == Some(goal)
            && states.get(s).is_ok_and(|(_, st)| !st.relation.supplies()));
    march::eat_and_lose(w, foe, fed_by_city);
    if foe.men == 0 || foe.breaks() {
        return Some(EnemyEnd::Scattered);
    }
    if foe.place() != Some(goal) {
        march::toward(w.rules, foe, goal, routes, index, calendar);
    }
    foe.waits = foe.waits.saturating_sub(1);
    match foe.aim {
        Aim::Relieve(state) => {
            if foe.place() != Some(goal) {
                return None;
            }
            strike::relieve(w, foe, state, forces, states)
        }
        Aim::Raid | Aim::Harass => {
            let q = quarry(foe, forces)?;
            let mut force = forces.get_mut(q).ok()?;
            let length = |r: Entity| routes.get(r).map_or(Km::ZERO, |r| r.length);
            if !meets(foe.location, *force.location, length) {
                return None;
            }
            // Come up with it on the road, it keeps with it.
            foe.location = *force.location;
            strike::fall_on(w, foe, &mut force)
        }
    }
}

/// Whether an enemy at `foe` has come up with a force at `force`: at the same place, or on the
/// same road where it has caught it up or they have met head on (`length` gives a road's).
fn meets(foe: Location, force: Location, length: impl Fn(Entity) -> Km) -> bool {
    match (foe, force) {
        (Location::At(a), Location::At(b)) => a == b,
        (
            Location::OnRoute {
                route: r1,
                from: f1,
                km: k1,
                ..
            },
            Location::OnRoute {
                route: r2,
                from: f2,
                km: k2,
                ..
            },
        ) if r1 == r2 => {
            if f1 == f2 {
                k1 >= k2
            } else {
                k1 + k2 >= length(r1)
            }
        }
        _ => false,
    }
}

/// The force an enemy goes after: the one it hunts while that is in the field, else the first in
/// the field.
fn quarry(foe: &EnemyForce, forces: &Query<ForceMut>) -> Option<Entity> {
    let in_field =
        |f: &super::force::ForceMutReadOnlyItem| !f.standing.merged && f.column.men.total() > 0;
    foe.hunts
        .filter(|&h| forces.get(h).is_ok_and(|f| in_field(&f)))
        .or_else(|| forces.iter().find(in_field).map(|f| f.entity))
}
