//! Plan: the site as of one day. Which campaigns are active, upcoming, recent or
//! dormant; which pages are live; every page's URL; and the next day on which the
//! output would change.
//!
//! The [`Plan`] is the one data model every renderer reads (as mdBook's `Book`
//! is); renderers never look at the date themselves.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::{Days, NaiveDate};

use crate::diag::{Diagnostic, Diagnostics};
use crate::links::{LinkTable, Target};
use crate::load::content::{Bound, Page, PageKind, PAGES_DIR};
use crate::load::site::Site;
use crate::load::Inputs;
use crate::time::occurrence::{self, Occurrence};
use crate::time::state::{self, CampaignStatus, State};

/// Output folder names that pages must not take.
pub const RESERVED: &[&str] = &["static", "embed", "leaflets", "feed.xml", "sitemap.xml", "404", PAGES_DIR];

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

/// One campaign as of the plan's day.
#[derive(Debug, Clone)]
pub struct CampaignPlan {
    /// Index into `calendar.campaigns`.
    pub index: usize,
    /// Its state and the occurrence the state is about.
    pub status: CampaignStatus,
}

/// The site as of one day.
#[derive(Debug)]
pub struct Plan<'a> {
    /// What was loaded.
    pub inputs: &'a Inputs,
    /// Links between pages.
    pub links: &'a LinkTable,
    /// The day.
    pub as_of: NaiveDate,
    /// Whether drafts are shown.
    pub drafts: bool,
    /// Whether this is a preview (`loa serve`).
    pub preview: bool,
    /// Every campaign, in calendar order.
    pub campaigns: Vec<CampaignPlan>,
    /// Whether each page (by index into `content.pages`) is live.
    pub live: Vec<bool>,
    /// Each page's URL path (starting with the base path, ending in `/`).
    pub urls: Vec<String>,
    /// The first later day on which the output would differ.
    pub next_change: Option<NaiveDate>,
    translations: HashMap<(PageKind, String), Vec<usize>>,
}

/// The URL path of a page: `/`, `/en/`, `/<campaign>/`, `/<campaign>/<slug>/`, `/<slug>/`.
pub fn page_url(site: &Site, page: &Page) -> String {
    let mut url = site.base_path.clone();
    if page.lang != site.default_language() {
        url.push_str(&page.lang);
        url.push('/');
    }
    match &page.kind {
        PageKind::Hub => {}
        PageKind::CampaignHome(c) => url.push_str(&format!("{c}/")),
        PageKind::CampaignPage(c) => url.push_str(&format!("{c}/{}/", page.slug)),
        PageKind::SitePage => url.push_str(&format!("{}/", page.slug)),
    }
    url
}

/// The URL path of a campaign's home in `lang`.
pub fn campaign_url(site: &Site, id: &str, lang: &str) -> String {
    if lang == site.default_language() {
        format!("{}{id}/", site.base_path)
    } else {
        format!("{}{lang}/{id}/", site.base_path)
    }
}

/// The URL path of the hub in `lang`.
pub fn hub_url(site: &Site, lang: &str) -> String {
    if lang == site.default_language() { site.base_path.clone() } else { format!("{}{lang}/", site.base_path) }
}

/// Checks what does not depend on the day: URLs that collide, pages that may
/// not carry windows, broken links.
pub fn check(inputs: &Inputs, links: &LinkTable) -> Diagnostics {
    let mut diags = links.check(&inputs.content);
    let site = &inputs.site;
    let ids: BTreeSet<&str> = inputs.calendar.campaigns.iter().map(|c| c.id.as_str()).collect();
    for page in &inputs.content.pages {
        if page.kind == PageKind::SitePage {
            let clash = if ids.contains(page.slug.as_str()) {
                Some(format!("the page `{}` has the same URL as the campaign `{}`", page.slug, page.slug))
            } else if site.languages.contains(&page.slug) {
                Some(format!("the page `{}` has the same URL as the `{}` language's hub", page.slug, page.slug))
            } else if RESERVED.contains(&page.slug.as_str()) {
                Some(format!("`{}` is a name loa uses for its own output", page.slug))
            } else {
                None
            };
            if let Some(msg) = clash {
                diags.push(Diagnostic::error(&page.source, None, msg).with_hint("rename the file"));
            }
        }
        if matches!(page.kind, PageKind::Hub | PageKind::CampaignHome(_)) && (page.front.publish.is_some() || page.front.expire.is_some()) {
            diags.push(
                Diagnostic::error(&page.source, None, "a hub or campaign home is always published; it takes no `publish` or `expire`")
                    .with_hint("set publish/expire on the campaign's pages instead")
                    .with_source(&page.text),
            );
        }
    }
    for c in &inputs.calendar.campaigns {
        if occurrence::of_campaign(c, 1900, 2200).is_empty() {
            diags.push(
                Diagnostic::warning(Path::new(crate::load::calendar::FILE), c.position, format!("the campaign `{}` never happens", c.id))
                    .with_hint("check its `when` and `years`"),
            );
        }
    }
    diags
}

