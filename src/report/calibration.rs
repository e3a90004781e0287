//! The historical record as calibration bands (design §5), read from the campaign files: each
//! band's figure measured over many seeded runs of a scenario's historical plan, beside its
//! range. The calibration test, the calibration bench and `compare` all use these, so the test
//! checks what the bench and `compare` print.
//!
//! Nothing here or in the model knows the answer or names a campaign: the figures are read off
//! finished reports, by the measure each band names.

use std::ops::Range;

use super::{CampaignReport, StateAnswer};
use crate::scenario::Scenario;
use crate::scenario::types::{BandDef, Cause, Counted, Measure, Statistic};
use crate::sim::Commander;
use crate::sim::log::SiegeResult;

/// One band, measured.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Band {
    /// What is measured.
    pub figure: String,
    /// The measured value (a median, or a share of runs); NaN where no run counted.
    pub value: f64,
    /// The band's lower end.
    pub lo: f64,
    /// The band's upper end.
    pub hi: f64,
    /// Whether the calibration test holds the model to it.
    pub checked: bool,
    /// The 10th and 90th percentiles of the runs' measures, for a median (NaN for a share of
    /// runs, or where no run counted).
    pub p10: f64,
    /// See `p10`.
    pub p90: f64,
    /// Runs counted.
    pub runs: usize,
    /// Where the record comes from.
    pub source: String,
}

impl Band {
    /// Whether the value falls in the band.
    pub fn inside(&self) -> bool {
        self.value >= self.lo && self.value <= self.hi
    }
}

impl std::fmt::Display for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mark = match (self.inside(), self.checked) {
            (true, _) => "in ",
            (false, true) => "OUT",
            (false, false) => "out",
        };
        let end = |x: f64| {
            if x.is_finite() {
                format!("{x}")
            } else if x > 0.0 {
                "∞".to_string()
            } else {
                "-∞".to_string()
            }
        };
        let spread = if self.p10.is_finite() && self.p90.is_finite() {
            format!("({:.1}–{:.1})", self.p10, self.p90)
        } else {
            String::new()
        };
        // No run counted: say so, not NaN.
        let value = if self.value.is_nan() {
            "no runs".to_string()
        } else {
            format!("{:.1}", self.value)
        };
        write!(
            f,
            "[{mark}] {:<56} {value:>10} {spread:<20} band {} to {}",
            self.figure,
            end(self.lo),
            end(self.hi)
        )
    }
}

