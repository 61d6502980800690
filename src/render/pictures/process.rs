//! One picture, made fit for cheap phones and safe for children: decoded
//! (with a ceiling on pixels), turned upright by its EXIF orientation, and
//! written anew — resized to each width it is published at, as WebP and in
//! its own format — from the pixels alone. Nothing of the original file
//! survives but its pixels: no EXIF (where and with what it was taken), no
//! XMP, no IPTC, no embedded thumbnail.
//!
//! Encoders: JPEG and PNG with the `image` crate; WebP with the `webp` crate,
//! the reference encoder (Google's libwebp) compiled from source — the
//! pure-Rust ones are lossless only (`image-webp`) or AGPL-licensed.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder};

use crate::i18n::Msg;
use crate::load::images::{decode_error, MAX_PIXELS};
use crate::load::sniff::{Format, Kind as Sniffed};
use crate::t;

/// The widths a picture is published at (never wider than it is).
pub const WIDTHS: &[u32] = &[480, 960, 1440];

/// The largest width of the full-size copy (what a link to the file gets,
/// and leaflets print).
pub const FULL_WIDTH: u32 = 2400;

/// JPEG and lossy WebP quality of the resized copies.
pub const QUALITY: u8 = 80;

/// JPEG and WebP quality of the full-size copy, which leaflets print.
pub const FULL_QUALITY: u8 = 88;

/// Bumped whenever the way pictures are made changes.
pub const SETTINGS: u32 = 1;

/// The format a picture is published in besides WebP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Photos (and anything that was a JPEG or WebP).
    Jpeg,
    /// Drawings, and pictures with transparency.
    Png,
}

impl Kind {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
        }
    }
}

/// One published file of a picture.
#[derive(Debug, Clone)]
pub struct Encoded {
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// `webp`, `jpg` or `png`.
    pub ext: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// The format a picture came in, which its full-size copy keeps (so a link
/// to `anh.gif` still gets a GIF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Original {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// GIF (only its first frame is kept).
    Gif,
    /// WebP.
    WebP,
    /// TIFF (only its first page is kept).
    Tiff,
}

/// A picture made anew.
#[derive(Debug, Clone)]
pub struct Made {
    /// The full-size copy in its original format (at most [`FULL_WIDTH`] wide).
    pub full: Encoded,
    /// Each width of [`WIDTHS`] narrower than the picture, as WebP and in its
    /// own format, narrowest first.
    pub variants: Vec<(Encoded, Encoded)>,
}

/// Decodes `bytes` as the kind its bytes say (`kind`, [`crate::load::sniff`]),
/// turns the picture upright, and drops everything but its pixels. The
/// decoder never takes more than [`crate::load::images::MAX_ALLOC`] of
/// memory. Errors are in words for the person who put the file there.
pub fn decode(bytes: &[u8], sniffed: Sniffed) -> Result<(DynamicImage, Kind, Original), Msg> {
    let reader = crate::load::images::reader(bytes, sniffed)?;
    let Sniffed::Picture(format) = sniffed else { return Err(t!("image-unknown-format")) };
    let mut decoder = reader.into_decoder().map_err(|e| decode_error(&e, false))?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(t!("image-too-large", width = w, height = h, max = MAX_PIXELS / 1_000_000));
    }
    crate::load::images::within_memory(&decoder)?;
    // The JPEG decoder fills a file cut short with grey.
    if format == Format::Jpeg && !crate::load::images::jpeg_is_complete(bytes) {
        return Err(t!("image-cut-short"));
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| decode_error(&e, true))?;
    img.apply_orientation(orientation);
    let kind = match format {
        Format::Jpeg => Kind::Jpeg,
        Format::WebP | Format::Tiff if !img.color().has_alpha() => Kind::Jpeg,
        _ => Kind::Png,
    };
    let original = match format {
        Format::Jpeg => Original::Jpeg,
        Format::Gif => Original::Gif,
        Format::WebP => Original::WebP,
        Format::Tiff => Original::Tiff,
        Format::Png => Original::Png,
    };
    Ok((img, kind, original))
}

