//! Typesetting a leaflet in the Typst room ([`crate::render::typst`]): its
//! template compiled with its data (a tri-fold's text shrunk until it fits),
//! exported as a tagged PDF (PDF/UA-1 when the template allows) and page 1 as
//! a small PNG for the list; a booklet also imposed for printing
//! ([`impose`]), from the same typesetting.

use std::sync::Mutex;

use typst::layout::{Abs, Size};
use typst_layout::PagedDocument;

use super::data::{self, LeafletData};
use super::prepare::Prepared;
use crate::diag::Diagnostic;
use crate::load::content::LeafletFormat;
use crate::render::pictures::Pictures;
use crate::render::typst::{self as room, impose, pdf, print_shop, raster, reach, Shared};

/// Width of the thumbnails in pixels.
const THUMB_WIDTH: f64 = 240.0;

/// The sheet a booklet is imposed on: A4 landscape.
fn a4_landscape() -> Size {
    Size::new(Abs::mm(297.0), Abs::mm(210.0))
}

/// The most pixels (width, height) a picture needs in each format of the
/// default theme: the largest box its templates print a picture in, at 300
/// dpi. A larger picture is scaled down to it, so that a leaflet does not
/// carry a whole photo: A5, 126 × 50 mm (its cover picture; one in the text,
/// up to 65 mm high, gets 230 dpi); A4, 182 × 70 mm; a tri-fold panel, 83 ×
/// 65 mm; a booklet page, 124 × 70 mm. Posters print a picture at up to 265
/// × 250 mm (A3) and √2 times that (A2), for which the published copy (at
/// most 2,400 pixels wide: 230 dpi on A3, 160 on A2) is used as it is.
pub fn picture_box(format: LeafletFormat) -> Option<(u32, u32)> {
    let px = |mm: f64| (mm / 25.4 * 300.0).ceil() as u32;
    let (w, h) = match format {
        LeafletFormat::A4 => (182.0, 70.0),
        LeafletFormat::A5 => (126.0, 50.0),
        LeafletFormat::Trifold => (83.0, 65.0),
        LeafletFormat::Booklet => (124.0, 70.0),
        LeafletFormat::PosterA3 | LeafletFormat::PosterA2 => return None,
    };
    Some((px(w), px(h)))
}

/// A panel filled less than this (percent of its height) is mostly blank paper.
const HALF: u32 = 50;

/// Text scales tried, in order, until a tri-fold fits on its two sides: the
/// largest that fits, so that a shorter page fills its panels with larger
/// type (up to 10 pt from 9) rather than leaving blank paper.
const TRIFOLD_SCALES: &[f64] = &[1.12, 1.06, 1.0, 0.92, 0.85, 0.78];

/// One PDF to make.
pub struct Job<'p> {
    /// The page's prepared inputs.
    pub prep: &'p Prepared,
    /// The format.
    pub format: LeafletFormat,
    /// The locality (index into the localities), for a locality's copy.
    pub locality: Option<usize>,
    /// The output path without extension.
    pub stem: String,
    /// A booklet's: the output path of its copy imposed for printing, without extension.
    pub print_stem: Option<String>,
    /// With `leaflets: {print_shop: true}`: the output path of its copy for
    /// print shops, without extension.
    pub shop_stem: Option<String>,
    /// The locality's contact.
    pub contact: Option<data::Contact>,
    /// Its cache key.
    pub key: String,
}

impl Job<'_> {
    /// The job's data: the page's, with its format and contact. Built when
    /// needed rather than kept for every job, so memory does not grow with
    /// the number of leaflets.
    pub fn data(&self, scale: f64) -> LeafletData {
        let mut d = self.prep.data.clone();
        d.format = self.format.name();
        d.contact = self.contact.clone();
        d.scale = scale;
        d
    }
}

