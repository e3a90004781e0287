//! Checks of a campaign's objective: home, each goal's state or place, days within the campaign,
//! a goal somewhere a road reaches from where the forces start, and levels the goals can reach.

use std::collections::{BTreeMap, BTreeSet};

use super::{Checker, unknown};
use crate::scenario::types::{CampaignFile, GoalKind, MapFile};

/// Checks `camp`'s objective against the map (`places` and `states` are the ids on it).
pub(super) fn check(
    c: &mut Checker,
    camp: &CampaignFile,
    map: &MapFile,
    places: &BTreeSet<&str>,
    states: &BTreeSet<&str>,
) {
    let o = &camp.objective;
    if let Some(state) = &o.capture
        && !states.contains(state.as_str())
    {
        c.problem("objective.capture", unknown("state", state, states));
    }
    if o.capture.is_none() && o.goals.is_empty() {
        c.problem(
            "objective",
            "the campaign has no goal: give `capture: \"STATE\"`, or `goals: [...]` (Take, Reach, Alliance, BringHome, Survive)",
        );
    }
    // The places a road reaches from where the forces start.
    let reached = reachable(map, camp.forces.iter().map(|f| f.at.as_str()));
    let place_of = |state: &str| {
        map.states
            .iter()
            .find(|s| s.id == state)
            .map(|s| s.place.as_str())
    };
    if let Some(place) = o.capture.as_deref().and_then(place_of)
        && !camp.forces.is_empty()
        && !reached.contains(place)
    {
        c.problem(
            "objective.capture",
            format!("no road reaches '{place}' from where the forces start; add a route to it"),
        );
    }
    for (i, g) in o.goals.iter().enumerate() {
        let at = format!("objective.goals[{i}]");
        let place = match &g.goal {
            GoalKind::Take(id) | GoalKind::Alliance(id) => {
                if !states.contains(id.as_str()) {
                    c.problem(format!("{at}.goal"), unknown("state", id, states));
                }
                place_of(id)
            }
            GoalKind::Leader(id) => {
                if !states.contains(id.as_str()) {
                    c.problem(format!("{at}.goal"), unknown("state", id, states));
                } else if map.states.iter().any(|s| s.id == *id && s.leader.is_none()) {
                    c.problem(
                        format!("{at}.goal"),
                        format!("the state '{id}' has no leader on the map: give it `leader: \"Name\"` in the map's states"),
                    );
                }
                place_of(id)
            }
            GoalKind::Reach(id) => {
                if !places.contains(id.as_str()) {
                    c.problem(format!("{at}.goal"), unknown("place", id, places));
                }
                places.contains(id.as_str()).then_some(id.as_str())
            }
            GoalKind::BringHome { .. } | GoalKind::Survive => {
                if g.by_day.is_some() {
                    c.problem(
                        format!("{at}.by_day"),
                        "BringHome and Survive are reckoned at the end: a day applies to Take, Reach and Alliance; remove by_day",
                    );
                }
                None
            }
        };
        if let Some(place) = place
            && !camp.forces.is_empty()
            && !reached.contains(place)
        {
            c.problem(
                format!("{at}.goal"),
                format!(
                    "no road reaches '{place}' from where the forces start; add a route to it, or aim at a place the roads reach"
                ),
            );
        }
        if let Some(day) = g.by_day
            && day >= camp.max_days
        {
            c.problem(
                format!("{at}.by_day"),
                format!(
                    "day {day} falls after the campaign's last day ({}); give a day below max_days",
                    camp.max_days.saturating_sub(1)
                ),
            );
        }
    }
    let most: u32 = o
        .capture
        .iter()
        .map(|_| 1)
        .chain(o.goals.iter().map(|g| g.points))
        .fold(0u32, u32::saturating_add);
    let mut named = BTreeSet::new();
    for (i, l) in o.levels.iter().enumerate() {
        let at = format!("objective.levels[{i}]");
        if l.name.trim().is_empty() {
            c.problem(format!("{at}.name"), "give the level a name");
        } else if !named.insert(l.name.to_lowercase()) {
            c.problem(
                format!("{at}.name"),
                format!("two levels are called '{}'; give each its own name", l.name),
            );
        }
        if l.points > most {
            c.problem(
                format!("{at}.points"),
                format!(
                    "no campaign can reach {} points: its goals give {most} at most; give at most {most}",
                    l.points
                ),
            );
        }
    }
}

/// Every place a road leads to from `starts` (roads run both ways).
fn reachable<'a>(map: &'a MapFile, starts: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut roads: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &map.routes {
        roads.entry(&r.from).or_default().push(&r.to);
        roads.entry(&r.to).or_default().push(&r.from);
    }
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut todo: Vec<&str> = starts.collect();
    while let Some(p) = todo.pop() {
        if seen.insert(p) {
            todo.extend(roads.get(p).into_iter().flatten().copied());
        }
    }
    seen
}
