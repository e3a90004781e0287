//! Playing a campaign, for any front end (the terminal, the window, tests): a game is a scenario,
//! a seed, who commands, and the [`Action`]s taken; replaying them reproduces it exactly.
//!
//! Everything here works on a [`World`] that holds the simulation (a headless [`Game`]'s own,
//! or the game window's): orders go to the simulation's orders phase by name
//! ([`give::give`]), turns resolve day by day until the next decision is needed
//! ([`advance`]), and what the player sees is read off the world ([`view`]) and
//! told in words ([`words`]). Commands typed by a player are [`command::Command`]s.

pub mod command;
pub mod forecast;
pub mod give;
pub mod lines;
pub mod muster;
pub mod text;
pub mod turn;
pub mod view;
pub mod words;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::report::{self, CampaignReport};
use crate::scenario::Scenario;
use crate::sim::{self, ActiveScenario, Calendar, CampaignStatus, Commander, Outcome};

pub use crate::sim::orders::Order;
pub use give::{Given, Refused, give};
pub use turn::{Advance, MAX_TURN_DAYS, Stop, Turn, advance};

/// One thing the player did: the unit of saves and replays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// An order to the named force (or a detachment ordered to split off).
    Order {
        /// The force's name.
        force: String,
        /// The order.
        order: Order,
    },
    /// The world resolved.
    Advance(Advance),
}

/// What has been done in a campaign: its seed and every action, in order.
#[derive(Resource, Debug, Clone, Default)]
pub struct Played {
    /// The seed.
    pub seed: u64,
    /// Everything done so far, in order.
    pub actions: Vec<Action>,
}

/// Starts `scenario` with `seed` under `commander` in `world` (which holds the simulation),
/// replacing any campaign there.
pub fn start(world: &mut World, scenario: &Scenario, seed: u64, commander: Commander) {
    sim::start(world, scenario, seed, commander);
    // A muster belongs to the campaign it was made for (see [`muster::restart`]).
    world.remove_resource::<muster::Mustered>();
    world.insert_resource(Played {
        seed,
        actions: Vec::new(),
    });
}

/// Replays `actions` in `world` from the start. Fails, naming the action, if one no longer
/// applies.
pub fn replay(
    world: &mut World,
    scenario: &Scenario,
    seed: u64,
    commander: Commander,
    actions: &[Action],
) -> Result<(), String> {
    start(world, scenario, seed, commander);
    replay_actions(world, actions)
}

/// Carries out `actions` in `world`, in order. Fails, naming the action, if one no longer applies.
pub fn replay_actions(world: &mut World, actions: &[Action]) -> Result<(), String> {
    for (i, action) in actions.iter().enumerate() {
        match action {
            Action::Order { force, order } => {
                give(world, force, order.clone()).map_err(|why| {
                    format!(
                        "action {} ({force}): {}",
                        i + 1,
                        words::refused(world, force, &why)
                    )
                })?;
            }
            Action::Advance(a) => {
                advance(world, *a);
            }
        }
    }
    Ok(())
}

/// A game in its own headless app: the terminal's, and the tests'.
pub struct Game {
    /// The simulation.
    pub app: App,
}

impl Game {
    /// A new game of `scenario` with `seed`, the player in command.
    pub fn new(scenario: Scenario, seed: u64) -> Self {
        Self::commanded_by(scenario, seed, Commander::Player)
    }

    /// A new game of `scenario` with `seed` under `commander` (the historical plan or the AI, to
    /// watch).
    pub fn commanded_by(scenario: Scenario, seed: u64, commander: Commander) -> Self {
        let mut app = crate::runner::app(&scenario, seed, commander);
        app.world_mut().insert_resource(Played {
            seed,
            actions: Vec::new(),
        });
        Game { app }
    }

    /// Replays `actions` on a new game. Fails, naming the action, if one no longer applies.
    pub fn replay(scenario: Scenario, seed: u64, actions: &[Action]) -> Result<Self, String> {
        Self::replay_as(scenario, seed, Commander::Player, actions)
    }

    /// Replays `actions` on a new game under `commander`.
    pub fn replay_as(
        scenario: Scenario,
        seed: u64,
        commander: Commander,
        actions: &[Action],
    ) -> Result<Self, String> {
        let mut game = Game::commanded_by(scenario, seed, commander);
        replay_actions(game.world(), actions)?;
        Ok(game)
    }

    /// The world.
    pub fn world(&mut self) -> &mut World {
        self.app.world_mut()
    }

    /// The world, to read.
    pub fn world_ref(&self) -> &World {
        self.app.world()
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.app.world().resource::<ActiveScenario>().0
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.app.world().resource::<Played>().seed
    }

    /// Everything done so far.
    pub fn actions(&self) -> &[Action] {
        &self.app.world().resource::<Played>().actions
    }

    /// Who commands.
    pub fn commander(&self) -> Commander {
        *self.app.world().resource::<Commander>()
    }

    /// The names of the forces in the field, in the order they were raised.
    pub fn force_names(&self) -> Vec<String> {
        let world = self.app.world();
        view::forces(world)
            .into_iter()
            .map(|e| view::force_name(world, e))
            .collect()
    }

    /// How the campaign ended, if it has.
    pub fn ended(&self) -> Option<Outcome> {
        ended(self.app.world())
    }

    /// Today's date for people.
    pub fn date(&self) -> String {
        self.app.world().resource::<Calendar>().describe()
    }

    /// Gives an order to the force called `force` (see [`give()`]).
    pub fn give(&mut self, force: &str, order: Order) -> Result<Given, Refused> {
        give(self.world(), force, order)
    }

    /// Resolves the world (see [`advance`]).
    pub fn advance(&mut self, how: Advance) -> Turn {
        advance(self.world(), how)
    }

    /// The campaign report as it stands.
    pub fn report(&mut self) -> CampaignReport {
        report::build(self.world())
    }
}

/// How the campaign in `world` ended, if it has.
pub fn ended(world: &World) -> Option<Outcome> {
    world.resource::<CampaignStatus>().ended
}
