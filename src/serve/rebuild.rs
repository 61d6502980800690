//! The preview's incremental rebuilder: keeps the loaded, checked site
//! between rebuilds and does as little as a change needs, through the same
//! pipeline as `loa build` ([`crate::Site`]).
//!
//! - A change to the *text* of Markdown pages reloads those files only,
//!   checks those pages again (and the pages linking to their headings), and
//!   re-renders those pages, their leaflets and the feeds (which carry their
//!   text).
//! - A change to a page's front matter (or to a hub's or campaign home's
//!   text, which lists show everywhere) checks the whole site again and
//!   re-renders every page from the loaded site, without reloading it.
//! - Anything else (calendar, site settings, theme, assets, a new or deleted
//!   page) loads, checks and renders everything.
//!
//! The first rebuild reuses the leaflets, pictures and share cards of
//! `dist/` (when it is loa's output) that are still current.
//!
//! The preview folder is written by the same writer as `loa build`
//! ([`crate::write::Writer`], in place): only files whose bytes changed are
//! written. A failed rebuild changes nothing: the last good site stays loaded
//! and on disk.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
use crate::plan;
use crate::render::{Output, Scope};
use crate::write::Writer;
use crate::reload::Reload;
use crate::{RenderOptions, Site};

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Whether only the changed pages were rendered.
    pub incremental: bool,
    /// Files whose bytes changed on disk (written or removed).
    pub changed_files: usize,
    /// Wall time of the rebuild.
    pub elapsed: Duration,
    /// Problems that did not stop the rebuild.
    pub warnings: Diagnostics,
}

/// A preview being served: the loaded site and what is on disk.
pub struct Rebuilder {
    root: PathBuf,
    out_dir: PathBuf,
    at: Option<NaiveDate>,
    drafts: bool,
    site: Option<Site>,
    /// Whether the preview folder holds a site yet (a rebuild succeeded).
    previewed: bool,
}

impl Rebuilder {
    /// A rebuilder for the site at `root`, previewed into `out_dir` (which it owns).
    pub fn new(root: &Path, out_dir: &Path, at: Option<NaiveDate>, drafts: bool) -> Self {
        Self { root: root.to_path_buf(), out_dir: out_dir.to_path_buf(), at, drafts, site: None, previewed: false }
    }

    /// The folder the preview is written to.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// Rebuilds after `changed` files (absolute or relative to the root) changed;
    /// an empty list (or the first call) rebuilds everything.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, Diagnostics> {
        let started = Instant::now();
        let rel: Vec<PathBuf> = changed.iter().map(|p| p.strip_prefix(&self.root).map(Path::to_path_buf).unwrap_or_else(|_| p.clone())).collect();
        let pages_only = !rel.is_empty() && rel.iter().all(|p| p.starts_with("content") && p.extension().is_some_and(|e| e == "md"));
        let partial = match (&mut self.site, pages_only) {
            (Some(site), true) => site.reload_pages(&self.root, &rel)?,
            _ => None,
        };
        let scope_pages;
        let scope = match &partial {
            Some(Reload::Pages(only)) => {
                scope_pages = only.clone();
                Scope::Pages(&scope_pages)
            }
            Some(Reload::Everything) => Scope::All,
            None => {
                self.site = Some(Site::load(&self.root)?);
                Scope::All
            }
        };
        let Some(site) = &self.site else { return Err(Diagnostic::error(".", None, crate::t!("serve-not-loaded")).into()) };
        let writer = Writer::in_place(&self.out_dir)?;
        let output = Output::to(&writer);
        // Until the preview folder holds a site, leaflets, pictures and cards
        // are taken from `dist/` when it is loa's output (they are found by a
        // key of everything they are made from), so previewing a built site
        // does not typeset and encode everything again.
        let dist = crate::default_out(&self.root);
        let previous = if !self.previewed && crate::write::is_loa_output(&dist) { &dist } else { &self.out_dir };
        let opts = RenderOptions { plan: plan::Options { at: self.at, drafts: self.drafts, preview: true }, previous: Some(previous), cache: None, scope };
        let mut report = site.render_into(&opts, &output)?;
        let paths = output.paths();
        drop(output);
        let incremental = matches!(scope, Scope::Pages(_));
        let written = if incremental { writer.finish_partial() } else { writer.finish(&paths)? };
        report.warnings.extend(written.warnings.0);
        self.previewed = true;
        Ok(Outcome { incremental, changed_files: written.changed, elapsed: started.elapsed(), warnings: report.warnings })
    }
}
