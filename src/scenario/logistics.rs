//! The model's arithmetic over the format's own types, one home for each formula: what a column
//! carries, eats and drinks, how far it marches, how long its food lasts, whether it can carry
//! water across a leg's waterless stretch. The validation runs these over a scenario's plans and
//! the simulation runs them every day, so the two can never disagree.
//!
//! Unit tests in `tests/rules.rs` pin them to the sources.

use super::types::{
    AnimalKind, MenDef, Pace, PerAnimal, Ration, Rules, Terrain, TerrainRule, Water,
};
use super::units::{Days, Kg, Km, Litres};

/// Carts that have their team: at most `carts`, and no more than the oxen can draw (none if the
/// rules have no carts). The oxen left over carry packs.
pub fn drawn_carts(rules: &Rules, oxen: u32, carts: u32) -> u32 {
    match rules.cart {
        Some(cart) if cart.oxen > 0 => carts.min(oxen / cart.oxen),
        Some(_) => carts,
        None => 0,
    }
}

/// What a column of `men`, `animals` and `carts` can carry: each man's load, each cart's with
/// its team, and each pack animal's (ridden horses and draught oxen carry none).
pub fn capacity(rules: &Rules, men: &MenDef, animals: &PerAnimal<u32>, carts: u32) -> Kg {
    let men_total = f64::from(men.infantry.saturating_add(men.cavalry));
    let pack_horses = animals.horses.saturating_sub(men.cavalry);
    let drawn = drawn_carts(rules, animals.oxen, carts);
    let (cart_load, team) = rules.cart.map_or((0.0, 0), |c| (c.load_kg.0, c.oxen));
    let pack_oxen = animals.oxen.saturating_sub(drawn.saturating_mul(team));
    Kg(men_total * rules.man_load_kg.0
        + f64::from(drawn) * cart_load
        + f64::from(pack_horses) * rules.loads_kg.horses.0
        + f64::from(pack_oxen) * rules.loads_kg.oxen.0
        + f64::from(animals.donkeys) * rules.loads_kg.donkeys.0
        + f64::from(animals.camels) * rules.loads_kg.camels.0)
}

/// A day's needs of a whole column.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DailyNeed {
    /// Grain for the men.
    pub men_grain: Kg,
    /// Water for the men.
    pub men_water: Litres,
    /// Feed (grain and fodder) for each animal kind.
    pub feed: PerAnimal<Kg>,
    /// Of that feed, the grain each kind needs.
    pub animal_grain: PerAnimal<Kg>,
    /// Water for each animal kind.
    pub animal_water: PerAnimal<Litres>,
}

impl DailyNeed {
    /// The same need with the water scaled by `heat` (the rules' `water_by_season`).
    pub fn in_heat(mut self, heat: f64) -> DailyNeed {
        self.men_water = self.men_water * heat;
        for kind in AnimalKind::ALL {
            let w = self.animal_water.get_mut(kind);
            *w = *w * heat;
        }
        self
    }

    /// All the water the column needs in a day.
    pub fn water(&self) -> Litres {
        self.men_water + self.animal_water_total()
    }

    /// The water the animals need in a day.
    pub fn animal_water_total(&self) -> Litres {
        AnimalKind::ALL
            .iter()
            .map(|k| *self.animal_water.get(*k))
            .sum()
    }

    /// The grain the animals get from the stores in a day.
    pub fn animal_grain_total(&self) -> Kg {
        AnimalKind::ALL
            .iter()
            .map(|k| *self.animal_grain.get(*k))
            .sum()
    }

    /// All the feed the animals need in a day.
    pub fn feed_total(&self) -> Kg {
        AnimalKind::ALL.iter().map(|k| *self.feed.get(*k)).sum()
    }
}

/// What a column of `men` (of whom `mounted` ride) and `animals` needs in a day at full rations.
pub fn daily_need(rules: &Rules, men: u32, mounted: u32, animals: &PerAnimal<u32>) -> DailyNeed {
    let man = rules.rations.man;
    let mut need = DailyNeed {
        men_grain: Kg(f64::from(men) * man.grain_kg.0),
        men_water: Litres(f64::from(men) * man.water_l.0),
        ..DailyNeed::default()
    };
    for kind in AnimalKind::ALL {
        let n = f64::from(*animals.get(kind));
        let ration: &Ration = rules.rations.animals.get(kind);
        // Only ridden horses get their grain from the stores; the others make it up from fodder.
        let fed_grain = if kind == AnimalKind::Horses {
            f64::from(mounted.min(*animals.get(kind)))
        } else {
            n
        };
        *need.feed.get_mut(kind) = Kg(n * (ration.grain_kg.0 + ration.fodder_kg.0));
        *need.animal_grain.get_mut(kind) = Kg(fed_grain * ration.grain_kg.0);
        *need.animal_water.get_mut(kind) = Litres(n * ration.water_l.0);
    }
    need
}

