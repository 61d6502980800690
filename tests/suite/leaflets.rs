//! Leaflets end to end: the `loa` binary builds the fixture site in
//! `tests/fixtures/leaflets/` (copied into a temporary folder), and the PDFs are
//! read back with a PDF parser (`lopdf`): their text, page count and page size.
//!
//! lopdf's own `extract_text` cannot read the ToUnicode maps Typst writes (it
//! accepts no `/CMapVersion` or `/WMode` entries), so the text is rebuilt
//! here from lopdf's parsed objects: each font's ToUnicode map, then the
//! page's text operators, with a space where a new line starts.

use crate::common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use common::{loa_in, missing_tool, Run};

const HOTLINE: &str = "Tổng đài điện thoại quốc gia bảo vệ trẻ em";

/// The fixture site in a fresh temporary folder.
fn site() -> (common::Site, PathBuf) {
    let s = common::site("leaflets");
    let root = s.root.clone();
    (s, root)
}

/// Runs `loa ARGS --root ROOT` from the site's parent folder.
fn loa(root: &Path, args: &[&str]) -> Run {
    let mut all: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
    all.push("--root".into());
    all.push(root.into());
    loa_in(root.parent().unwrap(), all)
}

fn build(root: &Path, at: &str, out: &Path) -> Run {
    let run = common::build(root, out, Some(at), &[]);
    run.ok();
    run
}

/// Text (whitespace squashed), page count and page sizes in millimetres.
struct Pdf {
    text: String,
    sizes: Vec<(f64, f64)>,
    title: String,
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => panic!("not a number: {o:?}"),
    }
}

/// Hex digits → bytes.
fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()).collect()
}

/// A ToUnicode CMap: glyph code → text (`bfchar` and `bfrange` sections).
fn to_unicode(cmap: &str) -> HashMap<u32, String> {
    let utf16 = |h: &str| {
        let b = hex(h);
        let units: Vec<u16> = b.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        String::from_utf16_lossy(&units)
    };
    let code = |h: &str| u32::from_str_radix(h, 16).unwrap();
    let mut map = HashMap::new();
    let mut section = "";
    for line in cmap.lines().map(str::trim) {
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") { "char" } else { "range" };
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let parts: Vec<&str> = line.split(['<', '>']).map(str::trim).filter(|p| !p.is_empty()).collect();
        match (section, parts.as_slice()) {
            ("char", [src, dst]) => {
                map.insert(code(src), utf16(dst));
            }
            ("range", [lo, hi, dst]) => {
                let first: Vec<u16> = utf16(dst).encode_utf16().collect();
                for (i, c) in (code(lo)..=code(hi)).enumerate() {
                    let mut units = first.clone();
                    if let Some(last) = units.last_mut() {
                        *last += i as u16;
                    }
                    map.insert(c, String::from_utf16_lossy(&units));
                }
            }
            _ => {}
        }
    }
    map
}

