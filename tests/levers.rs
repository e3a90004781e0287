//! Each lever of sieges and diplomacy, shown working on its own on the shipped map and rules.

mod common;

use common::{events, report, run, second, with_force};
use heavenly_horses::report::StateAnswer;
use heavenly_horses::scenario::types::{PlanStep, StateOverride};
use heavenly_horses::sim::diplomacy::submit_chance;
use heavenly_horses::sim::log::{SiegeEnd, SiegeResult, SimEvent};
use heavenly_horses::sim::state::OasisState;
use heavenly_horses::sim::{self, Commander, Prestige};

fn siege_of(app: &bevy::app::App, id: &str) -> Option<(u32, SiegeResult, bool)> {
    report(app)
        .sieges
        .iter()
        .find(|s| s.target == id)
        .map(|s| (s.days, s.result, s.water_diverted))
}

fn march_and_besiege(days: u32) -> Vec<PlanStep> {
    vec![
        PlanStep::March("guishan".into()),
        PlanStep::Besiege {
            days,
            assault_from: None,
            accept_terms: true,
        },
    ]
}

#[test]
fn a_diverted_river_shortens_a_siege() {
    let diverting = with_force(
        second(),
        "osh",
        25_000,
        2500.0,
        20_000,
        true,
        march_and_besiege(90),
    );
    let blockading = with_force(
        second(),
        "osh",
        25_000,
        2500.0,
        20_000,
        false,
        march_and_besiege(90),
    );
    let mut with_days = Vec::new();
    let mut without_days = Vec::new();
    for seed in 0..10 {
        let (days, result, diverted) = siege_of(&run(&diverting, seed), "dayuan").expect("a siege");
        assert!(
            diverted && matches!(result, SiegeResult::Terms | SiegeResult::Fell),
            "seed {seed}: engineers cut the water and the city gives in ({result:?})"
        );
        with_days.push(days);
        let (days, result, diverted) =
            siege_of(&run(&blockading, seed), "dayuan").expect("a siege");
        assert!(!diverted);
        without_days.push(if result == SiegeResult::Lifted {
            days.max(91)
        } else {
            days
        });
    }
    with_days.sort_unstable();
    without_days.sort_unstable();
    let (with, without) = (with_days[5], without_days[5]);
    assert!(
        (25..=60).contains(&with),
        "a diverted siege lasts 25-60 days: {with_days:?}"
    );
    assert!(
        without > with + 20,
        "without diversion the city holds far longer: {without_days:?} vs {with_days:?}"
    );
}

#[test]
fn an_unfed_besieger_has_to_lift_the_siege() {
    // Ten days of grain and no oxen to eat: the army must give up long before the city does.
    let hungry = with_force(
        second(),
        "osh",
        25_000,
        250.0,
        0,
        true,
        march_and_besiege(90),
    );
    for seed in 0..5 {
        let app = run(&hungry, seed);
        let (days, result, _) = siege_of(&app, "dayuan").expect("a siege");
        assert_eq!(result, SiegeResult::Lifted, "seed {seed}");
        assert!(days < 30, "seed {seed}: lifted after {days} days");
        assert!(
            events(&app).iter().any(|e| matches!(
                e,
                SimEvent::SiegeEnded {
                    end: SiegeEnd::Starved,
                    ..
                }
            )),
            "it lifts for want of food"
        );
    }
}

#[test]
fn a_bigger_army_makes_a_wavering_state_submit() {
    let s = second();
    let ask = vec![PlanStep::March("qiuci".into()), PlanStep::Request];
    let share = |men: u32| {
        // Grain for seven weeks either way, so that only the army's size differs.
        let grain_t = f64::from(men) * 0.05;
        let s = with_force(s.clone(), "luntai", men, grain_t, 0, false, ask.clone());
        let submitted = (0..100)
            .filter(|&seed| {
                let app = run(&s, seed);
                report(&app)
                    .states
                    .iter()
                    .any(|e| e.id == "qiuci" && e.answer == StateAnswer::Submitted)
            })
            .count();
        submitted as f64 / 100.0
    };
    let (small, large) = (share(8_000), share(60_000));
    assert!(
        large > small + 0.25,
        "Qiuci submits to 60,000 men in {large} of runs, to 8,000 in {small}"
    );
}

#[test]
fn a_massacre_raises_the_chance_that_the_next_state_submits() {
    // Luntai, set against the Han, refuses a modest army, is besieged and sacked.
    let mut s = with_force(
        second(),
        "weili",
        12_000,
        1000.0,
        2_000,
        false,
        vec![PlanStep::March("luntai".into()), PlanStep::Request],
    );
    s.campaign.states.push(StateOverride {
        state: "luntai".into(),
        attitude: Some(-1.0),
        xiongnu_influence: Some(1.0),
    });
    let mut sacked = 0;
    for seed in 0..40 {
        let mut app = heavenly_horses::runner::app(&s, seed, Commander::Historical);
        let before = app.world().resource::<Prestige>().0;
        sim::run_to_end(app.world_mut());
        if !report(&app)
            .states
            .iter()
            .any(|e| e.id == "luntai" && e.answer == StateAnswer::Sacked)
        {
            continue;
        }
        sacked += 1;
        let after = app.world().resource::<Prestige>().0;
        let mut states = app.world_mut().query::<&OasisState>();
        let qiuci = states
            .iter(app.world())
            .find(|st| st.id == "qiuci")
            .unwrap()
            .clone();
        let rules = &s.rules.diplomacy;
        let p_before = submit_chance(rules, 10_000.0, 0.0, &qiuci, before);
        let p_after = submit_chance(rules, 10_000.0, 0.0, &qiuci, after);
        assert!(after > before, "seed {seed}: prestige {before} -> {after}");
        assert!(
            p_after > 1.2 * p_before,
            "seed {seed}: Qiuci submits with {p_before:.2} before, {p_after:.2} after"
        );
    }
    assert!(
        sacked >= 10,
        "Luntai refused and was sacked in {sacked} of 40 runs"
    );
}
