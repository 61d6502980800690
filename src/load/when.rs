//! The `when` grammar of `calendar.yaml`: dates written the way Vietnamese
//! documents write them, day first.
//!
//! | form | meaning |
//! | --- | --- |
//! | `30/7` | one day every year |
//! | `1/6 - 30/6` | a yearly range, both ends included |
//! | `20/12 - 10/1` | a yearly range that wraps the year end |
//! | `tháng 6` | the whole month, every year |
//! | `15/8 âm lịch`, `1/8 - 15/8 âm lịch` | Vietnamese lunar calendar (UTC+7), yearly |
//! | `15/8/2027 âm lịch`, `1/6/2025 nhuận âm lịch` | a one-off lunar date (`nhuận`: the leap month) |
//! | `1/3/2027`, `1/3/2027 - 8/3/2027` | one-off dates, with years |
//!
//! The dash may be `-`, `–` or `—`, with or without spaces. `29/2` occurs in leap
//! years only. Parsing is pure; errors carry the character column inside the
//! string so the caller can point at it in the file.

use chrono::NaiveDate;

use crate::time::rule::{DayMonth, Rule, MONTH_NAMES};

/// Why a `when` string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError {
    /// 0-based character column inside the string where the problem starts.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl WhenError {
    fn new(column: usize, message: impl Into<String>) -> Self {
        Self { column, message: message.into(), hint: None }
    }
    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

const FORMS: &str = "write one of: 30/7 · 1/6 - 30/6 · 20/12 - 10/1 · tháng 6 · 15/8 âm lịch · 1/3/2027 - 8/3/2027";

/// A date as written: day, month, optional year, and where it starts.
#[derive(Debug, Clone, Copy)]
struct Written {
    day: u32,
    month: u32,
    year: Option<i32>,
    /// `nhuận`: the lunar year's leap month.
    leap: bool,
    col: usize,
}

