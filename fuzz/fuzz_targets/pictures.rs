//! Any bytes under any name, as a file of `content/` or `static/`: the
//! sniffer classifies them by their bytes, and a picture is either made anew
//! with no metadata block a reader of its container finds (EXIF, XMP, IPTC,
//! ICC, GPS, comments, text) or refused with a message — never a panic,
//! never a file published as it was. The first byte picks the name.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use loa::load::sniff::{self, Format, Kind};
use loa::render::pictures::process;

/// Names staff give pictures, right and wrong.
const NAMES: &[&str] = &["a.jpg", "a.jfif", "a.jpe", "a.png", "a.gif", "a.webp", "a.tif", "a.heic", "a.avif", "a.txt", "a.dat", "a", "a.svg", "a.pdf"];

/// The metadata blocks a reader of the container finds in `b`.
fn metadata(b: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if b.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 4 <= b.len() && b[i] == 0xFF && b[i + 1] != 0xDA {
            if (0xE1..=0xEF).contains(&b[i + 1]) || b[i + 1] == 0xFE {
                found.push(format!("JPEG FF{:02X}", b[i + 1]));
            }
            i += 2 + usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        }
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        let mut i = 8;
        while i + 8 <= b.len() {
            let len = u32::from_be_bytes(b[i..i + 4].try_into().unwrap()) as usize;
            let ty = &b[i + 4..i + 8];
            if ![&b"IHDR"[..], b"PLTE", b"tRNS", b"IDAT", b"IEND"].contains(&ty) {
                found.push(format!("PNG {}", String::from_utf8_lossy(ty)));
            }
            i = i.saturating_add(12).saturating_add(len);
        }
    } else if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        let mut i = 12;
        while i + 8 <= b.len() {
            let ty = &b[i..i + 4];
            let len = u32::from_le_bytes(b[i + 4..i + 8].try_into().unwrap()) as usize;
            if ![&b"VP8 "[..], b"VP8L", b"VP8X", b"ALPH"].contains(&ty) {
                found.push(format!("WebP {}", String::from_utf8_lossy(ty)));
            }
            i = i.saturating_add(8).saturating_add(len + (len & 1));
        }
    } else if b.starts_with(b"GIF8") {
        // Blocks: extensions other than graphic control (F9) and the
        // looping block the encoder writes (NETSCAPE2.0) are metadata:
        // comments (FE), XMP and other application blocks (FF), text (01).
        let table = |flags: u8| if flags & 0x80 != 0 { 3 << ((flags & 7) + 1) } else { 0 };
        let mut i = 13 + b.get(10).map_or(0, |&f| table(f));
        let skip_blocks = |mut i: usize| {
            while let Some(&n) = b.get(i) {
                i += 1 + usize::from(n);
                if n == 0 {
                    break;
                }
            }
            i
        };
        while let Some(&block) = b.get(i) {
            match block {
                0x21 => {
                    let label = b.get(i + 1).copied().unwrap_or(0);
                    let netscape = label == 0xFF && b.get(i + 3..i + 14) == Some(b"NETSCAPE2.0");
                    if label != 0xF9 && !netscape {
                        found.push(format!("GIF extension {label:02X}"));
                    }
                    i = skip_blocks(i + 2);
                }
                0x2C => i = skip_blocks(i + 10 + b.get(i + 9).map_or(0, |&f| table(f)) + 1),
                _ => break,
            }
        }
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        let le = b[0] == b'I';
        let u16_at = |i: usize| b.get(i..i + 2).map(|s| if le { u16::from_le_bytes([s[0], s[1]]) } else { u16::from_be_bytes([s[0], s[1]]) });
        let ifd = b.get(4..8).map(|s| if le { u32::from_le_bytes(s.try_into().unwrap()) } else { u32::from_be_bytes(s.try_into().unwrap()) }).unwrap() as usize;
        for i in 0..usize::from(u16_at(ifd).unwrap_or(0)) {
            // EXIF, GPS, XMP, IPTC, ICC, Photoshop, and text tags.
            let tag = u16_at(ifd + 2 + 12 * i).unwrap_or(0);
            if [0x8769, 0x8825, 0x02BC, 0x83BB, 0x8773, 0x8649, 0x010E, 0x010F, 0x0110, 0x0131, 0x013B, 0x8298, 0x9286].contains(&tag) {
                found.push(format!("TIFF tag {tag:#06x}"));
            }
        }
    } else {
        found.push("not a picture".into());
    }
    found
}

fuzz_target!(|data: &[u8]| {
    let Some((&n, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(n) % NAMES.len()];
    let kind = sniff::sniff(Path::new(name), bytes);
    // The sniffer and the image crate agree on what the decoders read: no
    // picture is taken for something else and published as it is.
    match image::guess_format(bytes) {
        Ok(f @ (image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::Gif | image::ImageFormat::WebP | image::ImageFormat::Tiff)) => {
            assert!(matches!(kind, Kind::Picture(p) if p.image() == f) || kind == Kind::Refused(sniff::Refused::Raw), "{f:?} sniffed as {kind:?}");
        }
        Ok(image::ImageFormat::Avif) => assert!(matches!(kind, Kind::Refused(_)), "AVIF sniffed as {kind:?}"),
        _ => {}
    }
    if !kind.is_raster() {
        return;
    }
    match process::make(bytes, kind, &[64]) {
        Ok(made) => {
            let Kind::Picture(format) = kind else { panic!("{kind:?} was made") };
            for e in std::iter::once(&made.full).chain(made.variants.iter().flat_map(|(a, b)| [a, b])) {
                assert_eq!(metadata(&e.bytes), Vec::<String>::new(), "{format:?} → {}", e.ext);
                image::load_from_memory(&e.bytes).unwrap_or_else(|err| panic!("{format:?} → {} does not decode: {err}", e.ext));
            }
            if format == Format::Tiff {
                assert_eq!(made.full.ext, "tif");
            }
        }
        Err(why) => assert!(!why.as_str().is_empty()),
    }
});
