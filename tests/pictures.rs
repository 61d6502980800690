//! Pictures as published: read back from the output with real decoders (the
//! `image` crate) and a reader of each format's container (JPEG segments,
//! PNG chunks, RIFF chunks), so "no metadata" means no metadata block of any
//! kind, not the absence of one string. CI also runs exiftool over `dist/`.
//!
//! Every test runs the real binary on a copy of the `good` fixture with
//! pictures from `tests/fixtures/images` (a GPS-tagged photo in each format,
//! a photo that must be turned upright, a damaged one, a false one).

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// The container blocks of a published picture that are not its pixels and
/// the few that say how to show them: anything else (EXIF, XMP, IPTC,
/// ICC profiles, text, thumbnails, comments) is metadata.
fn metadata_blocks(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if bytes.starts_with(&[0xFF, 0xD8]) {
        // JPEG: segments until the scan starts; only APP0 (JFIF) is allowed.
        let mut i = 2;
        while i + 4 <= bytes.len() && bytes[i] == 0xFF {
            let marker = bytes[i + 1];
            if marker == 0xDA {
                break;
            }
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            if (0xE1..=0xEF).contains(&marker) || marker == 0xFE {
                found.push(format!("JPEG segment FF{marker:02X}"));
            }
            i += 2 + len;
        }
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let mut i = 8;
        while i + 8 <= bytes.len() {
            let len = u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
            let kind = String::from_utf8_lossy(&bytes[i + 4..i + 8]).into_owned();
            if !["IHDR", "PLTE", "tRNS", "IDAT", "IEND", "sRGB", "gAMA", "cHRM", "pHYs", "sBIT", "bKGD"].contains(&kind.as_str()) {
                found.push(format!("PNG chunk {kind}"));
            }
            i += 12 + len;
        }
    } else if bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        let mut i = 12;
        while i + 8 <= bytes.len() {
            let kind = String::from_utf8_lossy(&bytes[i..i + 4]).into_owned();
            let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().unwrap()) as usize;
            if !["VP8 ", "VP8L", "VP8X", "ALPH"].contains(&kind.as_str()) {
                found.push(format!("WebP chunk {kind}"));
            }
            i += 8 + len + (len & 1);
        }
    } else {
        found.push("not a JPEG, PNG or WebP".to_owned());
    }
    found
}

/// A site with the fixture pictures beside a live page, linked in its body.
fn site_with_pictures() -> Site {
    let s = site("good");
    for name in ["gps.jpg", "gps.png", "gps.webp", "rotated.jpg"] {
        fs::copy(fixture("images").join(name), s.root.join("content/pages").join(name)).unwrap();
    }
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write(
        "content/pages/cach-bao-tin.md",
        format!("{page}\n![Ảnh chụp ở Hồ Gươm](gps.jpg)\n\n![Bản vẽ](gps.png)\n\n![Ảnh WebP](gps.webp)\n\n![Ảnh chụp dọc](rotated.jpg)\n"),
    );
    s
}

/// Every raster file in the output that is a picture (not a leaflet's thumbnail).
fn published_pictures(out: &Path) -> Vec<(String, Vec<u8>)> {
    tree(out)
        .into_iter()
        .filter(|(p, _)| [".jpg", ".png", ".webp"].iter().any(|e| p.ends_with(e)) && !p.starts_with("leaflets/"))
        .filter_map(|(p, b)| Some((p, b?)))
        .collect()
}

#[test]
fn published_pictures_carry_no_metadata_and_originals_are_never_copied() {
    let s = site_with_pictures();
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let pictures = published_pictures(&out);
    assert!(pictures.len() >= 4 * 3, "{:?}", pictures.iter().map(|p| &p.0).collect::<Vec<_>>());
    for name in ["gps.jpg", "gps.png", "gps.webp", "rotated.jpg"] {
        let original = fs::read(fixture("images").join(name)).unwrap();
        assert!(!metadata_blocks(&original).is_empty(), "the fixture {name} has metadata to strip");
        let published = fs::read(out.join(name)).unwrap();
        assert_ne!(published, original, "{name} was copied as it is");
    }
    for (path, bytes) in &pictures {
        assert_eq!(metadata_blocks(bytes), Vec::<String>::new(), "{path}");
        image::load_from_memory(bytes).unwrap_or_else(|e| panic!("{path} does not decode: {e}"));
    }
    // The words a camera wrote are nowhere in the output.
    for needle in ["Hoan Kiem", "LoaTestCam", "GPS"] {
        for (path, bytes) in &pictures {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in {path}");
        }
    }
}

