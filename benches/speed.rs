//! The speed figures of design §6 on divan: a whole campaign of each shipped scenario (in an app
//! of its own, and in an app reused as `compare` reuses it), its days as the throughput; the
//! cost of a day of made-up campaigns from 1 force on 40 places to 100 forces on 4,000; loading
//! and validating every shipped scenario; and `heavenly-horses run` as a whole process.
//! Run with `cargo bench --no-default-features --bench speed` (the README's bench command runs
//! it with the others).

use std::path::{Path, PathBuf};
use std::process::Command;

use divan::Bencher;
use divan::counter::ItemsCount;
use heavenly_horses::generate::{self, Size};
use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::{self, Commander};
use heavenly_horses::{report, runner};

fn main() {
    divan::main();
}

const CAMPAIGNS: [&str; 2] = ["first_expedition_104bc.ron", "second_expedition_102bc.ron"];

/// The seed every campaign is measured on (a fixed seed: a fixed number of days).
const SEED: u64 = 102;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shipped(name: &str) -> Scenario {
    Scenario::load(root().join("scenarios").join(name)).expect("shipped scenario")
}

fn days_of(s: &Scenario) -> u64 {
    let mut app = runner::run(s, SEED, Commander::Historical);
    u64::from(report::build(app.world_mut()).days)
}

/// A whole campaign (app built, set up, played, reported with its chronicle, dropped); the
/// throughput is its days.
#[divan::bench(args = CAMPAIGNS, sample_count = 60)]
fn campaign_own_app(bencher: Bencher, name: &str) {
    let s = shipped(name);
    bencher
        .counter(ItemsCount::new(days_of(&s)))
        .bench_local(|| {
            let mut app = runner::run(&s, SEED, Commander::Historical);
            report::build(app.world_mut()).days
        });
}

/// A whole campaign (set up, played, reported with its chronicle) in an app that has played
/// one before, as `compare` plays them.
#[divan::bench(args = CAMPAIGNS, sample_count = 60)]
fn campaign_reused_app(bencher: Bencher, name: &str) {
    let s = std::sync::Arc::new(shipped(name));
    let mut batch = runner::Batch::default();
    bencher
        .counter(ItemsCount::new(days_of(&s)))
        .bench_local(|| report::of(batch.run(&s, SEED, Commander::Historical)).days);
}

/// A whole campaign as `compare` plays it: in a reused app that keeps no daily record, reported
/// by its figures without the chronicle's words.
#[divan::bench(args = CAMPAIGNS, sample_count = 60)]
fn campaign_as_compare_plays_it(bencher: Bencher, name: &str) {
    let s = std::sync::Arc::new(shipped(name));
    let mut batch = runner::Batch::reports_only();
    bencher
        .counter(ItemsCount::new(days_of(&s)))
        .bench_local(|| report::figures_of(batch.run(&s, SEED, Commander::Historical)).days);
}

/// Days measured on each made-up campaign.
const DAYS: u64 = 20;

fn made_up(forces: usize, places: usize) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("hh-speed-{}-{forces}-{places}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let rules = root().join("scenarios/rules/han_army.ron");
    generate::write(&dir, Size { places, forces }, &rules).expect("the made-up scenario is written")
}

/// Twenty days of a made-up campaign of `forces` forces on `places` places (after its first
/// day, which builds the schedules); the throughput is its days.
#[divan::bench(args = [(1, 40), (10, 400), (100, 4000)], sample_count = 10, sample_size = 1)]
fn made_up_days(bencher: Bencher, (forces, places): (usize, usize)) {
    let path = made_up(forces, places);
    let s = Scenario::load(&path).expect("the made-up scenario validates");
    bencher
        .counter(ItemsCount::new(DAYS))
        .with_inputs(|| {
            let mut app = runner::app(&s, 1, Commander::Historical);
            sim::advance_day(app.world_mut());
            app
        })
        .bench_local_values(|mut app| {
            for _ in 0..DAYS {
                sim::advance_day(app.world_mut());
            }
            app
        });
    let _ = std::fs::remove_dir_all(path.parent().expect("its folder"));
}

/// Loading and validating a shipped scenario with its map and rules (what `validate` does).
#[divan::bench(args = CAMPAIGNS, sample_count = 40)]
fn load_and_validate(bencher: Bencher, name: &str) {
    let path = root().join("scenarios").join(name);
    bencher.bench_local(|| Scenario::load(&path).expect("valid"));
}

/// Loading and validating every campaign shipped in `scenarios/`, one after another (the
/// campaigns `validate scenarios/` checks; the menu is not a campaign).
#[divan::bench(sample_count = 20)]
fn load_and_validate_every_shipped(bencher: Bencher) {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("scenarios"))
        .expect("the scenarios folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.ends_with("menu.ron"))
        .collect();
    paths.sort();
    bencher
        .counter(ItemsCount::new(paths.len()))
        .bench_local(|| {
            for p in &paths {
                std::hint::black_box(Scenario::load(p).expect("a shipped campaign is valid"));
            }
        });
}

/// `heavenly-horses run SCENARIO --json` as a whole process: start, load, validate, simulate,
/// print.
#[divan::bench(args = CAMPAIGNS, sample_count = 20)]
fn run_process(bencher: Bencher, name: &str) {
    let path = root().join("scenarios").join(name);
    let exe = env!("CARGO_BIN_EXE_heavenly-horses");
    bencher.bench_local(|| {
        let out = Command::new(exe)
            .arg("run")
            .arg(&path)
            .arg("--json")
            .output()
            .expect("the game runs");
        assert!(out.status.success());
        out.stdout.len()
    });
}
