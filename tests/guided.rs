//! The guided first campaign: offered first in the menu, valid, and won in the terminal by a
//! new player who does what each lesson says, whatever the seed.

mod common;

use heavenly_horses::play::Game;
use heavenly_horses::sim::Outcome;
use heavenly_horses::terminal::Session;

const GUIDED: &str = "first_campaign_tutorial.ron";

#[test]
fn the_menu_offers_the_guided_campaign_first() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let menu = heavenly_horses::scenario::load::menu(&dir)
        .unwrap()
        .expect("a menu");
    assert_eq!(menu.first.as_deref(), Some(GUIDED));
    // It loads and validates like any campaign.
    let s = common::shipped(GUIDED);
    assert!(
        s.campaign.history.is_none(),
        "an exercise has no historical record"
    );
}

#[test]
fn a_player_who_follows_the_lessons_wins_the_guided_campaign() {
    for seed in 1..=6 {
        let dir = std::env::temp_dir().join(format!("hh-guided-{seed}-{}", std::process::id()));
        let mut session = Session::new(Game::new(common::shipped(GUIDED), seed), &dir);
        let mut said = String::new();
        let say = |session: &mut Session, said: &mut String, line: &str| {
            let out = session.command(line);
            said.push_str(&out);
            out
        };
        // Lesson 1 is the campaign's description; each later one ends with what to do next.
        for line in [
            "march yumen_pass",
            "end",
            "water 0",
            "forecast march loulan",
        ] {
            say(&mut session, &mut said, line);
        }
        for line in ["march loulan", "end", "ask", "end"] {
            say(&mut session, &mut said, line);
        }
        // A city that holds out through the first days is besieged longer.
        if session.game.ended().is_none() && !said.contains("Lesson 5") {
            let out = say(&mut session, &mut said, "besiege 60");
            assert!(out.contains("besiege the city"), "seed {seed}: {out}");
        }
        for _ in 0..40 {
            if session.game.ended().is_some() {
                break;
            }
            say(&mut session, &mut said, "end");
        }
        assert_eq!(
            session.game.ended(),
            Some(Outcome::Victory),
            "seed {seed}:\n{said}"
        );
        let at = |lesson: &str| {
            said.find(lesson)
                .unwrap_or_else(|| panic!("seed {seed}: no '{lesson}' in\n{said}"))
        };
        assert!(at("Lesson 2, water") < at("Lesson 3, asking"));
        assert!(at("Lesson 3, asking") < at("Lesson 4, the siege"));
        assert!(at("Lesson 4, the siege") < at("Lesson 5, home"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
