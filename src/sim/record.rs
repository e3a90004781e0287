//! The day's record: a snapshot of every force, the chronicle, regrowing pastures, the end of the
//! campaign, and the calendar.

use bevy::prelude::*;

use super::Chronicled;
use super::components::*;

fn location_name(location: Location, places: &Query<&mut Place>) -> String {
    let name = |e: Entity| places.get(e).map_or(String::new(), |p| p.name.clone());
    match location {
        Location::At(p) => name(p),
        Location::OnRoute { from, to, .. } => format!("between {} and {}", name(from), name(to)),
    }
}

/// Where a force is on the map: a place's coordinates, or the point along its route (latitude,
/// longitude). `place` gives a place's coordinates, `length_km` a route's length.
pub fn lat_lon(
    location: Location,
    place: impl Fn(Entity) -> Option<(f64, f64)>,
    length_km: impl Fn(Entity) -> Option<f64>,
) -> (f64, f64) {
    let at = |e: Entity| place(e).unwrap_or((0.0, 0.0));
    match location {
        Location::At(p) => at(p),
        Location::OnRoute {
            route,
            from,
            to,
            km,
            ..
        } => {
            let (a, b) = (at(from), at(to));
            let share = length_km(route).map_or(0.5, |l| (km / l.max(1e-9)).clamp(0.0, 1.0));
            (a.0 + (b.0 - a.0) * share, a.1 + (b.1 - a.1) * share)
        }
    }
}

/// Records each force's day, gathers the chronicle, and lets pastures regrow.
pub fn record_day(
    forces: Query<&Force>,
    routes: Query<&Route>,
    mut places: Query<&mut Place>,
    calendar: Res<Calendar>,
    mut record: ResMut<DailyRecord>,
    mut chronicle: ResMut<Chronicle>,
    mut messages: MessageReader<Chronicled>,
) {
    for message in messages.read() {
        chronicle.0.push(ChronicleEntry {
            day: calendar.day,
            text: message.text.clone(),
        });
    }
    // A force that merged into another has nothing more to record.
    for force in forces.iter().filter(|f| !f.merged || calendar.day == 0) {
        record.0.push(DayRecord {
            day: calendar.day,
            force: force.name.clone(),
            location: location_name(force.location, &places),
            lat_lon: lat_lon(
                force.location,
                |e| places.get(e).ok().map(|p| (p.lat, p.lon)),
                |r| routes.get(r).ok().map(|r| r.length_km),
            ),
            homeward: force.homeward,
            men: force.men.total(),
            animals: force.animals,
            grain_t: force.stores.grain_kg / 1000.0,
            fodder_t: force.stores.fodder_kg / 1000.0,
            water_m3: force.stores.water_l / 1000.0,
            morale: force.morale,
            nourishment: force.nourishment,
            men_lost: force.ledger.men_lost,
            animals_lost: force.ledger.animals_lost,
            animals_gained: force.ledger.animals_gained,
            men_start: force.ledger.men_start,
            animals_start: force.ledger.animals_start,
            men_in: force.ledger.men_in,
            men_out: force.ledger.men_out,
            animals_in: force.ledger.animals_in,
            animals_out: force.ledger.animals_out,
        });
    }
    for mut place in &mut places {
        place.pasture_kg = (place.pasture_kg + place.regrowth_kg).min(place.pasture_max_kg);
    }
}

/// Ends the campaign when every force is home or gone, or the last day has passed.
pub fn check_end(
    forces: Query<(&Force, &Plan)>,
    calendar: Res<Calendar>,
    mut status: ResMut<CampaignStatus>,
    mut chronicle: ResMut<Chronicle>,
) {
    if status.ended.is_some() {
        return;
    }
    let alive: Vec<_> = forces
        .iter()
        .filter(|(f, _)| f.men.total() > 0 && !f.merged)
        .collect();
    let home = status.home;
    let all_home = alive.iter().all(|(f, plan)| {
        f.homeward
            && plan.queued.is_empty()
            && f.activity == Activity::Idle
            && Some(f.location) == home.map(Location::At)
    });
    let outcome = if alive.is_empty() {
        Some(Outcome::Destroyed)
    } else if all_home || calendar.day + 1 >= status.max_days {
        Some(if status.objective_taken.is_some() {
            Outcome::Victory
        } else {
            Outcome::Retreat
        })
    } else {
        None
    };
    if let Some(outcome) = outcome {
        status.ended = Some(outcome);
        let text = match outcome {
            Outcome::Victory => "The campaign ends in victory",
            Outcome::Retreat => "The campaign ends in retreat",
            Outcome::Destroyed => "The army is destroyed",
        };
        chronicle.0.push(ChronicleEntry {
            day: calendar.day,
            text: format!("{text} ({})", calendar.describe()),
        });
    }
}

/// Moves the calendar on a day (unless the campaign just ended).
pub fn next_day(mut calendar: ResMut<Calendar>, status: Res<CampaignStatus>) {
    if status.ended.is_none() {
        calendar.day += 1;
    }
}
