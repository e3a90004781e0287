//! States, battles, sieges, detachments and events, each shown in the outcomes a player sees.

mod common;

use common::{events, report, run, second, shipped, with_force};
use heavenly_horses::report::{CampaignReport, StateAnswer};
use heavenly_horses::scenario::types::{
    BattleRules, Effect, EventDef, PlanStep, Season, StateOverride, Trigger,
};
use heavenly_horses::sim::force::{Allies, Column, Condition, Ledger, Retinue};
use heavenly_horses::sim::log::{Battle, BattleKind, SiegeEnd, SiegeResult, SimEvent};
use heavenly_horses::sim::state::OasisState;
use heavenly_horses::sim::{self, Commander};

fn report_of(s: &heavenly_horses::scenario::Scenario, seed: u64) -> CampaignReport {
    report(&run(s, seed))
}

/// Whether any event of the campaign is like `like`.
fn happened(app: &bevy::app::App, like: impl Fn(&SimEvent) -> bool) -> bool {
    events(app).iter().any(like)
}

fn besiege_dayuan(days: u32, assault_from: Option<u32>, accept_terms: bool) -> Vec<PlanStep> {
    vec![
        PlanStep::March("guishan".into()),
        PlanStep::Besiege {
            days,
            assault_from,
            accept_terms,
        },
    ]
}

#[test]
fn the_army_splits_onto_both_roads_and_meets_again() {
    let r = report_of(&second(), 1);
    let names: Vec<&str> = r.forces.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names.len(),
        4,
        "the army, the southern columns, the second echelon and Wang Shensheng's column: {names:?}"
    );
    let south = r
        .forces
        .iter()
        .find(|f| f.name.contains("southern"))
        .unwrap();
    assert_eq!(south.status, "merged", "the southern columns join the army");
    let main = &r.forces[0];
    assert!(
        main.men_joined >= south.men_sent && south.men_sent > 1000,
        "men came over: {main:?} {south:?}"
    );
    // Both roads' states were met.
    for state in ["Qiuci", "Yutian"] {
        assert!(r.states.iter().any(|s| s.name == state), "{state} met");
    }
}

#[test]
fn a_lone_column_is_beaten_at_yucheng() {
    // Wang Shensheng's 1,000 went ahead to Yucheng, which fell on them at dawn [S123].
    let s = second();
    let mut beaten = 0;
    for seed in 0..20 {
        let r = report_of(&s, seed);
        let column = r
            .forces
            .iter()
            .find(|f| f.name.contains("Wang"))
            .expect("the column");
        if column.battles_lost > 0 {
            beaten += 1;
            assert!(
                r.states
                    .iter()
                    .any(|e| e.name == "Yucheng" && e.answer == StateAnswer::DefeatedTheHan),
                "seed {seed}: the state that won is recorded"
            );
        }
    }
    assert!(beaten >= 10, "the column was beaten in {beaten} of 20 runs");
}

#[test]
fn refused_terms_cost_the_horses() {
    let take = |accept: bool| {
        let s = with_force(
            second(),
            "osh",
            30_000,
            4000.0,
            20_000,
            true,
            besiege_dayuan(120, Some(30), accept),
        );
        (0..8)
            .map(|seed| {
                let app = run(&s, seed);
                let mut q = app.world().try_query::<&Ledger>().unwrap();
                let gained: u32 = q.iter(app.world()).map(|l| l.animals_gained.horses).sum();
                let told = happened(&app, |e| matches!(e, SimEvent::TermsRefused { .. }));
                (gained, told)
            })
            .collect::<Vec<_>>()
    };
    let accepted = take(true);
    let refused = take(false);
    let sum = |v: &[(u32, bool)]| v.iter().map(|x| x.0).sum::<u32>();
    assert!(
        sum(&accepted) > 3 * sum(&refused).max(1),
        "terms accepted bring {} horses, refused {}",
        sum(&accepted),
        sum(&refused)
    );
    assert!(
        refused.iter().any(|x| x.1),
        "the defenders refuse and kill their horses"
    );
}

#[test]
fn assaults_breach_the_outer_wall_at_a_price() {
    let s = with_force(
        second(),
        "osh",
        40_000,
        4000.0,
        20_000,
        false,
        besiege_dayuan(60, Some(1), true),
    );
    let quiet = with_force(
        second(),
        "osh",
        40_000,
        4000.0,
        20_000,
        false,
        besiege_dayuan(60, None, true),
    );
    let mut breached = 0;
    let (mut stormed_losses, mut quiet_losses) = (0, 0);
    for seed in 0..8 {
        let app = run(&s, seed);
        breached += usize::from(happened(&app, |e| {
            matches!(
                e,
                SimEvent::Battle(Battle {
                    kind: BattleKind::Assault { stormed: false },
                    won: true,
                    ..
                })
            )
        }));
        stormed_losses += report_of(&s, seed).men.losses.combat;
        quiet_losses += report_of(&quiet, seed).men.losses.combat;
    }
    assert!(breached >= 1, "the outer wall fell in {breached} of 8 runs");
    assert!(
        stormed_losses > quiet_losses,
        "assaults cost men: {stormed_losses} vs {quiet_losses} killed"
    );
}

