//! Supply beyond what a column carries, by order: foraging parties sent out from a camp, and
//! convoys sent up the road from the base; each with its effect in the model and its limits.

mod common;

use common::{give, grain_t, of, refused};

use heavenly_horses::play::{Advance, Game, view};
use heavenly_horses::sim::base::Base;
use heavenly_horses::sim::force::{Column, Ledger, Stores};
use heavenly_horses::sim::log::{Provision, SimEvent};
use heavenly_horses::sim::map::{MapIndex, Route};
use heavenly_horses::sim::state::{OasisState, Relation};

const ARMY: &str = "Li Guangli's army";

fn first(seed: u64) -> Game {
    Game::new(common::shipped("first_expedition_104bc.ron"), seed)
}

/// Grain and fodder carried, tonnes.
fn food_and_fodder_t(game: &Game, force: &str) -> f64 {
    let s = of::<Stores>(game, force);
    (s.grain.0 + s.fodder.0) / 1000.0
}

/// The wild food standing along the roads from `place`, kg.
fn road_forage(game: &Game, place: &str) -> f64 {
    let world = game.world_ref();
    let index = world.resource::<MapIndex>();
    let at = index.places[place];
    index
        .routes_from(at)
        .iter()
        .map(|r| world.get::<Route>(*r).unwrap().forage.0)
        .sum()
}

