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

/// Plays the shipped campaign `campaign` in the terminal (`play --text`), saving into `saves`,
/// with `input` on standard input; returns what it printed.
pub fn play_text(campaign: &str, saves: &Path, input: &str) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_heavenly-horses"))
        .arg("play")
        .arg(Path::new("scenarios").join(campaign))
        .args(["--text", "--saves"])
        .arg(saves)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the game runs");
    // A game that stops early may have closed its input.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The component `T` of the force called `force`.
pub fn of<T: bevy::prelude::Component + Clone>(
    game: &heavenly_horses::play::Game,
    force: &str,
) -> T {
    let e = heavenly_horses::play::view::find_force(game.world_ref(), force).expect("in the field");
    game.world_ref().get::<T>(e).expect("the component").clone()
}

/// The tonnes of grain the force called `force` carries.
pub fn grain_t(game: &heavenly_horses::play::Game, force: &str) -> f64 {
    of::<heavenly_horses::sim::force::Stores>(game, force)
        .grain
        .0
        / 1000.0
}

/// Gives the force called `force` the order in `words`, which must be taken.
pub fn give(game: &mut heavenly_horses::play::Game, force: &str, words: &str) {
    let order: heavenly_horses::play::Order = words.parse().expect("an order");
    game.give(force, order.clone())
        .unwrap_or_else(|why| panic!("{order} refused: {why:?}"));
}

/// Gives the force called `force` the order in `words`, which must be refused: the reason, in
/// the player's words.
pub fn refused(game: &mut heavenly_horses::play::Game, force: &str, words: &str) -> String {
    let order: heavenly_horses::play::Order = words.parse().expect("an order");
    let why = game.give(force, order).expect_err("refused");
    heavenly_horses::play::words::refused(game.world_ref(), force, &why)
}

/// The report of the force called `name` in a campaign's report.
pub fn force_report<'a>(
    r: &'a heavenly_horses::report::CampaignReport,
    name: &str,
) -> &'a heavenly_horses::report::ForceReport {
    r.forces
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no force '{name}' in {:?}", r.forces))
}
