//! A typeset page as pixels, at a given width (leaflet thumbnails, share
//! cards), its height in proportion, bleed not drawn.

use typst_layout::Page;

/// Pixels per point for a page drawn `width` pixels wide.
fn options(page: &Page, width: f64) -> typst_render::RenderOptions {
    let points = page.frame.width().to_pt().max(1.0);
    typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(width / points), render_bleed: false }
}

/// The page drawn `width` pixels wide, as PNG.
pub fn png(page: &Page, width: f64) -> Option<Vec<u8>> {
    typst_render::render(page, &options(page, width)).encode_png().ok()
}

/// The page drawn `width` pixels wide on white, as its width, height and RGB
/// pixels (three bytes each, row by row): what is transparent shows white.
pub fn rgb_on_white(page: &Page, width: f64) -> (u32, u32, Vec<u8>) {
    let pixmap = typst_render::render(page, &options(page, width));
    (pixmap.width(), pixmap.height(), on_white(pixmap.data()))
}

/// Premultiplied RGBA pixels laid on white, as RGB: each channel plus the
/// white that shows through (`c + 255 − a`, never over 255 as `c ≤ a`).
fn on_white(rgba: &[u8]) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
    for px in rgba.chunks_exact(4) {
        let white = 255 - px[3];
        rgb.extend_from_slice(&[px[0].saturating_add(white), px[1].saturating_add(white), px[2].saturating_add(white)]);
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparent_is_white_and_opaque_is_kept() {
        // Opaque red, transparent, half-covered black (premultiplied: 0, a = 128).
        let rgb = on_white(&[255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128]);
        assert_eq!(rgb, [255, 0, 0, 255, 255, 255, 127, 127, 127]);
    }
}
