//! Checks of a campaign's muster: its base is a place where the historical army stands, its
//! limits are counts and tonnes within bounds that hold the historical army, and the days it may
//! leave are dates that hold the campaign's first day.

use std::collections::BTreeSet;

use super::army::check_army;
use super::{Checker, MAX_ANIMALS, MAX_TREASURE, unknown};
use crate::scenario::muster::{self, Item};
use crate::scenario::types::{CampaignFile, MusterDef};

/// Checks `m`, the muster of `camp`, whose map has `places`.
pub(super) fn check(c: &mut Checker, camp: &CampaignFile, m: &MusterDef, places: &BTreeSet<&str>) {
    if !places.contains(m.at.as_str()) {
        c.problem("muster.at", unknown("place", &m.at, places));
    }
    check_army(c, "muster", &m.men, &m.animals, &m.stores);
    c.count("muster.carts", m.carts, 0, MAX_ANIMALS);
    c.count("muster.silk_bolts", m.silk_bolts, 0, MAX_TREASURE);
    c.count("muster.gold_jin", m.gold_jin, 0, MAX_TREASURE);
    c.count("muster.columns", m.columns, 1, 1_000);
    for (field, d) in [
        ("muster.leave.earliest", m.leave.earliest),
        ("muster.leave.latest", m.leave.latest),
    ] {
        c.count(format!("{field}.month"), d.month, 1, 12);
        c.count(format!("{field}.day"), d.day, 1, 30);
    }
    if m.leave.earliest.day_number() > m.leave.latest.day_number() {
        c.problem(
            "muster.leave.latest",
            format!(
                "the last day to leave ({}) comes before the first ({}); give latest after earliest",
                m.leave.latest.words(&camp.world.calendar),
                m.leave.earliest.words(&camp.world.calendar)
            ),
        );
    } else if !(m.leave.earliest.day_number()..=m.leave.latest.day_number())
        .contains(&camp.start.day_number())
    {
        c.problem(
            "muster.leave",
            format!(
                "the campaign starts on {}, outside the days the army may leave ({} to {}); the historical day must be one of them",
                camp.start.words(&camp.world.calendar),
                m.leave.earliest.words(&camp.world.calendar),
                m.leave.latest.words(&camp.world.calendar)
            ),
        );
    }
    let Some(history) = muster::historical(camp) else {
        return;
    };
    if history.columns.is_empty() {
        let bases: Vec<&str> = camp.forces.iter().map(|f| f.at.as_str()).collect();
        c.problem(
            "muster.at",
            format!(
                "no force starts at '{}': the muster's base is where the historical army stands ({})",
                m.at,
                bases.join(", ")
            ),
        );
        return;
    }
    if history.columns.len() as u64 > u64::from(m.columns) {
        c.problem(
            "muster.columns",
            format!(
                "{} forces start at '{}', more than the {} columns the muster allows; give columns: {}",
                history.columns.len(),
                m.at,
                m.columns,
                history.columns.len()
            ),
        );
    }
    for item in Item::ALL {
        let (taken, limit) = (item.total(&history.columns), item.limit(m));
        // Forces' numbers out of their bounds are told already.
        let bound = if matches!(item, Item::Silk | Item::Gold) {
            f64::from(MAX_TREASURE)
        } else {
            f64::from(MAX_ANIMALS)
        };
        if taken.is_finite() && taken <= bound && taken > limit + 1e-9 {
            c.problem(
                format!("muster.{}", item.field()),
                format!(
                    "the historical army at '{}' takes {}, more than the muster's {}; give at least {}",
                    m.at,
                    item.amount(taken),
                    item.amount(limit),
                    super::num(taken)
                ),
            );
        }
    }
}
