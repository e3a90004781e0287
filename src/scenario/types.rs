//! The scenario file format: serde types for maps, rules and campaigns, as modders write them.
//!
//! Every struct denies unknown fields, so a misspelt field is an error that names the valid ones.
//! The modding guide (`scenarios/MODDING.md`) documents each field.

use serde::{Deserialize, Serialize};

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
    pub fn km(self, li_km: f64) -> f64 {
        match self {
            Length::Km(km) => km,
            Length::Li(li) => li * li_km,
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
    pub grazing_t: f64,
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
    pub waterless_days: f64,
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
    #[serde(default)]
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
}

/// A map file: places, routes and states, shared by campaigns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    /// The map's title.
    pub name: String,
    /// Kilometres in one li.
    pub li_km: f64,
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

/// A value for each kind of animal.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerAnimal<T> {
    /// Horses.
    pub horses: T,
    /// Oxen.
    pub oxen: T,
    /// Donkeys and mules.
    pub donkeys: T,
    /// Camels.
    pub camels: T,
}

/// What a man or an animal eats and drinks in a day.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ration {
    /// Grain, kg a day.
    #[serde(default)]
    pub grain_kg: f64,
    /// Fodder (straw, hay, or grazing), kg a day.
    #[serde(default)]
    pub fodder_kg: f64,
    /// Water, litres a day.
    pub water_l: f64,
}

/// Rations for men and each kind of animal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rations {
    /// A man's daily ration.
    pub man: Ration,
    /// Each animal kind's daily ration.
    pub animals: PerAnimal<Ration>,
}

/// How each terrain treats a column.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerrainRule {
    /// The terrain this rule is for.
    pub terrain: Terrain,
    /// Speed factor on the march (1 is normal).
    pub speed: f64,
    /// Forage found along the way, tonnes a day for the whole column.
    pub grazing_t: f64,
    /// Food men find by foraging, hunting and fishing, tonnes a day for the whole column.
    pub food_t: f64,
    /// Daily chance that a man dies of exposure here.
    pub exposure: f64,
    /// Daily chance that an animal dies of exhaustion or exposure here, on the march.
    pub animal_exposure: f64,
}

/// How much water each source yields a day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterRule {
    /// The source this rule is for.
    pub water: Water,
    /// Litres a day the source yields (a river: any large number).
    pub litres_per_day: f64,
    /// Extra daily chance of disease for a man who drinks from it.
    pub disease: f64,
}

/// Daily attrition rates and what drives them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttritionRules {
    /// How fast the body's reserve follows what a man or an animal ate (0..1, a daily weight).
    pub nourishment_memory: f64,
    /// Nourishment (0..1) below which men and animals begin to die of hunger.
    pub hunger_threshold: f64,
    /// Daily death chance at zero nourishment (men).
    pub hunger_rate: f64,
    /// Daily death chance at zero nourishment (animals).
    pub animal_hunger_rate: f64,
    /// Days a man or animal lasts without water before thirst kills.
    pub thirst_days: PerAnimal<f64>,
    /// Days a man lasts without water before thirst kills.
    pub man_thirst_days: f64,
    /// Daily death chance per day past the limit without water.
    pub thirst_rate: f64,
    /// Base daily chance of dying of disease.
    pub disease: f64,
    /// Extra disease chance per unit of hunger (1 - nourishment).
    pub disease_hunger: f64,
    /// Base daily chance that a man deserts.
    pub desertion: f64,
    /// Extra desertion chance per unit of the ration missing that day.
    pub desertion_hunger: f64,
    /// Extra desertion chance per unit of morale below 1.
    pub desertion_morale: f64,
    /// Exposure multiplied by season (heat in summer, cold in winter).
    pub exposure_by_season: Seasons,
}

/// A value for each season (months 1-3 spring, 4-6 summer, 7-9 autumn, 10-12 winter).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seasons {
    /// Spring.
    pub spring: f64,
    /// Summer.
    pub summer: f64,
    /// Autumn.
    pub autumn: f64,
    /// Winter.
    pub winter: f64,
}

