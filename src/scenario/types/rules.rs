//! The rules file: rations, loads, speeds, and the parameters of every part of the model.

use serde::{Deserialize, Serialize};

use super::map::{Terrain, Water};
use super::season::Seasons;
use crate::scenario::units::{Kg, Km, Litres, Tonnes};

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

/// The four animal kinds, in a fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnimalKind {
    /// Horses.
    Horses,
    /// Oxen.
    Oxen,
    /// Donkeys and mules.
    Donkeys,
    /// Camels.
    Camels,
}

impl AnimalKind {
    /// Every kind, in order.
    pub const ALL: [AnimalKind; 4] = [
        AnimalKind::Horses,
        AnimalKind::Oxen,
        AnimalKind::Donkeys,
        AnimalKind::Camels,
    ];

    /// The kind's name for reports.
    pub fn name(self) -> &'static str {
        match self {
            AnimalKind::Horses => "horses",
            AnimalKind::Oxen => "oxen",
            AnimalKind::Donkeys => "donkeys",
            AnimalKind::Camels => "camels",
        }
    }
}

impl<T> PerAnimal<T> {
    /// The value for one kind.
    pub fn get(&self, kind: AnimalKind) -> &T {
        match kind {
            AnimalKind::Horses => &self.horses,
            AnimalKind::Oxen => &self.oxen,
            AnimalKind::Donkeys => &self.donkeys,
            AnimalKind::Camels => &self.camels,
        }
    }

    /// The value for one kind, to change.
    pub fn get_mut(&mut self, kind: AnimalKind) -> &mut T {
        match kind {
            AnimalKind::Horses => &mut self.horses,
            AnimalKind::Oxen => &mut self.oxen,
            AnimalKind::Donkeys => &mut self.donkeys,
            AnimalKind::Camels => &mut self.camels,
        }
    }

    /// The same value for every kind.
    pub fn splat(value: T) -> Self
    where
        T: Copy,
    {
        PerAnimal {
            horses: value,
            oxen: value,
            donkeys: value,
            camels: value,
        }
    }
}

impl PerAnimal<u32> {
    /// All animals together.
    pub fn total(&self) -> u32 {
        [self.horses, self.oxen, self.donkeys, self.camels]
            .iter()
            .fold(0u32, |a, b| a.saturating_add(*b))
    }
}

/// What a man or an animal eats and drinks in a day.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ration {
    /// Grain, kg a day.
    #[serde(default)]
    pub grain_kg: Kg,
    /// Fodder (straw, hay, or grazing), kg a day.
    #[serde(default)]
    pub fodder_kg: Kg,
    /// Water, litres a day.
    pub water_l: Litres,
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
    pub grazing_t: Tonnes,
    /// Food men find by foraging, hunting and fishing, tonnes a day for the whole column.
    pub food_t: Tonnes,
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
    pub litres_per_day: Litres,
    /// Extra daily chance of disease for a man who drinks from it.
    pub disease: f64,
}

/// Daily attrition rates and what drives them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttritionRules {
    /// How fast the body's reserve follows what a man or an animal ate (0..1, a daily weight).
    pub nourishment_memory: f64,
    /// Disease and desertion by what the force does, as factors on their daily rates (optional:
    /// 1 for all).
    #[serde(default)]
    pub by_activity: ByActivity,
    /// Nourishment (0..1) below which men and animals begin to die of hunger.
    pub hunger_threshold: f64,
    /// The same for the animals (optional; the men's when left out).
    #[serde(default)]
    pub animal_hunger_threshold: Option<f64>,
    /// Daily death chance at zero nourishment (men).
    pub hunger_rate: f64,
    /// Daily death chance at zero nourishment (animals).
    pub animal_hunger_rate: f64,
    /// Days a man or animal lasts without water before thirst kills.
    pub thirst_days: PerAnimal<f64>,
    /// Days a man lasts without water before thirst kills.
    pub man_thirst_days: f64,
    /// Thirst builds by the share of the day's water not drunk (a day with nothing adds a day);
    /// a day with all its water clears this many.
    pub thirst_recovery: f64,
    /// The water men and animals need in each season, times their ration's `water_l` (heat).
    pub water_by_season: Seasons,
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
    /// The share of its base morale an army keeps on no food at all (it rises with how it is fed).
    pub morale_fed_floor: f64,
    /// Morale follows its target by this share of the gap each day.
    pub morale_memory: f64,
}

