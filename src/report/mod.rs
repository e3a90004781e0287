//! The campaign report: what `run` prints, as text or as one JSON object.

pub mod calibration;
pub mod chart;
pub mod chronicle;
pub mod compare;
pub mod records;
pub mod stats;
pub mod text;

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::Scenario;
use crate::scenario::types::{AnimalKind, PerAnimal};
use crate::scenario::units::Kg;
use crate::sim::force::{AnimalLosses, Column, Force, Ledger, MenLosses, Standing};
use crate::sim::map::{Location, MapIndex, Place};
use crate::sim::random::SimRng;
use crate::sim::state::OasisState;
use crate::sim::{ActiveScenario, CampaignStatus, Chronicle, Outcome, Prestige};

pub use chronicle::ChronicleEntry;
pub use records::{SiegeRecord, StateAnswer, StateEvent};
pub use text::render_text;

/// Men lost by cause, as reported.
pub type Losses = MenLosses;

/// The men: how many set out, came home, and were lost to what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MenReport {
    /// Set out.
    pub start: u32,
    /// Alive at the end, wherever they are.
    pub end: u32,
    /// Alive at home at the end.
    pub returned: u32,
    /// Lost, by cause.
    pub losses: Losses,
}

/// The horses: set out, taken from the enemy, came home.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HorsesReport {
    /// Set out.
    pub start: u32,
    /// Taken from the enemy.
    pub obtained: u32,
    /// Superior horses among those taken.
    pub superior_obtained: u32,
    /// Alive at home at the end.
    pub returned: u32,
}

/// One animal kind's count and losses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnimalReport {
    /// The kind.
    pub kind: AnimalKind,
    /// Set out.
    pub start: u32,
    /// Gained.
    pub gained: u32,
    /// Alive at the end.
    pub end: u32,
    /// Lost, by cause.
    pub losses: AnimalLosses,
}

/// A place reached, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceReport {
    /// The place's name.
    pub name: String,
    /// The day of arrival.
    pub day: u32,
    /// Men on arrival.
    pub men: u32,
    /// Horses on arrival.
    pub horses: u32,
    /// Oxen on arrival.
    pub oxen: u32,
    /// Donkeys and mules on arrival.
    pub donkeys: u32,
    /// Camels on arrival.
    pub camels: u32,
    /// Grain carried on arrival, tonnes.
    pub grain_t: f64,
    /// Fodder carried on arrival, tonnes.
    pub fodder_t: f64,
    /// Water carried on arrival, cubic metres.
    pub water_m3: f64,
}

/// A force (the army or a detachment) at the end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForceReport {
    /// Its name.
    pub name: String,
    /// Where it ended: home, in the field, merged (into another force), or destroyed.
    pub status: String,
    /// Where it is (a place name, or "between A and B"); empty once merged.
    pub at: String,
    /// Men alive.
    pub men: u32,
    /// Horses alive.
    pub horses: u32,
    /// Men who joined it from other forces.
    pub men_joined: u32,
    /// Men it sent off to other forces.
    pub men_sent: u32,
    /// Battles it lost.
    pub battles_lost: u32,
}

/// What a state gave or sold the Han.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TributeReport {
    /// The state's name.
    pub name: String,
    /// Grain it gave, sold or handed over on terms, tonnes.
    pub grain_t: f64,
    /// Silk and gold it received, in cash.
    pub cash: f64,
}

/// A goal of the campaign, and whether it was met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalReport {
    /// Its words.
    pub goal: String,
    /// Whether victory needs it.
    pub required: bool,
    /// What it is worth.
    pub points: u32,
    /// The day it was met, or `null`.
    pub met_day: Option<u32>,
}

/// Tonnes from kilograms, to a tenth.
fn tonnes(kg: Kg) -> f64 {
    (kg.0 / 100.0).round() / 10.0
}

