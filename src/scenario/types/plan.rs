//! A plan: the orders a commander gives, step by step (the historical plan, a detachment's).

use serde::{Deserialize, Serialize};

use crate::scenario::units::{CubicMetres, Tonnes};

/// The stores a detachment takes, each where it is not its share of the force's: tonnes of
/// grain and fodder, cubic metres of water.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetachStores {
    /// Grain, tonnes.
    #[serde(default)]
    pub grain_t: Option<Tonnes>,
    /// Fodder, tonnes.
    #[serde(default)]
    pub fodder_t: Option<Tonnes>,
    /// Water, cubic metres.
    #[serde(default)]
    pub water_m3: Option<CubicMetres>,
}

impl DetachStores {
    /// Whether it takes only its share of everything.
    pub fn is_share(&self) -> bool {
        *self == DetachStores::default()
    }
}

/// How big a detachment is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum DetachSize {
    /// This share of the force's men (by arm), animals (by kind), stores and treasure.
    Share(f64),
    /// This many men, with animals, stores and treasure in proportion.
    Men(u32),
}

/// How fast a column marches (see the rules' `standard_march_km`, `march_km` and
/// `forced_march`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Pace {
    /// The standard day's march of a column with its train: the rules' `standard_march_km`,
    /// or its slowest element's pace if that is slower.
    Standard,
    /// As fast as its slowest element goes: the men's light march once the train is left
    /// behind, the oxen's or the carts' pace while it is not.
    #[default]
    Light,
    /// Faster than its slowest element, by the rules' `forced_march.factor`: the men tire and
    /// stragglers fall out every day of it.
    Forced,
}

/// Who drinks first when there is not water for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DrinkFirst {
    /// The men drink first; the animals drink carried water only above the men's reserve.
    #[default]
    Men,
    /// The animals drink first (the men keep what is left): the herds are saved, the men go short.
    Animals,
    /// Men and animals get the same share of what there is, carried water included.
    Shared,
}

/// One step of a plan: the orders a commander gives, in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanStep {
    /// March to a neighbouring place (a place id).
    March(String),
    /// Rest for some days: the men recover from forced marches.
    Rest(u32),
    /// Camp for some days and send foraging parties out along every road from the place: they
    /// bring in the wild food and cut the grass within the rules' `quartermaster.forage_party_km`
    /// of the camp, as far as they can carry (`forage_party_share` of the men, each bringing
    /// `forage_party_kg_per_man` a day), and lose men where a state about has shut its gates.
    Forage(u32),
    /// March at this pace from now on (it takes no time).
    Pace(Pace),
    /// Who drinks first from now on, when there is not water for all (it takes no time).
    Drink(DrinkFirst),
    /// Fill the water skins for so many days of the column's water at each source from now on
    /// (0: enough for the next leg's waterless stretch and a day more, the default). Water is
    /// loaded before grain and fodder taken from states, so more water leaves less room for them
    /// (it takes no time).
    CarryWater(u32),
    /// Ask the state here for supplies. It submits and supplies, sells, refuses (the force then
    /// besieges it for the rules' `give_up_days` and goes on), or attacks.
    Request,
    /// Give the state here so many bolts of silk (gold makes up what silk is missing).
    Gift(u32),
    /// Seize the grain and fodder of the state here.
    Requisition,
    /// Demand a prince of the state here as hostage. A state that submitted or was conquered
    /// sends one; a state that only sells sends one (and from then on supplies without pay) if it
    /// would submit now, and otherwise shuts its gates.
    Hostage,
    /// Put a king friendly to the Han on the throne of the state here, which must have submitted
    /// or been conquered: its attitude becomes the siege terms' `new_king_attitude`, and word of
    /// the settlement raises every other state's.
    InstallKing,
    /// Meet the state's army in the field.
    Battle,
    /// Attack the enemy force in the field here (one raised by a scenario's `EnemyForce`).
    Engage,
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
        /// The stores it takes, where they are not its share of the force's.
        #[serde(default)]
        stores: DetachStores,
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
    /// Stay here to the end, as a garrison: the force's plan ends here and it does not go home.
    Hold,
}

fn yes() -> bool {
    true
}
