//! Objectives as data, and forces with plans of their own: goals met or missed by their day, a
//! march that ends where it was meant to end counted a success, a garrison that holds while the
//! rest go home, two columns from different places meeting, and the validator's words for a
//! broken objective.

mod common;

use std::path::Path;

use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::{Goal, GoalKind, Level, Objective, PlanStep};
use heavenly_horses::sim::SimEvent;

/// The guided campaign's small column, with `objective` and `plan` instead of its own, and none
/// of its lessons.
fn small(objective: Objective, plan: Vec<PlanStep>) -> Scenario {
    let mut s = common::shipped("first_campaign_tutorial.ron");
    s.campaign.objective = objective;
    s.campaign.plan = plan;
    s.campaign.events.clear();
    s
}

fn goal(kind: GoalKind) -> Goal {
    Goal::required(kind)
}

fn objective(goals: Vec<Goal>) -> Objective {
    Objective {
        home: "dunhuang".into(),
        capture: None,
        goals,
        levels: Vec::new(),
        turn_home_when_met: true,
    }
}

fn march(to: &str) -> PlanStep {
    PlanStep::March(to.into())
}

#[test]
fn a_march_that_reaches_its_goal_and_comes_home_is_a_victory_with_its_level() {
    let mut o = objective(vec![
        goal(GoalKind::Reach("yumen_pass".into())),
        Goal {
            points: 2,
            ..goal(GoalKind::BringHome {
                men: 3000,
                horses: 0,
            })
        },
        Goal {
            required: false,
            ..goal(GoalKind::Reach("loulan".into()))
        },
    ]);
    o.levels = vec![
        Level {
            name: "a safe return".into(),
            points: 3,
        },
        Level {
            name: "a great victory".into(),
            points: 4,
        },
    ];
    let s = small(o, vec![march("yumen_pass"), PlanStep::Return]);
    let app = common::run(&s, 1);
    let r = common::report(&app);
    assert_eq!(r.outcome, "victory", "{:?}", r.goals);
    assert!(r.days < 40, "home in {} days", r.days);
    let met: Vec<Option<u32>> = r.goals.iter().map(|g| g.met_day).collect();
    assert!(matches!(met[..], [Some(reach), Some(home), None] if reach > 0 && home >= reach));
    assert_eq!(r.goals[0].goal, "reach Yumen Pass");
    assert_eq!(r.goals[1].goal, "bring 3000 men home");
    assert_eq!((r.points, r.level.as_deref()), (3, Some("a safe return")));
    // The chronicle tells each goal as it is met.
    let told = common::events(&app)
        .iter()
        .filter(|e| matches!(e, SimEvent::GoalMet { .. }))
        .count();
    assert_eq!(told, 2);
}

#[test]
fn a_goal_missed_by_its_day_is_not_met_and_the_campaign_is_no_victory() {
    // Loulan lies some 485 km beyond Dunhuang: not reached by day 5, reached by day 60.
    for (by, met) in [(5, false), (60, true)] {
        let s = small(
            objective(vec![Goal {
                by_day: Some(by),
                ..goal(GoalKind::Reach("loulan".into()))
            }]),
            vec![
                march("yumen_pass"),
                PlanStep::CarryWater(0),
                march("loulan"),
                PlanStep::Return,
            ],
        );
        let r = common::report(&common::run(&s, 1));
        assert_eq!(
            r.goals[0].met_day.is_some(),
            met,
            "by day {by}: {:?}",
            r.goals
        );
        assert_eq!(r.outcome, if met { "victory" } else { "retreat" });
    }
}

#[test]
fn the_army_turns_home_once_its_goals_in_the_field_are_met() {
    // The plan would go on to Loulan; reaching the Yumen Pass is all the campaign asks.
    let s = small(
        objective(vec![goal(GoalKind::Reach("yumen_pass".into()))]),
        vec![march("yumen_pass"), march("loulan"), PlanStep::Return],
    );
    let r = common::report(&common::run(&s, 1));
    assert_eq!(r.outcome, "victory");
    assert!(
        r.places.iter().all(|p| p.name != "Loulan"),
        "{:?}",
        r.places
    );
    assert_eq!(r.forces[0].status, "home");
}

#[test]
fn columns_from_different_places_follow_their_own_plans_and_meet() {
    // A goal reckoned at home, so that neither turns home before they meet.
    let mut s = small(
        objective(vec![goal(GoalKind::BringHome {
            men: 5000,
            horses: 0,
        })]),
        Vec::new(),
    );
    let mut second = s.campaign.forces[0].clone();
    second.name = "The southern column".into();
    second.at = "yang_pass".into();
    second.plan = Some(vec![
        march("dunhuang"),
        march("yumen_pass"),
        PlanStep::Join("The Loulan column".into()),
    ]);
    s.campaign.forces[0].plan = Some(vec![
        march("yumen_pass"),
        PlanStep::WaitFor {
            force: "The southern column".into(),
            days: 30,
        },
        PlanStep::Return,
    ]);
    s.campaign.forces.push(second);
    let app = common::run(&s, 1);
    let r = common::report(&app);
    let southern = common::force_report(&r, "The southern column");
    assert_eq!(southern.status, "merged", "{:?}", r.forces);
    let main = common::force_report(&r, "The Loulan column");
    assert!(main.men_joined > 3000, "{:?}", main);
    assert_eq!(main.status, "home");
    assert_eq!(r.outcome, "victory");
}