/// Parses one `when` string.
pub fn parse(input: &str) -> Result<Rule, WhenError> {
    let chars: Vec<char> = input.chars().collect();
    let lower: Vec<char> = input.chars().flat_map(char::to_lowercase).collect();
    if lower.len() != chars.len() {
        return Err(WhenError::new(0, format!("`{input}` is not a date")).hint(FORMS));
    }
    let text: String = lower.iter().collect();
    let start = text.len() - text.trim_start().len();
    let start_col = text[..start].chars().count();
    let body = text.trim();
    if body.is_empty() {
        return Err(WhenError::new(0, "`when` is empty").hint(FORMS));
    }

    // `tháng 6`
    if let Some(rest) = body.strip_prefix("tháng") {
        let col = start_col + "tháng".chars().count();
        let num = rest.trim_start();
        let num_col = col + (rest.chars().count() - num.chars().count());
        let month: u32 = num.parse().map_err(|_| {
            WhenError::new(num_col, format!("`{}` is not a month", num.trim())).hint("write the month as a number: tháng 6")
        })?;
        if !(1..=12).contains(&month) {
            return Err(WhenError::new(num_col, format!("there is no month {month}")).hint("months go from 1 to 12"));
        }
        return Ok(Rule::Month(month));
    }

    // `… âm lịch`
    let (body, lunar) = match body.strip_suffix("âm lịch") {
        Some(b) => (b.trim_end(), true),
        None => (body, false),
    };

    // Split on the one dash.
    let dash_positions: Vec<usize> = body
        .char_indices()
        .filter(|(_, c)| matches!(c, '-' | '–' | '—'))
        .map(|(i, _)| i)
        .collect();
    let (first, second) = match dash_positions.as_slice() {
        [] => (body, None),
        [i] => {
            let dash_len = body[*i..].chars().next().map_or(1, char::len_utf8);
            (&body[..*i], Some((&body[i + dash_len..], *i + dash_len)))
        }
        [_, j, ..] => {
            return Err(WhenError::new(start_col + body[..*j].chars().count(), "a range has one dash")
                .hint("write a range as 1/6 - 30/6; put several ranges in a YAML list"));
        }
    };
    let a = written(first, start_col)?;
    let b = match second {
        Some((s, byte)) => Some(written(s, start_col + body[..byte].chars().count())?),
        None => None,
    };

    if !lunar && let Some(w) = std::iter::once(&a).chain(b.as_ref()).find(|w| w.leap) {
        return Err(WhenError::new(w.col, "`nhuận` (a leap month) only exists in the lunar calendar")
            .hint("add âm lịch: 1/6/2025 nhuận âm lịch"));
    }
    if lunar {
        for w in std::iter::once(&a).chain(b.as_ref()) {
            check_lunar(w)?;
        }
        if a.year.is_none() && b.is_none_or(|b| b.year.is_none()) {
            if let Some(w) = std::iter::once(&a).chain(b.as_ref()).find(|w| w.leap) {
                return Err(WhenError::new(w.col, "a leap month does not come back every year")
                    .hint("write the year of a leap-month date: 1/6/2025 nhuận âm lịch"));
            }
            let s = DayMonth { day: a.day, month: a.month };
            let e = b.map_or(s, |b| DayMonth { day: b.day, month: b.month });
            return Ok(Rule::Lunar { start: s, end: e });
        }
        // A one-off lunar date or range, with its lunar year.
        let end_w = b.unwrap_or(a);
        let Some(end_year) = end_w.year.or(a.year) else {
            return Err(WhenError::new(end_w.col, "the end of a one-off range needs its year too"));
        };
        if a.year.is_some() && b.is_some_and(|b| b.year.is_none()) {
            return Err(WhenError::new(end_w.col, "the end of a one-off range needs its year too")
                .hint(format!("write {}/{}/{} âm lịch", end_w.day, end_w.month, end_year)));
        }
        let end = lunar_once(&end_w, end_year)?;
        // A range with the year on its end only starts in that lunar year,
        // or in the one before when it crosses the lunar new year
        // (`23/12 - 7/1/2028 âm lịch`), as the Gregorian form does.
        let start = match a.year {
            Some(y) => lunar_once(&a, y)?,
            None => match lunar_once(&a, end_year) {
                Ok(s) if s <= end => s,
                _ => lunar_once(&a, end_year - 1)?,
            },
        };
        if start > end {
            return Err(WhenError::new(end_w.col, "this range ends before it starts").hint("put the earlier date first"));
        }
        return Ok(Rule::Once { start, end });
    }

    match (a.year, b.map(|b| b.year)) {
        (None, None) | (None, Some(None)) => {
            check_yearly(&a)?;
            let s = DayMonth { day: a.day, month: a.month };
            let e = match b {
                Some(b) => {
                    check_yearly(&b)?;
                    DayMonth { day: b.day, month: b.month }
                }
                None => s,
            };
            Ok(Rule::Yearly { start: s, end: e })
        }
        (Some(_), Some(None)) => {
            let b = b.expect("second date");
            Err(WhenError::new(b.col, "the end of a one-off range needs its year too")
                .hint(format!("write {}/{}/{}", b.day, b.month, a.year.unwrap_or_default())))
        }
        (sy, ey) => {
            // A one-off date, or a range with the year on its end only (1/3 - 8/3/2027).
            let end_w = b.unwrap_or(a);
            let end_year = ey.flatten().or(sy).expect("a year");
            let end = check_once(&end_w, end_year)?;
            let start = match sy {
                Some(y) => check_once(&a, y)?,
                None => {
                    let same = check_once(&a, end_year)?;
                    if same > end { check_once(&a, end_year - 1)? } else { same }
                }
            };
            if start > end {
                return Err(WhenError::new(end_w.col, "this range ends before it starts")
                    .hint("put the earlier date first"));
            }
            Ok(Rule::Once { start, end })
        }
    }
}

/// Reads `D/M` or `D/M/YYYY`; `col` is the column where `s` starts.
fn written(s: &str, col: usize) -> Result<Written, WhenError> {
    let (s, leap) = match s.trim_end().strip_suffix("nhuận") {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let trimmed = s.trim();
    let col = col + (s.chars().count() - s.trim_start().chars().count());
    if trimmed.is_empty() {
        return Err(WhenError::new(col, "a date is missing here").hint(FORMS));
    }
    let parts: Vec<&str> = trimmed.split('/').map(str::trim).collect();
    let bad = || WhenError::new(col, format!("`{trimmed}` is not a date")).hint(FORMS);
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let day = num(parts[0])?;
    let month = num(parts[1])?;
    let year = match parts.get(2) {
        Some(y) if y.len() == 4 => Some(num(y)? as i32),
        Some(_) => return Err(WhenError::new(col, format!("`{trimmed}`: write the year with four digits")).hint("for example 1/3/2027")),
        None => None,
    };
    if !(1..=12).contains(&month) {
        let month_col = col + parts[0].chars().count() + 1;
        return Err(WhenError::new(month_col, format!("{trimmed} is not a date (there is no month {month})"))
            .hint("write the day first, then the month: 30/7"));
    }
    Ok(Written { day, month, year, leap, col })
}

fn days_in_month(month: u32, year: Option<i32>) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        _ => 31,
    }
}

