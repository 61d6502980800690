//! PDFs written anew without what they say of who made them, read and
//! written with [`lopdf`]. Only the objects the document still uses are
//! written (earlier revisions of an edited PDF, and objects nothing points
//! to, are gone), with a classic cross-reference table and a new trailer.
//! Removed:
//!
//! - the document information dictionary, whole (author, creator, producer,
//!   title, subject, keywords, dates: the title of a PDF made by "Save as
//!   PDF" is often the file's path on the author's computer, as with mat2);
//! - every XMP metadata stream (`/Metadata`, on the catalog, pages, pictures
//!   and fonts) and application data (`/PieceInfo`, `/LastModified`);
//! - the document ID (derived from the author's machine and time by some
//!   writers, and shared by every version of a document): replaced by a
//!   hash of the file's bytes, so two builds give the same file;
//! - attached files' contents (embedded files and associated files keep
//!   their name, lose their bytes: an attachment is a document of its own);
//! - annotations' (comments') authors and dates (form fields keep their
//!   names);
//! - JPEG pictures' EXIF, XMP and IPTC ([`super::jpeg`]).
//!
//! Refused: encrypted PDFs (their objects cannot be rewritten without the
//! password, and an owner password would be removed without its owner's
//! knowledge). Not cleaned: pictures in other formats that carry metadata of
//! their own (JPEG 2000, a JPEG compressed once more), inline pictures in
//! page content, and the text of the pages themselves. A digitally signed
//! PDF is rewritten, so its signature no longer verifies.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::{Problem, jpeg};
use crate::t;

pub use crate::load::sniff::is_pdf;

fn unreadable(detail: impl std::fmt::Display) -> Problem {
    Problem::new(t!("document-pdf-unreadable", detail = detail.to_string()), t!("document-pdf-hint"))
}

/// Keys removed from every dictionary.
const REMOVED: &[&[u8]] = &[b"Metadata", b"PieceInfo", b"LastModified"];

/// Keys removed from annotations that are not form fields.
const ANNOTATION_REMOVED: &[&[u8]] = &[b"T", b"M", b"CreationDate"];

/// The PDF without its metadata, or why it cannot be published.
pub fn clean(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut doc = read(bytes).map_err(unreadable)?;
    if doc.trailer.has(b"Encrypt") {
        return Err(Problem::new(t!("document-pdf-encrypted"), t!("document-pdf-encrypted-hint")));
    }
    let root = doc.trailer.get(b"Root").and_then(Object::as_reference).map_err(unreadable)?;
    if !doc.objects.contains_key(&root) {
        return Err(unreadable("no document catalog"));
    }
    let id = crate::hash::hash128(&bytes).to_be_bytes().to_vec();
    let mut trailer = Dictionary::new();
    trailer.set("Root", root);
    trailer.set("ID", vec![Object::String(id.clone(), StringFormat::Hexadecimal), Object::String(id, StringFormat::Hexadecimal)]);
    doc.trailer = trailer;
    for object in doc.objects.values_mut() {
        scrub(object)?;
    }
    let used = reachable(&doc);
    doc.objects.retain(|id, _| used.contains(id));
    // The trailer's /Size is one more than the highest object number left.
    doc.max_id = doc.objects.keys().map(|id| id.0).max().unwrap_or(0);
    write(doc).map_err(unreadable)
}

/// A PDF as lopdf reads it. lopdf reads what PDF writers write; a panic in
/// it on a damaged file is an unreadable file, not a crash of the build.
pub fn read(bytes: &[u8]) -> Result<Document, String> {
    std::panic::catch_unwind(|| Document::load_mem(bytes)).map_err(|_| "the PDF reader stopped".to_owned())?.map_err(|e| e.to_string())
}

/// A PDF read by [`read`] written back, with a classic cross-reference
/// table (what every reader reads).
pub fn write(mut doc: Document) -> Result<Vec<u8>, String> {
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Removes metadata from an object and every object written inside it.
fn scrub(object: &mut Object) -> Result<(), Problem> {
    let mut todo = vec![object];
    while let Some(o) = todo.pop() {
        match o {
            Object::Dictionary(d) => {
                scrub_dictionary(d);
                todo.extend(d.iter_mut().map(|(_, v)| v));
            }
            Object::Stream(s) => {
                scrub_dictionary(&mut s.dict);
                strip_jpeg(s)?;
                todo.extend(s.dict.iter_mut().map(|(_, v)| v));
            }
            Object::Array(a) => todo.extend(a.iter_mut()),
            _ => {}
        }
    }
    Ok(())
}

fn name_is(d: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    d.get(key).and_then(Object::as_name).is_ok_and(|n| n == value)
}

fn scrub_dictionary(d: &mut Dictionary) {
    for key in REMOVED {
        d.remove(key);
    }
    // A file specification: its embedded file goes, its name stays.
    if d.has(b"EF") {
        d.remove(b"EF");
        d.remove(b"RF");
    }
    // An annotation (it has a rectangle and a kind), but not a form field,
    // whose `T` is the field's name.
    if d.has(b"Rect") && d.has(b"Subtype") && !name_is(d, b"Subtype", b"Widget") && !d.has(b"FT") {
        for key in ANNOTATION_REMOVED {
            d.remove(key);
        }
    }
}

/// A JPEG picture (a stream whose only filter is `DCTDecode`) without its
/// metadata segments.
fn strip_jpeg(s: &mut Stream) -> Result<(), Problem> {
    let dct = match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => n == b"DCTDecode" || n == b"DCT",
        Ok(Object::Array(a)) => a.len() == 1 && matches!(&a[0], Object::Name(n) if n == b"DCTDecode" || n == b"DCT"),
        _ => false,
    };
    if !dct {
        return Ok(());
    }
    let clean = jpeg::strip(&s.content).map_err(|d| Problem::new(t!("document-pdf-picture-damaged", offset = d.offset), t!("document-pdf-hint")))?;
    if clean != s.content {
        s.set_content(clean);
    }
    Ok(())
}

/// The objects the trailer leads to.
fn reachable(doc: &Document) -> HashSet<ObjectId> {
    let mut seen = HashSet::new();
    let mut todo: Vec<&Object> = doc.trailer.iter().map(|(_, v)| v).collect();
    while let Some(o) = todo.pop() {
        match o {
            Object::Reference(id) => {
                if seen.insert(*id)
                    && let Some(target) = doc.objects.get(id)
                {
                    todo.push(target);
                }
            }
            Object::Array(a) => todo.extend(a.iter()),
            Object::Dictionary(d) => todo.extend(d.iter().map(|(_, v)| v)),
            Object::Stream(s) => todo.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    seen
}