#[test]
fn a_garrison_holds_its_post_while_the_rest_go_home_and_the_campaign_ends() {
    let mut s = small(
        objective(vec![goal(GoalKind::Reach("yumen_pass".into()))]),
        Vec::new(),
    );
    let mut garrison = s.campaign.forces[0].clone();
    garrison.name = "The garrison".into();
    garrison.plan = Some(vec![march("yumen_pass"), PlanStep::Hold]);
    s.campaign.forces[0].plan = Some(vec![march("yumen_pass"), PlanStep::Return]);
    s.campaign.forces.push(garrison);
    let app = common::run(&s, 1);
    let r = common::report(&app);
    assert_eq!(r.outcome, "victory");
    assert!(r.days < s.campaign.max_days / 2, "ended on day {}", r.days);
    let garrison = common::force_report(&r, "The garrison");
    assert_eq!(
        (garrison.status.as_str(), garrison.at.as_str()),
        ("in the field", "Yumen Pass")
    );
    assert!(
        common::events(&app)
            .iter()
            .any(|e| matches!(e, SimEvent::Holding { .. }))
    );
}

#[test]
fn winning_a_state_as_an_ally_is_a_goal() {
    // The 102 BC army's submissions on the road: Loulan (submits in most runs) as an ally.
    let mut s = common::second();
    s.campaign.objective.goals = vec![Goal {
        required: false,
        ..goal(GoalKind::Alliance("loulan".into()))
    }];
    let won = (0..5)
        .filter(|&seed| {
            let r = common::report(&common::run(&s, seed));
            r.goals[1].met_day.is_some()
        })
        .count();
    assert!(won >= 3, "Loulan won in {won} of 5 runs");
}

/// A copy of the shipped scenarios with `file` written into it; the problems `validate` finds.
fn problems(file: &str, text: &str, map_edit: Option<(&str, &str)>) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    common::copy_tree(&root, dir.path(), &[]);
    if let Some((find, replace)) = map_edit {
        let path = dir.path().join("maps/western_regions.ron");
        let map = std::fs::read_to_string(&path).unwrap();
        assert!(map.contains(find));
        // An empty replacement takes the whole line away.
        let map = if replace.is_empty() {
            map.lines()
                .filter(|l| !l.contains(find))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            map.replacen(find, replace, 1)
        };
        std::fs::write(&path, map).unwrap();
    }
    std::fs::write(dir.path().join(file), text).unwrap();
    match Scenario::load(dir.path().join(file)) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(|p| p.render()).collect(),
    }
}

/// An overlay of the guided campaign with `objective` as its objective.
fn overlay(objective: &str) -> String {
    format!(
        "(overlay: \"first_campaign_tutorial.ron\", name: \"A test\",\n objective: {objective},\n)\n"
    )
}

#[test]
fn an_overlay_sets_the_objective_and_the_validator_checks_its_goals() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    common::copy_tree(&root, dir.path(), &[]);
    let path = dir.path().join("reach.ron");
    std::fs::write(
        &path,
        overlay(
            "(home: \"dunhuang\", goals: [(goal: Reach(\"yumen_pass\"), points: 2)], levels: [(name: \"done\", points: 2)])",
        ),
    )
    .unwrap();
    let s = Scenario::load(&path).unwrap();
    assert_eq!(s.campaign.objective.first_capture(), None);
    assert_eq!(s.campaign.objective.goals.len(), 1);

    let bad = problems(
        "bad.ron",
        &overlay(
            "(home: \"dunhuang\", goals: [(goal: Reach(\"yumen_pas\")), (goal: Survive, by_day: Some(10))], levels: [(name: \"all\", points: 9)])",
        ),
        None,
    );
    let text = bad.join("\n");
    assert!(
        text.contains("objective.goals[0].goal: no place 'yumen_pas'; did you mean 'yumen_pass'?"),
        "{text}"
    );
    assert!(
        text.contains("objective.goals[1].by_day: BringHome and Survive are reckoned at the end"),
        "{text}"
    );
    assert!(
        text.contains(
            "objective.levels[0].points: no campaign can reach 9 points: its goals give 2 at most"
        ),
        "{text}"
    );
    assert!(text.contains("bad.ron:2:"), "the file and line: {text}");

    let none = problems("none.ron", &overlay("(home: \"dunhuang\")"), None).join("\n");
    assert!(
        none.contains("objective: the campaign has no goal"),
        "{none}"
    );
}

#[test]
fn a_goal_no_road_reaches_is_told() {
    // Ershi cut off from the map (its one road taken away): a campaign that must reach it cannot.
    let text = problems(
        "cut_off.ron",
        &overlay("(home: \"dunhuang\", goals: [(goal: Reach(\"ershi\"))])"),
        Some(("(from: \"guishan\", to: \"ershi\"", "")),
    )
    .join("\n");
    assert!(
        text.contains(
            "objective.goals[0].goal: no road reaches 'ershi' from where the forces start"
        ),
        "{text}"
    );
}
