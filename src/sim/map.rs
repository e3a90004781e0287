//! The map as entities: places and the routes between them, and the index from the scenario's
//! ids to entities (with the route between two places and each place's order in the map file).

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::scenario::logistics;
use crate::scenario::types::{Rules, Season, Terrain, Water};
use crate::scenario::units::{Days, Kg, Km, Litres};

/// A place on the map.
#[derive(Component, Debug, Clone)]
pub struct Place {
    /// The scenario's id for it.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its name again, shared: the daily record names the camp every day without copying it.
    pub label: std::sync::Arc<str>,
    /// Its order in the map file (0 for the first): a tie-break that does not depend on entity ids.
    pub order: usize,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Its ground.
    pub terrain: Terrain,
    /// Its water.
    pub water: Water,
    /// Forage that regrows each day.
    pub regrowth: Kg,
    /// Forage standing now.
    pub pasture: Kg,
    /// The most forage that can stand.
    pub pasture_max: Kg,
    /// Wild food the men can forage about it now.
    pub forage: Kg,
    /// The most wild food that can stand.
    pub forage_max: Kg,
    /// Wild food that grows back each day at a season's growth of 1.
    pub forage_regrowth: Kg,
}

/// A route between two places.
#[derive(Component, Debug, Clone)]
pub struct Route {
    /// One end.
    pub a: Entity,
    /// The other end.
    pub b: Entity,
    /// Length.
    pub length: Km,
    /// Ground.
    pub terrain: Terrain,
    /// Water along its watered stretches.
    pub water: Water,
    /// Where the waterless stretch begins, from either end (it is centred).
    pub dry_from: Km,
    /// Where the waterless stretch ends.
    pub dry_to: Km,
    /// Wild food the men can forage along it now.
    pub forage: Kg,
    /// The most wild food that can stand along it.
    pub forage_max: Kg,
    /// Wild food that grows back each day at a season's growth of 1.
    pub forage_regrowth: Kg,
    /// Seasons in which snow closes it.
    pub closed_in: Vec<Season>,
    /// Seasons in which its rivers are in flood.
    pub flooded_in: Vec<Season>,
    /// The power whose lands it crosses (a state), if any.
    pub held_by: Option<Entity>,
    /// Closed by a scenario event until one opens it.
    pub blocked: bool,
}

impl Route {
    /// Whether snow closes it in `season`.
    pub fn closed(&self, season: Season) -> bool {
        self.blocked || self.closed_in.contains(&season)
    }

    /// The share of a column's pace it makes on this road in `season`: the rules' `flood_speed`
    /// while its rivers are in flood, else 1.
    pub fn season_speed(&self, rules: &Rules, season: Season) -> f64 {
        if self.flooded_in.contains(&season) {
            rules.flood_speed.unwrap_or(1.0)
        } else {
            1.0
        }
    }

    /// Its ends and length, if it is open in `season` (for [`MapIndex::shortest_path`] by the
    /// roads open).
    pub fn if_open(&self, season: Season) -> Option<(Entity, Entity, Km)> {
        (!self.closed(season)).then_some((self.a, self.b, self.length))
    }

    /// The other end from `from`.
    pub fn other(&self, from: Entity) -> Entity {
        if self.a == from { self.b } else { self.a }
    }

    /// The length of its waterless stretch.
    pub fn dry(&self) -> Km {
        self.dry_to - self.dry_from
    }

    /// Days a column going `pace` a day spends on the waterless stretch (0 if it cannot move).
    pub fn dry_days(&self, pace: Km) -> Days {
        logistics::dry_days(self.dry(), pace)
    }

    /// Whether a camp `km` along the route (from either end) has water.
    pub fn watered_at(&self, km: Km) -> bool {
        self.water != Water::None && !(km > self.dry_from && km < self.dry_to)
    }

    /// The leg as a column sets out on it.
    pub fn leg(&self) -> logistics::Leg {
        logistics::Leg {
            terrain: self.terrain,
            dry_from: self.dry_from,
            dry: self.dry(),
        }
    }
}

/// Lookups from scenario ids to entities, and between places.
#[derive(Resource, Debug, Clone, Default)]
pub struct MapIndex {
    /// Places by id.
    pub places: BTreeMap<String, Entity>,
    /// States by id.
    pub states: BTreeMap<String, Entity>,
    /// The state whose capital is at a place.
    pub state_at: BTreeMap<Entity, Entity>,
    /// Routes touching each place, in the map file's order.
    pub routes_from: BTreeMap<Entity, Vec<Entity>>,
    /// The route between two places (the first in the map file where there are several), under
    /// both orders of its ends.
    pub between: BTreeMap<(Entity, Entity), Entity>,
}

