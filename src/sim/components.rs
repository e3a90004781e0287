//! The simulation's entities (places, routes, states, forces) and shared resources.

use std::collections::BTreeMap;

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::types::{
    CityWater, MenDef, PerAnimal, PlanStep, StartDate, Terrain, Walls, Water,
};

/// A place on the map.
#[derive(Component, Debug, Clone)]
pub struct Place {
    /// The scenario's id for it.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Its ground.
    pub terrain: Terrain,
    /// Its water.
    pub water: Water,
    /// Forage that regrows each day, kg.
    pub regrowth_kg: f64,
    /// Forage standing now, kg.
    pub pasture_kg: f64,
    /// The most forage that can stand, kg.
    pub pasture_max_kg: f64,
}

/// A route between two places.
#[derive(Component, Debug, Clone)]
pub struct Route {
    /// One end.
    pub a: Entity,
    /// The other end.
    pub b: Entity,
    /// Length, km.
    pub length_km: f64,
    /// Ground.
    pub terrain: Terrain,
    /// Water along its watered stretches.
    pub water: Water,
    /// Where the waterless stretch begins, km from either end's middle (it is centred).
    pub dry_from_km: f64,
    /// Where the waterless stretch ends.
    pub dry_to_km: f64,
}

impl Route {
    /// The other end from `from`.
    pub fn other(&self, from: Entity) -> Entity {
        if self.a == from { self.b } else { self.a }
    }

    /// The length of its waterless stretch, km.
    pub fn dry_km(&self) -> f64 {
        self.dry_to_km - self.dry_from_km
    }

    /// Days a column going `pace` km a day spends on the waterless stretch (0 if it cannot move).
    pub fn dry_days(&self, pace: f64) -> f64 {
        if pace > 0.0 {
            (self.dry_km() / pace).ceil()
        } else {
            0.0
        }
    }

    /// Whether a camp `km` along the route (from either end) has water.
    pub fn watered_at(&self, km: f64) -> bool {
        self.water != Water::None && !(km > self.dry_from_km && km < self.dry_to_km)
    }
}

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
    /// Grain it can spare in a year, just after the harvest, kg.
    pub grain_surplus_kg: f64,
    /// Fodder it can spare in a year, kg.
    pub fodder_surplus_kg: f64,
    /// Grain given, sold or seized since the last harvest, kg.
    pub grain_out_kg: f64,
    /// Fodder given, sold or seized since the last harvest, kg.
    pub fodder_out_kg: f64,
    /// Grain it has given or sold the Han in all, kg.
    pub grain_supplied_kg: f64,
    /// Cash it has been paid or given.
    pub cash_received: f64,
    /// What it remembers, oldest first.
    pub memory: Vec<Memory>,
    /// Its standing with the Han.
    pub relation: Relation,
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
}

impl OasisState {
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
            self.walls.outer
        }
    }
}

/// Men by arm.
pub type Men = MenDef;

impl MenDef {
    /// All men.
    pub fn total(&self) -> u32 {
        self.infantry + self.cavalry
    }
}

/// What a force carries.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Stores {
    /// Grain, kg.
    pub grain_kg: f64,
    /// Fodder, kg.
    pub fodder_kg: f64,
    /// Water, litres.
    pub water_l: f64,
    /// Fresh meat, kg (it spoils).
    pub meat_kg: f64,
}

impl Stores {
    /// The weight of it all, kg.
    pub fn weight_kg(&self) -> f64 {
        self.grain_kg + self.fodder_kg + self.water_l + self.meat_kg
    }
}

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
    /// Killed in battle.
    pub combat: u32,
}

impl MenLosses {
    /// The losses in the order hunger, thirst, exposure, disease, desertion, combat.
    pub fn by_cause(&self) -> [u32; 6] {
        [
            self.hunger,
            self.thirst,
            self.exposure,
            self.disease,
            self.desertion,
            self.combat,
        ]
    }

    /// All losses.
    pub fn total(&self) -> u32 {
        self.hunger + self.thirst + self.exposure + self.disease + self.desertion + self.combat
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
        self.hunger + self.thirst + self.exposure + self.combat + self.slaughtered
    }
}

/// A visit to a place, for the report: who arrived, and with what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Visit {
    /// The place's id.
    pub id: String,
    /// The place's name.
    pub name: String,
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
#[derive(Debug, Clone, Default)]
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
    /// Stores abandoned because no one could carry them, kg.
    pub abandoned_kg: f64,
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
}

/// Where a force is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Location {
    /// At a place.
    At(Entity),
    /// On a route, `km` from `from`.
    OnRoute {
        /// The route.
        route: Entity,
        /// Where it set out from.
        from: Entity,
        /// Where it is going.
        to: Entity,
        /// Distance covered.
        km: f64,
    },
}

