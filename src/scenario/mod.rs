//! Scenarios: the RON types modders write, loading with located errors, and validation.

pub mod load;
pub mod types;
pub mod validate;

pub use load::{Problem, Scenario, ScenarioError};
