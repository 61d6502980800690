//! The site's `static/` folder: files published as they are, at the same
//! path under the output folder, whatever the pages say — for what must
//! exist regardless (a search engine's verification file, a logo). Files in
//! `content/` are published only when a live page links them.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::content::Asset;
use crate::diag::{Diagnostic, Diagnostics};

/// The folder, relative to the site root.
pub const DIR: &str = "static";

/// Lists the files of `static/` (none when the folder does not exist).
/// Links are not followed; hidden files are left out.
pub fn load(root: &Path) -> Result<(Vec<Asset>, Vec<Diagnostic>), Diagnostics> {
    let dir = root.join(DIR);
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut diags = Diagnostics::new();
    if !dir.is_dir() {
        return Ok((files, warnings));
    }
    for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().map_or_else(|| PathBuf::from(DIR), |p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                diags.push(Diagnostic::error(at, None, crate::t!("static-cannot-read", detail = e.to_string())).with_hint(crate::t!("folder-permissions-hint")));
                continue;
            }
        };
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        if entry.file_type().is_symlink() {
            warnings.push(
                Diagnostic::warning(&rel, None, crate::t!("content-symlink"))
                    .with_hint(crate::t!("content-symlink-hint", folder = "static/")),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let output = entry.path().strip_prefix(&dir).unwrap_or(entry.path()).iter().map(|p| p.to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
        files.push(Asset { kind: super::sniff::file(entry.path()), source: rel, output });
    }
    if diags.has_errors() { Err(diags) } else { Ok((files, warnings)) }
}
