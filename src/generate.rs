//! Scenarios of any size, made up for measuring and testing: a grid of places joined to their
//! neighbours, an oasis state at every tenth place, a walled objective in the far corner, and
//! forces setting out from the near corner with a plan that marches there by the grid's edge,
//! asks the states on the way, lays siege and comes home. They use the rules file they are given
//! (the shipped one, say), and `validate` passes them.
//!
//! Nothing here is history: the names are made up (`p12`, `State 12`) and so are the numbers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The size of a made-up scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Places (the grid is as square as it can be).
    pub places: usize,
    /// Forces, each of the same make.
    pub forces: usize,
}

/// The grid's width for `places` places.
fn width(places: usize) -> usize {
    ((places as f64).sqrt().ceil() as usize).max(2)
}

/// The id of the place in row `r`, column `c`.
fn id(width: usize, r: usize, c: usize) -> String {
    format!("p{}", r * width + c)
}

/// The march from the first place: along the first row, then down the last column as far as
/// it goes.
fn path(places: usize) -> Vec<usize> {
    let w = width(places);
    let mut path: Vec<usize> = (1..w.min(places)).collect();
    let mut i = w - 1 + w;
    while i < places {
        path.push(i);
        i += w;
    }
    path
}

/// The place of the objective: the march's end.
fn objective(places: usize) -> usize {
    path(places).last().copied().unwrap_or(0)
}

/// The map file's text.
pub fn map_text(size: Size) -> String {
    let n = size.places.max(4);
    let w = width(n);
    let mut out =
        String::from("(\n    name: \"A made-up land\",\n    li_km: 0.4158,\n    places: [\n");
    for i in 0..n {
        let (r, c) = (i / w, i % w);
        let terrain = ["Oasis", "Steppe", "RiverValley", "Gobi"][i % 4];
        let _ = writeln!(
            out,
            "        (id: \"p{i}\", name: \"Place {i}\", lat: {:.3}, lon: {:.3}, terrain: {terrain}, water: River, grazing_t: 600.0),",
            30.0 + r as f64 * 0.2,
            60.0 + c as f64 * 0.2
        );
    }
    out.push_str("    ],\n    routes: [\n");
    for i in 0..n {
        let (r, c) = (i / w, i % w);
        if c + 1 < w && i + 1 < n {
            let _ = writeln!(
                out,
                "        (from: \"p{i}\", to: \"{}\", length: Km({}.0), terrain: Steppe, water: River),",
                id(w, r, c + 1),
                60 + (i * 7) % 40
            );
        }
        if i + w < n {
            let _ = writeln!(
                out,
                "        (from: \"p{i}\", to: \"{}\", length: Km({}.0), terrain: Gobi, water: Springs, waterless_days: 1.0),",
                id(w, r + 1, c),
                70 + (i * 11) % 40
            );
        }
    }
    out.push_str("    ],\n    states: [\n");
    let objective = objective(n);
    for i in (10..n)
        .step_by(10)
        .filter(|i| *i != objective)
        .chain([objective])
    {
        let walls = if i == objective { 1.5 } else { 0.5 };
        let soldiers = if i == objective {
            6000
        } else {
            300 + (i * 37) % 2000
        };
        let _ = writeln!(
            out,
            "        (id: \"s{i}\", name: \"State {i}\", place: \"p{i}\", households: {}, population: {}, soldiers: {soldiers},\n         walls: (outer: {walls}), city_water: River, attitude: 0.{}, xiongnu_influence: 0.3, horses: 3000),",
            soldiers * 2,
            soldiers * 8,
            i % 5
        );
    }
    out.push_str("    ],\n)\n");
    out
}

/// The campaign file's text, for a map file at `maps/NAME.ron` and rules at `rules/RULES.ron`.
pub fn campaign_text(size: Size, map: &str, rules: &str) -> String {
    let n = size.places.max(4);
    let objective = objective(n);
    let mut out = format!(
        "(\n    name: \"A made-up campaign of {} places and {} forces\",\n    description: \"Made up, for measuring.\",\n    map: \"{map}\",\n    rules: \"{rules}\",\n    start: (year_bc: 100, month: 4, day: 1),\n    seed: 1,\n    max_days: 900,\n    prestige: 0.0,\n    states: [],\n    forces: [\n",
        n, size.forces
    );
    for f in 0..size.forces.max(1) {
        let _ = writeln!(
            out,
            "        (name: \"Column {f}\", at: \"p0\", men: (infantry: 4000, cavalry: 1000),\n         animals: (horses: 1500, oxen: 2000, donkeys: 1000, camels: 200),\n         stores: (grain_t: 260.0, fodder_t: 60.0, water_m3: 40.0), morale: 0.7, corruption: 0.05),"
        );
    }
    let _ = write!(
        out,
        "    ],\n    objective: (capture: \"s{objective}\", home: \"p0\"),\n    retreat: (after_defeat: true, below_share: 0.1),\n    plan: [\n"
    );
    let path = path(n);
    for i in path {
        if i == objective {
            let _ = writeln!(out, "        March(\"p{i}\"), Besiege(days: 60),");
        } else if i % 10 == 0 {
            let _ = writeln!(out, "        March(\"p{i}\"), Request,");
        } else {
            let _ = writeln!(out, "        March(\"p{i}\"),");
        }
    }
    out.push_str("        Return,\n    ],\n    events: [],\n)\n");
    out
}

/// Writes a made-up scenario of `size` into `dir` (`campaign.ron`, `maps/generated.ron`, and
/// `rules/rules.ron` copied from `rules`), and returns the campaign file's path.
pub fn write(dir: &Path, size: Size, rules: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir.join("maps"))?;
    std::fs::create_dir_all(dir.join("rules"))?;
    std::fs::copy(rules, dir.join("rules/rules.ron"))?;
    std::fs::write(dir.join("maps/generated.ron"), map_text(size))?;
    let campaign = dir.join("campaign.ron");
    std::fs::write(
        &campaign,
        campaign_text(size, "maps/generated.ron", "rules/rules.ron"),
    )?;
    Ok(campaign)
}
