//! Each idle force begins its next step: the first of its queue, or, under the historical
//! commander, the next of its plan (checked as it comes up, like any order). A force turns for
//! home when its step says so, when the plan's retreat rule does (beaten in battle, too few men
//! left), when its plan is done, or for every commander once the objective has fallen; a retreat
//! before the objective falls costs prestige.

use bevy::prelude::*;

use crate::sim::enemy::EnemyForce;

use super::check::{self, Context, Subject};
use super::detachments;
use super::take::KeptNames;
use super::{Order, Target};
use crate::scenario::types::PlanStep;
use crate::sim::ActiveScenario;
use crate::sim::campaign::{CampaignStatus, Commander, Prestige};
use crate::sim::force::{Activity, Because, Column, Force, ForceMut, Orders, Visit};
use crate::sim::log::SimEvent;
use crate::sim::map::{Location, MapIndex, Route};
use crate::sim::prestige::change_prestige;
use crate::sim::state::OasisState;

/// The road home: the places visited, newest first, with loops cut out, ending at `home`.
pub fn road_home(visits: &[Visit], home: Option<Entity>) -> Vec<Entity> {
    let mut road = Vec::new();
    let Some(here) = visits.last() else {
        return road;
    };
    if Some(here.place) == home {
        return road;
    }
    // Walk back from the newest visit; from each place jump to its earliest visit so loops vanish.
    let mut i = visits.len() - 1;
    while i > 0 {
        let first = visits
            .iter()
            .position(|v| v.place == visits[i].place)
            .unwrap_or(i);
        if first == 0 {
            break;
        }
        i = first - 1;
        road.push(visits[i].place);
        if Some(visits[i].place) == home {
            break;
        }
    }
    road
}

/// Turns a force at `here` for home: its queue becomes the road home, asking friendly states on
/// the way for supplies; a force that did not set out from home goes on to it from the place it
/// set out from. Where two places of the road back have no road between them (a party
/// carried off captive, or sent by an event, did not walk it), the shortest road joins them,
/// by roads no power holds where there is such a way.
fn turn_home(
    (visits, here): (&[Visit], Entity),
    orders: &mut Orders,
    home: &str,
    (index, routes): (&MapIndex, &Query<&Route>),
    states: &Query<&OasisState>,
) {
    orders.clear();
    let ends = |r: Entity| routes.get(r).ok().map(|r| (r.a, r.b, r.length));
    let unheld = |r: Entity| {
        routes
            .get(r)
            .ok()
            .filter(|r| r.held_by.is_none())
            .map(|r| (r.a, r.b, r.length))
    };
    let mut from = here;
    // The places it came by, and home at the end if it did not set out from there.
    let home = index.places.get(home).copied();
    let mut road = road_home(visits, home);
    let last = road.last().copied().or(visits.last().map(|v| v.place));
    if let Some(home) = home
        && last != Some(home)
    {
        road.push(home);
    }
    for to in road {
        if to == from {
            continue;
        }
        let path = if index.route_between(from, to).is_some() {
            vec![to]
        } else {
            index
                .shortest_path(from, to, unheld)
                .or_else(|| index.shortest_path(from, to, ends))
                .unwrap_or_else(|| vec![to])
        };
        for place in path {
            let Some(id) = index.id_of(place) else {
                continue;
            };
            orders.push(PlanStep::March(id.to_string()));
            let friendly = index
                .state_at(place)
                .and_then(|s| states.get(s).ok())
                .is_some_and(|s| s.relation.supplies());
            if friendly {
                orders.push(PlanStep::Request);
            }
            // A way that passes home ends there.
            if Some(place) == home {
                return;
            }
        }
        from = to;
    }
}

/// Whether a force stands idle at a place with men in it: one that may begin its next step.
fn idle_at_a_place(activity: &Activity, column: &Column, location: &Location) -> bool {
    *activity == Activity::Idle && column.men.total() > 0 && matches!(location, Location::At(_))
}

