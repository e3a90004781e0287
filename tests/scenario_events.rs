//! Scenario events with conditions and effects: triggers combined and on thresholds (men, goals,
//! prestige), roads closed and opened, a state's standing set, a force taken captive and let go,
//! and a leader killed; and what `validate` says of one that names what is not there.

mod common;

use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::{Effect, EventDef, RelationDef, Trigger};
use heavenly_horses::sim::SimEvent;
use heavenly_horses::sim::force::{Force, Ledger};
use heavenly_horses::sim::map::Location;
use heavenly_horses::sim::state::{OasisState, Relation};

fn tutorial(events: Vec<EventDef>) -> Scenario {
    let mut s = common::shipped("first_campaign_tutorial.ron");
    s.campaign.events = events;
    s
}

fn on(when: Trigger, then: Vec<Effect>) -> EventDef {
    EventDef { when, then }
}

/// The day of the first event `is`, if any.
fn day_of(app: &bevy::app::App, is: impl Fn(&SimEvent) -> bool) -> Option<u32> {
    app.world()
        .resource::<heavenly_horses::sim::Chronicle>()
        .0
        .iter()
        .find(|l| is(&l.event))
        .map(|l| l.day)
}

#[test]
fn combined_triggers_fire_when_all_or_any_of_their_parts_have_come() {
    let message = |text: &str| Effect::Message(text.into());
    let s = tutorial(vec![
        on(
            Trigger::All(vec![
                Trigger::Arrive("yumen_pass".into()),
                Trigger::MenBelow(10_000),
            ]),
            vec![message("all")],
        ),
        on(
            Trigger::All(vec![
                Trigger::Arrive("yumen_pass".into()),
                Trigger::MenBelow(100),
            ]),
            vec![message("never")],
        ),
        on(
            Trigger::Any(vec![Trigger::Day(3), Trigger::PrestigeBelow(-2.0)]),
            vec![message("any")],
        ),
    ]);
    let app = common::run(&s, 1);
    let fired = |i: usize| {
        day_of(
            &app,
            |e| matches!(e, SimEvent::ScenarioMessage(at) if at.event == i),
        )
    };
    let arrived = day_of(&app, |e| matches!(e, SimEvent::Arrived { .. })).unwrap();
    assert_eq!(fired(0), Some(arrived), "on arrival at the Yumen Pass");
    assert_eq!(fired(1), None, "the column never falls below 100 men");
    assert_eq!(fired(2), Some(3), "on day 3");
}

#[test]
fn a_road_closed_by_an_event_holds_a_column_until_it_opens() {
    // The column rests two days first: a column already on a road when it closes goes on.
    let mut s = tutorial(vec![
        on(
            Trigger::Day(0),
            vec![Effect::CloseRoute("dunhuang".into(), "yumen_pass".into())],
        ),
        on(
            Trigger::Day(20),
            vec![Effect::OpenRoute("dunhuang".into(), "yumen_pass".into())],
        ),
    ]);
    s.campaign
        .plan
        .insert(0, heavenly_horses::scenario::types::PlanStep::Rest(2));
    let app = common::run(&s, 1);
    let arrived = day_of(&app, |e| matches!(e, SimEvent::Arrived { .. })).unwrap();
    assert!(arrived > 20, "reached the Yumen Pass on day {arrived}");
    let open = common::run(&tutorial(Vec::new()), 1);
    assert!(day_of(&open, |e| matches!(e, SimEvent::Arrived { .. })).unwrap() < 15);
}

#[test]
fn an_event_sets_a_states_standing() {
    let s = tutorial(vec![on(
        Trigger::Day(0),
        vec![Effect::Relation("loulan".into(), RelationDef::Submitted)],
    )]);
    let mut s = s;
    s.campaign.max_days = 2;
    let mut app = common::run(&s, 1);
    let mut q = app.world_mut().query::<&OasisState>();
    let loulan = q.iter(app.world()).find(|s| s.id == "loulan").unwrap();
    assert_eq!(loulan.relation, Relation::Submitted);
}

