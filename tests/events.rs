//! The typed events that orders and days produce, compared whole (zemeroth's `exec_and_check`):
//! what the simulation says happened is exactly what was expected, entity by entity and number by
//! number.

mod common;

use bevy::prelude::*;
use heavenly_horses::play::{Advance, Game, Order};
use heavenly_horses::scenario::types::{AnimalKind, DetachSize, PlanStep};
use heavenly_horses::sim::force::{Because, Column, Force, Ledger, Stores};
use heavenly_horses::sim::log::{Answer, EffectRef};
use heavenly_horses::sim::map::{Location, MapIndex};
use heavenly_horses::sim::orders::{Refusal, Target};
use heavenly_horses::sim::{Chronicle, Commander, Prestige, SimEvent};

/// The events in the chronicle from `from` on.
fn events_since(game: &Game, from: usize) -> Vec<SimEvent> {
    game.world_ref()
        .resource::<Chronicle>()
        .since(from)
        .iter()
        .map(|l| l.event.clone())
        .collect()
}

/// The events of the world's day, without the daily losses and warnings (drawn from the seed).
fn telling(events: Vec<SimEvent>) -> Vec<SimEvent> {
    events
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                SimEvent::MenLost { .. }
                    | SimEvent::AnimalsLost { .. }
                    | SimEvent::RanShort { .. }
                    | SimEvent::PrestigeChanged { .. }
            )
        })
        .collect()
}

/// Gives `order` to `force` and checks that it produces exactly `expected`.
fn exec_and_check(game: &mut Game, force: &str, order: Order, expected: &[SimEvent]) {
    let from = game.world_ref().resource::<Chronicle>().0.len();
    let _ = game.give(force, order);
    assert_eq!(events_since(game, from), expected);
}

fn place(game: &Game, id: &str) -> Entity {
    game.world_ref().resource::<MapIndex>().places[id]
}

fn state(game: &Game, id: &str) -> Entity {
    game.world_ref().resource::<MapIndex>().states[id]
}

fn first_force(game: &mut Game) -> (Entity, String) {
    let world = game.world();
    let mut q = world.query::<(Entity, &Force)>();
    let (e, f) = q.iter(world).find(|(_, f)| f.raised == 0).unwrap();
    (e, f.name.clone())
}

#[test]
fn an_order_between_days_is_taken_or_refused_in_one_event() {
    let mut game = Game::new(common::second(), 1);
    let (army, name) = first_force(&mut game);
    // The army set out on day 0, before any order.
    assert!(matches!(
        events_since(&game, 0).as_slice(),
        [SimEvent::SetOut { force, .. }] if *force == army
    ));
    exec_and_check(
        &mut game,
        &name,
        Order::Slaughter(10),
        &[
            SimEvent::Slaughtered {
                force: army,
                kind: AnimalKind::Oxen,
                count: 10,
                ordered: true,
            },
            SimEvent::OrderGiven {
                target: Target::Force(army),
                order: Box::new(Order::Slaughter(10)),
            },
        ],
    );
    let (from, to) = (place(&game, "dunhuang"), place(&game, "loulan"));
    exec_and_check(
        &mut game,
        &name,
        Order::Step(PlanStep::March("loulan".into())),
        &[SimEvent::OrderRefused {
            target: Target::Force(army),
            order: Box::new(Order::Step(PlanStep::March("loulan".into()))),
            reason: Refusal::NoRoute { from, to },
        }],
    );
    exec_and_check(
        &mut game,
        &name,
        Order::Cancel,
        &[SimEvent::OrderRefused {
            target: Target::Force(army),
            order: Box::new(Order::Cancel),
            reason: Refusal::NothingToCancel,
        }],
    );
    // The slaughtered oxen are in the ledger and their meat in the stores.
    let world = game.world_ref();
    assert_eq!(
        world
            .get::<Ledger>(army)
            .unwrap()
            .animals_lost
            .oxen
            .slaughtered,
        10
    );
    assert!(world.get::<Stores>(army).unwrap().meat.0 > 0.0);
}

#[test]
fn a_march_ends_in_an_arrival_and_a_force_that_waits_for_orders() {
    let mut game = Game::new(common::second(), 1);
    let (army, name) = first_force(&mut game);
    game.give(&name, Order::Step(PlanStep::March("yumen_pass".into())))
        .unwrap();
    let to = place(&game, "yumen_pass");
    // Day by day until it arrives: the arrival day tells the arrival and that it waits.
    for _ in 0..30 {
        let from = game.world_ref().resource::<Chronicle>().0.len();
        game.advance(Advance::Days(1));
        let day: Vec<SimEvent> = telling(events_since(&game, from))
            .into_iter()
            .filter(|e| !matches!(e, SimEvent::ScenarioMessage(_)))
            .collect();
        if !day.iter().any(|e| matches!(e, SimEvent::Arrived { .. })) {
            continue;
        }
        let world = game.world_ref();
        let column = world.get::<Column>(army).unwrap();
        let stores = world.get::<Stores>(army).unwrap();
        let arrived = day
            .iter()
            .find_map(|e| match e {
                SimEvent::Arrived {
                    men, horses, grain, ..
                } => Some((*men, *horses, *grain)),
                _ => None,
            })
            .expect("an arrival");
        assert_eq!(
            day,
            [
                SimEvent::Arrived {
                    force: army,
                    place: to,
                    men: arrived.0,
                    horses: arrived.1,
                    grain: arrived.2,
                },
                SimEvent::AwaitingOrders { force: army },
            ]
        );
        // The arrival's numbers are the column's on arrival (before that night's losses).
        assert!(arrived.0 >= column.men.total() && arrived.2 >= stores.grain);
        return;
    }
    panic!("the army never reached the pass");
}

