//! The map file: places, routes and states, and the features drawn on the game's map.

use serde::{Deserialize, Serialize};

use crate::scenario::units::{Days, Km, Tonnes};

/// A distance, in kilometres or in Han li (the map's `li_km` converts).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Length {
    /// Kilometres.
    Km(f64),
    /// Han li.
    Li(f64),
}

impl Length {
    /// The length in kilometres, given the length of one li in km.
    pub fn km(self, li_km: Km) -> Km {
        match self {
            Length::Km(km) => Km(km),
            Length::Li(li) => Km(li * li_km.0),
        }
    }
}

/// The ground a place stands on or a route crosses. Each kind's speed, grazing and exposure are rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Terrain {
    /// Irrigated oasis land.
    Oasis,
    /// A river corridor with reeds and poplars.
    RiverValley,
    /// Grassland and foothills.
    Steppe,
    /// Stony desert.
    Gobi,
    /// Sand or salt desert (the Lop, the White Dragon Mounds).
    Desert,
    /// Mountain country.
    Mountains,
    /// A high pass.
    Pass,
}

/// Where water comes from at a place or along the watered part of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Water {
    /// No water at all.
    None,
    /// Few brackish wells: little water, and it makes men sick.
    Brackish,
    /// Wells.
    Wells,
    /// Springs or streams.
    Springs,
    /// A river or lake: as much water as anyone can drink.
    River,
}

/// Where a walled city draws its water during a siege.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CityWater {
    /// Wells inside the walls.
    Wells,
    /// A stream from outside the walls, which engineers can divert.
    River,
}

/// A place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDef {
    /// The identifier other entries use to refer to this place.
    pub id: String,
    /// The name shown to the player.
    pub name: String,
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// The ground here.
    pub terrain: Terrain,
    /// The water here.
    pub water: Water,
    /// Forage the pasture here yields a day, in tonnes (it is grazed down and regrows).
    #[serde(default)]
    pub grazing_t: Tonnes,
}

/// A route between two places; routes run both ways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteDef {
    /// One end (a place id).
    pub from: String,
    /// The other end (a place id).
    pub to: String,
    /// How long it is.
    pub length: Length,
    /// The ground it crosses.
    pub terrain: Terrain,
    /// The water along its watered stretches.
    pub water: Water,
    /// Standard days' marches (see the rules' `standard_march_km`) without any water, in the middle of the leg.
    #[serde(default)]
    pub waterless_days: Days,
    /// Seasons in which snow closes it: a column waits at its end until it opens (a column
    /// already on it goes on).
    #[serde(default)]
    pub closed_in: Vec<super::season::Season>,
    /// Seasons in which the rivers it fords are in flood: a column on it goes at the rules'
    /// `flood_speed` times its pace.
    #[serde(default)]
    pub flooded_in: Vec<super::season::Season>,
    /// The power whose lands the road crosses (a state id): while it is hostile, an embassy on
    /// the road may be seized and taken to its city (the rules' `embassy`).
    #[serde(default)]
    pub held_by: Option<String>,
}

/// A city's walls: 0 is an open town, 1 a mud wall, 2 or more a strong one.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Walls {
    /// The outer wall's strength.
    pub outer: f64,
    /// The inner wall's strength (0 where there is none).
    #[serde(default)]
    pub inner: f64,
    /// A wooden palisade outside the outer wall (0 where there is none): its strength adds to
    /// the outer wall's until storming parties burn it.
    #[serde(default)]
    pub palisade: f64,
}

/// An oasis state or kingdom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateDef {
    /// The identifier other entries use to refer to this state.
    pub id: String,
    /// The name shown to the player.
    pub name: String,
    /// The place where its capital stands (a place id).
    pub place: String,
    /// Households (Hanshu 96 census).
    pub households: u32,
    /// Population (Hanshu 96 census).
    pub population: u32,
    /// Trained soldiers (Hanshu 96: 勝兵).
    pub soldiers: u32,
    /// Soldiers who hold the capital itself, where fewer than all of them (default: all).
    #[serde(default)]
    pub garrison: Option<u32>,
    /// The capital's walls.
    #[serde(default)]
    pub walls: Walls,
    /// Where the capital draws its water.
    pub city_water: CityWater,
    /// Attitude toward the Han, from -1 (hostile) to 1 (friendly).
    #[serde(default)]
    pub attitude: f64,
    /// Xiongnu influence, from 0 (none) to 1 (a Xiongnu client).
    #[serde(default, alias = "rival_influence")]
    pub xiongnu_influence: f64,
    /// Share of its soldiers who fight on horseback (0..1): they count for more in the open,
    /// and Han crossbows count for more against them.
    #[serde(default)]
    pub cavalry_share: f64,
    /// Horses the state holds that a victor can take.
    #[serde(default)]
    pub horses: u32,
    /// Superior ("blood-sweating") horses among them, held apart and handed over only on terms.
    #[serde(default)]
    pub superior_horses: u32,
    /// The kingdom this city belongs to (a state id): it does not submit while its overlord resists.
    #[serde(default)]
    pub vassal_of: Option<String>,
    /// The state's ruler by name, if the campaign has aims on him: when the city is stormed or
    /// taken he dies (the rules' `siege.leader_dies`) or is taken alive.
    #[serde(default)]
    pub leader: Option<String>,
}

/// A map file: places, routes and states, shared by campaigns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    /// The format version the file is written for (optional: the game's own, [`super::FORMAT`]).
    #[serde(default)]
    pub format: Option<u32>,
    /// The map's title.
    pub name: String,
    /// Kilometres in one li.
    pub li_km: Km,
    /// The places.
    pub places: Vec<PlaceDef>,
    /// The routes.
    pub routes: Vec<RouteDef>,
    /// The states.
    #[serde(default)]
    pub states: Vec<StateDef>,
    /// Rivers, lakes, deserts and mountain ranges drawn on the game's map (no effect on the
    /// simulation, which knows the ground by its places and routes).
    #[serde(default)]
    pub features: Vec<MapFeature>,
}

/// What a map feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeatureKind {
    /// A river: a line.
    River,
    /// A lake or marsh: an outline.
    Lake,
    /// A sand or stone desert: an outline.
    Desert,
    /// A mountain range: a line along its crest.
    Mountains,
}

/// A river, lake, desert or mountain range on the game's map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFeature {
    /// What it is.
    pub kind: FeatureKind,
    /// Its name, shown on the map.
    pub name: String,
    /// Its line (rivers, ranges) or outline (lakes, deserts): (latitude, longitude) pairs.
    pub points: Vec<(f64, f64)>,
}
