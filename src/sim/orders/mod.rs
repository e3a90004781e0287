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

use crate::scenario::types::PlanStep;

pub use check::{Refusal, StateVerb};

/// An order to a force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Order {
    /// A step queued on the force (march, rest, ask, besiege, split, …), begun when the force is
    /// free.
    Step(PlanStep),
    /// Slaughter so many oxen for meat now.
    Slaughter(u32),
    /// Accept (true) or refuse the terms of the siege the force presses or will press next.
    Terms(bool),
    /// Take back the orders queued and not yet begun.
    Cancel,
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
