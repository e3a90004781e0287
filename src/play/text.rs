//! The game as text that fits 80 columns: the status view (the date, each force with its men,
//! animals, days of supplies and orders; the state and roads where the selected force stands),
//! the list of queued orders, the chronicle, and a turn's summary. The terminal prints these; the
//! window's command line shows them too.

use bevy::prelude::*;

use super::forecast::{self, Forecast, Holding, RUNS_AHEAD, Reach};
pub use super::lines::wrap;
use super::lines::{days, dry_nights, item};
use super::{Order, Turn, view, words};
use crate::report::chronicle;
use crate::scenario::types::PlanStep;
use crate::sim::force::{Activity, Column, Condition, Force, Orders, Standing, Stores};
use crate::sim::log::Chronicle;
use crate::sim::map::{Depot, Location, MapIndex, Place, Route};
use crate::sim::state::Relation;
use crate::sim::{ActiveScenario, Calendar, CampaignStatus, Commander, Prestige};

/// A state's standing with the player's `side`, in a few words.
pub fn relation_words(r: Relation, side: &str) -> String {
    match r {
        Relation::Unmet => "not yet asked".to_string(),
        Relation::Submitted => "submitted".to_string(),
        Relation::Refused => "refused".to_string(),
        Relation::Conquered => "conquered".to_string(),
        Relation::Victorious => format!("beat the {side}"),
        Relation::Trading => "sells".to_string(),
        Relation::Hosts => "hosts the embassy".to_string(),
    }
}

/// The campaign's goals on one wrapped line: each with the day it was met, or whether it is
/// reckoned at the end; optional ones marked.
pub fn goals(world: &World) -> String {
    let status = world.resource::<CampaignStatus>();
    let names = chronicle::Names::new(world);
    let each: Vec<String> = status
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let how = match g.met {
                Some(day) => format!(" (met, day {day})"),
                None if !g.goal.in_the_field() => " (at the end)".to_string(),
                None => String::new(),
            };
            let optional = if g.goal.required { "" } else { " [optional]" };
            format!("{}{how}{optional}", names.goal(i))
        })
        .collect();
    if each.is_empty() {
        return String::new();
    }
    wrap(&format!("Goals: {}", each.join("; ")), 79, "  ")
}

