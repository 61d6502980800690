//! `record.json`: what a build that swapped records for the next one, and
//! when it may be trusted (see [`Record`]).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::files::{io_error, tmp_name};
use crate::diag::Diagnostic;
use crate::t;

/// What a build that swapped records for the next one: every file of the
/// output, the files in which the standby (the output before) differs, and
/// the state of both trees' folders then.
///
/// The record is trusted only while `folders` still matches: a file added,
/// removed or renamed in either tree changes its folder's modification
/// time, a standby deleted and made again is another folder, and an edit of
/// the record changes what `folders` is computed from. Otherwise the next
/// build walks both trees, as it does without a record: a standby that is
/// missing, partial or edited by hand is made whole from the output, never
/// swapped in short. (A file edited in place in the standby is either the
/// output's own file — a hard link, compared with the new build anyway — or
/// one the record lists as touched, which the next build replaces.)
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Record {
    pub(super) version: u32,
    pub(super) paths: BTreeSet<String>,
    pub(super) touched: BTreeSet<String>,
    #[serde(default)]
    pub(super) folders: String,
}

/// The version of `record.json`.
pub(super) const RECORD_VERSION: u32 = 2;

/// The state of the folders of the output `out` and the standby that hold
/// (or would hold) `paths` and `touched`: identity and modification time of
/// each, hashed with the two lists. Where that cannot be told (no Unix
/// metadata), a value no record matches.
pub(super) fn folders_state(out: &Path, standby: &Path, paths: &BTreeSet<String>, touched: &BTreeSet<String>) -> String {
    // Without both roots (as after a first build's move into place, which
    // leaves no standby) there is no state to keep: no need to look at
    // every folder.
    if folder_state(out).is_none() || folder_state(standby).is_none() {
        return String::new();
    }
    let mut dirs: BTreeSet<&str> = BTreeSet::new();
    dirs.insert("");
    for p in paths.iter().chain(touched) {
        let mut d = p.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            if !dirs.insert(parent) {
                break;
            }
            d = parent;
        }
    }
    let dirs: Vec<&str> = dirs.into_iter().collect();
    let states: Vec<(Option<FolderState>, Option<FolderState>)> = dirs.par_iter().map(|d| (folder_state(&out.join(d)), folder_state(&standby.join(d)))).collect();
    crate::hash::hex(&(paths, touched, &dirs, &states))
}

/// A folder's device, inode, and modification and change times (seconds,
/// nanoseconds).
pub(super) type FolderState = (u64, u64, i64, i64, i64, i64);

#[cfg(unix)]
pub(super) fn folder_state(dir: &Path) -> Option<FolderState> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::symlink_metadata(dir).ok().filter(|m| m.is_dir())?;
    Some((m.dev(), m.ino(), m.mtime(), m.mtime_nsec(), m.ctime(), m.ctime_nsec()))
}

#[cfg(not(unix))]
pub(super) fn folder_state(_: &Path) -> Option<FolderState> {
    None
}

impl Record {
    fn path(work: &Path) -> PathBuf {
        work.join("record.json")
    }

    /// Reads the record and removes it: until this build writes a new one,
    /// the standby is not known to match it (a build killed midway leaves
    /// none, and the next one walks the trees).
    pub(super) fn take(work: &Path) -> Option<Record> {
        let path = Self::path(work);
        let r: Record = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
        fs::remove_file(&path).ok()?;
        (r.version == RECORD_VERSION).then_some(r)
    }

    pub(super) fn save(&self, work: &Path) -> Result<(), Diagnostic> {
        let path = Self::path(work);
        let tmp = work.join(tmp_name());
        let json = serde_json::to_vec(self).unwrap_or_default();
        fs::write(&tmp, json).and_then(|_| fs::rename(&tmp, &path)).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            io_error(t!("write-act-write"), &path, e)
        })
    }
}