/// Days the men's food lasts: grain, and meat counted at the rules' `meat_grain_equivalent`, over
/// a day's grain `need` (infinite where the men need none). The one measure of "days of food"
/// for the simulation, the states that judge an army's want, and the player's view.
pub fn days_of_food(rules: &Rules, need: Kg, grain: Kg, meat: Kg) -> f64 {
    if need.0 <= 0.0 {
        return f64::INFINITY;
    }
    (grain.0 + meat.0 * rules.meat_grain_equivalent) / need.0
}

/// Days the men's food lasts counting the oxen as meat on the hoof (at the rules' `meat_kg`):
/// how long an army can stay where it is, as a besieger in its lines.
pub fn days_of_food_and_oxen(rules: &Rules, need: Kg, grain: Kg, meat: Kg, oxen: u32) -> f64 {
    let herd = rules.meat_kg.oxen * f64::from(oxen);
    days_of_food(rules, need, grain, meat + herd)
}

/// Days `have` lasts at `per_day` (infinite where nothing is used).
pub fn days_of<Q>(have: Q, per_day: Q) -> f64
where
    Q: std::ops::Div<Output = f64> + PartialOrd + Default + Copy,
{
    if per_day > Q::default() {
        have / per_day
    } else {
        f64::INFINITY
    }
}

/// The rule for a terrain (rules are validated to cover every terrain).
pub fn terrain_rule(rules: &Rules, terrain: Terrain) -> TerrainRule {
    rules
        .terrain
        .iter()
        .copied()
        .find(|r| r.terrain == terrain)
        .unwrap_or(TerrainRule {
            terrain,
            speed: 1.0,
            grazing_t: Default::default(),
            food_t: Default::default(),
            exposure: 0.0,
            animal_exposure: 0.0,
        })
}

/// What a water source yields in a day, and the disease chance it adds.
pub fn water_yield(rules: &Rules, water: Water) -> (Litres, f64) {
    rules
        .water
        .iter()
        .find(|r| r.water == water)
        .map_or((Litres::ZERO, 0.0), |r| (r.litres_per_day, r.disease))
}

/// A share that falls from 1 at `x` = 1 to `floor` at `x` = 0 (`x` clamped to 0..1): how much
/// of their strength, march or morale men keep in a condition or mood of `x`.
pub fn weigh(floor: f64, x: f64) -> f64 {
    floor + (1.0 - floor) * x.clamp(0.0, 1.0)
}

/// A column's march in a day at `pace`: its slowest element's pace (men, each animal kind
/// present, drawn carts), held to the standard day's march at [`Pace::Standard`] and driven
/// past it at [`Pace::Forced`]; times the terrain's factor and a factor for the men's
/// `fitness` (starving or worn men march slower).
pub fn march_km(
    rules: &Rules,
    men: u32,
    animals: &PerAnimal<u32>,
    carts: u32,
    terrain_speed: f64,
    fitness: f64,
    pace: Pace,
) -> Km {
    let mut slowest = f64::INFINITY;
    if men > 0 {
        slowest = rules.man_march_km.0;
    }
    for kind in AnimalKind::ALL {
        if *animals.get(kind) > 0 {
            slowest = slowest.min(rules.march_km.get(kind).0);
        }
    }
    if let Some(cart) = rules.cart
        && drawn_carts(rules, animals.oxen, carts) > 0
    {
        slowest = slowest.min(cart.march_km.0);
    }
    if !slowest.is_finite() {
        return Km::ZERO;
    }
    let day = match pace {
        Pace::Standard => slowest.min(rules.standard_march_km.0),
        Pace::Light => slowest,
        Pace::Forced => slowest * rules.forced_march.map_or(1.0, |f| f.factor.max(1.0)),
    };
    Km(day * terrain_speed * weigh(rules.march_fitness_floor, fitness))
}

/// A column's day's march on `terrain` at `pace`: see [`march_km`].
pub fn pace(
    rules: &Rules,
    men: &MenDef,
    train: (&PerAnimal<u32>, u32),
    terrain: Terrain,
    fitness: f64,
    pace: Pace,
) -> Km {
    march_km(
        rules,
        men.infantry.saturating_add(men.cavalry),
        train.0,
        train.1,
        terrain_rule(rules, terrain).speed,
        fitness,
        pace,
    )
}