/// Runs the scenario's historical plan once for each seed.
pub fn run_seeds(scenario: &Scenario, seeds: Range<u64>) -> Vec<CampaignReport> {
    let mut batch = crate::runner::Batch::reports_only();
    let scenario = std::sync::Arc::new(scenario.clone());
    seeds
        .map(|seed| super::figures_of(batch.run(&scenario, seed, Commander::Historical)))
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

/// Men lost to `cause` in a run.
fn lost(r: &CampaignReport, cause: Cause) -> u32 {
    r.men.losses.by_cause()[Cause::ALL.iter().position(|c| *c == cause).unwrap_or(0)]
}

/// The share of a run's answered requests answered by submission, in %.
fn submission_share(r: &CampaignReport) -> f64 {
    let asked = r.states.iter().filter(|s| s.answer.is_answer()).count();
    let submitted = r
        .states
        .iter()
        .filter(|s| s.answer == StateAnswer::Submitted)
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

/// Whether the band counts run `r`.
fn counted(runs: Counted, r: &CampaignReport) -> bool {
    match runs {
        Counted::All => true,
        Counted::Won => r.objective_taken_day.is_some(),
        Counted::WaterDiverted => r.siege.as_ref().is_some_and(|s| s.water_diverted),
        Counted::Victory => r.outcome == "victory",
    }
}

/// The band's measure in run `r`, if the run has it.
pub fn measure(m: &Measure, r: &CampaignReport) -> Option<f64> {
    let u = |x: u32| f64::from(x);
    Some(match m {
        Measure::ObjectiveTaken => u(u32::from(r.objective_taken_day.is_some())),
        Measure::GoalMet(i) => u(u32::from(r.goals.get(*i)?.met_day.is_some())),
        Measure::Days => u(r.days),
        Measure::EnemyKilled => u(r.enemy_killed),
        Measure::EnemyCaptured => u(r.enemy_captured),
        Measure::ObjectiveDay => u(r.objective_taken_day?),
        Measure::MenHome => u(r.men.returned),
        Measure::MenHomePercent => 100.0 * u(r.men.returned) / u(r.men.start.max(1)),
        Measure::HorsesHome => u(r.horses.returned),
        Measure::HorsesObtained => u(r.horses.obtained),
        Measure::SubmissionPercent => submission_share(r),
        Measure::MenAtObjectivePercent => {
            // Every column that reached the city before it fell.
            r.objective_taken_day?;
            100.0 * u(r.men_at_objective.unwrap_or(0)) / u(r.men.start.max(1))
        }
        Measure::MenAtFurthest => men_at_turn(r),
        Measure::ObjectiveSiegeDays => u(r.siege.as_ref()?.days),
        Measure::Losses(plus, minus) => {
            let sum = |causes: &[Cause]| causes.iter().map(|c| lost(r, *c)).sum::<u32>();
            u(sum(plus)) - u(sum(minus))
        }
        Measure::LossesPercent(causes) => {
            let part: u32 = causes.iter().map(|c| lost(r, *c)).sum();
            100.0 * u(part) / u(r.men.losses.total().max(1))
        }
        Measure::StateRefused(id) => u(u32::from(
            r.states
                .iter()
                .any(|s| &s.id == id && s.answer == StateAnswer::Refused),
        )),
        Measure::StateTaken(id) => u(u32::from(
            r.sieges.iter().any(|s| {
                &s.target == id
                    && matches!(
                        s.result,
                        SiegeResult::Fell | SiegeResult::Stormed | SiegeResult::Terms
                    )
            }) || r.states.iter().any(|s| {
                &s.id == id && matches!(s.answer, StateAnswer::Sacked | StateAnswer::Conquered)
            }),
        )),
    })
}

/// The band's measure in run `r`: none where the band does not count the run, or the run has
/// no such figure.
pub fn band_measure(def: &BandDef, r: &CampaignReport) -> Option<f64> {
    if counted(def.runs, r) {
        measure(&def.measure, r)
    } else {
        None
    }
}

/// One band measured over `runs`.
pub fn band(def: &BandDef, runs: &[CampaignReport]) -> Band {
    let values: Vec<Option<f64>> = runs.iter().map(|r| band_measure(def, r)).collect();
    summarise(def, &values)
}

/// A band from each run's measure (`None` for a run it does not count).
pub fn summarise(def: &BandDef, values: &[Option<f64>]) -> Band {
    let kept: Vec<f64> = values.iter().flatten().copied().collect();
    let mut sorted = kept.clone();
    sorted.sort_by(f64::total_cmp);
    let (p10, p90) = match def.statistic {
        Statistic::Median if !sorted.is_empty() => (
            super::stats::quantile(&sorted, 0.1),
            super::stats::quantile(&sorted, 0.9),
        ),
        _ => (f64::NAN, f64::NAN),
    };
    let value = match def.statistic {
        Statistic::Median => median(kept.clone()),
        Statistic::PercentOfRuns => {
            let counted = values.iter().filter(|v| v.is_some()).count();
            100.0 * kept.iter().filter(|x| **x != 0.0).count() as f64 / counted.max(1) as f64
        }
    };
    Band {
        figure: def.name.clone(),
        value,
        lo: def.min.unwrap_or(f64::NEG_INFINITY),
        hi: def.max.unwrap_or(f64::INFINITY),
        checked: def.checked,
        p10,
        p90,
        runs: kept.len(),
        source: def.source.clone(),
    }
}

/// The bands of a scenario's historical record, measured over `runs`.
pub fn bands(scenario: &Scenario, runs: &[CampaignReport]) -> Vec<Band> {
    scenario
        .campaign
        .history
        .iter()
        .flat_map(|h| &h.bands)
        .map(|def| band(def, runs))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Band;

    #[test]
    fn a_band_no_run_counted_says_so() {
        let band = Band {
            figure: "days away (runs that come home)".into(),
            value: f64::NAN,
            lo: 3600.0,
            hi: 5400.0,
            checked: true,
            p10: f64::NAN,
            p90: f64::NAN,
            runs: 0,
            source: String::new(),
        };
        let line = band.to_string();
        assert!(line.contains("no runs") && !line.contains("NaN"), "{line}");
        assert!(line.starts_with("[OUT]"), "{line}");
    }
}
