//! Documents published as downloads lose their hidden data: who wrote them,
//! on which computer, when, and where their photos were taken. A file is
//! judged by its bytes, never its name (a `.pdf` renamed `.txt` is still
//! cleaned; a `.docx` that is really something else is not an office
//! document):
//!
//! | the file starts with | it is | what happens |
//! | --- | --- | --- |
//! | `%PDF-` (within 1 KB) | a PDF | written anew without metadata ([`pdf`]) |
//! | a ZIP with `[Content_Types].xml` or an OpenDocument `mimetype` | an office document | written anew without metadata ([`office`]) |
//! | `D0 CF 11 E0 A1 B1 1A E1` | an old binary Office file (`.doc`, `.xls`, `.ppt`) or an encrypted one | refused: save it as PDF or `.docx` |
//! | `{\rtf` | an RTF document | refused, likewise |
//! | anything else (another ZIP too) | not a document | published as it is |
//!
//! Everything here is a pure function of the file's bytes: the same file
//! gives the same bytes, build after build.

pub mod jpeg;
pub mod office;
pub mod pdf;
pub mod png;
pub mod xml;

use crate::i18n::Msg;
use crate::t;


/// What a file is, judged by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A PDF.
    Pdf,
    /// A ZIP archive: maybe an office document (its entries say).
    Zip,
    /// An OLE2 compound file: Office 97–2003 (`.doc`, `.xls`, `.ppt`), or an
    /// encrypted modern office file.
    LegacyOffice,
    /// Rich Text Format.
    Rtf,
    /// Not a document loa knows.
    Other,
}

/// What a file is, from its first bytes, as the load judges an asset
/// ([`crate::load::sniff::document`]).
pub fn kind(head: &[u8]) -> Kind {
    use crate::load::sniff::{self, Office};
    match sniff::document(head) {
        Some(sniff::Kind::Office(Office::Compound)) => Kind::LegacyOffice,
        Some(sniff::Kind::Office(Office::Zip)) => Kind::Zip,
        Some(sniff::Kind::Office(Office::Rtf)) => Kind::Rtf,
        Some(sniff::Kind::Pdf) => Kind::Pdf,
        _ => Kind::Other,
    }
}

/// Why a document cannot be published, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub hint: Msg,
}

impl Problem {
    /// A problem and its fix.
    pub fn new(message: Msg, hint: Msg) -> Self {
        Problem { message, hint }
    }
}

/// The file cleaned of its hidden data; `None` when it is no document and
/// is published as it is; or why it cannot be published.
pub fn clean(bytes: &[u8]) -> Result<Option<Vec<u8>>, Problem> {
    match kind(bytes) {
        Kind::Pdf => pdf::clean(bytes).map(Some),
        // A ZIP that is no office document may still open as a PDF (a
        // PDF reader looks for `%PDF-` within the first kilobyte).
        Kind::Zip => match office::clean(bytes)? {
            Some(clean) => Ok(Some(clean)),
            None if pdf::is_pdf(bytes) => pdf::clean(bytes).map(Some),
            None => Ok(None),
        },
        Kind::LegacyOffice => Err(Problem::new(t!("document-legacy-office"), t!("document-convert-hint"))),
        Kind::Rtf => Err(Problem::new(t!("document-rtf"), t!("document-convert-hint"))),
        Kind::Other => Ok(None),
    }
}
