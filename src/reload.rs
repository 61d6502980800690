//! Reloading pages into a loaded site: what `loa serve` calls when
//! Markdown files change, so the preview goes through the library's own
//! pipeline and never edits the loaded site's parts itself. A change to a
//! page's text checks that page again; a change to its front matter checks
//! the whole site; anything else needs a full [`Site::load`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::Site;
use crate::diag::Diagnostics;
use crate::load::content::{self, PageKind};
use crate::plan::PageId;

/// What a change of pages needs rendered again.
#[derive(Debug)]
pub enum Reload {
    /// These pages (their text changed).
    Pages(BTreeSet<PageId>),
    /// Every page, from the loaded site.
    Everything,
}

impl Site {
    /// Reloads changed Markdown files (`rel`, relative to `root`) into the
    /// loaded site and checks it again. `Ok(None)` means the change needs a
    /// full load (a page appeared or disappeared, or does not load). On an
    /// error the loaded site is as it was.
    pub fn reload_pages(
        &mut self,
        root: &Path,
        rel: &[PathBuf],
    ) -> Result<Option<Reload>, Diagnostics> {
        let site = self;
        let mut fresh = Vec::new();
        for p in rel {
            let Some(i) = site
                .inputs
                .content
                .pages
                .iter()
                .position(|x| &x.source == p)
            else {
                return Ok(None);
            };
            if !root.join(p).is_file() {
                return Ok(None);
            }
            // A page that fails to load needs the full load, which reports its
            // errors (or, for an emptied translation, a warning).
            let Ok(page) = content::load_page(root, p, &site.inputs.site) else {
                return Ok(None);
            };
            // A translation's window depends on its original's: when either's
            // front matter changes, the full load checks the pair again.
            let content = &site.inputs.content;
            let paired = content.originals.get(i).copied().flatten().is_some()
                || content.originals.contains(&Some(i));
            if paired && content.pages[i].front != page.front {
                return Ok(None);
            }
            fresh.push((i, page));
        }
        let mut body_only = true;
        let mut old = Vec::new();
        for (i, page) in fresh {
            body_only &= site.inputs.content.pages[i].front == page.front;
            site.links.rescan(i, &page);
            old.push((
                i,
                std::mem::replace(&mut site.inputs.content.pages[i], page),
            ));
        }
        let checked = if body_only {
            let changed: Vec<usize> = old.iter().map(|(i, _)| *i).collect();
            site.recheck_text(&changed)
        } else {
            site.recheck()
        };
        if let Err(d) = checked {
            // Put the last good pages back.
            for (i, page) in old {
                site.links.rescan(i, &page);
                site.inputs.content.pages[i] = page;
            }
            return Err(d);
        }
        // Hubs and campaign homes are listed everywhere: render everything if one changed.
        let lists_changed = old.iter().any(|(i, _)| {
            matches!(
                site.inputs.content.pages[*i].kind,
                PageKind::Hub | PageKind::CampaignHome(_)
            )
        });
        if !body_only || lists_changed {
            return Ok(Some(Reload::Everything));
        }
        Ok(Some(Reload::Pages(
            old.iter().map(|(i, _)| PageId::from_index(*i)).collect(),
        )))
    }
}
