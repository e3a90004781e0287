//! A heuristic commander for any scenario (`run … --plan ai`), not the historical plan.
//!
//! For each idle force with no orders queued, in turn:
//! 1. the goals in the field are met: nothing (every force turns for home by itself; where the
//!    campaign keeps forces out once they are met, it goes for the open goals it may still win,
//!    then home); else it makes for the first goal still open (a city to take, a place to reach,
//!    a state to win);
//! 2. fewer than the rules' `commander.retreat_share` of the men it ever had are left (an
//!    embassy excepted): go home;
//!    an enemy force is at its place and it would beat it at least `engage_chance` of the time:
//!    engage it;
//! 3. at a city to take: besiege it once (for at most `siege_days`, assaults from
//!    `assault_from_day`, terms accepted), then go home;
//! 4. a state here has not been asked: give it `gift_bolts` of silk if it is hostile and the force
//!    carries some,
//!    then ask it for supplies;
//! 5. the animals are starving and there is pasture here: rest three days to graze;
//! 6. otherwise march to the next place on the cheapest road to the objective, where a road's cost
//!    is its length plus three times its waterless stretch (water is what kills armies); if the
//!    road's water points yield less than the column drinks in a day, send it in up to
//!    `echelons` equal echelons a day's march apart (each finds the wells full), which join it at
//!    the road's end while it waits for the last.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use bevy::prelude::*;

use crate::scenario::logistics::water_yield;
use crate::scenario::types::{DetachSize, GoalKind, PlanStep, Rules, Season};
use crate::sim::calendar::Calendar;
use crate::sim::enemy::{EnemyForce, strike::engage_chance};
use crate::sim::force::{
    Activity, Column, Condition, Force, Ledger, Orders, Retinue, Standing, Stores,
};
use crate::sim::map::{Location, MapIndex, Place, Route};
use crate::sim::objectives::field_work_done;
use crate::sim::orders::{GiveOrder, Order, Target};
use crate::sim::state::{OasisState, Relation};
use crate::sim::{ActiveScenario, CampaignStatus};

/// A cost that orders as a heap key: by value, then by the place's order in the map file.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key(f64, usize);

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

/// The next place on the cheapest road from `from` to `to` (Dijkstra over the routes, with a
/// heap; ties go to the place first in the map file), where a road's cost is its length plus three
/// times its waterless stretch.
pub fn next_hop(
    from: Entity,
    to: Entity,
    index: &MapIndex,
    routes: &Query<&Route>,
    places: &Query<&Place>,
) -> Option<Entity> {
    let cost = |r: &Route| r.length.0 + 3.0 * r.dry().0;
    let order = |e: Entity| places.get(e).map_or(usize::MAX, |p| p.order);
    let mut best: BTreeMap<Entity, (f64, Option<Entity>)> = BTreeMap::new();
    let mut done: BTreeSet<Entity> = BTreeSet::new();
    let mut heap = BinaryHeap::new();
    best.insert(from, (0.0, None));
    heap.push(Reverse((Key(0.0, order(from)), from)));
    while let Some(Reverse((Key(dist, _), here))) = heap.pop() {
        if !done.insert(here) {
            continue;
        }
        let first = best.get(&here).and_then(|b| b.1);
        if here == to {
            return first;
        }
        for &r in index.routes_from(here) {
            let Ok(route) = routes.get(r) else { continue };
            let next = route.other(here);
            let d = dist + cost(route);
            let hop = first.or(Some(next));
            if best.get(&next).is_none_or(|(old, _)| d < *old) {
                best.insert(next, (d, hop));
                heap.push(Reverse((Key(d, order(next)), next)));
            }
        }
    }
    None
}

/// How many echelons, a day's march apart, `column` should cross `route` in, so that each finds
/// enough water at the road's water points (1: the road waters it whole, or no division helps).
fn echelons(
    rules: &Rules,
    column: &Column,
    route: &Route,
    season: Season,
    fitness: f64,
) -> (u32, u32) {
    let most = rules.commander.echelons.max(1);
    let (yield_per_day, _) = water_yield(rules, route.water);
    let need = column.need_in(rules, season).water();
    if most == 1 || yield_per_day.0 <= 0.0 || need <= yield_per_day {
        return (1, 0);
    }
    let parts = (need.0 / yield_per_day.0).ceil().min(f64::from(most)) as u32;
    let parts = parts.min(column.men.total()).max(1);
    // A day apart at least, and far enough that no two camp at one stage of the road.
    let pace = (column.pace_on(rules, route.terrain, fitness) * route.season_speed(rules, season))
        .0
        .max(1e-9);
    let gap = (rules.standard_march_km.0 / pace).ceil().clamp(1.0, 10.0) as u32;
    (parts, gap)
}

/// Hands in the next order for every idle force that has none.
/// Where the commander makes for: the first goal still open in the field, required ones first
/// (a city to take gives the state to besiege; a place to reach, or a state to win, only the
/// place).
fn aim(status: &CampaignStatus, states: &Query<&OasisState>) -> Option<(Option<Entity>, Entity)> {
    let open = |required: bool| {
        status.goals.iter().filter(move |g| {
            g.met.is_none() && g.goal.in_the_field() && g.goal.required == required
        })
    };
    open(true).chain(open(false)).find_map(|g| {
        let target = g.target?;
        match g.goal.goal {
            GoalKind::Take(_) | GoalKind::Leader(_) => {
                Some((Some(target), states.get(target).ok()?.place))
            }
            GoalKind::Alliance(_) => Some((None, states.get(target).ok()?.place)),
            _ => Some((None, target)),
        }
    })
}

