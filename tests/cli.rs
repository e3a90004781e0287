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
    // Every file of the folder, named one by one as a shell's `*` names them, is checked as what
    // it is: campaigns, the menu, maps and rules alike pass.
    let mut files = Vec::new();
    for sub in ["scenarios", "scenarios/maps", "scenarios/rules"] {
        for entry in std::fs::read_dir(sub).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ron") {
                files.push(path.to_string_lossy().into_owned());
            }
        }
    }
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("menu.ron: ok (the menu of"), "{said}");
    assert!(said.contains("western_regions.ron: ok (a map: "), "{said}");
    assert!(said.contains("han_army.ron: ok (rules)"), "{said}");
}

#[test]
fn validate_json_lists_each_problem_with_its_place() {
    let dir = std::env::temp_dir().join(format!("hh-cli-validate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["maps", "rules"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let scenarios = std::path::Path::new(ROOT).join("scenarios");
    for file in ["maps/western_regions.ron", "rules/han_army.ron"] {
        std::fs::copy(scenarios.join(file), dir.join(file)).unwrap();
    }
    let campaign = std::fs::read_to_string(scenarios.join("first_expedition_104bc.ron"))
        .unwrap()
        .replace("March(\"gumo\")", "March(\"gumoo\")");
    let path = dir.join("broken.ron");
    std::fs::write(&path, campaign).unwrap();
    let out = run(&["validate", path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    let problem = &v["problems"][0];
    assert!(problem["path"].as_str().unwrap().ends_with("broken.ron"));
    assert!(problem["line"].as_u64().unwrap() > 0 && problem["col"].as_u64().unwrap() > 0);
    assert!(problem["field"].as_str().unwrap().starts_with("plan["));
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("did you mean 'gumo'"),
        "{problem}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn with_no_command_a_build_without_the_window_says_how_to_play() {
    let out = run(&[]);
    let err = String::from_utf8_lossy(&out.stderr);
    if cfg!(feature = "gui") {
        return;
    }
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("play scenarios/first_campaign_tutorial.ron --text"),
        "{err}"
    );
}

#[test]
fn with_no_display_the_window_says_so_in_a_line_and_how_to_play_in_the_terminal() {
    if !cfg!(feature = "gui") {
        return;
    }
    // No display named, and one named that is not there: the same one line, no panic.
    for display in [None, Some(":77")] {
        for args in [
            &[][..],
            &["window"][..],
            &["play", "scenarios/first_expedition_104bc.ron"][..],
        ] {
            let mut command = Command::new(BIN);
            command
                .args(args)
                .current_dir(ROOT)
                .env_remove("DISPLAY")
                .env_remove("WAYLAND_DISPLAY");
            if let Some(d) = display {
                command.env("DISPLAY", d);
            }
            let out = command.output().expect("the binary runs");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?} {display:?}: {err}");
            assert!(err.contains("play in the terminal instead"), "{err}");
            assert!(err.contains("--text"), "{err}");
            assert!(
                !err.contains("panicked") && !err.contains("backtrace"),
                "{err}"
            );
            assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        }
    }
}
