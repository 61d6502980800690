//! A campaign's state on a day, and the days on which it may change.

use chrono::{Days, NaiveDate};

use super::occurrence::{self, Occurrence};
use super::rule::Timing;

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

/// The state of a campaign with this timing on day `d`.
pub fn status(campaign: &Timing, d: NaiveDate) -> CampaignStatus {
    status_among(campaign, &occurrence::around(campaign, d), d)
}

/// The state of `campaign` on day `d`, given its occurrences around `d`
/// ([`occurrence::around`]), for callers that already have them.
pub fn status_among(campaign: &Timing, occs: &[Occurrence], d: NaiveDate) -> CampaignStatus {
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
pub fn campaign_edges(campaign: &Timing, d: NaiveDate) -> Vec<NaiveDate> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::rule::{DayMonth, Rule, YearBounds};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    /// A yearly range `sd/sm - ed/em`.
    fn campaign(sd: u32, sm: u32, ed: u32, em: u32, lead: u32, linger: u32) -> Timing {
        Timing {
            rules: vec![Rule::Yearly { start: DayMonth { day: sd, month: sm }, end: DayMonth { day: ed, month: em } }],
            years: YearBounds::default(),
            lead,
            linger,
        }
    }

    #[test]
    fn states_around_june() {
        let c = campaign(1, 6, 30, 6, 30, 14);
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
        let c = campaign(15, 11, 15, 12, 30, 14);
        let s = status(&c, d(2027, 11, 1));
        assert_eq!((s.state, s.days), (State::Upcoming, Some(14)));
    }

    #[test]
    fn wrapping_range_is_active_in_january() {
        let c = campaign(20, 12, 10, 1, 0, 0);
        let s = status(&c, d(2028, 1, 5));
        assert_eq!(s.state, State::Active);
        assert_eq!(s.occurrence.map(|o| o.start), Some(d(2027, 12, 20)));
    }

    #[test]
    fn years_bound_occurrences() {
        let mut c = campaign(30, 7, 30, 7, 7, 7);
        c.years = YearBounds { from: Some(2026), to: Some(2027) };
        assert_eq!(status(&c, d(2027, 7, 30)).state, State::Active);
        assert_eq!(status(&c, d(2028, 7, 30)).state, State::Dormant);
        assert_eq!(status(&c, d(2028, 7, 30)).occurrence, None);
        assert_eq!(status(&c, d(2025, 7, 30)).state, State::Dormant);
    }
}
