//! Attrition: losses of men and animals by cause (hunger, thirst, exposure, disease, desertion),
//! morale, and stores abandoned when too few are left to carry them. Every loss goes to the
//! force's ledger so that men and animals are conserved.

use bevy::prelude::*;

use super::components::*;
use super::random::{SimRng, binomial};
use super::rules::{AnimalKind, capacity_kg, hunger_death_rate, terrain_rule, thirst_death_rate};
use super::{ActiveScenario, Chronicled};
use crate::scenario::types::{Rules, Seasons};

fn season_factor(seasons: &Seasons, season: Season) -> f64 {
    match season {
        Season::Spring => seasons.spring,
        Season::Summer => seasons.summer,
        Season::Autumn => seasons.autumn,
        Season::Winter => seasons.winter,
    }
}

/// Thirst builds by the share of water missed, and a third of a ration or more holds it off:
/// a day with nothing adds a day, a day with full water clears three.
pub fn dry_days_after(dry_days: f64, watered: f64) -> f64 {
    (dry_days + 1.0 - 3.0 * watered.clamp(0.0, 1.0)).max(0.0)
}

/// Removes `n` men, spread over the arms in proportion (cavalry rounded down).
pub fn remove_men(men: &mut Men, n: u32) -> u32 {
    let total = men.total();
    let n = n.min(total);
    if n == 0 {
        return 0;
    }
    let cavalry = (u64::from(n) * u64::from(men.cavalry) / u64::from(total)) as u32;
    let cavalry = cavalry.min(men.cavalry);
    let infantry = (n - cavalry).min(men.infantry);
    let cavalry = n - infantry;
    men.cavalry -= cavalry;
    men.infantry -= infantry;
    n
}

/// Drops what the force can no longer carry: fodder first, then water, meat, and grain last.
/// Returns the kilograms abandoned.
pub fn drop_excess(rules: &Rules, force: &mut Force) -> f64 {
    let capacity = capacity_kg(rules, &force.men, &force.animals);
    let mut excess = force.stores.weight_kg() - capacity;
    let mut dropped = 0.0;
    for store in [
        &mut force.stores.fodder_kg,
        &mut force.stores.water_l,
        &mut force.stores.meat_kg,
        &mut force.stores.grain_kg,
    ] {
        if excess <= 0.0 {
            break;
        }
        let d = excess.min(*store);
        *store -= d;
        excess -= d;
        dropped += d;
    }
    dropped
}

