//! `loa cms install`: the browser editor's script, self-hosted in one
//! command. The pinned release of the editor named in `site.yaml` (`cms:`)
//! is fetched from npm's registry, checked against the sha512 npm publishes
//! for it (the same check `npm install` makes), and the files of its `dist/`
//! that the editor loads are written into the site's `static/admin/`, where
//! every build publishes them beside the generated `admin/index.html`.
//!
//! `--from` takes a package file (`npm pack` output) or an address instead,
//! for a machine without access to the registry: then the sha512 is shown,
//! not checked, since another release may be meant. Nothing is written
//! unless the whole package was read and holds the editor's script.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha512};

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::load::cms::Editor;
use crate::t;

/// npm's public registry.
pub const NPM_REGISTRY: &str = "https://registry.npmjs.org";

/// The largest package accepted, in bytes (Decap CMS 3.16.3 is about 3 MB).
pub const MAX_PACKAGE: u64 = 64 << 20;

/// The largest the unpacked files may be together, in bytes.
pub const MAX_UNPACKED: u64 = 256 << 20;

/// The sha512 of the pinned release's package, as npm publishes it
/// (`npm view decap-cms@3.16.3 dist.integrity`), in hexadecimal.
pub fn pinned_sha512(editor: Editor) -> &'static str {
    match editor {
        Editor::Decap => "85ff9d3e50a1ed32665a5f3ee954731d839686b8b9c605249eb65b0dec1a59ee2cf41ef127c3d0ba0a7640779295d3142b36afebecf4a08a7051885424362d63",
        Editor::Sveltia => "27e4288a4f6418c9362fbbcda4e42b9c3985462f8d07abf02747fae7b62db31587d0ff16612611452442da943f8c619b56533ffcf83f588826929b30aa8a3781",
    }
}

/// Where the pinned release's package is in a registry:
/// `https://registry.npmjs.org/decap-cms/-/decap-cms-3.16.3.tgz`.
pub fn package_url(registry: &str, editor: Editor) -> String {
    let package = editor.package();
    let base = package.rsplit('/').next().unwrap_or(package);
    format!("{}/{package}/-/{base}-{}.tgz", registry.trim_end_matches('/'), editor.version())
}

/// Whether a file of the package's `dist/` is one the editor loads: its
/// script and the scripts and WebAssembly it loads after it, and the
/// script's licence notice.
pub fn wanted(editor: Editor, name: &str) -> bool {
    match editor {
        Editor::Decap => name.ends_with("decap-cms.js") || name.ends_with(".wasm") || name == "decap-cms.js.LICENSE.txt",
        Editor::Sveltia => name == "sveltia-cms.js" || name == "sveltia-cms.js.LICENSE.txt",
    }
}

/// What `loa cms install` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A package file or address to install from instead of the registry
    /// (not checked against the pinned sha512).
    pub from: Option<String>,
    /// Another registry (a mirror of npm's), checked against the pinned sha512.
    pub registry: Option<String>,
}

/// What was installed.
#[derive(Debug, Clone)]
pub struct Installed {
    /// The editor.
    pub editor: Editor,
    /// Where the package came from.
    pub source: String,
    /// The package's sha512, in hexadecimal.
    pub sha512: String,
    /// Whether it was checked against the pinned release's.
    pub checked: bool,
    /// The files written, relative to the site.
    pub files: Vec<PathBuf>,
}

