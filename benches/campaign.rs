//! Benchmark: whole campaigns on the historical plan, headless (design §6: ≤ 1 ms for 102 BC).
//! Run with `cargo bench`; prints the figures.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::Commander;
use heavenly_horses::{report, runner};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["first_expedition_104bc.ron", "second_expedition_102bc.ron"] {
        let scenario = Scenario::load(root.join("scenarios").join(name)).expect("shipped scenario");
        let runs = 200u64;
        let mut days = 0u64;
        let start = Instant::now();
        for seed in 0..runs {
            let mut app = runner::run(&scenario, seed, Commander::Historical);
            days += u64::from(black_box(report::build(app.world_mut())).days);
        }
        let elapsed = start.elapsed();
        println!(
            "{name}: {runs} campaigns in {:.3} s: {:.3} ms a campaign, {:.1} µs a day",
            elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1000.0 / runs as f64,
            elapsed.as_secs_f64() * 1e6 / days as f64
        );
    }
}
