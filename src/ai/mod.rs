//! Commanders: the historical plan (and, later, a heuristic commander).

pub mod historical;