/// What a force is doing.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// Waiting here to merge into another force.
    Joining {
        /// The force to merge into.
        into: Entity,
    },
    /// Waiting here for another force to join.
    Waiting {
        /// The force waited for.
        on: Entity,
        /// Days still to wait.
        days_left: u32,
    },
}

impl Activity {
    /// Whether the force stays put and rests today.
    pub fn is_resting(&self) -> bool {
        matches!(
            self,
            Activity::Resting { .. } | Activity::Joining { .. } | Activity::Waiting { .. }
        )
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

/// How a force fared today, for attrition and the report.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DayTally {
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
    /// Extra disease chance from the water it drank.
    pub water_disease: f64,
    /// Water it can drink today without touching its own, litres.
    pub free_water_l: f64,
    /// Forage its animals can graze today, kg.
    pub grazing_kg: f64,
    /// Food its men can forage today, kg.
    pub forage_kg: f64,
    /// The place whose pasture it grazes, if it is at one.
    pub pasture: Option<Entity>,
}

/// An army or a detachment.
#[derive(Component, Debug, Clone)]
pub struct Force {
    /// Its name.
    pub name: String,
    /// Men by arm.
    pub men: Men,
    /// Animals by kind.
    pub animals: PerAnimal<u32>,
    /// What it carries.
    pub stores: Stores,
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
    /// Days marched since the last rest.
    pub marched_since_rest: u32,
    /// Where it is.
    pub location: Location,
    /// What it is doing.
    pub activity: Activity,
    /// Today's tally.
    pub today: DayTally,
    /// Its history.
    pub ledger: Ledger,
    /// Whether it has turned for home.
    pub homeward: bool,
    /// Whether water engineers march with it.
    pub engineers: bool,
    /// Silk and gold carried, valued in cash.
    pub treasure_cash: f64,
    /// Allies marching with it.
    pub allies: Vec<Allies>,
    /// Whether it has merged into another force (its men and animals went there).
    pub merged: bool,
    /// The order in which forces were raised: 0 for the first of the scenario, then detachments.
    pub raised: u32,
}

impl Force {
    /// The men's condition for marching and fighting, 0..1.
    pub fn condition(&self) -> f64 {
        self.nourishment.clamp(0.0, 1.0)
    }

    /// Fighting strength: men, weighed by condition and morale.
    pub fn strength(&self) -> f64 {
        f64::from(self.men.total()) * (0.4 + 0.6 * self.condition()) * (0.5 + 0.5 * self.morale)
    }
}

/// The plan a force follows: the historical plan, or steps queued by the game (the road home).
#[derive(Component, Debug, Clone, Default)]
pub struct Plan {
    /// The steps, in order.
    pub steps: Vec<PlanStep>,
    /// The next step to take.
    pub next: usize,
    /// Steps queued ahead of the plan (the road home).
    pub queued: std::collections::VecDeque<PlanStep>,
}

/// Who gives the orders.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub enum Commander {
    /// The scenario's historical plan, and its retreat rule.
    #[default]
    Historical,
    /// A player: idle forces wait for orders.
    Player,
    /// The heuristic commander of [`crate::ai::commander`].
    Ai,
}

/// Lookups from scenario ids to entities.
#[derive(Resource, Debug, Clone, Default)]
pub struct MapIndex {
    /// Places by id.
    pub places: BTreeMap<String, Entity>,
    /// States by id.
    pub states: BTreeMap<String, Entity>,
    /// The state whose capital is at a place.
    pub state_at: BTreeMap<Entity, Entity>,
    /// Routes touching each place.
    pub routes_from: BTreeMap<Entity, Vec<Entity>>,
}

/// The campaign's calendar.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Calendar {
    /// Days since the start (0 on the first day).
    pub day: u32,
    /// The first day.
    pub start: StartDate,
}

/// The season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// Months 1-3.
    Spring,
    /// Months 4-6.
    Summer,
    /// Months 7-9.
    Autumn,
    /// Months 10-12.
    Winter,
}

impl Calendar {
    /// Year BC, month (1..=12) and day (1..=30) of today, with 30-day months.
    pub fn date(&self) -> (i32, u32, u32) {
        let start = (self.start.month - 1) * 30 + (self.start.day - 1);
        let total = start + self.day;
        let years = (total / 360) as i32;
        let in_year = total % 360;
        (
            self.start.year_bc - years,
            in_year / 30 + 1,
            in_year % 30 + 1,
        )
    }

    /// Today's season.
    pub fn season(&self) -> Season {
        match self.date().1 {
            1..=3 => Season::Spring,
            4..=6 => Season::Summer,
            7..=9 => Season::Autumn,
            _ => Season::Winter,
        }
    }

