//! The historical record as calibration bands (design §5): each figure of the table measured over
//! many seeded runs of a scenario's historical plan, beside its band. The calibration test and
//! the calibration bench both use these, so the test checks what the bench prints.
//!
//! Nothing here or in the model knows the answer: the figures are read off finished reports.

use std::ops::Range;

use super::CampaignReport;
use crate::scenario::Scenario;

/// One figure of the table, measured, with its band.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// What is measured.
    pub figure: &'static str,
    /// The measured value (a median, or a share of runs).
    pub value: f64,
    /// The band's lower end.
    pub lo: f64,
    /// The band's upper end.
    pub hi: f64,
}

impl Band {
    /// Whether the value falls in the band.
    pub fn inside(&self) -> bool {
        self.value >= self.lo && self.value <= self.hi
    }
}

impl std::fmt::Display for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mark = if self.inside() { "in " } else { "OUT" };
        write!(
            f,
            "[{mark}] {:<56} {:>10.1}   band {} to {}",
            self.figure, self.value, self.lo, self.hi
        )
    }
}

/// Runs the scenario's historical plan once for each seed.
pub fn run_seeds(scenario: &Scenario, seeds: Range<u64>) -> Vec<CampaignReport> {
    seeds
        .map(|seed| {
            let mut app = crate::runner::run(scenario, seed, crate::sim::Commander::Historical);
            super::build(app.world_mut())
        })
        .collect()
}

/// The median (the upper one of an even count); NaN for no values.
pub fn median(mut xs: Vec<f64>) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// The share of runs, in %, for which `f` holds.
fn share(rs: &[CampaignReport], f: impl Fn(&CampaignReport) -> bool) -> f64 {
    100.0 * rs.iter().filter(|r| f(r)).count() as f64 / rs.len().max(1) as f64
}

/// Men back at home, % of those who set out.
fn home_share(r: &CampaignReport) -> f64 {
    100.0 * f64::from(r.men.returned) / f64::from(r.men.start.max(1))
}

/// The share of requests a run's states answered by submitting, in %.
fn submission_share(r: &CampaignReport) -> f64 {
    let asked = r.states.iter().filter(|s| s.answer.is_answer()).count();
    let submitted = r
        .states
        .iter()
        .filter(|s| s.answer == super::StateAnswer::Submitted)
        .count();
    100.0 * submitted as f64 / asked.max(1) as f64
}

/// Men on arrival at the furthest place of the main army's march: the last place it reached
/// before it first came back to a place it had passed.
fn men_at_turn(r: &CampaignReport) -> f64 {
    let mut seen: Vec<&str> = Vec::new();
    let mut men = 0;
    for p in &r.places {
        if seen.contains(&p.name.as_str()) {
            break;
        }
        seen.push(&p.name);
        men = p.men;
    }
    f64::from(men)
}

/// The first expedition's bands, measured on its runs.
pub fn first_expedition(runs: &[CampaignReport]) -> Vec<Band> {
    vec![
        Band {
            figure: "104 BC: capital taken, % of runs",
            value: share(runs, |r| r.objective_taken_day.is_some()),
            lo: 0.0,
            hi: 10.0,
        },
        Band {
            figure: "104 BC: men back at home, % of those who set out",
            value: median(runs.iter().map(home_share).collect()),
            lo: 5.0,
            hi: 25.0,
        },
        Band {
            figure: "104 BC: hunger + desertion - combat, men",
            value: median(
                runs.iter()
                    .map(|r| {
                        let l = &r.men.losses;
                        f64::from(l.hunger + l.desertion) - f64::from(l.combat)
                    })
                    .collect(),
            ),
            lo: 1.0,
            hi: f64::INFINITY,
        },
    ]
}

/// Figures of the first expedition's story that design §5 gives no band for (the calibration
/// bench prints them; the test does not assert them).
pub fn first_expedition_story(runs: &[CampaignReport]) -> Vec<Band> {
    vec![
        Band {
            // Not in design §5's table, but the mission's story: "oasis states refuse food".
            figure: "104 BC: requests answered by submission, % (story)",
            value: median(runs.iter().map(submission_share).collect()),
            lo: 0.0,
            hi: 50.0,
        },
        Band {
            // "no more than a few thousand men arrived, all starving" [S123]: the main army's
            // strength at its furthest point west, in men.
            figure: "104 BC: men at the furthest point reached (story)",
            value: median(runs.iter().map(men_at_turn).collect()),
            lo: 1000.0,
            hi: 9000.0,
        },
    ]
}

/// The second expedition's bands, measured on its runs.
pub fn second_expedition(runs: &[CampaignReport]) -> Vec<Band> {
    let winners: Vec<&CampaignReport> = runs
        .iter()
        .filter(|r| r.objective_taken_day.is_some())
        .collect();
    vec![
        Band {
            figure: "102 BC: requests answered by submission, %",
            value: median(runs.iter().map(submission_share).collect()),
            lo: 80.0,
            hi: 100.0,
        },
        Band {
            figure: "102 BC: men reaching the capital (winning runs), %",
            value: median(
                winners
                    .iter()
                    .map(|r| {
                        // The main army's last arrival before the capital fell.
                        let fell = r.objective_taken_day.unwrap_or(u32::MAX);
                        r.places
                            .iter()
                            .take_while(|p| p.day <= fell)
                            .last()
                            .map_or(0.0, |p| 100.0 * f64::from(p.men) / f64::from(r.men.start))
                    })
                    .collect(),
            ),
            lo: 40.0,
            hi: 60.0,
        },
        Band {
            figure: "102 BC: siege days where the river is diverted",
            value: median(
                runs.iter()
                    .filter_map(|r| r.siege.as_ref())
                    .filter(|s| s.water_diverted)
                    .map(|s| f64::from(s.days))
                    .collect(),
            ),
            lo: 25.0,
            hi: 60.0,
        },
        Band {
            figure: "102 BC: capital surrenders, % of runs",
            value: share(runs, |r| r.objective_taken_day.is_some()),
            lo: 70.0,
            hi: 100.0,
        },
        Band {
            figure: "102 BC: horses obtained in winning runs",
            value: median(
                winners
                    .iter()
                    .map(|r| f64::from(r.horses.obtained))
                    .collect(),
            ),
            lo: 3000.0,
            hi: f64::INFINITY,
        },
        Band {
            figure: "102 BC: men back home",
            value: median(runs.iter().map(|r| f64::from(r.men.returned)).collect()),
            lo: 8000.0,
            hi: 20000.0,
        },
        Band {
            figure: "102 BC: horses back home",
            value: median(runs.iter().map(|r| f64::from(r.horses.returned)).collect()),
            lo: 500.0,
            hi: 3000.0,
        },
        Band {
            figure: "102 BC: desertion + hunger + exposure - combat, men",
            value: median(
                runs.iter()
                    .map(|r| {
                        let l = &r.men.losses;
                        f64::from(l.desertion + l.hunger + l.exposure) - f64::from(l.combat)
                    })
                    .collect(),
            ),
            lo: 1.0,
            hi: f64::INFINITY,
        },
    ]
}
