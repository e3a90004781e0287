//! Comparing campaigns: many seeded runs of each scenario on all cores, summarised figure by
//! figure (median and 10–90% range) beside the historical record the scenario carries.
//!
//! Run `i` of a comparison with seed `S` uses seed `S + i`, and results are gathered by run, so
//! the figures are the same whatever the number of threads.

use std::ops::Range;

use serde::Serialize;

mod csv;
mod table;

pub use csv::{csv_names, write_csv};
pub use table::render_table;

use super::CampaignReport;
use super::calibration::{self, Band};
pub use super::stats::quantile;
use crate::scenario::Scenario;
use crate::scenario::types::{Cause, Figure};
use crate::sim::{Commander, DailyRecord};

/// What one run came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunFigures {
    /// The run's seed.
    pub seed: u64,
    /// victory, retreat or destroyed.
    pub outcome: String,
    /// Days the campaign lasted.
    pub days: u32,
    /// The day the objective fell.
    pub objective_day: Option<u32>,
    /// Men of every column that reached the objective's city (before it fell, if it did).
    pub men_at_objective: Option<u32>,
    /// Days of the last siege of the objective.
    pub siege_days: Option<u32>,
    /// Horses taken.
    pub horses_obtained: u32,
    /// Men home.
    pub men_home: u32,
    /// Horses home.
    pub horses_home: u32,
    /// Men lost to hunger, thirst, exposure, disease, desertion, combat.
    pub losses: [u32; 7],
    /// The main army's first arrival at each place: name, men, horses.
    pub arrivals: Vec<(String, u32, u32)>,
    /// Each calibration band's measure in this run (none where the band does not count it).
    pub bands: Vec<Option<f64>>,
}

/// The causes of loss, in the order of [`RunFigures::losses`] and `MenLosses::by_cause`.
pub const CAUSES: [&str; 7] = [
    Cause::Hunger.name(),
    Cause::Thirst.name(),
    Cause::Exposure.name(),
    Cause::Disease.name(),
    Cause::Desertion.name(),
    Cause::Combat.name(),
    Cause::Captured.name(),
];

/// Reads a run of `s` off its report; `objective` is the objective's place name.
pub fn figures(s: &Scenario, r: &CampaignReport, _objective: &str) -> RunFigures {
    let mut arrivals: Vec<(String, u32, u32)> = Vec::new();
    for p in &r.places {
        if !arrivals.iter().any(|a| a.0 == p.name) {
            arrivals.push((p.name.clone(), p.men, p.horses));
        }
    }
    RunFigures {
        seed: r.seed,
        outcome: r.outcome.clone(),
        days: r.days,
        objective_day: r.objective_taken_day,
        men_at_objective: r.men_at_objective,
        siege_days: r.siege.as_ref().map(|s| s.days),
        horses_obtained: r.horses.obtained,
        men_home: r.men.returned,
        horses_home: r.horses.returned,
        losses: r.men.losses.by_cause(),
        arrivals,
        bands: band_defs(s)
            .iter()
            .map(|def| calibration::band_measure(def, r))
            .collect(),
    }
}

/// The calibration bands of a scenario's historical record.
fn band_defs(s: &Scenario) -> &[crate::scenario::types::BandDef] {
    s.campaign.history.as_ref().map_or(&[], |h| &h.bands)
}

/// The objective's place name in a scenario.
pub fn objective_place(s: &Scenario) -> String {
    let capture = s.campaign.objective.first_capture();
    s.map
        .states
        .iter()
        .find(|st| Some(st.id.as_str()) == capture)
        .and_then(|st| s.map.places.iter().find(|p| p.id == st.place))
        .map_or_else(String::new, |p| p.name.clone())
}

/// Plays one run and returns its report and daily record.
pub fn play_one(s: &Scenario, seed: u64, commander: Commander) -> (CampaignReport, DailyRecord) {
    let mut app = crate::runner::run(s, seed, commander);
    let record = app.world().resource::<DailyRecord>().clone();
    (super::build(app.world_mut()), record)
}

