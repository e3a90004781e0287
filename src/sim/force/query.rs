//! The named views of a force that the day's phases query ([`ForceMut`] for the phases that touch
//! it all, [`ForceSupply`] for the supply phase and its foraging parties), and the part of one a
//! battle touches ([`Fighter`]).

use bevy::ecs::query::QueryData;
use bevy::prelude::*;

use super::{Activity, Column, Condition, Force, Ledger, Orders, Retinue, Standing, Stores, Today};
use crate::scenario::types::BattleRules;
use crate::sim::map::Location;

/// Everything about a force, to change: for the phases that touch it all (orders, sieges,
/// battles, scenario events).
#[derive(QueryData)]
#[query_data(mutable)]
pub struct ForceMut {
    /// The entity.
    pub entity: Entity,
    /// Who it is.
    pub force: &'static Force,
    /// Who marches.
    pub column: &'static mut Column,
    /// What it carries.
    pub stores: &'static mut Stores,
    /// How the men and animals are.
    pub condition: &'static mut Condition,
    /// Where it is.
    pub location: &'static mut Location,
    /// What it does.
    pub activity: &'static mut Activity,
    /// Homeward or merged.
    pub standing: &'static mut Standing,
    /// Engineers and allies.
    pub retinue: &'static mut Retinue,
    /// Its history.
    pub ledger: &'static mut Ledger,
}

/// The parts of a force a battle touches.
pub struct Fighter<'a> {
    /// Who fights.
    pub column: &'a mut Column,
    /// Their condition and morale.
    pub condition: &'a mut Condition,
    /// Their losses.
    pub ledger: &'a mut Ledger,
    /// Their allies.
    pub retinue: &'a Retinue,
}

impl ForceMutItem<'_, '_> {
    /// The force as a battle sees it.
    pub fn fighter(&mut self) -> Fighter<'_> {
        Fighter {
            column: &mut self.column,
            condition: &mut self.condition,
            ledger: &mut self.ledger,
            retinue: &self.retinue,
        }
    }

    /// Displayed strength (see [`super::strength`]).
    pub fn strength(&self, rules: &BattleRules) -> f64 {
        super::strength(rules, &self.column, &self.condition)
    }

    /// Whether it is still in the field: not merged, and with men.
    pub fn in_field(&self) -> bool {
        !self.standing.merged && self.column.men.total() > 0
    }

    /// Whether it is the force a scenario names (by name, any case); any force, if none is named.
    pub fn answers_to(&self, name: Option<&str>) -> bool {
        name.is_none_or(|n| self.force.name.eq_ignore_ascii_case(n))
    }
}

/// What the supply phase reads and changes of each force.
#[derive(QueryData)]
#[query_data(mutable)]
pub struct ForceSupply {
    /// The entity.
    pub entity: Entity,
    /// Who marches (and what they will still buy).
    pub column: &'static mut Column,
    /// What it carries.
    pub stores: &'static mut Stores,
    /// How the men and animals are.
    pub condition: &'static Condition,
    /// Where it is.
    pub location: &'static Location,
    /// What it does (foraging counts its days down).
    pub activity: &'static mut Activity,
    /// Homeward or merged.
    pub standing: &'static Standing,
    /// Its orders (where it marches next).
    pub orders: &'static Orders,
    /// What the country and the states give it today.
    pub today: &'static mut Today,
    /// Its history.
    pub ledger: &'static mut Ledger,
}
