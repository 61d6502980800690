//! Share cards as a reader's phone shows them: the PNG read back with the
//! `image` crate, its pixels measured against the font's own outlines, and
//! the Open Graph tags of pages that have no page file behind them.

use crate::common;

use std::fs;
use std::path::Path;

use common::*;

/// The card (`og:image`) of the page at `rel` in `out`, as RGB pixels.
fn card_of(out: &Path, rel: &str) -> image::RgbImage {
    let html = read(out, rel);
    let url = meta(&html, "og:image").unwrap_or_else(|| panic!("{rel} has no og:image"));
    let path = url.strip_prefix("https://loa.example/").unwrap_or_else(|| panic!("{rel}: {url} is not absolute"));
    let img = image::open(out.join(path)).unwrap_or_else(|e| panic!("{rel}: {path}: {e}")).to_rgb8();
    assert_eq!(img.dimensions(), (1200, 630), "{rel}");
    img
}

/// Whether a pixel is ink (text) rather than the white card.
fn ink(p: &image::Rgb<u8>) -> bool {
    p.0.iter().any(|&c| c < 200)
}

/// Whether a pixel is the inside of a letter of the title: its ink is
/// darker (`luma(20)`) than the site's name above it (`luma(80)`).
fn title_ink(p: &image::Rgb<u8>) -> bool {
    p.0.iter().all(|&c| c < 50)
}

/// The rows of the card's left column (the title's; the hotline is on the
/// right) that have ink, and the first that has the title's.
fn inked_rows(card: &image::RgbImage) -> (Vec<bool>, usize) {
    let rows: Vec<bool> = (0..card.height()).map(|y| (0..800).any(|x| ink(card.get_pixel(x, y)))).collect();
    let title = (0..card.height()).find(|&y| (0..800).any(|x| title_ink(card.get_pixel(x, y)))).expect("a title");
    (rows, title as usize)
}

/// The rows of ink that hold row `y` (top and bottom, inclusive): one line of
/// text with everything drawn above and below it, up to a row with no ink.
fn band(rows: &[bool], y: usize) -> (usize, usize) {
    assert!(rows[y], "no ink in row {y}");
    let top = (0..=y).rev().take_while(|&r| rows[r]).last().unwrap_or(y);
    let bottom = (y..rows.len()).take_while(|&r| rows[r]).last().unwrap_or(y);
    (top, bottom)
}

/// The card's type, the default theme's bold Noto Sans (its outlines do not
/// depend on the size asked for).
fn bold() -> typst::text::FontInstance {
    let bytes = fs::read(repo().join("themes/default/fonts/NotoSans-Bold.ttf")).unwrap();
    let font = typst::text::Font::new(typst::foundations::Bytes::new(bytes), 0).unwrap();
    font.instantiate(typst::text::FontVariant::default(), typst::layout::Abs::pt(31.0), &typst::text::FontVariations::default())
}

/// How high above the baseline the tallest of `text`'s letters reaches, in
/// ems (its outline's top: the marks over it included).
fn tallest(font: &typst::text::FontInstance, text: &str) -> f64 {
    let face = font.ttf();
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            let g = face.glyph_index(c).unwrap_or_else(|| panic!("the font has no {c}"));
            f64::from(face.glyph_bounding_box(g).unwrap_or_else(|| panic!("{c} has no outline")).y_max) / f64::from(face.units_per_em())
        })
        .fold(f64::MIN, f64::max)
}

