//! The game window's speed under software rendering, as a player meets it: the release build
//! started under `xvfb-run` at 1280×720 (Debian's mesa-vulkan-drivers: llvmpipe), watching the
//! 102 BC campaign's historical plan march at 10 days a second. Prints the time to the first
//! frame (target ≤ 3 s) and the frames a second while the army moves (target ≥ 30), for three
//! launches. Skipped where `xvfb-run` is missing.
//!
//! `cargo bench --bench window`

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_heavenly-horses");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn main() {
    if Command::new("xvfb-run").arg("--help").output().is_err() {
        eprintln!("xvfb-run is not installed: apt-get install xvfb xauth mesa-vulkan-drivers");
        return;
    }
    let dir = std::env::temp_dir().join(format!("hh-bench-window-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    println!("window, 1280×720 under xvfb-run (software Vulkan), watching 102 BC at 10 days/s:");
    for run in 1..=3 {
        let out = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1280x720x24", BIN, "window"])
            .arg("scenarios/second_expedition_102bc.ron")
            .arg("--watch")
            .arg("--saves")
            .arg(&dir)
            .arg("--shots")
            .arg(&dir)
            .args(["--script", "frames 30;measure;frames 300;fps;quit"])
            .current_dir(ROOT)
            .output()
            .expect("xvfb-run runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let first = stdout
            .lines()
            .find(|l| l.starts_with("first frame"))
            .unwrap_or("first frame: not seen");
        let fps = stdout
            .lines()
            .find(|l| l.starts_with("fps"))
            .unwrap_or("fps: not measured");
        println!("  run {run}: {first}; {fps}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
