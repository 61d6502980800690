//! Pictures as published: read back from the output with real decoders (the
//! `image` crate) and a reader of each format's container (JPEG segments,
//! PNG chunks, RIFF chunks), so "no metadata" means no metadata block of any
//! kind, not the absence of one string. CI also runs exiftool over `dist/`.
//!
//! Every test runs the real binary on a copy of the `good` fixture with
//! pictures from `tests/fixtures/images` (a GPS-tagged photo in each format,
//! a photo that must be turned upright, a damaged one, a false one).

use crate::common;

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
    } else if bytes.starts_with(b"GIF8") {
        // Blocks: only graphic control extensions (F9) and the looping
        // block are not metadata; comments (FE), XMP (FF) and text (01) are.
        let table = |flags: u8| if flags & 0x80 != 0 { 3 << ((flags & 7) + 1) } else { 0 };
        let skip = |mut i: usize| {
            while let Some(&n) = bytes.get(i) {
                i += 1 + usize::from(n);
                if n == 0 {
                    break;
                }
            }
            i
        };
        let mut i = 13 + bytes.get(10).map_or(0, |&f| table(f));
        while let Some(&block) = bytes.get(i) {
            match block {
                0x21 => {
                    let label = bytes[i + 1];
                    if label != 0xF9 && !(label == 0xFF && bytes.get(i + 3..i + 14) == Some(b"NETSCAPE2.0")) {
                        found.push(format!("GIF extension {label:02X}"));
                    }
                    i = skip(i + 2);
                }
                0x2C => i = skip(i + 10 + bytes.get(i + 9).map_or(0, |&f| table(f)) + 1),
                _ => break,
            }
        }
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        // TIFF: the first directory's tags that are metadata (EXIF and GPS
        // directories, XMP, IPTC, ICC, Photoshop, the camera's words).
        let le = bytes[0] == b'I';
        let u16_at = |i: usize| bytes.get(i..i + 2).map_or(0, |s| if le { u16::from_le_bytes([s[0], s[1]]) } else { u16::from_be_bytes([s[0], s[1]]) });
        let ifd = bytes.get(4..8).map_or(0, |s| if le { u32::from_le_bytes(s.try_into().unwrap()) } else { u32::from_be_bytes(s.try_into().unwrap()) }) as usize;
        for i in 0..usize::from(u16_at(ifd)) {
            let tag = u16_at(ifd + 2 + 12 * i);
            if [0x8769, 0x8825, 0x02BC, 0x83BB, 0x8773, 0x8649, 0x010E, 0x010F, 0x0110, 0x0131, 0x013B, 0x8298, 0x9286].contains(&tag) {
                found.push(format!("TIFF tag {tag:#06x}"));
            }
        }
    } else {
        found.push("not a JPEG, PNG, WebP, GIF or TIFF".to_owned());
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
        if is_embed(&file) || file.starts_with("admin/") {
            continue;
        }
        let meta = |prop: &str| meta(&html, prop);
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
    let card_url = meta(&html, "og:image").unwrap();
    let card = image::open(out.join(card_url.strip_prefix("https://loa.example/").unwrap())).unwrap().to_rgb8();
    assert_ne!(card.get_pixel(20, 20).0, [255, 255, 255], "the photo fills the card");
    // The page shows its picture under its title.
    assert!(html.contains("<figure class=\"picture\"><picture>"), "{html}");
    // A typeset card says 111.
    let hub = read(&out, "index.html");
    let alt = meta(&hub, "og:image:alt").unwrap();
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

// ---------------------------------------------------------------------------
// Files judged by their bytes, not their names
// ---------------------------------------------------------------------------

/// What the hand-written GPS block says, to be looked for in every output file.
const GPS_MARK: &[u8] = b"LOA-GPS-21.0285N";

/// A PNG chunk with its length and checksum.
fn png_chunk(ty: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    let body: Vec<u8> = ty.iter().chain(data).copied().collect();
    c.extend_from_slice(&body);
    c.extend_from_slice(&crc32(&body).to_be_bytes());
    c
}

/// One TIFF directory entry: tag, type, count, value bytes (little-endian).
struct Entry(u16, u16, u32, Vec<u8>);

/// A little-endian TIFF: `pixels` right after the header (so a strip at
/// offset 8), then the first directory (`ifd0`, sorted, plus a pointer to
/// the GPS directory), then a GPS directory whose map datum is
/// [`GPS_MARK`] (with a latitude), then the values too long to sit inline.
/// Used whole as a TIFF file and, without pixels, as a JPEG's or PNG's EXIF.
fn tiff_with_gps(ifd0: Vec<Entry>, pixels: &[u8]) -> Vec<u8> {
    let gps = vec![
        Entry(0x0001, 2, 2, b"N\0".to_vec()),
        Entry(0x0002, 5, 3, [21u32, 1, 1, 1, 42, 1].iter().flat_map(|v| v.to_le_bytes()).collect()),
        Entry(0x0012, 2, GPS_MARK.len() as u32 + 1, [GPS_MARK, b"\0"].concat()),
    ];
    let mut ifd0 = ifd0;
    let ifd0_at = 8 + pixels.len() + (pixels.len() & 1);
    let gps_at = ifd0_at + 2 + 12 * (ifd0.len() + 1) + 4;
    let data_at = gps_at + 2 + 12 * gps.len() + 4;
    ifd0.push(Entry(0x8825, 4, 1, (gps_at as u32).to_le_bytes().to_vec()));
    let mut data = Vec::new();
    let mut dir = |entries: &[Entry]| {
        let mut out = (entries.len() as u16).to_le_bytes().to_vec();
        for Entry(tag, ty, count, value) in entries {
            out.extend(tag.to_le_bytes());
            out.extend(ty.to_le_bytes());
            out.extend(count.to_le_bytes());
            if value.len() <= 4 {
                let mut v = value.clone();
                v.resize(4, 0);
                out.extend(v);
            } else {
                out.extend(((data_at + data.len()) as u32).to_le_bytes());
                data.extend_from_slice(value);
                if data.len() % 2 == 1 {
                    data.push(0);
                }
            }
        }
        out.extend(0u32.to_le_bytes());
        out
    };
    let first = dir(&ifd0);
    let second = dir(&gps);
    let mut t = b"II*\0".to_vec();
    t.extend((ifd0_at as u32).to_le_bytes());
    t.extend_from_slice(pixels);
    if pixels.len() % 2 == 1 {
        t.push(0);
    }
    t.extend(first);
    t.extend(second);
    t.extend(data);
    t
}

/// The EXIF block of a photo: a GPS position, nothing else.
fn exif_gps() -> Vec<u8> {
    tiff_with_gps(Vec::new(), &[])
}

/// A 32 × 24 JPEG with an EXIF segment (APP1) holding a GPS position.
fn jpeg_with_gps() -> Vec<u8> {
    let img = image::RgbImage::from_fn(32, 24, |x, y| image::Rgb([(x * 8) as u8, (y * 10) as u8, 90]));
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(img).write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg).unwrap();
    let payload = [&b"Exif\0\0"[..], &exif_gps()].concat();
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend(((payload.len() + 2) as u16).to_be_bytes());
    app1.extend(payload);
    [&jpeg[..2], &app1, &jpeg[2..]].concat()
}

