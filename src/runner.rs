//! Running a campaign headless: the simulation with its commanders in an app of their own, for
//! `run`, `compare`, the calibration, the terminal game and the tests.

use std::sync::Arc;

use bevy::prelude::*;

use crate::scenario::Scenario;
use crate::sim::{self, Commander};

/// An app with the simulation and its commanders, and `scenario` set up for `seed` under
/// `commander`.
pub fn app(scenario: &Scenario, seed: u64, commander: Commander) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, sim::plugin, crate::ai::plugin));
    sim::start(app.world_mut(), scenario, seed, commander);
    app
}

/// An app with `scenario` set up for `seed`, on its historical plan.
pub fn historical(scenario: &Scenario, seed: u64) -> App {
    app(scenario, seed, Commander::Historical)
}

/// Plays `scenario` with `seed` under `commander` to its end, and returns the app.
pub fn run(scenario: &Scenario, seed: u64, commander: Commander) -> App {
    let mut app = app(scenario, seed, commander);
    sim::run_to_end(app.world_mut());
    app
}

/// Campaigns one after another in one app, as `compare` and the calibration play them: the
/// schedules are built once, and each run clears the last one's entities and resources
/// ([`sim::start`]). A run gives the same campaign as [`run`] in an app of its own.
pub struct Batch {
    app: App,
}

impl Default for Batch {
    fn default() -> Self {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, sim::plugin, crate::ai::plugin));
        Batch { app }
    }
}

impl Batch {
    /// A batch whose runs keep no daily record (their reports are all that is read).
    pub fn reports_only() -> Self {
        let mut batch = Batch::default();
        batch
            .app
            .world_mut()
            .insert_resource(sim::KeepDailyRecord(false));
        batch
    }

    /// Plays `scenario` with `seed` under `commander` to its end, and returns the world it
    /// stands in (until the next run). The runs share one copy of the scenario.
    pub fn run(&mut self, scenario: &Arc<Scenario>, seed: u64, commander: Commander) -> &mut World {
        let world = self.app.world_mut();
        sim::start_shared(world, scenario, seed, commander);
        sim::run_to_end(world);
        world
    }
}
