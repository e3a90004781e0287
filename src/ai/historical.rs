//! Orders become the day's intent: each idle force takes its next queued order (a player's or the
//! AI's), or, under the historical commander, the next step of the orders the real commander gave,
//! turning for home when the scenario's retreat rule says so.

use bevy::prelude::*;

use crate::scenario::types::PlanStep;
use crate::sim::components::*;
use crate::sim::detachments;
use crate::sim::{ActiveScenario, Chronicled};

/// The road home: the places visited, newest first, with loops cut out, ending at `home`.
pub fn road_home(visits: &[Visit], home: &str) -> Vec<String> {
    let ids: Vec<&str> = visits.iter().map(|v| v.id.as_str()).collect();
    let mut road = Vec::new();
    let Some(&here) = ids.last() else {
        return road;
    };
    if here == home {
        return road;
    }
    // Walk back from the newest visit; from each place jump to its earliest visit so loops vanish.
    let mut i = ids.len() - 1;
    while i > 0 {
        let first = ids.iter().position(|&id| id == ids[i]).unwrap_or(i);
        if first == 0 {
            break;
        }
        i = first - 1;
        road.push(ids[i].to_string());
        if ids[i] == home {
            break;
        }
    }
    road
}

/// Gives each idle force its next order from its plan.
pub fn follow_plan(
    mut commands: Commands,
    mut forces: Query<(Entity, &mut Force, &mut Plan)>,
    places: Query<&Place>,
    states: Query<&OasisState>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    status: Res<CampaignStatus>,
    commander: Res<Commander>,
    mut prestige: ResMut<Prestige>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let campaign = &scenario.0.campaign;
    // The historical commander follows the plan and its retreat rule; a player or the AI gives
    // every order, except that all turn for home once the objective has fallen.
    let historical = *commander == Commander::Historical;
    let names: Vec<(Entity, String, bool)> = forces
        .iter()
        .map(|(e, f, _)| (e, f.name.clone(), f.merged))
        .collect();
    let find = |name: &str| {
        names
            .iter()
            .find(|(_, n, merged)| n == name && !merged)
            .map(|(e, _, _)| *e)
    };
    let mut next_raised = names.len() as u32;
    let send_home = |force: &mut Force, plan: &mut Plan| {
        turn_home(force, plan, &campaign.objective.home, &index, &states);
    };
    // A retreat is a defeat in the eyes of the states.
    let defeat = scenario.0.rules.diplomacy.prestige_for_defeat;
    let retreat = |prestige: &mut Prestige| prestige.0 = (prestige.0 - defeat).max(-1.0);
    for (me, mut force, mut plan) in &mut forces {
        if force.activity != Activity::Idle || force.men.total() == 0 {
            continue;
        }
        let Location::At(here) = force.location else {
            continue;
        };
        let defeated = historical && campaign.retreat.after_defeat && force.ledger.battles_lost > 0;
        let depleted = historical
            && f64::from(force.men.total())
                < campaign.retreat.below_share
                    * f64::from(force.ledger.men_start + force.ledger.men_in);
        let done = status.objective_taken.is_some();
        if !force.homeward && (defeated || depleted || done) {
            let why = if done {
                "its work done"
            } else if defeated {
                "beaten in battle"
            } else {
                "too weak to go on"
            };
            chronicle.write(Chronicled {
                text: format!("{}, {why}, turns for home", force.name),
            });
            if !done {
                retreat(&mut prestige);
            }
            send_home(&mut force, &mut plan);
        }
        let mut step = if let Some(step) = plan.queued.pop_front() {
            step
        } else if historical && !force.homeward && plan.next < plan.steps.len() {
            plan.next += 1;
            plan.steps[plan.next - 1].clone()
        } else if historical && !force.homeward {
            chronicle.write(Chronicled {
                text: format!("{}, its orders carried out, turns for home", force.name),
            });
            send_home(&mut force, &mut plan);
            match plan.queued.pop_front() {
                Some(step) => step,
                None => continue,
            }
        } else {
            continue;
        };
        // Going home: the road home is queued and the force takes its first step today, as when
        // the retreat rule turns it.
        if step == PlanStep::Return && !force.homeward {
            let name = places.get(here).map_or("", |p| p.name.as_str());
            chronicle.write(Chronicled {
                text: format!("{} turns for home from {name}", force.name),
            });
            if status.objective_taken.is_none() {
                retreat(&mut prestige);
            }
            send_home(&mut force, &mut plan);
            match plan.queued.pop_front() {
                Some(next) => step = next,
                None => continue,
            }
        }
        let state_here = index.state_at.get(&here).copied();
        force.activity = match step {
            PlanStep::March(to) => match index.places.get(&to) {
                Some(&to) => Activity::Marching { to },
                None => Activity::Idle,
            },
            PlanStep::Rest(days) => Activity::Resting {
                days_left: days.max(1),
            },
            PlanStep::Request => {
                state_here.map_or(Activity::Idle, |state| Activity::Requesting { state })
            }
            PlanStep::Gift(bolts) => {
                state_here.map_or(Activity::Idle, |state| Activity::Giving { state, bolts })
            }
            PlanStep::Requisition => {
                state_here.map_or(Activity::Idle, |state| Activity::Requisitioning { state })
            }
            PlanStep::Battle => {
                state_here.map_or(Activity::Idle, |state| Activity::Battling { state })
            }
            PlanStep::Attack => {
                state_here.map_or(Activity::Idle, |state| Activity::Attacking { state })
            }
            PlanStep::Besiege {
                days,
                assault_from,
                accept_terms,
            } => state_here.map_or(Activity::Idle, |state| Activity::Besieging {
                state,
                days: 0,
                max_days: days,
                assault_from,
                accept_terms,
            }),
            PlanStep::Detach {
                name,
                size,
                plan: orders,
            } => {
                let mut detachment = detachments::split(&mut force, &name, size);
                detachment.raised = next_raised;
                next_raised += 1;
                chronicle.write(Chronicled {
                    text: format!(
                        "{} sends {name} on its own way with {} men and {} animals",
                        force.name,
                        detachment.men.total(),
                        detachment.animals.total()
                    ),
                });
                // Under the historical commander the detachment follows its plan (and goes home
                // when it runs out); a player's or the AI's orders are queued, and then it waits.
                let plan = if historical {
                    Plan {
                        steps: orders,
                        ..Plan::default()
                    }
                } else {
                    Plan {
                        queued: orders.into(),
                        ..Plan::default()
                    }
                };
                commands.spawn((Name::new(name.clone()), detachment, plan));
                Activity::Idle
            }
            PlanStep::Join(name) => match find(&name) {
                Some(into) if into != me => Activity::Joining { into },
                _ => Activity::Idle,
            },
            PlanStep::WaitFor { force: name, days } => match find(&name) {
                Some(on) if on != me && days > 0 => Activity::Waiting {
                    on,
                    days_left: days,
                },
                _ => Activity::Idle,
            },
            // Taken above; a force already homeward has nothing more to do for it.
            PlanStep::Return => Activity::Idle,
        };
    }
}