/// How states answer a force (see `src/sim/diplomacy.rs` and the modding guide for the rule).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiplomacyRules {
    /// Weight of the natural log of displayed power (force strength over the state's soldiers).
    pub power_weight: f64,
    /// Weight of the state's attitude.
    pub attitude_weight: f64,
    /// Weight of Han prestige.
    pub prestige_weight: f64,
    /// Weight of Xiongnu influence (subtracted).
    pub xiongnu_weight: f64,
    /// Weight of the force's want (subtracted): `1 − days of food carried / hunger_days`, at least
    /// 0. A town can wait out an army that must move on for food in a few days.
    pub hunger_weight: f64,
    /// Days of food carried at which a force shows no want.
    pub hunger_days: f64,
    /// Constant term of the logit.
    pub bias: f64,
    /// How much further down the scale a state that will not submit still sells, where the force
    /// can pay (a logit margin; 0: never sells).
    pub sell_margin: f64,
    /// A refusing state attacks the column at its gates with chance
    /// `win chance · (−attitude) · attack_boldness`.
    pub attack_boldness: f64,
    /// Extra logit for a state that has beaten a Han force before: it dares again.
    pub victor_boldness: f64,
    /// Attitude a gift raises, per unit of ln(1 + cash / (households · `gift_cash_per_household`)).
    pub gift_weight: f64,
    /// Cash per household that makes a gift count (see `gift_weight`).
    pub gift_cash_per_household: f64,
    /// Attitude every state loses when the Han seize grain from a state that had submitted (word of
    /// a broken promise travels).
    pub broken_promise: f64,
    /// Attitude a state loses when its grain is seized.
    pub requisition_attitude: f64,
    /// A submitting state sends a prince as hostage once Han prestige is at least this.
    pub hostage_prestige: f64,
    /// Grain a household can spare after the harvest, kg.
    pub grain_per_household_kg: f64,
    /// Fodder a household can spare, kg.
    pub fodder_per_household_kg: f64,
    /// Share of the year's spare grain and fodder still in the granaries, by season (the harvest
    /// comes in at the start of autumn).
    pub granary_by_season: Seasons,
    /// Cash one bolt of silk is worth.
    pub silk_bolt_cash: f64,
    /// Cash one jin of gold is worth.
    pub gold_jin_cash: f64,
    /// What a state asks for a kilogram of grain, cash.
    pub grain_price_cash_per_kg: f64,
    /// What a state asks for a kilogram of fodder, cash.
    pub fodder_price_cash_per_kg: f64,
    /// Prestige gained by taking a city.
    pub prestige_for_victory: f64,
    /// Prestige gained each time a state submits: its neighbours watch what it does.
    pub prestige_for_submission: f64,
    /// Prestige lost by a lost battle or a lifted siege.
    pub prestige_for_defeat: f64,
}

/// Sieges: blockade, water, assault, sallies and terms (see `src/sim/siege.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiegeRules {
    /// Defenders' morale lost a day to the blockade, per unit of (ratio / (1 + walls))², where
    /// ratio is the besieger's strength over the garrison. A city surrenders when its morale is gone.
    pub blockade_pressure: f64,
    /// The strength ratio is capped here before it presses a siege.
    pub max_ratio: f64,
    /// Days of food a city holds when it is besieged.
    pub city_food_days: f64,
    /// Days of water a river-fed city holds in cisterns once its stream is cut.
    pub cistern_days: f64,
    /// Defenders' morale lost a day once the city's food is gone.
    pub hunger_pressure: f64,
    /// Defenders' morale lost a day once the city's water is gone.
    pub thirst_pressure: f64,
    /// Days engineers need to divert the stream a city drinks from.
    pub divert_days: u32,
    /// Prestige gained when a city that refused is taken and sacked: the others take note.
    pub massacre_prestige: f64,
    /// Days a force besieges a city that refused it before it gives up and moves on.
    pub give_up_days: u32,
    /// Days of the besieger's grain below which it lifts a siege.
    pub lift_below_days: f64,
    /// Share of a city's horses the victor takes when it storms or sacks it.
    pub horses_taken: f64,
    /// Daily chance that the defenders sally, at full morale (it scales with their morale).
    pub sally_chance: f64,
    /// Share of the garrison that sallies.
    pub sally_share: f64,
    /// Share of the besieger's men a sally falls on (the losses are theirs).
    pub sally_exposed: f64,
    /// Share of the besieger's men who storm the wall in an assault (the losses are theirs).
    pub assault_share: f64,
    /// Days between assaults, once a commander orders them.
    pub assault_every_days: u32,
    /// Defenders' morale lost when a wall is breached.
    pub breach_morale: f64,
    /// Defenders' morale lost when an assault is thrown back (negative: they take heart).
    pub repulse_morale: f64,
    /// The terms a city offers when its morale breaks.
    pub terms: TermsRules,
}

