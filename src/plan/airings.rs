//! Bulletins on the air: which live pages are bulletins for commune radio
//! (`broadcast:`), the live window each is in on the plan's day, and the
//! days and times it is aired in that window. The renderers of bulletins
//! (the index, the script sheets, `lich-phat.ics`, `ban-tin.json`, the feed)
//! read these; none works out a date itself.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{PageId, Plan};
use crate::load::broadcast::{AirTime, Broadcast};
use crate::load::translations;
use crate::time::occurrence;
use crate::time::window::{self, Window};

/// More aired days than this in a window are not listed one by one (a
/// script sheet's log then has blank lines to fill in).
pub const LISTED_DAYS: usize = 62;

/// A live bulletin as of the plan's day.
#[derive(Debug, Clone, Copy)]
pub struct Bulletin<'p> {
    /// The page.
    pub page: PageId,
    /// Its `broadcast:` block.
    pub broadcast: &'p Broadcast,
    /// The live window the plan's day is in: `[from, until)`, `None` where
    /// it is open (a page without `publish:` or `expire:`).
    pub window: Window,
}

impl Bulletin<'_> {
    /// The first day of the window, or `fallback` when it is open at the
    /// start (the day a recurring event then starts from).
    pub fn first_day(&self, fallback: NaiveDate) -> NaiveDate {
        self.window.0.unwrap_or(fallback)
    }

    /// The last day it is live (the day before `until`), `None` when open.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.window.1.and_then(|u| u.checked_sub_days(Days::new(1)))
    }

    /// Whether it is aired on `d`'s weekday.
    pub fn airs_on(&self, d: NaiveDate) -> bool {
        self.broadcast.airs_on(d.weekday())
    }

    /// The days it is aired from `from` to its last day, at most `limit`;
    /// `None` when the window is open at either end or holds more than
    /// `limit` such days.
    pub fn aired_days(&self, limit: usize) -> Option<Vec<NaiveDate>> {
        let (from, last) = (self.window.0?, self.last_day()?);
        let mut days = Vec::new();
        for d in from.iter_days().take_while(|d| *d <= last) {
            if self.airs_on(d) {
                if days.len() == limit {
                    return None;
                }
                days.push(d);
            }
        }
        Some(days)
    }

    /// Its air times.
    pub fn times(&self) -> &[AirTime] {
        &self.broadcast.times
    }

    /// Its weekdays, Monday first; empty for every day.
    pub fn days(&self) -> &[Weekday] {
        &self.broadcast.days
    }
}

impl Plan<'_> {
    /// The live pages that are bulletins, in source order.
    pub fn bulletins(&self) -> Vec<Bulletin<'_>> {
        self.live_pages().filter_map(|p| Some(Bulletin { page: p.id, broadcast: p.page.front.broadcast.as_ref()?, window: self.live_window(p.id) })).collect()
    }

    /// The live window of page `id` that holds the plan's day: its own (its
    /// original's bounds where a translation is silent), and for a
    /// translation no wider than its original's, as a translation is never
    /// published alone. `(None, None)` for a page live every day; meaningless
    /// for a page that is not live.
    pub fn live_window(&self, id: PageId) -> Window {
        let content = &self.inputs.content;
        let i = id.index();
        let own = self.own_window(&content.pages[i], content.original_of(i));
        match content.originals.get(i).copied().flatten() {
            Some(j) => intersect(own, self.own_window(&content.pages[j], content.original_of(j))),
            None => own,
        }
    }

    /// The window of a page's own bounds that holds the plan's day.
    fn own_window(&self, page: &crate::load::Page, original: Option<&crate::load::Page>) -> Window {
        let e = translations::effective(page, original);
        let occs = page
            .kind
            .campaign()
            .and_then(|c| self.inputs.calendar.campaigns.iter().find(|k| k.id == c))
            .map(|c| occurrence::around(&c.timing, self.as_of))
            .unwrap_or_default();
        let d = self.as_of;
        window::windows(e.publish, e.expire, &occs).into_iter().find(|w| window::is_live(std::slice::from_ref(w), d)).unwrap_or((Some(d), d.checked_add_days(Days::new(1))))
    }
}

/// The days two windows share (both hold the plan's day, so they overlap).
fn intersect(a: Window, b: Window) -> Window {
    let from = match (a.0, b.0) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let until = match (a.1, b.1) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    (from, until)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn windows_meet_where_both_hold() {
        assert_eq!(intersect((Some(d(2027, 5, 18)), Some(d(2027, 7, 7))), (Some(d(2027, 6, 1)), None)), (Some(d(2027, 6, 1)), Some(d(2027, 7, 7))));
        assert_eq!(intersect((None, None), (None, Some(d(2027, 1, 1)))), (None, Some(d(2027, 1, 1))));
    }

    #[test]
    fn aired_days_follow_weekdays_and_stop_at_the_limit() {
        let b = Broadcast { times: vec![AirTime { hour: 6, minute: 0 }], days: vec![Weekday::Mon, Weekday::Fri], title: None };
        let w = Bulletin { page: PageId::from_index(0), broadcast: &b, window: (Some(d(2027, 6, 1)), Some(d(2027, 7, 1))) };
        let days = w.aired_days(100).unwrap();
        // June 2027: Fridays 4, 11, 18, 25; Mondays 7, 14, 21, 28.
        assert_eq!(days.len(), 8);
        assert!(days.iter().all(|x| matches!(x.weekday(), Weekday::Mon | Weekday::Fri)));
        assert_eq!((days[0], *days.last().unwrap()), (d(2027, 6, 4), d(2027, 6, 28)));
        assert_eq!(w.aired_days(7), None);
        let open = Bulletin { window: (Some(d(2027, 6, 1)), None), ..w };
        assert_eq!(open.aired_days(100), None);
    }
}
