//! File-system paths as the user means them: a relative path resolved against
//! the working folder, `.` and `..` folded away, and symlinks resolved in the
//! part that exists. Used wherever loa compares folders (the output folder
//! against the site's) or prints one for a person to use (`loa schedule`'s
//! crontab line, `loa serve`'s watcher).

use std::io;
use std::path::{Component, Path, PathBuf};

/// Makes `p` absolute and resolves `.`/`..` without requiring it to exist;
/// symlinks are resolved in the part of the path that exists.
pub fn absolute(p: &Path) -> io::Result<PathBuf> {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|f| f.to_owned()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_dots_and_keeps_missing_parts() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        assert_eq!(absolute(&base.join("a/../b/./c")).unwrap(), base.join("b/c"));
        std::fs::create_dir(base.join("real")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("real"), base.join("link")).unwrap();
            assert_eq!(absolute(&base.join("link/new")).unwrap(), base.join("real/new"));
        }
    }
}
