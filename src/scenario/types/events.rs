//! Scenario events: a trigger and the effects it has.

use serde::{Deserialize, Serialize};

use super::army::{ForceDef, MenDef, StoresDef};
use super::rules::PerAnimal;

/// When an event fires (once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Trigger {
    /// On this day of the campaign (0 is the first).
    Day(u32),
    /// When any force first reaches this place (a place id).
    Arrive(String),
    /// When a siege of this state (a state id) has lasted so many days.
    SiegeDays(String, u32),
    /// When this state (a state id) falls or accepts terms.
    Falls(String),
    /// When this state (a state id) answers a request, however it answers.
    Answers(String),
    /// When the men of every force in the field, together, fall below this many.
    MenBelow(u32),
    /// When the objective's goal of this index (from 0, `capture` first) is met.
    GoalMet(usize),
    /// When the side's prestige falls below this (-1..1).
    PrestigeBelow(f64),
    /// When every one of these has come.
    All(Vec<Trigger>),
    /// When any one of these has come.
    Any(Vec<Trigger>),
}

/// A state's standing, as an event sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelationDef {
    /// Not met yet: it will answer a request afresh.
    Unmet,
    /// Submitted: it supplies for nothing.
    Submitted,
    /// Its gates are shut.
    Refused,
    /// It sells grain and fodder for silk and gold.
    Trading,
    /// It hosts an embassy as its guests.
    Hosts,
}

impl Effect {
    /// The name of the party it brings into the campaign: a relief army, allies, raiders or an
    /// enemy force (none for other effects).
    pub fn party(&self) -> Option<&str> {
        match self {
            Effect::Relief { name, .. }
            | Effect::Ally { name, .. }
            | Effect::Raid { name, .. }
            | Effect::EnemyForce { name, .. } => Some(name),
            _ => None,
        }
    }
}