/// Animals of `kind` to slaughter so that their meat covers `grain_short` of grain, at most `available`.
pub fn animals_for_meat(rules: &Rules, kind: AnimalKind, grain_short: Kg, available: u32) -> u32 {
    let per_animal = rules.meat_kg.get(kind).0 * rules.meat_grain_equivalent;
    if per_animal <= 0.0 || grain_short.0 <= 0.0 {
        return 0;
    }
    let n = (grain_short.0 / per_animal).ceil();
    if n >= f64::from(available) {
        available
    } else {
        n as u32
    }
}

/// Daily death chance from hunger at nourishment `n` (0..1): zero above the threshold, rising
/// with the square of the shortfall below it to `rate` at zero.
pub fn hunger_death_rate(threshold: f64, rate: f64, n: f64) -> f64 {
    if threshold <= 0.0 || n >= threshold {
        return 0.0;
    }
    let short = (threshold - n.max(0.0)) / threshold;
    rate * short * short
}

/// Daily death chance from thirst after `dry_days` days without enough water.
pub fn thirst_death_rate(limit_days: f64, rate: f64, dry_days: f64) -> f64 {
    ((dry_days - limit_days).max(0.0) * rate).min(1.0)
}

/// A leg's waterless stretch, centred on the leg: where it begins and ends, measured from either
/// end. `waterless_days` are standard days' marches of the rules' `standard_march_km`; the
/// stretch is at most the leg.
pub fn dry_stretch(length: Km, waterless_days: Days, standard_march: Km) -> (Km, Km) {
    let dry = Km((waterless_days.0 * standard_march.0).min(length.0));
    let from = Km((length.0 - dry.0) / 2.0);
    (from, from + dry)
}

/// Days a column going `pace` a day spends on a waterless stretch of `dry` (none if it cannot
/// move).
pub fn dry_days(dry: Km, pace: Km) -> Days {
    if pace.0 > 0.0 {
        Days((dry.0 / pace.0).ceil())
    } else {
        Days::ZERO
    }
}

/// A leg as a column sees it before it sets out: how long, where its waterless stretch begins, and
/// how long that stretch is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg {
    /// Its ground.
    pub terrain: Terrain,
    /// Where its waterless stretch begins, from the end the column leaves.
    pub dry_from: Km,
    /// How long its waterless stretch is.
    pub dry: Km,
}

/// A column as the march check sees it: who marches, what they carry, and how fit they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column<'a> {
    /// Men by arm.
    pub men: &'a MenDef,
    /// Animals by kind.
    pub animals: &'a PerAnimal<u32>,
    /// Carts.
    pub carts: u32,
    /// Its pace.
    pub pace: Pace,
    /// Grain carried.
    pub grain: Kg,
    /// Everything carried, water included.
    pub load: Kg,
    /// Water carried.
    pub water: Litres,
    /// The men's condition, 0..1.
    pub condition: f64,
}

/// Why a column cannot cross a leg.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooDry {
    /// Waterless days at the column's pace.
    pub dry_days: Days,
    /// Days of the men's water it can carry there.
    pub water_days: Days,
}

/// Whether `column` can carry the men's water across `leg`'s waterless stretch: by the time it
/// reaches the stretch (in the middle of the leg) it has eaten some of its grain, and can fill
/// that room, and any room it has now, with water where the road is watered.
pub fn can_cross(rules: &Rules, column: &Column, leg: &Leg) -> Result<(), TooDry> {
    let pace = pace(
        rules,
        column.men,
        (column.animals, column.carts),
        leg.terrain,
        column.condition,
        column.pace,
    );
    let dry_days = dry_days(leg.dry, pace);
    if dry_days.0 <= 0.0 {
        return Ok(());
    }
    let men = column.men.infantry.saturating_add(column.men.cavalry);
    let need = daily_need(rules, men, column.men.cavalry, column.animals);
    let days_to_dry = if pace.0 > 0.0 {
        leg.dry_from.0 / pace.0
    } else {
        0.0
    };
    let eaten = (days_to_dry * need.men_grain.0).min(column.grain.0);
    let room =
        (capacity(rules, column.men, column.animals, column.carts).0 - column.load.0).max(0.0);
    let men_days = (column.water.0 + room + eaten) / need.men_water.0.max(1e-9);
    if men_days < dry_days.0 {
        return Err(TooDry {
            dry_days,
            water_days: Days(men_days.floor()),
        });
    }
    Ok(())
}