/// The foraging parties' returns told in the chronicle: (food, fodder, men lost), summed.
fn foraged(game: &Game) -> (f64, f64, u32) {
    let chronicle = game
        .world_ref()
        .resource::<heavenly_horses::sim::Chronicle>();
    chronicle
        .0
        .iter()
        .filter_map(|l| match &l.event {
            SimEvent::Provisioned {
                what: Provision::Foraged { food, fodder, lost },
                ..
            } => Some((food.0, fodder.0, *lost)),
            _ => None,
        })
        .fold((0.0, 0.0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
}

#[test]
fn foraging_parties_bring_in_what_the_roads_about_the_camp_hold_and_strip_them() {
    // Out at Yumen Pass with room in the load, resting or foraging for five days.
    let ready = |order: &str| {
        let mut game = first(5);
        give(&mut game, ARMY, "march yumen_pass");
        game.advance(Advance::Turn);
        give(&mut game, ARMY, "cache grain 200");
        let before = road_forage(&game, "yumen_pass");
        give(&mut game, ARMY, order);
        game.advance(Advance::Days(5));
        (game, before)
    };
    let (rested, _) = ready("rest 5");
    let (foraged_game, standing) = ready("forage 5");
    let (food, fodder, lost) = foraged(&foraged_game);
    assert!(
        food > 0.0 && fodder > 0.0,
        "food {food} kg, fodder {fodder} kg"
    );
    // Nothing hostile about the pass: no one is lost.
    assert_eq!(lost, 0);
    // What they brought in was eaten that day or carried: the stores are fuller than resting,
    // by no more than it.
    let brought = (food + fodder) / 1000.0;
    let gained = food_and_fodder_t(&foraged_game, ARMY) - food_and_fodder_t(&rested, ARMY);
    assert!(
        gained > 0.2 * brought && gained <= brought + 0.5,
        "the parties brought in {brought:.1} t; the stores are {gained:.1} t fuller than resting"
    );
    // The roads' wild food is what they took (less what grew back), and the status and the
    // chronicle say what the parties do.
    let left = road_forage(&foraged_game, "yumen_pass");
    assert!(left < standing, "{standing} kg before, {left} kg after");
    let line = heavenly_horses::play::text::log(foraged_game.world_ref());
    assert!(line.contains("foraging parties bring in"), "{line}");
}

#[test]
fn parties_about_a_town_that_shut_its_gates_are_picked_off() {
    // A column of 5,000 at Loulan, whose gates are shut or open.
    let lost = |relation: Relation| {
        let s = common::with_force(common::second(), "loulan", 5000, 20.0, 0, false, vec![]);
        let mut game = Game::new(s, 7);
        let world = game.world();
        let state = {
            let index = world.resource::<MapIndex>();
            index.state_at(index.places["loulan"]).unwrap()
        };
        world.get_mut::<OasisState>(state).unwrap().relation = relation;
        let force = game.force_names()[0].clone();
        give(&mut game, &force, "forage 10");
        game.advance(Advance::Days(10));
        let combat = of::<Ledger>(&game, &force).men_lost.combat;
        assert_eq!(combat, foraged(&game).2);
        combat
    };
    assert_eq!(lost(Relation::Submitted), 0);
    // 1,000 men out for ten days at 1 in 500 a day: about 20.
    let shut = lost(Relation::Refused);
    assert!((5..=40).contains(&shut), "{shut} men lost");
}

#[test]
fn a_convoy_from_the_base_marches_up_the_road_eating_its_cargo_and_joins_the_army() {
    // The army at Yumen Pass, resting; one twin sends for a convoy, the other does not.
    let at_the_pass = || {
        let mut game = first(2);
        give(&mut game, ARMY, "march yumen_pass");
        game.advance(Advance::Turn);
        give(&mut game, ARMY, "rest 20");
        game
    };
    let mut alone = at_the_pass();
    let mut game = at_the_pass();
    let base = game.world_ref().resource::<Base>().reserve.clone();
    // The base holds what the muster's limits hold beyond the historical army.
    let campaign = &game
        .world_ref()
        .resource::<heavenly_horses::sim::ActiveScenario>()
        .0
        .campaign;
    let (limit, taken) = (
        campaign.muster.as_ref().unwrap().animals.donkeys,
        campaign.forces[0].animals.donkeys,
    );
    assert_eq!(base.animals.donkeys, limit - taken);
    give(&mut game, ARMY, "convoy men 300 donkeys 2000 grain 60");
    let convoy = format!("{ARMY} convoy 1");
    assert!(view::find_force(game.world_ref(), &convoy).is_some());
    let reserve = &game.world_ref().resource::<Base>().reserve;
    assert_eq!(reserve.animals.donkeys, base.animals.donkeys - 2000);
    assert!((reserve.stores.grain_t.0 - (base.stores.grain_t.0 - 60.0)).abs() < 1e-9);
    alone.advance(Advance::Days(8));
    game.advance(Advance::Days(8));
    // It has joined: its men and donkeys are the army's, and its grain, less what it ate.
    assert!(view::find_force(game.world_ref(), &convoy).is_none());
    let chronicle = heavenly_horses::play::text::log(game.world_ref());
    assert!(chronicle.contains("sets out from the base"), "{chronicle}");
    let ledger = of::<Ledger>(&game, ARMY);
    // Some donkeys died on the desert road.
    assert!(
        (1800..=2000).contains(&ledger.animals_in.donkeys),
        "{} donkeys joined",
        ledger.animals_in.donkeys
    );
    assert!(ledger.men_in >= 295, "{} men joined", ledger.men_in);
    let more = grain_t(&game, ARMY) - grain_t(&alone, ARMY);
    assert!(
        (30.0..60.0).contains(&more),
        "the army has {more:.1} t more grain than without the convoy, of the 60 t sent"
    );
    let donkeys =
        of::<Column>(&game, ARMY).animals.donkeys - of::<Column>(&alone, ARMY).animals.donkeys;
    assert!(donkeys >= 1800, "{donkeys} more donkeys");
}

#[test]
fn a_convoy_is_refused_what_the_base_has_not_or_its_animals_cannot_carry() {
    let mut game = first(1);
    give(&mut game, ARMY, "march yumen_pass");
    game.advance(Advance::Turn);
    let donkeys = game.world_ref().resource::<Base>().reserve.animals.donkeys;
    assert_eq!(
        refused(
            &mut game,
            ARMY,
            &format!("convoy men 100 donkeys {}", donkeys + 1)
        ),
        format!("the base holds only {donkeys} donkeys")
    );
    let heavy = refused(&mut game, ARMY, "convoy men 100 donkeys 100 grain 500");
    assert!(
        heavy.starts_with("the convoy's men and animals carry only "),
        "{heavy}"
    );
    assert_eq!(
        refused(&mut game, ARMY, "convoy donkeys 100 grain 1"),
        "a convoy needs men to drive and guard it ('convoy men 200 donkeys 1000 grain 40')"
    );
    // A campaign without a muster has no base.
    let mut s = common::second();
    s.campaign.muster = None;
    let mut game = Game::new(s, 1);
    assert_eq!(
        refused(&mut game, ARMY, "convoy men 100 donkeys 100 grain 1"),
        "this campaign has no base to send a convoy from (its scenario has no muster)"
    );
}