#[test]
fn a_photo_is_turned_upright_before_its_orientation_is_dropped() {
    let s = site_with_pictures();
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let img = image::open(out.join("rotated.jpg")).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (48, 64));
    let near = |p: [u8; 3], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) < 40);
    assert!(near(img.get_pixel(4, 4).0, [0, 0, 255]), "blue top-left: {:?}", img.get_pixel(4, 4));
    assert!(near(img.get_pixel(43, 4).0, [255, 0, 0]), "red top-right: {:?}", img.get_pixel(43, 4));
}

/// A picture wider than the theme's widths gets a copy at each of them, in
/// WebP and in its own format; the page's `<picture>` lists them, with the
/// width and height of the largest.
#[test]
fn pictures_are_resized_to_each_width_in_two_formats() {
    let s = site("good");
    let big = image::RgbImage::from_fn(1600, 1000, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    big.save(s.root.join("content/pages/lon.jpg")).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Ảnh lớn](lon.jpg \"Một bức ảnh\")\n"));
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let html = read(&out, "cach-bao-tin/index.html");
    let picture = between(&html, "<picture>", "</picture>");
    let webp = attr(tags(picture, "source")[0], "srcset").unwrap();
    let jpeg = attr(tags(picture, "source")[1], "srcset").unwrap();
    let widths = |set: &str| set.split(", ").map(|c| c.rsplit_once(' ').unwrap().1.to_owned()).collect::<Vec<_>>();
    assert_eq!(widths(&webp), ["480w", "720w", "1080w", "1440w"]);
    assert_eq!(widths(&jpeg), ["480w", "720w", "1080w", "1440w"]);
    for (set, format) in [(&webp, image::ImageFormat::WebP), (&jpeg, image::ImageFormat::Jpeg)] {
        for candidate in set.split(", ") {
            let (url, w) = candidate.rsplit_once(' ').unwrap();
            let bytes = fs::read(out.join(url.trim_start_matches('/'))).unwrap();
            assert_eq!(image::guess_format(&bytes).unwrap(), format, "{url}");
            let img = image::load_from_memory(&bytes).unwrap();
            let w: u32 = w.trim_end_matches('w').parse().unwrap();
            assert_eq!((img.width(), img.height()), (w, w * 1000 / 1600), "{url}");
        }
    }
    let img = tags(picture, "img")[0];
    assert_eq!(attr(img, "width").as_deref(), Some("1440"));
    assert_eq!(attr(img, "height").as_deref(), Some("900"));
    assert_eq!(attr(img, "alt").as_deref(), Some("Ảnh lớn"));
    assert_eq!(attr(img, "title").as_deref(), Some("Một bức ảnh"));
    assert_eq!(attr(img, "decoding").as_deref(), Some("async"));
    assert!(attr(tags(picture, "source")[0], "sizes").is_some());
    // The full-size copy stays where the file is linked, never wider than 2,400 px.
    assert_eq!(image::open(out.join("lon.jpg")).unwrap().width(), 1600);
    // The feed has a plain <img> of the full-size copy, with the base URL.
    let feed = read(&out, "feed.xml");
    assert!(feed.contains("src=&quot;https://loa.example/lon.jpg&quot;"), "{feed}");
}

/// The first picture on the page loads at once; the others when scrolled near.
#[test]
fn only_the_first_picture_is_eager() {
    let s = site_with_pictures();
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let html = read(&out, "cach-bao-tin/index.html");
    let imgs: Vec<&str> = tags(&html, "img");
    assert_eq!(imgs.len(), 4, "{html}");
    assert_eq!(attr(imgs[0], "loading"), None);
    assert_eq!(attr(imgs[0], "fetchpriority").as_deref(), Some("high"));
    for img in &imgs[1..] {
        assert_eq!(attr(img, "loading").as_deref(), Some("lazy"), "{img}");
    }
}

