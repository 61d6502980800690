//! Cleaning: the standby made ready, stale files and empty folders removed,
//! read-only folders made writable first.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::io_error;
use crate::diag::Diagnostic;
use crate::t;

/// Makes sure the standby is a folder; whether it is empty (as on a
/// first build: nothing in it can be stale).
pub(super) fn prepare_standby(standby: &Path) -> Result<bool, Diagnostic> {
    if fs::symlink_metadata(standby).is_ok_and(|m| !m.is_dir()) {
        fs::remove_file(standby).map_err(|e| io_error(t!("write-act-remove"), standby, e))?;
    }
    fs::create_dir_all(standby).map_err(|e| io_error(t!("write-act-create-folder"), standby, e))?;
    Ok(fs::read_dir(standby).is_ok_and(|mut d| d.next().is_none()))
}

/// Gives the owner write permission on `dir` and the folders above it up to
/// `top` (the previous output may have been made read-only; the standby is
/// loa's own).
#[cfg(unix)]
pub(super) fn make_writable_up(top: &Path, dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut p = dir.to_path_buf();
    loop {
        if let Ok(m) = fs::symlink_metadata(&p)
            && m.is_dir()
        {
            let mode = m.permissions().mode();
            if mode & 0o700 != 0o700 {
                fs::set_permissions(&p, fs::Permissions::from_mode(mode | 0o700))?;
            }
        }
        if p == top || !p.pop() || !p.starts_with(top) {
            return Ok(());
        }
    }
}

#[cfg(not(unix))]
pub(super) fn make_writable_up(_: &Path, _: &Path) -> io::Result<()> {
    Ok(())
}

/// Removes a file of the tree under `top` (a missing one is not an error),
/// making its folder writable first if it must.
pub(super) fn remove_file(top: &Path, f: &Path) -> io::Result<()> {
    match fs::remove_file(f) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable_up(top, f.parent().unwrap_or(top))?;
            fs::remove_file(f)
        }
        // Gone already, or a folder on its way is now a file (`d/e.html`,
        // then `d`): nothing there to remove.
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => Ok(()),
        other => other,
    }
}

/// Removes `dir` and the folders above it, up to `top`, while they are empty.
pub(super) fn remove_empty_dirs(top: &Path, dir: &Path) {
    let mut d = dir.to_path_buf();
    while d != top && d.starts_with(top) && fs::remove_dir(&d).is_ok() {
        if !d.pop() {
            break;
        }
    }
}

/// Every file under `dir`, relative, with `/` separators.
pub(super) fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| e.path().strip_prefix(dir).ok().map(|p| p.to_string_lossy().replace('\\', "/")))
        .collect()
}

/// Removes the files under `dir` that are not in `paths`, then the folders
/// left empty. Returns how many files it removed.
pub(super) fn remove_stale(dir: &Path, paths: &BTreeSet<String>) -> Result<usize, (PathBuf, io::Error)> {
    let stale: Vec<String> = files_under(dir).into_iter().filter(|p| !paths.contains(p)).collect();
    for p in &stale {
        let full = dir.join(p);
        remove_file(dir, &full).map_err(|e| (full, e))?;
    }
    // Folders deepest first: only the empty ones go.
    let mut dirs: Vec<PathBuf> = walkdir::WalkDir::new(dir).min_depth(1).into_iter().flatten().filter(|e| e.file_type().is_dir()).map(|e| e.into_path()).collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = fs::remove_dir(&d);
    }
    Ok(stale.len())
}
