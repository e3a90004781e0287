//! The country about places and along roads: the pasture the animals graze, the wild food the
//! men forage (a place's stocked some days deep, a road's a day's yield for each day's march of
//! it) and the water its sources yield, each shared by every force there that day (by
//! what each needs), the pasture and wild food eaten down, and both growing back by season.

use bevy::prelude::*;

use super::calendar::Calendar;
use super::map::{Place, Route};
use crate::scenario::logistics::DailyNeed;
use crate::scenario::types::AnimalKind;
use crate::scenario::units::{Kg, Litres};

/// What the forces at one spot (a place, or a road) need of its yield today.
#[derive(Debug, Clone, Copy, Default)]
pub struct Demand {
    /// The men's food.
    pub food: Kg,
    /// The animals' feed.
    pub feed: Kg,
    /// Water, of the forces where there is water.
    pub water: Litres,
}

impl Demand {
    /// What a column of a day's `need` asks of a spot: its men's food, its animals' feed, and its
    /// water where there is water.
    pub fn of(need: &DailyNeed, watered: bool) -> Demand {
        Demand {
            food: need.men_grain,
            feed: AnimalKind::ALL.iter().map(|k| *need.feed.get(*k)).sum(),
            water: if watered { need.water() } else { Litres::ZERO },
        }
    }

    /// Adds another force's need.
    pub fn add(&mut self, other: Demand) {
        self.food += other.food;
        self.feed += other.feed;
        self.water += other.water;
    }
}

/// Every spot's demand today, by the entity of the place or road: kept in the spots' order, in
/// room the supply phase keeps from day to day (no allocation a day).
#[derive(Debug, Default)]
pub struct Demands(Vec<(Spot, Demand)>);

/// Where a force camps tonight: a place, or a stage of a road (each standard day's march of it
/// has its own camp and water point: columns a day or more apart on one road do not share).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    /// The place or the road.
    pub at: Entity,
    /// The stage along the road (0 at a place).
    pub stage: u32,
}

impl Demands {
    /// Forgets every spot's demand, for a new day.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Where `spot` stands in the list (`Err`: where it would go).
    fn find(&self, spot: Spot) -> Result<usize, usize> {
        self.0.binary_search_by_key(&spot, |(s, _)| *s)
    }

    /// Adds a force's `need` at `spot`.
    pub fn add(&mut self, spot: Spot, need: Demand) {
        match self.find(spot) {
            Ok(i) => self.0[i].1.add(need),
            Err(i) => {
                let mut demand = Demand::default();
                demand.add(need);
                self.0.insert(i, (spot, demand));
            }
        }
    }

    /// What the forces at `spot` need, if any force is there.
    pub fn at(&self, spot: Spot) -> Option<Demand> {
        let i = self.find(spot).ok()?;
        Some(self.0[i].1)
    }

    /// The share of a spot's `yield_` that falls to a force needing `mine` of the spot's
    /// `total`: in proportion to need, all of it to a force alone there.
    pub fn share<Q>(yield_: Q, mine: Q, total: Q) -> Q
    where
        Q: std::ops::Div<Output = f64>
            + std::ops::Mul<f64, Output = Q>
            + PartialOrd
            + Default
            + Copy,
    {
        if total > Q::default() {
            yield_ * (mine / total).clamp(0.0, 1.0)
        } else {
            yield_
        }
    }
}

/// Pasture and wild food grow back each day, by the season's growth (at the day's end:
/// [`super::record::end_day`]).
pub fn regrow(
    places: &mut Query<&mut Place>,
    routes: &mut Query<&mut Route>,
    rules: &crate::scenario::types::Rules,
    calendar: &Calendar,
) {
    let growth = rules
        .forage
        .growth_by_season
        .get(calendar.season())
        .max(0.0);
    // Most of the country stands untouched at its fullest: it is read, not written.
    for mut place in places {
        if place.pasture == place.pasture_max && place.forage == place.forage_max {
            continue;
        }
        let pasture = place.pasture + place.regrowth * growth;
        place.pasture = pasture.min(place.pasture_max);
        let forage = place.forage + place.forage_regrowth * growth;
        place.forage = forage.min(place.forage_max);
    }
    for mut route in routes {
        if route.forage == route.forage_max {
            continue;
        }
        let forage = route.forage + route.forage_regrowth * growth;
        route.forage = forage.min(route.forage_max);
    }
}
