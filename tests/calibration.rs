//! The calibration test (design §5): the historical plan of both expeditions over 200 seeds each,
//! every band of the table checked. The bands come out of the model: the figures are read off
//! finished reports (see `heavenly_horses::report::calibration`), and no rule or event names a
//! scenario or forces an outcome.

use heavenly_horses::report::calibration::{self, Band};
use heavenly_horses::scenario::Scenario;

const SEEDS: u64 = 200;

fn load(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    Scenario::load(path).expect("the shipped scenario loads")
}

fn check(bands: &[Band]) {
    let table: Vec<String> = bands.iter().map(|b| b.to_string()).collect();
    let out: Vec<&Band> = bands.iter().filter(|b| !b.inside()).collect();
    assert!(
        out.is_empty(),
        "{} figure(s) outside their band over {SEEDS} seeds:\n{}",
        out.len(),
        table.join("\n")
    );
    assert!(bands.iter().all(|b| b.value.is_finite()), "{table:?}");
}

#[test]
fn the_first_expedition_matches_the_historical_record_over_200_seeds() {
    let runs = calibration::run_seeds(&load("first_expedition_104bc.ron"), 0..SEEDS);
    let bands = calibration::first_expedition(&runs);
    assert_eq!(bands.len(), 3, "every 104 BC row of design §5");
    check(&bands);
}

#[test]
fn the_second_expedition_matches_the_historical_record_over_200_seeds() {
    let runs = calibration::run_seeds(&load("second_expedition_102bc.ron"), 0..SEEDS);
    let bands = calibration::second_expedition(&runs);
    assert_eq!(bands.len(), 8, "every 102 BC row of design §5");
    check(&bands);
}
