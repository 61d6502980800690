//! A page's `broadcast:` block: the page is also a bulletin for commune
//! radio and IP loudspeakers, aired at `times` (the site's timezone) on each
//! day it is live, or only on `days`, under a spoken `title`.
//!
//! ```yaml
//! broadcast:
//!   times: ["06:00", "17:30"]
//!   days: [T2, T4, T6]        # or Mon, Wed, Fri; every day when left out
//!   title: Tháng hành động vì trẻ em
//! ```

use chrono::Weekday;
use serde::Deserialize;

use super::yaml::{position_of, Spanned};
use crate::diag::Position;
use crate::i18n::Msg;
use crate::t;

/// A time of day a bulletin is aired, on the 24-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AirTime {
    /// 0–23.
    pub hour: u8,
    /// 0–59.
    pub minute: u8,
}

impl std::fmt::Display for AirTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// A page's `broadcast:` block, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Broadcast {
    /// When it is aired, earliest first, each once.
    pub times: Vec<AirTime>,
    /// On which weekdays, Monday first; empty: every day the page is live.
    pub days: Vec<Weekday>,
    /// The title said before the bulletin; the page's title when none.
    pub title: Option<String>,
}

impl Broadcast {
    /// Whether it is aired on weekday `d`: on every day when `days` is empty.
    pub fn airs_on(&self, d: Weekday) -> bool {
        self.days.is_empty() || self.days.contains(&d)
    }
}

/// The block as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BroadcastFile {
    #[serde(default)]
    times: Vec<Spanned<String>>,
    #[serde(default)]
    days: Vec<Spanned<String>>,
    title: Option<String>,
}

/// The weekday short names staff write, Vietnamese and English (any case).
pub const DAY_NAMES: &str = "T2, T3, T4, T5, T6, T7, CN / Mon, Tue, Wed, Thu, Fri, Sat, Sun";

/// A time as written in `times:` ("06:00", "6:00", "17:30"): hours and
/// minutes on the 24-hour clock.
pub fn parse_time(s: &str) -> Option<AirTime> {
    let (h, m) = s.trim().split_once(':')?;
    let ok = |p: &str, max: usize| !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    if !ok(h, 2) || !ok(m, 2) || m.len() != 2 {
        return None;
    }
    let (hour, minute) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (hour < 24 && minute < 60).then_some(AirTime { hour, minute })
}

