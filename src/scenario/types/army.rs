//! The parts of an army as the format writes them: men by arm, and the stores it carries.

use serde::{Deserialize, Serialize};

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
