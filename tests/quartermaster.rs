//! The quartermaster's orders, each with its effect in the model: rations, punishing the
//! officers, slaughtering any kind of animal, handing goods to another force, and depots left
//! at a place and drawn on later.

mod common;

use common::{give, grain_t, of, refused};

use heavenly_horses::play::{Advance, Game, Order};
use heavenly_horses::scenario::types::{AnimalKind, PlanStep};
use heavenly_horses::sim::force::{Column, Condition, Stores};
use heavenly_horses::sim::map::Depot;
use heavenly_horses::sim::orders::Goods;

const ARMY: &str = "Li Guangli's army";

fn first() -> Game {
    Game::new(common::shipped("first_expedition_104bc.ron"), 3)
}

#[test]
fn an_army_on_short_rations_eats_less_grain_and_is_worse_fed() {
    let mut full = first();
    let mut short = first();
    give(&mut short, ARMY, "rations 0.5");
    for game in [&mut full, &mut short] {
        give(game, ARMY, "rest 20");
        game.advance(Advance::Days(20));
    }
    let start = 560.0;
    let (ate_full, ate_short) = (start - grain_t(&full, ARMY), start - grain_t(&short, ARMY));
    // What the men forage about the town goes further on half rations.
    assert!(
        ate_short < 0.6 * ate_full,
        "grain eaten in 20 days: {ate_full:.0} t on full rations, {ate_short:.0} t on half"
    );
    let (fed_full, fed_short) = (
        of::<Condition>(&full, ARMY).nourishment,
        of::<Condition>(&short, ARMY).nourishment,
    );
    assert!(
        fed_short < fed_full - 0.2,
        "nourishment {fed_full:.2} on full rations, {fed_short:.2} on half"
    );
    // The status tells the ration and counts the days of grain at it.
    let status = heavenly_horses::play::text::status(short.world_ref(), ARMY);
    assert!(status.contains("rations 50%"), "{status}");
    assert_eq!(
        refused(&mut short, ARMY, "rations 0.3"),
        "a ration is a share of the full one, from 0.5 to 1 ('rations 0.75', 'rations full')"
    );
}

#[test]
fn punished_officers_withhold_less_and_the_army_loses_heart() {
    let mut game = Game::new(common::second(), 1);
    let before = of::<Condition>(&game, ARMY);
    give(&mut game, ARMY, "punish");
    let after = of::<Condition>(&game, ARMY);
    assert!((after.corruption - before.corruption * 0.5).abs() < 1e-9);
    assert!((after.morale - (before.morale - 0.1)).abs() < 1e-9);
    // Twice punished, they withhold a quarter of what they did.
    give(&mut game, ARMY, "punish");
    assert!((of::<Condition>(&game, ARMY).corruption - before.corruption * 0.25).abs() < 1e-9);
}

#[test]
fn any_kind_of_animal_is_slaughtered_but_the_cavalry_keeps_its_mounts() {
    let mut game = first();
    let (donkeys, meat) = (
        of::<Column>(&game, ARMY).animals.donkeys,
        of::<Stores>(&game, ARMY).meat.0,
    );
    give(&mut game, ARMY, "slaughter 500 donkeys");
    assert_eq!(of::<Column>(&game, ARMY).animals.donkeys, donkeys - 500);
    // 60 kg of usable meat a donkey, in the rules.
    assert!((of::<Stores>(&game, ARMY).meat.0 - meat - 500.0 * 60.0).abs() < 1e-6);
    // 7,000 horses, 6,000 ridden: 1,000 spare.
    assert_eq!(
        refused(&mut game, ARMY, "slaughter 1001 horses"),
        "Li Guangli's army has 1000 horses to slaughter (the cavalry keeps its mounts); slaughter between 1 and that many"
    );
    give(&mut game, ARMY, "slaughter 1000 horses");
    assert_eq!(of::<Column>(&game, ARMY).animals.horses, 6000);
}

#[test]
fn goods_handed_between_forces_at_one_place_are_conserved() {
    let mut game = Game::new(common::second(), 2);
    give(&mut game, ARMY, "split Wang men 5000");
    game.advance(Advance::Days(1));
    // Both columns set out loaded to what they can carry: one must make room first.
    assert_eq!(
        refused(&mut game, "Wang", &format!("hand \"{ARMY}\" grain 100")),
        "it can carry only 0 t more; take less, or more pack animals"
    );
    give(&mut game, ARMY, "cache grain 300");
    let (army, wang) = (grain_t(&game, ARMY), grain_t(&game, "Wang"));
    let camels = of::<Column>(&game, ARMY).animals.camels;
    give(&mut game, "Wang", &format!("hand \"{ARMY}\" grain 100"));
    give(&mut game, ARMY, "hand Wang camels 500");
    assert!((grain_t(&game, ARMY) - army - 100.0).abs() < 1e-6);
    assert!((grain_t(&game, "Wang") - wang + 100.0).abs() < 1e-6);
    assert_eq!(of::<Column>(&game, ARMY).animals.camels, camels - 500);
    // More than it has, and to a force elsewhere, are refused with the reason.
    let too_much = refused(&mut game, "Wang", &format!("hand \"{ARMY}\" grain 100000"));
    assert!(too_much.starts_with("Wang has "), "{too_much}");
    give(&mut game, "Wang", "march yumen_pass");
    game.advance(Advance::Days(2));
    assert_eq!(
        refused(&mut game, ARMY, "hand Wang grain 10"),
        "Wang is not where Li Guangli's army is; goods are handed over at the same place"
    );
}

