//! Pace as a choice: the standard day of a column with its train, its own best pace, a forced
//! march that buys days with men and weariness, and rest that gives the weariness back; and carts
//! that carry more than pack oxen, at the carts' pace.

mod common;

use common::{events, run, second, with_force};
use heavenly_horses::runner;
use heavenly_horses::scenario::types::{Pace, PlanStep};
use heavenly_horses::sim::force::Condition;
use heavenly_horses::sim::{self, Commander, DailyRecord, SimEvent};

/// Days the army took from Yumen Pass to Loulan (400 km) at `pace`, and the men it had there.
fn to_loulan(pace: Pace, seed: u64) -> (u32, u32, u32) {
    let plan = vec![PlanStep::Pace(pace), PlanStep::March("loulan".into())];
    let mut s = with_force(second(), "yumen_pass", 10_000, 60.0, 0, false, plan);
    s.campaign.forces[0].animals = Default::default();
    s.campaign.forces[0].stores.water_m3 = heavenly_horses::scenario::units::CubicMetres(70.0);
    let app = run(&s, seed);
    let evs = events(&app);
    let day = app
        .world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .find(|l| matches!(l.event, SimEvent::Arrived { .. }))
        .map(|l| l.day)
        .expect("the column reaches Loulan");
    assert!(
        evs.iter()
            .any(|e| matches!(e, SimEvent::PaceSet { pace: p, .. } if *p == pace)),
        "the chronicle says the pace was set"
    );
    let record = &app.world().resource::<DailyRecord>().0;
    let there = record.iter().find(|r| r.day == day).unwrap();
    (day, there.men, there.men_lost.desertion)
}

#[test]
fn a_forced_march_arrives_sooner_and_leaves_men_behind() {
    for seed in 0..3 {
        let (standard, _, deserted) = to_loulan(Pace::Standard, seed);
        let (light, _, _) = to_loulan(Pace::Light, seed);
        let (forced, men_forced, stragglers) = to_loulan(Pace::Forced, seed);
        assert!(
            forced < light && light < standard,
            "seed {seed}: forced {forced} days, light {light}, standard {standard}"
        );
        assert!(
            stragglers > deserted + 500,
            "seed {seed}: {stragglers} lost on the forced march ({men_forced} left), {deserted} on the standard"
        );
    }
}

#[test]
fn rest_gives_back_what_a_forced_march_took() {
    let plan = vec![
        PlanStep::Pace(Pace::Forced),
        PlanStep::March("loulan".into()),
        PlanStep::Pace(Pace::Light),
        PlanStep::Rest(20),
    ];
    let mut s = with_force(second(), "yumen_pass", 10_000, 400.0, 0, false, plan);
    s.campaign.forces[0].animals = Default::default();
    let mut app = runner::app(&s, 1, Commander::Historical);
    let world = app.world_mut();
    let fatigue = |world: &mut bevy::prelude::World| {
        world
            .query::<&Condition>()
            .iter(world)
            .map(|c| c.fatigue)
            .fold(0.0, f64::max)
    };
    let mut worst = 0.0f64;
    let mut arrived = None;
    for day in 0..60 {
        sim::advance_day(world);
        worst = worst.max(fatigue(world));
        let here = world
            .resource::<heavenly_horses::sim::Chronicle>()
            .0
            .iter()
            .any(|l| matches!(l.event, SimEvent::Arrived { .. }));
        if here && arrived.is_none() {
            arrived = Some(day);
        }
        if arrived.is_some_and(|a| day == a + 15) {
            break;
        }
    }
    assert!(arrived.is_some(), "the column reached Loulan");
    assert!(worst > 0.5, "worn by the forced march: fatigue {worst}");
    let after = fatigue(world);
    assert!(after < 0.05, "fifteen days' rest: fatigue {after}");
}

/// The day the first arrival of a campaign is told.
fn arrival_day(s: &heavenly_horses::scenario::Scenario) -> u32 {
    let app = run(s, 1);
    app.world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .find(|l| matches!(l.event, SimEvent::Arrived { .. }))
        .map(|l| l.day)
        .expect("the column arrives")
}

