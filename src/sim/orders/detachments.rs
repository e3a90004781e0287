//! Detachments: a force splits into columns (no oasis could feed the whole 102 BC army) and
//! columns merge again.
//!
//! A detachment takes its share of each arm, each animal kind, the stores and the treasure; it
//! keeps the parent's condition, morale and road so far, and follows its own plan. When it joins
//! another force at the same place, its men, animals, stores and treasure pass over, and
//! nourishment and morale are averaged by men. Every transfer is in both ledgers (`men_in`,
//! `men_out`), so men and animals stay conserved force by force.

use bevy::prelude::*;

use crate::scenario::types::{AnimalKind, DetachSize, DetachStores, PerAnimal};
use crate::scenario::units::{Kg, Litres};
use crate::sim::force::{
    Activity, Column, Condition, Force, ForceMut, ForceMutItem, Ledger, Retinue, Standing, Stores,
    Today,
};
use crate::sim::log::SimEvent;
use crate::sim::map::Location;

/// `part` of `n`, rounded.
fn share_of(n: u32, part: f64) -> u32 {
    ((f64::from(n) * part).round() as u32).min(n)
}

/// A new force's components, before it is spawned.
#[derive(Debug, Clone)]
pub struct NewForce {
    /// Who it is.
    pub force: Force,
    /// Who marches.
    pub column: Column,
    /// What it carries.
    pub stores: Stores,
    /// Their condition.
    pub condition: Condition,
    /// Where it is.
    pub location: Location,
    /// Its history.
    pub ledger: Ledger,
    /// Who marches with it.
    pub retinue: Retinue,
}

impl NewForce {
    /// Everything a force is spawned with (its orders aside).
    pub fn bundle(self) -> impl Bundle {
        (
            Name::new(self.force.name.clone()),
            self.force,
            self.column,
            self.stores,
            self.condition,
            self.location,
            Activity::Idle,
            Standing::default(),
            self.retinue,
            Today::default(),
            self.ledger,
        )
    }
}

/// Splits a detachment named `name` of `size` off `force`, raised `raised`th, and returns it:
/// it takes its share of everything, but the `chosen` stores (as much of them as the force has).
pub fn split(
    force: &mut ForceMutItem,
    name: &str,
    size: DetachSize,
    chosen: &DetachStores,
    raised: u32,
) -> NewForce {
    let total = force.column.men.total();
    let part = match size {
        DetachSize::Share(share) => share.clamp(0.0, 1.0),
        DetachSize::Men(men) if total > 0 => (f64::from(men) / f64::from(total)).min(1.0),
        DetachSize::Men(_) => 0.0,
    };
    let mut men = force.column.men;
    men.infantry = share_of(force.column.men.infantry, part);
    men.cavalry = share_of(force.column.men.cavalry, part);
    let mut animals = PerAnimal::<u32>::default();
    for kind in AnimalKind::ALL {
        *animals.get_mut(kind) = share_of(*force.column.animals.get(kind), part);
    }
    // Every horseman keeps his horse.
    animals.horses = animals
        .horses
        .max(men.cavalry)
        .min(force.column.animals.horses);
    let carts = share_of(force.column.carts, part);
    let or_share = |chosen: Option<f64>, have: f64| chosen.map_or(have * part, |c| c.min(have));
    let stores = Stores {
        grain: Kg(or_share(
            chosen.grain_t.map(|t| t.kg().0),
            force.stores.grain.0,
        )),
        fodder: Kg(or_share(
            chosen.fodder_t.map(|t| t.kg().0),
            force.stores.fodder.0,
        )),
        water: Litres(or_share(
            chosen.water_m3.map(|m| m.litres().0),
            force.stores.water.0,
        )),
        meat: force.stores.meat * part,
        treasure_cash: force.stores.treasure_cash * part,
    };

    force.column.men.infantry -= men.infantry;
    force.column.men.cavalry -= men.cavalry;
    for kind in AnimalKind::ALL {
        *force.column.animals.get_mut(kind) -= animals.get(kind);
        *force.ledger.animals_out.get_mut(kind) = force
            .ledger
            .animals_out
            .get_mut(kind)
            .saturating_add(*animals.get(kind));
    }
    force.column.carts -= carts;
    force.ledger.men_out = force.ledger.men_out.saturating_add(men.total());
    force.stores.grain -= stores.grain;
    force.stores.fodder -= stores.fodder;
    force.stores.water -= stores.water;
    force.stores.meat -= stores.meat;
    force.stores.treasure_cash -= stores.treasure_cash;

    NewForce {
        force: Force {
            name: name.to_string(),
            label: name.into(),
            raised,
            envoy: force.force.envoy,
        },
        column: Column {
            men,
            animals,
            carts,
            pace: force.column.pace,
            drink: force.column.drink,
            water_days: force.column.water_days,
            captives: 0,
            ration_cut: force.column.ration_cut,
            buying: Default::default(),
        },
        stores,
        condition: *force.condition,
        location: *force.location,
        ledger: Ledger {
            men_in: men.total(),
            animals_in: animals,
            visits: force.ledger.visits.clone(),
            ..Ledger::default()
        },
        retinue: Retinue::default(),
    }
}