#[test]
fn a_depot_left_on_the_way_out_feeds_the_army_on_the_way_back() {
    let mut game = first();
    give(&mut game, ARMY, "march yumen_pass");
    game.advance(Advance::Turn);
    let carried = grain_t(&game, ARMY);
    give(&mut game, ARMY, "cache grain 150");
    assert!((grain_t(&game, ARMY) - (carried - 150.0)).abs() < 1e-6);
    let pass = game
        .world_ref()
        .resource::<heavenly_horses::sim::map::MapIndex>()
        .places["yumen_pass"];
    assert!((game.world_ref().get::<Depot>(pass).unwrap().grain.0 - 150_000.0).abs() < 1e-6);
    // Back at Dunhuang and out again: the depot is still there, and the army draws on it.
    give(&mut game, ARMY, "march dunhuang");
    give(&mut game, ARMY, "march yumen_pass");
    for _ in 0..4 {
        game.advance(Advance::Turn);
    }
    assert_eq!(
        refused(&mut game, ARMY, "draw grain 151"),
        "the depot here holds 150 t of grain"
    );
    let before = grain_t(&game, ARMY);
    give(&mut game, ARMY, "draw grain 150");
    assert!((grain_t(&game, ARMY) - before - 150.0).abs() < 1e-6);
    assert_eq!(
        *game.world_ref().get::<Depot>(pass).unwrap(),
        Depot::default()
    );
    assert_eq!(
        refused(&mut game, ARMY, "cache donkeys 10"),
        "only grain, fodder and water are left in a depot; animals are handed to a force"
    );
    let _ = (Goods::Grain, AnimalKind::Oxen, PlanStep::Return);
}

#[test]
fn a_detachment_takes_the_tonnes_it_is_given_and_no_more_than_it_can_carry() {
    let mut game = Game::new(common::second(), 4);
    let before = grain_t(&game, ARMY);
    // Water it takes as its share; grain as given.
    give(&mut game, ARMY, "split Wang men 6000 grain 500");
    game.advance(Advance::Days(1));
    assert!(
        (grain_t(&game, "Wang") - 500.0).abs() < 20.0,
        "{}",
        grain_t(&game, "Wang")
    );
    let eaten = before - grain_t(&game, ARMY) - grain_t(&game, "Wang");
    assert!(
        (0.0..100.0).contains(&eaten),
        "a day's grain of 60,000 men: {eaten} t"
    );
    // More than the force has, or than the detachment's men and animals can carry, is refused.
    let too_much = refused(&mut game, ARMY, "split Li men 1000 grain 99999");
    assert!(too_much.starts_with("Li Guangli's army has "), "{too_much}");
    let heavy = refused(&mut game, ARMY, "split Li men 1000 grain 2000");
    assert!(heavy.starts_with("it can carry only "), "{heavy}");
}

#[test]
fn a_force_buys_no_more_than_its_commander_allows() {
    use heavenly_horses::sim::state::{OasisState, Relation};
    // A column of 5,000 at Loulan with silk to pay, half its room free, and Loulan selling.
    let bought = |limit: Option<&str>| {
        let mut s = common::with_force(common::second(), "loulan", 5000, 50.0, 0, false, vec![]);
        s.campaign.forces[0].silk_bolts = 20000;
        let mut game = Game::new(s, 1);
        let loulan = game
            .world_ref()
            .resource::<heavenly_horses::sim::map::MapIndex>()
            .places["loulan"];
        let state = game
            .world_ref()
            .resource::<heavenly_horses::sim::map::MapIndex>()
            .state_at(loulan)
            .unwrap();
        game.world().get_mut::<OasisState>(state).unwrap().relation = Relation::Trading;
        let force = game.force_names()[0].clone();
        if let Some(order) = limit {
            give(&mut game, &force, order);
        }
        give(&mut game, &force, "rest 3");
        let before = grain_t(&game, &force);
        game.advance(Advance::Days(3));
        grain_t(&game, &force) - before
    };
    let free = bought(None);
    let held = bought(Some("buy grain 10"));
    assert!(free > 30.0, "bought freely: {free:.0} t");
    // It bought 10 t over the days, and ate its grain meanwhile.
    assert!(
        held < 10.5 && held < free - 20.0,
        "bought with a limit of 10 t: {held:.1} t net"
    );
    assert_eq!(
        "buy horses 10".parse::<Order>().map_err(|_| ()),
        Err(()),
        "only grain and fodder are for sale"
    );
}
