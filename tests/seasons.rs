//! Seasons on the roads: snow closes a high pass in winter (a column waits for spring at its
//! foot), and a road that fords snowmelt rivers is slow while they are in flood.

mod common;

use common::{events, run, second, with_force};
use heavenly_horses::scenario::Scenario;
use heavenly_horses::scenario::types::PlanStep;
use heavenly_horses::sim::{Chronicle, SimEvent};

/// A small column of 2,000 foot with grain for months at `at`, marching to `to`, setting out on
/// the first day of `month`.
fn column(at: &str, to: &str, month: u32) -> Scenario {
    let plan = vec![PlanStep::March(to.into())];
    let mut s = with_force(second(), at, 2_000, 200.0, 0, false, plan);
    s.campaign.start.month = month;
    s.campaign.start.day = 1;
    s
}

/// The day the column arrives, if it does.
fn arrival(s: &Scenario) -> Option<u32> {
    let app = run(s, 1);
    app.world()
        .resource::<Chronicle>()
        .0
        .iter()
        .find(|l| matches!(l.event, SimEvent::Arrived { .. }))
        .map(|l| l.day)
}

#[test]
fn snow_holds_a_column_at_the_foot_of_a_closed_pass_until_spring() {
    // The Irkeshtam road is closed in winter (months 10-12) in the shipped map.
    let winter = column("shule", "irkeshtam_pass", 10);
    let evs = events(&run(&winter, 1));
    assert!(
        evs.iter().any(|e| matches!(e, SimEvent::Snowbound { .. })),
        "the chronicle says the column is snowbound"
    );
    let waited = arrival(&winter).expect("it goes on in spring");
    let autumn = arrival(&column("shule", "irkeshtam_pass", 7)).expect("it arrives");
    assert!(
        waited >= 90 && waited < 90 + 2 * autumn,
        "set out in winter: arrives on day {waited} (after the three winter months); in \
         autumn: day {autumn}"
    );
    // The Terek road, passable all year, is not closed.
    let terek = arrival(&column("shule", "terek_pass", 10)).expect("it arrives");
    assert!(terek < 30, "over the Terek in winter: day {terek}");
}

#[test]
fn rivers_in_flood_slow_the_road_that_fords_them() {
    // Khotan's jade rivers are in flood in summer (months 4-6).
    let summer = arrival(&column("yutian", "pishan", 4)).expect("it arrives");
    let autumn = arrival(&column("yutian", "pishan", 7)).expect("it arrives");
    assert!(
        f64::from(summer) >= 1.6 * f64::from(autumn),
        "in flood: {summer} days; at low water: {autumn} days"
    );
}
