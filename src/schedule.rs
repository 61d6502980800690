//! `loa schedule`: each campaign's occurrences in a range of days with their
//! states, the days on which the site must be rebuilt, and a crontab line that
//! rebuilds daily.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::load::Inputs;
use crate::t;
use crate::plan;
use crate::time::occurrence::{self, Occurrence};
use crate::time::{format, state};

/// The schedule of a site over a range of days.
#[derive(Debug, Serialize)]
pub struct Schedule {
    /// The format of the JSON form.
    pub version: u32,
    /// First day (included).
    pub from: String,
    /// Last day (included).
    pub to: String,
    /// The site's timezone.
    pub timezone: String,
    /// Each campaign's occurrences that overlap the range.
    pub campaigns: Vec<CampaignSchedule>,
    /// Days in `(from, to]` on which the output changes.
    pub changes: Vec<String>,
    /// A crontab line that rebuilds the site every day at 00:05 in its timezone.
    pub cron: String,
}

/// One campaign's part of the schedule.
#[derive(Debug, Serialize)]
pub struct CampaignSchedule {
    /// Its id.
    pub id: String,
    /// Its title in the default language.
    pub title: String,
    /// Its state on `from`.
    pub state: &'static str,
    /// Its occurrences.
    pub occurrences: Vec<OccurrenceSchedule>,
}

/// One occurrence and the days its states begin.
#[derive(Debug, Serialize)]
pub struct OccurrenceSchedule {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// First day it shows as upcoming (`start - lead`).
    pub upcoming_from: String,
    /// Last day it shows as recent (`end + linger`).
    pub recent_until: String,
}

/// Computes the schedule of the loaded site between `from` and `to`.
pub fn schedule(inputs: &Inputs, root: &Path, from: NaiveDate, to: NaiveDate) -> Schedule {
    let def = inputs.site.default_language();
    let campaigns = inputs
        .calendar
        .campaigns
        .iter()
        .map(|c| {
            let occs: Vec<Occurrence> = occurrence::of_campaign(&c.timing, chrono::Datelike::year(&from) - 1, chrono::Datelike::year(&to))
                .into_iter()
                .filter(|o| o.end >= from && o.start <= to)
                .collect();
            CampaignSchedule {
                id: c.id.clone(),
                title: c.title.get(def, def).to_owned(),
                state: state::status(&c.timing, from).state.name(),
                occurrences: occs
                    .iter()
                    .map(|o| OccurrenceSchedule {
                        start: format::iso(o.start),
                        end: format::iso(o.end),
                        upcoming_from: format::iso(o.start.checked_sub_days(Days::new(u64::from(c.timing.lead))).unwrap_or(o.start)),
                        recent_until: format::iso(o.end.checked_add_days(Days::new(u64::from(c.timing.linger))).unwrap_or(o.end)),
                    })
                    .collect(),
            }
        })
        .collect();
    let changes = plan::change::change_dates(inputs, false, from, to).into_iter().map(format::iso).collect();
    let root = crate::paths::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let cron = format!(
        "CRON_TZ={}\n5 0 * * * cd '{}' && loa build",
        inputs.calendar.timezone.name(),
        root.display().to_string().replace('\'', "'\\''")
    );
    Schedule {
        version: 1,
        from: format::iso(from),
        to: format::iso(to),
        timezone: inputs.calendar.timezone.name().to_owned(),
        campaigns,
        changes,
        cron,
    }
}

/// Groups consecutive days into runs: `[(first, last)]`.
fn runs(days: &[NaiveDate]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for &d in days {
        match out.last_mut() {
            Some((_, last)) if last.succ_opt() == Some(d) => *last = d,
            _ => out.push((d, d)),
        }
    }
    out
}

/// The schedule as a table for a terminal, in the editors' language (the
/// dates and the crontab lines as they are).
pub fn to_text(s: &Schedule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", t!("schedule-title", from = s.from.as_str(), to = s.to.as_str(), timezone = s.timezone.as_str()));
    let heads = [t!("schedule-campaign"), t!("schedule-start"), t!("schedule-end"), t!("schedule-upcoming"), t!("schedule-recent-until")];
    let chars = |m: &str| m.chars().count();
    let width = s.campaigns.iter().map(|c| c.id.len()).chain([8, chars(heads[0].as_str())]).max().unwrap_or(8);
    let w: Vec<usize> = heads[1..].iter().map(|h| chars(h.as_str()).max(10)).collect();
    let row = |out: &mut String, cells: [&str; 6]| {
        let _ = writeln!(out, "{:<width$}  {:<w1$}  {:<w2$}  {:<w3$}  {:<w4$}  {}", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], w1 = w[0], w2 = w[1], w3 = w[2], w4 = w[3]);
    };
    let state_on = t!("schedule-state-on", date = s.from.as_str());
    row(&mut out, [heads[0].as_str(), heads[1].as_str(), heads[2].as_str(), heads[3].as_str(), heads[4].as_str(), state_on.as_str()]);
    for c in &s.campaigns {
        let state = t!("state-name", state = c.state);
        if c.occurrences.is_empty() {
            row(&mut out, [c.id.as_str(), "-", "-", "-", "-", state.as_str()]);
        }
        for (i, o) in c.occurrences.iter().enumerate() {
            let (id, state) = if i == 0 { (c.id.as_str(), state.as_str()) } else { ("", "") };
            row(&mut out, [id, &o.start, &o.end, &o.upcoming_from, &o.recent_until, state]);
        }
    }
    let days: Vec<NaiveDate> = s.changes.iter().filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).collect();
    let _ = writeln!(out, "\n{}", t!("schedule-rebuild-on"));
    if days.is_empty() {
        let _ = writeln!(out, "  {}", t!("schedule-none"));
    }
    for (a, b) in runs(&days) {
        if a == b {
            let _ = writeln!(out, "  {}", format::iso(a));
        } else {
            let _ = writeln!(out, "  {}", t!("schedule-every-day", from = format::iso(a), to = format::iso(b)));
        }
    }
    let _ = writeln!(out, "\n{}\n{}", t!("schedule-or-daily", timezone = s.timezone.as_str()), s.cron);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_group_consecutive_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        assert_eq!(runs(&[d(1, 1), d(1, 2), d(1, 3), d(2, 1)]), vec![(d(1, 1), d(1, 3)), (d(2, 1), d(2, 1))]);
    }
}
