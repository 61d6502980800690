//! The preview's incremental rebuilder: keeps the loaded, checked site
//! between rebuilds and does as little as a change needs, through the same
//! pipeline as `loa build` ([`crate::Site`]).
//!
//! - A change to the *text* of Markdown pages reloads those files only,
//!   checks the site again, and re-renders those pages, their leaflets and
//!   the feeds (which carry their text).
//! - A change to a page's front matter (or to a hub's or campaign home's
//!   text, which lists show everywhere) re-renders every page from the
//!   loaded site, without reloading it.
//! - Anything else (calendar, site settings, theme, assets, a new or deleted
//!   page) loads, checks and renders everything.
//!
//! Only files whose bytes changed are written to the preview folder. A failed
//! rebuild changes nothing: the last good site stays loaded and on disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::load::content::{self, PageKind};
use crate::plan::{self, PageId};
use crate::render::{Output, Scope, Source};
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
    on_disk: BTreeMap<String, Vec<u8>>,
    copied: BTreeMap<String, PathBuf>,
}

impl Rebuilder {
    /// A rebuilder for the site at `root`, previewed into `out_dir` (which it owns).
    pub fn new(root: &Path, out_dir: &Path, at: Option<NaiveDate>, drafts: bool) -> Self {
        Self { root: root.to_path_buf(), out_dir: out_dir.to_path_buf(), at, drafts, site: None, on_disk: BTreeMap::new(), copied: BTreeMap::new() }
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
            (Some(site), true) => reload_pages(&self.root, site, &rel)?,
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
        let Some(site) = &self.site else { return Err(Diagnostic::error(".", None, "the site is not loaded").into()) };
        let opts = RenderOptions { plan: plan::Options { at: self.at, drafts: self.drafts, preview: true }, previous: Some(&self.out_dir), scope };
        let (out, report) = site.render(&opts)?;
        let incremental = matches!(scope, Scope::Pages(_));
        let changed_files = self.sync(out, incremental)?;
        Ok(Outcome { incremental, changed_files, elapsed: started.elapsed(), warnings: report.warnings })
    }

    /// Writes what changed. An incremental output only replaces the files it has.
    fn sync(&mut self, out: Output, incremental: bool) -> Result<usize, Diagnostics> {
        let fail = |p: &Path, e: std::io::Error| Diagnostic::error(display_path(p), None, format!("cannot write the preview: {e}"));
        fs::create_dir_all(&self.out_dir).map_err(|e| fail(&self.out_dir, e))?;
        let mut changed = 0;
        if !incremental {
            let stale: Vec<String> = self
                .on_disk
                .keys()
                .chain(self.copied.keys())
                .filter(|k| !out.files.contains_key(*k) && !out.copies.contains_key(*k))
                .cloned()
                .collect();
            for k in stale {
                let _ = fs::remove_file(self.out_dir.join(&k));
                self.on_disk.remove(&k);
                self.copied.remove(&k);
                changed += 1;
            }
        }
        for (path, bytes) in out.files {
            if self.on_disk.get(&path) == Some(&bytes) {
                continue;
            }
            let target = self.out_dir.join(&path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
            }
            let tmp = target.with_extension("loa-tmp");
            fs::write(&tmp, &bytes).and_then(|_| fs::rename(&tmp, &target)).map_err(|e| fail(&target, e))?;
            self.on_disk.insert(path, bytes);
            changed += 1;
        }
        for (path, src) in out.copies {
            let target = self.out_dir.join(&path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
            }
            match src {
                Source::File(from) => {
                    // A leaflet reused from the preview itself is already in place.
                    if from != target {
                        fs::copy(&from, &target).map_err(|e| fail(&from, e))?;
                    }
                    self.copied.insert(path, from);
                }
                Source::Embedded(bytes) => {
                    if !target.exists() {
                        fs::write(&target, bytes).map_err(|e| fail(&target, e))?;
                    }
                    self.copied.insert(path, PathBuf::new());
                }
            }
        }
        Ok(changed)
    }
}

/// What a change of pages needs rendered again.
enum Reload {
    /// These pages (their text changed).
    Pages(BTreeSet<PageId>),
    /// Every page, from the loaded site.
    Everything,
}

/// Reloads changed Markdown files into the loaded site and checks it again.
/// `Ok(None)` means the change needs a full load (a page appeared or
/// disappeared). On an error the loaded site is as it was.
fn reload_pages(root: &Path, site: &mut Site, rel: &[PathBuf]) -> Result<Option<Reload>, Diagnostics> {
    let mut fresh = Vec::new();
    for p in rel {
        let Some(i) = site.inputs.content.pages.iter().position(|x| &x.source == p) else { return Ok(None) };
        if !root.join(p).is_file() {
            return Ok(None);
        }
        let page = content::load_page(root, p, &site.inputs.site)?;
        fresh.push((i, page));
    }
    let mut body_only = true;
    let mut old = Vec::new();
    for (i, page) in fresh {
        body_only &= site.inputs.content.pages[i].front == page.front;
        site.links.rescan(i, &page);
        old.push((i, std::mem::replace(&mut site.inputs.content.pages[i], page)));
    }
    if let Err(d) = site.recheck() {
        // Put the last good pages back.
        for (i, page) in old {
            site.links.rescan(i, &page);
            site.inputs.content.pages[i] = page;
        }
        return Err(d);
    }
    // Hubs and campaign homes are listed everywhere: render everything if one changed.
    let lists_changed = old.iter().any(|(i, _)| matches!(site.inputs.content.pages[*i].kind, PageKind::Hub | PageKind::CampaignHome(_)));
    if !body_only || lists_changed {
        return Ok(Some(Reload::Everything));
    }
    Ok(Some(Reload::Pages(old.iter().map(|(i, _)| PageId::from_index(*i)).collect())))
}