/// An 8 × 6 RGB TIFF (uncompressed) whose first directory points to a GPS directory.
fn tiff_picture_with_gps() -> Vec<u8> {
    let pixels: Vec<u8> = (0..8 * 6).flat_map(|i| [(i * 5) as u8, 200, (255 - i * 5) as u8]).collect();
    let short = |v: u16| v.to_le_bytes().to_vec();
    let long = |v: u32| v.to_le_bytes().to_vec();
    tiff_with_gps(
        vec![
            Entry(256, 3, 1, short(8)),
            Entry(257, 3, 1, short(6)),
            Entry(258, 3, 3, [8u16, 8, 8].iter().flat_map(|v| v.to_le_bytes()).collect()),
            Entry(259, 3, 1, short(1)),
            Entry(262, 3, 1, short(2)),
            Entry(273, 4, 1, long(8)),
            Entry(277, 3, 1, short(3)),
            Entry(278, 3, 1, short(6)),
            Entry(279, 4, 1, long(pixels.len() as u32)),
        ],
        &pixels,
    )
}

/// A PNG with an `eXIf` chunk (GPS) and a text chunk.
fn png_with_gps() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(20, 10, |x, _| image::Rgba([200, (x * 12) as u8, 40, 255]));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(img).write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    let ihdr_end = 8 + 25;
    let extra = [png_chunk(b"eXIf", &exif_gps()), png_chunk(b"tEXt", &[&b"Comment\0"[..], GPS_MARK].concat())].concat();
    [&png[..ihdr_end], &extra, &png[ihdr_end..]].concat()
}

