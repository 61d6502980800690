//! Dates written for people, the way each language writes them.
//!
//! Vietnamese: `1/6 – 30/6/2027`, `Thứ Hai, 1 tháng 6 năm 2027`.
//! English: `1–30 June 2027`, `Monday, 1 June 2027`.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Occurrence;
use super::rule::MONTH_NAMES;

fn vi_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

fn en_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_en(d: NaiveDate) -> &'static str {
    MONTH_NAMES[d.month0() as usize]
}

/// A short date: `30/7/2027`, `30 July 2027`.
pub fn short(d: NaiveDate, lang: &str) -> String {
    match lang {
        "en" => format!("{} {} {}", d.day(), month_en(d), d.year()),
        _ => format!("{}/{}/{}", d.day(), d.month(), d.year()),
    }
}

/// A long date with the weekday: `Thứ Hai, 1 tháng 6 năm 2027`.
pub fn long(d: NaiveDate, lang: &str) -> String {
    match lang {
        "en" => format!("{}, {} {} {}", en_weekday(d.weekday()), d.day(), month_en(d), d.year()),
        _ => format!("{}, {} tháng {} năm {}", vi_weekday(d.weekday()), d.day(), d.month(), d.year()),
    }
}

/// A range: `1/6 – 30/6/2027`, `20/12/2027 – 10/1/2028`, `30/7/2027`.
pub fn range(o: &Occurrence, lang: &str) -> String {
    let (s, e) = (o.start, o.end);
    if s == e {
        return short(s, lang);
    }
    match lang {
        "en" => {
            if s.year() != e.year() {
                format!("{} – {}", short(s, lang), short(e, lang))
            } else if s.month() != e.month() {
                format!("{} {} – {} {} {}", s.day(), month_en(s), e.day(), month_en(e), e.year())
            } else {
                format!("{}–{} {} {}", s.day(), e.day(), month_en(e), e.year())
            }
        }
        _ => {
            if s.year() != e.year() {
                format!("{} – {}", short(s, lang), short(e, lang))
            } else {
                format!("{}/{} – {}", s.day(), s.month(), short(e, lang))
            }
        }
    }
}

/// An ISO 8601 date, for `<time datetime>` and data files.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A weekday's name: `Thứ Hai`, `Monday`.
pub fn weekday(w: Weekday, lang: &str) -> &'static str {
    match lang {
        "en" => en_weekday(w),
        _ => vi_weekday(w),
    }
}

/// A length of time read aloud, rounded to 10 seconds above a minute:
/// `50 giây`, `2 phút 10 giây`; `50 seconds`, `2 min 10 s`.
pub fn duration(seconds: u32, lang: &str) -> String {
    let s = if seconds >= 60 { seconds.div_ceil(10) * 10 } else { seconds.max(1) };
    let (m, r) = (s / 60, s % 60);
    match (lang, m, r) {
        ("en", 0, r) => format!("{r} second{}", if r == 1 { "" } else { "s" }),
        ("en", m, 0) => format!("{m} min"),
        ("en", m, r) => format!("{m} min {r} s"),
        (_, 0, r) => format!("{r} giây"),
        (_, m, 0) => format!("{m} phút"),
        (_, m, r) => format!("{m} phút {r} giây"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn vietnamese() {
        assert_eq!(range(&Occurrence { start: d(2027, 6, 1), end: d(2027, 6, 30) }, "vi"), "1/6 – 30/6/2027");
        assert_eq!(range(&Occurrence { start: d(2027, 12, 20), end: d(2028, 1, 10) }, "vi"), "20/12/2027 – 10/1/2028");
        assert_eq!(range(&Occurrence { start: d(2027, 7, 30), end: d(2027, 7, 30) }, "vi"), "30/7/2027");
        assert_eq!(long(d(2027, 6, 1), "vi"), "Thứ Ba, 1 tháng 6 năm 2027");
        assert_eq!(long(d(2026, 6, 1), "vi"), "Thứ Hai, 1 tháng 6 năm 2026");
        assert_eq!(duration(50, "vi"), "50 giây");
        assert_eq!(duration(121, "vi"), "2 phút 10 giây");
        assert_eq!(duration(180, "vi"), "3 phút");
        assert_eq!(duration(125, "en"), "2 min 10 s");
        assert_eq!(weekday(Weekday::Sun, "vi"), "Chủ Nhật");
    }

    #[test]
    fn english() {
        assert_eq!(range(&Occurrence { start: d(2027, 6, 1), end: d(2027, 6, 30) }, "en"), "1–30 June 2027");
        assert_eq!(range(&Occurrence { start: d(2027, 11, 15), end: d(2027, 12, 15) }, "en"), "15 November – 15 December 2027");
        assert_eq!(long(d(2027, 6, 1), "en"), "Tuesday, 1 June 2027");
    }
}
