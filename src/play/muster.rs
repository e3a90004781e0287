//! The muster, before a campaign begins: where the scenario offers one, the player chooses the
//! army (what each column takes from the base, how the army is split into columns, and the day
//! it leaves) within the base's and the court's limits, and sees at once what each column can
//! carry, eat and drink, and what the first marches of the historical road would cost it (the
//! simulation run ahead, as forecasts are). Each change starts the campaign afresh from the
//! mustered scenario; the first order or turn closes the muster. Saves record the choice.

use std::str::FromStr;

use bevy::prelude::*;

use super::forecast::{self, Forecast, Verdict};
use super::lines::{days, dry_nights, item, wrap};
use super::{Order, Played, view};
use crate::scenario::Scenario;
use crate::scenario::logistics;
use crate::scenario::muster::{self, Item, thousands};
use crate::scenario::types::{
    CalendarNames, ForceDef, MusterChoice, MusterDef, PlanStep, StartDate,
};
use crate::sim::{ActiveScenario, CampaignStatus, Commander};

/// The campaign as written and the muster chosen from it, once the player has changed the
/// muster (a campaign not yet mustered is its own historical choice).
#[derive(Resource, Debug, Clone)]
pub struct Mustered {
    /// The campaign as written.
    pub original: Scenario,
    /// The muster chosen.
    pub choice: MusterChoice,
}

/// How much of an item the selected column takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// So much.
    To(f64),
    /// So much more (or less, below zero).
    By(f64),
}

/// A change to the muster, or a look at it.
#[derive(Debug, Clone, PartialEq)]
pub enum MusterOrder {
    /// The muster sheet.
    Show,
    /// The selected column takes an amount of an item.
    Set(Item, Amount),
    /// The army leaves on this day (the year, if not given, the first the window allows).
    Leave {
        /// Month, 1..=12.
        month: u32,
        /// Day of the month, 1..=30.
        day: u32,
        /// Year BC.
        year_bc: Option<i32>,
    },
    /// The selected column splits in two, the new half taking this name.
    Column(String),
    /// The selected column's men, animals and stores join another column.
    Drop,
    /// The army as it was.
    History,
}

impl FromStr for MusterOrder {
    type Err = String;

    /// The words after `muster`.
    fn from_str(rest: &str) -> Result<MusterOrder, String> {
        let mut words = rest.split_whitespace();
        let Some(first) = words.next() else {
            return Ok(MusterOrder::Show);
        };
        let words: Vec<&str> = words.collect();
        let number = |w: &str| {
            w.replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
        };
        match first.to_lowercase().as_str() {
            "history" | "historical" | "reset" => Ok(MusterOrder::History),
            "drop" => Ok(MusterOrder::Drop),
            "column" => {
                let name = rest.trim()[first.len()..].trim().trim_matches('"');
                if name.is_empty() {
                    Err("muster column NAME: the new column's name".to_string())
                } else {
                    Ok(MusterOrder::Column(name.to_string()))
                }
            }
            "leave" => {
                let bad =
                    || "muster leave MONTH [DAY] [YEAR BC], e.g. muster leave 3 1".to_string();
                let n: Vec<i64> = words
                    .iter()
                    .map(|w| w.parse::<i64>().map_err(|_| bad()))
                    .collect::<Result<_, _>>()?;
                let (Some(&month), day, year) = (n.first(), n.get(1), n.get(2)) else {
                    return Err(bad());
                };
                if n.len() > 3
                    || !(1..=12).contains(&month)
                    || !(1..=30).contains(day.unwrap_or(&1))
                {
                    return Err(bad());
                }
                let year_bc = match year {
                    Some(&y) => Some(i32::try_from(y).map_err(|_| bad())?),
                    None => None,
                };
                Ok(MusterOrder::Leave {
                    month: month as u32,
                    day: day.copied().unwrap_or(1) as u32,
                    year_bc,
                })
            }
            word => {
                let Some(it) = Item::parse(word) else {
                    return Err(format!(
                        "muster has no '{word}'; {}",
                        "give infantry, cavalry, horses, oxen, donkeys, camels, carts, grain, fodder, water, silk, gold, leave, column, drop or history"
                    ));
                };
                let bad = || {
                    format!(
                        "muster {} N, +N or -N{}",
                        it.name(),
                        match it.unit() {
                            "" => String::new(),
                            unit => format!(" ({unit})"),
                        }
                    )
                };
                let [amount] = words.as_slice() else {
                    return Err(bad());
                };
                let amount = if let Some(more) = amount.strip_prefix('+') {
                    Amount::By(number(more).ok_or_else(bad)?)
                } else if amount.starts_with('-') {
                    Amount::By(number(amount).ok_or_else(bad)?)
                } else {
                    Amount::To(number(amount).ok_or_else(bad)?)
                };
                Ok(MusterOrder::Set(it, amount))
            }
        }
    }
}

