//! # loa
//!
//! A static-site generator for public awareness campaigns: Markdown campaign
//! material and a calendar of action periods become scheduled static
//! microsites, printable leaflets and embeddable schedules.
//!
//! The pipeline runs one way, and every command uses the same one:
//!
//! 1. [`load`] reads `site.yaml`, `calendar.yaml`, `content/` and the theme
//!    into typed models; every problem becomes a located [`diag::Diagnostic`].
//! 2. [`check`] validates everything that does not depend on the day, for
//!    every page (drafts and embargoed ones included).
//! 3. [`plan`] decides what the site is on one day: campaign states, live
//!    pages, URLs, the next day the output changes. Dates live in [`time`].
//! 4. [`render`] turns the plan into files in memory (HTML with Tera, PDF
//!    leaflets with Typst, feeds, calendars, JSON, widgets).
//! 5. [`write`] puts them into the output folder atomically.
//!
//! [`Site::load`] is steps 1–2 (date-independent, kept by `loa serve` between
//! rebuilds), [`Site::render`] steps 3–4; [`build`] and [`check`] run them
//! for the command line. Helpers at the bottom: [`markdown`] (reading
//! Markdown), [`slug`], [`urls`] (where everything is published),
//! [`url_policy`], [`links`], [`paths`].

#![warn(missing_docs)]
// Diagnostics are large on purpose (file, position, message, hint, source); they
// are only built when something is wrong.
#![allow(clippy::result_large_err)]

/// Items compiled only with the `typeset` feature (Typst, on by default):
/// each is given `#[cfg(feature = "typeset")]`.
macro_rules! with_typeset {
    ($($item:item)*) => { $( #[cfg(feature = "typeset")] $item )* };
}

pub mod check;
pub mod css_loads;
pub mod diag;
pub mod fold;
pub mod hash;
pub mod html_loads;
pub mod i18n;
pub mod links;
pub mod load;
pub mod markdown;
pub mod paths;
pub mod plan;
pub mod reload;
pub mod render;
pub mod report;
pub mod reserved;
pub mod scaffold;
pub mod schedule;
pub mod serve;
pub mod slug;
pub mod speech;
pub mod terminal;
pub mod time;
pub mod timings;
pub mod url_policy;
pub mod urls;
pub mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use diag::{Diagnostic, Diagnostics};
use links::LinkTable;
use load::fonts::Fonts;
use load::Inputs;
use render::{Output, Scope};

/// What `loa build` was asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `ROOT/dist`.
    pub out: Option<PathBuf>,
    /// Build the site as it will be on this day; default today in the site's timezone.
    pub at: Option<NaiveDate>,
    /// Include draft pages.
    pub drafts: bool,
    /// Fail at once when another build is writing to the output folder,
    /// instead of waiting for it.
    pub no_wait: bool,
}

/// What a build or check did.
#[derive(Debug, Clone)]
pub struct Report {
    /// The day the output is for.
    pub as_of: NaiveDate,
    /// The next day on which the output would differ.
    pub next_change: Option<NaiveDate>,
    /// Live pages.
    pub pages: usize,
    /// Pages of the site, drafts and pages outside their window included.
    pub all_pages: usize,
    /// Files in the output (0 for a check).
    pub files: usize,
    /// Files whose bytes changed on disk (0 for a check).
    pub changed: usize,
    /// Leaflet PDFs made (locality copies included).
    pub leaflets: usize,
    /// How many of them were typeset (the others came from the cache).
    pub leaflets_typeset: usize,
    /// Picture files (resized copies, share cards) encoded in this build.
    pub pictures_encoded: usize,
    /// Pictures and share cards reused from the previous output.
    pub pictures_reused: usize,
    /// Leaflet bundles (ZIP files) made.
    pub bundles: usize,
    /// How many of them were compressed (the others came from the cache).
    pub bundles_zipped: usize,
    /// Where the output went (`None` for a check).
    pub out: Option<PathBuf>,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
}

/// A site loaded and checked: everything that does not depend on the day,
/// ready to be rendered for any day.
pub struct Site {
    /// What was read.
    pub inputs: Inputs,
    /// Links between pages.
    pub links: LinkTable,
    /// The compiled templates.
    pub tera: tera::Tera,
    /// The theme's fonts, when anything is typeset (share cards, the print
    /// box, leaflets): loaded here, once, and handed to the renderers.
    pub fonts: Option<Fonts>,
    /// Problems found that do not stop a build.
    pub warnings: Diagnostics,
    /// What the checks found, by page, so an edit is checked again alone.
    findings: check::Findings,
}

/// What to render a loaded site for.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions<'o> {
    /// The day and whether drafts exist.
    pub plan: plan::Options,
    /// The previous output, whose unchanged leaflets are reused.
    pub previous: Option<&'o Path>,
    /// Where renderers keep what they know of the previous build, outside
    /// the output (the writer's working folder); `None` for none.
    pub cache: Option<&'o Path>,
    /// Which pages.
    pub scope: Scope<'o>,
}

