//! Copies for print shops (`leaflets: {print_shop: true}` in `site.yaml`):
//! every leaflet PDF also as `…-in-an.pdf`, with 3 mm bleed, crop marks,
//! TrimBox and BleedBox, and CMYK colours. The fixture is
//! `tests/fixtures/leaflets/` with its campaign page asking for every
//! format. Read back with poppler (`pdfinfo -box`, `pdftotext`, `pdftoppm`
//! in colour, measured pixel by pixel), with `lopdf` (the colour operators
//! of every content stream) and with the validators' `check_pdf.py`.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::missing_tool;

/// Millimetres in points.
fn mm(v: f64) -> f64 {
    v / 25.4 * 72.0
}

/// The bleed and the paper beyond the trim on each side (bleed and slug), in mm.
const BLEED: f64 = 3.0;
const MARGIN: f64 = 15.0;

/// The fixture with `print_shop` as given; its campaign page (colour
/// `#c2410c`) asks for every format; built on a day its campaign runs.
fn built(print_shop: bool) -> (common::Site, PathBuf) {
    let s = common::site("leaflets");
    if print_shop {
        let yaml = fs::read_to_string(s.root.join("site.yaml")).unwrap();
        s.write("site.yaml", format!("{yaml}leaflets:\n  print_shop: true\n"));
    }
    let page = fs::read_to_string(s.root.join("content/thang-hanh-dong-vi-tre-em/hoat-dong.md")).unwrap();
    let body = "\n\n## Diễn đàn trẻ em\n\nHọc sinh nói về quyền được bảo vệ, được lắng nghe và được tham gia. Thầy cô ghi lại ý kiến của các em để gửi Ủy ban nhân dân phường.\n\n## Gọi 111\n\nKhi thấy trẻ em bị bạo lực, xâm hại, hãy gọi Tổng đài 111: miễn phí, 24/24.\n";
    s.write("content/thang-hanh-dong-vi-tre-em/hoat-dong.md", format!("{}{body}", page.replace("leaflet: a4", "leaflet: [a4, a5, trifold, booklet, poster-a3]")));
    let out = s.root.parent().unwrap().join("dist");
    common::build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    (s, out)
}

/// Whether poppler's tools are here (CI installs them).
fn poppler() -> bool {
    let ok = ["pdfinfo", "pdftotext", "pdftoppm"].iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    if !ok {
        missing_tool("poppler-utils (pdfinfo, pdftotext, pdftoppm)");
    }
    ok
}

/// A page's boxes as `pdfinfo -box` reads them: MediaBox, BleedBox, TrimBox
/// (x0, y0, x1, y1 in points), for every page.
fn boxes(pdf: &Path) -> Vec<[[f64; 4]; 3]> {
    let out = Command::new("pdfinfo").args(["-box", "-f", "1", "-l", "999"]).arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfinfo {}", pdf.display());
    let text = String::from_utf8_lossy(&out.stdout);
    let get = |page: usize, name: &str| -> Option<[f64; 4]> {
        let line = text.lines().find(|l| l.starts_with(&format!("Page {page:>4} {name}:")))?;
        let n: Vec<f64> = line.split(':').nth(1)?.split_whitespace().filter_map(|w| w.parse().ok()).collect();
        n.try_into().ok()
    };
    (1..).map_while(|p| Some([get(p, "MediaBox")?, get(p, "BleedBox")?, get(p, "TrimBox")?])).collect()
}

/// Page sizes of a PDF in points.
fn sizes(pdf: &Path) -> Vec<(f64, f64)> {
    boxes(pdf).iter().map(|[m, _, _]| (m[2] - m[0], m[3] - m[1])).collect()
}

/// The whole text of a PDF, whitespace collapsed.
fn text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Page `page` drawn by pdftoppm at 144 dpi (2 pixels a point), in colour.
fn drawn(pdf: &Path, page: usize) -> image::RgbImage {
    let dir = tempfile::tempdir().unwrap();
    let p = page.to_string();
    let prefix = dir.path().join("p");
    let out = Command::new("pdftoppm").args(["-r", "144", "-png", "-singlefile", "-f", &p, "-l", &p]).arg(pdf).arg(&prefix).output().unwrap();
    assert!(out.status.success(), "pdftoppm {}", pdf.display());
    image::open(prefix.with_extension("png")).unwrap().to_rgb8()
}

