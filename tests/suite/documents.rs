//! Documents published as downloads lose their hidden data (promise 11):
//! PDFs and office documents, judged by their bytes, are written anew
//! without their authors, editors, dates, XMP, attachments or their photos'
//! EXIF; old binary Office files and RTF are refused with a located error.
//!
//! The documents are made here (lopdf writes the PDFs, zip the office
//! files), each carrying a secret in every place a writer hides one; the
//! cleaned file must not carry it anywhere (compressed streams and entries
//! are read unpacked), must still open (lopdf, zip, the image decoder, and
//! `qpdf --check`, `pdfinfo`, `exiftool` when installed), and must keep its
//! content.

use crate::common;

use std::io::{Cursor, Read, Write};
use std::process::Command;

use common::*;
use loa::render::documents::{self, Kind};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};
use proptest::prelude::*;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// What the photo fixture says of its camera and owner.
const PHOTO_SECRETS: &[&str] = &["LoaTestCam", "Fixture Owner", "LOA-0001"];

fn photo() -> Vec<u8> {
    std::fs::read(fixture("images").join("gps.jpg")).unwrap()
}

fn png_photo() -> Vec<u8> {
    std::fs::read(fixture("images").join("gps.png")).unwrap()
}

fn has(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn installed(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok() || Command::new(tool).arg("--version").output().is_ok()
}

// ---------------------------------------------------------------------------
// PDFs
// ---------------------------------------------------------------------------

/// Where a PDF writer hides who made it.
#[derive(Debug, Clone, Copy)]
struct PdfPlaces {
    info: bool,
    catalog_xmp: bool,
    page_xmp: bool,
    image_xmp: bool,
    annotation: bool,
    attachment: bool,
    leftover: bool,
    photo: bool,
    id: bool,
    compress: bool,
}

const EVERYWHERE: PdfPlaces =
    PdfPlaces { info: true, catalog_xmp: true, page_xmp: true, image_xmp: true, annotation: true, attachment: true, leftover: true, photo: true, id: true, compress: false };

fn xmp(doc: &mut Document, secret: &str) -> Object {
    let packet = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{secret}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#
    );
    Object::Reference(doc.add_object(Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, packet.into_bytes())))
}

