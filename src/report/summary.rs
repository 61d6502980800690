//! The report in a few lines for the terminal, in the editors' language:
//! what was published, what was read, downloaded and embedded, what was
//! set aside and why, and where the files went.

use std::fmt::Write as _;

use super::count::total;
use super::pdf::number;
use super::Outcome;
use crate::t;

/// The summary of `o`, numbers written as `lang` writes them.
pub fn text(o: &Outcome, lang: &str) -> String {
    let n = |v: u64| number(v, lang);
    let s = &o.site;
    let t_ = &o.tally;
    let mut out = String::new();
    let occurrences: u64 = s.campaigns.iter().map(|c| c.occurrences.len() as u64).sum();
    let live = s.pages.iter().filter(|p| p.days_live > 0).count() as u64;
    let slots: u64 = s.bulletins.iter().map(|b| u64::from(b.air_slots)).sum();
    let _ = writeln!(out, "{}", t!("report-head", year = s.year));
    let _ = writeln!(
        out,
        "  {}",
        t!("report-published", campaigns = n(s.campaigns.len() as u64), occurrences = n(occurrences), pages = n(live), leaflets = n(s.leaflets.len() as u64))
    );
    if !s.bulletins.is_empty() {
        let _ = writeln!(out, "  {}", t!("report-bulletins", bulletins = n(s.bulletins.len() as u64), slots = n(slots)));
    }
    if t_.lines == 0 {
        let _ = writeln!(out, "  {}", t!("report-no-logs"));
    } else {
        let _ = writeln!(out, "  {}", t!("report-read", views = n(t_.views()), downloads = n(t_.downloads()), embeds = n(t_.embed_loads()), search = n(total(&t_.search))));
        let _ = writeln!(
            out,
            "  {}",
            t!(
                "report-set-aside",
                lines = n(t_.lines),
                crawlers = n(t_.crawlers),
                notget = n(t_.not_get),
                status = n(t_.bad_status),
                year = n(t_.other_year),
                unreadable = n(t_.unreadable)
            )
        );
        for &(file, line) in &t_.unreadable_at {
            let name = o.logs.get(file).map(|p| p.display().to_string()).unwrap_or_default();
            let _ = writeln!(out, "    {}", t!("report-unreadable-at", file = name, line = line));
        }
        if t_.unreadable > t_.unreadable_at.len() as u64 {
            let _ = writeln!(out, "    {}", t!("report-unreadable-more", count = n(t_.unreadable - t_.unreadable_at.len() as u64)));
        }
    }
    let _ = writeln!(out, "{}", t!("report-written", dir = o.out.display().to_string(), files = o.files.join(", ")));
    out
}
