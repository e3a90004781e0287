//! The consumption and carrying rules, pinned to the sourced figures in the shipped rules file
//! (reference/logistics.md and history.md §3b).

use std::path::Path;

use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::logistics::{
    animals_for_meat, capacity, daily_need, hunger_death_rate, march_km,
};
use heavenly_horses::scenario::types::{AnimalKind, MenDef, Pace, PerAnimal, Rules};
use heavenly_horses::scenario::units::Kg;

fn rules() -> Rules {
    Scenario::load(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/second_expedition_102bc.ron"),
    )
    .unwrap()
    .rules
}

fn animals(horses: u32, oxen: u32, donkeys: u32, camels: u32) -> PerAnimal<u32> {
    PerAnimal {
        horses,
        oxen,
        donkeys,
        camels,
    }
}

#[test]
fn a_man_eats_about_a_kilogram_of_grain_and_drinks_two_litres() {
    let need = daily_need(&rules(), 1, 0, &animals(0, 0, 0, 0));
    // Juyan slips: ≈6.7 sheng of husked millet ≈ 0.9-1.1 kg; Engels: 2 quarts of water.
    assert!(
        (0.9..=1.1).contains(&need.men_grain.0),
        "{}",
        need.men_grain.0
    );
    assert!((need.men_water.0 - 2.3).abs() < 0.05);
    let army = daily_need(&rules(), 60_000, 0, &animals(0, 0, 0, 0));
    assert!(
        (army.men_grain.0 / 1000.0 - 60.0).abs() < 6.0,
        "60,000 men eat ≈60 t a day"
    );
}

#[test]
fn loads_follow_engels_and_galton() {
    let r = rules();
    let men = MenDef::default();
    assert_eq!(
        capacity(&r, &men, &animals(0, 0, 0, 1), 0),
        Kg(136.0),
        "a camel: 300 lb"
    );
    assert_eq!(
        capacity(&r, &men, &animals(1, 0, 0, 0), 0),
        Kg(91.0),
        "a pack horse: 200 lb"
    );
    assert_eq!(
        capacity(&r, &men, &animals(0, 0, 1, 0), 0),
        Kg(50.0),
        "a donkey: 50 kg"
    );
    let rider = MenDef {
        infantry: 0,
        cavalry: 1,
    };
    assert_eq!(
        capacity(&r, &rider, &animals(1, 0, 0, 0), 0),
        Kg(13.6),
        "a ridden horse carries no baggage"
    );
}

#[test]
fn an_animal_eats_about_a_tenth_of_its_load() {
    // Engels's 1:10 law: an animal's daily feed is about a tenth of what it carries.
    let r = rules();
    for (kind, a) in [
        ("horse", animals(1, 0, 0, 0)),
        ("camel", animals(0, 0, 0, 1)),
        ("donkey", animals(0, 0, 1, 0)),
    ] {
        let need = daily_need(&r, 0, 0, &a);
        let feed = need.feed.horses + need.feed.camels + need.feed.donkeys;
        let load = capacity(&r, &MenDef::default(), &a, 0);
        assert!(
            (0.07..=0.13).contains(&(feed / load)),
            "{kind}: {feed} kg a day for {load} kg"
        );
    }
    let ox = daily_need(&r, 0, 0, &animals(0, 1, 0, 0));
    assert!(
        (ox.feed.oxen.0 - 24.0).abs() < 0.5,
        "a working ox: 3 jun 6 jin of fodder (Zhangjiashan's draught ox)"
    );
}

#[test]
fn an_ox_feeds_about_a_hundred_men_for_a_day() {
    let r = rules();
    assert_eq!(r.meat_kg.oxen, Kg(150.0));
    // 150 kg of meat at ≈2,500 against ≈3,400 kcal/kg of grain stands for
    // 111 kg of grain: 111 men-days.
    assert_eq!(animals_for_meat(&r, AnimalKind::Oxen, Kg(111.0), 10), 1);
    assert_eq!(animals_for_meat(&r, AnimalKind::Oxen, Kg(112.0), 10), 2);
    assert_eq!(animals_for_meat(&r, AnimalKind::Oxen, Kg(225.0), 10), 3);
    assert_eq!(
        animals_for_meat(&r, AnimalKind::Oxen, Kg(1e9), 10),
        10,
        "never more oxen than there are"
    );
}

