//! The one way into the simulation: every commander (the player, the heuristic commander, the
//! historical plan) hands typed [`Order`]s to the orders phase, which checks each ([`check`]) and
//! either carries it out or refuses it with a typed [`Refusal`]; either way it leaves as an event
//! ([`SimEvent::OrderGiven`](super::log::SimEvent::OrderGiven) or
//! [`SimEvent::OrderRefused`](super::log::SimEvent::OrderRefused)).
//!
//! An order is given by writing a [`GiveOrder`] message. Within a day the orders phase takes them
//! first ([`take::take_orders`]), then every idle force begins its next queued step, or its plan's
//! next step under the historical commander, which is checked as it comes up
//! ([`begin::begin_next`]), and columns that have met merge ([`detachments::merge_columns`]).
//! Between days a front end runs the [`SimOrders`](super::SimOrders) schedule to have its orders
//! taken (and refused) at once.
//!
//! The words of an order, as the terminal and the window's command line take them, are its
//! [`Display`](std::fmt::Display) and [`FromStr`](std::str::FromStr) ([`words`]).

pub mod begin;
pub mod check;
pub mod detachments;
pub mod take;
pub mod words;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::types::{AnimalKind, PlanStep};
use crate::scenario::units::Kg;
use crate::sim::base::Convoy;
use crate::sim::force::{Column, Stores};

pub use check::{Refusal, StateVerb};

/// An order to a force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Order {
    /// A step queued on the force (march, rest, ask, besiege, split, …), begun when the force is
    /// free.
    Step(PlanStep),
    /// Slaughter so many oxen for meat now.
    Slaughter(u32),
    /// Slaughter so many animals of another kind for meat now (never the cavalry's mounts).
    SlaughterAnimals(AnimalKind, u32),
    /// Put the men on this share of the full ration from now on (1: full rations): grain lasts
    /// longer, and the men are fed that share.
    Rations(f64),
    /// Punish the officers who withhold the men's grain: less is withheld, at a cost in morale.
    Punish,
    /// Hand goods to the force called `to`, at the same place.
    Hand {
        /// The force that takes them.
        to: String,
        /// What.
        goods: Goods,
        /// How much: tonnes of grain or fodder, cubic metres of water, or a count of animals.
        amount: f64,
    },
    /// Buy at most so many tonnes of grain or fodder from states that sell, from now on (none:
    /// as much as it can carry and pay for).
    Buy(Goods, Option<f64>),
    /// Leave stores in a depot at the place, for any force to draw on later.
    Cache(Goods, f64),
    /// Take stores from the depot at the place.
    Draw(Goods, f64),
    /// Accept (true) or refuse the terms of the siege the force presses or will press next.
    Terms(bool),
    /// Send a convoy from the base with these men, animals and stores, to march by the shortest
    /// road to where the force will be and join it there (see [`base`](crate::sim::base)).
    Convoy(Convoy),
    /// Take back the orders queued and not yet begun.
    Cancel,
}

/// Stores or animals a force hands to another, or leaves in a depot and draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Goods {
    /// Grain, in tonnes.
    Grain,
    /// Fodder, in tonnes.
    Fodder,
    /// Water, in cubic metres.
    Water,
    /// Animals of a kind, by the head.
    Animals(AnimalKind),
}

impl Goods {
    /// Every kind of goods.
    pub const ALL: [Goods; 7] = [
        Goods::Grain,
        Goods::Fodder,
        Goods::Water,
        Goods::Animals(AnimalKind::Horses),
        Goods::Animals(AnimalKind::Oxen),
        Goods::Animals(AnimalKind::Donkeys),
        Goods::Animals(AnimalKind::Camels),
    ];

    /// Its word in orders.
    pub fn word(self) -> &'static str {
        match self {
            Goods::Grain => "grain",
            Goods::Fodder => "fodder",
            Goods::Water => "water",
            Goods::Animals(kind) => kind.name(),
        }
    }

    /// The goods a word names.
    pub fn parse(word: &str) -> Option<Goods> {
        let word = word.to_lowercase();
        Goods::ALL.into_iter().find(|g| g.word() == word)
    }

    /// Whether they are stores (kept in a depot), not animals.
    pub fn is_stores(self) -> bool {
        !matches!(self, Goods::Animals(_))
    }

    /// How much of them a force has: tonnes of grain or fodder, cubic metres of water, or the
    /// animals of the kind (for horses, those the cavalry does not ride).
    pub fn held(self, column: &Column, stores: &Stores) -> f64 {
        match self {
            Goods::Grain => stores.grain.0 / 1000.0,
            Goods::Fodder => stores.fodder.0 / 1000.0,
            Goods::Water => stores.water.0 / 1000.0,
            Goods::Animals(AnimalKind::Horses) => {
                f64::from(column.animals.horses.saturating_sub(column.men.cavalry))
            }
            Goods::Animals(kind) => f64::from(*column.animals.get(kind)),
        }
    }

    /// What `amount` of them weighs in a column's load (animals carry themselves).
    pub fn weight(self, amount: f64) -> Kg {
        if self.is_stores() {
            Kg(amount * 1000.0)
        } else {
            Kg::ZERO
        }
    }

    /// Moves `amount` of them from one column and its stores to another's.
    pub fn move_between(
        self,
        amount: f64,
        from: (&mut Column, &mut Stores),
        to: (&mut Column, &mut Stores),
    ) {
        let kg = amount * 1000.0;
        match self {
            Goods::Grain => {
                from.1.grain.0 -= kg;
                to.1.grain.0 += kg;
            }
            Goods::Fodder => {
                from.1.fodder.0 -= kg;
                to.1.fodder.0 += kg;
            }
            Goods::Water => {
                from.1.water.0 -= kg;
                to.1.water.0 += kg;
            }
            Goods::Animals(kind) => {
                let n = amount.round() as u32;
                *from.0.animals.get_mut(kind) -= n;
                *to.0.animals.get_mut(kind) += n;
            }
        }
    }

    /// An amount of them for people: "120 t of grain", "300 donkeys".
    pub fn amount(self, x: f64) -> String {
        match self {
            Goods::Grain | Goods::Fodder => format!("{x:.0} t of {}", self.word()),
            Goods::Water => format!("{x:.0} m³ of water"),
            Goods::Animals(kind) => format!("{x:.0} {}", kind.name()),
        }
    }
}

/// Whom an order is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A force.
    Force(Entity),
    /// A detachment a force has been ordered to split off, not yet on its way: its orders become
    /// its plan.
    Pending {
        /// The force it will leave.
        parent: Entity,
        /// Its name.
        name: String,
    },
}

impl Target {
    /// The force that holds the order: the force itself, or the parent of a pending detachment.
    pub fn holder(&self) -> Entity {
        match self {
            Target::Force(e) | Target::Pending { parent: e, .. } => *e,
        }
    }
}

/// An order handed to the orders phase.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct GiveOrder {
    /// Whom it is for.
    pub target: Target,
    /// The order.
    pub order: Order,
}
