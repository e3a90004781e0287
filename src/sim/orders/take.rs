//! Taking the orders handed in: each is checked, then queued (a step, begun when the force is
//! free) or carried out at once (slaughter, terms, cancel); a refused one changes nothing. Every
//! order leaves as an event, taken or refused.

use bevy::prelude::*;

use super::check::{self, Context, Refusal, Subject};
use super::{GiveOrder, Order, Target};
use crate::scenario::types::PlanStep;
use crate::sim::ActiveScenario;
use crate::sim::campaign::CampaignStatus;
use crate::sim::force::{Activity, Column, Condition, Force, Ledger, Orders, Standing, Stores};
use crate::sim::log::SimEvent;
use crate::sim::map::{Location, MapIndex, Route};
use crate::sim::state::OasisState;

/// The forces, as the orders phase takes them.
type Forces<'w, 's> = Query<
    'w,
    's,
    (
        Entity,
        &'static Force,
        &'static mut Column,
        &'static mut Stores,
        &'static Condition,
        &'static Location,
        &'static mut Activity,
        &'static Standing,
        &'static mut Orders,
        &'static mut Ledger,
    ),
>;

/// Every force's entity and name, and whether it merged: what a check needs to know of the
/// others.
pub fn force_names<'a>(
    forces: impl Iterator<Item = (Entity, &'a Force, &'a Standing)>,
) -> Vec<(Entity, String, bool)> {
    forces
        .map(|(e, f, standing)| (e, f.name.clone(), standing.merged))
        .collect()
}

/// The detachment called `lower` (lower case) that one of `queues` holds, ordered to split off,
/// by its name as given.
pub fn pending_named<'a>(
    mut queues: impl Iterator<Item = &'a Orders>,
    lower: &str,
) -> Option<String> {
    queues.find_map(|orders| {
        orders.queued().iter().find_map(|s| match s {
            PlanStep::Detach { name, .. } if name.to_lowercase() == lower => Some(name.clone()),
            _ => None,
        })
    })
}

/// Takes the orders handed in since the last time.
pub fn take_orders(
    mut given: ResMut<Messages<GiveOrder>>,
    mut forces: Forces,
    routes: Query<&'static Route>,
    states: Query<&'static OasisState>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    status: Res<CampaignStatus>,
    mut events: MessageWriter<SimEvent>,
) {
    if given.is_empty() {
        return;
    }
    let rules = &scenario.0.rules;
    let orders: Vec<GiveOrder> = given.drain().collect();
    for GiveOrder { target, order } in orders {
        let names = force_names(
            forces
                .iter()
                .map(|(e, f, _, _, _, _, _, standing, _, _)| (e, f, standing)),
        );
        let pending =
            |lower: &str| pending_named(forces.iter().map(|(.., orders, _)| orders), lower);
        let verdict = match forces.get(target.holder()) {
            Ok((
                entity,
                force,
                column,
                stores,
                condition,
                location,
                activity,
                standing,
                queue,
                _,
            )) => {
                let subject = Subject {
                    entity,
                    force,
                    column,
                    stores,
                    condition,
                    location: *location,
                    activity: *activity,
                    standing: *standing,
                    orders: queue,
                };
                let context = Context {
                    rules,
                    index: &index,
                    routes: &routes,
                    states: &states,
                    ended: status.ended.is_some(),
                    names: &names,
                    pending: &pending,
                };
                check::check(&context, &subject, &target, &order)
            }
            Err(_) => Err(Refusal::NotInField),
        };
        if let Err(reason) = verdict {
            events.write(SimEvent::OrderRefused {
                target,
                order,
                reason,
            });
            continue;
        }
        let Ok((entity, _, mut column, mut stores, _, _, mut activity, _, mut queue, mut ledger)) =
            forces.get_mut(target.holder())
        else {
            continue;
        };
        match (&target, &order) {
            (Target::Pending { name, .. }, Order::Step(step)) => {
                for s in queue.steps_mut() {
                    if let PlanStep::Detach { name: n, plan, .. } = s
                        && n == name
                    {
                        plan.push(step.clone());
                    }
                }
            }
            (_, Order::Step(step)) => queue.push(step.clone()),
            (_, Order::Slaughter(n)) => {
                column.animals.oxen -= n;
                ledger.animals_lost.oxen.slaughtered += n;
                stores.meat += rules.meat_kg.oxen * f64::from(*n);
                events.write(SimEvent::Slaughtered {
                    force: entity,
                    kind: crate::scenario::types::AnimalKind::Oxen,
                    count: *n,
                    ordered: true,
                });
            }
            (_, Order::Cancel) => queue.clear(),
            (_, Order::Terms(accept)) => {
                if let Activity::Besieging { accept_terms, .. } = &mut *activity {
                    *accept_terms = *accept;
                }
                for step in queue.steps_mut() {
                    if let PlanStep::Besiege { accept_terms, .. } = step {
                        *accept_terms = *accept;
                    }
                }
            }
        }
        events.write(SimEvent::OrderGiven { target, order });
    }
}
