//! One build writes at a time: the lock on the output, and what dead builds
//! left behind.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::files::io_error;
use super::Options;
use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::t;

/// Takes the lock of the output whose working folder is `work`.
pub(super) fn lock(work: &Path, out: &Path, opts: &Options) -> Result<File, Diagnostic> {
    let path = work.join("lock");
    let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| io_error(t!("write-act-open-lock"), &path, e))?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::Error(e)) => return Err(io_error(t!("write-act-lock"), &path, e)),
        Err(fs::TryLockError::WouldBlock) => {}
    }
    if opts.no_wait {
        return Err(Diagnostic::error(display_path(out), None, t!("out-locked"))
            .with_hint(t!("out-locked-hint")));
    }
    eprintln!("{}", crate::terminal::safe(&t!("out-waiting", folder = out)));
    file.lock().map_err(|e| io_error(t!("write-act-lock"), &path, e))?;
    Ok(file)
}

/// Removes what dead builds left: standbys set aside in the working folder,
/// and the temporary folders of loa before 0.2 (`.NAME.tmp-PID`,
/// `.NAME.old-PID`) whose process is gone. Called with the lock held, so no
/// live build of this output owns any of them. A failure is a warning.
pub(super) fn clean_leftovers(parent: &Path, name: &str, work: &Path, warnings: &mut Diagnostics) {
    let mut remove = |p: PathBuf| {
        if let Err(e) = fs::remove_dir_all(&p) {
            warnings.push(Diagnostic::warning(display_path(&p), None, t!("out-cannot-remove-left", detail = &e)).with_hint(t!("out-cannot-remove-left-hint")));
        }
    };
    if let Ok(entries) = fs::read_dir(work) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with("old-") && e.path().is_dir() {
                remove(e.path());
            }
        }
    }
    if let Ok(entries) = fs::read_dir(parent) {
        for e in entries.flatten() {
            let file = e.file_name().to_string_lossy().into_owned();
            let pid = file.strip_prefix(&format!(".{name}.tmp-")).or_else(|| file.strip_prefix(&format!(".{name}.old-"))).and_then(|p| p.parse::<u32>().ok());
            if let Some(pid) = pid
                && !alive(pid)
                && e.path().is_dir()
            {
                remove(e.path());
            }
        }
    }
}

/// Whether the process `pid` is alive (where that can be told: Linux).
pub(super) fn alive(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    Path::new("/proc").join(pid.to_string()).exists()
}