/// The status view: the date, each force, and what it has been ordered; where `selected`
/// stands, the state there and the roads from it.
pub fn status(world: &World, selected: &str) -> String {
    let rules = &world.resource::<ActiveScenario>().0.rules;
    let mut s = String::new();
    let prestige = world.resource::<Prestige>().0;
    s.push_str(&format!(
        "{} · {} prestige {prestige:+.2}\n",
        world.resource::<Calendar>().describe(),
        world.resource::<ActiveScenario>().0.campaign.world.side
    ));
    s.push_str(&goals(world));
    if super::muster::open(world).is_ok() {
        s.push_str("The muster is open until the army sets out: 'muster' to choose the army.\n");
    }
    for (i, e) in view::forces(world).into_iter().enumerate() {
        let (Some(f), Some(column), Some(stores), Some(condition), Some(location)) = (
            world.get::<Force>(e),
            world.get::<Column>(e),
            world.get::<Stores>(e),
            world.get::<Condition>(e),
            world.get::<Location>(e),
        ) else {
            continue;
        };
        let (Some(activity), Some(standing), Some(orders)) = (
            world.get::<Activity>(e),
            world.get::<Standing>(e),
            world.get::<Orders>(e),
        ) else {
            continue;
        };
        let mark = if f.name == selected { '*' } else { ' ' };
        let where_ = match *location {
            Location::At(p) => format!("at {}", view::place_name(world, p)),
            Location::OnRoute { to, .. } => format!("to {}", view::place_name(world, to)),
        };
        let (grain, fodder, water) = view::supply_days(rules, column, stores);
        s.push_str(&format!(
            "{}{mark} {:<24} {:<24} {}\n",
            i + 1,
            f.name,
            where_,
            view::doing(activity, standing, orders)
        ));
        s.push_str(&format!(
            "   men {} ({} foot, {} horse) morale {:.2}  grain {} fodder {} water {}\n",
            column.men.total(),
            column.men.infantry,
            column.men.cavalry,
            condition.morale,
            days(grain),
            days(fodder),
            days(water)
        ));
        let a = &column.animals;
        let rations = if column.ration() < 1.0 {
            format!("  rations {:.0}%", column.ration() * 100.0)
        } else {
            String::new()
        };
        s.push_str(&format!(
            "   horses {} oxen {} donkeys {} camels {}{rations}\n",
            a.horses, a.oxen, a.donkeys, a.camels
        ));
        if f.name == selected
            && let Location::At(here) = *location
        {
            s.push_str(&surroundings(world, here));
        }
        if !orders.queued().is_empty() {
            let treasure = words::treasure(world);
            let shown: Vec<String> = orders
                .queued()
                .iter()
                .take(3)
                .map(|s| words::step(s, &treasure))
                .collect();
            let more = if orders.queued().len() > 3 {
                format!(" (+{})", orders.queued().len() - 3)
            } else {
                String::new()
            };
            s.push_str(&format!("   orders: {}{more}\n", shown.join("; ")));
            let marches = orders
                .queued()
                .iter()
                .any(|step| matches!(step, PlanStep::March(_)));
            if f.name == selected && marches {
                s.push_str(&ahead(world, &f.name));
            }
        }
        // Where the selected force is free to march, whether it can reach each road's far end.
        let free = *activity == Activity::Idle && orders.queued().is_empty();
        if f.name == selected
            && free
            && world.get_resource::<Commander>() == Some(&Commander::Player)
            && world.resource::<CampaignStatus>().ended.is_none()
            && let Ok(roads) = forecast::reach(world, &f.name)
            && let Some(first) = roads.first()
        {
            s.push_str(&format!(
                "   {}",
                wrap(
                    &format!(
                        "reach from {}: {}",
                        view::place_name(world, first.from),
                        verdicts(&roads)
                    ),
                    77,
                    "          "
                )
            ));
        }
    }
    for foe in view::enemies(world) {
        let at = match foe.location {
            Location::At(p) => format!("at {}", view::place_name(world, p)),
            Location::OnRoute { from, to, .. } => format!(
                "riding from {} to {}",
                view::place_name(world, from),
                view::place_name(world, to)
            ),
        };
        s.push_str(&format!(
            "Enemy in the field: {}, {} men, {at}, morale {:.2}\n",
            foe.name, foe.men, foe.morale
        ));
    }
    if let Some(outcome) = world.resource::<CampaignStatus>().ended {
        s.push_str(&format!(
            "The campaign is over: {}. 'report' for the whole story.\n",
            outcome.word()
        ));
    }
    s
}