/// The country about a place: what its men find there, and how it grows back.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForageRules {
    /// The wild food about a place stands this many days of its terrain's `food_t` deep before
    /// it is stripped.
    pub stock_days: f64,
    /// Days a stripped place takes to grow its wild food back, at a season's growth of 1.
    pub regrowth_days: f64,
    /// Share of the forage about a town its foragers can still reach while the town's gates are
    /// shut against them (the harvest is inside the walls).
    pub shut_town_share: f64,
    /// How fast pasture and wild food grow back in each season (1: a place's `grazing_t` a day,
    /// and its wild food over `regrowth_days`).
    pub growth_by_season: Seasons,
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
    /// Attitude every other state loses when the Han seize a state's grain (word runs ahead of
    /// the army).
    pub requisition_region_attitude: f64,
    /// A submitting state sends a prince as hostage once Han prestige is at least this.
    pub hostage_prestige: f64,
    /// Grain a household can spare after the harvest, kg.
    pub grain_per_household_kg: Kg,
    /// Fodder a household can spare, kg.
    pub fodder_per_household_kg: Kg,
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
    /// A refused request is pressed with assaults from this day of its siege on (none: by
    /// blockade alone).
    #[serde(default)]
    pub press_assault_from: Option<u32>,
    /// Share of the food left inside a city (its people's rations for the days it had left) the
    /// victors carry off when they take it by force (0: none).
    #[serde(default)]
    pub booty_food_share: f64,
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
    /// The chance that storming parties who reach a wooden palisade set it alight and it burns
    /// (it adds its strength to the wall until it does; optional, 0.5 if left out).
    #[serde(default = "half")]
    pub palisade_burns: f64,
    /// The chance that a city's leader dies when the city is stormed or taken (else he is taken
    /// alive; optional, 0.5 if left out).
    #[serde(default = "half")]
    pub leader_dies: f64,
    /// The chance that a city's leader is wounded in a fight at his city (a sally, an assault,
    /// a storm, a battle before its walls; optional, 0).
    #[serde(default)]
    pub leader_wounded: f64,
    /// Defenders' morale lost when their leader is wounded (optional, 0).
    #[serde(default)]
    pub leader_wound_morale: f64,
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
    /// The share of their strength the men keep at the worst condition (starving and worn).
    pub fitness_floor: f64,
    /// The share of their strength the men keep at no morale at all.
    pub morale_floor: f64,
    /// Of a beaten side's losses, the share taken alive (captured, or surrendered in the rout)
    /// rather than killed (optional, 0).
    #[serde(default)]
    pub captured_share: f64,
    /// Men wounded for each man killed, on either side (optional, 0). A wounded man marches and
    /// eats but does not fight until he heals.
    #[serde(default)]
    pub wounded_per_killed: f64,
    /// Days a wound takes to heal (optional, 30).
    #[serde(default = "wound_days")]
    pub wound_days: f64,
    /// Share of the wounded who die of their wounds while they heal, counted as killed in
    /// battle (optional, 0).
    #[serde(default)]
    pub wound_deaths: f64,
    /// The edge of an enemy that falls on a camp by night: its strength is counted this many
    /// times (optional, 1).
    #[serde(default = "no_edge")]
    pub night_edge: f64,
}

fn no_edge() -> f64 {
    1.0
}

