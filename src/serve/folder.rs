//! The preview's folder in the temporary folder: private (mode 0700, only
//! its owner can list or read it: drafts are previewed), with a name no
//! other user can guess or create first (`loa-preview-<pid>-<random>`, made
//! by the `tempfile` crate with `mkdir`, which never takes a folder that
//! already exists), and removed when the preview stops.

use std::io;
use std::path::{Path, PathBuf};

/// The start of a preview folder's name; the process id and a random part follow.
pub const PREFIX: &str = "loa-preview-";

/// Makes a new private preview folder, then removes those left by previews
/// that were killed (Ctrl-C removes its own).
pub fn create() -> io::Result<PathBuf> {
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir()?.keep();
    remove_stale(&dir);
    Ok(dir)
}

/// Removes the preview folders of processes that no longer run, owned by
/// the owner of `ours` (only where `/proc` tells which processes live).
fn remove_stale(ours: &Path) {
    let proc = Path::new("/proc");
    let Some(parent) = ours.parent() else { return };
    if !proc.join("self").exists() {
        return;
    }
    #[cfg(unix)]
    let owner = {
        use std::os::unix::fs::MetadataExt;
        match std::fs::metadata(ours) {
            Ok(m) => m.uid(),
            Err(_) => return,
        }
    };
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        // `loa-preview-<pid>-<random>`, and `loa-preview-<pid>` of earlier versions.
        let Some(rest) = name.strip_prefix(PREFIX) else { continue };
        let pid = rest.split('-').next().unwrap_or_default();
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) || proc.join(pid).exists() {
            continue;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Not a link, and ours: another user's folder is theirs to remove.
            match e.path().symlink_metadata() {
                Ok(m) if m.is_dir() && m.uid() == owner => {}
                _ => continue,
            }
        }
        let _ = std::fs::remove_dir_all(e.path());
    }
}
