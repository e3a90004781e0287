//! Columns march along routes at their slowest element's pace, slowed by terrain and hunger,
//! with a rest day after so many days on the road.

use bevy::prelude::*;

use super::components::*;
use super::rules::force_pace;
use super::{ActiveScenario, Chronicled};

/// Moves every marching force, and counts down rest days.
pub fn march(
    mut forces: Query<&mut Force>,
    routes: Query<&Route>,
    places: Query<&Place>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let rules = &scenario.0.rules;
    for mut force in &mut forces {
        if force.merged {
            continue;
        }
        force.today = DayTally::default();
        let terrain_here = match force.location {
            Location::At(place) => places.get(place).ok().map(|p| p.terrain),
            Location::OnRoute { route, .. } => routes.get(route).ok().map(|r| r.terrain),
        };
        force.today.terrain = terrain_here;
        match force.activity {
            Activity::Resting { days_left } => {
                force.marched_since_rest = 0;
                force.activity = if days_left > 1 {
                    Activity::Resting {
                        days_left: days_left - 1,
                    }
                } else {
                    Activity::Idle
                };
            }
            Activity::Waiting { on, days_left } => {
                force.marched_since_rest = 0;
                force.activity = if days_left > 1 {
                    Activity::Waiting {
                        on,
                        days_left: days_left - 1,
                    }
                } else {
                    Activity::Idle
                };
            }
            Activity::Joining { .. } => {
                force.marched_since_rest = 0;
            }
            Activity::Marching { to } => {
                if force.men.total() == 0 && force.animals.total() == 0 {
                    continue;
                }
                if let Location::At(here) = force.location {
                    let route = index.routes_from.get(&here).and_then(|rs| {
                        rs.iter()
                            .copied()
                            .find(|&r| routes.get(r).is_ok_and(|r| r.other(here) == to))
                    });
                    let Some(route) = route else {
                        force.activity = Activity::Idle;
                        continue;
                    };
                    force.location = Location::OnRoute {
                        route,
                        from: here,
                        to,
                        km: 0.0,
                    };
                }
                let Location::OnRoute {
                    route,
                    from,
                    to,
                    km,
                } = force.location
                else {
                    continue;
                };
                let Ok(r) = routes.get(route) else {
                    continue;
                };
                force.today.terrain = Some(r.terrain);
                if force.marched_since_rest >= rules.rest_every_days {
                    force.marched_since_rest = 0;
                    continue;
                }
                let speed = force_pace(rules, &force, r.terrain);
                force.marched_since_rest += 1;
                force.today.marched = true;
                let km = km + speed;
                if km >= r.length_km {
                    force.location = Location::At(to);
                    force.activity = Activity::Idle;
                    let (id, name) = places.get(to).map_or((String::new(), String::new()), |p| {
                        (p.id.clone(), p.name.clone())
                    });
                    let men = force.men.total();
                    let horses = force.animals.horses;
                    let grain_t = force.stores.grain_kg / 1000.0;
                    let visit = Visit {
                        id,
                        name: name.clone(),
                        day: calendar.day,
                        men,
                        animals: force.animals,
                        stores: force.stores,
                    };
                    force.ledger.visits.push(visit);
                    chronicle.write(Chronicled {
                        text: format!(
                            "{} reaches {name} with {men} men, {horses} horses and {grain_t:.0} t of grain",
                            force.name
                        ),
                    });
                } else {
                    force.location = Location::OnRoute {
                        route,
                        from,
                        to,
                        km,
                    };
                }
            }
            _ => {}
        }
    }
}
