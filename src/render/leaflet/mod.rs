//! Printable leaflets: PDFs typeset in-process by Typst from the same Markdown
//! as the pages.
//!
//! A live page with `leaflet: a4 | a5 | trifold | booklet | poster-a3 |
//! poster-a2` (or a list) gets one PDF per format — a booklet two: its pages
//! in reading order, and imposed for printing — and with `variants:
//! localities` also one per entry of `localities.yaml`; with `leaflets:
//! {print_shop: true}` in `site.yaml`, each PDF (a booklet's reading order)
//! also has a copy for print shops ([`crate::render::typst::print_shop`]).
//! Their paths are [`crate::urls::leaflet_stem`]'s,
//! [`crate::urls::booklet_print_stem`]'s and [`crate::urls::print_shop_stem`]'s.
//!
//! The rooms, in the order a leaflet goes through them:
//!
//! - [`prepare`]: the page → its data ([`data`]), images and QR code ([`crate::render::typst::qr`]);
//! - [`cache`]: its key, and the same leaflet taken from the previous output
//!   when the key is unchanged;
//! - [`typeset`]: the template compiled in a world of its own ([`crate::render::typst::world`]),
//!   exported as PDF and thumbnail, many at once on a pool of threads;
//! - [`index`]: the download links and the list for schools (by campaign,
//!   audience and school level);
//! - [`bundle`]: the ZIP files of many leaflets, reused when unchanged.
//!
//! Everything that can be wrong with a leaflet whatever the day (keys,
//! templates, characters the fonts lack) is checked before, by
//! [`crate::check`]; here only Typst's own errors can remain.

// Without the `typeset` feature the leaflets' pages are still read and
// checked, but none is made: what would make them goes unused.
#![cfg_attr(not(feature = "typeset"), allow(dead_code, unused_imports))]

pub mod bundle;
pub mod data;
pub mod index;
with_typeset! {
    pub mod cache;
    pub mod prepare;
    pub mod typeset;
    use cache::{Cache, Done, Stored};
    use prepare::Prepared;
    use typeset::Job;
}

use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::sync::Mutex;

use rayon::prelude::*;

use super::{Output, Source};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::content::{LeafletFormat, PageKind, Variants};
use crate::plan::{PageId, Plan};
use crate::urls;
use crate::render::made::leaflets::Leaflets;
use crate::render::made::leaflets::{LeafletCtx, LocalityCtx, PrintCtx, ShopCtx};
use crate::render::human::human_size;
use crate::render::pictures::Pictures;
use crate::render::typst::{threads, Shared};

/// More leaflets to typeset than this, on a terminal, shows a progress bar.
const PROGRESS_ABOVE: usize = 36;

/// How leaflets are made, from the renderers' context.
#[derive(Debug, Clone, Copy)]
struct Options<'o> {
    /// The previous output folder, whose leaflets are reused when their key
    /// is unchanged; `None` typesets everything.
    previous: Option<&'o std::path::Path>,
    /// The build's Typst room (with the fonts the loaded site holds).
    room: Option<&'o Shared>,
    /// The published pictures, whose stripped bytes leaflets print.
    pictures: &'o Pictures,
}

/// The live pages that make leaflets.
fn wanted(plan: &Plan<'_>) -> Vec<PageId> {
    plan.live_pages().filter(|p| !p.page.front.leaflet.is_empty() && matches!(p.page.kind, PageKind::CampaignPage(_) | PageKind::SitePage)).map(|p| p.id).collect()
}

/// The pictures leaflets print (by output path): the files linked by the
/// live pages that have leaflets.
pub fn printed_pictures(plan: &Plan<'_>) -> std::collections::HashSet<String> {
    wanted(plan).into_iter().flat_map(|id| plan.files_linked_by(id).map(str::to_owned)).collect()
}

