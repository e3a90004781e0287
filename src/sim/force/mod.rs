//! A force (an army or a detachment) as an entity with one component per concern: who it is
//! ([`Force`]), who marches ([`Column`]), what it carries ([`Stores`]), how the men and animals are
//! ([`Condition`]), where it is ([`Location`](super::map::Location)), what it does ([`Activity`]
//! and [`Standing`]), its orders ([`Orders`]), who marches with it ([`Retinue`]), today's tally
//! ([`Today`]) and its history ([`Ledger`], in [`ledger`](super::ledger)). Systems take only the components they need.
//!
//! Every force is spawned with the same components, none is added or removed later: forces stay
//! in one archetype, so every query visits them in the order they were raised. The phases read
//! them through named views ([`ForceMut`], [`ForceSupply`]: see `query`).

mod query;

use std::collections::VecDeque;

use bevy::prelude::*;
use serde::Serialize;

pub use super::ledger::{AnimalLosses, Ledger, MenLosses, Visit};
// The named views of a force, with the items and read-only views `QueryData` derives for them.
use crate::scenario::logistics::{self, weigh};
use crate::scenario::types::{
    BattleRules, DrinkFirst, MenDef, Pace, PerAnimal, PlanStep, Rules, Season, Terrain,
};
use crate::scenario::units::{Kg, Km, Litres};
pub use query::*;

/// Men by arm.
pub type Men = MenDef;

impl MenDef {
    /// All men.
    pub fn total(&self) -> u32 {
        self.infantry.saturating_add(self.cavalry)
    }
}

/// A force: its name and when it was raised.
#[derive(Component, Debug, Clone)]
pub struct Force {
    /// Its name.
    pub name: String,
    /// Its name again, shared: the daily record names the force every day without copying it.
    pub label: std::sync::Arc<str>,
    /// The order in which forces were raised: 0 for the first of the scenario, then detachments.
    pub raised: u32,
    /// An embassy, not an army (the scenario's `envoy`).
    pub envoy: bool,
}

/// Who marches: men by arm, animals by kind, carts, and the pace they keep.
#[derive(Component, Debug, Clone, Copy, PartialEq, Default)]
pub struct Column {
    /// Men by arm.
    pub men: Men,
    /// Animals by kind.
    pub animals: PerAnimal<u32>,
    /// Carts (those without a team are left standing: see
    /// [`logistics::drawn_carts`]).
    pub carts: u32,
    /// The pace it marches at.
    pub pace: Pace,
    /// Who drinks first when water is short.
    pub drink: DrinkFirst,
    /// Days of water to carry from each source (0: the next leg's dry stretch and a day).
    pub water_days: u32,
    /// Enemies taken alive and kept: they eat what grain the men leave, and are let go when
    /// there is none for them.
    pub captives: u32,
    /// The share of the full ration the men are kept from by order (0: full rations; see
    /// [`Column::ration`]).
    pub ration_cut: f64,
    /// The most it will still buy from states that sell.
    pub buying: Buying,
}

/// The most grain and fodder a force will still buy from states that sell, by order (none: as
/// much as it can carry and pay for).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Buying {
    /// Grain.
    pub grain: Option<Kg>,
    /// Fodder.
    pub fodder: Option<Kg>,
}

impl Column {
    /// The share of the full ration the men are issued, 0..1.
    pub fn ration(&self) -> f64 {
        (1.0 - self.ration_cut).clamp(0.0, 1.0)
    }

    /// What its men and animals need in a day at the rations issued (the rules' rations, the
    /// men's grain cut to [`Column::ration`]): the one need behind days of food everywhere.
    pub fn need(&self, rules: &Rules) -> logistics::DailyNeed {
        let mut need =
            logistics::daily_need(rules, self.men.total(), self.men.cavalry, &self.animals);
        need.men_grain = need.men_grain * self.ration();
        need
    }