/// Every page has a 1,200 × 630 PNG share card in og:image and twitter:image;
/// a page with `image:` has that picture cropped to fill it.
#[test]
fn every_page_has_a_share_card() {
    let s = site("good");
    fs::copy(fixture("images").join("gps.jpg"), s.root.join("content/pages/anh.jpg")).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/gioi-thieu.md")).unwrap();
    s.write("content/pages/gioi-thieu.md", page.replacen("\n---\n", "\nimage: anh.jpg\nimage_alt: Hồ Gươm buổi sáng\n---\n", 1));
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let mut cards = std::collections::BTreeSet::new();
    for (file, html) in html_files(&out) {
        if file.starts_with("embed/") || file.starts_with("admin/") {
            continue;
        }
        let meta = |prop: &str| {
            tags(&html, "meta").into_iter().find(|t| attr(t, "property").as_deref() == Some(prop) || attr(t, "name").as_deref() == Some(prop)).and_then(|t| attr(t, "content"))
        };
        let url = meta("og:image").unwrap_or_else(|| panic!("{file} has no og:image"));
        assert_eq!(meta("twitter:image").as_deref(), Some(url.as_str()), "{file}");
        assert_eq!(meta("twitter:card").as_deref(), Some("summary_large_image"), "{file}");
        assert!(!meta("og:image:alt").unwrap_or_default().is_empty(), "{file}");
        let rel = url.strip_prefix("https://loa.example/").unwrap_or_else(|| panic!("{file}: {url} is not absolute"));
        let bytes = fs::read(out.join(rel)).unwrap_or_else(|_| panic!("{file}: {rel} is not in the output"));
        assert_eq!(image::guess_format(&bytes).unwrap(), image::ImageFormat::Png, "{rel}");
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (1200, 630), "{rel}");
        assert_eq!(metadata_blocks(&bytes), Vec::<String>::new(), "{rel}");
        cards.insert(rel.to_owned());
    }
    assert!(cards.len() >= 8, "one card per page: {cards:?}");
    // The page with a picture: its card is the photo (the fixture is a
    // 64 × 48 gradient, not the white of a typeset card) and its alt text.
    let html = read(&out, "gioi-thieu/index.html");
    assert!(html.contains("<meta property=\"og:image:alt\" content=\"Hồ Gươm buổi sáng\">"), "{html}");
    let card_url = attr(tags(&html, "meta").into_iter().find(|t| attr(t, "property").as_deref() == Some("og:image")).unwrap(), "content").unwrap();
    let card = image::open(out.join(card_url.strip_prefix("https://loa.example/").unwrap())).unwrap().to_rgb8();
    assert_ne!(card.get_pixel(20, 20).0, [255, 255, 255], "the photo fills the card");
    // The page shows its picture under its title.
    assert!(html.contains("<figure class=\"picture\"><picture>"), "{html}");
    // A typeset card says 111.
    let hub = read(&out, "index.html");
    let alt = attr(tags(&hub, "meta").into_iter().find(|t| attr(t, "property").as_deref() == Some("og:image:alt")).unwrap(), "content").unwrap();
    assert!(alt.contains("111"), "{alt}");
}

/// An unchanged rebuild encodes no picture and no card; changing one picture
/// encodes that picture's files only.
#[test]
fn unchanged_pictures_are_reused() {
    let s = site_with_pictures();
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok().stdout_has("Pictures: ");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok().stdout_has("Pictures: 0 files encoded").stdout_has("none changed");
    let img = image::RgbImage::from_pixel(64, 48, image::Rgb([10, 200, 30]));
    img.save(s.root.join("content/pages/gps.png")).unwrap();
    // One picture: its full copy and one width in two formats.
    build(&s.root, &out, Some("2027-06-10"), &[]).ok().stdout_has("Pictures: 3 files encoded");
}

/// Raster files in `static/` are published made anew too; SVG pictures are
/// rebuilt without scripts, handlers, remote references or metadata.
#[test]
fn static_pictures_and_svg_are_cleaned() {
    let s = site("good");
    fs::create_dir_all(s.root.join("static")).unwrap();
    fs::copy(fixture("images").join("gps.jpg"), s.root.join("static/logo.jpg")).unwrap();
    s.write(
        "static/huy-hieu.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><metadata>Nguyễn Văn A</metadata><circle r="4" fill="red"/><image href="https://t.example/x.png"/></svg>"#,
    );
    s.write("content/pages/hinh.svg", r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(3)"><rect width="5" height="5"/></a></svg>"#);
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Hình vẽ](hinh.svg)\n"));
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert_eq!(metadata_blocks(&fs::read(out.join("static/logo.jpg")).or_else(|_| fs::read(out.join("logo.jpg"))).unwrap()), Vec::<String>::new());
    for svg in tree(&out).into_iter().filter(|(p, _)| p.ends_with(".svg") && !p.starts_with("embed/") && p != "favicon.svg") {
        let text = String::from_utf8(svg.1.unwrap()).unwrap();
        for bad in ["alert", "script", "t.example", "Nguy", "javascript", "onload"] {
            assert!(!text.contains(bad), "{bad} in {}: {text}", svg.0);
        }
    }
    let html = read(&out, "cach-bao-tin/index.html");
    assert!(html.contains("<img src=\"/hinh.svg\" alt=\"Hình vẽ\""), "{html}");
}

