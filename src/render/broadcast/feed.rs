//! The files for machines in a language's bulletins folder, besides the
//! calendar: `ban-tin.json` (`bulletins.json`), the list of live bulletins
//! with their text, files, reading time, air times, days and window; and
//! `ban-tin.xml` (`bulletins.xml`), an Atom feed of the same for platforms
//! that poll. Both are stable between builds of the same day's output.

use atom_syndication::{Content, Entry, Feed, Generator, Link, Person, Text};
use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::airings::Bulletin;
use crate::plan::Plan;
use crate::render::bulletin::BulletinCtx;
use crate::render::escape::xml;
use crate::urls;

/// `ban-tin.json`, version 1.
#[derive(Serialize)]
struct List<'a> {
    version: u32,
    lang: &'a str,
    site: String,
    timezone: &'a str,
    bulletins: Vec<Item<'a>>,
}

/// One bulletin in `ban-tin.json`.
#[derive(Serialize)]
struct Item<'a> {
    title: &'a str,
    said_title: &'a str,
    lang: &'a str,
    url: &'a str,
    text_url: String,
    pdf_url: String,
    text: &'a str,
    reading_seconds: u32,
    times: &'a [String],
    days: &'a [&'static str],
    window: Window<'a>,
}

/// A window: first and last day, included; `null` where open.
#[derive(Serialize)]
struct Window<'a> {
    from: Option<&'a str>,
    until: Option<&'a str>,
}

/// `ban-tin.json` of one language.
pub fn json(plan: &Plan<'_>, lang: &str, bulletins: &[BulletinCtx]) -> Vec<u8> {
    let site = plan.site();
    let abs = |u: &str| urls::absolute(site, u);
    let list = List {
        version: 1,
        lang,
        site: abs(&urls::hub(site, lang)),
        timezone: plan.timezone().name(),
        bulletins: bulletins
            .iter()
            .map(|b| Item {
                title: &b.title,
                said_title: &b.said_title,
                lang: &b.lang,
                url: &b.permalink,
                text_url: abs(&b.txt_url),
                pdf_url: abs(&b.pdf_url),
                text: &b.text,
                reading_seconds: b.reading_seconds,
                times: &b.times,
                days: &b.days,
                window: Window { from: b.from.as_deref(), until: b.until.as_deref() },
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&list).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The Atom feed of one language's bulletins at output path `path`, each
/// dated by the first day of its window (`fallback` for one open at the start).
pub fn atom(plan: &Plan<'_>, lang: &str, path: &str, index_url: &str, bulletins: &[(Bulletin<'_>, BulletinCtx)], fallback: NaiveDate) -> Vec<u8> {
    let site = plan.site();
    let def = site.default_language();
    let abs = |u: &str| urls::absolute(site, u);
    let tz = plan.timezone();
    let author = Person { name: xml(site.organisation.name.get(lang, def)).into_owned(), email: None, uri: site.organisation.url.clone(), ..Default::default() };
    let entries: Vec<Entry> = bulletins
        .iter()
        .map(|(w, b)| {
            let mut e = Entry::default();
            e.set_title(Text::plain(xml(&b.title).into_owned()));
            e.set_id(abs(&b.txt_url));
            e.set_updated(crate::time::midnight(tz, w.first_day(fallback)));
            e.set_links(vec![
                Link { href: abs(&b.txt_url), rel: "alternate".into(), hreflang: Some(b.lang.clone()), mime_type: Some("text/plain".into()), ..Default::default() },
                Link { href: abs(&b.pdf_url), rel: "enclosure".into(), mime_type: Some("application/pdf".into()), ..Default::default() },
                Link { href: b.permalink.clone(), rel: "related".into(), mime_type: Some("text/html".into()), ..Default::default() },
            ]);
            e.set_summary(Some(Text::plain(xml(&format!("{} · {} · {}", b.times.join(", "), b.days_text, b.reading)).into_owned())));
            e.set_content(Some(Content { value: Some(xml(&format!("{}\n\n{}", b.said_title, b.text)).into_owned()), content_type: Some("text".into()), ..Default::default() }));
            e.set_authors(vec![author.clone()]);
            e
        })
        .collect();
    let updated = bulletins.iter().map(|(w, _)| w.first_day(fallback)).max().unwrap_or(fallback);
    let mut feed = Feed::default();
    feed.set_title(Text::plain(xml(&format!("{} – {}", plan.theme().string(lang, "broadcast_title"), site.title.get(lang, def))).into_owned()));
    feed.set_id(abs(&urls::of_file(site, path)));
    feed.set_updated(crate::time::midnight(tz, updated));
    feed.set_lang(Some(lang.to_owned()));
    feed.set_authors(vec![author]);
    feed.set_generator(Some(Generator { value: "loa".into(), uri: None, version: None }));
    feed.set_links(vec![
        Link { href: abs(&urls::of_file(site, path)), rel: "self".into(), mime_type: Some("application/atom+xml".into()), ..Default::default() },
        Link { href: abs(index_url), rel: "alternate".into(), mime_type: Some("text/html".into()), hreflang: Some(lang.to_owned()), ..Default::default() },
    ]);
    feed.set_entries(entries);
    let mut text = feed.to_string();
    text.push('\n');
    text.into_bytes()
}