/// The state at `here` and the roads from it, wrapped to 80 columns.
fn surroundings(world: &World, here: Entity) -> String {
    let mut s = String::new();
    let rules = &world.resource::<ActiveScenario>().0.rules;
    let index = world.resource::<MapIndex>();
    let season = world.resource::<Calendar>().season();
    if let Some((_, state)) = view::state_at(world, here) {
        let (grain, _) = state.spare(rules, season);
        s.push_str(&format!(
            "   here: {} ({}), {} soldiers, walls {:.1}, {:.0} t grain to spare\n",
            state.name,
            relation_words(
                state.relation,
                &world.resource::<ActiveScenario>().0.campaign.world.side
            ),
            state.soldiers,
            state.walls.outer,
            grain.tonnes()
        ));
    }
    for foe in view::enemies(world) {
        if foe.location == Location::At(here) {
            s.push_str(&format!(
                "   enemy here: {}, {} men ('engage' attacks it)\n",
                foe.name, foe.men
            ));
        }
    }
    if let Some(depot) = world.get::<Depot>(here).filter(|d| !d.is_empty()) {
        s.push_str(&format!(
            "   depot here: grain {:.0} t, fodder {:.0} t, water {:.0} m³\n",
            depot.grain.tonnes().0,
            depot.fodder.tonnes().0,
            depot.water.0 / 1000.0
        ));
    }
    let mut roads: Vec<String> = Vec::new();
    for r in index.routes_from(here) {
        let Some(route) = world.get::<Route>(*r) else {
            continue;
        };
        let Some(place) = world.get::<Place>(route.other(here)) else {
            continue;
        };
        let dry = route.dry();
        let dry = if dry.0 > 0.0 {
            format!(", {dry:.0} km dry")
        } else {
            String::new()
        };
        roads.push(format!("{} {:.0} km{dry}", place.id, route.length));
    }
    let mut line = String::from("   roads:");
    for road in roads {
        if line.chars().count() + road.len() + 3 > 80 {
            s.push_str(line.trim_end_matches(" ·"));
            s.push('\n');
            line = String::from("         ");
        }
        line.push(' ');
        line.push_str(&road);
        line.push_str(" ·");
    }
    s.push_str(line.trim_end_matches(" ·"));
    s.push('\n');
    s
}

/// Every force's queued orders, wrapped to 80 columns.
pub fn orders(world: &World) -> String {
    let mut out = String::new();
    let treasure = words::treasure(world);
    for e in view::forces(world) {
        let list: Vec<String> = world
            .get::<Orders>(e)
            .map(|o| {
                o.queued()
                    .iter()
                    .map(|s| words::step(s, &treasure))
                    .collect()
            })
            .unwrap_or_default();
        let list = if list.is_empty() {
            "none".to_string()
        } else {
            list.join("; ")
        };
        out.push_str(&wrap(
            &format!("{}: {list}", view::force_name(world, e)),
            80,
            "    ",
        ));
    }
    out
}

/// The whole chronicle, a line a day's event.
pub fn log(world: &World) -> String {
    chronicle::entries(world, &world.resource::<Chronicle>().0)
        .iter()
        .map(|e| format!("day {:>4}  {}\n", e.day, e.text))
        .collect()
}

/// A turn told: its days and why it stopped, and its most telling lines (the last ones, at most
/// five), wrapped to 80 columns.
pub fn turn(world: &World, turn: &Turn) -> String {
    let days = if turn.days == 1 { "day" } else { "days" };
    let mut s = format!(
        "— {} {days}: {} —\n",
        turn.days,
        words::stop(world, &turn.stop)
    );
    let lines = chronicle::entries(world, world.resource::<Chronicle>().since(turn.from));
    let skip = lines.len().saturating_sub(5);
    if skip > 0 {
        s.push_str(&format!("  ({skip} earlier lines: 'log')\n"));
    }
    for e in &lines[skip..] {
        s.push_str(&wrap(
            &format!("day {:>3} {}", e.day, e.text),
            80,
            "        ",
        ));
    }
    s
}

/// What a force has, in a few words: "25950 men, 2990 horses; grain 812 t (28d), fodder ...".
fn holding(h: &Holding) -> String {
    format!(
        "{} men, {} horses, {} other animals; grain {:.0} t ({}), fodder {:.0} t ({}), water {:.0} t ({})",
        h.men,
        h.horses,
        h.other_animals,
        h.grain.tonnes().0,
        days(h.food_days),
        h.fodder.tonnes().0,
        days(h.fodder_days),
        h.water.weight().tonnes().0,
        days(h.water_days)
    )
}

