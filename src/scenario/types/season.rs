//! The seasons of the year, and a value for each (growth, exposure, water needed, …).

use serde::{Deserialize, Serialize};

/// The season of the year (30-day months: 1-3 spring, 4-6 summer, 7-9 autumn, 10-12 winter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// Months 1-3.
    Spring,
    /// Months 4-6.
    Summer,
    /// Months 7-9.
    Autumn,
    /// Months 10-12.
    Winter,
}

impl Season {
    /// The season of a month (1..=12).
    pub fn of_month(month: u32) -> Season {
        match month {
            1..=3 => Season::Spring,
            4..=6 => Season::Summer,
            7..=9 => Season::Autumn,
            _ => Season::Winter,
        }
    }

    /// Its name in lower case.
    pub fn word(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// A value for each season (months 1-3 spring, 4-6 summer, 7-9 autumn, 10-12 winter).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seasons {
    /// Spring.
    pub spring: f64,
    /// Summer.
    pub summer: f64,
    /// Autumn.
    pub autumn: f64,
    /// Winter.
    pub winter: f64,
}

impl Seasons {
    /// The value for `season`.
    pub fn get(&self, season: Season) -> f64 {
        match season {
            Season::Spring => self.spring,
            Season::Summer => self.summer,
            Season::Autumn => self.autumn,
            Season::Winter => self.winter,
        }
    }
}
