//! Dates: the lunar calendar, occurrences of campaigns, their states on a day,
//! publication windows and the next day the site changes. Pure functions, no I/O.

pub mod format;
pub mod lunar;
pub mod occurrence;
pub mod state;

use chrono::NaiveDate;
use chrono_tz::Tz;

pub use occurrence::Occurrence;
pub use state::{CampaignStatus, State};

/// Today in `tz`, whatever the machine's own timezone.
pub fn today(tz: Tz) -> NaiveDate {
    chrono::Utc::now().with_timezone(&tz).date_naive()
}
