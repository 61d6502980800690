//! Plan: the site as of one day. Which campaigns are active, upcoming, recent
//! or dormant; which pages are live; every page's URL; and the next day on
//! which the output would change ([`change`]).
//!
//! The [`Plan`] is the one model every renderer reads (as mdBook's `Book`
//! is): pages and campaigns are named by typed ids ([`PageId`],
//! [`CampaignId`]) and looked up through it, and renderers never look at the
//! date or at the loaded inputs themselves.

pub mod airings;
pub mod change;
pub mod dates;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::links::{LinkTable, Target};
use crate::markdown::Scan;
use crate::load::calendar::Campaign;
use crate::load::content::{Asset, Page, PageKind};
use crate::load::localities::Locality;
use crate::load::site::Site;
use crate::load::theme::Theme;
use crate::load::Inputs;
use crate::time::occurrence::{self, Occurrence};
use crate::time::state::CampaignStatus;
use crate::urls;
use change::Fingerprint;

/// What to plan for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The day the site is built for; `None` is today in the site's timezone.
    pub at: Option<NaiveDate>,
    /// Whether draft pages exist.
    pub drafts: bool,
    /// Whether this is `loa serve`'s preview (pages show the day they are built for).
    pub preview: bool,
}

/// A page of the site (drafts and pages out of their window included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(usize);

/// A campaign of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CampaignId(usize);

impl PageId {
    /// The id of the page at `index` in the content's pages.
    pub fn from_index(index: usize) -> Self {
        PageId(index)
    }

    /// Its index in the content's pages.
    pub fn index(self) -> usize {
        self.0
    }
}

/// A page as of the plan's day.
#[derive(Debug, Clone, Copy)]
pub struct PageRef<'p> {
    /// Its id.
    pub id: PageId,
    /// The page as loaded.
    pub page: &'p Page,
    /// Its URL path (starting with the base path, ending in `/`).
    pub url: &'p str,
    /// Whether it exists on the plan's day.
    pub live: bool,
    /// The campaign it belongs to (campaign homes and pages).
    pub campaign: Option<CampaignId>,
}

/// A campaign as of the plan's day.
#[derive(Debug, Clone, Copy)]
pub struct CampaignRef<'p> {
    /// Its id.
    pub id: CampaignId,
    /// The campaign as loaded.
    pub campaign: &'p Campaign,
    /// Its state and the occurrence the state is about.
    pub status: CampaignStatus,
}

/// What the plan knows of each page.
#[derive(Debug)]
struct PagePlan {
    url: String,
    live: bool,
    campaign: Option<CampaignId>,
}

/// The site as of one day.
#[derive(Debug)]
pub struct Plan<'a> {
    inputs: &'a Inputs,
    links: &'a LinkTable,
    /// The day.
    pub as_of: NaiveDate,
    /// Whether drafts are shown.
    pub drafts: bool,
    /// Whether this is a preview (`loa serve`).
    pub preview: bool,
    /// The first later day on which the output would differ.
    pub next_change: Option<NaiveDate>,
    pages: Vec<PagePlan>,
    campaigns: Vec<CampaignStatus>,
    campaign_ids: HashMap<&'a str, CampaignId>,
    translations: HashMap<(&'a PageKind, &'a str), Vec<PageId>>,
}

