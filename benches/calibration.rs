//! The historical bands each shipped campaign carries (design §5), over 200 seeds of its
//! historical plan: prints each figure's median beside its band, marked in or out
//! (`cargo bench --bench calibration`). The calibration test (`tests/calibration.rs`) holds the
//! checked ones; the others are figures of the story, printed beside them.

use std::path::Path;
use std::time::Instant;

use heavenly_horses::report::calibration;
use heavenly_horses::scenario::{Scenario, load};

const SEEDS: u64 = 200;

fn main() {
    let started = Instant::now();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("scenarios/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    let (mut total, mut inside) = (0, 0);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if load::file_kind(&text) == load::FileKind::Other {
            continue;
        }
        let Ok(scenario) = Scenario::load(&path) else {
            continue;
        };
        if scenario
            .campaign
            .history
            .as_ref()
            .is_none_or(|h| h.bands.is_empty())
        {
            continue;
        }
        let runs = calibration::run_seeds(&scenario, 0..SEEDS);
        println!("{} ({SEEDS} seeds)", scenario.campaign.name);
        for band in calibration::bands(&scenario, &runs) {
            println!("  {band}");
            if band.checked {
                total += 1;
                inside += usize::from(band.inside());
            }
        }
    }
    println!(
        "{inside} of {total} checked bands hold ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
}
