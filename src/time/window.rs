//! Publication windows: the days on which a page exists. A page's `publish`
//! and `expire` are each a date or an offset from its campaign's occurrence
//! ([`Bound`]); a page is live on `d` when `publish ≤ d < expire` for some
//! window.

use chrono::{Days, NaiveDate};

use super::occurrence::Occurrence;

/// One end of a publication window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// A calendar date.
    Date(NaiveDate),
    /// Days from the start of the campaign's occurrence (`start-14d`).
    FromStart(i64),
    /// Days from the end of the campaign's occurrence (`end+7d`).
    FromEnd(i64),
}

impl Bound {
    /// Whether the bound is relative to a campaign's occurrence.
    pub fn is_relative(self) -> bool {
        matches!(self, Bound::FromStart(_) | Bound::FromEnd(_))
    }
}

/// A window `[publish, expire)`; `None` is unbounded on that side.
pub type Window = (Option<NaiveDate>, Option<NaiveDate>);

/// The date a bound gives for an occurrence (`None` for offsets without one).
fn resolve(bound: Bound, occ: Option<&Occurrence>) -> Option<NaiveDate> {
    let shift = |d: NaiveDate, n: i64| {
        if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new(n.unsigned_abs())) }
    };
    match bound {
        Bound::Date(d) => Some(d),
        Bound::FromStart(n) => shift(occ?.start, n),
        Bound::FromEnd(n) => shift(occ?.end, n),
    }
}

/// Whether either bound is relative to the campaign's occurrence.
pub fn is_relative(publish: Option<Bound>, expire: Option<Bound>) -> bool {
    publish.is_some_and(Bound::is_relative) || expire.is_some_and(Bound::is_relative)
}

/// The windows in which a page with these bounds is live: one per occurrence
/// when a bound is relative to the campaign, else one.
pub fn windows(publish: Option<Bound>, expire: Option<Bound>, occs: &[Occurrence]) -> Vec<Window> {
    if !is_relative(publish, expire) {
        return vec![(publish.and_then(|b| resolve(b, None)), expire.and_then(|b| resolve(b, None)))];
    }
    occs.iter().map(|o| (publish.and_then(|b| resolve(b, Some(o))), expire.and_then(|b| resolve(b, Some(o))))).collect()
}

/// Whether a page with these windows is live on `d`.
pub fn is_live(windows: &[Window], d: NaiveDate) -> bool {
    windows.iter().any(|(p, e)| p.is_none_or(|p| p <= d) && e.is_none_or(|e| d < e))
}

/// The window edges after which a page may appear or disappear.
pub fn window_edges(windows: &[Window]) -> impl Iterator<Item = NaiveDate> + '_ {
    windows.iter().flat_map(|(p, e)| p.iter().chain(e.iter()).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn page_windows_recur() {
        let occs: Vec<Occurrence> = (2026..=2029).map(|y| Occurrence { start: d(y, 6, 1), end: d(y, 6, 30) }).collect();
        let w = windows(Some(Bound::FromStart(-14)), Some(Bound::FromEnd(7)), &occs);
        assert!(!is_live(&w, d(2027, 5, 17)));
        assert!(is_live(&w, d(2027, 5, 18)));
        assert!(is_live(&w, d(2027, 7, 6)));
        assert!(!is_live(&w, d(2027, 7, 7)));
        assert!(is_live(&w, d(2028, 6, 1)));
        assert!(is_live(&windows(None, None, &occs), d(1999, 1, 1)));
    }

    #[test]
    fn fixed_dates_ignore_occurrences() {
        let w = windows(Some(Bound::Date(d(2027, 5, 20))), Some(Bound::Date(d(2027, 6, 1))), &[]);
        assert_eq!(w, vec![(Some(d(2027, 5, 20)), Some(d(2027, 6, 1)))]);
        assert!(is_live(&w, d(2027, 5, 31)) && !is_live(&w, d(2027, 6, 1)));
        // An offset with no occurrence to anchor it: never live.
        assert!(!is_live(&windows(Some(Bound::FromStart(0)), None, &[]), d(2027, 1, 1)));
    }
}
