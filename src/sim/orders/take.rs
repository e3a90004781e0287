//! Taking the orders handed in: each is checked, then queued (a step, begun when the force is
//! free) or carried out at once (slaughter, terms, cancel); a refused one changes nothing. Every
//! order leaves as an event, taken or refused.

use bevy::prelude::*;

use super::check::{self, Context, Refusal, Subject};
use super::{GiveOrder, Goods, Order, Target};
use crate::scenario::types::PlanStep;
use crate::scenario::units::Kg;
use crate::sim::ActiveScenario;
use crate::sim::base::{Base, Convoy};
use crate::sim::campaign::CampaignStatus;
use crate::sim::force::{Activity, Column, Condition, Force, Ledger, Orders, Standing, Stores};
use crate::sim::log::{Provision, SimEvent};
use crate::sim::map::{Depot, Location, MapIndex, Place, Route};
use crate::sim::raise::new_force;
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
        &'static mut Condition,
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

/// [`force_names`], kept in a system's `Local` from one run to the next: written anew only when
/// the forces are not those it names (a force raised, a new campaign), their merged flags brought
/// up to date otherwise, so that a day with the same forces allocates nothing.
#[derive(Debug, Default)]
pub struct KeptNames(Vec<(Entity, String, bool)>);

impl KeptNames {
    /// The names of the forces `forces()` goes through, as [`force_names`] gives them.
    pub fn of<'a, I>(&mut self, forces: impl Fn() -> I) -> &[(Entity, String, bool)]
    where
        I: Iterator<Item = (Entity, &'a Force, &'a Standing)>,
    {
        // One pass on a day with the same forces: each matched and its flag brought up to date.
        let mut matched = 0;
        for (e, f, standing) in forces() {
            match self.0.get_mut(matched) {
                Some((kept, name, merged)) if *kept == e && *name == f.name => {
                    *merged = standing.merged;
                    matched += 1;
                }
                _ => {
                    matched = usize::MAX;
                    break;
                }
            }
        }
        if matched != self.0.len() {
            self.0 = force_names(forces());
        }
        &self.0
    }
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

/// The run condition of [`take_orders`] in the day's schedule: orders were handed in (a
/// campaign played on its plan hands in none).
pub fn orders_waiting(given: Res<Messages<GiveOrder>>) -> bool {
    !given.is_empty()
}

/// Takes the orders handed in since the last time.
pub fn take_orders(
    mut commands: Commands,
    mut given: ResMut<Messages<GiveOrder>>,
    mut forces: Forces,
    routes: Query<&'static Route>,
    states: Query<&'static OasisState>,
    enemies: Query<(Entity, &'static crate::sim::enemy::EnemyForce)>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    status: Res<CampaignStatus>,
    mut depots: Query<&'static mut Depot>,
    places: Query<&'static Place>,
    mut base: Option<ResMut<Base>>,
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
        let others: Vec<(Entity, Location, Kg)> = forces
            .iter()
            .map(|(e, _, column, stores, _, location, ..)| {
                (e, *location, column.capacity(rules) - stores.weight())
            })
            .collect();
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
                    others: &others,
                    depot: &|p| depots.get(p).copied().unwrap_or_default(),
                    base: base.as_deref(),
                    enemy_at: &|p| {
                        enemies
                            .iter()
                            .find(|(_, e)| e.location == Location::At(p))
                            .map(|(e, _)| e)
                    },
                };
                check::check(&context, &subject, &target, &order)
            }
            Err(_) => Err(Refusal::NotInField),
        };
        if let Err(reason) = verdict {
            events.write(SimEvent::OrderRefused {
                target,
                order: Box::new(order),
                reason,
            });
            continue;
        }
        // Goods handed over go to another force: both are taken from the query together.
        if let Order::Hand { to, goods, amount } = &order {
            let lower = to.to_lowercase();
            let Some(&(other, ..)) = names
                .iter()
                .find(|(_, n, merged)| !merged && n.to_lowercase() == lower)
            else {
                continue;
            };
            let Ok([mut from, mut into]) = forces.get_many_mut([target.holder(), other]) else {
                continue;
            };
            goods.move_between(
                *amount,
                (&mut from.2, &mut from.3),
                (&mut into.2, &mut into.3),
            );
            events.write(SimEvent::Provisioned {
                force: from.0,
                what: Provision::Handed {
                    to: other,
                    goods: *goods,
                    amount: *amount,
                },
            });
            events.write(SimEvent::OrderGiven {
                target,
                order: Box::new(order),
            });
            continue;
        }
        // A convoy is a new force, raised at the base.
        if let Order::Convoy(convoy) = &order {
            let (Some(base), Ok((entity, force, _, _, condition, location, activity, _, queue, _))) =
                (base.as_deref_mut(), forces.get(target.holder()))
            else {
                continue;
            };
            let to = check::place_after(*location, *activity, queue, &index);
            let route = |r| routes.get(r).ok().map(|r| (r.a, r.b, r.length));
            let Some(path) = to.and_then(|to| index.shortest_path(base.place, to, route)) else {
                continue;
            };
            base.convoys += 1;
            let name = format!("{} convoy {}", force.name, base.convoys);
            let def = convoy.force(
                &name,
                &base.reserve,
                condition.base_morale,
                condition.corruption,
            );
            Convoy::take_from(&def, &mut base.reserve);
            let mut new = new_force(rules, &def, base.place, names.len() as u32);
            // Its men and animals come from the base, not the army that set out.
            new.ledger.men_in = std::mem::take(&mut new.ledger.men_start);
            new.ledger.animals_in = std::mem::take(&mut new.ledger.animals_start);
            let mut plan: Vec<PlanStep> = path
                .iter()
                .filter_map(|p| places.get(*p).ok())
                .map(|p| PlanStep::March(p.id.clone()))
                .collect();
            plan.push(PlanStep::Join(force.name.clone()));
            let (grain, fodder) = (new.stores.grain, new.stores.fodder);
            let convoy = commands.spawn((new.bundle(), Orders::queue_of(plan))).id();
            events.write(SimEvent::Provisioned {
                force: entity,
                what: Provision::ConvoySent {
                    convoy,
                    grain,
                    fodder,
                },
            });
            events.write(SimEvent::OrderGiven {
                target,
                order: Box::new(order),
            });
            continue;
        }
        let Ok((
            entity,
            _,
            mut column,
            mut stores,
            mut condition,
            location,
            mut activity,
            _,
            mut queue,
            mut ledger,
        )) = forces.get_mut(target.holder())
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
            (_, Order::SlaughterAnimals(kind, n)) => {
                *column.animals.get_mut(*kind) -= n;
                ledger.animals_lost.get_mut(*kind).slaughtered += n;
                stores.meat += *rules.meat_kg.get(*kind) * f64::from(*n);
                events.write(SimEvent::Slaughtered {
                    force: entity,
                    kind: *kind,
                    count: *n,
                    ordered: true,
                });
            }
            (_, Order::Rations(share)) => {
                column.ration_cut = 1.0 - share;
                events.write(SimEvent::Provisioned {
                    force: entity,
                    what: Provision::Rations(*share),
                });
            }
            (_, Order::Punish) => {
                let q = &rules.quartermaster;
                condition.corruption *= 1.0 - q.punish_cut;
                condition.morale = (condition.morale - q.punish_morale).max(0.0);
                events.write(SimEvent::Provisioned {
                    force: entity,
                    what: Provision::Punished {
                        corruption: condition.corruption,
                    },
                });
            }
            (_, Order::Cache(goods, amount)) | (_, Order::Draw(goods, amount)) => {
                let Location::At(place) = *location else {
                    continue;
                };
                let Ok(mut depot) = depots.get_mut(place) else {
                    continue;
                };
                let kg = amount * 1000.0;
                let caching = matches!(order, Order::Cache(..));
                let sign = if caching { 1.0 } else { -1.0 };
                let (held, kept) = match goods {
                    Goods::Grain => (&mut stores.grain.0, &mut depot.grain.0),
                    Goods::Fodder => (&mut stores.fodder.0, &mut depot.fodder.0),
                    Goods::Water => (&mut stores.water.0, &mut depot.water.0),
                    Goods::Animals(_) => continue,
                };
                *held -= sign * kg;
                *kept += sign * kg;
                let what = if caching {
                    Provision::Cached {
                        place,
                        goods: *goods,
                        amount: *amount,
                    }
                } else {
                    Provision::Drawn {
                        place,
                        goods: *goods,
                        amount: *amount,
                    }
                };
                events.write(SimEvent::Provisioned {
                    force: entity,
                    what,
                });
            }
            (_, Order::Buy(goods, most)) => {
                let kg = most.map(|t| Kg(t * 1000.0));
                if *goods == Goods::Fodder {
                    column.buying.fodder = kg;
                } else {
                    column.buying.grain = kg;
                }
            }
            (_, Order::Hand { .. }) | (_, Order::Convoy(_)) => {}
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
        events.write(SimEvent::OrderGiven {
            target,
            order: Box::new(order),
        });
    }
}