#[test]
fn an_event_takes_a_force_captive_and_lets_it_go_and_kills_a_leader() {
    let mut s = common::shipped("zhizhi_36bc.ron");
    s.campaign.events = vec![
        on(
            Trigger::Day(2),
            vec![Effect::Capture {
                force: "The Protector-General's column".into(),
                by: "wusun".into(),
            }],
        ),
        on(
            Trigger::Day(30),
            vec![Effect::Release("The Protector-General's column".into())],
        ),
        on(Trigger::Day(5), vec![Effect::KillLeader("zhizhi".into())]),
    ];
    let app = common::run(&s, 1);
    assert_eq!(
        day_of(&app, |e| matches!(e, SimEvent::Seized { .. })),
        Some(2)
    );
    assert_eq!(
        day_of(&app, |e| matches!(e, SimEvent::Escaped { .. })),
        Some(30)
    );
    assert_eq!(
        day_of(&app, |e| matches!(
            e,
            SimEvent::LeaderFell { killed: true, .. }
        )),
        Some(5)
    );
    let r = common::report(&app);
    assert_eq!(
        r.goals[1].met_day,
        Some(5),
        "the Leader goal, met by the event"
    );
}

#[test]
fn validate_names_what_an_event_refers_to_that_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    common::copy_tree(&root, dir.path(), &[]);
    std::fs::write(
        dir.path().join("bad.ron"),
        r#"(overlay: "zhizhi_36bc.ron", name: "x", events: [
  (when: All([Arrive("talas_vally"), GoalMet(5)]), then: [Release("The fourth column"), CloseRoute("wensu", "chigo"),
    SendForce(force: "The fourth column", to: "zhizi"), WoundLeader("dayan"),
    EnemyForce(name: "Kangju", men: 100, at: "talass", food_days: 5.0, aim: Relieve("zhizi"))]),
])
"#,
    )
    .unwrap();
    let err = Scenario::load(dir.path().join("bad.ron"))
        .unwrap_err()
        .to_string();
    for want in [
        "events[0].when[0]: no place 'talas_vally'; did you mean 'talas_valley'?",
        "events[0].when[1]: the objective has 2 goal(s)",
        "events[0].then[0]: no force 'The fourth column'",
        "events[0].then[1]: no place 'chigo'; did you mean 'chigu'?",
        "events[0].then[2].force: no force 'The fourth column'",
        "events[0].then[2].to: no place 'zhizi'; did you mean 'zhizhi'?",
        "events[0].then[3]: no state 'dayan'; did you mean 'dayuan'?",
        "events[0].then[4].at: no place 'talass'",
        "events[0].then[4].aim: no state 'zhizi'; did you mean 'zhizhi'?",
    ] {
        assert!(err.contains(want), "{want}\n in {err}");
    }
}

#[test]
fn a_state_that_feeds_the_side_raises_a_contingent_that_marches_and_joins_on_its_own() {
    use heavenly_horses::scenario::types::{ForceDef, MenDef, PerAnimal, PlanStep, StoresDef};
    use heavenly_horses::scenario::units::{CubicMetres, Tonnes};
    let contingent = ForceDef {
        name: "The Wusun horse".into(),
        // A levy stands at its state's city (Chigu), whatever its `at` says.
        at: "zhizhi".into(),
        men: MenDef {
            infantry: 0,
            cavalry: 2000,
        },
        animals: PerAnimal {
            horses: 3000,
            oxen: 0,
            donkeys: 0,
            camels: 0,
        },
        stores: StoresDef {
            grain_t: Tonnes(60.0),
            fodder_t: Tonnes(0.0),
            water_m3: CubicMetres(10.0),
        },
        morale: 0.8,
        plan: Some(vec![
            PlanStep::March("issyk_west".into()),
            PlanStep::March("talas_valley".into()),
            PlanStep::Join("The Protector-General's column".into()),
        ]),
        ..ForceDef::default()
    };
    let levy = |submitted: bool| {
        let mut s = common::shipped("zhizhi_36bc.ron");
        let mut then = Vec::new();
        if submitted {
            then.push(Effect::Relation("wusun".into(), RelationDef::Submitted));
        }
        then.push(Effect::Levy {
            state: "wusun".into(),
            force: contingent.clone(),
        });
        s.campaign.events = vec![on(Trigger::Day(0), then)];
        common::run(&s, 1)
    };
    let mut app = levy(true);
    assert_eq!(
        day_of(&app, |e| matches!(e, SimEvent::Levied { men: 2000, .. })),
        Some(0)
    );
    // The contingent set out from its state's city, whatever its `at` said.
    let world = app.world_mut();
    let city = world
        .query::<&OasisState>()
        .iter(world)
        .find(|s| s.id == "wusun")
        .map(|s| s.place)
        .expect("the Wusun");
    let (at, first) = world
        .query::<(&Force, &Location, &Ledger)>()
        .iter(world)
        .find(|(f, ..)| f.name == "The Wusun horse")
        .map(|(_, at, l)| (*at, l.visits[0].place))
        .expect("the Wusun horse");
    assert_eq!(first, city, "it set out from Chigu");
    assert_ne!(at, Location::At(city), "and marched from there");
    let r = common::report(&app);
    let wusun = common::force_report(&r, "The Wusun horse");
    assert_eq!(wusun.status, "merged", "{:?}", r.forces);
    let main = common::force_report(&r, "The Protector-General's column");
    assert!(
        main.men_joined > 30_000,
        "the five columns and the Wusun: {main:?}"
    );
    // A state that does not feed the side raises no one.
    let app = levy(false);
    assert!(day_of(&app, |e| matches!(e, SimEvent::LevyRefused { .. })).is_some());
    assert!(
        !common::report(&app)
            .forces
            .iter()
            .any(|f| f.name == "The Wusun horse")
    );
}

