//! Fortifications by kind, leaders and raids, and the Battle of Zhizhi: a palisade that burns
//! before the storm, a ruler killed or taken as his city falls (the goal that asks for him met),
//! raiders beaten off leaving their herds or carrying off a share of the baggage, and six columns
//! from two roads meeting to take the fortress.

mod common;

use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::{Effect, PlanStep};
use heavenly_horses::sim::SimEvent;

fn zhizhi() -> Scenario {
    common::shipped("zhizhi_36bc.ron")
}

/// The Protector-General's column alone, at the city with full stores, storming it.
fn storm_alone(mut s: Scenario) -> Scenario {
    s.campaign.forces.truncate(1);
    let f = &mut s.campaign.forces[0];
    f.at = "talas_valley".into();
    f.men.infantry = 20_000;
    f.plan = Some(vec![
        PlanStep::March("zhizhi".into()),
        PlanStep::Attack,
        PlanStep::Attack,
        PlanStep::Attack,
    ]);
    s.campaign.events.clear();
    s
}

#[test]
fn storming_parties_burn_the_palisade_and_the_ruler_is_killed_or_taken_as_the_city_falls() {
    for (dies, killed) in [(1.0, true), (0.0, false)] {
        let mut s = storm_alone(zhizhi());
        s.rules.siege.palisade_burns = 1.0;
        s.rules.siege.leader_dies = dies;
        let app = common::run(&s, 1);
        let events = common::events(&app);
        let burned = events
            .iter()
            .position(|e| matches!(e, SimEvent::PalisadeBurned { .. }))
            .expect("the palisade burns");
        let fell = events
            .iter()
            .position(|e| matches!(e, SimEvent::LeaderFell { .. }))
            .expect("the city falls, and its ruler with it");
        assert!(burned < fell);
        assert!(
            events[fell..]
                .iter()
                .any(|e| matches!(e, SimEvent::LeaderFell { killed: k, .. } if *k == killed))
        );
        let r = common::report(&app);
        assert!(r.goals.iter().all(|g| g.met_day.is_some()), "{:?}", r.goals);
        assert_eq!(r.outcome, "victory");
    }
}

#[test]
fn a_palisade_that_will_not_burn_makes_the_city_harder_to_storm() {
    let falls = |burns: f64| {
        let mut s = storm_alone(zhizhi());
        s.campaign.forces[0].men.infantry = 4000;
        s.campaign.forces[0].men.cavalry = 0;
        s.campaign.forces[0].plan = Some(vec![PlanStep::March("zhizhi".into()), PlanStep::Attack]);
        s.rules.siege.palisade_burns = burns;
        (0..40)
            .filter(|&seed| {
                common::report(&common::run(&s, seed)).goals[0]
                    .met_day
                    .is_some()
            })
            .count()
    };
    let (burning, standing) = (falls(1.0), falls(0.0));
    assert!(
        burning > standing,
        "the city fell {burning} times in 40 when the palisade burned, {standing} when it stood"
    );
}

#[test]
fn raiders_beaten_off_leave_their_herds_and_winning_raiders_carry_off_the_baggage() {
    let raid = |men: u32| {
        let mut s = zhizhi();
        s.campaign.forces.truncate(1);
        s.campaign.forces[0].plan = Some(vec![PlanStep::March("chigu".into())]);
        s.campaign.events = vec![heavenly_horses::scenario::types::EventDef {
            when: heavenly_horses::scenario::types::Trigger::Arrive("chigu".into()),
            then: vec![Effect::Raid {
                name: "raiders".into(),
                men,
                cavalry_share: 1.0,
                force: None,
                takes: 0.5,
                spoils: heavenly_horses::scenario::types::PerAnimal {
                    horses: 0,
                    oxen: 5000,
                    donkeys: 0,
                    camels: 0,
                },
            }],
        }];
        let app = common::run(&s, 2);
        let won = common::events(&app).iter().find_map(|e| match e {
            SimEvent::Battle(b) => Some(b.won),
            _ => None,
        });
        (won.expect("the raid is fought"), common::report(&app))
    };
    let (won, r) = raid(500);
    assert!(won);
    let oxen = r.animals.iter().find(|a| a.kind.name() == "oxen").unwrap();
    assert_eq!(oxen.gained, 5000, "the raiders' herds are taken");
    let (won, r) = raid(200_000);
    assert!(!won);
    let donkeys = r
        .animals
        .iter()
        .find(|a| a.kind.name() == "donkeys")
        .unwrap();
    assert!(
        donkeys.losses.combat * 3 > donkeys.start,
        "half the herds driven off: {donkeys:?}"
    );
}

#[test]
fn the_six_columns_meet_before_zhizhis_city_and_take_it() {
    let s = zhizhi();
    let mut taken = 0;
    for seed in 0..20 {
        let r = common::report(&common::run(&s, seed));
        // The five other columns join the Protector-General's; one beaten by the raiders on the
        // way turns home by the retreat rule.
        let merged = r.forces.iter().filter(|f| f.status == "merged").count();
        let beaten = r.forces.iter().filter(|f| f.battles_lost > 0).count();
        assert!(merged >= 4 && merged + beaten >= 5, "{:?}", r.forces);
        if r.goals[0].met_day.is_some() {
            taken += 1;
            assert!(r.goals[1].met_day.is_some(), "Zhizhi falls with his city");
        }
    }
    assert!(taken >= 14, "the city taken in {taken} of 20 runs");
}
