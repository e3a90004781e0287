//! Spawning a scenario into the world: places, routes, states and forces as entities, and the
//! campaign's resources.

use bevy::prelude::*;

use super::ActiveScenario;
use super::base::Base;
use super::calendar::Calendar;
use super::campaign::{CampaignStatus, Prestige};
use super::force::{Force, Orders};
use super::log::{Chronicle, Logged, SimEvent};
use super::map::{MapIndex, Place, Route};
use super::raise::new_force;
use super::random::SimRng;
use super::record::DailyRecord;
use super::state::{OasisState, Relation};
use super::triggers::Triggers;
use crate::scenario::Scenario;
use crate::scenario::logistics;

/// Clears any earlier campaign and spawns `scenario` for a run with `seed`.
pub fn spawn_scenario(world: &mut World, scenario: &std::sync::Arc<Scenario>, seed: u64) {
    let mut old = world
        .query_filtered::<Entity, Or<(With<Place>, With<Route>, With<OasisState>, With<Force>)>>();
    let old: Vec<Entity> = old.iter(world).collect();
    for entity in old {
        world.despawn(entity);
    }
    let map = &scenario.map;
    let rules = &scenario.rules;
    let campaign = &scenario.campaign;
    let mut index = MapIndex::default();

    for (order, p) in map.places.iter().enumerate() {
        let regrowth = p.grazing_t.kg();
        let max = regrowth * rules.pasture_days;
        let forage_max =
            logistics::terrain_rule(rules, p.terrain).food_t.kg() * rules.forage.stock_days;
        let entity = world
            .spawn((
                Name::new(p.name.clone()),
                Place {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    label: p.name.as_str().into(),
                    order,
                    lat: p.lat,
                    lon: p.lon,
                    terrain: p.terrain,
                    water: p.water,
                    regrowth,
                    pasture: max,
                    pasture_max: max,
                    forage: forage_max,
                    forage_max,
                    forage_regrowth: forage_max / rules.forage.regrowth_days.max(1.0),
                },
                super::map::Depot::default(),
            ))
            .id();
        index.places.insert(p.id.clone(), entity);
    }
    for r in &map.routes {
        let (Some(&a), Some(&b)) = (index.places.get(&r.from), index.places.get(&r.to)) else {
            continue;
        };
        let length = r.length.km(map.li_km);
        let (dry_from, dry_to) =
            logistics::dry_stretch(length, r.waterless_days, rules.standard_march_km);
        // A day's march of road holds a day of its ground's wild food.
        let road_forage = logistics::terrain_rule(rules, r.terrain).food_t.kg()
            * (length
                / rules
                    .standard_march_km
                    .max(crate::scenario::units::Km(1e-9)));
        let entity = world
            .spawn((
                Name::new(format!("{} - {}", r.from, r.to)),
                Route {
                    a,
                    b,
                    length,
                    terrain: r.terrain,
                    water: r.water,
                    dry_from,
                    dry_to,
                    forage: road_forage,
                    forage_max: road_forage,
                    forage_regrowth: road_forage / rules.forage.regrowth_days.max(1.0),
                    closed_in: r.closed_in.clone(),
                    flooded_in: r.flooded_in.clone(),
                    held_by: None,
                    blocked: false,
                },
            ))
            .id();
        index.add_route(entity, a, b);
    }
    for s in &map.states {
        let Some(&place) = index.places.get(&s.place) else {
            continue;
        };
        let over = campaign.states.iter().find(|o| o.state == s.id);
        let entity = world
            .spawn((
                Name::new(s.name.clone()),
                OasisState {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    place,
                    households: s.households,
                    population: s.population,
                    soldiers: s.soldiers,
                    garrison: s.garrison.unwrap_or(s.soldiers),
                    walls: s.walls,
                    city_water: s.city_water,
                    attitude: over.and_then(|o| o.attitude).unwrap_or(s.attitude),
                    xiongnu_influence: over
                        .and_then(|o| o.xiongnu_influence)
                        .unwrap_or(s.xiongnu_influence),
                    cavalry_share: s.cavalry_share,
                    horses: s.horses,
                    superior_horses: s.superior_horses,
                    overlord: None,
                    grain_surplus: f64::from(s.households) * rules.diplomacy.grain_per_household_kg,
                    fodder_surplus: f64::from(s.households)
                        * rules.diplomacy.fodder_per_household_kg,
                    grain_out: Default::default(),
                    fodder_out: Default::default(),
                    grain_supplied: Default::default(),
                    cash_received: 0.0,
                    memory: Vec::new(),
                    relation: Relation::Unmet,
                    answered: false,
                    food_days: rules.siege.city_food_days,
                    water_days: rules.siege.cistern_days,
                    defender_morale: 1.0,
                    water_diverted: false,
                    refused_before: false,
                    outer_breached: false,
                    terms_refused: false,
                    leader: s.leader.clone(),
                    leader_fate: None,
                    leader_wounded: false,
                },
            ))
            .id();
        index.states.insert(s.id.clone(), entity);
        index.state_at.insert(place, entity);
    }

    // Vassal cities know their overlords once every state exists.
    for s in &map.states {
        let (Some(over), Some(&city)) = (
            s.vassal_of
                .as_ref()
                .and_then(|o| index.states.get(o))
                .copied(),
            index.states.get(&s.id),
        ) else {
            continue;
        };
        if let Some(mut state) = world.get_mut::<OasisState>(city) {
            state.overlord = Some(over);
        }
    }
    // Roads through a power's lands know the power once every state exists.
    for r in &map.routes {
        let (Some(&a), Some(&b), Some(&power)) = (
            index.places.get(&r.from),
            index.places.get(&r.to),
            r.held_by.as_ref().and_then(|p| index.states.get(p)),
        ) else {
            continue;
        };
        if let Some(route) = index.route_between(a, b)
            && let Some(mut route) = world.get_mut::<Route>(route)
        {
            route.held_by = Some(power);
        }
    }
    let status = CampaignStatus {
        objective: campaign
            .objective
            .first_capture()
            .and_then(|id| index.states.get(id))
            .copied(),
        home: index.places.get(&campaign.objective.home).copied(),
        max_days: campaign.max_days,
        goals: super::objectives::goals_of(&campaign.objective, &index),
        ..CampaignStatus::default()
    };
    let mut set_out = Vec::new();
    for (raised, f) in campaign.forces.iter().enumerate() {
        let Some(&at) = index.places.get(&f.at) else {
            continue;
        };
        let force = new_force(rules, f, at, raised as u32);
        // Every force carries the plan; only the historical commander follows it.
        let entity = world
            .spawn((
                force.bundle(),
                Orders::following(f.plan.as_ref().unwrap_or(&campaign.plan).clone()),
            ))
            .id();
        set_out.push(SimEvent::SetOut {
            force: entity,
            at,
            men: f.men.total(),
            animals: f.animals,
        });
    }

    // The base's reserve, for the convoys (a campaign without a muster has none).
    world.remove_resource::<Base>();
    if let Some(reserve) = crate::scenario::muster::left_at_base(campaign)
        && let Some(&place) = index.places.get(&reserve.at)
    {
        world.insert_resource(Base {
            place,
            reserve,
            convoys: 0,
        });
    }
    world.insert_resource(index);
    world.insert_resource(ActiveScenario(std::sync::Arc::clone(scenario)));
    world.insert_resource(SimRng::new(seed));
    world.insert_resource(Calendar {
        day: 0,
        start: campaign.start,
        names: std::sync::Arc::new(campaign.world.calendar.clone()),
    });
    world.insert_resource(Prestige(campaign.prestige));
    world.insert_resource(status);
    // A daily record and a chronicle left by an earlier run in this world are emptied, not
    // replaced: the next run fills the room they grew. The forces set out on day 0, before
    // anything else happens.
    world
        .get_resource_or_insert_with(DailyRecord::default)
        .0
        .clear();
    let mut chronicle = world.get_resource_or_insert_with(Chronicle::default);
    chronicle.0.clear();
    chronicle
        .0
        .extend(set_out.into_iter().map(|event| Logged { day: 0, event }));
    world.insert_resource(Triggers::default());
    world.resource_mut::<Messages<SimEvent>>().clear();
    world
        .resource_mut::<Messages<super::orders::GiveOrder>>()
        .clear();
}
