//! Print beyond the leaflet: booklets (sách mỏng) in reading order and
//! imposed for saddle stitching, A3 and A2 posters, and the page's own
//! picture in every format. The fixture is `tests/fixtures/leaflets/` with
//! a page written here; the PDFs are read back with poppler (`pdfinfo`,
//! `pdftotext` cropped to each half of a sheet, `pdfimages -list`) and the
//! bundles with the `zip` crate.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::missing_tool;

const HOTLINE: &str = "Tổng đài điện thoại quốc gia bảo vệ trẻ em";

/// A page long enough for a booklet of more than one sheet, with a picture.
const BOOKLET_PAGE: &str = "---
title: Sổ tay an toàn cho học sinh tiểu học
summary: Những điều em cần biết để giữ an toàn ở nhà, ở trường và trên đường.
audience: tre-em
school_level: tieu-hoc
leaflet: [a5, booklet, poster-a3, poster-a2]
image: lop-hoc.png
image_alt: Cô giáo đứng cạnh bảng có số 111, học sinh giơ tay phát biểu.
---

Em ơi, cuốn sổ này dành cho em. Đọc cùng bố mẹ hoặc thầy cô nhé.
";

const BOOKLET_PAGE_EN: &str = "---
title: A safety handbook for primary pupils
summary: What you need to know to stay safe at home, at school and on the way.
audience: tre-em
leaflet: [booklet, poster-a3]
image: lop-hoc.png
image_alt: A teacher beside a board showing 111; a pupil raises a hand.
---

This handbook is for you. Read it with your parents or your teacher.
";

/// The sections of the booklet page: enough text for several A5 pages.
fn sections() -> String {
    let topics = [
        ("Cơ thể em là của em", "Vùng được đồ bơi che kín là vùng riêng tư. Không ai được nhìn, chạm vào hay chụp ảnh vùng đó của em."),
        ("Nói không, chạy đi, kể ngay", "Khi ai đó làm em sợ, hãy nói thật to “Không!”, chạy tới chỗ đông người và kể ngay với người lớn em tin."),
        ("Người lớn em tin", "Hãy viết tên năm người lớn em tin: bố mẹ, ông bà, thầy cô, cô chú hàng xóm. Nếu một người không tin em, hãy kể với người khác."),
        ("An toàn trên đường", "Đi bộ trên vỉa hè, sang đường ở vạch kẻ và không đi theo người lạ dù họ cho quà hay nói là người quen của bố mẹ."),
        ("An toàn trên mạng", "Không gửi ảnh của mình cho người lạ, không hẹn gặp người chỉ quen trên mạng và kể với bố mẹ khi có tin nhắn làm em sợ."),
        ("Bí mật xấu", "Bí mật làm em sợ, buồn hay khó chịu là bí mật xấu. Em không phải giữ bí mật xấu, kể cả khi người lớn dặn em giữ."),
    ];
    let mut out = String::new();
    for (title, text) in topics {
        out.push_str(&format!("\n## {title}\n\n{text}\n\n"));
        for i in 1..=6 {
            out.push_str(&format!("- Điều {i}: {text}\n"));
        }
    }
    out
}

/// A picture for the page: 1,200 × 800 pixels of stripes (no metadata).
fn picture() -> Vec<u8> {
    let img = image::RgbImage::from_fn(1200, 800, |x, y| if (x / 40 + y / 40) % 2 == 0 { image::Rgb([30, 60, 120]) } else { image::Rgb([240, 220, 160]) });
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    png
}

/// The leaflets fixture with the booklet page, built on a day its campaign
/// runs; the embargoed page asks for every new format too.
fn built() -> (common::Site, PathBuf) {
    let s = common::site("leaflets");
    let site_yaml = fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", site_yaml.replace("languages: [vi]", "languages: [vi, en]"));
    s.write("content/pages/so-tay.md", format!("{BOOKLET_PAGE}{}", sections()));
    s.write("content/pages/so-tay.en.md", format!("{BOOKLET_PAGE_EN}\n## Your body is yours\n\nNobody may look at or touch your private parts.\n"));
    s.write("content/pages/lop-hoc.png", picture());
    let bi_mat = fs::read_to_string(s.root.join("content/thang-hanh-dong-vi-tre-em/bi-mat.md")).unwrap();
    s.write("content/thang-hanh-dong-vi-tre-em/bi-mat.md", bi_mat.replace("leaflet: [a4, a5]", "leaflet: [a4, booklet, poster-a3, poster-a2]"));
    let out = s.root.parent().unwrap().join("dist");
    common::build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    (s, out)
}

/// Whether poppler's tools are here (CI installs them).
fn poppler() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok() && Command::new("pdfimages").arg("-v").output().is_ok();
    if !ok {
        missing_tool("poppler-utils (pdftotext, pdfinfo, pdfimages)");
    }
    ok
}

