//! Heavenly Horses: a turn-based historical logistics game of Han armies marching west.
//!
//! The simulation ([`sim::plugin`]) is plain Bevy ECS and runs headless; scenarios
//! ([`scenario`]) are RON files under `scenarios/`; [`report`] turns a finished campaign into the
//! report the command line prints; [`play`] is the player's side (orders, turns, the terminal
//! mode) and [`save`] its saves and replays.

pub mod ai;
pub mod atomic;
pub mod generate;
pub mod play;
pub mod report;
pub mod runner;
pub mod save;
pub mod scenario;
pub mod sim;
pub mod terminal;
#[cfg(feature = "gui")]
pub mod ui;
