//! Playing through `play --text` as a user would, by feeding commands on standard input: whole
//! campaigns, saves and loads, replays, garbage and damaged files.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use heavenly_horses::play::{Game, Order, words};
use heavenly_horses::scenario::types::PlanStep;
use heavenly_horses::scenario::units::{CubicMetres, Days, Tonnes};

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fresh folder for one test's saves.
fn saves(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hh-play-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs `heavenly-horses ARGS` with `input` on standard input; returns (status ok, stdout, stderr).
fn bin(args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A program that refuses its arguments exits before it reads a line: its input may be closed.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Plays `scenario` in the terminal with `commands`, saving into `dir`.
fn play(scenario: &str, seed: u64, dir: &Path, commands: &[String]) -> String {
    let seed = seed.to_string();
    let dir = dir.to_string_lossy();
    let args = ["play", scenario, "--text", "--seed", &seed, "--saves", &dir];
    let (ok, out, err) = bin(&args, &(commands.join("\n") + "\n"));
    assert!(ok, "play failed: {err}\n{out}");
    out
}

/// The terminal commands that give a plan's orders: each step's own words, a detachment's
/// given to it once it is ordered to split off.
fn commands(plan: &[PlanStep], force: &str, out: &mut Vec<String>) {
    for step in plan {
        if let PlanStep::Detach {
            name,
            size,
            plan,
            stores,
        } = step
        {
            let split = PlanStep::Detach {
                name: name.clone(),
                size: *size,
                plan: Vec::new(),
                stores: *stores,
            };
            out.push(Order::Step(split).to_string());
            out.push(format!("force \"{name}\""));
            commands(plan, name, out);
            out.push(format!("force \"{force}\""));
        } else {
            out.push(Order::Step(step.clone()).to_string());
        }
    }
}

/// The report JSON of `run` (the historical plan), without the chronicle.
fn run_report(scenario: &str, seed: u64) -> serde_json::Value {
    let (ok, out, err) = bin(
        &["run", scenario, "--seed", &seed.to_string(), "--json"],
        "",
    );
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The report JSON of replaying a save.
fn replay_report(save: &Path) -> (String, serde_json::Value) {
    let (ok, out, err) = bin(&["replay", &save.to_string_lossy(), "--json"], "");
    assert!(ok, "replay failed: {err}");
    let v = serde_json::from_str(&out).unwrap();
    (out, v)
}

fn without_chronicle(mut v: serde_json::Value) -> serde_json::Value {
    v.as_object_mut().unwrap().remove("chronicle");
    v
}

const SECOND: &str = "scenarios/second_expedition_102bc.ron";
const FIRST: &str = "scenarios/first_expedition_104bc.ron";

fn historical_commands(path: &str) -> Vec<String> {
    let s = common::shipped(Path::new(path).file_name().unwrap().to_str().unwrap());
    let mut out = Vec::new();
    commands(&s.campaign.plan, &s.campaign.forces[0].name, &mut out);
    out
}

#[test]
fn the_second_expedition_is_played_to_victory_on_standard_input() {
    let dir = saves("second");
    let mut input = historical_commands(SECOND);
    input.extend(std::iter::repeat_n("end".to_string(), 400));
    input.push("report".into());
    input.push("quit".into());
    let out = play(SECOND, 102, &dir, &input);
    assert!(out.contains("The campaign is over: victory"), "{out}");
    assert!(out.contains("Outcome: VICTORY"), "the report is printed");
    // The autosave replays to the same campaign that `run` plays on the same orders.
    let (_, played) = replay_report(&dir.join("autosave.json"));
    assert_eq!(played["outcome"], "victory");
    assert_eq!(played, run_report(SECOND, 102), "play and run agree");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_first_expedition_is_played_into_a_retreat() {
    let dir = saves("first");
    // The historical orders as far as Yucheng; beaten there, the player goes home.
    let mut input = historical_commands(FIRST);
    let attack = input.iter().position(|c| c == "storm").unwrap();
    input.truncate(attack + 1);
    input.push("home".into());
    input.extend(std::iter::repeat_n("end".to_string(), 300));
    input.push("quit".into());
    let out = play(FIRST, 104, &dir, &input);
    assert!(out.contains("The campaign is over: retreat"), "{out}");
    let (_, played) = replay_report(&dir.join("autosave.json"));
    // The same as `run`, whose retreat rule turns the army home where the player did; only the
    // chronicle's words for the turn differ.
    assert_eq!(
        without_chronicle(played),
        without_chronicle(run_report(FIRST, 104))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn save_quit_load_and_continue_ends_as_playing_through_and_replays_byte_for_byte() {
    let orders = historical_commands(SECOND);
    let ends = |n: usize| std::iter::repeat_n("end".to_string(), n);
    // Straight through.
    let through = saves("through");
    let mut input = orders.clone();
    input.extend(ends(400));
    play(SECOND, 7, &through, &input);
    // Twenty turns, save, quit; then load and finish.
    let split = saves("split");
    let mut first_half = orders.clone();
    first_half.extend(ends(20));
    first_half.push("save halfway".into());
    first_half.push("quit".into());
    play(SECOND, 7, &split, &first_half);
    let mut second_half = vec!["load halfway".to_string()];
    second_half.extend(ends(380));
    let out = play(SECOND, 7, &split, &second_half);
    assert!(out.contains("loaded"), "{out}");
    let (a, _) = replay_report(&through.join("autosave.json"));
    let (b, _) = replay_report(&split.join("autosave.json"));
    assert_eq!(a, b, "the same end either way");
    let (again, _) = replay_report(&split.join("autosave.json"));
    assert_eq!(b, again, "a replay is byte-identical");
    for d in [through, split] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn garbage_impossible_orders_and_damaged_saves_get_a_clear_message_and_the_game_goes_on() {
    let dir = saves("garbage");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("broken.json"),
        "{\"game\": \"heavenly-horses\", \"vers",
    )
    .unwrap();
    std::fs::write(dir.join("other.json"), "{\"hello\": 1}").unwrap();
    let input: Vec<String> = [
        "fly to the moon",
        "march",
        "march nowhere",
        "march loulan",
        "rest x",
        "besiege 10",
        "ask",
        "slaughter 5",
        "force 9",
        "load broken",
        "load other",
        "load ../../etc/passwd",
        "march yang_pass",
        "cancel",
        "cancel",
        "march yumen_pass",
        "end",
        "status",
        "quit",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let out = play(SECOND, 1, &dir, &input);
    for expected in [
        "unknown command 'fly'",
        "march where?",
        "no place called 'nowhere'",
        "refused: no route from Dunhuang to Loulan; from Dunhuang roads lead to Yumen Pass",
        "'x' is not a number",
        "refused: there is no state at Dunhuang to fight",
        "refused: there is no state at Dunhuang to ask for supplies",
        "slaughters 5 oxen",
        "no force '9'; the forces: 1 Li Guangli's army",
        "broken.json is damaged",
        "other.json is not a Heavenly Horses save",
        "is not a save name",
        "The game goes on",
        "Li Guangli's army: 1 order taken back",
        "refused: Li Guangli's army has no orders waiting",
        "Li Guangli's army: march to yumen_pass",
        "at Yumen Pass",
    ] {
        assert!(out.contains(expected), "expected '{expected}' in:\n{out}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_replay_of_a_damaged_or_outdated_save_says_so() {
    let dir = saves("replay");
    let input = vec!["march yumen_pass".to_string(), "end".into(), "quit".into()];
    play(SECOND, 1, &dir, &input);
    let autosave = dir.join("autosave.json");
    let text = std::fs::read_to_string(&autosave).unwrap();
    // Truncated.
    let broken = dir.join("truncated.json");
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
    let (ok, _, err) = bin(&["replay", &broken.to_string_lossy()], "");
    assert!(!ok && err.contains("is damaged"), "{err}");
    // The scenario changed since.
    let changed = dir.join("changed.json");
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["scenario_hash"] = "0000000000000000".into();
    std::fs::write(&changed, v.to_string()).unwrap();
    let (ok, _, err) = bin(&["replay", &changed.to_string_lossy()], "");
    assert!(
        !ok && err.contains("has changed since this save was made"),
        "{err}"
    );
    // The good one still replays.
    let (ok, _, err) = bin(&["replay", &autosave.to_string_lossy()], "");
    assert!(ok, "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_order_the_force_cannot_carry_out_is_refused_with_the_reason() {
    // A thousand men laden with grain and no pack animals cannot carry water for a road that is
    // dry almost from the start.
    let mut s = common::second();
    for r in &mut s.map.routes {
        if r.from == "dunhuang" && r.to == "yumen_pass" {
            r.waterless_days = Days(6.0);
        }
    }
    let f = &mut s.campaign.forces[0];
    f.men.infantry = 1000;
    f.men.cavalry = 0;
    f.animals = Default::default();
    f.stores.grain_t = Tonnes(13.5);
    f.stores.fodder_t = Tonnes(0.0);
    f.stores.water_m3 = CubicMetres(0.0);
    let mut game = Game::new(s, 1);
    let name = game.force_names()[0].clone();
    let why = game
        .give(&name, Order::Step(PlanStep::March("yumen_pass".into())))
        .unwrap_err();
    let why = words::refused(game.world_ref(), &name, &why);
    assert!(
        why.starts_with("no route from Dunhuang to Yumen Pass that")
            && why.contains("waterless days, water for 0"),
        "{why}"
    );
    assert!(game.actions().is_empty(), "a refused order is not recorded");
    // The Yang Pass road is watered.
    assert!(
        game.give(&name, Order::Step(PlanStep::March("yang_pass".into())))
            .is_ok()
    );
}

#[test]
fn the_ai_commander_plays_any_scenario_by_its_own_road() {
    for (path, expected) in [(SECOND, "victory"), (FIRST, "retreat")] {
        let (ok, out, err) = bin(&["run", path, "--plan", "ai", "--json"], "");
        assert!(ok, "{err}");
        let ai: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(ai["outcome"], expected, "{path}");
        if path == SECOND {
            // The salt desert's wells cannot water 60,000 men and 160,000 animals at once: it
            // crosses in echelons, which join it again at Loulan.
            let forces = ai["forces"].as_array().unwrap();
            assert!(
                forces.iter().any(
                    |f| f["name"].as_str().is_some_and(|n| n.contains("echelon"))
                        && f["status"] == "merged"
                ),
                "{forces:?}"
            );
        }
        let historical = run_report(path, ai["seed"].as_u64().unwrap());
        assert_ne!(
            ai["places"], historical["places"],
            "its own road, not the plan"
        );
        let (_, again, _) = bin(&["run", path, "--plan", "ai", "--json"], "");
        assert_eq!(out, again, "deterministic");
    }
}

#[test]
fn the_screen_fits_80_columns_and_help_is_one_word_away() {
    let dir = saves("screen");
    let out = play(
        SECOND,
        1,
        &dir,
        &[
            "help".into(),
            "march yumen_pass".into(),
            "march loulan".into(),
            "end".into(),
            "end".into(),
            "quit".into(),
        ],
    );
    assert!(out.contains("march PLACE"), "help lists the orders");
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_watched_game_saved_and_loaded_goes_on_as_the_historical_plan() {
    use heavenly_horses::play::Advance;
    use heavenly_horses::save::SaveFile;
    use heavenly_horses::scenario::Scenario;
    use heavenly_horses::sim::Commander;
    let path = Path::new(ROOT).join("scenarios/second_expedition_102bc.ron");
    let scenario = Scenario::load(&path).unwrap();
    let mut watched = Game::commanded_by(scenario.clone(), 102, Commander::Historical);
    // The window passes the days one by one while the plan commands.
    for _ in 0..120 {
        watched.advance(Advance::Days(1));
    }
    let dir = saves("watched");
    let file = dir.join("watched.json");
    SaveFile::of(watched.world_ref()).write(&file).unwrap();
    let mut loaded = SaveFile::read(&file)
        .unwrap()
        .restore(&file, &[Path::new(ROOT).join("scenarios")])
        .unwrap();
    assert_eq!(loaded.date(), watched.date());
    // Both go on to the same end.
    for game in [&mut watched, &mut loaded] {
        while game.ended().is_none() {
            game.advance(Advance::Days(30));
        }
    }
    let (a, b) = (watched.report(), loaded.report());
    assert_eq!(a.outcome, b.outcome);
    assert_eq!(a.men.returned, b.men.returned);
    assert!(a.horses.obtained > 0, "the plan took the city: {a:?}");
    let _ = std::fs::remove_dir_all(dir);
}