/// `pdfinfo`'s pages and each page's size in millimetres.
fn pages_mm(pdf: &Path) -> Vec<(f64, f64)> {
    let out = Command::new("pdfinfo").args(["-f", "1", "-l", "999"]).arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfinfo {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let n: Vec<f64> = l.split("size:").nth(1).unwrap().split_whitespace().filter_map(|w| w.parse().ok()).collect();
            ((n[0] * 25.4 / 72.0).round(), (n[1] * 25.4 / 72.0).round())
        })
        .collect()
}

/// The text of page `page` of `pdf`, cropped to a rectangle in points.
fn text_in(pdf: &Path, page: usize, (x, y, w, h): (u32, u32, u32, u32)) -> String {
    let p = page.to_string();
    let args = ["-f", &p, "-l", &p, "-x", &x.to_string(), "-y", &y.to_string(), "-W", &w.to_string(), "-H", &h.to_string(), "-r", "72"];
    let out = Command::new("pdftotext").args(args).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The whole text of a PDF.
fn text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page number an A5 page's footer prints: `Trang 3 / 8` → 3.
fn footer_page(text: &str, total: usize) -> Option<usize> {
    let marker = format!(" / {total}");
    let at = text.find(&marker)?;
    text[..at].rsplit(' ').next()?.parse().ok()
}

/// The pictures `pdfimages -list` finds: (page, width, height).
fn images(pdf: &Path) -> Vec<(usize, u32, u32)> {
    let out = Command::new("pdfimages").arg("-list").arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfimages {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.get(2) == Some(&"image")).then(|| (f[0].parse().unwrap(), f[3].parse().unwrap(), f[4].parse().unwrap()))
        })
        .collect()
}

#[test]
fn a_booklet_reads_in_order_and_its_sheets_are_imposed_for_saddle_stitching() {
    if !poppler() {
        return;
    }
    let (_s, out) = built();
    let l = out.join("leaflets/pages");
    let reading = l.join("so-tay-booklet.pdf");
    let sizes = pages_mm(&reading);
    let n = sizes.len();
    assert!(n >= 8 && n.is_multiple_of(4), "{n} pages: a booklet of more than one sheet, a multiple of four");
    assert!(sizes.iter().all(|&s| s == (148.0, 210.0)), "A5 pages: {sizes:?}");
    // Reading order: the cover first, then the body, the back cover last.
    let first = text_in(&reading, 1, (0, 0, 420, 595));
    assert!(first.contains("Sổ tay an toàn cho học sinh tiểu học") && first.contains("111"), "cover: {first}");
    let last = text_in(&reading, n, (0, 0, 420, 595));
    assert!(last.contains(HOTLINE) && last.contains("Nơi hỗ trợ") && last.contains("Quét mã"), "back cover: {last}");
    for p in 1..=n {
        assert_eq!(footer_page(&text_in(&reading, p, (0, 0, 420, 595)), n), Some(p), "page {p} says its number");
    }

    // The sheets: A4 landscape, half as many sides as pages, and in each
    // half the page saddle stitching puts there: [n | 1], [2 | n-1], …
    let print = l.join("so-tay-booklet-print.pdf");
    let sides = pages_mm(&print);
    assert_eq!(sides.len(), n / 2, "{sides:?}");
    assert!(sides.iter().all(|&s| s == (297.0, 210.0)), "A4 landscape sheets: {sides:?}");
    for side in 0..n / 2 {
        let sheet = side / 2;
        let expected = if side % 2 == 0 { [n - 2 * sheet, 2 * sheet + 1] } else { [2 * sheet + 2, n - 2 * sheet - 1] };
        let left = text_in(&print, side + 1, (0, 0, 420, 595));
        let right = text_in(&print, side + 1, (422, 0, 420, 595));
        assert_eq!(footer_page(&left, n), Some(expected[0]), "side {} left: {left}", side + 1);
        assert_eq!(footer_page(&right, n), Some(expected[1]), "side {} right: {right}", side + 1);
    }
    // Sheet 1's front: the back cover on the left, the cover on the right.
    assert!(text_in(&print, 1, (0, 0, 420, 595)).contains(HOTLINE));
    assert!(text_in(&print, 1, (422, 0, 420, 595)).contains("Sổ tay an toàn cho học sinh tiểu học"));
    // The same text, so the same fonts: nothing lost in the moving.
    assert!(text(&print).contains("Bí mật xấu"), "{}", text(&print));

    // English: its own booklet, the hotline named in Vietnamese too.
    let en = l.join("so-tay-booklet.en.pdf");
    assert!(pages_mm(&en).len().is_multiple_of(4));
    let en_text = text(&en);
    assert!(en_text.contains("A safety handbook for primary pupils") && en_text.contains("Where to get help") && en_text.contains(HOTLINE), "{en_text}");
    assert!(l.join("so-tay-booklet-print.en.pdf").is_file());
}

