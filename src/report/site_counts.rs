//! What the site published in a year, from the site alone: each campaign's
//! occurrences, each page's days live (by the plan's own fingerprint of
//! each day, [`crate::plan::change`], so a page counts the days it was
//! really in the output), the leaflets and bundles that were published,
//! and the pages that are also loudspeaker bulletins (`broadcast:`).

use chrono::{Datelike, NaiveDate};

use crate::load::content::{PageKind, Variants};
use crate::load::Inputs;
use crate::plan::change::{self, Fingerprint};
use crate::time::occurrence;
use crate::urls;

/// The site's side of the report for one year.
#[derive(Debug, Clone)]
pub struct SiteCounts {
    /// The year.
    pub year: i32,
    /// Days in the year.
    pub days: u32,
    /// Every campaign of the calendar, in its order.
    pub campaigns: Vec<CampaignRow>,
    /// Every page of the content (drafts too, with no day live), in content order.
    pub pages: Vec<PageRow>,
    /// Every leaflet file a live page had in the year.
    pub leaflets: Vec<LeafletRow>,
    /// Every bundle address the site can have.
    pub bundles: Vec<BundleRow>,
    /// The pages that are also bulletins for commune loudspeakers.
    pub bulletins: Vec<BulletinRow>,
    /// The localities of `localities.yaml`: id and name.
    pub localities: Vec<(String, String)>,
}

/// A campaign in the year.
#[derive(Debug, Clone)]
pub struct CampaignRow {
    /// Its id.
    pub id: String,
    /// Its title in the site's language.
    pub title: String,
    /// Its occurrences that touch the year: first and last day.
    pub occurrences: Vec<(NaiveDate, NaiveDate)>,
}

/// A page in the year.
#[derive(Debug, Clone)]
pub struct PageRow {
    /// Its URL path.
    pub url: String,
    /// Its title.
    pub title: String,
    /// Its language.
    pub lang: String,
    /// Its campaign's id, if it belongs to one.
    pub campaign: Option<String>,
    /// Who it is for (`audience:`).
    pub audience: Vec<String>,
    /// Days of the year on which it was live.
    pub days_live: u32,
}

/// A leaflet file (a format of a page, or a locality's copy of it).
#[derive(Debug, Clone)]
pub struct LeafletRow {
    /// Its URL path.
    pub path: String,
    /// The page it is made of (index in [`SiteCounts::pages`]).
    pub page: usize,
    /// `a4`, `a5`, `trifold`.
    pub format: &'static str,
    /// The locality of the copy (index in [`SiteCounts::localities`]), or
    /// `None` for the general version.
    pub locality: Option<usize>,
}

/// What a bundle holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleKind {
    /// Every leaflet.
    All,
    /// One campaign's (index in [`SiteCounts::campaigns`]) or, `None`, the site-wide pages'.
    Group(Option<usize>),
    /// One locality's copies (index in [`SiteCounts::localities`]).
    Locality(usize),
}

/// A bundle of leaflets (a ZIP file).
#[derive(Debug, Clone)]
pub struct BundleRow {
    /// Its URL path.
    pub path: String,
    /// What it holds.
    pub kind: BundleKind,
}

/// A page that is also a loudspeaker bulletin.
#[derive(Debug, Clone)]
pub struct BulletinRow {
    /// The page (index in [`SiteCounts::pages`]).
    pub page: usize,
    /// Its air times, `06:00`.
    pub times: Vec<String>,
    /// Air slots in the year: each air time on each day the page was live
    /// (only on its `days:` when it names weekdays).
    pub air_slots: u32,
}

/// The first and last day of `year`.
pub fn bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

