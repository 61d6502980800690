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

/// Removes what dead builds left: standbys set aside in the working folder;
/// temporary files there and in its `cache/` (a build killed between
/// writing the record, the stamp or a renderer's record and renaming it into
/// place: `.loa-tmp-*`, `*.tmp`); and the temporary folders of loa before
/// 0.2 (`.NAME.tmp-PID`, `.NAME.old-PID`) whose process is gone. Called with
/// the lock held, so no live build of this output owns any of them. A
/// failure is a warning.
pub(super) fn clean_leftovers(parent: &Path, name: &str, work: &Path, warnings: &mut Diagnostics) {
    let mut remove = |p: PathBuf, dir: bool| {
        let removed = if dir { fs::remove_dir_all(&p) } else { fs::remove_file(&p) };
        if let Err(e) = removed {
            warnings.push(Diagnostic::warning(display_path(&p), None, t!("out-cannot-remove-left", detail = &e)).with_hint(t!("out-cannot-remove-left-hint")));
        }
    };
    for dir in [work.to_path_buf(), work.join(super::CACHE)] {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let file = e.file_name().to_string_lossy().into_owned();
            let Ok(kind) = e.file_type() else { continue };
            if dir == work && file.starts_with("old-") && kind.is_dir() {
                remove(e.path(), true);
            } else if (file.starts_with(super::TMP_PREFIX) || file.ends_with(".tmp")) && kind.is_file() {
                remove(e.path(), false);
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
                remove(e.path(), true);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a build killed at any moment can leave in the working folder is
    /// removed by the next build; what a finished build keeps stays.
    #[test]
    fn the_next_build_removes_what_a_killed_one_left() {
        let dir = tempfile::tempdir().unwrap();
        let (parent, work) = (dir.path(), dir.path().join(".out.loa"));
        let cache = work.join(super::super::CACHE);
        fs::create_dir_all(work.join("old-3/a")).unwrap();
        fs::create_dir_all(work.join("standby")).unwrap();
        fs::create_dir_all(&cache).unwrap();
        let left = [work.join(".loa-tmp-41-0"), cache.join(".loa-tmp-41-3"), cache.join("search-vi.bin.tmp")];
        let kept = [work.join("lock"), work.join("record.json"), cache.join("search-vi.bin"), cache.join("state.json"), work.join("standby/.loa-tmp-x")];
        for f in left.iter().chain(&kept) {
            fs::write(f, b"x").unwrap();
        }
        let mut warnings = Diagnostics::new();
        clean_leftovers(parent, "out", &work, &mut warnings);
        assert!(warnings.is_empty());
        assert!(!work.join("old-3").exists(), "a standby set aside");
        for f in &left {
            assert!(!f.exists(), "{} is left", f.display());
        }
        for f in &kept {
            assert!(f.exists(), "{} is gone", f.display());
        }
    }
}
