//! # loa
//!
//! A static-site generator for public awareness campaigns: Markdown campaign
//! material and a calendar of action periods become scheduled static microsites.
//!
//! The pipeline runs one way:
//!
//! 1. [`load`] reads `site.yaml`, `calendar.yaml`, `content/` and the theme into
//!    typed models; every problem becomes a located [`diag::Diagnostic`].
//! 2. [`plan`] decides what the site is on one day: campaign states, live pages,
//!    URLs, the next day the output changes. Dates live in [`time`].
//! 3. [`render`] turns the plan into files in memory (HTML with Tera, PDF
//!    leaflets with Typst, sitemap, `build.json`).
//! 4. [`write`] swaps them into the output folder atomically.
//!
//! [`build`] and [`check`] run the pipeline; [`scaffold`] makes new sites and pages.

#![warn(missing_docs)]
// Diagnostics are large on purpose (file, position, message, hint, source); they
// are only built when something is wrong.
#![allow(clippy::result_large_err)]

pub mod diag;
pub mod links;
pub mod load;
pub mod plan;
pub mod render;
pub mod scaffold;
pub mod schedule;
pub mod serve;
pub mod time;
pub mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use diag::{Diagnostic, Diagnostics};
use render::{Output, Source};

/// What `loa build` was asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `ROOT/dist`.
    pub out: Option<PathBuf>,
    /// Build the site as it will be on this day; default today in the site's timezone.
    pub at: Option<NaiveDate>,
    /// Include draft pages.
    pub drafts: bool,
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
    /// Files written (0 for a check).
    pub files: usize,
    /// Leaflet PDFs made (locality copies included).
    pub leaflets: usize,
    /// How many of them were typeset (the others came from the cache).
    pub leaflets_typeset: usize,
    /// Where the output went (`None` for a check).
    pub out: Option<PathBuf>,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
}

/// Loads, checks, plans and renders the site at `root` into memory, as of `at`
/// (default today), writing nothing. Leaflets whose content hash is listed in
/// the output folder `previous` are copied from it instead of typeset. `loa
/// build` is this plus [`write::write`].
pub fn render_in_memory(root: &Path, at: Option<NaiveDate>, drafts: bool, previous: Option<&Path>) -> Result<(Output, Report), Diagnostics> {
    run(root, at, drafts, previous)
}

fn run(root: &Path, at: Option<NaiveDate>, drafts: bool, previous: Option<&Path>) -> Result<(Output, Report), Diagnostics> {
    let inputs = load::load(root)?;
    let links = links::LinkTable::new(&inputs.content);
    let mut diags = plan::check(&inputs, &links);
    diags.extend(inputs.theme.warnings.iter().cloned());
    let tera = render::html::templates(&inputs.theme).map_err(|d| {
        let mut all = diags.clone();
        all.extend(d.0);
        all.sort();
        all
    })?;
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    let plan = plan::Plan::new(&inputs, &links, plan::Options { at, drafts, preview: false });
    let (out, leaflets) = render_all(&plan, &tera, previous).map_err(|mut d| {
        d.extend(diags.0.iter().cloned());
        d.sort();
        d
    })?;
    diags.extend(leaflets.warnings.0.iter().cloned());
    diags.sort();
    let report = Report {
        as_of: plan.as_of,
        next_change: plan.next_change,
        pages: plan.live_pages().count(),
        files: 0,
        leaflets: leaflets.files,
        leaflets_typeset: leaflets.typeset,
        out: None,
        warnings: diags,
    };
    Ok((out, report))
}

/// Renders every output of a plan into memory; leaflets listed in the
/// `previous` output with the same content hash are copied, not typeset.
pub fn render_all(plan: &plan::Plan<'_>, tera: &tera::Tera, previous: Option<&Path>) -> Result<(Output, render::leaflet::Leaflets), Diagnostics> {
    let mut out = Output::default();
    let leaflets = render::leaflet::render(plan, &mut out, &render::leaflet::Options { previous: previous.map(Path::to_path_buf) })?;
    render::html::render(plan, tera, &leaflets, &mut out)?;
    render::embed::render(plan, tera, &mut out)?;
    render::ics::render(plan, &mut out);
    render::json::render(plan, &mut out);
    render::feeds::render(plan, &mut out);
    render::meta::build_json(plan, &mut out);
    render::meta::sitemap(plan, &mut out);
    copy_files(plan, &mut out)?;
    Ok((out, leaflets))
}

/// Adds the theme's static files and the content's assets to the output.
fn copy_files(plan: &plan::Plan<'_>, out: &mut Output) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::new();
    for (path, bytes) in &plan.inputs.theme.statics {
        out.copy(path.clone(), Source::from(bytes));
    }
    for asset in &plan.inputs.content.assets {
        if out.contains(&asset.output) {
            diags.push(Diagnostic::error(&asset.source, None, format!("this file would overwrite the generated {}", asset.output)).with_hint("rename the file"));
            continue;
        }
        out.copy(asset.output.clone(), Source::File(plan.inputs.root.join(&asset.source)));
    }
    if diags.has_errors() { Err(diags) } else { Ok(()) }
}

/// Builds the site at `root` into its output folder. On any error nothing is
/// written and the previous output stays as it was.
pub fn build(root: &Path, opts: &BuildOptions) -> Result<Report, Diagnostics> {
    let out_dir = opts.out.clone().unwrap_or_else(|| root.join("dist"));
    write::check_out_dir(root, &out_dir)?;
    // The previous output is the leaflet cache, if loa wrote it.
    let previous = out_dir.join(write::MARKER).is_file().then_some(out_dir.as_path());
    let (output, mut report) = run(root, opts.at, opts.drafts, previous)?;
    report.files = write::write(&out_dir, &output)?;
    report.out = Some(out_dir);
    Ok(report)
}

/// The schedule of the site at `root` between `from` and `to` (default: today
/// in the site's timezone to one year on).
pub fn schedule(root: &Path, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<schedule::Schedule, Diagnostics> {
    let inputs = load::load(root)?;
    let from = from.unwrap_or_else(|| time::today(inputs.calendar.timezone));
    let to = to.unwrap_or_else(|| from.checked_add_months(chrono::Months::new(12)).unwrap_or(from));
    if to < from {
        return Err(Diagnostic::error("--to", None, format!("--to {to} is before --from {from}")).into());
    }
    Ok(schedule::schedule(&inputs, root, from, to))
}

/// Loads and checks everything (and renders in memory for today, to catch
/// template errors) without writing anything.
pub fn check(root: &Path) -> Result<Report, Diagnostics> {
    let dist = root.join("dist");
    run(root, None, true, dist.is_dir().then_some(dist.as_path())).map(|(_, r)| r)
}
