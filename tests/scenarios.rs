//! Scenario files: the shipped ones load, the code knows no place names, and bad files get errors
//! that name the file, line and column, the field, and what would be valid.

use std::fs;
use std::path::{Path, PathBuf};

use heavenly_horses::report;
use heavenly_horses::scenario::Scenario;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Copies the shipped scenarios into a fresh folder, so a test can change them.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hh-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for sub in ["", "maps", "rules"] {
        let from = Path::new(ROOT).join("scenarios").join(sub);
        let to = dir.join(sub);
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "ron") {
                fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} contains {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_shipped_scenarios_load() {
    for name in ["first_expedition_104bc.ron", "second_expedition_102bc.ron"] {
        let s = Scenario::load(Path::new(ROOT).join("scenarios").join(name)).unwrap();
        assert!(s.map.places.len() > 10);
        assert!(!s.campaign.plan.is_empty());
    }
}

fn rust_sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.clone(), fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn the_code_names_no_place_of_the_map() {
    let s = Scenario::load(Path::new(ROOT).join("scenarios/second_expedition_102bc.ron")).unwrap();
    let mut sources = Vec::new();
    rust_sources(&Path::new(ROOT).join("src"), &mut sources);
    for (path, text) in &sources {
        for p in &s.map.places {
            for word in [&p.id, &p.name] {
                assert!(
                    !text.contains(word.as_str()),
                    "{} names the place {word:?}; place names belong in scenarios/",
                    path.display()
                );
            }
        }
        for st in &s.map.states {
            assert!(
                !text.contains(&format!("\"{}\"", st.id)),
                "{} names the state {:?}",
                path.display(),
                st.id
            );
        }
    }
}

#[test]
fn renaming_a_place_in_the_map_renames_it_in_the_game() {
    let dir = scratch("rename");
    edit(
        &dir.join("maps/western_regions.ron"),
        "name: \"Loulan\", lat",
        "name: \"Kroraina\", lat",
    );
    let scenario = Scenario::load(dir.join("second_expedition_102bc.ron")).unwrap();
    let mut app =
        heavenly_horses::runner::run(&scenario, 3, heavenly_horses::sim::Commander::Historical);
    let r = report::build(app.world_mut());
    let names: Vec<&str> = r.places.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Kroraina"), "{names:?}");
    assert!(!names.contains(&"Loulan"), "{names:?}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn an_unknown_field_is_reported_with_file_line_column_and_the_valid_fields() {
    let dir = scratch("field");
    let map = dir.join("maps/western_regions.ron");
    edit(&map, "waterless_days: 3.0", "waterless_dayz: 3.0");
    let err = Scenario::load(dir.join("first_expedition_104bc.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("western_regions.ron:"), "{err}");
    assert!(err.contains("waterless_dayz"), "{err}");
    assert!(
        err.contains("waterless_days"),
        "the valid field names are listed: {err}"
    );
    let line = fs::read_to_string(&map)
        .unwrap()
        .lines()
        .position(|l| l.contains("waterless_dayz"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!(":{line}:")), "line {line} in {err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_misspelt_place_gets_a_did_you_mean() {
    let dir = scratch("place");
    edit(
        &dir.join("first_expedition_104bc.ron"),
        "March(\"luntai\")",
        "March(\"luntia\")",
    );
    let err = Scenario::load(dir.join("first_expedition_104bc.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("first_expedition_104bc.ron:"), "{err}");
    assert!(err.contains("plan["), "the field is named: {err}");
    assert!(err.contains("did you mean 'luntai'"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_plan_that_leaves_the_roads_is_refused_with_the_neighbours() {
    let dir = scratch("route");
    edit(
        &dir.join("first_expedition_104bc.ron"),
        "March(\"yumen_pass\")",
        "March(\"loulan\")",
    );
    let err = Scenario::load(dir.join("first_expedition_104bc.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no route from 'dunhuang' to 'loulan'"),
        "{err}"
    );
    assert!(
        err.contains("yumen_pass"),
        "the routes that exist are listed: {err}"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_force_that_cannot_carry_its_stores_is_refused() {
    let dir = scratch("carry");
    edit(
        &dir.join("first_expedition_104bc.ron"),
        "grain_t: 560.0",
        "grain_t: 56000.0",
    );
    let err = Scenario::load(dir.join("first_expedition_104bc.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("forces[0].stores"), "{err}");
    assert!(err.contains("can carry"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_path_outside_the_scenario_folder_is_refused() {
    let dir = scratch("escape");
    edit(
        &dir.join("first_expedition_104bc.ron"),
        "map: \"maps/western_regions.ron\"",
        "map: \"../../etc/passwd\"",
    );
    let err = Scenario::load(dir.join("first_expedition_104bc.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("leaves the scenario's folder"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_truncated_file_gets_a_syntax_error_not_a_panic() {
    let dir = scratch("truncated");
    let path = dir.join("second_expedition_102bc.ron");
    let text = fs::read_to_string(&path).unwrap();
    let half = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    fs::write(&path, &text[..half]).unwrap();
    let err = Scenario::load(&path).unwrap_err().to_string();
    assert!(err.contains("second_expedition_102bc.ron:"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn an_event_naming_an_unknown_state_is_refused_with_a_did_you_mean() {
    let dir = scratch("event");
    let path = dir.join("second_expedition_102bc.ron");
    edit(
        &path,
        "SiegeDays(\"dayuan\", 20)",
        "SiegeDays(\"dayaun\", 20)",
    );
    let err = Scenario::load(&path).unwrap_err().to_string();
    assert!(err.contains("second_expedition_102bc.ron:"), "{err}");
    assert!(err.contains("events["), "the field is named: {err}");
    assert!(err.contains("did you mean 'dayuan'"), "{err}");
    let line = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("dayaun"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!(":{line}:")), "line {line} in {err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn detachments_are_checked_like_the_army() {
    let dir = scratch("detach");
    let path = dir.join("second_expedition_102bc.ron");
    // The detachment's own plan leaves the roads, its size is no share, and a Join names no force.
    edit(
        &path,
        "            March(\"qiemo\"), Request,",
        "            March(\"gumo\"), Request,",
    );
    edit(&path, "size: Share(0.3)", "size: Share(1.5)");
    edit(
        &path,
        "            March(\"osh\"),\n            March(\"guishan\"),\n            Join(\"Li Guangli's army\"),",
        "            March(\"osh\"),\n            March(\"guishan\"),\n            Join(\"Li Guangli's armee\"),",
    );
    let err = Scenario::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("no route from 'charklik' to 'gumo'"),
        "the detachment's march is checked from where it split off: {err}"
    );
    assert!(
        err.contains("plan[0].plan[3]"),
        "the nested field is named: {err}"
    );
    assert!(err.contains("Share(x) with x between 0 and 1"), "{err}");
    assert!(err.contains("did you mean 'Li Guangli's army'"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_vassal_of_no_state_is_refused() {
    let dir = scratch("vassal");
    edit(
        &dir.join("maps/western_regions.ron"),
        "vassal_of: Some(\"dayuan\")",
        "vassal_of: Some(\"dayan\")",
    );
    let err = Scenario::load(dir.join("second_expedition_102bc.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("vassal_of"), "{err}");
    assert!(err.contains("did you mean 'dayuan'"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn every_field_of_the_scenario_format_is_in_the_modding_guide() {
    let mut files = Vec::new();
    rust_sources(&Path::new(ROOT).join("src/scenario/types"), &mut files);
    let types: String = files.into_iter().map(|(_, text)| text).collect();
    let guide = fs::read_to_string(Path::new(ROOT).join("scenarios/MODDING.md")).unwrap();
    let missing: Vec<&str> = types
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split_once(':').map(|(name, _)| name))
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .filter(|name| !guide.contains(name))
        .collect();
    assert!(missing.is_empty(), "undocumented fields: {missing:?}");
}

#[test]
fn a_what_if_overlays_its_base_campaign_and_changes_only_what_it_names() {
    let base =
        Scenario::load(Path::new(ROOT).join("scenarios/first_expedition_104bc.ron")).unwrap();
    let what_if =
        Scenario::load(Path::new(ROOT).join("scenarios/whatif_104bc_with_oxen.ron")).unwrap();
    assert_eq!(what_if.campaign.forces[0].animals.oxen, 100_000);
    assert_eq!(base.campaign.forces[0].animals.oxen, 0);
    assert_eq!(
        what_if.campaign.forces[0].stores,
        base.campaign.forces[0].stores
    );
    assert_eq!(what_if.campaign.plan, base.campaign.plan);
    assert_eq!(what_if.map, base.map);
    assert!(
        what_if.campaign.history.is_none(),
        "a what-if has no record"
    );
    assert_ne!(what_if.hash, base.hash);
    let no_engineers =
        Scenario::load(Path::new(ROOT).join("scenarios/whatif_102bc_without_engineers.ron"))
            .unwrap();
    assert!(!no_engineers.campaign.forces[0].engineers);
}

#[test]
fn an_overlay_of_a_missing_campaign_or_force_is_refused() {
    let dir = scratch("overlay");
    let path = dir.join("whatif.ron");
    fs::write(
        &path,
        "(overlay: \"first_expedition_1O4bc.ron\", name: \"x\")\n",
    )
    .unwrap();
    let err = Scenario::load(&path).unwrap_err().to_string();
    assert!(err.contains("first_expedition_1O4bc.ron"), "{err}");
    fs::write(
        &path,
        "(overlay: \"first_expedition_104bc.ron\", name: \"x\",\n forces: [(force: 3, morale: 1.0)])\n",
    )
    .unwrap();
    let err = Scenario::load(&path).unwrap_err().to_string();
    assert!(err.contains("whatif.ron:2:"), "{err}");
    assert!(err.contains("no force 3"), "{err}");
    fs::write(&path, "(overlay: \"../escape.ron\", name: \"x\")\n").unwrap();
    let err = Scenario::load(&path).unwrap_err().to_string();
    assert!(err.contains("leaves the scenario's folder"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn the_guides_campaign_from_scratch_validates_and_plays_to_victory() {
    // The guide's two RON blocks, each opening with a comment that names its file.
    let guide = fs::read_to_string(Path::new(ROOT).join("scenarios/MODDING.md")).unwrap();
    let dir = std::env::temp_dir().join(format!("hh-guide-{}", std::process::id()));
    fs::create_dir_all(dir.join("maps")).unwrap();
    fs::create_dir_all(dir.join("rules")).unwrap();
    fs::copy(
        Path::new(ROOT).join("scenarios/rules/han_army.ron"),
        dir.join("rules/army.ron"),
    )
    .unwrap();
    let mut written = Vec::new();
    for block in guide.split("```ron\n").skip(1) {
        let text = block.split("```").next().unwrap();
        let name = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// "))
            .and_then(|l| l.split(':').next())
            .unwrap();
        fs::write(dir.join(name), text).unwrap();
        written.push(name.to_string());
    }
    assert_eq!(written, ["maps/upper_asia.ron", "anabasis.ron"]);
    let s = Scenario::load(dir.join("anabasis.ron")).unwrap_or_else(|e| panic!("{e}"));
    let mut app = heavenly_horses::runner::run(&s, 1, heavenly_horses::sim::Commander::Historical);
    let r = heavenly_horses::report::build(app.world_mut());
    assert_eq!(r.outcome, "victory", "{:?}", r.goals);
    assert_eq!(r.level.as_deref(), Some("Thalatta! Thalatta!"));
    // Its days are told in its own calendar's months, its years BC.
    let attic = [
        "Mounichion",
        "Thargelion",
        "Skirophorion",
        "Hekatombaion",
        "Metageitnion",
        "Boedromion",
        "Pyanepsion",
        "Maimakterion",
        "Poseideon",
        "Gamelion",
        "Anthesterion",
        "Elaphebolion",
    ];
    let named = |text: &str| attic.iter().any(|m| text.contains(m)) && text.contains(" BC");
    assert!(named(&r.date), "{}", r.date);
    let text = heavenly_horses::report::text::render_text(&r);
    assert!(!text.contains("month "), "{text}");
    let _ = fs::remove_dir_all(dir);
}