/// A one-page PDF with a text line and a photo, and `secret` in `places`.
fn pdf(secret: &str, places: PdfPlaces) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let mut image_dict = dictionary! {
        "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 48,
        "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
    };
    if places.image_xmp {
        image_dict.set("Metadata", xmp(&mut doc, secret));
    }
    let mut jpeg = photo();
    if places.photo {
        // The photo's EXIF carries the secret too (an APP1 after SOI).
        let exif = format!("Exif\0\0{secret}");
        let mut seg = vec![0xFF, 0xE1];
        seg.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
        seg.extend_from_slice(exif.as_bytes());
        jpeg.splice(2..2, seg);
    }
    let image = doc.add_object(Stream::new(image_dict, jpeg));
    let content = doc.add_object(Stream::new(Dictionary::new(), b"q 64 0 0 48 10 10 cm /Im1 Do Q BT /F1 12 Tf 10 100 Td (Xin chao) Tj ET".to_vec()));
    let mut page = dictionary! {
        "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => dictionary! { "Im1" => image } },
    };
    if places.page_xmp {
        page.set("Metadata", xmp(&mut doc, secret));
    }
    if places.annotation {
        let annot = dictionary! {
            "Type" => "Annot", "Subtype" => "Text", "Rect" => vec![0.into(), 0.into(), 20.into(), 20.into()],
            "Contents" => Object::string_literal("ghi chú"), "T" => Object::string_literal(secret),
            "M" => Object::string_literal("D:20260501100000+07'00'"),
        };
        page.set("Annots", vec![Object::Reference(doc.add_object(annot))]);
    }
    let page_id = doc.add_object(page);
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }));
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if places.catalog_xmp {
        catalog.set("Metadata", xmp(&mut doc, secret));
    }
    if places.attachment {
        let file = doc.add_object(Stream::new(dictionary! { "Type" => "EmbeddedFile" }, format!("bản nháp của {secret}").into_bytes()));
        let spec = doc.add_object(dictionary! { "Type" => "Filespec", "F" => Object::string_literal("nhap.txt"), "EF" => dictionary! { "F" => file } });
        catalog.set("Names", dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal("nhap.txt"), spec.into()] } });
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    if places.info {
        let mut info = Dictionary::new();
        for key in ["Author", "Creator", "Producer", "Title", "Subject", "Keywords", "Company"] {
            info.set(key, Object::string_literal(format!("{key} {secret}")));
        }
        info.set("CreationDate", Object::string_literal("D:20260501100000+07'00'"));
        let info = doc.add_object(info);
        doc.trailer.set("Info", info);
    }
    if places.leftover {
        // What an earlier revision leaves behind: objects nothing points to.
        doc.add_object(dictionary! { "Author" => Object::string_literal(secret) });
    }
    if places.id {
        let id = Object::String(secret.as_bytes().to_vec(), StringFormat::Literal);
        doc.trailer.set("ID", vec![id.clone(), id]);
    }
    if places.compress {
        doc.compress();
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Every byte a PDF holds, its streams unpacked: where a secret could be.
fn pdf_everything(bytes: &[u8]) -> Vec<u8> {
    let doc = Document::load_mem(bytes).expect("the cleaned PDF reads back");
    let mut all = bytes.to_vec();
    for object in doc.objects.values() {
        if let Object::Stream(s) = object {
            all.extend(s.decompressed_content().unwrap_or_else(|_| s.content.clone()));
        }
    }
    all
}

/// The cleaned PDF is whole: one page, its text and its photo.
fn assert_pdf_whole(clean: &[u8]) {
    let doc = Document::load_mem(clean).unwrap();
    assert_eq!(doc.get_pages().len(), 1);
    let page = *doc.get_pages().values().next().unwrap();
    assert!(has(&doc.get_page_content(page).unwrap(), "(Xin chao) Tj"), "the page's text stays");
    let images: Vec<&Stream> = doc.objects.values().filter_map(|o| o.as_stream().ok()).filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image")).collect();
    assert_eq!(images.len(), 1);
    let a = image::load_from_memory(&photo()).unwrap().to_rgb8();
    let b = image::load_from_memory(&images[0].content).expect("the photo still decodes").to_rgb8();
    assert_eq!(a, b, "the photo's pixels are untouched");
}

/// The cleaned PDF as qpdf, pdfinfo and exiftool see it.
fn assert_tools_agree(clean: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clean.pdf");
    std::fs::write(&path, clean).unwrap();
    if installed("qpdf") {
        let out = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
        assert!(out.status.success(), "qpdf --check: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    }
    if installed("pdfinfo") {
        let out = Command::new("pdfinfo").arg(&path).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.lines().any(|l| l.starts_with("Pages:") && l.split_whitespace().nth(1) == Some("1")), "pdfinfo: {text}");
        for field in ["Author:", "Creator:", "Producer:", "Title:", "Metadata Stream: yes"] {
            assert!(!text.contains(field), "pdfinfo shows {field}\n{text}");
        }
    }
    if installed("exiftool") {
        let out = Command::new("exiftool").args(["-a", "-G1", "-ee"]).arg(&path).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for field in ["Author", "Creator", "Producer", "GPS", "Owner Name", "Serial Number", "Camera Model", "XMP"] {
            assert!(!text.contains(field), "exiftool shows {field}\n{text}");
        }
    }
}

#[test]
fn a_pdf_loses_its_author_xmp_attachments_and_its_photos_gps_and_still_opens() {
    let secret = "Nguyen Van An 0912345678";
    let input = pdf(secret, EVERYWHERE);
    assert!(has(&input, secret) && has(&input, "LoaTestCam"), "the secret is there to begin with");
    let clean = documents::clean(&input).unwrap().expect("a PDF is a document");
    let all = pdf_everything(&clean);
    for needle in [secret, "/Author", "/Creator", "/Producer", "/Metadata", "/EF", "Exif", "xmpmeta", "D:2026"].iter().chain(PHOTO_SECRETS) {
        assert!(!has(&all, needle), "{needle} is still in the PDF");
    }
    assert_pdf_whole(&clean);
    assert_tools_agree(&clean);
    assert_eq!(documents::clean(&input).unwrap().unwrap(), clean, "the same file gives the same bytes");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any secret, in any combination of places, compressed or not: it is in
    /// no byte of the cleaned PDF, unpacked streams included.
    #[test]
    fn no_pdf_keeps_a_secret_wherever_it_was_put(
        secret in "[A-Za-z][A-Za-z0-9 ]{11,30}",
        bits in any::<[bool; 10]>(),
    ) {
        let places = PdfPlaces {
            info: bits[0], catalog_xmp: bits[1], page_xmp: bits[2], image_xmp: bits[3], annotation: bits[4],
            attachment: bits[5], leftover: bits[6], photo: bits[7], id: bits[8], compress: bits[9],
        };
        let clean = documents::clean(&pdf(&secret, places)).unwrap().unwrap();
        let all = pdf_everything(&clean);
        prop_assert!(!has(&all, &secret), "{:?}", places);
        for needle in PHOTO_SECRETS {
            prop_assert!(!has(&all, needle));
        }
        assert_pdf_whole(&clean);
    }

    /// Any bytes after a PDF header: a clean PDF or an error, never a panic.
    #[test]
    fn damaged_pdfs_are_refused_not_a_crash(tail in proptest::collection::vec(any::<u8>(), 0..600), cut in 0usize..2000) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(tail);
        let _ = documents::clean(&bytes);
        let whole = pdf("x", EVERYWHERE);
        let _ = documents::clean(&whole[..whole.len().saturating_sub(cut)]);
    }
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let mut doc = Document::load_mem(&pdf("Nguyen", EVERYWHERE)).unwrap();
    let enc = doc.add_object(dictionary! { "Filter" => "Standard", "V" => 1, "R" => 2, "O" => Object::string_literal(vec![0u8; 32]), "U" => Object::string_literal(vec![0u8; 32]), "P" => -4 });
    doc.trailer.set("Encrypt", enc);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let e = documents::clean(&bytes).unwrap_err();
    assert!(e.message.contains("encrypted"), "{}", e.message);
}

// ---------------------------------------------------------------------------
// Office documents
// ---------------------------------------------------------------------------

/// One entry of an archive to make.
struct Entry {
    name: String,
    bytes: Vec<u8>,
    stored: bool,
}

fn entry(name: &str, bytes: impl Into<Vec<u8>>) -> Entry {
    Entry { name: name.to_owned(), bytes: bytes.into(), stored: false }
}

fn zip_of(entries: &[Entry]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for e in entries {
        let method = if e.stored { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        w.start_file(e.name.as_str(), SimpleFileOptions::default().compression_method(method)).unwrap();
        w.write_all(&e.bytes).unwrap();
    }
    w.set_comment("made by Nguyen").unwrap();
    w.finish().unwrap().into_inner()
}

/// Each entry's name, method and unpacked bytes.
fn unzip(bytes: &[u8]) -> Vec<(String, CompressionMethod, Vec<u8>)> {
    let mut a = ZipArchive::new(Cursor::new(bytes)).expect("the cleaned document is a ZIP");
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().unwrap().into_owned(), f.compression(), v)
        })
        .collect()
}