/// Counts what the site published in `year`.
pub fn count(inputs: &Inputs, year: i32) -> SiteCounts {
    let site = &inputs.site;
    let def = site.default_language();
    let Some((first, last)) = bounds(year) else {
        return SiteCounts { year, days: 0, campaigns: Vec::new(), pages: Vec::new(), leaflets: Vec::new(), bundles: Vec::new(), bulletins: Vec::new(), localities: Vec::new() };
    };
    let days = last.ordinal();
    let campaigns = inputs
        .calendar
        .campaigns
        .iter()
        .map(|c| CampaignRow {
            id: c.id.clone(),
            title: c.title.get(def, def).to_owned(),
            occurrences: occurrence::of_campaign(&c.timing, year - 1, year).into_iter().filter(|o| o.end >= first && o.start <= last).map(|o| (o.start, o.end)).collect(),
        })
        .collect();

    // The days on which the output changes cut the year into runs of days
    // with the same live pages: each run counts for each page live in it.
    let live_days = live_days(inputs, first, last);
    let pages: Vec<PageRow> = inputs
        .content
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| PageRow {
            url: urls::page(site, p),
            title: p.front.title.clone(),
            lang: p.lang.clone(),
            campaign: p.kind.campaign().map(str::to_owned),
            audience: p.front.audience.clone(),
            days_live: live_days[i].iter().map(|(a, b)| (*b - *a).num_days() as u32 + 1).sum(),
        })
        .collect();

    let locs = inputs.localities.as_deref().unwrap_or_default();
    let localities: Vec<(String, String)> = locs.iter().map(|l| (l.id.clone(), l.name.get(def, def).to_owned())).collect();
    let mut leaflets = Vec::new();
    for (i, p) in inputs.content.pages.iter().enumerate() {
        if pages[i].days_live == 0 || !matches!(p.kind, PageKind::CampaignPage(_) | PageKind::SitePage) {
            continue;
        }
        for &format in &p.front.leaflet {
            let mut variants: Vec<Option<usize>> = vec![None];
            if p.front.variants == Some(Variants::Localities) {
                variants.extend((0..locs.len()).map(Some));
            }
            for locality in variants {
                let stem = urls::leaflet_stem(p, def, format, locality.map(|l| locs[l].id.as_str()));
                leaflets.push(LeafletRow { path: urls::of_file(site, &format!("{stem}.pdf")), page: i, format: format.name(), locality });
            }
        }
    }

    let mut bundles = vec![BundleRow { path: urls::of_file(site, &urls::bundle_all()), kind: BundleKind::All }];
    bundles.extend(inputs.calendar.campaigns.iter().enumerate().map(|(i, c)| BundleRow { path: urls::of_file(site, &urls::bundle_group(Some(&c.id))), kind: BundleKind::Group(Some(i)) }));
    bundles.push(BundleRow { path: urls::of_file(site, &urls::bundle_group(None)), kind: BundleKind::Group(None) });
    bundles.extend(locs.iter().enumerate().map(|(i, l)| BundleRow { path: urls::of_file(site, &urls::bundle_locality(&l.id)), kind: BundleKind::Locality(i) }));

    // The seam for loudspeaker bulletins: any page with `broadcast:`.
    let bulletins = inputs
        .content
        .pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let b = p.front.broadcast.as_ref()?;
            let aired_days: u32 = live_days[i].iter().map(|&(a, z)| a.iter_days().take_while(|d| *d <= z).filter(|d| b.airs_on(d.weekday())).count() as u32).sum();
            Some(BulletinRow { page: i, times: b.times.iter().map(ToString::to_string).collect(), air_slots: aired_days * b.times.len() as u32 })
        })
        .collect();

    SiteCounts { year, days, campaigns, pages, leaflets, bundles, bulletins, localities }
}

/// For each page (content order), the runs of days in `[first, last]` on
/// which it was live: the plan's fingerprint on the first day and on each
/// day the output changes ([`change::change_dates`]) holds until the next.
fn live_days(inputs: &Inputs, first: NaiveDate, last: NaiveDate) -> Vec<Vec<(NaiveDate, NaiveDate)>> {
    let mut starts = vec![first];
    starts.extend(change::change_dates(inputs, false, first, last));
    let mut runs: Vec<Vec<(NaiveDate, NaiveDate)>> = vec![Vec::new(); inputs.content.pages.len()];
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).and_then(|d| d.pred_opt()).unwrap_or(last);
        let fp = Fingerprint::at(inputs, false, start);
        for (i, &live) in fp.live.iter().enumerate() {
            if !live {
                continue;
            }
            match runs[i].last_mut() {
                Some((_, z)) if z.succ_opt() == Some(start) => *z = end,
                _ => runs[i].push((start, end)),
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs between change days give each page the same days as asking
    /// the plan about every single day of the year.
    #[test]
    fn days_live_match_the_plan_day_by_day() {
        let inputs = crate::load::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        for year in [2026, 2027, 2028] {
            let counts = count(&inputs, year);
            let (first, last) = bounds(year).unwrap();
            let mut brute = vec![0u32; inputs.content.pages.len()];
            for d in first.iter_days().take_while(|d| *d <= last) {
                for (i, live) in Fingerprint::at(&inputs, false, d).live.into_iter().enumerate() {
                    brute[i] += u32::from(live);
                }
            }
            let got: Vec<u32> = counts.pages.iter().map(|p| p.days_live).collect();
            assert_eq!(got, brute, "{year}");
            assert!(got.iter().any(|&d| d > 0 && d < counts.days), "{year}: some page lives part of the year");
        }
    }
}