/// Installs the editor named in `site.yaml` of the site at `root` into its
/// `static/admin/`.
pub fn install(root: &Path, opts: &Options) -> Result<Installed, Diagnostics> {
    let file = Path::new(crate::load::site::FILE);
    let text = crate::load::read_text(root, file, Some(t!("site-missing-hint")))?;
    let site = crate::load::site::parse(&text)?;
    let Some(cms) = site.cms else {
        return Err(Diagnostic::error(file, None, t!("cms-install-no-cms")).with_hint(t!("cms-install-no-cms-hint")).into());
    };
    let editor = cms.editor;
    let (source, bytes) = match &opts.from {
        Some(from) if from.starts_with("https://") || from.starts_with("http://") => (from.clone(), download(from)?),
        Some(from) => {
            let path = Path::new(from);
            let bytes = std::fs::read(path).map_err(|e| Diagnostic::error(display_path(path), None, t!("file-cannot-read-named", file = path, detail = &e)))?;
            (display_path(path), bytes)
        }
        None => {
            let url = package_url(opts.registry.as_deref().unwrap_or(NPM_REGISTRY), editor);
            (url.clone(), download(&url)?)
        }
    };
    let sha512 = hex(&Sha512::digest(&bytes));
    let checked = opts.from.is_none();
    if checked && sha512 != pinned_sha512(editor) {
        return Err(Diagnostic::error(source.as_str(), None, t!("cms-install-wrong-sha", package = editor.package(), version = editor.version()))
            .with_hint(t!("cms-install-wrong-sha-hint"))
            .into());
    }
    let files = unpack(&bytes, editor).map_err(|why| Diagnostic::error(source.as_str(), None, t!("cms-install-not-package", why = why)).with_hint(t!("cms-install-not-package-hint", package = editor.package(), version = editor.version())))?;
    if !files.iter().any(|(n, _)| n == editor.script()) {
        return Err(Diagnostic::error(source.as_str(), None, t!("cms-install-no-script", script = editor.script()))
            .with_hint(t!("cms-install-not-package-hint", package = editor.package(), version = editor.version()))
            .into());
    }
    let dir = Path::new(crate::urls::ADMIN_STATIC);
    let abs = root.join(dir);
    std::fs::create_dir_all(&abs).map_err(|e| Diagnostic::error(display_path(dir), None, t!("file-cannot-create", detail = &e)))?;
    let mut written = Vec::new();
    for (name, data) in files {
        // Each file whole or not at all: written beside, then renamed over.
        let target = abs.join(&name);
        let part = abs.join(format!(".{name}.part"));
        std::fs::write(&part, &data)
            .and_then(|()| std::fs::rename(&part, &target))
            .map_err(|e| {
                let _ = std::fs::remove_file(&part);
                Diagnostic::error(display_path(&dir.join(&name)), None, t!("file-cannot-write", detail = &e))
            })?;
        written.push(dir.join(&name));
    }
    Ok(Installed { editor, source, sha512, checked, files: written })
}

/// The body of `GET url`, at most [`MAX_PACKAGE`] bytes, within two minutes.
fn download(url: &str) -> Result<Vec<u8>, Diagnostic> {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(120))).build().into();
    let fail = |detail: String| Diagnostic::error(url, None, t!("cms-install-cannot-download", detail = detail)).with_hint(t!("cms-install-cannot-download-hint"));
    let mut response = agent.get(url).call().map_err(|e| fail(e.to_string()))?;
    response.body_mut().with_config().limit(MAX_PACKAGE).read_to_vec().map_err(|e| fail(e.to_string()))
}

/// The files of the package's `dist/` the editor loads ([`wanted`]), read
/// from the `.tgz`: only plain files directly in `package/dist/`, by name.
fn unpack(tgz: &[u8], editor: Editor) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tgz));
    let mut files = Vec::new();
    let mut total = 0u64;
    for entry in archive.entries().map_err(|e| e.to_string())? {
        let mut entry = entry.map_err(|e| e.to_string())?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = entry.path().map_err(|e| e.to_string())?.into_owned();
        let parts: Vec<&str> = path.iter().filter_map(|p| p.to_str()).collect();
        let [_package, "dist", name] = parts.as_slice() else { continue };
        if !wanted(editor, name) || name.starts_with('.') {
            continue;
        }
        total += entry.size();
        if total > MAX_UNPACKED {
            return Err(format!("more than {} MB unpacked", MAX_UNPACKED >> 20));
        }
        let mut data = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut data).map_err(|e| e.to_string())?;
        files.push(((*name).to_owned(), data));
    }
    files.sort();
    Ok(files)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_the_pinned_releases() {
        assert_eq!(package_url(NPM_REGISTRY, Editor::Decap), "https://registry.npmjs.org/decap-cms/-/decap-cms-3.16.3.tgz");
        assert_eq!(package_url("https://npm.example/", Editor::Sveltia), "https://npm.example/@sveltia/cms/-/cms-0.221.1.tgz");
    }

    #[test]
    fn the_files_the_editor_loads() {
        for n in ["decap-cms.js", "123.decap-cms.js", "decap-cms.js.LICENSE.txt", "a1b2.wasm"] {
            assert!(wanted(Editor::Decap, n), "{n}");
        }
        for n in ["decap-cms.js.map", "index.html", "esm/index.js"] {
            assert!(!wanted(Editor::Decap, n), "{n}");
        }
        assert!(wanted(Editor::Sveltia, "sveltia-cms.js") && !wanted(Editor::Sveltia, "sveltia-cms.mjs"));
    }
}
