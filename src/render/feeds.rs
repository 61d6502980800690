//! Atom feeds with `atom_syndication`: `feed.xml` for the default language and
//! `<lang>/feed.xml` for the others. Entries are the live pages, newest first
//! (by `date`, else the start of their publication window); ids are the pages'
//! permanent URLs, stable across builds.

use chrono::NaiveDate;
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};

use super::escape::xml;
use super::markdown::page_html;
use super::Output;
use crate::load::PageKind;
use crate::plan::{PageId, Plan};
use crate::urls;

/// The number of entries a feed keeps (the newest), as Hugo and Zola limit theirs.
pub const FEED_LIMIT: usize = 50;

fn midnight(plan: &Plan<'_>, d: NaiveDate) -> FixedDateTime {
    crate::time::midnight(plan.timezone(), d)
}

/// Renders the feed of every language.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) {
    let plan = cx.plan;
    let site = plan.site();
    let def = site.default_language();
    for lang in &site.languages {
        let abs = |url: &str| urls::absolute(site, url);
        let mut pages: Vec<(NaiveDate, PageId)> =
            plan.live_pages().filter(|p| p.page.lang == *lang && p.page.kind != PageKind::Hub).map(|p| (plan.listed_date(p.id), p.id)).collect();
        pages.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| plan.page(a.1).url.cmp(plan.page(b.1).url)));
        pages.truncate(FEED_LIMIT);
        let author = Person { name: xml(site.organisation.name.get(lang, def)).into_owned(), email: None, uri: site.organisation.url.clone(), ..Default::default() };
        let entries: Vec<Entry> = pages
            .iter()
            .map(|&(date, id)| {
                let p = plan.page(id).page;
                let url = abs(plan.page(id).url);
                let mut e = Entry::default();
                e.set_title(Text::plain(xml(&p.front.title).into_owned()));
                e.set_id(url.clone());
                e.set_updated(midnight(plan, date));
                e.set_links(vec![Link { href: url, rel: "alternate".into(), hreflang: Some(p.lang.clone()), mime_type: Some("text/html".into()), ..Default::default() }]);
                if let Some(s) = &p.front.summary {
                    e.set_summary(Some(Text::plain(xml(s).into_owned())));
                }
                e.set_content(Some(Content {
                    value: Some(xml(&page_html(plan, id, true, None)).into_owned()),
                    content_type: Some("html".into()),
                    ..Default::default()
                }));
                e.set_authors(vec![author.clone()]);
                e
            })
            .collect();
        let updated = pages.iter().map(|p| p.0).max().unwrap_or_else(crate::plan::dates::undated);
        let path = urls::feed(site, lang);
        let mut feed = Feed::default();
        feed.set_title(Text::plain(xml(site.title.get(lang, def)).into_owned()));
        feed.set_id(abs(&urls::of_file(site, &path)));
        feed.set_updated(midnight(plan, updated));
        feed.set_lang(Some(lang.clone()));
        feed.set_authors(vec![author]);
        feed.set_generator(Some(Generator { value: "loa".into(), uri: None, version: None }));
        if let Some(d) = &site.description {
            feed.set_subtitle(Some(Text::plain(xml(d.get(lang, def)).into_owned())));
        }
        feed.set_links(vec![
            Link { href: abs(&urls::of_file(site, &path)), rel: "self".into(), mime_type: Some("application/atom+xml".into()), ..Default::default() },
            Link { href: abs(&urls::hub(site, lang)), rel: "alternate".into(), mime_type: Some("text/html".into()), hreflang: Some(lang.clone()), ..Default::default() },
        ]);
        feed.set_entries(entries);
        let mut xml = feed.to_string();
        xml.push('\n');
        out.add(path, xml.into_bytes());
    }
}
