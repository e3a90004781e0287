//! Water as a real constraint: thirst builds by the share of the day's water not drunk, the
//! commander chooses who drinks first and how much water the column carries, and a town taken by
//! force gives up the food left inside it.

mod common;

use common::{events, run, second, with_force};
use heavenly_horses::scenario::types::{DrinkFirst, PlanStep};
use heavenly_horses::scenario::units::Days;
use heavenly_horses::sim::{DailyRecord, SimEvent};

/// A column of 10,000 foot, 1,000 horses and 5,000 donkeys with grain for the road, setting out
/// from Yumen Pass across the salt desert to Loulan, here made five standard days' march without
/// water, after `orders`.
fn crossing(orders: Vec<PlanStep>) -> heavenly_horses::scenario::Scenario {
    let mut plan = orders;
    plan.push(PlanStep::March("loulan".into()));
    let mut s = with_force(second(), "yumen_pass", 10_000, 50.0, 0, false, plan);
    for r in &mut s.map.routes {
        if r.from == "yumen_pass" && r.to == "loulan" {
            r.waterless_days = Days(5.0);
        }
    }
    s
}

/// Men and animals dead of thirst by the day the column reaches Loulan.
fn thirst_deaths(s: &heavenly_horses::scenario::Scenario, seed: u64) -> (u32, u32) {
    let app = run(s, seed);
    let day = app
        .world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .find(|l| matches!(l.event, SimEvent::Arrived { .. }))
        .map_or(u32::MAX, |l| l.day);
    let record = &app.world().resource::<DailyRecord>().0;
    let there = record
        .iter()
        .rfind(|r| r.day <= day)
        .expect("a day's record");
    let animals = there.animals_lost.horses.thirst + there.animals_lost.donkeys.thirst;
    (there.men_lost.thirst, animals)
}

#[test]
fn more_water_carried_means_fewer_dead_of_thirst() {
    for seed in 0..3 {
        let (men_1, animals_1) = thirst_deaths(&crossing(vec![PlanStep::CarryWater(1)]), seed);
        let (men_2, animals_2) = thirst_deaths(&crossing(vec![PlanStep::CarryWater(2)]), seed);
        let (men_5, animals_5) = thirst_deaths(&crossing(vec![PlanStep::CarryWater(5)]), seed);
        assert!(
            men_1 + animals_1 > men_2 + animals_2 && men_2 + animals_2 > men_5 + animals_5,
            "seed {seed}: one day's water {men_1} men and {animals_1} animals dead of thirst, \
             two days' {men_2} and {animals_2}, five days' {men_5} and {animals_5}"
        );
    }
}

#[test]
fn who_drinks_first_decides_who_dies_of_thirst() {
    for seed in 0..3 {
        let short = |first| crossing(vec![PlanStep::CarryWater(1), PlanStep::Drink(first)]);
        let (men_first, herds_after_men) = thirst_deaths(&short(DrinkFirst::Men), seed);
        let (men_after_herds, herds_first) = thirst_deaths(&short(DrinkFirst::Animals), seed);
        assert!(
            herds_first < herds_after_men,
            "seed {seed}: the herds drinking first lose {herds_first}, after the men {herds_after_men}"
        );
        assert!(
            men_after_herds > men_first,
            "seed {seed}: the men drinking after the herds lose {men_after_herds}, first {men_first}"
        );
    }
}

#[test]
fn the_chronicle_tells_the_water_orders() {
    let s = crossing(vec![
        PlanStep::CarryWater(4),
        PlanStep::Drink(DrinkFirst::Shared),
    ]);
    let evs = events(&run(&s, 1));
    assert!(
        evs.iter()
            .any(|e| matches!(e, SimEvent::WaterLoadSet { days: 4, .. }))
    );
    assert!(evs.iter().any(|e| matches!(
        e,
        SimEvent::DrinkSet {
            first: DrinkFirst::Shared,
            ..
        }
    )));
}

#[test]
fn a_column_leaves_a_source_with_the_water_its_commander_ordered() {
    let water_on_day = |s: &heavenly_horses::scenario::Scenario, day: u32| {
        let app = run(s, 1);
        let record = &app.world().resource::<DailyRecord>().0;
        record.iter().find(|r| r.day == day).unwrap().water_m3
    };
    // The road as it is (its dry stretch about a day and a quarter at this column's pace), and
    // no grain to take up room.
    let column = |orders: Vec<PlanStep>| {
        let mut plan = orders;
        plan.push(PlanStep::March("loulan".into()));
        with_force(second(), "yumen_pass", 10_000, 0.0, 0, false, plan)
    };
    let default = water_on_day(&column(vec![]), 1);
    let one = water_on_day(&column(vec![PlanStep::CarryWater(1)]), 1);
    let three = water_on_day(&column(vec![PlanStep::CarryWater(3)]), 1);
    assert!(
        one < default * 0.6 && three > one * 2.5,
        "one day's water: {one} m³ on the road, three days': {three} m³, \
         the next leg's need: {default} m³"
    );
}

#[test]
fn a_sacked_town_gives_up_the_food_inside_it() {
    // Luntai refuses the 102 BC army and is sacked; its people's food goes with the army.
    for seed in 0..3 {
        let evs = events(&run(&second(), seed));
        let grain = evs.iter().find_map(|e| match e {
            SimEvent::CityTaken {
                sacked: true,
                grain,
                ..
            } => Some(grain.0),
            _ => None,
        });
        assert!(
            grain.is_some_and(|g| g > 1_000.0),
            "seed {seed}: grain carried off {grain:?} kg"
        );
    }
}

#[test]
fn oxen_kept_in_the_desert_are_dead_within_about_a_hundred_days() {
    // Yan You: oxen taken into the salt desert, each carrying its own feed, were dead within
    // about a hundred days [H94]. A herd of 10,000 working oxen kept at a desert spring (kinder
    // than the salt desert itself) with its men, on the grazing there and twenty days of fodder.
    let plan = vec![PlanStep::Rest(100)];
    let mut s = with_force(second(), "yumen_pass", 2_000, 60.0, 10_000, false, plan);
    s.campaign.forces[0].animals.horses = 0;
    s.campaign.forces[0].animals.donkeys = 0;
    s.campaign.forces[0].stores.fodder_t = heavenly_horses::scenario::units::Tonnes(4_800.0);
    for seed in 0..3 {
        let app = run(&s, seed);
        let record = &app.world().resource::<DailyRecord>().0;
        let alive = |day: u32| record.iter().find(|r| r.day == day).unwrap().animals.oxen;
        let (month, hundred_days) = (alive(30), alive(100));
        assert!(
            month > 9_000 && hundred_days < 5_000,
            "seed {seed}: {month} oxen alive after a month, {hundred_days} after a hundred days"
        );
    }
}
