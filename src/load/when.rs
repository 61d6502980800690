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

use crate::i18n::Msg;
use crate::t;
use crate::time::rule::{DayMonth, Rule};

/// Why a `when` string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError {
    /// 0-based character column inside the string where the problem starts.
    pub column: usize,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub hint: Option<Msg>,
}

impl WhenError {
    fn new(column: usize, message: Msg) -> Self {
        Self { column, message, hint: None }
    }
    fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// The forms a `when` may take, as a hint.
fn forms() -> Msg {
    t!("when-forms")
}

/// A month's name: "February", "tháng 2".
fn month_name(month: u32) -> Msg {
    t!("month-name", month = month)
}

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
        return Err(WhenError::new(0, t!("when-not-a-date", date = input)).hint(forms()));
    }
    let text: String = lower.iter().collect();
    let start = text.len() - text.trim_start().len();
    let start_col = text[..start].chars().count();
    let body = text.trim();
    if body.is_empty() {
        return Err(WhenError::new(0, t!("when-empty")).hint(forms()));
    }

    // `tháng 6`
    if let Some(rest) = body.strip_prefix("tháng") {
        let col = start_col + "tháng".chars().count();
        let num = rest.trim_start();
        let num_col = col + (rest.chars().count() - num.chars().count());
        let month: u32 = num.parse().map_err(|_| {
            WhenError::new(num_col, t!("when-not-a-month", month = num.trim())).hint(t!("when-not-a-month-hint"))
        })?;
        if !(1..=12).contains(&month) {
            return Err(WhenError::new(num_col, t!("when-no-such-month", month = month)).hint(t!("when-months-hint")));
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
            return Err(WhenError::new(start_col + body[..*j].chars().count(), t!("when-one-dash"))
                .hint(t!("when-one-dash-hint")));
        }
    };
    let a = written(first, start_col)?;
    let b = match second {
        Some((s, byte)) => Some(written(s, start_col + body[..byte].chars().count())?),
        None => None,
    };

    if !lunar && let Some(w) = std::iter::once(&a).chain(b.as_ref()).find(|w| w.leap) {
        return Err(WhenError::new(w.col, t!("when-leap-not-lunar"))
            .hint(t!("when-leap-not-lunar-hint")));
    }
    if lunar {
        for w in std::iter::once(&a).chain(b.as_ref()) {
            check_lunar(w)?;
        }
        if a.year.is_none() && b.is_none_or(|b| b.year.is_none()) {
            if let Some(w) = std::iter::once(&a).chain(b.as_ref()).find(|w| w.leap) {
                return Err(WhenError::new(w.col, t!("when-leap-yearly"))
                    .hint(t!("when-leap-yearly-hint")));
            }
            let s = DayMonth { day: a.day, month: a.month };
            let e = b.map_or(s, |b| DayMonth { day: b.day, month: b.month });
            return Ok(Rule::Lunar { start: s, end: e });
        }
        // A one-off lunar date or range, with its lunar year.
        let end_w = b.unwrap_or(a);
        let Some(end_year) = end_w.year.or(a.year) else {
            return Err(WhenError::new(end_w.col, t!("when-end-needs-year")));
        };
        if a.year.is_some() && b.is_some_and(|b| b.year.is_none()) {
            return Err(WhenError::new(end_w.col, t!("when-end-needs-year"))
                .hint(t!("when-write", date = format!("{}/{}/{} âm lịch", end_w.day, end_w.month, end_year))));
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
            return Err(WhenError::new(end_w.col, t!("when-backwards")).hint(t!("when-backwards-hint")));
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
            Err(WhenError::new(b.col, t!("when-end-needs-year"))
                .hint(t!("when-write", date = format!("{}/{}/{}", b.day, b.month, a.year.unwrap_or_default()))))
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
                return Err(WhenError::new(end_w.col, t!("when-backwards"))
                    .hint(t!("when-backwards-hint")));
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
        return Err(WhenError::new(col, t!("when-date-missing")).hint(forms()));
    }
    let parts: Vec<&str> = trimmed.split('/').map(str::trim).collect();
    let bad = || WhenError::new(col, t!("when-not-a-date", date = trimmed)).hint(forms());
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let day = num(parts[0])?;
    let month = num(parts[1])?;
    let year = match parts.get(2) {
        Some(y) if y.len() == 4 => Some(num(y)? as i32),
        Some(_) => return Err(WhenError::new(col, t!("when-year-digits", date = trimmed)).hint(t!("when-year-digits-hint"))),
        None => None,
    };
    if !(1..=12).contains(&month) {
        let month_col = col + parts[0].chars().count() + 1;
        return Err(WhenError::new(month_col, t!("when-no-such-day", date = trimmed, why = t!("when-no-month", month = month)))
            .hint(t!("when-day-first-hint")));
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
            t!("when-no-such-day", date = written_text(w), why = t!("when-month-max", month = month_name(w.month), max = max)),
        ));
    }
    Ok(())
}

