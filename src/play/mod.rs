//! Playing a campaign: orders given to forces (checked, and refused with a reason when they
//! can't be carried out), turns that resolve day by day until the next decision is needed, and
//! the record of actions that saves and replays are made of.
//!
//! Orders are the same plan steps the historical plan uses, queued on a force; the simulation
//! carries them out (see [`crate::ai::historical::follow_plan`]). A game is its scenario, its
//! seed and its list of [`Action`]s: replaying the actions reproduces it exactly.

pub mod text;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::report::{self, CampaignReport};
use crate::scenario::Scenario;
use crate::scenario::types::{DetachSize, PlanStep};
use crate::sim::components::*;
use crate::sim::rules::{capacity_kg, daily_need, force_pace};
use crate::sim::{self, Commander, advance_day};

/// An order to a force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Order {
    /// A step queued on the force (march, rest, ask, besiege, split, …).
    Step(PlanStep),
    /// Slaughter so many oxen for meat now.
    Slaughter(u32),
    /// Accept (true) or refuse the terms of the siege the force presses or will press next.
    Terms(bool),
    /// Take back the orders queued and not yet begun.
    Cancel,
}

/// How far to resolve the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Advance {
    /// Until the next decision is needed.
    Turn,
    /// So many days.
    Days(u32),
}

/// One thing the player did: the unit of saves and replays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// An order to the named force (or a detachment ordered to split off).
    Order {
        /// The force's name.
        force: String,
        /// The order.
        order: Order,
    },
    /// The world resolved.
    Advance(Advance),
}

/// What a turn brought.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnSummary {
    /// Days that passed.
    pub days: u32,
    /// Why the turn stopped.
    pub why: String,
    /// The chronicle of those days.
    pub log: Vec<ChronicleEntry>,
}

/// The most days one turn resolves before it hands back to the player.
pub const MAX_TURN_DAYS: u32 = 60;
/// A force with fewer days of grain or water than this is in trouble.
pub const LOW_DAYS: f64 = 3.0;

/// A force, as the player sees it.
#[derive(Debug, Clone)]
pub struct ForceView {
    /// Its entity.
    pub entity: Entity,
    /// Its state.
    pub force: Force,
    /// Its queued orders.
    pub queued: Vec<PlanStep>,
}

/// Days of grain, fodder and water a force carries.
pub fn supply_days(rules: &crate::scenario::types::Rules, f: &Force) -> (f64, f64, f64) {
    let need = daily_need(rules, f.men.total(), f.men.cavalry, &f.animals);
    let per = |have: f64, need: f64| {
        if need > 0.0 {
            have / need
        } else {
            f64::INFINITY
        }
    };
    let feed: f64 = crate::sim::rules::AnimalKind::ALL
        .iter()
        .map(|k| *need.feed_kg.get(*k))
        .sum();
    (
        per(f.stores.grain_kg + f.stores.meat_kg, need.men_grain_kg),
        per(f.stores.fodder_kg, feed),
        per(f.stores.water_l, need.water_l()),
    )
}

/// What a force is doing, in a few words.
pub fn doing(v: &ForceView) -> String {
    let f = &v.force;
    match f.activity {
        Activity::Idle if f.homeward => "homeward".to_string(),
        Activity::Idle if !v.queued.is_empty() => "orders given".to_string(),
        Activity::Idle => "awaiting orders".to_string(),
        Activity::Marching { .. } => "marching".to_string(),
        Activity::Resting { days_left } => format!("resting {days_left}d"),
        Activity::Besieging { days, .. } => format!("besieging, day {days}"),
        Activity::Waiting { days_left, .. } => format!("waiting {days_left}d"),
        Activity::Joining { .. } => "waiting to join".to_string(),
        _ => "busy".to_string(),
    }
}

/// A game in progress: a scenario, a seed, the world, and what the player has done.
pub struct Game {
    /// The scenario.
    pub scenario: Scenario,
    /// The seed.
    pub seed: u64,
    /// The simulation.
    pub app: App,
    /// Everything done so far, in order.
    pub actions: Vec<Action>,
}

impl Game {
    /// A new game of `scenario` with `seed`, the player in command.
    pub fn new(scenario: Scenario, seed: u64) -> Self {
        Self::commanded_by(scenario, seed, Commander::Player)
    }

    /// A new game of `scenario` with `seed` under `commander` (the historical plan or the AI, to
    /// watch).
    pub fn commanded_by(scenario: Scenario, seed: u64, commander: Commander) -> Self {
        let app = sim::headless_app_for(&scenario, seed, commander);
        Game {
            scenario,
            seed,
            app,
            actions: Vec::new(),
        }
    }

