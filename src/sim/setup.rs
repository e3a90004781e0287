//! Spawning a scenario into the world: places, routes, states and forces as entities, and the
//! campaign's resources.

use bevy::prelude::*;

use super::components::*;
use super::random::SimRng;
use super::{ActiveScenario, Chronicled};
use crate::scenario::Scenario;

/// A force's stores from the scenario's tonnes and cubic metres.
fn stores_of(def: &crate::scenario::types::StoresDef) -> Stores {
    Stores {
        grain_kg: def.grain_t * 1000.0,
        fodder_kg: def.fodder_t * 1000.0,
        water_l: def.water_m3 * 1000.0,
        meat_kg: 0.0,
    }
}

/// Clears any earlier campaign and spawns `scenario` for a run with `seed`.
pub fn spawn_scenario(world: &mut World, scenario: &Scenario, seed: u64) {
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

    for p in &map.places {
        let regrowth_kg = p.grazing_t * 1000.0;
        let max = regrowth_kg * rules.pasture_days;
        let entity = world
            .spawn((
                Name::new(p.name.clone()),
                Place {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    lat: p.lat,
                    lon: p.lon,
                    terrain: p.terrain,
                    water: p.water,
                    regrowth_kg,
                    pasture_kg: max,
                    pasture_max_kg: max,
                },
            ))
            .id();
        index.places.insert(p.id.clone(), entity);
    }
    for r in &map.routes {
        let (Some(&a), Some(&b)) = (index.places.get(&r.from), index.places.get(&r.to)) else {
            continue;
        };
        let length_km = r.length.km(map.li_km);
        let dry_km = (r.waterless_days * rules.standard_march_km).min(length_km);
        let dry_from_km = (length_km - dry_km) / 2.0;
        let entity = world
            .spawn((
                Name::new(format!("{} - {}", r.from, r.to)),
                Route {
                    a,
                    b,
                    length_km,
                    terrain: r.terrain,
                    water: r.water,
                    dry_from_km,
                    dry_to_km: dry_from_km + dry_km,
                },
            ))
            .id();
        index.routes_from.entry(a).or_default().push(entity);
        index.routes_from.entry(b).or_default().push(entity);
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
                    grain_surplus_kg: f64::from(s.households)
                        * rules.diplomacy.grain_per_household_kg,
                    fodder_surplus_kg: f64::from(s.households)
                        * rules.diplomacy.fodder_per_household_kg,
                    grain_out_kg: 0.0,
                    fodder_out_kg: 0.0,
                    grain_supplied_kg: 0.0,
                    cash_received: 0.0,
                    memory: Vec::new(),
                    relation: Relation::Unmet,
                    food_days: rules.siege.city_food_days,
                    water_days: rules.siege.cistern_days,
                    defender_morale: 1.0,
                    water_diverted: false,
                    refused_before: false,
                    outer_breached: false,
                    terms_refused: false,
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
    let status = CampaignStatus {
        objective: index.states.get(&campaign.objective.capture).copied(),
        home: index.places.get(&campaign.objective.home).copied(),
        max_days: campaign.max_days,
        ..CampaignStatus::default()
    };
    let mut chronicle = Vec::new();
    for (raised, f) in campaign.forces.iter().enumerate() {
        let Some(&at) = index.places.get(&f.at) else {
            continue;
        };
        let place_name = map
            .places
            .iter()
            .find(|p| p.id == f.at)
            .map_or(f.at.clone(), |p| p.name.clone());
        let ledger = Ledger {
            men_start: f.men.total(),
            animals_start: f.animals,
            visits: vec![Visit {
                id: f.at.clone(),
                name: place_name.clone(),
                day: 0,
                men: f.men.total(),
                animals: f.animals,
                stores: stores_of(&f.stores),
            }],
            ..Ledger::default()
        };
        chronicle.push(format!(
            "{} sets out from {} with {} men, {} horses, {} oxen, {} donkeys and {} camels",
            f.name,
            place_name,
            f.men.total(),
            f.animals.horses,
            f.animals.oxen,
            f.animals.donkeys,
            f.animals.camels
        ));
        world.spawn((
            Name::new(f.name.clone()),
            Force {
                name: f.name.clone(),
                men: f.men,
                animals: f.animals,
                stores: stores_of(&f.stores),
                morale: f.morale,
                base_morale: f.morale,
                corruption: f.corruption,
                nourishment: 1.0,
                animal_nourishment: crate::scenario::types::PerAnimal {
                    horses: 1.0,
                    oxen: 1.0,
                    donkeys: 1.0,
                    camels: 1.0,
                },
                dry_days: 0.0,
                animal_dry_days: Default::default(),
                marched_since_rest: 0,
                location: Location::At(at),
                activity: Activity::Idle,
                today: DayTally::default(),
                ledger,
                homeward: false,
                engineers: f.engineers,
                treasure_cash: f64::from(f.silk_bolts) * rules.diplomacy.silk_bolt_cash
                    + f64::from(f.gold_jin) * rules.diplomacy.gold_jin_cash,
                allies: Vec::new(),
                merged: false,
                raised: raised as u32,
            },
            Plan {
                steps: campaign.plan.clone(),
                ..Plan::default()
            },
        ));
    }

    world.insert_resource(index);
    world.insert_resource(ActiveScenario(scenario.clone()));
    world.insert_resource(SimRng::new(seed));
    world.insert_resource(Calendar {
        day: 0,
        start: campaign.start,
    });
    world.insert_resource(Prestige(campaign.prestige));
    world.insert_resource(status);
    world.insert_resource(DailyRecord::default());
    world.insert_resource(Chronicle(Vec::new()));
    world.insert_resource(StateEvents::default());
    world.insert_resource(Sieges::default());
    world.insert_resource(super::events::EventLog::default());
    for text in chronicle {
        world.write_message(Chronicled { text });
    }
}
