//! `compare`, run as a user would: the bands of design §5 from its JSON, the same figures on any
//! number of threads, one CSV row per run, and charts that are drawn.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const FIRST: &str = "scenarios/first_expedition_104bc.ron";
const SECOND: &str = "scenarios/second_expedition_102bc.ron";

fn compare(extra: &[&str]) -> (String, String) {
    let out = Command::new(BIN)
        .args(["compare", FIRST, SECOND])
        .args(extra)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn row<'a>(side: &'a serde_json::Value, figure: &str) -> &'a serde_json::Value {
    side["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["figure"].as_str().unwrap().starts_with(figure))
        .unwrap_or_else(|| panic!("no row {figure}"))
}

fn median(side: &serde_json::Value, figure: &str) -> f64 {
    row(side, figure)["median"].as_f64().unwrap()
}

#[test]
fn two_hundred_runs_give_the_historical_bands() {
    let (out, _) = compare(&["--runs", "200", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (first, second) = (&v["sides"][0], &v["sides"][1]);
    assert_eq!(first["runs"], 200);
    // 104 BC.
    assert!(first["victory_pct"].as_f64().unwrap() <= 10.0);
    let home = 100.0 * median(first, "men home") / 26_000.0;
    assert!((5.0..=25.0).contains(&home), "104 BC: {home}% home");
    let lost =
        |side: &serde_json::Value, cause: &str| median(side, &format!("men lost to {cause}"));
    assert!(lost(first, "hunger") + lost(first, "desertion") > lost(first, "combat"));
    // 102 BC.
    assert!(second["victory_pct"].as_f64().unwrap() >= 70.0);
    let at = 100.0 * median(second, "men at the objective") / 60_000.0;
    assert!((40.0..=60.0).contains(&at), "102 BC: {at}% at Dayuan");
    let siege = median(second, "siege days");
    assert!((25.0..=60.0).contains(&siege), "{siege} days of siege");
    assert!(median(second, "horses obtained") >= 3000.0);
    let men_home = median(second, "men home");
    assert!((8000.0..=20000.0).contains(&men_home), "{men_home}");
    let horses_home = median(second, "horses home");
    assert!((500.0..=3000.0).contains(&horses_home), "{horses_home}");
    assert!(
        lost(second, "desertion") + lost(second, "hunger") + lost(second, "exposure")
            > lost(second, "combat")
    );
    // The record comes from the scenario files, with its sources.
    assert_eq!(row(second, "men home")["history"], 10000.0);
    assert!(
        row(second, "men home")["source"]
            .as_str()
            .unwrap()
            .contains("S123")
    );
    assert_eq!(second["history_outcome"], "victory");
}

#[test]
fn the_same_seed_gives_the_same_figures_on_one_thread_and_on_two() {
    let one = compare(&["--runs", "40", "--seed", "7", "--threads", "1", "--json"]).0;
    let two = compare(&["--runs", "40", "--seed", "7", "--threads", "2", "--json"]).0;
    assert_eq!(one, two);
    let other = compare(&["--runs", "40", "--seed", "8", "--threads", "2", "--json"]).0;
    assert_ne!(one, other);
}

#[test]
fn csv_has_a_row_per_run_and_the_charts_are_drawn() {
    let dir = std::env::temp_dir().join(format!("hh-compare-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let csv = dir.join("csv");
    let png = dir.join("page.png");
    let svg = dir.join("page.svg");
    let (table, _) = compare(&[
        "--runs",
        "30",
        "--csv",
        csv.to_str().unwrap(),
        "--chart",
        png.to_str().unwrap(),
    ]);
    assert!(table.contains("men home"), "{table}");
    assert!(table.contains("history"), "{table}");
    let text = std::fs::read_to_string(csv.join("second_expedition_102bc.csv")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("seed,outcome,days"));
    assert_eq!(lines.len(), 31, "a header and a row per run");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    assert!(bytes.len() > 50_000, "a drawn page, not a blank one");
    compare(&["--runs", "10", "--chart", svg.to_str().unwrap()]);
    let page = std::fs::read_to_string(&svg).unwrap();
    assert!(page.contains("<svg") && page.contains("Strength along the march"));
    assert!(page.contains("The Second Expedition"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_what_ifs_compare_like_any_scenario_and_move_the_outcome() {
    let run = |a: &str, b: &str| {
        let out = Command::new(BIN)
            .args(["compare", a, b, "--runs", "60", "--json"])
            .current_dir(ROOT)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    // Without its engineers the 102 BC army takes the royal city far less often.
    let v = run(SECOND, "scenarios/whatif_102bc_without_engineers.ron");
    let (with, without) = (
        v["sides"][0]["victory_pct"].as_f64().unwrap(),
        v["sides"][1]["victory_pct"].as_f64().unwrap(),
    );
    assert!(
        without + 20.0 < with,
        "{with}% with engineers, {without}% without"
    );
    // With the oxen to eat, the 104 BC army does not starve.
    let v = run(FIRST, "scenarios/whatif_104bc_with_oxen.ron");
    let hunger = |i: usize| median(&v["sides"][i], "men lost to hunger");
    assert!(
        hunger(1) * 4.0 < hunger(0),
        "hunger {} vs {}",
        hunger(0),
        hunger(1)
    );
    assert!(median(&v["sides"][1], "men home") > 2.0 * median(&v["sides"][0], "men home"));
}
