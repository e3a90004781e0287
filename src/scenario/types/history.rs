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
    /// Calibration bands, each with its source: the calibration test holds the model to them,
    /// and `compare` prints them.
    #[serde(default)]
    pub bands: Vec<BandDef>,
}

/// A cause of loss of men.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Cause {
    /// Starved.
    Hunger,
    /// Died of thirst.
    Thirst,
    /// Died of heat, cold or exhaustion.
    Exposure,
    /// Died of sickness.
    Disease,
    /// Ran away.
    Desertion,
    /// Killed in battle, or dead of wounds.
    Combat,
    /// Taken alive by the enemy.
    Captured,
}

impl Cause {
    /// Every cause, in the reports' order.
    pub const ALL: [Cause; 7] = [
        Cause::Hunger,
        Cause::Thirst,
        Cause::Exposure,
        Cause::Disease,
        Cause::Desertion,
        Cause::Combat,
        Cause::Captured,
    ];

    /// Its name in reports.
    pub const fn name(self) -> &'static str {
        match self {
            Cause::Hunger => "hunger",
            Cause::Thirst => "thirst",
            Cause::Exposure => "exposure",
            Cause::Disease => "disease",
            Cause::Desertion => "desertion",
            Cause::Combat => "combat",
            Cause::Captured => "capture",
        }
    }
}

/// What a calibration band measures in each run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Measure {
    /// Whether the objective fell: 1 or 0.
    ObjectiveTaken,
    /// The day the objective fell (runs where it did).
    ObjectiveDay,
    /// Men who came home.
    MenHome,
    /// Men who came home, % of those who set out.
    MenHomePercent,
    /// Horses that came home.
    HorsesHome,
    /// Horses taken.
    HorsesObtained,
    /// Requests answered by submission, % of the requests answered.
    SubmissionPercent,
    /// Men of every column that reached the objective's city before it fell (each on its first
    /// arrival, so columns that meet there all count), % of those who set out (runs where it fell).
    MenAtObjectivePercent,
    /// Men of the main army on arrival at the furthest place it reached before it first came back
    /// to a place it had passed.
    MenAtFurthest,
    /// Days of the last siege of the objective (runs with one).
    ObjectiveSiegeDays,
    /// Men lost to the first causes, less the men lost to the second.
    Losses(Vec<Cause>, Vec<Cause>),
    /// Men lost to these causes, % of all the men lost.
    LossesPercent(Vec<Cause>),
    /// Whether the state of this id shut its gates (refused) at any time: 1 or 0.
    StateRefused(String),
    /// Whether the city of the state of this id was taken (it fell, was stormed, accepted
    /// terms, or was sacked or conquered): 1 or 0.
    StateTaken(String),
    /// Whether the objective's goal of this index (from 0, `capture` first) was met: 1 or 0.
    GoalMet(usize),
    /// Days the campaign lasted.
    Days,
    /// Enemy men killed in every battle.
    EnemyKilled,
    /// Enemy men taken alive.
    EnemyCaptured,
}

/// Which runs a band counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Counted {
    /// Every run.
    #[default]
    All,
    /// Runs in which the objective fell.
    Won,
    /// Runs in which the objective's water was diverted in its last siege.
    WaterDiverted,
    /// Runs that ended in victory (every required goal met).
    Victory,
}

/// How a band sums up its runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Statistic {
    /// The median of the measure (the upper one of an even count).
    Median,
    /// The share of runs, %, in which the measure is not 0.
    PercentOfRuns,
}

/// A calibration band: a figure of the record measured over many seeded runs of the historical
/// plan, and the range the record allows it (design §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandDef {
    /// What it is, as the table prints it.
    pub name: String,
    /// What is measured in each run.
    pub measure: Measure,
    /// Which runs count.
    #[serde(default)]
    pub runs: Counted,
    /// How the runs are summed up.
    pub statistic: Statistic,
    /// The band's lower end, if it has one.
    #[serde(default)]
    pub min: Option<f64>,
    /// The band's upper end, if it has one.
    #[serde(default)]
    pub max: Option<f64>,
    /// Where the record comes from.
    pub source: String,
    /// Whether the calibration test holds the model to it (else it is a figure of the story,
    /// printed beside the table).
    #[serde(default = "checked")]
    pub checked: bool,
}

fn checked() -> bool {
    true
}
