//! The print box typeset: its template compiled with the box's data (one
//! language, one width), in a world that holds only the theme's `leaflets/`
//! files and the data (no file system, no clock), then exported as a PDF
//! (tagged, PDF/UA-1 when the template allows, no date) and as an SVG whose
//! glyphs are outlines (which `embed/index.html` also shows as the preview:
//! rasterising a PNG would cost more than all the rest).

use typst::foundations::Bytes;
use typst_layout::PagedDocument;

use super::data::BoxData;
use super::TEMPLATE;
use crate::diag::Diagnostic;
use crate::render::leaflet::typeset::{pdf_options, without_suspects};
use crate::render::leaflet::world::{LeafletWorld, Shared, DATA};

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
    let json = crate::render::leaflet::world::data_json(data);
    let Some(world) = LeafletWorld::new(shared, TEMPLATE, [(DATA.to_owned(), Bytes::new(json))]) else {
        return Err(vec![Diagnostic::error(TEMPLATE, None, crate::t!("typst-bad-template-name"))]);
    };
    let result = typst::compile::<PagedDocument>(&world);
    let doc = result.output.map_err(|errs| errs.iter().map(|e| shared.diagnostic(&world, e, TEMPLATE)).collect::<Vec<_>>())?;
    let pdf = match typst_pdf::pdf(&doc, &pdf_options(ident, None, true)) {
        Ok(pdf) => pdf,
        Err(_) => typst_pdf::pdf(&doc, &pdf_options(ident, None, false)).map_err(|errs| errs.iter().map(|e| Diagnostic::error(TEMPLATE, None, crate::t!("typst-error", detail = e.message.to_string()))).collect::<Vec<_>>())?,
    };
    let Some(page) = doc.pages().first() else { return Err(vec![Diagnostic::error(TEMPLATE, None, crate::t!("print-no-page"))]) };
    let svg = typst_svg::svg(page, &typst_svg::SvgOptions { render_bleed: false, pretty: false });
    let size = page.frame.size();
    let made = Made { pdf: without_suspects(pdf), svg, width_mm: size.x.to_mm().round() as u32, height_mm: size.y.to_mm().ceil() as u32, width_pt: size.x.to_pt(), height_pt: size.y.to_pt() };
    drop(doc);
    typst::comemo::evict(10);
    Ok(made)
}
