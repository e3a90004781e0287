//! Checks of a rules file: every terrain and water source has one rule, and every number is
//! within its bounds (rations, loads and stores not negative, shares from 0 to 1, speeds above
//! 0, days within a century).

use super::{Checker, MAX_DAYS, MAX_TREASURE};
use crate::scenario::source::{Problem, SourceFile};
use crate::scenario::types::{AnimalKind, Rules, Terrain, Water};

const TERRAINS: [Terrain; 7] = [
    Terrain::Oasis,
    Terrain::RiverValley,
    Terrain::Steppe,
    Terrain::Gobi,
    Terrain::Desert,
    Terrain::Mountains,
    Terrain::Pass,
];
const WATERS: [Water; 5] = [
    Water::None,
    Water::Brackish,
    Water::Wells,
    Water::Springs,
    Water::River,
];

/// A day's food, water or fodder for one man or animal, kg or litres: at most this.
const MAX_RATION: f64 = 1000.0;
/// A day's march, km: at most this.
const MAX_MARCH: f64 = 1000.0;
/// A load, kg: at most this.
const MAX_LOAD: f64 = 10_000.0;
/// A weight of the diplomacy's logit: at most this either way.
const MAX_WEIGHT: f64 = 1000.0;

/// Checks the rules.
pub fn rules(src: &SourceFile, rules: &Rules) -> Vec<Problem> {
    let mut c = Checker::new(src);
    c.finite_everywhere();
    for t in TERRAINS {
        match rules.terrain.iter().filter(|r| r.terrain == t).count() {
            0 => c.problem(
                "terrain",
                format!(
                    "no rule for terrain {t:?}; add ( terrain: {t:?}, speed: …, grazing_t: …, food_t: …, exposure: …, animal_exposure: … )"
                ),
            ),
            1 => {}
            _ => {
                let i = rules.terrain.iter().rposition(|r| r.terrain == t).unwrap_or(0);
                c.problem(
                    format!("terrain[{i}].terrain"),
                    format!("terrain {t:?} has more than one rule; give it one"),
                );
            }
        }
    }
    for (i, r) in rules.terrain.iter().enumerate() {
        let at = |f: &str| format!("terrain[{i}].{f}");
        c.positive(at("speed"), r.speed, 10.0);
        c.within(at("grazing_t"), r.grazing_t.0, 0.0, 1e7);
        c.within(at("food_t"), r.food_t.0, 0.0, 1e7);
        c.share(at("exposure"), r.exposure);
        c.share(at("animal_exposure"), r.animal_exposure);
    }
    for w in WATERS {
        match rules.water.iter().filter(|r| r.water == w).count() {
            0 => c.problem(
                "water",
                format!(
                    "no rule for water {w:?}; add ( water: {w:?}, litres_per_day: …, disease: … )"
                ),
            ),
            1 => {}
            _ => {
                let i = rules.water.iter().rposition(|r| r.water == w).unwrap_or(0);
                c.problem(
                    format!("water[{i}].water"),
                    format!("water {w:?} has more than one rule; give it one"),
                );
            }
        }
    }
    for (i, r) in rules.water.iter().enumerate() {
        c.within(
            format!("water[{i}].litres_per_day"),
            r.litres_per_day.0,
            0.0,
            1e13,
        );
        c.share(format!("water[{i}].disease"), r.disease);
    }
    // Rations, loads, speeds and meat, by kind.
    let man = &rules.rations.man;
    c.within("rations.man.grain_kg", man.grain_kg.0, 0.0, MAX_RATION);
    c.within("rations.man.fodder_kg", man.fodder_kg.0, 0.0, MAX_RATION);
    c.within("rations.man.water_l", man.water_l.0, 0.0, MAX_RATION);
    for kind in AnimalKind::ALL {
        let k = kind.name();
        let r = rules.rations.animals.get(kind);
        c.within(
            format!("rations.animals.{k}.grain_kg"),
            r.grain_kg.0,
            0.0,
            MAX_RATION,
        );
        c.within(
            format!("rations.animals.{k}.fodder_kg"),
            r.fodder_kg.0,
            0.0,
            MAX_RATION,
        );
        c.within(
            format!("rations.animals.{k}.water_l"),
            r.water_l.0,
            0.0,
            MAX_RATION,
        );
        c.within(
            format!("loads_kg.{k}"),
            rules.loads_kg.get(kind).0,
            0.0,
            MAX_LOAD,
        );
        c.positive(
            format!("march_km.{k}"),
            rules.march_km.get(kind).0,
            MAX_MARCH,
        );
        c.within(
            format!("meat_kg.{k}"),
            rules.meat_kg.get(kind).0,
            0.0,
            MAX_LOAD,
        );
        c.positive(
            format!("attrition.thirst_days.{k}"),
            *rules.attrition.thirst_days.get(kind),
            365.0,
        );
    }
    c.positive("standard_march_km", rules.standard_march_km.0, MAX_MARCH);
    c.positive("man_march_km", rules.man_march_km.0, MAX_MARCH);
    c.share("march_fitness_floor", rules.march_fitness_floor);
    c.within(
        "men_water_reserve_days",
        rules.men_water_reserve_days,
        0.0,
        365.0,
    );
    c.within("man_load_kg", rules.man_load_kg.0, 0.0, MAX_LOAD);
    c.count("rest_every_days", rules.rest_every_days, 1, 365);
    c.share("slaughter_pack_below", rules.slaughter_pack_below);
    c.within(
        "quartermaster.least_ration",
        rules.quartermaster.least_ration,
        0.01,
        1.0,
    );
    c.share("quartermaster.punish_cut", rules.quartermaster.punish_cut);
    c.share(
        "quartermaster.punish_morale",
        rules.quartermaster.punish_morale,
    );
    c.within(
        "meat_grain_equivalent",
        rules.meat_grain_equivalent,
        0.0,
        10.0,
    );
    c.share("meat_spoilage", rules.meat_spoilage);
    c.share("carcass_meat", rules.carcass_meat);
    c.within("pasture_days", rules.pasture_days, 0.0, 3650.0);
    c.within("forage.stock_days", rules.forage.stock_days, 0.0, 3650.0);
    c.within(
        "forage.regrowth_days",
        rules.forage.regrowth_days,
        1.0,
        36500.0,
    );
    c.share("forage.shut_town_share", rules.forage.shut_town_share);
    c.within(
        "animal_grain_reserve_days",
        rules.animal_grain_reserve_days,
        0.0,
        3650.0,
    );
    let by = &rules.attrition.by_activity;
    for (name, v) in [
        ("marching", by.marching),
        ("camped", by.camped),
        ("hosted", by.hosted),
        ("held", by.held),
    ] {
        c.within(format!("attrition.by_activity.{name}"), v, 0.0, 100.0);
    }
    if let Some(e) = &rules.embassy {
        for (name, v) in [
            ("welcome", e.welcome),
            ("alliance", e.alliance),
            ("attitude_weight", e.attitude_weight),
            ("rival_weight", e.rival_weight),
            ("introduced", e.introduced),
        ] {
            c.within(format!("embassy.{name}"), v, -100.0, 100.0);
        }
        for (name, v) in [
            ("detain_share", e.detain_share),
            ("seize_per_day", e.seize_per_day),
            ("seized_killed", e.seized_killed),
            ("escape_per_day", e.escape_per_day),
            ("escape_share", e.escape_share),
        ] {
            c.share(format!("embassy.{name}"), v);
        }
        c.within("embassy.held_fed_days", e.held_fed_days, 0.0, 3650.0);
        c.within("embassy.watched_days", e.watched_days, 0.0, 36500.0);
    }
    let a = &rules.attrition;
    for (name, v) in [
        ("nourishment_memory", a.nourishment_memory),
        ("hunger_threshold", a.hunger_threshold),
        ("hunger_rate", a.hunger_rate),
        ("animal_hunger_rate", a.animal_hunger_rate),
        ("thirst_rate", a.thirst_rate),
        ("disease", a.disease),
        ("disease_hunger", a.disease_hunger),
        ("desertion", a.desertion),
        ("desertion_hunger", a.desertion_hunger),
        ("desertion_morale", a.desertion_morale),
    ] {
        c.share(format!("attrition.{name}"), v);
    }
    c.positive("attrition.man_thirst_days", a.man_thirst_days, 365.0);
    c.positive("attrition.thirst_recovery", a.thirst_recovery, 365.0);
    if let Some(t) = a.animal_hunger_threshold {
        c.share("attrition.animal_hunger_threshold", t);
    }
    c.share("siege.booty_food_share", rules.siege.booty_food_share);
    if let Some(x) = rules.flood_speed {
        c.positive("flood_speed", x, 1.0);
    }
    let seasons = |c: &mut Checker, at: &str, s: &crate::scenario::types::Seasons, hi: f64| {
        for (name, v) in [
            ("spring", s.spring),
            ("summer", s.summer),
            ("autumn", s.autumn),
            ("winter", s.winter),
        ] {
            c.within(format!("{at}.{name}"), v, 0.0, hi);
        }
    };
    c.share("attrition.morale_fed_floor", a.morale_fed_floor);
    c.share("attrition.morale_memory", a.morale_memory);
    seasons(
        &mut c,
        "attrition.exposure_by_season",
        &a.exposure_by_season,
        100.0,
    );
    seasons(
        &mut c,
        "attrition.water_by_season",
        &a.water_by_season,
        10.0,
    );
    seasons(
        &mut c,
        "forage.growth_by_season",
        &rules.forage.growth_by_season,
        100.0,
    );
    let d = &rules.diplomacy;
    for (name, v) in [
        ("power_weight", d.power_weight),
        ("attitude_weight", d.attitude_weight),
        ("prestige_weight", d.prestige_weight),
        ("xiongnu_weight", d.xiongnu_weight),
        ("hunger_weight", d.hunger_weight),
        ("bias", d.bias),
        ("sell_margin", d.sell_margin),
        ("victor_boldness", d.victor_boldness),
        ("gift_weight", d.gift_weight),
    ] {
        c.within(format!("diplomacy.{name}"), v, -MAX_WEIGHT, MAX_WEIGHT);
    }
    c.positive("diplomacy.hunger_days", d.hunger_days, f64::from(MAX_DAYS));
    c.within(
        "diplomacy.attack_boldness",
        d.attack_boldness,
        0.0,
        MAX_WEIGHT,
    );
    for (name, v) in [
        ("broken_promise", d.broken_promise),
        ("requisition_attitude", d.requisition_attitude),
        ("requisition_region_attitude", d.requisition_region_attitude),
        ("prestige_for_victory", d.prestige_for_victory),
        ("prestige_for_submission", d.prestige_for_submission),
        ("prestige_for_defeat", d.prestige_for_defeat),
    ] {
        c.within(format!("diplomacy.{name}"), v, 0.0, 2.0);
    }
    c.within("diplomacy.hostage_prestige", d.hostage_prestige, -1.0, 1.0);
    for (name, v) in [
        ("grain_per_household_kg", d.grain_per_household_kg.0),
        ("fodder_per_household_kg", d.fodder_per_household_kg.0),
        ("gift_cash_per_household", d.gift_cash_per_household),
        ("silk_bolt_cash", d.silk_bolt_cash),
        ("gold_jin_cash", d.gold_jin_cash),
        ("grain_price_cash_per_kg", d.grain_price_cash_per_kg),
        ("fodder_price_cash_per_kg", d.fodder_price_cash_per_kg),
    ] {
        c.within(format!("diplomacy.{name}"), v, 0.0, 1e9);
    }
    seasons(
        &mut c,
        "diplomacy.granary_by_season",
        &d.granary_by_season,
        1.0,
    );
    let s = &rules.siege;
    for (name, v) in [
        ("blockade_pressure", s.blockade_pressure),
        ("hunger_pressure", s.hunger_pressure),
        ("thirst_pressure", s.thirst_pressure),
        ("massacre_prestige", s.massacre_prestige),
        ("breach_morale", s.breach_morale),
    ] {
        c.within(format!("siege.{name}"), v, 0.0, 10.0);
    }
    c.within("siege.repulse_morale", s.repulse_morale, -10.0, 10.0);
    c.positive("siege.max_ratio", s.max_ratio, 1e6);
    for (name, v) in [
        ("city_food_days", s.city_food_days),
        ("cistern_days", s.cistern_days),
        ("lift_below_days", s.lift_below_days),
    ] {
        c.within(format!("siege.{name}"), v, 0.0, f64::from(MAX_DAYS));
    }
    c.count("siege.divert_days", s.divert_days, 0, MAX_DAYS);
    c.count("siege.give_up_days", s.give_up_days, 1, MAX_DAYS);
    if let Some(d) = s.press_assault_from {
        c.count("siege.press_assault_from", d, 0, MAX_DAYS);
    }
    c.count(
        "siege.assault_every_days",
        s.assault_every_days,
        1,
        MAX_DAYS,
    );
    for (name, v) in [
        ("horses_taken", s.horses_taken),
        ("sally_chance", s.sally_chance),
        ("sally_share", s.sally_share),
        ("sally_exposed", s.sally_exposed),
        ("assault_share", s.assault_share),
        ("terms.horses", s.terms.horses),
        ("terms.superior_horses", s.terms.superior_horses),
        ("terms.grain", s.terms.grain),
        (
            "terms.horses_killed_if_refused",
            s.terms.horses_killed_if_refused,
        ),
        ("terms.morale_if_refused", s.terms.morale_if_refused),
    ] {
        c.share(format!("siege.{name}"), v);
    }
    c.within(
        "siege.terms.new_king_attitude",
        s.terms.new_king_attitude,
        -1.0,
        1.0,
    );
    let b = &rules.battle;
    for (name, v) in [
        ("loser_losses", b.loser_losses),
        ("winner_losses", b.winner_losses),
        ("max_losses", b.max_losses),
        ("defeat_morale", b.defeat_morale),
        ("fitness_floor", b.fitness_floor),
        ("morale_floor", b.morale_floor),
        ("captured_share", b.captured_share),
        ("wound_deaths", b.wound_deaths),
    ] {
        c.share(format!("battle.{name}"), v);
    }
    c.within(
        "battle.wounded_per_killed",
        b.wounded_per_killed,
        0.0,
        100.0,
    );
    c.positive("battle.wound_days", b.wound_days, 3650.0);
    c.positive("battle.steepness", b.steepness, 100.0);
    c.positive("battle.cavalry_strength", b.cavalry_strength, 100.0);
    c.within("battle.wall_factor", b.wall_factor, 0.0, 100.0);
    c.within(
        "battle.crossbow_vs_cavalry",
        b.crossbow_vs_cavalry,
        0.0,
        100.0,
    );
    c.within("battle.relief_dare_ratio", b.relief_dare_ratio, 0.0, 1e6);
    c.within("battle.night_edge", b.night_edge, 0.0, 100.0);
    c.share("siege.leader_wounded", rules.siege.leader_wounded);
    c.share("siege.leader_wound_morale", rules.siege.leader_wound_morale);
    let k = &rules.commander;
    c.share("commander.retreat_share", k.retreat_share);
    c.share("commander.engage_chance", k.engage_chance);
    c.count("commander.gift_bolts", k.gift_bolts, 0, MAX_TREASURE);
    c.count("commander.siege_days", k.siege_days, 1, MAX_DAYS);
    c.count(
        "commander.assault_from_day",
        k.assault_from_day,
        0,
        MAX_DAYS,
    );
    c.out
}
