//! Enemy forces in the field (`EnemyForce`): they ride by the roads to the force they hunt and
//! fall on it as their aim says, shadow a force too strong for them, starve and scatter when
//! their grain is gone, go in to hold a city they came to relieve, and can be engaged and routed.

mod common;

use heavenly_horses::play::{Advance, Game};
use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::{Effect, EnemyAim, EventDef, PerAnimal, Trigger};
use heavenly_horses::sim::SimEvent;
use heavenly_horses::sim::enemy::{EnemyEnd, EnemyForce};
use heavenly_horses::sim::log::{Battle, BattleKind};
use heavenly_horses::sim::map::Location;
use heavenly_horses::sim::state::OasisState;

/// The tutorial (a column of 3,500 from Dunhuang to Loulan) with one event on day 0 raising an
/// enemy force.
fn tutorial_with(name: &str, men: u32, at: &str, food_days: f64, aim: EnemyAim) -> Scenario {
    let mut s = common::shipped("first_campaign_tutorial.ron");
    s.campaign.events = vec![EventDef {
        when: Trigger::Day(0),
        then: vec![Effect::EnemyForce {
            name: name.into(),
            men,
            cavalry_share: 1.0,
            at: at.into(),
            food_days,
            aim,
            force: None,
            takes: 0.3,
            spoils: PerAnimal {
                horses: 500,
                ..PerAnimal::default()
            },
            scatter_below: 0.5,
            every_days: 3,
        }],
    }];
    s
}

fn battles(app: &bevy::app::App, kind: BattleKind) -> Vec<(u32, Battle)> {
    app.world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .filter_map(|l| match &l.event {
            SimEvent::Battle(b) if b.kind == kind => Some((l.day, *b)),
            _ => None,
        })
        .collect()
}

fn gone(app: &bevy::app::App) -> Option<(u32, EnemyEnd, u32)> {
    app.world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .find_map(|l| match &l.event {
            SimEvent::EnemyGone { end, men, .. } => Some((l.day, *end, *men)),
            _ => None,
        })
}

#[test]
fn raiders_ride_to_the_column_fall_on_its_baggage_once_and_leave() {
    // Raised at Loulan, two roads ahead of a column that sets out from Dunhuang: they ride to
    // meet it, fall on it once wherever they come up with it, and leave the field.
    let mut won = 0;
    for seed in 1..=10 {
        let app = common::run(
            &tutorial_with("Raiders", 1500, "loulan", 30.0, EnemyAim::Raid),
            seed,
        );
        let raids = battles(&app, BattleKind::Raid);
        assert_eq!(raids.len(), 1, "seed {seed}: one raid, {raids:?}");
        let (day, raid) = raids[0];
        assert!(day > 0, "they ride before they strike");
        let (left, end, _) = gone(&app).expect("they leave the field");
        assert_eq!(left, day);
        if raid.won {
            won += 1;
            assert!(
                matches!(end, EnemyEnd::Beaten | EnemyEnd::Scattered),
                "{end:?}"
            );
            let r = common::report(&app);
            assert!(r.enemy_killed + r.enemy_captured > 0, "{r:?}");
        } else {
            assert_eq!(end, EnemyEnd::Loot);
        }
    }
    assert!(
        won > 0,
        "the crossbows beat raiders off at least once in ten"
    );
}

#[test]
fn a_band_with_no_grain_starves_and_scatters_on_the_road() {
    // Raised at Loulan with nothing to eat, hunting a column that waits at Dunhuang: hunger
    // and desertion break it before it arrives, or it arrives too weak to dare.
    let mut s = tutorial_with("Hungry band", 2000, "loulan", 0.0, EnemyAim::Harass);
    s.campaign.plan = vec![heavenly_horses::scenario::types::PlanStep::Rest(200)];
    let app = common::run(&s, 3);
    let (day, end, men) = gone(&app).expect("it leaves the field");
    assert_eq!(end, EnemyEnd::Scattered);
    assert!(men < 2000, "it lost men to hunger and desertion: {men}");
    assert!(day > 3, "it took days to starve: {day}");
    assert!(battles(&app, BattleKind::NightAttack).is_empty());
}

#[test]
fn harassers_strong_enough_fall_on_the_camp_by_night_and_weak_ones_shadow() {
    // 8,000 horse dare attack a column of 3,500; 300 do not, and shadow it.
    let strong = common::run(
        &tutorial_with("Horde", 8000, "yumen_pass", 60.0, EnemyAim::Harass),
        5,
    );
    let night = battles(&strong, BattleKind::NightAttack);
    assert!(!night.is_empty(), "they attack by night");
    if night.len() > 1 {
        assert!(
            night[1].0 - night[0].0 >= 3,
            "every 3 days at most: {night:?}"
        );
    }
    let weak = common::run(
        &tutorial_with("Scouts", 300, "yumen_pass", 60.0, EnemyAim::Harass),
        5,
    );
    assert!(battles(&weak, BattleKind::NightAttack).is_empty());
    assert!(
        common::events(&weak)
            .iter()
            .any(|e| matches!(e, SimEvent::EnemyShadows { .. })),
        "they shadow the column"
    );
}

