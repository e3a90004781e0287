//! The day's record: a snapshot of every force, warnings of forces short of
//! supplies or waiting for orders, the end of the campaign, and the calendar.

use std::sync::Arc;

use bevy::prelude::*;
use serde::Serialize;

use super::ActiveScenario;
use super::calendar::Calendar;
use super::campaign::{CampaignStatus, Commander, Outcome};
use super::force::{
    Activity, AnimalLosses, Column, Condition, Force, Ledger, MenLosses, Orders, Standing, Stores,
};
use super::log::SimEvent;
use super::map::{Location, Place, Route, lat_lon};
use crate::scenario::logistics::{days_of, days_of_food};
use crate::scenario::types::PerAnimal;

/// A force with fewer days of food or water than this is warned of it.
pub const LOW_SUPPLY_DAYS: f64 = 3.0;

/// One day's snapshot of a force, for the daily record and the charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayRecord {
    /// The day.
    pub day: u32,
    /// The force.
    pub force: Arc<str>,
    /// Where it camped (written as a place name, or "between A and B").
    pub location: Camp,
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

/// Where a force camped, by the names of the places.
#[derive(Debug, Clone, PartialEq)]
pub enum Camp {
    /// At a place.
    At(Arc<str>),
    /// On the road between two places (from, to).
    Between(Arc<str>, Arc<str>),
}

impl Camp {
    /// The place, if it camped at one.
    pub fn place(&self) -> Option<&str> {
        match self {
            Camp::At(p) => Some(p),
            Camp::Between(..) => None,
        }
    }
}

impl std::fmt::Display for Camp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Camp::At(p) => f.write_str(p),
            Camp::Between(a, b) => write!(f, "between {a} and {b}"),
        }
    }
}

impl Serialize for Camp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The campaign's daily record, a row per force per day.
#[derive(Resource, Debug, Clone, Default)]
pub struct DailyRecord(pub Vec<DayRecord>);

/// Whether the daily record is kept (it is, unless whoever runs the campaigns reads only their
/// reports, as `compare` does for all its runs but the one it charts). It outlives a campaign.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeepDailyRecord(pub bool);

impl Default for KeepDailyRecord {
    fn default() -> Self {
        KeepDailyRecord(true)
    }
}

fn camp(location: Location, places: &Query<&Place>) -> Camp {
    let name = |e: Entity| {
        places
            .get(e)
            .map_or_else(|_| Arc::from(""), |p| p.label.clone())
    };
    match location {
        Location::At(p) => Camp::At(name(p)),
        Location::OnRoute { from, to, .. } => Camp::Between(name(from), name(to)),
    }
}

/// Records each force's day (where the daily record is kept: see [`KeepDailyRecord`]).
pub fn record_day(
    forces: Query<(
        &Force,
        &Column,
        &Stores,
        &Condition,
        &Location,
        &Standing,
        &Ledger,
    )>,
    routes: Query<&Route>,
    places: Query<&Place>,
    calendar: Res<Calendar>,
    mut record: ResMut<DailyRecord>,
) {
    // A force that merged into another has nothing more to record.
    for (force, column, stores, condition, location, standing, ledger) in
        forces.iter().filter(|f| !f.5.merged || calendar.day == 0)
    {
        record.0.push(DayRecord {
            day: calendar.day,
            force: force.label.clone(),
            location: camp(*location, &places),
            lat_lon: lat_lon(
                *location,
                |e| places.get(e).ok().map(|p| (p.lat, p.lon)),
                |r| routes.get(r).ok().map(|r| r.length),
            ),
            homeward: standing.homeward,
            men: column.men.total(),
            animals: column.animals,
            grain_t: stores.grain.tonnes().0,
            fodder_t: stores.fodder.tonnes().0,
            water_m3: stores.water.cubic_metres().0,
            morale: condition.morale,
            nourishment: condition.nourishment,
            men_lost: ledger.men_lost,
            animals_lost: ledger.animals_lost,
            animals_gained: ledger.animals_gained,
            men_start: ledger.men_start,
            animals_start: ledger.animals_start,
            men_in: ledger.men_in,
            men_out: ledger.men_out,
            animals_in: ledger.animals_in,
            animals_out: ledger.animals_out,
        });
    }
}

