//! Reading the raster images of `content/`: what format a file really is
//! and its size — with a ceiling on pixels, so a small file that unpacks to
//! gigabytes (a decompression bomb) is refused before it is unpacked.

use std::path::Path;

use image::{ImageReader, Limits};

use crate::i18n::Msg;
use crate::t;

/// The most pixels an image may have: 40 megapixels (a 7,746 × 5,164 photo),
/// more than any phone camera's; a larger one is refused.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The most memory decoding one image may take.
pub const MAX_ALLOC: u64 = 512 << 20;

/// The file extensions loa reads as raster images.
pub const RASTER_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp"];

/// Whether a file name is a raster image's.
pub fn is_raster(path: &Path) -> bool {
    path.extension().is_some_and(|e| RASTER_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()))
}

/// Whether a file name is an SVG picture's.
pub fn is_svg(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg"))
}

/// Whether a file name is a picture's (raster or SVG).
pub fn is_picture(path: &Path) -> bool {
    is_raster(path) || is_svg(path)
}

/// The decoder limits: no image may take more memory than [`MAX_ALLOC`].
pub fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(u32::MAX);
    l.max_image_height = Some(u32::MAX);
    l.max_alloc = Some(MAX_ALLOC);
    l
}

/// Checks the image at `path` from its header, without unpacking it: that it
/// is an image loa reads, its width and height, that it is not larger than
/// [`MAX_PIXELS`], and that a JPEG is not cut short. Damage deeper in the
/// pixel data is found when the picture is published. Errors are in words
/// for the person who put the file there.
pub fn check(path: &Path) -> Result<(u32, u32), Msg> {
    let bytes = std::fs::read(path).map_err(|e| t!("image-cannot-read", detail = &e))?;
    let mut reader = ImageReader::new(std::io::Cursor::new(&bytes)).with_guessed_format().map_err(|e| t!("image-cannot-read", detail = &e))?;
    let Some(format) = reader.format() else {
        return Err(t!("image-unknown-format"));
    };
    reader.limits(limits());
    let (w, h) = reader.into_dimensions().map_err(|e| t!("image-unreadable", detail = e.to_string()))?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(t!("image-too-large", width = w, height = h, max = MAX_PIXELS / 1_000_000));
    }
    // The JPEG decoder fills a file cut short with grey; a JPEG ends with
    // its end-of-image marker after the image data.
    if format == image::ImageFormat::Jpeg && !jpeg_is_complete(&bytes) {
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