/// The terms a besieged city offers when its morale breaks, and what refusing them costs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermsRules {
    /// Share of its ordinary horses the city hands over.
    pub horses: f64,
    /// Share of its superior horses it hands over.
    pub superior_horses: f64,
    /// Share of its spare grain it hands over.
    pub grain: f64,
    /// Attitude toward the Han of the new king the victor enthrones.
    pub new_king_attitude: f64,
    /// Share of its horses the city kills if the terms are refused.
    pub horses_killed_if_refused: f64,
    /// Defenders' morale after refused terms: they fight on in despair.
    pub morale_if_refused: f64,
}

/// Field battles, sallies and assaults: one documented model (see `src/sim/battle.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BattleRules {
    /// Steepness of the win chance in the log of the strength ratio.
    pub steepness: f64,
    /// Strength multiplier per point of wall a defender stands behind.
    pub wall_factor: f64,
    /// A horseman counts as this many foot soldiers.
    pub cavalry_strength: f64,
    /// Han foot (crossbowmen) count for `1 + crossbow_vs_cavalry · enemy cavalry share` each.
    pub crossbow_vs_cavalry: f64,
    /// Share of the loser's men killed in an even battle.
    pub loser_losses: f64,
    /// Share of the winner's men killed in an even battle.
    pub winner_losses: f64,
    /// Losses scale with the square root of the enemy's strength over one's own, capped here.
    pub max_losses: f64,
    /// Morale a force loses with a lost battle.
    pub defeat_morale: f64,
    /// A relief army attacks a besieger only if its strength is at least this share of the
    /// besieger's; otherwise it watches and goes home.
    pub relief_dare_ratio: f64,
}

/// The rules of the model: rations, loads, speeds, and what drives losses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Kilometres in a standard day's march (the unit of `waterless_days`).
    pub standard_march_km: f64,
    /// Daily rations.
    pub rations: Rations,
    /// What a man carries of food and water, kg.
    pub man_load_kg: f64,
    /// What each pack animal carries, kg (ridden horses carry nothing).
    pub loads_kg: PerAnimal<f64>,
    /// A man's march in a day, km.
    pub man_march_km: f64,
    /// Each animal kind's march in a day, km.
    pub march_km: PerAnimal<f64>,
    /// One day of rest after this many days on the march.
    pub rest_every_days: u32,
    /// Usable meat from one animal of each kind, kg.
    pub meat_kg: PerAnimal<f64>,
    /// Oxen are slaughtered whenever grain runs short; donkeys, pack horses and camels only once
    /// the men's nourishment falls below this.
    pub slaughter_pack_below: f64,
    /// Kilograms of grain one kilogram of meat replaces.
    pub meat_grain_equivalent: f64,
    /// Share of the meat that spoils each day.
    pub meat_spoilage: f64,
    /// Share of an animal's meat that can be eaten when it dies of hunger or thirst.
    pub carcass_meat: f64,
    /// A pasture can be grazed this many days' regrowth deep before it is bare.
    pub pasture_days: f64,
    /// Horses get grain from the stores only while the men have this many days of grain left.
    pub animal_grain_reserve_days: f64,
    /// Each terrain's effect.
    pub terrain: Vec<TerrainRule>,
    /// Each water source's yield.
    pub water: Vec<WaterRule>,
    /// Attrition.
    pub attrition: AttritionRules,
    /// Diplomacy.
    pub diplomacy: DiplomacyRules,
    /// Sieges.
    pub siege: SiegeRules,
    /// Battles.
    pub battle: BattleRules,
}