/// The text of a page, from its text-showing operators and its fonts' ToUnicode maps.
fn page_text(doc: &Document, page: lopdf::ObjectId) -> String {
    let mut maps: HashMap<Vec<u8>, HashMap<u32, String>> = HashMap::new();
    for (name, font) in doc.get_page_fonts(page).unwrap() {
        let map = font
            .get(b"ToUnicode")
            .and_then(|o| o.as_reference())
            .and_then(|id| doc.get_object(id))
            .and_then(|o| o.as_stream())
            .map(|s| to_unicode(&String::from_utf8_lossy(&s.decompressed_content().unwrap_or_else(|_| s.content.clone()))))
            .unwrap_or_default();
        maps.insert(name, map);
    }
    let content = doc.get_and_decode_page_content(page).unwrap();
    let mut text = String::new();
    let mut font: Vec<u8> = Vec::new();
    let mut y = f64::NAN;
    let mut line_y = f64::NAN;
    for op in &content.operations {
        let show = |bytes: &[u8], text: &mut String| {
            let map = maps.get(&font);
            for pair in bytes.chunks(2) {
                let c = u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0));
                if let Some(s) = map.and_then(|m| m.get(&c)) {
                    text.push_str(s);
                }
            }
        };
        match op.operator.as_str() {
            "cm" => y = op.operands.get(5).map(number).unwrap_or(y),
            "Tf" => font = op.operands[0].as_name().unwrap_or_default().to_vec(),
            "Tj" | "TJ" => {
                if y != line_y {
                    text.push(' ');
                    line_y = y;
                }
                for o in &op.operands {
                    match o {
                        Object::String(b, _) => show(b, &mut text),
                        Object::Array(a) => a.iter().for_each(|x| {
                            if let Object::String(b, _) = x {
                                show(b, &mut text)
                            }
                        }),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    text
}

fn read_pdf(path: &Path) -> Pdf {
    let doc = Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let pages = doc.get_pages();
    let text: String = pages.values().map(|&id| page_text(&doc, id)).collect::<Vec<_>>().join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let sizes = pages
        .values()
        .map(|id| {
            let page = doc.get_object(*id).unwrap().as_dict().unwrap();
            let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let pt = |i: usize| number(&mb[i]);
            let mm = |p: f64| (p * 25.4 / 72.0 * 10.0).round() / 10.0;
            (mm(pt(2) - pt(0)), mm(pt(3) - pt(1)))
        })
        .collect();
    let info = doc.trailer.get(b"Info").and_then(|r| r.as_reference()).and_then(|id| doc.get_dictionary(id)).ok();
    let title = info
        .and_then(|d| d.get(b"Title").ok())
        .and_then(|t| lopdf::decode_text_string(t).ok())
        .unwrap_or_default();
    Pdf { text, sizes, title }
}

#[test]
fn leaflets_have_the_right_text_pages_and_sizes() {
    let (_tmp, root) = site();
    let out = root.parent().unwrap().join("dist");
    build(&root, "2027-06-10", &out);
    let l = out.join("leaflets");

    let a4 = read_pdf(&l.join("pages/cach-bao-tin-a4.pdf"));
    assert!(a4.text.contains(HOTLINE), "{}", a4.text);
    assert!(a4.text.contains("Cách báo tin khi trẻ em bị bạo lực, xâm hại"), "{}", a4.text);
    assert!(a4.text.contains("Bạn không cần chắc chắn mới được báo tin."), "{}", a4.text);
    assert!(a4.text.contains("Đừng tra hỏi trẻ nhiều lần."), "{}", a4.text);
    assert_eq!(a4.title, "Cách báo tin khi trẻ em bị bạo lực, xâm hại");
    assert!(a4.sizes.iter().all(|&s| s == (210.0, 297.0)), "{:?}", a4.sizes);

    let a5 = read_pdf(&l.join("pages/cach-bao-tin-a5.pdf"));
    assert!(a5.text.contains(HOTLINE), "{}", a5.text);
    assert!(a5.sizes.iter().all(|&s| s == (148.0, 210.0)), "{:?}", a5.sizes);

    let tri = read_pdf(&l.join("pages/cach-bao-tin-trifold.pdf"));
    assert!(tri.text.contains(HOTLINE), "{}", tri.text);
    assert_eq!(tri.sizes, vec![(297.0, 210.0), (297.0, 210.0)], "a tri-fold is two sides of landscape A4");

    // A locality's copy: its own contact in the hotline box.
    let local = read_pdf(&l.join("pages/cach-bao-tin-a5/xa-bat-trang.pdf"));
    for s in [HOTLINE, "Xã Bát Tràng", "024.0000.0002", "Trụ sở xã (ví dụ)"] {
        assert!(local.text.contains(s), "{s} in {}", local.text);
    }
    assert!(!a5.text.contains("Xã Bát Tràng"));
    assert!(l.join("pages/cach-bao-tin-a4/phuong-hoan-kiem.pdf").is_file());

    // A campaign page shows the dates of the occurrence as of the day.
    let campaign = read_pdf(&l.join("thang-hanh-dong-vi-tre-em/hoat-dong-a4.pdf"));
    assert!(campaign.text.contains("Tháng hành động vì trẻ em"), "{}", campaign.text);
    assert!(campaign.text.contains("1/6 – 30/6/2027"), "{}", campaign.text);

    // The page links to its leaflets; the list for schools names them all.
    let page = fs::read_to_string(out.join("cach-bao-tin/index.html")).unwrap();
    assert!(page.contains("href=\"/leaflets/pages/cach-bao-tin-a4.pdf\""), "{page}");
    assert!(page.contains("href=\"/leaflets/pages/cach-bao-tin-a5/xa-bat-trang.pdf\""), "{page}");
    let index = fs::read_to_string(l.join("index.html")).unwrap();
    for s in ["cach-bao-tin-trifold.pdf", "cach-bao-tin-a4.png", "hoat-dong-a4.pdf", "cu-phap-typst-a5.pdf", "Xã Bát Tràng", "Tháng hành động vì trẻ em"] {
        assert!(index.contains(s), "{s} in the index");
    }
    // No script but the quick exit's, as on every page.
    assert_eq!(index.matches("<script").count(), 1, "only the quick exit's script");
    assert!(index.contains("<script src=\"/safety.js\" defer></script>"));
}

#[test]
fn typst_syntax_in_markdown_is_shown_verbatim() {
    let (_tmp, root) = site();
    let out = root.parent().unwrap().join("dist");
    build(&root, "2027-06-10", &out);
    let pdf = read_pdf(&out.join("leaflets/pages/cu-phap-typst-a5.pdf"));
    for s in [
        "Ký hiệu #set và $x$ trong tiêu đề",
        "#set text(fill: red)",
        "#import \"@preview/cetz:0.3.0\": *",
        "Công thức $x$ và $$y$$, tham chiếu @ref, nhãn <label> và ngoặc ] lẻ.",
        "#eval(\"1\") và #{ 1 + 1 } và #raw và #escaped",
    ] {
        assert!(pdf.text.contains(s), "{s:?} not in {:?}", pdf.text);
    }
    assert_eq!(pdf.title, "Ký hiệu #set và $x$ trong tiêu đề");
}

#[test]
fn an_embargoed_page_makes_no_leaflet() {
    let (_tmp, root) = site();
    let out = root.parent().unwrap().join("dist");
    build(&root, "2027-06-10", &out);
    let leaflets = out.join("leaflets/thang-hanh-dong-vi-tre-em");
    let names: Vec<String> = fs::read_dir(&leaflets).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with("bi-mat")), "{names:?}");
    for e in walk(&out) {
        let bytes = fs::read(&e).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("EMBARGO-MARKER"), "{} mentions the embargoed page", e.display());
        if e.extension().is_some_and(|x| x == "pdf") {
            assert!(!read_pdf(&e).text.contains("EMBARGO-MARKER"), "{}", e.display());
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn unchanged_leaflets_are_byte_identical_and_not_typeset_again() {
    let (_tmp, root) = site();
    let site_tree = common::tree(&root);
    let one = root.parent().unwrap().join("one");
    let first = build(&root, "2027-06-10", &one);
    assert!(first.stdout.contains("Leaflets: 11 PDFs, 11 typeset"), "{}", first.stdout);
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = walk(&one.join("leaflets"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "pdf" || x == "png"))
        .map(|f| (f.strip_prefix(&one).unwrap().to_path_buf(), fs::read(&f).unwrap()))
        .collect();
    assert!(one.join("leaflets/manifest.json").is_file());
    // Another day on which nothing the leaflets show changes, into the same
    // output: the previous output is the cache, nothing is typeset.
    let second = build(&root, "2027-06-11", &one);
    assert!(second.stdout.contains("Leaflets: 11 PDFs, 0 typeset"), "{}", second.stdout);
    for (rel, bytes) in &before {
        assert_eq!(&fs::read(one.join(rel)).unwrap(), bytes, "{} differs", rel.display());
    }
    // The cache is the output itself: the site folder is exactly as it was.
    assert_eq!(common::tree(&root), site_tree, "a build wrote into the site folder");
    // Into a new folder, typesetting again gives the same bytes.
    let three = root.parent().unwrap().join("three");
    let third = build(&root, "2027-06-11", &three);
    assert!(third.stdout.contains("Leaflets: 11 PDFs, 11 typeset"), "{}", third.stdout);
    for (rel, bytes) in &before {
        if rel.extension().is_some_and(|x| x == "pdf") {
            assert_eq!(&fs::read(three.join(rel)).unwrap(), bytes, "{} differs after typesetting again", rel.display());
        }
    }
}

#[test]
fn a_character_no_font_has_is_a_located_error() {
    let (_tmp, root) = site();
    let page = root.join("content/pages/cach-bao-tin.md");
    let text = fs::read_to_string(&page).unwrap().replace("## Gọi 111", "## Gọi ☎ 111");
    fs::write(&page, text).unwrap();
    let o = loa(&root, &["build", "--at", "2027-06-10"]);
    o.expect_code(1).stderr_has("content/pages/cach-bao-tin.md:12:8").stderr_has("U+260E");
    assert!(!root.join("dist").exists(), "nothing was written");
}

/// The font check does not depend on the day: a page that is not live today
/// (embargoed, or a draft) with a character the fonts lack fails `loa check`
/// now, not the nightly build on the day the page goes live.
#[test]
fn check_finds_a_missing_character_in_a_page_that_is_not_live_today() {
    let (_tmp, root) = site();
    for (rel, at) in [("content/thang-hanh-dong-vi-tre-em/bi-mat.md", "Nội dung"), ("content/pages/nhap.md", "")] {
        if at.is_empty() {
            fs::write(root.join(rel), "---\ntitle: Bản nháp\ndraft: true\nleaflet: a5\n---\n\nGọi ✆ ngay.\n").unwrap();
        } else {
            let text = fs::read_to_string(root.join(rel)).unwrap();
            assert!(text.contains("publish:"), "the page is embargoed: {text}");
            fs::write(root.join(rel), text.replacen(at, &format!("{at} ☎"), 1)).unwrap();
        }
    }
    let o = loa(&root, &["check"]);
    o.expect_code(1).stderr_has("content/thang-hanh-dong-vi-tre-em/bi-mat.md:").stderr_has("U+260E").stderr_has("content/pages/nhap.md:7:5").stderr_has("U+2706");
    // And the build of a day on which neither is live fails the same way.
    let out = root.parent().unwrap().join("dist");
    common::build(&root, &out, Some("2027-01-10"), &[]).expect_code(1).stderr_has("U+260E").stderr_has("U+2706");
}

#[test]
fn variants_without_localities_yaml_is_a_located_error() {
    let (_tmp, root) = site();
    fs::remove_file(root.join("localities.yaml")).unwrap();
    let o = loa(&root, &["check"]);
    o.expect_code(1).stderr_has("content/pages/cach-bao-tin.md:7:11").stderr_has("localities.yaml");
}

#[test]
fn a_broken_leaflet_template_names_its_line() {
    let (_tmp, root) = site();
    let dir = root.join("themes/default/leaflets");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("a5.typ"), "#import \"common.typ\": *\n#show: setup\n#let x = (\n").unwrap();
    let o = loa(&root, &["build", "--at", "2027-06-10"]);
    o.expect_code(1).stderr_has("themes/default/leaflets/a5.typ:3:");
}

/// The members of a ZIP file: name → bytes, read with the `zip` crate.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// `unzip -t` (Info-ZIP) agrees that every bundle is sound, where it is installed.
fn unzip_t(zips: &[PathBuf]) {
    for z in zips {
        match std::process::Command::new("unzip").arg("-tq").arg(z).output() {
            Ok(o) => assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("No errors detected"), "unzip -t {}: {}", z.display(), String::from_utf8_lossy(&o.stdout)),
            Err(_) => missing_tool("unzip (Info-ZIP)"),
        }
    }
}

#[test]
fn bundles_hold_every_live_leaflet_are_deterministic_and_reused() {
    let (_tmp, root) = site();
    let one = root.parent().unwrap().join("one");
    let first = build(&root, "2027-06-10", &one);
    assert!(first.stdout.contains("Bundles: 5 ZIP files, 5 made, 0 unchanged"), "{}", first.stdout);
    let b = one.join("leaflets/bundles");
    let zips: Vec<PathBuf> = walk(&b).into_iter().filter(|p| p.extension().is_some_and(|x| x == "zip")).collect();
    let mut rel: Vec<String> = zips.iter().map(|p| p.strip_prefix(&b).unwrap().display().to_string()).collect();
    rel.sort();
    assert_eq!(rel, ["campaigns/thang-hanh-dong-vi-tre-em.zip", "localities/phuong-hoan-kiem.zip", "localities/xa-bat-trang.zip", "pages.zip", "tat-ca.zip"]);
    unzip_t(&zips);

    // Everything: every live leaflet in its general version, in the order of
    // the list, each byte for byte the PDF beside the page's.
    let all = unzip(&b.join("tat-ca.zip"));
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["thang-hanh-dong-vi-tre-em/hoat-dong-a4.pdf", "pages/cach-bao-tin-a4.pdf", "pages/cach-bao-tin-a5.pdf", "pages/cach-bao-tin-trifold.pdf", "pages/cu-phap-typst-a5.pdf"]
    );
    for (name, bytes) in &all {
        assert_eq!(bytes, &fs::read(one.join("leaflets").join(name)).unwrap(), "{name}");
    }
    // A ward's bundle: its own copies, named as the general ones.
    let ward = unzip(&b.join("localities/xa-bat-trang.zip"));
    assert_eq!(ward.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["pages/cach-bao-tin-a4.pdf", "pages/cach-bao-tin-a5.pdf", "pages/cach-bao-tin-trifold.pdf"]);
    assert_eq!(ward[0].1, fs::read(one.join("leaflets/pages/cach-bao-tin-a4/xa-bat-trang.pdf")).unwrap());
    assert_eq!(unzip(&b.join("pages.zip")).len(), 4);
    // Nothing of the embargoed page anywhere, bundles included.
    for z in &zips {
        assert!(unzip(z).iter().all(|(n, bytes)| !n.contains("bi-mat") && !String::from_utf8_lossy(bytes).contains("EMBARGO")), "{}", z.display());
    }
    // Listed at the top of the list for schools, with their sizes.
    let index = fs::read_to_string(one.join("leaflets/index.html")).unwrap();
    let bundles = common::between(&index, "<section class=\"bundles\"", "</section>");
    let size = |p: &str| fs::metadata(b.join(p)).unwrap().len().div_ceil(1000);
    assert!(bundles.contains(&format!("href=\"/leaflets/bundles/tat-ca.zip\" download>Tất cả tờ rơi</a> <span class=\"small\">ZIP · 5 tờ rơi · {} KB", size("tat-ca.zip"))), "{bundles}");
    assert!(bundles.contains("/leaflets/bundles/localities/xa-bat-trang.zip"), "{bundles}");
    assert!(index.find("class=\"bundles\"").unwrap() < index.find("class=\"leaflet-group\"").unwrap(), "the bundles come first");

    // Another day, same leaflets: every bundle comes from the previous output.
    let snapshot: Vec<Vec<u8>> = zips.iter().map(|z| fs::read(z).unwrap()).collect();
    let second = build(&root, "2027-06-11", &one);
    assert!(second.stdout.contains("Bundles: 5 ZIP files, 0 made, 5 unchanged"), "{}", second.stdout);
    // Into a new folder, made again: the same bytes.
    let two = root.parent().unwrap().join("two");
    build(&root, "2027-06-11", &two);
    for (z, bytes) in zips.iter().zip(&snapshot) {
        assert_eq!(&fs::read(two.join(z.strip_prefix(&one).unwrap())).unwrap(), bytes, "{} differs between two builds", z.display());
    }

    // When the campaign page's window has closed, its leaflet leaves every
    // bundle and its campaign's bundle is gone; the others are reused.
    let third = build(&root, "2027-08-10", &one);
    assert!(third.stdout.contains("Bundles: 4 ZIP files, 1 made, 3 unchanged"), "{}", third.stdout);
    assert!(!b.join("campaigns/thang-hanh-dong-vi-tre-em.zip").exists());
    assert!(unzip(&b.join("tat-ca.zip")).iter().all(|(n, _)| !n.contains("hoat-dong")));
}

