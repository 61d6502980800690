//! Office documents (ZIP archives of XML parts and media): Word, Excel and
//! PowerPoint's `.docx`, `.xlsx`, `.pptx` (recognised by their
//! `[Content_Types].xml`) and OpenDocument's `.odt`, `.ods`, `.odp` (by their
//! `mimetype`), whatever their name. The archive is written anew, entry by
//! entry in the same order, each stored or compressed as it was (so an
//! OpenDocument's `mimetype` stays first and stored), with no dates, extra
//! fields or archive comment. On the way:
//!
//! - the document's properties are replaced by empty ones: `docProps/core.xml`
//!   (author, last editor, dates, title, subject, keywords),
//!   `docProps/app.xml` (company, manager, template, editing time),
//!   `docProps/custom.xml`, and OpenDocument's `meta.xml` — known by their
//!   root element too, so that a part under another name (a damaged entry
//!   name, found by a property test) does not keep them;
//! - every other XML part, known by its name or by its first element, loses
//!   people's names and edit dates ([`super::xml`]);
//! - pictures inside, judged by their bytes, lose their metadata (JPEG
//!   [`super::jpeg`], PNG [`super::png`]); PDFs and office documents embedded
//!   in the document are cleaned in turn.
//!
//! Other embedded objects (old binary Office files as OLE objects, macros)
//! are kept as they are.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{Problem, jpeg, png};
use crate::t;

/// The most an office document may unpack to.
pub const MAX_UNPACKED: u64 = 1 << 30;

/// The most entries an office document may have.
pub const MAX_ENTRIES: usize = 100_000;

/// How deep documents embedded in documents are cleaned.
const MAX_DEPTH: u8 = 3;

pub use crate::load::sniff::is_zip;

/// Which family an archive's document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Office Open XML (Word, Excel, PowerPoint).
    Ooxml,
    /// OpenDocument (LibreOffice and others).
    Odf,
}

const EMPTY_CORE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>"#;
const EMPTY_APP: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>"#;
const EMPTY_CUSTOM: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>"#;
const EMPTY_META: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/></office:document-meta>"#;

/// The document cleaned, `None` when the archive is no office document (it
/// is then published as it is), or why it cannot be published.
pub fn clean(bytes: &[u8]) -> Result<Option<Vec<u8>>, Problem> {
    clean_at(bytes, 0)
}

fn unreadable(detail: impl std::fmt::Display) -> Problem {
    Problem::new(t!("document-zip-unreadable", detail = detail.to_string()), t!("document-office-hint"))
}

fn family(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Option<Family> {
    if archive.index_for_name("[Content_Types].xml").is_some() {
        return Some(Family::Ooxml);
    }
    let mut mimetype = archive.by_name("mimetype").ok()?;
    let mut head = Vec::new();
    mimetype.by_ref().take(100).read_to_end(&mut head).ok()?;
    head.starts_with(b"application/vnd.oasis.opendocument.").then_some(Family::Odf)
}

fn clean_at(bytes: &[u8], depth: u8) -> Result<Option<Vec<u8>>, Problem> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let Some(family) = family(&mut archive) else { return Ok(None) };
    if archive.len() > MAX_ENTRIES {
        return Err(unreadable(format!("{} entries", archive.len())));
    }
    let mut w = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(unreadable)?;
        let name = entry.name().map_err(unreadable)?.into_owned();
        if entry.encrypted() {
            return Err(unreadable(format!("{name}: encrypted")));
        }
        let method = if entry.compression() == CompressionMethod::Stored { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644)
            .system(zip::System::Unix);
        if entry.is_dir() {
            w.add_directory(name.as_str(), opts).map_err(unreadable)?;
            continue;
        }
        let mut data = Vec::new();
        let left = MAX_UNPACKED - unpacked;
        entry.by_ref().take(left + 1).read_to_end(&mut data).map_err(|e| unreadable(format!("{name}: {e}")))?;
        unpacked += data.len() as u64;
        if unpacked > MAX_UNPACKED {
            return Err(Problem::new(t!("document-too-large", max = MAX_UNPACKED >> 20), t!("document-office-hint")));
        }
        drop(entry);
        let data = part(family, &name, data, depth)?;
        w.start_file(name.as_str(), opts).map_err(unreadable)?;
        w.write_all(&data).map_err(unreadable)?;
    }
    Ok(Some(w.finish().map_err(unreadable)?.into_inner()))
}