/// Men by arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenDef {
    /// Foot soldiers (and convicts).
    #[serde(default)]
    pub infantry: u32,
    /// Horsemen (each rides one of the force's horses).
    #[serde(default)]
    pub cavalry: u32,
}

/// Stores a force sets out with.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoresDef {
    /// Grain, tonnes.
    #[serde(default)]
    pub grain_t: f64,
    /// Fodder, tonnes.
    #[serde(default)]
    pub fodder_t: f64,
    /// Water, cubic metres (tonnes).
    #[serde(default)]
    pub water_m3: f64,
}

/// A force at the start of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceDef {
    /// Its name.
    pub name: String,
    /// Where it starts (a place id).
    pub at: String,
    /// Men by arm.
    pub men: MenDef,
    /// Animals by kind.
    pub animals: PerAnimal<u32>,
    /// Stores carried at the start.
    pub stores: StoresDef,
    /// Morale at the start, 0..1.
    pub morale: f64,
    /// Share of the men's ration that officers withhold (0..1).
    #[serde(default)]
    pub corruption: f64,
    /// Whether water engineers (水工) march with the force: they divert a besieged city's stream.
    #[serde(default)]
    pub engineers: bool,
    /// Bolts of silk carried for gifts and purchases.
    #[serde(default)]
    pub silk_bolts: u32,
    /// Jin of gold carried for gifts and purchases.
    #[serde(default)]
    pub gold_jin: u32,
}

/// A state's attitude in this campaign, where it differs from the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateOverride {
    /// The state (a state id).
    pub state: String,
    /// Attitude toward the Han in this campaign.
    #[serde(default)]
    pub attitude: Option<f64>,
    /// Xiongnu influence in this campaign.
    #[serde(default)]
    pub xiongnu_influence: Option<f64>,
}

/// How big a detachment is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum DetachSize {
    /// This share of the force's men (by arm), animals (by kind), stores and treasure.
    Share(f64),
    /// This many men, with animals, stores and treasure in proportion.
    Men(u32),
}

/// One step of a plan: the orders a commander gives, in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanStep {
    /// March to a neighbouring place (a place id).
    March(String),
    /// Rest for some days.
    Rest(u32),
    /// Ask the state here for supplies. It submits and supplies, sells, refuses (the force then
    /// besieges it for the rules' `give_up_days` and goes on), or attacks.
    Request,
    /// Give the state here so many bolts of silk (gold makes up what silk is missing).
    Gift(u32),
    /// Seize the grain and fodder of the state here.
    Requisition,
    /// Meet the state's army in the field.
    Battle,
    /// Storm the state's city.
    Attack,
    /// Besiege the state's city.
    Besiege {
        /// The most days the commander will spend.
        days: u32,
        /// Assault the walls from this day of the siege on (every `assault_every_days`).
        #[serde(default)]
        assault_from: Option<u32>,
        /// Accept the terms the city offers when its morale breaks (else fight on).
        #[serde(default = "yes")]
        accept_terms: bool,
    },
    /// Send a detachment on its own plan.
    Detach {
        /// The detachment's name (unique among the campaign's forces).
        name: String,
        /// How big it is.
        size: DetachSize,
        /// Its orders; when they are done it goes home.
        plan: Vec<PlanStep>,
    },
    /// Merge into the named force: wait here until it is here too.
    Join(String),
    /// Wait here (resting) until the named force has joined, or for at most so many days.
    WaitFor {
        /// The force waited for.
        force: String,
        /// The most days to wait.
        days: u32,
    },
    /// Go home by the way the force came.
    Return,
}

fn yes() -> bool {
    true
}

/// When a force on its plan gives up and goes home.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetreatRule {
    /// Go home after losing a battle.
    pub after_defeat: bool,
    /// Go home once fewer than this share of the men who set out remain.
    pub below_share: f64,
}

/// What the campaign is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// The state whose capital must fall (a state id).
    pub capture: String,
    /// Where the army must come home to (a place id).
    pub home: String,
}