    /// Replays `actions` on a new game. Fails, naming the action, if one no longer applies.
    pub fn replay(scenario: Scenario, seed: u64, actions: &[Action]) -> Result<Self, String> {
        Self::replay_as(scenario, seed, Commander::Player, actions)
    }

    /// Replays `actions` on a new game under `commander`.
    pub fn replay_as(
        scenario: Scenario,
        seed: u64,
        commander: Commander,
        actions: &[Action],
    ) -> Result<Self, String> {
        let mut game = Game::commanded_by(scenario, seed, commander);
        for (i, action) in actions.iter().enumerate() {
            match action {
                Action::Order { force, order } => {
                    game.give(force, order.clone())
                        .map_err(|why| format!("action {} ({force}): {why}", i + 1))?;
                }
                Action::Advance(advance) => {
                    game.advance(*advance);
                }
            }
        }
        Ok(game)
    }

    /// The world.
    pub fn world(&mut self) -> &mut World {
        self.app.world_mut()
    }

    /// How the campaign ended, if it has.
    pub fn ended(&self) -> Option<Outcome> {
        self.app.world().resource::<CampaignStatus>().ended
    }

    /// Today's date for people.
    pub fn date(&self) -> String {
        self.app.world().resource::<Calendar>().describe()
    }

    /// The forces still in the field (not merged, not destroyed), in the order they were raised.
    pub fn forces(&mut self) -> Vec<ForceView> {
        let world = self.app.world_mut();
        let mut q = world.query::<(Entity, &Force, &Plan)>();
        let mut out: Vec<ForceView> = q
            .iter(world)
            .filter(|(_, f, _)| !f.merged && f.men.total() > 0)
            .map(|(e, f, p)| ForceView {
                entity: e,
                force: f.clone(),
                queued: p.queued.iter().cloned().collect(),
            })
            .collect();
        out.sort_by_key(|v| v.force.raised);
        out
    }

    /// A place's name.
    pub fn place_name(&self, e: Entity) -> String {
        self.app
            .world()
            .get::<Place>(e)
            .map_or(String::new(), |p| p.name.clone())
    }

