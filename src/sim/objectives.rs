//! The campaign's goals as the days go: a city taken, a place reached, an alliance won (met on
//! the day they happen, if by their day), and at the end men brought home and someone alive. The
//! campaign is a victory when every required goal is met; its level is named by the points of the
//! goals met (the scenario's `objective`).

use bevy::prelude::*;

use super::campaign::{CampaignStatus, GoalProgress};
use super::force::{Column, Standing};
use super::log::SimEvent;
use super::map::{Location, MapIndex};
use super::state::{OasisState, Relation, Remembered};
use crate::scenario::types::{Goal, GoalKind, Level, Objective};

/// The goals of `objective`, their states and places looked up on the map.
pub fn goals_of(objective: &Objective, index: &MapIndex) -> Vec<GoalProgress> {
    objective
        .all_goals()
        .into_iter()
        .map(|goal| {
            let target = match &goal.goal {
                GoalKind::Take(id) | GoalKind::Alliance(id) | GoalKind::Leader(id) => {
                    index.states.get(id).copied()
                }
                GoalKind::Reach(id) => index.places.get(id).copied(),
                GoalKind::BringHome { .. } | GoalKind::Survive => None,
            };
            GoalProgress {
                goal,
                target,
                met: None,
            }
        })
        .collect()
}

/// A goal's words, as the report and the chronicle give them: its own name, or words made from
/// the goal with `name_of` naming its state or place.
pub fn describe(goal: &Goal, name_of: impl Fn(&str) -> String) -> String {
    if let Some(name) = &goal.name {
        return name.clone();
    }
    let what = match &goal.goal {
        GoalKind::Take(id) => format!("take {}", name_of(id)),
        GoalKind::Reach(id) => format!("reach {}", name_of(id)),
        GoalKind::Alliance(id) => format!("win {} as an ally", name_of(id)),
        GoalKind::Leader(id) => format!("kill or take the ruler of {}", name_of(id)),
        GoalKind::BringHome { men, horses } if *horses > 0 => {
            format!("bring {men} men and {horses} horses home")
        }
        GoalKind::BringHome { men, .. } => format!("bring {men} men home"),
        GoalKind::Survive => "come through alive".to_string(),
    };
    match goal.by_day {
        Some(day) => format!("{what} by day {day}"),
        None => what,
    }
}

/// Records that the capital of `state` fell on `day`: the goals that ask for it are met (if by
/// their day), and the campaign's first city is marked taken. Returns the goals met.
pub fn city_fell(status: &mut CampaignStatus, state: Entity, day: u32) -> Vec<usize> {
    if status.objective == Some(state) && status.objective_taken.is_none() {
        status.objective_taken = Some(day);
    }
    meet(status, state, day, |g| matches!(g, GoalKind::Take(_)))
}

/// Meets the open goals that `asks` for something of `state` on `day`; returns them.
fn meet(
    status: &mut CampaignStatus,
    state: Entity,
    day: u32,
    asks: impl Fn(&GoalKind) -> bool,
) -> Vec<usize> {
    let mut met = Vec::new();
    for (i, g) in status.goals.iter_mut().enumerate() {
        if asks(&g.goal.goal) && g.target == Some(state) && g.open_on(day) {
            g.met = Some(day);
            met.push(i);
        }
    }
    met
}

/// Records that the ruler of `state` was killed or taken on `day`: the goals that ask for it are
/// met (if by their day). Returns the goals met.
pub fn leader_fell(status: &mut CampaignStatus, state: Entity, day: u32) -> Vec<usize> {
    meet(status, state, day, |g| matches!(g, GoalKind::Leader(_)))
}

/// Whether the work in the field is done, so every force turns for home: the campaign has goals
/// to meet in the field and every required one is met.
pub fn field_work_done(status: &CampaignStatus) -> bool {
    let mut field = status
        .goals
        .iter()
        .filter(|g| g.goal.in_the_field() && g.goal.required)
        .peekable();
    field.peek().is_some() && field.all(|g| g.met.is_some())
}

/// Whether every required goal is met.
pub fn all_required_met(status: &CampaignStatus) -> bool {
    status
        .goals
        .iter()
        .all(|g| !g.goal.required || g.met.is_some())
}

/// The points of the goals met, and the name of the highest level they reach, if any.
pub fn level(status: &CampaignStatus, levels: &[Level]) -> (u32, Option<String>) {
    let points = status
        .goals
        .iter()
        .filter(|g| g.met.is_some())
        .map(|g| g.goal.points)
        .sum();
    let name = levels
        .iter()
        .filter(|l| l.points <= points)
        .max_by_key(|l| l.points)
        .map(|l| l.name.clone());
    (points, name)
}

/// Meets the goals of the day: a place reached by a force of the campaign (`at`: each force's
/// column, standing and place), a state won as an ally (it submitted, or sent a hostage). Cities
/// taken and leaders fallen are met where they fall ([`city_fell`], [`leader_fell`]). Called by
/// the day's end ([`super::record::end_day`]).
pub fn track_goals<'a>(
    status: &mut CampaignStatus,
    day: u32,
    at: impl Iterator<Item = (&'a Column, &'a Standing, &'a Location)> + Clone,
    states: &Query<&OasisState>,
    events: &mut Messages<SimEvent>,
) {
    if status.ended.is_some() || !status.goals.iter().any(|g| g.open_on(day)) {
        return;
    }
    for (i, g) in status.goals.iter_mut().enumerate() {
        if !g.open_on(day) {
            continue;
        }
        let Some(target) = g.target else {
            continue;
        };
        let met = match &g.goal.goal {
            GoalKind::Reach(_) => at.clone().any(|(column, standing, location)| {
                !standing.merged && column.men.total() > 0 && *location == Location::At(target)
            }),
            GoalKind::Alliance(_) => states.get(target).is_ok_and(|s| {
                s.relation == Relation::Submitted || s.remembers(&Remembered::SentHostage)
            }),
            // Taken where the city falls; the rest are reckoned at the end.
            _ => false,
        };
        if met {
            g.met = Some(day);
            events.write(SimEvent::GoalMet { goal: i });
        }
    }
}

/// Reckons the goals met at the end: men and horses at home, and someone alive.
pub fn reckon_at_end<'a>(
    status: &mut CampaignStatus,
    day: u32,
    forces: impl Iterator<Item = (&'a Column, &'a Standing, &'a Location)>,
) -> Vec<usize> {
    let home = status.home.map(Location::At);
    let (mut alive, mut men_home, mut horses_home) = (false, 0u32, 0u32);
    for (column, standing, location) in forces {
        if standing.merged || column.men.total() == 0 {
            continue;
        }
        alive = true;
        if Some(*location) == home {
            men_home += column.men.total();
            horses_home += column.animals.horses;
        }
    }
    let mut met = Vec::new();
    for (i, g) in status.goals.iter_mut().enumerate() {
        if g.met.is_some() {
            continue;
        }
        let now = match g.goal.goal {
            GoalKind::BringHome { men, horses } => {
                alive && men_home >= men && horses_home >= horses
            }
            GoalKind::Survive => alive,
            _ => false,
        };
        if now {
            g.met = Some(day);
            met.push(i);
        }
    }
    met
}
