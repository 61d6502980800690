//! Occurrences: the concrete date ranges a campaign's rules produce.

use chrono::{Datelike, Months, NaiveDate};

use super::lunar::{self, LunarDate};
use super::rule::{DayMonth, Rule, Timing};

/// One concrete period of a campaign, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    /// First day.
    pub start: NaiveDate,
    /// Last day (included).
    pub end: NaiveDate,
}

impl Occurrence {
    /// Whether `d` is inside.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// A yearly day-month in `year`; `29/2` in a common year is `None` for a single
/// day, and 28/2 when it ends a range.
fn day_in(dm: DayMonth, year: i32, is_range_end: bool) -> Option<NaiveDate> {
    dm.in_year(year).or_else(|| (is_range_end && dm.month == 2 && dm.day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28)).flatten())
}

/// The occurrences of one rule that start in the Gregorian `year`.
pub fn of_rule(rule: &Rule, year: i32) -> Vec<Occurrence> {
    match *rule {
        Rule::Yearly { start, end } => {
            let Some(s) = day_in(start, year, false) else { return Vec::new() };
            let end_year = if (end.month, end.day) < (start.month, start.day) { year + 1 } else { year };
            let single = start == end;
            match day_in(end, end_year, !single) {
                Some(e) => vec![Occurrence { start: s, end: e }],
                None => Vec::new(),
            }
        }
        Rule::Month(m) => {
            let Some(s) = NaiveDate::from_ymd_opt(year, m, 1) else { return Vec::new() };
            let e = s.checked_add_months(Months::new(1)).and_then(|n| n.pred_opt()).unwrap_or(s);
            vec![Occurrence { start: s, end: e }]
        }
        Rule::Lunar { start, end } => {
            // A lunar year's month may fall in the next Gregorian year (and month
            // 12 of the previous lunar year in this one), so look at both.
            let mut out = Vec::new();
            for lunar_year in [year - 1, year] {
                let Some(s) = lunar::to_solar(LunarDate { day: start.day, month: start.month, year: lunar_year, leap: false }) else { continue };
                if s.year() != year {
                    continue;
                }
                let end_year = if (end.month, end.day) < (start.month, start.day) { lunar_year + 1 } else { lunar_year };
                let mut e = lunar::to_solar(LunarDate { day: end.day, month: end.month, year: end_year, leap: false });
                if e.is_none() && end.day == 30 {
                    // The 30th of a 29-day month: end on the 29th.
                    e = lunar::to_solar(LunarDate { day: 29, month: end.month, year: end_year, leap: false });
                }
                if let Some(e) = e {
                    out.push(Occurrence { start: s, end: e });
                }
            }
            out
        }
        Rule::Once { start, end } => {
            if start.year() == year {
                vec![Occurrence { start, end }]
            } else {
                Vec::new()
            }
        }
    }
}

/// All occurrences of a campaign (its timing) starting in the years `from..=to`, sorted and
/// without duplicates, respecting its `years:` bounds.
pub fn of_campaign(campaign: &Timing, from: i32, to: i32) -> Vec<Occurrence> {
    let mut out: Vec<Occurrence> = (from..=to)
        .filter(|y| campaign.years.contains(*y))
        .flat_map(|y| campaign.rules.iter().flat_map(move |r| of_rule(r, y)))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The occurrences of `campaign` that matter around day `d`: those starting
/// from two years before to two years after.
pub fn around(campaign: &Timing, d: NaiveDate) -> Vec<Occurrence> {
    of_campaign(campaign, d.year() - 2, d.year() + 2)
}

/// The first occurrence of `campaign` that starts after `d`, looking up to 50 years ahead.
pub fn next_after(campaign: &Timing, d: NaiveDate) -> Option<Occurrence> {
    let mut year = d.year();
    while year <= d.year() + 50 {
        if let Some(o) = of_campaign(campaign, year, year).into_iter().find(|o| o.start > d) {
            return Some(o);
        }
        year += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn dm(day: u32, month: u32) -> DayMonth {
        DayMonth { day, month }
    }
    fn yearly(sd: u32, sm: u32, ed: u32, em: u32) -> Rule {
        Rule::Yearly { start: dm(sd, sm), end: dm(ed, em) }
    }
    fn lunar(sd: u32, sm: u32, ed: u32, em: u32) -> Rule {
        Rule::Lunar { start: dm(sd, sm), end: dm(ed, em) }
    }
    fn occ(rule: Rule, year: i32) -> Vec<(NaiveDate, NaiveDate)> {
        of_rule(&rule, year).into_iter().map(|o| (o.start, o.end)).collect()
    }

    #[test]
    fn year_edges() {
        assert_eq!(occ(yearly(31, 12, 31, 12), 2027), vec![(d(2027, 12, 31), d(2027, 12, 31))]);
        assert_eq!(occ(yearly(1, 1, 1, 1), 2027), vec![(d(2027, 1, 1), d(2027, 1, 1))]);
        assert_eq!(occ(yearly(20, 12, 10, 1), 2027), vec![(d(2027, 12, 20), d(2028, 1, 10))]);
        assert_eq!(occ(yearly(31, 12, 1, 1), 2027), vec![(d(2027, 12, 31), d(2028, 1, 1))]);
        assert_eq!(occ(yearly(1, 6, 30, 6), 2027), vec![(d(2027, 6, 1), d(2027, 6, 30))]);
        assert_eq!(occ(yearly(15, 11, 15, 12), 2027), vec![(d(2027, 11, 15), d(2027, 12, 15))]);
    }

    #[test]
    fn leap_days() {
        assert_eq!(occ(yearly(29, 2, 29, 2), 2027), vec![]);
        assert_eq!(occ(yearly(29, 2, 29, 2), 2028), vec![(d(2028, 2, 29), d(2028, 2, 29))]);
        assert_eq!(occ(yearly(1, 2, 29, 2), 2027), vec![(d(2027, 2, 1), d(2027, 2, 28))]);
        assert_eq!(occ(yearly(1, 2, 29, 2), 2028), vec![(d(2028, 2, 1), d(2028, 2, 29))]);
        assert_eq!(occ(Rule::Month(2), 2028), vec![(d(2028, 2, 1), d(2028, 2, 29))]);
        assert_eq!(occ(Rule::Month(2), 2027), vec![(d(2027, 2, 1), d(2027, 2, 28))]);
        assert_eq!(occ(Rule::Month(12), 2027), vec![(d(2027, 12, 1), d(2027, 12, 31))]);
    }

    #[test]
    fn lunar_and_once() {
        assert_eq!(occ(lunar(15, 8, 15, 8), 2027), vec![(d(2027, 9, 15), d(2027, 9, 15))]);
        assert_eq!(occ(lunar(1, 1, 3, 1), 2026), vec![(d(2026, 2, 17), d(2026, 2, 19))]);
        // 23 tháng Chạp of lunar 2026 falls on 30 January 2027 (Tết 2027 is 6 February).
        assert_eq!(occ(lunar(23, 12, 23, 12), 2027), vec![(d(2027, 1, 30), d(2027, 1, 30))]);
        assert_eq!(occ(Rule::Once { start: d(2027, 3, 1), end: d(2027, 3, 8) }, 2027), vec![(d(2027, 3, 1), d(2027, 3, 8))]);
        assert_eq!(occ(Rule::Once { start: d(2027, 3, 1), end: d(2027, 3, 8) }, 2028), vec![]);
    }
}
