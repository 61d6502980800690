//! The counting: each request of a log, read ([`super::combined`]), is
//! either set aside (with the reason counted) or counted against what it
//! asked for — a page, a leaflet, a bundle, a widget, the search page — by
//! month of the site's calendar.
//!
//! A request is set aside, in this order, when its line is unreadable, when
//! it falls outside the year (in the site's timezone), when it is not a
//! `GET` (`HEAD`, `POST`, …), when its status is not 200 or 304 (errors,
//! redirects, partial content), or when its agent is a crawler's
//! ([`super::bots`]). What is left is people's: page, search and widget
//! requests count with 200 or 304; downloads (leaflets, bundles) with 200
//! only (a 304 is a copy already downloaded). Anything else (styles,
//! pictures, feeds) is "other".
//!
//! Only numbers are kept, and the host of the page that loaded a widget
//! ([`super::referer`]); no address, agent or referring URL.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use super::bots::Crawlers;
use super::combined;
use super::referer::{self, Host};
use super::site_counts::SiteCounts;
use crate::urls;

/// Counts by month, January first.
pub type Months = [u64; 12];

/// At most this many referring hosts are told apart; the rest are counted
/// together, so a flood of made-up referrers cannot fill the memory.
pub const MAX_HOSTS: usize = 10_000;

/// How many unreadable lines are named by number (per report).
pub const NAMED_UNREADABLE: usize = 5;

/// What a request path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A page (index in [`SiteCounts::pages`]).
    Page(usize),
    /// A leaflet PDF (index in [`SiteCounts::leaflets`]).
    Leaflet(usize),
    /// A bundle (index in [`SiteCounts::bundles`]).
    Bundle(usize),
    /// A widget or its oEmbed response.
    Embed,
    /// The search page.
    Search,
}

/// Every path the site publishes that the report counts.
pub struct Targets {
    map: FxHashMap<Box<[u8]>, Target>,
}

impl Targets {
    /// The paths of `counts`' pages (as `/x/` and `/x/index.html`), leaflets,
    /// bundles, and the site's widgets and search pages.
    pub fn new(inputs: &crate::load::Inputs, counts: &SiteCounts) -> Self {
        let site = &inputs.site;
        let mut map: FxHashMap<Box<[u8]>, Target> = FxHashMap::default();
        let mut page = |url: &str, t: Target| {
            map.insert(url.as_bytes().into(), t);
            map.insert(format!("{url}index.html").into_bytes().into(), t);
        };
        for (i, p) in counts.pages.iter().enumerate() {
            page(&p.url, Target::Page(i));
        }
        if site.search {
            for lang in &site.languages {
                page(&urls::search(site, inputs.theme.string(lang, "search_slug"), lang), Target::Search);
            }
        }
        for (i, l) in counts.leaflets.iter().enumerate() {
            map.insert(l.path.as_bytes().into(), Target::Leaflet(i));
        }
        for (i, b) in counts.bundles.iter().enumerate() {
            map.insert(b.path.as_bytes().into(), Target::Bundle(i));
        }
        let names = std::iter::once(urls::SCHEDULE_WIDGET).chain(inputs.calendar.campaigns.iter().map(|c| c.id.as_str()));
        for name in names {
            for lang in &site.languages {
                for path in [urls::embed(site, lang, name), urls::embed_auto(site, lang, name), urls::oembed(site, lang, name)] {
                    map.insert(urls::of_file(site, &path).into_bytes().into(), Target::Embed);
                }
            }
        }
        Targets { map }
    }

    /// What `path` is, if the report counts it.
    pub fn get(&self, path: &[u8]) -> Option<Target> {
        self.map.get(path).copied()
    }
}

/// Everything counted from the logs.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Lines read.
    pub lines: u64,
    /// Lines that are not combined-format requests.
    pub unreadable: u64,
    /// The first [`NAMED_UNREADABLE`] of them: file (index in the list of
    /// logs) and line number.
    pub unreadable_at: Vec<(usize, u64)>,
    /// Requests outside the year.
    pub other_year: u64,
    /// Requests other than `GET`.
    pub not_get: u64,
    /// Requests answered with a status other than 200 or 304.
    pub bad_status: u64,
    /// Requests by crawlers (or with no agent).
    pub crawlers: u64,
    /// People's requests for anything else.
    pub other: u64,
    /// Views of each page, by month (indices of [`SiteCounts::pages`]).
    pub page_views: Vec<Months>,
    /// Downloads of each leaflet, by month.
    pub leaflet_downloads: Vec<Months>,
    /// Downloads of each bundle, by month.
    pub bundle_downloads: Vec<Months>,
    /// Loads of widgets, by referring host (`None`: no host given;
    /// numeric hosts are counted with them) and month.
    pub embeds: BTreeMap<Option<String>, Months>,
    /// Loads of the search page, by month.
    pub search: Months,
}