#[cfg(feature = "typeset")]
/// Every PDF to make, with its cache key: each format of each page, and each
/// locality's copy.
fn jobs<'p>(plan: &Plan<'_>, shared: &Shared, prepared: &'p [Prepared]) -> Vec<Job<'p>> {
    let def = plan.site().default_language();
    let locs = plan.localities();
    let mut jobs = Vec::new();
    for prep in prepared {
        let page = plan.page(prep.page).page;
        for &format in &page.front.leaflet {
            let mut variants: Vec<Option<usize>> = vec![None];
            if page.front.variants == Some(Variants::Localities) {
                variants.extend((0..locs.len()).map(Some));
            }
            for locality in variants {
                let stem = urls::leaflet_stem(page, def, format, locality.map(|l| locs[l].id.as_str()));
                let contact = locality.map(|l| prepare::contact(&locs[l], &page.lang, def));
                let print_stem = (format == LeafletFormat::Booklet).then(|| urls::booklet_print_stem(page, def, locality.map(|l| locs[l].id.as_str())));
                let shop_stem = plan.site().print_shop.then(|| urls::print_shop_stem(page, def, format, locality.map(|l| locs[l].id.as_str())));
                let mut job = Job { prep, format, locality, stem, contact, print_stem, shop_stem, key: String::new() };
                job.key = cache::key(shared, &job);
                jobs.push(job);
            }
        }
    }
    jobs
}

#[cfg(feature = "typeset")]
/// Typesets the jobs that the cache does not have, in parallel, with a
/// progress bar on a terminal when there are many. Typst's warnings go to
/// `diags`, each once.
/// Each finished leaflet goes to `out` at once (its bytes are not kept).
fn typeset_all(shared: &Shared, jobs: &[Job<'_>], cache: Option<&Cache>, plan: &Plan<'_>, out: &Output<'_>, pictures: &Pictures, diags: &mut Diagnostics) -> Vec<Result<Done, Vec<Diagnostic>>> {
    let hits: Vec<Option<Done>> = jobs.par_iter().map(|j| cache.and_then(|c| c.get(&j.key, j.locality.is_none()))).collect();
    let misses = hits.iter().filter(|h| h.is_none()).count();
    let bar = (misses > PROGRESS_ABOVE && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(misses as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} ({eta})") {
            bar.set_style(style);
        }
        bar.set_message(crate::t!("cli-progress-leaflets").into_string());
        bar
    });
    let warnings = Mutex::new(Vec::new());
    let one = |(job, hit): (&Job<'_>, Option<Done>)| -> Result<Done, Vec<Diagnostic>> {
        let mut done = match hit {
            Some(done) => done,
            None => {
                let made = typeset::typeset(shared, job, job.locality.is_none(), pictures, &warnings);
                if let Some(b) = &bar {
                    b.inc(1);
                }
                Done::made(made?)
            }
        };
        put(out, format!("{}.pdf", job.stem), &mut done.pdf);
        if let (Some((imposed, _, _)), Some(stem)) = (&mut done.imposed, &job.print_stem) {
            put(out, format!("{stem}.pdf"), imposed);
        }
        if let (Some((shop, _, _)), Some(stem)) = (&mut done.shop, &job.shop_stem) {
            put(out, format!("{stem}.pdf"), shop);
        }
        if let Some(png) = &mut done.png {
            put(out, format!("{}.png", job.stem), png);
        }
        Ok(done)
    };
    let results = threads::in_parallel(jobs.iter().zip(hits).collect(), one)
        .into_iter()
        .zip(jobs)
        .map(|(r, job)| {
            r.unwrap_or_else(|| {
                Err(vec![Diagnostic::error(&plan.page(job.prep.page).page.source, None, crate::t!("leaflet-failed", format = job.format.name()))
                    .with_hint(crate::t!("leaflet-failed-hint"))])
            })
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut seen = BTreeSet::new();
    for w in warnings.into_inner().unwrap_or_else(|e| e.into_inner()) {
        if seen.insert((w.file.clone(), w.position, w.message().to_owned())) {
            diags.push(w);
        }
    }
    results
}

/// Makes every leaflet of the plan's live pages into `out`.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>, pictures: &Pictures) -> Result<Leaflets, Diagnostics> {
    let plan = cx.plan;
    let opts = &Options { previous: cx.opts.previous, room: cx.room, pictures };
    let wanted = wanted(plan);
    if wanted.is_empty() {
        return Ok(Leaflets::default());
    }
    let shared = crate::render::typst::needed(opts.room)?;
    make(plan, out, opts, shared, &wanted)
}

/// Without the `typeset` feature no room exists to call this with.
#[cfg(not(feature = "typeset"))]
fn make(_plan: &Plan<'_>, _out: &Output<'_>, _opts: &Options<'_>, shared: &Shared, _wanted: &[PageId]) -> Result<Leaflets, Diagnostics> {
    match *shared {}
}

