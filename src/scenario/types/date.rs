//! Dates as the format writes them: the Han calendar approximated as 30-day months, years
//! counted BC.

use serde::{Deserialize, Serialize};

/// The day a campaign starts, by the Han calendar approximated as 30-day months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartDate {
    /// Year BC.
    pub year_bc: i32,
    /// Month, 1..=12 (month 1 begins spring).
    pub month: u32,
    /// Day of the month, 1..=30.
    pub day: u32,
}

impl StartDate {
    /// The date as a count of days, to order dates (30-day months, 12 to a year, years BC).
    pub fn day_number(self) -> i64 {
        -i64::from(self.year_bc) * 360
            + i64::from(self.month.saturating_sub(1)) * 30
            + i64::from(self.day)
    }

    /// The date for people under the campaign's calendar: "month 8 day 1, 104 BC".
    pub fn words(self, calendar: &super::CalendarNames) -> String {
        calendar
            .date(self.year_bc, self.month, self.day)
            .to_string()
    }
}
