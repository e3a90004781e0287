//! Giving an order by name: the force (or a detachment not yet split off) and any place or force
//! the order names are found by (the start of) their names, the order goes to the simulation's
//! orders phase, and what it answers comes back as an event: taken, or refused with its reason.
//! A taken order is recorded, under the names as the simulation knows them.

use bevy::prelude::*;

use super::view::{self, PlaceNotFound};
use super::{Action, Order, Played};
use crate::scenario::types::PlanStep;
use crate::sim::log::{Chronicle, SimEvent};
use crate::sim::orders::{GiveOrder, Refusal, Target};
use crate::sim::{self, CampaignStatus};

/// An order taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// The force's name (or the pending detachment's).
    pub force: String,
    /// Whether it went to a detachment that has yet to split off.
    pub pending: bool,
    /// The order, with the names as the simulation knows them.
    pub order: Order,
    /// Orders taken back (for a cancel).
    pub taken_back: usize,
}

/// Why an order was not taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// The simulation refused it.
    Order {
        /// The force it was for.
        force: Entity,
        /// Why.
        reason: Refusal,
    },
    /// No force in the field goes by that name.
    NoForce {
        /// The name given.
        name: String,
        /// The forces in the field.
        forces: Vec<String>,
    },
    /// The order names a place that is not on the map.
    Place(PlaceNotFound),
}

/// The name of a force or of a pending detachment, as given in the game.
fn canonical_force(world: &World, name: &str) -> String {
    view::find_force(world, name)
        .map(|e| view::force_name(world, e))
        .or_else(|| view::pending_detachment(world, name).map(|(n, _)| n))
        .unwrap_or_else(|| name.to_string())
}

/// The step with the names of places and forces as the simulation knows them.
fn canonical_step(world: &World, step: PlanStep) -> Result<PlanStep, Refused> {
    Ok(match step {
        PlanStep::March(to) => {
            PlanStep::March(view::find_place(world, &to).map_err(Refused::Place)?.1)
        }
        PlanStep::Join(other) => PlanStep::Join(canonical_force(world, &other)),
        PlanStep::WaitFor { force, days } => PlanStep::WaitFor {
            force: canonical_force(world, &force),
            days,
        },
        PlanStep::Detach {
            name,
            size,
            plan,
            stores,
        } => PlanStep::Detach {
            name,
            size,
            stores,
            plan: plan
                .into_iter()
                .map(|s| canonical_step(world, s))
                .collect::<Result<_, _>>()?,
        },
        other => other,
    })
}

/// Gives `order` to the force called `force` (any case; the start of a name will do) or to a
/// detachment it has been ordered to split off; records it if it is taken.
pub fn give(world: &mut World, force: &str, order: Order) -> Result<Given, Refused> {
    let in_field = view::find_force(world, force);
    let target = match in_field {
        Some(e) => Target::Force(e),
        None => match view::pending_detachment(world, force) {
            Some((name, parent)) => Target::Pending { parent, name },
            None => {
                if world.resource::<CampaignStatus>().ended.is_some() {
                    return Err(Refused::Order {
                        force: Entity::PLACEHOLDER,
                        reason: Refusal::CampaignOver,
                    });
                }
                return Err(Refused::NoForce {
                    name: force.to_string(),
                    forces: view::forces(world)
                        .into_iter()
                        .map(|e| view::force_name(world, e))
                        .collect(),
                });
            }
        },
    };
    let order = match order {
        Order::Step(step) => Order::Step(canonical_step(world, step)?),
        other => other,
    };
    let holder = target.holder();
    let queued = world
        .get::<crate::sim::force::Orders>(holder)
        .map_or(0, |o| o.queued().len());
    let from = world.resource::<Chronicle>().0.len();
    world.write_message(GiveOrder {
        target: target.clone(),
        order: order.clone(),
    });
    sim::take_orders_now(world);
    let answer = world
        .resource::<Chronicle>()
        .since(from)
        .iter()
        .find_map(|l| match &l.event {
            SimEvent::OrderRefused { reason, .. } => Some(Err(reason.clone())),
            SimEvent::OrderGiven { .. } => Some(Ok(())),
            _ => None,
        });
    if let Some(Err(reason)) = answer {
        return Err(Refused::Order {
            force: holder,
            reason,
        });
    }
    let (name, pending) = match &target {
        Target::Force(e) => (view::force_name(world, *e), false),
        Target::Pending { name, .. } => (name.clone(), true),
    };
    world.resource_mut::<Played>().actions.push(Action::Order {
        force: name.clone(),
        order: order.clone(),
    });
    Ok(Given {
        force: name,
        pending,
        taken_back: if order == Order::Cancel { queued } else { 0 },
        order,
    })
}
