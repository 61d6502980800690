//! The script sheet: a bulletin on A4 for the person at the microphone —
//! the text as said in large type, the reading time, the air times and
//! days, and a log with a box to tick each time it is read (one row per
//! aired day when the window is short enough to list, else rows to fill in).
//! Typeset in the Typst room with the theme's `leaflets/script-sheet.typ`.

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::plan::airings::{Bulletin, LISTED_DAYS};
use crate::plan::Plan;
use crate::render::bulletin::BulletinCtx;
use crate::render::escape;
use crate::render::typst::Shared;
#[cfg(feature = "typeset")]
use crate::render::typst::{self as room, pdf};
use crate::time::format;

/// The template, in the theme's `leaflets/` folder.
pub const TEMPLATE: &str = "script-sheet.typ";

/// Rows to fill in when the aired days are not listed.
pub const BLANK_ROWS: usize = 16;

/// One row of the log: a day (or none, to fill in) and a box per air time.
#[derive(Debug, Clone, Serialize)]
struct Row {
    day: Option<String>,
}

/// What the template gets.
#[derive(Debug, Clone, Serialize)]
struct SheetData<'a> {
    lang: &'a str,
    site_title: String,
    title: String,
    said_title: String,
    paragraphs: Vec<String>,
    reading: &'a str,
    times: &'a [String],
    days_text: &'a str,
    window_text: &'a str,
    page_url: &'a str,
    rows: Vec<Row>,
    t: std::collections::BTreeMap<&'static str, String>,
}

/// The theme strings the sheet prints.
const STRINGS: [&str; 9] =
    ["sheet_kicker", "sheet_reading", "sheet_air_times", "sheet_days", "sheet_window", "sheet_log", "sheet_log_help", "sheet_day", "sheet_reader"];

/// Typesets the sheet of one bulletin; `ident` names the document.
pub fn typeset(shared: &Shared, plan: &Plan<'_>, b: &Bulletin<'_>, ctx: &BulletinCtx) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let lang = ctx.lang.as_str();
    let theme = plan.theme();
    let site = plan.site();
    let rows = match b.aired_days(LISTED_DAYS) {
        Some(days) => days.into_iter().map(|d| Row { day: Some(format!("{}, {}", format::weekday(chrono::Datelike::weekday(&d), lang), format::short(d, lang))) }).collect(),
        None => (0..BLANK_ROWS).map(|_| Row { day: None }).collect(),
    };
    let data = SheetData {
        lang,
        site_title: escape::print(site.title.get(lang, site.default_language())).into_owned(),
        title: escape::print(&ctx.title).into_owned(),
        said_title: escape::print(&ctx.said_title).into_owned(),
        paragraphs: ctx.text.split("\n\n").map(|p| escape::print(p).into_owned()).collect(),
        reading: &ctx.reading,
        times: &ctx.times,
        days_text: &ctx.days_text,
        window_text: &ctx.window_text,
        page_url: &ctx.permalink,
        rows,
        t: STRINGS.iter().map(|k| (*k, theme.string(lang, k).to_owned())).collect(),
    };
    pdf_of(shared, &data, &ctx.stem)
}

/// The sheet's PDF from its data.
#[cfg(feature = "typeset")]
fn pdf_of(shared: &Shared, data: &SheetData<'_>, stem: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let doc = room::compile(shared, TEMPLATE, data, [])?.doc;
    let bytes = pdf::export(&doc, stem, None, TEMPLATE)?.bytes;
    drop(doc);
    room::forget_unused();
    Ok(bytes)
}

/// Without the `typeset` feature no room exists to call this with.
#[cfg(not(feature = "typeset"))]
fn pdf_of(shared: &Shared, _data: &SheetData<'_>, _stem: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    match *shared {}
}
