//! The scenario file format: serde types for maps, rules and campaigns, as modders write them.
//!
//! Every struct denies unknown fields, so a misspelt field is an error that names the valid ones.
//! The modding guide (`scenarios/MODDING.md`) documents each field. One file per kind of file:
//! [`map`], [`rules`] (with its [`season`]s), [`campaign`] (with the [`army`] it fields, its
//! [`date`]s, [`plan`], [`events`], [`history`] and [`muster`]), [`overlay`], and the game's
//! [`menu`].

pub mod army;
pub mod campaign;
pub mod date;
pub mod events;
pub mod history;
pub mod map;
pub mod menu;
pub mod muster;
pub mod overlay;
pub mod plan;
pub mod rules;
pub mod season;

/// The version of the scenario format this game reads: a file may say which it is written for
/// (`format: 1`); one without it is read as this one. A file for a newer format is refused with a
/// message saying so.
pub const FORMAT: u32 = 1;

pub use army::*;
pub use campaign::*;
pub use date::*;
pub use events::*;
pub use history::*;
pub use map::*;
pub use menu::*;
pub use muster::*;
pub use overlay::*;
pub use plan::*;
pub use rules::*;
pub use season::*;