/// The run condition of [`begin_next`]: some force stands idle at a place (most days every force
/// is busy, and there is nothing to begin).
pub fn anyone_idle(forces: Query<(&Activity, &Column, &Location), With<Force>>) -> bool {
    forces
        .iter()
        .any(|(activity, column, location)| idle_at_a_place(activity, column, location))
}

/// Gives each idle force its next step (run only on days when one is: [`anyone_idle`]).
pub fn begin_next(
    mut commands: Commands,
    mut forces: Query<(ForceMut, &mut Orders)>,
    routes: Query<&'static Route>,
    states: Query<&'static OasisState>,
    enemies: Query<(Entity, &'static EnemyForce)>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    status: Res<CampaignStatus>,
    commander: Res<Commander>,
    mut prestige: ResMut<Prestige>,
    mut events: MessageWriter<SimEvent>,
    mut kept_names: Local<KeptNames>,
) {
    let campaign = &scenario.0.campaign;
    let rules = &scenario.0.rules;
    let home = campaign.objective.home.as_str();
    // The historical commander follows the plan and its retreat rule; a player or the AI gives
    // every order, except that all turn for home once the objective has fallen.
    let historical = *commander == Commander::Historical;
    let names = kept_names.of(|| forces.iter().map(|(f, _)| (f.entity, f.force, f.standing)));
    // The detachments ordered to split off, as the day begins (lower case, as given).
    let detaching: Vec<(String, String)> = forces
        .iter()
        .flat_map(|(_, o)| o.queued().iter())
        .filter_map(|s| match s {
            PlanStep::Detach { name, .. } => Some((name.to_lowercase(), name.clone())),
            _ => None,
        })
        .collect();
    let pending = |lower: &str| {
        detaching
            .iter()
            .find(|(l, _)| l == lower)
            .map(|(_, n)| n.clone())
    };
    let enemy_at = |p: Entity| {
        enemies
            .iter()
            .find(|(_, e)| e.location == Location::At(p))
            .map(|(e, _)| e)
    };
    let find = |name: &str| {
        names
            .iter()
            .find(|(_, n, merged)| n == name && !merged)
            .map(|(e, _, _)| *e)
    };
    let mut next_raised = names.len() as u32;
    // A retreat is a defeat in the eyes of the states.
    let defeat = rules.diplomacy.prestige_for_defeat;
    let done =
        campaign.objective.turn_home_when_met && crate::sim::objectives::field_work_done(&status);
    'forces: for (mut force, mut orders) in &mut forces {
        if *force.activity != Activity::Idle || force.column.men.total() == 0 {
            continue;
        }
        let Location::At(here) = *force.location else {
            continue;
        };
        let me = force.entity;
        let defeated = historical && campaign.retreat.after_defeat && force.ledger.battles_lost > 0;
        let depleted = historical
            && f64::from(force.column.men.total())
                < campaign.retreat.below_share
                    * f64::from(force.ledger.men_start + force.ledger.men_in);
        let send_home = |force: &mut crate::sim::force::ForceMutItem,
                         orders: &mut Orders,
                         because: Because,
                         events: &mut MessageWriter<SimEvent>,
                         prestige: &mut Prestige| {
            events.write(SimEvent::TurnedHome {
                force: me,
                from: here,
                because,
            });
            let retreat = match because {
                Because::Beaten | Because::Depleted => true,
                Because::Commanded => !done,
                Because::PlanDone | Because::WorkDone => false,
            };
            if retreat {
                change_prestige(prestige, -defeat, events);
            }
            force.standing.homeward = true;
            turn_home(
                (&force.ledger.visits, here),
                orders,
                home,
                (&index, &routes),
                &states,
            );
        };
        // A force whose plan holds this place next stays, its work done or not.
        let holds_next = historical
            && orders.queued().is_empty()
            && orders.plan.get(orders.next) == Some(&PlanStep::Hold);
        if !force.standing.homeward
            && !force.standing.holds
            && !holds_next
            && (defeated || depleted || done)
        {
            let because = if done {
                Because::WorkDone
            } else if defeated {
                Because::Beaten
            } else {
                Because::Depleted
            };
            send_home(&mut force, &mut orders, because, &mut events, &mut prestige);
        }
        // A change of pace takes no time: the step after it begins the same day.
        let mut rehomed = false;
        let mut step = loop {
            let step = if let Some(step) = orders.pop_front() {
                step
            } else if historical && !force.standing.homeward && orders.next < orders.plan.len() {
                orders.next += 1;
                // The plan's step is an order like any other: it is checked as it comes up.
                let order = Order::Step(orders.plan[orders.next - 1].clone());
                let target = Target::Force(me);
                let verdict = {
                    let subject = Subject {
                        entity: me,
                        force: force.force,
                        column: &force.column,
                        stores: &force.stores,
                        condition: &force.condition,
                        location: *force.location,
                        activity: *force.activity,
                        standing: *force.standing,
                        orders: &orders,
                    };
                    let context = Context {
                        rules,
                        index: &index,
                        routes: &routes,
                        states: &states,
                        ended: status.ended.is_some(),
                        names,
                        pending: &pending,
                        // Steps of a plan hand nothing over and draw on no depot.
                        others: &[],
                        depot: &|_| Default::default(),
                        base: None,
                        enemy_at: &enemy_at,
                    };
                    check::check(&context, &subject, &target, &order)
                };
                if let Err(reason) = verdict {
                    events.write(SimEvent::OrderRefused {
                        target,
                        order: Box::new(order),
                        reason,
                    });
                    continue 'forces;
                }
                let Order::Step(step) = order else {
                    continue 'forces;
                };
                step
            } else if historical && !force.standing.homeward && !force.standing.holds {
                send_home(
                    &mut force,
                    &mut orders,
                    Because::PlanDone,
                    &mut events,
                    &mut prestige,
                );
                match orders.pop_front() {
                    Some(step) => step,
                    None => continue,
                }
            } else if force.standing.homeward && !force.standing.merged && !rehomed {
                // Homeward with nothing left to do short of home (its road home was cut by
                // captivity, or an escape sent it elsewhere): it takes up the road home again.
                rehomed = true;
                turn_home(
                    (&force.ledger.visits, here),
                    &mut orders,
                    home,
                    (&index, &routes),
                    &states,
                );
                match orders.pop_front() {
                    Some(step) => step,
                    None => continue 'forces,
                }
            } else {
                continue 'forces;
            };
            match step {
                PlanStep::Pace(pace) => {
                    force.column.pace = pace;
                    events.write(SimEvent::PaceSet { force: me, pace });
                    continue;
                }
                PlanStep::Drink(first) => {
                    force.column.drink = first;
                    events.write(SimEvent::DrinkSet { force: me, first });
                    continue;
                }
                PlanStep::CarryWater(days) => {
                    force.column.water_days = days;
                    events.write(SimEvent::WaterLoadSet { force: me, days });
                    continue;
                }
                _ => {}
            }
            break step;
        };
        // A force given any other step leaves the post it held.
        if force.standing.holds && step != PlanStep::Hold {
            force.standing.holds = false;
        }
        // Going home: the road home is queued and the force takes its first step today, as when
        // the retreat rule turns it.
        if step == PlanStep::Return && !force.standing.homeward {
            send_home(
                &mut force,
                &mut orders,
                Because::Commanded,
                &mut events,
                &mut prestige,
            );
            match orders.pop_front() {
                Some(next) => step = next,
                None => continue,
            }
        }
        let state_here = index.state_at(here);
        let activity = match step {
            PlanStep::March(to) => match index.places.get(&to) {
                Some(&to) => Activity::Marching { to },
                None => Activity::Idle,
            },
            PlanStep::Rest(days) => Activity::Resting {
                days_left: days.max(1),
            },
            PlanStep::Forage(days) => Activity::Foraging {
                days_left: days.max(1),
            },
            PlanStep::Hostage => {
                state_here.map_or(Activity::Idle, |state| Activity::DemandingHostage { state })
            }
            PlanStep::InstallKing => {
                state_here.map_or(Activity::Idle, |state| Activity::InstallingKing { state })
            }
            PlanStep::Request => {
                state_here.map_or(Activity::Idle, |state| Activity::Requesting { state })
            }
            PlanStep::Gift(bolts) => {
                state_here.map_or(Activity::Idle, |state| Activity::Giving { state, bolts })
            }
            PlanStep::Requisition => {
                state_here.map_or(Activity::Idle, |state| Activity::Requisitioning { state })
            }
            PlanStep::Battle => {
                state_here.map_or(Activity::Idle, |state| Activity::Battling { state })
            }
            PlanStep::Attack => {
                state_here.map_or(Activity::Idle, |state| Activity::Attacking { state })
            }
            PlanStep::Engage => {
                enemy_at(here).map_or(Activity::Idle, |enemy| Activity::Engaging { enemy })
            }
            PlanStep::Besiege {
                days,
                assault_from,
                accept_terms,
            } => match state_here {
                Some(state) => {
                    events.write(SimEvent::SiegeBegun { force: me, state });
                    Activity::Besieging {
                        state,
                        days: 0,
                        max_days: days,
                        assault_from,
                        accept_terms,
                    }
                }
                None => Activity::Idle,
            },
            PlanStep::Detach {
                name,
                size,
                plan: steps,
                stores,
            } => {
                let raised = next_raised;
                next_raised += 1;
                let detachment = detachments::split(&mut force, &name, size, &stores, raised);
                let (men, animals) = (
                    detachment.column.men.total(),
                    detachment.column.animals.total(),
                );
                // Under the historical commander the detachment follows its plan (and goes home
                // when it runs out); a player's or the AI's orders are queued, and then it waits.
                let orders = if historical {
                    Orders::following(steps)
                } else {
                    Orders::queue_of(steps)
                };
                let entity = commands.spawn((detachment.bundle(), orders)).id();
                events.write(SimEvent::Detached {
                    from: me,
                    force: entity,
                    men,
                    animals,
                });
                Activity::Idle
            }
            PlanStep::Join(name) => match find(&name) {
                Some(into) if into != me => Activity::Joining { into },
                _ => Activity::Idle,
            },
            PlanStep::WaitFor { force: name, days } => match find(&name) {
                Some(on) if on != me && days > 0 => Activity::Waiting {
                    on,
                    days_left: days,
                },
                _ => Activity::Idle,
            },
            PlanStep::Hold => {
                if !force.standing.holds {
                    force.standing.holds = true;
                    events.write(SimEvent::Holding {
                        force: me,
                        at: here,
                    });
                }
                Activity::Idle
            }
            // Taken above; a force already homeward has nothing more to do for it.
            PlanStep::Return | PlanStep::Pace(_) | PlanStep::Drink(_) | PlanStep::CarryWater(_) => {
                Activity::Idle
            }
        };
        *force.activity = activity;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::force::Stores;

    /// A place's entity by its one-letter name.
    fn at(id: char) -> Entity {
        Entity::from_raw_u32(u32::from(id)).expect("a place")
    }

    fn visits(ids: &str) -> Vec<Visit> {
        ids.chars()
            .map(|id| Visit {
                place: at(id),
                day: 0,
                men: 0,
                animals: Default::default(),
                stores: Stores::default(),
            })
            .collect()
    }

    #[test]
    fn the_road_home_retraces_the_march_and_cuts_loops() {
        let road = road_home(&visits("abcd"), Some(at('a')));
        assert_eq!(road, [at('c'), at('b'), at('a')]);
        let road = road_home(&visits("abcbe"), Some(at('a')));
        assert_eq!(road, [at('b'), at('a')]);
        assert!(road_home(&visits("a"), Some(at('a'))).is_empty());
    }
}
