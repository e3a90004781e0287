//! The historical bands of design §5, over 200 seeds of each historical plan: prints each figure's
//! median beside its band, marked in or out (`cargo bench --bench calibration`). The calibration
//! test (`tests/calibration.rs`) asserts the same figures.

use std::path::Path;
use std::time::Instant;

use heavenly_horses::report::calibration::{self, Band};
use heavenly_horses::scenario::Scenario;

const SEEDS: u64 = 200;

fn load(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    Scenario::load(path).expect("shipped scenario")
}

fn main() {
    let started = Instant::now();
    let first = calibration::run_seeds(&load("first_expedition_104bc.ron"), 0..SEEDS);
    let second = calibration::run_seeds(&load("second_expedition_102bc.ron"), 0..SEEDS);
    let bands: Vec<Band> = calibration::first_expedition(&first)
        .into_iter()
        .chain(calibration::second_expedition(&second))
        .collect();
    println!(
        "Historical bands (design §5), {SEEDS} seeds each, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    for band in &bands {
        println!("  {band}");
    }
    let out = bands.iter().filter(|b| !b.inside()).count();
    println!("{} of {} in their bands", bands.len() - out, bands.len());
    println!("The story beyond the table (no band in design §5):");
    for band in calibration::first_expedition_story(&first) {
        println!("  {band}");
    }
}