/// The day a campaign starts, by the Han calendar approximated as 30-day months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartDate {
    /// Year BC.
    pub year_bc: i32,
    /// Month, 1..=12 (month 1 begins spring).
    pub month: u32,
    /// Day of the month, 1..=30.
    pub day: u32,
}

/// A campaign file: which map and rules, the forces, and the historical plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignFile {
    /// The campaign's title.
    pub name: String,
    /// A paragraph for the menu.
    #[serde(default)]
    pub description: String,
    /// The map file, relative to this file.
    pub map: String,
    /// The rules file, relative to this file.
    pub rules: String,
    /// The first day.
    pub start: StartDate,
    /// The seed used when the player gives none.
    #[serde(default)]
    pub seed: u64,
    /// The campaign ends after this many days at most.
    pub max_days: u32,
    /// Han prestige in the Western Regions at the start (-1..1).
    #[serde(default)]
    pub prestige: f64,
    /// States' attitudes where this campaign differs from the map.
    #[serde(default)]
    pub states: Vec<StateOverride>,
    /// The forces.
    pub forces: Vec<ForceDef>,
    /// What the campaign is for.
    pub objective: Objective,
    /// When the plan gives up.
    pub retreat: RetreatRule,
    /// The historical plan: the orders the real commander gave.
    pub plan: Vec<PlanStep>,
    /// Things that happen when their trigger comes: messages, reinforcements, allies, relief armies.
    #[serde(default)]
    pub events: Vec<EventDef>,
    /// The historical record, shown beside the model's figures by `compare`.
    #[serde(default)]
    pub history: Option<HistoryDef>,
}

/// A figure of the historical record that `compare` can set beside the model's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    /// Days from the start until the objective fell.
    DaysToObjective,
    /// Men of the main army on its arrival at the objective.
    MenAtObjective,
    /// Days the objective was besieged.
    SiegeDays,
    /// Horses taken.
    HorsesObtained,
    /// Men who came home.
    MenHome,
    /// Horses that came home.
    HorsesHome,
}

/// One historical figure and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoricalFigure {
    /// Which figure.
    pub figure: Figure,
    /// Its value.
    pub value: f64,
    /// Where it comes from.
    pub source: String,
}

/// The historical record of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryDef {
    /// How it ended: "victory", "retreat" or "destroyed".
    pub outcome: String,
    /// The source for the outcome.
    pub source: String,
    /// Figures, each with its source.
    #[serde(default)]
    pub figures: Vec<HistoricalFigure>,
}

/// When an event fires (once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Trigger {
    /// On this day of the campaign (0 is the first).
    Day(u32),
    /// When any force first reaches this place (a place id).
    Arrive(String),
    /// When a siege of this state (a state id) has lasted so many days.
    SiegeDays(String, u32),
    /// When this state (a state id) falls or accepts terms.
    Falls(String),
    /// When this state (a state id) answers a request, however it answers.
    Answers(String),
}

/// What an event does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// A line in the chronicle.
    Message(String),
    /// Han prestige changes by this much.
    Prestige(f64),
    /// A state's attitude becomes this (a state id, a value -1..1).
    Attitude(String, f64),
    /// Men, animals and stores join the first force still in the field.
    Reinforce {
        /// Men by arm.
        #[serde(default)]
        men: MenDef,
        /// Animals by kind.
        #[serde(default)]
        animals: PerAnimal<u32>,
        /// Stores.
        #[serde(default)]
        stores: StoresDef,
    },
    /// Allies join the first force still in the field; in battle they fight with `commitment`
    /// of their strength (0: they watch).
    Ally {
        /// Who they are.
        name: String,
        /// Men.
        men: u32,
        /// Share who are horsemen.
        #[serde(default)]
        cavalry_share: f64,
        /// Share of their strength they commit to a battle, 0..1.
        commitment: f64,
    },
    /// A relief army marches to a besieged state's aid; if the siege still goes on when it comes,
    /// it gives battle to the besieger.
    Relief {
        /// Who they are.
        name: String,
        /// The state it relieves (a state id).
        state: String,
        /// Men.
        men: u32,
        /// Share who are horsemen.
        #[serde(default)]
        cavalry_share: f64,
        /// Days until it arrives.
        days: u32,
    },
}

