//! The game window's headless smoke tests (feature `gui`): under `xvfb-run` with software Vulkan
//! (Debian's mesa-vulkan-drivers), play the 102 BC campaign by sending orders (typed, and
//! through the buttons from the menu on), take screenshots of the menu, the map, a siege, the
//! end and the compare screen, and check they are not blank; edit the scenario while it runs and
//! see it reload (and a broken edit refused with its error). Skipped where `xvfb-run` is
//! missing.
#![cfg(feature = "gui")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fresh folder for a test's screenshots and saves; `None` where `xvfb-run` is missing.
fn fresh(name: &str) -> Option<PathBuf> {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("xvfb-run is not installed; skipping the window smoke test");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("hh-window-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Some(dir)
}

/// The game under `xvfb-run` at 1280×720 with `args`.
fn xvfb(args: &[&str]) -> Command {
    let mut command = Command::new("xvfb-run");
    command
        .args(["-a", "-s", "-screen 0 1280x720x24", BIN])
        .args(args)
        .current_dir(ROOT);
    command
}

/// Runs the game with `args`, screenshots and saves going into `dir`; it must succeed.
fn run_in(dir: &Path, args: &[&str]) -> String {
    let out = xvfb(args)
        .arg("--saves")
        .arg(dir)
        .output()
        .expect("xvfb-run runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Runs the window's `script` (on `scenario`, or from the menu), its screenshots and saves going
/// into `dir`; every `expect` must hold. Returns what it printed.
fn script_in(dir: &Path, scenario: Option<&str>, script: &[&str]) -> String {
    let shots = dir.to_string_lossy().into_owned();
    let script = script.join(";");
    let mut args = vec!["window"];
    args.extend(scenario);
    args.extend(["--shots", &shots, "--script", &script]);
    run_in(dir, &args)
}

/// Runs the window's `script` on `scenario` in a fresh folder `name`, which must end with the
/// screenshot `shot`; returns what it printed (`None` where `xvfb-run` is missing).
fn script_shot(name: &str, scenario: &str, script: &[&str], shot: &str) -> Option<String> {
    let dir = fresh(name)?;
    let out = script_in(&dir, Some(scenario), script);
    assert!(out.contains(&format!("done: shot {shot}")), "{out}");
    assert_drawn(&dir, &format!("{shot}.png"));
    let _ = std::fs::remove_dir_all(dir);
    Some(out)
}

/// Plays the 102 BC campaign in the window with `args`; the folder of its screenshots and
/// saves, or `None` where `xvfb-run` is missing.
fn play_in_window(name: &str, args: &[&str]) -> Option<PathBuf> {
    let dir = fresh(name)?;
    let shots = dir.to_string_lossy().into_owned();
    let mut all = vec![
        "play",
        "scenarios/second_expedition_102bc.ron",
        "--screenshots",
        &shots,
    ];
    all.extend_from_slice(args);
    run_in(&dir, &all);
    Some(dir)
}

/// A screenshot that exists and is not blank.
fn assert_drawn(dir: &Path, shot: &str) {
    let bytes = std::fs::read(dir.join(shot)).unwrap_or_else(|e| panic!("{shot}: {e}"));
    assert_eq!(&bytes[1..4], b"PNG", "{shot} is a PNG");
    // A blank 1280×720 frame compresses to a few kilobytes; the map and text do not.
    assert!(
        bytes.len() > 50_000,
        "{shot} is not blank ({} bytes)",
        bytes.len()
    );
}

#[test]
fn the_window_shows_the_march_the_siege_and_the_end_under_xvfb() {
    let Some(dir) = play_in_window("shots", &["--autoplay", "--shot-days", "60,290,900"]) else {
        return;
    };
    for shot in ["day-0060.png", "day-0290.png", "day-0900.png"] {
        assert_drawn(&dir, shot);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn orders_typed_into_the_window_are_carried_out_and_saved() {
    let Some(dir) = play_in_window(
        "orders",
        &[
            "--commands",
            "march yumen_pass;march loulan;ask;end;end;end",
            "--shot-days",
            "41",
        ],
    ) else {
        return;
    };
    // The window's turns were autosaved with the orders given in it, as in the terminal.
    let save = std::fs::read_to_string(dir.join("autosave.json")).unwrap();
    assert!(save.contains("\"loulan\""), "{save}");
    assert!(save.contains("Request"), "{save}");
    assert_drawn(&dir, "day-0041.png");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn from_the_menu_a_game_is_played_with_buttons_and_the_expeditions_compared() {
    let Some(dir) = fresh("menu") else {
        return;
    };
    // Every `expect` must hold, or the window quits with a failure.
    let out = script_in(
        &dir,
        None,
        &[
            "shot menu",
            "click New game",
            "march loulan",
            "expect refused: no route from Dunhuang to Loulan",
            "click March to Yumen Pass",
            "expect march",
            "click End turn",
            "click March to Loulan",
            "click End turn",
            "click Ask for food",
            "expect ask",
            "click Share the water",
            "expect share the water",
            "click End turn",
            "shot orders",
            "click Menu",
            "click Compare the expeditions",
            "click 100",
            "click Run",
            "until compared",
            "shot compare",
            "quit",
        ],
    );
    assert!(out.contains("done: shot compare"), "{out}");
    for shot in ["menu.png", "orders.png", "compare.png"] {
        assert_drawn(&dir, shot);
    }
    // The orders given by buttons were autosaved, as typed ones are.
    let save = std::fs::read_to_string(dir.join("autosave.json")).unwrap();
    assert!(save.contains("\"loulan\""), "{save}");
    assert!(save.contains("Request"), "{save}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_edited_scenario_reloads_and_a_broken_edit_shows_its_error() {
    let Some(dir) = fresh("reload") else {
        return;
    };
    // A copy of the scenarios to edit.
    let scenarios = dir.join("scenarios");
    for sub in ["", "maps", "rules"] {
        std::fs::create_dir_all(scenarios.join(sub)).unwrap();
    }
    for file in [
        "second_expedition_102bc.ron",
        "maps/western_regions.ron",
        "rules/han_army.ron",
    ] {
        std::fs::copy(
            Path::new(ROOT).join("scenarios").join(file),
            scenarios.join(file),
        )
        .unwrap();
    }
    let campaign = scenarios.join("second_expedition_102bc.ron");
    let good = std::fs::read_to_string(&campaign).unwrap();
    let shots = dir.to_string_lossy().into_owned();
    // The banner names the line of the edit below.
    let line = good
        .lines()
        .position(|l| l.contains("morale: 0.7,"))
        .expect("the army's morale")
        + 1;
    let banner = format!("banner second_expedition_102bc.ron:{line}:");
    let script = [
        "march yumen_pass",
        "end",
        "until reload-failed",
        &banner,
        "shot broken",
        "until reloaded",
        "expect reloaded",
        "status",
        "expect at Yumen Pass",
        "quit",
    ]
    .join(";");
    let mut child = xvfb(&[
        "window",
        campaign.to_str().unwrap(),
        "--shots",
        &shots,
        "--saves",
        &shots,
        "--script",
        &script,
    ])
    .stdout(Stdio::piped())
    .spawn()
    .expect("xvfb-run runs");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut wait_for = |what: &str| {
        for line in lines.by_ref() {
            if line.unwrap() == what {
                return;
            }
        }
        panic!("the window never printed '{what}'");
    };
    // A broken edit: a word where a number should be.
    wait_for("done: end");
    let broken = good.replacen("morale: 0.7,", "morale: \"high\",", 1);
    assert_ne!(broken, good, "the edit applies");
    std::fs::write(&campaign, broken).unwrap();
    // A good edit: the game reloads and replays the march.
    wait_for("done: shot broken");
    std::fs::write(&campaign, good.replacen("seed: 102", "seed: 102 ", 1)).unwrap();
    wait_for("done: quit");
    assert!(child.wait().unwrap().success());
    assert_drawn(&dir, "broken.png");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_map_and_the_command_line_tell_the_reach_of_each_road() {
    script_shot(
        "reach",
        "scenarios/first_expedition_104bc.ron",
        &[
            "march yumen_pass",
            "end",
            "reach",
            "expect From Yumen Pass",
            "expect loulan: ",
            "forecast march loulan",
            "expect Yumen Pass -> Loulan: sets out day",
            "shot reach",
            "quit",
        ],
        "reach",
    );
}

#[test]
fn the_order_buttons_forage_send_for_a_convoy_and_demand_hostages() {
    script_shot(
        "field-supply",
        "scenarios/first_expedition_104bc.ron",
        &[
            "march yumen_pass",
            "end",
            "click Forage 3 days",
            "expect camp and send foraging parties out for 3 days",
            "end",
            "expect foraging parties bring in",
            "click Convoy",
            "expect a convoy leaves the base for Li Guangli's army with 500 men",
            "march loulan",
            "days 30",
            "click Demand a hostage",
            "expect refused: Loulan has not submitted, sold or been conquered: it gives no hostage",
            "shot field-supply",
            "quit",
        ],
        "field-supply",
    );
}

#[test]
fn the_muster_panel_changes_the_army_before_it_sets_out() {
    let Some(dir) = fresh("muster") else {
        return;
    };
    // The panel's buttons type muster commands: more foot, a column split off, an earlier day.
    let out = script_in(
        &dir,
        Some("scenarios/first_expedition_104bc.ron"),
        &[
            "click +1000",
            "expect Li Guangli's army takes 21,000 infantry",
            "click Split off Column 2",
            "expect Li Guangli's army splits in two: Column 2 takes half",
            "click A month earlier",
            "expect the army leaves on month 7 day 1, 104 BC",
            "shot muster",
            "status",
            "expect month 7 day 1, 104 BC",
            "expect Column 2",
            "end",
            "muster grain 100",
            "expect the army has left Dunhuang",
            "save mustered",
            "quit",
        ],
    );
    assert!(out.contains("done: shot muster"), "{out}");
    assert_drawn(&dir, "muster.png");
    // The save records the army as mustered.
    let save = std::fs::read_to_string(dir.join("mustered.json")).unwrap();
    assert!(save.contains("\"muster\""), "{save}");
    assert!(save.contains("Column 2"), "{save}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_guided_campaign_is_offered_first_and_played_to_its_end_from_the_menu() {
    let Some(dir) = fresh("guided") else {
        return;
    };
    // The menu offers the guided campaign first; each lesson in the chronicle names the button
    // that takes the next step, and the buttons named take it.
    let out = script_in(
        &dir,
        None,
        &[
            "click New game",
            "expect A First Campaign: the Road to Loulan",
            "expect Lesson 1, the march",
            "click March to Yumen Pass",
            "click End turn",
            "expect Lesson 2, water",
            "click Water for the leg",
            "forecast march loulan",
            "expect Yumen Pass -> Loulan",
            "click March to Loulan",
            "click End turn",
            "expect Lesson 3, asking",
            "click Ask for food",
            "click End turn",
            "expect Lesson 4, the siege",
            "click Besiege (60 days)",
            "until 120",
            "log",
            "expect Lesson 5, home",
            "shot guided",
            "until 200",
            "report",
            "expect victory",
            "quit",
        ],
    );
    assert!(out.contains("done: shot guided"), "{out}");
    assert_drawn(&dir, "guided.png");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_new_campaigns_play_in_the_window_an_embassy_held_captive_and_six_columns() {
    // Zhang Qian's embassy is seized on the Hexi road and can take no order while held.
    script_shot(
        "zhang-qian",
        "scenarios/zhang_qian_139bc.ron",
        &[
            "frames 5",
            "march guzang",
            "end",
            "march jushi",
            "expect refused: Zhang Qian's embassy is held captive by the Xiongnu",
            "shot zhang-qian",
            "quit",
        ],
        "zhang-qian",
    );
    // Zhizhi's six columns set out, each with a plan of its own.
    script_shot(
        "zhizhi",
        "scenarios/zhizhi_36bc.ron",
        &[
            "frames 5",
            "march chigu",
            "expect march to chigu",
            "end",
            "shot zhizhi",
            "quit",
        ],
        "zhizhi",
    );
}

#[test]
fn an_enemy_in_the_field_shows_on_the_map_and_is_engaged_by_its_button() {
    // The tutorial with a party of scouts taking the field at Dunhuang, where the column stands.
    let Some(dir) = fresh("enemy") else {
        return;
    };
    let copy = dir.join("scenarios");
    copy_dir(&Path::new(ROOT).join("scenarios"), &copy);
    let file = copy.join("first_campaign_tutorial.ron");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "    events: [\n",
        "    events: [\n        (when: Day(0), then: [EnemyForce(name: \"Xiongnu scouts\", men: 300, cavalry_share: 1.0, at: \"dunhuang\", food_days: 30.0, aim: Harass)]),\n",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let scenario = file.to_string_lossy().into_owned();
    let out = script_in(
        &dir,
        Some(&scenario),
        &[
            "frames 5",
            "until 1",
            "shot enemy",
            "click engage xiongnu scouts",
            "expect attack the enemy in the field here",
            "end",
            "quit",
        ],
    );
    assert!(out.contains("done: shot enemy"), "{out}");
    assert_drawn(&dir, "enemy.png");
    let _ = std::fs::remove_dir_all(dir);
}

/// Copies the folder `from` to `to`, with everything in it.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}
