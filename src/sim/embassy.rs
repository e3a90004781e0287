//! Embassies (forces with `envoy`): a state answers an envoy by its interests, not by the
//! party's power (its attitude, the rival power's sway over it): it receives the party as its
//! guests and feeds it, perhaps agreeing to an alliance; or, hostile, detains it; or shuts its
//! gates. On a road through a hostile power's lands a party may be seized and taken to the
//! power's city; held there, fed by its captors, it slips away some day with some of its men, and
//! makes for the first place ahead on its plan it can reach without crossing its captor's lands.
//! A host gives the party guides as far as the next state's city: led round the enemy's watch it
//! is not seized, and it asks there introduced (the rules' `introduced`).
//! All of it by the rules' `embassy`; a campaign without it has no captivity.

use bevy::prelude::*;

use super::ActiveScenario;
use super::attrition::remove_men;
use super::force::{Activity, ForceMut, ForceMutItem, Orders};
use super::log::SimEvent;
use super::map::{Location, MapIndex, Route};
use super::random::{SimRng, logistic, uniform};
use super::state::{OasisState, Relation};
use crate::scenario::types::{EmbassyRules, PlanStep};

/// Answers the envoys asking at a state, seizes parties on a hostile power's roads, and lets held
/// parties escape (on days with an embassy: see [`super::diplomacy::work_today`]).
#[allow(clippy::too_many_arguments)]
pub fn embassies(
    mut forces: Query<(ForceMut, &mut Orders)>,
    mut states: Query<&mut OasisState>,
    routes: Query<&Route>,
    places: Query<&super::map::Place>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<super::calendar::Calendar>,
    mut rng: ResMut<SimRng>,
    mut events: MessageWriter<SimEvent>,
) {
    let Some(rules) = scenario.0.rules.embassy else {
        return;
    };
    for (mut force, mut orders) in &mut forces {
        if !force.force.envoy || force.standing.merged || force.column.men.total() == 0 {
            continue;
        }
        // Guides lead the party as far as the next state's city, where they leave it (it asks
        // there introduced, or goes on alone).
        if let (Some(by), Location::At(here)) = (force.retinue.guided_by, *force.location)
            && index.state_at(here).is_some_and(|s| s != by)
            && !matches!(*force.activity, Activity::Requesting { .. })
        {
            force.retinue.guided_by = None;
        }
        match *force.activity {
            Activity::Requesting { state } => {
                *force.activity = Activity::Idle;
                if let Ok(mut host) = states.get_mut(state) {
                    answer(
                        &rules,
                        &mut force,
                        &mut orders,
                        state,
                        &mut host,
                        &mut rng,
                        &mut events,
                    );
                }
            }
            Activity::Held { by, resume } => {
                // Its captors feed it, and it keeps by it for the day it flees what it can carry
                // (grain first, then water, then fodder), never more.
                let sim_rules = &scenario.0.rules;
                let need = force.column.need_in(sim_rules, calendar.season());
                let days = rules.held_fed_days.max(1.0);
                let mut room = (force.column.capacity(sim_rules) - force.stores.weight()).0;
                let mut top_up = |have: &mut f64, want: f64| {
                    let add = (want - *have).max(0.0).min(room.max(0.0));
                    *have += add;
                    room -= add;
                };
                let stores = &mut *force.stores;
                top_up(
                    &mut stores.grain.0,
                    ((need.men_grain + need.animal_grain_total()) * days).0,
                );
                top_up(&mut stores.water.0, (need.water() * days).0);
                top_up(&mut stores.fodder.0, (need.feed_total() * days).0);
                // The watch grows slack once it has been held long enough, in all (居匈奴中，益寬).
                force.ledger.days_held += 1;
                let slack = f64::from(force.ledger.days_held) > rules.watched_days;
                if slack && uniform(&mut rng.diplomacy) < rules.escape_per_day {
                    escape(
                        &rules,
                        &mut force,
                        &mut orders,
                        by,
                        resume,
                        &index,
                        &routes,
                        &places,
                    );
                    let men = force.column.men.total();
                    events.write(SimEvent::Escaped {
                        force: force.entity,
                        from: by,
                        men,
                    });
                }
            }
            Activity::Marching { to } => {
                let Location::OnRoute { route, .. } = *force.location else {
                    continue;
                };
                let Some(power) = routes.get(route).ok().and_then(|r| r.held_by) else {
                    continue;
                };
                let Ok(captor) = states.get(power) else {
                    continue;
                };
                // Guides from a host lead the party round the enemy's watch.
                let guided = force.retinue.guided_by.is_some();
                let hostile = captor.attitude < 0.0 && !captor.relation.supplies();
                if hostile && !guided && uniform(&mut rng.diplomacy) < rules.seize_per_day {
                    let place = captor.place;
                    let killed = seize(&rules, &mut force, &mut orders, power, place, Some(to));
                    events.write(SimEvent::Seized {
                        force: force.entity,
                        by: power,
                        killed,
                    });
                }
            }
            _ => {}
        }
    }
}

