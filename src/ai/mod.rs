//! Commanders: the historical plan and a heuristic commander.

pub mod commander;
pub mod historical;