/// What a muster order did: what to tell the player, and the column to select (one split off,
/// or another when the selected one was dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct Mustering {
    /// What was done, in a line (empty for a look at the muster).
    pub done: String,
    /// What to tell: what was done, and the muster sheet.
    pub told: String,
    /// The column to select, if the selection should change.
    pub select: Option<String>,
}

/// The campaign as written (before any muster) in `world`.
pub fn original(world: &World) -> &Scenario {
    match world.get_resource::<Mustered>() {
        Some(m) => &m.original,
        None => &world.resource::<ActiveScenario>().0,
    }
}

/// The muster the campaign in `world` offers and the choice as it stands, if it offers one.
pub fn offered(world: &World) -> Option<(&MusterDef, MusterChoice)> {
    let original = original(world);
    let def = original.campaign.muster.as_ref()?;
    let choice = match world.get_resource::<Mustered>() {
        Some(m) => m.choice.clone(),
        None => muster::historical(&original.campaign)?,
    };
    Some((def, choice))
}

/// Whether the muster may still change: the campaign offers one and nothing has been done yet.
pub fn open(world: &World) -> Result<(), String> {
    let Some((def, _)) = offered(world) else {
        return Err("this campaign's army is fixed: its scenario offers no muster".to_string());
    };
    let begun = world
        .get_resource::<Played>()
        .is_some_and(|p| !p.actions.is_empty())
        || world.resource::<CampaignStatus>().ended.is_some();
    if begun {
        let base = original(world)
            .map
            .places
            .iter()
            .find(|p| p.id == def.at)
            .map_or(def.at.clone(), |p| p.name.clone());
        return Err(format!(
            "the army has left {base}: the muster is made before the first order or turn"
        ));
    }
    Ok(())
}

/// The scenario `choice` musters from `original`, or what is wrong with the choice.
pub fn mustered(original: &Scenario, choice: &MusterChoice) -> Result<Scenario, String> {
    let Some(def) = &original.campaign.muster else {
        return Err("this campaign's army is fixed: its scenario offers no muster".to_string());
    };
    let problems = muster::problems(
        &original.rules,
        &original.campaign.world.calendar,
        def,
        choice,
    );
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let mut scenario = original.clone();
    scenario.campaign = muster::apply(&original.campaign, choice);
    Ok(scenario)
}

/// Starts the campaign afresh in `world` from `original` mustered as `choice`, with the seed and
/// commander of the game there; or says what is wrong with the choice.
pub fn restart(world: &mut World, original: Scenario, choice: MusterChoice) -> Result<(), String> {
    let scenario = mustered(&original, &choice)?;
    let seed = world.get_resource::<Played>().map_or(0, |p| p.seed);
    let commander = world
        .get_resource::<Commander>()
        .copied()
        .unwrap_or(Commander::Player);
    super::start(world, &scenario, seed, commander);
    world.insert_resource(Mustered { original, choice });
    Ok(())
}

/// The index of the column called (or beginning) `name`; the first if none is.
fn column_index(choice: &MusterChoice, name: &str) -> usize {
    let lower = name.to_lowercase();
    choice
        .columns
        .iter()
        .position(|c| c.name.to_lowercase() == lower)
        .or_else(|| {
            choice
                .columns
                .iter()
                .position(|c| !lower.is_empty() && c.name.to_lowercase().starts_with(&lower))
        })
        .unwrap_or(0)
}