/// A GIF with a comment block saying where it was taken.
fn gif_with_comment() -> Vec<u8> {
    let mut gif = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
        enc.encode_frame(image::Frame::new(image::RgbaImage::from_pixel(12, 8, image::Rgba([0, 120, 200, 255])))).unwrap();
    }
    let comment = [&[0x21, 0xFE, GPS_MARK.len() as u8][..], GPS_MARK, &[0]].concat();
    let end = gif.len() - 1;
    [&gif[..end], &comment, &gif[end..]].concat()
}

/// A false iPhone photo: an ISO-BMFF `ftyp heic` box, then an EXIF block.
fn fake_heic() -> Vec<u8> {
    [&b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"[..], b"\0\0\0\x10meta\0\0\0\0", b"Exif\0\0", &exif_gps()].concat()
}

/// Whether `b` holds a trace of the GPS block: its text, or an EXIF header.
fn gps_trace(b: &[u8]) -> Option<&'static str> {
    let has = |n: &[u8]| b.windows(n.len()).any(|w| w == n);
    if has(GPS_MARK) {
        Some("the GPS block's text")
    } else if has(b"Exif\0\0") {
        Some("an EXIF header")
    } else if has(b"eXIf") {
        Some("a PNG eXIf chunk")
    } else {
        None
    }
}

/// Each picture format the decoders read, under its right names and under
/// misleading ones (`.jfif`, `.jpe`, `.txt`, `.dat`, none, another format's),
/// in `content/` (linked from a page) and in `static/`: every one is made
/// anew, where it was linked (links keep working), and no output file holds
/// its GPS block or an EXIF header. Before files were sniffed, all but the
/// right names were copied byte for byte.
#[test]
fn every_picture_format_under_any_name_loses_its_gps() {
    let webp = fs::read(fixture("images").join("gps.webp")).unwrap();
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("JPEG", jpeg_with_gps(), vec!["anh-jpeg.jpg", "anh-jpeg.jfif", "anh-jpeg.jpe", "anh-jpeg.txt", "anh-jpeg.dat", "anh-jpeg", "anh-jpeg-la.png"]),
        ("TIFF", tiff_picture_with_gps(), vec!["quet.tif", "quet.tiff", "quet.txt", "quet"]),
        ("PNG", png_with_gps(), vec!["ve.png", "ve.dat", "ve", "ve-la.jpg"]),
        ("GIF", gif_with_comment(), vec!["dong.gif", "dong.txt", "dong"]),
        ("WebP", webp.clone(), vec!["web.webp", "web.bin", "web"]),
    ];
    for (format, bytes, _) in &cases {
        assert!(gps_trace(bytes).is_some() || !metadata_blocks(bytes).is_empty(), "the {format} fixture carries metadata to strip");
        if *format != "WebP" {
            image::load_from_memory(bytes).unwrap_or_else(|e| panic!("the {format} fixture decodes: {e}"));
        }
    }
    let s = site("good");
    let mut page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    for (_, bytes, names) in &cases {
        for name in names {
            fs::write(s.root.join("content/pages").join(name), bytes).unwrap();
            s.write(&format!("static/tinh/{name}"), bytes);
            page.push_str(&format!("\n![Ảnh {name}]({name})\n\n[Tải ảnh {name}]({name})\n"));
        }
    }
    s.write("content/pages/cach-bao-tin.md", &page);
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    for (format, _, names) in &cases {
        for name in names {
            for published in [name.to_string(), format!("tinh/{name}")] {
                let b = fs::read(out.join(&published)).unwrap_or_else(|e| panic!("{format} as {published} is published where it is linked: {e}"));
                assert_eq!(metadata_blocks(&b), Vec::<String>::new(), "{format} as {published}");
                image::load_from_memory(&b).unwrap_or_else(|e| panic!("{format} as {published} decodes: {e}"));
            }
        }
    }
    for (path, bytes) in tree(&out) {
        if let Some(trace) = bytes.as_deref().and_then(gps_trace) {
            panic!("{trace} in the published {path}");
        }
    }
    let html = read(&out, "cach-bao-tin/index.html");
    assert!(html.contains("alt=\"Ảnh quet.txt\""), "a TIFF named .txt is shown as a picture: {html}");
    // exiftool's view too (as CI runs it over dist/), where the machine has it.
    if std::process::Command::new("exiftool").arg("-ver").output().is_ok_and(|o| o.status.success()) {
        let run = std::process::Command::new("python3").arg(repo().join("tests/py/no_metadata.py")).arg(&out).output().unwrap();
        let said = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "exiftool finds metadata:\n{said}");
        eprintln!("{said}");
    } else {
        eprintln!("no exiftool: tests/py/no_metadata.py not run");
    }
}

