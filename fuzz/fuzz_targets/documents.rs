//! Documents cleaned of their hidden data: any bytes, read as a PDF (after a
//! PDF header) and as an office document, give a cleaned document or an
//! error, never a panic. What comes out still reads (lopdf, zip) and keeps
//! nothing the cleaner removes: no document information dictionary, no XMP
//! stream, no attached file's contents; no document properties but the
//! empty ones, and no picture with anything left to strip.
#![no_main]

use std::io::{Cursor, Read};

use libfuzzer_sys::fuzz_target;
use loa::render::documents::{jpeg, office, pdf, png};
use lopdf::{Document, Object};

fuzz_target!(|data: &[u8]| {
    let mut as_pdf = b"%PDF-1.7\n".to_vec();
    as_pdf.extend_from_slice(data);
    if let Ok(clean) = pdf::clean(&as_pdf) {
        let doc = Document::load_mem(&clean).expect("a cleaned PDF reads back");
        assert!(!doc.trailer.has(b"Info"), "an Info dictionary");
        for object in doc.objects.values() {
            let dict = match object {
                Object::Dictionary(d) => d,
                Object::Stream(s) => &s.dict,
                _ => continue,
            };
            for key in [&b"Metadata"[..], b"PieceInfo", b"EF"] {
                assert!(!dict.has(key), "a /{} entry", String::from_utf8_lossy(key));
            }
        }
    }
    if let Ok(Some(clean)) = office::clean(data) {
        let mut archive = zip::ZipArchive::new(Cursor::new(&clean)).expect("a cleaned document reads back");
        let ooxml = archive.index_for_name("[Content_Types].xml").is_some();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).expect("an entry reads back");
            let name = entry.name().expect("a name").into_owned();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("an entry unpacks");
            if ooxml && name == "docProps/core.xml" {
                assert!(bytes.ends_with(b"/>") && !bytes.windows(8).any(|w| w == b"creator>"), "core properties kept");
            }
            // A picture left with nothing more to strip: no EXIF, XMP or text.
            if jpeg::is_jpeg(&bytes) {
                assert_eq!(jpeg::strip(&bytes).ok().as_ref(), Some(&bytes), "a JPEG kept metadata in {name}");
            }
            if png::is_png(&bytes) {
                assert_eq!(png::strip(&bytes).ok().as_ref(), Some(&bytes), "a PNG kept metadata in {name}");
            }
        }
    }
});