#[test]
fn carts_set_the_pace_of_the_column_that_has_them() {
    let plan = vec![PlanStep::March("loulan".into())];
    let mut s = with_force(second(), "yumen_pass", 1_000, 20.0, 1_000, false, plan);
    s.campaign.forces[0].animals.horses = 0;
    s.campaign.forces[0].animals.donkeys = 0;
    s.campaign.forces[0].animals.camels = 0;
    let pack = arrival_day(&s);
    s.campaign.forces[0].carts = 1_000;
    let carts = arrival_day(&s);
    assert!(
        carts > pack,
        "carts arrive on day {carts}, pack oxen on day {pack}"
    );
}

/// The force's km along the road it is on, each day for `days` days (`None` while at a place),
/// with the place it set out from.
fn km_each_day(s: &heavenly_horses::scenario::Scenario, days: u32) -> Vec<Option<(String, f64)>> {
    use heavenly_horses::sim::map::{Location, Place};
    let mut app = runner::app(s, 1, Commander::Historical);
    let world = app.world_mut();
    let mut out = Vec::new();
    for _ in 0..days {
        sim::advance_day(world);
        let loc = *world
            .query::<&Location>()
            .iter(world)
            .next()
            .expect("the force is on the map");
        out.push(match loc {
            Location::OnRoute { from, km, .. } => {
                Some((world.get::<Place>(from).unwrap().id.clone(), km.0))
            }
            Location::At(_) => None,
        });
    }
    out
}

/// Km along the road out of `from` on the first day the force is on it.
fn first_day_out(track: &[Option<(String, f64)>], from: &str) -> f64 {
    track
        .iter()
        .flatten()
        .find(|(f, _)| f == from)
        .map(|(_, km)| *km)
        .unwrap_or_else(|| panic!("the force set out from {from}"))
}

#[test]
fn a_column_passing_through_a_place_keeps_the_rest_of_its_days_march() {
    // Dunhuang to the Yumen Pass is 85 km, not a whole number of days: the column reaches the
    // pass with part of a day's march left, and goes on with it if it does not stop there.
    let through = vec![
        PlanStep::March("yumen_pass".into()),
        PlanStep::March("loulan".into()),
    ];
    let stopping = vec![
        PlanStep::March("yumen_pass".into()),
        PlanStep::Rest(1),
        PlanStep::March("loulan".into()),
    ];
    let s = |plan| with_force(second(), "dunhuang", 2_000, 40.0, 0, false, plan);
    let on = first_day_out(&km_each_day(&s(through), 12), "yumen_pass");
    let halted = first_day_out(&km_each_day(&s(stopping), 12), "yumen_pass");
    assert!(
        on > halted + 3.0,
        "first day out of the pass: {on:.1} km passing through, {halted:.1} km after a halt"
    );
}

#[test]
fn a_day_spent_asking_at_a_town_rests_the_animals() {
    // The column reaches Loulan, asks for food there a day, and marches on: its next rest day
    // comes a full `rest_every_days` of marching later, not sooner for the days before Loulan.
    let plan = vec![
        PlanStep::March("loulan".into()),
        PlanStep::Request,
        PlanStep::March("weili".into()),
    ];
    let s = with_force(second(), "yumen_pass", 2_000, 60.0, 0, false, plan);
    let every = s.rules.rest_every_days;
    let track = km_each_day(&s, 60);
    let out: Vec<f64> = track
        .iter()
        .flatten()
        .filter(|(f, _)| f == "loulan")
        .map(|(_, km)| *km)
        .collect();
    let marched_before_rest = out
        .windows(2)
        .position(|w| w[1] <= w[0])
        .expect("a rest day on the road to Weili")
        + 1;
    assert_eq!(
        marched_before_rest, every as usize,
        "days marched out of Loulan before the first rest: {out:?}"
    );
}