#[test]
fn a_column_marches_at_its_slowest_elements_pace() {
    let r = rules();
    let light = march_km(&r, 1000, &animals(100, 0, 0, 0), 0, 1.0, 1.0, Pace::Light);
    assert!(
        (light.0 - 20.8).abs() < 1e-9,
        "men on a light march: 50 li a day"
    );
    let heavy = march_km(&r, 1000, &animals(100, 10, 0, 0), 0, 1.0, 1.0, Pace::Light);
    assert!((heavy.0 - 18.0).abs() < 1e-9, "oxen set the pace");
    assert!(
        march_km(&r, 1000, &animals(0, 10, 0, 0), 0, 0.5, 1.0, Pace::Light) < heavy,
        "a pass slows the march"
    );
    assert!(
        march_km(&r, 1000, &animals(0, 10, 0, 0), 0, 1.0, 0.2, Pace::Light) < heavy,
        "starving men march slower"
    );
}

#[test]
fn hunger_kills_only_below_the_threshold() {
    let r = rules();
    let a = r.attrition;
    assert_eq!(
        hunger_death_rate(a.hunger_threshold, a.hunger_rate, 0.9),
        0.0
    );
    assert!(hunger_death_rate(a.hunger_threshold, a.hunger_rate, 0.3) > 0.0);
    assert!(
        (hunger_death_rate(a.hunger_threshold, a.hunger_rate, 0.0) - a.hunger_rate).abs() < 1e-12
    );
}

#[test]
fn an_ox_in_harness_draws_a_han_cart_at_the_carts_pace() {
    let r = rules();
    let cart = r.cart.expect("the Han army's rules have carts");
    let men = MenDef::default();
    // One ox and one cart: the cart's 25 shi, not the ox's pack.
    assert_eq!(capacity(&r, &men, &animals(0, 1, 0, 0), 1), cart.load_kg);
    assert_eq!(capacity(&r, &men, &animals(0, 1, 0, 0), 0), Kg(91.0));
    // A cart without its team carries nothing; the oxen left over carry packs.
    assert_eq!(
        capacity(&r, &men, &animals(0, 3, 0, 0), 5),
        Kg(3.0 * cart.load_kg.0)
    );
    assert_eq!(
        capacity(&r, &men, &animals(0, 3, 0, 0), 1),
        Kg(cart.load_kg.0 + 2.0 * 91.0)
    );
    let with_carts = march_km(&r, 100, &animals(0, 10, 0, 0), 10, 1.0, 1.0, Pace::Light);
    assert!(
        (with_carts.0 - cart.march_km.0).abs() < 1e-9,
        "the carts set the pace"
    );
    // Carts whose oxen are gone no longer hold the column back.
    let no_team = march_km(&r, 100, &animals(0, 0, 10, 0), 10, 1.0, 1.0, Pace::Light);
    assert!(no_team > with_carts);
}

#[test]
fn the_standard_day_is_thirty_li_and_a_forced_march_goes_further() {
    let r = rules();
    let a = animals(100, 0, 100, 0);
    let light = march_km(&r, 1000, &a, 0, 1.0, 1.0, Pace::Light);
    let standard = march_km(&r, 1000, &a, 0, 1.0, 1.0, Pace::Standard);
    let forced = march_km(&r, 1000, &a, 0, 1.0, 1.0, Pace::Forced);
    assert!((standard.0 - 12.5).abs() < 1e-9, "30 li a day [H72]");
    assert!((light.0 - 20.8).abs() < 1e-9, "50 li a day [H70]");
    assert!(forced > light);
    // The standard day never speeds a column slower than it.
    let slow = march_km(&r, 1000, &a, 0, 1.0, 0.0, Pace::Standard);
    assert!(slow <= standard);
}
