//! Supply: the water and pasture where a force camps, and the grain and fodder of friendly
//! states: the day's grain eaten from their granaries, and more loaded as far as the men and
//! animals can carry.

use bevy::prelude::*;

use super::ActiveScenario;
use super::calendar::Calendar;
use super::force::{Activity, Column, Condition, Ledger, Orders, Standing, Stores, Today};
use super::map::{Location, MapIndex, Place, Route};
use super::state::OasisState;
use crate::scenario::logistics::{self, capacity, daily_need, terrain_rule, water_yield};
use crate::scenario::types::{PlanStep, Water};
use crate::scenario::units::{Kg, Litres};

/// The next place the force will march to, from its activity or its orders (queued, then the
/// plan's).
fn next_destination(activity: &Activity, orders: &Orders, index: &MapIndex) -> Option<Entity> {
    if let Activity::Marching { to } = activity {
        return Some(*to);
    }
    orders
        .queued()
        .iter()
        .chain(orders.plan.iter().skip(orders.next))
        .find_map(|step| match step {
            PlanStep::March(id) => index.places.get(id).copied(),
            _ => None,
        })
}

/// Finds today's water and grazing, loads supplies from friendly states, and tops up water.
pub fn gather_supplies(
    mut forces: Query<(
        &Column,
        &mut Stores,
        &Condition,
        &Location,
        &Activity,
        &Standing,
        &Orders,
        &mut Today,
        &mut Ledger,
    )>,
    places: Query<&Place>,
    routes: Query<&Route>,
    mut states: Query<&mut OasisState>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
) {
    let rules = &scenario.0.rules;
    for (
        column,
        mut stores,
        condition,
        location,
        activity,
        standing,
        orders,
        mut today,
        mut ledger,
    ) in &mut forces
    {
        if standing.merged {
            continue;
        }
        let men = column.men.total();
        let need = daily_need(rules, men, column.men.cavalry, &column.animals);
        // Water and grazing where the force camps tonight.
        let (water, terrain, grazing, pasture) = match *location {
            Location::At(place) => match places.get(place) {
                Ok(p) => (p.water, p.terrain, p.pasture, Some(place)),
                Err(_) => continue,
            },
            Location::OnRoute { route, km, .. } => match routes.get(route) {
                Ok(r) => {
                    let water = if r.watered_at(km) {
                        r.water
                    } else {
                        Water::None
                    };
                    (
                        water,
                        r.terrain,
                        terrain_rule(rules, r.terrain).grazing_t.kg(),
                        None,
                    )
                }
                Err(_) => continue,
            },
        };
        today.forage = terrain_rule(rules, terrain).food_t.kg();
        let (litres, disease) = water_yield(rules, water);
        today.free_water = litres;
        today.water_disease = if litres > Litres::ZERO { disease } else { 0.0 };
        today.grazing = grazing;
        today.pasture = pasture;

        let capacity = capacity(rules, &column.men, &column.animals);
        // Water to carry: enough for the dry stretch of the next leg at this column's pace, and a day more.
        let mut water_target = need.water();
        if let Some(to) = next_destination(activity, orders, &index) {
            let leg = match *location {
                Location::OnRoute { route, .. } => routes.get(route).ok(),
                Location::At(from) => index
                    .route_between(from, to)
                    .and_then(|r| routes.get(r).ok()),
            };
            if let Some(leg) = leg {
                let pace = logistics::pace(
                    rules,
                    &column.men,
                    &column.animals,
                    leg.terrain,
                    condition.fitness(),
                );
                water_target = need.water() * (leg.dry_days(pace).0 + 1.0);
            }
        }
        // Top up water from a source where there is one.
        if litres > Litres::ZERO {
            let room = Litres::of_weight((capacity - stores.weight()).max(Kg::ZERO));
            let want = (water_target - stores.water).max(Litres::ZERO);
            stores.water += want.min(room).min(litres);
        }
        // Friendly states supply grain and fodder, leaving room for the water target.
        let Some(here) = location.place() else {
            continue;
        };
        let Some(state) = index.state_at(here) else {
            continue;
        };
        let Ok(mut state) = states.get_mut(state) else {
            continue;
        };
        let free = state.relation.supplies();
        if !free && state.relation != super::state::Relation::Trading {
            continue;
        }
        let (spare_grain, spare_fodder) = state.spare(rules, calendar.season());
        let reserve = (water_target - stores.water).max(Litres::ZERO).weight();
        // Beyond what it can carry away, the force eats today's grain from the state's granaries.
        let room = (capacity - stores.weight() - reserve).max(Kg::ZERO) + need.men_grain;
        let d = &rules.diplomacy;
        // What a trading state sells is limited by what the force can pay.
        let afford = |cash: f64, price: f64| {
            if free {
                Kg(f64::INFINITY)
            } else {
                Kg(cash / price.max(1e-9))
            }
        };
        let grain = spare_grain
            .min(room)
            .min(afford(stores.treasure_cash, d.grain_price_cash_per_kg));
        let mut paid = if free {
            0.0
        } else {
            grain.0 * d.grain_price_cash_per_kg
        };
        let fodder = spare_fodder.min(room - grain).min(afford(
            stores.treasure_cash - paid,
            d.fodder_price_cash_per_kg,
        ));
        if !free {
            paid += fodder.0 * d.fodder_price_cash_per_kg;
        }
        state.grain_out += grain;
        state.fodder_out += fodder;
        state.grain_supplied += grain;
        state.cash_received += paid;
        stores.grain += grain;
        stores.fodder += fodder;
        stores.treasure_cash = (stores.treasure_cash - paid).max(0.0);
        ledger.cash_spent += paid;
    }
}
