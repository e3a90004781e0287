//! Checks of an army's numbers, wherever the format writes one (a force, a reinforcement, a
//! muster): counts that cannot overflow and finite, non-negative stores.

use super::{Checker, MAX_ANIMALS, MAX_MEN, MAX_TONNES};
use crate::scenario::types::{AnimalKind, MenDef, PerAnimal, StoresDef};

/// Checks men, animals and stores of a force or an event at `at`.
pub(super) fn check_army(
    c: &mut Checker,
    at: &str,
    men: &MenDef,
    animals: &PerAnimal<u32>,
    stores: &StoresDef,
) {
    c.count(format!("{at}.men.infantry"), men.infantry, 0, MAX_MEN);
    c.count(format!("{at}.men.cavalry"), men.cavalry, 0, MAX_MEN);
    if u64::from(men.infantry) + u64::from(men.cavalry) > u64::from(MAX_MEN) {
        c.problem(
            format!("{at}.men"),
            format!(
                "{} men in all; at most {MAX_MEN}",
                u64::from(men.infantry) + u64::from(men.cavalry)
            ),
        );
    }
    for kind in AnimalKind::ALL {
        c.count(
            format!("{at}.animals.{}", kind.name()),
            *animals.get(kind),
            0,
            MAX_ANIMALS,
        );
    }
    c.within(
        format!("{at}.stores.grain_t"),
        stores.grain_t.0,
        0.0,
        MAX_TONNES,
    );
    c.within(
        format!("{at}.stores.fodder_t"),
        stores.fodder_t.0,
        0.0,
        MAX_TONNES,
    );
    c.within(
        format!("{at}.stores.water_m3"),
        stores.water_m3.0,
        0.0,
        MAX_TONNES,
    );
}
