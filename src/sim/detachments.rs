//! Detachments: a force splits into columns (no oasis could feed the whole 102 BC army) and
//! columns merge again.
//!
//! A detachment takes its share of each arm, each animal kind, the stores and the treasure; it
//! keeps the parent's condition, morale and road so far, and follows its own plan. When it joins
//! another force at the same place, its men, animals, stores and treasure pass over, and
//! nourishment and morale are averaged by men. Every transfer is in both ledgers (`men_in`,
//! `men_out`), so men and animals stay conserved force by force.

use bevy::prelude::*;

use super::Chronicled;
use super::components::*;
use super::rules::AnimalKind;
use crate::scenario::types::{DetachSize, PerAnimal};

/// `part` of `n`, rounded.
fn share_of(n: u32, part: f64) -> u32 {
    ((f64::from(n) * part).round() as u32).min(n)
}

/// Splits a detachment named `name` of `size` off `force`, and returns it.
pub fn split(force: &mut Force, name: &str, size: DetachSize) -> Force {
    let total = force.men.total();
    let part = match size {
        DetachSize::Share(share) => share.clamp(0.0, 1.0),
        DetachSize::Men(men) if total > 0 => (f64::from(men) / f64::from(total)).min(1.0),
        DetachSize::Men(_) => 0.0,
    };
    let mut men = force.men;
    men.infantry = share_of(force.men.infantry, part);
    men.cavalry = share_of(force.men.cavalry, part);
    let mut animals = PerAnimal::<u32>::default();
    for kind in AnimalKind::ALL {
        *animals.get_mut(kind) = share_of(*force.animals.get(kind), part);
    }
    // Every horseman keeps his horse.
    animals.horses = animals.horses.max(men.cavalry).min(force.animals.horses);
    let stores = Stores {
        grain_kg: force.stores.grain_kg * part,
        fodder_kg: force.stores.fodder_kg * part,
        water_l: force.stores.water_l * part,
        meat_kg: force.stores.meat_kg * part,
    };
    let treasure = force.treasure_cash * part;

    force.men.infantry -= men.infantry;
    force.men.cavalry -= men.cavalry;
    for kind in AnimalKind::ALL {
        *force.animals.get_mut(kind) -= animals.get(kind);
        *force.ledger.animals_out.get_mut(kind) += animals.get(kind);
    }
    force.ledger.men_out += men.total();
    force.stores.grain_kg -= stores.grain_kg;
    force.stores.fodder_kg -= stores.fodder_kg;
    force.stores.water_l -= stores.water_l;
    force.stores.meat_kg -= stores.meat_kg;
    force.treasure_cash -= treasure;

    let ledger = Ledger {
        men_in: men.total(),
        animals_in: animals,
        visits: force.ledger.visits.clone(),
        ..Ledger::default()
    };
    Force {
        name: name.to_string(),
        men,
        animals,
        stores,
        treasure_cash: treasure,
        ledger,
        activity: Activity::Idle,
        today: DayTally::default(),
        engineers: false,
        allies: Vec::new(),
        merged: false,
        ..force.clone()
    }
}

/// Moves everything of `from` into `into`.
pub fn merge(from: &mut Force, into: &mut Force) {
    let (a, b) = (f64::from(into.men.total()), f64::from(from.men.total()));
    if a + b > 0.0 {
        into.nourishment = (into.nourishment * a + from.nourishment * b) / (a + b);
        into.morale = (into.morale * a + from.morale * b) / (a + b);
        into.dry_days = (into.dry_days * a + from.dry_days * b) / (a + b);
    }
    let men = from.men.total();
    into.men.infantry += from.men.infantry;
    into.men.cavalry += from.men.cavalry;
    into.ledger.men_in += men;
    from.ledger.men_out += men;
    from.men.infantry = 0;
    from.men.cavalry = 0;
    for kind in AnimalKind::ALL {
        let n = *from.animals.get(kind);
        *into.animals.get_mut(kind) += n;
        *into.ledger.animals_in.get_mut(kind) += n;
        *from.ledger.animals_out.get_mut(kind) += n;
        *from.animals.get_mut(kind) = 0;
    }
    into.stores.grain_kg += from.stores.grain_kg;
    into.stores.fodder_kg += from.stores.fodder_kg;
    into.stores.water_l += from.stores.water_l;
    into.stores.meat_kg += from.stores.meat_kg;
    from.stores = Stores::default();
    into.treasure_cash += from.treasure_cash;
    from.treasure_cash = 0.0;
    into.engineers |= from.engineers;
    into.allies.append(&mut from.allies);
    from.merged = true;
    from.homeward = true;
    from.activity = Activity::Idle;
}

/// Merges columns that are waiting to join a force that is now at the same place, and ends the
/// waits of forces whose column has come (or is gone).
pub fn merge_columns(
    mut forces: Query<(Entity, &mut Force)>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let joining: Vec<(Entity, Entity)> = forces
        .iter()
        .filter_map(|(e, f)| match f.activity {
            Activity::Joining { into } => Some((e, into)),
            _ => None,
        })
        .collect();
    for (from, into) in joining {
        let Ok([(_, mut a), (_, mut b)]) = forces.get_many_mut([from, into]) else {
            if let Ok((_, mut a)) = forces.get_mut(from) {
                a.activity = Activity::Idle;
            }
            continue;
        };
        if b.merged || b.men.total() == 0 {
            chronicle.write(Chronicled {
                text: format!("{} finds no one to join and goes on alone", a.name),
            });
            a.activity = Activity::Idle;
            continue;
        }
        if a.location != b.location || !matches!(a.location, Location::At(_)) {
            if b.homeward {
                chronicle.write(Chronicled {
                    text: format!(
                        "{} has turned for home; {} gives up waiting for it",
                        b.name, a.name
                    ),
                });
                a.activity = Activity::Idle;
            }
            continue;
        }
        chronicle.write(Chronicled {
            text: format!(
                "{} joins {} with {} men and {} animals",
                a.name,
                b.name,
                a.men.total(),
                a.animals.total()
            ),
        });
        merge(&mut a, &mut b);
        if matches!(b.activity, Activity::Waiting { on, .. } if on == from) {
            b.activity = Activity::Idle;
        }
    }
    // A force waiting on a column that merged elsewhere or is gone stops waiting.
    let gone: Vec<Entity> = forces
        .iter()
        .filter(|(_, f)| f.merged || f.homeward || f.men.total() == 0)
        .map(|(e, _)| e)
        .collect();
    for (_, mut force) in &mut forces {
        if let Activity::Waiting { on, .. } = force.activity
            && gone.contains(&on)
        {
            force.activity = Activity::Idle;
        }
    }
}
