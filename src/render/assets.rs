//! Files copied as they are: the theme's static files (`style.css`, the
//! favicon), the site's `static/` folder, and — only when a live page links
//! them — the files beside the pages in `content/` (PDFs, documents). A
//! report dropped in for next week's embargoed page is not public before the
//! page. Pictures are never copied: the pictures renderer publishes them made anew.
//! Documents (PDFs, office files, judged by their bytes) are published
//! cleaned of their hidden data by [`super::documents`], or refused.

use std::path::Path;

use rayon::prelude::*;

use super::documents::{self, Problem};
use crate::load::sniff::Kind;
use super::{Output, Source};
use crate::diag::{Diagnostic, Diagnostics};

/// Adds the theme's static files, the site's `static/` files and the
/// content files live pages link to the output. A file that would take the
/// place of a generated one is an error.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) -> Result<(), Diagnostics> {
    let plan = cx.plan;
    let mut diags = Diagnostics::new();
    for (path, bytes) in &plan.theme().statics {
        out.copy(path.clone(), Source::from(bytes));
    }
    let used = plan.published_files();
    let files: Vec<_> = plan.statics().iter().chain(plan.assets().iter().filter(|a| used.contains(&a.output))).filter(|a| !a.kind.is_picture()).collect();
    // The load judged every file by its bytes (`Asset::kind`): only
    // documents are read here.
    let cleaned: Vec<_> = files.par_iter().map(|a| if a.kind == Kind::Other { Ok(None) } else { cleaned(&plan.asset_path(a)) }).collect();
    for (asset, cleaned) in files.into_iter().zip(cleaned) {
        if out.contains(&asset.output) {
            diags.push(Diagnostic::error(&asset.source, None, crate::t!("assets-overwrite", output = asset.output.as_str())).with_hint(crate::t!("check-rename-file")));
            continue;
        }
        match cleaned {
            Ok(None) => out.copy(asset.output.clone(), Source::File(plan.asset_path(asset))),
            Ok(Some(bytes)) => out.add(asset.output.clone(), bytes),
            Err(p) => {
                let msg = crate::t!("document-bad", file = &asset.source, why = p.message);
                diags.push(match plan.where_linked(&asset.output) {
                    Some((file, pos, text)) => Diagnostic::error(file, pos, msg).with_hint(p.hint).with_source(&text),
                    None => Diagnostic::error(&asset.source, None, msg).with_hint(p.hint),
                });
            }
        }
    }
    if diags.has_errors() { Err(diags) } else { Ok(()) }
}

/// A document's bytes cleaned of hidden data; `None` for one that is no
/// document after all or cannot be read (the writer reports it).
fn cleaned(path: &Path) -> Result<Option<Vec<u8>>, Problem> {
    match std::fs::read(path) {
        Ok(bytes) => documents::clean(&bytes),
        Err(_) => Ok(None),
    }
}