#[test]
fn a_state_asked_answers_once_with_a_typed_answer_and_prestige_follows_a_submission() {
    let mut game = Game::new(common::second(), 1);
    let (army, name) = first_force(&mut game);
    for to in ["yumen_pass", "loulan"] {
        game.give(&name, Order::Step(PlanStep::March(to.into())))
            .unwrap();
    }
    let loulan_place = place(&game, "loulan");
    while game.world_ref().get::<Location>(army) != Some(&Location::At(loulan_place)) {
        game.advance(Advance::Turn);
    }
    let before = game.world_ref().resource::<Prestige>().0;
    let from = game.world_ref().resource::<Chronicle>().0.len();
    game.give(&name, Order::Step(PlanStep::Request)).unwrap();
    game.advance(Advance::Days(1));
    let loulan = state(&game, "loulan");
    let answers: Vec<SimEvent> = events_since(&game, from)
        .into_iter()
        .filter(|e| matches!(e, SimEvent::Answered { .. }))
        .collect();
    let [
        SimEvent::Answered {
            state: s,
            force,
            answer,
            ..
        },
    ] = answers.as_slice()
    else {
        panic!("one answer: {answers:?}");
    };
    assert_eq!((*s, *force), (loulan, army));
    let after = game.world_ref().resource::<Prestige>().0;
    let rules = &common::second().rules.diplomacy;
    if *answer == Answer::Submit {
        assert!((after - before - rules.prestige_for_submission).abs() < 1e-12);
    } else {
        assert!(after <= before);
    }
}

#[test]
fn the_historical_plan_hands_its_steps_to_the_orders_phase_which_refuses_one_it_cannot_take() {
    // A plan whose first step joins a column that has not been raised yet: refused, typed; the
    // next step raises it.
    let mut s = common::second();
    s.campaign.plan = vec![
        PlanStep::Join("Later".into()),
        PlanStep::Detach {
            name: "Later".into(),
            size: DetachSize::Share(0.5),
            plan: vec![],
            stores: Default::default(),
        },
    ];
    s.campaign.events.clear();
    let mut game = Game::commanded_by(s, 1, Commander::Historical);
    let (army, _) = first_force(&mut game);
    let at = place(&game, "dunhuang");
    let day0 = telling(events_since(&game, 0));
    assert_eq!(
        day0,
        [SimEvent::SetOut {
            force: army,
            at,
            men: 60_000,
            animals: common::second().campaign.forces[0].animals,
        }]
    );
    let from = game.world_ref().resource::<Chronicle>().0.len();
    game.advance(Advance::Days(1));
    assert_eq!(
        telling(events_since(&game, from)),
        [SimEvent::OrderRefused {
            target: Target::Force(army),
            order: Box::new(Order::Step(PlanStep::Join("Later".into()))),
            reason: Refusal::NoSuchForce("Later".into()),
        }]
    );
    let from = game.world_ref().resource::<Chronicle>().0.len();
    game.advance(Advance::Days(1));
    let day = telling(events_since(&game, from));
    let Some(SimEvent::Detached {
        from: parent,
        force: column,
        men,
        animals,
    }) = day.first().cloned()
    else {
        panic!("{day:?}");
    };
    assert_eq!(parent, army);
    let ledger = game.world_ref().get::<Ledger>(column).unwrap();
    assert_eq!(men, ledger.men_in, "the event says what the ledger holds");
    assert_eq!(animals, ledger.animals_in.total());
    // Its plan done, the detachment turns for home the next day, as the plan's commander would.
    let from = game.world_ref().resource::<Chronicle>().0.len();
    game.advance(Advance::Days(1));
    assert!(
        events_since(&game, from).contains(&SimEvent::TurnedHome {
            force: column,
            from: at,
            because: Because::PlanDone,
        }),
        "the detachment, its plan done, goes home"
    );
}

#[test]
fn a_scenario_message_names_its_effect_not_its_words() {
    let mut game = Game::commanded_by(common::second(), 1, Commander::Historical);
    game.advance(Advance::Days(1));
    let day0 = events_since(&game, 0);
    assert!(day0.contains(&SimEvent::ScenarioMessage(EffectRef {
        event: 0,
        effect: 0
    })));
}
