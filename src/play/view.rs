//! What a player sees of the campaign, read from the simulation's world: the forces in the field
//! in the order they were raised, a force or a place found by (the start of) its name, a force's
//! days of supplies, what it is doing, where it will be, the state at a place, and a day's losses.

use bevy::prelude::*;

use crate::scenario::logistics::{days_of, days_of_food};
use crate::scenario::types::{PlanStep, Rules};
use crate::scenario::validate::did_you_mean;
use crate::sim::force::{Activity, Column, Force, Orders, Standing, Stores};
use crate::sim::ledger::MenLosses;
use crate::sim::log::{Logged, SimEvent};
use crate::sim::map::{Location, MapIndex, Place};
use crate::sim::state::OasisState;

/// The forces still in the field (not merged, not destroyed), in the order they were raised.
pub fn forces(world: &World) -> Vec<Entity> {
    let Some(mut q) = world.try_query::<(Entity, &Force, &Column, &Standing)>() else {
        return Vec::new();
    };
    let mut out: Vec<(u32, Entity)> = q
        .iter(world)
        .filter(|(_, _, c, s)| !s.merged && c.men.total() > 0)
        .map(|(e, f, _, _)| (f.raised, e))
        .collect();
    out.sort();
    out.into_iter().map(|(_, e)| e).collect()
}

/// A force's name.
pub fn force_name(world: &World, e: Entity) -> String {
    world
        .get::<Force>(e)
        .map_or(String::new(), |f| f.name.clone())
}

/// A place's name.
pub fn place_name(world: &World, e: Entity) -> String {
    world
        .get::<Place>(e)
        .map_or(String::new(), |p| p.name.clone())
}

/// A state's name.
pub fn state_name(world: &World, e: Entity) -> String {
    world
        .get::<OasisState>(e)
        .map_or(String::new(), |s| s.name.clone())
}

/// The force in the field called `name` (any case; the start of a name will do, where only one
/// name starts so).
pub fn find_force(world: &World, name: &str) -> Option<Entity> {
    let forces = forces(world);
    let lower = name.to_lowercase();
    let named = |e: &Entity| force_name(world, *e).to_lowercase();
    if let Some(e) = forces.iter().find(|e| named(e) == lower) {
        return Some(*e);
    }
    let starts: Vec<&Entity> = forces
        .iter()
        .filter(|e| named(e).starts_with(&lower))
        .collect();
    (starts.len() == 1).then(|| *starts[0])
}

/// A detachment ordered to split off but not yet on its way: its name as given and the force it
/// leaves.
pub fn pending_detachment(world: &World, name: &str) -> Option<(String, Entity)> {
    let lower = name.to_lowercase();
    forces(world).into_iter().find_map(|e| {
        world
            .get::<Orders>(e)?
            .queued()
            .iter()
            .find_map(|s| match s {
                PlanStep::Detach { name: n, .. } if n.to_lowercase() == lower => {
                    Some((n.clone(), e))
                }
                _ => None,
            })
    })
}

/// Why no place answers to a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceNotFound {
    /// None does; perhaps this one was meant.
    None {
        /// The name given.
        name: String,
        /// The closest id.
        hint: Option<String>,
    },
    /// Several do.
    Several {
        /// The name given.
        name: String,
        /// Their ids.
        ids: Vec<String>,
    },
}

/// The place an id or a name (or the start of one, any case) refers to, and its id.
pub fn find_place(world: &World, text: &str) -> Result<(Entity, String), PlaceNotFound> {
    let index = world.resource::<MapIndex>();
    if let Some(&e) = index.places.get(text) {
        return Ok((e, text.to_string()));
    }
    let lower = text.to_lowercase();
    let mut hits: Vec<(Entity, String)> = index
        .places
        .iter()
        .filter(|(id, e)| {
            id.starts_with(&lower) || place_name(world, **e).to_lowercase().starts_with(&lower)
        })
        .map(|(id, e)| (*e, id.clone()))
        .collect();
    match hits.len() {
        1 => Ok(hits.remove(0)),
        0 => {
            let ids: Vec<&str> = index.places.keys().map(String::as_str).collect();
            Err(PlaceNotFound::None {
                name: text.to_string(),
                hint: did_you_mean(&lower, ids).map(str::to_string),
            })
        }
        _ => Err(PlaceNotFound::Several {
            name: text.to_string(),
            ids: hits.into_iter().map(|(_, id)| id).collect(),
        }),
    }
}