#[test]
fn the_list_for_schools_finds_leaflets_by_school_level_and_audience() {
    let (_tmp, root) = site();
    let out = root.parent().unwrap().join("out");
    build(&root, "2027-06-10", &out);
    let index = fs::read_to_string(out.join("leaflets/index.html")).unwrap();
    // A table of contents links each level and audience to its section.
    let toc = common::between(&index, "<nav class=\"leaflet-toc\"", "</nav>");
    for anchor in ["#cap-hoc-tieu-hoc", "#cap-hoc-thcs", "#cap-hoc-thpt", "#doi-tuong-cong-dong"] {
        assert!(toc.contains(&format!("href=\"{anchor}\"")), "{anchor} in {toc}");
    }
    assert!(!toc.contains("#cap-hoc-mam-non"), "no level without leaflets: {toc}");
    let section = |id: &str| common::between(&index, &format!("<h3 id=\"{id}\""), "</section>").to_owned();
    let primary = section("cap-hoc-tieu-hoc");
    assert!(primary.contains("Tiểu học") && primary.contains("/thang-hanh-dong-vi-tre-em/hoat-dong/") && !primary.contains("/cach-bao-tin/"), "{primary}");
    assert!(primary.contains("<img src=\"/leaflets/thang-hanh-dong-vi-tre-em/hoat-dong-a4.png\""), "thumbnails are kept: {primary}");
    for level in ["cap-hoc-thcs", "cap-hoc-thpt"] {
        let s = section(level);
        assert!(s.contains("/cach-bao-tin/") && !s.contains("/hoat-dong/"), "{s}");
    }
    let everyone = section("doi-tuong-cong-dong");
    assert!(everyone.contains("Dành cho mọi người") && everyone.contains("/cach-bao-tin/"), "{everyone}");
    // Print advice per format.
    let advice = common::between(&index, "<section class=\"print-advice\"", "</section>");
    assert!(advice.contains("lật theo cạnh ngắn") && advice.contains("đen trắng"), "{advice}");

    // The page's window closes: its level goes from the list.
    build(&root, "2027-08-10", &out);
    let later = fs::read_to_string(out.join("leaflets/index.html")).unwrap();
    assert!(!later.contains("cap-hoc-tieu-hoc") && later.contains("cap-hoc-thcs"));
}

