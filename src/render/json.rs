//! `schedule.json`: the campaigns, their occurrences and states as of the
//! build's day, for partners' own pipelines. The schema is versioned
//! (`"version": 1`) and described in the README.
//!
//! The file names no build day: it holds `next_change`, the day its states stop
//! being true, so it is byte-identical on every day until then (and so is every
//! other output but `build.json`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Output;
use crate::time::format;
use crate::time::state::State;
use crate::urls;

/// How many occurrences each campaign lists.
pub const OCCURRENCES: usize = 5;

#[derive(Serialize)]
struct Schedule<'a> {
    version: u32,
    /// The states hold until the day before this one (`null`: beyond three years).
    next_change: Option<String>,
    timezone: &'a str,
    site: SiteInfo,
    campaigns: Vec<CampaignInfo>,
}

#[derive(Serialize)]
struct SiteInfo {
    title: BTreeMap<String, String>,
    url: String,
    calendar: String,
}

#[derive(Serialize)]
struct CampaignInfo {
    id: String,
    title: BTreeMap<String, String>,
    url: BTreeMap<String, String>,
    color: Option<String>,
    state: &'static str,
    days_until_start: Option<i64>,
    current: Option<Period>,
    occurrences: Vec<Period>,
    calendar: String,
}

#[derive(Serialize)]
struct Period {
    start: String,
    end: String,
}

/// Renders `schedule.json`.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) {
    let plan = cx.plan;
    let site = plan.site();
    let def = site.default_language();
    let abs = |path: &str| urls::absolute(site, path);
    let per_lang = |t: &crate::load::Text| -> BTreeMap<String, String> {
        site.languages.iter().map(|l| (l.clone(), t.get(l, def).to_owned())).collect()
    };
    let campaigns = plan
        .campaigns()
        .map(|cr| {
            let (c, status) = (cr.campaign, cr.status);
            let urls = plan.languages_of(cr.id).into_iter().map(|l| (l.to_owned(), abs(&urls::campaign(site, &c.id, l)))).collect();
            CampaignInfo {
                id: c.id.clone(),
                title: per_lang(&c.title),
                url: urls,
                color: c.color.clone(),
                state: status.state.name(),
                days_until_start: if status.state == State::Upcoming { status.days } else { None },
                current: status
                    .occurrence
                    .filter(|_| status.state != State::Dormant)
                    .map(|o| Period { start: format::iso(o.start), end: format::iso(o.end) }),
                occurrences: plan
                    .published_occurrences(cr.id, OCCURRENCES)
                    .into_iter()
                    .map(|o| Period { start: format::iso(o.start), end: format::iso(o.end) })
                    .collect(),
                calendar: abs(&urls::of_file(site, &urls::campaign_calendar(&c.id))),
            }
        })
        .collect();
    let data = Schedule {
        version: 1,
        next_change: plan.next_change.map(format::iso),
        timezone: plan.timezone().name(),
        site: SiteInfo { title: per_lang(&site.title), url: site.base_url.clone(), calendar: abs(&urls::of_file(site, urls::CALENDAR)) },
        campaigns,
    };
    let mut json = serde_json::to_vec_pretty(&data).unwrap_or_default();
    json.push(b'\n');
    out.add(urls::SCHEDULE_JSON, json);
}