/// What an event does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// A line in the chronicle.
    Message(String),
    /// Han prestige changes by this much.
    Prestige(f64),
    /// A state's attitude becomes this (a state id, a value -1..1).
    Attitude(String, f64),
    /// Men, animals and stores join a force still in the field: the one named `to`, else the
    /// first.
    Reinforce {
        /// The force they join (by name; else the first force still in the field).
        #[serde(default)]
        to: Option<String>,
        /// Men by arm.
        #[serde(default)]
        men: MenDef,
        /// Animals by kind.
        #[serde(default)]
        animals: PerAnimal<u32>,
        /// Stores.
        #[serde(default)]
        stores: StoresDef,
    },
    /// Allies join a force still in the field (the one named `to`, else the first) and march in
    /// its retinue; in battle they fight with `commitment` of their strength (0: they watch).
    /// Allies with supply, morale and losses of their own come as a `Contingent`.
    Ally {
        /// Who they are.
        name: String,
        /// The force they join (by name; else the first force still in the field).
        #[serde(default)]
        to: Option<String>,
        /// Men.
        men: u32,
        /// Share who are horsemen.
        #[serde(default)]
        cavalry_share: f64,
        /// Share of their strength they commit to a battle, 0..1.
        commitment: f64,
    },
    /// The road between two places (place ids) is closed to every force until it is opened.
    CloseRoute(String, String),
    /// The road between two places (place ids) opens again.
    OpenRoute(String, String),
    /// The state (a state id) takes this standing.
    Relation(String, RelationDef),
    /// The force (by name) is taken captive and held in the city of the state (a state id) until
    /// it escapes (the rules' `embassy`) or an event releases it.
    Capture {
        /// The force.
        force: String,
        /// The state that holds it.
        by: String,
    },
    /// The force (by name), if held captive, is let go where it is held.
    Release(String),
    /// The state's leader (a state id) dies.
    KillLeader(String),
    /// The state's leader (a state id) is wounded: its defenders lose the rules'
    /// `siege.leader_wound_morale`.
    WoundLeader(String),
    /// The force (by name) is sent by the shortest road open to a place (a place id): its
    /// queued orders are set aside, and a plan it follows goes on from there.
    SendForce {
        /// The force.
        force: String,
        /// Where to.
        to: String,
    },
    /// A state that feeds the side (it submitted, was conquered, or hosts an embassy) raises a
    /// contingent: a force of its own at the state's city, with its own supply, morale and
    /// losses, following its own plan. A state that does not, refuses.
    Levy {
        /// The state (a state id).
        state: String,
        /// The force as the campaign's `forces` write one (`at` is the state's city, whatever it
        /// says; its `plan` is the contingent's plan).
        force: ForceDef,
    },
    /// A force comes into the field at its `at` (a place id), whoever raised it: an allied
    /// contingent, a second column, a relief from home. It has its own supply, morale and losses,
    /// follows its own `plan`, and others may `Join` or `WaitFor` it by name.
    Contingent(ForceDef),
    /// Raiders fall on a force's baggage and herds: beaten, they leave their herds; winning,
    /// they carry off a share of the force's animals and stores.
    Raid {
        /// Who they are, for the chronicle.
        name: String,
        /// Their men.
        men: u32,
        /// Share who ride.
        #[serde(default)]
        cavalry_share: f64,
        /// The force they fall on (by name; else the first force in the field).
        #[serde(default)]
        force: Option<String>,
        /// Share of the force's animals and stores carried off if the raiders win.
        takes: f64,
        /// Herds the raiders drive, taken (and fed to the men) if they are beaten.
        #[serde(default)]
        spoils: PerAnimal<u32>,
    },
    /// An enemy force takes the field at a place: it marches by the roads under the same supply
    /// model as the side's forces (its men eat the grain it carries, go hungry, desert and die
    /// when it is gone), falls on a force as its `aim` says when it dares, can be engaged
    /// (`engage`), and scatters when too few of its men are left or its heart is gone.
    EnemyForce {
        /// Who they are, for the chronicle.
        name: String,
        /// Their men.
        men: u32,
        /// Share who ride.
        #[serde(default)]
        cavalry_share: f64,
        /// Where it takes the field (a place id).
        at: String,
        /// Days of grain it carries for its men (its horses graze).
        food_days: f64,
        /// What it means to do.
        aim: EnemyAim,
        /// The force it goes after (by name; else the first force in the field).
        #[serde(default)]
        force: Option<String>,
        /// For a `Raid`: share of the force's animals and stores carried off if the raiders win.
        #[serde(default)]
        takes: f64,
        /// For a `Raid`: herds the raiders drive, taken if they are beaten.
        #[serde(default)]
        spoils: PerAnimal<u32>,
        /// It scatters when fewer than this share of its men are left, or its morale falls
        /// below it (optional: 0.5).
        #[serde(default = "half")]
        scatter_below: f64,
        /// Days between its attacks on a force (optional: 3).
        #[serde(default = "three")]
        every_days: u32,
    },
    /// A relief army marches to a besieged state's aid; if the siege still goes on when it comes,
    /// it gives battle to the besieger.
    Relief {
        /// Who they are.
        name: String,
        /// The state it relieves (a state id).
        state: String,
        /// Men.
        men: u32,
        /// Share who are horsemen.
        #[serde(default)]
        cavalry_share: f64,
        /// Days until it arrives.
        days: u32,
    },
}

fn half() -> f64 {
    0.5
}

fn three() -> u32 {
    3
}

/// What an enemy force in the field means to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnemyAim {
    /// Fall once on a force's baggage and herds, when it reaches it, and ride off with what it
    /// takes (or, beaten, leave its herds).
    Raid,
    /// Shadow a force and fall on its camp by night whenever it dares (its strength, with the
    /// rules' `battle.night_edge`, at least `relief_dare_ratio` of the force's), every
    /// `every_days`.
    Harass,
    /// March to a state's city (a state id): fall on whoever besieges it when it dares (else
    /// watch, fed by the city, until it does), or, finding no siege, go in to hold the walls.
    Relieve(String),
}

/// An event: a trigger and its effects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// When it fires.
    pub when: Trigger,
    /// What it does, in order.
    pub then: Vec<Effect>,
}