/// Whether a pixel has ink on it (not paper white).
fn inked(p: &image::Rgb<u8>) -> bool {
    p.0.iter().any(|&c| c < 235)
}

/// Whether a pixel is the campaign colour as printed (a strong orange-red).
fn accent(p: &image::Rgb<u8>) -> bool {
    let [r, g, b] = p.0;
    r > 120 && r > g.saturating_add(60) && g > b
}

/// The fixture's print-shop PDFs (not the locality copies), with the
/// general version each stands for.
fn shop_copies(out: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut found = Vec::new();
    for dir in ["leaflets/pages", "leaflets/thang-hanh-dong-vi-tre-em"] {
        for e in fs::read_dir(out.join(dir)).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Some(general) = name.strip_suffix("-in-an.pdf") {
                found.push((path.clone(), path.with_file_name(format!("{general}.pdf"))));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_pdf_has_a_print_shop_copy_with_bleed_trim_and_bleed_boxes() {
    if !poppler() {
        return;
    }
    let (_s, out) = built(true);
    let copies = shop_copies(&out);
    let names: BTreeSet<String> = copies.iter().map(|(c, _)| c.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let want: BTreeSet<String> = ["hoat-dong-a4", "hoat-dong-a5", "hoat-dong-trifold", "hoat-dong-booklet", "hoat-dong-poster-a3", "cach-bao-tin-a4", "cach-bao-tin-a5", "cach-bao-tin-trifold", "cu-phap-typst-a5"]
        .iter()
        .map(|n| format!("{n}-in-an.pdf"))
        .collect();
    assert_eq!(names, want, "one copy per leaflet; a booklet's is of its reading order");
    for (copy, general) in &copies {
        let shop = boxes(copy);
        let plain = sizes(general);
        assert_eq!(shop.len(), plain.len(), "{}: as many pages as the leaflet", copy.display());
        assert!(!shop.is_empty());
        for (p, ([media, bleed, trim], (w, h))) in shop.into_iter().zip(plain).enumerate() {
            let at = format!("{} page {}", copy.display(), p + 1);
            let close = |a: [f64; 4], b: [f64; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.02);
            // The trim is the leaflet's page, exactly; the bleed 3 mm around it; the sheet 15 mm around it.
            assert!(close(trim, [mm(MARGIN), mm(MARGIN), mm(MARGIN) + w, mm(MARGIN) + h]), "{at}: TrimBox {trim:?} for {w} × {h}");
            assert!(close(bleed, [mm(MARGIN - BLEED), mm(MARGIN - BLEED), mm(MARGIN + BLEED) + w, mm(MARGIN + BLEED) + h]), "{at}: BleedBox {bleed:?}");
            assert!(close(media, [0.0, 0.0, w + 2.0 * mm(MARGIN), h + 2.0 * mm(MARGIN)]), "{at}: MediaBox {media:?}");
        }
        // The same words: the copy is the same leaflet, not another layout.
        assert_eq!(text(copy), text(general), "{}", copy.display());
    }
    // The general versions have no bleed, as before: their TrimBox is their page.
    for [media, bleed, trim] in boxes(&out.join("leaflets/pages/cach-bao-tin-a4.pdf")) {
        assert!(media == trim && media == bleed, "{media:?} {bleed:?} {trim:?}");
    }
}

/// Ink outside the BleedBox of `img` (a page of a print-shop copy at 2 px a
/// point): where it is, as pixel positions.
fn ink_in_slug(img: &image::RgbImage) -> Vec<(u32, u32)> {
    let (w, h) = img.dimensions();
    let edge = (mm(MARGIN - BLEED) * 2.0).floor() as u32 - 1;
    img.enumerate_pixels().filter(|(x, y, p)| (*x < edge || *y < edge || *x >= w - edge || *y >= h - edge) && inked(p)).map(|(x, y, _)| (x, y)).collect()
}

#[test]
fn crop_marks_are_at_the_corners_outside_the_bleed_and_nothing_else_is() {
    if !poppler() {
        return;
    }
    let (_s, out) = built(true);
    for (copy, _) in shop_copies(&out) {
        let img = drawn(&copy, 1);
        let (w, h) = img.dimensions();
        let trim = (mm(MARGIN) * 2.0).round() as i64;
        let ink = ink_in_slug(&img);
        assert!(!ink.is_empty(), "{}: crop marks", copy.display());
        // Every inked pixel of the slug is on a line through the trim's edges (a crop mark),
        // or, on a tri-fold, through a fold (its fold marks) …
        let on_trim_line = |v: u32, size: u32| (i64::from(v) - trim).abs() <= 2 || (i64::from(v) - (i64::from(size) - trim)).abs() <= 2;
        let folds: Vec<i64> = if copy.to_string_lossy().contains("trifold") { [99.0, 198.0].iter().map(|f| (mm(MARGIN + f) * 2.0).round() as i64).collect() } else { Vec::new() };
        let on_fold = |x: u32| folds.iter().any(|f| (i64::from(x) - f).abs() <= 2);
        let stray: Vec<_> = ink.iter().filter(|&&(x, y)| !on_trim_line(x, w) && !on_trim_line(y, h) && !on_fold(x)).take(5).collect();
        assert!(stray.is_empty(), "{}: ink in the slug off the crop marks: {stray:?}", copy.display());
        // … and there are marks at all four corners.
        for (cx, cy) in [(0, 0), (w, 0), (0, h), (w, h)] {
            let near = ink.iter().filter(|&&(x, y)| x.abs_diff(cx) < trim as u32 + 4 && y.abs_diff(cy) < trim as u32 + 4).count();
            assert!(near > 20, "{}: crop marks at the corner ({cx}, {cy}): {near} pixels", copy.display());
        }
        // The marks stop short of the bleed: the strip between the bleed's
        // edge and 2 mm out from it is white all round.
        let (outer, inner) = ((mm(MARGIN - BLEED - 2.0) * 2.0).ceil() as u32 + 1, (mm(MARGIN - BLEED) * 2.0).floor() as u32 - 1);
        let near_bleed = img.enumerate_pixels().filter(|(x, y, p)| {
            let band = |v: u32, size: u32| (outer..inner).contains(&v) || (size - inner..size - outer).contains(&v);
            (band(*x, w) || band(*y, h)) && inked(p)
        });
        assert_eq!(near_bleed.count(), 0, "{}: nothing within 2 mm of the bleed's edge", copy.display());
    }
}

#[test]
fn a_tri_folds_fold_marks_move_out_of_the_page_in_its_copy_for_print_shops() {
    if !poppler() {
        return;
    }
    let (_s, out) = built(true);
    let l = out.join("leaflets/pages");
    let px = |v: f64| (mm(v) * 2.0).round() as u32;
    // How many inked pixels a vertical strip 2 px either side of `x` has between rows `ys`.
    let ink_at = |img: &image::RgbImage, x: u32, ys: std::ops::Range<u32>| ys.flat_map(|y| (x - 2..=x + 2).map(move |x| (x, y))).filter(|&(x, y)| inked(img.get_pixel(x, y))).count();
    for page in [1, 2] {
        let copy = drawn(&l.join("cach-bao-tin-trifold-in-an.pdf"), page);
        let plain = drawn(&l.join("cach-bao-tin-trifold.pdf"), page);
        let h = copy.height();
        for fold in [99.0, 198.0] {
            // In the slug, above and below the page, beside the crop marks (5 to 13 mm out).
            let x = px(MARGIN + fold);
            assert!(ink_at(&copy, x, px(MARGIN - 12.0)..px(MARGIN - 6.0)) > 5, "page {page}: fold mark at {fold} mm above the page");
            assert!(ink_at(&copy, x, h - px(MARGIN - 6.0)..h - px(MARGIN - 12.0)) > 5, "page {page}: and below it");
            // No longer on the paper that is left once it is cut (the inside side: no band there).
            if page == 2 {
                assert_eq!(ink_at(&copy, x, px(MARGIN + 3.5)..px(MARGIN + 7.5)), 0, "page 2: no fold mark on the page at {fold} mm");
                assert!(ink_at(&plain, px(fold), px(3.5)..px(7.5)) > 5, "the general version keeps its fold marks at the edge ({fold} mm)");
            }
        }
    }
}

#[test]
fn the_title_band_runs_into_the_bleed_and_nothing_else_does() {
    if !poppler() {
        return;
    }
    let (_s, out) = built(true);
    let l = out.join("leaflets/thang-hanh-dong-vi-tre-em");
    let px = |v: f64| (mm(v) * 2.0).round() as u32;
    let strip_share = |img: &image::RgbImage, xs: std::ops::Range<u32>, ys: std::ops::Range<u32>, f: fn(&image::Rgb<u8>) -> bool| {
        let total = (xs.len() * ys.len()) as f64;
        let hits = ys.clone().flat_map(|y| xs.clone().map(move |x| (x, y))).filter(|&(x, y)| f(img.get_pixel(x, y))).count();
        hits as f64 / total
    };
    for (name, top_band_from) in [("hoat-dong-a4", 0.0), ("hoat-dong-a5", 0.0), ("hoat-dong-poster-a3", 0.0), ("hoat-dong-booklet", 0.0), ("hoat-dong-trifold", 2.0 / 3.0)] {
        let pdf = l.join(format!("{name}-in-an.pdf"));
        let img = drawn(&pdf, 1);
        let (w, h) = img.dimensions();
        let (x0, x1) = (px(MARGIN), w - px(MARGIN));
        let trim_w = x1 - x0;
        // Above the trim, from the bleed's edge: the campaign colour across
        // the band (all the page's width; the tri-fold's cover panel).
        let from = x0 + (f64::from(trim_w) * top_band_from) as u32 + px(2.0);
        let top = strip_share(&img, from..x1 - px(1.0), px(MARGIN - BLEED) + 1..px(MARGIN) - 1, accent);
        assert!(top > 0.97, "{name}: the band reaches the bleed's edge above the page ({:.0} % of the strip)", top * 100.0);
        // At the right edge, beside the band (its first 10 mm), the bleed is coloured too.
        let side = strip_share(&img, x1 + 1..x1 + px(BLEED) - 1, px(MARGIN)..px(MARGIN + 10.0), accent);
        assert!(side > 0.97, "{name}: the band runs off the right edge ({:.0} %)", side * 100.0);
        // Halfway down the page nothing reaches into the bleed.
        let middle = strip_share(&img, x1 + 1..x1 + px(BLEED) - 1, h / 2..h / 2 + px(20.0), inked);
        assert_eq!(middle, 0.0, "{name}: the body stays inside the page");
        // The general version keeps its rounded band inside its margins: white paper at its top edge.
        let plain = drawn(&l.join(format!("{name}.pdf")), 1);
        let edge = strip_share(&plain, 0..plain.width(), 0..px(2.5), inked);
        assert_eq!(edge, 0.0, "{name}: the general version leaves its top edge white");
    }
}

/// The colour operators of every content stream of `pdf` (pages and the
/// forms they draw), with the number of components of each colour space
/// selected by `cs`/`CS`.
fn colour_operators(pdf: &Path) -> (BTreeSet<String>, Vec<Vec<f32>>, BTreeSet<i64>) {
    let doc = lopdf::Document::load(pdf).unwrap();
    let mut ops = BTreeSet::new();
    let mut cmyk = Vec::new();
    let mut spaces = BTreeSet::new();
    let mut todo: Vec<(Vec<u8>, lopdf::Dictionary)> = Vec::new();
    let resources = |doc: &lopdf::Document, dict: &lopdf::Dictionary| -> lopdf::Dictionary {
        match dict.get(b"Resources") {
            Ok(lopdf::Object::Reference(r)) => doc.get_dictionary(*r).cloned().unwrap_or_default(),
            Ok(lopdf::Object::Dictionary(d)) => d.clone(),
            _ => lopdf::Dictionary::new(),
        }
    };
    for id in doc.get_pages().into_values() {
        let page = doc.get_dictionary(id).unwrap();
        todo.push((doc.get_page_content(id).unwrap(), resources(&doc, page)));
    }
    let mut seen = BTreeSet::new();
    while let Some((content, res)) = todo.pop() {
        let content = lopdf::content::Content::decode(&content).unwrap();
        let lookup = |kind: &[u8], name: &[u8]| -> Option<lopdf::Object> {
            let group = match res.get(kind).ok()? {
                lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok()?.clone(),
                lopdf::Object::Dictionary(d) => d.clone(),
                _ => return None,
            };
            let o = group.get(name).ok()?.clone();
            match o {
                lopdf::Object::Reference(r) => doc.get_object(r).ok().cloned(),
                o => Some(o),
            }
        };
        for op in &content.operations {
            match op.operator.as_str() {
                "k" | "K" | "rg" | "RG" | "g" | "G" | "sc" | "SC" | "scn" | "SCN" | "cs" | "CS" => {
                    ops.insert(op.operator.clone());
                }
                _ => {}
            }
            if op.operator == "k" {
                cmyk.push(op.operands.iter().filter_map(|o| o.as_float().ok()).collect());
            }
            if op.operator == "cs" || op.operator == "CS" {
                let name = op.operands[0].as_name().unwrap();
                let n = match lookup(b"ColorSpace", name) {
                    Some(lopdf::Object::Array(a)) => a.get(1).and_then(|s| match s {
                        lopdf::Object::Reference(r) => doc.get_object(*r).ok()?.as_stream().ok()?.dict.get(b"N").ok()?.as_i64().ok(),
                        _ => None,
                    }),
                    _ => None,
                };
                spaces.insert(n.unwrap_or(-1));
            }
            if op.operator == "Do" {
                let name = op.operands[0].as_name().unwrap().to_vec();
                if let Some(lopdf::Object::Stream(s)) = lookup(b"XObject", &name)
                    && s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form".as_slice())
                    && seen.insert(s.content.clone())
                {
                    let inner = resources(&doc, &s.dict);
                    todo.push((s.decompressed_content().unwrap_or(s.content.clone()), if inner.is_empty() { res.clone() } else { inner }));
                }
            }
        }
    }
    (ops, cmyk, spaces)
}

#[test]
fn print_shop_colours_are_cmyk_and_the_general_versions_are_not() {
    let (_s, out) = built(true);
    let l = out.join("leaflets/thang-hanh-dong-vi-tre-em");
    // #c2410c, converted as Typst converts (K = 1 − max(R, G, B)).
    let want = [0.0, 1.0 - 0x41 as f32 / 0xc2 as f32, 1.0 - 0x0c as f32 / 0xc2 as f32, 1.0 - 0xc2 as f32 / 255.0];
    for name in ["hoat-dong-a4", "hoat-dong-trifold", "hoat-dong-booklet", "hoat-dong-poster-a3"] {
        let (ops, cmyk, spaces) = colour_operators(&l.join(format!("{name}-in-an.pdf")));
        assert!(ops.contains("k") && ops.contains("K"), "{name}: fills and strokes in CMYK: {ops:?}");
        assert!(!ops.contains("rg") && !ops.contains("RG"), "{name}: no DeviceRGB colour: {ops:?}");
        // The campaign colour, and the text's grey as black ink alone.
        assert!(cmyk.iter().any(|c| c.len() == 4 && c.iter().zip(want).all(|(a, b)| (a - b).abs() < 0.01)), "{name}: the campaign colour in CMYK {want:?}: {cmyk:?}");
        assert!(cmyk.iter().any(|c| c[..3] == [0.0, 0.0, 0.0] && c[3] > 0.9), "{name}: text in black ink only");
        // No RGB colour space is set for drawing (the QR code, an SVG picture, stays calibrated grey).
        assert!(!spaces.contains(&3) && !spaces.contains(&-1), "{name}: colour spaces by components {spaces:?}");
        // The general version, for screens and office printers, is RGB as before.
        let (plain_ops, plain_cmyk, plain_spaces) = colour_operators(&l.join(format!("{name}.pdf")));
        assert!(plain_cmyk.is_empty() && plain_spaces.contains(&3), "{name}: {plain_ops:?} {plain_spaces:?}");
    }
}

#[test]
fn print_shop_copies_pass_check_pdf() {
    let (_s, out) = built(true);
    let Some(check) = common::validators(&["check_pdf.py"]).map(|v| v.join("check_pdf.py")) else {
        missing_tool("check_pdf.py of the validators (LOA_VALIDATE): .ci/run sets them up");
        return;
    };
    for (copy, expect) in [
        ("thang-hanh-dong-vi-tre-em/hoat-dong-a4-in-an.pdf", "Hoạt động trong tháng"),
        ("thang-hanh-dong-vi-tre-em/hoat-dong-trifold-in-an.pdf", "Tổng đài điện thoại quốc gia bảo vệ trẻ em"),
        ("thang-hanh-dong-vi-tre-em/hoat-dong-booklet-in-an.pdf", "Học sinh nói về quyền được bảo vệ"),
        ("thang-hanh-dong-vi-tre-em/hoat-dong-poster-a3-in-an.pdf", "Hoạt động trong tháng"),
        ("thang-hanh-dong-vi-tre-em/hoat-dong-a5-in-an.pdf", "Khi thấy trẻ em bị bạo lực, xâm hại"),
        ("pages/cach-bao-tin-a5-in-an.pdf", "Bạn không cần chắc chắn mới được báo tin."),
        ("pages/cach-bao-tin-a4-in-an/xa-bat-trang.pdf", "Xã Bát Tràng"),
        ("pages/cu-phap-typst-a5-in-an.pdf", "Ký hiệu #set và $x$ trong tiêu đề"),
    ] {
        let o = Command::new("python3").arg(&check).arg(out.join("leaflets").join(copy)).args(["--expect", expect]).output().unwrap();
        let said = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "check_pdf.py {copy}:\n{said}\n{}", String::from_utf8_lossy(&o.stderr));
        // Fonts embedded, tagged, /Lang, the title shown: no warning either.
        assert!(said.contains("pdf: 0 errors, 0 warnings"), "{copy}: {said}");
    }
}

#[test]
fn the_list_the_pages_and_the_bundles_carry_the_copies_of_live_leaflets_only() {
    let (_s, out) = built(true);
    let index = fs::read_to_string(out.join("leaflets/index.html")).unwrap();
    for s in ["thang-hanh-dong-vi-tre-em/hoat-dong-a4-in-an.pdf", "pages/cach-bao-tin-a4-in-an.pdf", "hoat-dong-booklet-in-an.pdf", "Bản cho nhà in", "lề xén 3 mm, dấu cắt, màu CMYK", "Gửi tệp này cho cửa hàng in"] {
        assert!(index.contains(s), "{s} in the list for schools");
    }
    let page = fs::read_to_string(out.join("cach-bao-tin/index.html")).unwrap();
    assert!(page.contains("href=\"/leaflets/pages/cach-bao-tin-a5-in-an.pdf\""), "the page links its copies");
    assert!(page.contains("href=\"/leaflets/pages/cach-bao-tin-a5-in-an/phuong-hoan-kiem.pdf\""), "and the wards' copies");
    // Bundles: the copies of the general versions in a bundle of their own,
    // in no other (a school's download stays the size of the leaflets).
    let names = |zip: &str| -> Vec<String> {
        let z = zip::ZipArchive::new(fs::File::open(out.join("leaflets/bundles").join(zip)).unwrap()).unwrap();
        z.file_names().map(|n| n.unwrap().into_owned()).collect()
    };
    let all = names("tat-ca.zip");
    let shop = names("nha-in.zip");
    let general: Vec<String> = all.iter().filter(|n| !n.contains("booklet-print")).map(|n| n.replace(".pdf", "-in-an.pdf")).collect();
    assert_eq!(shop, general, "one copy for print shops per leaflet of tat-ca.zip, in its order");
    for f in ["hoat-dong-a4", "hoat-dong-a5", "hoat-dong-trifold", "hoat-dong-booklet", "hoat-dong-poster-a3"] {
        assert!(shop.contains(&format!("thang-hanh-dong-vi-tre-em/{f}-in-an.pdf")), "{f} in nha-in.zip: {shop:?}");
    }
    for zip in ["tat-ca.zip", "pages.zip", "campaigns/thang-hanh-dong-vi-tre-em.zip", "localities/xa-bat-trang.zip"] {
        assert!(names(zip).iter().all(|n| !n.contains("-in-an")), "no print-shop copy in {zip}");
    }
    assert!(index.contains("href=\"/leaflets/bundles/nha-in.zip\"") && index.contains("Bản cho nhà in của tất cả tờ rơi"), "the list offers the bundle");
    assert!(index.contains(&format!("{} tờ rơi", shop.len())), "nha-in.zip counted as {} leaflets", shop.len());
    // The embargoed page has no copy anywhere.
    for f in common::tree(&out).keys() {
        assert!(!f.contains("bi-mat"), "{f}");
    }
    common::assert_nowhere(&out, "EMBARGO-MARKER");
}

#[test]
fn unchanged_copies_are_reused_and_a_damaged_one_is_made_again() {
    let (s, out) = built(true);
    let before = common::tree(&out.join("leaflets"));
    let run = common::build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok().stdout_has(" 0 typeset");
    common::assert_same_tree(&before, &common::tree(&out.join("leaflets")));
    let manifest = fs::read_to_string(out.join("leaflets/manifest.json")).unwrap();
    assert!(manifest.contains("hoat-dong-a4-in-an.pdf"), "the manifest lists the copy");
    let copy = out.join("leaflets/thang-hanh-dong-vi-tre-em/hoat-dong-a4-in-an.pdf");
    let good = fs::read(&copy).unwrap();
    fs::write(&copy, b"%PDF-1.7 damaged").unwrap();
    common::build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert_eq!(fs::read(&copy).unwrap(), good, "made again, the same bytes");
    // Turned off, the copies go, and the leaflets themselves are reused.
    let yaml = fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", yaml.replace("  print_shop: true\n", "  print_shop: false\n"));
    let off = common::build(&s.root, &out, Some("2027-06-10"), &[]);
    off.ok();
    assert!(common::tree(&out).keys().all(|f| !f.contains("-in-an")), "no copy left");
    assert!(!fs::read_to_string(out.join("leaflets/index.html")).unwrap().contains("Bản cho nhà in"));
}

#[test]
fn without_print_shop_there_are_no_copies() {
    let (_s, out) = built(false);
    assert!(common::tree(&out).keys().all(|f| !f.contains("-in-an")));
    let index = fs::read_to_string(out.join("leaflets/index.html")).unwrap();
    assert!(!index.contains("Bản cho nhà in") && !index.contains("in-an"), "nothing in the list");
}

#[test]
fn a_wrong_print_shop_setting_is_located() {
    for (setting, at, says) in [
        ("leaflets:\n  print_shop: có\n", "site.yaml:13:15", "`true`"),
        ("leaflets:\n  bleed: 5\n", "site.yaml:13:3", "print_shop"),
        ("leaflets: true\n", "site.yaml:12:11", "print_shop"),
    ] {
        let s = common::site("leaflets");
        let yaml = fs::read_to_string(s.root.join("site.yaml")).unwrap();
        assert_eq!(yaml.lines().count(), 11, "the fixture's site.yaml has 11 lines");
        s.write("site.yaml", format!("{yaml}{setting}"));
        let run = common::loa_in(s.root.parent().unwrap(), ["check", "--root", s.root.to_str().unwrap()]);
        run.expect_code(1).stderr_has(at).stderr_has(says);
    }
}
