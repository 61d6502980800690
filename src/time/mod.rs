//! Dates: the rules of a campaign's dates ([`rule`]), the lunar calendar,
//! occurrences of campaigns, their states on a day, publication windows, and
//! dates written for people. A leaf: nothing here imports the rest of loa,
//! and apart from [`today`] (which reads the clock) everything is a pure
//! function.

pub mod format;
pub mod lunar;
pub mod occurrence;
pub mod rule;
pub mod state;
pub mod window;

use chrono::NaiveDate;
use chrono_tz::Tz;

pub use occurrence::Occurrence;
pub use rule::{Rule, Timing};
pub use state::{CampaignStatus, State};
pub use window::Bound;

/// Today in `tz`, whatever the machine's own timezone.
pub fn today(tz: Tz) -> NaiveDate {
    chrono::Utc::now().with_timezone(&tz).date_naive()
}

/// The first instant of day `d` in `tz`, with the zone's offset then (for
/// feeds, whose dates carry an offset).
pub fn midnight(tz: Tz, d: NaiveDate) -> chrono::DateTime<chrono::FixedOffset> {
    use chrono::{Offset, TimeZone};
    let naive = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    let offset: chrono::FixedOffset = tz.offset_from_utc_datetime(&naive).fix();
    offset.from_local_datetime(&naive).single().unwrap_or_else(|| offset.from_utc_datetime(&naive))
}
