//! The day's record: a snapshot of every force, warnings of forces short of
//! supplies or waiting for orders, the end of the campaign, and the calendar.

use std::sync::Arc;

use bevy::ecs::query::QueryData;
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

/// What the day's end reads of each force, and the one thing it changes (whether the force is
/// short of supplies, in its condition).
#[derive(QueryData)]
#[query_data(mutable)]
pub struct ForceAtDayEnd {
    /// The entity.
    pub entity: Entity,
    /// Who it is.
    pub force: &'static Force,
    /// Who marches.
    pub column: &'static Column,
    /// What it carries.
    pub stores: &'static Stores,
    /// How the men and animals are (whether they are short is written at the day's end).
    pub condition: &'static mut Condition,
    /// Where it is.
    pub location: &'static Location,
    /// What it does.
    pub activity: &'static Activity,
    /// Homeward, holding, or merged.
    pub standing: &'static Standing,
    /// Its orders.
    pub orders: &'static Orders,
    /// Its history.
    pub ledger: &'static Ledger,
}

/// The end of the day, in order: each force's day recorded (where the record is kept: see
/// [`KeepDailyRecord`]), the country grown back ([`super::country::regrow`]), the warnings
/// (`warn`), the campaign's end (`check_end`), and the day closed (`close_day`). One
/// system and not five: a system costs its parameters every day, whatever it does.
#[allow(clippy::too_many_arguments)]
pub fn end_day(
    mut forces: Query<ForceAtDayEnd>,
    mut places: Query<&mut Place>,
    mut routes: Query<&mut Route>,
    states: Query<&super::state::OasisState>,
    scenario: Res<ActiveScenario>,
    commander: Res<Commander>,
    keep: Res<KeepDailyRecord>,
    mut record: ResMut<DailyRecord>,
    mut status: ResMut<CampaignStatus>,
    mut calendar: ResMut<Calendar>,
    mut messages: ResMut<Messages<SimEvent>>,
    mut chronicle: ResMut<super::Chronicle>,
) {
    if keep.0 {
        record_day(
            &forces.as_readonly(),
            &places.as_readonly(),
            &routes.as_readonly(),
            &calendar,
            &mut record,
        );
    }
    super::country::regrow(&mut places, &mut routes, &scenario.0.rules, &calendar);
    warn(&mut forces, &scenario.0.rules, *commander, &mut messages);
    check_end(
        &forces.as_readonly(),
        &states,
        &calendar,
        &mut status,
        &mut messages,
    );
    close_day(&mut messages, &mut calendar, &mut chronicle, &status);
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

/// Records each force's day.
fn record_day(
    forces: &Query<ForceAtDayEndReadOnly>,
    places: &Query<&Place>,
    routes: &Query<&Route>,
    calendar: &Calendar,
    record: &mut DailyRecord,
) {
    // A force that merged into another has nothing more to record.
    for f in forces
        .iter()
        .filter(|f| !f.standing.merged || calendar.day == 0)
    {
        let ForceAtDayEndReadOnlyItem {
            column,
            stores,
            condition,
            location,
            ledger,
            ..
        } = f;
        record.0.push(DayRecord {
            day: calendar.day,
            force: f.force.label.clone(),
            location: camp(*location, places),
            lat_lon: lat_lon(
                *location,
                |e| places.get(e).ok().map(|p| (p.lat, p.lon)),
                |r| routes.get(r).ok().map(|r| r.length),
            ),
            homeward: f.standing.homeward,
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
fn warn(
    forces: &mut Query<ForceAtDayEnd>,
    rules: &crate::scenario::types::Rules,
    commander: Commander,
    events: &mut Messages<SimEvent>,
) {
    for mut f in forces {
        if f.standing.merged || f.column.men.total() == 0 {
            continue;
        }
        let short = is_short(rules, f.column, f.stores);
        if short && !f.condition.short {
            events.write(SimEvent::RanShort { force: f.entity });
        }
        if short != f.condition.short {
            f.condition.short = short;
        }
        let idle = *f.activity == Activity::Idle
            && matches!(f.location, Location::At(_))
            && f.orders.queued().is_empty()
            && !f.standing.homeward
            && !f.standing.holds;
        if idle && commander == Commander::Player {
            events.write(SimEvent::AwaitingOrders { force: f.entity });
        }
    }
}

/// Ends the campaign when every force is home (or holds its post) or gone, or the last day has
/// passed: a victory if every required goal is met (those of the end reckoned now).
fn check_end(
    forces: &Query<ForceAtDayEndReadOnly>,
    states: &Query<&super::state::OasisState>,
    calendar: &Calendar,
    status: &mut ResMut<CampaignStatus>,
    events: &mut Messages<SimEvent>,
) {
    if status.ended.is_some() {
        return;
    }
    let at = || forces.iter().map(|f| (f.column, f.standing, f.location));
    // The goals met today.
    super::objectives::track_goals(
        status.bypass_change_detection(),
        calendar.day,
        at(),
        states,
        events,
    );
    let alive = || {
        forces
            .iter()
            .filter(|f| f.column.men.total() > 0 && !f.standing.merged)
    };
    let home = status.home;
    // Every force is home, or holds where its plan left it.
    let all_done = alive().all(|f| {
        f.orders.queued().is_empty()
            && *f.activity == Activity::Idle
            && ((f.standing.homeward && Some(*f.location) == home.map(Location::At))
                || f.standing.holds)
    });
    let outcome = if alive().next().is_none() {
        Some(Outcome::Destroyed)
    } else if all_done || calendar.day + 1 >= status.max_days {
        Some(Outcome::Retreat)
    } else {
        None
    };
    if let Some(mut outcome) = outcome {
        let met = super::objectives::reckon_at_end(status, calendar.day, at());
        for goal in met {
            events.write(SimEvent::GoalMet { goal });
        }
        if outcome == Outcome::Retreat && super::objectives::all_required_met(status) {
            outcome = Outcome::Victory;
        }
        status.ended = Some(outcome);
        events.write(SimEvent::CampaignEnded(outcome));
    }
}

/// Ends the day, last of all: the day's events go into the chronicle under its date, then the
/// calendar moves on a day (unless the campaign just ended).
fn close_day(
    messages: &mut Messages<SimEvent>,
    calendar: &mut Calendar,
    chronicle: &mut super::Chronicle,
    status: &CampaignStatus,
) {
    super::log::gather(messages, calendar, chronicle);
    if status.ended.is_none() {
        calendar.day += 1;
    }
}
