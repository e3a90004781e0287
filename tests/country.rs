//! The country about places and along roads, and what an army lives on when no one feeds it:
//! a place's wild food is shared and eaten down, a shut town's harvest is behind its walls, a
//! besieger lifts when its food (its oxen counted as meat) runs out, and a walled town must be
//! beaten or besieged before its grain can be seized.

mod common;

use common::{events, run, second, with_force};
use heavenly_horses::runner;
use heavenly_horses::scenario::types::{PlanStep, StateOverride};
use heavenly_horses::sim::log::SiegeEnd;
use heavenly_horses::sim::map::{Location, Place};
use heavenly_horses::sim::{self, Commander, DailyRecord, SimEvent};

/// A column of `men` foot at `at` with `grain_t` and nothing else: no animals to eat.
fn bare_column(
    at: &str,
    men: u32,
    grain_t: f64,
    plan: Vec<PlanStep>,
) -> heavenly_horses::scenario::Scenario {
    let mut s = with_force(second(), at, men, grain_t, 0, false, plan);
    s.campaign.forces[0].animals = Default::default();
    s
}

/// A state that will not open its gates to anyone.
fn hostile(s: &mut heavenly_horses::scenario::Scenario, state: &str) {
    s.campaign.states.push(StateOverride {
        state: state.into(),
        attitude: Some(-1.0),
        xiongnu_influence: Some(1.0),
    });
}

#[test]
fn an_army_with_no_food_at_a_shut_town_starves_within_weeks() {
    let plan = vec![PlanStep::Request, PlanStep::Rest(90)];
    let mut s = bare_column("qiuci", 20_000, 0.0, plan);
    hostile(&mut s, "qiuci");
    for seed in 0..3 {
        let app = run(&s, seed);
        let record = &app.world().resource::<DailyRecord>().0;
        // The men left after the town's answer (it may fall on the column at dawn).
        let there = record.iter().find(|r| r.day == 1).unwrap();
        let day_60 = record.iter().find(|r| r.day == 61).unwrap();
        let hunger = day_60.men_lost.hunger - there.men_lost.hunger;
        let gone = there.men - day_60.men;
        assert!(
            2 * gone > there.men,
            "seed {seed}: {gone} of {} men lost in 60 days at a shut town",
            there.men
        );
        let others = day_60.men_lost.by_cause();
        assert!(
            others.iter().all(|&n| n <= day_60.men_lost.hunger),
            "seed {seed}: hunger is the first cause ({hunger} since the answer; {others:?})"
        );
        assert!(
            hunger > 8_000,
            "seed {seed}: {hunger} men died of hunger in 60 days"
        );
    }
}

#[test]
fn the_country_about_a_place_is_shared_and_eaten_down() {
    // One column, or two of the same size, resting at an oasis whose town has not shut its gates.
    let rest = vec![PlanStep::Rest(10)];
    let one = bare_column("weili", 10_000, 0.0, rest.clone());
    let mut two = one.clone();
    let mut other = two.campaign.forces[0].clone();
    other.name = "Second column".into();
    two.campaign.forces.push(other);
    let left = |s: &heavenly_horses::scenario::Scenario| {
        let mut app = runner::app(s, 1, Commander::Historical);
        let world = app.world_mut();
        for _ in 0..8 {
            sim::advance_day(world);
        }
        let mut q = world.query::<&Place>();
        let p = q.iter(world).find(|p| p.id == "weili").unwrap();
        (p.forage.0, p.forage_max.0)
    };
    let (after_one, max) = left(&one);
    let (after_two, _) = left(&two);
    assert!(max > 0.0, "an oasis has wild food about it");
    assert!(
        after_one < max,
        "one column ate into it: {after_one} of {max} kg left"
    );
    assert!(
        after_two < after_one,
        "two columns strip it faster: {after_two} against {after_one} kg left"
    );
}

#[test]
fn a_besieger_lifts_when_its_food_runs_out_even_with_a_few_oxen() {
    // Four days of grain and a handful of oxen: before, any ox kept the army at the walls.
    let plan = vec![PlanStep::Besiege {
        days: 120,
        assault_from: None,
        accept_terms: true,
    }];
    let mut s = bare_column("qiuci", 8_000, 32.0, plan);
    s.campaign.forces[0].animals.oxen = 20;
    hostile(&mut s, "qiuci");
    let app = run(&s, 2);
    let starved = events(&app).iter().find_map(|e| match e {
        SimEvent::SiegeEnded {
            days,
            end: SiegeEnd::Starved,
            ..
        } => Some(*days),
        _ => None,
    });
    let days = starved.expect("the siege was lifted for hunger");
    assert!(days < 30, "lifted after {days} days");
}

