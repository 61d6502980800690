//! The leaflets as the HTML pages see them: each page's download links
//! ([`LeafletCtx`]) and the list for schools, rendered by `leaflets.html`:
//! grouped by campaign ([`IndexGroup`]), and again by audience and by school
//! level ([`Facet`]), so that a teacher finds "for primary pupils" without
//! JavaScript.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::content::PAGES_DIR;
use crate::load::front_matter::{FrontMatter, SCHOOL_LEVELS};
use crate::plan::{CampaignId, PageId, Plan};
use crate::time::format;
use crate::urls;

/// A leaflet file as the HTML templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LeafletCtx {
    /// `a4`, `a5`, `trifold`, `booklet`, `poster-a3`, `poster-a2`.
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
    /// A booklet's copy imposed for printing.
    pub print: Option<PrintCtx>,
    /// The copy for print shops (`leaflets: {print_shop: true}`).
    pub print_shop: Option<ShopCtx>,
}

/// A leaflet's copy for print shops: 3 mm bleed, crop marks, CMYK colours.
#[derive(Debug, Clone, Serialize)]
pub struct ShopCtx {
    /// The PDF's URL.
    pub url: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `84 KB`.
    pub size: String,
}

/// A booklet's copy imposed on A4 landscape sheets, for printing on both
/// sides and folding.
#[derive(Debug, Clone, Serialize)]
pub struct PrintCtx {
    /// The PDF's URL.
    pub url: String,
    /// Number of A4 sheets.
    pub sheets: usize,
    /// `2 tờ A4`.
    pub sheets_label: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `84 KB`.
    pub size: String,
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
    /// A booklet's copy imposed for printing.
    pub print: Option<PrintCtx>,
    /// Its copy for print shops.
    pub print_shop: Option<ShopCtx>,
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
    /// The labels of the school levels it is for (`Tiểu học`).
    pub school_levels: Vec<String>,
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

/// The leaflets of one audience or one school level, in the list for schools.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    /// The audience (`cha-me`) or school level (`tieu-hoc`).
    pub id: String,
    /// Its label (`Dành cho cha mẹ, người chăm sóc trẻ`, `Tiểu học`).
    pub title: String,
    /// The id of its section on the page (`doi-tuong-cha-me`, `cap-hoc-tieu-hoc`).
    pub anchor: String,
    /// The pages, each with its leaflets.
    pub entries: Vec<IndexEntry>,
}

/// Who a page is for, as audience names (`cha-me`). The one place the
/// leaflet list reads a page's `audience`.
pub fn audiences(front: &FrontMatter) -> Vec<String> {
    front.audience.to_vec()
}

/// The theme's label of a school level (`tieu-hoc` → `school_level_tieu_hoc`).
pub fn school_level_label(plan: &Plan<'_>, lang: &str, level: &str) -> String {
    plan.theme().string(lang, &format!("school_level_{}", level.replace('-', "_"))).to_owned()
}

/// The pages with leaflets in the order of the list for schools: each
/// campaign's (in calendar order), then the site-wide pages (`None`); within
/// a group by weight, title, then language.
pub fn ordered(plan: &Plan<'_>, by_page: &BTreeMap<PageId, Vec<LeafletCtx>>) -> Vec<(Option<CampaignId>, Vec<PageId>)> {
    let site = plan.site();
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
        if !ids.is_empty() {
            out.push((Some(c.id), sorted(ids)));
        }
    }
    let general: Vec<PageId> = by_page.keys().copied().filter(|&i| plan.page(i).campaign.is_none()).collect();
    if !general.is_empty() {
        out.push((None, sorted(general)));
    }
    out
}

/// A page with leaflets as the list shows it.
fn entry(plan: &Plan<'_>, by_page: &BTreeMap<PageId, Vec<LeafletCtx>>, id: PageId) -> IndexEntry {
    let def = plan.site().default_language();
    let theme = plan.theme();
    let p = plan.page(id).page;
    let all = audiences(&p.front);
    IndexEntry {
        title: p.front.title.clone(),
        url: plan.page(id).url.to_owned(),
        lang: p.lang.clone(),
        lang_name: (p.lang != def).then(|| theme.string(&p.lang, "language_name").to_owned()),
        audience_label: theme.audience_label(def, &all),
        audience: all.first().cloned(),
        audiences: all,
        school_levels: p.front.school_level.iter().map(|l| school_level_label(plan, def, l)).collect(),
        summary: p.front.summary.clone(),
        leaflets: by_page.get(&id).cloned().unwrap_or_default(),
    }
}

/// The list for schools: the campaigns in calendar order, then the
/// site-wide pages; pages by weight, title, then language.
pub fn groups(plan: &Plan<'_>, by_page: &BTreeMap<PageId, Vec<LeafletCtx>>) -> Vec<IndexGroup> {
    let site = plan.site();
    let def = site.default_language();
    let theme = plan.theme();
    ordered(plan, by_page)
        .into_iter()
        .map(|(c, ids)| {
            let entries = ids.into_iter().map(|i| entry(plan, by_page, i)).collect();
            match c.map(|c| plan.campaign(c)) {
                Some(c) => IndexGroup {
                    id: c.campaign.id.clone(),
                    title: c.campaign.title.get(def, def).to_owned(),
                    url: Some(urls::campaign(site, &c.campaign.id, def)),
                    color: c.campaign.color.clone(),
                    dates: c.status.occurrence.map(|o| format::range(&o, def)),
                    entries,
                },
                None => IndexGroup { id: PAGES_DIR.to_owned(), title: theme.string(def, "leaflets_general").to_owned(), url: None, color: None, dates: None, entries },
            }
        })
        .collect()
}

/// The same pages by audience (a page for several is under each), the
/// audiences by their labels.
pub fn by_audience(plan: &Plan<'_>, by_page: &BTreeMap<PageId, Vec<LeafletCtx>>) -> Vec<Facet> {
    let def = plan.site().default_language();
    let mut facets: BTreeMap<String, Vec<PageId>> = BTreeMap::new();
    for (_, ids) in ordered(plan, by_page) {
        for id in ids {
            for a in audiences(&plan.page(id).page.front) {
                facets.entry(a).or_default().push(id);
            }
        }
    }
    let mut out: Vec<Facet> = facets
        .into_iter()
        .map(|(a, ids)| Facet {
            title: plan.theme().audience_label(def, std::slice::from_ref(&a)).unwrap_or_else(|| a.clone()),
            anchor: format!("doi-tuong-{a}"),
            entries: ids.into_iter().map(|i| entry(plan, by_page, i)).collect(),
            id: a,
        })
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The same pages by school level, in school order (kindergarten first).
pub fn by_school_level(plan: &Plan<'_>, by_page: &BTreeMap<PageId, Vec<LeafletCtx>>) -> Vec<Facet> {
    let def = plan.site().default_language();
    let ordered = ordered(plan, by_page);
    SCHOOL_LEVELS
        .iter()
        .map(|&level| Facet {
            id: level.to_owned(),
            title: school_level_label(plan, def, level),
            anchor: format!("cap-hoc-{level}"),
            entries: ordered
                .iter()
                .flat_map(|(_, ids)| ids.iter().copied())
                .filter(|&i| plan.page(i).page.front.school_level.iter().any(|l| l == level))
                .map(|i| entry(plan, by_page, i))
                .collect(),
        })
        .filter(|f| !f.entries.is_empty())
        .collect()
}