/// Picture formats loa cannot decode here (HEIC, AVIF, camera RAW), under
/// any name, are refused: an error at the line and column of the page's
/// link (or at the file in `static/`) saying to save it as JPEG; nothing is
/// published and the last good output stays as it was. `loa check` says so too.
#[test]
fn pictures_loa_cannot_clean_are_refused_where_they_are_linked() {
    let mut dng = tiff_picture_with_gps();
    // A DNG: the same TIFF with a DNGVersion tag (0xC612) first in its directory.
    let ifd = u32::from_le_bytes(dng[4..8].try_into().unwrap()) as usize;
    dng[ifd + 2..ifd + 4].copy_from_slice(&0xC612u16.to_le_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("chup.heic", fake_heic(), "HEIC"),
        ("chup-heic.jpg", fake_heic(), "HEIC"),
        ("chup-heic.txt", fake_heic(), "HEIC"),
        ("chup-heic", fake_heic(), "HEIC"),
        ("chup.avif", b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miafExif\0\0LOA-GPS-21.0285N".to_vec(), "AVIF"),
        ("chup.dng", dng.clone(), "RAW"),
        ("chup-dng.tif", dng, "RAW"),
    ];
    let s = site("good");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let before = tree(&out);
    let mut page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    let mut lines = Vec::new();
    for (name, bytes, _) in &cases {
        fs::write(s.root.join("content/pages").join(name), bytes).unwrap();
        page.push_str(&format!("\n![Ảnh {name}]({name})\n"));
        lines.push(page.lines().count());
    }
    s.write("content/pages/cach-bao-tin.md", &page);
    s.write("static/chup-tinh.heic", fake_heic());
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("static/chup-tinh.heic").stderr_has("save it as JPEG");
    for ((name, _, format), line) in cases.iter().zip(&lines) {
        let at = format!("content/pages/cach-bao-tin.md:{line}:1");
        let report = run.stderr.split("error:").find(|e| e.contains(&at)).unwrap_or_else(|| panic!("no error at {at} for {name}\n{}", run.stderr));
        assert!(report.contains(format) && report.contains("JPEG"), "{name}: {report}");
    }
    assert_same_tree(&before, &tree(&out));
    let check = loa(["check", "--root", s.root.to_str().unwrap()]);
    check.expect_code(1).stderr_has("static/chup-tinh.heic");
    for line in &lines {
        check.stderr_has(&format!("content/pages/cach-bao-tin.md:{line}:1"));
    }
}

// ---------------------------------------------------------------------------
// Bounded decoders
// ---------------------------------------------------------------------------

/// A zlib stream that unpacks to `n` zero bytes (`n` ≥ 1): fixed-Huffman
/// deflate, one literal then matches of 258 bytes at distance 1, 13 bits
/// each — 1 GiB in 6.8 MB.
fn zeros_zlib(n: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, v: u64, len: u32) {
            self.acc |= v << self.n;
            self.n += len;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, written from its first bit.
        fn code(&mut self, code: u64, len: u32) {
            self.put(code.reverse_bits() >> (64 - len), len);
        }
    }
    let mut b = Bits { out: vec![0x78, 0x01], acc: 0, n: 0 };
    b.put(1, 1); // the last block
    b.put(1, 2); // fixed Huffman codes
    b.code(0x30, 8); // the literal 0
    let matches = (n - 1) / 258;
    for _ in 0..matches {
        b.code(0xC5, 8); // length 258 (code 285)
        b.code(0, 5); // distance 1
    }
    for _ in 0..(n - 1) % 258 {
        b.code(0x30, 8);
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    let mut out = b.out;
    let adler = (((n % 65521) as u32) << 16) | 1;
    out.extend(adler.to_be_bytes());
    out
}

/// A 16 × 16 PNG with an ICC profile and a compressed text chunk that each
/// unpack to 1 GiB (the file is 14 MB).
fn png_with_huge_icc_and_text() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(16, 16, image::Rgb([10, 20, 30]));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(img).write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    let zlib = zeros_zlib(1 << 30);
    let iccp = [&b"icc\0\0"[..], &zlib].concat();
    let ztxt = [&b"Comment\0\0"[..], &zlib].concat();
    let extra = [png_chunk(b"iCCP", &iccp), png_chunk(b"zTXt", &ztxt)].concat();
    [&png[..33], &extra, &png[33..]].concat()
}

