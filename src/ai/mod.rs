//! Commanders outside the simulation: the heuristic commander, which hands its orders to the
//! simulation's orders phase like a player. (The historical plan is the scenario's data, which
//! the orders phase reads itself.)

pub mod commander;

use bevy::prelude::*;

use crate::sim::{Commander, DaySystems, SimDay};

/// The commanders' plugin: the heuristic commander gives its orders at the start of each day
/// when it commands.
pub fn plugin(app: &mut App) {
    app.add_systems(
        SimDay,
        commander::command
            .run_if(resource_equals(Commander::Ai))
            .in_set(DaySystems::Command),
    );
}
