//! The rules of a campaign's dates before any year is chosen: what the `when`
//! grammar of `calendar.yaml` reads into ([`Rule`]), the years a campaign is
//! bounded to ([`YearBounds`]) and how long it is announced around each
//! occurrence ([`Timing`]).
//!
//! The grammar itself is parsed in [`crate::load::when`]; this module only
//! holds the values, so that `time/` depends on nothing else of loa's.

use chrono::NaiveDate;

/// English month names, for messages and English dates.
pub const MONTH_NAMES: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// A day and month without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayMonth {
    /// Day of the month, 1-based.
    pub day: u32,
    /// Month, 1–12.
    pub month: u32,
}

impl DayMonth {
    /// The date in `year`, or `None` when it does not exist that year (29/2).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// One parsed `when` entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A Gregorian day or range every year; `start == end` for a single day.
    Yearly {
        /// First day.
        start: DayMonth,
        /// Last day, included; before `start` when the range wraps the year.
        end: DayMonth,
    },
    /// A whole Gregorian month every year (1–12).
    Month(u32),
    /// A day or range of the Vietnamese lunar calendar, every lunar year.
    Lunar {
        /// First lunar day.
        start: DayMonth,
        /// Last lunar day, included.
        end: DayMonth,
    },
    /// Dates with years: happens once.
    Once {
        /// First day.
        start: NaiveDate,
        /// Last day, included.
        end: NaiveDate,
    },
}

/// Inclusive bounds on the years of a campaign's occurrences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct YearBounds {
    /// First year, if bounded.
    pub from: Option<i32>,
    /// Last year, if bounded.
    pub to: Option<i32>,
}

impl YearBounds {
    /// Whether an occurrence starting in `year` is allowed.
    pub fn contains(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// When a campaign happens and how long it is shown around each occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timing {
    /// When it happens; several rules are allowed.
    pub rules: Vec<Rule>,
    /// Inclusive bounds on the years of its occurrences.
    pub years: YearBounds,
    /// Days it shows as upcoming before it starts.
    pub lead: u32,
    /// Days it shows as recent after it ends.
    pub linger: u32,
}

impl Timing {
    /// The same timing with one rule only (for calendars that list each rule
    /// as its own event).
    pub fn with_rule(&self, rule: &Rule) -> Timing {
        Timing { rules: vec![rule.clone()], ..self.clone() }
    }
}
