//! The muster: what the base holds and the court allows, from which the player chooses the army
//! before the campaign (how many men of each arm, which animals, how much grain, how it is split
//! into columns, and the day it leaves), and the choice itself, which saves record.

use serde::{Deserialize, Serialize};

use super::army::{ForceDef, MenDef, StoresDef};
use super::date::StartDate;
use super::rules::PerAnimal;

/// The first and last days the army may leave the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaveWindow {
    /// The first day it may leave.
    pub earliest: StartDate,
    /// The last day it may leave.
    pub latest: StartDate,
}

/// What the player may muster at the base: the most men of each arm, animals of each kind, carts,
/// stores and treasure, all columns together, the most columns, and the days the army may
/// leave. The campaign's forces at the base are the historical choice, and must fit within it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MusterDef {
    /// The base the columns muster at and leave from (a place id).
    pub at: String,
    /// The most men of each arm.
    pub men: MenDef,
    /// The most animals of each kind.
    pub animals: PerAnimal<u32>,
    /// The most carts.
    #[serde(default)]
    pub carts: u32,
    /// The most grain, fodder and water.
    pub stores: StoresDef,
    /// The most bolts of silk.
    #[serde(default)]
    pub silk_bolts: u32,
    /// The most jin of gold.
    #[serde(default)]
    pub gold_jin: u32,
    /// The days the army may leave.
    pub leave: LeaveWindow,
    /// The most columns the army may be split into at the base.
    #[serde(default = "one_column")]
    pub columns: u32,
}

fn one_column() -> u32 {
    1
}

/// The player's choice at the muster: the columns that leave the base, and the day they leave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MusterChoice {
    /// The day the army leaves: the campaign's first day.
    pub leave: StartDate,
    /// The columns, each a force at the base.
    pub columns: Vec<ForceDef>,
}
