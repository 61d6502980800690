//! The leaflets as the HTML pages see them: each page's download links
//! ([`LeafletCtx`]) and the list for schools, grouped by campaign
//! ([`IndexGroup`]), rendered by `leaflets.html`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::content::PAGES_DIR;
use crate::plan::{PageId, Plan};
use crate::time::format;
use crate::urls;

/// A leaflet file as the HTML templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LeafletCtx {
    /// `a4`, `a5`, `trifold`.
    pub format: &'static str,
    /// `A4`, `A5`, `Gấp ba (A4 ngang)`.
    pub format_label: String,
    /// The PDF's URL.
    pub url: String,
    /// Number of pages.
    pub pages: usize,
    /// `2 trang`.
    pub pages_label: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `84 KB`.
    pub size: String,
    /// The PNG of page 1, if any.
    pub thumbnail: Option<String>,
    /// The thumbnail's width to show, in CSS pixels (half its pixels, for sharp screens).
    pub thumbnail_width: Option<u32>,
    /// The thumbnail's height to show, in CSS pixels.
    pub thumbnail_height: Option<u32>,
    /// The copies for each locality.
    pub localities: Vec<LocalityCtx>,
}

/// A locality's copy of a leaflet.
#[derive(Debug, Clone, Serialize)]
pub struct LocalityCtx {
    /// The locality's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The PDF's URL.
    pub url: String,
    /// `84 KB`.
    pub size: String,
}

/// A page with leaflets, in the list for schools.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    /// The page title.
    pub title: String,
    /// The page's URL.
    pub url: String,
    /// Its language.
    pub lang: String,
    /// The language's name, when it is not the site's default.
    pub lang_name: Option<String>,
    /// Who it is for: the first audience (themes written for one).
    pub audience: Option<String>,
    /// Every audience it is for.
    pub audiences: Vec<String>,
    /// Its audience label.
    pub audience_label: Option<String>,
    /// Its summary.
    pub summary: Option<String>,
    /// One per format.
    pub leaflets: Vec<LeafletCtx>,
}

/// The leaflets of one campaign (or the site-wide ones), in the list for schools.
#[derive(Debug, Clone, Serialize)]
pub struct IndexGroup {
    /// The campaign id, or `pages`.
    pub id: String,
    /// The campaign's title, or "Tài liệu chung".
    pub title: String,
    /// The campaign's home, if a campaign.
    pub url: Option<String>,
    /// The campaign's colour.
    pub color: Option<String>,
    /// The dates of its occurrence as of the day.
    pub dates: Option<String>,
    /// The pages.
    pub entries: Vec<IndexEntry>,
}

/// `84 KB`, `1,2 MB`.
pub fn human_size(bytes: u64, lang: &str) -> String {
    if bytes < 1000 * 1000 {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    } else {
        let s = format!("{:.1} MB", bytes as f64 / 1e6);
        if lang == "vi" { s.replace('.', ",") } else { s }
    }
}

/// The list for schools: the campaigns in calendar order, then the
/// site-wide pages; pages by weight, title, then language.
pub fn groups(plan: &Plan<'_>, by_page: &BTreeMap<PageId, Vec<LeafletCtx>>) -> Vec<IndexGroup> {
    let site = plan.site();
    let def = site.default_language();
    let theme = plan.theme();
    let entry = |id: PageId| -> IndexEntry {
        let p = plan.page(id).page;
        IndexEntry {
            title: p.front.title.clone(),
            url: plan.page(id).url.to_owned(),
            lang: p.lang.clone(),
            lang_name: (p.lang != def).then(|| theme.string(&p.lang, "language_name").to_owned()),
            audience: p.front.audience.first().cloned(),
            audiences: p.front.audience.clone(),
            audience_label: theme.audience_label(def, &p.front.audience),
            summary: p.front.summary.clone(),
            leaflets: by_page.get(&id).cloned().unwrap_or_default(),
        }
    };
    let sorted = |mut v: Vec<PageId>| {
        let lang_rank = |id: PageId| site.languages.iter().position(|l| *l == plan.page(id).page.lang);
        v.sort_by(|&a, &b| {
            let (pa, pb) = (plan.page(a).page, plan.page(b).page);
            (pa.front.weight, &pa.front.title, lang_rank(a)).cmp(&(pb.front.weight, &pb.front.title, lang_rank(b)))
        });
        v
    };
    let mut out = Vec::new();
    for c in plan.campaigns() {
        let ids: Vec<PageId> = by_page.keys().copied().filter(|&i| plan.page(i).campaign == Some(c.id)).collect();
        if ids.is_empty() {
            continue;
        }
        out.push(IndexGroup {
            id: c.campaign.id.clone(),
            title: c.campaign.title.get(def, def).to_owned(),
            url: Some(urls::campaign(site, &c.campaign.id, def)),
            color: c.campaign.color.clone(),
            dates: c.status.occurrence.map(|o| format::range(&o, def)),
            entries: sorted(ids).into_iter().map(entry).collect(),
        });
    }
    let general: Vec<PageId> = by_page.keys().copied().filter(|&i| plan.page(i).campaign.is_none()).collect();
    if !general.is_empty() {
        out.push(IndexGroup {
            id: PAGES_DIR.to_owned(),
            title: theme.string(def, "leaflets_general").to_owned(),
            url: None,
            color: None,
            dates: None,
            entries: sorted(general).into_iter().map(entry).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(1, "vi"), "1 KB");
        assert_eq!(human_size(84_001, "vi"), "85 KB");
        assert_eq!(human_size(1_234_567, "vi"), "1,2 MB");
        assert_eq!(human_size(1_234_567, "en"), "1.2 MB");
    }
}
