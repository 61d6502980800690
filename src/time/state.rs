//! A campaign's state on a day, a page's publication window, and the day after
//! which either changes.

use chrono::{Days, NaiveDate};

use super::occurrence::{self, Occurrence};
use crate::load::calendar::Campaign;
use crate::load::content::{Bound, FrontMatter};

/// Where a campaign stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    /// Inside an occurrence.
    Active,
    /// Within `lead` days before an occurrence.
    Upcoming,
    /// Within `linger` days after an occurrence.
    Recent,
    /// None of these.
    Dormant,
}

impl State {
    /// The name used in JSON, CSS classes and i18n keys.
    pub fn name(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Upcoming => "upcoming",
            State::Recent => "recent",
            State::Dormant => "dormant",
        }
    }
}

/// A campaign's state on a day, with the occurrence it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CampaignStatus {
    /// The state.
    pub state: State,
    /// The occurrence the state is about (the current, coming or past one);
    /// for a dormant campaign, the next one if there is any.
    pub occurrence: Option<Occurrence>,
    /// For an upcoming campaign, days until it starts; for an active one, days
    /// until it ends (0 on its last day).
    pub days: Option<i64>,
}

/// The state of `campaign` on day `d`.
pub fn status(campaign: &Campaign, d: NaiveDate) -> CampaignStatus {
    status_among(campaign, &occurrence::around(campaign, d), d)
}

/// The state of `campaign` on day `d`, given its occurrences around `d`
/// ([`occurrence::around`]), for callers that already have them.
pub fn status_among(campaign: &Campaign, occs: &[Occurrence], d: NaiveDate) -> CampaignStatus {
    let (lead, linger) = (campaign.lead, campaign.linger);
    if let Some(o) = occs.iter().filter(|o| o.contains(d)).max_by_key(|o| o.start) {
        return CampaignStatus { state: State::Active, occurrence: Some(*o), days: Some((o.end - d).num_days()) };
    }
    if let Some(o) = occs.iter().filter(|o| o.start > d && (o.start - d).num_days() <= i64::from(lead)).min_by_key(|o| o.start) {
        return CampaignStatus { state: State::Upcoming, occurrence: Some(*o), days: Some((o.start - d).num_days()) };
    }
    if let Some(o) = occs.iter().filter(|o| o.end < d && (d - o.end).num_days() <= i64::from(linger)).max_by_key(|o| o.end) {
        return CampaignStatus { state: State::Recent, occurrence: Some(*o), days: None };
    }
    let next = occs.iter().filter(|o| o.start > d).min_by_key(|o| o.start).copied().or_else(|| occurrence::next_after(campaign, d));
    CampaignStatus { state: State::Dormant, occurrence: next, days: None }
}

/// The days on which `campaign`'s status may change after `d` (a superset):
/// window edges of the occurrences around `d`.
pub fn campaign_edges(campaign: &Campaign, d: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for o in occurrence::around(campaign, d) {
        out.extend(o.start.checked_sub_days(Days::new(u64::from(campaign.lead))));
        out.push(o.start);
        out.extend(o.end.checked_add_days(Days::new(1)));
        out.extend(o.end.checked_add_days(Days::new(u64::from(campaign.linger) + 1)));
    }
    if let Some(n) = occurrence::next_after(campaign, d) {
        out.extend(n.start.checked_sub_days(Days::new(u64::from(campaign.lead))));
        out.push(n.start);
    }
    out
}

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

/// The windows `[publish, expire)` in which a page is live: one per occurrence
/// when a bound is relative to the campaign, else one. `None` means unbounded.
pub fn windows(front: &FrontMatter, occs: &[Occurrence]) -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
    let relative = matches!(front.publish, Some(Bound::FromStart(_) | Bound::FromEnd(_)))
        || matches!(front.expire, Some(Bound::FromStart(_) | Bound::FromEnd(_)));
    if !relative {
        return vec![(front.publish.and_then(|b| resolve(b, None)), front.expire.and_then(|b| resolve(b, None)))];
    }
    occs.iter()
        .map(|o| (front.publish.and_then(|b| resolve(b, Some(o))), front.expire.and_then(|b| resolve(b, Some(o)))))
        .collect()
}

