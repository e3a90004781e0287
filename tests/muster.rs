//! The muster before a campaign: the historical choice is the campaign as written, a choice
//! beyond the base's limits is refused with the reason, a changed muster changes the campaign
//! that follows, and saves, loads and the terminal carry it.

mod common;

use heavenly_horses::play::muster::{self, MusterOrder};
use heavenly_horses::play::{Advance, Game};
use heavenly_horses::save::SaveFile;
use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::muster::historical;
use heavenly_horses::scenario::types::StartDate;
use heavenly_horses::sim::Calendar;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn first() -> Scenario {
    common::shipped("first_expedition_104bc.ron")
}

/// Carries out the muster orders written as after `muster`, each of which must be taken.
fn muster_all(game: &mut Game, orders: &[&str]) {
    for o in orders {
        let order: MusterOrder = o.parse().expect("a muster order");
        muster::order(game.world(), "", &order)
            .unwrap_or_else(|why| panic!("muster {o} refused: {why}"));
    }
}

/// A muster order's refusal.
fn refused(game: &mut Game, order: &str) -> String {
    let order: MusterOrder = order.parse().expect("a muster order");
    muster::order(game.world(), "", &order).expect_err("refused")
}

/// The report of `game` after `turns` turns, as JSON.
fn after_turns(mut game: Game, turns: usize) -> String {
    for _ in 0..turns {
        game.advance(Advance::Turn);
    }
    serde_json::to_string(&game.report()).unwrap()
}

#[test]
fn the_historical_muster_is_the_campaign_as_written() {
    for s in [first(), common::second()] {
        let choice = historical(&s.campaign).expect("both shipped campaigns offer a muster");
        assert_eq!(
            heavenly_horses::scenario::muster::apply(&s.campaign, &choice),
            s.campaign
        );
        // A player who changes the muster and changes it back plays today's campaign, bit for bit.
        let today = after_turns(Game::new(s.clone(), 7), 6);
        let mut game = Game::new(s.clone(), 7);
        muster_all(
            &mut game,
            &["donkeys +2000", "grain +100", "leave 2", "history"],
        );
        assert_eq!(after_turns(game, 6), today, "{}", s.campaign.name);
    }
}

#[test]
fn a_muster_beyond_the_base_or_the_rules_is_refused_and_says_why() {
    let mut game = Game::new(first(), 1);
    assert_eq!(
        refused(&mut game, "grain 1900"),
        "Li Guangli's army would carry 2,120 t of grain, fodder and water, but its men and animals can carry 780 t; take less, or more pack animals"
    );
    muster_all(&mut game, &["donkeys 15000", "camels 3000"]);
    let beyond = refused(&mut game, "grain 2100");
    assert!(
        beyond.contains("grain: the columns take 2,100 t, but the base has 2,000 t"),
        "{beyond}"
    );
    assert_eq!(
        refused(&mut game, "horses 5000"),
        "Li Guangli's army: 5,000 horses cannot mount 6,000 cavalry"
    );
    assert_eq!(
        refused(&mut game, "leave 9 1 103"),
        "the army may leave from month 1 day 1, 104 BC to month 6 day 30, 103 BC, not on month 9 day 1, 103 BC"
    );
    assert_eq!(
        refused(&mut game, "infantry -30000"),
        "Li Guangli's army takes 20,000; it cannot take less than none"
    );
    assert_eq!(
        refused(&mut game, "drop"),
        "the army's only column cannot be dropped"
    );
    muster_all(&mut game, &["column B", "column C", "column D"]);
    assert_eq!(
        refused(&mut game, "column E"),
        "5 columns; at most 4 may leave the base"
    );
    // What was refused changed nothing: the army is as last mustered, in four columns.
    assert_eq!(game.force_names().len(), 4);
    let sheet = muster::sheet(game.world_ref());
    assert!(
        sheet.contains("  donkeys          15,000        15,000         4,000 *"),
        "{sheet}"
    );
    // Once the army has set out, the muster is closed.
    game.advance(Advance::Days(1));
    assert_eq!(
        refused(&mut game, "grain 100"),
        "the army has left Dunhuang: the muster is made before the first order or turn"
    );
    // A campaign without a muster has a fixed army.
    let mut fixed = first();
    fixed.campaign.muster = None;
    let mut game = Game::new(fixed, 1);
    assert_eq!(
        refused(&mut game, "grain 100"),
        "this campaign's army is fixed: its scenario offers no muster"
    );
}

