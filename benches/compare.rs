//! Benchmark: `compare` of both expeditions over 1,000 seeds each on all cores (design §6: ≤ 5 s
//! on 2 cores). Run with `cargo bench --bench compare`; prints the figures.

use std::path::Path;
use std::time::Instant;

use heavenly_horses::report::compare;
use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::Commander;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let started = Instant::now();
    for name in ["first_expedition_104bc.ron", "second_expedition_102bc.ron"] {
        let s = Scenario::load(root.join("scenarios").join(name)).expect("shipped scenario");
        let t = Instant::now();
        let runs = compare::run_many(&s, Commander::Historical, 0..1000, threads, &|| {});
        let side = compare::side(&s, &runs);
        println!(
            "{name}: 1000 runs in {:.2} s on {threads} threads ({} victories)",
            t.elapsed().as_secs_f64(),
            (side.victory_pct * 10.0).round()
        );
    }
    println!(
        "both: {:.2} s (design §6: at most 5 s)",
        started.elapsed().as_secs_f64()
    );
}
