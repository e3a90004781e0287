//! The historical bands of design §5, over 200 seeds of each historical plan: prints each figure's
//! median beside its band, marked in or out. A tool for calibrating the rules
//! (`cargo bench --bench calibration`); the calibration test proper comes with the states-and-sieges work.

use std::path::Path;

use heavenly_horses::report::{self, CampaignReport};
use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim;

const SEEDS: u64 = 200;

fn runs(name: &str) -> Vec<CampaignReport> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    let scenario = Scenario::load(path).expect("shipped scenario");
    (0..SEEDS)
        .map(|seed| {
            let mut app = sim::headless_app(&scenario, seed);
            sim::run_to_end(app.world_mut());
            report::build(app.world_mut())
        })
        .collect()
}

fn median(mut xs: Vec<f64>) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn line(figure: &str, value: f64, lo: f64, hi: f64) {
    let mark = if value >= lo && value <= hi {
        "in "
    } else {
        "OUT"
    };
    println!("  [{mark}] {figure:<52} {value:>10.1}   band {lo} to {hi}");
}

fn share(rs: &[CampaignReport], f: impl Fn(&CampaignReport) -> bool) -> f64 {
    100.0 * rs.iter().filter(|r| f(r)).count() as f64 / rs.len() as f64
}

fn main() {
    let first = runs("first_expedition_104bc.ron");
    let second = runs("second_expedition_102bc.ron");
    println!("Historical bands (design §5), {SEEDS} seeds each");
    println!("104 BC");
    line(
        "capital taken, % of runs",
        share(&first, |r| r.objective_taken_day.is_some()),
        0.0,
        10.0,
    );
    let home = median(
        first
            .iter()
            .map(|r| 100.0 * f64::from(r.men.returned) / f64::from(r.men.start))
            .collect(),
    );
    line("men back at home, % of those who set out", home, 5.0, 25.0);
    let l = |r: &CampaignReport| {
        let l = &r.men.losses;
        f64::from(l.hunger + l.desertion) - f64::from(l.combat)
    };
    line(
        "hunger + desertion - combat, men",
        median(first.iter().map(l).collect()),
        1.0,
        f64::INFINITY,
    );
    println!("102 BC");
    let submitted = second
        .iter()
        .flat_map(|r| &r.states)
        .filter(|s| s.answer == "submitted")
        .count() as f64;
    let asked = second
        .iter()
        .flat_map(|r| &r.states)
        .filter(|s| s.answer == "submitted" || s.answer == "refused")
        .count() as f64;
    line(
        "requests answered by submission, %",
        100.0 * submitted / asked.max(1.0),
        80.0,
        100.0,
    );
    let reach = median(
        second
            .iter()
            .filter_map(|r| r.objective_taken_day.map(|d| (r, d)))
            .map(|(r, fell)| {
                // Men on arrival at the capital: the last arrival before it fell (winning runs).
                r.places
                    .iter()
                    .take_while(|p| p.day <= fell)
                    .last()
                    .map_or(0.0, |p| 100.0 * f64::from(p.men) / f64::from(r.men.start))
            })
            .collect(),
    );
    line(
        "men reaching the capital (winning runs), % set out",
        reach,
        40.0,
        60.0,
    );
    let diverted: Vec<f64> = second
        .iter()
        .filter_map(|r| r.siege.as_ref())
        .filter(|s| s.water_diverted)
        .map(|s| f64::from(s.days))
        .collect();
    line(
        "siege days where the river is diverted",
        median(diverted),
        25.0,
        60.0,
    );
    line(
        "capital surrenders, % of runs",
        share(&second, |r| r.objective_taken_day.is_some()),
        70.0,
        100.0,
    );
    let winners: Vec<&CampaignReport> = second
        .iter()
        .filter(|r| r.objective_taken_day.is_some())
        .collect();
    line(
        "horses obtained in winning runs",
        median(
            winners
                .iter()
                .map(|r| f64::from(r.horses.obtained))
                .collect(),
        ),
        3000.0,
        f64::INFINITY,
    );
    line(
        "men back home",
        median(second.iter().map(|r| f64::from(r.men.returned)).collect()),
        8000.0,
        20000.0,
    );
    line(
        "horses back home",
        median(
            second
                .iter()
                .map(|r| f64::from(r.horses.returned))
                .collect(),
        ),
        500.0,
        3000.0,
    );
    let l2 = |r: &CampaignReport| {
        let l = &r.men.losses;
        f64::from(l.desertion + l.hunger + l.exposure) - f64::from(l.combat)
    };
    line(
        "desertion + hunger + exposure - combat, men",
        median(second.iter().map(l2).collect()),
        1.0,
        f64::INFINITY,
    );
}
