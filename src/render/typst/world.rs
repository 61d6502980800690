//! The Typst world a document is compiled in: everything in memory.
//!
//! ```text
//! /<name>.typ         the theme's leaflets/ folder (a4.typ, a5.typ, trifold.typ,
//!                     print-schedule.typ, share-card.typ, helpers)
//! /loa/data.json      the document's data (leaflets: render/leaflet/data.rs)
//! /loa/qr.svg         the QR code to the page
//! /loa/img/<n>.<ext>  the page's images
//! ```
//!
//! Any other path is "not found": no file system, no packages, no clock
//! (`datetime.today()` is an error), so a document depends on nothing but its
//! inputs and two builds give the same bytes.

use std::collections::HashMap;
use std::path::PathBuf;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

use crate::load::fonts::Fonts;
use crate::diag::{Diagnostic, Position};
use crate::load::theme::Theme;

/// A file id for a virtual path inside the project, or `None` if the path is
/// not valid.
pub fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

/// What every document of a build shares: the standard library, the fonts and
/// the parsed templates.
pub struct Shared {
    library: LazyHash<Library>,
    /// The fonts.
    pub fonts: Fonts,
    sources: HashMap<FileId, Source>,
    origins: HashMap<FileId, PathBuf>,
    /// A hash of the templates and fonts, for the caches of what is typeset.
    pub hash: u128,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").field("templates", &self.sources.len()).field("fonts", &self.fonts).finish()
    }
}

impl Shared {
    /// Parses the theme's Typst templates (its `leaflets/` folder) and takes
    /// the loaded fonts.
    pub fn new(theme: &Theme, fonts: Fonts) -> Shared {
        let mut sources = HashMap::new();
        let mut origins = HashMap::new();
        let mut parts: Vec<(&str, &str)> = Vec::new();
        for t in theme.leaflets.values() {
            if let Some(id) = file_id(&format!("/{}", t.name)) {
                sources.insert(id, Source::new(id, t.text.clone()));
                origins.insert(id, t.origin.display());
                parts.push((&t.name, &t.text));
            }
        }
        let hash = crate::hash::hash128(&(parts, fonts.hash));
        Shared { library: LazyHash::new(Library::builder().build()), fonts, sources, origins, hash }
    }

    /// A Typst diagnostic as a located loa diagnostic: in the theme file it
    /// points at, or in `fallback` (the template being compiled).
    pub fn diagnostic(&self, world: &TypstWorld<'_>, d: &SourceDiagnostic, fallback: &str) -> Diagnostic {
        let id = d.span.id();
        let located = id.and_then(|id| {
            let file = self.origins.get(&id)?;
            let source = self.sources.get(&id)?;
            let pos = world.range(d.span).map(|r| Position::of_offset(source.text(), r.start));
            Some((file.clone(), pos, source.text().to_owned()))
        });
        let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
        let message = crate::t!("typst-error", detail = d.message.to_string());
        let diag = match located {
            Some((file, pos, text)) => Diagnostic::error(file, pos, message).with_source(&text),
            None => {
                let file = file_id(&format!("/{fallback}")).and_then(|id| self.origins.get(&id).cloned()).unwrap_or_else(|| PathBuf::from(fallback));
                Diagnostic::error(file, None, message)
            }
        };
        if hints.is_empty() {
            diag.with_hint(crate::t!("typst-docs-hint"))
        } else {
            diag.with_hint(crate::t!("typst-hints", hints = hints.join("; ")))
        }
    }
}

/// One document's world: the shared parts plus its own data, QR code and images.
pub struct TypstWorld<'s> {
    shared: &'s Shared,
    main: FileId,
    files: HashMap<FileId, Bytes>,
}

impl<'s> TypstWorld<'s> {
    /// A world whose main file is the template `main` (`a4.typ`), with extra
    /// files by virtual path.
    pub fn new(shared: &'s Shared, main: &str, files: impl IntoIterator<Item = (String, Bytes)>) -> Option<TypstWorld<'s>> {
        let main = file_id(&format!("/{main}"))?;
        let files = files.into_iter().filter_map(|(p, b)| Some((file_id(&p)?, b))).collect();
        Some(TypstWorld { shared, main, files })
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
}

impl World for TypstWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some("leaflets cannot use Typst packages: copy the code into the theme's leaflets/ folder".into())));
        }
        match self.shared.sources.get(&id) {
            Some(s) => Ok(s.clone()),
            None if self.files.contains_key(&id) => Err(FileError::NotSource),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        match self.shared.sources.get(&id) {
            Some(s) => Ok(Bytes::from_string(s.clone())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::DATA;
    use super::*;
    use typst_layout::PagedDocument;

    fn shared_with(template: &str) -> Shared {
        let dir = tempfile::tempdir().unwrap();
        let mut theme = crate::load::theme::load(dir.path(), "default", &["vi".to_owned()]).unwrap();
        theme.leaflets.insert(
            "t.typ".into(),
            crate::load::theme::TextFile {
                name: "t.typ".into(),
                text: template.into(),
                origin: crate::load::theme::Origin::Embedded("leaflets/t.typ".into()),
            },
        );
        let fonts = crate::load::fonts::load(&theme).unwrap();
        Shared::new(&theme, fonts)
    }

    #[test]
    fn compiles_in_memory_and_reads_data() {
        let shared = shared_with("#set page(width: 50mm, height: 30mm)\n#let d = json(\"/loa/data.json\")\n#d.text\n");
        let world = TypstWorld::new(&shared, "t.typ", [(DATA.to_owned(), Bytes::new(r#"{"text": "Xin chào #set $x$"}"#.as_bytes().to_vec()))]).unwrap();
        let doc = typst::compile::<PagedDocument>(&world).output.unwrap();
        assert_eq!(doc.pages().len(), 1);
    }

    #[test]
    fn no_file_system_no_packages_no_clock() {
        for code in ["#read(\"/etc/passwd\")", "#import \"@preview/x:0.1.0\": *", "#datetime.today()", "#image(\"../../x.png\")"] {
            let shared = shared_with(code);
            let world = TypstWorld::new(&shared, "t.typ", []).unwrap();
            let errs = typst::compile::<PagedDocument>(&world).output.unwrap_err();
            let d = shared.diagnostic(&world, &errs[0], "t.typ");
            assert_eq!(d.file, PathBuf::from("themes/default/leaflets/t.typ"), "{code}: {d}");
            assert_eq!(d.position.map(|p| p.line), Some(1), "{code}: {d}");
        }
    }
}
