//! Checks of a map file: unique ids, routes and states that refer to real places, every number
//! within its bounds.

use std::collections::BTreeSet;

use super::{Checker, MAX_ANIMALS, MAX_PEOPLE, num, unknown};
use crate::scenario::source::{Problem, SourceFile};
use crate::scenario::types::{FeatureKind, MapFile, Water};

/// The longest route, km.
const MAX_ROUTE_KM: f64 = 100_000.0;

/// Checks a map: unique ids, routes and states that refer to real places, sane numbers.
pub fn map(src: &SourceFile, map: &MapFile) -> Vec<Problem> {
    let mut c = Checker::new(src);
    c.finite_everywhere();
    for (i, f) in map.features.iter().enumerate() {
        let least = match f.kind {
            FeatureKind::River | FeatureKind::Mountains => 2,
            FeatureKind::Lake | FeatureKind::Desert => 3,
        };
        if f.points.len() < least {
            c.problem(
                format!("features[{i}].points"),
                format!(
                    "a {:?} needs at least {least} (lat, lon) points ({} given)",
                    f.kind,
                    f.points.len()
                ),
            );
        }
        for (j, (lat, lon)) in f.points.iter().enumerate() {
            if !(-90.0..=90.0).contains(lat) || !(-180.0..=180.0).contains(lon) {
                c.problem(
                    format!("features[{i}].points[{j}]"),
                    "each point is (lat, lon), lat from -90 to 90 and lon from -180 to 180",
                );
            }
        }
    }
    let mut places = BTreeSet::new();
    for (i, p) in map.places.iter().enumerate() {
        if p.id.is_empty() {
            c.problem(format!("places[{i}].id"), "give the place an id");
        } else if !places.insert(p.id.as_str()) {
            c.problem(
                format!("places[{i}].id"),
                format!(
                    "the id '{}' is used twice; give each place its own id",
                    p.id
                ),
            );
        }
        c.within(format!("places[{i}].lat"), p.lat, -90.0, 90.0);
        c.within(format!("places[{i}].lon"), p.lon, -180.0, 180.0);
        c.within(format!("places[{i}].grazing_t"), p.grazing_t.0, 0.0, 1e7);
    }
    let li_km = map.li_km;
    c.positive("li_km", li_km.0, 10.0);
    for (i, r) in map.routes.iter().enumerate() {
        for (end, id) in [("from", &r.from), ("to", &r.to)] {
            if !places.contains(id.as_str()) {
                c.problem(format!("routes[{i}].{end}"), unknown("place", id, &places));
            }
        }
        if r.from == r.to {
            c.problem(
                format!("routes[{i}].to"),
                format!(
                    "this route runs from '{}' to itself; a route joins two places",
                    r.from
                ),
            );
        }
        let km = r.length.km(li_km);
        if !(km.0.is_finite() && km.0 > 0.0 && km.0 <= MAX_ROUTE_KM) {
            c.problem(
                format!("routes[{i}].length"),
                format!(
                    "a route of {} km: give a length above 0 and at most {} km",
                    num(km.0),
                    num(MAX_ROUTE_KM)
                ),
            );
        }
        c.within(
            format!("routes[{i}].waterless_days"),
            r.waterless_days.0,
            0.0,
            1000.0,
        );
        let closed: BTreeSet<_> = r.closed_in.iter().map(|s| s.word()).collect();
        if closed.len() == 4 {
            c.problem(
                format!("routes[{i}].closed_in"),
                "a route closed in every season can never be taken; leave it out of the map, \
                 or name the seasons of snow (spring, summer, autumn, winter) it is closed in",
            );
        }
        if r.water == Water::None && r.waterless_days.0 == 0.0 {
            c.problem(
                format!("routes[{i}].water"),
                "a route with water None must give its waterless_days",
            );
        }
    }
    let ids: BTreeSet<&str> = map.states.iter().map(|s| s.id.as_str()).collect();
    for (i, r) in map.routes.iter().enumerate() {
        if let Some(power) = &r.held_by
            && !ids.contains(power.as_str())
        {
            c.problem(
                format!("routes[{i}].held_by"),
                super::unknown("state", power, &ids),
            );
        }
    }
    let mut states = BTreeSet::new();
    for (i, s) in map.states.iter().enumerate() {
        let at = |f: &str| format!("states[{i}].{f}");
        if !states.insert(s.id.as_str()) {
            c.problem(at("id"), format!("the id '{}' is used twice", s.id));
        }
        if !places.contains(s.place.as_str()) {
            c.problem(at("place"), unknown("place", &s.place, &places));
        }
        c.within(at("attitude"), s.attitude, -1.0, 1.0);
        c.share(at("xiongnu_influence"), s.xiongnu_influence);
        c.share(at("cavalry_share"), s.cavalry_share);
        for (name, v) in [
            ("households", s.households),
            ("population", s.population),
            ("soldiers", s.soldiers),
        ] {
            c.count(at(name), v, 0, MAX_PEOPLE);
        }
        c.count(at("horses"), s.horses, 0, MAX_ANIMALS);
        c.count(at("superior_horses"), s.superior_horses, 0, MAX_ANIMALS);
        if let Some(g) = s.garrison {
            c.count(at("garrison"), g, 0, MAX_PEOPLE);
        }
        c.within(at("walls.outer"), s.walls.outer, 0.0, 10.0);
        c.within(at("walls.inner"), s.walls.inner, 0.0, 10.0);
        if let Some(over) = &s.vassal_of
            && (!ids.contains(over.as_str()) || over == &s.id)
        {
            let why = if over == &s.id {
                format!("'{over}' cannot be a vassal of itself")
            } else {
                unknown("state", over, &ids)
            };
            c.problem(at("vassal_of"), why);
        }
        if s.soldiers == 0 && s.garrison.unwrap_or(0) == 0 {
            c.problem(
                at("soldiers"),
                "a state needs soldiers or a garrison of at least 1",
            );
        }
    }
    c.out
}
