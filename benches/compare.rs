//! Benchmark: `compare` of both expeditions over 1,000 and then 10,000 seeds each on all cores,
//! with the peak memory of each (design §6: 2 × 1,000 runs ≤ 1.5 s and 2 × 10,000 ≤ 15 s on 2
//! cores, memory not growing with the runs beyond the rows kept). Run with
//! `cargo bench --no-default-features --bench compare`; prints the figures.

use std::path::Path;
use std::time::Instant;

use heavenly_horses::report::compare;
use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::Commander;

/// This process's peak resident memory (VmHWM), in MiB, if the system tells it.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// Starts counting the peak memory afresh (Linux: writing 5 to clear_refs resets VmHWM).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let scenarios: Vec<Scenario> = ["first_expedition_104bc.ron", "second_expedition_102bc.ron"]
        .iter()
        .map(|name| Scenario::load(root.join("scenarios").join(name)).expect("shipped scenario"))
        .collect();
    let before = peak_mib();
    for (runs, target) in [(1_000u64, 1.5), (10_000, 15.0)] {
        reset_peak();
        let started = Instant::now();
        let mut rows = 0;
        for s in &scenarios {
            let t = Instant::now();
            let results = compare::run_many(s, Commander::Historical, 0..runs, threads, &|| {});
            let side = compare::side(s, &results);
            rows += results.len();
            println!(
                "  {}: {runs} runs in {:.2} s on {threads} threads ({:.1}% victories)",
                s.campaign.name,
                t.elapsed().as_secs_f64(),
                side.victory_pct
            );
        }
        let peak = peak_mib().map_or("unknown".to_string(), |m| format!("{m:.1} MiB"));
        println!(
            "both, {runs} runs each: {:.2} s (design §6: at most {target} s); peak memory {peak} ({rows} rows kept)",
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(m) = before {
        println!("(the process before the runs, scenarios loaded: {m:.1} MiB)");
    }
}