/// Whether a page with these windows is live on `d`.
pub fn is_live(windows: &[(Option<NaiveDate>, Option<NaiveDate>)], d: NaiveDate) -> bool {
    windows.iter().any(|(p, e)| p.is_none_or(|p| p <= d) && e.is_none_or(|e| d < e))
}

/// The window edges after which a page may appear or disappear.
pub fn window_edges(windows: &[(Option<NaiveDate>, Option<NaiveDate>)]) -> impl Iterator<Item = NaiveDate> + '_ {
    windows.iter().flat_map(|(p, e)| p.iter().chain(e.iter()).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::calendar::YearBounds;
    use crate::load::when::parse;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn campaign(when: &str, lead: u32, linger: u32) -> Campaign {
        Campaign {
            id: "c".into(),
            title: crate::load::Text::Plain("C".into()),
            rules: vec![parse(when).unwrap()],
            years: YearBounds::default(),
            lead,
            linger,
            color: None,
            position: None,
        }
    }

    #[test]
    fn states_around_june() {
        let c = campaign("1/6 - 30/6", 30, 14);
        assert_eq!(status(&c, d(2027, 4, 30)).state, State::Dormant);
        let s = status(&c, d(2027, 5, 2));
        assert_eq!((s.state, s.days), (State::Upcoming, Some(30)));
        let s = status(&c, d(2027, 6, 10));
        assert_eq!((s.state, s.days), (State::Active, Some(20)));
        assert_eq!(status(&c, d(2027, 6, 30)).state, State::Active);
        assert_eq!(status(&c, d(2027, 7, 14)).state, State::Recent);
        assert_eq!(status(&c, d(2027, 7, 15)).state, State::Dormant);
        let s = status(&c, d(2027, 11, 1));
        assert_eq!(s.occurrence.map(|o| o.start), Some(d(2028, 6, 1)));
    }

    #[test]
    fn gender_month_upcoming_on_1_november() {
        let c = campaign("15/11 - 15/12", 30, 14);
        let s = status(&c, d(2027, 11, 1));
        assert_eq!((s.state, s.days), (State::Upcoming, Some(14)));
    }

    #[test]
    fn wrapping_range_is_active_in_january() {
        let c = campaign("20/12 - 10/1", 0, 0);
        let s = status(&c, d(2028, 1, 5));
        assert_eq!(s.state, State::Active);
        assert_eq!(s.occurrence.map(|o| o.start), Some(d(2027, 12, 20)));
    }

    #[test]
    fn years_bound_occurrences() {
        let mut c = campaign("30/7", 7, 7);
        c.years = YearBounds { from: Some(2026), to: Some(2027) };
        assert_eq!(status(&c, d(2027, 7, 30)).state, State::Active);
        assert_eq!(status(&c, d(2028, 7, 30)).state, State::Dormant);
        assert_eq!(status(&c, d(2028, 7, 30)).occurrence, None);
        assert_eq!(status(&c, d(2025, 7, 30)).state, State::Dormant);
    }

    #[test]
    fn page_windows_recur() {
        let c = campaign("1/6 - 30/6", 30, 14);
        let occs = occurrence::around(&c, d(2027, 6, 1));
        let front = FrontMatter { publish: Some(Bound::FromStart(-14)), expire: Some(Bound::FromEnd(7)), ..Default::default() };
        let w = windows(&front, &occs);
        assert!(!is_live(&w, d(2027, 5, 17)));
        assert!(is_live(&w, d(2027, 5, 18)));
        assert!(is_live(&w, d(2027, 7, 6)));
        assert!(!is_live(&w, d(2027, 7, 7)));
        assert!(is_live(&w, d(2028, 6, 1)));
        let always = FrontMatter::default();
        assert!(is_live(&windows(&always, &occs), d(1999, 1, 1)));
    }
}