impl<'a> Plan<'a> {
    /// Plans the site for `opts.at` (or today in the site's timezone).
    pub fn new(inputs: &'a Inputs, links: &'a LinkTable, opts: Options) -> Plan<'a> {
        let as_of = opts.at.unwrap_or_else(|| crate::time::today(inputs.calendar.timezone));
        let site = &inputs.site;
        let campaign_ids: HashMap<&str, CampaignId> =
            inputs.calendar.campaigns.iter().enumerate().map(|(i, c)| (c.id.as_str(), CampaignId(i))).collect();
        let fp = Fingerprint::at(inputs, opts.drafts, as_of);
        let next_change = change::next_change(inputs, opts.drafts, as_of, &fp);
        let pages = inputs
            .content
            .pages
            .iter()
            .zip(&fp.live)
            .map(|(p, &live)| PagePlan { url: urls::page(site, p), live, campaign: p.kind.campaign().and_then(|c| campaign_ids.get(c).copied()) })
            .collect();
        let mut translations: HashMap<(&PageKind, &str), Vec<PageId>> = HashMap::new();
        for (i, p) in inputs.content.pages.iter().enumerate() {
            translations.entry((&p.kind, p.slug.as_str())).or_default().push(PageId(i));
        }
        Plan { inputs, links, as_of, drafts: opts.drafts, preview: opts.preview, next_change, pages, campaigns: fp.campaigns, campaign_ids, translations }
    }

    /// The site settings.
    pub fn site(&self) -> &'a Site {
        &self.inputs.site
    }

    /// The theme.
    pub fn theme(&self) -> &'a Theme {
        &self.inputs.theme
    }

    /// The site's timezone, which decides what "today" is.
    pub fn timezone(&self) -> Tz {
        self.inputs.calendar.timezone
    }

    /// The localities (`localities.yaml`), none if the site has no such file.
    pub fn localities(&self) -> &'a [Locality] {
        self.inputs.localities.as_deref().unwrap_or(&[])
    }

    /// The files of `content/` that are not pages.
    pub fn assets(&self) -> &'a [Asset] {
        &self.inputs.content.assets
    }

    /// The files of the site's `static/` folder, published as they are.
    pub fn statics(&self) -> &'a [Asset] {
        &self.inputs.statics
    }

    /// A page's anchors and links, as scanned when it was loaded.
    pub fn scan(&self, id: PageId) -> &'a Scan {
        &self.links.scans[id.0]
    }

    /// The files of `content/` (by output path) that a page links.
    pub fn files_linked_by(&self, id: PageId) -> impl Iterator<Item = &str> {
        self.links.files_linked_by(id.0)
    }

    /// The output paths of the content files that the live pages link
    /// (links, pictures, the `image:` of their front matter): the files a
    /// build publishes.
    pub fn published_files(&self) -> std::collections::BTreeSet<String> {
        self.live_pages().flat_map(|p| self.files_linked_by(p.id).map(str::to_owned)).collect()
    }

    /// Where the first live page that shows or links a file does so (the
    /// page's file, the position, its text): for locating a problem with the
    /// file.
    pub fn where_linked(&self, output: &str) -> Option<(PathBuf, Option<crate::diag::Position>, String)> {
        for p in self.live_pages() {
            for l in &self.scan(p.id).links {
                if matches!(self.link_target(p.id, &l.dest), Ok(Target::Asset(o)) if o == output) {
                    return Some((p.page.source.clone(), Some(p.page.body_position(l.offset)), p.page.text.clone()));
                }
            }
            if let Some(img) = &p.page.front.image
                && matches!(self.link_target(p.id, img), Ok(Target::Asset(o)) if o == output)
            {
                return Some((p.page.source.clone(), p.page.front.position("image"), p.page.text.clone()));
            }
        }
        None
    }

    /// Where an asset's bytes are on disk.
    pub fn asset_path(&self, asset: &Asset) -> PathBuf {
        self.inputs.root.join(&asset.source)
    }

    /// A page.
    pub fn page(&self, id: PageId) -> PageRef<'_> {
        let p = &self.pages[id.0];
        PageRef { id, page: &self.inputs.content.pages[id.0], url: &p.url, live: p.live, campaign: p.campaign }
    }

    /// Every page, drafts and pages out of their window included, in source order.
    pub fn pages(&self) -> impl Iterator<Item = PageRef<'_>> + '_ {
        (0..self.pages.len()).map(|i| self.page(PageId(i)))
    }

    /// The live pages, in source order.
    pub fn live_pages(&self) -> impl Iterator<Item = PageRef<'_>> + '_ {
        self.pages().filter(|p| p.live)
    }

    /// A campaign.
    pub fn campaign(&self, id: CampaignId) -> CampaignRef<'a> {
        CampaignRef { id, campaign: &self.inputs.calendar.campaigns[id.0], status: self.campaigns[id.0] }
    }

    /// Every campaign, in calendar order.
    pub fn campaigns(&self) -> impl Iterator<Item = CampaignRef<'a>> + '_ {
        (0..self.campaigns.len()).map(|i| self.campaign(CampaignId(i)))
    }

    /// The campaign with this id (`thang-hanh-dong-vi-tre-em`).
    pub fn campaign_named(&self, id: &str) -> Option<CampaignId> {
        self.campaign_ids.get(id).copied()
    }

    /// The live page with this kind, slug and language.
    fn find(&self, kind: &PageKind, slug: &str, lang: &str) -> Option<PageId> {
        self.translations.get(&(kind, slug))?.iter().copied().find(|&j| self.pages[j.0].live && self.inputs.content.pages[j.0].lang == lang)
    }

    /// The hub's page in `lang`, if it has one (the hub exists in every language).
    pub fn hub(&self, lang: &str) -> Option<PageId> {
        self.find(&PageKind::Hub, "", lang)
    }

    /// A campaign's home page in `lang`, if it has one.
    pub fn home(&self, c: CampaignId, lang: &str) -> Option<PageId> {
        self.find(&PageKind::CampaignHome(self.campaign(c).campaign.id.clone()), "", lang)
    }

    /// The languages in which a campaign's home exists: the default language
    /// always, the others when they have an `_index.<lang>.md`.
    pub fn languages_of(&self, c: CampaignId) -> Vec<&'a str> {
        let site = self.site();
        site.languages
            .iter()
            .enumerate()
            .filter(|(i, l)| *i == 0 || self.home(c, l).is_some())
            .map(|(_, l)| l.as_str())
            .collect()
    }

    /// The URL path of a campaign's home in `lang`, or in the default
    /// language when it has none in `lang`.
    pub fn campaign_url(&self, c: CampaignId, lang: &str) -> String {
        let site = self.site();
        let lang = if self.languages_of(c).contains(&lang) { lang } else { site.default_language() };
        urls::campaign(site, &self.campaign(c).campaign.id, lang)
    }

    /// The live pages that are translations of `id` (itself included), in
    /// the site's language order.
    pub fn translations(&self, id: PageId) -> Vec<PageId> {
        let p = &self.inputs.content.pages[id.0];
        let mut out: Vec<PageId> = self
            .translations
            .get(&(&p.kind, p.slug.as_str()))
            .map(|v| v.iter().copied().filter(|&j| self.pages[j.0].live).collect())
            .unwrap_or_default();
        let langs = &self.site().languages;
        out.sort_by_key(|&j| langs.iter().position(|l| *l == self.inputs.content.pages[j.0].lang));
        out
    }

    /// Sorts pages by weight, then title.
    fn by_weight(&self, mut v: Vec<PageId>) -> Vec<PageId> {
        let pages = &self.inputs.content.pages;
        v.sort_by(|&a, &b| (pages[a.0].front.weight, &pages[a.0].front.title).cmp(&(pages[b.0].front.weight, &pages[b.0].front.title)));
        v
    }

    /// The live pages of a campaign (not its home) in `lang`, by weight then title.
    pub fn campaign_pages(&self, c: CampaignId, lang: &str) -> Vec<PageId> {
        let v = self.live_pages().filter(|p| p.campaign == Some(c) && p.page.lang == lang && matches!(p.page.kind, PageKind::CampaignPage(_))).map(|p| p.id).collect();
        self.by_weight(v)
    }

    /// The live site-wide pages in `lang`, by weight then title.
    pub fn site_pages(&self, lang: &str) -> Vec<PageId> {
        let v = self.live_pages().filter(|p| p.page.lang == lang && p.page.kind == PageKind::SitePage).map(|p| p.id).collect();
        self.by_weight(v)
    }

    /// The occurrences of a campaign the site publishes as of its day: the
    /// one its state is about, then up to `n - 1` after it. Anchoring on the
    /// state's occurrence (not on the day) keeps feeds unchanged until the
    /// state changes.
    pub fn published_occurrences(&self, c: CampaignId, n: usize) -> Vec<Occurrence> {
        let cr = self.campaign(c);
        let Some(anchor) = cr.status.occurrence else { return Vec::new() };
        let from = chrono::Datelike::year(&anchor.start);
        occurrence::of_campaign(&cr.campaign.timing, from, from + n as i32 + 1).into_iter().filter(|o| o.start >= anchor.start).take(n).collect()
    }

    /// Where a link written in page `from` goes on the plan's day (see
    /// [`LinkTable::url`]): a page that is not live loses its link.
    pub fn link_url(&self, from: PageId, dest: &str, absolute: bool) -> Option<String> {
        let page_url = |t: usize| self.pages[t].live.then(|| self.pages[t].url.clone());
        self.links.url_in(self.site(), from.0, &self.inputs.content.pages[from.0], dest, absolute, &page_url)
    }

    /// What a link written in page `from` points at.
    pub fn link_target(&self, from: PageId, dest: &str) -> Result<Target, crate::i18n::Msg> {
        self.links.target_in(from.0, &self.inputs.content.pages[from.0], dest)
    }

    /// The asset published at `output_path`, if any.
    pub fn asset_at(&self, output_path: &str) -> Option<&'a Asset> {
        self.inputs.content.assets.iter().find(|a| a.output == output_path)
    }
}
