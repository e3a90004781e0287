//! Raising a force from its definition in the files: the campaign's forces at the setup, the
//! convoys the base sends up the road, and the levies and contingents events bring into the field.

use bevy::prelude::*;

use super::force::{Condition, Force, Ledger, Retinue, Stores, Visit};
use super::map::Location;
use super::orders::detachments::NewForce;
use crate::scenario::types::{PerAnimal, StoresDef};

/// A force's stores from the scenario's tonnes and cubic metres.
fn stores_of(def: &StoresDef, treasure_cash: f64) -> Stores {
    Stores {
        grain: def.grain_t.kg(),
        fodder: def.fodder_t.kg(),
        water: def.water_m3.litres(),
        meat: Default::default(),
        treasure_cash,
    }
}

/// A force of the campaign's army, `raised`th, standing at `at`, as the scenario's `f` sets it
/// out (whatever place its own `at` names): the setup's forces, the convoys sent up the road from
/// the base, and the levies and contingents of events.
pub fn new_force(
    rules: &crate::scenario::types::Rules,
    f: &crate::scenario::types::ForceDef,
    at: Entity,
    raised: u32,
) -> NewForce {
    let treasure = f64::from(f.silk_bolts) * rules.diplomacy.silk_bolt_cash
        + f64::from(f.gold_jin) * rules.diplomacy.gold_jin_cash;
    let stores = stores_of(&f.stores, treasure);
    let ledger = Ledger {
        men_start: f.men.total(),
        animals_start: f.animals,
        visits: vec![Visit {
            place: at,
            day: 0,
            men: f.men.total(),
            animals: f.animals,
            stores,
        }],
        ..Ledger::default()
    };
    let column = super::force::Column {
        men: f.men,
        animals: f.animals,
        carts: f.carts,
        pace: f.pace,
        drink: f.drink,
        water_days: 0,
        captives: 0,
        ration_cut: 0.0,
        buying: Default::default(),
    };
    NewForce {
        force: Force {
            name: f.name.clone(),
            label: f.name.as_str().into(),
            raised,
            envoy: f.envoy,
        },
        column,
        stores,
        condition: Condition {
            morale: f.morale,
            base_morale: f.morale,
            corruption: f.corruption,
            nourishment: 1.0,
            animal_nourishment: PerAnimal::splat(1.0),
            dry_days: 0.0,
            animal_dry_days: Default::default(),
            marched_since_rest: 0,
            march_left: crate::scenario::units::Km::ZERO,
            fatigue: 0.0,
            wounded: 0.0,
            short: super::record::is_short(rules, &column, &stores),
        },
        location: Location::At(at),
        ledger,
        retinue: Retinue {
            engineers: f.engineers,
            ..Retinue::default()
        },
    }
}
