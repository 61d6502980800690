//! The schedule box for newspapers in print, under `embed/print/`: the
//! campaigns of this year and next and the hotline, typeset by Typst with the
//! Typst room and fonts ([`crate::render::typst`]), in two
//! newspaper column widths ([`data::WIDTHS_MM`]) and in each language of the
//! site. Each width is a PDF (fonts embedded, tagged, no date) and an SVG
//! (glyphs drawn as outlines, so it needs no font; `embed/index.html` shows
//! it as the preview). Paths: [`crate::urls::print_box`].
//!
//! The rooms: [`data`] (what the box says, from the plan) and [`typeset`]
//! (the template compiled and exported). The box depends only on the
//! campaigns' states and the year, so it changes only on the days
//! `build.json`'s `next_change` names, and two builds of one day give the
//! same bytes.

pub mod data;

use super::typst::Shared;
use super::Output;
use crate::diag::Diagnostics;
use crate::plan::Plan;
use crate::render::made::print_box::PrintBox;
with_typeset! {
    pub mod typeset;
    use super::human::human_size;
    use super::typst::threads;
    use crate::diag::Diagnostic;
    use crate::render::made::print_box::FileCtx;
    use crate::urls;
}

/// The template of the box, in the theme's `leaflets/` folder.
pub const TEMPLATE: &str = "print-schedule.typ";

/// Makes the box in every language of the site into `out`; nothing when the
/// site has no campaigns.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) -> Result<Vec<PrintBox>, Diagnostics> {
    let (plan, room) = (cx.plan, cx.room);
    if plan.campaigns().next().is_none() {
        return Ok(Vec::new());
    }
    let shared = super::typst::needed(room)?;
    make(plan, out, shared)
}

/// Without the `typeset` feature no room exists to call this with.
#[cfg(not(feature = "typeset"))]
fn make(_plan: &Plan<'_>, _out: &Output<'_>, shared: &Shared) -> Result<Vec<PrintBox>, Diagnostics> {
    match *shared {}
}

/// Typesets the box in every language and width.
#[cfg(feature = "typeset")]
fn make(plan: &Plan<'_>, out: &Output<'_>, shared: &Shared) -> Result<Vec<PrintBox>, Diagnostics> {
    let site = plan.site();
    let def = site.default_language();
    let jobs: Vec<(&str, u32)> = site.languages.iter().flat_map(|l| data::WIDTHS_MM.iter().map(move |(c, _)| (l.as_str(), *c))).collect();
    let made = threads::in_parallel(jobs.clone(), |(lang, columns)| {
        typeset::typeset(shared, &data::data(plan, lang, columns), &urls::print_box(columns, lang, def))
    });
    let mut diags = Diagnostics::new();
    let mut list = Vec::new();
    for ((lang, columns), made) in jobs.into_iter().zip(made) {
        let page = match made {
            Some(Ok(m)) => m,
            Some(Err(d)) => {
                diags.extend(d);
                continue;
            }
            None => {
                diags.push(Diagnostic::error(format!("themes/{}/leaflets/{TEMPLATE}", plan.theme().name), None, crate::t!("print-failed")).with_hint(crate::t!("bug-hint-typst")));
                continue;
            }
        };
        let stem = urls::print_box(columns, lang, def);
        let file = |ext: &str, bytes: &[u8]| FileCtx { url: urls::of_file(site, &format!("{stem}.{ext}")), size: human_size(bytes.len() as u64, def) };
        let (pdf, svg) = (file("pdf", &page.pdf), file("svg", page.svg.as_bytes()));
        out.add(format!("{stem}.pdf"), page.pdf);
        out.add(format!("{stem}.svg"), page.svg.into_bytes());
        list.push(PrintBox {
            lang: lang.to_owned(),
            lang_name: plan.theme().string(lang, "language_name").to_owned(),
            columns,
            width_mm: page.width_mm,
            height_mm: page.height_mm,
            pdf,
            svg,
            css_px: (page.width_pt.mul_add(96.0 / 72.0, 0.0).round() as u32, page.height_pt.mul_add(96.0 / 72.0, 0.0).round() as u32),
        });
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    Ok(list)
}