#[test]
fn a_force_engages_a_band_at_its_place_and_routs_it() {
    let s = tutorial_with("Scouts", 300, "yumen_pass", 60.0, EnemyAim::Harass);
    let mut game = Game::new(s, 2);
    let column = "The Loulan column";
    // Nothing to engage at Dunhuang on the first day.
    let why = common::refused(&mut game, column, "engage");
    assert!(why.contains("no enemy in the field at Dunhuang"), "{why}");
    // The scouts ride to the column and shadow it; it turns on them.
    for _ in 0..10 {
        game.advance(Advance::Days(1));
        let here = common::of::<Location>(&game, column);
        let mut q = game.world().query::<&EnemyForce>();
        if q.iter(game.world_ref()).any(|e| e.location == here) {
            break;
        }
    }
    common::give(&mut game, column, "engage");
    game.advance(Advance::Days(1));
    let chronicle = game
        .world_ref()
        .resource::<heavenly_horses::sim::Chronicle>();
    let engaged = chronicle.0.iter().find_map(|l| match &l.event {
        SimEvent::Battle(b) if b.kind == BattleKind::Engage => Some(*b),
        _ => None,
    });
    let b = engaged.expect("the column attacks");
    assert!(b.won, "3,500 rout 300: {b:?}");
    assert!(b.enemy_killed + b.enemy_captured > 50, "{b:?}");
    assert!(
        chronicle.0.iter().any(|l| matches!(
            l.event,
            SimEvent::EnemyGone {
                end: EnemyEnd::Scattered,
                ..
            }
        )),
        "the scouts scatter"
    );
    let r = game.report();
    assert!(
        r.chronicle
            .iter()
            .any(|l| l.text.contains("attacks Scouts and routs them")),
        "the chronicle tells it"
    );
}

#[test]
fn a_relief_finding_no_siege_goes_in_to_hold_the_walls() {
    let mut s = tutorial_with(
        "Xiongnu horse",
        2000,
        "yumen_pass",
        30.0,
        EnemyAim::Relieve("loulan".into()),
    );
    s.campaign.plan = vec![heavenly_horses::scenario::types::PlanStep::Rest(100)];
    let mut before = Game::new(s.clone(), 1);
    let soldiers = |g: &mut Game| {
        let mut q = g.world().query::<&OasisState>();
        q.iter(g.world_ref())
            .find(|st| st.id == "loulan")
            .map(|st| st.soldiers)
            .unwrap()
    };
    let at_start = soldiers(&mut before);
    let app = common::run(&s, 1);
    let entered = common::events(&app).into_iter().find_map(|e| match e {
        SimEvent::EnemyEntersCity { men, .. } => Some(men),
        _ => None,
    });
    let men = entered.expect("it goes into Loulan");
    assert!(men > 1500 && men <= 2000, "{men}");
    let mut q = app.world().try_query::<&OasisState>().unwrap();
    let now = q
        .iter(app.world())
        .find(|st| st.id == "loulan")
        .map(|st| st.soldiers)
        .unwrap();
    assert_eq!(now, at_start + men);
}

#[test]
fn a_relief_that_finds_the_city_besieged_falls_on_the_besieger() {
    // Raised on the third day of the siege of Loulan, 6,000 horse come out of the country about
    // the city.
    let mut s = tutorial_with(
        "Xiongnu horse",
        6000,
        "loulan",
        30.0,
        EnemyAim::Relieve("loulan".into()),
    );
    s.campaign.events[0].when = Trigger::SiegeDays("loulan".into(), 3);
    let mut fought = 0;
    for seed in 1..=5 {
        let app = common::run(&s, seed);
        let reliefs = battles(&app, BattleKind::Relief);
        let raised = common::events(&app)
            .iter()
            .any(|e| matches!(e, SimEvent::EnemyInField { .. }));
        if raised {
            assert!(
                !reliefs.is_empty(),
                "seed {seed}: the relief attacks the siege lines"
            );
            fought += 1;
        }
    }
    assert!(
        fought > 0,
        "a siege lasted three days in at least one of five runs"
    );
}

#[test]
fn the_ai_commander_rides_out_against_a_band_it_would_beat_and_not_one_it_might_not() {
    use heavenly_horses::runner;
    use heavenly_horses::sim::campaign::Commander;
    let s = tutorial_with("Scouts", 300, "yumen_pass", 60.0, EnemyAim::Harass);
    assert!(s.rules.commander.engage_chance < 1.0);
    let app = runner::run(&s, 2, Commander::Ai);
    let engaged = battles(&app, BattleKind::Engage);
    let (_, first) = engaged.first().expect("the column turns on the scouts");
    assert!(first.won, "3,500 rout 300: {first:?}");
    // A commander that never attacks first lets them be.
    let mut cautious = s.clone();
    cautious.rules.commander.engage_chance = 1.0;
    let app = runner::run(&cautious, 2, Commander::Ai);
    assert!(battles(&app, BattleKind::Engage).is_empty());
}
