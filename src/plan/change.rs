//! When the output changes: a day's fingerprint (every campaign's state, with
//! the countdown while one shows, and which pages are live), the next day on
//! which it differs, and every such day in a range (the days to rebuild).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};

use crate::load::translations;
use crate::load::Inputs;
use crate::time::occurrence::{self, Occurrence};
use crate::time::state::{self, CampaignStatus, State};
use crate::time::window;

/// How far ahead [`next_change`] looks.
pub const HORIZON_DAYS: u64 = 3 * 366;

/// Everything about a day that shows in the output: campaign states (with the
/// countdown while one is shown), which pages are live, and the year (the
/// print box lists this year's and next year's dates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// The year of the day.
    pub year: i32,
    /// Each campaign's status, in calendar order.
    pub campaigns: Vec<CampaignStatus>,
    /// Whether each page (in content order) is live.
    pub live: Vec<bool>,
}

/// Each campaign's occurrences around `d`, by campaign id.
fn occurrences_around(inputs: &Inputs, d: NaiveDate) -> BTreeMap<&str, Vec<Occurrence>> {
    inputs.calendar.campaigns.iter().map(|c| (c.id.as_str(), occurrence::around(&c.timing, d))).collect()
}

/// The occurrences a page's window is relative to: its campaign's.
fn page_occurrences<'o>(occs: &'o BTreeMap<&str, Vec<Occurrence>>, campaign: Option<&str>) -> &'o [Occurrence] {
    campaign.and_then(|id| occs.get(id)).map_or(&[][..], Vec::as_slice)
}

impl Fingerprint {
    /// The fingerprint of day `d`.
    pub fn at(inputs: &Inputs, drafts: bool, d: NaiveDate) -> Self {
        let occs = occurrences_around(inputs, d);
        let campaigns = inputs
            .calendar
            .campaigns
            .iter()
            .map(|c| {
                let mut s = state::status_among(&c.timing, &occs[c.id.as_str()], d);
                // Only the countdown to an upcoming campaign is shown in days.
                if s.state != State::Upcoming {
                    s.days = None;
                }
                s
            })
            .collect();
        let content = &inputs.content;
        // Each page by its own window (a translation's inherited from its
        // original where it is silent), then a translation only while its
        // original is live too: never published alone.
        let own: Vec<bool> = content
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let e = translations::effective(p, content.original_of(i));
                if e.draft && !drafts {
                    return false;
                }
                let o = page_occurrences(&occs, p.kind.campaign());
                window::is_live(&window::windows(e.publish, e.expire, o), d)
            })
            .collect();
        let live = own.iter().enumerate().map(|(i, &l)| l && content.originals.get(i).copied().flatten().is_none_or(|j| own[j])).collect();
        // A site without campaigns has no print box.
        let year = if inputs.calendar.campaigns.is_empty() { 0 } else { d.year() };
        Fingerprint { year, campaigns, live }
    }
}

/// The first day after `d` on which the output differs from `d`'s (whose
/// fingerprint is `now`), looking [`HORIZON_DAYS`] ahead.
pub fn next_change(inputs: &Inputs, drafts: bool, d: NaiveDate, now: &Fingerprint) -> Option<NaiveDate> {
    let mut candidates: BTreeSet<NaiveDate> = BTreeSet::new();
    candidates.extend(d.checked_add_days(Days::new(1)));
    // New Year's Day: the print box's years change.
    candidates.extend(NaiveDate::from_ymd_opt(d.year() + 1, 1, 1));
    for c in &inputs.calendar.campaigns {
        candidates.extend(state::campaign_edges(&c.timing, d));
    }
    let occs = occurrences_around(inputs, d);
    for (i, p) in inputs.content.pages.iter().enumerate() {
        let e = translations::effective(p, inputs.content.original_of(i));
        let (publish, expire) = (e.publish, e.expire);
        if publish.is_none() && expire.is_none() {
            continue;
        }
        let o = if window::is_relative(publish, expire) { page_occurrences(&occs, p.kind.campaign()) } else { &[] };
        candidates.extend(window::window_edges(&window::windows(publish, expire, o)));
    }
    let horizon = d.checked_add_days(Days::new(HORIZON_DAYS))?;
    candidates.into_iter().filter(|c| *c > d && *c <= horizon).find(|c| Fingerprint::at(inputs, drafts, *c) != *now)
}

/// Every day in `(from, to]` on which the output differs from the day before,
/// for the same inputs (rebuild days).
pub fn change_dates(inputs: &Inputs, drafts: bool, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = from;
    let mut fp = Fingerprint::at(inputs, drafts, d);
    while let Some(next) = next_change(inputs, drafts, d, &fp) {
        if next > to {
            break;
        }
        out.push(next);
        d = next;
        fp = Fingerprint::at(inputs, drafts, d);
    }
    out
}