/// Whether a column's food or water has fallen below [`LOW_SUPPLY_DAYS`].
pub fn is_short(rules: &crate::scenario::types::Rules, column: &Column, stores: &Stores) -> bool {
    let need = column.need(rules);
    let food = days_of_food(rules, need.men_grain, stores.grain, stores.meat);
    let water = days_of(stores.water, need.water());
    food < LOW_SUPPLY_DAYS || water < LOW_SUPPLY_DAYS
}

/// Warns of forces whose food or water has fallen below [`LOW_SUPPLY_DAYS`], and, under a
/// player, of forces standing idle with no orders.
pub fn warn(
    mut forces: Query<(
        Entity,
        &Column,
        &Stores,
        &mut Condition,
        &Location,
        &Activity,
        &Standing,
        &Orders,
    )>,
    scenario: Res<ActiveScenario>,
    commander: Res<Commander>,
    mut events: MessageWriter<SimEvent>,
) {
    let rules = &scenario.0.rules;
    for (entity, column, stores, mut condition, location, activity, standing, orders) in &mut forces
    {
        if standing.merged || column.men.total() == 0 {
            continue;
        }
        let short = is_short(rules, column, stores);
        if short && !condition.short {
            events.write(SimEvent::RanShort { force: entity });
        }
        if short != condition.short {
            condition.short = short;
        }
        let idle = *activity == Activity::Idle
            && matches!(location, Location::At(_))
            && orders.queued().is_empty()
            && !standing.homeward
            && !standing.holds;
        if idle && *commander == Commander::Player {
            events.write(SimEvent::AwaitingOrders { force: entity });
        }
    }
}

/// Ends the campaign when every force is home (or holds its post) or gone, or the last day has
/// passed: a victory if every required goal is met (those of the end reckoned now).
pub fn check_end(
    forces: Query<(&Column, &Standing, &Activity, &Location, &Orders)>,
    states: Query<&super::state::OasisState>,
    calendar: Res<Calendar>,
    mut status: ResMut<CampaignStatus>,
    mut events: MessageWriter<SimEvent>,
) {
    if status.ended.is_some() {
        return;
    }
    // The goals met today.
    super::objectives::track_goals(
        status.bypass_change_detection(),
        calendar.day,
        forces.iter().map(|(c, s, _, l, _)| (c, s, l)),
        &states,
        &mut events,
    );
    let alive = || {
        forces
            .iter()
            .filter(|(c, s, ..)| c.men.total() > 0 && !s.merged)
    };
    let home = status.home;
    // Every force is home, or holds where its plan left it.
    let all_done = alive().all(|(_, standing, activity, location, orders)| {
        orders.queued().is_empty()
            && *activity == Activity::Idle
            && ((standing.homeward && Some(*location) == home.map(Location::At)) || standing.holds)
    });
    let outcome = if alive().next().is_none() {
        Some(Outcome::Destroyed)
    } else if all_done || calendar.day + 1 >= status.max_days {
        Some(Outcome::Retreat)
    } else {
        None
    };
    if let Some(mut outcome) = outcome {
        let met = super::objectives::reckon_at_end(
            &mut status,
            calendar.day,
            forces.iter().map(|(c, s, _, l, _)| (c, s, l)),
        );
        for goal in met {
            events.write(SimEvent::GoalMet { goal });
        }
        if outcome == Outcome::Retreat && super::objectives::all_required_met(&status) {
            outcome = Outcome::Victory;
        }
        status.ended = Some(outcome);
        events.write(SimEvent::CampaignEnded(outcome));
    }
}

/// Ends the day, its last system: the day's events go into the chronicle under its date, then
/// the calendar moves on a day (unless the campaign just ended).
pub fn close_day(
    mut messages: ResMut<Messages<SimEvent>>,
    mut calendar: ResMut<Calendar>,
    mut chronicle: ResMut<super::Chronicle>,
    status: Res<CampaignStatus>,
) {
    super::log::gather(&mut messages, &calendar, &mut chronicle);
    if status.ended.is_none() {
        calendar.day += 1;
    }
}