/// Typesets (or reuses) the leaflets of the `wanted` pages, their bundles
/// and the leaflets' indexes.
#[cfg(feature = "typeset")]
fn make(plan: &Plan<'_>, out: &Output<'_>, opts: &Options<'_>, shared: &Shared, wanted: &[PageId]) -> Result<Leaflets, Diagnostics> {
    let site = plan.site();
    let def = site.default_language();
    let mut diags = Diagnostics::new();
    let prepared: Vec<Prepared> = wanted.iter().map(|&id| prepare::prepare(plan, id, opts.pictures, &mut diags)).collect();
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    let jobs = jobs(plan, shared, &prepared);
    let cache = opts.previous.and_then(Cache::open);
    let results = typeset_all(shared, &jobs, cache.as_ref(), plan, out, opts.pictures, &mut diags);

    let locs = plan.localities();
    let theme = plan.theme();
    let mut made = Leaflets::default();
    let mut manifest = BTreeMap::new();
    let mut by_page: BTreeMap<PageId, BTreeMap<LeafletFormat, LeafletCtx>> = BTreeMap::new();
    let mut files = BTreeMap::new();
    let mut errors = Diagnostics::new();
    let mut seen_errors = BTreeSet::new();
    for (job, res) in jobs.iter().zip(results) {
        let page = plan.page(job.prep.page).page;
        let done = match res {
            Ok(d) => d,
            Err(ds) => {
                for d in ds {
                    if seen_errors.insert((d.file.clone(), d.position, d.message().to_owned())) {
                        errors.push(d.with_hint(crate::t!("leaflet-while-making", format = job.format.name(), page = &page.source)));
                    }
                }
                continue;
            }
        };
        manifest.insert(job.key.clone(), done.entry(job));
        let general = urls::leaflet_stem(page, def, job.format, None);
        let in_bundle = |stem: &str| format!("{}.pdf", stem.strip_prefix(&format!("{}/", urls::LEAFLETS_DIR)).unwrap_or(stem));
        let mut members = vec![bundle::Made { path: format!("{}.pdf", job.stem), name: in_bundle(&general), hash: done.hash.clone(), companion: false, print_shop: false }];
        if let (Some((_, _, hash)), Some(stem)) = (&done.imposed, &job.print_stem) {
            members.push(bundle::Made { path: format!("{stem}.pdf"), name: in_bundle(&urls::booklet_print_stem(page, def, None)), hash: hash.clone(), companion: true, print_shop: false });
        }
        if let (Some((_, _, hash)), Some(stem)) = (&done.shop, &job.shop_stem) {
            members.push(bundle::Made { path: format!("{stem}.pdf"), name: in_bundle(&urls::print_shop_stem(page, def, job.format, None)), hash: hash.clone(), companion: false, print_shop: true });
        }
        files.insert((job.prep.page, job.format, job.locality), members);
        let copies = 1 + usize::from(done.imposed.is_some()) + usize::from(done.shop.is_some());
        made.typeset += usize::from(done.typeset) * copies;
        made.files += copies;
        if job.locality.is_none() {
            let at = page.front.position("leaflet");
            if let Some(d) = fit_warning(job.format, &done) {
                diags.push(d.at(&page.source, at).with_source(&page.text));
            }
            if let Some(why) = &done.not_ua {
                diags.push(
                    Diagnostic::warning(&page.source, at, crate::t!("leaflet-not-ua", format = job.format.name(), why = why.as_str()))
                        .with_hint(crate::t!("leaflet-not-ua-hint"))
                        .with_source(&page.text),
                );
            }
        }
        let url = urls::of_file(site, &format!("{}.pdf", job.stem));
        let lang = page.lang.as_str();
        let print = done.imposed.as_ref().zip(job.print_stem.as_ref()).map(|((_, len, _), stem)| PrintCtx {
            url: urls::of_file(site, &format!("{stem}.pdf")),
            sheets: done.pages.div_ceil(4),
            sheets_label: theme.string(lang, "leaflet_sheets").replace("{n}", &done.pages.div_ceil(4).to_string()),
            bytes: *len,
            size: human_size(*len, lang),
        });
        let shop = done.shop.as_ref().zip(job.shop_stem.as_ref()).map(|((_, len, _), stem)| ShopCtx { url: urls::of_file(site, &format!("{stem}.pdf")), bytes: *len, size: human_size(*len, lang) });
        let entry = by_page.entry(job.prep.page).or_default();
        match job.locality {
            None => {
                let thumbnail = done.png.is_some().then(|| urls::of_file(site, &format!("{}.png", job.stem)));
                let localities = entry.remove(&job.format).map(|c| c.localities).unwrap_or_default();
                entry.insert(
                    job.format,
                    LeafletCtx {
                        format: job.format.name(),
                        format_label: theme.string(lang, &format!("leaflet_format_{}", job.format.key())).to_owned(),
                        url,
                        pages: done.pages,
                        pages_label: theme.string(lang, if done.pages == 1 { "leaflet_pages_one" } else { "leaflet_pages" }).replace("{n}", &done.pages.to_string()),
                        bytes: done.pdf_len,
                        size: human_size(done.pdf_len, lang),
                        thumbnail,
                        thumbnail_width: done.thumb_size.map(|(w, _)| w.div_ceil(2)),
                        thumbnail_height: done.thumb_size.map(|(_, h)| h.div_ceil(2)),
                        localities,
                        print,
                        print_shop: shop,
                    },
                );
            }
            Some(l) => {
                if let Some(ctx) = entry.get_mut(&job.format) {
                    ctx.localities.push(LocalityCtx { id: locs[l].id.clone(), name: locs[l].name.get(lang, def).to_owned(), url, size: human_size(done.pdf_len, lang), print, print_shop: shop });
                }
            }
        }
    }
    if !manifest.is_empty() {
        out.add(urls::LEAFLET_MANIFEST, cache::manifest(&manifest));
    }
    if errors.has_errors() {
        errors.extend(diags.0.into_iter().filter(|d| d.is_error()));
        errors.sort();
        return Err(errors);
    }
    made.by_page = by_page.into_iter().map(|(i, m)| (i, m.into_values().collect())).collect();
    made.groups = index::groups(plan, &made.by_page);
    made.audiences = index::by_audience(plan, &made.by_page);
    made.levels = index::by_school_level(plan, &made.by_page);
    let ordered = index::ordered(plan, &made.by_page);
    (made.bundles, made.bundles_zipped) = bundle::render(plan, out, opts.previous, &ordered, &files)?;
    diags.sort();
    made.warnings = diags;
    Ok(made)
}

