//! Consumption: men and animals eat and drink, by kind. Men eat meat before grain and oxen are
//! slaughtered when grain runs short; officers withhold a share of the men's ration; animals graze
//! first, then eat the fodder they carry, and horses get grain only while the men have enough.

use bevy::prelude::*;

use super::ActiveScenario;
use super::force::{Column, Condition, Ledger, Standing, Stores, Today};
use super::log::SimEvent;
use super::map::{Place, Route};
use crate::scenario::logistics::animals_for_meat;
use crate::scenario::types::{AnimalKind, DrinkFirst, PerAnimal};
use crate::scenario::units::Kg;

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
    mut forces: Query<(
        Entity,
        &mut Column,
        &mut Stores,
        &Condition,
        &Standing,
        &mut Today,
        &mut Ledger,
    )>,
    mut places: Query<&mut Place>,
    mut roads: Query<&mut Route>,
    scenario: Res<ActiveScenario>,
    calendar: Res<super::calendar::Calendar>,
    mut events: MessageWriter<SimEvent>,
) {
    let rules = &scenario.0.rules;
    let meq = rules.meat_grain_equivalent;
    for (entity, mut column, mut stores, condition, standing, mut today, mut ledger) in &mut forces
    {
        if standing.merged {
            continue;
        }
        let need = column.need_in(rules, calendar.season());
        let men_water = need.men_water.0;
        let men_grain = need.men_grain.0;

        // Water, from the source first and then from what is carried, by the column's rule.
        let animals_water_need: f64 = AnimalKind::ALL
            .iter()
            .map(|k| need.animal_water.get(*k).0)
            .sum();
        let mut free = today.free_water.0;
        let (men_watered, animals_watered) = drink(
            column.drink,
            &mut free,
            &mut stores.water.0,
            men_water,
            animals_water_need,
            men_water * rules.men_water_reserve_days,
        );
        today.men_watered = men_watered;
        today.animals_watered = PerAnimal::splat(animals_watered);

        // Food for the men: what they forage, meat, then grain, then oxen slaughtered for the shortfall.
        let mut eaten = today.forage.0.min(men_grain).max(0.0);
        let foraged = eaten;
        eaten += take(&mut stores.meat.0, (men_grain - eaten) / meq.max(1e-9)) * meq;
        eaten += take(&mut stores.grain.0, men_grain - eaten);
        // Oxen go to the butcher whenever grain runs short; the other pack animals only in
        // desperation, and never the horses the cavalry rides.
        let desperate = condition.nourishment < rules.slaughter_pack_below;
        for kind in [
            AnimalKind::Oxen,
            AnimalKind::Donkeys,
            AnimalKind::Horses,
            AnimalKind::Camels,
        ] {
            let short = men_grain - eaten;
            if short <= 1e-6 || (kind != AnimalKind::Oxen && !desperate) {
                break;
            }
            let spare = match kind {
                AnimalKind::Horses => column.animals.horses.saturating_sub(column.men.cavalry),
                _ => *column.animals.get(kind),
            };
            let n = animals_for_meat(rules, kind, Kg(short), spare);
            if n == 0 {
                continue;
            }
            *column.animals.get_mut(kind) -= n;
            ledger.animals_lost.get_mut(kind).slaughtered += n;
            stores.meat.0 += f64::from(n) * rules.meat_kg.get(kind).0;
            eaten += take(&mut stores.meat.0, short / meq.max(1e-9)) * meq;
            events.write(SimEvent::Slaughtered {
                force: entity,
                kind,
                count: n,
                ordered: false,
            });
        }
        // Men on short rations are fed that share of the full ration at most.
        today.men_fed = share(eaten, men_grain) * column.ration() * (1.0 - condition.corruption);
        // The captives eat what grain the men leave, and those there is none for are let go.
        if column.captives > 0 {
            let want = f64::from(column.captives) * rules.rations.man.grain_kg.0;
            let fed = share(take(&mut stores.grain.0, want), want);
            let kept = (f64::from(column.captives) * fed).floor() as u32;
            let freed = column.captives - kept.min(column.captives);
            if freed > 0 {
                column.captives -= freed;
                events.write(SimEvent::CaptivesFreed {
                    force: entity,
                    count: freed,
                });
            }
        }
        stores.meat.0 *= 1.0 - rules.meat_spoilage;

        // Feed for the animals: grazing, then carried fodder, then (horses) grain.
        let total_feed: f64 = AnimalKind::ALL.iter().map(|k| need.feed.get(*k).0).sum();
        let grazed = today.grazing.0.min(total_feed).max(0.0);
        if let Some(place) = today.camp
            && let Ok(mut place) = places.get_mut(place)
        {
            place.pasture = Kg((place.pasture.0 - grazed).max(0.0));
            place.forage = Kg((place.forage.0 - foraged).max(0.0));
        }
        if let Some(road) = today.road
            && let Ok(mut road) = roads.get_mut(road)
        {
            road.forage = Kg((road.forage.0 - foraged).max(0.0));
        }
        let fodder = take(&mut stores.fodder.0, total_feed - grazed);
        let mut fed = PerAnimal::<f64>::default();
        for kind in AnimalKind::ALL {
            let k_need = need.feed.get(kind).0;
            let portion = if total_feed > 0.0 {
                k_need / total_feed
            } else {
                0.0
            };
            *fed.get_mut(kind) = (grazed + fodder) * portion;
        }
        let grain_days = stores.grain.0 / men_grain.max(1e-9);
        if grain_days > rules.animal_grain_reserve_days {
            let horse_short = (need.feed.horses.0 - fed.horses)
                .min(need.animal_grain.horses.0)
                .max(0.0);
            fed.horses += take(&mut stores.grain.0, horse_short);
        }
        for kind in AnimalKind::ALL {
            *today.animals_fed.get_mut(kind) = share(*fed.get(kind), need.feed.get(kind).0);
        }
    }
}

/// Water drunk today from `source` (what the place or road yields the column) and `carried`, by
/// `first`: returns the share of their need the men and the animals got. With the men first, the
/// animals drink carried water only above the men's `reserve` (litres); with the animals first,
/// the men get what is left; shared, everyone gets the same share of all there is.
pub fn drink(
    first: DrinkFirst,
    source: &mut f64,
    carried: &mut f64,
    men: f64,
    animals: f64,
    reserve: f64,
) -> (f64, f64) {
    match first {
        DrinkFirst::Men => {
            let m = take(source, men);
            let m = m + take(carried, men - m);
            let a = take(source, animals);
            let mut spare = (*carried - reserve).max(0.0);
            let from_carried = take(&mut spare, animals - a);
            *carried -= from_carried;
            (share(m, men), share(a + from_carried, animals))
        }
        DrinkFirst::Animals => {
            let a = take(source, animals);
            let a = a + take(carried, animals - a);
            let m = take(source, men);
            let m = m + take(carried, men - m);
            (share(m, men), share(a, animals))
        }
        DrinkFirst::Shared => {
            let need = men + animals;
            let there = (*source + *carried).min(need);
            let s = share(there, need);
            let from_source = take(source, there);
            take(carried, there - from_source);
            (s, s)
        }
    }
}
