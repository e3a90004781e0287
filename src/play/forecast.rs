//! What orders will cost before they are given: the simulation itself run ahead, not a second
//! formula. The campaign so far is replayed in games of their own, the orders are given there,
//! and each game plays on (its draws from streams of its own, so that a forecast tells nothing of
//! the draws to come) until the force has carried out its queue; every leg's days, nights on the
//! waterless stretch and what the force has on arrival are the median of those runs ahead.

use bevy::prelude::*;

use super::{Game, Order, Played, view, words};
use crate::scenario::types::PlanStep;
use crate::scenario::units::{Kg, Litres};
use crate::sim::force::{Activity, Column, Orders, Stores};
use crate::sim::log::{Chronicle, SimEvent};
use crate::sim::map::{Location, MapIndex, Place, Route};
use crate::sim::{self, ActiveScenario, Calendar, CampaignStatus, Commander};

/// How many runs ahead a forecast takes the median of.
pub const RUNS_AHEAD: u64 = 9;

/// The most days a forecast looks ahead.
pub const MAX_DAYS_AHEAD: u32 = 365;

/// What a force has at some moment.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Holding {
    /// The campaign's day.
    pub day: u32,
    /// Men.
    pub men: u32,
    /// Horses.
    pub horses: u32,
    /// Oxen, donkeys and camels.
    pub other_animals: u32,
    /// Grain.
    pub grain: Kg,
    /// Fodder.
    pub fodder: Kg,
    /// Water.
    pub water: Litres,
    /// Days of food (grain, and meat at its grain equivalent) at the day's need.
    pub food_days: f64,
    /// Days of fodder.
    pub fodder_days: f64,
    /// Days of water.
    pub water_days: f64,
}

/// One march of the path ahead.
#[derive(Debug, Clone, PartialEq)]
pub struct Leg {
    /// Where it sets out from (the place's name).
    pub from: String,
    /// Where it arrives.
    pub to: String,
    /// Where it arrives: the place's id.
    pub to_id: String,
    /// The day it sets out.
    pub sets_out: u32,
    /// Days from setting out to arriving.
    pub days: u32,
    /// Nights camped on a waterless stretch.
    pub dry_camps: u32,
    /// Men who died of hunger or thirst on the way.
    pub starved: u32,
    /// Animals that died of hunger or thirst on the way.
    pub animals_starved: u32,
    /// Whether its food ran out on the way (less than a day's), or its water on a waterless
    /// stretch.
    pub ran_short: bool,
    /// What the force has on arrival.
    pub arrives: Holding,
}

/// Whether a force can reach the far end of a road on what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// It arrives without running short.
    Enough,
    /// It runs short on the way, or loses a few men or animals to hunger or thirst.
    Marginal,
    /// It loses more than one man or animal in a hundred to hunger or thirst, or does not arrive.
    Not,
}

impl Verdict {
    /// The verdict on a march forecast as `leg` (none: the force did not arrive).
    pub fn of(leg: Option<&Leg>, set_out_with: &Holding) -> Verdict {
        let Some(leg) = leg else {
            return Verdict::Not;
        };
        let animals = set_out_with
            .horses
            .saturating_add(set_out_with.other_animals);
        if u64::from(leg.starved) * 100 > u64::from(set_out_with.men)
            || u64::from(leg.animals_starved) * 100 > u64::from(animals)
        {
            Verdict::Not
        } else if leg.ran_short || leg.starved > 0 || leg.animals_starved > 0 {
            Verdict::Marginal
        } else {
            Verdict::Enough
        }
    }

    /// In a word.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Enough => "enough",
            Verdict::Marginal => "marginal",
            Verdict::Not => "not enough",
        }
    }
}

/// One road out of the place where a force's orders leave it, and whether it can reach the far
/// end on what it will carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    /// The place the road leaves from.
    pub from: Entity,
    /// The road.
    pub route: Entity,
    /// The place at its far end (the id).
    pub to: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The march forecast (none if most runs ahead did not arrive).
    pub leg: Option<Leg>,
}

