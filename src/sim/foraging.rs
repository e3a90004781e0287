//! Foraging parties (`forage N`): a camp sends a share of its men out along every road from the
//! place, as far as the rules' `quartermaster.forage_party_km`, for the wild food and the grass
//! there. Each road gives the share of its standing wild food within reach (the road's own pool,
//! shared with columns that march it and growing back by season, see [`country`](super::country))
//! and a cut of grass: its terrain's `grazing_t` for each standard march of road within reach,
//! thinned as the road's country is stripped. What the parties bring back is bounded by what
//! they can carry (`forage_party_kg_per_man` each a day) and by the room in the column's load
//! and the camp's food and feed for the day (eaten from it at once); food is carried as grain,
//! grass as fodder. Where the state at the camp, or at the far end of a
//! road they scour, has shut its gates, each man out is killed with chance `forage_party_loss` a
//! day. The camp itself rests.

use bevy::prelude::*;

use super::attrition::remove_men;
use super::calendar::Calendar;
use super::force::Activity;
use super::force::{ForceSupply, ForceSupplyItem};
use super::log::{Provision, SimEvent};
use super::map::{Location, MapIndex, Route};
use super::random::{SimRng, binomial};
use super::state::OasisState;
use crate::scenario::logistics::terrain_rule;
use crate::scenario::types::AnimalKind;
use crate::scenario::units::Kg;

/// Whether a force has foraging parties out (the work of [`send_parties`], which runs only on
/// days when one has).
pub fn foraging(activity: &Activity) -> bool {
    matches!(activity, Activity::Foraging { .. })
}

/// Sends out and brings back the foraging parties of every camp that forages, and counts down
/// its days (in the supply phase: [`super::supply::supply_day`]).
#[allow(clippy::too_many_arguments)]
pub fn send_parties(
    forces: &mut Query<ForceSupply>,
    routes: &mut Query<&mut Route>,
    states: &Query<&OasisState>,
    index: &MapIndex,
    rules: &crate::scenario::types::Rules,
    calendar: &Calendar,
    rng: &mut SimRng,
    events: &mut MessageWriter<SimEvent>,
) {
    let q = &rules.quartermaster;
    let stage_km = rules.standard_march_km.0.max(1e-9);
    let reach = q.forage_party_km.0.max(0.0);
    for ForceSupplyItem {
        entity,
        mut column,
        mut stores,
        location,
        mut activity,
        standing,
        mut ledger,
        ..
    } in forces.iter_mut()
    {
        let Activity::Foraging { days_left } = *activity else {
            continue;
        };
        *activity = if days_left > 1 {
            Activity::Foraging {
                days_left: days_left - 1,
            }
        } else {
            Activity::Idle
        };
        let Location::At(camp) = *location else {
            continue;
        };
        if standing.merged {
            continue;
        }
        let out = (f64::from(column.men.total()) * q.forage_party_share.clamp(0.0, 1.0)).floor();
        let can_carry = Kg(out * q.forage_party_kg_per_man.0.max(0.0));
        let shut = |place| {
            index
                .state_at(place)
                .and_then(|s| states.get(s).ok())
                .is_some_and(|s| s.relation.shut())
        };
        let mut danger = shut(camp);
        // What lies within reach along each road: (road, its wild food there, its grass).
        let mut found = Vec::new();
        for &r in index.routes_from(camp) {
            let Ok(route) = routes.get(r) else {
                continue;
            };
            danger |= shut(route.other(camp));
            let within = reach.min(route.length.0.max(0.0));
            let share = within / route.length.0.max(1e-9);
            let stripped = if route.forage_max.0 > 0.0 {
                (route.forage.0 / route.forage_max.0).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let grass = terrain_rule(rules, route.terrain).grazing_t.kg() * (within / stage_km);
            found.push((r, route.forage * share, grass * stripped));
        }
        let food_there: Kg = found.iter().map(|f| f.1).sum();
        let grass_there: Kg = found.iter().map(|f| f.2).sum();
        // What is brought in is eaten today or carried: beyond the room in the load, the camp
        // eats today's food and feed from it (as from a friendly state's granaries).
        let need = column.need_in(rules, calendar.season());
        let feed: Kg = AnimalKind::ALL.iter().map(|k| *need.feed.get(*k)).sum();
        let room = (column.capacity(rules) - stores.weight()).max(Kg::ZERO);
        let food = food_there.min(can_carry).min(room + need.men_grain);
        let fodder = grass_there
            .min(can_carry - food)
            .min((room + need.men_grain + feed - food).max(Kg::ZERO));
        // The food is taken from each road's pool in proportion to what stood there.
        if food_there.0 > 0.0 {
            let taken = food.0 / food_there.0;
            for (r, there, _) in &found {
                if let Ok(mut route) = routes.get_mut(*r) {
                    route.forage = (route.forage - *there * taken).max(Kg::ZERO);
                }
            }
        }
        stores.grain += food;
        stores.fodder += fodder;
        let lost = if danger && out > 0.0 {
            let n = binomial(
                &mut rng.combat,
                out as u32,
                q.forage_party_loss.clamp(0.0, 1.0),
            );
            let n = remove_men(&mut column.men, n);
            ledger.men_lost.combat += n;
            n
        } else {
            0
        };
        events.write(SimEvent::Provisioned {
            force: entity,
            what: Provision::Foraged { food, fodder, lost },
        });
    }
}
