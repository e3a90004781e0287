//! A forecast says what orders will cost before they are given: for the first marches of each
//! shipped campaign's historical plan, the forecast's days and what the army has on arrival are
//! within 10% of what the marches then cost in the median of many seeded campaigns.

mod common;

use heavenly_horses::play::forecast::{self, Holding};
use heavenly_horses::play::{Advance, Game, Order};
use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::PlanStep;
use heavenly_horses::sim::log::{Chronicle, SimEvent};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn scenario(name: &str) -> Scenario {
    Scenario::load(std::path::Path::new(ROOT).join("scenarios").join(name)).expect("shipped")
}

/// The main army's orders from the historical plan up to its `marches`th march (detachments,
/// waits and joins left out: the main army alone).
fn first_marches(s: &Scenario, marches: usize) -> Vec<Order> {
    let mut out = Vec::new();
    let mut n = 0;
    for step in &s.campaign.plan {
        match step {
            PlanStep::Detach { .. } | PlanStep::WaitFor { .. } | PlanStep::Join(_) => continue,
            PlanStep::March(_) => n += 1,
            _ => {}
        }
        out.push(Order::Step(step.clone()));
        if n == marches {
            break;
        }
    }
    out
}

/// The first `marches` marches made in the campaign of `seed` after `orders` are given: what
/// the army has on its last arrival (none if it did not arrive within a year, or left the
/// field), and its men dead of hunger or thirst on that last march.
struct Made {
    arrives: Option<Holding>,
    starved: u32,
}

