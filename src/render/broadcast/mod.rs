//! Bulletins for commune radio and IP loudspeakers, under `phat-thanh/`
//! (`en/broadcast/`, from the theme's `broadcast_slug`): for each live page
//! with `broadcast:`, the text to read (`.txt`: the title said, then the
//! body said, UTF-8) and its script sheet ([`sheet`], PDF); for each
//! language, the air times as a calendar ([`calendar`]), the list as JSON
//! and an Atom feed ([`feed`]). The index page is an HTML page
//! ([`crate::render::html`]); what all of them show of a bulletin is
//! [`crate::render::bulletin`]'s, and its dates the plan's
//! ([`crate::plan::airings`]).
//!
//! A site none of whose pages has `broadcast:` gets none of these files; a
//! site that has some gets the folder in every language, empty of
//! bulletins on the days none is live. A page that is not live has no file
//! anywhere.

pub mod calendar;
pub mod feed;
pub mod sheet;

use chrono::{Datelike, NaiveDate};

use super::bulletin::{self, BulletinCtx};
use super::typst::threads;
use super::Output;
use crate::diag::{Diagnostic, Diagnostics};
use crate::plan::Plan;
use crate::urls;

/// The day a window open at the start is dated from (its events start,
/// its feed entry is dated): the first of January of the plan's year, so
/// the files change only with the year, not every day.
fn open_start(plan: &Plan<'_>) -> NaiveDate {
    NaiveDate::from_ymd_opt(plan.as_of.year(), 1, 1).unwrap_or(plan.as_of)
}

/// Makes every bulletin file into `out`.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) -> Result<(), Diagnostics> {
    let (plan, room) = (cx.plan, cx.room);
    if !bulletin::any(plan) {
        return Ok(());
    }
    let site = plan.site();
    let live: Vec<_> = plan.bulletins().into_iter().map(|b| (b, bulletin::ctx(plan, &b).0)).collect();
    let mut diags = Diagnostics::new();
    if !live.is_empty() {
        let shared = super::typst::needed(room)?;
        let sheets = threads::in_parallel(live.iter().collect(), |(b, ctx)| sheet::typeset(shared, plan, b, ctx));
        for ((_, ctx), made) in live.iter().zip(sheets) {
            out.add(format!("{}.txt", ctx.stem), format!("{}\n\n{}\n", ctx.said_title, ctx.text).into_bytes());
            match made {
                Some(Ok(pdf)) => out.add(format!("{}.pdf", ctx.stem), pdf),
                Some(Err(d)) => diags.extend(d),
                None => diags.push(Diagnostic::error(format!("themes/{}/leaflets/{}", plan.theme().name, sheet::TEMPLATE), None, crate::t!("print-failed")).with_hint(crate::t!("bug-hint-typst"))),
            }
        }
    }
    let fallback = open_start(plan);
    let host = urls::host(site);
    for lang in &site.languages {
        let dir = bulletin::dir(plan, lang);
        let [ics, json, atom] = urls::broadcast_files(lang);
        let mine: Vec<_> = live.iter().filter(|(_, c)| c.lang == *lang).cloned().collect();
        let ctxs: Vec<BulletinCtx> = mine.iter().map(|(_, c)| c.clone()).collect();
        let name = format!("{} – {}", plan.theme().string(lang, "broadcast_title"), site.title.get(lang, site.default_language()));
        out.add(format!("{dir}{ics}"), calendar::calendar(&mine, plan.timezone(), fallback, host, &name, lang).into_bytes());
        out.add(format!("{dir}{json}"), feed::json(plan, lang, &ctxs));
        let index = urls::of_file(site, &dir);
        out.add(format!("{dir}{atom}"), feed::atom(plan, lang, &format!("{dir}{atom}"), &index, &mine, fallback));
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    Ok(())
}