#[test]
fn a_leader_is_wounded_by_an_event_or_in_the_fighting_at_his_city_before_he_falls() {
    // By an event: his men lose heart at once.
    let mut s = common::shipped("zhizhi_36bc.ron");
    let before = s.rules.siege.leader_wound_morale;
    assert!(before > 0.0);
    s.campaign.events = vec![on(
        Trigger::Day(3),
        vec![Effect::WoundLeader("zhizhi".into())],
    )];
    let mut app = common::run(&s, 1);
    assert_eq!(
        day_of(&app, |e| matches!(e, SimEvent::LeaderWounded { .. })),
        Some(3)
    );
    let r = heavenly_horses::report::build(app.world_mut());
    assert!(
        r.chronicle.iter().any(|l| l
            .text
            .starts_with("Zhizhi Chanyu of Zhizhi's Xiongnu is wounded")),
        "the chronicle names him"
    );
    // In the fighting: in some runs he is hurt on his walls, always before he falls, never twice.
    let shipped = common::shipped("zhizhi_36bc.ron");
    let mut wounded = 0;
    for seed in 0..40 {
        let app = common::run(&shipped, seed);
        let hurt: Vec<u32> = app
            .world()
            .resource::<heavenly_horses::sim::Chronicle>()
            .0
            .iter()
            .filter(|l| matches!(l.event, SimEvent::LeaderWounded { .. }))
            .map(|l| l.day)
            .collect();
        assert!(hurt.len() <= 1, "seed {seed}: {hurt:?}");
        if let Some(&day) = hurt.first() {
            wounded += 1;
            let fell = day_of(&app, |e| matches!(e, SimEvent::LeaderFell { .. }));
            assert!(fell.is_none_or(|f| f >= day), "seed {seed}");
        }
    }
    assert!(
        wounded > 0 && wounded < 40,
        "wounded in {wounded} of 40 runs"
    );
}

#[test]
fn an_event_sends_a_force_by_the_shortest_road_open_to_a_place() {
    // On day 1 the tutorial's column, still at Dunhuang, is sent to the Yang Pass.
    let s = tutorial(vec![on(
        Trigger::Day(1),
        vec![Effect::SendForce {
            force: "The Loulan column".into(),
            to: "yang_pass".into(),
        }],
    )]);
    let app = common::run(&s, 1);
    assert_eq!(
        day_of(&app, |e| matches!(e, SimEvent::ForceSent { .. })),
        Some(1)
    );
    let index = app
        .world()
        .resource::<heavenly_horses::sim::map::MapIndex>();
    let yang = index.places["yang_pass"];
    let arrived = day_of(
        &app,
        |e| matches!(e, SimEvent::Arrived { place, .. } if *place == yang),
    );
    assert!(arrived.is_some(), "it reaches the Yang Pass");
}