impl MapIndex {
    /// The route between `a` and `b`, if one joins them.
    pub fn route_between(&self, a: Entity, b: Entity) -> Option<Entity> {
        self.between.get(&(a, b)).copied()
    }

    /// The id of `place` (a scan of the places: for what is done rarely, as turning home).
    pub fn id_of(&self, place: Entity) -> Option<&str> {
        self.places
            .iter()
            .find(|(_, e)| **e == place)
            .map(|(id, _)| id.as_str())
    }

    /// The routes from `place`.
    pub fn routes_from(&self, place: Entity) -> &[Entity] {
        self.routes_from.get(&place).map_or(&[], Vec::as_slice)
    }

    /// The state whose capital stands at `place`, if any.
    pub fn state_at(&self, place: Entity) -> Option<Entity> {
        self.state_at.get(&place).copied()
    }

    /// The shortest way by road from `from` to `to`: the places after `from`, in order (empty
    /// when they are the same place; none when no road leads there). `route` gives a route's
    /// ends and length.
    pub fn shortest_path(
        &self,
        from: Entity,
        to: Entity,
        route: impl Fn(Entity) -> Option<(Entity, Entity, Km)>,
    ) -> Option<Vec<Entity>> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let mut best: BTreeMap<Entity, (f64, Option<Entity>)> = BTreeMap::new();
        best.insert(from, (0.0, None));
        // Lengths are never negative, so their bits order as the numbers do.
        let mut open = BinaryHeap::new();
        open.push(Reverse((0.0f64.to_bits(), from)));
        while let Some(Reverse((bits, here))) = open.pop() {
            let km = f64::from_bits(bits);
            if here == to {
                break;
            }
            if best.get(&here).is_some_and(|(b, _)| *b < km) {
                continue;
            }
            for &r in self.routes_from(here) {
                let Some((a, b, length)) = route(r) else {
                    continue;
                };
                let next = if a == here { b } else { a };
                let far = km + length.0.max(0.0);
                if best.get(&next).is_none_or(|(b, _)| far < *b) {
                    best.insert(next, (far, Some(here)));
                    open.push(Reverse((far.to_bits(), next)));
                }
            }
        }
        best.get(&to)?;
        let mut path = Vec::new();
        let mut at = to;
        while at != from {
            path.push(at);
            at = best.get(&at)?.1?;
        }
        path.reverse();
        Some(path)
    }

    /// Records a route between `a` and `b`.
    pub fn add_route(&mut self, route: Entity, a: Entity, b: Entity) {
        self.routes_from.entry(a).or_default().push(route);
        self.routes_from.entry(b).or_default().push(route);
        self.between.entry((a, b)).or_insert(route);
        self.between.entry((b, a)).or_insert(route);
    }
}

/// Where a column stands: at a place, or on a route between two.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum Location {
    /// At a place.
    At(Entity),
    /// On a route, `km` from `from`.
    OnRoute {
        /// The route.
        route: Entity,
        /// Where it set out from.
        from: Entity,
        /// Where it is going.
        to: Entity,
        /// Distance covered.
        km: Km,
    },
}

impl Location {
    /// The place it stands at, if it stands at one.
    pub fn place(self) -> Option<Entity> {
        match self {
            Location::At(p) => Some(p),
            Location::OnRoute { .. } => None,
        }
    }
}

/// Where a location is on the map: a place's coordinates, or the point along its route (latitude,
/// longitude). `place` gives a place's coordinates, `length` a route's length.
pub fn lat_lon(
    location: Location,
    place: impl Fn(Entity) -> Option<(f64, f64)>,
    length: impl Fn(Entity) -> Option<Km>,
) -> (f64, f64) {
    let at = |e: Entity| place(e).unwrap_or((0.0, 0.0));
    match location {
        Location::At(p) => at(p),
        Location::OnRoute {
            route,
            from,
            to,
            km,
        } => {
            let (a, b) = (at(from), at(to));
            let share = length(route).map_or(0.5, |l| (km.0 / l.0.max(1e-9)).clamp(0.0, 1.0));
            (a.0 + (b.0 - a.0) * share, a.1 + (b.1 - a.1) * share)
        }
    }
}

/// Stores left at a place by order, for any force there to draw on.
#[derive(Component, Debug, Clone, Copy, PartialEq, Default)]
pub struct Depot {
    /// Grain.
    pub grain: Kg,
    /// Fodder.
    pub fodder: Kg,
    /// Water.
    pub water: Litres,
}

impl Depot {
    /// Whether it holds anything.
    pub fn is_empty(&self) -> bool {
        self.grain.0 <= 0.0 && self.fodder.0 <= 0.0 && self.water.0 <= 0.0
    }
}