#[test]
fn a_richer_smaller_spring_army_of_104bc_fares_better_on_the_historical_road() {
    let s = first();
    let mut game = Game::new(s.clone(), 1);
    muster_all(
        &mut game,
        &[
            "donkeys 15000",
            "camels 3000",
            "infantry 15000",
            "grain 1200",
            "fodder 200",
            "leave 3",
        ],
    );
    // The campaign that follows is the mustered one: its first day, its army.
    let calendar = game.world_ref().resource::<Calendar>().clone();
    assert_eq!(
        calendar.start,
        StartDate {
            year_bc: 104,
            month: 3,
            day: 1
        }
    );
    let status = heavenly_horses::play::text::status(game.world_ref(), "");
    assert!(
        status.contains("men 21000 (15000 foot, 6000 horse)"),
        "{status}"
    );
    // The historical plan played with each army: the mustered one loses fewer to hunger and
    // brings more men home, in the median of the seeds.
    let choice = game
        .world_ref()
        .resource::<muster::Mustered>()
        .choice
        .clone();
    let mustered = muster::mustered(&s, &choice).unwrap();
    let median = |s: &Scenario, f: &dyn Fn(&heavenly_horses::report::CampaignReport) -> u32| {
        let mut v: Vec<u32> = (1..=9)
            .map(|seed| f(&common::report(&common::run(s, seed))))
            .collect();
        v.sort();
        v[v.len() / 2]
    };
    let hunger = |r: &heavenly_horses::report::CampaignReport| r.men.losses.hunger;
    let home = |r: &heavenly_horses::report::CampaignReport| r.men.returned;
    let (was, now) = (median(&s, &hunger), median(&mustered, &hunger));
    assert!(
        now * 2 < was,
        "dead of hunger: {was} historical, {now} mustered"
    );
    let (was, now) = (median(&s, &home), median(&mustered, &home));
    assert!(now > was, "men home: {was} historical, {now} mustered");
}

#[test]
fn a_save_keeps_the_muster_and_loads_the_same_game() {
    let dir = std::env::temp_dir().join(format!("hh-muster-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut game = Game::new(common::second(), 5);
    muster_all(
        &mut game,
        &["column Southern", "grain 3000", "camels 6000", "leave 4 15"],
    );
    game.advance(Advance::Turn);
    game.advance(Advance::Turn);
    let path = dir.join("mustered.json");
    SaveFile::of(game.world_ref()).write(&path).unwrap();
    let file = SaveFile::read(&path).unwrap();
    assert_eq!(file.muster.as_ref().map(|m| m.columns.len()), Some(2));
    let roots = [std::path::PathBuf::from(ROOT).join("scenarios")];
    let loaded = file.restore(&path, &roots).unwrap();
    assert_eq!(loaded.force_names(), game.force_names());
    assert_eq!(after_turns(loaded, 3), after_turns(game, 3));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_terminal_musters_the_army_and_the_campaign_follows_it() {
    let dir = std::env::temp_dir().join(format!("hh-muster-term-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let input = "muster\nmuster donkeys 12000\nmuster infantry 15000\nmuster grain 900\nmuster leave 3\nstatus\nend\nmuster grain 10\nsave spring\nquit\n";
    let out = common::play_text("first_expedition_104bc.ron", &dir, input);
    assert!(
        out.contains("The muster is open until the army sets out"),
        "{out}"
    );
    assert!(
        out.contains("Muster at Dunhuang: the army may leave from month 1 day 1, 104 BC"),
        "{out}"
    );
    assert!(
        out.contains("Li Guangli's army takes 12,000 donkeys"),
        "{out}"
    );
    assert!(
        out.contains("the army leaves on month 3 day 1, 104 BC"),
        "{out}"
    );
    assert!(out.contains("the history's first marches"), "{out}");
    // The turn is played in the spring, by the mustered army, and the muster then closes.
    assert!(out.contains("(spring, month 3"), "{out}");
    assert!(out.contains("men 21000 (15000 foot, 6000 horse)"), "{out}");
    assert!(out.contains("the army has left Dunhuang"), "{out}");
    let save = std::fs::read_to_string(dir.join("spring.json")).unwrap();
    assert!(save.contains("\"muster\""), "{save}");
    let _ = std::fs::remove_dir_all(&dir);
}
