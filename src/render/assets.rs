//! Files copied as they are: the theme's static files (`style.css`, the
//! favicon), the site's `static/` folder, and — only when a live page links
//! them — the files beside the pages in `content/` (PDFs, documents). A
//! report dropped in for next week's embargoed page is not public before the
//! page. Pictures are never copied: [`super::images`] publishes them made anew.

use std::collections::BTreeSet;

use super::{Output, Source};
use crate::diag::{Diagnostic, Diagnostics};
use crate::plan::Plan;

/// The output paths of the content files that the plan's live pages link
/// (links, images, and the `image:` of their front matter).
pub fn published(plan: &Plan<'_>) -> BTreeSet<String> {
    plan.live_pages().flat_map(|p| plan.files_linked_by(p.id).map(str::to_owned)).collect()
}

/// Adds the theme's static files, the site's `static/` files and the
/// content files live pages link to the output. A file that would take the
/// place of a generated one is an error.
pub fn render(plan: &Plan<'_>, out: &Output<'_>) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::new();
    for (path, bytes) in &plan.theme().statics {
        out.copy(path.clone(), Source::from(bytes));
    }
    let used = published(plan);
    let files = plan.statics().iter().chain(plan.assets().iter().filter(|a| used.contains(&a.output))).filter(|a| !a.kind.is_picture());
    for asset in files {
        if out.contains(&asset.output) {
            diags.push(Diagnostic::error(&asset.source, None, crate::t!("assets-overwrite", output = asset.output.as_str())).with_hint(crate::t!("check-rename-file")));
            continue;
        }
        out.copy(asset.output.clone(), Source::File(plan.asset_path(asset)));
    }
    if diags.has_errors() { Err(diags) } else { Ok(()) }
}