/// A finished (or stopped) campaign, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignReport {
    /// The scenario's title.
    pub scenario: String,
    /// The player's side, as the scenario names it (`world.side`).
    pub side: String,
    /// What its treasure and its money are called (`world.treasure.both`, `world.currency`), for
    /// the text report.
    #[serde(skip)]
    pub treasure_words: (String, String),
    /// The seed.
    pub seed: u64,
    /// victory, retreat, destroyed, or in_progress.
    pub outcome: String,
    /// The named level of success the goals met reach (the objective's `levels`), if any.
    pub level: Option<String>,
    /// The points of the goals met.
    pub points: u32,
    /// Each goal of the campaign, met or not.
    pub goals: Vec<GoalReport>,
    /// Days the campaign lasted.
    pub days: u32,
    /// The last day's date.
    pub date: String,
    /// The day the objective fell, if it did.
    pub objective_taken_day: Option<u32>,
    /// Men who reached the objective's city before it fell (or by the end, if it stood): every
    /// column counted on its first arrival there, so columns that meet at the city all count.
    /// `null` if none reached it.
    pub men_at_objective: Option<u32>,
    /// Men.
    pub men: MenReport,
    /// Horses.
    pub horses: HorsesReport,
    /// Every animal kind.
    pub animals: Vec<AnimalReport>,
    /// Places reached, in order.
    pub places: Vec<PlaceReport>,
    /// The army and its detachments.
    pub forces: Vec<ForceReport>,
    /// States met: their answers and fates, in order, each with its day.
    pub states: Vec<StateEvent>,
    /// States that sent a hostage to the Han court.
    pub hostages: Vec<String>,
    /// What each state gave or sold the Han.
    pub tribute: Vec<TributeReport>,
    /// Silk and gold spent on gifts and purchases, in cash.
    pub treasure_spent_cash: f64,
    /// The last siege of the objective, or `null` if it was never besieged.
    pub siege: Option<SiegeRecord>,
    /// Every siege.
    pub sieges: Vec<SiegeRecord>,
    /// Stores abandoned for want of carriers, tonnes.
    pub abandoned_t: f64,
    /// Enemy men killed in every battle, sally, assault and relief.
    pub enemy_killed: u32,
    /// Enemy men taken alive in them.
    pub enemy_captured: u32,
    /// Captives still held at the end (the rest were let go when there was no grain for them).
    pub captives: u32,
    /// Han prestige at the end.
    pub prestige: f64,
    /// What happened, day by day.
    pub chronicle: Vec<ChronicleEntry>,
}

/// Men of `forces` who reached the objective's city by day `by` (the end, if `None`): each
/// column on its first arrival there.
fn men_reaching(
    (scenario, index): (&Scenario, &MapIndex),
    forces: &[(&Force, &Column, &Location, &Standing, &Ledger)],
    by: Option<u32>,
) -> Option<u32> {
    let capture = scenario.campaign.objective.first_capture()?;
    let place = &scenario.map.states.iter().find(|s| s.id == capture)?.place;
    let place = *index.places.get(place)?;
    let arrivals: Vec<u32> = forces
        .iter()
        .filter_map(|(.., ledger)| {
            ledger
                .visits
                .iter()
                .find(|v| v.place == place && by.is_none_or(|day| v.day <= day))
                .map(|v| v.men)
        })
        .collect();
    (!arrivals.is_empty()).then(|| arrivals.iter().sum())
}

/// Builds the report from the world's state.
pub fn build(world: &mut World) -> CampaignReport {
    of(world)
}

/// The report of the campaign in `world` as it stands.
pub fn of(world: &World) -> CampaignReport {
    report(world, true)
}

/// The report's figures without its chronicle (left empty), for the many runs of `compare` and
/// the calibration, which read the figures only: the chronicle's lines are words built for a
/// reader.
pub fn figures_of(world: &World) -> CampaignReport {
    report(world, false)
}

