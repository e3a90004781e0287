//! Helpers shared by the integration tests: the shipped scenarios, and variations on them.

#![allow(dead_code)]

use std::path::Path;

use heavenly_horses::runner;
use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::{ForceDef, PlanStep};
use heavenly_horses::scenario::units::{CubicMetres, Tonnes};
use heavenly_horses::sim::Commander;

/// The shipped scenario `name` (a file under `scenarios/`).
pub fn shipped(name: &str) -> Scenario {
    Scenario::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(name),
    )
    .expect("the shipped scenario loads")
}

/// The 102 BC campaign.
pub fn second() -> Scenario {
    shipped("second_expedition_102bc.ron")
}

/// A scenario with one force of `men` foot at `at`, following `plan`: no silk or gold, and none of
/// the scenario's events, so that one lever at a time can be shown.
pub fn with_force(
    mut s: Scenario,
    at: &str,
    men: u32,
    grain_t: f64,
    oxen: u32,
    engineers: bool,
    plan: Vec<PlanStep>,
) -> Scenario {
    let f: &mut ForceDef = &mut s.campaign.forces[0];
    f.at = at.to_string();
    f.men.infantry = men;
    f.men.cavalry = 0;
    f.animals.horses = men / 10;
    f.animals.oxen = oxen;
    f.animals.donkeys = men / 2;
    f.animals.camels = 0;
    f.stores.grain_t = Tonnes(grain_t);
    f.stores.fodder_t = Tonnes(0.0);
    f.stores.water_m3 = CubicMetres(0.0);
    f.engineers = engineers;
    f.silk_bolts = 0;
    f.gold_jin = 0;
    s.campaign.plan = plan;
    s.campaign.events.clear();
    s
}

/// Runs a scenario to its end with `seed`.
pub fn run(s: &Scenario, seed: u64) -> bevy::app::App {
    runner::run(s, seed, Commander::Historical)
}

/// The report of a campaign as it stands.
pub fn report(app: &bevy::app::App) -> heavenly_horses::report::CampaignReport {
    heavenly_horses::report::of(app.world())
}

/// Every event of a campaign so far, in order.
pub fn events(app: &bevy::app::App) -> Vec<heavenly_horses::sim::SimEvent> {
    app.world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .map(|l| l.event.clone())
        .collect()
}

/// Copies the folder `from` to `to`, with every file and folder in it but those named in `skip`.
pub fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if skip.iter().any(|s| entry.file_name() == *s) {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&path, &to.join(entry.file_name()), skip);
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}