/// A forecast told, a leg to a few lines, wrapped to 80 columns.
pub fn forecast(f: &Forecast) -> String {
    let mut s = format!(
        "Forecast for {} (the median of {RUNS_AHEAD} runs ahead):\n",
        f.force
    );
    s.push_str(&item(&format!(
        "now, day {}: {}",
        f.now.day,
        holding(&f.now)
    )));
    for leg in &f.legs {
        let dry = dry_nights(leg.dry_camps);
        s.push_str(&item(&format!(
            "{} -> {}: sets out day {}, {} days, {dry}; arrives day {} with {}",
            leg.from,
            leg.to,
            leg.sets_out,
            leg.days,
            leg.arrives.day,
            holding(&leg.arrives)
        )));
    }
    if f.legs.last().is_some_and(|l| l.arrives == f.end) && f.done {
        s.push_str(&item(&format!("orders done on arrival, day {}", f.end.day)));
    } else if f.done {
        s.push_str(&item(&format!(
            "orders done by day {}: {}",
            f.end.day,
            holding(&f.end)
        )));
    } else {
        s.push_str(&item(&format!(
            "orders not done within {} days; day {}: {}",
            forecast::MAX_DAYS_AHEAD,
            f.end.day,
            holding(&f.end)
        )));
    }
    s
}

/// The road ahead of a force with marches queued, in one wrapped line: each arrival's day and
/// the days of food, fodder and water left then (from [`forecast::forecast`]).
fn ahead(world: &World, force: &str) -> String {
    let Ok(f) = forecast::forecast(world, force, &[]) else {
        return String::new();
    };
    if f.legs.is_empty() {
        return String::new();
    }
    let legs: Vec<String> = f
        .legs
        .iter()
        .map(|l| {
            format!(
                "{} day {} (food {} fodder {} water {}{})",
                l.to,
                l.arrives.day,
                days(l.arrives.food_days),
                days(l.arrives.fodder_days),
                days(l.arrives.water_days),
                match l.dry_camps {
                    0 => String::new(),
                    1 => ", 1 dry night".to_string(),
                    n => format!(", {n} dry nights"),
                }
            )
        })
        .collect();
    format!(
        "   {}",
        wrap(&format!("ahead: {}", legs.join(" · ")), 77, "          ")
    )
}

/// The forecast of the force called `force`'s queue with `orders` added, told; or why there is
/// none.
pub fn forecast_of(world: &World, force: &str, orders: &[Order]) -> String {
    match forecast::forecast(world, force, orders) {
        Ok(f) => forecast(&f),
        Err(why) => format!("no forecast: {why}\n"),
    }
}

/// Each road out of where the force called `force`'s orders leave it, with whether it can reach
/// the far end on what it will carry, and what the march costs; or why that cannot be told.
pub fn reach_of(world: &World, force: &str) -> String {
    let roads = match forecast::reach(world, force) {
        Ok(roads) => roads,
        Err(why) => return format!("no reach: {why}\n"),
    };
    let Some(first) = roads.first() else {
        return "no reach: the force is not at a place, nor on its way to one\n".to_string();
    };
    let mut s = format!(
        "From {} (the median of {RUNS_AHEAD} runs ahead of each march):\n",
        view::place_name(world, first.from)
    );
    for r in &roads {
        let line = match &r.leg {
            Some(leg) => format!(
                "{}: {} — {} days, {}, {} men and {} animals dead of hunger or thirst; arrives day {} with food {} fodder {} water {}",
                r.to,
                r.verdict.word(),
                leg.days,
                dry_nights(leg.dry_camps),
                leg.starved,
                leg.animals_starved,
                leg.arrives.day,
                days(leg.arrives.food_days),
                days(leg.arrives.fodder_days),
                days(leg.arrives.water_days)
            ),
            None => format!("{}: {} — it does not arrive", r.to, r.verdict.word()),
        };
        s.push_str(&item(&line));
    }
    s
}

/// The verdicts of `roads`, in one line: "PLACE enough · PLACE marginal".
fn verdicts(roads: &[Reach]) -> String {
    roads
        .iter()
        .map(|r| format!("{} {}", r.to, r.verdict.word()))
        .collect::<Vec<_>>()
        .join(" · ")
}