/// Days of food (grain, and meat at its grain equivalent), fodder and water a column carries.
pub fn supply_days(rules: &Rules, column: &Column, stores: &Stores) -> (f64, f64, f64) {
    let need = column.need(rules);
    (
        days_of_food(rules, need.men_grain, stores.grain, stores.meat),
        days_of(stores.fodder, need.feed_total()),
        days_of(stores.water, need.water()),
    )
}

/// What a force is doing, in a few words.
pub fn doing(activity: &Activity, standing: &Standing, orders: &Orders) -> String {
    match activity {
        Activity::Idle if standing.homeward => "homeward".to_string(),
        Activity::Idle if standing.holds => "holds its post".to_string(),
        Activity::Idle if !orders.queued().is_empty() => "orders given".to_string(),
        Activity::Idle => "awaiting orders".to_string(),
        Activity::Marching { .. } => "marching".to_string(),
        Activity::Resting { days_left } => format!("resting {days_left}d"),
        Activity::Besieging { days, .. } => format!("besieging, day {days}"),
        Activity::Waiting { days_left, .. } => format!("waiting {days_left}d"),
        Activity::Snowbound { .. } => "snowbound".to_string(),
        Activity::Joining { .. } => "waiting to join".to_string(),
        Activity::Held { .. } => "held captive".to_string(),
        _ => "busy".to_string(),
    }
}

/// Where a force is, for people: "at a place", or "between one place and the next".
pub fn whereabouts(world: &World, location: &Location) -> String {
    match *location {
        Location::At(p) => format!("at {}", place_name(world, p)),
        Location::OnRoute { from, to, .. } => format!(
            "between {} and {}",
            place_name(world, from),
            place_name(world, to)
        ),
    }
}

/// The state whose capital stands at `place`.
pub fn state_at(world: &World, place: Entity) -> Option<(Entity, &OasisState)> {
    let state = world.resource::<MapIndex>().state_at(place)?;
    world.get::<OasisState>(state).map(|s| (state, s))
}

/// The men `force` lost on `day`, by cause (those not in a fight), from the chronicle's facts.
pub fn day_losses(chronicle: &[Logged], force: Entity, day: u32) -> MenLosses {
    let mut out = MenLosses::default();
    for l in chronicle.iter().rev() {
        if l.day < day {
            break;
        }
        if let SimEvent::MenLost { force: f, lost, .. } = &l.event
            && *f == force
            && l.day == day
        {
            out.add(lost);
        }
    }
    out
}

/// A day's losses in a few words: "35: hunger 20, thirst 15" (empty if none).
pub fn losses_words(lost: &MenLosses) -> String {
    let total = lost.total();
    if total == 0 {
        return String::new();
    }
    let causes: Vec<String> = lost
        .named()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(cause, n)| format!("{cause} {n}"))
        .collect();
    format!("{total}: {}", causes.join(", "))
}

/// An enemy force in the field, as the front ends show it.
#[derive(Debug, Clone, PartialEq)]
pub struct EnemyInField {
    /// Its name.
    pub name: String,
    /// Its men.
    pub men: u32,
    /// Where it is.
    pub location: crate::sim::map::Location,
    /// Its morale, 0..1.
    pub morale: f64,
}

/// The enemy forces in the field, in the order they took it.
pub fn enemies(world: &World) -> Vec<EnemyInField> {
    let Some(mut q) = world.try_query::<(Entity, &crate::sim::enemy::EnemyForce)>() else {
        return Vec::new();
    };
    let campaign = &world.resource::<crate::sim::ActiveScenario>().0.campaign;
    let mut out: Vec<(Entity, EnemyInField)> = q
        .iter(world)
        .map(|(e, foe)| {
            let name = foe
                .effect
                .in_campaign(campaign)
                .and_then(|e| e.party())
                .unwrap_or("the enemy")
                .to_string();
            (
                e,
                EnemyInField {
                    name,
                    men: foe.men,
                    location: foe.location,
                    morale: foe.morale,
                },
            )
        })
        .collect();
    out.sort_by_key(|(e, _)| *e);
    out.into_iter().map(|(_, x)| x).collect()
}
