//! Made-up scenarios of any size (`heavenly_horses::generate`): they validate, and both
//! commanders carry them through, on a large map too.

use std::path::{Path, PathBuf};

use heavenly_horses::generate::{self, Size};
use heavenly_horses::report;
use heavenly_horses::runner;
use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::Commander;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn made(name: &str, size: Size) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hh-gen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate::write(
        &dir,
        size,
        &Path::new(ROOT).join("scenarios/rules/han_army.ron"),
    )
    .unwrap()
}

#[test]
fn made_up_scenarios_of_every_size_validate() {
    for (places, forces) in [(4, 1), (40, 1), (400, 10), (4000, 100)] {
        let path = made(&format!("v{places}"), Size { places, forces });
        let s = Scenario::load(&path).unwrap_or_else(|e| panic!("{places} places: {e}"));
        assert_eq!(s.map.places.len(), places);
        assert_eq!(s.campaign.forces.len(), forces);
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}

#[test]
fn both_commanders_carry_a_large_made_up_campaign_to_its_end() {
    let path = made(
        "run",
        Size {
            places: 5000,
            forces: 3,
        },
    );
    let s = Scenario::load(&path).unwrap();
    for commander in [Commander::Historical, Commander::Ai] {
        let mut app = runner::run(&s, 1, commander);
        let r = report::build(app.world_mut());
        assert_ne!(
            r.outcome, "in_progress",
            "{commander:?}: the campaign ended"
        );
        assert!(
            r.places.len() > 20,
            "{commander:?}: the columns marched ({} places reached)",
            r.places.len()
        );
    }
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
