//! Checks of a map file: unique ids, routes and states that refer to real places, sane numbers.

use std::collections::BTreeSet;

use super::{check_share, positive, unknown};
use crate::scenario::source::{Problem, SourceFile};
use crate::scenario::types::{FeatureKind, MapFile, Water};

/// Checks a map: unique ids, routes and states that refer to real places, sane numbers.
pub fn map(src: &SourceFile, map: &MapFile) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, f) in map.features.iter().enumerate() {
        let least = match f.kind {
            FeatureKind::River | FeatureKind::Mountains => 2,
            FeatureKind::Lake | FeatureKind::Desert => 3,
        };
        if f.points.len() < least {
            out.push(src.problem_at(
                &format!("\"{}\"", f.name),
                &format!("features[{i}].points"),
                format!(
                    "a {:?} needs at least {least} (lat, lon) points ({} given)",
                    f.kind,
                    f.points.len()
                ),
            ));
        }
        if f.points
            .iter()
            .any(|(lat, lon)| !(-90.0..=90.0).contains(lat) || !(-180.0..=180.0).contains(lon))
        {
            out.push(src.problem_at(
                &format!("\"{}\"", f.name),
                &format!("features[{i}].points"),
                "each point is (lat, lon), lat from -90 to 90 and lon from -180 to 180",
            ));
        }
    }
    let mut places = BTreeSet::new();
    for (i, p) in map.places.iter().enumerate() {
        if !places.insert(p.id.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", p.id),
                &format!("places[{i}].id"),
                format!(
                    "the id '{}' is used twice; give each place its own id",
                    p.id
                ),
            ));
        }
        if !(-90.0..=90.0).contains(&p.lat) || !(-180.0..=180.0).contains(&p.lon) {
            out.push(src.problem_at(
                &format!("\"{}\"", p.id),
                &format!("places[{i}]"),
                "lat must be from -90 to 90 and lon from -180 to 180",
            ));
        }
        if p.grazing_t.0 < 0.0 {
            out.push(src.problem_at(
                &format!("\"{}\"", p.id),
                &format!("places[{i}].grazing_t"),
                "grazing cannot be negative",
            ));
        }
    }
    let li_km = map.li_km;
    if !positive(li_km.0) {
        out.push(src.problem_at(
            "li_km",
            "li_km",
            "give the length of a li in km, such as 0.4158",
        ));
    }
    for (i, r) in map.routes.iter().enumerate() {
        for (end, id) in [("from", &r.from), ("to", &r.to)] {
            if !places.contains(id.as_str()) {
                out.push(src.problem_at(
                    &format!("\"{id}\""),
                    &format!("routes[{i}].{end}"),
                    unknown("place", id, &places),
                ));
            }
        }
        let km = r.length.km(li_km);
        if !positive(km.0) {
            out.push(src.problem_at(
                &format!("\"{}\"", r.to),
                &format!("routes[{i}].length"),
                "a route must be longer than 0",
            ));
        }
        if r.waterless_days.0 < 0.0 {
            out.push(src.problem_at(
                "waterless_days",
                &format!("routes[{i}].waterless_days"),
                "cannot be negative",
            ));
        }
        if r.water == Water::None && r.waterless_days.0 == 0.0 {
            out.push(src.problem_at(
                &format!("\"{}\"", r.to),
                &format!("routes[{i}].water"),
                "a route with water None must give its waterless_days",
            ));
        }
    }
    let mut states = BTreeSet::new();
    for (i, s) in map.states.iter().enumerate() {
        if !states.insert(s.id.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", s.id),
                &format!("states[{i}].id"),
                format!("the id '{}' is used twice", s.id),
            ));
        }
        if !places.contains(s.place.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", s.place),
                &format!("states[{i}].place"),
                unknown("place", &s.place, &places),
            ));
        }
        check_share(
            src,
            &mut out,
            &format!("states[{i}].attitude"),
            s.attitude,
            -1.0,
            1.0,
        );
        check_share(
            src,
            &mut out,
            &format!("states[{i}].xiongnu_influence"),
            s.xiongnu_influence,
            0.0,
            1.0,
        );
        check_share(
            src,
            &mut out,
            &format!("states[{i}].cavalry_share"),
            s.cavalry_share,
            0.0,
            1.0,
        );
        if let Some(over) = &s.vassal_of {
            let ids: BTreeSet<&str> = map.states.iter().map(|s| s.id.as_str()).collect();
            if !ids.contains(over.as_str()) || over == &s.id {
                out.push(src.problem_at(
                    &format!("Some(\"{over}\")"),
                    &format!("states[{i}].vassal_of"),
                    unknown("state", over, &ids),
                ));
            }
        }
        if s.soldiers == 0 && s.garrison.unwrap_or(0) == 0 {
            out.push(src.problem_at(
                &format!("\"{}\"", s.id),
                &format!("states[{i}].soldiers"),
                "a state needs soldiers or a garrison of at least 1",
            ));
        }
    }
    out
}
