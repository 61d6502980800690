//! Where a build's time goes, printed to stderr when `LOA_TIMINGS` is set:
//! for benchmarks, and for a site that builds slowly. The build's phases
//! (`lib.rs`) and, indented, each renderer's share of "render"; on Linux,
//! the memory in use and its peak so far after each.

use std::sync::Mutex;
use std::time::Instant;

/// A stopwatch that prints each lap, or does nothing when `LOA_TIMINGS` is unset.
pub struct Timings {
    start: Option<Mutex<Instant>>,
    indent: &'static str,
}

impl Timings {
    /// A stopwatch started now if `LOA_TIMINGS` is set; its laps are printed
    /// after `indent`.
    pub fn from_env(indent: &'static str) -> Self {
        Timings { start: std::env::var_os("LOA_TIMINGS").map(|_| Mutex::new(Instant::now())), indent }
    }

    /// Prints the time since the last lap, named `what`.
    pub fn lap(&self, what: &str) {
        if let Some(t) = &self.start {
            let mut last = t.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            eprintln!("{}{:>7.1} ms  {what}{}", self.indent, (now - *last).as_secs_f64() * 1000.0, memory());
            *last = now;
        }
    }
}

/// `  (RSS n MiB, peak m MiB)` on Linux, from `/proc/self/status`; empty elsewhere.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return String::new() };
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(rss), Some(peak)) => format!("  (RSS {} MiB, peak {} MiB)", rss / 1024, peak / 1024),
        _ => String::new(),
    }
}