/// The day in `def`'s window with this month and day, in `year_bc` or else the first year the
/// window allows.
fn leave_day(def: &MusterDef, month: u32, day: u32, year_bc: Option<i32>) -> StartDate {
    let at = |year_bc| StartDate {
        year_bc,
        month,
        day,
    };
    if let Some(y) = year_bc {
        return at(y);
    }
    let window = def.leave.earliest.day_number()..=def.leave.latest.day_number();
    (def.leave.latest.year_bc..=def.leave.earliest.year_bc)
        .rev()
        .map(at)
        .find(|d| window.contains(&d.day_number()))
        .unwrap_or(at(def.leave.earliest.year_bc))
}

/// `column` split in two: the half that stays, and the half called `name` that forms a new
/// column (counts split with the odd one staying; the engineers stay).
fn split(column: &ForceDef, name: &str) -> (ForceDef, ForceDef) {
    let mut stays = column.clone();
    let mut goes = column.clone();
    goes.name = name.to_string();
    goes.engineers = false;
    for it in Item::ALL {
        let all = it.of(column);
        let half = if it.counted() {
            (all / 2.0).floor()
        } else {
            all / 2.0
        };
        it.set(&mut goes, half);
        it.set(&mut stays, all - half);
    }
    (stays, goes)
}

/// Carries out a muster order in `world` for the selected column (called `selected`).
pub fn order(world: &mut World, selected: &str, order: &MusterOrder) -> Result<Mustering, String> {
    if *order == MusterOrder::Show {
        return Ok(Mustering {
            done: String::new(),
            told: sheet(world),
            select: None,
        });
    }
    open(world)?;
    let Some((def, mut choice)) = offered(world) else {
        return Err("this campaign's army is fixed".to_string());
    };
    let def = def.clone();
    let original = original(world).clone();
    let i = column_index(&choice, selected);
    let mut select = None;
    let done = match order {
        MusterOrder::Show => unreachable!("shown above"),
        MusterOrder::Set(it, amount) => {
            let column = choice
                .columns
                .get_mut(i)
                .ok_or("the army has no column to change")?;
            let now = it.of(column);
            let to = match amount {
                Amount::To(x) => *x,
                Amount::By(x) => now + x,
            };
            if to < 0.0 {
                return Err(format!(
                    "{} takes {}; it cannot take less than none",
                    column.name,
                    it.amount(now)
                ));
            }
            it.set(column, to);
            format!(
                "{} takes {} {}",
                column.name,
                it.amount(it.of(column)),
                it.name()
            )
        }
        MusterOrder::Leave {
            month,
            day,
            year_bc,
        } => {
            choice.leave = leave_day(&def, *month, *day, *year_bc);
            format!(
                "the army leaves on {}",
                choice.leave.words(&original.campaign.world.calendar)
            )
        }
        MusterOrder::Column(name) => {
            let column = choice
                .columns
                .get(i)
                .ok_or("the army has no column to split")?;
            let (stays, goes) = split(column, name);
            let told = format!("{} splits in two: {} takes half", stays.name, goes.name);
            choice.columns[i] = stays;
            choice.columns.insert(i + 1, goes);
            select = Some(name.clone());
            told
        }
        MusterOrder::Drop => {
            if choice.columns.len() < 2 {
                return Err("the army's only column cannot be dropped".to_string());
            }
            let gone = choice.columns.remove(i);
            let into = choice
                .columns
                .get_mut(i.saturating_sub(1))
                .expect("two columns");
            for it in Item::ALL {
                let sum = it.of(into) + it.of(&gone);
                it.set(into, sum);
            }
            into.engineers |= gone.engineers;
            select = Some(into.name.clone());
            format!("{}'s men, animals and stores join {}", gone.name, into.name)
        }
        MusterOrder::History => {
            choice = muster::historical(&original.campaign).ok_or("no muster")?;
            select = choice.columns.first().map(|c| c.name.clone());
            "the army as it was".to_string()
        }
    };
    restart(world, original, choice)?;
    Ok(Mustering {
        told: format!("{done}\n{}", sheet(world)),
        done,
        select,
    })
}