/// A GIF of `frames` frames of 1,000 × 1,000 pixels.
fn gif_with_frames(frames: usize) -> Vec<u8> {
    let mut one = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut one);
        enc.encode_frame(image::Frame::new(image::RgbaImage::from_pixel(1000, 1000, image::Rgba([200, 30, 30, 255])))).unwrap();
    }
    let start = 13 + if one[10] & 0x80 != 0 { 3 << ((one[10] & 7) + 1) } else { 0 };
    let frame = &one[start..one.len() - 1];
    let mut gif = one[..start].to_vec();
    for _ in 0..frames {
        gif.extend_from_slice(frame);
    }
    gif.push(0x3B);
    gif
}

/// The peak memory (kB) of `loa build` on `root`, and the run, read with
/// `/usr/bin/time` (None where the machine has none).
fn build_peak_kb(root: &Path, out: &Path) -> Option<(u64, std::process::Output)> {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("no /usr/bin/time: peak memory not measured");
        return None;
    }
    let run = std::process::Command::new("/usr/bin/time")
        .args(["-f", "peak-kb=%M", LOA, "build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(["--at", "2027-06-10"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    let kb = err.rsplit("peak-kb=").next().and_then(|s| s.trim().parse().ok()).unwrap_or_else(|| panic!("no peak in {err}"));
    Some((kb, run))
}

/// A PNG whose ICC profile and text unpack to 1 GiB each, and a GIF of
/// 3,000 frames of a megapixel, in `content/` and `static/`: both are
/// published (made anew from their pixels, which are small) and the whole
/// build stays far under the per-picture limit. Before, the decoder
/// unpacked the profile up to its 512 MiB limit and refused the picture
/// after some 540 MB.
#[test]
fn a_picture_never_takes_more_than_its_memory_limit() {
    let s = site("good");
    let base = build_peak_kb(&s.root, &s.beside("base")).map(|(kb, run)| {
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        kb
    });
    let png = png_with_huge_icc_and_text();
    let gif = gif_with_frames(3000);
    assert!(png.len() < 16 << 20 && gif.len() < 16 << 20, "{} {}", png.len(), gif.len());
    for (name, bytes) in [("bom-icc.png", &png), ("bom-khung.gif", &gif)] {
        fs::write(s.root.join("content/pages").join(name), bytes).unwrap();
        s.write(&format!("static/tinh/{name}"), bytes);
    }
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Bom ICC](bom-icc.png)\n\n![Bom khung](bom-khung.gif)\n"));
    let out = s.beside("out");
    let started = std::time::Instant::now();
    match (base, build_peak_kb(&s.root, &out)) {
        (Some(base), Some((kb, run))) => {
            assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
            eprintln!("peak memory: {base} kB for the site, {kb} kB with the two bombs, in {:?}", started.elapsed());
            // Far under one picture's limit (256 MiB), let alone 1 GiB.
            assert!(kb < base + 128 * 1024, "the bombs cost {} kB", kb.saturating_sub(base));
        }
        _ => {
            build(&s.root, &out, Some("2027-06-10"), &[]).ok();
        }
    }
    for name in ["bom-icc.png", "bom-khung.gif", "tinh/bom-icc.png", "tinh/bom-khung.gif"] {
        let b = fs::read(out.join(name)).unwrap();
        assert!(b.len() < 64 << 10, "{name} is made anew from its pixels: {} bytes", b.len());
        assert_eq!(metadata_blocks(&b), Vec::<String>::new(), "{name}");
    }
}

/// A picture whose pixels alone need more than the limit (a 16-bit
/// 6,000 × 6,000 PNG with transparency: 288 MB, under 40 megapixels) is an
/// error at the page's link saying so, never an abort.
#[test]
fn a_picture_over_the_memory_limit_is_a_located_error() {
    let (w, h) = (6000u32, 6000u32);
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([16, 6, 0, 0, 0]);
    let row = 1 + u64::from(w) * 8;
    let png = [&b"\x89PNG\r\n\x1a\n"[..], &png_chunk(b"IHDR", &ihdr), &png_chunk(b"IDAT", &zeros_zlib(row * u64::from(h))), &png_chunk(b"IEND", b"")].concat();
    let s = site("good");
    fs::write(s.root.join("content/pages/lon.png"), &png).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Ảnh lớn](lon.png)\n"));
    let line = page.lines().count() + 2;
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[])
        .expect_code(1)
        .stderr_has(&format!("content/pages/cach-bao-tin.md:{line}:1"))
        .stderr_has("more than 256 MiB of memory");
}
