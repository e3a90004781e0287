//! Instruction counts: one campaign of each shipped scenario (setup, every day and the report)
//! under callgrind, the stable figure on a noisy machine (design §6). Run with
//! `cargo bench --no-default-features --bench instructions`; it needs `valgrind` on the path and
//! says so if it is missing. Each count is set against the ceiling committed in
//! `benches/instructions.ceilings` (10% over it fails the bench). Three ways each: in an app of
//! its own (`fresh`), in a reused app with the daily record and the chronicle as `run` reports it
//! (`batch`), and as `compare` plays it, without either (`figures`).

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::Commander;
use heavenly_horses::{report, runner};

/// The shipped campaigns measured, each with the seed it is measured on.
const CAMPAIGNS: [(&str, u64); 2] = [
    ("first_expedition_104bc.ron", 104),
    ("second_expedition_102bc.ron", 102),
];

/// One whole campaign in an app of its own (built, played, reported and dropped): the only
/// code callgrind counts in `fresh` mode (see `--toggle-collect`).
#[inline(never)]
fn fresh(scenario: &Scenario, seed: u64) -> u32 {
    let mut app = runner::run(scenario, seed, Commander::Historical);
    std::hint::black_box(report::build(app.world_mut())).days
}

/// One whole campaign (set up, played and reported) in an app that has played one before, as
/// `compare` plays them: the only code counted in `batch` mode.
#[inline(never)]
fn batched(batch: &mut runner::Batch, scenario: &Arc<Scenario>, seed: u64) -> u32 {
    let world = batch.run(scenario, seed, Commander::Historical);
    std::hint::black_box(report::of(world)).days
}

/// One whole campaign as `compare` plays it: in a reused app that keeps no daily record, and
/// reported by its figures without the chronicle's words: the only code counted in `figures` mode.
#[inline(never)]
fn figures(batch: &mut runner::Batch, scenario: &Arc<Scenario>, seed: u64) -> u32 {
    let world = batch.run(scenario, seed, Commander::Historical);
    std::hint::black_box(report::figures_of(world)).days
}

fn scenario(name: &str) -> Scenario {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Scenario::load(root.join("scenarios").join(name)).expect("shipped scenario")
}

/// The committed ceiling for `key` (`fresh:` or `batch:` and the file name), if any.
fn ceiling(key: &str) -> Option<u64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/instructions.ceilings");
    std::fs::read_to_string(path).ok()?.lines().find_map(|l| {
        let (n, c) = l.split_once(char::is_whitespace)?;
        (n == key).then(|| c.trim().replace('_', "").parse().ok())?
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        // The child, under callgrind: one campaign and nothing else counted.
        let (mode, name) = (&args[i + 1], &args[i + 2]);
        let seed = args[i + 3].parse().expect("a seed");
        let s = scenario(name);
        let days = if mode == "batch" {
            // One campaign first, uncounted (callgrind counts every call of `batched`).
            let mut batch = runner::Batch::default();
            let s = Arc::new(s);
            batch.run(&s, seed + 1, Commander::Historical);
            batched(&mut batch, &s, seed)
        } else if mode == "figures" {
            let mut batch = runner::Batch::reports_only();
            let s = Arc::new(s);
            batch.run(&s, seed + 1, Commander::Historical);
            figures(&mut batch, &s, seed)
        } else {
            fresh(&s, seed)
        };
        println!("days {days}");
        return;
    }
    if Command::new("valgrind").arg("--version").output().is_err() {
        println!(
            "instructions: valgrind is not installed; install it (apt-get install valgrind) to count"
        );
        return;
    }
    let me = std::env::current_exe().expect("the bench's own path");
    let mut over = false;
    for ((name, seed), mode) in CAMPAIGNS
        .into_iter()
        .flat_map(|c| [(c, "fresh"), (c, "batch"), (c, "figures")])
    {
        let out =
            std::env::temp_dir().join(format!("hh-callgrind-{}-{mode}-{name}", std::process::id()));
        let toggle = match mode {
            "batch" => "batched",
            m => m,
        };
        let run = Command::new("valgrind")
            .args(["--tool=callgrind", "--collect-atstart=no"])
            .arg(format!("--toggle-collect=instructions::{toggle}"))
            .arg(format!("--callgrind-out-file={}", out.display()))
            .arg(&me)
            .args(["--one", mode, name, &seed.to_string()])
            .output()
            .expect("valgrind runs");
        let stdout = String::from_utf8_lossy(&run.stdout);
        let days: u64 = stdout
            .lines()
            .find_map(|l| l.strip_prefix("days ")?.parse().ok())
            .unwrap_or(1);
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        let _ = std::fs::remove_file(&out);
        let Some(ir) = text
            .lines()
            .find_map(|l| {
                l.strip_prefix("totals: ")
                    .or_else(|| l.strip_prefix("summary: "))
            })
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            println!(
                "{name}: callgrind gave no count ({})",
                String::from_utf8_lossy(&run.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            continue;
        };
        let key = format!("{mode}:{name}");
        let limit = ceiling(&key);
        let verdict = match limit {
            Some(c) if ir as f64 > c as f64 * 1.1 => {
                over = true;
                format!("OVER the ceiling {c} by more than 10%")
            }
            Some(c) => format!("ceiling {c}"),
            None => "no ceiling committed".to_string(),
        };
        println!(
            "{name} (seed {seed}, {mode} app): {ir} instructions a campaign, {} a day over {days} days; {verdict}",
            ir / days.max(1)
        );
    }
    if over {
        std::process::exit(1);
    }
}