fn made(s: &Scenario, seed: u64, orders: &[Order], marches: usize) -> Made {
    let mut game = Game::new(s.clone(), seed);
    let force = s.campaign.forces[0].name.clone();
    for order in orders {
        game.give(&force, order.clone())
            .expect("the plan's order is taken");
    }
    let (mut arrived, mut starved) = (0, 0u32);
    for _ in 0..365 {
        let from = game.world_ref().resource::<Chronicle>().0.len();
        game.advance(Advance::Days(1));
        let world = game.world_ref();
        let Some(e) = heavenly_horses::play::view::find_force(world, &force) else {
            break;
        };
        for l in world.resource::<Chronicle>().since(from) {
            match &l.event {
                SimEvent::MenLost { force, lost, .. } if *force == e && arrived + 1 == marches => {
                    starved += lost.hunger + lost.thirst;
                }
                SimEvent::Arrived { force, .. } if *force == e => arrived += 1,
                _ => {}
            }
        }
        if arrived >= marches {
            return Made {
                arrives: Some(forecast::holding(world, e)),
                starved,
            };
        }
    }
    Made {
        arrives: None,
        starved,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[(v.len() - 1) / 2]
}

/// `forecast` is within 10% of `actual` (or within `slack` of it, for figures near zero).
fn near(what: &str, forecast: f64, actual: f64, slack: f64) {
    let off = (forecast - actual).abs();
    assert!(
        off <= 0.1 * actual.abs() + slack,
        "{what}: forecast {forecast:.1}, median of the campaigns {actual:.1}"
    );
}

fn check(name: &str, marches: usize) {
    let s = scenario(name);
    let force = s.campaign.forces[0].name.clone();
    let orders = first_marches(&s, marches);
    let game = Game::new(s.clone(), s.campaign.seed);
    let f = forecast::forecast(game.world_ref(), &force, &orders).expect("a forecast");
    assert_eq!(f.legs.len(), marches, "{name}: {f:?}");
    let expected = f.legs.last().unwrap().arrives;
    let runs: Vec<Holding> = (1..=21)
        .map(|seed| {
            made(&s, seed, &orders, marches)
                .arrives
                .unwrap_or_else(|| panic!("seed {seed}: the army did not arrive within a year"))
        })
        .collect();
    // Each figure, how to read it off a holding, and the slack for figures near zero.
    let figures: [(&str, fn(&Holding) -> f64, f64); 7] = [
        ("arrival day", |h| f64::from(h.day), 1.0),
        ("men", |h| f64::from(h.men), 10.0),
        ("horses", |h| f64::from(h.horses), 10.0),
        (
            "oxen, donkeys and camels",
            |h| f64::from(h.other_animals),
            10.0,
        ),
        ("grain t", |h| h.grain.0 / 1e3, 1.0),
        ("fodder t", |h| h.fodder.0 / 1e3, 1.0),
        ("water t", |h| h.water.0 / 1e3, 1.0),
    ];
    for (what, get, slack) in figures {
        let campaigns = median(runs.iter().map(get).collect());
        near(what, get(&expected), campaigns, slack);
    }
}

#[test]
fn a_forecast_of_the_first_marches_of_104_bc_is_what_they_cost() {
    check("first_expedition_104bc.ron", 3);
}

#[test]
fn a_forecast_of_the_first_marches_of_102_bc_is_what_they_cost() {
    check("second_expedition_102bc.ron", 3);
}

#[test]
fn a_forecast_gives_no_orders_and_tells_nothing_of_the_draws_to_come() {
    let s = scenario("first_expedition_104bc.ron");
    let force = s.campaign.forces[0].name.clone();
    let orders = first_marches(&s, 2);
    let mut a = Game::new(s.clone(), 7);
    let mut b = Game::new(s.clone(), 7);
    let f = forecast::forecast(a.world_ref(), &force, &orders).expect("a forecast");
    assert!(a.actions().is_empty(), "a forecast gives no orders");
    for game in [&mut a, &mut b] {
        for order in &orders {
            game.give(&force, order.clone()).unwrap();
        }
        game.advance(Advance::Days(40));
    }
    assert_eq!(a.report(), b.report(), "a forecast changes nothing");
    assert!(!f.legs.is_empty());
}

#[test]
fn an_order_that_would_be_refused_gets_no_forecast_but_why() {
    let s = scenario("first_expedition_104bc.ron");
    let force = s.campaign.forces[0].name.clone();
    let game = Game::new(s.clone(), 1);
    let march = Order::Step(PlanStep::March("nowhere_at_all".to_string()));
    let why = forecast::forecast(game.world_ref(), &force, &[march]).unwrap_err();
    assert!(why.contains("nowhere_at_all"), "{why}");
    // A campaign that is over has nothing ahead.
    let mut over = Game::commanded_by(s.clone(), 1, heavenly_horses::sim::Commander::Historical);
    while over.ended().is_none() {
        over.advance(Advance::Days(100));
    }
    let why = forecast::forecast(over.world_ref(), &force, &[]).unwrap_err();
    assert!(why.contains("over"), "{why}");
}

#[test]
fn the_terminal_tells_a_forecast_and_the_road_ahead_in_the_status() {
    let saves = std::env::temp_dir().join(format!("hh-forecast-{}", std::process::id()));
    let input =
        "forecast march yumen_pass; march loulan\nmarch yumen_pass\nmarch loulan\nstatus\nquit\n";
    let text = common::play_text("first_expedition_104bc.ron", &saves, input);
    let _ = std::fs::remove_dir_all(&saves);
    let s = scenario("first_expedition_104bc.ron");
    let name = |id: &str| {
        s.map
            .places
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap()
    };
    let (yumen, loulan) = (name("yumen_pass"), name("loulan"));
    assert!(
        text.contains(&format!("-> {yumen}: sets out day 0")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{yumen} -> {loulan}: sets out day")),
        "{text}"
    );
    assert!(
        text.contains("ahead: "),
        "the status shows the road ahead: {text}"
    );
    assert!(text.contains(&format!("· {loulan} day ")), "{text}");
}

#[test]
fn the_reach_of_each_road_is_what_marching_it_costs() {
    use heavenly_horses::play::forecast::Verdict;
    let s = scenario("first_expedition_104bc.ron");
    let force = s.campaign.forces[0].name.clone();
    // The army at its first stop of the historical plan, free to march.
    let first = first_marches(&s, 1);
    let mut game = Game::new(s.clone(), s.campaign.seed);
    for order in &first {
        game.give(&force, order.clone()).unwrap();
    }
    while game.advance(Advance::Turn).days > 0 {
        let world = game.world_ref();
        let e = heavenly_horses::play::view::find_force(world, &force).unwrap();
        let idle = world
            .get::<heavenly_horses::sim::force::Orders>(e)
            .is_some_and(|o| o.queued().is_empty())
            && matches!(
                world.get::<heavenly_horses::sim::force::Activity>(e),
                Some(heavenly_horses::sim::force::Activity::Idle)
            );
        if idle {
            break;
        }
    }
    let roads = forecast::reach(game.world_ref(), &force).expect("a reach");
    assert!(roads.len() >= 2, "{roads:?}");
    let men = forecast::holding(
        game.world_ref(),
        heavenly_horses::play::view::find_force(game.world_ref(), &force).unwrap(),
    )
    .men;
    for road in &roads {
        let leg = road
            .leg
            .as_ref()
            .expect("every road out is marched to its end");
        // The same march made in 21 campaigns: the men it starves in the median one.
        let mut orders = first.clone();
        orders.push(Order::Step(PlanStep::March(road.to.clone())));
        let campaigns: Vec<Made> = (1..=21).map(|seed| made(&s, seed, &orders, 2)).collect();
        let mut starved: Vec<u32> = campaigns.iter().map(|m| m.starved).collect();
        starved.sort();
        let median = starved[starved.len() / 2];
        assert!(
            campaigns.iter().filter(|m| m.arrives.is_some()).count() > 10,
            "{}: most arrive",
            road.to
        );
        near(
            &format!("{}: men dead of hunger or thirst", road.to),
            f64::from(leg.starved),
            f64::from(median),
            f64::from(men) / 100.0,
        );
        if u64::from(median) * 200 > u64::from(men) * 3 {
            assert_eq!(road.verdict, Verdict::Not, "{}: {leg:?}", road.to);
        }
    }
}
