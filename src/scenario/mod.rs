//! Scenarios: the RON types modders write, loading with located errors, and validation.
//!
//! [`types`] is the format, [`units`] the quantities it is written in, [`source`] the files
//! and the problems found in them, [`files`] finds them on disk, [`load`] reads a campaign with
//! its map and rules (and overlays), [`validate`] checks them, [`muster`] is the army the player chooses before a campaign, and [`logistics`] is the arithmetic over the format's
//! types that both the validation and the simulation use (what a column carries, eats and
//! drinks, and how far it marches).

pub mod any_file;
pub mod files;
pub mod load;
pub mod logistics;
pub mod muster;
pub mod source;
pub mod spans;
pub mod types;
pub mod units;
pub mod validate;

pub use load::Scenario;
pub use source::{Problem, ScenarioError, SourceFile};