#[test]
fn a_contingent_comes_into_the_field_on_its_own_and_allies_and_reinforcements_go_where_they_are_sent()
 {
    use heavenly_horses::play::{Advance, Game};
    use heavenly_horses::scenario::types::{ForceDef, MenDef, PerAnimal, PlanStep, StoresDef};
    use heavenly_horses::scenario::units::{CubicMetres, Tonnes};
    use heavenly_horses::sim::force::{Column, Retinue};
    // No state raises it: it comes in at the place it names, with its own supply and plan.
    let contingent = ForceDef {
        name: "A relief from home".into(),
        at: "chigu".into(),
        men: MenDef {
            infantry: 1500,
            cavalry: 500,
        },
        animals: PerAnimal {
            horses: 600,
            oxen: 0,
            donkeys: 800,
            camels: 0,
        },
        stores: StoresDef {
            grain_t: Tonnes(40.0),
            fodder_t: Tonnes(0.0),
            water_m3: CubicMetres(10.0),
        },
        morale: 0.7,
        plan: Some(vec![PlanStep::March("issyk_west".into())]),
        ..ForceDef::default()
    };
    let third = "The third southern column";
    let mut s = common::shipped("zhizhi_36bc.ron");
    s.campaign.events = vec![on(
        Trigger::Day(0),
        vec![
            Effect::Contingent(contingent.clone()),
            Effect::Ally {
                name: "the Wusun".into(),
                to: Some(third.into()),
                men: 700,
                cavalry_share: 1.0,
                commitment: 0.5,
            },
            Effect::Reinforce {
                to: Some(third.into()),
                men: MenDef {
                    infantry: 300,
                    cavalry: 0,
                },
                animals: PerAnimal::default(),
                stores: StoresDef::default(),
            },
        ],
    )];
    let before = {
        let game = Game::new(s.clone(), 1);
        common::of::<Column>(&game, third).men.total()
    };
    let mut game = Game::new(s.clone(), 1);
    game.advance(Advance::Days(1));
    let chronicle = game
        .world_ref()
        .resource::<heavenly_horses::sim::Chronicle>();
    assert!(
        chronicle.0.iter().any(|l| l.day == 0
            && matches!(l.event, SimEvent::ContingentArrived { men: 2000, .. })),
        "the contingent is in the field on day 0"
    );
    let column = common::of::<Column>(&game, "A relief from home");
    assert_eq!(column.men.total(), 2000, "its own men, not another's");
    let allies = common::of::<Retinue>(&game, third).allies;
    assert_eq!(allies.len(), 1, "the Wusun join the third southern column");
    assert!(
        common::of::<Retinue>(&game, "The Protector-General's column")
            .allies
            .is_empty(),
        "not the first force in the field"
    );
    assert_eq!(
        common::of::<Column>(&game, third).men.total(),
        before + 300,
        "the reinforcement joins the column it was sent to"
    );
    // Run to its end, it marches its own plan and keeps its own ledger.
    let app = common::run(&s, 1);
    let r = common::report(&app);
    let relief = common::force_report(&r, "A relief from home");
    assert!(relief.men > 0 && relief.men <= 2000, "{relief:?}");
    let text = heavenly_horses::report::of(app.world())
        .chronicle
        .iter()
        .any(|l| {
            l.text
                .contains("A relief from home comes into the field at")
        });
    assert!(text, "the chronicle tells of it");
}

#[test]
fn a_levy_and_a_contingent_written_right_validate_clean() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    common::copy_tree(&root, dir.path(), &[]);
    let force = |name: &str, at: &str, plan: &str| {
        format!(
            r#"(name: "{name}", at: "{at}", men: (infantry: 0, cavalry: 1000),
      animals: (horses: 1200, oxen: 0, donkeys: 0, camels: 0),
      stores: (grain_t: 20.0, fodder_t: 0.0, water_m3: 5.0), morale: 0.7, plan: [{plan}])"#
        )
    };
    let text = format!(
        r#"(overlay: "zhizhi_36bc.ron", name: "x", events: [
  (when: Day(0), then: [
    Levy(state: "wusun", force: {}),
    Contingent({}),
    Ally(name: "the Wusun", to: "The Wusun horse", men: 500, cavalry_share: 1.0, commitment: 0.5),
  ]),
])
"#,
        force(
            "The Wusun horse",
            "chigu",
            r#"March("issyk_west"), Join("The Protector-General's column")"#
        ),
        force("A relief", "chigu", r#"March("issyk_west")"#),
    );
    std::fs::write(dir.path().join("good.ron"), text).unwrap();
    if let Err(e) = Scenario::load(dir.path().join("good.ron")) {
        panic!("{e}");
    }
}