impl<'a> Plan<'a> {
    /// Plans the site for `opts.at` (or today in the site's timezone).
    pub fn new(inputs: &'a Inputs, links: &'a LinkTable, opts: Options) -> Plan<'a> {
        let as_of = opts.at.unwrap_or_else(|| crate::time::today(inputs.calendar.timezone));
        let site = &inputs.site;
        let pages = &inputs.content.pages;
        let urls = pages.iter().map(|p| page_url(site, p)).collect();
        let mut translations: HashMap<(PageKind, String), Vec<usize>> = HashMap::new();
        for (i, p) in pages.iter().enumerate() {
            translations.entry((p.kind.clone(), p.slug.clone())).or_default().push(i);
        }
        let fp = Fingerprint::at(inputs, opts.drafts, as_of);
        let next_change = next_change(inputs, opts.drafts, as_of, &fp);
        let campaigns = fp.campaigns.iter().enumerate().map(|(index, &status)| CampaignPlan { index, status }).collect();
        Plan { inputs, links, as_of, drafts: opts.drafts, preview: opts.preview, campaigns, live: fp.live, urls, next_change, translations }
    }

    /// The site settings.
    pub fn site(&self) -> &'a Site {
        &self.inputs.site
    }

    /// Indices of the live pages, in source order.
    pub fn live_pages(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.live.len()).filter(|&i| self.live[i])
    }

    /// Where a link written in `page` goes on the plan's day: a page's URL (with
    /// its `#fragment`), an asset's, a same-page `#fragment`, or an outside URL.
    /// `None` when the link must lose its target and keep its text: a page that
    /// is not live, an unsafe scheme, a broken link. With `absolute`, the site's
    /// own URLs start with the base URL (for feeds and print).
    pub fn link_url(&self, page: &Page, dest: &str, absolute: bool) -> Option<String> {
        let site = self.site();
        let own = |path: String| if absolute { site.absolute(&path) } else { path };
        match self.links.target(page, dest).ok()? {
            Target::Page(t, frag) if self.live[t] => {
                let mut url = own(self.urls[t].clone());
                if let Some(f) = frag.filter(|f| !f.is_empty()) {
                    url.push('#');
                    url.push_str(&f);
                }
                Some(url)
            }
            Target::Page(..) | Target::Unsafe => None,
            Target::Asset(out) => Some(own(format!("{}{out}", site.base_path))),
            Target::Fragment(f) => Some(format!("#{f}")),
            Target::External(u) => Some(u),
        }
    }

    /// The live pages that are translations of page `i` (itself included), by language order.
    pub fn translations(&self, i: usize) -> Vec<usize> {
        let p = &self.inputs.content.pages[i];
        let mut out: Vec<usize> = self
            .translations
            .get(&(p.kind.clone(), p.slug.clone()))
            .map(|v| v.iter().copied().filter(|&j| self.live[j]).collect())
            .unwrap_or_default();
        let langs = &self.site().languages;
        out.sort_by_key(|&j| langs.iter().position(|l| *l == self.inputs.content.pages[j].lang));
        out
    }

    /// The live page with this kind, slug and language.
    pub fn find(&self, kind: &PageKind, slug: &str, lang: &str) -> Option<usize> {
        self.translations
            .get(&(kind.clone(), slug.to_owned()))?
            .iter()
            .copied()
            .find(|&j| self.live[j] && self.inputs.content.pages[j].lang == lang)
    }

    /// The live pages of a campaign (not its home) in `lang`, by weight then title.
    pub fn campaign_pages(&self, id: &str, lang: &str) -> Vec<usize> {
        let pages = &self.inputs.content.pages;
        let mut out: Vec<usize> = self
            .live_pages()
            .filter(|&i| pages[i].lang == lang && pages[i].kind == PageKind::CampaignPage(id.to_owned()))
            .collect();
        out.sort_by(|&a, &b| (pages[a].front.weight, &pages[a].front.title).cmp(&(pages[b].front.weight, &pages[b].front.title)));
        out
    }

    /// The occurrences of campaign `index` the site publishes as of its day: the
    /// one its state is about, then up to `n - 1` after it. Anchoring on the state's
    /// occurrence (not on the day) keeps feeds unchanged until the state changes.
    pub fn published_occurrences(&self, index: usize, n: usize) -> Vec<Occurrence> {
        let c = &self.inputs.calendar.campaigns[index];
        let Some(anchor) = self.campaigns[index].status.occurrence else { return Vec::new() };
        let from = chrono::Datelike::year(&anchor.start);
        occurrence::of_campaign(c, from, from + n as i32 + 1).into_iter().filter(|o| o.start >= anchor.start).take(n).collect()
    }

    /// The live site-wide pages in `lang`, by weight then title.
    pub fn site_pages(&self, lang: &str) -> Vec<usize> {
        let pages = &self.inputs.content.pages;
        let mut out: Vec<usize> =
            self.live_pages().filter(|&i| pages[i].lang == lang && pages[i].kind == PageKind::SitePage).collect();
        out.sort_by(|&a, &b| (pages[a].front.weight, &pages[a].front.title).cmp(&(pages[b].front.weight, &pages[b].front.title)));
        out
    }
}

