//! The campaign's calendar: the day, and the date in 30-day months, told in the labels of the
//! campaign's own calendar (its years and months).

use std::sync::Arc;

use bevy::prelude::*;

use crate::scenario::types::{CalendarNames, Season, StartDate};

/// The campaign's calendar.
#[derive(Resource, Debug, Clone)]
pub struct Calendar {
    /// Days since the start (0 on the first day).
    pub day: u32,
    /// The first day.
    pub start: StartDate,
    /// The labels of its years and months, from the scenario's `world.calendar`.
    pub names: Arc<CalendarNames>,
}

impl Calendar {
    /// Year BC, month (1..=12) and day (1..=30) of today, with 30-day months.
    pub fn date(&self) -> (i32, u32, u32) {
        let start = (self.start.month - 1) * 30 + (self.start.day - 1);
        let total = start + self.day;
        let years = (total / 360) as i32;
        let in_year = total % 360;
        (
            self.start.year_bc - years,
            in_year / 30 + 1,
            in_year % 30 + 1,
        )
    }

    /// Today's season.
    pub fn season(&self) -> Season {
        Season::of_month(self.date().1)
    }

    /// The calendar on another day of the same campaign.
    pub fn on(&self, day: u32) -> Calendar {
        Calendar {
            day,
            ..self.clone()
        }
    }

    /// Today's date for people: "day 41 (autumn, month 9 day 12, 104 BC)".
    pub fn describe(&self) -> String {
        let (year, month, day) = self.date();
        format!(
            "day {} ({}, {})",
            self.day,
            self.season().word(),
            self.names.date(year, month, day)
        )
    }
}