/// The rules of the model: rations, loads, speeds, and what drives losses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The format version the file is written for (optional: the game's own, [`super::FORMAT`]).
    #[serde(default)]
    pub format: Option<u32>,
    /// Kilometres in a standard day's march (the unit of `waterless_days`).
    pub standard_march_km: Km,
    /// Daily rations.
    pub rations: Rations,
    /// What a man carries of food and water, kg.
    pub man_load_kg: Kg,
    /// What each pack animal carries, kg (ridden horses carry nothing).
    pub loads_kg: PerAnimal<Kg>,
    /// A man's march in a day, km.
    pub man_march_km: Km,
    /// The share of a column's march its men still make at the worst condition (starving and
    /// worn); at full condition they make all of it.
    pub march_fitness_floor: f64,
    /// The animals drink carried water only above this many days of the men's.
    pub men_water_reserve_days: f64,
    /// Each animal kind's march in a day, km.
    pub march_km: PerAnimal<Km>,
    /// One day of rest after this many days on the march.
    pub rest_every_days: u32,
    /// Carts, where the army has them: how many oxen draw one, what it carries, how fast.
    #[serde(default)]
    pub cart: Option<CartRule>,
    /// The forced march, where the rules allow it: how much faster, and what it costs.
    #[serde(default)]
    pub forced_march: Option<ForcedMarchRule>,
    /// A column on a road whose rivers are in flood (its `flooded_in` seasons) goes this share
    /// of its pace, waiting at fords and ferrying (needed where a road floods).
    #[serde(default)]
    pub flood_speed: Option<f64>,
    /// Usable meat from one animal of each kind, kg.
    pub meat_kg: PerAnimal<Kg>,
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
    /// The country about a place: the wild food men forage there, shared by every force camped
    /// there, eaten down, and growing back by season with the pasture.
    pub forage: ForageRules,
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
    /// The heuristic commander (`run --plan ai`, and the AI's columns).
    pub commander: CommanderRules,
    /// What the quartermaster's orders on rations and the officers may do.
    #[serde(default)]
    pub quartermaster: QuartermasterRule,
    /// How states answer an embassy, and how a party is seized and held in a hostile power's
    /// lands and escapes (optional: without it envoys are answered as armies are, and never
    /// seized).
    #[serde(default)]
    pub embassy: Option<EmbassyRules>,
}

/// How states answer an embassy (a force with `envoy: true`), and captivity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbassyRules {
    /// The log-odds that a state receives an envoy as a guest (and feeds the party), before its
    /// attitude and its rival's sway.
    pub welcome: f64,
    /// The log-odds that a state that receives an envoy also agrees to an alliance.
    pub alliance: f64,
    /// Weight of the state's attitude toward the envoy's side in both.
    pub attitude_weight: f64,
    /// Weight of the rival power's influence over the state (its `xiongnu_influence`) against both.
    pub rival_weight: f64,
    /// The share of refusals, by a state hostile to the envoy's side, that detain the party.
    pub detain_share: f64,
    /// The log-odds a party brought by another host's guides adds to its welcome at the next
    /// state (optional, 0 if left out). While guided it is not seized on a hostile power's road.
    #[serde(default)]
    pub introduced: f64,
    /// The chance a day that a party on a road held by a hostile power is seized.
    pub seize_per_day: f64,
    /// The share of the party killed when it is seized.
    pub seized_killed: f64,
    /// Days a party is held in all (over every captivity) before its captors' watch grows slack
    /// and it may slip away.
    pub watched_days: f64,
    /// The chance a day, once the watch is slack, that a held party slips away.
    pub escape_per_day: f64,
    /// The share of a held party's men who get away when it escapes (the rest stay captive; at
    /// least one man gets away).
    pub escape_share: f64,
    /// Days of food, fodder and water a held party has by it: its captors feed it, and it
    /// flees with what it has.
    pub held_fed_days: f64,
}

fn half() -> f64 {
    0.5
}

/// Factors on the daily rates of disease and desertion, by what a force does that day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByActivity {
    /// On a day's march.
    pub marching: f64,
    /// On a day not marched (resting, asking, besieging, waiting).
    pub camped: f64,
    /// An embassy living as a state's guests.
    pub hosted: f64,
    /// A party held captive.
    pub held: f64,
}

