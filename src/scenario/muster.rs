//! The muster's arithmetic over the format: the historical choice (the campaign's forces at the
//! base), what a choice takes from the base, whether it fits the base and the court's limits,
//! and the campaign a choice makes. It knows nothing of the simulation: a mustered campaign is a
//! campaign like any other.

use super::logistics;
use super::types::{
    AnimalKind, CalendarNames, CampaignFile, ForceDef, MusterChoice, MusterDef, Rules,
};
use super::units::{CubicMetres, Tonnes};
use super::validate::writable_name;

/// One thing the base holds and the columns take, in the player's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Foot soldiers.
    Infantry,
    /// Horsemen.
    Cavalry,
    /// Animals of a kind.
    Animals(AnimalKind),
    /// Carts.
    Carts,
    /// Grain, tonnes.
    Grain,
    /// Fodder, tonnes.
    Fodder,
    /// Water, cubic metres.
    Water,
    /// Bolts of silk.
    Silk,
    /// Jin of gold.
    Gold,
}

impl Item {
    /// Every item, in the order the muster lists them.
    pub const ALL: [Item; 12] = [
        Item::Infantry,
        Item::Cavalry,
        Item::Animals(AnimalKind::Horses),
        Item::Animals(AnimalKind::Oxen),
        Item::Animals(AnimalKind::Donkeys),
        Item::Animals(AnimalKind::Camels),
        Item::Carts,
        Item::Grain,
        Item::Fodder,
        Item::Water,
        Item::Silk,
        Item::Gold,
    ];

    /// Its name, as the `muster` command takes it.
    pub fn name(self) -> &'static str {
        match self {
            Item::Infantry => "infantry",
            Item::Cavalry => "cavalry",
            Item::Animals(kind) => kind.name(),
            Item::Carts => "carts",
            Item::Grain => "grain",
            Item::Fodder => "fodder",
            Item::Water => "water",
            Item::Silk => "silk",
            Item::Gold => "gold",
        }
    }

    /// The unit its amounts are told in ("" for a count).
    pub fn unit(self) -> &'static str {
        match self {
            Item::Grain | Item::Fodder => "t",
            Item::Water => "m³",
            Item::Silk => "bolts",
            Item::Gold => "jin",
            _ => "",
        }
    }

    /// Whether it is counted in whole numbers.
    pub fn counted(self) -> bool {
        !matches!(self, Item::Grain | Item::Fodder | Item::Water)
    }

    /// The item a word names (its name, or the start of one: "don" for donkeys).
    pub fn parse(word: &str) -> Option<Item> {
        let word = word.to_lowercase();
        if word.is_empty() {
            return None;
        }
        Item::ALL
            .into_iter()
            .find(|i| i.name() == word)
            .or_else(|| Item::ALL.into_iter().find(|i| i.name().starts_with(&word)))
    }

    /// How much of it a column takes.
    pub fn of(self, f: &ForceDef) -> f64 {
        match self {
            Item::Infantry => f64::from(f.men.infantry),
            Item::Cavalry => f64::from(f.men.cavalry),
            Item::Animals(kind) => f64::from(*f.animals.get(kind)),
            Item::Carts => f64::from(f.carts),
            Item::Grain => f.stores.grain_t.0,
            Item::Fodder => f.stores.fodder_t.0,
            Item::Water => f.stores.water_m3.0,
            Item::Silk => f64::from(f.silk_bolts),
            Item::Gold => f64::from(f.gold_jin),
        }
    }

    /// Sets how much of it a column takes (a count is rounded, and held within `u32`).
    pub fn set(self, f: &mut ForceDef, amount: f64) {
        let amount = if amount.is_finite() {
            amount.max(0.0)
        } else {
            0.0
        };
        let count = amount.round().min(f64::from(u32::MAX)) as u32;
        match self {
            Item::Infantry => f.men.infantry = count,
            Item::Cavalry => f.men.cavalry = count,
            Item::Animals(kind) => *f.animals.get_mut(kind) = count,
            Item::Carts => f.carts = count,
            Item::Grain => f.stores.grain_t = Tonnes(amount),
            Item::Fodder => f.stores.fodder_t = Tonnes(amount),
            Item::Water => f.stores.water_m3 = CubicMetres(amount),
            Item::Silk => f.silk_bolts = count,
            Item::Gold => f.gold_jin = count,
        }
    }

    /// The most of it the base holds.
    pub fn limit(self, m: &MusterDef) -> f64 {
        match self {
            Item::Infantry => f64::from(m.men.infantry),
            Item::Cavalry => f64::from(m.men.cavalry),
            Item::Animals(kind) => f64::from(*m.animals.get(kind)),
            Item::Carts => f64::from(m.carts),
            Item::Grain => m.stores.grain_t.0,
            Item::Fodder => m.stores.fodder_t.0,
            Item::Water => m.stores.water_m3.0,
            Item::Silk => f64::from(m.silk_bolts),
            Item::Gold => f64::from(m.gold_jin),
        }
    }

    /// The field of a muster (or a force) that holds it in a scenario file.
    pub fn field(self) -> String {
        match self {
            Item::Infantry | Item::Cavalry => format!("men.{}", self.name()),
            Item::Animals(kind) => format!("animals.{}", kind.name()),
            Item::Carts => "carts".to_string(),
            Item::Grain => "stores.grain_t".to_string(),
            Item::Fodder => "stores.fodder_t".to_string(),
            Item::Water => "stores.water_m3".to_string(),
            Item::Silk => "silk_bolts".to_string(),
            Item::Gold => "gold_jin".to_string(),
        }
    }

    /// An amount of it for people: "20,000", "560 t", "100 m³".
    pub fn amount(self, x: f64) -> String {
        let n = thousands(x.round());
        match self.unit() {
            "" => n,
            unit => format!("{n} {unit}"),
        }
    }

    /// How much of it `columns` take together.
    pub fn total(self, columns: &[ForceDef]) -> f64 {
        columns.iter().map(|f| self.of(f)).sum()
    }
}

