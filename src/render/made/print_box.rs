//! The newspapers' print box as the embed page lists it: what the print box
//! renderer made ([`PrintBox`]).

use serde::Serialize;

/// A file of the box, as `embed/index.html` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct FileCtx {
    /// Its URL.
    pub url: String,
    /// `84 KB`.
    pub size: String,
}

/// One width of the box in one language, as `embed/index.html` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct PrintBox {
    /// The language.
    pub lang: String,
    /// The language's name.
    pub lang_name: String,
    /// Newspaper columns: 1 or 2.
    pub columns: u32,
    /// Its width in millimetres.
    pub width_mm: u32,
    /// Its height in millimetres (as tall as its content).
    pub height_mm: u32,
    /// The PDF.
    pub pdf: FileCtx,
    /// The SVG.
    pub svg: FileCtx,
    /// Its size on screen at its printed size (96 CSS pixels to the inch),
    /// for showing the SVG as a preview: width, height.
    pub css_px: (u32, u32),
}
