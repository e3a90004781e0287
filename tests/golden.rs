//! Pinned campaigns: `run --json` of both shipped campaigns and both what-ifs, on the historical
//! plan and the heuristic commander, with each scenario's own seed and with seed 7, must print
//! exactly the bytes pinned under `tests/golden/`. A change to the model that moves any figure
//! shows up here; when it is meant, write the new outputs with `HH_BLESS=1 cargo test --test
//! golden` and say in the commit what moved and why.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const SCENARIOS: [&str; 4] = [
    "first_expedition_104bc",
    "second_expedition_102bc",
    "whatif_104bc_with_oxen",
    "whatif_102bc_without_engineers",
];

#[test]
fn run_json_is_byte_for_byte_the_pinned_campaign() {
    let bless = std::env::var_os("HH_BLESS").is_some();
    let mut differ = Vec::new();
    for scenario in SCENARIOS {
        for seed in ["default", "7"] {
            for plan in ["historical", "ai"] {
                let path = format!("scenarios/{scenario}.ron");
                let mut args = vec!["run", path.as_str(), "--json", "--plan", plan];
                if seed != "default" {
                    args.extend(["--seed", seed]);
                }
                let out = Command::new(BIN)
                    .args(&args)
                    .current_dir(ROOT)
                    .output()
                    .expect("the binary runs");
                assert!(out.status.success(), "{args:?} failed");
                let pinned = Path::new(ROOT)
                    .join("tests/golden")
                    .join(format!("{scenario}.{seed}.{plan}.json"));
                if bless {
                    std::fs::write(&pinned, &out.stdout).unwrap();
                    continue;
                }
                let want = std::fs::read(&pinned).expect("the pinned output exists");
                if want != out.stdout {
                    differ.push(pinned.display().to_string());
                }
            }
        }
    }
    assert!(
        differ.is_empty(),
        "run --json differs from the pinned output in: {differ:#?}"
    );
}