/// A whole number with thousands separated: "26,000".
pub fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 && digits != "0" {
        format!("-{out}")
    } else {
        out
    }
}

/// The historical choice: the campaign's forces at the base, leaving on its first day. None if
/// the campaign has no muster.
pub fn historical(c: &CampaignFile) -> Option<MusterChoice> {
    let m = c.muster.as_ref()?;
    Some(MusterChoice {
        leave: c.start,
        columns: c.forces.iter().filter(|f| f.at == m.at).cloned().collect(),
    })
}

/// What the base still holds once the campaign's columns have left it: the muster's limits less
/// what the forces at its base took, as a force at the base (none: the campaign has no muster).
/// Convoys sent up the road draw on it.
pub fn left_at_base(c: &CampaignFile) -> Option<ForceDef> {
    let m = c.muster.as_ref()?;
    let at_base: Vec<ForceDef> = c.forces.iter().filter(|f| f.at == m.at).cloned().collect();
    let mut left = ForceDef {
        at: m.at.clone(),
        ..ForceDef::default()
    };
    for item in Item::ALL {
        item.set(&mut left, item.limit(m) - item.total(&at_base));
    }
    Some(left)
}

/// Grows the muster's limits to hold `forces` (those at its base): an overlay's army is one its
/// base could muster.
pub fn hold(m: &mut MusterDef, forces: &[ForceDef]) {
    let at_base: Vec<ForceDef> = forces.iter().filter(|f| f.at == m.at).cloned().collect();
    let mut limits = ForceDef {
        name: String::new(),
        at: m.at.clone(),
        men: m.men,
        animals: m.animals,
        carts: m.carts,
        stores: m.stores,
        silk_bolts: m.silk_bolts,
        gold_jin: m.gold_jin,
        ..ForceDef::default()
    };
    for item in Item::ALL {
        let taken = item.total(&at_base);
        if taken > item.of(&limits) {
            item.set(&mut limits, taken);
        }
    }
    m.men = limits.men;
    m.animals = limits.animals;
    m.carts = limits.carts;
    m.stores = limits.stores;
    m.silk_bolts = limits.silk_bolts;
    m.gold_jin = limits.gold_jin;
    m.columns = m.columns.max(at_base.len() as u32);
}

