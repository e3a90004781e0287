//! The campaign file: which map and rules, the forces, the objective and the historical plan.

use serde::{Deserialize, Serialize};

use super::army::ForceDef;
use super::date::StartDate;
use super::events::EventDef;
use super::history::HistoryDef;
use super::muster::MusterDef;
use super::plan::PlanStep;

/// A state's attitude in this campaign, where it differs from the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateOverride {
    /// The state (a state id).
    pub state: String,
    /// Attitude toward the Han in this campaign.
    #[serde(default)]
    pub attitude: Option<f64>,
    /// The rival's influence in this campaign (also written `rival_influence`).
    #[serde(default, alias = "rival_influence")]
    pub xiongnu_influence: Option<f64>,
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

/// What the campaign is for: where home is, the goals, and the names of its levels of success.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Where the army comes home to (a place id): it need not lie behind the army.
    pub home: String,
    /// A state whose capital must fall (a state id): the same as a first goal `Take(state)`.
    #[serde(default)]
    pub capture: Option<String>,
    /// The campaign's goals, each met or not by the end.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Names for how well the campaign went, by the points of the goals met (the highest level
    /// reached is the one told).
    #[serde(default)]
    pub levels: Vec<Level>,
    /// Whether every force on the plan turns for home once the goals in the field are met (true,
    /// the default), or follows its plan to its end (false: a plan that comes home its own way).
    #[serde(default = "yes")]
    pub turn_home_when_met: bool,
}

impl Objective {
    /// Every goal: `capture`'s first, then the list.
    pub fn all_goals(&self) -> Vec<Goal> {
        let mut goals: Vec<Goal> = self
            .capture
            .iter()
            .map(|state| Goal::required(GoalKind::Take(state.clone())))
            .collect();
        goals.extend(self.goals.iter().cloned());
        goals
    }

    /// How many goals there are, `capture` counted (as [`Objective::all_goals`] lists them).
    pub fn goal_count(&self) -> usize {
        usize::from(self.capture.is_some()) + self.goals.len()
    }

    /// The state whose capital is the first city to take, if the campaign has one.
    pub fn first_capture(&self) -> Option<&str> {
        self.capture.as_deref().or_else(|| {
            self.goals.iter().find_map(|g| match &g.goal {
                GoalKind::Take(state) => Some(state.as_str()),
                _ => None,
            })
        })
    }
}

/// One goal of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// What must happen.
    pub goal: GoalKind,
    /// The day (from the first, 0) by which it must happen; for `Take`, `Reach` and `Alliance`.
    #[serde(default)]
    pub by_day: Option<u32>,
    /// Whether the campaign is a victory only if this goal is met.
    #[serde(default = "yes")]
    pub required: bool,
    /// What meeting it is worth, toward the campaign's levels.
    #[serde(default = "one")]
    pub points: u32,
    /// The goal's words in the report (else they are made from the goal).
    #[serde(default)]
    pub name: Option<String>,
}

impl Goal {
    /// A required goal worth one point, by no day.
    pub fn required(goal: GoalKind) -> Self {
        Goal {
            goal,
            by_day: None,
            required: true,
            points: 1,
            name: None,
        }
    }

    /// Whether the goal is met in the field (and the army may turn home once all such are):
    /// taking a city, reaching a place, winning an alliance.
    pub fn in_the_field(&self) -> bool {
        !matches!(self.goal, GoalKind::BringHome { .. } | GoalKind::Survive)
    }
}

fn yes() -> bool {
    true
}

fn one() -> u32 {
    1
}

/// What a goal asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum GoalKind {
    /// The state's capital falls: taken, sacked, or surrendered on terms (a state id).
    Take(String),
    /// A force of the campaign stands at the place (a place id).
    Reach(String),
    /// The state submits, or sends a hostage (a state id).
    Alliance(String),
    /// The state's leader is killed or taken alive (a state id; the map names its `leader`).
    Leader(String),
    /// At the end, at least these many men (and animals) stand at home.
    BringHome {
        /// Men.
        #[serde(default)]
        men: u32,
        /// Horses.
        #[serde(default)]
        horses: u32,
    },
    /// At the end, someone of the campaign's forces is alive.
    Survive,
}

/// A named level of success.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Its name ("decisive victory").
    pub name: String,
    /// The points of goals met it takes.
    pub points: u32,
}

/// The names of the campaign's world, as its texts give them: the player's side, its rival
/// power, and the money its treasure is counted in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldNames {
    /// The player's side ("Han": "Han prestige", "attitude to the Han", "300 Han killed").
    pub side: String,
    /// The rival power whose sway the map's states feel (their `xiongnu_influence`).
    pub rival: String,
    /// The money silk and gold are reckoned in.
    #[serde(default = "cash")]
    pub currency: String,
    /// What the forces' treasure (`silk_bolts` and `gold_jin`) is called (optional: "treasure").
    #[serde(default)]
    pub treasure: TreasureNames,
    /// The labels of the campaign's calendar: its years and months (optional: years BC and AD,
    /// months by number).
    #[serde(default)]
    pub calendar: CalendarNames,
}