/// Sums months.
pub fn total(m: &Months) -> u64 {
    m.iter().sum()
}

/// Counts requests into a [`Tally`].
pub struct Counter<'t> {
    targets: &'t Targets,
    year: i32,
    tz: Tz,
    crawlers: Crawlers,
    /// The day last found for a quarter hour of UTC (all timezones' offsets
    /// are whole quarter hours): logs are nearly in order.
    last_quarter: (i64, Option<usize>),
    /// What was counted.
    pub tally: Tally,
}

impl<'t> Counter<'t> {
    /// A counter for `year` in the site's timezone.
    pub fn new(targets: &'t Targets, counts: &SiteCounts, tz: Tz) -> Self {
        let tally = Tally {
            page_views: vec![[0; 12]; counts.pages.len()],
            leaflet_downloads: vec![[0; 12]; counts.leaflets.len()],
            bundle_downloads: vec![[0; 12]; counts.bundles.len()],
            ..Tally::default()
        };
        Counter { targets, year: counts.year, tz, crawlers: Crawlers::new(), last_quarter: (i64::MIN, None), tally }
    }

    /// The month (0–11) of `utc` in the site's timezone, if in the year.
    fn month(&mut self, utc: i64) -> Option<usize> {
        let quarter = utc.div_euclid(900);
        if quarter != self.last_quarter.0 {
            let local = DateTime::from_timestamp(utc, 0).map(|t| t.with_timezone(&self.tz).date_naive());
            let month = local.filter(|d| d.year() == self.year).map(|d| d.month0() as usize);
            self.last_quarter = (quarter, month);
        }
        self.last_quarter.1
    }

    /// Counts one line of file `file` (index), line number `n`.
    pub fn line(&mut self, file: usize, n: u64, line: &[u8]) {
        let t = &mut self.tally;
        t.lines += 1;
        let Some(r) = combined::parse(line) else {
            t.unreadable += 1;
            if t.unreadable_at.len() < NAMED_UNREADABLE {
                t.unreadable_at.push((file, n));
            }
            return;
        };
        let Some(month) = self.month(r.utc) else {
            self.tally.other_year += 1;
            return;
        };
        let t = &mut self.tally;
        if r.method != b"GET" {
            t.not_get += 1;
            return;
        }
        if r.status != 200 && r.status != 304 {
            t.bad_status += 1;
            return;
        }
        if self.crawlers.is_crawler(r.agent) {
            t.crawlers += 1;
            return;
        }
        match self.targets.get(r.path) {
            Some(Target::Page(i)) => t.page_views[i][month] += 1,
            Some(Target::Search) => t.search[month] += 1,
            Some(Target::Leaflet(i)) if r.status == 200 => t.leaflet_downloads[i][month] += 1,
            Some(Target::Bundle(i)) if r.status == 200 => t.bundle_downloads[i][month] += 1,
            Some(Target::Embed) => {
                let host = match referer::host(r.referer) {
                    Host::Name(h) => Some(h),
                    Host::None | Host::Numeric => None,
                };
                let key = if host.is_none() || t.embeds.len() < MAX_HOSTS || t.embeds.contains_key(&host) { host } else { None };
                t.embeds.entry(key).or_insert([0; 12])[month] += 1;
            }
            _ => t.other += 1,
        }
    }
}

impl Tally {
    /// Page views in all.
    pub fn views(&self) -> u64 {
        self.page_views.iter().map(total).sum()
    }

    /// Leaflet and bundle downloads in all.
    pub fn downloads(&self) -> u64 {
        self.leaflet_downloads.iter().chain(&self.bundle_downloads).map(total).sum()
    }

    /// Widget loads in all.
    pub fn embed_loads(&self) -> u64 {
        self.embeds.values().map(total).sum()
    }

    /// Every line accounted for once: the reasons set aside plus what was counted.
    pub fn accounted(&self) -> u64 {
        self.unreadable + self.other_year + self.not_get + self.bad_status + self.crawlers + self.other + self.views() + self.downloads() + self.embed_loads() + total(&self.search)
    }
}