/// An event: a trigger and its effects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// When it fires.
    pub when: Trigger,
    /// What it does, in order.
    pub then: Vec<Effect>,
}

/// Changes to one force of the campaign an overlay builds on.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceChange {
    /// Which force (0 for the first).
    #[serde(default)]
    pub force: usize,
    /// Men by arm.
    #[serde(default)]
    pub men: Option<MenDef>,
    /// Animals by kind.
    #[serde(default)]
    pub animals: Option<PerAnimal<u32>>,
    /// Stores at the start.
    #[serde(default)]
    pub stores: Option<StoresDef>,
    /// Morale at the start.
    #[serde(default)]
    pub morale: Option<f64>,
    /// Officers' corruption.
    #[serde(default)]
    pub corruption: Option<f64>,
    /// Whether water engineers march with it.
    #[serde(default)]
    pub engineers: Option<bool>,
    /// Bolts of silk.
    #[serde(default)]
    pub silk_bolts: Option<u32>,
    /// Jin of gold.
    #[serde(default)]
    pub gold_jin: Option<u32>,
}

/// An overlay: another campaign with a few changes, for what-ifs. Everything not named here is
/// the base campaign's (its map, rules, forces, plan and events); the historical record is
/// dropped unless the overlay gives one, since a what-if has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlayFile {
    /// The campaign file this one changes, relative to this file.
    pub overlay: String,
    /// The what-if's title.
    pub name: String,
    /// A paragraph for the menu.
    #[serde(default)]
    pub description: Option<String>,
    /// The seed used when the player gives none.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The last day.
    #[serde(default)]
    pub max_days: Option<u32>,
    /// Han prestige at the start.
    #[serde(default)]
    pub prestige: Option<f64>,
    /// States' attitudes in this what-if (before the base campaign's).
    #[serde(default)]
    pub states: Vec<StateOverride>,
    /// Changes to the forces.
    #[serde(default)]
    pub forces: Vec<ForceChange>,
    /// A new plan (else the base campaign's).
    #[serde(default)]
    pub plan: Option<Vec<PlanStep>>,
    /// New events (else the base campaign's).
    #[serde(default)]
    pub events: Option<Vec<EventDef>>,
    /// A historical record for the what-if, if it has one.
    #[serde(default)]
    pub history: Option<HistoryDef>,
}

impl OverlayFile {
    /// The base campaign with this overlay's changes; the index of a force change that names no
    /// force, if any.
    pub fn apply(&self, mut c: CampaignFile) -> Result<CampaignFile, usize> {
        c.name = self.name.clone();
        if let Some(d) = &self.description {
            c.description = d.clone();
        }
        if let Some(seed) = self.seed {
            c.seed = seed;
        }
        if let Some(days) = self.max_days {
            c.max_days = days;
        }
        if let Some(p) = self.prestige {
            c.prestige = p;
        }
        let mut states = self.states.clone();
        states.append(&mut c.states);
        c.states = states;
        for (i, change) in self.forces.iter().enumerate() {
            let f = c.forces.get_mut(change.force).ok_or(i)?;
            if let Some(men) = change.men {
                f.men = men;
            }
            if let Some(animals) = change.animals {
                f.animals = animals;
            }
            if let Some(stores) = change.stores {
                f.stores = stores;
            }
            if let Some(m) = change.morale {
                f.morale = m;
            }
            if let Some(x) = change.corruption {
                f.corruption = x;
            }
            if let Some(e) = change.engineers {
                f.engineers = e;
            }
            if let Some(s) = change.silk_bolts {
                f.silk_bolts = s;
            }
            if let Some(g) = change.gold_jin {
                f.gold_jin = g;
            }
        }
        if let Some(plan) = &self.plan {
            c.plan = plan.clone();
        }
        if let Some(events) = &self.events {
            c.events = events.clone();
        }
        c.history = self.history.clone();
        Ok(c)
    }
}
