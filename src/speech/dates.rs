//! Dates and times as Vietnamese documents write them (day first:
//! `1/6`, `15/11/2027`; `06:00`, `17h30`), found in text and read aloud.
//!
//! Vietnamese: "mùng" before days 1–10 ("mùng một tháng sáu"), the month by
//! its number but "tháng tư" for April, the Gregorian months as news radio
//! reads them ("tháng một", "tháng mười hai"; "tháng giêng" and "tháng
//! chạp" are the lunar first and last months, said only of a date followed
//! by "âm lịch"); times on the 24-hour clock as radio reads them: "sáu giờ",
//! "mười bảy giờ ba mươi phút". English: "the first of June", "six a.m.",
//! "five thirty p.m.".

use super::numbers::{en_integer, en_ordinal, vi_integer};

/// A day of a month, with or without its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// 1–31.
    pub day: u32,
    /// 1–12.
    pub month: u32,
    /// The year, when written.
    pub year: Option<u32>,
}

/// A time of day on the 24-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Time {
    /// 0–24.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
}

/// Digits at `chars[i..]`, at most `max` of them: their value and where they end.
pub fn number_at(chars: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let n = chars[i.min(chars.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    let s: String = chars[i..i + n].iter().collect();
    Some((s.parse().ok()?, i + n))
}

fn days_in(month: u32, year: Option<u32>) -> u32 {
    match month {
        2 => match year {
            Some(y) if !(y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400))) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date written at `chars[i..]` (`d/m` or `d/m/yyyy`, day and month of
/// one or two digits), when it is a day of the calendar, and where it ends.
pub fn date_at(chars: &[char], i: usize) -> Option<(Date, usize)> {
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '/') {
        return None;
    }
    let (day, j) = number_at(chars, i, 2)?;
    if chars.get(j) != Some(&'/') {
        return None;
    }
    let (month, k) = number_at(chars, j + 1, 2)?;
    let (year, end) = match chars.get(k) {
        Some('/') => match number_at(chars, k + 1, 4) {
            Some((y, e)) if e - (k + 1) == 4 => (Some(y), e),
            _ => return None,
        },
        _ => (None, k),
    };
    let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in(month, year);
    let followed = chars.get(end).is_some_and(|c| c.is_alphanumeric())
        || matches!((chars.get(end), chars.get(end + 1)), (Some('/' | ':' | '.' | ','), Some(c)) if c.is_ascii_digit());
    (valid && !followed).then_some((Date { day, month, year }, end))
}

/// A month and year written at `chars[i..]` after "tháng": `6/2027`.
pub fn month_year_at(chars: &[char], i: usize) -> Option<(u32, u32, usize)> {
    let (month, j) = number_at(chars, i, 2)?;
    if chars.get(j) != Some(&'/') || !(1..=12).contains(&month) {
        return None;
    }
    let (year, end) = number_at(chars, j + 1, 4)?;
    let followed = chars.get(end).is_some_and(|c| c.is_alphanumeric() || *c == '/');
    (end - (j + 1) == 4 && !followed).then_some((month, year, end))
}

/// The time written at `chars[i..]`: `06:00`, `17:30`, `6h`, `17h30`,
/// `17g30`, and where it ends.
pub fn time_at(chars: &[char], i: usize) -> Option<(Time, usize)> {
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == ':') {
        return None;
    }
    let (hour, j) = number_at(chars, i, 2)?;
    let (minute, end) = match chars.get(j) {
        Some(':') => {
            let (m, e) = number_at(chars, j + 1, 2)?;
            if e - (j + 1) != 2 {
                return None;
            }
            (m, e)
        }
        Some('h' | 'g') => match number_at(chars, j + 1, 2) {
            Some((m, e)) if e - (j + 1) == 2 => (m, e),
            Some(_) => return None,
            None => (0, j + 1),
        },
        _ => return None,
    };
    let followed = chars.get(end).is_some_and(|c| c.is_alphanumeric() || *c == ':');
    (hour <= 24 && minute < 60 && !(hour == 24 && minute > 0) && !followed).then_some((Time { hour, minute }, end))
}

/// "tháng sáu", "tháng tư"; in the lunar calendar "tháng giêng", "tháng chạp".
pub fn vi_month(month: u32, lunar: bool) -> String {
    let name = match (month, lunar) {
        (1, true) => "giêng".to_owned(),
        (12, true) => "chạp".to_owned(),
        (4, _) => "tư".to_owned(),
        (m, _) => vi_integer(m.into()),
    };
    format!("tháng {name}")
}

/// How a Vietnamese day is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayWord {
    /// Nothing before a day after 10, "mùng" before days 1–10: "mười lăm
    /// tháng mười một", "mùng một tháng sáu".
    Bare,
    /// "ngày" before a day after 10 ("đến ngày ba mươi tháng sáu"), "mùng"
    /// before days 1–10.
    Ngay,
    /// Nothing at all: the text already says "mùng" or "ngày" before 1–10.
    None,
}

/// A date in Vietnamese: "mùng một tháng sáu", "ngày mười lăm tháng mười
/// một năm hai nghìn không trăm hai mươi bảy".
pub fn vi_date(d: Date, word: DayWord, lunar: bool) -> String {
    let mut out = vi_day(d.day, word);
    out.push(' ');
    out.push_str(&vi_month(d.month, lunar));
    if let Some(y) = d.year {
        out.push_str(" năm ");
        out.push_str(&vi_integer(y.into()));
    }
    out
}

/// A day of the month in Vietnamese, introduced as `word` says.
pub fn vi_day(day: u32, word: DayWord) -> String {
    let n = vi_integer(day.into());
    match word {
        DayWord::None => n,
        _ if day <= 10 => format!("mùng {n}"),
        DayWord::Ngay => format!("ngày {n}"),
        DayWord::Bare => n,
    }
}

/// A time in Vietnamese on the 24-hour clock: "sáu giờ", "mười bảy giờ ba mươi phút".
pub fn vi_time(t: Time) -> String {
    let h = vi_integer(t.hour.into());
    if t.minute == 0 { format!("{h} giờ") } else { format!("{h} giờ {} phút", vi_integer(t.minute.into())) }
}

/// The English months, January first.
pub const MONTH_NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// An English month's name (1–12).
pub fn en_month(month: u32) -> &'static str {
    MONTH_NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// A year as English says it: "nineteen ninety-nine", "two thousand and
/// seven", "twenty twenty-seven".
pub fn en_year(y: u32) -> String {
    match y {
        2000..=2009 => en_integer(y.into()),
        1100..=2099 if y.is_multiple_of(100) => format!("{} hundred", en_integer((y / 100).into())),
        1100..=2099 => {
            let low = y % 100;
            let low = if low < 10 { format!("oh {}", en_integer(low.into())) } else { en_integer(low.into()) };
            format!("{} {low}", en_integer((y / 100).into()))
        }
        _ => en_integer(y.into()),
    }
}

/// A date in English: "the first of June", "the fifteenth of November twenty twenty-seven".
pub fn en_date(d: Date) -> String {
    let mut out = format!("the {} of {}", en_ordinal(d.day.into()), en_month(d.month));
    if let Some(y) = d.year {
        out.push(' ');
        out.push_str(&en_year(y));
    }
    out
}

/// A time in English on the 12-hour clock: "six a.m.", "five thirty p.m.",
/// "noon", "midnight".
pub fn en_time(t: Time) -> String {
    match (t.hour % 24, t.minute) {
        (0, 0) => return "midnight".to_owned(),
        (12, 0) => return "noon".to_owned(),
        _ => {}
    }
    let h12 = match t.hour % 12 {
        0 => 12,
        h => h,
    };
    let half = if t.hour % 24 < 12 { "a.m." } else { "p.m." };
    let m = match t.minute {
        0 => String::new(),
        m @ 1..=9 => format!(" oh {}", en_integer(m.into())),
        m => format!(" {}", en_integer(m.into())),
    };
    format!("{}{m} {half}", en_integer(h12.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        let chars: Vec<char> = s.chars().collect();
        date_at(&chars, 0).map(|(d, _)| d)
    }

    fn time(s: &str) -> Option<Time> {
        let chars: Vec<char> = s.chars().collect();
        time_at(&chars, 0).map(|(t, _)| t)
    }

    #[test]
    fn dates_of_the_calendar_only() {
        assert_eq!(date("1/6"), Some(Date { day: 1, month: 6, year: None }));
        assert_eq!(date("15/11/2027"), Some(Date { day: 15, month: 11, year: Some(2027) }));
        assert_eq!(date("29/2"), Some(Date { day: 29, month: 2, year: None }));
        for s in ["31/4", "0/5", "13/13", "29/2/2027", "1/6/27", "1/6a", "1/6.5"] {
            assert_eq!(date(s), None, "{s}");
        }
    }

    #[test]
    fn times_of_the_clock_only() {
        assert_eq!(time("06:00"), Some(Time { hour: 6, minute: 0 }));
        assert_eq!(time("17h30"), Some(Time { hour: 17, minute: 30 }));
        assert_eq!(time("6h"), Some(Time { hour: 6, minute: 0 }));
        for s in ["25:00", "6:5", "17:60", "6ha", "24:30", "1:2:3"] {
            assert_eq!(time(s), None, "{s}");
        }
    }

    #[test]
    fn read_in_each_language() {
        let d = Date { day: 1, month: 6, year: None };
        assert_eq!(vi_date(d, DayWord::Bare, false), "mùng một tháng sáu");
        assert_eq!(vi_date(Date { day: 30, month: 4, year: Some(2027) }, DayWord::Ngay, false), "ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi bảy");
        assert_eq!(vi_date(Date { day: 15, month: 1, year: None }, DayWord::Bare, true), "mười lăm tháng giêng");
        assert_eq!(vi_time(Time { hour: 17, minute: 30 }), "mười bảy giờ ba mươi phút");
        assert_eq!(en_date(Date { day: 15, month: 11, year: Some(2027) }), "the fifteenth of November twenty twenty-seven");
        assert_eq!(en_time(Time { hour: 17, minute: 30 }), "five thirty p.m.");
        assert_eq!(en_time(Time { hour: 6, minute: 0 }), "six a.m.");
        assert_eq!(en_year(2007), "two thousand and seven");
        assert_eq!(en_year(1905), "nineteen oh five");
    }
}
