//! The oasis states and kingdoms as entities: their people, soldiers and walls, their standing
//! with the Han, what they remember, and what they can spare.

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::types::{CityWater, Rules, Season, Seasons, Walls};
use crate::scenario::units::Kg;

/// What a state has answered or suffered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Not met yet.
    Unmet,
    /// Submitted and supplies the Han.
    Submitted,
    /// Closed its gates.
    Refused,
    /// Taken by force.
    Conquered,
    /// Beat a Han force in the field.
    Victorious,
    /// Sells grain and fodder for silk and gold.
    Trading,
    /// Received an embassy as its guests, and feeds it (no alliance).
    Hosts,
}

impl Relation {
    /// Whether the state feeds the army without being paid: it submitted, was conquered, or
    /// hosts an embassy.
    pub fn supplies(self) -> bool {
        matches!(
            self,
            Relation::Submitted | Relation::Conquered | Relation::Hosts
        )
    }

    /// Whether the town has shut its gates on the Han: its harvest is inside the walls.
    pub fn shut(self) -> bool {
        matches!(self, Relation::Refused | Relation::Victorious)
    }
}

/// What a state remembers of the Han.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Remembered {
    /// It shut its gates on a Han envoy.
    RefusedEnvoy,
    /// It was given gifts worth this much cash.
    Gift(f64),
    /// It was besieged.
    Besieged,
    /// It was stormed or sacked.
    Sacked,
    /// Its grain was seized.
    Requisitioned,
    /// Its grain was seized after it had submitted: a broken promise.
    BrokenPromise,
    /// It beat a Han force.
    BeatTheHan,
    /// It sent a prince as hostage.
    SentHostage,
    /// It accepted terms and a new king.
    NewKing,
}

/// A memory and the day it was made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Memory {
    /// The day.
    pub day: u32,
    /// What happened.
    pub what: Remembered,
}

/// An oasis state or kingdom.
#[derive(Component, Debug, Clone)]
pub struct OasisState {
    /// The scenario's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its capital.
    pub place: Entity,
    /// Households.
    pub households: u32,
    /// Its people.
    pub population: u32,
    /// Soldiers.
    pub soldiers: u32,
    /// Soldiers in the capital.
    pub garrison: u32,
    /// Walls.
    pub walls: Walls,
    /// The capital's water.
    pub city_water: CityWater,
    /// Attitude toward the Han, -1..1.
    pub attitude: f64,
    /// Xiongnu influence, 0..1.
    pub xiongnu_influence: f64,
    /// Share of its soldiers who are horsemen.
    pub cavalry_share: f64,
    /// Horses a victor can take.
    pub horses: u32,
    /// Superior horses, handed over only on terms.
    pub superior_horses: u32,
    /// The kingdom it belongs to, if any.
    pub overlord: Option<Entity>,
    /// Grain it can spare in a year, just after the harvest.
    pub grain_surplus: Kg,
    /// Fodder it can spare in a year.
    pub fodder_surplus: Kg,
    /// Grain given, sold or seized since the last harvest.
    pub grain_out: Kg,
    /// Fodder given, sold or seized since the last harvest.
    pub fodder_out: Kg,
    /// Grain it has given or sold the Han in all.
    pub grain_supplied: Kg,
    /// Cash it has been paid or given.
    pub cash_received: f64,
    /// What it remembers, oldest first.
    pub memory: Vec<Memory>,
    /// Its standing with the Han.
    pub relation: Relation,
    /// Whether it has answered a request (or fallen on the column that asked).
    pub answered: bool,
    /// Days of food left inside the walls for a siege.
    pub food_days: f64,
    /// Days of water left inside the walls once its stream is cut.
    pub water_days: f64,
    /// The defenders' will to hold out, 1 at the start of a siege; the city surrenders at 0.
    pub defender_morale: f64,
    /// Whether its stream has been diverted.
    pub water_diverted: bool,
    /// Whether it refused the Han before it fell (and so was sacked).
    pub refused_before: bool,
    /// Whether its outer wall has been breached.
    pub outer_breached: bool,
    /// Whether the besieger refused the terms it offered.
    pub terms_refused: bool,
    /// Its ruler by name, if the campaign has aims on him.
    pub leader: Option<String>,
    /// What became of the ruler when the city fell.
    pub leader_fate: Option<LeaderFate>,
    /// Whether the ruler has been wounded.
    pub leader_wounded: bool,
}

/// What became of a state's ruler when his city fell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaderFate {
    /// Killed.
    Killed,
    /// Taken alive.
    Taken,
}

/// The terms a besieged city offers when its morale breaks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    /// Ordinary horses.
    pub horses: u32,
    /// Superior horses.
    pub superior_horses: u32,
    /// Grain.
    pub grain: Kg,
}

impl OasisState {
    /// Wounds its ruler, if it has one still unhurt and free: its defenders lose `morale` of
    /// their morale. Whether he was wounded now.
    pub fn wound_leader(&mut self, morale: f64) -> bool {
        if self.leader.is_none() || self.leader_wounded || self.leader_fate.is_some() {
            return false;
        }
        self.leader_wounded = true;
        self.defender_morale -= morale;
        true
    }

    /// Loses `n` men killed, from its garrison and its soldiers both (the garrison is part of the
    /// state's soldiers: a man killed on the walls is one fewer in the field).
    pub fn lose(&mut self, n: u32) {
        self.garrison = self.garrison.saturating_sub(n);
        self.soldiers = self.soldiers.saturating_sub(n);
        self.garrison = self.garrison.min(self.soldiers);
    }

    /// Whether its town keeps its grain behind its walls: it has walls, and has neither
    /// submitted nor been taken.
    pub fn holds_its_walls(&self) -> bool {
        self.walls.outer > 0.0 && !self.relation.supplies()
    }

    /// Whether it remembers `what`.
    pub fn remembers(&self, what: &Remembered) -> bool {
        self.memory.iter().any(|m| &m.what == what)
    }

    /// Remembers `what` from `day`.
    pub fn remember(&mut self, what: Remembered, day: u32) {
        self.memory.push(Memory { day, what });
    }

    /// The wall the defenders stand behind now.
    pub fn standing_wall(&self) -> f64 {
        if self.outer_breached {
            self.walls.inner
        } else {
            self.walls.outer + self.walls.palisade
        }
    }

    /// Grain and fodder it can spare in `season`: what is still in store of the year's surplus,
    /// less what has gone out since the harvest.
    pub fn spare(&self, rules: &Rules, season: Season) -> (Kg, Kg) {
        let share = granary_share(&rules.diplomacy.granary_by_season, season);
        (
            (self.grain_surplus * share - self.grain_out).max(Kg::ZERO),
            (self.fodder_surplus * share - self.fodder_out).max(Kg::ZERO),
        )
    }

    /// The terms it would offer in `season` if its morale broke now: the rules' shares of its
    /// horses, of its superior horses and of its spare grain. The simulation hands these over and
    /// the window previews them.
    pub fn terms(&self, rules: &Rules, season: Season) -> Terms {
        let t = &rules.siege.terms;
        let (grain, _) = self.spare(rules, season);
        Terms {
            horses: (f64::from(self.horses) * t.horses).round() as u32,
            superior_horses: (f64::from(self.superior_horses) * t.superior_horses).round() as u32,
            grain: grain * t.grain,
        }
    }
}

/// The share of the year's surplus in store in `season`.
pub fn granary_share(seasons: &Seasons, season: Season) -> f64 {
    seasons.get(season)
}
