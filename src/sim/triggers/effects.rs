//! What a scenario's event does when it fires: each [`Effect`] carried out on the world, through
//! [`Effects`], the part of the events' phase it may touch.

use bevy::prelude::*;

use super::PendingRelief;
use crate::scenario::types::{AnimalKind, Effect, EnemyAim, ForceDef, RelationDef, Rules};
use crate::sim::battle;
use crate::sim::calendar::Calendar;
use crate::sim::campaign::{CampaignStatus, Prestige};
use crate::sim::enemy::{self, strike};
use crate::sim::force::{Activity, Allies, ForceMut, Orders};
use crate::sim::log::{EffectRef, SimEvent};
use crate::sim::map::{Location, MapIndex, Place, Route};
use crate::sim::prestige::change_prestige;
use crate::sim::random::SimRng;
use crate::sim::state::{LeaderFate, OasisState, Relation};

/// What the events' phase lends an event's effects: the rules and the map to read, and the
/// forces, states, roads, orders, prestige, dice and chronicle they change.
pub(super) struct Effects<'a, 'w, 's> {
    /// The scenario's rules.
    pub rules: &'a Rules,
    /// The map's names.
    pub index: &'a MapIndex,
    /// Today.
    pub calendar: &'a Calendar,
    /// The forces.
    pub forces: &'a mut Query<'w, 's, ForceMut>,
    /// The oasis states.
    pub states: &'a mut Query<'w, 's, (Entity, &'static mut OasisState)>,
    /// The roads (closed and opened).
    pub routes: &'a mut Query<'w, 's, &'static mut Route>,
    /// The places (named).
    pub places: &'a Query<'w, 's, &'static Place>,
    /// The forces' orders (a force sent somewhere).
    pub orders: &'a mut Query<'w, 's, &'static mut Orders>,
    /// Forces and enemies raised.
    pub commands: &'a mut Commands<'w, 's>,
    /// The Han's prestige.
    pub prestige: &'a mut Prestige,
    /// The dice.
    pub rng: &'a mut SimRng,
    /// The campaign's goals.
    pub status: &'a mut CampaignStatus,
    /// Relief armies on their way.
    pub reliefs: &'a mut Vec<PendingRelief>,
    /// The day's events.
    pub events: &'a mut MessageWriter<'w, SimEvent>,
    /// Forces raised today, numbered after those already in the world (counted when one is).
    pub raised: Option<u32>,
}

impl Effects<'_, '_, '_> {
    /// Carries out `effect`, the scenario's effect `at`.
    pub(super) fn apply(&mut self, effect: &Effect, at: EffectRef) {
        let Effects {
            rules,
            index,
            calendar,
            ref mut forces,
            ref mut states,
            ref mut routes,
            places,
            ref mut orders,
            ref mut commands,
            ref mut prestige,
            ref mut rng,
            ref mut status,
            ref mut reliefs,
            ref mut events,
            ref mut raised,
        } = *self;
        let day = calendar.day;
        match effect {
            Effect::Message(_) => {
                events.write(SimEvent::ScenarioMessage(at));
            }
            Effect::Prestige(delta) => {
                change_prestige(prestige, *delta, events);
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
                        Location::OnRoute { to, .. } => Some(to),
                        Location::At(_) => None,
                    };
                    *f.location = Location::At(place);
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
                    for goal in crate::sim::objectives::leader_fell(status, e, day) {
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
                    return;
                };
                let from = match *f.location {
                    Location::At(p) => p,
                    Location::OnRoute { to, .. } => to,
                };
                let open = |r: Entity| routes.get(r).ok().and_then(|r| r.if_open(season));
                let (entity, Some(path)) = (f.entity, index.shortest_path(from, goal, open)) else {
                    return;
                };
                if let Ok(mut queue) = orders.get_mut(entity) {
                    queue.clear();
                    for p in path {
                        if let Ok(place) = places.get(p) {
                            queue.push(crate::scenario::types::PlanStep::March(place.id.clone()));
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
                    return;
                };
                if !feeds {
                    events.write(SimEvent::LevyRefused { state: e });
                    return;
                }
                let entity = raise(commands, rules, force, place, (raised, forces));
                events.write(SimEvent::Levied {
                    state: e,
                    force: entity,
                    men: force.men.total(),
                });
            }
            Effect::Contingent(force) => {
                if let Some(&place) = index.places.get(&force.at) {
                    let entity = raise(commands, rules, force, place, (raised, forces));
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
                        prestige,
                        rng,
                        events,
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
                    reliefs.push(PendingRelief {
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

/// Spawns a force raised by an event at `place` (a levy at its state's city, whatever its `at`
/// says), with its own supply and plan; it takes the next number in the order of raising.
fn raise(
    commands: &mut Commands,
    rules: &Rules,
    force: &ForceDef,
    place: Entity,
    (raised, forces): (&mut Option<u32>, &Query<ForceMut>),
) -> Entity {
    let raised = raised.get_or_insert_with(|| forces.iter().count() as u32);
    let contingent = crate::sim::raise::new_force(rules, force, place, *raised);
    *raised += 1;
    let plan = force.plan.clone().unwrap_or_default();
    commands
        .spawn((contingent.bundle(), Orders::following(plan)))
        .id()
}
