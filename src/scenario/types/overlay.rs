//! Overlays: another campaign with a few changes, for what-ifs.

use serde::{Deserialize, Serialize};

use super::army::{MenDef, StoresDef};
use super::campaign::{CampaignFile, Objective, StateOverride};
use super::events::EventDef;
use super::history::HistoryDef;
use super::muster::MusterDef;
use super::plan::PlanStep;
use super::rules::PerAnimal;

/// Changes to one force of the campaign an overlay builds on.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceChange {
    /// Which force (0 for the first).
    #[serde(default)]
    pub force: usize,
    /// Men by arm.
    #[serde(default)]
    pub men: Option<MenDef>,
    /// Animals by kind.
    #[serde(default)]
    pub animals: Option<PerAnimal<u32>>,
    /// Stores at the start.
    #[serde(default)]
    pub stores: Option<StoresDef>,
    /// Morale at the start.
    #[serde(default)]
    pub morale: Option<f64>,
    /// Officers' corruption.
    #[serde(default)]
    pub corruption: Option<f64>,
    /// Whether water engineers march with it.
    #[serde(default)]
    pub engineers: Option<bool>,
    /// Bolts of silk.
    #[serde(default)]
    pub silk_bolts: Option<u32>,
    /// Jin of gold.
    #[serde(default)]
    pub gold_jin: Option<u32>,
}

/// An overlay: another campaign with a few changes, for what-ifs. Everything not named here is
/// the base campaign's (its map, rules, forces, plan and events); the historical record is
/// dropped unless the overlay gives one, since a what-if has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlayFile {
    /// The format version the file is written for (optional: the game's own, [`super::FORMAT`]).
    #[serde(default)]
    pub format: Option<u32>,
    /// The campaign file this one changes, relative to this file.
    pub overlay: String,
    /// The what-if's title.
    pub name: String,
    /// A paragraph for the menu.
    #[serde(default)]
    pub description: Option<String>,
    /// The seed used when the player gives none.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The last day.
    #[serde(default)]
    pub max_days: Option<u32>,
    /// Han prestige at the start.
    #[serde(default)]
    pub prestige: Option<f64>,
    /// States' attitudes in this what-if (before the base campaign's).
    #[serde(default)]
    pub states: Vec<StateOverride>,
    /// Changes to the forces.
    #[serde(default)]
    pub forces: Vec<ForceChange>,
    /// A new plan (else the base campaign's).
    #[serde(default)]
    pub plan: Option<Vec<PlanStep>>,
    /// The campaign's objective: home, goals and levels, replaced whole.
    #[serde(default)]
    pub objective: Option<Objective>,
    /// New events (else the base campaign's).
    #[serde(default)]
    pub events: Option<Vec<EventDef>>,
    /// A historical record for the what-if, if it has one.
    #[serde(default)]
    pub history: Option<HistoryDef>,
    /// What the player may muster (else the base campaign's, grown where this what-if's forces
    /// need more).
    #[serde(default)]
    pub muster: Option<MusterDef>,
}

impl OverlayFile {
    /// The base campaign with this overlay's changes; the index of a force change that names no
    /// force, if any.
    pub fn apply(&self, mut c: CampaignFile) -> Result<CampaignFile, usize> {
        c.name = self.name.clone();
        if let Some(d) = &self.description {
            c.description = d.clone();
        }
        if let Some(seed) = self.seed {
            c.seed = seed;
        }
        if let Some(days) = self.max_days {
            c.max_days = days;
        }
        if let Some(p) = self.prestige {
            c.prestige = p;
        }
        let mut states = self.states.clone();
        states.append(&mut c.states);
        c.states = states;
        for (i, change) in self.forces.iter().enumerate() {
            let f = c.forces.get_mut(change.force).ok_or(i)?;
            if let Some(men) = change.men {
                f.men = men;
            }
            if let Some(animals) = change.animals {
                f.animals = animals;
            }
            if let Some(stores) = change.stores {
                f.stores = stores;
            }
            if let Some(m) = change.morale {
                f.morale = m;
            }
            if let Some(x) = change.corruption {
                f.corruption = x;
            }
            if let Some(e) = change.engineers {
                f.engineers = e;
            }
            if let Some(s) = change.silk_bolts {
                f.silk_bolts = s;
            }
            if let Some(g) = change.gold_jin {
                f.gold_jin = g;
            }
        }
        if let Some(plan) = &self.plan {
            c.plan = plan.clone();
        }
        if let Some(objective) = &self.objective {
            c.objective = objective.clone();
        }
        if let Some(events) = &self.events {
            c.events = events.clone();
        }
        c.history = self.history.clone();
        if let Some(muster) = &self.muster {
            c.muster = Some(muster.clone());
        } else if let Some(muster) = &mut c.muster
            && !self.forces.is_empty()
        {
            // The what-if's own army is one the base could muster.
            crate::scenario::muster::hold(muster, &c.forces);
        }
        Ok(c)
    }
}
