//! The campaign's own state: who commands, Han prestige, the objective and how it ended.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::types::Goal;

/// Who gives the orders.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Commander {
    /// The scenario's historical plan, and its retreat rule.
    #[default]
    Historical,
    /// A player: idle forces wait for orders.
    Player,
    /// The heuristic commander of the `ai` module.
    Ai,
}

/// Han prestige in the region, -1..1.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Prestige(pub f64);

impl Prestige {
    /// Moves prestige by `by`, kept within -1..1; returns the change made.
    pub fn change(&mut self, by: f64) -> f64 {
        let before = self.0;
        self.0 = (self.0 + by).clamp(-1.0, 1.0);
        self.0 - before
    }
}

/// How the campaign ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The objective fell.
    Victory,
    /// The army gave up and came home (or ran out of time) without it.
    Retreat,
    /// Nobody is left.
    Destroyed,
}

impl Outcome {
    /// The outcome's word, as the JSON report has it.
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Victory => "victory",
            Outcome::Retreat => "retreat",
            Outcome::Destroyed => "destroyed",
        }
    }
}

/// One goal and how it stands.
#[derive(Debug, Clone)]
pub struct GoalProgress {
    /// The goal as the scenario gives it.
    pub goal: Goal,
    /// The state or place it names, where it names one that is on the map.
    pub target: Option<Entity>,
    /// The day it was met, if it was.
    pub met: Option<u32>,
}

impl GoalProgress {
    /// Whether it can still be met on `day` (its day has not passed).
    pub fn open_on(&self, day: u32) -> bool {
        self.met.is_none() && self.goal.by_day.is_none_or(|by| day <= by)
    }
}

/// The campaign's progress toward its end.
#[derive(Resource, Debug, Clone, Default)]
pub struct CampaignStatus {
    /// The state whose capital is the objective.
    pub objective: Option<Entity>,
    /// Where the army comes home to.
    pub home: Option<Entity>,
    /// The day the objective fell, if it did.
    pub objective_taken: Option<u32>,
    /// Set when the campaign is over.
    pub ended: Option<Outcome>,
    /// The last day allowed.
    pub max_days: u32,
    /// The campaign's goals and how each stands.
    pub goals: Vec<GoalProgress>,
}