    /// Today's date for people: "day 41, month 9 of 104 BC (autumn)".
    pub fn describe(&self) -> String {
        let (year, month, day) = self.date();
        let season = format!("{:?}", self.season()).to_lowercase();
        format!(
            "day {} ({season}, month {month} day {day}, {year} BC)",
            self.day
        )
    }
}

/// Han prestige in the region, -1..1.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Prestige(pub f64);

/// How the campaign ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The objective fell.
    Victory,
    /// The army gave up and came home (or ran out of time) without it.
    Retreat,
    /// Nobody is left.
    Destroyed,
}

impl Outcome {
    /// The outcome's word, as the JSON report has it.
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Victory => "victory",
            Outcome::Retreat => "retreat",
            Outcome::Destroyed => "destroyed",
        }
    }
}

/// The campaign's progress toward its end.
#[derive(Resource, Debug, Clone, Default)]
pub struct CampaignStatus {
    /// The state whose capital is the objective.
    pub objective: Option<Entity>,
    /// Where the army comes home to.
    pub home: Option<Entity>,
    /// The day the objective fell, if it did.
    pub objective_taken: Option<u32>,
    /// Set when the campaign is over.
    pub ended: Option<Outcome>,
    /// The last day allowed.
    pub max_days: u32,
}

/// One day's snapshot of a force, for the daily record and the charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayRecord {
    /// The day.
    pub day: u32,
    /// The force.
    pub force: String,
    /// Where it camped (a place name, or "between A and B").
    pub location: String,
    /// Where it camped: latitude, longitude (along the route between two places).
    pub lat_lon: (f64, f64),
    /// Whether it had turned for home.
    pub homeward: bool,
    /// Men alive.
    pub men: u32,
    /// Animals alive.
    pub animals: PerAnimal<u32>,
    /// Grain, tonnes.
    pub grain_t: f64,
    /// Fodder, tonnes.
    pub fodder_t: f64,
    /// Water, cubic metres.
    pub water_m3: f64,
    /// Morale.
    pub morale: f64,
    /// Nourishment.
    pub nourishment: f64,
    /// Men lost so far, by cause.
    pub men_lost: MenLosses,
    /// Animals lost so far.
    pub animals_lost: PerAnimal<AnimalLosses>,
    /// Animals gained so far.
    pub animals_gained: PerAnimal<u32>,
    /// Men at the start.
    pub men_start: u32,
    /// Animals at the start.
    pub animals_start: PerAnimal<u32>,
    /// Men who joined from other forces so far.
    pub men_in: u32,
    /// Men who left for other forces so far.
    pub men_out: u32,
    /// Animals that joined from other forces so far.
    pub animals_in: PerAnimal<u32>,
    /// Animals that left for other forces so far.
    pub animals_out: PerAnimal<u32>,
}

/// The campaign's daily record, a row per force per day.
#[derive(Resource, Debug, Clone, Default)]
pub struct DailyRecord(pub Vec<DayRecord>);

/// A line of the campaign's chronicle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChronicleEntry {
    /// The day.
    pub day: u32,
    /// What happened.
    pub text: String,
}

/// The chronicle: what happened and why.
#[derive(Resource, Debug, Clone, Default)]
pub struct Chronicle(pub Vec<ChronicleEntry>);

/// A state's answer or fate, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateEvent {
    /// The state's id.
    pub id: String,
    /// The state's name.
    pub name: String,
    /// What happened: submitted, refused, conquered, held out, beat the Han.
    pub answer: String,
    /// The day.
    pub day: u32,
}

/// Every state's answers and fates, in order.
#[derive(Resource, Debug, Clone, Default)]
pub struct StateEvents(pub Vec<StateEvent>);

impl StateEvents {
    /// Records what `state` answered or suffered on `day`.
    pub fn record(&mut self, state: &OasisState, answer: &str, day: u32) {
        self.0.push(StateEvent {
            id: state.id.clone(),
            name: state.name.clone(),
            answer: answer.to_string(),
            day,
        });
    }
}

/// A siege, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiegeRecord {
    /// The state's id.
    pub target: String,
    /// The state's name.
    pub name: String,
    /// Days it lasted.
    pub days: u32,
    /// Whether the city's water was cut.
    pub water_diverted: bool,
    /// fell, lifted, or ongoing.
    pub result: String,
}

/// Every siege, in order.
#[derive(Resource, Debug, Clone, Default)]
pub struct Sieges(pub Vec<SiegeRecord>);

impl Sieges {
    /// Records how a siege of `state` ended after `days`: "fell" or "lifted".
    pub fn record(&mut self, state: &OasisState, days: u32, result: &str) {
        self.0.push(SiegeRecord {
            target: state.id.clone(),
            name: state.name.clone(),
            days,
            water_diverted: state.water_diverted,
            result: result.to_string(),
        });
    }
}