    /// What its men and animals need in a day of `season` ([`Column::need`], the water scaled
    /// by the season's `water_by_season`).
    pub fn need_in(&self, rules: &Rules, season: Season) -> logistics::DailyNeed {
        self.need(rules)
            .in_heat(rules.attrition.water_by_season.get(season))
    }

    /// What it can carry (see [`logistics::capacity`]).
    pub fn capacity(&self, rules: &Rules) -> Kg {
        logistics::capacity(rules, &self.men, &self.animals, self.carts)
    }

    /// Its day's march on `terrain` at its pace, its men at `fitness` (see [`logistics::pace`]).
    pub fn pace_on(&self, rules: &Rules, terrain: Terrain, fitness: f64) -> Km {
        logistics::pace(
            rules,
            &self.men,
            (&self.animals, self.carts),
            terrain,
            fitness,
            self.pace,
        )
    }

    /// Whether anyone is left, man or animal.
    pub fn is_empty(&self) -> bool {
        self.men.total() == 0 && self.animals.total() == 0
    }
}

/// What a force carries.
#[derive(Component, Debug, Clone, Copy, PartialEq, Default)]
pub struct Stores {
    /// Grain.
    pub grain: Kg,
    /// Fodder.
    pub fodder: Kg,
    /// Water.
    pub water: Litres,
    /// Fresh meat (it spoils).
    pub meat: Kg,
    /// Silk and gold, valued in cash.
    pub treasure_cash: f64,
}

impl Stores {
    /// The weight of the grain, fodder, water and meat.
    pub fn weight(&self) -> Kg {
        self.grain + self.fodder + self.water.weight() + self.meat
    }
}

/// How the men and animals are.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Condition {
    /// Morale, 0..1.
    pub morale: f64,
    /// Morale it had at the start.
    pub base_morale: f64,
    /// Share of the men's ration officers withhold.
    pub corruption: f64,
    /// The men's nourishment, 0..1.
    pub nourishment: f64,
    /// Each animal kind's nourishment.
    pub animal_nourishment: PerAnimal<f64>,
    /// Days the men have gone short of water.
    pub dry_days: f64,
    /// Days each animal kind has gone short of water.
    pub animal_dry_days: PerAnimal<f64>,
    /// Days marched since the last rest (any day it does not march rests the animals).
    pub marched_since_rest: u32,
    /// The part of the last day's march left when it reached a place: a column that marches
    /// on the next day without stopping goes that much further (it only passed through).
    pub march_left: Km,
    /// The men's weariness from forced marches, 0..1: it slows the march and weakens them in a
    /// fight, and passes with rest.
    pub fatigue: f64,
    /// Whether its grain or water has fallen below a few days (for the warning).
    pub short: bool,
    /// The share of its men who are wounded, 0..1: they march and eat but do not fight.
    pub wounded: f64,
}

impl Condition {
    /// The men's condition for marching and fighting, 0..1.
    pub fn fitness(&self) -> f64 {
        self.nourishment.clamp(0.0, 1.0) * (1.0 - self.fatigue.clamp(0.0, 1.0))
    }
}

/// A run condition: whether any force is doing what `doing` picks out. A system of the day that
/// has work only for forces doing one thing (asking, foraging, besieging...) runs under it, so
/// that a day without such work costs the question, not the system and all it fetches.
pub fn any_force(
    doing: fn(&Activity) -> bool,
) -> impl FnMut(Query<&Activity, With<Force>>) -> bool + Clone {
    move |forces: Query<&Activity, With<Force>>| forces.iter().any(doing)
}

/// Displayed strength: men, weighed by their condition and morale. What the states see, and what
/// presses a siege (battles weigh the arms too: see [`super::battle::han_strength`]).
pub fn strength(rules: &BattleRules, column: &Column, condition: &Condition) -> f64 {
    f64::from(column.men.total()) * condition_weight(rules, condition)
}

/// The share of their strength the men keep in their condition and mood.
pub fn condition_weight(rules: &BattleRules, condition: &Condition) -> f64 {
    weigh(rules.fitness_floor, condition.fitness())
        * weigh(rules.morale_floor, condition.morale)
        * (1.0 - condition.wounded.clamp(0.0, 1.0))
}

