//! Atom feeds with `atom_syndication`: `feed.xml` for the default language and
//! `<lang>/feed.xml` for the others. Entries are the live pages, newest first
//! (by `date`, else the start of their publication window); ids are the pages'
//! permanent URLs, stable across builds.

use chrono::{FixedOffset, NaiveDate, Offset, TimeZone};
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};

use super::html::page_html;
use super::Output;
use crate::load::content::Bound;
use crate::load::PageKind;
use crate::plan::{self, Plan};

/// The number of entries a feed keeps (the newest), as Hugo and Zola limit theirs.
pub const FEED_LIMIT: usize = 50;

/// The date given to pages that have no `date` and no publication window.
pub const UNDATED: (i32, u32, u32) = (2020, 1, 1);

/// The feed's path for `lang`, relative to the output folder.
pub fn feed_path(plan: &Plan<'_>, lang: &str) -> String {
    if lang == plan.site().default_language() { "feed.xml".to_owned() } else { format!("{lang}/feed.xml") }
}

fn midnight(plan: &Plan<'_>, d: NaiveDate) -> FixedDateTime {
    let tz = plan.inputs.calendar.timezone;
    let naive = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    let offset: FixedOffset = tz.offset_from_utc_datetime(&naive).fix();
    offset.from_local_datetime(&naive).single().unwrap_or_else(|| offset.from_utc_datetime(&naive))
}

/// The date a page is listed under.
fn page_date(plan: &Plan<'_>, i: usize) -> NaiveDate {
    let p = &plan.inputs.content.pages[i];
    if let Some(d) = p.front.date {
        return d;
    }
    if let Some(Bound::Date(d)) = p.front.publish {
        return d;
    }
    if matches!(p.front.publish, Some(Bound::FromStart(_) | Bound::FromEnd(_)))
        && let Some(index) = p.kind.campaign().and_then(|c| plan.inputs.calendar.campaigns.iter().position(|x| x.id == c))
        && let Some(o) = plan.campaigns[index].status.occurrence
    {
        let w = crate::time::state::windows(&p.front, &[o]);
        if let Some((Some(start), _)) = w.first() {
            return *start;
        }
    }
    NaiveDate::from_ymd_opt(UNDATED.0, UNDATED.1, UNDATED.2).unwrap_or_default()
}

/// Renders the feed of every language.
pub fn render(plan: &Plan<'_>, out: &mut Output) {
    let site = plan.site();
    let def = site.default_language();
    for lang in &site.languages {
        let abs = |url: &str| site.absolute(url);
        let mut pages: Vec<(NaiveDate, usize)> = plan
            .live_pages()
            .filter(|&i| {
                let p = &plan.inputs.content.pages[i];
                p.lang == *lang && p.kind != PageKind::Hub
            })
            .map(|i| (page_date(plan, i), i))
            .collect();
        pages.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| plan.urls[a.1].cmp(&plan.urls[b.1])));
        pages.truncate(FEED_LIMIT);
        let author = Person { name: site.organisation.name.get(lang, def).to_owned(), email: None, uri: site.organisation.url.clone(), ..Default::default() };
        let entries: Vec<Entry> = pages
            .iter()
            .map(|&(date, i)| {
                let p = &plan.inputs.content.pages[i];
                let url = abs(&plan.urls[i]);
                let mut e = Entry::default();
                e.set_title(Text::plain(p.front.title.clone()));
                e.set_id(url.clone());
                e.set_updated(midnight(plan, date));
                e.set_links(vec![Link { href: url, rel: "alternate".into(), hreflang: Some(p.lang.clone()), mime_type: Some("text/html".into()), ..Default::default() }]);
                if let Some(s) = &p.front.summary {
                    e.set_summary(Some(Text::plain(s.clone())));
                }
                e.set_content(Some(Content {
                    value: Some(page_html(plan, i, true)),
                    content_type: Some("html".into()),
                    ..Default::default()
                }));
                e.set_authors(vec![author.clone()]);
                e
            })
            .collect();
        let updated = pages.iter().map(|p| p.0).max().unwrap_or_else(|| NaiveDate::from_ymd_opt(UNDATED.0, UNDATED.1, UNDATED.2).unwrap_or_default());
        let path = feed_path(plan, lang);
        let mut feed = Feed::default();
        feed.set_title(Text::plain(site.title.get(lang, def).to_owned()));
        feed.set_id(abs(&format!("{}{path}", site.base_path)));
        feed.set_updated(midnight(plan, updated));
        feed.set_lang(Some(lang.clone()));
        feed.set_authors(vec![author]);
        feed.set_generator(Some(Generator { value: "loa".into(), uri: None, version: None }));
        if let Some(d) = &site.description {
            feed.set_subtitle(Some(Text::plain(d.get(lang, def).to_owned())));
        }
        feed.set_links(vec![
            Link { href: abs(&format!("{}{path}", site.base_path)), rel: "self".into(), mime_type: Some("application/atom+xml".into()), ..Default::default() },
            Link { href: abs(&plan::hub_url(site, lang)), rel: "alternate".into(), mime_type: Some("text/html".into()), hreflang: Some(lang.clone()), ..Default::default() },
        ]);
        feed.set_entries(entries);
        let mut xml = feed.to_string();
        xml.push('\n');
        out.add(path, xml.into_bytes());
    }
}
