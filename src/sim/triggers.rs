//! Scenario events: data-driven triggers (a day, an arrival, a siege's length, a state's fall or
//! answer) with effects (a message, prestige, a state's attitude, reinforcements, allies, a relief
//! army). Each event fires once.
//!
//! A relief army comes `days` after its event. If the state it relieves is still besieged then,
//! it gives battle to the besieger only if its strength is at least `relief_dare_ratio` of the
//! besieger's (with allies); otherwise it watches and goes home. A besieger beaten by the relief
//! lifts the siege.

use bevy::prelude::*;

use super::ActiveScenario;
use super::battle;
use super::calendar::Calendar;
use super::campaign::{CampaignStatus, Prestige};
use super::enemy::{self, strike};
use super::force::{Activity, Allies, ForceMut};
use super::log::{EffectRef, SimEvent};
use super::map::{MapIndex, Route};
use super::prestige::change_prestige;
use super::random::SimRng;
use super::state::{LeaderFate, OasisState, Relation, Remembered};
use crate::scenario::types::{AnimalKind, Effect, EnemyAim, RelationDef, Trigger};

/// A relief army on its way.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRelief {
    /// The scenario's effect that sent it.
    pub effect: EffectRef,
    /// The state it relieves.
    pub state: Entity,
    /// Men.
    pub men: u32,
    /// Share who are horsemen.
    pub cavalry_share: f64,
    /// The day it arrives.
    pub due: u32,
}

/// Which events have fired, and the relief armies on their way.
#[derive(Resource, Debug, Clone, Default)]
pub struct Triggers {
    /// Whether each of the scenario's events has fired, in file order.
    pub fired: Vec<bool>,
    /// Relief armies on their way.
    pub reliefs: Vec<PendingRelief>,
}

/// What a trigger may look at besides the forces and states.
struct Now<'a> {
    day: u32,
    index: &'a MapIndex,
    status: &'a CampaignStatus,
    prestige: f64,
}

/// Whether `trigger` has come.
fn triggered(
    trigger: &Trigger,
    now: &Now,
    forces: &Query<ForceMut>,
    states: &Query<(Entity, &mut OasisState)>,
) -> bool {
    let (day, index) = (now.day, now.index);
    let state_of = |id: &str| {
        index
            .states
            .get(id)
            .and_then(|&e| states.get(e).ok())
            .map(|(_, s)| s)
    };
    match trigger {
        Trigger::Day(d) => day >= *d,
        Trigger::Arrive(place) => forces
            .iter()
            .any(|f| f.ledger.visits.iter().any(|v| &v.id == place)),
        Trigger::SiegeDays(state, n) => {
            let Some(&target) = index.states.get(state) else {
                return false;
            };
            forces.iter().any(|f| {
                matches!(*f.activity, Activity::Besieging { state, days, .. } if state == target && days >= *n)
            })
        }
        Trigger::Falls(state) => state_of(state).is_some_and(|s| {
            s.relation == Relation::Conquered || s.remembers(&Remembered::NewKing)
        }),
        Trigger::Answers(state) => state_of(state).is_some_and(|s| s.answered),
        Trigger::MenBelow(n) => {
            let men: u32 = forces
                .iter()
                .filter(|f| !f.standing.merged)
                .map(|f| f.column.men.total())
                .sum();
            men < *n
        }
        Trigger::GoalMet(i) => now.status.goals.get(*i).is_some_and(|g| g.met.is_some()),
        Trigger::PrestigeBelow(x) => now.prestige < *x,
        Trigger::All(all) => all.iter().all(|t| triggered(t, now, forces, states)),
        Trigger::Any(any) => any.iter().any(|t| triggered(t, now, forces, states)),
    }
}

