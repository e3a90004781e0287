//! The simulation: a Bevy plugin that runs one campaign day per run of the [`SimDay`] schedule,
//! through ordered system sets (design §2). It adds no rendering types and runs under
//! `MinimalPlugins`.

pub mod attrition;
pub mod battle;
pub mod components;
pub mod consumption;
pub mod detachments;
pub mod diplomacy;
pub mod events;
pub mod movement;
pub mod random;
pub mod record;
pub mod rules;
pub mod setup;
pub mod siege;
pub mod supply;

use bevy::ecs::schedule::ScheduleLabel;
use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::prelude::*;

use crate::scenario::Scenario;
pub use components::*;

/// The schedule that resolves one day of the campaign.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimDay;

/// The phases of a day, in order (design §2).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DaySystems {
    /// Orders become the day's intent.
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
    /// Scenario events and relief armies.
    Events,
    /// The day's record, objectives, and the calendar.
    Record,
}

/// The scenario being played, with its rules.
#[derive(Resource, Debug, Clone)]
pub struct ActiveScenario(pub Scenario);

/// A line for the chronicle, written by any phase and gathered by the record.
#[derive(Message, Debug, Clone)]
pub struct Chronicled {
    /// What happened.
    pub text: String,
}

/// The simulation plugin: the day schedule and its systems.
pub fn plugin(app: &mut App) {
    let mut schedule = Schedule::new(SimDay);
    // One thread, in a fixed order: the same campaign on every machine.
    schedule.set_executor(SingleThreadedExecutor::new());
    schedule.configure_sets(
        (
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
    app.add_schedule(schedule);
    app.add_message::<Chronicled>();
    app.init_resource::<Commander>();
    app.add_systems(
        SimDay,
        (
            (
                crate::ai::commander::command.run_if(resource_equals(Commander::Ai)),
                crate::ai::historical::follow_plan,
                detachments::merge_columns,
            )
                .chain()
                .in_set(DaySystems::Orders),
            (diplomacy::harvest, diplomacy::answer_requests)
                .chain()
                .in_set(DaySystems::Diplomacy),
            movement::march.in_set(DaySystems::Movement),
            supply::gather_supplies.in_set(DaySystems::Supply),
            consumption::eat_and_drink.in_set(DaySystems::Consumption),
            attrition::apply_losses.in_set(DaySystems::Attrition),
            siege::resolve_sieges_and_battles.in_set(DaySystems::Siege),
            events::run_events.in_set(DaySystems::Events),
            (record::record_day, record::check_end, record::next_day)
                .chain()
                .in_set(DaySystems::Record),
        ),
    );
}

/// Runs one day, unless the campaign has ended. Returns whether a day ran.
pub fn advance_day(world: &mut World) -> bool {
    if world.resource::<CampaignStatus>().ended.is_some() {
        return false;
    }
    world.run_schedule(SimDay);
    world.resource_mut::<Messages<Chronicled>>().update();
    true
}

/// Runs days until the campaign ends (or its last day passes).
pub fn run_to_end(world: &mut World) {
    while advance_day(world) {}
}

/// A headless app with the simulation and a scenario set up for `seed`, on its historical plan.
pub fn headless_app(scenario: &Scenario, seed: u64) -> App {
    headless_app_for(scenario, seed, Commander::Historical)
}

/// A headless app with the simulation and a scenario set up for `seed`, under `commander`.
pub fn headless_app_for(scenario: &Scenario, seed: u64, commander: Commander) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, plugin));
    app.insert_resource(commander);
    setup::spawn_scenario(app.world_mut(), scenario, seed);
    app
}
