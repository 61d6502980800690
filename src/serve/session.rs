//! The preview's builder: keeps the loaded site between rebuilds and does as
//! little as a change needs.
//!
//! - A change to the *text* of one Markdown page reloads that file only, and
//!   re-renders that page and the feeds (which carry its text).
//! - A change to a page's front matter re-renders every page from the loaded
//!   site (titles and windows show up in lists everywhere), without reloading it.
//! - Anything else (calendar, site settings, theme, assets, a new or deleted page)
//!   loads and renders everything.
//!
//! Only files whose bytes changed are written to the preview folder. A failed
//! rebuild changes nothing: the last good site stays loaded and on disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::links::LinkTable;
use crate::load::{self, content, Inputs};
use crate::plan::{self, Plan};
use crate::render::{self, Output, Source};

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Whether only the changed pages were rendered.
    pub incremental: bool,
    /// Files whose bytes changed on disk (written or removed).
    pub changed_files: usize,
    /// Wall time of the rebuild.
    pub elapsed: Duration,
}

struct Loaded {
    inputs: Inputs,
    links: LinkTable,
    tera: tera::Tera,
}

/// A preview being served: the loaded site and what is on disk.
pub struct Session {
    root: PathBuf,
    out_dir: PathBuf,
    at: Option<NaiveDate>,
    drafts: bool,
    loaded: Option<Loaded>,
    on_disk: BTreeMap<String, Vec<u8>>,
    copied: BTreeMap<String, PathBuf>,
}

impl Session {
    /// A session for the site at `root`, previewed into `out_dir` (which it owns).
    pub fn new(root: &Path, out_dir: &Path, at: Option<NaiveDate>, drafts: bool) -> Self {
        Self { root: root.to_path_buf(), out_dir: out_dir.to_path_buf(), at, drafts, loaded: None, on_disk: BTreeMap::new(), copied: BTreeMap::new() }
    }

    /// The folder the preview is written to.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    fn options(&self) -> plan::Options {
        plan::Options { at: self.at, drafts: self.drafts, preview: true }
    }

    /// Rebuilds after `changed` files (absolute or relative to the root) changed;
    /// an empty list (or the first call) rebuilds everything.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, Diagnostics> {
        let started = Instant::now();
        let rel: Vec<PathBuf> = changed
            .iter()
            .map(|p| p.strip_prefix(&self.root).map(Path::to_path_buf).unwrap_or_else(|_| p.clone()))
            .collect();
        let pages_only = !rel.is_empty()
            && rel.iter().all(|p| p.starts_with("content") && p.extension().is_some_and(|e| e == "md"));
        let (out, incremental) = match (&mut self.loaded, pages_only) {
            (Some(loaded), true) => match reload_pages(&self.root, &self.out_dir, loaded, &rel, self.at, self.drafts)? {
                Some(r) => r,
                None => self.full()?,
            },
            _ => self.full()?,
        };
        let changed_files = self.sync(out, incremental)?;
        Ok(Outcome { incremental, changed_files, elapsed: started.elapsed() })
    }

    fn full(&mut self) -> Result<(Output, bool), Diagnostics> {
        let inputs = load::load(&self.root)?;
        let links = LinkTable::new(&inputs.content);
        let mut diags = plan::check(&inputs, &links);
        let tera = render::html::templates(&inputs.theme)?;
        if diags.has_errors() {
            diags.sort();
            return Err(diags);
        }
        let out = {
            let plan = Plan::new(&inputs, &links, self.options());
            crate::render_all(&plan, &tera, Some(&self.out_dir))?.0
        };
        self.loaded = Some(Loaded { inputs, links, tera });
        Ok((out, false))
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

/// Reloads changed Markdown files into the loaded site. `Ok(None)` means the
/// change needs a full load (a page appeared or disappeared).
fn reload_pages(
    root: &Path,
    out_dir: &Path,
    loaded: &mut Loaded,
    rel: &[PathBuf],
    at: Option<NaiveDate>,
    drafts: bool,
) -> Result<Option<(Output, bool)>, Diagnostics> {
    let mut fresh = Vec::new();
    for p in rel {
        let Some(i) = loaded.inputs.content.pages.iter().position(|x| &x.source == p) else { return Ok(None) };
        if !root.join(p).is_file() {
            return Ok(None);
        }
        let page = content::load_page(root, p, &loaded.inputs.site)?;
        fresh.push((i, page));
    }
    // Check the new text before touching the loaded site.
    let mut body_only = true;
    let mut old = Vec::new();
    for (i, page) in fresh {
        let before = &loaded.inputs.content.pages[i];
        body_only &= before.front == page.front;
        loaded.links.rescan(i, &page);
        old.push((i, std::mem::replace(&mut loaded.inputs.content.pages[i], page)));
    }
    let mut diags = plan::check(&loaded.inputs, &loaded.links);
    if diags.has_errors() {
        // Put the last good pages back.
        for (i, page) in old {
            loaded.links.rescan(i, &page);
            loaded.inputs.content.pages[i] = page;
        }
        diags.sort();
        return Err(diags);
    }
    let plan = Plan::new(&loaded.inputs, &loaded.links, plan::Options { at, drafts, preview: true });
    let only: BTreeSet<usize> = old.iter().map(|(i, _)| *i).collect();
    // Hubs and campaign homes are listed everywhere: render everything if one changed.
    let lists_changed = only.iter().any(|&i| matches!(loaded.inputs.content.pages[i].kind, content::PageKind::Hub | content::PageKind::CampaignHome(_)));
    if !body_only || lists_changed {
        return crate::render_all(&plan, &loaded.tera, Some(out_dir)).map(|(o, _)| Some((o, false)));
    }
    let mut out = Output::default();
    // Leaflets are found by content hash in the preview itself: only the changed
    // page's are typeset again.
    let leaflets = render::leaflet::render(&plan, &mut out, &render::leaflet::Options { previous: Some(out_dir.to_path_buf()) })?;
    render::html::render_selected(&plan, &loaded.tera, &leaflets, &mut out, Some(&only))?;
    render::feeds::render(&plan, &mut out);
    Ok(Some((out, true)))
}
