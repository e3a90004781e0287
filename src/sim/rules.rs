//! The model's arithmetic as pure functions over the rules: what men and animals eat, drink and
//! carry, how fast a column marches. Systems call these; unit tests pin them to the sources.

use crate::scenario::types::{MenDef, PerAnimal, Ration, Rules, Terrain, TerrainRule, Water};

/// The four animal kinds, in a fixed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
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
}

impl PerAnimal<u32> {
    /// All animals together.
    pub fn total(&self) -> u32 {
        self.horses + self.oxen + self.donkeys + self.camels
    }
}

/// What a force can carry, in kg: each man's load, and each pack animal's (ridden horses carry none).
pub fn capacity_kg(rules: &Rules, men: &MenDef, animals: &PerAnimal<u32>) -> f64 {
    let men_total = f64::from(men.infantry + men.cavalry);
    let pack_horses = animals.horses.saturating_sub(men.cavalry);
    men_total * rules.man_load_kg
        + f64::from(pack_horses) * rules.loads_kg.horses
        + f64::from(animals.oxen) * rules.loads_kg.oxen
        + f64::from(animals.donkeys) * rules.loads_kg.donkeys
        + f64::from(animals.camels) * rules.loads_kg.camels
}

/// A day's needs of a whole force.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DailyNeed {
    /// Grain for the men, kg.
    pub men_grain_kg: f64,
    /// Water for the men, litres.
    pub men_water_l: f64,
    /// Feed (grain and fodder) for each animal kind, kg.
    pub feed_kg: PerAnimal<f64>,
    /// Of that feed, grain each kind needs, kg.
    pub animal_grain_kg: PerAnimal<f64>,
    /// Water for each animal kind, litres.
    pub animal_water_l: PerAnimal<f64>,
}

impl DailyNeed {
    /// All the water the force needs in a day, litres.
    pub fn water_l(&self) -> f64 {
        self.men_water_l
            + AnimalKind::ALL
                .iter()
                .map(|k| *self.animal_water_l.get(*k))
                .sum::<f64>()
    }
}

/// What a force of `men` (of whom `mounted` ride) and `animals` needs in a day at full rations.
pub fn daily_need(rules: &Rules, men: u32, mounted: u32, animals: &PerAnimal<u32>) -> DailyNeed {
    let man = rules.rations.man;
    let mut need = DailyNeed {
        men_grain_kg: f64::from(men) * man.grain_kg,
        men_water_l: f64::from(men) * man.water_l,
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
        *need.feed_kg.get_mut(kind) = n * (ration.grain_kg + ration.fodder_kg);
        *need.animal_grain_kg.get_mut(kind) = fed_grain * ration.grain_kg;
        *need.animal_water_l.get_mut(kind) = n * ration.water_l;
    }
    need
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
            grazing_t: 0.0,
            food_t: 0.0,
            exposure: 0.0,
            animal_exposure: 0.0,
        })
}

/// Litres a day a water source yields, and the disease chance it adds.
pub fn water_yield(rules: &Rules, water: Water) -> (f64, f64) {
    rules
        .water
        .iter()
        .find(|r| r.water == water)
        .map_or((0.0, 0.0), |r| (r.litres_per_day, r.disease))
}

/// A column's march in a day, km: its slowest element's pace, times the terrain's factor and a
/// factor for the men's condition (starving men march slower).
pub fn march_km(
    rules: &Rules,
    men: u32,
    animals: &PerAnimal<u32>,
    terrain_speed: f64,
    condition: f64,
) -> f64 {
    let mut pace = f64::INFINITY;
    if men > 0 {
        pace = rules.man_march_km;
    }
    for kind in AnimalKind::ALL {
        if *animals.get(kind) > 0 {
            pace = pace.min(*rules.march_km.get(kind));
        }
    }
    if !pace.is_finite() {
        return 0.0;
    }
    pace * terrain_speed * (0.7 + 0.3 * condition.clamp(0.0, 1.0))
}

/// A force's day's march on `terrain`: its slowest element's pace, slowed by the ground and the
/// men's condition.
pub fn force_pace(rules: &Rules, force: &crate::sim::components::Force, terrain: Terrain) -> f64 {
    march_km(
        rules,
        force.men.total(),
        &force.animals,
        terrain_rule(rules, terrain).speed,
        force.condition(),
    )
}

/// Animals of `kind` to slaughter so that their meat covers `grain_short_kg` of grain, at most `available`.
pub fn animals_for_meat(
    rules: &Rules,
    kind: AnimalKind,
    grain_short_kg: f64,
    available: u32,
) -> u32 {
    let per_animal = rules.meat_kg.get(kind) * rules.meat_grain_equivalent;
    if per_animal <= 0.0 || grain_short_kg <= 0.0 {
        return 0;
    }
    let n = (grain_short_kg / per_animal).ceil();
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
