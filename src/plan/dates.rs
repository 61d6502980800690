//! The dates renderers show, as of the plan's day: the day a page is listed
//! under (feeds), a campaign's periods this year and next (the print box),
//! and a rule's occurrences from the one the campaign's state is about
//! (calendars). Worked out here, once, so no renderer computes a date
//! itself; what is on the air is [`super::airings`]'.

use chrono::{Datelike, NaiveDate};

use super::{CampaignId, PageId, Plan};
use crate::time::occurrence::{self, Occurrence};
use crate::time::{window, Bound, Rule};

/// The date given to pages that have no `date` and no publication window.
pub const UNDATED: (i32, u32, u32) = (2020, 1, 1);

/// [`UNDATED`] as a date.
pub fn undated() -> NaiveDate {
    NaiveDate::from_ymd_opt(UNDATED.0, UNDATED.1, UNDATED.2).unwrap_or_default()
}

impl Plan<'_> {
    /// The date page `id` is listed under: its `date`, else the start of its
    /// publication window (for a window relative to its campaign, in the
    /// occurrence the campaign's state is about), else [`UNDATED`].
    pub fn listed_date(&self, id: PageId) -> NaiveDate {
        let p = self.page(id);
        let front = &p.page.front;
        if let Some(d) = front.date {
            return d;
        }
        if let Some(Bound::Date(d)) = front.publish {
            return d;
        }
        if front.publish.is_some_and(Bound::is_relative)
            && let Some(o) = p.campaign.and_then(|c| self.campaign(c).status.occurrence)
            && let Some((Some(start), _)) = window::windows(front.publish, front.expire, &[o]).first()
        {
            return *start;
        }
        undated()
    }

    /// Campaign `c`'s periods in the plan's year and the next that have not
    /// ended by the plan's day, soonest first.
    pub fn periods_this_year_and_next(&self, c: CampaignId) -> Vec<Occurrence> {
        let year = self.as_of.year();
        occurrence::of_campaign(&self.campaign(c).campaign.timing, year, year + 1).into_iter().filter(|o| o.end >= self.as_of).collect()
    }

    /// The occurrences of `rule` (one of campaign `c`'s) from the one the
    /// campaign's state is about, over `years` years after its year; none
    /// when the state is about no occurrence.
    pub fn rule_occurrences(&self, c: CampaignId, rule: &Rule, years: usize) -> Vec<Occurrence> {
        let cr = self.campaign(c);
        let Some(anchor) = cr.status.occurrence else { return Vec::new() };
        let from = anchor.start.year();
        occurrence::of_campaign(&cr.campaign.timing.with_rule(rule), from, from + years as i32 + 1).into_iter().filter(|o| o.start >= anchor.start).collect()
    }
}