#[test]
fn silk_buys_grain_where_a_state_will_not_submit() {
    let ask = vec![PlanStep::March("qiuci".into()), PlanStep::Request];
    let mut base = with_force(second(), "luntai", 12_000, 250.0, 0, false, ask);
    base.campaign.states.push(StateOverride {
        state: "qiuci".into(),
        attitude: Some(-0.5),
        xiongnu_influence: None,
    });
    let mut rich = base.clone();
    rich.campaign.forces[0].silk_bolts = 5_000;
    let (mut sold, mut spent) = (0, 0.0);
    for seed in 0..40 {
        let r = report_of(&rich, seed);
        if r.states.iter().any(|e| e.answer == StateAnswer::Sells) {
            sold += 1;
            spent += r.treasure_spent_cash;
        }
        let poor = report_of(&base, seed);
        assert!(
            !poor.states.iter().any(|e| e.answer == StateAnswer::Sells),
            "seed {seed}: no one sells to an army that cannot pay"
        );
    }
    assert!(sold >= 4, "Qiuci sold grain in {sold} of 40 runs");
    assert!(spent > 0.0, "and was paid in silk");
}

#[test]
fn gifts_win_a_wavering_state() {
    let ask = vec![PlanStep::March("qiuci".into()), PlanStep::Request];
    let gift = vec![
        PlanStep::March("qiuci".into()),
        PlanStep::Gift(5_000),
        PlanStep::Request,
    ];
    let share = |plan: Vec<PlanStep>| {
        let mut s = with_force(second(), "luntai", 12_000, 600.0, 0, false, plan);
        s.campaign.forces[0].silk_bolts = 5_000;
        (0..100)
            .filter(|&seed| {
                report(&run(&s, seed))
                    .states
                    .iter()
                    .any(|e| e.id == "qiuci" && e.answer == StateAnswer::Submitted)
            })
            .count()
    };
    let (without, with) = (share(ask), share(gift));
    assert!(
        with > without + 10,
        "Qiuci submits in {with} of 100 runs with gifts, {without} without"
    );
}

#[test]
fn the_granaries_are_full_after_the_harvest_and_thin_in_spring() {
    let s = second();
    let mut app = heavenly_horses::runner::app(&s, 1, Commander::Historical);
    let mut q = app.world_mut().query::<&OasisState>();
    let qiuci = q
        .iter(app.world())
        .find(|st| st.id == "qiuci")
        .unwrap()
        .clone();
    let (autumn, _) = qiuci.spare(&s.rules, Season::Autumn);
    let (spring, _) = qiuci.spare(&s.rules, Season::Spring);
    assert!(
        autumn.0 > 2.0 * spring.0,
        "autumn {autumn} kg, spring {spring} kg"
    );
}

#[test]
fn a_relief_army_dares_only_against_a_weak_besieger() {
    let relief = |men: u32| EventDef {
        when: Trigger::SiegeDays("dayuan".into(), 2),
        then: vec![Effect::Relief {
            name: "the relief".into(),
            state: "dayuan".into(),
            men,
            cavalry_share: 1.0,
            days: 3,
        }],
    };
    let mut strong = with_force(
        second(),
        "osh",
        8_000,
        800.0,
        5_000,
        false,
        besiege_dayuan(60, None, true),
    );
    let mut weak = strong.clone();
    strong.campaign.events.push(relief(60_000));
    weak.campaign.events.push(relief(1_000));
    let mut lifted = 0;
    for seed in 0..6 {
        let app = run(&strong, seed);
        if happened(&app, |e| {
            matches!(
                e,
                SimEvent::SiegeEnded {
                    end: SiegeEnd::Relieved,
                    ..
                }
            )
        }) {
            lifted += 1;
        }
        let app = run(&weak, seed);
        assert!(
            happened(&app, |e| matches!(e, SimEvent::ReliefHeldBack { .. })),
            "seed {seed}: a small relief watches and goes home"
        );
    }
    assert!(
        lifted >= 4,
        "a great relief army broke the siege in {lifted} of 6"
    );
}

#[test]
fn allies_who_hold_back_add_nothing_to_a_battle() {
    let rules: BattleRules = second().rules.battle;
    let mut app = heavenly_horses::runner::app(&second(), 1, Commander::Historical);
    let mut q = app.world_mut().query::<(&Column, &Condition)>();
    let (column, condition) = q.iter(app.world()).next().unwrap();
    let (column, condition) = (*column, *condition);
    let mut retinue = Retinue::default();
    let strength = |r: &Retinue| sim::battle::han_strength(&rules, &column, &condition, r, 0.7);
    let alone = strength(&retinue);
    retinue.allies.push(Allies {
        name: "watchers".into(),
        men: 2_000,
        cavalry_share: 1.0,
        commitment: 0.0,
    });
    assert_eq!(strength(&retinue), alone);
    retinue.allies[0].commitment = 1.0;
    assert!(strength(&retinue) > alone + 3_000.0);
}

