//! iCalendar feeds (RFC 5545): `calendar.ics` with every campaign and
//! `<campaign>/calendar.ics` with one, written with the `icalendar` crate.
//!
//! - All-day events: `DTSTART;VALUE=DATE` and an exclusive `DTEND` (the day after
//!   the last day). The crate's `.all_day()` writes DTEND = DTSTART, which the
//!   RFC forbids for a one-day event's end, so loa sets both ends itself.
//! - A fixed Gregorian period (`1/6 - 30/6`, `30/7`, `tháng 6`) is one event with
//!   `RRULE:FREQ=YEARLY` (and `UNTIL` when `years:` bounds it).
//! - Lunar dates, `29/2` and February cannot follow a yearly rule: they are one
//!   event per year for the next [`HORIZON_YEARS`] occurrences.
//! - UIDs are stable across builds (`<campaign>-<rule>[-<year>]@<host>`); DTSTAMP
//!   is the event's own start, so the file changes only when the schedule does.
//! - A `VALARM` reminds one day before the start.

use chrono::{Datelike, Days};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property, Trigger};

use super::Output;
use crate::load::calendar::Campaign;
use crate::load::when::Rule;
use crate::plan::Plan;
use crate::time::occurrence::{self, Occurrence};

/// How many yearly occurrences are listed for dates a yearly rule cannot follow.
pub const HORIZON_YEARS: usize = 10;

/// The host part of the base URL, for UIDs.
fn host(base_url: &str) -> &str {
    base_url.split_once("://").map_or(base_url, |(_, r)| r).split('/').next().unwrap_or("loa")
}

/// Whether a rule can be written as one yearly recurring event.
fn is_fixed_yearly(rule: &Rule) -> bool {
    match rule {
        Rule::Yearly { start, end } => ![start, end].iter().any(|d| d.month == 2 && d.day == 29),
        Rule::Month(m) => *m != 2,
        _ => false,
    }
}

fn event(uid: String, occ: &Occurrence, summary: &str, description: &str, url: &str) -> Event {
    let stamp = occ.start.and_hms_opt(0, 0, 0).map(|d| d.and_utc()).unwrap_or_default();
    let end_exclusive = occ.end.checked_add_days(Days::new(1)).unwrap_or(occ.end);
    let mut e = Event::new();
    e.uid(&uid)
        .timestamp(stamp)
        .summary(summary)
        .description(description)
        .url(url)
        .starts(occ.start)
        .ends(end_exclusive)
        .add_property("TRANSP", "TRANSPARENT");
    // The crate would stamp the alarm with the clock and a random UID; both
    // must be stable for byte-identical builds.
    let mut alarm = Alarm::display(summary, Trigger::before_start(chrono::Duration::days(1)));
    alarm.uid(&format!("{uid}-alarm")).timestamp(stamp);
    e.alarm(alarm);
    e
}

/// The events of one campaign as of the plan's day.
fn campaign_events(plan: &Plan<'_>, index: usize) -> Vec<Event> {
    let site = plan.site();
    let c: &Campaign = &plan.inputs.calendar.campaigns[index];
    let def = site.default_language();
    let Some(anchor) = plan.campaigns[index].status.occurrence else { return Vec::new() };
    let title = c.title.get(def, def);
    let url = site.absolute(&crate::plan::campaign_url(site, &c.id, def));
    let summary_text = plan
        .find(&crate::load::PageKind::CampaignHome(c.id.clone()), "", def)
        .and_then(|i| plan.inputs.content.pages[i].front.summary.clone())
        .unwrap_or_default();
    let hotlines: Vec<String> = site
        .hotlines
        .iter()
        .map(|h| format!("{}: {}", h.label.get(def, def), h.number))
        .collect();
    let description = [summary_text, hotlines.join("\n"), url.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n\n");
    let host = host(&site.base_url);
    let mut events = Vec::new();
    for (r, rule) in c.rules.iter().enumerate() {
        let from = anchor.start.year();
        let single = Campaign { rules: vec![rule.clone()], ..c.clone() };
        let occs: Vec<Occurrence> = occurrence::of_campaign(&single, from, from + HORIZON_YEARS as i32 + 1)
            .into_iter()
            .filter(|o| o.start >= anchor.start)
            .collect();
        let Some(first) = occs.first() else { continue };
        if is_fixed_yearly(rule) {
            let mut e = event(format!("{}-{r}@{host}", c.id), first, title, &description, &url);
            let rrule = match c.years.to {
                Some(to) => format!("FREQ=YEARLY;UNTIL={to:04}1231"),
                None => "FREQ=YEARLY".to_owned(),
            };
            if c.years.to.is_none_or(|to| to > first.start.year()) {
                e.append_property(Property::new("RRULE", rrule));
            }
            events.push(e.done());
        } else {
            for o in occs.iter().take(HORIZON_YEARS) {
                events.push(event(format!("{}-{r}-{}@{host}", c.id, o.start.year()), o, title, &description, &url).done());
            }
        }
    }
    events
}

fn calendar(plan: &Plan<'_>, name: &str, events: Vec<Event>) -> String {
    let site = plan.site();
    let def = site.default_language();
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", format!("-//loa//{}//{}", host(&site.base_url), def.to_uppercase())));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.append_property(Property::new("X-WR-CALNAME", name));
    if let Some(d) = &site.description {
        cal.append_property(Property::new("X-WR-CALDESC", d.get(def, def)));
    }
    cal.append_property(Property::new("X-WR-TIMEZONE", plan.inputs.calendar.timezone.name()));
    let mut refresh = Property::new("REFRESH-INTERVAL", "P1D");
    refresh.add_parameter("VALUE", "DURATION");
    cal.append_property(refresh);
    cal.append_property(Property::new("X-PUBLISHED-TTL", "P1D"));
    for e in events {
        cal.push(e);
    }
    cal.to_string()
}

/// Renders `calendar.ics` and one per campaign.
pub fn render(plan: &Plan<'_>, out: &mut Output) {
    let site = plan.site();
    let def = site.default_language();
    let mut all = Vec::new();
    for (i, c) in plan.inputs.calendar.campaigns.iter().enumerate() {
        let events = campaign_events(plan, i);
        all.extend(events.iter().cloned());
        let name = format!("{} – {}", c.title.get(def, def), site.title.get(def, def));
        out.add(format!("{}/calendar.ics", c.id), calendar(plan, &name, events).into_bytes());
    }
    out.add("calendar.ics", calendar(plan, site.title.get(def, def), all).into_bytes());
}

/// The `webcal://` address of an `.ics` file at `path` (relative to the site root),
/// for "subscribe" links.
pub fn webcal_url(plan: &Plan<'_>, path: &str) -> String {
    let base = &plan.site().base_url;
    let rest = base.split_once("://").map_or(base.as_str(), |(_, r)| r);
    format!("webcal://{rest}{path}")
}