/// Encodes the full-size copy in the picture's original format.
fn encode_full(img: &DynamicImage, original: Original) -> Result<Encoded, Msg> {
    let (width, height) = (img.width(), img.height());
    match original {
        Original::Png => encode(img, Kind::Png),
        Original::Jpeg => {
            let mut bytes = Vec::new();
            JpegEncoder::new_with_quality(&mut bytes, FULL_QUALITY).encode_image(&img.to_rgb8()).map_err(|e| t!("image-cannot-encode", format = "JPEG", detail = e.to_string()))?;
            Ok(Encoded { width, height, ext: "jpg", bytes })
        }
        Original::Gif => {
            let mut bytes = Vec::new();
            let mut enc = image::codecs::gif::GifEncoder::new(&mut bytes);
            enc.encode_frame(image::Frame::new(img.to_rgba8())).map_err(|e| t!("image-cannot-encode", format = "GIF", detail = e.to_string()))?;
            drop(enc);
            Ok(Encoded { width, height, ext: "gif", bytes })
        }
        Original::WebP => {
            let mut e = webp_at(img, FULL_QUALITY);
            e.ext = "webp";
            Ok(e)
        }
        Original::Tiff => {
            // Written anew by the `tiff` crate: the picture's own tags only
            // (size, colour, strips), no EXIF, GPS or XMP directory.
            let mut bytes = Vec::new();
            let rgb: DynamicImage = if img.color().has_alpha() { img.to_rgba8().into() } else { img.to_rgb8().into() };
            rgb.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Tiff).map_err(|e| t!("image-cannot-encode", format = "TIFF", detail = e.to_string()))?;
            Ok(Encoded { width, height, ext: "tif", bytes })
        }
    }
}

/// Encodes a picture as `kind`.
fn encode(img: &DynamicImage, kind: Kind) -> Result<Encoded, Msg> {
    let mut bytes = Vec::new();
    match kind {
        Kind::Jpeg => {
            let rgb = img.to_rgb8();
            JpegEncoder::new_with_quality(&mut bytes, QUALITY).encode_image(&rgb).map_err(|e| t!("image-cannot-encode", format = "JPEG", detail = e.to_string()))?;
        }
        Kind::Png => {
            let enc = PngEncoder::new_with_quality(&mut bytes, CompressionType::Best, PngFilter::Adaptive);
            img.write_with_encoder(enc).map_err(|e| t!("image-cannot-encode", format = "PNG", detail = e.to_string()))?;
        }
    }
    Ok(Encoded { width: img.width(), height: img.height(), ext: kind.ext(), bytes })
}

/// Encodes a picture as lossy WebP at `quality`.
fn webp_at(img: &DynamicImage, quality: u8) -> Encoded {
    let (w, h) = (img.width(), img.height());
    let bytes = if img.color().has_alpha() {
        let rgba = img.to_rgba8();
        webp::Encoder::from_rgba(&rgba, w, h).encode(f32::from(quality)).to_vec()
    } else {
        let rgb = img.to_rgb8();
        webp::Encoder::from_rgb(&rgb, w, h).encode(f32::from(quality)).to_vec()
    };
    Encoded { width: w, height: h, ext: "webp", bytes }
}

/// Encodes a resized copy as lossy WebP.
fn webp(img: &DynamicImage) -> Result<Encoded, Msg> {
    Ok(webp_at(img, QUALITY))
}

/// The picture at `width` pixels wide (its height in proportion).
fn resized(img: &DynamicImage, width: u32) -> DynamicImage {
    let height = ((u64::from(img.height()) * u64::from(width) + u64::from(img.width()) / 2) / u64::from(img.width().max(1))).max(1) as u32;
    img.resize_exact(width, height, FilterType::Lanczos3)
}

/// Makes every published file of a picture, resized to each of `widths`
/// narrower than it.
pub fn make(bytes: &[u8], sniffed: Sniffed, widths: &[u32]) -> Result<Made, Msg> {
    let (img, kind, original) = decode(bytes, sniffed)?;
    let full = if img.width() > FULL_WIDTH { resized(&img, FULL_WIDTH) } else { img.clone() };
    let full_encoded = encode_full(&full, original)?;
    let mut variants = Vec::new();
    for &w in widths.iter().filter(|&&w| w < img.width()) {
        let small = resized(&img, w);
        variants.push((webp(&small)?, encode(&small, kind)?));
    }
    // A picture narrower than the smallest width is published at its own.
    if variants.is_empty() {
        variants.push((webp(&img)?, encode(&img, kind)?));
    }
    Ok(Made { full: full_encoded, variants })
}