#[test]
fn the_report_tells_the_siege_of_dayuan() {
    let r = report_of(&shipped("second_expedition_102bc.ron"), 102);
    let siege = r.siege.clone().expect("a siege of the objective");
    assert_eq!(siege.target, "dayuan");
    assert!(siege.water_diverted);
    assert_eq!(siege.result, SiegeResult::Terms);
    assert!((25..=60).contains(&siege.days), "{} days", siege.days);
    assert!(r.horses.superior_obtained > 0, "superior horses among them");
    assert!(r.hostages.iter().any(|h| h == "Dayuan"));
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["siege"]["water_diverted"].is_boolean());
    assert!(json["states"][0]["day"].is_u64());
}

#[test]
fn the_enemy_dead_are_counted_and_the_states_lose_them() {
    let s = second();
    let mut app = run(&s, 102);
    let r = report(&app);
    let evs = events(&app);
    let killed: u32 = evs
        .iter()
        .filter_map(|e| match e {
            SimEvent::Battle(b) => Some(b.enemy_killed),
            _ => None,
        })
        .sum();
    assert!(killed > 0, "the Han killed some of their enemies");
    assert_eq!(r.enemy_killed, killed, "the report counts every enemy dead");
    let taken: u32 = evs
        .iter()
        .filter_map(|e| match e {
            SimEvent::Battle(b) => Some(b.enemy_captured),
            _ => None,
        })
        .sum();
    assert_eq!(r.enemy_captured, taken, "and every enemy taken alive");
    // Every state's soldiers fell by what it lost in the field, in sallies and in assaults:
    // killed or taken alive.
    let world = app.world_mut();
    let mut q = world.query::<(bevy::prelude::Entity, &OasisState)>();
    for (entity, state) in q.iter(world) {
        let lost: u32 = evs
            .iter()
            .filter_map(|e| match e {
                SimEvent::Battle(b) if b.state == Some(entity) && b.relief.is_none() => {
                    Some(b.enemy_killed + b.enemy_captured)
                }
                _ => None,
            })
            .sum();
        let at_start = s.map.states.iter().find(|d| d.id == state.id).unwrap();
        assert_eq!(
            state.soldiers,
            at_start.soldiers.saturating_sub(lost),
            "{}: {} soldiers at the start, {lost} killed or taken",
            state.id,
            at_start.soldiers
        );
        assert!(
            state.garrison <= state.soldiers,
            "{}: the garrison is of its soldiers",
            state.id
        );
    }
}

#[test]
fn the_beaten_are_taken_alive_and_the_wounded_heal_or_die() {
    // Wang Shensheng's column, beaten at Yucheng: "a few escaped" [S123]; some of the rest were
    // taken alive. The main army's wounded after its fights weaken it for a while.
    let s = second();
    let (mut taken, mut wounded, mut enemy_taken) = (0, 0, 0);
    for seed in 0..20 {
        let app = run(&s, seed);
        for e in events(&app) {
            if let SimEvent::Battle(b) = e {
                if !b.won {
                    taken += b.captured;
                    assert_eq!(b.enemy_captured, 0, "only the beaten lose men alive");
                } else {
                    assert_eq!(b.captured, 0, "only the beaten lose men alive");
                    enemy_taken += b.enemy_captured;
                }
                wounded += b.wounded;
                assert!(
                    b.wounded <= 2 * b.killed + 1,
                    "at most two wounded for each man killed, as the rules say: {b:?}"
                );
            }
        }
        let r = report(&app);
        assert!(
            r.men.losses.captured <= r.men.losses.combat,
            "seed {seed}: fewer taken than killed ({:?})",
            r.men.losses
        );
    }
    assert!(
        taken > 0 && wounded > 0 && enemy_taken > 0,
        "{taken} Han and {enemy_taken} enemies taken, {wounded} Han wounded in 20 runs"
    );
}

#[test]
fn captives_are_fed_or_let_go_and_none_go_missing() {
    // Every enemy taken alive is either still held at the end or was let go on a day there
    // was no grain for him; while held, captives eat the grain the men leave.
    let s = second();
    let mut freed_in_all = 0;
    for seed in 0..10 {
        let app = run(&s, seed);
        let r = report(&app);
        let freed: u32 = events(&app)
            .iter()
            .filter_map(|e| match e {
                SimEvent::CaptivesFreed { count, .. } => Some(*count),
                _ => None,
            })
            .sum();
        freed_in_all += freed;
        assert_eq!(
            r.enemy_captured,
            r.captives + freed,
            "seed {seed}: {} taken, {} held at the end, {freed} let go",
            r.enemy_captured,
            r.captives
        );
    }
    assert!(
        freed_in_all > 0,
        "some captives were let go for want of grain"
    );
}