#[test]
fn an_unknown_school_level_is_a_located_error_listing_the_known_ones() {
    let (_tmp, root) = site();
    let page = root.join("content/pages/cach-bao-tin.md");
    let text = fs::read_to_string(&page).unwrap().replace("school_level: [thcs, thpt]", "school_level: [thcs, dai-hoc]");
    fs::write(&page, text).unwrap();
    loa(&root, &["check"]).expect_code(1).stderr_has("content/pages/cach-bao-tin.md:5:15").stderr_has("`dai-hoc` is not a school level").stderr_has("mam-non, tieu-hoc, thcs, thpt");
}

/// Every colour a PDF names is grey: its colour spaces have one component
/// (an ICC profile with /N 1, or DeviceGray), and no content stream sets an
/// RGB or CMYK colour.
fn assert_greyscale_pdf(path: &Path) {
    let doc = Document::load(path).unwrap();
    for (id, obj) in &doc.objects {
        if let Ok(stream) = obj.as_stream() {
            if let Ok(n) = stream.dict.get(b"N") {
                assert_eq!(number(n), 1.0, "{}: an ICC colour space of {n:?} components in {id:?}", path.display());
            }
            let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            let text = String::from_utf8_lossy(&content);
            for op in [" rg\n", " RG\n", " k\n", " K\n"] {
                assert!(!text.contains(op), "{}: a colour operator{op:?} in {id:?}", path.display());
            }
        }
        if let Ok(name) = obj.as_name() {
            assert!(!matches!(name, b"DeviceRGB" | b"DeviceCMYK"), "{}: {}", path.display(), String::from_utf8_lossy(name));
        }
    }
}