/// Plays runs `seeds` of a scenario on `threads` threads, calling `tick` after each, and returns
/// their figures in seed order.
pub fn run_many(
    s: &Scenario,
    commander: Commander,
    seeds: Range<u64>,
    threads: usize,
    tick: &(dyn Fn() + Sync),
) -> Vec<RunFigures> {
    let objective = objective_place(s);
    let seeds: Vec<u64> = seeds.collect();
    let threads = threads.clamp(1, seeds.len().max(1));
    let chunk = seeds.len().div_ceil(threads);
    let mut out: Vec<RunFigures> = Vec::with_capacity(seeds.len());
    // One copy of the scenario for every thread's runs.
    let shared = std::sync::Arc::new(s.clone());
    std::thread::scope(|scope| {
        let handles: Vec<_> = seeds
            .chunks(chunk.max(1))
            .map(|part| {
                let (objective, shared) = (&objective, &shared);
                scope.spawn(move || {
                    let mut batch = crate::runner::Batch::reports_only();
                    part.iter()
                        .map(|&seed| {
                            let world = batch.run(shared, seed, commander);
                            let f = figures(s, &super::figures_of(world), objective);
                            tick();
                            f
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            out.extend(h.join().expect("a run panicked"));
        }
    });
    out
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What is measured.
    pub figure: String,
    /// Runs that have it.
    pub runs: usize,
    /// The median.
    pub median: f64,
    /// The 10th percentile.
    pub p10: f64,
    /// The 90th percentile.
    pub p90: f64,
    /// The historical value, where the scenario gives one.
    pub history: Option<f64>,
    /// Its source.
    pub source: Option<String>,
}

/// One scenario's side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The campaign's name.
    pub name: String,
    /// The campaign file.
    pub path: String,
    /// Runs.
    pub runs: usize,
    /// Share of runs won, %.
    pub victory_pct: f64,
    /// Share of runs that ended in retreat, %.
    pub retreat_pct: f64,
    /// Share of runs in which the army was destroyed, %.
    pub destroyed_pct: f64,
    /// The historical outcome, where given.
    pub history_outcome: Option<String>,
    /// The figures.
    pub rows: Vec<Row>,
    /// Men on first arrival at each place the main army reached in at least half the runs.
    pub places: Vec<Row>,
    /// The calibration bands of its historical record, measured over the runs.
    pub bands: Vec<Band>,
}

fn row(figure: &str, values: Vec<f64>, history: Option<(f64, String)>) -> Row {
    let mut v = values;
    v.sort_by(f64::total_cmp);
    Row {
        figure: figure.to_string(),
        runs: v.len(),
        median: quantile(&v, 0.5),
        p10: quantile(&v, 0.1),
        p90: quantile(&v, 0.9),
        source: history.as_ref().map(|h| h.1.clone()),
        history: history.map(|h| h.0),
    }
}

/// Summarises one scenario's runs.
pub fn side(s: &Scenario, runs: &[RunFigures]) -> Side {
    let n = runs.len().max(1) as f64;
    let pct = |word: &str| 100.0 * runs.iter().filter(|r| r.outcome == word).count() as f64 / n;
    let hist = |fig: Figure| {
        s.campaign.history.as_ref().and_then(|h| {
            h.figures
                .iter()
                .find(|f| f.figure == fig)
                .map(|f| (f.value, f.source.clone()))
        })
    };
    let u = |x: u32| f64::from(x);
    let mut rows = vec![
        row(
            "days to the objective (winning runs)",
            runs.iter().filter_map(|r| r.objective_day.map(u)).collect(),
            hist(Figure::DaysToObjective),
        ),
        row(
            "men at the objective (runs that reach it)",
            runs.iter()
                .filter_map(|r| r.men_at_objective.map(u))
                .collect(),
            hist(Figure::MenAtObjective),
        ),
        row(
            "siege days (runs with a siege of the objective)",
            runs.iter().filter_map(|r| r.siege_days.map(u)).collect(),
            hist(Figure::SiegeDays),
        ),
        row(
            "horses obtained",
            runs.iter().map(|r| u(r.horses_obtained)).collect(),
            hist(Figure::HorsesObtained),
        ),
        row(
            "men home",
            runs.iter().map(|r| u(r.men_home)).collect(),
            hist(Figure::MenHome),
        ),
        row(
            "horses home",
            runs.iter().map(|r| u(r.horses_home)).collect(),
            hist(Figure::HorsesHome),
        ),
        row(
            "campaign days",
            runs.iter().map(|r| u(r.days)).collect(),
            None,
        ),
    ];
    for (i, cause) in CAUSES.iter().enumerate() {
        rows.push(row(
            &format!("men lost to {cause}"),
            runs.iter().map(|r| u(r.losses[i])).collect(),
            None,
        ));
    }
    // Places reached in at least half the runs, in the order of the first run that reached most.
    let mut names: Vec<String> = Vec::new();
    if let Some(longest) = runs.iter().max_by_key(|r| r.arrivals.len()) {
        for (name, _, _) in &longest.arrivals {
            let reached = runs
                .iter()
                .filter(|r| r.arrivals.iter().any(|a| &a.0 == name))
                .count();
            if reached * 2 >= runs.len() {
                names.push(name.clone());
            }
        }
    }
    let places = names
        .iter()
        .map(|name| {
            row(
                name,
                runs.iter()
                    .filter_map(|r| r.arrivals.iter().find(|a| &a.0 == name).map(|a| u(a.1)))
                    .collect(),
                None,
            )
        })
        .collect();
    Side {
        name: s.campaign.name.clone(),
        path: s.path.display().to_string(),
        runs: runs.len(),
        victory_pct: pct("victory"),
        retreat_pct: pct("retreat"),
        destroyed_pct: pct("destroyed"),
        history_outcome: s.campaign.history.as_ref().map(|h| h.outcome.clone()),
        rows,
        places,
        bands: band_defs(s)
            .iter()
            .enumerate()
            .map(|(i, def)| {
                let values: Vec<Option<f64>> = runs.iter().map(|r| r.bands[i]).collect();
                calibration::summarise(def, &values)
            })
            .collect(),
    }
}

/// A whole comparison, as `compare --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Runs of each scenario.
    pub runs: usize,
    /// The first seed.
    pub seed: u64,
    /// historical or ai.
    pub plan: String,
    /// One side per scenario.
    pub sides: Vec<Side>,
}

/// The seeds of `runs` runs from `seed`, if the last of them is a seed (no wrapping past
/// `u64::MAX`).
pub fn seeds(seed: u64, runs: usize) -> Option<Range<u64>> {
    let end = seed.checked_add(u64::try_from(runs).ok()?)?;
    Some(seed..end)
}

/// Runs each scenario `runs` times from `seed` on `threads` threads (calling `tick` after each
/// run) and returns the comparison with every run's figures, scenario by scenario.
pub fn compare(
    scenarios: &[Scenario],
    runs: usize,
    seed: u64,
    commander: Commander,
    threads: usize,
    tick: &(dyn Fn() + Sync),
) -> (Comparison, Vec<Vec<RunFigures>>) {
    let seeds = seeds(seed, runs).unwrap_or(seed..seed.saturating_add(runs as u64));
    let results: Vec<Vec<RunFigures>> = scenarios
        .iter()
        .map(|s| run_many(s, commander, seeds.clone(), threads, tick))
        .collect();
    let comparison = Comparison {
        runs,
        seed,
        plan: match commander {
            Commander::Ai => "ai".into(),
            _ => "historical".into(),
        },
        sides: scenarios
            .iter()
            .zip(&results)
            .map(|(s, r)| side(s, r))
            .collect(),
    };
    (comparison, results)
}

/// Each campaign's representative run for the charts (the one whose men home is the median),
/// replayed for its daily record.
pub fn representative_records(
    scenarios: &[Scenario],
    results: &[Vec<RunFigures>],
    commander: Commander,
) -> Vec<DailyRecord> {
    scenarios
        .iter()
        .zip(results)
        .map(|(s, r)| {
            let mut by_home: Vec<&RunFigures> = r.iter().collect();
            by_home.sort_by_key(|f| (f.men_home, f.seed));
            let seed = by_home
                .get(by_home.len() / 2)
                .map_or(s.campaign.seed, |f| f.seed);
            play_one(s, seed, commander).1
        })
        .collect()
}

/// The map's places as the charts take them: name, latitude, longitude.
pub fn places_of(s: &Scenario) -> Vec<(String, f64, f64)> {
    s.map
        .places
        .iter()
        .map(|p| (p.name.clone(), p.lat, p.lon))
        .collect()
}