fn written_text(w: &Written) -> String {
    match w.year {
        Some(y) => format!("{}/{}/{}", w.day, w.month, y),
        None => format!("{}/{}", w.day, w.month),
    }
}

fn check_yearly(w: &Written) -> Result<(), WhenError> {
    let max = days_in_month(w.month, None);
    if w.day == 0 || w.day > max {
        return Err(WhenError::new(
            w.col,
            format!("{} is not a date ({} has {max} days at most)", written_text(w), MONTH_NAMES[w.month as usize - 1]),
        ));
    }
    Ok(())
}

fn check_once(w: &Written, year: i32) -> Result<NaiveDate, WhenError> {
    let max = days_in_month(w.month, Some(year));
    if w.day == 0 || w.day > max {
        let why = if w.month == 2 && w.day == 29 {
            format!("{year} is not a leap year")
        } else {
            format!("{} has {max} days", MONTH_NAMES[w.month as usize - 1])
        };
        return Err(WhenError::new(w.col, format!("{}/{}/{year} is not a date ({why})", w.day, w.month)));
    }
    NaiveDate::from_ymd_opt(year, w.month, w.day)
        .ok_or_else(|| WhenError::new(w.col, format!("{}/{}/{year} is out of range", w.day, w.month)))
}

fn check_lunar(w: &Written) -> Result<(), WhenError> {
    if w.day == 0 || w.day > 30 {
        return Err(WhenError::new(
            w.col,
            format!("{}/{} âm lịch is not a date (a lunar month has 30 days at most)", w.day, w.month),
        ));
    }
    Ok(())
}