impl Site {
    /// Loads the site at `root` and checks it. Every problem is reported at
    /// once: the files' own, the checks', the templates'.
    pub fn load(root: &Path) -> Result<Site, Diagnostics> {
        let t = timings::Timings::from_env("    ");
        // Mistakes in pages' front matter do not stop the checks: every
        // page is checked, and the build stops below with all of them.
        let (inputs, kept) = load::load_checkable(root)?;
        t.lap("load");
        let links = LinkTable::new(&inputs.content, inputs.site.default_language());
        t.lap("link table");
        let mut fonts = None;
        let (findings, mut diags) = match run_checks(&inputs, &links, &mut fonts) {
            Ok(findings) => {
                let all = findings.all();
                (findings, all)
            }
            Err(d) => (check::Findings::default(), d),
        };
        diags.extend(kept.0);
        t.lap("fonts and checks");
        let tera = render::templates::templates(&inputs.theme).map_err(|d| diags.extend(d.0)).ok();
        t.lap("templates");
        diags.sort();
        match tera {
            Some(tera) if !diags.has_errors() => Ok(Site { inputs, links, tera, fonts, warnings: diags, findings }),
            _ => Err(diags),
        }
    }

    /// Runs the checks again after the loaded pages changed (the caller
    /// rescans their links first). Errors are returned; warnings kept.
    pub fn recheck(&mut self) -> Result<(), Diagnostics> {
        let findings = run_checks(&self.inputs, &self.links, &mut self.fonts)?;
        self.accept(findings)
    }

    /// Runs the checks again after the *text* of pages `changed` (by index)
    /// changed and their front matter did not (the caller rescans their
    /// links first): those pages and the pages linking to their headings
    /// are checked again; what depends on front matter alone stands.
    /// Errors are returned and the previous findings kept; warnings kept.
    pub fn recheck_text(&mut self, changed: &[usize]) -> Result<(), Diagnostics> {
        let mut findings = self.findings.clone();
        check::recheck_text(&mut findings, &self.inputs, &self.links, self.fonts.as_ref(), changed);
        self.accept(findings)
    }

    /// Keeps `findings` if they hold no error.
    fn accept(&mut self, findings: check::Findings) -> Result<(), Diagnostics> {
        let diags = findings.all();
        if diags.has_errors() {
            return Err(diags);
        }
        self.warnings = diags;
        self.findings = findings;
        Ok(())
    }

    /// Plans and renders the site for `opts` into `out`.
    pub fn render_into(&self, opts: &RenderOptions<'_>, out: &Output<'_>) -> Result<Report, Diagnostics> {
        let plan = plan::Plan::new(&self.inputs, &self.links, opts.plan);
        let render_opts = render::Options { previous: opts.previous, cache: opts.cache, fonts: self.fonts.as_ref(), scope: opts.scope };
        let rendered = render::render(&plan, &self.tera, &render_opts, out).map_err(|mut d| {
            d.extend(self.warnings.iter().cloned());
            d.sort();
            d
        })?;
        let mut warnings = self.warnings.clone();
        warnings.extend(rendered.warnings.0);
        warnings.sort();
        Ok(Report {
            as_of: plan.as_of,
            next_change: plan.next_change,
            pages: plan.live_pages().count(),
            all_pages: plan.pages().count(),
            files: out.len(),
            changed: 0,
            leaflets: rendered.leaflets,
            leaflets_typeset: rendered.leaflets_typeset,
            pictures_encoded: rendered.pictures_encoded,
            pictures_reused: rendered.pictures_reused,
            bundles: rendered.bundles,
            bundles_zipped: rendered.bundles_zipped,
            out: None,
            warnings,
        })
    }

