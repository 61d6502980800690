//! The report typeset: the theme's `leaflets/report.typ` compiled in the
//! Typst room ([`crate::render::typst`]) with the theme's fonts, from the
//! data built here (every number already written the way the language
//! writes it, and raw for the charts). The template holds the report's
//! labels in both languages; every name from the site (titles, hosts)
//! reaches it as a string value in `/loa/data.json`, never as code.

use serde::Serialize;

use super::count::{total, Tally};
use super::csv::{no_host, page_order};
use super::site_counts::{BundleKind, SiteCounts};
use crate::diag::Diagnostics;
use crate::load::Inputs;
use crate::render::typst::Shared;
#[cfg(feature = "typeset")]
use crate::render::typst;

/// The template, in the theme's `leaflets/` folder.
pub const TEMPLATE: &str = "report.typ";

/// How many pages the table of most-read pages lists.
pub const TOP_PAGES: usize = 12;
/// How many hosts the table of widgets lists.
pub const TOP_HOSTS: usize = 10;

/// The PDF's file name: `bao-cao-2027.pdf`, `report-2027.pdf`.
pub fn file_name(year: i32, lang: &str) -> String {
    if lang == "vi" { format!("bao-cao-{year}.pdf") } else { format!("report-{year}.pdf") }
}

/// `1234567` as the language writes it: `1.234.567`, `1,234,567`.
pub fn number(n: u64, lang: &str) -> String {
    let sep = if lang == "vi" { '.' } else { ',' };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A row of a table: a label, a second text, numbers written and raw.
#[derive(Debug, Serialize)]
struct Row {
    label: String,
    note: String,
    cells: Vec<String>,
    value: u64,
}

/// One month of the charts: raw and written.
#[derive(Debug, Serialize)]
struct Month {
    views: u64,
    views_text: String,
    downloads: u64,
    downloads_text: String,
}

#[derive(Debug, Serialize)]
struct Data {
    lang: String,
    year: i32,
    site_title: String,
    organisation: String,
    url: String,
    logs: bool,
    totals: Vec<Row>,
    months: Vec<Month>,
    campaigns: Vec<Row>,
    top_pages: Vec<Row>,
    audiences: Vec<Row>,
    formats: Vec<Row>,
    localities: Vec<Row>,
    embeds: Vec<Row>,
    bulletins: Vec<Row>,
    method: Vec<Row>,
}

fn row(label: impl Into<String>, note: impl Into<String>, cells: Vec<String>, value: u64) -> Row {
    Row { label: label.into(), note: note.into(), cells, value }
}

/// Typesets the report in `lang` and returns the PDF's bytes. Without the
/// `typeset` feature, the fonts' error says why there is none.
#[cfg_attr(not(feature = "typeset"), allow(unreachable_code, unused_variables))]
pub fn render(inputs: &Inputs, site: &SiteCounts, tally: &Tally, lang: &str) -> Result<Vec<u8>, Diagnostics> {
    let mut theme = inputs.theme.clone();
    if !theme.leaflets.contains_key(TEMPLATE) {
        // A theme of its own made before the report existed: the default's.
        if let Some(text) = crate::load::theme::DEFAULT_THEME.get_file(format!("leaflets/{TEMPLATE}")).and_then(|f| f.contents_utf8()) {
            theme.leaflets.insert(
                TEMPLATE.to_owned(),
                crate::load::theme::TextFile { name: TEMPLATE.to_owned(), text: text.to_owned(), origin: crate::load::theme::Origin::Embedded(format!("leaflets/{TEMPLATE}").into()) },
            );
        }
    }
    let fonts = crate::load::fonts::load(&theme)?;
    let shared = Shared::new(&theme, fonts);
    let data = data(inputs, site, tally, lang);
    pdf_of(&shared, &data, &format!("report-{}-{lang}", site.year))
}

/// The report's PDF from its data.
#[cfg(feature = "typeset")]
fn pdf_of(shared: &Shared, data: &Data, stem: &str) -> Result<Vec<u8>, Diagnostics> {
    let compiled = typst::compile(shared, TEMPLATE, data, []).map_err(Diagnostics)?;
    let pdf = typst::pdf::export(&compiled.doc, stem, None, TEMPLATE).map_err(Diagnostics)?;
    Ok(pdf.bytes)
}

/// Without the `typeset` feature no room exists to call this with.
#[cfg(not(feature = "typeset"))]
fn pdf_of(shared: &Shared, _data: &Data, _stem: &str) -> Result<Vec<u8>, Diagnostics> {
    match *shared {}
}

fn data(inputs: &Inputs, site: &SiteCounts, tally: &Tally, lang: &str) -> Data {
    let def = inputs.site.default_language();
    let n = |v: u64| number(v, lang);
    let live_pages = site.pages.iter().filter(|p| p.days_live > 0).count() as u64;
    let occurrences: u64 = site.campaigns.iter().map(|c| c.occurrences.len() as u64).sum();
    let air_slots: u64 = site.bulletins.iter().map(|b| u64::from(b.air_slots)).sum();
    let key = |k: &str| k.to_owned();
    let mut totals = vec![
        row(key("occurrences"), "", vec![n(occurrences)], occurrences),
        row(key("pages"), "", vec![n(live_pages)], live_pages),
        row(key("leaflets"), "", vec![n(site.leaflets.len() as u64)], site.leaflets.len() as u64),
        row(key("bulletins"), "", vec![n(site.bulletins.len() as u64), n(air_slots)], site.bulletins.len() as u64),
    ];
    if tally.lines > 0 {
        totals.extend([
            row(key("views"), "", vec![n(tally.views())], tally.views()),
            row(key("downloads"), "", vec![n(tally.downloads())], tally.downloads()),
            row(key("embeds"), "", vec![n(tally.embed_loads())], tally.embed_loads()),
            row(key("search"), "", vec![n(total(&tally.search))], total(&tally.search)),
        ]);
    }
    let fmt_date = |d: chrono::NaiveDate| crate::time::format::short(d, lang);
    let campaigns = site
        .campaigns
        .iter()
        .map(|c| {
            let dates = c.occurrences.iter().map(|(a, b)| if a == b { fmt_date(*a) } else { format!("{} – {}", fmt_date(*a), fmt_date(*b)) }).collect::<Vec<_>>().join("; ");
            let title = inputs.calendar.campaigns.iter().find(|k| k.id == c.id).map_or(c.title.clone(), |k| k.title.get(lang, def).to_owned());
            let ids: Vec<usize> = (0..site.pages.len()).filter(|&i| site.pages[i].campaign.as_deref() == Some(c.id.as_str())).collect();
            let live = ids.iter().filter(|&&i| site.pages[i].days_live > 0).count() as u64;
            let views: u64 = ids.iter().map(|&i| total(&tally.page_views[i])).sum();
            row(title, dates, vec![n(c.occurrences.len() as u64), n(live), n(views)], views)
        })
        .collect();
    let top_pages = page_order(site, tally)
        .into_iter()
        .take(TOP_PAGES)
        .map(|i| {
            let p = &site.pages[i];
            let v = total(&tally.page_views[i]);
            row(p.title.clone(), p.url.clone(), vec![n(u64::from(p.days_live)), n(v)], v)
        })
        .collect();
    let mut audiences: Vec<Row> = Vec::new();
    let mut seen: Vec<String> = site.pages.iter().flat_map(|p| p.audience.iter().cloned()).collect();
    seen.sort();
    seen.dedup();
    for a in seen {
        let ids: Vec<usize> = (0..site.pages.len()).filter(|&i| site.pages[i].audience.contains(&a) && site.pages[i].days_live > 0).collect();
        let views: u64 = ids.iter().map(|&i| total(&tally.page_views[i])).sum();
        let label = inputs.theme.string(lang, &format!("audience_{}", a.replace('-', "_")));
        audiences.push(row(if label.is_empty() { a.clone() } else { label.to_owned() }, "", vec![n(ids.len() as u64), n(views)], views));
    }
    let mut formats = Vec::new();
    for f in ["a4", "a5", "trifold"] {
        let ids: Vec<usize> = (0..site.leaflets.len()).filter(|&i| site.leaflets[i].format == f).collect();
        if ids.is_empty() {
            continue;
        }
        let d: u64 = ids.iter().map(|&i| total(&tally.leaflet_downloads[i])).sum();
        formats.push(row(inputs.theme.string(lang, &format!("leaflet_format_{f}")), "", vec![n(ids.len() as u64), n(d)], d));
    }
    let bundles: u64 = tally.bundle_downloads.iter().map(total).sum();
    if bundles > 0 {
        formats.push(row(key("zip"), "", vec![String::new(), n(bundles)], bundles));
    }
    let mut localities: Vec<Row> = site
        .localities
        .iter()
        .enumerate()
        .map(|(k, (_, name))| {
            let copies: u64 = site.leaflets.iter().enumerate().filter(|(_, l)| l.locality == Some(k)).map(|(i, _)| total(&tally.leaflet_downloads[i])).sum();
            let zips: u64 = site.bundles.iter().enumerate().filter(|(_, b)| b.kind == BundleKind::Locality(k)).map(|(i, _)| total(&tally.bundle_downloads[i])).sum();
            let name = inputs.localities.as_deref().and_then(|ls| ls.get(k)).map_or(name.clone(), |l| l.name.get(lang, def).to_owned());
            row(name, "", vec![n(copies), n(zips), n(copies + zips)], copies + zips)
        })
        .collect();
    localities.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
    let mut embeds: Vec<Row> = tally.embeds.iter().map(|(h, m)| row(h.clone().unwrap_or_else(|| no_host(lang).to_owned()), "", vec![n(total(m))], total(m))).collect();
    embeds.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
    embeds.truncate(TOP_HOSTS);
    let bulletins = site
        .bulletins
        .iter()
        .map(|b| {
            let p = &site.pages[b.page];
            row(p.title.clone(), b.times.join(", "), vec![n(u64::from(p.days_live)), n(u64::from(b.air_slots))], u64::from(b.air_slots))
        })
        .collect();
    let method = [
        ("lines", tally.lines),
        ("unreadable", tally.unreadable),
        ("other_year", tally.other_year),
        ("not_get", tally.not_get),
        ("bad_status", tally.bad_status),
        ("crawlers", tally.crawlers),
        ("other", tally.other),
    ]
    .into_iter()
    .map(|(k, v)| row(key(k), "", vec![n(v)], v))
    .collect();
    let months = (0..12)
        .map(|m| {
            let views: u64 = tally.page_views.iter().map(|v| v[m]).sum();
            let downloads: u64 = tally.leaflet_downloads.iter().chain(&tally.bundle_downloads).map(|v| v[m]).sum();
            Month { views, views_text: n(views), downloads, downloads_text: n(downloads) }
        })
        .collect();
    Data {
        lang: lang.to_owned(),
        year: site.year,
        site_title: inputs.site.title.get(lang, def).to_owned(),
        organisation: inputs.site.organisation.name.get(lang, def).to_owned(),
        url: inputs.site.base_url.clone(),
        logs: tally.lines > 0,
        totals,
        months,
        campaigns,
        top_pages,
        audiences,
        formats,
        localities,
        embeds,
        bulletins,
        method,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(number(0, "vi"), "0");
        assert_eq!(number(999, "vi"), "999");
        assert_eq!(number(1_000, "vi"), "1.000");
        assert_eq!(number(1_234_567, "vi"), "1.234.567");
        assert_eq!(number(1_234_567, "en"), "1,234,567");
    }
}
