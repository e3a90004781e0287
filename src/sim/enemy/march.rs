//! An enemy force's supply and march: its men eat the grain it carries (its horses graze), go
//! hungry when it is gone, and lose men by the side's own rules of hunger, disease and desertion
//! ([`attrition`](crate::sim::attrition)); it rides by the shortest open road toward its goal at
//! the pace of its slowest men ([`logistics::pace`]).

use super::EnemyForce;
use super::strike::World;
use crate::scenario::logistics::{self, hunger_death_rate};
use crate::scenario::types::{MenDef, Pace, PerAnimal, Rules};
use crate::scenario::units::{Kg, Km};
use crate::sim::attrition::{disease_and_desertion, fed_morale};
use crate::sim::calendar::Calendar;
use crate::sim::map::{Location, MapIndex, Route};
use crate::sim::random::binomial;
use bevy::prelude::*;

/// Its men by arm.
fn men(foe: &EnemyForce) -> MenDef {
    let cavalry = (f64::from(foe.men) * foe.cavalry_share).round() as u32;
    MenDef {
        infantry: foe.men - cavalry.min(foe.men),
        cavalry: cavalry.min(foe.men),
    }
}

/// The grain `men` with `cavalry_share` of horsemen eat in a day (their horses graze).
pub fn daily_grain(rules: &Rules, men: u32, cavalry_share: f64) -> Kg {
    let mounted = (f64::from(men) * cavalry_share.clamp(0.0, 1.0)).round() as u32;
    logistics::daily_need(rules, men, mounted.min(men), &PerAnimal::default()).men_grain
}

/// Its men eat (all they need where the city it came to aid feeds them), and it loses men to
/// hunger, disease and desertion; its morale follows how it is fed.
pub fn eat_and_lose(w: &mut World, foe: &mut EnemyForce, fed_by_city: bool) {
    let a = &w.rules.attrition;
    let need = daily_grain(w.rules, foe.men, foe.cavalry_share);
    let fed = if fed_by_city || need.0 <= 0.0 {
        1.0
    } else {
        (foe.food.0 / need.0).clamp(0.0, 1.0)
    };
    if !fed_by_city {
        foe.food = Kg((foe.food.0 - need.0).max(0.0));
    }
    foe.nourishment += a.nourishment_memory * (fed - foe.nourishment);
    let by_activity = if matches!(foe.location, Location::OnRoute { .. }) {
        a.by_activity.marching
    } else {
        a.by_activity.camped
    };
    let (disease, desertion) =
        disease_and_desertion(a, by_activity, foe.nourishment, fed, foe.morale);
    let hunger = hunger_death_rate(a.hunger_threshold, a.hunger_rate, foe.nourishment);
    for rate in [hunger, disease, desertion] {
        let lost = binomial(&mut w.rng.attrition, foe.men, rate.clamp(0.0, 1.0));
        foe.men -= lost.min(foe.men);
    }
    foe.morale = fed_morale(a, foe.morale, 1.0, fed.min(foe.nourishment));
}

/// It rides a day toward `goal` by the shortest road open in this season; it stops at each place
/// it comes to.
pub fn toward(
    rules: &Rules,
    foe: &mut EnemyForce,
    goal: Entity,
    routes: &Query<&Route>,
    index: &MapIndex,
    calendar: &Calendar,
) {
    let season = calendar.season();
    let (route, from, to, done) = match foe.location {
        Location::OnRoute {
            route,
            from,
            to,
            km,
        } => (route, from, to, km),
        Location::At(here) => {
            let open = |r: Entity| routes.get(r).ok().and_then(|r| r.if_open(season));
            let Some(next) = index
                .shortest_path(here, goal, open)
                .and_then(|p| p.first().copied())
            else {
                return;
            };
            let Some(route) = index.route_between(here, next) else {
                return;
            };
            (route, here, next, Km::ZERO)
        }
    };
    let Ok(r) = routes.get(route) else {
        return;
    };
    let men = men(foe);
    let horses = PerAnimal {
        horses: men.cavalry,
        ..PerAnimal::default()
    };
    let day = logistics::pace(
        rules,
        &men,
        (&horses, 0),
        r.terrain,
        foe.nourishment,
        Pace::Light,
    ) * r.season_speed(rules, season);
    let km = done + day;
    foe.location = if km >= r.length {
        Location::At(to)
    } else {
        Location::OnRoute {
            route,
            from,
            to,
            km,
        }
    };
}
