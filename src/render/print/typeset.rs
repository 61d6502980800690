//! The print box typeset: its template compiled with the box's data (one
//! language, one width), in a world that holds only the theme's `leaflets/`
//! files and the data (no file system, no clock), then exported as a PDF
//! (tagged, PDF/UA-1 when the template allows, no date) and as an SVG whose
//! glyphs are outlines (which `embed/index.html` also shows as the preview:
//! rasterising a PNG would cost more than all the rest).

use super::data::BoxData;
use super::TEMPLATE;
use crate::diag::Diagnostic;
use crate::render::typst::{self as room, pdf, Shared};

/// The box typeset in one width.
pub struct Made {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The SVG.
    pub svg: String,
    /// Width in millimetres.
    pub width_mm: u32,
    /// Height in millimetres, rounded up.
    pub height_mm: u32,
    /// Width in points.
    pub width_pt: f64,
    /// Height in points.
    pub height_pt: f64,
}

/// Compiles the box for `data` and exports it; `ident` names the document
/// (stable between builds, so the PDF's identifier is too).
pub fn typeset(shared: &Shared, data: &BoxData, ident: &str) -> Result<Made, Vec<Diagnostic>> {
    let doc = room::compile(shared, TEMPLATE, data, [])?.doc;
    let pdf = pdf::export(&doc, ident, None, TEMPLATE)?.bytes;
    let Some(page) = doc.pages().first() else { return Err(vec![Diagnostic::error(TEMPLATE, None, crate::t!("print-no-page"))]) };
    let svg = typst_svg::svg(page, &typst_svg::SvgOptions { render_bleed: false, pretty: false });
    let size = page.frame.size();
    let made = Made { pdf, svg, width_mm: size.x.to_mm().round() as u32, height_mm: size.y.to_mm().ceil() as u32, width_pt: size.x.to_pt(), height_pt: size.y.to_pt() };
    drop(doc);
    room::forget_unused();
    Ok(made)
}