fn cash() -> String {
    "cash".to_string()
}

impl Default for WorldNames {
    fn default() -> Self {
        WorldNames {
            side: "our side".to_string(),
            rival: "the rival".to_string(),
            currency: cash(),
            treasure: TreasureNames::default(),
            calendar: CalendarNames::default(),
        }
    }
}

/// What the forces' treasure is called in the texts: the two goods together, either of them,
/// and the unit a gift (`gift N`, the first good, `silk_bolts`) is counted in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreasureNames {
    /// Both goods ("silk and gold": "spends silk and gold worth 400 cash").
    pub both: String,
    /// Either good, after "no" ("silk or gold": "has no silk or gold left to give").
    pub either: String,
    /// The unit a gift is counted in ("bolts of silk": "give 1000 bolts of silk").
    pub gift_unit: String,
}

impl Default for TreasureNames {
    fn default() -> Self {
        TreasureNames {
            both: "treasure".to_string(),
            either: "treasure".to_string(),
            gift_unit: "gifts".to_string(),
        }
    }
}

/// The labels of a campaign's calendar (30-day months, 12 to a year, the years counted as the
/// start's `year_bc`). A label's `{}` is the year's number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarNames {
    /// A year before the era's start, `year_bc` of 1 and more ("{} BC": "102 BC").
    #[serde(default = "before_era")]
    pub before: String,
    /// A year of the era, `year_bc` of 0 and less, counted from 1 ("AD {}": "AD 1").
    #[serde(default = "after_era")]
    pub after: String,
    /// The twelve months' names, month 1 (spring's first) first (optional: "month 9").
    #[serde(default)]
    pub months: Vec<String>,
}

fn before_era() -> String {
    "{} BC".to_string()
}

fn after_era() -> String {
    "AD {}".to_string()
}

impl Default for CalendarNames {
    fn default() -> Self {
        CalendarNames {
            before: before_era(),
            after: after_era(),
            months: Vec::new(),
        }
    }
}

impl CalendarNames {
    /// A year for people: the start's count `year_bc` under the labels ("102 BC"; from year 0
    /// on, there being no year 0, "AD 1", "AD 2", …).
    pub fn year(&self, year_bc: i32) -> Year<'_> {
        if year_bc >= 1 {
            Year {
                label: &self.before,
                number: i64::from(year_bc),
            }
        } else {
            Year {
                label: &self.after,
                number: 1 - i64::from(year_bc),
            }
        }
    }

    /// A date for people: "month 8 day 1, 104 BC", or with named months "Boedromion 1, 401 BC".
    pub fn date(&self, year_bc: i32, month: u32, day: u32) -> DateWords<'_> {
        DateWords {
            names: self,
            year_bc,
            month,
            day,
        }
    }
}

/// A year in a calendar's label, written without building a string first.
#[derive(Debug, Clone, Copy)]
pub struct Year<'a> {
    label: &'a str,
    number: i64,
}

impl std::fmt::Display for Year<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.label.split_once("{}") {
            Some((before, after)) => write!(f, "{before}{}{after}", self.number),
            None => write!(f, "{} {}", self.label, self.number),
        }
    }
}

/// A date in a calendar's labels, written without building a string first.
#[derive(Debug, Clone, Copy)]
pub struct DateWords<'a> {
    names: &'a CalendarNames,
    year_bc: i32,
    month: u32,
    day: u32,
}

impl std::fmt::Display for DateWords<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (names, month, day) = (self.names, self.month, self.day);
        let year = names.year(self.year_bc);
        match names.months.get(month.wrapping_sub(1) as usize) {
            Some(name) if names.months.len() == 12 => write!(f, "{name} {day}, {year}"),
            _ => write!(f, "month {month} day {day}, {year}"),
        }
    }
}

/// A campaign file: which map and rules, the forces, and the historical plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignFile {
    /// The campaign's title.
    pub name: String,
    /// The format version the file is written for (optional: the game's own, [`super::FORMAT`]).
    #[serde(default)]
    pub format: Option<u32>,
    /// A paragraph for the menu.
    #[serde(default)]
    pub description: String,
    /// The names of its world: the player's side, the rival, the currency (optional: neutral
    /// words if left out).
    #[serde(default)]
    pub world: WorldNames,
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
    /// What the player may muster at the base before the campaign, if the army is theirs to
    /// choose (else the forces are fixed).
    #[serde(default)]
    pub muster: Option<MusterDef>,
}
