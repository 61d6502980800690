//! Files about the site rather than pages of it: `build.json` (the day the
//! output is for and the next day it changes), `sitemap.xml` and `robots.txt`.

use serde::Serialize;

use super::escape::xml_attribute;
use super::Output;
use crate::load::PageKind;
use crate::plan::Plan;
use crate::time::format;
use crate::urls;

/// What `build.json` names as the folder's writer: with `loa_output`, the
/// mark of an output folder loa may replace.
pub const GENERATOR: &str = "loa";

/// `build.json`: what the output is as of, and when to rebuild.
#[derive(Serialize)]
struct BuildInfo<'a> {
    /// Who wrote the folder: `loa`.
    generator: &'static str,
    /// The layout of loa's output (marks the folder as loa's to replace).
    loa_output: u32,
    /// The format of this file.
    version: u32,
    /// The day the output is for (ISO 8601).
    as_of: String,
    /// The first later day on which the output would differ, if any within three years.
    next_change: Option<String>,
    /// The site's timezone, which decides "today".
    timezone: &'a str,
    /// Whether drafts were shown.
    drafts: bool,
    /// Number of live pages.
    pages: usize,
}

/// Renders `build.json`.
/// Writes `build.json` and the sitemap.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) {
    build_json(cx.plan, out);
    sitemap(cx.plan, out);
}

fn build_json(plan: &Plan<'_>, out: &Output<'_>) {
    let info = BuildInfo {
        generator: GENERATOR,
        loa_output: 1,
        version: 1,
        as_of: format::iso(plan.as_of),
        next_change: plan.next_change.map(format::iso),
        timezone: plan.timezone().name(),
        drafts: plan.drafts,
        pages: plan.live_pages().count(),
    };
    let mut json = serde_json::to_vec_pretty(&info).unwrap_or_default();
    json.push(b'\n');
    out.add(urls::BUILD_JSON, json);
}

/// Renders `sitemap.xml` (every HTML page with its language alternates) and
/// `robots.txt` naming it.
fn sitemap(plan: &Plan<'_>, out: &Output<'_>) {
    let site = plan.site();
    let abs = |url: &str| urls::absolute(site, url);
    // Each group of pages that are one another's translations, as
    // (language, address); the addresses loa makes are owned, the pages'
    // borrowed (a site of 50,000 pages need not copy them all).
    let mut groups: Vec<Vec<(&str, std::borrow::Cow<'_, str>)>> = Vec::new();
    groups.push(site.languages.iter().map(|l| (l.as_str(), urls::hub(site, l).into())).collect());
    for c in plan.campaigns() {
        groups.push(plan.languages_of(c.id).into_iter().map(|l| (l, urls::campaign(site, &c.campaign.id, l).into())).collect());
    }
    let mut seen = std::collections::BTreeSet::new();
    for p in plan.live_pages() {
        if !matches!(p.page.kind, PageKind::CampaignPage(_) | PageKind::SitePage) {
            continue;
        }
        let t = plan.translations(p.id);
        if seen.insert(t.clone()) {
            groups.push(t.iter().map(|&j| (plan.page(j).page.lang.as_str(), plan.page(j).url.into())).collect());
        }
    }
    drop(seen);
    let mut entries: Vec<String> = Vec::new();
    for g in &groups {
        for (_, url) in g {
            let mut e = format!("  <url>\n    <loc>{}</loc>\n", xml_attribute(&abs(url)));
            if g.len() > 1 {
                for (l, u) in g {
                    e.push_str(&format!("    <xhtml:link rel=\"alternate\" hreflang=\"{l}\" href=\"{}\"/>\n", xml_attribute(&abs(u))));
                }
            }
            e.push_str("  </url>\n");
            entries.push(e);
        }
    }
    drop(groups);
    entries.sort();
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    const TAIL: &str = "</urlset>\n";
    let mut xml = String::with_capacity(HEAD.len() + entries.iter().map(String::len).sum::<usize>() + TAIL.len());
    xml.push_str(HEAD);
    for e in entries {
        xml.push_str(&e);
    }
    xml.push_str(TAIL);
    out.add(urls::SITEMAP, xml.into_bytes());
    out.add(urls::ROBOTS, format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", urls::absolute(site, &urls::of_file(site, urls::SITEMAP))).into_bytes());
}
