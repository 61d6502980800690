//! A typeset document as PDF: tagged, PDF/UA-1 when the template allows (else
//! plain tagged PDF, and why not), a stable identifier, the document's own
//! date or none, and nothing poppler misreads.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diag::Diagnostic;

/// A document exported.
pub struct Pdf {
    /// The PDF's bytes.
    pub bytes: Vec<u8>,
    /// Why it is not PDF/UA-1, if it is not.
    pub not_ua: Option<String>,
}

/// Exports `doc` as PDF/UA-1, or as plain tagged PDF when the template does
/// not allow it. `ident` names the document (stable between builds, so the
/// PDF's identifier is too); `date` is its own date, if any; `template`
/// locates an export error.
pub fn export(doc: &PagedDocument, ident: &str, date: Option<NaiveDate>, template: &str) -> Result<Pdf, Vec<Diagnostic>> {
    let (bytes, not_ua) = match typst_pdf::pdf(doc, &pdf_options(ident, date, true)) {
        Ok(pdf) => (pdf, None),
        Err(errs) => {
            let why = errs.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ");
            let pdf = typst_pdf::pdf(doc, &pdf_options(ident, date, false)).map_err(|errs| {
                errs.iter().map(|e| Diagnostic::error(PathBuf::from(format!("leaflets/{template}")), None, crate::t!("typst-error", detail = e.message.to_string()))).collect::<Vec<_>>()
            })?;
            (pdf, Some(why))
        }
    };
    Ok(Pdf { bytes: without_suspects(bytes), not_ua })
}

/// Exports `doc` as [`export`] does — PDF/UA-1, else tagged — or untagged
/// when its tags no longer nest (a booklet's sheets for the printer, whose
/// pages are moved from their reading order); the bytes alone.
pub fn export_any(doc: &PagedDocument, ident: &str, date: Option<NaiveDate>, template: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    if let Ok(pdf) = export(doc, ident, date, template) {
        return Ok(pdf.bytes);
    }
    let bytes = typst_pdf::pdf(doc, &PdfOptions { tagged: false, ..pdf_options(ident, date, false) }).map_err(|errs| {
        errs.iter().map(|e| Diagnostic::error(PathBuf::from(format!("leaflets/{template}")), None, crate::t!("typst-error", detail = e.message.to_string()))).collect::<Vec<_>>()
    })?;
    Ok(without_suspects(bytes))
}

/// The PDF options: PDF/UA-1 (or plain tagged PDF), a stable identifier, and
/// the document's own date.
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
}
