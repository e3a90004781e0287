//! Consumption: men and animals eat and drink, by kind. Men eat meat before grain and oxen are
//! slaughtered when grain runs short; officers withhold a share of the men's ration; animals graze
//! first, then eat the fodder they carry, and horses get grain only while the men have enough.

use bevy::prelude::*;

use super::components::*;
use super::rules::{AnimalKind, animals_for_meat, daily_need};
use super::{ActiveScenario, Chronicled};
use crate::scenario::types::PerAnimal;

/// Days of the men's water the animals may not drink.
const MEN_WATER_RESERVE_DAYS: f64 = 3.0;

/// Takes up to `want` from `stock`, returning what was taken.
fn take(stock: &mut f64, want: f64) -> f64 {
    let got = want.min(*stock).max(0.0);
    *stock -= got;
    got
}

fn share(got: f64, need: f64) -> f64 {
    if need > 0.0 {
        (got / need).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Feeds and waters every force for the day.
pub fn eat_and_drink(
    mut forces: Query<&mut Force>,
    mut places: Query<&mut Place>,
    scenario: Res<ActiveScenario>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let rules = &scenario.0.rules;
    for mut force in &mut forces {
        if force.merged {
            continue;
        }
        let force = &mut *force;
        let men = force.men.total();
        let need = daily_need(rules, men, force.men.cavalry, &force.animals);

        // Water: men first, from the source, then from what is carried; animals share the rest.
        let mut free = force.today.free_water_l;
        let from_source = take(&mut free, need.men_water_l);
        let from_stores = take(&mut force.stores.water_l, need.men_water_l - from_source);
        force.today.men_watered = share(from_source + from_stores, need.men_water_l);
        // The animals drink carried water only above a reserve that keeps the men alive for a few days.
        let animals_water_need: f64 = AnimalKind::ALL
            .iter()
            .map(|k| *need.animal_water_l.get(*k))
            .sum();
        let from_source = take(&mut free, animals_water_need);
        let mut spare = (force.stores.water_l - need.men_water_l * MEN_WATER_RESERVE_DAYS).max(0.0);
        let from_stores = take(&mut spare, animals_water_need - from_source);
        force.stores.water_l -= from_stores;
        let animals_watered = share(from_source + from_stores, animals_water_need);
        for kind in AnimalKind::ALL {
            *force.today.animals_watered.get_mut(kind) = animals_watered;
        }

        // Food for the men: what they forage, meat, then grain, then oxen slaughtered for the shortfall.
        let mut eaten = force.today.forage_kg.min(need.men_grain_kg);
        eaten += take(
            &mut force.stores.meat_kg,
            (need.men_grain_kg - eaten) / rules.meat_grain_equivalent.max(1e-9),
        ) * rules.meat_grain_equivalent;
        eaten += take(&mut force.stores.grain_kg, need.men_grain_kg - eaten);
        // Oxen go to the butcher whenever grain runs short; the other pack animals only in
        // desperation, and never the horses the cavalry rides.
        let desperate = force.nourishment < rules.slaughter_pack_below;
        for kind in [
            AnimalKind::Oxen,
            AnimalKind::Donkeys,
            AnimalKind::Horses,
            AnimalKind::Camels,
        ] {
            let short = need.men_grain_kg - eaten;
            if short <= 1e-6 || (kind != AnimalKind::Oxen && !desperate) {
                break;
            }
            let spare = match kind {
                AnimalKind::Horses => force.animals.horses.saturating_sub(force.men.cavalry),
                _ => *force.animals.get(kind),
            };
            let n = animals_for_meat(rules, kind, short, spare);
            if n == 0 {
                continue;
            }
            *force.animals.get_mut(kind) -= n;
            force.ledger.animals_lost.get_mut(kind).slaughtered += n;
            force.stores.meat_kg += f64::from(n) * rules.meat_kg.get(kind);
            eaten += take(
                &mut force.stores.meat_kg,
                short / rules.meat_grain_equivalent.max(1e-9),
            ) * rules.meat_grain_equivalent;
            if n >= 100 {
                chronicle.write(Chronicled {
                    text: format!(
                        "{}: grain short, {n} {} slaughtered for meat",
                        force.name,
                        kind.name()
                    ),
                });
            }
        }
        force.today.men_fed = share(eaten, need.men_grain_kg) * (1.0 - force.corruption);
        force.stores.meat_kg *= 1.0 - rules.meat_spoilage;

        // Feed for the animals: grazing, then carried fodder, then (horses) grain.
        let total_feed: f64 = AnimalKind::ALL.iter().map(|k| *need.feed_kg.get(*k)).sum();
        let grazed = force.today.grazing_kg.min(total_feed).max(0.0);
        if let Some(place) = force.today.pasture
            && let Ok(mut place) = places.get_mut(place)
        {
            place.pasture_kg = (place.pasture_kg - grazed).max(0.0);
        }
        let fodder = take(&mut force.stores.fodder_kg, total_feed - grazed);
        let mut fed = PerAnimal::<f64>::default();
        for kind in AnimalKind::ALL {
            let k_need = *need.feed_kg.get(kind);
            let portion = if total_feed > 0.0 {
                k_need / total_feed
            } else {
                0.0
            };
            *fed.get_mut(kind) = (grazed + fodder) * portion;
        }
        let grain_days = force.stores.grain_kg / need.men_grain_kg.max(1e-9);
        if grain_days > rules.animal_grain_reserve_days {
            let horse_short = (need.feed_kg.horses - fed.horses)
                .min(need.animal_grain_kg.horses)
                .max(0.0);
            fed.horses += take(&mut force.stores.grain_kg, horse_short);
        }
        for kind in AnimalKind::ALL {
            *force.today.animals_fed.get_mut(kind) = share(*fed.get(kind), *need.feed_kg.get(kind));
        }
    }
}
