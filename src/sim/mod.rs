//! The simulation: a Bevy plugin that runs one campaign day per run of the [`SimDay`] schedule,
//! through ordered system sets (design §2). It adds no rendering types and runs under
//! `MinimalPlugins`, or inside the game window's own world.
//!
//! One way in, one way out: orders come in as [`orders::GiveOrder`] messages to the orders phase
//! (within a day, or between days by the [`SimOrders`] schedule), and every fact leaves as a
//! [`log::SimEvent`], gathered into the [`log::Chronicle`]. Nothing outside `sim/` changes the
//! simulation's state.
//!
//! The world: [`map`] (places, routes), [`state`] (the oasis states), [`force`] (the forces, a
//! component per concern), [`calendar`] and [`campaign`]. The day's phases, in order: the
//! commanders' set ([`DaySystems::Command`], where a commander outside `sim/` hooks in),
//! [`orders`], [`diplomacy`] (with [`embassy`] and [`settlement`]), [`movement`], [`supply`] (with
//! [`foraging`]), [`consumption`], [`attrition`],
//! [`siege`] (with [`battle`]), [`triggers`] (the scenario's events, with the [`enemy`] forces
//! they raise), [`record`] (with the
//! [`objectives`]).

pub mod attrition;
pub mod base;
pub mod battle;
pub mod calendar;
pub mod campaign;
pub mod consumption;
pub mod country;
pub mod diplomacy;
pub mod embassy;
pub mod enemy;
pub mod foraging;
pub mod force;
pub mod ledger;
pub mod log;
pub mod map;
pub mod movement;
pub mod objectives;
pub mod orders;
pub mod prestige;
pub mod raise;
pub mod random;
pub mod record;
pub mod settlement;
pub mod setup;
pub mod siege;
pub mod state;
pub mod supply;
pub mod triggers;

use bevy::ecs::schedule::ScheduleLabel;
use bevy::ecs::schedule::SingleThreadedExecutor;
use std::sync::Arc;

use bevy::prelude::*;

use crate::scenario::Scenario;

pub use calendar::Calendar;
pub use campaign::{CampaignStatus, Commander, Outcome, Prestige};
pub use log::{Chronicle, SimEvent};
pub use record::{DailyRecord, KeepDailyRecord};

/// The schedule that resolves one day of the campaign.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimDay;

/// The schedule that takes orders handed in between days, at once: each is carried out or
/// refused, and the events are gathered into the chronicle.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimOrders;

/// The phases of a day, in order (design §2).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DaySystems {
    /// Commanders hand in their orders (the heuristic commander, from outside `sim/`).
    Command,
    /// Orders are taken, and idle forces begin their next step.
    Orders,
    /// States answer forces that ask.
    Diplomacy,
    /// Columns march.
    Movement,
    /// Stores are filled from water, pasture and states.
    Supply,
    /// Men and animals eat and drink.
    Consumption,
    /// Losses by cause.
    Attrition,
    /// Sieges and battles.
    Siege,
    /// Scenario events, relief armies and enemy forces in the field.
    Events,
    /// The day's record, objectives, and the calendar.
    Record,
}

/// The scenario being played, with its rules: shared, so that the runs of a batch do not copy it.
#[derive(Resource, Debug, Clone)]
pub struct ActiveScenario(pub Arc<Scenario>);

fn single_threaded(label: impl ScheduleLabel) -> Schedule {
    let mut schedule = Schedule::new(label);
    // One thread, in a fixed order: the same campaign on every machine.
    schedule.set_executor(SingleThreadedExecutor::new());
    schedule
}

/// The simulation plugin: the day's schedule and its systems, and the orders schedule.
pub fn plugin(app: &mut App) {
    let mut day = single_threaded(SimDay);
    // Diplomacy has work only on some days: it runs under one question, asked once a day (a day
    // without such work costs the question, not its three systems and their conditions).
    day.configure_sets(DaySystems::Diplomacy.run_if(diplomacy::work_today));
    day.configure_sets(
        (
            DaySystems::Command,
            DaySystems::Orders,
            DaySystems::Diplomacy,
            DaySystems::Movement,
            DaySystems::Supply,
            DaySystems::Consumption,
            DaySystems::Attrition,
            DaySystems::Siege,
            DaySystems::Events,
            DaySystems::Record,
        )
            .chain(),
    );
    app.add_schedule(day);
    app.add_schedule(single_threaded(SimOrders));
    app.add_message::<SimEvent>();
    app.add_message::<orders::GiveOrder>();
    app.init_resource::<Commander>();
    app.init_resource::<record::KeepDailyRecord>();
    app.add_systems(
        SimDay,
        (
            // A system with work only on some days runs under a condition that asks whether
            // today is one: a day without such work costs the question, not the system.
            (
                orders::take::take_orders.run_if(orders::take::orders_waiting),
                orders::begin::begin_next.run_if(orders::begin::anyone_idle),
                orders::detachments::merge_columns
                    .run_if(force::any_force(orders::detachments::joining_or_waiting)),
            )
                .chain()
                .in_set(DaySystems::Orders),
            (
                diplomacy::answer_requests,
                embassy::embassies,
                settlement::settle_states,
            )
                .chain()
                .in_set(DaySystems::Diplomacy),
            movement::march.in_set(DaySystems::Movement),
            supply::supply_day.in_set(DaySystems::Supply),
            consumption::eat_and_drink.in_set(DaySystems::Consumption),
            attrition::apply_losses.in_set(DaySystems::Attrition),
            siege::resolve_sieges_and_battles
                .run_if(force::any_force(siege::fighting))
                .in_set(DaySystems::Siege),
            triggers::run_events.in_set(DaySystems::Events),
            record::end_day.in_set(DaySystems::Record),
        ),
    );
    app.add_systems(
        SimOrders,
        (orders::take::take_orders, log::gather_events).chain(),
    );
}

/// Runs one day, unless the campaign has ended. Returns whether a day ran.
pub fn advance_day(world: &mut World) -> bool {
    if world.resource::<CampaignStatus>().ended.is_some() {
        return false;
    }
    world.run_schedule(SimDay);
    true
}

/// Takes the orders handed in since the last day, at once (see [`SimOrders`]).
pub fn take_orders_now(world: &mut World) {
    world.run_schedule(SimOrders);
}

/// Runs days until the campaign ends (or its last day passes): the day's schedule is taken out
/// of the world once for all the days, not once a day.
pub fn run_to_end(world: &mut World) {
    world.schedule_scope(SimDay, |world, day| {
        while world.resource::<CampaignStatus>().ended.is_none() {
            day.run(world);
        }
    });
}

/// Spawns `scenario` for a run with `seed` under `commander`, clearing any earlier campaign.
pub fn start(world: &mut World, scenario: &Scenario, seed: u64, commander: Commander) {
    start_shared(world, &Arc::new(scenario.clone()), seed, commander);
}

/// [`start`] with a scenario already shared, as the runs of a batch share theirs: the world
/// keeps a handle on it, not a copy.
pub fn start_shared(world: &mut World, scenario: &Arc<Scenario>, seed: u64, commander: Commander) {
    world.insert_resource(commander);
    setup::spawn_scenario(world, scenario, seed);
}
