//! Attrition: losses of men and animals by cause (hunger, thirst, exposure, disease, desertion),
//! morale, and stores abandoned when too few are left to carry them. Every loss goes to the
//! force's ledger so that men and animals are conserved.

use bevy::prelude::*;

use super::ActiveScenario;
use super::calendar::Calendar;
use super::force::{
    Activity, AnimalLosses, Column, Condition, Force, Ledger, Men, MenLosses, Standing, Stores,
    Today,
};
use super::log::SimEvent;
use super::map::{Location, MapIndex};
use super::random::{SimRng, binomial};
use super::state::OasisState;
use crate::scenario::logistics::{hunger_death_rate, terrain_rule, thirst_death_rate, weigh};
use crate::scenario::types::{AnimalKind, ByActivity, Rules};
use crate::scenario::units::Kg;

/// Thirst builds by the share of the day's water missed (a day with nothing adds a day, a day
/// on half a ration half a day); only a day with all its water clears it, `recovery` days at a
/// time.
pub fn dry_days_after(dry_days: f64, watered: f64, recovery: f64) -> f64 {
    let watered = watered.clamp(0.0, 1.0);
    if watered >= 1.0 - 1e-9 {
        (dry_days - recovery).max(0.0)
    } else {
        dry_days + (1.0 - watered)
    }
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

/// Drops what the column can no longer carry: fodder first, then water, meat, and grain last.
/// Returns what was abandoned.
pub fn drop_excess(rules: &Rules, column: &Column, stores: &mut Stores) -> Kg {
    let capacity = column.capacity(rules);
    let mut excess = stores.weight().0 - capacity.0;
    let mut dropped = 0.0;
    for store in [
        &mut stores.fodder.0,
        &mut stores.water.0,
        &mut stores.meat.0,
        &mut stores.grain.0,
    ] {
        if excess <= 0.0 {
            break;
        }
        let d = excess.min(*store);
        *store -= d;
        excess -= d;
        dropped += d;
    }
    Kg(dropped)
}

/// The factor on the day's base disease and desertion for what the force did: held captive,
/// an embassy living as a state's guests, marching, or camped.
fn activity_factor(
    by: &ByActivity,
    marched: bool,
    (force, activity, location): (&Force, &Activity, &Location),
    states: &Query<&OasisState>,
    index: &MapIndex,
) -> f64 {
    if matches!(activity, Activity::Held { .. }) {
        return by.held;
    }
    if marched {
        return by.marching;
    }
    let hosted = force.envoy
        && location
            .place()
            .and_then(|p| index.state_at(p))
            .and_then(|s| states.get(s).ok())
            .is_some_and(|s| s.relation.supplies());
    if hosted { by.hosted } else { by.camped }
}

/// The daily chances that a man dies of disease and that he deserts, for men at `nourishment`
/// (0..1) who were given `fed` of their ration today and are at `morale`, doing what weighs
/// `by_activity` on the base rates (see [`ByActivity`]).
pub fn disease_and_desertion(
    a: &crate::scenario::types::AttritionRules,
    by_activity: f64,
    nourishment: f64,
    fed: f64,
    morale: f64,
) -> (f64, f64) {
    (
        by_activity * a.disease + a.disease_hunger * (1.0 - nourishment),
        by_activity * a.desertion
            + a.desertion_hunger * (1.0 - fed)
            + a.desertion_morale * (1.0 - morale),
    )
}

/// Morale a day on from `morale`, following how the men are fed: toward `base` weighed by `fed`
/// (0..1) above the rules' `morale_fed_floor`.
pub fn fed_morale(
    a: &crate::scenario::types::AttritionRules,
    morale: f64,
    base: f64,
    fed: f64,
) -> f64 {
    let target = base * weigh(a.morale_fed_floor, fed);
    (morale + a.morale_memory * (target - morale)).clamp(0.0, 1.0)
}

/// Applies the day's losses to every force.
pub fn apply_losses(
    mut forces: Query<(
        Entity,
        &mut Column,
        &mut Stores,
        &mut Condition,
        &Standing,
        &Today,
        &mut Ledger,
        (&Force, &Activity, &Location),
    )>,
    states: Query<&OasisState>,
    index: Res<MapIndex>,
    scenario: Res<ActiveScenario>,
    calendar: Res<Calendar>,
    mut rng: ResMut<SimRng>,
    mut events: MessageWriter<SimEvent>,
) {
    let rules = &scenario.0.rules;
    let a = &rules.attrition;
    let season = a.exposure_by_season.get(calendar.season());
    for (entity, mut column, mut stores, mut condition, standing, today, mut ledger, doing) in
        &mut forces
    {
        if standing.merged || column.is_empty() {
            continue;
        }
        let (column, condition) = (&mut *column, &mut *condition);
        let terrain = today.terrain.map(|t| terrain_rule(rules, t));
        let exposure_here = terrain.map_or(0.0, |t| t.exposure) * season;
        let animal_exposure_here = terrain.map_or(0.0, |t| t.animal_exposure) * season;
        let on_the_move = if today.marched { 1.0 } else { 0.5 };
        let by_activity = activity_factor(&a.by_activity, today.marched, doing, &states, &index);

        // Men. A forced march wears them and leaves stragglers behind; rest, and less an
        // ordinary march, restores them.
        let straggle = match rules.forced_march {
            Some(fm) if today.forced => {
                condition.fatigue = (condition.fatigue + fm.fatigue).min(1.0);
                fm.straggle
            }
            Some(fm) => {
                let shed = if today.marched { 0.5 } else { 1.0 } * fm.recovery;
                condition.fatigue = (condition.fatigue - shed).max(0.0);
                0.0
            }
            None => 0.0,
        };
        condition.nourishment += a.nourishment_memory * (today.men_fed - condition.nourishment);
        condition.dry_days =
            dry_days_after(condition.dry_days, today.men_watered, a.thirst_recovery);
        // The wounded heal over the rules' wound days, and some die of their wounds meanwhile.
        let b = &rules.battle;
        let wound_days = b.wound_days.max(1.0);
        let of_wounds =
            condition.wounded.clamp(0.0, 1.0) * b.wound_deaths.clamp(0.0, 1.0) / wound_days;
        condition.wounded = (condition.wounded * (1.0 - 1.0 / wound_days)).max(0.0);
        let n = condition.nourishment;
        let (disease, desertion) =
            disease_and_desertion(a, by_activity, n, today.men_fed, condition.morale);
        let rates = [
            thirst_death_rate(a.man_thirst_days, a.thirst_rate, condition.dry_days),
            hunger_death_rate(a.hunger_threshold, a.hunger_rate, n),
            exposure_here * on_the_move * (1.5 - 0.5 * n),
            disease + today.water_disease,
            desertion + straggle,
            of_wounds,
        ];
        let mut lost = [0u32; 6];
        for (i, rate) in rates.iter().enumerate() {
            let alive = column.men.total();
            lost[i] = remove_men(
                &mut column.men,
                binomial(&mut rng.attrition, alive, rate.clamp(0.0, 1.0)),
            );
        }
        let today_lost = MenLosses {
            thirst: lost[0],
            hunger: lost[1],
            exposure: lost[2],
            disease: lost[3],
            desertion: lost[4],
            combat: lost[5],
            captured: 0,
        };
        ledger.men_lost.add(&today_lost);
        let day_total = today_lost.total();
        if day_total > 0 {
            events.write(SimEvent::MenLost {
                force: entity,
                lost: today_lost,
                before: column.men.total() + day_total,
                corruption: condition.corruption > 0.0,
            });
        }

        // Animals.
        let mut carcass_kg = 0.0;
        for kind in AnimalKind::ALL {
            let count = *column.animals.get(kind);
            if count == 0 {
                continue;
            }
            let fed = *today.animals_fed.get(kind);
            let watered = *today.animals_watered.get(kind);
            let nourishment = condition.animal_nourishment.get_mut(kind);
            *nourishment += a.nourishment_memory * (fed - *nourishment);
            let nourishment = *nourishment;
            let dry = condition.animal_dry_days.get_mut(kind);
            *dry = dry_days_after(*dry, watered, a.thirst_recovery);
            let dry = *dry;
            let thirst = binomial(
                &mut rng.attrition,
                count,
                thirst_death_rate(*a.thirst_days.get(kind), a.thirst_rate, dry),
            );
            let hunger = binomial(
                &mut rng.attrition,
                count - thirst,
                hunger_death_rate(
                    a.animal_hunger_threshold.unwrap_or(a.hunger_threshold),
                    a.animal_hunger_rate,
                    nourishment,
                ),
            );
            let exposure = binomial(
                &mut rng.attrition,
                count - thirst - hunger,
                (animal_exposure_here * on_the_move).clamp(0.0, 1.0),
            );
            *column.animals.get_mut(kind) -= thirst + hunger + exposure;
            let today_lost = AnimalLosses {
                thirst,
                hunger,
                exposure,
                ..AnimalLosses::default()
            };
            ledger.animals_lost.get_mut(kind).add(&today_lost);
            if today_lost.total() > 0 {
                events.write(SimEvent::AnimalsLost {
                    force: entity,
                    kind,
                    lost: today_lost,
                });
            }
            carcass_kg += f64::from(thirst + hunger) * rules.meat_kg.get(kind).0;
        }
        // The dead animals feed the men.
        stores.meat.0 += carcass_kg * rules.carcass_meat;
        // Horsemen without horses march on foot.
        if column.men.cavalry > column.animals.horses {
            let dismounted = column.men.cavalry - column.animals.horses;
            column.men.cavalry -= dismounted;
            column.men.infantry += dismounted;
        }

        condition.morale = fed_morale(
            a,
            condition.morale,
            condition.base_morale,
            today.men_fed.min(condition.nourishment),
        );

        let dropped = drop_excess(rules, column, &mut stores);
        ledger.abandoned += dropped;
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