impl Default for ByActivity {
    fn default() -> Self {
        ByActivity {
            marching: 1.0,
            camped: 1.0,
            hosted: 1.0,
            held: 1.0,
        }
    }
}

/// What the quartermaster's orders on rations, the officers, foraging parties and convoys may do.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuartermasterRule {
    /// The smallest share of the full ration the men may be put on (`rations X`).
    pub least_ration: f64,
    /// Punishing the officers (`punish`) cuts the share of the ration they withhold by this
    /// share of itself…
    pub punish_cut: f64,
    /// …and costs the force this much morale.
    pub punish_morale: f64,
    /// The share of a camp's men who go out with foraging parties (`forage N`).
    pub forage_party_share: f64,
    /// How far along each road from the camp the parties go, km.
    pub forage_party_km: Km,
    /// What one man of a party brings back in a day, kg (wild food and cut grass together).
    pub forage_party_kg_per_man: Kg,
    /// Daily chance that a man of a party is killed, where the state at the camp or at the far
    /// end of a road the parties scour has shut its gates on the army.
    pub forage_party_loss: f64,
    /// Han prestige gained when a state sends a prince as hostage on demand (`hostage`).
    pub prestige_for_hostage: f64,
    /// The share of its Xiongnu influence a state loses when its prince is held at court.
    pub hostage_influence_cut: f64,
    /// Han prestige gained when a friendly king is put on a state's throne (`king`).
    pub prestige_for_new_king: f64,
    /// How much every other state's attitude rises at the news of a settlement under a friendly
    /// king rather than a sack.
    pub new_king_region_attitude: f64,
}

impl Default for QuartermasterRule {
    fn default() -> Self {
        QuartermasterRule {
            least_ration: 0.5,
            punish_cut: 0.5,
            punish_morale: 0.1,
            forage_party_share: 0.2,
            forage_party_km: Km(15.0),
            forage_party_kg_per_man: Kg(10.0),
            forage_party_loss: 0.002,
            prestige_for_hostage: 0.02,
            hostage_influence_cut: 0.5,
            prestige_for_new_king: 0.05,
            new_king_region_attitude: 0.05,
        }
    }
}

/// A cart and its team.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CartRule {
    /// Oxen that draw one cart.
    pub oxen: u32,
    /// What one cart carries, kg.
    pub load_kg: Kg,
    /// A cart's march in a day, km.
    pub march_km: Km,
}

/// What a forced march gains and costs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForcedMarchRule {
    /// The column goes this many times its slowest element's pace.
    pub factor: f64,
    /// Fatigue (0..1) the men gather each day of it; a worn column marches and fights worse.
    pub fatigue: f64,
    /// Daily chance that a man falls out and is lost, on each day of it.
    pub straggle: f64,
    /// Fatigue shed each day the column does not march.
    pub recovery: f64,
}

/// How the heuristic commander behaves.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommanderRules {
    /// It goes home once fewer than this share of the men it ever had are left.
    pub retreat_share: f64,
    /// Bolts of silk it gives a state that is cool toward the Han before asking.
    pub gift_bolts: u32,
    /// The most days it besieges its objective.
    pub siege_days: u32,
    /// It assaults the objective's walls from this day of the siege on.
    pub assault_from_day: u32,
    /// The most echelons it divides a column into on a road whose water points yield less than
    /// the column drinks in a day (each echelon a day's march behind the one before; optional,
    /// 1 when left out: it never divides).
    #[serde(default = "one")]
    pub echelons: u32,
    /// It attacks an enemy in the field at its place when its chance of winning is at least this
    /// (optional, 1 when left out: it never attacks first).
    #[serde(default = "never_engage")]
    pub engage_chance: f64,
}

fn never_engage() -> f64 {
    1.0
}

fn one() -> u32 {
    1
}

fn wound_days() -> f64 {
    30.0
}
