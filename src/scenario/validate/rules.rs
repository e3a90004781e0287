//! Checks of a rules file: every terrain and water source has a rule, shares are shares.

use super::{check_share, positive};
use crate::scenario::source::{Problem, SourceFile};
use crate::scenario::types::{Rules, Terrain, Water};

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

/// Checks the rules: every terrain and water source has a rule, shares are shares.
pub fn rules(src: &SourceFile, rules: &Rules) -> Vec<Problem> {
    let mut out = Vec::new();
    for t in TERRAINS {
        if !rules.terrain.iter().any(|r| r.terrain == t) {
            out.push(src.problem_at("terrain:", "terrain", format!("no rule for terrain {t:?}; add ( terrain: {t:?}, speed: …, grazing_t: …, exposure: …, animal_exposure: … )")));
        }
    }
    for w in WATERS {
        if !rules.water.iter().any(|r| r.water == w) {
            out.push(src.problem_at(
                "water:",
                "water",
                format!(
                    "no rule for water {w:?}; add ( water: {w:?}, litres_per_day: …, disease: … )"
                ),
            ));
        }
    }
    let a = &rules.attrition;
    for (name, v) in [
        ("nourishment_memory", a.nourishment_memory),
        ("hunger_threshold", a.hunger_threshold),
        ("hunger_rate", a.hunger_rate),
        ("animal_hunger_rate", a.animal_hunger_rate),
        ("thirst_rate", a.thirst_rate),
        ("disease", a.disease),
        ("desertion", a.desertion),
    ] {
        check_share(src, &mut out, &format!("attrition.{name}"), v, 0.0, 1.0);
    }
    let s = &rules.siege;
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
    ] {
        check_share(src, &mut out, &format!("siege.{name}"), v, 0.0, 1.0);
    }
    let b = &rules.battle;
    for (name, v) in [
        ("loser_losses", b.loser_losses),
        ("winner_losses", b.winner_losses),
        ("max_losses", b.max_losses),
        ("defeat_morale", b.defeat_morale),
    ] {
        check_share(src, &mut out, &format!("battle.{name}"), v, 0.0, 1.0);
    }
    if !positive(b.cavalry_strength) || !positive(b.steepness) {
        out.push(src.problem_at(
            "battle:",
            "battle",
            "steepness and cavalry_strength must be more than 0",
        ));
    }
    let g = &rules.diplomacy.granary_by_season;
    for (name, v) in [
        ("spring", g.spring),
        ("summer", g.summer),
        ("autumn", g.autumn),
        ("winter", g.winter),
    ] {
        check_share(
            src,
            &mut out,
            &format!("diplomacy.granary_by_season.{name}"),
            v,
            0.0,
            1.0,
        );
    }
    for (name, v) in [
        ("meat_spoilage", rules.meat_spoilage),
        ("carcass_meat", rules.carcass_meat),
    ] {
        check_share(src, &mut out, name, v, 0.0, 1.0);
    }
    let speeds = [
        rules.man_march_km.0,
        rules.march_km.horses.0,
        rules.march_km.oxen.0,
        rules.march_km.donkeys.0,
        rules.march_km.camels.0,
        rules.standard_march_km.0,
    ];
    if speeds.iter().any(|v| !positive(*v)) {
        out.push(src.problem_at(
            "march_km",
            "march_km",
            "every march must be more than 0 km a day",
        ));
    }
    out
}