#[test]
fn a_walled_town_keeps_its_grain_until_it_is_taken() {
    use heavenly_horses::play::{Game, Refused};
    use heavenly_horses::sim::orders::check::Refusal;

    let mut s = with_force(second(), "qiuci", 8_000, 200.0, 0, false, vec![]);
    hostile(&mut s, "qiuci");
    let mut game = Game::new(s.clone(), 3);
    let force = game.force_names()[0].clone();
    // Demanded of a town that holds its walls, the seizure is refused with the reason.
    let seize = "seize".parse().unwrap();
    match game.give(&force, seize) {
        Err(Refused::Order {
            reason: Refusal::WallsHold(_),
            ..
        }) => {}
        other => panic!("a seizure at a walled town is refused: {other:?}"),
    }
    // Queued behind a siege it is taken, and carried out only if the gates open.
    game.give(&force, "besiege 5".parse().unwrap())
        .expect("a siege is given");
    game.give(&force, "seize".parse().unwrap())
        .expect("a seizure after a siege is given");
    // Handed in by a plan, the step is refused when it comes if the walls still hold, or met by
    // the walls; either way nothing is seized.
    let mut planned = s;
    planned.campaign.plan = vec![PlanStep::Requisition];
    let evs = events(&run(&planned, 3));
    assert!(
        evs.iter().any(|e| matches!(
            e,
            SimEvent::WallsHold { .. }
                | SimEvent::OrderRefused {
                    reason: Refusal::WallsHold(_),
                    ..
                }
        )),
        "the town held its walls"
    );
    assert!(
        !evs.iter()
            .any(|e| matches!(e, SimEvent::GrainSeized { .. })),
        "and nothing was seized"
    );
}

#[test]
fn the_country_eaten_about_a_camp_grows_back_after_the_army_leaves() {
    // A column with a great herd of donkeys and no stores lives off an oasis for five days, then goes home.
    let mut s = with_force(
        second(),
        "weili",
        10_000,
        0.0,
        0,
        false,
        vec![PlanStep::Rest(5)],
    );
    s.campaign.forces[0].animals.donkeys = 100_000;
    let growth = s.rules.forage.growth_by_season.autumn;
    let mut app = runner::app(&s, 1, Commander::Historical);
    let world = app.world_mut();
    let weili = |world: &mut bevy::prelude::World| {
        let mut q = world.query::<(bevy::prelude::Entity, &Place)>();
        let (e, p) = q.iter(world).find(|(_, p)| p.id == "weili").unwrap();
        (
            e,
            p.forage.0,
            p.forage_max.0,
            p.forage_regrowth.0,
            p.pasture.0,
            p.pasture_max.0,
        )
    };
    let camped = |world: &mut bevy::prelude::World, at: bevy::prelude::Entity| {
        let mut q = world.query::<&Location>();
        q.iter(world).any(|l| *l == Location::At(at))
    };
    let (mut grazed, mut gone_days) = (false, 0);
    let (mut food, mut grass) = (0.0, 0.0);
    for day in 0..25 {
        sim::advance_day(world);
        let (at, forage, forage_max, forage_regrowth, pasture, pasture_max) = weili(world);
        grazed |= pasture < pasture_max;
        if camped(world, at) {
            (food, grass) = (forage, pasture);
            continue;
        }
        // Gone: every day the country grows back by the season's growth, to its fullest.
        gone_days += 1;
        let expected = (food + forage_regrowth * growth).min(forage_max);
        assert!(
            food < forage_max && (forage - expected).abs() < 1e-6 * forage_max,
            "day {day}: wild food {forage} of {forage_max} kg, expected {expected}"
        );
        assert!(
            pasture > grass || pasture == pasture_max,
            "day {day}: the grass grows back ({grass} then {pasture} of {pasture_max} kg)"
        );
        (food, grass) = (forage, pasture);
    }
    assert!(grazed, "the donkeys grazed the oasis");
    assert!(
        gone_days >= 10,
        "the column left the oasis ({gone_days} days gone)"
    );
}
