//! The game as a hostile user or a careless modder finds it: saves and mod folders that try to
//! reach outside their folders, planted links, closed pipes, bytes that are not text, and odd
//! `compare` calls. Each is turned away with a message, and nothing panics or is lost.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hh-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the game with `args` in `cwd`, `input` on standard input.
fn run_in(cwd: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A program that refuses its arguments exits before it reads a line: its input may be closed.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

/// Plays 102 BC in the terminal from the project's folder, saving into `saves`, `input` typed.
fn play_102(saves: impl AsRef<Path>, input: &[u8]) -> Output {
    run_in(
        Path::new(ROOT),
        &[
            "play",
            "scenarios/second_expedition_102bc.ron",
            "--text",
            "--saves",
            saves.as_ref().to_str().unwrap(),
        ],
        input,
    )
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn no_panic(out: &Output) {
    let (_, err) = text(out);
    assert!(
        !err.contains("panicked") && out.status.code() != Some(101),
        "a panic: {err}"
    );
}

/// Plays a few days of 102 BC in the terminal, saving into `saves` as `name`.
fn a_save(saves: &Path, name: &str) -> PathBuf {
    let out = play_102(
        saves,
        format!("march yumen_pass\nend\nsave {name}\nquit\n").as_bytes(),
    );
    assert!(out.status.success(), "{:?}", text(&out));
    saves.join(format!("{name}.json"))
}

/// The save at `path` with its `scenario` field set to `scenario`, written as `name`.
fn doctored(path: &Path, name: &str, scenario: &str, version: u32) -> PathBuf {
    let mut save: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    save["scenario"] = scenario.into();
    save["version"] = version.into();
    let to = path.with_file_name(format!("{name}.json"));
    std::fs::write(&to, serde_json::to_string_pretty(&save).unwrap()).unwrap();
    to
}

// 1. A save cannot make the game read any file, and saves can be moved.

#[test]
fn a_save_that_names_a_file_outside_the_scenarios_is_refused_without_reading_it() {
    let dir = folder("evil-save");
    let good = a_save(&dir.join("saves"), "s1");
    for (name, scenario, version) in [
        ("climb", "../../../../etc/passwd", 2),
        ("absolute", "/etc/passwd", 2),
        ("old-climb", "../../../../etc/passwd", 1),
    ] {
        let evil = doctored(&good, name, scenario, version);
        let out = run_in(Path::new(ROOT), &["replay", evil.to_str().unwrap()], b"");
        no_panic(&out);
        let (_, err) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            !err.contains("root") && !err.contains("CampaignFile"),
            "{name}: the file was read: {err}"
        );
        assert!(
            err.contains("scenarios folder"),
            "{name}: the message says why: {err}"
        );
    }
    // `load` in the terminal refuses it as well, and the game goes on.
    doctored(&good, "evil", "../../../../etc/passwd", 2);
    let out = play_102(dir.join("saves"), b"load evil\nstatus\nquit\n");
    let (said, _) = text(&out);
    assert!(said.contains("The game goes on as it was"), "{said}");
    assert!(!said.contains("root"), "{said}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_save_moved_elsewhere_replays_from_any_folder() {
    let dir = folder("moved");
    let made = a_save(&dir.join("saves"), "s1");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&made).unwrap()).unwrap();
    assert_eq!(saved["scenario"], "second_expedition_102bc.ron");
    // The whole game folder moved: the save finds the scenarios beside its own folder.
    let game = dir.join("game");
    common::copy_tree(
        &Path::new(ROOT).join("scenarios"),
        &game.join("scenarios"),
        &[],
    );
    std::fs::create_dir_all(game.join("saves")).unwrap();
    let moved = game.join("saves/s1.json");
    std::fs::rename(&made, &moved).unwrap();
    let elsewhere = folder("moved-cwd");
    let out = run_in(&elsewhere, &["replay", moved.to_str().unwrap()], b"");
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(text(&out).0.contains("The Second Expedition"));
    // A save of a campaign in no scenarios folder the game knows: it says how to name the
    // folder, and finds the campaign there.
    let modded = game.join("scenarios/mods/m");
    std::fs::create_dir_all(&modded).unwrap();
    std::fs::rename(
        game.join("scenarios/second_expedition_102bc.ron"),
        modded.join("x.ron"),
    )
    .unwrap();
    for dir in ["maps", "rules"] {
        common::copy_tree(&game.join("scenarios").join(dir), &modded.join(dir), &[]);
    }
    let lone = doctored(&moved, "lone", "x.ron", 2);
    let lone_moved = dir.join("lone.json");
    std::fs::rename(&lone, &lone_moved).unwrap();
    let lone = lone_moved;
    let out = run_in(&elsewhere, &["replay", lone.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("--scenarios"), "{:?}", text(&out));
    let scenarios = modded;
    let out = run_in(
        &elsewhere,
        &[
            "replay",
            lone.to_str().unwrap(),
            "--scenarios",
            scenarios.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{:?}", text(&out));
    // A save of the first format, which named its campaign from the folder the game ran in.
    let old = doctored(&moved, "old", "scenarios/mods/m/x.ron", 1);
    let out = run_in(&elsewhere, &["replay", old.to_str().unwrap()], b"");
    assert!(out.status.success(), "{:?}", text(&out));
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(elsewhere);
}

// 2. A planted link does not make a save overwrite another file.

#[cfg(unix)]
#[test]
fn a_planted_link_beside_the_autosave_is_not_written_through() {
    let dir = folder("planted");
    let saves = dir.join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let victim = dir.join("precious.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, saves.join("autosave.json.tmp")).unwrap();
    let out = play_102(&saves, b"march yumen_pass\nend\nquit\n");
    assert!(out.status.success(), "{:?}", text(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let autosave = std::fs::read_to_string(saves.join("autosave.json")).unwrap();
    assert!(autosave.contains("heavenly-horses"));
    let _ = std::fs::remove_dir_all(dir);
}

// 3. A mod folder's links lead nowhere outside it; devices and pipes are not read.

/// A mod folder with a campaign whose map is `map`, beside a copy of the shipped rules.
fn a_mod(dir: &Path, map: &str) -> PathBuf {
    let folder = dir.join("mymod");
    std::fs::create_dir_all(folder.join("rules")).unwrap();
    std::fs::copy(
        Path::new(ROOT).join("scenarios/rules/han_army.ron"),
        folder.join("rules/han_army.ron"),
    )
    .unwrap();
    let campaign =
        std::fs::read_to_string(Path::new(ROOT).join("scenarios/first_expedition_104bc.ron"))
            .unwrap()
            .replace("maps/western_regions.ron", map);
    let path = folder.join("campaign.ron");
    std::fs::write(&path, campaign).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn links_out_of_a_mod_folder_devices_and_pipes_are_refused() {
    let dir = folder("mod-links");
    for (name, map, setup) in [
        ("etc", "maps/passwd", "etc"),
        ("zero", "zero.ron", "zero"),
        ("fifo", "fifo.ron", "fifo"),
    ] {
        let sub = dir.join(name);
        let campaign = a_mod(&sub, map);
        let folder = campaign.parent().unwrap();
        match setup {
            "etc" => std::os::unix::fs::symlink("/etc", folder.join("maps")).unwrap(),
            "zero" => std::os::unix::fs::symlink("/dev/zero", folder.join("zero.ron")).unwrap(),
            _ => {
                let made = Command::new("mkfifo")
                    .arg(folder.join("fifo.ron"))
                    .status()
                    .unwrap();
                assert!(made.success());
            }
        }
        let out = run_in(
            Path::new(ROOT),
            &["validate", campaign.to_str().unwrap()],
            b"",
        );
        no_panic(&out);
        let (_, err) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(!err.contains("root:"), "{name}: the file was read: {err}");
        assert!(
            err.contains("outside the scenario's folder") || err.contains("not a regular file"),
            "{name}: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

// 4. A closed pipe ends a command quietly.

#[test]
fn a_closed_output_pipe_ends_each_command_quietly() {
    for args in [
        vec!["run", "scenarios/second_expedition_102bc.ron"],
        vec!["run", "scenarios/second_expedition_102bc.ron", "--json"],
        vec![
            "validate",
            "scenarios/second_expedition_102bc.ron",
            "--json",
        ],
        vec![
            "compare",
            "scenarios/first_expedition_104bc.ron",
            "scenarios/second_expedition_102bc.ron",
            "--runs",
            "3",
        ],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(ROOT)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before a byte is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        no_panic(&out);
        assert!(out.status.success(), "{args:?}: {:?}", text(&out));
    }
    // The terminal game too: it ends quietly, and keeps the orders given in its autosave.
    let dir = folder("pipe-play");
    let mut child = Command::new(BIN)
        .args([
            "play",
            "scenarios/second_expedition_102bc.ron",
            "--text",
            "--saves",
            dir.to_str().unwrap(),
        ])
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let _ = child.stdin.take().unwrap().write_all(b"march yumen_pass\n");
    let out = child.wait_with_output().unwrap();
    no_panic(&out);
    let _ = std::fs::remove_dir_all(dir);
}

// 11. A line that is not UTF-8 is refused like any bad command; nothing is lost.

#[test]
fn a_line_that_is_not_text_is_refused_and_the_game_goes_on() {
    let dir = folder("bytes");
    let out = play_102(&dir, b"march yumen_pass\n\xff\xfe march \xc3\x28\nrest 2\n");
    assert!(out.status.success(), "{:?}", text(&out));
    let (said, _) = text(&out);
    assert!(said.contains("not text"), "{said}");
    // The input ended before any turn: the orders given are in the autosave all the same.
    let autosave = std::fs::read_to_string(dir.join("autosave.json")).unwrap();
    assert!(
        autosave.contains("yumen_pass") && autosave.contains("Rest"),
        "{autosave}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

// 12. compare: names of their own, seeds that fit, the chart's format, paths checked first.

fn compare(args: &[&str]) -> Output {
    let mut all = vec![
        "compare",
        "scenarios/first_expedition_104bc.ron",
        "scenarios/second_expedition_102bc.ron",
    ];
    all.extend_from_slice(args);
    run_in(Path::new(ROOT), &all, b"")
}

#[test]
fn compare_checks_its_arguments_before_the_first_run() {
    let dir = folder("compare");
    // Seeds that would wrap past the last one.
    let out = compare(&["--seed", "18446744073709551614", "--runs", "5"]);
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
    assert!(text(&out).1.contains("--seed"), "{:?}", text(&out));
    // A chart that is neither SVG nor PNG.
    let jpg = dir.join("out.jpg");
    let out = compare(&["--runs", "2", "--chart", jpg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains(".svg or .png"), "{:?}", text(&out));
    assert!(!jpg.exists());
    // Paths that cannot be written are found before any run (with a million runs asked, the
    // answer comes at once).
    std::fs::write(dir.join("a-file"), "").unwrap();
    let csv_in_file = dir.join("a-file/csv");
    let out = compare(&["--runs", "1000000", "--csv", csv_in_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
    assert!(text(&out).1.contains("a-file"), "{:?}", text(&out));
    let png_in_file = dir.join("a-file/chart.png");
    let out = compare(&[
        "--runs",
        "1000000",
        "--chart",
        png_in_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
    assert!(!text(&out).1.contains("ImageError"), "{:?}", text(&out));
    // The same campaign twice: two CSV files, not one over the other.
    let csv = dir.join("csv");
    let out = run_in(
        Path::new(ROOT),
        &[
            "compare",
            "scenarios/first_expedition_104bc.ron",
            "scenarios/first_expedition_104bc.ron",
            "--runs",
            "2",
            "--csv",
            csv.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(csv.join("first_expedition_104bc.csv").is_file());
    assert!(csv.join("first_expedition_104bc-2.csv").is_file());
    let _ = std::fs::remove_dir_all(dir);
}

// 10. Messages in the player's words.

#[test]
fn a_file_given_as_the_saves_folder_is_named_as_such() {
    let dir = folder("saves-file");
    let file = dir.join("saves");
    std::fs::write(&file, "").unwrap();
    let out = play_102(&file, b"quit\n");
    assert_eq!(out.status.code(), Some(2));
    let (_, err) = text(&out);
    assert!(err.contains("is a file; give a folder"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_save_of_a_version_written_as_a_word_says_what_it_found() {
    let dir = folder("version-word");
    let good = a_save(&dir.join("saves"), "s1");
    let mut save: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&good).unwrap()).unwrap();
    save["version"] = "one".into();
    std::fs::write(&good, save.to_string()).unwrap();
    let out = run_in(Path::new(ROOT), &["replay", good.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let (_, err) = text(&out);
    assert!(err.contains("\"one\""), "{err}");
    assert!(!err.contains("version 0"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Item 13: a queue of orders costs each order once. Fifty thousand queued marches are given,
/// listed, resolved a turn at a time and replayed from the save's actions; on the old
/// quadratic queues this did not finish in CI's time.
#[test]
fn a_very_long_queue_of_orders_is_given_listed_and_replayed() {
    use heavenly_horses::play::{Advance, Game, Order};
    use heavenly_horses::scenario::Scenario;

    const QUEUED: usize = 50_000;
    let scenario =
        Scenario::load(Path::new(ROOT).join("scenarios/second_expedition_102bc.ron")).unwrap();
    let mut game = Game::new(scenario.clone(), 102);
    let force = game.force_names()[0].clone();
    // Back and forth along the first road from where the army stands: each march is checked
    // against the place the queue before it leads to.
    let start = &scenario.campaign.forces[0].at;
    let road = scenario
        .map
        .routes
        .iter()
        .find(|r| &r.from == start || &r.to == start)
        .unwrap();
    let there = if &road.from == start {
        &road.to
    } else {
        &road.from
    };
    for i in 0..QUEUED {
        let to = if i % 2 == 0 { there } else { start };
        let order: Order = format!("march {to}").parse().unwrap();
        game.give(&force, order)
            .expect("a march to a neighbour is given");
    }
    let listed = heavenly_horses::play::text::orders(game.world_ref());
    assert_eq!(
        listed.matches("march").count(),
        QUEUED,
        "every queued order is listed"
    );
    for _ in 0..5 {
        game.advance(Advance::Turn);
    }
    let date = game.date();
    let replayed = Game::replay(scenario, 102, game.actions()).expect("the actions replay");
    assert_eq!(replayed.date(), date, "the replay reaches the same day");
    assert_eq!(replayed.actions().len(), game.actions().len());
}
