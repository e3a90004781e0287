//! Supply: the water and pasture where a force camps, and the grain and fodder of friendly
//! states: the day's grain eaten from their granaries, and more loaded as far as the men and
//! animals can carry.

use bevy::prelude::*;

use super::ActiveScenario;
use super::components::*;
use super::diplomacy::spare;
use super::rules::{capacity_kg, daily_need, force_pace, terrain_rule, water_yield};
use crate::scenario::types::PlanStep;

/// The next place the force will march to, from its activity or its plan.
fn next_destination(force: &Force, plan: Option<&Plan>, index: &MapIndex) -> Option<Entity> {
    if let Activity::Marching { to } = force.activity {
        return Some(to);
    }
    let plan = plan?;
    plan.queued
        .iter()
        .chain(plan.steps.iter().skip(plan.next))
        .find_map(|step| match step {
            PlanStep::March(id) => index.places.get(id).copied(),
            _ => None,
        })
}

/// Finds today's water and grazing, loads supplies from friendly states, and tops up water.
pub fn gather_supplies(
    mut forces: Query<(&mut Force, Option<&Plan>)>,
    places: Query<&Place>,
    routes: Query<&Route>,
    mut states: Query<&mut OasisState>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
) {
    let rules = &scenario.0.rules;
    for (mut force, plan) in &mut forces {
        if force.merged {
            continue;
        }
        let men = force.men.total();
        let need = daily_need(rules, men, force.men.cavalry, &force.animals);
        // Water and grazing where the force camps tonight.
        let (water, terrain, grazing_kg, pasture, here) = match force.location {
            Location::At(place) => match places.get(place) {
                Ok(p) => (p.water, p.terrain, p.pasture_kg, Some(place), Some(place)),
                Err(_) => continue,
            },
            Location::OnRoute { route, km, .. } => match routes.get(route) {
                Ok(r) => {
                    let water = if r.watered_at(km) {
                        r.water
                    } else {
                        crate::scenario::types::Water::None
                    };
                    (
                        water,
                        r.terrain,
                        terrain_rule(rules, r.terrain).grazing_t * 1000.0,
                        None,
                        None,
                    )
                }
                Err(_) => continue,
            },
        };
        force.today.forage_kg = terrain_rule(rules, terrain).food_t * 1000.0;
        let (litres, disease) = water_yield(rules, water);
        force.today.free_water_l = litres;
        force.today.water_disease = if litres > 0.0 { disease } else { 0.0 };
        force.today.grazing_kg = grazing_kg;
        force.today.pasture = pasture;

        let capacity = capacity_kg(rules, &force.men, &force.animals);
        // Water to carry: enough for the dry stretch of the next leg at this column's pace, and a day more.
        let mut water_target = need.water_l();
        if let Some(to) = next_destination(&force, plan, &index) {
            let from = match force.location {
                Location::At(p) => Some(p),
                Location::OnRoute { .. } => None,
            };
            let leg = match force.location {
                Location::OnRoute { route, .. } => routes.get(route).ok(),
                Location::At(_) => from.and_then(|from| {
                    index.routes_from.get(&from).and_then(|rs| {
                        rs.iter()
                            .filter_map(|&r| routes.get(r).ok())
                            .find(|r| r.other(from) == to)
                    })
                }),
            };
            if let Some(leg) = leg {
                let pace = force_pace(rules, &force, leg.terrain);
                water_target = need.water_l() * (leg.dry_days(pace) + 1.0);
            }
        }
        // Top up water from a source where there is one.
        if litres > 0.0 {
            let room = (capacity - force.stores.weight_kg()).max(0.0);
            let want = (water_target - force.stores.water_l).max(0.0);
            force.stores.water_l += want.min(room).min(litres);
        }
        // Friendly states supply grain and fodder, leaving room for the water target.
        let Some(here) = here else {
            continue;
        };
        let Some(&state) = index.state_at.get(&here) else {
            continue;
        };
        let Ok(mut state) = states.get_mut(state) else {
            continue;
        };
        let free = matches!(state.relation, Relation::Submitted | Relation::Conquered);
        if !free && state.relation != Relation::Trading {
            continue;
        }
        let (spare_grain, spare_fodder) = spare(rules, &state, calendar.season());
        let reserve = (water_target - force.stores.water_l).max(0.0);
        // Beyond what it can carry away, the force eats today's grain from the state's granaries.
        let room = (capacity - force.stores.weight_kg() - reserve).max(0.0) + need.men_grain_kg;
        let d = &rules.diplomacy;
        // What a trading state sells is limited by what the force can pay.
        let afford = |cash: f64, price: f64| {
            if free {
                f64::INFINITY
            } else {
                cash / price.max(1e-9)
            }
        };
        let grain = spare_grain
            .min(room)
            .min(afford(force.treasure_cash, d.grain_price_cash_per_kg));
        let mut paid = if free {
            0.0
        } else {
            grain * d.grain_price_cash_per_kg
        };
        let fodder = spare_fodder.min(room - grain).min(afford(
            force.treasure_cash - paid,
            d.fodder_price_cash_per_kg,
        ));
        if !free {
            paid += fodder * d.fodder_price_cash_per_kg;
        }
        state.grain_out_kg += grain;
        state.fodder_out_kg += fodder;
        state.grain_supplied_kg += grain;
        state.cash_received += paid;
        force.stores.grain_kg += grain;
        force.stores.fodder_kg += fodder;
        force.treasure_cash = (force.treasure_cash - paid).max(0.0);
        force.ledger.cash_spent += paid;
    }
}
