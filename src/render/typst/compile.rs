//! A template compiled in the room with its data and files: the document, or
//! located errors (in the theme file Typst points at).

use typst::foundations::Bytes;
use typst_layout::PagedDocument;

use super::world::{Shared, TypstWorld};
use super::{data_json, DATA};
use crate::diag::{Diagnostic, Severity};

/// A compiled document and Typst's warnings about it.
pub struct Compiled {
    /// The document.
    pub doc: PagedDocument,
    /// Typst's warnings, located like errors.
    pub warnings: Vec<Diagnostic>,
}

/// Compiles the theme's `template` with `data` as `/loa/data.json` (written
/// by [`data_json`], so no control character enters) and `files` by virtual
/// path.
pub fn compile<T: serde::Serialize>(shared: &Shared, template: &str, data: &T, files: impl IntoIterator<Item = (String, Bytes)>) -> Result<Compiled, Vec<Diagnostic>> {
    let files = files.into_iter().chain([(DATA.to_owned(), Bytes::new(data_json(data)))]);
    let Some(world) = TypstWorld::new(shared, template, files) else {
        return Err(vec![Diagnostic::error(template, None, crate::t!("typst-bad-template-name"))]);
    };
    let result = typst::compile::<PagedDocument>(&world);
    let warnings = result
        .warnings
        .iter()
        .map(|w| {
            let mut d = shared.diagnostic(&world, w, template);
            d.severity = Severity::Warning;
            d
        })
        .collect();
    let doc = result.output.map_err(|errs| errs.iter().map(|e| shared.diagnostic(&world, e, template)).collect::<Vec<_>>())?;
    Ok(Compiled { doc, warnings })
}

/// Drops Typst's memoised results that the last ten documents did not use.
/// Called after each document: the next one of the same template reuses most
/// of them, and memory stays flat over thousands (without it, 10,000 share
/// cards held 2 GB).
pub fn forget_unused() {
    typst::comemo::evict(10);
}
