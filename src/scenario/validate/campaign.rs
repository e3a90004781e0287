//! Checks of a campaign file against its map and rules.

use std::collections::BTreeSet;

use super::plan::{PlanWalk, SetOut, collect_detachments};
use super::{check_share, unknown};
use crate::scenario::logistics;
use crate::scenario::source::{Problem, SourceFile};
use crate::scenario::types::{CampaignFile, Effect, EventDef, MapFile, Rules, Trigger};

/// Checks a campaign against its map and rules: places and states exist, the plan follows routes,
/// each force can carry what it sets out with, and can carry water across each leg of its plan.
pub fn campaign(src: &SourceFile, c: &CampaignFile, map: &MapFile, rules: &Rules) -> Vec<Problem> {
    let mut out = Vec::new();
    let places: BTreeSet<&str> = map.places.iter().map(|p| p.id.as_str()).collect();
    let states: BTreeSet<&str> = map.states.iter().map(|s| s.id.as_str()).collect();
    let place_ref = |out: &mut Vec<Problem>, field: &str, id: &str| {
        if !places.contains(id) {
            out.push(src.problem_at(&format!("\"{id}\""), field, unknown("place", id, &places)));
            false
        } else {
            true
        }
    };
    if !(1..=12).contains(&c.start.month) || !(1..=30).contains(&c.start.day) {
        out.push(src.problem_at("start:", "start", "month must be 1 to 12 and day 1 to 30"));
    }
    check_share(src, &mut out, "prestige", c.prestige, -1.0, 1.0);
    if !states.contains(c.objective.capture.as_str()) {
        out.push(src.problem_at(
            &format!("\"{}\"", c.objective.capture),
            "objective.capture",
            unknown("state", &c.objective.capture, &states),
        ));
    }
    place_ref(&mut out, "objective.home", &c.objective.home);
    check_share(
        src,
        &mut out,
        "retreat.below_share",
        c.retreat.below_share,
        0.0,
        1.0,
    );
    for (i, o) in c.states.iter().enumerate() {
        if !states.contains(o.state.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", o.state),
                &format!("states[{i}].state"),
                unknown("state", &o.state, &states),
            ));
        }
    }
    if c.forces.is_empty() {
        out.push(src.problem_at("forces:", "forces", "a campaign needs at least one force"));
    }
    for (i, f) in c.forces.iter().enumerate() {
        place_ref(&mut out, &format!("forces[{i}].at"), &f.at);
        check_share(
            src,
            &mut out,
            &format!("forces[{i}].morale"),
            f.morale,
            0.0,
            1.0,
        );
        check_share(
            src,
            &mut out,
            &format!("forces[{i}].corruption"),
            f.corruption,
            0.0,
            1.0,
        );
        if f.animals.horses < f.men.cavalry {
            out.push(src.problem_at(
                "horses:",
                &format!("forces[{i}].animals.horses"),
                format!(
                    "{} horses cannot mount {} cavalry; give at least {} horses",
                    f.animals.horses, f.men.cavalry, f.men.cavalry
                ),
            ));
        }
        let capacity_t = logistics::capacity(rules, &f.men, &f.animals).tonnes().0;
        let carried_t = f.stores.grain_t.0 + f.stores.fodder_t.0 + f.stores.water_m3.0;
        if carried_t > capacity_t + 1e-9 {
            out.push(src.problem_at(
                "stores:",
                &format!("forces[{i}].stores"),
                format!(
                    "the force sets out with {carried_t:.0} t of stores but its men and animals can carry {capacity_t:.0} t; carry less or bring more pack animals"
                ),
            ));
        }
    }
    // The plan must follow the map: each march along a route from where the force then is,
    // and each request, attack or siege where a state stands; detachments' plans likewise, from
    // where they split off.
    let Some(force) = c.forces.first() else {
        return out;
    };
    let mut names: Vec<&str> = c.forces.iter().map(|f| f.name.as_str()).collect();
    collect_detachments(&c.plan, &mut names);
    let mut walk = PlanWalk {
        src,
        map,
        rules,
        places: &places,
        names: &names,
        search_from: src.text.find("plan:").unwrap_or(0),
        out: &mut out,
    };
    let column = SetOut {
        men: force.men,
        animals: force.animals,
        grain: force.stores.grain_t.kg(),
        fodder: force.stores.fodder_t.kg(),
        water: force.stores.water_m3.litres(),
    };
    walk.plan(&c.plan, &force.at, "plan", column);
    if let Some(h) = &c.history
        && !["victory", "retreat", "destroyed"].contains(&h.outcome.as_str())
    {
        out.push(src.problem_at(
            "history:",
            "history.outcome",
            format!(
                "'{}' is no outcome; use \"victory\", \"retreat\" or \"destroyed\"",
                h.outcome
            ),
        ));
    }
    for (i, e) in c.events.iter().enumerate() {
        check_event(src, &mut out, i, e, &places, &states);
    }
    out
}

/// Checks an event's references.
fn check_event(
    src: &SourceFile,
    out: &mut Vec<Problem>,
    i: usize,
    e: &EventDef,
    places: &BTreeSet<&str>,
    states: &BTreeSet<&str>,
) {
    let field = format!("events[{i}]");
    let state_ref = |out: &mut Vec<Problem>, id: &str| {
        if !states.contains(id) {
            out.push(src.problem_at(&format!("\"{id}\""), &field, unknown("state", id, states)));
        }
    };
    match &e.when {
        Trigger::Arrive(place) => {
            if !places.contains(place.as_str()) {
                out.push(src.problem_at(
                    &format!("\"{place}\""),
                    &field,
                    unknown("place", place, places),
                ));
            }
        }
        Trigger::SiegeDays(state, _) | Trigger::Falls(state) | Trigger::Answers(state) => {
            state_ref(out, state)
        }
        Trigger::Day(_) => {}
    }
    for effect in &e.then {
        match effect {
            Effect::Attitude(state, _) | Effect::Relief { state, .. } => state_ref(out, state),
            Effect::Ally { commitment, .. } => {
                if !(0.0..=1.0).contains(commitment) {
                    out.push(src.problem_at(
                        "commitment",
                        &field,
                        format!("commitment is {commitment}; it must be between 0 and 1"),
                    ));
                }
            }
            Effect::Message(_) | Effect::Prestige(_) | Effect::Reinforce { .. } => {}
        }
    }
}
