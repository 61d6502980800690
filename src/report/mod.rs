//! `loa report --year YYYY`: the yearly report section V of the plan asks
//! for by 15/12 — what the site published that year and, from the web
//! server's access logs, what people read, downloaded and embedded.
//!
//! The rooms, one job each:
//!
//! - [`site_counts`]: the site alone — campaigns' occurrences, pages' days
//!   live (the plan's own fingerprint of each day), leaflets, bundles,
//!   bulletins.
//! - [`logs`]: log files (plain or gzip) as a stream of lines.
//! - [`combined`]: one line of the "combined" format, read in place.
//! - [`bots`]: people or crawlers (Crawlerdex, by the `iscrawl` crate).
//! - [`referer`]: a referring address reduced to its host.
//! - [`count`]: each request counted against what it asked for, by month.
//! - [`csv`], [`pdf`], [`summary`]: the tables for Excel, the typeset
//!   report, the lines for the terminal.
//!
//! Nothing of a visitor is kept: no address, no agent, no referring URL
//! (only the host of a newspaper's page that loaded a widget), in memory
//! beyond the line being read or in any output. Unique visitors are not
//! counted: doing it honestly needs an address per visitor per day (even
//! hashed with a daily salt, as Plausible does), and the plan asks for
//! what was read, not by how many people.

pub mod bots;
pub mod combined;
pub mod count;
pub mod csv;
pub mod logs;
pub mod pdf;
pub mod referer;
pub mod site_counts;
pub mod summary;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::t;
use count::{Counter, Tally, Targets};
use site_counts::SiteCounts;

/// What `loa report` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The year.
    pub year: i32,
    /// Access logs (plain or gzip), in any order.
    pub logs: Vec<PathBuf>,
    /// Where the report goes; default `ROOT/report-YYYY`.
    pub out: Option<PathBuf>,
    /// The language of the report: `vi` or `en`.
    pub lang: String,
}

/// What the report found and where it went.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The site's side.
    pub site: SiteCounts,
    /// The logs' side.
    pub tally: Tally,
    /// The logs read, as named.
    pub logs: Vec<PathBuf>,
    /// The folder written.
    pub out: PathBuf,
    /// The files written, in it.
    pub files: Vec<String>,
    /// Problems that did not stop the report (a log cut short).
    pub warnings: Diagnostics,
}

/// The years a report can be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Makes the report of the site at `root`.
pub fn report(root: &Path, opts: &Options) -> Result<Outcome, Diagnostics> {
    if !YEARS.contains(&opts.year) {
        return Err(Diagnostic::error("--year", None, t!("report-bad-year", year = opts.year)).with_hint(t!("report-bad-year-hint")).into());
    }
    let inputs = crate::load::load(root)?;
    let site = site_counts::count(&inputs, opts.year);
    let targets = Targets::new(&inputs, &site);
    let mut counter = Counter::new(&targets, &site, inputs.calendar.timezone);
    let mut warnings = Diagnostics::new();
    // Every log is opened before any is read: a wrong name fails at once.
    let mut opened = Vec::new();
    let mut errors = Diagnostics::new();
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for path in &opts.logs {
        // The same file named twice (a link, `log log`) is read once.
        if !seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())) {
            warnings.push(Diagnostic::warning(path, None, t!("report-log-twice")));
            continue;
        }
        names.push(path.clone());
        match logs::open(path) {
            Ok(r) => opened.push(r),
            Err(e) => errors.push(Diagnostic::error(path, None, t!("report-log-unreadable", detail = e.to_string())).with_hint(t!("report-log-unreadable-hint"))),
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    for (i, input) in opened.into_iter().enumerate() {
        let mut n = 0u64;
        let (_, err) = logs::lines(input, |line| {
            n += 1;
            counter.line(i, n, line);
        });
        if let Some(e) = err {
            let at = crate::diag::Position::new(n as usize + 1, 1);
            warnings.push(Diagnostic::warning(&names[i], Some(at), t!("report-log-cut", detail = e.to_string())).with_hint(t!("report-log-cut-hint")));
        }
    }
    let tally = counter.tally;
    let out = opts.out.clone().unwrap_or_else(|| root.join(format!("report-{}", opts.year)));
    let theme_pdf = pdf::render(&inputs, &site, &tally, &opts.lang)?;
    let mut files: Vec<(String, Vec<u8>)> = csv::tables(&inputs, &site, &tally, &opts.lang);
    files.push((pdf::file_name(opts.year, &opts.lang), theme_pdf));
    write_all(&out, &files)?;
    Ok(Outcome { site, tally, logs: names, out, files: files.into_iter().map(|(n, _)| n).collect(), warnings })
}

/// Writes `files` into `dir` (made if missing), each through a temporary
/// file renamed into place, so a reader never sees half a file.
fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Diagnostics> {
    let fail = |p: &Path, e: std::io::Error| Diagnostics::from(Diagnostic::error(p, None, t!("report-write-failed", detail = e.to_string())));
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    for (name, bytes) in files {
        let path = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, &path)).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(&path, e)
        })?;
    }
    Ok(())
}
