//! The Vietnamese lunar calendar (âm lịch), wrapping `amlich-core`.
//!
//! `amlich-core` implements Hồ Ngọc Đức's algorithm; loa always computes at
//! UTC+7, the Vietnamese calendar's meridian, which is why it differs from the
//! Chinese calendar (UTC+8) in some years (Tết 1985, 2007, 2030).

use chrono::{Datelike, NaiveDate};

/// The Vietnamese calendar's timezone offset, in hours.
const VIETNAM_UTC_OFFSET: f64 = 7.0;

/// A date of the lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    /// Day of the lunar month, 1–30.
    pub day: u32,
    /// Lunar month, 1–12.
    pub month: u32,
    /// Lunar year (the Gregorian year in which it mostly falls).
    pub year: i32,
    /// Whether the month is the year's leap month (tháng nhuận).
    pub leap: bool,
}

/// The Gregorian date of a lunar date, or `None` when it does not exist (the
/// 30th of a 29-day month, a leap month the year lacks, or out of range).
pub fn to_solar(date: LunarDate) -> Option<NaiveDate> {
    if !(1..=30).contains(&date.day) || !(1..=12).contains(&date.month) || !(1800..=2199).contains(&date.year) {
        return None;
    }
    let (d, m, y) = amlich_core::lunar::convert_lunar_to_solar(
        date.day as i32,
        date.month as i32,
        date.year,
        date.leap,
        VIETNAM_UTC_OFFSET,
    );
    let solar = NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
    // A day past the month's end rolls into the next month: reject it.
    (from_solar(solar) == date).then_some(solar)
}

/// The lunar date of a Gregorian date.
pub fn from_solar(date: NaiveDate) -> LunarDate {
    let l = amlich_core::lunar::convert_solar_to_lunar(date.day() as i32, date.month() as i32, date.year(), VIETNAM_UTC_OFFSET);
    LunarDate { day: l.day as u32, month: l.month as u32, year: l.year, leap: l.is_leap }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn lunar(day: u32, month: u32, year: i32) -> LunarDate {
        LunarDate { day, month, year, leap: false }
    }

    #[test]
    fn tet_trung_thu() {
        let expected = [
            (2024, d(2024, 9, 17)),
            (2025, d(2025, 10, 6)),
            (2026, d(2026, 9, 25)),
            (2027, d(2027, 9, 15)),
            (2028, d(2028, 10, 3)),
            (2029, d(2029, 9, 22)),
            (2030, d(2030, 9, 12)),
        ];
        for (year, date) in expected {
            assert_eq!(to_solar(lunar(15, 8, year)), Some(date), "Trung thu {year}");
        }
    }

    #[test]
    fn tet_nguyen_dan() {
        let expected = [
            (2024, d(2024, 2, 10)),
            (2025, d(2025, 1, 29)),
            (2026, d(2026, 2, 17)),
            (2027, d(2027, 2, 6)),
            (2028, d(2028, 1, 26)),
            (2029, d(2029, 2, 13)),
            // Vietnam's Tết 2030 is a day before China's (3 February).
            (2030, d(2030, 2, 2)),
        ];
        for (year, date) in expected {
            assert_eq!(to_solar(lunar(1, 1, year)), Some(date), "Tết {year}");
        }
    }

    #[test]
    fn vietnamese_not_chinese() {
        // Tết 1985 and 2007 fall a day (1985: a month) apart from China's.
        assert_eq!(to_solar(lunar(1, 1, 1985)), Some(d(1985, 1, 21)));
        assert_eq!(to_solar(lunar(1, 1, 2007)), Some(d(2007, 2, 17)));
    }

    #[test]
    fn impossible_dates() {
        // Lunar month 8 of 2027 has 29 days (15/8 is 15 September, 1/9 is 30 September).
        let has_30 = to_solar(lunar(30, 8, 2027)).is_some();
        let next_month_start = to_solar(lunar(1, 9, 2027)).unwrap();
        let first = to_solar(lunar(1, 8, 2027)).unwrap();
        assert_eq!(has_30, (next_month_start - first).num_days() == 30);
        assert_eq!(to_solar(lunar(31, 1, 2027)), None);
        assert_eq!(to_solar(LunarDate { day: 1, month: 3, year: 2027, leap: true }), None);
        // 2025 has a leap 6th month.
        assert!(to_solar(LunarDate { day: 1, month: 6, year: 2025, leap: true }).is_some());
    }

    #[test]
    fn round_trip() {
        let mut day = d(2024, 1, 1);
        while day < d(2031, 1, 1) {
            assert_eq!(to_solar(from_solar(day)), Some(day), "{day}");
            day = day.succ_opt().unwrap();
        }
    }
}