/// What a force is doing.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum Activity {
    /// Waiting for orders.
    Idle,
    /// Marching to a place.
    Marching {
        /// The destination.
        to: Entity,
    },
    /// Resting for some days.
    Resting {
        /// Days still to rest.
        days_left: u32,
    },
    /// Camped, with foraging parties out along the roads for some days.
    Foraging {
        /// Days still to forage.
        days_left: u32,
    },
    /// Demanding a prince of the state here as hostage.
    DemandingHostage {
        /// The state.
        state: Entity,
    },
    /// Putting a friendly king on the throne of the state here.
    InstallingKing {
        /// The state.
        state: Entity,
    },
    /// Asking the state here for supplies.
    Requesting {
        /// The state.
        state: Entity,
    },
    /// Giving the state here silk (and gold).
    Giving {
        /// The state.
        state: Entity,
        /// Bolts of silk.
        bolts: u32,
    },
    /// Seizing the grain of the state here.
    Requisitioning {
        /// The state.
        state: Entity,
    },
    /// Attacking the state here.
    Attacking {
        /// The state.
        state: Entity,
    },
    /// Besieging the state here.
    Besieging {
        /// The state.
        state: Entity,
        /// Days spent so far.
        days: u32,
        /// The most days the commander will spend.
        max_days: u32,
        /// Assault from this day of the siege on.
        assault_from: Option<u32>,
        /// Whether the commander accepts terms.
        accept_terms: bool,
    },
    /// Meeting the state's army in the field.
    Battling {
        /// The state.
        state: Entity,
    },
    /// Attacking an enemy force at its place.
    Engaging {
        /// The enemy.
        enemy: Entity,
    },
    /// Waiting here to merge into another force.
    Joining {
        /// The force to merge into.
        into: Entity,
    },
    /// Waiting here for the snow to clear from the road to a place (it marches once it opens).
    Snowbound {
        /// The destination.
        to: Entity,
    },
    /// Waiting here for another force to join.
    Waiting {
        /// The force waited for.
        on: Entity,
        /// Days still to wait.
        days_left: u32,
    },
    /// Held captive by a state, in its city, until it escapes.
    Held {
        /// The state that holds it.
        by: Entity,
        /// Where it was going when it was seized (it makes for there again when it escapes).
        resume: Option<Entity>,
    },
}

impl Activity {
    /// Whether the force stays put and rests today.
    pub fn is_resting(&self) -> bool {
        matches!(
            self,
            Activity::Resting { .. }
                | Activity::Foraging { .. }
                | Activity::Joining { .. }
                | Activity::Waiting { .. }
                | Activity::Snowbound { .. }
        )
    }

    /// Whether the force is asking a state for a hostage or setting up a king (the work of
    /// [`super::settlement::settle_states`], which runs only when a force is).
    pub fn is_settling(&self) -> bool {
        matches!(
            self,
            Activity::DemandingHostage { .. } | Activity::InstallingKing { .. }
        )
    }
}

/// Where a force stands in the campaign: turned for home, or merged into another force (its men
/// and animals went there; the entity stays, for the report).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    /// It has turned for home.
    pub homeward: bool,
    /// It has merged into another force.
    pub merged: bool,
    /// Its plan ended with `Hold`: it stays where it is to the end, as a garrison.
    pub holds: bool,
}

/// Why a force turns for home: a retreat before the objective falls costs prestige, coming home
/// when the work is done does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Because {
    /// Its commander ordered it.
    #[default]
    Commanded,
    /// The force lost a battle and its plan turns it back.
    Beaten,
    /// Too few of its men are left to go on.
    Depleted,
    /// Its plan is carried out.
    PlanDone,
    /// The objective has fallen.
    WorkDone,
}

