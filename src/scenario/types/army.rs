//! An army as the format writes it: a force at the start of a campaign, its men by arm, and the
//! stores it carries.

use serde::{Deserialize, Serialize};

use super::plan::{DrinkFirst, Pace, PlanStep};
use super::rules::PerAnimal;
use crate::scenario::units::{CubicMetres, Tonnes};

/// Men by arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenDef {
    /// Foot soldiers (and convicts).
    #[serde(default)]
    pub infantry: u32,
    /// Horsemen (each rides one of the force's horses).
    #[serde(default)]
    pub cavalry: u32,
}

/// Stores a force sets out with.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoresDef {
    /// Grain, tonnes.
    #[serde(default)]
    pub grain_t: Tonnes,
    /// Fodder, tonnes.
    #[serde(default)]
    pub fodder_t: Tonnes,
    /// Water, cubic metres (tonnes).
    #[serde(default)]
    pub water_m3: CubicMetres,
}

/// A force at the start of a campaign.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
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
    pub pace: Pace,
    /// Who drinks first when water is short, until an order changes it.
    #[serde(default)]
    pub drink: DrinkFirst,
    /// This force's own plan, from where it starts (else it follows the campaign's `plan`):
    /// columns from different places take their own roads to a meeting point.
    #[serde(default)]
    pub plan: Option<Vec<PlanStep>>,
    /// An embassy, not an army: states answer it by their interests rather than its power (the
    /// rules' `embassy`), it may be received as a guest, detained, or seized on a hostile power's
    /// road, and it never besieges a state that refuses it.
    #[serde(default)]
    pub envoy: bool,
}