/// Moves everything of `from` into `into`.
pub fn merge(from: &mut ForceMutItem, into: &mut ForceMutItem) {
    let (a, b) = (
        f64::from(into.column.men.total()),
        f64::from(from.column.men.total()),
    );
    if a + b > 0.0 {
        let (c, d) = (&mut *into.condition, &*from.condition);
        c.nourishment = (c.nourishment * a + d.nourishment * b) / (a + b);
        c.morale = (c.morale * a + d.morale * b) / (a + b);
        c.dry_days = (c.dry_days * a + d.dry_days * b) / (a + b);
        c.fatigue = (c.fatigue * a + d.fatigue * b) / (a + b);
        c.wounded = (c.wounded * a + d.wounded * b) / (a + b);
    }
    into.column.carts = into.column.carts.saturating_add(from.column.carts);
    from.column.carts = 0;
    into.column.captives = into.column.captives.saturating_add(from.column.captives);
    from.column.captives = 0;
    let men = from.column.men.total();
    into.column.men.infantry = into
        .column
        .men
        .infantry
        .saturating_add(from.column.men.infantry);
    into.column.men.cavalry = into
        .column
        .men
        .cavalry
        .saturating_add(from.column.men.cavalry);
    into.ledger.men_in = into.ledger.men_in.saturating_add(men);
    from.ledger.men_out = from.ledger.men_out.saturating_add(men);
    from.column.men.infantry = 0;
    from.column.men.cavalry = 0;
    for kind in AnimalKind::ALL {
        let n = *from.column.animals.get(kind);
        *into.column.animals.get_mut(kind) = into.column.animals.get_mut(kind).saturating_add(n);
        *into.ledger.animals_in.get_mut(kind) =
            into.ledger.animals_in.get_mut(kind).saturating_add(n);
        *from.ledger.animals_out.get_mut(kind) =
            from.ledger.animals_out.get_mut(kind).saturating_add(n);
        *from.column.animals.get_mut(kind) = 0;
    }
    into.stores.grain += from.stores.grain;
    into.stores.fodder += from.stores.fodder;
    into.stores.water += from.stores.water;
    into.stores.meat += from.stores.meat;
    into.stores.treasure_cash += from.stores.treasure_cash;
    *from.stores = Stores::default();
    into.retinue.engineers |= from.retinue.engineers;
    let mut allies = std::mem::take(&mut from.retinue.allies);
    into.retinue.allies.append(&mut allies);
    from.standing.merged = true;
    from.standing.homeward = true;
    *from.activity = Activity::Idle;
}

/// Whether a force is on its way to join another, or waiting for one (the work of
/// [`merge_columns`], which runs only when one is).
pub fn joining_or_waiting(activity: &Activity) -> bool {
    matches!(
        activity,
        Activity::Joining { .. } | Activity::Waiting { .. }
    )
}

/// Merges columns that are waiting to join a force that is now at the same place, and ends the
/// waits of forces whose column has come (or is gone).
pub fn merge_columns(mut forces: Query<ForceMut>, mut events: MessageWriter<SimEvent>) {
    let joining: Vec<(Entity, Entity)> = forces
        .iter()
        .filter_map(|f| match *f.activity {
            Activity::Joining { into } => Some((f.entity, into)),
            _ => None,
        })
        .collect();
    for (from, into) in joining {
        let Ok([mut a, mut b]) = forces.get_many_mut([from, into]) else {
            if let Ok(mut a) = forces.get_mut(from) {
                *a.activity = Activity::Idle;
            }
            continue;
        };
        if b.standing.merged || b.column.men.total() == 0 {
            events.write(SimEvent::NoOneToJoin { force: from });
            *a.activity = Activity::Idle;
            continue;
        }
        if *a.location != *b.location || !matches!(*a.location, Location::At(_)) {
            if b.standing.homeward {
                events.write(SimEvent::GaveUpWaiting {
                    force: from,
                    on: into,
                });
                *a.activity = Activity::Idle;
            }
            continue;
        }
        events.write(SimEvent::Joined {
            force: from,
            into,
            men: a.column.men.total(),
            animals: a.column.animals.total(),
        });
        merge(&mut a, &mut b);
        if matches!(*b.activity, Activity::Waiting { on, .. } if on == from) {
            *b.activity = Activity::Idle;
        }
    }
    // A force waiting on a column that merged elsewhere or is gone stops waiting.
    let waiting_on: Vec<(Entity, Entity)> = forces
        .iter()
        .filter_map(|f| match *f.activity {
            Activity::Waiting { on, .. } => Some((f.entity, on)),
            _ => None,
        })
        .collect();
    for (waiter, on) in waiting_on {
        let gone = forces
            .get(on)
            .is_ok_and(|f| f.standing.merged || f.standing.homeward || f.column.men.total() == 0);
        if gone && let Ok(mut force) = forces.get_mut(waiter) {
            *force.activity = Activity::Idle;
        }
    }
}
