//! The game window's headless smoke test (feature `gui`): under `xvfb-run` with software Vulkan
//! (Debian's mesa-vulkan-drivers), watch the 102 BC campaign and take screenshots of the march,
//! the siege and the end (day 900 is past it), and type orders into it; the screenshots must
//! exist and not be blank. Skipped where `xvfb-run` is missing.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Plays the 102 BC campaign in the window under `xvfb-run` with `args`, screenshots and saves
/// going into a fresh folder named after `name`; the folder, or `None` where `xvfb-run` is missing.
fn play_in_window(name: &str, args: &[&str]) -> Option<PathBuf> {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("xvfb-run is not installed; skipping the window smoke test");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("hh-window-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", BIN, "play"])
        .arg("scenarios/second_expedition_102bc.ron")
        .args(args)
        .arg("--screenshots")
        .arg(&dir)
        .arg("--saves")
        .arg(&dir)
        .current_dir(ROOT)
        .output()
        .expect("xvfb-run runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
