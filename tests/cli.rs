//! The command line, run as a user would.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs")
}

#[test]
fn run_json_is_one_object_with_the_promised_fields_and_is_repeatable() {
    let args = [
        "run",
        "scenarios/first_expedition_104bc.ron",
        "--seed",
        "9",
        "--json",
    ];
    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for key in [
        "scenario", "seed", "outcome", "days", "men", "horses", "places", "states", "siege",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["seed"], 9);
    for cause in [
        "hunger",
        "thirst",
        "exposure",
        "disease",
        "desertion",
        "combat",
    ] {
        assert!(v["men"]["losses"][cause].is_u64(), "men.losses.{cause}");
    }
    for key in ["start", "returned"] {
        assert!(v["men"][key].is_u64());
    }
    for key in ["start", "obtained", "returned"] {
        assert!(v["horses"][key].is_u64());
    }
    let first = &v["places"][0];
    assert!(first["name"].is_string() && first["day"].is_u64() && first["men"].is_u64());
    assert!(["victory", "retreat", "destroyed"].contains(&v["outcome"].as_str().unwrap()));
    assert_eq!(
        out.stdout,
        run(&args).stdout,
        "byte-identical on a second run"
    );
}

#[test]
fn run_prints_a_readable_report() {
    let out = run(&[
        "run",
        "scenarios/second_expedition_102bc.ron",
        "--seed",
        "4",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Outcome:",
        "Route",
        "Dunhuang",
        "Men",
        "desertion",
        "Chronicle",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn a_missing_scenario_is_a_clear_error_and_no_panic() {
    let out = run(&["run", "scenarios/no_such_campaign.ron"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no_such_campaign.ron") && err.contains("cannot read"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_arguments_are_refused_with_usage() {
    let out = run(&[
        "run",
        "scenarios/first_expedition_104bc.ron",
        "--seed",
        "many",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--seed") && !err.contains("panicked"), "{err}");
    let out = run(&["fly"]);
    assert!(!out.status.success());
}

#[test]
fn validate_says_ok_for_the_shipped_scenarios() {
    let out = run(&["validate", "scenarios/second_expedition_102bc.ron"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok"));
}
