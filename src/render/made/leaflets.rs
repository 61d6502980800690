//! The leaflets as the HTML pages see them: what the leaflet renderer made
//! ([`Leaflets`]): each page's download links ([`LeafletCtx`]) and the list
//! for schools, rendered by `leaflets.html`: grouped by campaign
//! ([`IndexGroup`]), and again by audience and by school level ([`Facet`]),
//! with the bundles ([`BundleCtx`]).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::plan::PageId;

/// What the leaflet renderer made, for the HTML pages.
#[derive(Debug, Default)]
pub struct Leaflets {
    /// The leaflets of each page.
    pub by_page: BTreeMap<PageId, Vec<LeafletCtx>>,
    /// The list for schools, by campaign.
    pub groups: Vec<IndexGroup>,
    /// The same, by audience.
    pub audiences: Vec<Facet>,
    /// The same, by school level.
    pub levels: Vec<Facet>,
    /// The ZIP files of many leaflets.
    pub bundles: Vec<BundleCtx>,
    /// How many bundles were compressed in this build (the others came
    /// from the previous output).
    pub bundles_zipped: usize,
    /// Number of PDF files made (locality copies included).
    pub files: usize,
    /// How many were typeset in this build (the others came from the cache).
    pub typeset: usize,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
}

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

/// A bundle as `leaflets.html` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct BundleCtx {
    /// `all`, `campaign`, `pages` or `locality`.
    pub kind: &'static str,
    /// `Tất cả tờ rơi`, the campaign's title, the locality's name.
    pub title: String,
    /// Its URL.
    pub url: String,
    /// Number of leaflets in it.
    pub count: usize,
    /// `12 tờ rơi`.
    pub count_label: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `1,2 MB`.
    pub size: String,
}
