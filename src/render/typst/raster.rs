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

/// The page drawn `width` pixels wide, as its width, height and
/// premultiplied RGBA pixels (tiny-skia's, four bytes each, row by row).
pub fn rgba(page: &Page, width: f64) -> (u32, u32, Vec<u8>) {
    let pixmap = typst_render::render(page, &options(page, width));
    (pixmap.width(), pixmap.height(), pixmap.take())
}