/// The SVG is drawn, not written: no text or font for the newspaper's
/// system to substitute, and every colour a grey.
fn assert_outlined_grey_svg(path: &Path, width_mm: f64) {
    let text = fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let width = root.attribute("width").unwrap();
    let pt: f64 = width.trim_end_matches("pt").parse().unwrap();
    assert!((pt * 25.4 / 72.0 - width_mm).abs() < 0.1, "{}: width {width} for {width_mm} mm", path.display());
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(!matches!(n.tag_name().name(), "text" | "font" | "font-face" | "image"), "{}: <{}>", path.display(), n.tag_name().name());
        for attr in ["fill", "stroke"] {
            if let Some(c) = n.attribute(attr).and_then(|c| c.strip_prefix('#')) {
                assert!(c.len() == 6 && c[0..2] == c[2..4] && c[2..4] == c[4..6], "{}: {attr}=#{c} is not a grey", path.display());
            }
        }
    }
    assert!(!text.contains("@font-face"));
}

#[test]
fn the_print_box_follows_the_day_in_greys_with_its_fonts() {
    let (_tmp, root) = site();
    let out = root.parent().unwrap().join("out");
    build(&root, "2027-06-10", &out);
    let print = out.join("embed/print");
    let mut names: Vec<String> = fs::read_dir(&print).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["lich-1-cot.pdf", "lich-1-cot.svg", "lich-2-cot.pdf", "lich-2-cot.svg"], "one language: no .en files");
    for (columns, mm) in [(1, 48.0), (2, 100.0)] {
        let pdf = print.join(format!("lich-{columns}-cot.pdf"));
        let p = read_pdf(&pdf);
        assert_eq!(p.sizes.len(), 1);
        assert!((p.sizes[0].0 - mm).abs() < 0.2 && p.sizes[0].1 > 40.0, "{:?}", p.sizes);
        for want in ["Lịch các chiến dịch 2027 – 2028", "Tháng hành động vì trẻ em", "1/6 – 30/6/2027", "Đang diễn ra", "1/6 – 30/6/2028", "111", HOTLINE, "leaflets.example"] {
            assert!(p.text.contains(want), "{columns} column(s): {want:?} in {}", p.text);
        }
        assert_greyscale_pdf(&pdf);
        assert_outlined_grey_svg(&print.join(format!("lich-{columns}-cot.svg")), mm);
        // The fonts are embedded.
        let doc = Document::load(&pdf).unwrap();
        assert!(doc.objects.values().any(|o| o.as_dict().is_ok_and(|d| d.has(b"FontFile2"))), "no embedded font");
    }
    // Byte-identical between two builds of the same day.
    let again = root.parent().unwrap().join("again");
    build(&root, "2027-06-10", &again);
    for n in &names {
        assert_eq!(fs::read(print.join(n)).unwrap(), fs::read(again.join("embed/print").join(n)).unwrap(), "{n}");
    }
    // After the month: this year's period is over, next year's stays.
    build(&root, "2027-07-20", &out);
    let july = read_pdf(&print.join("lich-2-cot.pdf")).text;
    assert!(!july.contains("30/6/2027") && july.contains("1/6 – 30/6/2028") && !july.contains("Đang diễn ra"), "{july}");
    // A new year: the box's years turn, and build.json named the day.
    let late = build(&root, "2027-12-30", &out);
    assert!(late.stdout.contains("changes next on 2028-01-01"), "{}", late.stdout);
    build(&root, "2028-01-01", &out);
    let next_year = read_pdf(&print.join("lich-2-cot.pdf")).text;
    assert!(next_year.contains("2028 – 2029") && next_year.contains("1/6 – 30/6/2029"), "{next_year}");
}

