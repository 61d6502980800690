//! Where a build's time goes, printed to stderr when `LOA_TIMINGS` is set:
//! for benchmarks, and for a site that builds slowly. The build's phases
//! (`lib.rs`) and, indented, each renderer's share of "render"; on Linux,
//! the memory in use and its peak so far after each.

use std::sync::Mutex;
use std::time::Instant;

/// A stopwatch that prints each lap, or does nothing when `LOA_TIMINGS` is unset.
pub struct Timings {
    start: Option<Mutex<Instant>>,
    /// The process's CPU time (user and system, all threads) at the last lap.
    cpu: Mutex<Option<u64>>,
    indent: &'static str,
}

impl Timings {
    /// A stopwatch started now if `LOA_TIMINGS` is set; its laps are printed
    /// after `indent`.
    pub fn from_env(indent: &'static str) -> Self {
        let start = std::env::var_os("LOA_TIMINGS").map(|_| Mutex::new(Instant::now()));
        let cpu = Mutex::new(if start.is_some() { cpu_ms() } else { None });
        Timings { start, cpu, indent }
    }

    /// Prints the time since the last lap, named `what`.
    pub fn lap(&self, what: &str) {
        if let Some(t) = &self.start {
            let mut last = t.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let cpu = cpu_ms();
            let mut last_cpu = self.cpu.lock().unwrap_or_else(|e| e.into_inner());
            let spent = cpu.zip(*last_cpu).map(|(c, l)| format!(", CPU {} ms", c.saturating_sub(l))).unwrap_or_default();
            *last_cpu = cpu;
            eprintln!("{}{:>7.1} ms  {what}{}{spent}", self.indent, (now - *last).as_secs_f64() * 1000.0, memory());
            *last = now;
        }
    }
}

/// The process's CPU time so far (user and system, every thread) in
/// milliseconds, on Linux (`/proc/self/stat`, in ticks of 10 ms); `None`
/// elsewhere. Against a lap's wall time it says how busy the cores were.
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split_whitespace();
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some((utime + stime) * 10)
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
