//! A heuristic commander for any scenario (`run … --plan ai`), not the historical plan.
//!
//! For each idle force with no orders queued, in turn:
//! 1. the objective has fallen: nothing (every force turns for home by itself);
//! 2. fewer than `RETREAT_SHARE` of the men it ever had are left: go home;
//! 3. at the objective: besiege it once (assaults from day 40, terms accepted), then go home;
//! 4. a state here has not been asked: give it silk if it is hostile and the force carries some,
//!    then ask it for supplies;
//! 5. the animals are starving and there is pasture here: rest three days to graze;
//! 6. otherwise march to the next place on the cheapest road to the objective, where a road's cost
//!    is its length plus three times its waterless stretch (water is what kills armies).

use std::collections::{BTreeMap, BTreeSet};

use bevy::prelude::*;

use crate::scenario::types::PlanStep;
use crate::sim::components::*;

/// Below this share of its men a force goes home.
pub const RETREAT_SHARE: f64 = 0.25;
/// Bolts of silk given to a hostile state before asking it.
pub const GIFT_BOLTS: u32 = 1000;

/// The next place on the cheapest road from `from` to `to` (Dijkstra over the routes).
pub fn next_hop(
    from: Entity,
    to: Entity,
    index: &MapIndex,
    routes: &Query<&Route>,
) -> Option<Entity> {
    let cost = |r: &Route| r.length_km + 3.0 * r.dry_km();
    let mut best: BTreeMap<Entity, (f64, Option<Entity>)> = BTreeMap::new();
    let mut done: BTreeSet<Entity> = BTreeSet::new();
    best.insert(from, (0.0, None));
    loop {
        let current = best
            .iter()
            .filter(|(e, _)| !done.contains(*e))
            .min_by(|a, b| a.1.0.total_cmp(&b.1.0).then(a.0.cmp(b.0)))
            .map(|(e, (d, first))| (*e, *d, *first));
        let (here, dist, first) = current?;
        if here == to {
            return first;
        }
        done.insert(here);
        for r in index.routes_from.get(&here).into_iter().flatten() {
            let Ok(route) = routes.get(*r) else { continue };
            let next = route.other(here);
            let d = dist + cost(route);
            let hop = first.or(Some(next));
            if best.get(&next).is_none_or(|(old, _)| d < *old) {
                best.insert(next, (d, hop));
            }
        }
    }
}

/// Queues the next order for every idle force that has none.
pub fn command(
    mut forces: Query<(Entity, &Force, &mut Plan)>,
    routes: Query<&Route>,
    places: Query<&Place>,
    states: Query<&OasisState>,
    index: Res<MapIndex>,
    status: Res<CampaignStatus>,
    mut besieged: Local<BTreeSet<(Entity, Entity)>>,
) {
    if status.objective_taken.is_some() {
        return;
    }
    let Some(objective) = status.objective else {
        return;
    };
    let Ok(target_state) = states.get(objective) else {
        return;
    };
    let target = target_state.place;
    for (me, force, mut plan) in &mut forces {
        if force.activity != Activity::Idle
            || force.homeward
            || force.merged
            || force.men.total() == 0
            || !plan.queued.is_empty()
        {
            continue;
        }
        let Location::At(here) = force.location else {
            continue;
        };
        let had = f64::from(force.ledger.men_start + force.ledger.men_in);
        if f64::from(force.men.total()) < RETREAT_SHARE * had {
            plan.queued.push_back(PlanStep::Return);
            continue;
        }
        let state_here = index
            .state_at
            .get(&here)
            .and_then(|e| states.get(*e).ok().map(|s| (*e, s)));
        if here == target {
            if besieged.insert((me, objective)) {
                plan.queued.push_back(PlanStep::Besiege {
                    days: 90,
                    assault_from: Some(40),
                    accept_terms: true,
                });
            } else {
                plan.queued.push_back(PlanStep::Return);
            }
            continue;
        }
        if let Some((_, state)) = state_here
            && state.relation == Relation::Unmet
        {
            if state.attitude < 0.0 && force.treasure_cash > 0.0 {
                plan.queued.push_back(PlanStep::Gift(GIFT_BOLTS));
            }
            plan.queued.push_back(PlanStep::Request);
            continue;
        }
        let starving = force.animal_nourishment.horses < 0.6 || force.animal_nourishment.oxen < 0.6;
        let pasture = places
            .get(here)
            .is_ok_and(|p| p.pasture_kg > 0.5 * p.pasture_max_kg && p.pasture_max_kg > 0.0);
        if starving && pasture && force.marched_since_rest > 0 {
            plan.queued.push_back(PlanStep::Rest(3));
            continue;
        }
        match next_hop(here, target, &index, &routes)
            .and_then(|p| places.get(p).ok().map(|place| place.id.clone()))
        {
            Some(id) => plan.queued.push_back(PlanStep::March(id)),
            None => plan.queued.push_back(PlanStep::Return),
        }
    }
}
