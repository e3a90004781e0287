//! The campaign file: which map and rules, the forces, the objective and the historical plan.

use serde::{Deserialize, Serialize};

use super::army::{MenDef, StoresDef};
use super::events::EventDef;
use super::history::HistoryDef;
use super::muster::MusterDef;
use super::plan::PlanStep;
use super::rules::PerAnimal;

/// A force at the start of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceDef {
    /// Its name.
    pub name: String,
    /// Where it starts (a place id).
    pub at: String,
    /// Men by arm.
    pub men: MenDef,
    /// Animals by kind.
    pub animals: PerAnimal<u32>,
    /// Carts, each drawn by the rules' `cart.oxen` of its oxen (the rest carry packs).
    #[serde(default)]
    pub carts: u32,
    /// Stores carried at the start.
    pub stores: StoresDef,
    /// Morale at the start, 0..1.
    pub morale: f64,
    /// Share of the men's ration that officers withhold (0..1).
    #[serde(default)]
    pub corruption: f64,
    /// Whether water engineers (水工) march with the force: they divert a besieged city's stream.
    #[serde(default)]
    pub engineers: bool,
    /// Bolts of silk carried for gifts and purchases.
    #[serde(default)]
    pub silk_bolts: u32,
    /// Jin of gold carried for gifts and purchases.
    #[serde(default)]
    pub gold_jin: u32,
    /// The pace it marches at until an order changes it.
    #[serde(default)]
    pub pace: super::plan::Pace,
    /// Who drinks first when water is short, until an order changes it.
    #[serde(default)]
    pub drink: super::plan::DrinkFirst,
}

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

/// The day a campaign starts, by the Han calendar approximated as 30-day months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartDate {
    /// Year BC.
    pub year_bc: i32,
    /// Month, 1..=12 (month 1 begins spring).
    pub month: u32,
    /// Day of the month, 1..=30.
    pub day: u32,
}

impl StartDate {
    /// The date as a count of days, to order dates (30-day months, 12 to a year, years BC).
    pub fn day_number(self) -> i64 {
        -i64::from(self.year_bc) * 360
            + i64::from(self.month.saturating_sub(1)) * 30
            + i64::from(self.day)
    }

    /// The date for people: "month 8 day 1, 104 BC".
    pub fn words(self) -> String {
        format!(
            "month {} day {}, {}",
            self.month,
            self.day,
            year_words(self.year_bc)
        )
    }
}

/// A year counted BC as people write it: `102 BC`, and from year 0 on (there is no year 0)
/// `AD 1`, `AD 2`, ….
pub fn year_words(year_bc: i32) -> String {
    if year_bc >= 1 {
        format!("{year_bc} BC")
    } else {
        format!("AD {}", 1 - i64::from(year_bc))
    }
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