pub fn command(
    forces: Query<(
        Entity,
        &Force,
        &Column,
        &Stores,
        &Condition,
        &Location,
        &Activity,
        &Standing,
        &Ledger,
        &Orders,
        &Retinue,
    )>,
    enemies: Query<&EnemyForce>,
    routes: Query<&Route>,
    places: Query<&Place>,
    states: Query<&OasisState>,
    index: Res<MapIndex>,
    status: Res<CampaignStatus>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut besieged: Local<BTreeSet<(Entity, Entity)>>,
    mut raised: Local<u32>,
    mut give: MessageWriter<GiveOrder>,
) {
    // What it remembers is of this campaign only: one starting (day 0) in the same app, after
    // another, starts afresh.
    if calendar.day == 0 {
        besieged.clear();
        *raised = 0;
    }
    // Its work in the field done, every force turns home by itself, unless the campaign keeps
    // them out (`turn_home_when_met: false`): then it goes for the goals still open that it may
    // (an alliance), and home when there are none.
    let done = field_work_done(&status);
    if done && scenario.0.campaign.objective.turn_home_when_met {
        return;
    }
    let goal = aim(&status, &states);
    if goal.is_none() && !done {
        return;
    }
    let rules = &scenario.0.rules;
    let c = rules.commander;
    let season = calendar.season();
    for (
        me,
        force,
        column,
        stores,
        condition,
        location,
        activity,
        standing,
        ledger,
        orders,
        retinue,
    ) in &forces
    {
        if *activity != Activity::Idle
            || standing.homeward
            || standing.merged
            || column.men.total() == 0
            || !orders.queued().is_empty()
        {
            continue;
        }
        let Location::At(here) = *location else {
            continue;
        };
        let mut order = |step: PlanStep| {
            give.write(GiveOrder {
                target: Target::Force(me),
                order: Order::Step(step),
            });
        };
        let Some((objective, target)) = goal else {
            order(PlanStep::Return);
            continue;
        };
        // An embassy's work is to get through, not to win: it does not turn back for its losses.
        let had = f64::from(ledger.men_start + ledger.men_in);
        if !force.envoy && f64::from(column.men.total()) < c.retreat_share * had {
            order(PlanStep::Return);
            continue;
        }
        // The enemy an `Engage` here would attack (the first at the place).
        let enemy_here = enemies
            .iter()
            .find(|foe| foe.location == Location::At(here));
        let beatable = enemy_here.is_some_and(|foe| {
            engage_chance(rules, foe, column, condition, retinue) >= c.engage_chance
        });
        if beatable {
            order(PlanStep::Engage);
            continue;
        }
        let state_here = index
            .state_at(here)
            .and_then(|e| states.get(e).ok().map(|s| (e, s)));
        let asked = state_here.is_some_and(|(_, s)| s.relation != Relation::Unmet);
        if here == target && (objective.is_some() || asked) {
            if let Some(objective) = objective
                && besieged.insert((me, objective))
            {
                order(PlanStep::Besiege {
                    days: c.siege_days,
                    assault_from: Some(c.assault_from_day),
                    accept_terms: true,
                });
            } else {
                order(PlanStep::Return);
            }
            continue;
        }
        if let Some((_, state)) = state_here
            && state.relation == Relation::Unmet
        {
            if state.attitude < 0.0 && stores.treasure_cash > 0.0 {
                order(PlanStep::Gift(c.gift_bolts));
            }
            order(PlanStep::Request);
            continue;
        }
        let starving =
            condition.animal_nourishment.horses < 0.6 || condition.animal_nourishment.oxen < 0.6;
        let pasture = places
            .get(here)
            .is_ok_and(|p| p.pasture > p.pasture_max * 0.5 && p.pasture_max.0 > 0.0);
        // Not with an enemy it cannot beat beside it: it would fall on the camp by night.
        if starving && pasture && condition.marched_since_rest > 0 && enemy_here.is_none() {
            order(PlanStep::Rest(3));
            continue;
        }
        let Some((next, id)) = next_hop(here, target, &index, &routes, &places)
            .and_then(|p| places.get(p).ok().map(|place| (p, place.id.clone())))
        else {
            order(PlanStep::Return);
            continue;
        };
        let road = index
            .route_between(here, next)
            .and_then(|r| routes.get(r).ok());
        let (parts, gap) = road.map_or((1, 0), |r| {
            echelons(rules, column, r, season, condition.fitness())
        });
        let mut last = None;
        for i in 1..parts {
            *raised += 1;
            let name = format!("{}, echelon {}", force.name, *raised);
            order(PlanStep::Detach {
                name: name.clone(),
                // Of what is left: each echelon gets an equal share of the whole.
                size: DetachSize::Share(1.0 / f64::from(parts - i + 1)),
                plan: vec![
                    PlanStep::Rest(gap * i),
                    PlanStep::March(id.clone()),
                    PlanStep::Join(force.name.clone()),
                ],
                stores: Default::default(),
            });
            last = Some(name);
        }
        order(PlanStep::March(id));
        if let Some(name) = last {
            order(PlanStep::WaitFor {
                force: name,
                days: gap * parts * 3,
            });
        }
    }
}
