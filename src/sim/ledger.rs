//! A force's history, for the report: the counts it started with, men and animals lost by
//! cause, what it gained and gave, and the places it reached with what it had on arrival.

use bevy::prelude::*;
use serde::Serialize;

use super::force::Stores;
use crate::scenario::types::PerAnimal;
use crate::scenario::units::Kg;

/// Men lost, by cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct MenLosses {
    /// Starved.
    pub hunger: u32,
    /// Died of thirst.
    pub thirst: u32,
    /// Died of heat, cold or exhaustion.
    pub exposure: u32,
    /// Died of sickness.
    pub disease: u32,
    /// Ran away.
    pub desertion: u32,
    /// Killed in battle, or dead of wounds.
    pub combat: u32,
    /// Taken alive by the enemy.
    pub captured: u32,
}

impl MenLosses {
    /// The losses in the order hunger, thirst, exposure, disease, desertion, combat, captured.
    pub fn by_cause(&self) -> [u32; 7] {
        [
            self.hunger,
            self.thirst,
            self.exposure,
            self.disease,
            self.desertion,
            self.combat,
            self.captured,
        ]
    }

    /// The losses by cause with the causes' names, in the order of [`MenLosses::by_cause`].
    pub fn named(&self) -> [(&'static str, u32); 7] {
        let n = self.by_cause();
        [
            ("hunger", n[0]),
            ("thirst", n[1]),
            ("exposure", n[2]),
            ("disease", n[3]),
            ("desertion", n[4]),
            ("combat", n[5]),
            ("captured", n[6]),
        ]
    }

    /// All losses.
    pub fn total(&self) -> u32 {
        self.by_cause()
            .iter()
            .fold(0u32, |a, b| a.saturating_add(*b))
    }

    /// Adds another count of losses.
    pub fn add(&mut self, other: &MenLosses) {
        self.hunger = self.hunger.saturating_add(other.hunger);
        self.thirst = self.thirst.saturating_add(other.thirst);
        self.exposure = self.exposure.saturating_add(other.exposure);
        self.disease = self.disease.saturating_add(other.disease);
        self.desertion = self.desertion.saturating_add(other.desertion);
        self.combat = self.combat.saturating_add(other.combat);
        self.captured = self.captured.saturating_add(other.captured);
    }
}

/// Animals lost, by cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AnimalLosses {
    /// Starved.
    pub hunger: u32,
    /// Died of thirst.
    pub thirst: u32,
    /// Died of exhaustion, heat or cold.
    pub exposure: u32,
    /// Killed or taken in battle.
    pub combat: u32,
    /// Slaughtered for meat.
    pub slaughtered: u32,
}

impl AnimalLosses {
    /// All losses.
    pub fn total(&self) -> u32 {
        [
            self.hunger,
            self.thirst,
            self.exposure,
            self.combat,
            self.slaughtered,
        ]
        .iter()
        .fold(0u32, |a, b| a.saturating_add(*b))
    }

    /// Adds another count of losses.
    pub fn add(&mut self, other: &AnimalLosses) {
        self.hunger = self.hunger.saturating_add(other.hunger);
        self.thirst = self.thirst.saturating_add(other.thirst);
        self.exposure = self.exposure.saturating_add(other.exposure);
        self.combat = self.combat.saturating_add(other.combat);
        self.slaughtered = self.slaughtered.saturating_add(other.slaughtered);
    }
}

/// A visit to a place, for the report: who arrived, and with what (the place by its entity: its
/// id and name are the map's, read where they are told).
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// The place.
    pub place: Entity,
    /// The day of arrival (day 0 is the first).
    pub day: u32,
    /// Men present on arrival.
    pub men: u32,
    /// Animals present on arrival.
    pub animals: PerAnimal<u32>,
    /// Stores carried on arrival.
    pub stores: Stores,
}

/// What a force has lived through: the counts it started with, its losses and gains, its visits.
#[derive(Component, Debug, Clone, Default)]
pub struct Ledger {
    /// Men at the start.
    pub men_start: u32,
    /// Animals at the start.
    pub animals_start: PerAnimal<u32>,
    /// Men lost.
    pub men_lost: MenLosses,
    /// Animals lost, by kind.
    pub animals_lost: PerAnimal<AnimalLosses>,
    /// Animals gained (taken from the enemy), by kind.
    pub animals_gained: PerAnimal<u32>,
    /// Places reached, in order.
    pub visits: Vec<Visit>,
    /// Battles lost.
    pub battles_lost: u32,
    /// Stores abandoned because no one could carry them.
    pub abandoned: Kg,
    /// Men who joined from other forces (detachments merging, reinforcements).
    pub men_in: u32,
    /// Men who left for other forces (detachments).
    pub men_out: u32,
    /// Animals that joined from other forces.
    pub animals_in: PerAnimal<u32>,
    /// Animals that left for other forces.
    pub animals_out: PerAnimal<u32>,
    /// Cash spent on gifts and purchases.
    pub cash_spent: f64,
    /// Superior horses among the animals gained.
    pub superior_horses_gained: u32,
    /// Days held captive, in all.
    pub days_held: u32,
}
