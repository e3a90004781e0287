//! The calibration test (design §5): every campaign shipped under `scenarios/` with bands in its
//! historical record, its historical plan over 200 seeds, every checked band held. The bands
//! live in the campaign files, each with its source; the figures come out of the model, read
//! off finished reports (see `heavenly_horses::report::calibration`), and no rule or event names
//! a scenario or forces an outcome.

use heavenly_horses::report::calibration::{self, Band};
use heavenly_horses::scenario::{Scenario, load};

const SEEDS: u64 = 200;

/// The shipped campaigns that carry calibration bands.
fn with_bands() -> Vec<Scenario> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            load::file_kind(&text).is_campaign()
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Scenario::load(p).expect("the shipped scenario loads"))
        .filter(|s| {
            s.campaign
                .history
                .as_ref()
                .is_some_and(|h| !h.bands.is_empty())
        })
        .collect()
}

fn check(name: &str, bands: &[Band]) {
    let table: Vec<String> = bands.iter().map(|b| b.to_string()).collect();
    let out: Vec<&Band> = bands.iter().filter(|b| b.checked && !b.inside()).collect();
    assert!(
        out.is_empty(),
        "{name}: {} figure(s) outside their band over {SEEDS} seeds:\n{}",
        out.len(),
        table.join("\n")
    );
    assert!(
        bands
            .iter()
            .filter(|b| b.checked)
            .all(|b| b.value.is_finite()),
        "{table:?}"
    );
}

#[test]
fn every_shipped_campaign_matches_its_historical_record_over_200_seeds() {
    let campaigns = with_bands();
    assert!(campaigns.len() >= 2, "both expeditions carry their bands");
    let checked: usize = campaigns
        .iter()
        .map(|s| {
            let runs = calibration::run_seeds(s, 0..SEEDS);
            let bands = calibration::bands(s, &runs);
            check(&s.campaign.name, &bands);
            bands.iter().filter(|b| b.checked).count()
        })
        .sum();
    assert!(checked >= 11, "every row of design §5: {checked}");
}