/// What a force's orders will cost: the median of [`RUNS_AHEAD`] runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The force.
    pub force: String,
    /// What it has now.
    pub now: Holding,
    /// Each march, in order.
    pub legs: Vec<Leg>,
    /// What it has when its orders are done (or when the forecast stops looking).
    pub end: Holding,
    /// Whether the orders are done within [`MAX_DAYS_AHEAD`] days (the force idle with none left).
    pub done: bool,
}

/// What `force` has now, in `world`.
pub fn holding(world: &World, force: Entity) -> Holding {
    let rules = &world.resource::<ActiveScenario>().0.rules;
    let day = world.resource::<Calendar>().day;
    let (Some(column), Some(stores)) = (world.get::<Column>(force), world.get::<Stores>(force))
    else {
        return Holding {
            day,
            ..Holding::default()
        };
    };
    let (food_days, fodder_days, water_days) = view::supply_days(rules, column, stores);
    let a = &column.animals;
    Holding {
        day,
        men: column.men.total(),
        horses: a.horses,
        other_animals: a.oxen.saturating_add(a.donkeys).saturating_add(a.camels),
        grain: stores.grain,
        fodder: stores.fodder,
        water: stores.water,
        food_days,
        fodder_days,
        water_days,
    }
}

/// One run ahead: the legs marched and what the force has at the end.
struct RunAhead {
    legs: Vec<Leg>,
    end: Holding,
    done: bool,
}

/// What a march has cost so far: where and when it set out, nights without water, the dead of
/// hunger and thirst, and whether food or water ran out.
#[derive(Default)]
struct LegSoFar {
    set_out: Option<(u32, Entity)>,
    dry_camps: u32,
    starved: u32,
    animals_starved: u32,
    ran_short: bool,
}

impl LegSoFar {
    /// A march begun from `place` on `day`, nothing spent yet.
    fn from(day: u32, place: Entity) -> Self {
        LegSoFar {
            set_out: Some((day, place)),
            ..LegSoFar::default()
        }
    }
}

/// Plays `world` on until the force called `name` has carried out its orders, the campaign ends,
/// the force leaves the field, or [`MAX_DAYS_AHEAD`] days have passed.
fn run_ahead(world: &mut World, name: &str) -> RunAhead {
    let mut legs = Vec::new();
    let mut force = view::find_force(world, name);
    let mut leg = LegSoFar::default();
    let mut end = force.map(|f| holding(world, f)).unwrap_or_default();
    let mut done = false;
    for _ in 0..MAX_DAYS_AHEAD {
        let Some(f) = force else { break };
        let idle = matches!(world.get::<Activity>(f), Some(Activity::Idle))
            && world.get::<Orders>(f).is_none_or(|o| o.queued().is_empty());
        if idle {
            done = true;
            break;
        }
        let day = world.resource::<Calendar>().day;
        if let Some(Location::At(here)) = world.get::<Location>(f).copied() {
            leg = LegSoFar::from(day, here);
        }
        let from = world.resource::<Chronicle>().0.len();
        if !sim::advance_day(world) {
            break;
        }
        let dry = matches!(world.get::<Location>(f).copied(),
            Some(Location::OnRoute { route, km, .. })
                if world.get::<Route>(route).is_some_and(|r| !r.watered_at(km)));
        if dry {
            leg.dry_camps += 1;
        }
        end = holding(world, f);
        if end.men > 0 && (end.food_days < 1.0 || (dry && end.water_days < 1.0)) {
            leg.ran_short = true;
        }
        let mut arrivals = Vec::new();
        for l in world.resource::<Chronicle>().since(from) {
            match &l.event {
                SimEvent::Arrived { force, place, .. } if *force == f => arrivals.push(*place),
                SimEvent::MenLost { force, lost, .. } if *force == f => {
                    let dead = lost.hunger.saturating_add(lost.thirst);
                    leg.starved = leg.starved.saturating_add(dead);
                }
                SimEvent::AnimalsLost { force, lost, .. } if *force == f => {
                    let dead = lost.hunger.saturating_add(lost.thirst);
                    leg.animals_starved = leg.animals_starved.saturating_add(dead);
                }
                _ => {}
            }
        }
        for place in arrivals {
            let (sets_out, origin) = leg.set_out.unwrap_or((day, place));
            legs.push(Leg {
                from: view::place_name(world, origin),
                to: view::place_name(world, place),
                to_id: world
                    .get::<Place>(place)
                    .map_or(String::new(), |p| p.id.clone()),
                sets_out,
                days: end.day.saturating_sub(sets_out),
                dry_camps: leg.dry_camps,
                starved: leg.starved,
                animals_starved: leg.animals_starved,
                ran_short: leg.ran_short,
                arrives: end,
            });
            leg = LegSoFar::from(end.day, place);
        }
        if world.resource::<CampaignStatus>().ended.is_some() {
            break;
        }
        force = view::find_force(world, name);
    }
    RunAhead { legs, end, done }
}

