//! What the print box says, as `/loa/data.json` for its template
//! (`leaflets/print-schedule.typ`): the campaigns with their occurrences of
//! this year and next that have not ended by the build day (soonest first,
//! the one under way marked), the hotlines (111 first), the site and where to
//! read more, and the theme's `print_*` strings. Dates are written the way
//! the language writes them (`1/6 – 30/6/2027`). Every text has what print
//! cannot show removed ([`crate::render::escape::print`]).

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use crate::plan::Plan;
use crate::render::escape;
use crate::time::format;

/// The widths of the box, in millimetres, by number of newspaper columns:
/// one column, and two columns with the 4 mm gutter between them.
pub const WIDTHS_MM: [(u32, u32); 2] = [(1, 48), (2, 100)];

/// One period of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dates {
    /// `1/6 – 30/6/2027`, `1–30 June 2027`.
    pub text: String,
    /// Whether it is under way on the build day.
    pub current: bool,
    /// `Đang diễn ra` for the one under way, else `None`.
    pub note: Option<String>,
}

/// A campaign in the box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Its title.
    pub title: String,
    /// Its periods this year and next, from the build day on.
    pub dates: Vec<Dates>,
}

/// A telephone line in the box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// As people write it.
    pub number: String,
    /// What it is.
    pub label: String,
    /// Hours, cost.
    pub note: Option<String>,
}

/// Everything the print box template gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoxData {
    /// The language code.
    pub lang: String,
    /// `Lịch các chiến dịch 2027 – 2028`.
    pub title: String,
    /// The site's title.
    pub site_title: String,
    /// The publisher's name.
    pub organisation: String,
    /// The site's address as printed (`baovetreem.hanoi.example`).
    pub url_display: String,
    /// Newspaper columns: 1 or 2 (two lay the dates beside the titles).
    pub columns: u32,
    /// The width of the page, in millimetres.
    pub width_mm: u32,
    /// The campaigns, soonest first.
    pub campaigns: Vec<Row>,
    /// The hotlines, 111 first.
    pub hotlines: Vec<Line>,
    /// The theme's strings whose keys start with `print_`.
    pub t: BTreeMap<String, String>,
}

fn clean(s: &str) -> String {
    escape::print(s).into_owned()
}

/// The box in `lang`, `columns` wide ([`WIDTHS_MM`]), as of the plan's day.
pub fn data(plan: &Plan<'_>, lang: &str, columns: u32) -> BoxData {
    let site = plan.site();
    let theme = plan.theme();
    let def = site.default_language();
    let today = plan.as_of;
    let year = today.year();
    let mut rows: Vec<(chrono::NaiveDate, usize, Row)> = plan
        .campaigns()
        .enumerate()
        .filter_map(|(i, c)| {
            let occs = plan.periods_this_year_and_next(c.id);
            let first = occs.first()?.start;
            let dates = occs
                .iter()
                .map(|o| {
                    let current = o.contains(today);
                    Dates { text: format::range(o, lang), current, note: current.then(|| clean(theme.string(lang, "state_active"))) }
                })
                .collect();
            Some((first, i, Row { title: clean(c.campaign.title.get(lang, def)), dates }))
        })
        .collect();
    rows.sort_by_key(|(start, i, _)| (*start, *i));
    let mut hotlines: Vec<Line> = crate::render::hotlines::hotlines(plan, lang)
        .into_iter()
        .map(|h| Line { number: clean(&h.number), label: clean(&h.label), note: h.note.as_deref().map(clean) })
        .collect();
    hotlines.sort_by_key(|h| h.number != "111");
    let keys: std::collections::BTreeSet<&String> = theme.strings.values().flat_map(|m| m.keys()).filter(|k| k.starts_with("print_")).collect();
    let years = format!("{year} – {}", year + 1);
    let base = &site.base_url;
    BoxData {
        lang: lang.to_owned(),
        title: clean(&theme.string(lang, "print_title").replace("{years}", &years)),
        site_title: clean(site.title.get(lang, def)),
        organisation: clean(site.organisation.name.get(lang, def)),
        url_display: clean(base.split_once("://").map_or(base.as_str(), |(_, r)| r).trim_end_matches('/')),
        columns,
        width_mm: WIDTHS_MM.iter().find(|(c, _)| *c == columns).map_or(WIDTHS_MM[0].1, |(_, w)| *w),
        campaigns: rows.into_iter().map(|(_, _, r)| r).collect(),
        hotlines,
        t: keys.into_iter().map(|k| (k.clone(), clean(theme.string(lang, k)))).collect(),
    }
}