/// The history's first marches from the base: the plan's marches up to its first other step
/// (the detachments it sends off on the way out aside).
fn first_marches(plan: &[PlanStep]) -> Vec<String> {
    let mut out = Vec::new();
    for step in plan {
        match step {
            PlanStep::March(to) => out.push(to.clone()),
            PlanStep::Detach { .. } | PlanStep::Pace(_) | PlanStep::Drink(_) => {}
            PlanStep::CarryWater(_) => {}
            _ if out.is_empty() => {}
            _ => break,
        }
    }
    out
}

/// Each march of a forecast in a line: "PLACE: 12 days, 4 nights without water; arrives …: enough".
fn road_ahead(f: &Forecast) -> Vec<String> {
    let mut set_out_with = f.now;
    f.legs
        .iter()
        .map(|leg| {
            let verdict = Verdict::of(Some(leg), &set_out_with);
            set_out_with = leg.arrives;
            format!(
                "{}: {} days, {}; arrives day {} with {} men, food {} fodder {} water {}: {}",
                leg.to,
                leg.days,
                dry_nights(leg.dry_camps),
                leg.arrives.day,
                thousands(f64::from(leg.arrives.men)),
                days(leg.arrives.food_days),
                days(leg.arrives.fodder_days),
                days(leg.arrives.water_days),
                verdict.word()
            )
        })
        .collect()
}

/// One line of the muster's table: an item, what the base holds, what the columns take, and
/// what the historical army took.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The item.
    pub item: Item,
    /// What the base holds.
    pub limit: f64,
    /// What the columns take.
    pub taken: f64,
    /// What the historical army took.
    pub history: f64,
}

impl Row {
    /// The header of the table's lines.
    pub fn header() -> String {
        format!(
            "  {:<9}{:>14}{:>14}{:>14}",
            "", "base has", "taken", "history"
        )
    }

    /// The row as a line of the table, marked `*` where the choice differs from the history.
    pub fn line(&self) -> String {
        let mark = if (self.taken - self.history).abs() > 1e-6 {
            " *"
        } else {
            ""
        };
        format!(
            "  {:<9}{:>14}{:>14}{:>14}{mark}",
            self.item.name(),
            self.item.amount(self.limit),
            self.item.amount(self.taken),
            self.item.amount(self.history)
        )
    }
}

/// One column of the muster: what it takes and carries, and what the road ahead costs it.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSheet {
    /// Its name.
    pub name: String,
    /// Its men, animals, carts and load in a line.
    pub summary: String,
    /// Its days of food, fodder and water, and the history's first marches run ahead, a line
    /// each.
    pub lines: Vec<String>,
}

/// The muster as it stands, for the terminal's sheet and the window's panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The base's name.
    pub base: String,
    /// The days the army may leave, and the most columns, in words.
    pub window: String,
    /// The day chosen.
    pub leave: StartDate,
    /// The historical day.
    pub history_leave: StartDate,
    /// The campaign's calendar, to tell the days in.
    pub calendar: CalendarNames,
    /// Each item the base holds or the columns take.
    pub rows: Vec<Row>,
    /// Each column.
    pub columns: Vec<ColumnSheet>,
}