#[cfg(feature = "typeset")]
/// A warning that the page does not fit its format, naming the format that
/// fits: a tri-fold too long for its two sides (an A4 leaflet up to three
/// sides' worth, else a booklet), a tri-fold whose inside is mostly blank (an
/// A5 leaflet), a poster that runs onto a second page.
fn fit_warning(format: LeafletFormat, done: &Done) -> Option<Fit> {
    match format {
        LeafletFormat::Trifold if !done.fits => {
            let fits = if done.pages <= 3 { LeafletFormat::A4 } else { LeafletFormat::Booklet };
            Some(Fit(crate::t!("leaflet-trifold-too-long", sides = done.pages), crate::t!("leaflet-trifold-too-long-hint", format = fits.name())))
        }
        LeafletFormat::Trifold => done.sparse.map(|p| Fit(crate::t!("leaflet-trifold-short", percent = p), crate::t!("leaflet-trifold-short-hint"))),
        LeafletFormat::PosterA3 | LeafletFormat::PosterA2 if done.pages > 1 => {
            Some(Fit(crate::t!("leaflet-poster-too-long", format = format.name(), pages = done.pages), crate::t!("leaflet-poster-too-long-hint")))
        }
        _ => None,
    }
}

/// A warning's message and hint, before it is located.
struct Fit(crate::i18n::Msg, crate::i18n::Msg);

impl Fit {
    fn at(self, file: &std::path::Path, at: Option<crate::diag::Position>) -> Diagnostic {
        Diagnostic::warning(file, at, self.0).with_hint(self.1)
    }
}

#[cfg(feature = "typeset")]
/// Puts a finished file into the output — bytes typeset now, or a copy from
/// the previous output — and forgets its bytes.
fn put(out: &Output<'_>, path: String, stored: &mut Stored) {
    match std::mem::replace(stored, Stored::Put) {
        Stored::Memory(b) => out.add(path, b),
        Stored::Cached(p) => out.copy(path, Source::File(p)),
        Stored::Put => {}
    }
}
