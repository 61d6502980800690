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