/// A weekday as written in `days:`: T2…T7 and CN (also "Thứ 2", "chủ
/// nhật"), or English Mon…Sun and their full names.
pub fn parse_day(s: &str) -> Option<Weekday> {
    let k: String = s.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    Some(match k.as_str() {
        "t2" | "thứ2" | "thứhai" | "mon" | "monday" => Weekday::Mon,
        "t3" | "thứ3" | "thứba" | "tue" | "tuesday" => Weekday::Tue,
        "t4" | "thứ4" | "thứtư" | "wed" | "wednesday" => Weekday::Wed,
        "t5" | "thứ5" | "thứnăm" | "thu" | "thursday" => Weekday::Thu,
        "t6" | "thứ6" | "thứsáu" | "fri" | "friday" => Weekday::Fri,
        "t7" | "thứ7" | "thứbảy" | "sat" | "saturday" => Weekday::Sat,
        "cn" | "chủnhật" | "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A mistake in the block: where, what, how to mend it.
pub(super) type Mistake = (Option<Position>, Msg, Msg);

/// Checks the block: each mistake with where it is written (through `at`,
/// which turns a position in the front matter into one in the file), its
/// message and its hint. An empty block (no times, days or title, as the
/// editor may leave its folded form) is no bulletin: `None`, no mistake.
pub(super) fn read(file: &Spanned<BroadcastFile>, yaml_line: usize, at: &dyn Fn(Option<Position>) -> Option<Position>) -> (Option<Broadcast>, Vec<Mistake>) {
    let mut errors = Vec::new();
    let b = &file.value;
    if b.times.is_empty() && b.days.is_empty() && b.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return (None, errors);
    }
    let mut times = Vec::new();
    for t in &b.times {
        match parse_time(&t.value) {
            Some(time) => times.push(time),
            None => errors.push((at(position_of(t, yaml_line)), t!("fm-broadcast-time", value = t.value.trim()), t!("fm-broadcast-time-hint"))),
        }
    }
    if b.times.is_empty() {
        errors.push((at(position_of(file, yaml_line)), t!("fm-broadcast-no-times"), t!("fm-broadcast-time-hint")));
    }
    times.sort();
    times.dedup();
    let mut days = Vec::new();
    for d in &b.days {
        match parse_day(&d.value) {
            Some(day) => days.push(day),
            None => errors.push((at(position_of(d, yaml_line)), t!("fm-broadcast-day", value = d.value.trim()), t!("fm-broadcast-day-hint", days = DAY_NAMES))),
        }
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    let title = b.title.as_ref().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    (Some(Broadcast { times, days, title }), errors)
}

/// What a page in `lang` is read aloud with: the theme's abbreviations with
/// the site's over them, the site's hotlines as digits, and its name (said
/// for a web address).
pub fn reading_lists(site: &super::Site, theme: &super::Theme, lang: &str) -> (crate::speech::Abbreviations, Vec<String>, String) {
    let mut list = crate::speech::Abbreviations::default();
    for source in [&theme.abbreviations, &site.abbreviations] {
        if let Some(words) = source.get(lang) {
            list.extend(words.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    let hotlines = site.hotlines.iter().filter_map(|h| super::site::tel_of(&h.number)).map(|t| t.trim_start_matches('+').to_owned()).collect();
    (list, hotlines, site.title.get(lang, site.default_language()).to_owned())
}

/// A bulletin as it is read aloud.
#[derive(Debug, Clone)]
pub struct Spoken {
    /// The title as written: `broadcast: {title}`, else the page's.
    pub title: String,
    /// The title as said.
    pub said_title: String,
    /// The body as said, with what could not be read.
    pub speech: crate::speech::Speech,
    /// How long the title and body take to read, at the language's rate
    /// ([`crate::speech::reading_seconds`]).
    pub seconds: u32,
}

impl Spoken {
    /// The text to read: the title said, an empty line, the body said.
    pub fn script(&self) -> String {
        format!("{}\n\n{}\n", self.said_title, self.speech.text)
    }
}

/// Page `page` with its block `b` read aloud in its language.
pub fn read_aloud(site: &super::Site, theme: &super::Theme, page: &super::Page, b: &Broadcast) -> Spoken {
    use crate::speech::{self, Lang, Reader};
    let (list, hotlines, name) = reading_lists(site, theme, &page.lang);
    let lang = Lang::of(&page.lang);
    let reader = Reader { lang, abbreviations: &list, hotlines: &hotlines, site_name: Some(&name) };
    let said = speech::speak(page.body(), &reader);
    let title = b.title.clone().unwrap_or_else(|| page.front.title.clone());
    let (said_title, _) = speech::speak_line(&title, &reader);
    let seconds = speech::reading_seconds(&format!("{said_title}\n\n{}", said.text), lang);
    Spoken { title, said_title, speech: said, seconds }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_days_as_staff_write_them() {
        assert_eq!(parse_time("06:00"), Some(AirTime { hour: 6, minute: 0 }));
        assert_eq!(parse_time("6:00"), Some(AirTime { hour: 6, minute: 0 }));
        assert_eq!(parse_time("17:30").map(|t| t.to_string()).as_deref(), Some("17:30"));
        for bad in ["24:00", "6h", "17:60", "6:5", "", "06:00:00", "-1:00", "a:00"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(parse_day("T2"), Some(Weekday::Mon));
        assert_eq!(parse_day("cn"), Some(Weekday::Sun));
        assert_eq!(parse_day("Thứ 4"), Some(Weekday::Wed));
        assert_eq!(parse_day("Sat"), Some(Weekday::Sat));
        assert_eq!(parse_day("T8"), None);
        assert_eq!(parse_day("T1"), None);
    }
}
