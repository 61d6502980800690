//! `lich-phat.ics` (`air-times.ics` in English): the air times of a
//! language's live bulletins as recurring events (RFC 5545), for a commune
//! radio's calendar or an IP loudspeaker platform that imports one.
//!
//! - One event per bulletin and air time: `DTSTART;TZID=<site timezone>` on
//!   the first day it is aired in its window, `RRULE:FREQ=DAILY` (or
//!   `FREQ=WEEKLY;BYDAY=MO,WE,FR` with `days:`), `UNTIL` at the last airing
//!   (in UTC, as the RFC asks with a `TZID` start) unless the window is open;
//!   `DURATION` its reading time in whole minutes.
//! - The timezone is defined in the file (`VTIMEZONE`), with each change of
//!   offset the zone has from the first airing on ([`vtimezone`]), so every
//!   reader places the times alike.
//! - UIDs and `DTSTAMP` are stable across builds: the file changes only
//!   when a bulletin or its window does.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use icalendar::{Calendar, Component, Event, Property};

use crate::load::broadcast::AirTime;
use crate::plan::airings::Bulletin;
use crate::plan::change::HORIZON_DAYS;
use crate::render::bulletin::BulletinCtx;
use crate::render::escape;

/// A day and a time in the zone, as the RFC writes a local time.
fn local(d: NaiveDate, t: AirTime) -> String {
    format!("{}T{:02}{:02}00", d.format("%Y%m%d"), t.hour, t.minute)
}

/// The offset as `+0700`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// The zone's UTC offset at instant `t`, and whether it is summer time.
fn offset_at(tz: Tz, t: DateTime<Utc>) -> (i32, bool) {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    (o.fix().local_minus_utc(), !o.dst_offset().is_zero())
}

/// The `VTIMEZONE` of `tz` from day `from` to day `to`: the offset on
/// `from`, then each change found day by day and placed to the minute.
pub fn vtimezone(tz: Tz, from: NaiveDate, to: NaiveDate) -> String {
    let at = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let (first, first_dst) = offset_at(tz, at(from));
    let mut text = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let observance = |text: &mut String, start: NaiveDateTime, was: i32, now: i32, dst: bool| {
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        text.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nEND:{kind}\r\n",
            start.format("%Y%m%dT%H%M%S"),
            offset_text(was),
            offset_text(now)
        ));
    };
    observance(&mut text, NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default().and_hms_opt(0, 0, 0).unwrap_or_default(), first, first, first_dst);
    let (mut was, mut d) = (first, from);
    while d < to {
        let next = d.checked_add_days(Days::new(1)).unwrap_or(to);
        let (now, dst) = offset_at(tz, at(next));
        if now != was {
            // The change lies within (d, next]: find its minute, counted
            // in whole minutes from d's midnight (UTC).
            let minute = |m: i64| at(d) + chrono::TimeDelta::minutes(m);
            let (mut lo, mut hi) = (0_i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset_at(tz, minute(mid)).0 == was { lo = mid } else { hi = mid }
            }
            // The change's start in local time as it was before it.
            let start = minute(hi).naive_utc() + chrono::TimeDelta::seconds(i64::from(was));
            observance(&mut text, start, was, now, dst);
            was = now;
        }
        d = next;
    }
    text.push_str("END:VTIMEZONE\r\n");
    text
}

