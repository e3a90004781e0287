//! The campaign file: which map and rules, the forces, the objective and the historical plan.

use serde::{Deserialize, Serialize};

use super::army::ForceDef;
use super::date::StartDate;
use super::events::EventDef;
use super::history::HistoryDef;
use super::muster::MusterDef;
use super::plan::PlanStep;

/// A state's attitude in this campaign, where it differs from the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateOverride {
    /// The state (a state id).
    pub state: String,
    /// Attitude toward the Han in this campaign.
    #[serde(default)]
    pub attitude: Option<f64>,
    /// Xiongnu influence in this campaign.
    #[serde(default)]
    pub xiongnu_influence: Option<f64>,
}
/// When a force on its plan gives up and goes home.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetreatRule {
    /// Go home after losing a battle.
    pub after_defeat: bool,
    /// Go home once fewer than this share of the men who set out remain.
    pub below_share: f64,
}

/// What the campaign is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// The state whose capital must fall (a state id).
    pub capture: String,
    /// Where the army must come home to (a place id).
    pub home: String,
}

/// A campaign file: which map and rules, the forces, and the historical plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignFile {
    /// The campaign's title.
    pub name: String,
    /// A paragraph for the menu.
    #[serde(default)]
    pub description: String,
    /// The map file, relative to this file.
    pub map: String,
    /// The rules file, relative to this file.
    pub rules: String,
    /// The first day.
    pub start: StartDate,
    /// The seed used when the player gives none.
    #[serde(default)]
    pub seed: u64,
    /// The campaign ends after this many days at most.
    pub max_days: u32,
    /// Han prestige in the Western Regions at the start (-1..1).
    #[serde(default)]
    pub prestige: f64,
    /// States' attitudes where this campaign differs from the map.
    #[serde(default)]
    pub states: Vec<StateOverride>,
    /// The forces.
    pub forces: Vec<ForceDef>,
    /// What the campaign is for.
    pub objective: Objective,
    /// When the plan gives up.
    pub retreat: RetreatRule,
    /// The historical plan: the orders the real commander gave.
    pub plan: Vec<PlanStep>,
    /// Things that happen when their trigger comes: messages, reinforcements, allies, relief armies.
    #[serde(default)]
    pub events: Vec<EventDef>,
    /// The historical record, shown beside the model's figures by `compare`.
    #[serde(default)]
    pub history: Option<HistoryDef>,
    /// What the player may muster at the base before the campaign, if the army is theirs to
    /// choose (else the forces are fixed).
    #[serde(default)]
    pub muster: Option<MusterDef>,
}