    /// The place an id or a name (or the start of one, any case) refers to.
    pub fn find_place(&self, text: &str) -> Result<(Entity, String), String> {
        let index = self.app.world().resource::<MapIndex>();
        if let Some(&e) = index.places.get(text) {
            return Ok((e, text.to_string()));
        }
        let lower = text.to_lowercase();
        let mut hits: Vec<(Entity, String)> = index
            .places
            .iter()
            .filter(|(id, e)| {
                id.starts_with(&lower) || self.place_name(**e).to_lowercase().starts_with(&lower)
            })
            .map(|(id, e)| (*e, id.clone()))
            .collect();
        match hits.len() {
            1 => Ok(hits.remove(0)),
            0 => {
                let ids: Vec<&str> = index.places.keys().map(String::as_str).collect();
                let hint = crate::scenario::validate::did_you_mean(&lower, ids)
                    .map(|m| format!("; did you mean '{m}'?"))
                    .unwrap_or_default();
                Err(format!("no place called '{text}'{hint}"))
            }
            _ => Err(format!(
                "'{text}' could be {}",
                hits.iter()
                    .map(|(_, id)| id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Where a force will be once its queued marches are done, and whether it is in the field.
    fn projected_place(&self, view: &ForceView) -> Option<Entity> {
        let index = self.app.world().resource::<MapIndex>();
        let mut at = match (view.force.location, view.force.activity) {
            (Location::At(p), _) => Some(p),
            (_, Activity::Marching { to }) => Some(to),
            _ => None,
        };
        for step in &view.queued {
            if let PlanStep::March(id) = step {
                at = index.places.get(id).copied();
            }
        }
        at
    }

    /// The force called `name` (any case; the start of a name will do), or the reason there is none.
    fn find_force(&mut self, name: &str) -> Result<ForceView, String> {
        let forces = self.forces();
        let lower = name.to_lowercase();
        let exact = forces.iter().find(|v| v.force.name.to_lowercase() == lower);
        let found = exact.or_else(|| {
            let starts: Vec<&ForceView> = forces
                .iter()
                .filter(|v| v.force.name.to_lowercase().starts_with(&lower))
                .collect();
            (starts.len() == 1).then(|| starts[0])
        });
        found.cloned().ok_or_else(|| {
            let names: Vec<&str> = forces.iter().map(|v| v.force.name.as_str()).collect();
            format!(
                "no force in the field called '{name}'; the forces are: {}",
                names.join(", ")
            )
        })
    }

    /// The state whose capital is at `place`, if any.
    fn state_at(&self, place: Entity) -> Option<OasisState> {
        let index = self.app.world().resource::<MapIndex>();
        index
            .state_at
            .get(&place)
            .and_then(|e| self.app.world().get::<OasisState>(*e))
            .cloned()
    }

    /// Checks an order for a force; the reason if it can't be carried out.
    pub fn check(&mut self, force: &str, order: &Order) -> Result<ForceView, String> {
        if self.ended().is_some() {
            return Err("the campaign is over".to_string());
        }
        let view = self.find_force(force)?;
        let rules = self.scenario.rules.clone();
        let name = view.force.name.clone();
        if view.force.homeward && matches!(order, Order::Step(s) if *s != PlanStep::Return) {
            return Err(format!(
                "{name} is on the road home and takes no more orders"
            ));
        }
        let here = self.projected_place(&view);
        let here_name = here.map_or_else(|| "the road".to_string(), |p| self.place_name(p));
        let needs_state = |game: &Game, verb: &str| -> Result<OasisState, String> {
            here.and_then(|p| game.state_at(p))
                .ok_or_else(|| format!("there is no state at {here_name} to {verb}"))
        };
        match order {
            Order::Step(step) => match step {
                PlanStep::March(to) => {
                    let Some(from) = here else {
                        return Err(format!("{name} is between places; give orders on arrival"));
                    };
                    let (to, _) = self.find_place(to)?;
                    self.check_march(&view, &rules, from, to)?;
                }
                PlanStep::Rest(days) | PlanStep::WaitFor { days, .. } if *days == 0 => {
                    return Err("rest for at least one day".to_string());
                }
                PlanStep::Rest(_) | PlanStep::Return => {}
                PlanStep::Request => {
                    let s = needs_state(self, "ask for supplies")?;
                    if matches!(s.relation, Relation::Conquered | Relation::Submitted) {
                        return Err(format!("{} already supplies the army", s.name));
                    }
                }
                PlanStep::Gift(bolts) => {
                    needs_state(self, "give gifts to")?;
                    if *bolts == 0 || view.force.treasure_cash <= 0.0 {
                        return Err(format!("{name} has no silk or gold to give"));
                    }
                }
                PlanStep::Requisition => {
                    needs_state(self, "seize grain from")?;
                }
                PlanStep::Battle | PlanStep::Attack | PlanStep::Besiege { .. } => {
                    let s = needs_state(self, "fight")?;
                    if matches!(s.relation, Relation::Conquered | Relation::Submitted) {
                        return Err(format!(
                            "{} has submitted; there is no one to fight",
                            s.name
                        ));
                    }
                }
                PlanStep::Detach {
                    name: new, size, ..
                } => {
                    let bad = match size {
                        DetachSize::Share(x) => !(*x > 0.0 && *x < 1.0),
                        DetachSize::Men(n) => *n == 0 || *n >= view.force.men.total(),
                    };
                    if bad {
                        return Err(format!(
                            "a detachment takes a share between 0 and 1, or fewer men than the {} {name} has",
                            view.force.men.total()
                        ));
                    }
                    if self.find_force(new).is_ok() || self.pending_detachment(new).is_some() {
                        return Err(format!("there is already a force called '{new}'"));
                    }
                }
                PlanStep::Join(other) | PlanStep::WaitFor { force: other, .. } => {
                    let other = self
                        .find_force(other)
                        .map(|v| v.force.name)
                        .or_else(|e| self.pending_detachment(other).map(|(n, _)| n).ok_or(e))?;
                    if other == name {
                        return Err(format!("{name} cannot wait for or join itself"));
                    }
                }
            },
            Order::Slaughter(n) => {
                if *n == 0 || *n > view.force.animals.oxen {
                    return Err(format!(
                        "{name} has {} oxen; slaughter between 1 and that many",
                        view.force.animals.oxen
                    ));
                }
            }
            Order::Cancel => {
                if view.force.homeward {
                    return Err(format!(
                        "{name} is on the road home; its road cannot be taken back"
                    ));
                }
                if view.queued.is_empty() {
                    return Err(format!("{name} has no orders waiting"));
                }
            }
            Order::Terms(_) => {
                let besieging = matches!(view.force.activity, Activity::Besieging { .. })
                    || view
                        .queued
                        .iter()
                        .any(|s| matches!(s, PlanStep::Besiege { .. }));
                if !besieging {
                    return Err(format!("{name} is not besieging any city"));
                }
            }
        }
        Ok(view)
    }

    /// Whether the force can get across the leg from `from` to `to`: a route must join them, and
    /// the men must be able to carry water for its waterless stretch at their pace.
    fn check_march(
        &mut self,
        view: &ForceView,
        rules: &crate::scenario::types::Rules,
        from: Entity,
        to: Entity,
    ) -> Result<(), String> {
        let world = self.app.world_mut();
        let index = world.resource::<MapIndex>().clone();
        let leg = index.routes_from.get(&from).and_then(|rs| {
            rs.iter()
                .filter_map(|r| world.get::<Route>(*r))
                .find(|r| r.other(from) == to)
                .cloned()
        });
        let (from_name, to_name) = (self.place_name(from), self.place_name(to));
        let Some(leg) = leg else {
            let neighbours: Vec<String> = index
                .routes_from
                .get(&from)
                .into_iter()
                .flatten()
                .filter_map(|r| self.app.world().get::<Route>(*r))
                .map(|r| self.place_name(r.other(from)))
                .collect();
            return Err(format!(
                "no route from {from_name} to {to_name}; from {from_name} roads lead to {}",
                neighbours.join(", ")
            ));
        };
        let f = &view.force;
        let pace = force_pace(rules, f, leg.terrain);
        let dry_days = leg.dry_days(pace);
        if dry_days > 0.0 {
            // By the time it reaches the dry stretch (in the middle of the leg) the force has eaten
            // some of its grain, and can fill that room with water where the road is watered.
            let need = daily_need(rules, f.men.total(), f.men.cavalry, &f.animals);
            let days_to_dry = if pace > 0.0 {
                leg.dry_from_km / pace
            } else {
                0.0
            };
            let eaten = (days_to_dry * need.men_grain_kg).min(f.stores.grain_kg);
            let room = (capacity_kg(rules, &f.men, &f.animals) - f.stores.weight_kg()).max(0.0);
            let men_days = (f.stores.water_l + room + eaten) / need.men_water_l.max(1e-9);
            if men_days < dry_days {
                return Err(format!(
                    "no route from {from_name} to {to_name} that {} can cross: {dry_days:.0} waterless days, water for {:.0}",
                    f.name,
                    men_days.floor()
                ));
            }
        }
        Ok(())
    }

    /// A detachment ordered to split off but not yet on its way: its name and the force it leaves.
    pub fn pending_detachment(&mut self, name: &str) -> Option<(String, Entity)> {
        let lower = name.to_lowercase();
        self.forces().into_iter().find_map(|v| {
            v.queued.iter().find_map(|s| match s {
                PlanStep::Detach { name: n, .. } if n.to_lowercase() == lower => {
                    Some((n.clone(), v.entity))
                }
                _ => None,
            })
        })
    }

    /// Gives an order: checks it, carries it out or queues it, and records it. Returns what was
    /// done, or the reason it was refused (nothing changes then). Orders to a detachment that has
    /// been ordered to split off but has not yet gone are added to its orders.
    pub fn give(&mut self, force: &str, order: Order) -> Result<String, String> {
        if self.find_force(force).is_err()
            && let Some((detachment, parent)) = self.pending_detachment(force)
        {
            return self.give_to_pending(&detachment, parent, order);
        }
        let view = self.check(force, &order)?;
        let name = view.force.name.clone();
        let done = match &order {
            Order::Step(step) => {
                let step = match step {
                    PlanStep::March(to) => PlanStep::March(self.find_place(to)?.1),
                    PlanStep::Join(other) => PlanStep::Join(self.canonical_force(other)),
                    PlanStep::WaitFor { force, days } => PlanStep::WaitFor {
                        force: self.canonical_force(force),
                        days: *days,
                    },
                    other => other.clone(),
                };
                let what = describe(&step);
                if let Some(mut plan) = self.world().get_mut::<Plan>(view.entity) {
                    plan.queued.push_back(step);
                }
                format!("{name}: {what}")
            }
            Order::Slaughter(n) => {
                let rules = self.scenario.rules.clone();
                let world = self.app.world_mut();
                if let Some(mut f) = world.get_mut::<Force>(view.entity) {
                    f.animals.oxen -= n;
                    f.ledger.animals_lost.oxen.slaughtered += n;
                    f.stores.meat_kg += f64::from(*n) * rules.meat_kg.oxen;
                }
                format!("{name} slaughters {n} oxen for meat")
            }
            Order::Cancel => {
                let n = view.queued.len();
                if let Some(mut plan) = self.world().get_mut::<Plan>(view.entity) {
                    plan.queued.clear();
                }
                let orders = if n == 1 { "order" } else { "orders" };
                format!("{name}: {n} {orders} taken back")
            }
            Order::Terms(accept) => {
                let world = self.app.world_mut();
                if let Some(mut f) = world.get_mut::<Force>(view.entity)
                    && let Activity::Besieging { accept_terms, .. } = &mut f.activity
                {
                    *accept_terms = *accept;
                }
                if let Some(mut plan) = world.get_mut::<Plan>(view.entity) {
                    for step in plan.queued.iter_mut() {
                        if let PlanStep::Besiege { accept_terms, .. } = step {
                            *accept_terms = *accept;
                        }
                    }
                }
                let word = if *accept { "accept" } else { "refuse" };
                format!("{name} will {word} the terms the city offers")
            }
        };
        self.actions.push(Action::Order {
            force: name,
            order: match order {
                Order::Step(PlanStep::March(to)) => {
                    Order::Step(PlanStep::March(self.find_place(&to)?.1))
                }
                other => other,
            },
        });
        Ok(done)
    }

    /// The exact name of a force or a pending detachment.
    fn canonical_force(&mut self, name: &str) -> String {
        self.find_force(name)
            .map(|v| v.force.name)
            .or_else(|_| self.pending_detachment(name).map(|(n, _)| n).ok_or(()))
            .unwrap_or_else(|_| name.to_string())
    }

    /// Adds an order to a detachment that is still in its parent's queue.
    fn give_to_pending(
        &mut self,
        detachment: &str,
        parent: Entity,
        order: Order,
    ) -> Result<String, String> {
        let Order::Step(step) = order.clone() else {
            return Err(format!(
                "{detachment} has not split off yet; it can only be given marching orders"
            ));
        };
        // Where the detachment will be: where its parent splits it off, then its own marches.
        let index = self.app.world().resource::<MapIndex>().clone();
        let plan = self
            .app
            .world()
            .get::<Plan>(parent)
            .cloned()
            .unwrap_or_default();
        let parent_force = self.app.world().get::<Force>(parent).cloned();
        let mut at = match parent_force.as_ref().map(|f| (f.location, f.activity)) {
            Some((Location::At(p), _)) => Some(p),
            Some((_, Activity::Marching { to })) => Some(to),
            _ => None,
        };
        for s in &plan.queued {
            match s {
                PlanStep::March(id) => at = index.places.get(id).copied(),
                PlanStep::Detach { name, plan, .. } if name == detachment => {
                    for inner in plan {
                        if let PlanStep::March(id) = inner {
                            at = index.places.get(id).copied();
                        }
                    }
                    break;
                }
                _ => {}
            }
        }
        let step = match step {
            PlanStep::March(to) => {
                let (to_e, id) = self.find_place(&to)?;
                let from = at.ok_or_else(|| format!("{detachment} has nowhere to start from"))?;
                let linked = index.routes_from.get(&from).is_some_and(|rs| {
                    rs.iter()
                        .filter_map(|r| self.app.world().get::<Route>(*r))
                        .any(|r| r.other(from) == to_e)
                });
                if !linked {
                    return Err(format!(
                        "no route from {} to {}",
                        self.place_name(from),
                        self.place_name(to_e)
                    ));
                }
                PlanStep::March(id)
            }
            PlanStep::Join(other) => PlanStep::Join(self.canonical_force(&other)),
            PlanStep::Detach { .. } => {
                return Err(format!(
                    "{detachment} must split off before it splits again"
                ));
            }
            other => other,
        };
        let what = describe(&step);
        if let Some(mut plan) = self.world().get_mut::<Plan>(parent) {
            for s in plan.queued.iter_mut() {
                if let PlanStep::Detach { name, plan, .. } = s
                    && name == detachment
                {
                    plan.push(step.clone());
                }
            }
        }
        self.actions.push(Action::Order {
            force: detachment.to_string(),
            order: Order::Step(step),
        });
        Ok(format!("{detachment} (once it splits off): {what}"))
    }

    /// Whether some force waits for orders: idle at a place with none queued.
    fn needs_orders(&mut self) -> Option<String> {
        self.forces().into_iter().find_map(|v| {
            let waiting = v.force.activity == Activity::Idle
                && matches!(v.force.location, Location::At(_))
                && v.queued.is_empty()
                && !v.force.homeward;
            waiting.then(|| format!("{} awaits orders", v.force.name))
        })
    }

    /// Resolves the world: one day, so many days, or until the next decision (an arrival, a
    /// state's answer, a battle or a sally, a siege's end, grain or water for fewer than
    /// [`LOW_DAYS`] days, a force waiting for orders), at most [`MAX_TURN_DAYS`].
    pub fn advance(&mut self, advance: Advance) -> TurnSummary {
        self.actions.push(Action::Advance(advance));
        let rules = self.scenario.rules.clone();
        let log_start = self.app.world().resource::<Chronicle>().0.len();
        let answers_start = self.app.world().resource::<StateEvents>().0.len();
        let sieges_start = self.app.world().resource::<Sieges>().0.len();
        let snapshot = |game: &mut Game| -> Vec<(String, u32, usize, bool)> {
            game.forces()
                .iter()
                .map(|v| {
                    let (grain, _, water) = supply_days(&rules, &v.force);
                    (
                        v.force.name.clone(),
                        v.force.ledger.men_lost.combat,
                        v.force.ledger.visits.len(),
                        grain < LOW_DAYS || water < LOW_DAYS,
                    )
                })
                .collect()
        };
        let before = snapshot(self);
        let limit = match advance {
            Advance::Turn => MAX_TURN_DAYS,
            Advance::Days(n) => n.max(1),
        };
        let mut days = 0;
        let mut why = String::new();
        while days < limit {
            if !advance_day(self.app.world_mut()) {
                break;
            }
            days += 1;
            if let Some(outcome) = self.ended() {
                why = format!("the campaign has ended: {}", outcome.word());
                break;
            }
            if advance != Advance::Turn {
                continue;
            }
            let world = self.app.world();
            let answers = &world.resource::<StateEvents>().0;
            if answers.len() > answers_start {
                let e = &answers[answers.len() - 1];
                why = format!("{}: {}", e.name, e.answer);
                break;
            }
            if world.resource::<Sieges>().0.len() > sieges_start {
                why = "a siege has ended".to_string();
                break;
            }
            let now = snapshot(self);
            let changed = now.iter().find_map(|(name, combat, visits, low)| {
                let old = before.iter().find(|b| &b.0 == name);
                match old {
                    None => Some(format!("{name} is on its way")),
                    Some(b) if *combat > b.1 => Some(format!("{name} has been in a fight")),
                    Some(b) if *visits > b.2 => Some(format!("{name} has arrived")),
                    Some(b) if *low && !b.3 => Some(format!("{name} is short of grain or water")),
                    _ => None,
                }
            });
            if let Some(reason) = changed.or_else(|| self.needs_orders()) {
                why = reason;
                break;
            }
        }
        if why.is_empty() {
            why = format!("{days} days have passed");
        }
        let log = self.app.world().resource::<Chronicle>().0[log_start..].to_vec();
        TurnSummary { days, why, log }
    }

    /// The campaign report as it stands.
    pub fn report(&mut self) -> CampaignReport {
        report::build(self.app.world_mut())
    }
}

/// A short description of a queued order.
pub fn describe(step: &PlanStep) -> String {
    match step {
        PlanStep::March(to) => format!("march to {to}"),
        PlanStep::Rest(d) => format!("rest {d} days"),
        PlanStep::Request => "ask the state for supplies".to_string(),
        PlanStep::Gift(b) => format!("give {b} bolts of silk"),
        PlanStep::Requisition => "seize the state's grain".to_string(),
        PlanStep::Battle => "meet the state's army in the field".to_string(),
        PlanStep::Attack => "storm the city".to_string(),
        PlanStep::Besiege {
            days,
            assault_from,
            accept_terms,
        } => {
            let assault =
                assault_from.map_or(String::new(), |d| format!(", assaults from day {d}"));
            let terms = if *accept_terms {
                "accepting terms"
            } else {
                "refusing terms"
            };
            format!("besiege the city for up to {days} days{assault}, {terms}")
        }
        PlanStep::Detach { name, size, .. } => match size {
            DetachSize::Share(x) => format!("send off {name} with {:.0}% of the army", x * 100.0),
            DetachSize::Men(n) => format!("send off {name} with {n} men"),
        },
        PlanStep::Join(f) => format!("join {f}"),
        PlanStep::WaitFor { force, days } => format!("wait up to {days} days for {force}"),
        PlanStep::Return => "go home".to_string(),
    }
}