/// The events' phase: the day of the enemy forces in the field ([`enemy::enemy_day`], on days
/// with one), then the scenario's events whose triggers have come, and the relief armies that
/// are due. One system: a system costs its parameters every day, and these two share most of
/// theirs. An enemy force raised today takes the field tomorrow; one that leaves the field is
/// gone when the day is done.
#[allow(clippy::too_many_arguments)]
pub fn run_events(
    mut enemies: Query<(Entity, &mut enemy::EnemyForce)>,
    mut forces: Query<ForceMut>,
    mut states: Query<(Entity, &mut OasisState)>,
    scenario: Res<ActiveScenario>,
    index: Res<MapIndex>,
    calendar: Res<Calendar>,
    mut log: ResMut<Triggers>,
    mut prestige: ResMut<Prestige>,
    mut rng: ResMut<SimRng>,
    mut status: ResMut<CampaignStatus>,
    mut routes: Query<&mut Route>,
    places: Query<&super::map::Place>,
    mut commands: Commands,
    mut orders: Query<&mut super::force::Orders>,
    mut events: MessageWriter<SimEvent>,
) {
    let scenario_events = &scenario.0.campaign.events;
    let rules = &scenario.0.rules;
    let day = calendar.day;
    if !enemies.is_empty() {
        let mut w = strike::World {
            rules,
            prestige: &mut prestige,
            rng: &mut rng,
            events: &mut events,
        };
        enemy::enemy_day(
            &mut w,
            &mut commands,
            &mut enemies,
            &mut forces,
            &mut states,
            &routes.as_readonly(),
            &index,
            &calendar,
        );
    }
    log.fired.resize(scenario_events.len(), false);
    // Forces raised today, numbered after those already in the world (counted when one is).
    let mut raised: Option<u32> = None;
    for (i, event) in scenario_events.iter().enumerate() {
        let now = Now {
            day,
            index: &index,
            status: &status,
            prestige: prestige.0,
        };
        if log.fired[i] || !triggered(&event.when, &now, &forces, &states) {
            continue;
        }
        log.fired[i] = true;
        for (j, effect) in event.then.iter().enumerate() {
            let at = EffectRef {
                event: i,
                effect: j,
            };
            match effect {
                Effect::Message(_) => {
                    events.write(SimEvent::ScenarioMessage(at));
                }
                Effect::Prestige(delta) => {
                    change_prestige(&mut prestige, *delta, &mut events);
                }
                Effect::Attitude(state, value) => {
                    if let Some(&e) = index.states.get(state)
                        && let Ok((_, mut s)) = states.get_mut(e)
                    {
                        s.attitude = value.clamp(-1.0, 1.0);
                    }
                }
                Effect::Reinforce {
                    to,
                    men,
                    animals,
                    stores,
                } => {
                    let joins = forces
                        .iter_mut()
                        .find(|f| f.in_field() && f.answers_to(to.as_deref()));
                    if let Some(mut f) = joins {
                        f.column.men.infantry = f.column.men.infantry.saturating_add(men.infantry);
                        f.column.men.cavalry = f.column.men.cavalry.saturating_add(men.cavalry);
                        f.ledger.men_in = f.ledger.men_in.saturating_add(men.total());
                        for kind in AnimalKind::ALL {
                            *f.column.animals.get_mut(kind) = f
                                .column
                                .animals
                                .get_mut(kind)
                                .saturating_add(*animals.get(kind));
                            *f.ledger.animals_in.get_mut(kind) = f
                                .ledger
                                .animals_in
                                .get_mut(kind)
                                .saturating_add(*animals.get(kind));
                        }
                        f.stores.grain += stores.grain_t.kg();
                        f.stores.fodder += stores.fodder_t.kg();
                        f.stores.water += stores.water_m3.litres();
                        events.write(SimEvent::Reinforced {
                            force: f.entity,
                            effect: at,
                        });
                    }
                }
                Effect::Ally {
                    name,
                    to,
                    men,
                    cavalry_share,
                    commitment,
                } => {
                    let joins = forces
                        .iter_mut()
                        .find(|f| f.in_field() && f.answers_to(to.as_deref()));
                    if let Some(mut f) = joins {
                        f.retinue.allies.push(Allies {
                            name: name.clone(),
                            men: *men,
                            cavalry_share: *cavalry_share,
                            commitment: commitment.clamp(0.0, 1.0),
                        });
                        events.write(SimEvent::AlliesJoined {
                            force: f.entity,
                            effect: at,
                        });
                    }
                }
                Effect::CloseRoute(a, b) | Effect::OpenRoute(a, b) => {
                    let close = matches!(effect, Effect::CloseRoute(..));
                    if let (Some(&a), Some(&b)) = (index.places.get(a), index.places.get(b))
                        && let Some(r) = index.route_between(a, b)
                        && let Ok(mut route) = routes.get_mut(r)
                    {
                        route.blocked = close;
                        events.write(SimEvent::RouteChanged {
                            from: a,
                            to: b,
                            closed: close,
                        });
                    }
                }
                Effect::Relation(state, relation) => {
                    if let Some(&e) = index.states.get(state)
                        && let Ok((_, mut s)) = states.get_mut(e)
                    {
                        s.relation = match relation {
                            RelationDef::Unmet => Relation::Unmet,
                            RelationDef::Submitted => Relation::Submitted,
                            RelationDef::Refused => Relation::Refused,
                            RelationDef::Trading => Relation::Trading,
                            RelationDef::Hosts => Relation::Hosts,
                        };
                    }
                }
                Effect::Capture { force, by } => {
                    let place = index
                        .states
                        .get(by)
                        .and_then(|&e| states.get(e).ok().map(|(e, s)| (e, s.place)));
                    if let Some((by, place)) = place
                        && let Some(mut f) = forces
                            .iter_mut()
                            .find(|f| f.in_field() && f.force.name.eq_ignore_ascii_case(force))
                    {
                        let resume = match *f.location {
                            super::map::Location::OnRoute { to, .. } => Some(to),
                            super::map::Location::At(_) => None,
                        };
                        *f.location = super::map::Location::At(place);
                        *f.activity = Activity::Held { by, resume };
                        events.write(SimEvent::Seized {
                            force: f.entity,
                            by,
                            killed: 0,
                        });
                    }
                }
                Effect::Release(force) => {
                    if let Some(mut f) = forces
                        .iter_mut()
                        .find(|f| f.in_field() && f.force.name.eq_ignore_ascii_case(force))
                        && let Activity::Held { by, .. } = *f.activity
                    {
                        *f.activity = Activity::Idle;
                        let men = f.column.men.total();
                        events.write(SimEvent::Escaped {
                            force: f.entity,
                            from: by,
                            men,
                        });
                    }
                }
                Effect::KillLeader(state) => {
                    if let Some(&e) = index.states.get(state)
                        && let Ok((_, mut s)) = states.get_mut(e)
                        && s.leader.is_some()
                        && s.leader_fate.is_none()
                    {
                        s.leader_fate = Some(LeaderFate::Killed);
                        events.write(SimEvent::LeaderFell {
                            state: e,
                            killed: true,
                        });
                        for goal in super::objectives::leader_fell(&mut status, e, day) {
                            events.write(SimEvent::GoalMet { goal });
                        }
                    }
                }
                Effect::WoundLeader(state) => {
                    if let Some(&e) = index.states.get(state)
                        && let Ok((_, mut s)) = states.get_mut(e)
                        && s.wound_leader(rules.siege.leader_wound_morale)
                    {
                        events.write(SimEvent::LeaderWounded { state: e });
                    }
                }
                Effect::SendForce { force, to } => {
                    let season = calendar.season();
                    let sent = forces.iter().find(|f| {
                        !f.standing.merged
                            && f.column.men.total() > 0
                            && !matches!(*f.activity, Activity::Held { .. })
                            && f.force.name.eq_ignore_ascii_case(force)
                    });
                    let (Some(f), Some(&goal)) = (sent, index.places.get(to)) else {
                        continue;
                    };
                    let from = match *f.location {
                        super::map::Location::At(p) => p,
                        super::map::Location::OnRoute { to, .. } => to,
                    };
                    let open = |r: Entity| routes.get(r).ok().and_then(|r| r.if_open(season));
                    let (entity, Some(path)) = (f.entity, index.shortest_path(from, goal, open))
                    else {
                        continue;
                    };
                    if let Ok(mut queue) = orders.get_mut(entity) {
                        queue.clear();
                        for p in path {
                            if let Ok(place) = places.get(p) {
                                queue.push(crate::scenario::types::PlanStep::March(
                                    place.id.clone(),
                                ));
                            }
                        }
                        events.write(SimEvent::ForceSent {
                            force: entity,
                            to: goal,
                        });
                    }
                }
                Effect::Levy { state, force } => {
                    let Some((e, place, feeds)) = index.states.get(state).and_then(|&e| {
                        states
                            .get(e)
                            .ok()
                            .map(|(_, s)| (e, s.place, s.relation.supplies()))
                    }) else {
                        continue;
                    };
                    if !feeds {
                        events.write(SimEvent::LevyRefused { state: e });
                        continue;
                    }
                    let entity = raise(
                        &mut commands,
                        (rules, &places),
                        force,
                        place,
                        (&mut raised, &forces),
                    );
                    events.write(SimEvent::Levied {
                        state: e,
                        force: entity,
                        men: force.men.total(),
                    });
                }
                Effect::Contingent(force) => {
                    if let Some(&place) = index.places.get(&force.at) {
                        let entity = raise(
                            &mut commands,
                            (rules, &places),
                            force,
                            place,
                            (&mut raised, &forces),
                        );
                        events.write(SimEvent::ContingentArrived {
                            force: entity,
                            at: place,
                            men: force.men.total(),
                        });
                    }
                }
                Effect::Raid {
                    men,
                    cavalry_share,
                    force,
                    takes,
                    spoils,
                    ..
                } => {
                    let target = forces.iter_mut().find(|f| {
                        f.in_field()
                            && force
                                .as_ref()
                                .is_none_or(|n| f.force.name.eq_ignore_ascii_case(n))
                    });
                    if let Some(mut f) = target {
                        let raiders = battle::Enemy::in_the_open(*men, *cavalry_share);
                        let mut w = strike::World {
                            rules,
                            prestige: &mut prestige,
                            rng: &mut rng,
                            events: &mut events,
                        };
                        strike::raid(&mut w, &mut f, raiders, (*takes, spoils), at);
                    }
                }
                Effect::EnemyForce {
                    at: place,
                    aim,
                    force,
                    ..
                } => {
                    let hunts = force.as_ref().and_then(|n| {
                        forces
                            .iter()
                            .find(|f| f.force.name.eq_ignore_ascii_case(n))
                            .map(|f| f.entity)
                    });
                    let relieves = match aim {
                        EnemyAim::Relieve(state) => index.states.get(state).copied(),
                        _ => None,
                    };
                    let foe = index.places.get(place).and_then(|&p| {
                        enemy::raise(
                            rules,
                            enemy::Raised {
                                effect: at,
                                def: effect,
                                at: p,
                                hunts,
                                relieves,
                            },
                        )
                        .map(|e| (p, e))
                    });
                    if let Some((p, foe)) = foe {
                        events.write(SimEvent::EnemyInField {
                            enemy: at,
                            at: p,
                            men: foe.men,
                        });
                        commands.spawn(foe);
                    }
                }
                Effect::Relief {
                    state,
                    men,
                    cavalry_share,
                    days,
                    ..
                } => {
                    if let Some(&e) = index.states.get(state) {
                        log.reliefs.push(PendingRelief {
                            effect: at,
                            state: e,
                            men: *men,
                            cavalry_share: *cavalry_share,
                            due: day + days,
                        });
                        events.write(SimEvent::ReliefComing(at));
                    }
                }
            }
        }
    }
    // Relief armies that are due.
    let due: Vec<PendingRelief> = log
        .reliefs
        .iter()
        .filter(|r| r.due <= day)
        .cloned()
        .collect();
    log.reliefs.retain(|r| r.due > day);
    for relief in due {
        let besieger = forces.iter_mut().find(
            |f| matches!(*f.activity, Activity::Besieging { state, .. } if state == relief.state),
        );
        let Some(mut force) = besieger else {
            events.write(SimEvent::ReliefFoundNoSiege(relief.effect));
            continue;
        };
        let Ok((entity, mut state)) = states.get_mut(relief.state) else {
            continue;
        };
        let enemy = battle::Enemy::in_the_open(relief.men, relief.cavalry_share);
        let mut w = strike::World {
            rules,
            prestige: &mut prestige,
            rng: &mut rng,
            events: &mut events,
        };
        strike::fall_on_besieger(
            &mut w,
            &mut force,
            (entity, &mut state),
            (enemy, relief.effect),
            true,
        );
    }
}

/// Spawns a force raised by an event at `place`, with its own supply and plan; its column is
/// named after the place, and it takes the next number in the order of raising.
fn raise(
    commands: &mut Commands,
    (rules, places): (&crate::scenario::types::Rules, &Query<&super::map::Place>),
    force: &crate::scenario::types::ForceDef,
    place: Entity,
    (raised, forces): (&mut Option<u32>, &Query<ForceMut>),
) -> Entity {
    let raised = raised.get_or_insert_with(|| forces.iter().count() as u32);
    let name = places.get(place).map_or(String::new(), |p| p.name.clone());
    let contingent = super::raise::new_force(rules, force, place, name, *raised);
    *raised += 1;
    let plan = force.plan.clone().unwrap_or_default();
    commands
        .spawn((contingent.bundle(), super::force::Orders::following(plan)))
        .id()
}