fn check_once(w: &Written, year: i32) -> Result<NaiveDate, WhenError> {
    let max = days_in_month(w.month, Some(year));
    if w.day == 0 || w.day > max {
        let why = if w.month == 2 && w.day == 29 {
            t!("when-not-leap", year = year)
        } else {
            t!("when-month-has", month = month_name(w.month), max = max)
        };
        return Err(WhenError::new(w.col, t!("when-no-such-day", date = format!("{}/{}/{year}", w.day, w.month), why = why)));
    }
    NaiveDate::from_ymd_opt(year, w.month, w.day)
        .ok_or_else(|| WhenError::new(w.col, t!("when-out-of-range", date = format!("{}/{}/{year}", w.day, w.month))))
}

fn check_lunar(w: &Written) -> Result<(), WhenError> {
    if w.day == 0 || w.day > 30 {
        return Err(WhenError::new(
            w.col,
            t!("when-no-such-day", date = format!("{}/{} âm lịch", w.day, w.month), why = t!("when-lunar-max")),
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
        t!("when-lunar-no-leap", year = year, month = w.month)
    } else if !month_exists {
        t!("when-lunar-outside", year = year)
    } else {
        t!("when-lunar-29", month = format!("{}{}", w.month, if w.leap { " nhuận" } else { "" }), year = year)
    };
    Err(WhenError::new(w.col, t!("when-no-such-day", date = text, why = why)))
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
        assert_eq!(e.message.as_str(), "31/2 is not a date (February has 29 days at most)");
        assert_eq!(e.column, 0);
        let e = parse("1/6 - 31/6").unwrap_err();
        assert_eq!(e.message.as_str(), "31/6 is not a date (June has 30 days at most)");
        assert_eq!(e.column, 6);
        let e = parse("29/2/2027").unwrap_err();
        assert_eq!(e.message.as_str(), "29/2/2027 is not a date (2027 is not a leap year)");
        assert!(parse("29/2/2028").is_ok());
        let e = parse("1/13").unwrap_err();
        assert!(e.message.as_str().contains("no month 13"), "{}", e.message);
        assert_eq!(e.column, 2);
        let e = parse("tháng 13").unwrap_err();
        assert_eq!(e.message.as_str(), "there is no month 13");
        assert_eq!(e.column, 6);
        let e = parse("31/8 âm lịch").unwrap_err();
        assert!(e.message.as_str().contains("30 days at most"));
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
        assert_eq!(e.message.as_str(), "1/6/2027 nhuận âm lịch is not a date (the lunar year 2027 has no leap month 6)");
        // A 29-day month has no 30th.
        let short = (1..=12).find(|&m| crate::time::lunar::to_solar(crate::time::lunar::LunarDate { day: 30, month: m, year: 2027, leap: false }).is_none()).unwrap();
        let e = parse(&format!("1/{short}/2027 - 30/{short}/2027 âm lịch")).unwrap_err();
        assert_eq!(e.message.as_str(), format!("30/{short}/2027 âm lịch is not a date (lunar month {short} of 2027 has 29 days)"));
        assert_eq!(e.column, format!("1/{short}/2027 - ").chars().count());
    }

    #[test]
    fn malformed() {
        for bad in ["", "mùng 1", "1/6 -", "1/6 - 2/6 - 3/6", "1-6", "6/2027/1", "1/6/27", "1/6 nhuận", "15/6 nhuận âm lịch", "tháng sáu"] {
            assert!(parse(bad).is_err(), "{bad} should fail");
        }
        let e = parse("1/6/2027 - 8/6").unwrap_err();
        assert!(e.message.as_str().contains("needs its year"), "{}", e.message);
        let e = parse("8/3/2027 - 1/3/2027").unwrap_err();
        assert!(e.message.as_str().contains("ends before it starts"));
        let e = parse("1/6 - 2/6 - 3/6").unwrap_err();
        assert_eq!(e.column, 10);
    }
}