/// Queues the road home, asking friendly states on the way for supplies.
fn turn_home(
    force: &mut Force,
    plan: &mut Plan,
    home: &str,
    index: &MapIndex,
    states: &Query<&OasisState>,
) {
    force.homeward = true;
    plan.queued.clear();
    for id in road_home(&force.ledger.visits, home) {
        plan.queued.push_back(PlanStep::March(id.clone()));
        let friendly = index
            .places
            .get(&id)
            .and_then(|p| index.state_at.get(p))
            .and_then(|s| states.get(*s).ok())
            .is_some_and(|s| matches!(s.relation, Relation::Submitted | Relation::Conquered));
        if friendly {
            plan.queued.push_back(PlanStep::Request);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visits(ids: &[&str]) -> Vec<Visit> {
        ids.iter()
            .map(|id| Visit {
                id: id.to_string(),
                name: id.to_string(),
                day: 0,
                men: 0,
                animals: Default::default(),
                stores: Stores::default(),
            })
            .collect()
    }

    #[test]
    fn the_road_home_retraces_the_march_and_cuts_loops() {
        let road = road_home(&visits(&["a", "b", "c", "d"]), "a");
        assert_eq!(road, ["c", "b", "a"]);
        let road = road_home(&visits(&["a", "b", "c", "b", "e"]), "a");
        assert_eq!(road, ["b", "a"]);
        assert!(road_home(&visits(&["a"]), "a").is_empty());
    }
}
