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

use super::{escape, Output};
use crate::plan::{CampaignId, Plan};
use crate::time::occurrence::Occurrence;
use crate::time::Rule;
use crate::urls;

/// How many yearly occurrences are listed for dates a yearly rule cannot follow.
pub const HORIZON_YEARS: usize = 10;

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
    let (summary, description) = (escape::ics(summary), escape::ics(description));
    let summary = summary.as_str();
    let mut e = Event::new();
    e.uid(&uid)
        .timestamp(stamp)
        .summary(summary)
        .description(&description)
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
fn campaign_events(plan: &Plan<'_>, id: CampaignId) -> Vec<Event> {
    let site = plan.site();
    let cr = plan.campaign(id);
    let c = cr.campaign;
    let def = site.default_language();
    if cr.status.occurrence.is_none() {
        return Vec::new();
    }
    let title = c.title.get(def, def);
    let url = urls::absolute(site, &urls::campaign(site, &c.id, def));
    let summary_text = plan.home(id, def).and_then(|h| plan.page(h).page.front.summary.clone()).unwrap_or_default();
    let hotlines: Vec<String> = site
        .hotlines
        .iter()
        .map(|h| format!("{}: {}", h.label.get(def, def), h.number))
        .collect();
    let description = [summary_text, hotlines.join("\n"), url.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n\n");
    let host = urls::host(site);
    let mut events = Vec::new();
    for (r, rule) in c.timing.rules.iter().enumerate() {
        let occs: Vec<Occurrence> = plan.rule_occurrences(id, rule, HORIZON_YEARS);
        let Some(first) = occs.first() else { continue };
        if is_fixed_yearly(rule) {
            let mut e = event(format!("{}-{r}@{host}", c.id), first, title, &description, &url);
            let rrule = match c.timing.years.to {
                Some(to) => format!("FREQ=YEARLY;UNTIL={to:04}1231"),
                None => "FREQ=YEARLY".to_owned(),
            };
            if c.timing.years.to.is_none_or(|to| to > first.start.year()) {
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
    cal.append_property(Property::new("PRODID", format!("-//loa//{}//{}", urls::host(site), def.to_uppercase())));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.append_property(Property::new("X-WR-CALNAME", escape::ics(name)));
    if let Some(d) = &site.description {
        cal.append_property(Property::new("X-WR-CALDESC", escape::ics(d.get(def, def))));
    }
    cal.append_property(Property::new("X-WR-TIMEZONE", plan.timezone().name()));
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
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) {
    let plan = cx.plan;
    let site = plan.site();
    let def = site.default_language();
    let mut all = Vec::new();
    for c in plan.campaigns() {
        let events = campaign_events(plan, c.id);
        all.extend(events.iter().cloned());
        let name = format!("{} – {}", c.campaign.title.get(def, def), site.title.get(def, def));
        out.add(urls::campaign_calendar(&c.campaign.id), calendar(plan, &name, events).into_bytes());
    }
    out.add(urls::CALENDAR, calendar(plan, site.title.get(def, def), all).into_bytes());
}