    /// Plans and renders the site for `opts` into memory.
    pub fn render(&self, opts: &RenderOptions<'_>) -> Result<(Output<'static>, Report), Diagnostics> {
        let out = Output::in_memory();
        let report = self.render_into(opts, &out)?;
        Ok((out, report))
    }
}

/// The date-independent checks, loading the leaflet fonts first when some
/// page needs them (and they are not loaded yet).
fn run_checks(inputs: &Inputs, links: &LinkTable, fonts: &mut Option<Fonts>) -> Result<check::Findings, Diagnostics> {
    if fonts.is_none() && check::needs_fonts(inputs) {
        *fonts = Some(load::fonts::load(&inputs.theme)?);
    }
    Ok(check::check(inputs, links, fonts.as_ref()))
}

/// Loads, checks, plans and renders the site at `root` into memory, as of
/// `at` (default today), writing nothing. Leaflets listed in the output
/// folder `previous` with an unchanged key are reused. `loa build` is this
/// plus [`write::Writer`].
pub fn render_in_memory(root: &Path, at: Option<NaiveDate>, drafts: bool, previous: Option<&Path>) -> Result<(Output<'static>, Report), Diagnostics> {
    let site = Site::load(root)?;
    site.render(&RenderOptions { plan: plan::Options { at, drafts, preview: false }, previous, cache: None, scope: Scope::All })
}

/// The output folder of the site at `root` when none is named: `ROOT/dist`.
pub fn default_out(root: &Path) -> PathBuf {
    root.join("dist")
}

/// Builds the site at `root` into its output folder: loads and checks it,
/// takes the output folder's lock, renders straight into the writer (which
/// writes only what changed), and puts the new output in place atomically.
/// On any error the previous output stays as it was.
pub fn build(root: &Path, opts: &BuildOptions) -> Result<Report, Diagnostics> {
    let timings = timings::Timings::from_env("");
    let out_dir = opts.out.clone().unwrap_or_else(|| default_out(root));
    let site = Site::load(root)?;
    timings.lap("load and check");
    let writer = write::Writer::open(root, &out_dir, &write::Options { no_wait: opts.no_wait })?;
    timings.lap("lock and prepare the output");
    let output = Output::to(&writer);
    let cache = writer.cache();
    let render_opts = RenderOptions { plan: plan::Options { at: opts.at, drafts: opts.drafts, preview: false }, previous: writer.previous(), cache: cache.as_deref(), scope: Scope::All };
    let mut report = site.render_into(&render_opts, &output)?;
    timings.lap("plan, render and compare");
    // What was loaded is freed on a pool thread while the output is put in
    // place (at the end of `loa build` the process ends without waiting).
    rayon::spawn(move || drop(site));
    let paths = output.paths();
    drop(output);
    let out = writer.out().to_path_buf();
    let written = writer.finish(&paths)?;
    timings.lap("put the output in place");
    report.files = written.files;
    report.changed = written.changed;
    report.warnings.extend(written.warnings.0);
    report.out = Some(out);
    Ok(report)
}

/// The schedule of the site at `root` between `from` and `to` (default: today
/// in the site's timezone to one year on).
pub fn schedule(root: &Path, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<schedule::Schedule, Diagnostics> {
    let inputs = load::load(root)?;
    let from = from.unwrap_or_else(|| time::today(inputs.calendar.timezone));
    let to = to.unwrap_or_else(|| from.checked_add_months(chrono::Months::new(12)).unwrap_or(from));
    if to < from {
        return Err(Diagnostic::error("--to", None, t!("schedule-to-before-from", to = to, from = from)).into());
    }
    Ok(schedule::schedule(&inputs, root, from, to))
}

/// Loads and checks everything, for every page whatever the day, and renders
/// in memory for today (with drafts), writing nothing.
pub fn check(root: &Path) -> Result<Report, Diagnostics> {
    let dist = default_out(root);
    let previous = write::reusable(&dist).then_some(dist.as_path());
    render_in_memory(root, None, true, previous).map(|(_, mut r)| {
        r.files = 0;
        r
    })
}