/// One entry cleaned.
fn part(family: Family, name: &str, data: Vec<u8>, depth: u8) -> Result<Vec<u8>, Problem> {
    let damaged = |offset: usize| Problem::new(t!("document-part-damaged", part = name, offset = offset), t!("document-office-hint"));
    match (family, name) {
        (Family::Ooxml, "docProps/core.xml") => return Ok(EMPTY_CORE.to_vec()),
        (Family::Ooxml, "docProps/app.xml") => return Ok(EMPTY_APP.to_vec()),
        (Family::Ooxml, "docProps/custom.xml") => return Ok(EMPTY_CUSTOM.to_vec()),
        (Family::Odf, "meta.xml") => return Ok(EMPTY_META.to_vec()),
        _ => {}
    }
    if jpeg::is_jpeg(&data) {
        return jpeg::strip(&data).map_err(|d| damaged(d.offset));
    }
    if png::is_png(&data) {
        return png::strip(&data).map_err(damaged);
    }
    if depth < MAX_DEPTH && super::pdf::is_pdf(&data) {
        return super::pdf::clean(&data);
    }
    if depth < MAX_DEPTH && is_zip(&data) {
        return Ok(clean_at(&data, depth + 1)?.unwrap_or(data));
    }
    if let Some(empty) = empty_properties(&data) {
        return Ok(empty.to_vec());
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".xml") || lower.ends_with(".rels") || root_tag(&data).is_some() {
        return super::xml::scrub(&data).map_err(|detail| Problem::new(t!("document-part-xml", part = name, detail = detail), t!("document-office-hint")));
    }
    Ok(data)
}

/// The empty properties part that replaces `data` when its root element
/// says it is one (core, extended or custom properties; OpenDocument's
/// meta), whatever the entry's name.
fn empty_properties(data: &[u8]) -> Option<&'static [u8]> {
    let tag = root_tag(data)?;
    let name = tag.split(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>').next()?;
    let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
    let says = |what: &[u8]| tag.windows(what.len()).any(|w| w == what);
    match local {
        b"coreProperties" => Some(EMPTY_CORE),
        b"Properties" if says(b"custom-properties") => Some(EMPTY_CUSTOM),
        b"Properties" => Some(EMPTY_APP),
        b"document-meta" => Some(EMPTY_META),
        _ => None,
    }
}

/// The root element's start tag (after `<`, up to `>`) of what reads as
/// XML: a byte-order mark, white space, the declaration, comments and a
/// doctype may come first. `None` for anything else.
fn root_tag(data: &[u8]) -> Option<&[u8]> {
    let mut rest = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    loop {
        rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
        let skip_to = |from: &[u8], end: &[u8]| from.windows(end.len()).position(|w| w == end).map(|i| i + end.len());
        if rest.starts_with(b"<?") {
            rest = &rest[skip_to(rest, b"?>")?..];
        } else if rest.starts_with(b"<!--") {
            rest = &rest[skip_to(rest, b"-->")?..];
        } else if rest.starts_with(b"<!") {
            rest = &rest[skip_to(rest, b">")?..];
        } else if let Some(tag) = rest.strip_prefix(b"<") {
            let end = tag.iter().position(|&b| b == b'>')?;
            let tag = &tag[..end];
            return tag.first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_').then_some(tag);
        } else {
            return None;
        }
    }
}
