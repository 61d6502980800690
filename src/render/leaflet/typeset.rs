//! Typesetting: a leaflet's template compiled with its data in its own Typst
//! world, the document exported as a tagged PDF (PDF/UA-1 when the template
//! allows) and page 1 as a small PNG for the list; and the pool of threads
//! that typesets many leaflets at once.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{Datelike, NaiveDate};
use typst::foundations::{Bytes, Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::data::{self, LeafletData};
use super::prepare::Prepared;
use super::world::{self, LeafletWorld, Shared};
use crate::diag::Diagnostic;
use crate::load::content::LeafletFormat;

/// Stack size of the threads that typeset.
const TYPST_STACK: usize = 64 << 20;

/// Width of the thumbnails in pixels.
const THUMB_WIDTH: f64 = 240.0;

/// Text scales tried, in order, until a tri-fold fits on its two sides.
const TRIFOLD_SCALES: &[f64] = &[1.0, 0.92, 0.85, 0.78];

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
}

/// The PDF options: PDF/UA-1 (or plain tagged PDF), a stable identifier, and
/// the leaflet's own date.
pub fn pdf_options(ident: &str, date: Option<NaiveDate>, ua: bool) -> PdfOptions {
    let timestamp = date
        .and_then(|d| Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8))
        .map(Timestamp::new_utc);
    let standards = if ua { PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default() } else { PdfStandards::default() };
    PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("loa {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        tagged: true,
        ..PdfOptions::default()
    }
}

/// Compiles a job's template with its data (shrinking a tri-fold's text until
/// it fits), exports the PDF and the thumbnail.
pub fn typeset(shared: &Shared, job: &Job<'_>, want_png: bool, warnings: &Mutex<Vec<Diagnostic>>) -> Result<Made, Vec<Diagnostic>> {
    let name = job.format.template();
    let scales: &[f64] = if job.format == LeafletFormat::Trifold { TRIFOLD_SCALES } else { &[1.0] };
    let mut doc: Option<(PagedDocument, bool)> = None;
    for (n, &scale) in scales.iter().enumerate() {
        let json = world::data_json(&job.data(scale));
        let files = job.prep.files.iter().cloned().chain([(world::DATA.to_owned(), Bytes::new(json))]);
        let Some(world) = LeafletWorld::new(shared, &name, files) else {
            return Err(vec![Diagnostic::error(&name, None, crate::t!("typst-bad-template-name"))]);
        };
        let result = typst::compile::<PagedDocument>(&world);
        {
            let mut w = warnings.lock().unwrap_or_else(|e| e.into_inner());
            for warning in &result.warnings {
                let mut d = shared.diagnostic(&world, warning, &name);
                d.severity = crate::diag::Severity::Warning;
                w.push(d);
            }
        }
        let compiled = result.output.map_err(|errs| errs.iter().map(|e| shared.diagnostic(&world, e, &name)).collect::<Vec<_>>())?;
        let fits = job.format != LeafletFormat::Trifold || compiled.pages().len() <= 2;
        let last = n + 1 == scales.len();
        if fits || last {
            doc = Some((compiled, fits));
            break;
        }
    }
    let Some((doc, fits)) = doc else { return Err(vec![Diagnostic::error(&name, None, crate::t!("leaflet-nothing-typeset"))]) };
    let ident = job.stem.clone();
    let (pdf, not_ua) = match typst_pdf::pdf(&doc, &pdf_options(&ident, job.prep.date, true)) {
        Ok(pdf) => (pdf, None),
        Err(errs) => {
            let why = errs.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ");
            let pdf = typst_pdf::pdf(&doc, &pdf_options(&ident, job.prep.date, false))
                .map_err(|errs| errs.iter().map(|e| Diagnostic::error(shared_file(&name), None, crate::t!("typst-error", detail = e.message.to_string()))).collect::<Vec<_>>())?;
            (pdf, Some(why))
        }
    };
    let png = if want_png {
        doc.pages().first().and_then(|p| {
            let width = p.frame.width().to_pt();
            let opts = typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(THUMB_WIDTH / width.max(1.0)), render_bleed: false };
            typst_render::render(p, &opts).encode_png().ok()
        })
    } else {
        None
    };
    let pdf = without_suspects(pdf);
    let pages = doc.pages().len();
    drop(doc);
    // Drop Typst's memoised results that the last ten leaflets did not use:
    // the next leaflet of the same page reuses most of them, and memory stays
    // flat over thousands of leaflets.
    typst::comemo::evict(10);
    Ok(Made { pdf, png, pages, fits, not_ua })
}

/// Blanks out `/Suspects false` in the catalog's `MarkInfo`: false is the
/// default, and poppler (up to at least 22.12, as in Debian 12) reports the
/// entry as a syntax error ("Suspects object is wrong type (boolean)"). The
/// bytes are replaced by spaces, so no offset in the file changes.
pub fn without_suspects(mut pdf: Vec<u8>) -> Vec<u8> {
    const FROM: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    const TO: &[u8] = b"/MarkInfo<</Marked true>>               ";
    if let Some(i) = pdf.windows(FROM.len()).position(|w| w == FROM) {
        pdf[i..i + FROM.len()].copy_from_slice(TO);
    }
    pdf
}

fn shared_file(name: &str) -> PathBuf {
    PathBuf::from(format!("leaflets/{name}"))
}

/// Runs `f` on every item on plain threads (as many as rayon would use), each
/// with a large stack, and returns the results in order.
///
/// Not rayon workers, on purpose: `typst-pdf` hands work to rayon and, while
/// it waits, a rayon worker runs other queued jobs on the same stack — which
/// would start the next leaflet inside the unfinished one, so memory and stack
/// would grow with the number of leaflets (a stack overflow after a few
/// hundred). On a plain thread the wait is a wait; rayon's own pool does the
/// PDF work. Typst recurses deeply, hence the stack size.
///
/// An item whose `f` panicked gives `None` (Typst is not supposed to panic,
/// but a build must not die of it).
pub fn in_parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<Option<R>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let n = items.len();
    let threads = rayon::current_num_threads().clamp(1, n.max(1));
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            let item = items[i].lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(item) = item
                && let Ok(r) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item)))
            {
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            }
        }
    };
    std::thread::scope(|s| {
        let spawned = (0..threads)
            .filter(|i| std::thread::Builder::new().name(format!("loa-leaflet-{i}")).stack_size(TYPST_STACK).spawn_scoped(s, work).is_ok())
            .count();
        if spawned == 0 {
            work();
        }
    });
    results.into_iter().map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suspects_blanked_in_place() {
        let pdf = b"1 0 obj<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>/Lang(vi)>>".to_vec();
        let out = without_suspects(pdf.clone());
        assert_eq!(out.len(), pdf.len());
        assert_eq!(String::from_utf8(out).unwrap(), "1 0 obj<</Type/Catalog/MarkInfo<</Marked true>>               /Lang(vi)>>");
    }

    #[test]
    fn document_date_and_standard() {
        let o = pdf_options("leaflets/pages/x-a4", NaiveDate::from_ymd_opt(2027, 6, 1), true);
        assert!(o.timestamp.is_some());
        assert!(o.tagged);
        assert!(pdf_options("x", None, false).timestamp.is_none());
    }

    #[test]
    fn parallel_keeps_order_and_survives_panics() {
        let out = in_parallel((0..50).collect(), |i: i32| if i == 7 { panic!("boom") } else { i * 2 });
        assert_eq!(out.len(), 50);
        assert_eq!(out[7], None);
        assert_eq!(out[49], Some(98));
    }
}