#[test]
fn posters_are_one_page_of_a3_and_a2_with_the_picture_111_and_the_qr_code() {
    if !poppler() {
        return;
    }
    let (_s, out) = built();
    let l = out.join("leaflets/pages");
    for (name, size) in [("so-tay-poster-a3.pdf", (297.0, 420.0)), ("so-tay-poster-a2.pdf", (420.0, 594.0))] {
        let pdf = l.join(name);
        assert_eq!(pages_mm(&pdf), vec![size], "{name}");
        let t = text(&pdf);
        for s in ["Sổ tay an toàn cho học sinh tiểu học", "Những điều em cần biết", "111", HOTLINE, "Quét mã", "Phát hành"] {
            assert!(t.contains(s), "{s} on {name}: {t}");
        }
        // The page's picture, at its own pixels (the published copy, not re-encoded smaller).
        assert_eq!(images(&pdf), vec![(1, 1200, 800)], "{name}");
    }
    // The A3 poster in English.
    let en = text(&l.join("so-tay-poster-a3.en.pdf"));
    assert!(en.contains("A safety handbook for primary pupils") && en.contains("If you need help, call 111"), "{en}");
}

#[test]
fn leaflets_print_the_pages_picture_and_only_when_it_has_one() {
    if !poppler() {
        return;
    }
    let (_s, out) = built();
    let l = out.join("leaflets/pages");
    // Scaled down to what A5 prints it at, 300 dpi at 50 mm high (the
    // 1,200 × 800 picture becomes 886 × 591), as a JPEG; posters keep it whole.
    let a5 = images(&l.join("so-tay-a5.pdf"));
    assert!(matches!(a5.first(), Some(&(1, 886..=887, 591))), "the A5 leaflet shows the picture, at 300 dpi: {a5:?}");
    assert_eq!(images(&l.join("so-tay-booklet.pdf")).first().map(|i| i.0), Some(1), "the booklet's cover shows it");
    assert!(images(&l.join("so-tay-booklet-print.pdf")).iter().any(|i| i.0 == 1), "and so does sheet 1");
    // A page without `image:` and without pictures in its text prints none.
    assert!(images(&l.join("cu-phap-typst-a5.pdf")).is_empty());
}