fn png_with_text(secret: &str) -> Vec<u8> {
    let mut p = png_photo();
    let iend = p.len() - 12;
    let text = format!("Author\0{secret}");
    let mut chunk = u32::try_from(text.len()).unwrap().to_be_bytes().to_vec();
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(text.as_bytes());
    chunk.extend_from_slice(&[0; 4]);
    p.splice(iend..iend, chunk);
    p
}

/// A Word document with `secret` as its author, editor, company, custom
/// property, comment author, tracked change author and account, and photos.
fn docx(secret: &str) -> Vec<u8> {
    zip_of(&[
        entry("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"#),
        entry("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>"#),
        entry("docProps/core.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Báo cáo</dc:title><dc:creator>{secret}</dc:creator><cp:lastModifiedBy>{secret}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-05-01T10:00:00Z</dcterms:created></cp:coreProperties>"#)),
        entry("docProps/app.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Template>C:\Users\{secret}\Normal.dotm</Template><Company>{secret}</Company><Manager>{secret}</Manager><TotalTime>42</TotalTime></Properties>"#)),
        entry("docProps/custom.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Owner"><vt:lpwstr>{secret}</vt:lpwstr></property></Properties>"#)),
        entry("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Xin chào các em</w:t></w:r><w:ins w:id="1" w:author="{secret}" w:date="2026-05-01T10:00:00Z"><w:r><w:t>thêm</w:t></w:r></w:ins></w:p></w:body></w:document>"#)),
        entry("word/comments.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="{secret}" w:date="2026-05-01T10:00:00Z" w:initials="NVA"><w:p><w:r><w:t>sửa lại</w:t></w:r></w:p></w:comment></w:comments>"#)),
        entry("word/people.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="{secret}"><w15:presenceInfo w15:providerId="AD" w15:userId="{secret}@so.hanoi.gov.vn"/></w15:person></w15:people>"#)),
        entry("word/media/image1.jpeg", photo()),
        entry("word/media/image2.png", png_with_text(secret)),
        // A photo under a name that does not say so: judged by its bytes.
        entry("word/media/image3.bin", photo()),
    ])
}

/// An OpenDocument text with `secret` as its author and comment author.
fn odt(secret: &str) -> Vec<u8> {
    let mut mimetype = entry("mimetype", "application/vnd.oasis.opendocument.text");
    mimetype.stored = true;
    zip_of(&[
        mimetype,
        entry("META-INF/manifest.xml", r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#),
        entry("meta.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:initial-creator>{secret}</meta:initial-creator><dc:creator>{secret}</dc:creator><meta:generator>LibreOffice</meta:generator></office:meta></office:document-meta>"#)),
        entry("content.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:text><text:p>Xin chào<office:annotation><dc:creator>{secret}</dc:creator><dc:date>2026-05-01T10:00:00</dc:date><text:p>sửa lại</text:p></office:annotation></text:p></office:text></office:body></office:document-content>"#)),
        entry("Pictures/1000.jpg", photo()),
        entry("Thumbnails/thumbnail.png", png_with_text(secret)),
    ])
}

/// The cleaned archive has the same entries in the same order, no secret
/// in any of them, and its pictures show the same pixels.
fn assert_office_clean(input: &[u8], clean: &[u8], secret: &str) {
    let before = unzip(input);
    let after = unzip(clean);
    assert_eq!(before.iter().map(|e| &e.0).collect::<Vec<_>>(), after.iter().map(|e| &e.0).collect::<Vec<_>>(), "the same entries, in the same order");
    assert!(!has(clean, "Nguyen"), "the archive comment is gone");
    for (name, _, bytes) in &after {
        for needle in [secret, "2026-05-01"].iter().chain(PHOTO_SECRETS) {
            assert!(!has(bytes, needle), "{needle} is still in {name}: {}", String::from_utf8_lossy(bytes));
        }
        if bytes.starts_with(&[0xFF, 0xD8]) || bytes.starts_with(b"\x89PNG") {
            let was = &before.iter().find(|e| &e.0 == name).unwrap().2;
            assert_eq!(image::load_from_memory(was).unwrap().to_rgba8(), image::load_from_memory(bytes).expect("the picture decodes").to_rgba8(), "{name}");
        }
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(std::str::from_utf8(bytes).unwrap()).unwrap_or_else(|e| panic!("{name} is not XML: {e}"));
        }
    }
}

fn assert_exiftool_sees_no_one(clean: &[u8], ext: &str) {
    if !installed("exiftool") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("clean.{ext}"));
    std::fs::write(&path, clean).unwrap();
    let out = Command::new("exiftool").args(["-a", "-G1"]).arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for field in ["Creator", "Last Modified By", "Company", "Manager", "Template", "Initial Creator", "Owner"] {
        assert!(!text.contains(field), "exiftool shows {field}\n{text}");
    }
}

#[test]
fn a_word_document_loses_its_people_and_its_photos_gps_and_keeps_its_text() {
    let secret = "Nguyen Van An";
    let input = docx(secret);
    let clean = documents::clean(&input).unwrap().expect("a .docx is a document");
    assert_office_clean(&input, &clean, secret);
    let after = unzip(&clean);
    let body = String::from_utf8(after.iter().find(|e| e.0 == "word/document.xml").unwrap().2.clone()).unwrap();
    assert!(body.contains("Xin chào các em") && body.contains("thêm"), "{body}");
    assert_exiftool_sees_no_one(&clean, "docx");
    assert_eq!(documents::clean(&input).unwrap().unwrap(), clean, "the same file gives the same bytes");
}

#[test]
fn an_opendocument_loses_its_people_and_keeps_its_mimetype_first_and_stored() {
    let secret = "Nguyen Van An";
    let input = odt(secret);
    let clean = documents::clean(&input).unwrap().expect("an .odt is a document");
    assert_office_clean(&input, &clean, secret);
    let after = unzip(&clean);
    assert_eq!((after[0].0.as_str(), after[0].1), ("mimetype", CompressionMethod::Stored));
    assert_eq!(&clean[30..38], b"mimetype", "the mimetype is the archive's first bytes, as OpenDocument requires");
    assert!(String::from_utf8_lossy(&after[3].2).contains("sửa lại"));
    assert_exiftool_sees_no_one(&clean, "odt");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Any secret, any family, the entries in any order and compressed or
    /// not: the secret is in no entry of the cleaned document.
    #[test]
    fn no_office_document_keeps_a_secret(secret in "[A-Za-z][A-Za-z0-9 ]{11,30}", odf in any::<bool>(), order in Just((0..11usize).collect::<Vec<_>>()).prop_shuffle(), stored in any::<[bool; 11]>()) {
        let input = if odf { odt(&secret) } else { docx(&secret) };
        let entries = unzip(&input);
        // Reordered, each stored or compressed (the mimetype stays first).
        let mut shuffled: Vec<Entry> = Vec::new();
        for &i in order.iter().filter(|&&i| i < entries.len()) {
            if odf && i == 0 { continue; }
            shuffled.push(Entry { name: entries[i].0.clone(), bytes: entries[i].2.clone(), stored: stored[i] });
        }
        if odf {
            shuffled.insert(0, Entry { name: "mimetype".to_owned(), bytes: entries[0].2.clone(), stored: true });
        }
        let input = zip_of(&shuffled);
        let clean = documents::clean(&input).unwrap().unwrap();
        assert_office_clean(&input, &clean, &secret);
    }

    /// Any bytes after a ZIP header: a clean document, `None`, or an error;
    /// never a panic.
    #[test]
    fn damaged_archives_are_refused_not_a_crash(flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = docx("Nguyen Van An");
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if let Ok(Some(clean)) = documents::clean(&bytes) {
            for (_, _, e) in unzip(&clean) {
                prop_assert!(!has(&e, "Nguyen Van An"));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// What is refused, and what is no document
// ---------------------------------------------------------------------------

#[test]
fn old_binary_office_files_and_rtf_are_refused_whatever_their_name() {
    let ole = [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], b"Nguyen Van An"].concat();
    assert_eq!(documents::kind(&ole), Kind::LegacyOffice);
    let e = documents::clean(&ole).unwrap_err();
    assert!(e.message.contains(".doc") && e.hint.contains("PDF"), "{} / {}", e.message, e.hint);
    let e = documents::clean(br"{\rtf1\ansi{\info{\author Nguyen Van An}}}").unwrap_err();
    assert!(e.message.contains("RTF"), "{}", e.message);
}

#[test]
fn files_that_are_no_document_are_left_alone() {
    for bytes in [&b"google-site-verification: google1234.html\n"[..], b"", b"%PD", b"PK"] {
        assert_eq!(documents::clean(bytes).unwrap(), None, "{bytes:?}");
    }
    // A ZIP of something else (not an office document) is published as it is.
    let other = zip_of(&[entry("readme.txt", "Nguyen")]);
    assert_eq!(documents::clean(&other).unwrap(), None);
}

// ---------------------------------------------------------------------------
// Through a real build
// ---------------------------------------------------------------------------

/// A PDF and a Word file linked by a live page, a PDF in `static/` under a
/// name that hides it, are published cleaned; an old `.doc` linked by a page
/// is an error at the link, with the way to convert it.
#[test]
fn a_build_publishes_documents_cleaned_and_refuses_old_office_files_at_the_link() {
    let secret = "Nguyen Van An";
    let s = site("good");
    s.write("content/pages/bao-cao.pdf", pdf(secret, EVERYWHERE));
    s.write("content/pages/ke-hoach.docx", docx(secret));
    s.write("static/tai-lieu/ho-so.txt", pdf(secret, EVERYWHERE));
    let page = "content/pages/gioi-thieu.md";
    let mut text = std::fs::read_to_string(s.root.join(page)).unwrap();
    text.push_str("\n[Báo cáo](bao-cao.pdf) và [kế hoạch](ke-hoach.docx).\n");
    s.write(page, &text);

    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let pdf_out = std::fs::read(out.join("bao-cao.pdf")).unwrap();
    assert!(!has(&pdf_everything(&pdf_out), secret));
    assert_pdf_whole(&pdf_out);
    let hidden = std::fs::read(out.join("tai-lieu/ho-so.txt")).unwrap();
    assert!(!has(&pdf_everything(&hidden), secret), "a PDF is cleaned whatever its name");
    let docx_out = std::fs::read(out.join("ke-hoach.docx")).unwrap();
    assert_office_clean(&docx(secret), &docx_out, secret);
    assert_nowhere(&out, secret);

    // An old Word file linked on line 10, column 1 of the page.
    s.write("content/pages/cu.doc", [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], secret.as_bytes()].concat());
    text.push_str("[Bản cũ](cu.doc)\n");
    s.write(page, &text);
    let line = text.lines().count();
    let run = build(&s.root, &s.beside("out2"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has(&format!("{page}:{line}:1")).stderr_has("cu.doc").stderr_has("save it as PDF");
    assert!(!s.beside("out2").join("cu.doc").exists());
}

/// Every byte of a Word file set to zero in turn (7,848 damaged files):
/// whatever part it damages — an entry's name in the archive's directory
/// (`docProps/core\0xml`) among them — a document that is cleaned keeps no
/// name. Found by the property test above: a damaged name made the
/// properties part an unknown one, kept as it was.
#[test]
fn no_single_damaged_byte_keeps_a_name() {
    let orig = docx("Nguyen Van An");
    let mut leaks = Vec::new();
    for i in 0..orig.len() {
        let mut bytes = orig.clone();
        bytes[i] = 0;
        let Ok(Some(clean)) = documents::clean(&bytes) else { continue };
        let Ok(mut a) = ZipArchive::new(Cursor::new(&clean[..])) else { continue };
        for k in 0..a.len() {
            let mut f = a.by_index(k).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).ok();
            if has(&v, "Nguyen Van An") || has(f.name_raw(), "Nguyen Van An") {
                leaks.push((i, String::from_utf8_lossy(f.name_raw()).into_owned()));
            }
        }
    }
    assert!(leaks.is_empty(), "byte set to zero → part that keeps the name: {leaks:?}");
}