/// The median of `values` (the lower middle one of an even count); 0 if there are none.
fn median<T: Copy + PartialOrd + Default>(mut values: Vec<T>) -> T {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values
        .get(values.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default()
}

/// The median holding, field by field.
fn median_holding(all: &[Holding]) -> Holding {
    let of = |f: fn(&Holding) -> f64| median(all.iter().map(f).collect());
    let count = |f: fn(&Holding) -> u32| median(all.iter().map(f).collect());
    Holding {
        day: count(|h| h.day),
        men: count(|h| h.men),
        horses: count(|h| h.horses),
        other_animals: count(|h| h.other_animals),
        grain: Kg(of(|h| h.grain.0)),
        fodder: Kg(of(|h| h.fodder.0)),
        water: Litres(of(|h| h.water.0)),
        food_days: of(|h| h.food_days),
        fodder_days: of(|h| h.fodder_days),
        water_days: of(|h| h.water_days),
    }
}

/// The path most runs took, each leg the median of the runs that marched it.
fn median_legs(runs: &[RunAhead]) -> Vec<Leg> {
    let mut legs = Vec::new();
    for i in 0.. {
        let Some(first) = runs.iter().find_map(|r| r.legs.get(i)) else {
            break;
        };
        let same: Vec<&Leg> = runs
            .iter()
            .filter_map(|r| r.legs.get(i))
            .filter(|l| l.from == first.from && l.to == first.to)
            .collect();
        if same.len() * 2 < runs.len() {
            break;
        }
        let arrivals: Vec<Holding> = same.iter().map(|l| l.arrives).collect();
        legs.push(Leg {
            from: first.from.clone(),
            to: first.to.clone(),
            to_id: first.to_id.clone(),
            sets_out: median(same.iter().map(|l| l.sets_out).collect()),
            days: median(same.iter().map(|l| l.days).collect()),
            dry_camps: median(same.iter().map(|l| l.dry_camps).collect()),
            starved: median(same.iter().map(|l| l.starved).collect()),
            animals_starved: median(same.iter().map(|l| l.animals_starved).collect()),
            ran_short: same.iter().filter(|l| l.ran_short).count() * 2 > same.len(),
            arrives: median_holding(&arrivals),
        });
    }
    legs
}

/// What the orders of the force called `force` in `world` will cost, with `orders` given to it
/// first (none: its queue as it stands). Fails with the refusal, in words, if an order would be
/// refused, or if the force is not in the field.
pub fn forecast(world: &World, force: &str, orders: &[Order]) -> Result<Forecast, String> {
    if world.resource::<CampaignStatus>().ended.is_some() {
        return Err("the campaign is over".to_string());
    }
    let Some(now_force) = view::find_force(world, force) else {
        return Err(format!("no force called '{force}' is in the field"));
    };
    let name = view::force_name(world, now_force);
    let scenario = world.resource::<ActiveScenario>().0.clone();
    let Some(played) = world.get_resource::<Played>() else {
        return Err("no campaign is being played".to_string());
    };
    let commander = world
        .get_resource::<Commander>()
        .copied()
        .unwrap_or_default();
    let mut runs = Vec::new();
    // One app for every run ahead: each replay starts the campaign afresh in it.
    let mut game = Game::commanded_by((*scenario).clone(), played.seed, commander);
    for run in 0..RUNS_AHEAD {
        super::replay(
            game.world(),
            &scenario,
            played.seed,
            commander,
            &played.actions,
        )?;
        for order in orders {
            game.give(&name, order.clone())
                .map_err(|why| words::refused(game.world_ref(), &name, &why))?;
        }
        sim::random::reseed_for_run_ahead(game.world(), run);
        runs.push(run_ahead(game.world(), &name));
    }
    let ends: Vec<Holding> = runs.iter().map(|r| r.end).collect();
    Ok(Forecast {
        force: name,
        now: holding(world, now_force),
        legs: median_legs(&runs),
        end: median_holding(&ends),
        done: runs.iter().filter(|r| r.done).count() * 2 >= runs.len(),
    })
}

/// The roads out of the place where the orders of the force called `force` leave it (where it
/// stands, if it has none), each with whether the force can reach its far end on what it will
/// carry: a forecast of its orders and a march down that road.
pub fn reach(world: &World, force: &str) -> Result<Vec<Reach>, String> {
    let Some(e) = view::find_force(world, force) else {
        return Err(format!("no force called '{force}' is in the field"));
    };
    let here = match world.get::<Location>(e) {
        Some(Location::At(p)) => Some(*p),
        _ => None,
    };
    let free = matches!(world.get::<Activity>(e), Some(Activity::Idle))
        && world.get::<Orders>(e).is_none_or(|o| o.queued().is_empty());
    let (from, before, set_out_with) = match here.filter(|_| free) {
        Some(p) => (p, 0, holding(world, e)),
        None => {
            let f = forecast(world, force, &[])?;
            let last = f.legs.last().map(|l| view::find_place(world, &l.to_id));
            match (last, here) {
                (Some(Ok((p, _))), _) => (p, f.legs.len(), f.end),
                (None, Some(p)) => (p, 0, f.end),
                _ => return Ok(Vec::new()),
            }
        }
    };
    let index = world.resource::<MapIndex>();
    let mut out = Vec::new();
    for &route in index.routes_from(from) {
        let Some(r) = world.get::<Route>(route) else {
            continue;
        };
        let Some(to) = world.get::<Place>(r.other(from)).map(|p| p.id.clone()) else {
            continue;
        };
        let march = Order::Step(PlanStep::March(to.clone()));
        let leg = match forecast(world, force, &[march]) {
            Ok(f) => f.legs.get(before).cloned(),
            Err(_) => None,
        };
        out.push(Reach {
            from,
            route,
            to,
            verdict: Verdict::of(leg.as_ref(), &set_out_with),
            leg,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leg(starved: u32, animals_starved: u32, ran_short: bool) -> Leg {
        Leg {
            from: "A".into(),
            to: "B".into(),
            to_id: "b".into(),
            sets_out: 0,
            days: 3,
            dry_camps: 1,
            starved,
            animals_starved,
            ran_short,
            arrives: Holding::default(),
        }
    }

    #[test]
    fn a_verdict_weighs_the_dead_against_those_who_set_out() {
        let army = Holding {
            men: 1000,
            horses: 100,
            other_animals: 100,
            ..Holding::default()
        };
        assert_eq!(Verdict::of(None, &army), Verdict::Not);
        assert_eq!(Verdict::of(Some(&leg(0, 0, false)), &army), Verdict::Enough);
        assert_eq!(
            Verdict::of(Some(&leg(0, 0, true)), &army),
            Verdict::Marginal
        );
        assert_eq!(
            Verdict::of(Some(&leg(10, 2, false)), &army),
            Verdict::Marginal
        );
        assert_eq!(Verdict::of(Some(&leg(11, 0, false)), &army), Verdict::Not);
        assert_eq!(Verdict::of(Some(&leg(0, 3, false)), &army), Verdict::Not);
    }
}