/// A picture beside the page of the same name (`an-toan.png` beside
/// `an-toan.md`) is the picture, not a slip for the page.
#[test]
fn a_picture_named_like_its_page_is_the_picture() {
    let s = site("good");
    fs::copy(fixture("images").join("gps.png"), s.root.join("content/pages/cach-bao-tin.png")).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", page.replacen("\n---\n", "\nimage: cach-bao-tin.png\nimage_alt: Gọi 111\n---\n", 1));
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(out.join("cach-bao-tin.png").is_file());
}

// ---------------------------------------------------------------------------
// Bad input: located errors and warnings, the previous output untouched
// ---------------------------------------------------------------------------

/// Each kind of bad picture is an error at the line and column that names
/// it, and the output of the last good build is left as it was.
#[test]
fn bad_pictures_are_located_errors_and_leave_the_output_alone() {
    let cases: &[(&str, &str, &str)] = &[
        ("corrupt.jpg", "![Ảnh hỏng](hong.jpg)", "cut short"),
        ("not-an-image.png", "![Không phải ảnh](hong.jpg)", "not an image loa can read"),
        ("", "![Không có](khong-co.jpg)", "does not exist"),
        ("", "![Ngoài trang](../../../anh.jpg)", "outside content/"),
        ("", "![Ảnh ở nơi khác](https://t.example/a.jpg)", "on another host"),
    ];
    for (fixture_name, markdown, why) in cases {
        let s = site("good");
        let out = s.beside("out");
        build(&s.root, &out, Some("2027-06-10"), &[]).ok();
        let before = tree(&out);
        if !fixture_name.is_empty() {
            fs::copy(fixture("images").join(fixture_name), s.root.join("content/pages/hong.jpg")).unwrap();
        }
        let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
        s.write("content/pages/cach-bao-tin.md", format!("{page}\n{markdown}\n"));
        let line = page.lines().count() + 2;
        let run = build(&s.root, &out, Some("2027-06-10"), &[]);
        run.expect_code(1).stderr_has(&format!("content/pages/cach-bao-tin.md:{line}:1")).stderr_has(why);
        assert_same_tree(&before, &tree(&out));
    }
}

/// A picture that declares more pixels than loa accepts (a decompression
/// bomb) is refused from its header, wherever it is used.
#[test]
fn a_decompression_bomb_is_refused_on_any_page() {
    let s = site("good");
    fs::write(s.root.join("content/pages/bom.png"), png_header(20_000, 20_000)).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/gioi-thieu.md")).unwrap();
    s.write("content/pages/gioi-thieu.md", format!("{page}\n![Bom](bom.png)\n"));
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has("20000 × 20000 pixels").stderr_has("content/pages/gioi-thieu.md:");
}

/// `image:` must be a picture beside the page with its `image_alt`.
#[test]
fn front_matter_image_errors_are_at_the_key() {
    let cases: &[(&str, &str)] = &[
        ("image: anh.jpg\n", "needs `image_alt`"),
        ("image: khong-co.jpg\nimage_alt: Ảnh\n", "does not exist"),
        ("image: https://t.example/a.jpg\nimage_alt: Ảnh\n", "on another host"),
        ("image: gioi-thieu.md\nimage_alt: Ảnh\n", "is not a picture"),
    ];
    for (keys, why) in cases {
        let s = site("good");
        fs::copy(fixture("images").join("gps.jpg"), s.root.join("content/pages/anh.jpg")).unwrap();
        let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
        let fm_end = page[4..].find("\n---\n").unwrap() + 4;
        let line = page[..fm_end].lines().count() + 1;
        s.write("content/pages/cach-bao-tin.md", format!("{}\n{keys}{}", &page[..fm_end], &page[fm_end + 1..]));
        let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
        run.expect_code(1).stderr_has(&format!("content/pages/cach-bao-tin.md:{line}:8")).stderr_has(why);
    }
}

/// An image without a text alternative is a warning at the image.
#[test]
fn an_image_without_alt_text_is_a_warning_at_it() {
    let s = site("good");
    fs::copy(fixture("images").join("gps.png"), s.root.join("content/pages/ve.png")).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\nXem hình: ![](ve.png)\n"));
    let line = page.lines().count() + 2;
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).ok().stderr_has(&format!("warning: content/pages/cach-bao-tin.md:{line}:11")).stderr_has("no text alternative");
}

/// A damaged SVG is an error naming the file and the page that links it.
#[test]
fn a_broken_svg_is_an_error_at_its_link() {
    let s = site("good");
    s.write("content/pages/hong.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>");
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Hình hỏng](hong.svg)\n"));
    let line = page.lines().count() + 2;
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has(&format!("content/pages/cach-bao-tin.md:{line}:1")).stderr_has("hong.svg");
}
