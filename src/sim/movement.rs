//! Columns march along routes at their slowest element's pace, slowed by terrain and hunger,
//! with a rest day after so many days on the road. Any day a column does not march rests its
//! animals; a column that only passes through a place carries the rest of its day's march on.

use bevy::prelude::*;

use super::ActiveScenario;
use super::calendar::Calendar;
use super::force::{Activity, Column, Condition, Ledger, Standing, Stores, Today, Visit};
use super::log::SimEvent;
use super::map::{Location, MapIndex, Place, Route};
use crate::scenario::types::Pace;
use crate::scenario::units::Km;

/// Moves every marching force, and counts down rest days.
pub fn march(
    mut forces: Query<(
        Entity,
        &Column,
        &Stores,
        &mut Condition,
        &mut Location,
        &mut Activity,
        &Standing,
        &mut Today,
        &mut Ledger,
    )>,
    routes: Query<&Route>,
    places: Query<&Place>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut events: MessageWriter<SimEvent>,
) {
    let rules = &scenario.0.rules;
    for (
        entity,
        column,
        stores,
        mut condition,
        mut location,
        mut activity,
        standing,
        mut today,
        mut ledger,
    ) in &mut forces
    {
        if standing.merged {
            continue;
        }
        *today = Today::default();
        today.terrain = match *location {
            Location::At(place) => places.get(place).ok().map(|p| p.terrain),
            Location::OnRoute { route, .. } => routes.get(route).ok().map(|r| r.terrain),
        };
        match *activity {
            Activity::Resting { days_left } => {
                rest(&mut condition);
                *activity = if days_left > 1 {
                    Activity::Resting {
                        days_left: days_left - 1,
                    }
                } else {
                    Activity::Idle
                };
            }
            Activity::Waiting { on, days_left } => {
                rest(&mut condition);
                *activity = if days_left > 1 {
                    Activity::Waiting {
                        on,
                        days_left: days_left - 1,
                    }
                } else {
                    Activity::Idle
                };
            }
            // The camp rests while its parties are out; the foraging phase counts the days.
            Activity::Joining { .. } | Activity::Foraging { .. } => {
                rest(&mut condition);
            }
            Activity::Snowbound { to } => {
                rest(&mut condition);
                let open = match *location {
                    Location::At(here) => index
                        .route_between(here, to)
                        .and_then(|r| routes.get(r).ok())
                        .is_none_or(|r| !r.closed(calendar.season())),
                    Location::OnRoute { .. } => true,
                };
                if open {
                    *activity = Activity::Marching { to };
                }
            }
            Activity::Marching { to } => {
                if column.is_empty() {
                    continue;
                }
                if let Location::At(here) = *location {
                    let Some(route) = index.route_between(here, to) else {
                        *activity = Activity::Idle;
                        continue;
                    };
                    // Snow has closed the road: the column waits here until it opens.
                    if let Ok(r) = routes.get(route)
                        && r.closed(calendar.season())
                    {
                        rest(&mut condition);
                        *activity = Activity::Snowbound { to };
                        events.write(SimEvent::Snowbound {
                            force: entity,
                            to,
                            closed_by_event: r.blocked,
                        });
                        continue;
                    }
                    *location = Location::OnRoute {
                        route,
                        from: here,
                        to,
                        // Today's march goes on from yesterday's, unless today is a rest day.
                        km: if condition.marched_since_rest >= rules.rest_every_days {
                            Km::ZERO
                        } else {
                            std::mem::take(&mut condition.march_left)
                        },
                    };
                }
                let Location::OnRoute {
                    route,
                    from,
                    to,
                    km,
                } = *location
                else {
                    continue;
                };
                let Ok(r) = routes.get(route) else {
                    continue;
                };
                today.terrain = Some(r.terrain);
                if condition.marched_since_rest >= rules.rest_every_days {
                    rest(&mut condition);
                    continue;
                }
                let speed = column.pace_on(rules, r.terrain, condition.fitness())
                    * r.season_speed(rules, calendar.season());
                condition.marched_since_rest += 1;
                today.marched = true;
                today.forced = column.pace == Pace::Forced && rules.forced_march.is_some();
                let km = km + speed;
                if km >= r.length {
                    condition.march_left = km - r.length;
                    *location = Location::At(to);
                    *activity = Activity::Idle;
                    ledger.visits.push(Visit {
                        place: to,
                        day: calendar.day,
                        men: column.men.total(),
                        animals: column.animals,
                        stores: *stores,
                    });
                    events.write(SimEvent::Arrived {
                        force: entity,
                        place: to,
                        men: column.men.total(),
                        horses: column.animals.horses,
                        grain: stores.grain,
                    });
                } else {
                    *location = Location::OnRoute {
                        route,
                        from,
                        to,
                        km,
                    };
                }
            }
            // A day at a place asking, giving, fighting or besieging is a day the animals
            // carry no loads on the road: it rests them as a rest day does.
            _ => rest(&mut condition),
        }
    }
}

/// A day without marching: the animals rest, and a column that stopped has no part of
/// yesterday's march left to carry on with.
fn rest(condition: &mut Condition) {
    condition.marched_since_rest = 0;
    condition.march_left = Km::ZERO;
}