/// The Gregorian date of a lunar date with its year, or why it does not exist.
fn lunar_once(w: &Written, year: i32) -> Result<NaiveDate, WhenError> {
    use crate::time::lunar::{self, LunarDate};
    let text = format!("{}/{}/{year}{} âm lịch", w.day, w.month, if w.leap { " nhuận" } else { "" });
    if let Some(d) = lunar::to_solar(LunarDate { day: w.day, month: w.month, year, leap: w.leap }) {
        return Ok(d);
    }
    let month_exists = lunar::to_solar(LunarDate { day: 1, month: w.month, year, leap: w.leap }).is_some();
    let why = if !month_exists && w.leap {
        format!("the lunar year {year} has no leap month {}", w.month)
    } else if !month_exists {
        format!("{year} is outside the lunar calendar loa knows")
    } else {
        format!("lunar month {}{} of {year} has 29 days", w.month, if w.leap { " nhuận" } else { "" })
    };
    Err(WhenError::new(w.col, format!("{text} is not a date ({why})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dm(day: u32, month: u32) -> DayMonth {
        DayMonth { day, month }
    }
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_form() {
        assert_eq!(parse("30/7"), Ok(Rule::Yearly { start: dm(30, 7), end: dm(30, 7) }));
        assert_eq!(parse("1/6 - 30/6"), Ok(Rule::Yearly { start: dm(1, 6), end: dm(30, 6) }));
        assert_eq!(parse("1/6–30/6"), Ok(Rule::Yearly { start: dm(1, 6), end: dm(30, 6) }));
        assert_eq!(parse(" 20/12 — 10/1 "), Ok(Rule::Yearly { start: dm(20, 12), end: dm(10, 1) }));
        assert_eq!(parse("tháng 6"), Ok(Rule::Month(6)));
        assert_eq!(parse("Tháng 12"), Ok(Rule::Month(12)));
        assert_eq!(parse("15/8 âm lịch"), Ok(Rule::Lunar { start: dm(15, 8), end: dm(15, 8) }));
        assert_eq!(parse("1/8 - 15/8 Âm lịch"), Ok(Rule::Lunar { start: dm(1, 8), end: dm(15, 8) }));
        assert_eq!(parse("1/3/2027 - 8/3/2027"), Ok(Rule::Once { start: d(2027, 3, 1), end: d(2027, 3, 8) }));
        assert_eq!(parse("1/3 - 8/3/2027"), Ok(Rule::Once { start: d(2027, 3, 1), end: d(2027, 3, 8) }));
        assert_eq!(parse("20/12 - 8/1/2028"), Ok(Rule::Once { start: d(2027, 12, 20), end: d(2028, 1, 8) }));
        assert_eq!(parse("5/9/2027"), Ok(Rule::Once { start: d(2027, 9, 5), end: d(2027, 9, 5) }));
        assert_eq!(parse("29/2"), Ok(Rule::Yearly { start: dm(29, 2), end: dm(29, 2) }));
        assert_eq!(parse("31/12 - 1/1"), Ok(Rule::Yearly { start: dm(31, 12), end: dm(1, 1) }));
    }

    #[test]
    fn impossible_dates_point_at_their_column() {
        let e = parse("31/2").unwrap_err();
        assert_eq!(e.message, "31/2 is not a date (February has 29 days at most)");
        assert_eq!(e.column, 0);
        let e = parse("1/6 - 31/6").unwrap_err();
        assert_eq!(e.message, "31/6 is not a date (June has 30 days at most)");
        assert_eq!(e.column, 6);
        let e = parse("29/2/2027").unwrap_err();
        assert_eq!(e.message, "29/2/2027 is not a date (2027 is not a leap year)");
        assert!(parse("29/2/2028").is_ok());
        let e = parse("1/13").unwrap_err();
        assert!(e.message.contains("no month 13"), "{}", e.message);
        assert_eq!(e.column, 2);
        let e = parse("tháng 13").unwrap_err();
        assert_eq!(e.message, "there is no month 13");
        assert_eq!(e.column, 6);
        let e = parse("31/8 âm lịch").unwrap_err();
        assert!(e.message.contains("30 days at most"));
    }

    proptest::proptest! {
        /// No input makes the parser panic; every error points inside the string.
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            if let Err(e) = parse(&s) {
                proptest::prop_assert!(e.column <= s.chars().count());
            }
        }

        /// Dates written in the grammar's own alphabet, the likeliest typos.
        #[test]
        fn never_panics_on_near_misses(s in "[0-9/ \\-–tháng âm lịch nhuận]{0,30}") {
            if let Err(e) = parse(&s) {
                proptest::prop_assert!(e.column <= s.chars().count());
            }
        }
    }

    #[test]
    fn one_off_lunar_dates() {
        // Trung thu 2027, and Tết 2028 as a range.
        assert_eq!(parse("15/8/2027 âm lịch"), Ok(Rule::Once { start: d(2027, 9, 15), end: d(2027, 9, 15) }));
        assert_eq!(parse("1/1/2028 - 3/1/2028 âm lịch"), Ok(Rule::Once { start: d(2028, 1, 26), end: d(2028, 1, 28) }));
        // 2025 has a leap 6th month; 2027 has none.
        assert!(parse("1/6/2025 nhuận âm lịch").is_ok());
        // Across the lunar new year, with the year on the end only, as 20/12 - 8/1/2028 works.
        let lunar = |day, month, year| crate::time::lunar::to_solar(crate::time::lunar::LunarDate { day, month, year, leap: false }).unwrap();
        assert_eq!(parse("23/12 - 7/1/2028 âm lịch"), Ok(Rule::Once { start: lunar(23, 12, 2027), end: lunar(7, 1, 2028) }));
        assert_eq!(parse("23/12/2027 - 7/1/2028 âm lịch"), parse("23/12 - 7/1/2028 âm lịch"));
        assert_eq!(parse("1/1 - 3/1/2028 âm lịch"), Ok(Rule::Once { start: lunar(1, 1, 2028), end: lunar(3, 1, 2028) }));
        let e = parse("1/6/2027 nhuận âm lịch").unwrap_err();
        assert_eq!(e.message, "1/6/2027 nhuận âm lịch is not a date (the lunar year 2027 has no leap month 6)");
        // A 29-day month has no 30th.
        let short = (1..=12).find(|&m| crate::time::lunar::to_solar(crate::time::lunar::LunarDate { day: 30, month: m, year: 2027, leap: false }).is_none()).unwrap();
        let e = parse(&format!("1/{short}/2027 - 30/{short}/2027 âm lịch")).unwrap_err();
        assert_eq!(e.message, format!("30/{short}/2027 âm lịch is not a date (lunar month {short} of 2027 has 29 days)"));
        assert_eq!(e.column, format!("1/{short}/2027 - ").chars().count());
    }

    #[test]
    fn malformed() {
        for bad in ["", "mùng 1", "1/6 -", "1/6 - 2/6 - 3/6", "1-6", "6/2027/1", "1/6/27", "1/6 nhuận", "15/6 nhuận âm lịch", "tháng sáu"] {
            assert!(parse(bad).is_err(), "{bad} should fail");
        }
        let e = parse("1/6/2027 - 8/6").unwrap_err();
        assert!(e.message.contains("needs its year"), "{}", e.message);
        let e = parse("8/3/2027 - 1/3/2027").unwrap_err();
        assert!(e.message.contains("ends before it starts"));
        let e = parse("1/6 - 2/6 - 3/6").unwrap_err();
        assert_eq!(e.column, 10);
    }
}