/// The muster of the campaign in `world` as it stands, with each column's road ahead run ahead
/// (none if the campaign offers no muster).
pub fn sheet_of(world: &World) -> Option<Sheet> {
    let (def, choice) = offered(world)?;
    let original = original(world);
    let history = muster::historical(&original.campaign).unwrap_or_else(|| choice.clone());
    let base = original
        .map
        .places
        .iter()
        .find(|p| p.id == def.at)
        .map_or(def.at.clone(), |p| p.name.clone());
    let window = format!(
        "the army may leave from {} to {}, in up to {} column{}",
        def.leave.earliest.words(&original.campaign.world.calendar),
        def.leave.latest.words(&original.campaign.world.calendar),
        def.columns,
        if def.columns == 1 { "" } else { "s" }
    );
    let rows = Item::ALL
        .into_iter()
        .map(|it| Row {
            item: it,
            limit: it.limit(def),
            taken: it.total(&choice.columns),
            history: it.total(&history.columns),
        })
        .filter(|r| r.limit > 0.0 || r.taken > 0.0 || r.history > 0.0)
        .collect();
    let rules = &original.rules;
    let orders: Vec<Order> = first_marches(&original.campaign.plan)
        .into_iter()
        .map(|to| Order::Step(PlanStep::March(to)))
        .collect();
    let columns = choice
        .columns
        .iter()
        .map(|c| {
            let capacity = logistics::capacity(rules, &c.men, &c.animals, c.carts)
                .tonnes()
                .0;
            let load = c.stores.grain_t.0 + c.stores.fodder_t.0 + c.stores.water_m3.0;
            let a = &c.animals;
            let animals = [a.horses, a.oxen, a.donkeys, a.camels]
                .iter()
                .map(|&n| f64::from(n))
                .sum();
            let summary = format!(
                "{}: {} men, {} animals, {} carts; carries {} t of the {} t it can",
                c.name,
                thousands(f64::from(c.men.infantry) + f64::from(c.men.cavalry)),
                thousands(animals),
                thousands(f64::from(c.carts)),
                thousands(load),
                thousands(capacity.floor())
            );
            let mut lines = Vec::new();
            if let Some(e) = view::find_force(world, &c.name) {
                let h = forecast::holding(world, e);
                lines.push(format!(
                    "at full rations: food {}, fodder {}, water {}",
                    days(h.food_days),
                    days(h.fodder_days),
                    days(h.water_days)
                ));
                if !orders.is_empty() {
                    match forecast::forecast(world, &c.name, &orders) {
                        Ok(f) => {
                            lines.push(
                                "the history's first marches (the median of runs ahead):"
                                    .to_string(),
                            );
                            lines.extend(road_ahead(&f).into_iter().map(|l| format!("  {l}")));
                        }
                        Err(why) => lines.push(format!("no forecast of the road ahead: {why}")),
                    }
                }
            }
            ColumnSheet {
                name: c.name.clone(),
                summary,
                lines,
            }
        })
        .collect();
    Some(Sheet {
        base,
        window,
        leave: choice.leave,
        history_leave: history.leave,
        calendar: original.campaign.world.calendar.clone(),
        rows,
        columns,
    })
}

/// The muster sheet: the days the army may leave and the day chosen; each item the base holds,
/// what the columns take and what the historical army took; each column with what it can carry,
/// its days of food, fodder and water, and the first marches of the historical road.
pub fn sheet(world: &World) -> String {
    let Some(sheet) = sheet_of(world) else {
        return "This campaign's army is fixed: its scenario offers no muster.\n".to_string();
    };
    let mut s = wrap(
        &format!("Muster at {}: {}", sheet.base, sheet.window),
        80,
        "  ",
    );
    s.push_str(&format!(
        "It leaves on {}{} (history: {})\n",
        sheet.leave.words(&sheet.calendar),
        if sheet.leave == sheet.history_leave {
            ""
        } else {
            " *"
        },
        sheet.history_leave.words(&sheet.calendar)
    ));
    s.push_str(&Row::header());
    s.push('\n');
    for row in &sheet.rows {
        s.push_str(&row.line());
        s.push('\n');
    }
    s.push_str("  (* where the choice differs from the history)\n");
    for (n, c) in sheet.columns.iter().enumerate() {
        s.push_str(&wrap(&format!("{} {}", n + 1, c.summary), 80, "  "));
        for line in &c.lines {
            s.push_str(&item(line));
        }
    }
    s.push_str("Change it with muster ITEM N (+N, -N), muster leave MONTH [DAY], muster column\n");
    s.push_str("NAME, muster drop, muster history; the first order or turn sets out.\n");
    s
}