/// Applies the day's losses to every force.
pub fn apply_losses(
    mut forces: Query<&mut Force>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut rng: ResMut<SimRng>,
    mut chronicle: MessageWriter<Chronicled>,
) {
    let rules = &scenario.0.rules;
    let a = &rules.attrition;
    let season = season_factor(&a.exposure_by_season, calendar.season());
    for mut force in &mut forces {
        if force.merged {
            continue;
        }
        let force = &mut *force;
        if force.men.total() == 0 && force.animals.total() == 0 {
            continue;
        }
        let today = force.today;
        let terrain = today.terrain.map(|t| terrain_rule(rules, t));
        let exposure_here = terrain.map_or(0.0, |t| t.exposure) * season;
        let animal_exposure_here = terrain.map_or(0.0, |t| t.animal_exposure) * season;
        let on_the_move = if today.marched { 1.0 } else { 0.5 };

        // Men.
        force.nourishment += a.nourishment_memory * (today.men_fed - force.nourishment);
        force.dry_days = dry_days_after(force.dry_days, today.men_watered);
        let n = force.nourishment;
        let rates = [
            thirst_death_rate(a.man_thirst_days, a.thirst_rate, force.dry_days),
            hunger_death_rate(a.hunger_threshold, a.hunger_rate, n),
            exposure_here * on_the_move * (1.5 - 0.5 * n),
            a.disease + a.disease_hunger * (1.0 - n) + today.water_disease,
            a.desertion
                + a.desertion_hunger * (1.0 - today.men_fed)
                + a.desertion_morale * (1.0 - force.morale),
        ];
        let mut lost = [0u32; 5];
        for (i, rate) in rates.iter().enumerate() {
            let alive = force.men.total();
            lost[i] = remove_men(
                &mut force.men,
                binomial(&mut rng.attrition, alive, rate.clamp(0.0, 1.0)),
            );
        }
        let l = &mut force.ledger.men_lost;
        l.thirst += lost[0];
        l.hunger += lost[1];
        l.exposure += lost[2];
        l.disease += lost[3];
        l.desertion += lost[4];
        let day_total: u32 = lost.iter().sum();
        let before = force.men.total() + day_total;
        if day_total >= 50 && f64::from(day_total) >= 0.01 * f64::from(before) {
            let causes = ["thirst", "hunger", "exposure", "disease", "desertion"];
            let mut parts: Vec<String> = causes
                .iter()
                .zip(lost)
                .filter(|(_, n)| *n > 0)
                .map(|(c, n)| format!("{n} to {c}"))
                .collect();
            if force.corruption > 0.0 && lost[4] > 0 {
                parts.push("officers withhold rations".to_string());
            }
            chronicle.write(Chronicled {
                text: format!("{} loses {day_total} men: {}", force.name, parts.join(", ")),
            });
        }

        // Animals.
        let mut carcass_kg = 0.0;
        for kind in AnimalKind::ALL {
            let count = *force.animals.get(kind);
            if count == 0 {
                continue;
            }
            let fed = *today.animals_fed.get(kind);
            let watered = *today.animals_watered.get(kind);
            let nourishment = force.animal_nourishment.get_mut(kind);
            *nourishment += a.nourishment_memory * (fed - *nourishment);
            let nourishment = *nourishment;
            let dry = force.animal_dry_days.get_mut(kind);
            *dry = dry_days_after(*dry, watered);
            let dry = *dry;
            let thirst = binomial(
                &mut rng.attrition,
                count,
                thirst_death_rate(*a.thirst_days.get(kind), a.thirst_rate, dry),
            );
            let hunger = binomial(
                &mut rng.attrition,
                count - thirst,
                hunger_death_rate(a.hunger_threshold, a.animal_hunger_rate, nourishment),
            );
            let exposure = binomial(
                &mut rng.attrition,
                count - thirst - hunger,
                (animal_exposure_here * on_the_move).clamp(0.0, 1.0),
            );
            *force.animals.get_mut(kind) -= thirst + hunger + exposure;
            let lost = force.ledger.animals_lost.get_mut(kind);
            lost.thirst += thirst;
            lost.hunger += hunger;
            lost.exposure += exposure;
            carcass_kg += f64::from(thirst + hunger) * rules.meat_kg.get(kind);
        }
        // The dead animals feed the men.
        force.stores.meat_kg += carcass_kg * rules.carcass_meat;
        // Horsemen without horses march on foot.
        if force.men.cavalry > force.animals.horses {
            let dismounted = force.men.cavalry - force.animals.horses;
            force.men.cavalry -= dismounted;
            force.men.infantry += dismounted;
        }

        // Morale follows how the men are fed.
        let target = force.base_morale * (0.4 + 0.6 * today.men_fed.min(force.nourishment));
        force.morale = (force.morale + 0.1 * (target - force.morale)).clamp(0.0, 1.0);

        let dropped = drop_excess(rules, force);
        force.ledger.abandoned_kg += dropped;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_men_spreads_losses_over_the_arms_and_never_goes_below_zero() {
        let mut men = Men {
            infantry: 900,
            cavalry: 100,
        };
        assert_eq!(remove_men(&mut men, 100), 100);
        assert_eq!(
            men,
            Men {
                infantry: 810,
                cavalry: 90
            }
        );
        assert_eq!(remove_men(&mut men, 5000), 900);
        assert_eq!(men.total(), 0);
    }
}
