//! Settling the states by order: hostages demanded, and friendly kings put on their thrones, each
//! with its effect on the state, on the others and on the army's standing.

mod common;

use common::{give, refused};

use heavenly_horses::play::{Advance, Game};
use heavenly_horses::sim::Prestige;
use heavenly_horses::sim::diplomacy::submit_chance;
use heavenly_horses::sim::force::{Column, Condition, Stores, strength};
use heavenly_horses::sim::log::SimEvent;
use heavenly_horses::sim::map::MapIndex;
use heavenly_horses::sim::state::{OasisState, Relation, Remembered};

/// A column of 5,000 at Loulan, whose state stands as `relation`; the game and the force's name.
fn at_loulan(relation: Relation, seed: u64) -> (Game, String) {
    let s = common::with_force(common::second(), "loulan", 5000, 50.0, 0, false, vec![]);
    let mut game = Game::new(s, seed);
    set(&mut game, "loulan", |s| s.relation = relation);
    let force = game.force_names()[0].clone();
    (game, force)
}

/// Changes the state whose capital is at `place`.
fn set(game: &mut Game, place: &str, change: impl FnOnce(&mut OasisState)) {
    let world = game.world();
    let state = {
        let index = world.resource::<MapIndex>();
        index.state_at(index.places[place]).unwrap()
    };
    change(&mut world.get_mut::<OasisState>(state).unwrap());
}

/// The state whose capital is at `place`.
fn state(game: &Game, place: &str) -> OasisState {
    let world = game.world_ref();
    let index = world.resource::<MapIndex>();
    let state = index.state_at(index.places[place]).unwrap();
    world.get::<OasisState>(state).unwrap().clone()
}

fn prestige(game: &Game) -> f64 {
    game.world_ref().resource::<Prestige>().0
}

#[test]
fn a_state_that_submitted_sends_a_prince_and_the_xiongnu_lose_their_hold() {
    let (mut game, force) = at_loulan(Relation::Submitted, 1);
    set(&mut game, "loulan", |s| s.xiongnu_influence = 0.6);
    let before = prestige(&game);
    give(&mut game, &force, "hostage");
    game.advance(Advance::Days(1));
    let loulan = state(&game, "loulan");
    assert!(loulan.remembers(&Remembered::SentHostage));
    assert!((loulan.xiongnu_influence - 0.3).abs() < 1e-9);
    assert!((prestige(&game) - before - 0.02).abs() < 1e-9);
    assert_eq!(
        refused(&mut game, &force, "hostage"),
        "Loulan's prince is already held at court"
    );
    // The report lists it among the hostages sent to court.
    assert!(game.report().hostages.iter().any(|h| h == "Loulan"));
}

#[test]
fn a_state_that_only_sells_gives_a_prince_as_often_as_it_would_submit_or_shuts_its_gates() {
    let seeds = 1..=40u64;
    let mut complied = 0;
    let mut expected = 0.0;
    for seed in seeds.clone() {
        let (mut game, force) = at_loulan(Relation::Trading, seed);
        // The chance it would submit now, as the simulation reckons it.
        let world = game.world_ref();
        let rules = &world
            .resource::<heavenly_horses::sim::ActiveScenario>()
            .0
            .rules;
        let e = heavenly_horses::play::view::find_force(world, &force).unwrap();
        let (column, condition) = (
            world.get::<Column>(e).unwrap(),
            world.get::<Condition>(e).unwrap(),
        );
        let power = strength(&rules.battle, column, condition);
        let hunger = heavenly_horses::sim::diplomacy::want(
            rules,
            column,
            world.get::<Stores>(e).unwrap(),
            condition,
        );
        expected += submit_chance(
            &rules.diplomacy,
            power,
            hunger,
            &state(&game, "loulan"),
            prestige(&game),
        );
        give(&mut game, &force, "hostage");
        game.advance(Advance::Days(1));
        let loulan = state(&game, "loulan");
        let refused_event = game
            .world_ref()
            .resource::<heavenly_horses::sim::Chronicle>()
            .0
            .iter()
            .any(|l| matches!(l.event, SimEvent::HostageRefused { .. }));
        if loulan.relation == Relation::Submitted {
            // It now supplies without pay.
            assert!(loulan.remembers(&Remembered::SentHostage));
            assert!(!refused_event);
            complied += 1;
        } else {
            assert_eq!(loulan.relation, Relation::Refused, "seed {seed}");
            assert!(refused_event && !loulan.remembers(&Remembered::SentHostage));
        }
    }
    let runs = seeds.count() as f64;
    let share = f64::from(complied) / runs;
    let chance = expected / runs;
    assert!(
        (share - chance).abs() < 0.3,
        "complied in {complied} of {runs} runs; the chance was {chance:.2}"
    );
}

#[test]
fn a_friendly_king_makes_the_state_a_friend_and_the_others_warmer() {
    let (mut game, force) = at_loulan(Relation::Refused, 1);
    assert_eq!(
        refused(&mut game, &force, "king"),
        "Loulan has not submitted or been conquered: no king can be put on its throne"
    );
    set(&mut game, "loulan", |s| s.relation = Relation::Conquered);
    let before = (prestige(&game), state(&game, "qiuci").attitude);
    give(&mut game, &force, "king");
    game.advance(Advance::Days(1));
    let loulan = state(&game, "loulan");
    let terms = game
        .world_ref()
        .resource::<heavenly_horses::sim::ActiveScenario>()
        .0
        .rules
        .siege
        .terms
        .new_king_attitude;
    assert_eq!(loulan.relation, Relation::Submitted);
    assert!((loulan.attitude - terms).abs() < 1e-9);
    assert!(loulan.remembers(&Remembered::NewKing));
    assert!((prestige(&game) - before.0 - 0.05).abs() < 1e-9);
    assert!((state(&game, "qiuci").attitude - (before.1 + 0.05).min(1.0)).abs() < 1e-9);
    assert_eq!(
        refused(&mut game, &force, "king"),
        "Loulan already has a king friendly to the Han"
    );
    let log = heavenly_horses::play::text::log(game.world_ref());
    assert!(
        log.contains("puts a king friendly to the Han on the throne of Loulan"),
        "{log}"
    );
}
