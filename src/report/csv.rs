//! The report's tables as CSV for spreadsheets: UTF-8 with a byte-order
//! mark (without it Excel reads Vietnamese as Windows-1252 mojibake), CRLF
//! line ends, quoted where needed by the `csv` crate, and any cell that a
//! spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) kept as
//! text with a leading `'`.
//!
//! `pages.csv` (path, title, campaign, days_live, views, language, audience),
//! `leaflets.csv` (path, format, locality, downloads, page; bundles as
//! format `zip`), `embeds.csv` (host, loads), `campaigns.csv` (id, title,
//! occurrences, first_day, last_day, pages live, views, downloads).
//! `months.csv` (month, views, downloads, embeds, search).
//! The column names stay in English whatever the report's language, so a
//! spreadsheet built on them keeps working.

use super::count::{total, Tally};
use super::site_counts::{BundleKind, SiteCounts};
use crate::load::Inputs;

/// The byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every table, by file name.
pub fn tables(inputs: &Inputs, site: &SiteCounts, tally: &Tally, lang: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        ("pages.csv".to_owned(), pages(site, tally)),
        ("leaflets.csv".to_owned(), leaflets(inputs, site, tally, lang)),
        ("embeds.csv".to_owned(), embeds(tally, lang)),
        ("campaigns.csv".to_owned(), campaigns(site, tally)),
        ("months.csv".to_owned(), months(site, tally)),
    ]
}

/// A cell of text as a spreadsheet should show it.
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() }
}

fn write(head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(BOM.to_vec());
    let _ = w.write_record(head);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

/// The pages that were live in the year or were read, most read first.
pub fn page_order(site: &SiteCounts, tally: &Tally) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..site.pages.len()).filter(|&i| site.pages[i].days_live > 0 || total(&tally.page_views[i]) > 0).collect();
    rows.sort_by(|&a, &b| total(&tally.page_views[b]).cmp(&total(&tally.page_views[a])).then_with(|| site.pages[a].url.cmp(&site.pages[b].url)));
    rows
}

fn pages(site: &SiteCounts, tally: &Tally) -> Vec<u8> {
    let rows = page_order(site, tally).into_iter().map(|i| {
        let p = &site.pages[i];
        vec![cell(&p.url), cell(&p.title), p.campaign.clone().unwrap_or_default(), p.days_live.to_string(), total(&tally.page_views[i]).to_string(), p.lang.clone(), p.audience.join(" ")]
    });
    write(&["path", "title", "campaign", "days_live", "views", "language", "audience"], rows)
}

/// The name of what a bundle holds, in `lang`.
pub fn bundle_label(inputs: &Inputs, site: &SiteCounts, kind: BundleKind, lang: &str) -> String {
    let def = inputs.site.default_language();
    match kind {
        BundleKind::All => inputs.theme.string(lang, "leaflets_bundle_all").to_owned(),
        BundleKind::Group(Some(c)) => site.campaigns[c].title.clone(),
        BundleKind::Group(None) => inputs.theme.string(lang, "leaflets_general").to_owned(),
        BundleKind::Locality(l) => inputs.localities.as_deref().and_then(|ls| ls.get(l)).map_or_else(String::new, |l| l.name.get(lang, def).to_owned()),
    }
}

fn leaflets(inputs: &Inputs, site: &SiteCounts, tally: &Tally, lang: &str) -> Vec<u8> {
    let mut rows: Vec<(u64, Vec<String>)> = site
        .leaflets
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let n = total(&tally.leaflet_downloads[i]);
            let locality = l.locality.map(|k| site.localities[k].1.clone()).unwrap_or_default();
            (n, vec![cell(&l.path), l.format.to_owned(), cell(&locality), n.to_string(), cell(&site.pages[l.page].title)])
        })
        .collect();
    rows.extend(site.bundles.iter().enumerate().filter(|(i, _)| total(&tally.bundle_downloads[*i]) > 0).map(|(i, b)| {
        let n = total(&tally.bundle_downloads[i]);
        let locality = match b.kind {
            BundleKind::Locality(k) => site.localities[k].1.clone(),
            _ => String::new(),
        };
        (n, vec![cell(&b.path), "zip".to_owned(), cell(&locality), n.to_string(), cell(&bundle_label(inputs, site, b.kind, lang))])
    }));
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1[0].cmp(&b.1[0])));
    write(&["path", "format", "locality", "downloads", "page"], rows.into_iter().map(|(_, r)| r))
}

/// The label of widget loads with no host.
pub fn no_host(lang: &str) -> &'static str {
    if lang == "vi" { "(không rõ trang nhúng)" } else { "(no referring host)" }
}

fn embeds(tally: &Tally, lang: &str) -> Vec<u8> {
    let mut rows: Vec<(&Option<String>, u64)> = tally.embeds.iter().map(|(h, m)| (h, total(m))).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    write(&["host", "loads"], rows.into_iter().map(|(h, n)| vec![cell(h.as_deref().unwrap_or(no_host(lang))), n.to_string()]))
}

fn campaigns(site: &SiteCounts, tally: &Tally) -> Vec<u8> {
    let rows = site.campaigns.iter().enumerate().map(|(ci, c)| {
        let pages: Vec<usize> = (0..site.pages.len()).filter(|&i| site.pages[i].campaign.as_deref() == Some(c.id.as_str()) && site.pages[i].days_live > 0).collect();
        let views: u64 = (0..site.pages.len()).filter(|&i| site.pages[i].campaign.as_deref() == Some(c.id.as_str())).map(|i| total(&tally.page_views[i])).sum();
        let downloads: u64 = site.leaflets.iter().enumerate().filter(|(_, l)| site.pages[l.page].campaign.as_deref() == Some(c.id.as_str())).map(|(i, _)| total(&tally.leaflet_downloads[i])).sum::<u64>()
            + site.bundles.iter().enumerate().filter(|(_, b)| b.kind == BundleKind::Group(Some(ci))).map(|(i, _)| total(&tally.bundle_downloads[i])).sum::<u64>();
        vec![
            cell(&c.id),
            cell(&c.title),
            c.occurrences.len().to_string(),
            c.occurrences.first().map(|o| o.0.to_string()).unwrap_or_default(),
            c.occurrences.last().map(|o| o.1.to_string()).unwrap_or_default(),
            pages.len().to_string(),
            views.to_string(),
            downloads.to_string(),
        ]
    });
    write(&["id", "title", "occurrences", "first_day", "last_day", "pages", "views", "downloads"], rows)
}

fn months(site: &SiteCounts, tally: &Tally) -> Vec<u8> {
    let rows = (0..12).map(|m| {
        let views: u64 = tally.page_views.iter().map(|v| v[m]).sum();
        let downloads: u64 = tally.leaflet_downloads.iter().chain(&tally.bundle_downloads).map(|v| v[m]).sum();
        let embeds: u64 = tally.embeds.values().map(|v| v[m]).sum();
        vec![format!("{}-{:02}", site.year, m + 1), views.to_string(), downloads.to_string(), embeds.to_string(), tally.search[m].to_string()]
    });
    write(&["month", "views", "downloads", "embeds", "search"], rows)
}