/// Control characters anywhere in the site's and a page's values (ESC, BEL,
/// DEL, the C1 controls, a form feed, a tab) never reach Typst: the
/// leaflets stay PDF/UA-1 (no "not PDF/UA-1" warning) and their text and
/// title carry none of them.
#[test]
fn control_characters_in_site_values_never_reach_a_leaflet() {
    let (_tmp, root) = site();
    // YAML's double-quoted escapes write each control.
    let controls = r"\e\a\x7f\x85\x9b\f\b\x01\x1f\t";
    let site_yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let site_yaml = site_yaml.replacen("title: Bảo vệ trẻ em (thử nghiệm)", &format!("title: \"Bảo vệ{controls} trẻ em (thử nghiệm)\""), 1);
    let site_yaml = site_yaml.replacen("  name: Ban thử nghiệm tờ rơi", &format!("  name: \"Ban thử{controls} nghiệm tờ rơi\""), 1);
    std::fs::write(root.join("site.yaml"), site_yaml).unwrap();
    let page = root.join("content/pages/cach-bao-tin.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = text
        .replacen("title: Cách báo tin khi", &format!("title: \"Cách báo tin{controls} khi"), 1)
        .replacen("bạo lực, xâm hại\n", "bạo lực, xâm hại\"\n", 1)
        .replacen("summary: Gọi 111 miễn phí, 24/24.", &format!("summary: \"Gọi 111{controls} miễn phí, 24/24.\""), 1);
    std::fs::write(&page, text).unwrap();
    let out = root.parent().unwrap().join("dist");
    let run = build(&root, "2027-06-10", &out);
    assert!(!run.stderr.contains("PDF/UA"), "{}", run.stderr);
    for f in ["pages/cach-bao-tin-a4.pdf", "pages/cach-bao-tin-a5.pdf", "pages/cach-bao-tin-trifold.pdf"] {
        let pdf = read_pdf(&out.join("leaflets").join(f));
        for s in [&pdf.text, &pdf.title] {
            assert!(!s.chars().any(|c| c.is_control() && c != '\n' || c == '\u{FFFE}'), "{f}: {s:?}");
        }
        // The tab became a space.
        assert_eq!(pdf.title.split_whitespace().collect::<Vec<_>>().join(" "), "Cách báo tin khi trẻ em bị bạo lực, xâm hại", "{f}");
    }
}
