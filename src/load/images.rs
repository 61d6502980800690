//! Reading the raster images of `content/`: what format a file really is
//! and its size — with a ceiling on pixels, so a small file that unpacks to
//! gigabytes (a decompression bomb) is refused before it is unpacked.

use std::io::Cursor;
use std::path::Path;

use image::{ImageDecoder, ImageReader, Limits};

use super::sniff::{Format, Kind};

use crate::i18n::Msg;
use crate::t;

/// The most pixels an image may have: 40 megapixels (a 7,746 × 5,164 photo),
/// more than any phone camera's; a larger one is refused.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The most memory decoding one picture may take: 256 MiB, enough for the
/// pixels of a 40-megapixel photo (160 MB at 8 bits a channel with
/// transparency). Metadata never counts against it: a PNG's ancillary
/// chunks (an ICC profile, text) are dropped before the decoder sees them
/// ([`super::png_chunks`]).
pub const MAX_ALLOC: u64 = 256 << 20;

/// The decoder limits: no image may take more memory than [`MAX_ALLOC`].
pub fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(u32::MAX);
    l.max_image_height = Some(u32::MAX);
    l.max_alloc = Some(MAX_ALLOC);
    l
}

/// Why a picture's decoder failed, in words for staff: over the memory
/// limit, or damaged.
pub fn decode_error(e: &image::ImageError, damaged: bool) -> Msg {
    match e {
        image::ImageError::Limits(_) => t!("image-too-much-memory", max = MAX_ALLOC >> 20),
        _ if damaged => t!("image-damaged", detail = e.to_string()),
        _ => t!("image-unreadable", detail = e.to_string()),
    }
}

/// Whether the decoded pixels fit in [`MAX_ALLOC`]: the `image` crate's
/// own `max_alloc` is not enforced for the main pixel buffer of every
/// format (a 16-bit PNG's is not), so it is checked here from the header.
pub fn within_memory(decoder: &impl ImageDecoder) -> Result<(), Msg> {
    if decoder.total_bytes() > MAX_ALLOC {
        return Err(t!("image-too-much-memory", max = MAX_ALLOC >> 20));
    }
    Ok(())
}

/// A reader of `bytes` as `format` (sniffed from the bytes,
/// [`super::sniff`]), with the limits set and, for a PNG, only the chunks
/// that make its pixels.
pub fn reader(bytes: &[u8], kind: Kind) -> Result<ImageReader<Cursor<std::borrow::Cow<'_, [u8]>>>, Msg> {
    let format = match kind {
        Kind::Picture(f) => f,
        Kind::Refused(r) => return Err(t!("image-refused-format", format = r.name())),
        _ => return Err(t!("image-unknown-format")),
    };
    let bytes = if format == Format::Png { super::png_chunks::pixels_only(bytes) } else { std::borrow::Cow::Borrowed(bytes) };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image());
    reader.limits(limits());
    Ok(reader)
}

/// Checks the image at `path`, of the kind its bytes say (`kind`), from its
/// header without unpacking it: that it is an image loa reads, its width and
/// height, that it is not larger than [`MAX_PIXELS`], and that a JPEG is not
/// cut short. Damage deeper in the pixel data is found when the picture is
/// published. Errors are in words for the person who put the file there.
pub fn check(path: &Path, kind: Kind) -> Result<(u32, u32), Msg> {
    let bytes = std::fs::read(path).map_err(|e| t!("image-cannot-read", detail = &e))?;
    let decoder = reader(&bytes, kind)?.into_decoder().map_err(|e| decode_error(&e, false))?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(t!("image-too-large", width = w, height = h, max = MAX_PIXELS / 1_000_000));
    }
    within_memory(&decoder)?;
    // The JPEG decoder fills a file cut short with grey; a JPEG ends with
    // its end-of-image marker after the image data.
    if kind == Kind::Picture(Format::Jpeg) && !jpeg_is_complete(&bytes) {
        return Err(t!("image-cut-short"));
    }
    Ok((w, h))
}

/// Whether a JPEG's scan data is followed by the end-of-image marker.
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let Some(sos) = bytes.windows(2).position(|w| w == [0xFF, 0xDA]) else { return false };
    bytes[sos..].windows(2).any(|w| w == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images").join(name)
    }

    fn check(path: &Path) -> Result<(u32, u32), Msg> {
        super::check(path, crate::load::sniff::file(path))
    }

    #[test]
    fn good_damaged_and_false_images() {
        assert_eq!(check(&fixture("gps.jpg")), Ok((64, 48)));
        assert_eq!(check(&fixture("gps.png")), Ok((64, 48)));
        assert_eq!(check(&fixture("gps.webp")), Ok((64, 48)));
        assert!(check(&fixture("corrupt.jpg")).unwrap_err().contains("cut short"));
        assert!(check(&fixture("not-an-image.png")).is_err());
        assert!(check(&fixture("missing.png")).unwrap_err().contains("cannot read"));
    }
}
