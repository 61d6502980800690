//! Write: put the rendered output on disk, atomically.
//!
//! Everything is written into a temporary folder beside the output folder; only
//! when all of it succeeded is the old output swapped out and the new one
//! swapped in. A failed build leaves the previous output untouched. The only
//! paths ever written or removed are the output folder and its two temporary
//! siblings (`.NAME.tmp-PID`, `.NAME.old-PID`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{display_path, Diagnostic};
use crate::paths::absolute;
use crate::render::{Output, Source};

/// The marker that says a folder was written by loa (and may be replaced).
pub const MARKER: &str = "build.json";

/// Whether `dir` holds a `build.json` that loa wrote (not any file of that name).
pub fn is_loa_output(dir: &Path) -> bool {
    fs::read_to_string(dir.join(MARKER)).is_ok_and(|s| s.contains("\"as_of\"") && s.contains("\"next_change\""))
}

/// Refuses output folders that would overwrite the site: the root itself, a
/// folder that holds `content/`, a parent of the root, or a folder inside the
/// site's inputs.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let bad = |msg: String| Diagnostic::error(display_path(out), None, msg).with_hint("write the output to its own folder, e.g. --out dist");
    let root = absolute(root).map_err(|e| bad(format!("cannot resolve the site folder: {e}")))?;
    let out = absolute(out).map_err(|e| bad(format!("cannot resolve the output folder: {e}")))?;
    if out == root {
        return Err(bad("the output folder is the site folder itself".into()));
    }
    if root.starts_with(&out) {
        return Err(bad("the output folder contains the site folder".into()));
    }
    if out.join("content").exists() {
        return Err(bad("the output folder contains a content/ folder: it looks like a site".into()));
    }
    for input in ["content", "themes", "site.yaml", "calendar.yaml", "localities.yaml"] {
        if out.starts_with(root.join(input)) {
            return Err(bad(format!("the output folder is inside the site's {input}")));
        }
    }
    if out.exists() && !out.is_dir() {
        return Err(bad("the output path is a file, not a folder".into()));
    }
    if out.is_dir() && !is_loa_output(&out) && fs::read_dir(&out).map(|mut d| d.next().is_some()).unwrap_or(false) {
        return Err(Diagnostic::error(display_path(&out), None, "this folder is not empty and was not written by loa; it would be replaced")
            .with_hint("choose an empty or new folder, or delete this one yourself"));
    }
    Ok(())
}

/// Writes `output` to `out` atomically. Returns the number of files written.
pub fn write(out: &Path, output: &Output) -> Result<usize, Diagnostic> {
    let fail = |what: &str, p: &Path, e: io::Error| {
        Diagnostic::error(display_path(p), None, format!("cannot {what}: {e}")).with_hint("check the folder's permissions and free disk space")
    };
    let out = absolute(out).map_err(|e| fail("resolve the output folder", out, e))?;
    let parent = out.parent().ok_or_else(|| Diagnostic::error(display_path(&out), None, "the output folder has no parent"))?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
    fs::create_dir_all(parent).map_err(|e| fail("create the folder", parent, e))?;
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(|e| fail("remove the old temporary folder", &tmp, e))?;
    }
    let result = fill(&tmp, output);
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    // Swap.
    let had_old = out.exists();
    if had_old {
        fs::rename(&out, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&tmp);
            fail("move the previous output aside", &out, e)
        })?;
    }
    if let Err(e) = fs::rename(&tmp, &out) {
        if had_old {
            let _ = fs::rename(&old, &out);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(fail("move the new output into place", &out, e));
    }
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(output.files.len() + output.copies.len())
}

fn fill(tmp: &Path, output: &Output) -> Result<(), Diagnostic> {
    let fail = |p: &Path, e: io::Error| Diagnostic::error(display_path(p), None, format!("cannot write: {e}"));
    fs::create_dir_all(tmp).map_err(|e| fail(tmp, e))?;
    let mut dirs: Vec<PathBuf> = output
        .files
        .keys()
        .chain(output.copies.keys())
        .filter_map(|k| Path::new(k).parent().map(|p| tmp.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d).map_err(|e| fail(d, e))?;
    }
    output.files.par_iter().try_for_each(|(path, bytes)| {
        let p = tmp.join(path);
        fs::write(&p, bytes).map_err(|e| fail(&p, e))
    })?;
    output.copies.par_iter().try_for_each(|(path, src)| {
        let p = tmp.join(path);
        match src {
            Source::File(from) => fs::copy(from, &p).map(|_| ()).map_err(|e| fail(from, e)),
            Source::Embedded(bytes) => fs::write(&p, bytes).map_err(|e| fail(&p, e)),
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_out_dir(&root, &root).is_err());
        assert!(check_out_dir(&root, dir.path()).is_err());
        assert!(check_out_dir(&root, &root.join("content/x")).is_err());
        assert!(check_out_dir(&root, &root.join("dist")).is_ok());
        let foreign = dir.path().join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("thesis.txt"), "precious").unwrap();
        assert!(check_out_dir(&root, &foreign).is_err());
    }

    #[test]
    fn swaps_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("dist");
        let mut o = Output::default();
        o.add("a/index.html", b"one".to_vec());
        o.add(MARKER, b"{\"as_of\": 1, \"next_change\": 2}".to_vec());
        write(&out, &o).unwrap();
        let mut o2 = Output::default();
        o2.add("b.txt", b"two".to_vec());
        write(&out, &o2).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(fs::read(out.join("b.txt")).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
