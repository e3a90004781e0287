//! The historical record a campaign carries, for `compare` and the calibration.

use serde::{Deserialize, Serialize};

/// A figure of the historical record that `compare` can set beside the model's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    /// Days from the start until the objective fell.
    DaysToObjective,
    /// Men of the main army on its arrival at the objective.
    MenAtObjective,
    /// Days the objective was besieged.
    SiegeDays,
    /// Horses taken.
    HorsesObtained,
    /// Men who came home.
    MenHome,
    /// Horses that came home.
    HorsesHome,
}

/// One historical figure and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoricalFigure {
    /// Which figure.
    pub figure: Figure,
    /// Its value.
    pub value: f64,
    /// Where it comes from.
    pub source: String,
}

/// The historical record of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryDef {
    /// How it ended: "victory", "retreat" or "destroyed".
    pub outcome: String,
    /// The source for the outcome.
    pub source: String,
    /// Figures, each with its source.
    #[serde(default)]
    pub figures: Vec<HistoricalFigure>,
}