/// What is wrong with `choice` against the muster `m` and the `rules`: each problem in words
/// that name the column and the thing (none: the army may leave).
pub fn problems(
    rules: &Rules,
    calendar: &CalendarNames,
    m: &MusterDef,
    choice: &MusterChoice,
) -> Vec<String> {
    let mut out = Vec::new();
    if choice.columns.is_empty() {
        out.push("the army needs at least one column".to_string());
    }
    if choice.columns.len() as u64 > u64::from(m.columns) {
        out.push(format!(
            "{} columns; at most {} may leave the base",
            choice.columns.len(),
            m.columns
        ));
    }
    let (earliest, latest) = (m.leave.earliest.day_number(), m.leave.latest.day_number());
    let leave = choice.leave.day_number();
    if !(1..=12).contains(&choice.leave.month) || !(1..=30).contains(&choice.leave.day) {
        out.push("a day to leave is a month from 1 to 12 and a day from 1 to 30".to_string());
    } else if leave < earliest || leave > latest {
        out.push(format!(
            "the army may leave from {} to {}, not on {}",
            m.leave.earliest.words(calendar),
            m.leave.latest.words(calendar),
            choice.leave.words(calendar)
        ));
    }
    let mut names: Vec<String> = Vec::new();
    for f in &choice.columns {
        let name = &f.name;
        if !writable_name(name) {
            out.push(format!(
                "'{name}': give the column a name without quotes, braces or semicolons"
            ));
        } else if names.contains(&name.to_lowercase()) {
            out.push(format!("two columns are called '{name}'"));
        }
        names.push(name.to_lowercase());
        if f.men.infantry == 0 && f.men.cavalry == 0 {
            out.push(format!("{name} has no men; a column needs at least one"));
        }
        if f.animals.horses < f.men.cavalry {
            out.push(format!(
                "{name}: {} horses cannot mount {} cavalry",
                thousands(f64::from(f.animals.horses)),
                thousands(f64::from(f.men.cavalry))
            ));
        }
        if f.carts > 0 && rules.cart.is_none() {
            out.push(format!("{name}: these rules have no carts"));
        }
        let capacity = logistics::capacity(rules, &f.men, &f.animals, f.carts)
            .tonnes()
            .0;
        let load = f.stores.grain_t.0 + f.stores.fodder_t.0 + f.stores.water_m3.0;
        if load > capacity + 1e-9 {
            out.push(format!(
                "{name} would carry {} t of grain, fodder and water, but its men and animals can carry {} t; take less, or more pack animals",
                thousands(load),
                thousands(capacity.floor())
            ));
        }
    }
    for item in Item::ALL {
        let (taken, limit) = (item.total(&choice.columns), item.limit(m));
        if taken > limit + 1e-9 {
            out.push(format!(
                "{}: the columns take {}, but the base has {}",
                item.name(),
                item.amount(taken),
                item.amount(limit)
            ));
        }
    }
    out
}

/// The campaign `choice` makes of `c`: its columns in place of the forces at the base (where the
/// first of them stood in the list), leaving on the chosen day. The historical choice makes
/// the campaign as written.
pub fn apply(c: &CampaignFile, choice: &MusterChoice) -> CampaignFile {
    let mut out = c.clone();
    let Some(m) = &c.muster else {
        return out;
    };
    let mut forces = Vec::new();
    let mut placed = false;
    for f in &c.forces {
        if f.at != m.at {
            forces.push(f.clone());
        } else if !placed {
            forces.extend(choice.columns.iter().cloned());
            placed = true;
        }
    }
    if !placed {
        forces.extend(choice.columns.iter().cloned());
    }
    out.forces = forces;
    out.start = choice.leave;
    out
}