/// A typeset leaflet.
pub struct Made {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Page 1 as PNG, when asked for.
    pub png: Option<Vec<u8>>,
    /// Number of pages.
    pub pages: usize,
    /// Whether a tri-fold fits on its two sides.
    pub fits: bool,
    /// Why it is not PDF/UA-1, if it is not.
    pub not_ua: Option<String>,
    /// A booklet's copy imposed on A4 landscape for printing.
    pub imposed: Option<Vec<u8>>,
    /// The copy for print shops, when asked for.
    pub shop: Option<Vec<u8>>,
    /// A tri-fold whose inside has a panel less than half filled: how far
    /// down that panel's text reaches, in percent.
    pub sparse: Option<u32>,
}

/// Compiles a job's template with its data (shrinking a tri-fold's text until
/// it fits), exports the PDF and the thumbnail.
pub fn typeset(shared: &Shared, job: &Job<'_>, want_png: bool, pictures: &Pictures, warnings: &Mutex<Vec<Diagnostic>>) -> Result<Made, Vec<Diagnostic>> {
    let name = job.format.template();
    let files = job.prep.files_for(job.format, picture_box(job.format), pictures);
    let scales: &[f64] = if job.format == LeafletFormat::Trifold { TRIFOLD_SCALES } else { &[1.0] };
    let mut doc: Option<(PagedDocument, bool, f64)> = None;
    for (n, &scale) in scales.iter().enumerate() {
        let compiled = room::compile(shared, &name, &job.data(scale), files.iter().cloned());
        let compiled = match compiled {
            Ok(c) => {
                warnings.lock().unwrap_or_else(|e| e.into_inner()).extend(c.warnings);
                c.doc
            }
            Err(errors) => return Err(errors),
        };
        let fits = job.format != LeafletFormat::Trifold || compiled.pages().len() <= 2;
        let last = n + 1 == scales.len();
        if fits || last {
            doc = Some((compiled, fits, scale));
            break;
        }
    }
    let Some((doc, fits, scale)) = doc else { return Err(vec![Diagnostic::error(&name, None, crate::t!("leaflet-nothing-typeset"))]) };
    let pdf::Pdf { bytes: pdf, not_ua } = pdf::export(&doc, &job.stem, job.prep.date, &name)?;
    let imposed = match &job.print_stem {
        Some(stem) => Some(pdf::export_any(&impose::saddle_stitch(&doc, a4_landscape()), stem, job.prep.date, &name)?),
        None => None,
    };
    let shop = match &job.shop_stem {
        Some(stem) => Some(print_shop_copy(shared, job, scale, &files, stem)?),
        None => None,
    };
    let sparse = if job.format == LeafletFormat::Trifold {
        doc.pages().get(1).map(|inside| reach::reach(inside, 3)).and_then(|r| r.into_iter().map(|f| (f * 100.0).round() as u32).min()).filter(|&p| p < HALF)
    } else {
        None
    };
    let png = if want_png { doc.pages().first().and_then(|p| raster::png(p, THUMB_WIDTH)) } else { None };
    let pages = doc.pages().len();
    drop(doc);
    room::forget_unused();
    Ok(Made { pdf, png, pages, fits, not_ua, imposed, shop, sparse })
}

/// The copy for print shops of a job ([`print_shop`]): its template compiled
/// again with the bleed in its data (at the text scale the leaflet took),
/// so that its colour runs past the edge, then laid on a sheet with crop
/// marks, in CMYK, with its boxes set. Typst's warnings were given by the
/// leaflet itself and are not repeated.
fn print_shop_copy(shared: &Shared, job: &Job<'_>, scale: f64, files: &[(String, typst::foundations::Bytes)], stem: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let name = job.format.template();
    let mut data = job.data(scale);
    data.bleed = Some(print_shop::BLEED_MM);
    let compiled = room::compile(shared, &name, &data, files.iter().cloned())?;
    let sheet = print_shop::for_print_shop(&compiled.doc);
    let bytes = pdf::export_any(&sheet, stem, job.prep.date, &name)?;
    print_shop::with_bleed_box(&bytes).map_err(|why| vec![Diagnostic::error(&name, None, crate::t!("typst-error", detail = why))])
}