/// A force's orders: the historical plan it follows (under the historical commander), and the
/// steps queued ahead of it (a player's orders, the AI's, the road home).
///
/// The queue keeps count of its marches and the last one's destination, so that where the force
/// will be when they are done is known at once, however long the queue.
#[derive(Component, Debug, Clone, Default)]
pub struct Orders {
    /// The plan's steps, in order.
    pub plan: Vec<PlanStep>,
    /// The next step of the plan to take.
    pub next: usize,
    /// Steps queued ahead of the plan.
    queued: VecDeque<PlanStep>,
    /// How many of the queued steps are marches.
    marches: usize,
    /// The place id the last queued march leads to.
    last_march: Option<String>,
}

impl Orders {
    /// Orders that follow `plan`, with nothing queued.
    pub fn following(plan: Vec<PlanStep>) -> Orders {
        Orders {
            plan,
            ..Orders::default()
        }
    }

    /// Orders with `steps` queued and no plan.
    pub fn queue_of(steps: impl IntoIterator<Item = PlanStep>) -> Orders {
        let mut orders = Orders::default();
        for step in steps {
            orders.push(step);
        }
        orders
    }

    /// The steps queued ahead of the plan.
    pub fn queued(&self) -> &VecDeque<PlanStep> {
        &self.queued
    }

    /// The queued steps, to change their details (a detachment's orders, a siege's terms); no
    /// step may become or stop being a march.
    pub fn steps_mut(&mut self) -> impl Iterator<Item = &mut PlanStep> {
        self.queued.iter_mut()
    }

    /// Queues a step at the back.
    pub fn push(&mut self, step: PlanStep) {
        if let PlanStep::March(to) = &step {
            self.marches += 1;
            self.last_march = Some(to.clone());
        }
        self.queued.push_back(step);
    }

    /// Takes the first queued step.
    pub fn pop_front(&mut self) -> Option<PlanStep> {
        let step = self.queued.pop_front()?;
        if matches!(step, PlanStep::March(_)) {
            self.marches -= 1;
            if self.marches == 0 {
                self.last_march = None;
            }
        }
        Some(step)
    }

    /// Takes back every queued step.
    pub fn clear(&mut self) {
        self.queued.clear();
        self.marches = 0;
        self.last_march = None;
    }

    /// The place id the last queued march leads to, if any march is queued.
    pub fn last_march(&self) -> Option<&str> {
        self.last_march.as_deref()
    }
}

/// Allies marching with a force.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Allies {
    /// Who they are.
    pub name: String,
    /// Men.
    pub men: u32,
    /// Share who are horsemen.
    pub cavalry_share: f64,
    /// Share of their strength they commit to a battle.
    pub commitment: f64,
}

/// Who marches with a force besides its own men: water engineers, allies.
#[derive(Component, Debug, Clone, Default)]
pub struct Retinue {
    /// Water engineers march with it.
    pub engineers: bool,
    /// Allies march with it.
    pub allies: Vec<Allies>,
    /// The state whose guides lead it (an embassy received as guests, until its next request).
    pub guided_by: Option<Entity>,
}

/// How a force fared today, for attrition and the report.
#[derive(Component, Debug, Clone, Copy, PartialEq, Default)]
pub struct Today {
    /// Share of the men's ration they actually got (after corruption).
    pub men_fed: f64,
    /// Share of the men's water they got.
    pub men_watered: f64,
    /// Share of each kind's feed it got.
    pub animals_fed: PerAnimal<f64>,
    /// Share of each kind's water it got.
    pub animals_watered: PerAnimal<f64>,
    /// The terrain the force spent the day in.
    pub terrain: Option<Terrain>,
    /// Whether it marched.
    pub marched: bool,
    /// Whether it marched at the forced pace.
    pub forced: bool,
    /// Extra disease chance from the water it drank.
    pub water_disease: f64,
    /// Water it can drink today without touching its own.
    pub free_water: Litres,
    /// Forage its animals can graze today.
    pub grazing: Kg,
    /// Food its men can forage today.
    pub forage: Kg,
    /// The place whose pasture it grazes and whose country it forages, if it is at one.
    pub camp: Option<Entity>,
    /// The road whose country it forages, if it is on one.
    pub road: Option<Entity>,
}