/// Every mark over every letter of a card's first line is drawn whole:
/// stacked marks over capitals (Ẫ Ặ Ổ Ữ) and lowercase ones (ẫ ặ ổ ữ), the
/// hooks of ả ẻ ỏ ("Cảnh" read "Cánh" when they were cut), and the marks do
/// not run into the site's name above. The top of the title's ink is where
/// the font puts the top of its tallest letter, measured from a card whose
/// title is capitals only (their height gives the scale and the baseline).
#[test]
fn every_mark_of_the_first_line_is_drawn() {
    let titles = [("hhhh", "HHHH"), ("dau-hoa", "ẪẶỔỮ Cảnh Bảo trẻ"), ("dau-thuong", "ẫặổữ"), ("dau-hoi", "ả ẻ ỏ")];
    let s = site("good");
    for (slug, title) in titles {
        s.write(&format!("content/pages/{slug}.md"), format!("---\ntitle: \"{title}\"\n---\n\nGọi 111.\n"));
    }
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();

    let font = bold();
    let cap = font.metrics().cap_height.get();
    // The capitals' band: from their top to the baseline.
    let (reference, first) = inked_rows(&card_of(&out, "hhhh/index.html"));
    let (cap_top, cap_bottom) = band(&reference, first);
    let baseline = cap_bottom as f64 + 1.0;
    let pixels_per_em = (baseline - cap_top as f64) / cap;
    assert!(pixels_per_em > 30.0, "a title of at least 30 px per em: {pixels_per_em}");

    for (slug, title) in &titles[1..] {
        let (rows, first) = inked_rows(&card_of(&out, &format!("{slug}/index.html")));
        // The first line, from the first row of the title's ink.
        let (top, _) = band(&rows, first);
        let expected = baseline - tallest(&font, title) * pixels_per_em;
        assert!(
            (top as f64 - expected).abs() <= 2.0,
            "{title}: the first line's ink starts at row {top}; its tallest letter reaches row {expected:.1} (the capitals' top is row {cap_top})"
        );
        assert!(top + 4 < cap_top, "{title}: marks above the capitals ({top} against {cap_top})");
    }
}

/// A site with no English pages still has an English hub, and a link to it
/// shows a card in English with a description, never an empty one — even
/// when site.yaml has no description.
#[test]
fn an_english_hub_without_pages_has_a_card_and_a_description() {
    let s = site("good");
    for (path, _) in tree(&s.root).into_iter().filter(|(p, _)| p.ends_with(".en.md")) {
        fs::remove_file(s.root.join(path)).unwrap();
    }
    let yaml = fs::read_to_string(s.root.join("site.yaml")).unwrap();
    let without: String = {
        // site.yaml without its description (the key and its two lines).
        let mut lines = yaml.lines().peekable();
        let mut kept = String::new();
        while let Some(l) = lines.next() {
            if l.starts_with("description:") {
                while lines.peek().is_some_and(|n| n.starts_with("  ")) {
                    lines.next();
                }
                continue;
            }
            kept.push_str(l);
            kept.push('\n');
        }
        kept
    };
    assert!(!without.contains("description"), "{without}");
    for (name, site_yaml) in [("with a description", yaml.as_str()), ("without", without.as_str())] {
        s.write("site.yaml", site_yaml);
        let out = s.beside(&format!("out-{}", name.len()));
        build(&s.root, &out, Some("2027-06-10"), &[]).ok();
        let hub = read(&out, "en/index.html");
        let card = card_of(&out, "en/index.html");
        assert!(card.pixels().any(ink), "{name}: a card with text");
        assert_ne!(meta(&hub, "og:image"), meta(&read(&out, "index.html"), "og:image"), "{name}: the English hub's own card");
        let alt = meta(&hub, "og:image:alt").unwrap_or_default();
        assert!(alt.contains("Test Ward Loudspeaker") && alt.contains("National Child Protection Hotline 111"), "{name}: {alt}");
        let description = meta(&hub, "og:description").unwrap_or_default();
        match name {
            "without" => assert_eq!(description, "National Child Protection Hotline: 111 (24/7, free of charge)", "{name}"),
            _ => assert_eq!(description, "Child protection campaigns of the Test ward.", "{name}"),
        }
        // Every page, in both languages, has a description and a card.
        for (file, html) in html_files(&out).into_iter().filter(|(f, _)| !is_embed(f) && !f.starts_with("admin/")) {
            assert!(!meta(&html, "og:description").unwrap_or_default().trim().is_empty(), "{name}: {file}");
            assert!(meta(&html, "og:image").is_some(), "{name}: {file}");
        }
    }
}