/// The picture scaled down, in proportion, to fit within `max_width` ×
/// `max_height` pixels and encoded anew (JPEG, or PNG when it has
/// transparency; nothing but pixels), for print at the size it is shown;
/// `None` when it fits already or is neither PNG nor JPEG.
pub fn fit_within(bytes: &[u8], sniffed: Sniffed, max_width: u32, max_height: u32) -> Result<Option<Encoded>, Msg> {
    let own = match sniffed {
        Sniffed::Picture(Format::Png) => Kind::Png,
        Sniffed::Picture(Format::Jpeg) => Kind::Jpeg,
        _ => return Ok(None),
    };
    let (img, _, _) = decode(bytes, sniffed)?;
    if img.width() <= max_width && img.height() <= max_height {
        return Ok(None);
    }
    // Catmull-Rom: as sharp as Lanczos for shrinking by up to four, and faster.
    let smaller = img.resize(max_width.max(1), max_height.max(1), FilterType::CatmullRom);
    // An opaque picture is printed from a JPEG at the full-size copy's
    // quality, which a PDF carries as it is: about half the bytes of the
    // pixels a PDF holds for a PNG. One with transparency stays PNG.
    let encoded = if own == Kind::Jpeg || !smaller.color().has_alpha() { encode_full(&smaller, Original::Jpeg)? } else { encode(&smaller, Kind::Png)? };
    Ok(Some(encoded))
}

/// A picture cropped to `width` × `height` around its middle and scaled to
/// fill it, as PNG (for share cards).
pub fn cover_png(bytes: &[u8], sniffed: Sniffed, width: u32, height: u32) -> Result<Vec<u8>, Msg> {
    let (img, _, _) = decode(bytes, sniffed)?;
    let filled = img.resize_to_fill(width, height, FilterType::Lanczos3);
    Ok(encode(&filled, Kind::Png)?.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images").join(name)).unwrap()
    }

    fn sniffed(b: &[u8]) -> Sniffed {
        crate::load::sniff::sniff(std::path::Path::new("x"), b)
    }

    /// Whether the bytes hold any metadata block a photo can carry.
    fn has_metadata(b: &[u8]) -> bool {
        let has = |needle: &[u8]| b.windows(needle.len()).any(|w| w == needle);
        has(b"Exif") || has(b"eXIf") || has(b"http://ns.adobe.com/xap") || has(b"Photoshop 3.0") || has(b"iTXt") || has(b"tEXt") || has(b"XMP ") || has(b"EXIF")
    }

    #[test]
    fn metadata_is_gone_from_every_file() {
        for name in ["gps.jpg", "gps.png", "gps.webp", "rotated.jpg"] {
            let src = fixture(name);
            assert!(has_metadata(&src), "{name} has metadata to begin with");
            let made = make(&src, sniffed(&src), WIDTHS).unwrap();
            for e in std::iter::once(&made.full).chain(made.variants.iter().flat_map(|(a, b)| [a, b])) {
                assert!(!has_metadata(&e.bytes), "{name} → {}×{}.{}", e.width, e.height, e.ext);
                assert!(!e.bytes.windows(8).any(|w| w == b"Hoan Kie" || w == b"LoaTestC"), "{name}: a trace of the camera");
            }
        }
    }

    #[test]
    fn orientation_is_applied_to_the_pixels() {
        let made = make(&fixture("rotated.jpg"), sniffed(&fixture("rotated.jpg")), WIDTHS).unwrap();
        assert_eq!((made.full.width, made.full.height), (48, 64), "turned upright");
        let img = image::load_from_memory(&made.full.bytes).unwrap().to_rgb8();
        let px = |x, y| img.get_pixel(x, y).0;
        let near = |p: [u8; 3], q: [u8; 3]| p.iter().zip(q).all(|(a, b)| a.abs_diff(b) < 40);
        assert!(near(px(4, 4), [0, 0, 255]), "blue top-left: {:?}", px(4, 4));
        assert!(near(px(43, 4), [255, 0, 0]), "red top-right: {:?}", px(43, 4));
    }

    #[test]
    fn widths_never_exceed_the_picture() {
        let big = DynamicImage::new_rgb8(1000, 500);
        let mut png = Vec::new();
        big.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        let made = make(&png, sniffed(&png), WIDTHS).unwrap();
        let widths: Vec<u32> = made.variants.iter().map(|(w, _)| w.width).collect();
        assert_eq!(widths, [480, 960]);
        assert_eq!((made.variants[0].0.width, made.variants[0].0.height), (480, 240));
        assert_eq!(made.full.width, 1000);
        assert_eq!(&made.variants[0].0.bytes[8..12], b"WEBP");
    }

    #[test]
    fn bad_pictures_say_why() {
        assert!(make(&fixture("not-an-image.png"), crate::load::sniff::sniff(std::path::Path::new("x.png"), &fixture("not-an-image.png")), WIDTHS).unwrap_err().as_str().contains("not"));
        assert!(make(b"", sniffed(b""), WIDTHS).is_err());
    }
}
