//! The base the army mustered at, and what it still holds once the columns have left (the
//! muster's limits less what they took): the men, animals and stores convoys draw on. A convoy
//! (`convoy …`) is a force of its own, raised at the base with the men, animals and stores the
//! order names, that marches by the shortest road to where the force it supplies will be and
//! joins it there. It eats and drinks on the way like any column, so a long road eats its cargo.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::types::{AnimalKind, ForceDef, PerAnimal};
use crate::scenario::units::Tonnes;

/// The base and its reserve (absent where the campaign has no muster).
#[derive(Resource, Debug, Clone)]
pub struct Base {
    /// The place.
    pub place: Entity,
    /// What it still holds, as a force standing there.
    pub reserve: ForceDef,
    /// Convoys sent so far.
    pub convoys: u32,
}

/// What a convoy takes from the base.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Convoy {
    /// Men who drive and guard it.
    pub men: u32,
    /// Pack animals of each kind.
    pub animals: PerAnimal<u32>,
    /// Grain, tonnes.
    pub grain_t: f64,
    /// Fodder, tonnes.
    pub fodder_t: f64,
}

/// One thing a convoy takes, as its order names it and the base holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvoyItem {
    /// Men.
    Men,
    /// Animals of a kind.
    Animals(AnimalKind),
    /// Grain, tonnes.
    Grain,
    /// Fodder, tonnes.
    Fodder,
}

impl ConvoyItem {
    /// Every item, in the order the order lists them.
    pub const ALL: [ConvoyItem; 7] = [
        ConvoyItem::Men,
        ConvoyItem::Animals(AnimalKind::Horses),
        ConvoyItem::Animals(AnimalKind::Oxen),
        ConvoyItem::Animals(AnimalKind::Donkeys),
        ConvoyItem::Animals(AnimalKind::Camels),
        ConvoyItem::Grain,
        ConvoyItem::Fodder,
    ];

    /// Its word in the order.
    pub fn word(self) -> &'static str {
        match self {
            ConvoyItem::Men => "men",
            ConvoyItem::Animals(kind) => kind.name(),
            ConvoyItem::Grain => "grain",
            ConvoyItem::Fodder => "fodder",
        }
    }

    /// How much of it a convoy takes.
    pub fn of(self, c: &Convoy) -> f64 {
        match self {
            ConvoyItem::Men => f64::from(c.men),
            ConvoyItem::Animals(kind) => f64::from(*c.animals.get(kind)),
            ConvoyItem::Grain => c.grain_t,
            ConvoyItem::Fodder => c.fodder_t,
        }
    }

    /// Sets how much of it a convoy takes (a count is rounded).
    pub fn set(self, c: &mut Convoy, x: f64) {
        let n = x.max(0.0).round().min(f64::from(u32::MAX)) as u32;
        match self {
            ConvoyItem::Men => c.men = n,
            ConvoyItem::Animals(kind) => *c.animals.get_mut(kind) = n,
            ConvoyItem::Grain => c.grain_t = x,
            ConvoyItem::Fodder => c.fodder_t = x,
        }
    }

    /// How much of it the reserve holds (men of either arm).
    pub fn held(self, reserve: &ForceDef) -> f64 {
        match self {
            ConvoyItem::Men => f64::from(reserve.men.total()),
            ConvoyItem::Animals(kind) => f64::from(*reserve.animals.get(kind)),
            ConvoyItem::Grain => reserve.stores.grain_t.0,
            ConvoyItem::Fodder => reserve.stores.fodder_t.0,
        }
    }

    /// An amount of it for people: "120 t of grain", "300 donkeys", "200 men".
    pub fn amount(self, x: f64) -> String {
        match self {
            ConvoyItem::Grain | ConvoyItem::Fodder => format!("{x:.0} t of {}", self.word()),
            _ => format!("{x:.0} {}", self.word()),
        }
    }
}

impl Convoy {
    /// A convoy the window offers as one button: up to 500 men and 2,000 of the base's most
    /// numerous pack animals, with as much grain as they carry (none where the base holds no men).
    pub fn suggested(reserve: &ForceDef, rules: &crate::scenario::types::Rules) -> Option<Convoy> {
        let men = reserve.men.total().min(500);
        if men == 0 {
            return None;
        }
        let mut convoy = Convoy {
            men,
            ..Convoy::default()
        };
        let kind = AnimalKind::ALL
            .into_iter()
            .filter(|k| *k != AnimalKind::Horses)
            .max_by_key(|k| *reserve.animals.get(*k))?;
        *convoy.animals.get_mut(kind) = (*reserve.animals.get(kind)).min(2000);
        // Most of the load in grain, a little room left for water on the road.
        let room_t = convoy.carries_t(reserve, rules) * 0.8;
        convoy.grain_t = room_t.min(reserve.stores.grain_t.0).floor().max(0.0);
        Some(convoy)
    }

    /// The tonnes the convoy's men (foot first, as [`Convoy::force`] takes them from `reserve`)
    /// and animals can carry.
    pub fn carries_t(&self, reserve: &ForceDef, rules: &crate::scenario::types::Rules) -> f64 {
        let column = crate::sim::force::Column {
            men: self.force("", reserve, 0.0, 0.0).men,
            animals: self.animals,
            ..Default::default()
        };
        column.capacity(rules).0 / 1000.0
    }

    /// The convoy as a force of the format standing at the base, named `name`, with the
    /// reserve's morale and habits.
    pub fn force(&self, name: &str, reserve: &ForceDef, morale: f64, corruption: f64) -> ForceDef {
        let mut men = reserve.men;
        // Foot first: the carters and their guard walk.
        men.infantry = self.men.min(reserve.men.infantry);
        men.cavalry = self.men - men.infantry;
        let mut f = reserve.clone();
        f.name = name.to_string();
        f.men = men;
        f.animals = self.animals;
        f.carts = 0;
        f.stores = Default::default();
        f.stores.grain_t = Tonnes(self.grain_t);
        f.stores.fodder_t = Tonnes(self.fodder_t);
        f.silk_bolts = 0;
        f.gold_jin = 0;
        f.engineers = false;
        f.morale = morale;
        f.corruption = corruption;
        f
    }

    /// Takes what the convoy `f` holds out of the reserve.
    pub fn take_from(f: &ForceDef, reserve: &mut ForceDef) {
        reserve.men.infantry -= f.men.infantry.min(reserve.men.infantry);
        reserve.men.cavalry -= f.men.cavalry.min(reserve.men.cavalry);
        for kind in AnimalKind::ALL {
            let have = reserve.animals.get_mut(kind);
            *have -= (*f.animals.get(kind)).min(*have);
        }
        reserve.stores.grain_t = Tonnes((reserve.stores.grain_t.0 - f.stores.grain_t.0).max(0.0));
        reserve.stores.fodder_t =
            Tonnes((reserve.stores.fodder_t.0 - f.stores.fodder_t.0).max(0.0));
    }
}
