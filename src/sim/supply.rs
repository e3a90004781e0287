//! Supply: each force's share of the water, pasture and wild food where it camps (see
//! [`country`](super::country)), and the grain and fodder of friendly states: the day's grain
//! eaten from their granaries, and more loaded as far as the men and animals can carry.

use bevy::prelude::*;

use super::ActiveScenario;
use super::calendar::Calendar;
use super::country::{Demand, Demands, Spot};
use super::foraging;
use super::force::{Activity, Column, ForceSupply, ForceSupplyItem, Orders};
use super::log::SimEvent;
use super::map::{Location, MapIndex, Place, Route};
use super::random::SimRng;
use super::state::OasisState;
use crate::scenario::logistics::{terrain_rule, water_yield};
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

/// The supply phase: today's water, grazing and supplies (`gather_supplies`), then the
/// foraging parties of the camps that send them ([`foraging::send_parties`], on days when one
/// does). One system: a system costs its parameters every day, and these share theirs.
#[allow(clippy::too_many_arguments)]
pub fn supply_day(
    mut forces: Query<ForceSupply>,
    places: Query<&Place>,
    mut routes: Query<&mut Route>,
    mut states: Query<&mut OasisState>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut rng: ResMut<SimRng>,
    mut events: MessageWriter<SimEvent>,
    mut demands: Local<Demands>,
) {
    let rules = &scenario.0.rules;
    gather_supplies(
        &mut forces,
        &places,
        &routes.as_readonly(),
        &mut states,
        &index,
        rules,
        &calendar,
        &mut demands,
    );
    if forces.iter().any(|f| foraging::foraging(f.activity)) {
        foraging::send_parties(
            &mut forces,
            &mut routes,
            &states.as_readonly(),
            &index,
            rules,
            &calendar,
            &mut rng,
            &mut events,
        );
    }
}

/// Finds today's water and grazing, loads supplies from friendly states, and tops up water.
#[allow(clippy::too_many_arguments)]
fn gather_supplies(
    forces: &mut Query<ForceSupply>,
    places: &Query<&Place>,
    routes: &Query<&Route>,
    states: &mut Query<&mut OasisState>,
    index: &MapIndex,
    rules: &crate::scenario::types::Rules,
    calendar: &Calendar,
    demands: &mut Demands,
) {
    // Where each force is today, and what all the forces at each spot need of its yield.
    let stage_km = rules.standard_march_km.0.max(1e-9);
    let spot = |location: &Location| -> Option<(Spot, bool)> {
        match *location {
            Location::At(place) => Some((
                Spot {
                    at: place,
                    stage: 0,
                },
                true,
            )),
            Location::OnRoute { route, km, .. } => routes.get(route).ok().map(|r| {
                let stage = (km.0 / stage_km).floor().max(0.0) as u32;
                (Spot { at: route, stage }, r.watered_at(km))
            }),
        }
    };
    let need_of = |column: &Column| column.need_in(rules, calendar.season());
    demands.clear();
    // Towns under siege: their gates are shut, whatever they answered.
    let mut besieged = std::collections::BTreeSet::new();
    for f in forces.iter() {
        if let (false, Some((at, watered))) = (f.standing.merged, spot(f.location)) {
            demands.add(at, Demand::of(&need_of(f.column), watered));
        }
        if let Activity::Besieging { state, .. } = f.activity {
            besieged.insert(*state);
        }
    }
    for ForceSupplyItem {
        mut column,
        mut stores,
        condition,
        location,
        activity,
        standing,
        orders,
        mut today,
        mut ledger,
        ..
    } in forces.iter_mut()
    {
        if standing.merged {
            continue;
        }
        let Some((at, watered)) = spot(location) else {
            continue;
        };
        let need = need_of(&column);
        let mine = Demand::of(&need, watered);
        let all = demands.at(at).unwrap_or(mine);
        // The day's yield where the force camps tonight: a place's standing pasture and wild
        // food (little of it about a town that shut its gates), or a road's fresh ground.
        let (water, food, grazing, camp, road) = match *location {
            Location::At(place) => match places.get(place) {
                Ok(p) => {
                    let shut = index.state_at(place).is_some_and(|e| {
                        besieged.contains(&e) || states.get(e).is_ok_and(|s| s.relation.shut())
                    });
                    // Only the outer share of the country is within the foragers' reach.
                    let behind_walls = if shut {
                        p.forage_max * (1.0 - rules.forage.shut_town_share.clamp(0.0, 1.0))
                    } else {
                        Kg::ZERO
                    };
                    let food = (p.forage - behind_walls).max(Kg::ZERO);
                    (p.water, food, p.pasture, Some(place), None)
                }
                Err(_) => continue,
            },
            Location::OnRoute { route, .. } => match routes.get(route) {
                Ok(r) => {
                    let ground = terrain_rule(rules, r.terrain);
                    let water = if watered { r.water } else { Water::None };
                    (
                        water,
                        ground.food_t.kg().min(r.forage),
                        ground.grazing_t.kg(),
                        None,
                        Some(route),
                    )
                }
                Err(_) => continue,
            },
        };
        today.forage = Demands::share(food, mine.food, all.food);
        let (source, disease) = water_yield(rules, water);
        let litres = Demands::share(source, mine.water, all.water);
        today.free_water = litres;
        today.water_disease = if litres > Litres::ZERO { disease } else { 0.0 };
        today.grazing = Demands::share(grazing, mine.feed, all.feed);
        today.camp = camp;
        today.road = road;

        let capacity = column.capacity(rules);
        // Water to carry: the days its commander set, or enough for the dry stretch of the next
        // leg at this column's pace and a day more.
        let mut water_target = need.water() * f64::from(column.water_days.max(1));
        if let Some(to) = next_destination(&activity, orders, index) {
            let leg = match *location {
                Location::OnRoute { route, .. } => routes.get(route).ok(),
                Location::At(from) => index
                    .route_between(from, to)
                    .and_then(|r| routes.get(r).ok()),
            };
            if let Some(leg) = leg {
                let pace = column.pace_on(rules, leg.terrain, condition.fitness())
                    * leg.season_speed(rules, calendar.season());
                if column.water_days == 0 {
                    water_target = need.water() * (leg.dry_days(pace).0 + 1.0);
                }
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
        // What a trading state sells is limited by what the force can pay, and what its
        // commander will buy.
        let afford = |cash: f64, price: f64| {
            if free {
                Kg(f64::INFINITY)
            } else {
                Kg(cash / price.max(1e-9))
            }
        };
        let most = |limit: Option<Kg>| match limit {
            Some(kg) if !free => kg.max(Kg::ZERO),
            _ => Kg(f64::INFINITY),
        };
        let grain = spare_grain
            .min(room)
            .min(afford(stores.treasure_cash, d.grain_price_cash_per_kg))
            .min(most(column.buying.grain));
        let mut paid = if free {
            0.0
        } else {
            grain.0 * d.grain_price_cash_per_kg
        };
        let fodder = spare_fodder
            .min(room - grain)
            .min(afford(
                stores.treasure_cash - paid,
                d.fodder_price_cash_per_kg,
            ))
            .min(most(column.buying.fodder));
        if !free {
            paid += fodder.0 * d.fodder_price_cash_per_kg;
            let buying = &mut column.buying;
            if let Some(left) = &mut buying.grain {
                *left = (*left - grain).max(Kg::ZERO);
            }
            if let Some(left) = &mut buying.fodder {
                *left = (*left - fodder).max(Kg::ZERO);
            }
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