#[test]
fn the_list_and_the_bundles_carry_booklets_and_posters_of_live_pages_only() {
    let (_s, out) = built();
    let index = fs::read_to_string(out.join("leaflets/index.html")).unwrap();
    for s in ["so-tay-booklet.pdf", "so-tay-booklet-print.pdf", "so-tay-poster-a3.pdf", "so-tay-poster-a2.pdf", "so-tay-booklet.png", "Sách mỏng (A5)", "Áp phích A3", "Bản để in và gập thành sách", "lật theo cạnh ngắn"] {
        assert!(index.contains(s), "{s} in the list for schools");
    }
    let page = fs::read_to_string(out.join("so-tay/index.html")).unwrap();
    assert!(page.contains("href=\"/leaflets/pages/so-tay-booklet-print.pdf\""), "the page links the copy to print");
    // Every bundle member is there; the copy to print is not counted as a leaflet of its own.
    let zip = zip::ZipArchive::new(fs::File::open(out.join("leaflets/bundles/pages.zip")).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for n in ["pages/so-tay-booklet.pdf", "pages/so-tay-booklet-print.pdf", "pages/so-tay-poster-a3.pdf", "pages/so-tay-poster-a2.pdf", "pages/so-tay-booklet.en.pdf"] {
        assert!(names.iter().any(|m| m == n), "{n} in pages.zip: {names:?}");
    }
    let leaflets = names.iter().filter(|n| !n.contains("booklet-print")).count();
    assert!(index.contains(&format!("{leaflets} tờ rơi")), "pages.zip counted as {leaflets} leaflets");
    // The embargoed page has no booklet, poster or copy to print anywhere.
    for f in common::tree(&out).keys() {
        assert!(!f.contains("bi-mat"), "{f}");
    }
    common::assert_nowhere(&out, "EMBARGO-MARKER");
}

#[test]
fn an_unchanged_booklet_is_reused_with_its_copy_to_print() {
    let (s, out) = built();
    let before = common::tree(&out.join("leaflets"));
    let run = common::build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok();
    common::assert_same_tree(&before, &common::tree(&out.join("leaflets")));
    let manifest = fs::read_to_string(out.join("leaflets/manifest.json")).unwrap();
    assert!(manifest.contains("so-tay-booklet-print.pdf"), "the manifest lists the copy to print");
    // A damaged copy to print is typeset again, not copied.
    let print = out.join("leaflets/pages/so-tay-booklet-print.pdf");
    let good = fs::read(&print).unwrap();
    fs::write(&print, b"%PDF-1.7 damaged").unwrap();
    common::build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert_eq!(fs::read(&print).unwrap(), good);
}

#[test]
fn an_unknown_format_names_the_new_ones() {
    let s = common::site("leaflets");
    s.write("content/pages/sai.md", "---\ntitle: Sai khổ\nleaflet: [a5, sach-mong]\n---\n\nNội dung.\n");
    let run = common::loa_in(s.root.parent().unwrap(), ["check", "--root", s.root.to_str().unwrap()]);
    run.expect_code(1).stderr_has("content/pages/sai.md:3").stderr_has("sach-mong").stderr_has("booklet").stderr_has("poster-a3");
}

/// A page of the example site without its links to other pages (which the
/// fixture does not have): `[text](x.md)` becomes `text`.
fn without_page_links(md: &str) -> String {
    let mut out = String::new();
    let mut rest = md;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else { break };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else { break };
        out.push_str(&rest[..open]);
        if rest[close + 2..end].contains(".md") {
            out.push_str(&rest[open + 1..close]);
        } else {
            out.push_str(&rest[open..=end]);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// How far down the dark pixels of each of `columns` columns of page
/// `page` reach (fraction of the height), drawn by pdftoppm in greys; the
/// top and bottom 4 % (fold marks, footer) left out.
fn ink_reach(pdf: &Path, page: usize, columns: u32) -> Vec<f64> {
    let dir = tempfile::tempdir().unwrap();
    let p = page.to_string();
    let prefix = dir.path().join("p");
    let out = Command::new("pdftoppm").args(["-r", "30", "-gray", "-png", "-singlefile", "-f", &p, "-l", &p]).arg(pdf).arg(&prefix).output().unwrap();
    assert!(out.status.success(), "pdftoppm {}", pdf.display());
    let img = image::open(prefix.with_extension("png")).unwrap().to_luma8();
    let (w, h) = img.dimensions();
    (0..columns)
        .map(|c| {
            let (x0, x1) = (c * w / columns + 4, (c + 1) * w / columns - 4);
            let last = (h * 4 / 100..h * 96 / 100).rev().find(|&y| (x0..x1).any(|x| img.get_pixel(x, y)[0] < 160)).unwrap_or(0);
            f64::from(last) / f64::from(h)
        })
        .collect()
}

#[test]
fn a_tri_fold_fills_its_panels_and_the_check_names_the_format_that_fits() {
    if !poppler() {
        return;
    }
    let s = common::site("leaflets");
    let repo = common::repo();
    let page = fs::read_to_string(repo.join("content/pages/an-toan-tren-mang.md")).unwrap();
    s.write("content/pages/an-toan-tren-mang.md", without_page_links(&page));
    s.write("content/pages/an-toan-tren-mang.png", fs::read(repo.join("content/pages/an-toan-tren-mang.png")).unwrap());
    s.write("content/pages/so-tay.md", format!("{}{}", BOOKLET_PAGE.replace("leaflet: [a5, booklet, poster-a3, poster-a2]", "leaflet: trifold").replace("image: lop-hoc.png\n", ""), sections().repeat(3)));
    let out = s.root.parent().unwrap().join("dist");
    let run = common::build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok();
    // A real page: every inside panel at least half filled — the text, then
    // the closing panel of where to get help — and the back panel too.
    let tri = out.join("leaflets/pages/an-toan-tren-mang-trifold.pdf");
    assert_eq!(pages_mm(&tri).len(), 2);
    let inside = ink_reach(&tri, 2, 3);
    assert!(inside.iter().all(|&r| r >= 0.5), "inside panels reach {inside:?}");
    let outside = ink_reach(&tri, 1, 3);
    assert!(outside.iter().all(|&r| r >= 0.5), "outside panels reach {outside:?}");
    assert!(text(&tri).contains("Nơi hỗ trợ"), "the closing panel");
    // The fixture's short page: a located warning naming A5; the long one
    // (three sides' worth): naming A4 (beyond three sides, the booklet).
    run.stderr_has("content/pages/cach-bao-tin.md:6:10").stderr_has("too short for a tri-fold").stderr_has("`leaflet: a5`");
    run.stderr_has("content/pages/so-tay.md:6:10").stderr_has("it needs 3 sides instead of 2").stderr_has("use `leaflet: a4` for it, which fits it");
    // `loa check` says the same, located, without writing anything.
    let check = common::loa_in(s.root.parent().unwrap(), ["check", "--root", s.root.to_str().unwrap()]);
    check.ok().stderr_has("content/pages/cach-bao-tin.md:6:10").stderr_has("`leaflet: a5`");
}