/// Every day in `(from, to]` on which the output differs from the day before,
/// for the same inputs (rebuild days).
pub fn change_dates(inputs: &Inputs, drafts: bool, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = from;
    let mut fp = Fingerprint::at(inputs, drafts, d);
    while let Some(next) = next_change(inputs, drafts, d, &fp) {
        if next > to {
            break;
        }
        out.push(next);
        d = next;
        fp = Fingerprint::at(inputs, drafts, d);
    }
    out
}

/// Everything about a day that shows in the output: campaign states (with the
/// countdown while one is shown) and which pages are live.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    campaigns: Vec<CampaignStatus>,
    live: Vec<bool>,
}

impl Fingerprint {
    fn at(inputs: &Inputs, drafts: bool, d: NaiveDate) -> Self {
        let occs: BTreeMap<&str, Vec<Occurrence>> =
            inputs.calendar.campaigns.iter().map(|c| (c.id.as_str(), occurrence::around(c, d))).collect();
        let campaigns = inputs
            .calendar
            .campaigns
            .iter()
            .map(|c| {
                let mut s = state::status_among(c, &occs[c.id.as_str()], d);
                // Only the countdown to an upcoming campaign is shown in days.
                if s.state != State::Upcoming {
                    s.days = None;
                }
                s
            })
            .collect();
        let live = inputs
            .content
            .pages
            .iter()
            .map(|p| {
                if p.front.draft && !drafts {
                    return false;
                }
                let o = p.kind.campaign().and_then(|c| occs.get(c)).map_or(&[][..], Vec::as_slice);
                state::is_live(&state::windows(&p.front, o), d)
            })
            .collect();
        Fingerprint { campaigns, live }
    }
}

/// The first day after `d` on which the output differs from `d`'s, looking
/// three years ahead.
fn next_change(inputs: &Inputs, drafts: bool, d: NaiveDate, now: &Fingerprint) -> Option<NaiveDate> {
    let mut candidates: BTreeSet<NaiveDate> = BTreeSet::new();
    candidates.extend(d.checked_add_days(Days::new(1)));
    for c in &inputs.calendar.campaigns {
        candidates.extend(state::campaign_edges(c, d));
    }
    let occs: BTreeMap<&str, Vec<Occurrence>> =
        inputs.calendar.campaigns.iter().map(|c| (c.id.as_str(), occurrence::around(c, d))).collect();
    for p in &inputs.content.pages {
        if p.front.publish.is_none() && p.front.expire.is_none() {
            continue;
        }
        let relative = matches!(p.front.publish, Some(Bound::FromStart(_) | Bound::FromEnd(_)))
            || matches!(p.front.expire, Some(Bound::FromStart(_) | Bound::FromEnd(_)));
        let o = p.kind.campaign().and_then(|c| occs.get(c)).map_or(&[][..], Vec::as_slice);
        let w = state::windows(&p.front, if relative { o } else { &[] });
        candidates.extend(state::window_edges(&w));
    }
    let horizon = d.checked_add_days(Days::new(3 * 366))?;
    candidates
        .into_iter()
        .filter(|c| *c > d && *c <= horizon)
        .find(|c| Fingerprint::at(inputs, drafts, *c) != *now)
}