/// The events of one bulletin: one per air time.
fn events(b: &Bulletin<'_>, ctx: &BulletinCtx, tz: Tz, fallback: NaiveDate, host: &str) -> Vec<Event> {
    let Some(first) = b.first_day(fallback).iter_days().take(7).find(|d| b.airs_on(*d)) else { return Vec::new() };
    if b.last_day().is_some_and(|l| first > l) {
        return Vec::new();
    }
    let last = b.last_day().and_then(|l| (0..7).filter_map(|n| l.checked_sub_days(Days::new(n))).find(|d| b.airs_on(*d)));
    let minutes = ctx.reading_seconds.div_ceil(60).max(1);
    let rule = if b.days().is_empty() { "FREQ=DAILY".to_owned() } else { format!("FREQ=WEEKLY;BYDAY={}", ctx.days.join(",")) };
    let stamp = first.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let description = escape::ics(&format!("{}\n\n{}", ctx.permalink, ctx.text));
    let name = ctx.stem.rsplit('/').next().unwrap_or(&ctx.stem);
    b.times()
        .iter()
        .map(|&t| {
            let mut e = Event::new();
            let mut start = Property::new("DTSTART", local(first, t));
            start.add_parameter("TZID", tz.name());
            e.uid(&format!("{name}-{}-{:02}{:02}@{host}", ctx.lang, t.hour, t.minute)).timestamp(stamp).summary(&escape::ics(&ctx.title)).description(&description).url(&ctx.permalink);
            e.append_property(start);
            e.append_property(Property::new("DURATION", format!("PT{minutes}M")));
            let until = last.and_then(|l| tz.from_local_datetime(&l.and_hms_opt(u32::from(t.hour), u32::from(t.minute), 0).unwrap_or_default()).earliest());
            let rrule = match until {
                Some(u) => format!("{rule};UNTIL={}", u.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ")),
                None => rule.clone(),
            };
            e.append_property(Property::new("RRULE", rrule));
            e.add_property("TRANSP", "TRANSPARENT");
            e.done()
        })
        .collect()
}

/// The calendar of one language's live bulletins; `fallback` is the day an
/// open window's events start from, `name` the calendar's name.
pub fn calendar(bulletins: &[(Bulletin<'_>, BulletinCtx)], tz: Tz, fallback: NaiveDate, host: &str, name: &str, lang: &str) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", format!("-//loa//{host}//{}", lang.to_uppercase())));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.append_property(Property::new("X-WR-CALNAME", escape::ics(name)));
    cal.append_property(Property::new("X-WR-TIMEZONE", tz.name()));
    let mut refresh = Property::new("REFRESH-INTERVAL", "P1D");
    refresh.add_parameter("VALUE", "DURATION");
    cal.append_property(refresh);
    cal.append_property(Property::new("X-PUBLISHED-TTL", "P1D"));
    // The zone from the earliest first day to the latest last day (or the
    // horizon the plan looks ahead, for an open window).
    let from = bulletins.iter().map(|(b, _)| b.first_day(fallback)).min().unwrap_or(fallback);
    let horizon = fallback.checked_add_days(Days::new(HORIZON_DAYS)).unwrap_or(fallback);
    let to = bulletins.iter().map(|(b, _)| b.last_day().unwrap_or(horizon)).max().unwrap_or(from).max(from);
    for (b, ctx) in bulletins {
        for e in events(b, ctx, tz, fallback, host) {
            cal.push(e);
        }
    }
    // The zone goes in as text before the events: the crate would give a
    // component it parsed a clock stamp and a random UID.
    let mut text = cal.to_string();
    let at = text.find("BEGIN:VEVENT").or_else(|| text.rfind("END:VCALENDAR")).unwrap_or(text.len());
    text.insert_str(at, &vtimezone(tz, from, to));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_with_and_without_summer_time() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let hanoi = vtimezone(chrono_tz::Asia::Ho_Chi_Minh, d(2027, 1, 1), d(2028, 1, 1));
        assert_eq!(hanoi.matches("BEGIN:STANDARD").count(), 1);
        assert!(hanoi.contains("TZOFFSETTO:+0700"));
        let london = vtimezone(chrono_tz::Europe::London, d(2027, 1, 1), d(2028, 1, 1));
        // 28 March 2027 01:00 GMT → BST; 31 October 2027 02:00 BST → GMT.
        assert!(london.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100"), "{london}");
        assert!(london.contains("BEGIN:STANDARD\r\nDTSTART:20271031T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000"), "{london}");
        let kathmandu = vtimezone(chrono_tz::Asia::Kathmandu, d(2027, 1, 1), d(2027, 2, 1));
        assert!(kathmandu.contains("TZOFFSETTO:+0545"));
    }
}