fn report(world: &World, with_chronicle: bool) -> CampaignReport {
    let scenario = &world.resource::<ActiveScenario>().0;
    let seed = world.resource::<SimRng>().seed;
    let status = world.resource::<CampaignStatus>().clone();
    let calendar = world.resource::<crate::sim::Calendar>().clone();
    let forces: Vec<_> = world
        .try_query::<(&Force, &Column, &Location, &Standing, &Ledger)>()
        .map(|mut q| q.iter(world).collect())
        .unwrap_or_default();
    let home = status.home.map(Location::At);

    let mut men_start = 0;
    let mut men_end = 0;
    let mut returned = 0;
    let mut horses_returned = 0;
    let mut losses = MenLosses::default();
    let mut animals_start = PerAnimal::<u32>::default();
    let mut animals_end = PerAnimal::<u32>::default();
    let mut gained = PerAnimal::<u32>::default();
    let mut animal_losses = PerAnimal::<AnimalLosses>::default();
    let mut abandoned = 0.0;
    let mut superior = 0;
    let mut spent = 0.0;
    let mut captives = 0u32;
    for (_, column, location, _, ledger) in &forces {
        captives = captives.saturating_add(column.captives);
        superior += ledger.superior_horses_gained;
        spent += ledger.cash_spent;
        men_start += ledger.men_start;
        men_end += column.men.total();
        if Some(**location) == home {
            returned += column.men.total();
            horses_returned += column.animals.horses;
        }
        losses.add(&ledger.men_lost);
        for kind in AnimalKind::ALL {
            *animals_start.get_mut(kind) += ledger.animals_start.get(kind);
            *animals_end.get_mut(kind) += column.animals.get(kind);
            *gained.get_mut(kind) += ledger.animals_gained.get(kind);
            animal_losses
                .get_mut(kind)
                .add(ledger.animals_lost.get(kind));
        }
        abandoned += ledger.abandoned.tonnes().0;
    }
    // The places by their entities, through one query (a lookup in the world for each visit
    // would find the component's storage anew each time).
    let place_names = world.try_query::<&Place>();
    let place_name = |e: Entity| {
        place_names
            .as_ref()
            .and_then(|q| q.get_manual(world, e).ok())
            .map_or(String::new(), |p| p.name.clone())
    };
    let places = forces
        .first()
        .map(|(_, _, _, _, ledger)| {
            ledger
                .visits
                .iter()
                .map(|v| PlaceReport {
                    name: place_name(v.place),
                    day: v.day,
                    men: v.men,
                    horses: v.animals.horses,
                    oxen: v.animals.oxen,
                    donkeys: v.animals.donkeys,
                    camels: v.animals.camels,
                    grain_t: tonnes(v.stores.grain),
                    fodder_t: tonnes(v.stores.fodder),
                    water_m3: tonnes(v.stores.water.weight()),
                })
                .collect()
        })
        .unwrap_or_default();
    let place_name = |e: Entity| {
        world
            .get::<Place>(e)
            .map_or(String::new(), |p| p.name.clone())
    };
    let force_reports: Vec<ForceReport> = forces
        .iter()
        .map(|(f, column, location, standing, ledger)| {
            let at = match **location {
                Location::At(p) => place_name(p),
                Location::OnRoute { from, to, .. } => {
                    format!("between {} and {}", place_name(from), place_name(to))
                }
            };
            let status = if standing.merged {
                "merged"
            } else if column.men.total() == 0 {
                "destroyed"
            } else if Some(**location) == home {
                "home"
            } else {
                "in the field"
            };
            ForceReport {
                name: f.name.clone(),
                status: status.to_string(),
                at: if standing.merged { String::new() } else { at },
                men: column.men.total(),
                horses: column.animals.horses,
                men_joined: ledger.men_in,
                men_sent: ledger.men_out,
                battles_lost: ledger.battles_lost,
            }
        })
        .collect();
    let log = &world.resource::<Chronicle>().0;
    let sieges = records::sieges(world, log);
    let states = records::states(world, log);
    let chronicle = if with_chronicle {
        chronicle::entries(world, log)
    } else {
        Vec::new()
    };
    let tribute: Vec<TributeReport> = world
        .try_query::<&OasisState>()
        .map(|mut q| q.iter(world).cloned().collect::<Vec<_>>())
        .unwrap_or_default()
        .iter()
        .filter(|s| s.grain_supplied.0 > 0.0 || s.cash_received > 0.0)
        .map(|s| TributeReport {
            name: s.name.clone(),
            grain_t: tonnes(s.grain_supplied),
            cash: s.cash_received.round(),
        })
        .collect();
    let objective_id = scenario.campaign.objective.first_capture();
    let men_at_objective = world
        .get_resource::<MapIndex>()
        .and_then(|index| men_reaching((scenario, index), &forces, status.objective_taken));
    let siege = sieges
        .iter()
        .rev()
        .find(|s| Some(s.target.as_str()) == objective_id)
        .cloned();
    let (enemy_killed, enemy_captured) = records::enemy_losses(log);
    let names = chronicle::Names::new(world);
    let goals = status
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| GoalReport {
            goal: names.goal(i),
            required: g.goal.required,
            points: g.goal.points,
            met_day: g.met,
        })
        .collect();
    let (points, level) =
        crate::sim::objectives::level(&status, &scenario.campaign.objective.levels);
    CampaignReport {
        scenario: scenario.campaign.name.clone(),
        side: scenario.campaign.world.side.clone(),
        treasure_words: (
            scenario.campaign.world.treasure.both.clone(),
            scenario.campaign.world.currency.clone(),
        ),
        seed,
        outcome: status
            .ended
            .map_or("in_progress", Outcome::word)
            .to_string(),
        level,
        points,
        goals,
        days: calendar.day + 1,
        date: calendar.describe(),
        objective_taken_day: status.objective_taken,
        men_at_objective,
        men: MenReport {
            start: men_start,
            end: men_end,
            returned,
            losses,
        },
        horses: HorsesReport {
            start: animals_start.horses,
            obtained: gained.horses,
            superior_obtained: superior,
            returned: horses_returned,
        },
        animals: AnimalKind::ALL
            .iter()
            .map(|&kind| AnimalReport {
                kind,
                start: *animals_start.get(kind),
                gained: *gained.get(kind),
                end: *animals_end.get(kind),
                losses: *animal_losses.get(kind),
            })
            .collect(),
        places,
        forces: force_reports,
        hostages: states
            .iter()
            .filter(|e| {
                matches!(
                    e.answer,
                    StateAnswer::SentHostage | StateAnswer::AcceptedTerms
                )
            })
            .map(|e| e.name.clone())
            .collect(),
        states,
        treasure_spent_cash: spent.round(),
        tribute,
        siege,
        sieges,
        abandoned_t: (abandoned * 10.0).round() / 10.0,
        enemy_killed,
        enemy_captured,
        captives,
        prestige: (world.resource::<Prestige>().0 * 1000.0).round() / 1000.0,
        chronicle,
    }
}