/// A state's answer to an envoy asking at its gates.
fn answer(
    rules: &EmbassyRules,
    force: &mut ForceMutItem,
    orders: &mut Orders,
    state: Entity,
    host: &mut OasisState,
    rng: &mut SimRng,
    events: &mut MessageWriter<SimEvent>,
) {
    if host.relation.supplies() {
        return;
    }
    host.answered = true;
    let interest =
        rules.attitude_weight * host.attitude - rules.rival_weight * host.xiongnu_influence;
    // A party brought by another host's guides comes introduced (康居傳致大月氏).
    let introduced = force
        .retinue
        .guided_by
        .take()
        .filter(|&by| by != state)
        .map_or(0.0, |_| rules.introduced);
    if uniform(&mut rng.diplomacy) < logistic(rules.welcome + introduced + interest) {
        let alliance = uniform(&mut rng.diplomacy) < logistic(rules.alliance + interest);
        host.relation = if alliance {
            Relation::Submitted
        } else {
            Relation::Hosts
        };
        // The host gives guides for the road on.
        force.retinue.guided_by = Some(state);
        events.write(SimEvent::EnvoyReceived {
            force: force.entity,
            state,
            alliance,
        });
    } else if host.attitude < 0.0 && uniform(&mut rng.diplomacy) < rules.detain_share {
        let killed = seize(rules, force, orders, state, host.place, None);
        events.write(SimEvent::Seized {
            force: force.entity,
            by: state,
            killed,
        });
    } else {
        host.relation = Relation::Refused;
        events.write(SimEvent::EnvoyRefused {
            force: force.entity,
            state,
        });
    }
}

/// Takes the party captive to `place`, the city of `by`; returns the men killed.
fn seize(
    rules: &EmbassyRules,
    force: &mut ForceMutItem,
    orders: &mut Orders,
    by: Entity,
    place: Entity,
    resume: Option<Entity>,
) -> u32 {
    let men = force.column.men.total();
    let killed = (f64::from(men) * rules.seized_killed.clamp(0.0, 1.0)).round() as u32;
    // Someone is always left to be held.
    let killed = remove_men(&mut force.column.men, killed.min(men.saturating_sub(1)));
    force.ledger.men_lost.combat += killed;
    *force.location = Location::At(place);
    *force.activity = Activity::Held { by, resume };
    orders.clear();
    killed
}

/// The party slips away with the rules' share of its men (the rest stay captive) and makes for
/// the first place ahead on its plan it can reach without its captor's roads (else where it was
/// going when seized, by the shortest road).
#[allow(clippy::too_many_arguments)]
fn escape(
    rules: &EmbassyRules,
    force: &mut ForceMutItem,
    orders: &mut Orders,
    captor: Entity,
    resume: Option<Entity>,
    index: &MapIndex,
    routes: &Query<&Route>,
    places: &Query<&super::map::Place>,
) {
    let men = force.column.men.total();
    let away = ((f64::from(men) * rules.escape_share.clamp(0.0, 1.0)).round() as u32).clamp(1, men);
    let left = remove_men(&mut force.column.men, men - away);
    force.ledger.men_lost.captured += left;
    *force.activity = Activity::Idle;
    let Location::At(here) = *force.location else {
        return;
    };
    let free = |r: Entity| {
        routes
            .get(r)
            .ok()
            .filter(|route| route.held_by != Some(captor))
            .map(|route| (route.a, route.b, route.length))
    };
    let any = |r: Entity| {
        routes
            .get(r)
            .ok()
            .map(|route| (route.a, route.b, route.length))
    };
    // The plan's marches still ahead, and the first of them reached without the captor's roads.
    let ahead: Vec<(usize, Entity)> = orders.plan[orders.next.min(orders.plan.len())..]
        .iter()
        .enumerate()
        .filter_map(|(i, step)| match step {
            PlanStep::March(id) => index.places.get(id).map(|&p| (orders.next + i, p)),
            _ => None,
        })
        .collect();
    let rejoin = ahead
        .iter()
        .find_map(|&(i, p)| index.shortest_path(here, p, free).map(|path| (i, path)));
    let path = match rejoin {
        Some((i, mut path)) => {
            // Where the way passes a place further on in the plan, it rejoins the plan there.
            let (mut at, mut step) = (path.len(), i);
            for (k, place) in path.iter().enumerate() {
                if let Some(&(j, _)) = ahead.iter().rev().find(|(j, p)| p == place && *j > step) {
                    (at, step) = (k + 1, j);
                }
            }
            path.truncate(at);
            // The plan goes on after the march it rejoins.
            orders.next = step + 1;
            path
        }
        None => match resume.and_then(|to| index.shortest_path(here, to, any)) {
            Some(path) => path,
            None => return,
        },
    };
    for place in path {
        if let Ok(p) = places.get(place) {
            orders.push(PlanStep::March(p.id.clone()));
        }
    }
}
