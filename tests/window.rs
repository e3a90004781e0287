//! The game window's headless smoke test (feature `gui`): under `xvfb-run` with software Vulkan
//! (Debian's mesa-vulkan-drivers), watch the 102 BC campaign and take screenshots of the march,
//! the siege and the end (day 900 is past it); they must exist and not be blank. Skipped where `xvfb-run` is missing.
#![cfg(feature = "gui")]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_window_shows_the_march_the_siege_and_the_end_under_xvfb() {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("xvfb-run is not installed; skipping the window smoke test");
        return;
    }
    let dir = std::env::temp_dir().join(format!("hh-window-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", BIN, "play"])
        .arg("scenarios/second_expedition_102bc.ron")
        .args(["--autoplay", "--shot-days", "60,290,900", "--screenshots"])
        .arg(&dir)
        .current_dir(ROOT)
        .output()
        .expect("xvfb-run runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for day in ["day-0060.png", "day-0290.png", "day-0900.png"] {
        let bytes = std::fs::read(dir.join(day)).unwrap_or_else(|e| panic!("{day}: {e}"));
        assert_eq!(&bytes[1..4], b"PNG", "{day} is a PNG");
        // A blank 1280×720 frame compresses to a few kilobytes; the map and text do not.
        assert!(
            bytes.len() > 50_000,
            "{day} is not blank ({} bytes)",
            bytes.len()
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn orders_typed_into_the_window_are_carried_out_and_saved() {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("xvfb-run is not installed; skipping the window smoke test");
        return;
    }
    let dir = std::env::temp_dir().join(format!("hh-window-orders-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", BIN, "play"])
        .arg("scenarios/second_expedition_102bc.ron")
        .args([
            "--commands",
            "march yumen_pass;march loulan;ask;end;end;end",
        ])
        .args(["--shot-days", "41", "--screenshots"])
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
    // The window's turns were autosaved with the orders given in it, as in the terminal.
    let save = std::fs::read_to_string(dir.join("autosave.json")).unwrap();
    assert!(save.contains("\"loulan\""), "{save}");
    assert!(save.contains("Request"), "{save}");
    let shot = std::fs::read(dir.join("day-0041.png")).unwrap();
    assert!(shot.len() > 50_000);
    let _ = std::fs::remove_dir_all(dir);
}
