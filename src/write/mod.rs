//! Write: the only code that touches the output folder.
//!
//! A build is handed to a [`Writer`] file by file ([`Sink`]). The writer
//! compares each file with the output on disk and writes only what changed,
//! into a *standby* tree beside the output; when the render succeeded and
//! something changed, the standby and the output are exchanged in one system
//! call (`renameat2` with `RENAME_EXCHANGE`). So:
//!
//! - an unchanged rebuild touches nothing: same bytes, same inode, same
//!   modification time for every file of the output;
//! - a changed rebuild writes only the files whose bytes changed; every
//!   other file of the new output is a hard link to the same file of the old
//!   one (same inode, same time), so `rsync`, CDNs and `If-Modified-Since`
//!   see exactly what changed;
//! - at every instant the output path holds one complete build, the old or
//!   the new: the exchange is atomic, and a build killed at any moment leaves
//!   the output as it was;
//! - one build writes at a time: a lock on the output, held from before the
//!   previous output is read (its leaflets are reused) to after the exchange.
//!
//! Beside the output `NAME` lives loa's working folder `.NAME.loa/`: the lock
//! file, `standby/` — after an exchange, the previous build, kept to become
//! the next one (its files are hard links to the output's wherever they are
//! the same, so it costs little disk) — and `record.json`, the output's file
//! list and the files in which the standby differs from it, so that the next
//! build updates the standby where it must without walking either tree
//! (without a record, as after a killed build, it walks them) — and
//! `cache/`, what renderers keep of one build for the next, with the stamp
//! of the loa that wrote the state ([`stamp`]): work is reused from the
//! previous output only when it is this loa's. Nothing else is written or
//! removed outside the output folder. The folder can be deleted when no
//! build runs.
//!
//! Where the output cannot be exchanged (it is a mount point, or the
//! platform lacks `RENAME_EXCHANGE`), files are written in place, each one
//! atomically (a temporary file renamed over the old one), and a warning
//! says that a build killed midway may leave a mix. `loa serve` writes its
//! preview in place too.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::t;
use crate::paths::absolute;
use crate::render::meta::GENERATOR;
use crate::render::{Sink, Source};
use crate::urls::BUILD_JSON;

mod clean;
mod files;
mod lock;
mod record;
mod stamp;

use clean::{files_under, make_writable_up, prepare_standby, remove_empty_dirs, remove_file, remove_stale};
use files::{device, exchange, io_error, same_bytes, same_contents, same_inode, tmp_name};
use lock::{clean_leftovers, lock};
use record::{folders_state, Record, RECORD_VERSION};

/// The marker file of an output folder written by loa.
pub const MARKER: &str = BUILD_JSON;

/// Prefix of temporary files inside the tree being written.
pub(crate) const TMP_PREFIX: &str = ".loa-tmp-";

/// The working folder's subfolder for what renderers keep of one build for
/// the next, and the stamp of the loa that wrote it.
const CACHE: &str = "cache";

/// loa's working folder beside the output `NAME` in `parent`: `.NAME.loa`.
fn work_dir(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.loa"))
}

/// Whether the output folder `out` holds a build that this loa wrote, with
/// its stamp in the working folder beside it: one whose work may be reused
/// (`loa check` takes unchanged leaflets from `dist/`).
pub fn reusable(out: &Path) -> bool {
    let Ok(out) = absolute(out) else { return false };
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else { return false };
    is_loa_output(&out) && stamp::trusted(&work_dir(parent, &name.to_string_lossy()).join(CACHE))
}

/// Whether `dir` holds a `build.json` that loa wrote: one whose `generator`
/// is `loa` and that has `loa_output`, or — from loa before 0.2 — exactly the
/// six fields that version wrote. A hand-written file that merely mentions
/// `as_of` is not enough.
pub fn is_loa_output(dir: &Path) -> bool {
    let Ok(text) = fs::read_to_string(dir.join(MARKER)) else { return false };
    let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(&text) else { return false };
    let current = m.get("generator").and_then(|g| g.as_str()) == Some(GENERATOR) && m.get("loa_output").is_some_and(|v| v.is_u64()) && m.contains_key("as_of");
    let mut keys: Vec<&str> = m.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let first = keys == ["as_of", "drafts", "next_change", "pages", "timezone", "version"] && m.get("version").and_then(|v| v.as_u64()) == Some(1);
    current || first
}

/// Refuses output folders that would overwrite the site: the root itself, a
/// folder that holds `content/`, a parent of the root, a folder inside the
/// site's inputs, a file, or a folder that is not empty and not loa's.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let bad = |msg: Msg| Diagnostic::error(display_path(out), None, msg).with_hint(t!("out-own-folder-hint"));
    let root = absolute(root).map_err(|e| bad(t!("out-cannot-resolve-root", detail = &e)))?;
    let out = absolute(out).map_err(|e| bad(t!("out-cannot-resolve", detail = &e)))?;
    if out == root {
        return Err(bad(t!("out-is-root")));
    }
    if root.starts_with(&out) {
        return Err(bad(t!("out-contains-root")));
    }
    if out.join("content").exists() {
        return Err(bad(t!("out-looks-like-site")));
    }
    for input in ["content", "themes", "static", "site.yaml", "calendar.yaml", "localities.yaml"] {
        if out.starts_with(root.join(input)) {
            return Err(bad(t!("out-inside-input", input = input)));
        }
    }
    if out.exists() && !out.is_dir() {
        return Err(bad(t!("out-is-file")));
    }
    if out.is_dir() && !is_loa_output(&out) && fs::read_dir(&out).map(|mut d| d.next().is_some()).unwrap_or(false) {
        return Err(Diagnostic::error(display_path(&out), None, t!("out-not-loas"))
            .with_hint(t!("out-not-loas-hint")));
    }
    Ok(())
}

/// How a build may wait for another.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Fail at once when another build holds the output, instead of waiting.
    pub no_wait: bool,
}

/// How the writer puts files in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Into the standby, then exchanged with the output.
    Exchange,
    /// Into the output itself, file by file.
    InPlace,
}

/// What a finished write did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files in the output.
    pub files: usize,
    /// Files whose bytes changed (written, or removed because stale).
    pub changed: usize,
    /// Whether a new output replaced the old one (false: nothing changed).
    pub replaced: bool,
    /// Problems that did not stop the write (a leftover it could not remove).
    pub warnings: Diagnostics,
}

/// Puts a build's files into an output folder; see the module's text.
pub struct Writer {
    out: PathBuf,
    work: PathBuf,
    /// Where changed files are written: the standby, or the output.
    target: PathBuf,
    mode: Mode,
    /// Whether the output holds a previous build of loa's.
    live: bool,
    /// Whether that build and `cache/` are this loa's, to reuse work from.
    reuse: bool,
    /// The working folder's `cache/`, stamped when the output is in place
    /// (none for `loa serve`'s preview).
    state: Option<PathBuf>,
    _lock: Option<File>,
    /// Files the same as in the output whose standby copy may not be, to link
    /// into the standby if an exchange happens.
    same: Mutex<Vec<String>>,
    /// Files written into the standby.
    written: Mutex<Vec<String>>,
    changed: AtomicUsize,
    /// What the last build recorded of the output and the standby.
    record: Option<Record>,
    /// Whether the standby was empty when the build began: then every file
    /// in it is one this build wrote, and none is stale.
    fresh: bool,
    /// The folders this build made or found: looked up for every file
    /// written, by their bytes (a `BTreeSet<PathBuf>` compared them
    /// component by component, 2 % of a cold build's CPU).
    dirs: Mutex<FxHashSet<OsString>>,
    warnings: Mutex<Diagnostics>,
}






impl Writer {
    /// Opens the output folder `out` of the site at `root` for a build:
    /// refuses a dangerous folder, takes the lock (waiting for another build
    /// unless `no_wait`), removes what dead builds left, and prepares the
    /// standby.
    pub fn open(root: &Path, out: &Path, opts: &Options) -> Result<Writer, Diagnostic> {
        check_out_dir(root, out)?;
        let out = absolute(out).map_err(|e| io_error(t!("write-act-resolve-out"), out, e))?;
        let parent = out.parent().ok_or_else(|| Diagnostic::error(display_path(&out), None, t!("out-no-parent")))?.to_path_buf();
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "dist".into());
        fs::create_dir_all(&parent).map_err(|e| io_error(t!("write-act-create-folder"), &parent, e))?;
        let work = work_dir(&parent, &name);
        fs::create_dir_all(&work).map_err(|e| io_error(t!("write-act-create-work"), &work, e))?;
        let lock = lock(&work, &out, opts)?;
        let mut warnings = Diagnostics::new();
        clean_leftovers(&parent, &name, &work, &mut warnings);
        let live = out.is_dir() && is_loa_output(&out);
        let state = work.join(CACHE);
        let reuse = live && stamp::trusted(&state);
        if !reuse {
            stamp::forget(&state);
        }
        // A mount point cannot be exchanged: write in place.
        let mount = out.is_dir() && device(&out) != device(&parent);
        let mode = if mount { Mode::InPlace } else { Mode::Exchange };
        if mount {
            warnings.push(
                Diagnostic::warning(display_path(&out), None, t!("out-mount-point"))
                    .with_hint(t!("out-mount-point-hint")),
            );
        }
        let standby = work.join("standby");
        let (target, fresh) = if mode == Mode::Exchange {
            let fresh = prepare_standby(&standby)?;
            (standby, fresh)
        } else {
            (out.clone(), false)
        };
        // The record, if both trees are still as it saw them.
        let record = if mode == Mode::Exchange && live && target.is_dir() {
            Record::take(&work).filter(|r| !r.folders.is_empty() && r.folders == folders_state(&out, &target, &r.paths, &r.touched))
        } else {
            None
        };
        Ok(Writer {
            out,
            work,
            target,
            mode,
            live,
            reuse,
            state: Some(state),
            _lock: Some(lock),
            same: Mutex::new(Vec::new()),
            written: Mutex::new(Vec::new()),
            changed: AtomicUsize::new(0),
            record,
            fresh,
            dirs: Mutex::new(FxHashSet::default()),
            warnings: Mutex::new(warnings),
        })
    }

    /// A writer that updates the folder `out` in place (`loa serve`'s
    /// preview, which only loa reads): changed files are written atomically,
    /// unchanged ones are not touched.
    pub fn in_place(out: &Path) -> Result<Writer, Diagnostic> {
        fs::create_dir_all(out).map_err(|e| io_error(t!("write-act-create-folder"), out, e))?;
        Ok(Writer {
            out: out.to_path_buf(),
            work: out.to_path_buf(),
            target: out.to_path_buf(),
            mode: Mode::InPlace,
            live: true,
            reuse: true,
            state: None,
            _lock: None,
            same: Mutex::new(Vec::new()),
            written: Mutex::new(Vec::new()),
            changed: AtomicUsize::new(0),
            record: None,
            fresh: false,
            dirs: Mutex::new(FxHashSet::default()),
            warnings: Mutex::new(Diagnostics::new()),
        })
    }

    /// The previous output, when this loa wrote it (see [`stamp`]): where
    /// unchanged leaflets, pictures and the search index are taken from.
    pub fn previous(&self) -> Option<&Path> {
        (self.live && self.reuse).then_some(self.out.as_path())
    }

    /// A folder outside the output for what renderers keep of one build
    /// for the next (`.dist.loa/cache/`), when the output is exchanged
    /// rather than written in place.
    pub fn cache(&self) -> Option<PathBuf> {
        (self.mode == Mode::Exchange).then(|| self.work.join(CACHE))
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    fn ensure_dir(&self, dir: &Path) -> Result<(), Diagnostic> {
        if self.dirs.lock().unwrap_or_else(|e| e.into_inner()).contains(dir.as_os_str()) {
            return Ok(());
        }
        // Made here, its parent there already (most folders of a cold
        // build): nothing more to check.
        if fs::create_dir(dir).is_ok() {
            self.dirs.lock().unwrap_or_else(|e| e.into_inner()).insert(dir.as_os_str().to_owned());
            return Ok(());
        }
        if fs::create_dir_all(dir).is_err() {
            // A file of an older build where this build has a folder: in the
            // tree being written, it goes.
            let mut p = dir.to_path_buf();
            while p.starts_with(&self.target) && p != self.target {
                if fs::symlink_metadata(&p).is_ok_and(|m| !m.is_dir()) {
                    let _ = fs::remove_file(&p);
                    break;
                }
                if !p.pop() {
                    break;
                }
            }
        }
        if let Err(e) = fs::create_dir_all(dir) {
            // A folder of the old output made read-only: the standby is loa's
            // own, it may be made writable again.
            if e.kind() != io::ErrorKind::PermissionDenied || self.mode != Mode::Exchange || make_writable_up(&self.target, dir).is_err() {
                return Err(io_error(t!("write-act-create-folder"), dir, e));
            }
            fs::create_dir_all(dir).map_err(|e| io_error(t!("write-act-create-folder"), dir, e))?;
        }
        if self.mode == Mode::Exchange && fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
            let _ = make_writable_up(&self.target, dir);
        }
        self.dirs.lock().unwrap_or_else(|e| e.into_inner()).insert(dir.as_os_str().to_owned());
        Ok(())
    }

    /// Renames `tmp` over `dest`; a folder of an older build at `dest` goes.
    fn replace(&self, tmp: &Path, dest: &Path) -> io::Result<()> {
        if fs::symlink_metadata(dest).is_ok_and(|m| m.is_dir()) && dest.starts_with(&self.target) && dest != self.target {
            fs::remove_dir_all(dest)?;
        }
        fs::rename(tmp, dest)
    }

    /// Writes `bytes` (or the file `from`'s) to `dest` when nothing is
    /// there yet — most files of a cold build, whose standby starts empty:
    /// the file is created in its place (no temporary file, no rename), as
    /// the standby is nobody's output until the exchange. `None` when
    /// something is there (it may be a hard link to the output's own file,
    /// which must not be written through) or the file could not be created:
    /// the caller then writes through a temporary file.
    fn create_new(&self, dest: &Path, bytes: Option<&[u8]>, from: Option<&Path>) -> Option<Result<(), Diagnostic>> {
        if let Err(e) = self.ensure_dir(dest.parent().unwrap_or(&self.target)) {
            return Some(Err(e));
        }
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(dest).ok()?;
        let written = |r: io::Result<()>| r.map_err(|e| io_error(t!("write-act-write"), dest, e));
        let wrote = match (bytes, from) {
            (Some(b), _) => written(file.write_all(b)),
            (None, Some(f)) => File::open(f).map_err(|e| io_error(t!("write-act-read"), f, e)).and_then(|mut src| written(io::copy(&mut src, &mut file).map(|_| ()))),
            (None, None) => Ok(()),
        };
        if wrote.is_err() {
            drop(file);
            let _ = fs::remove_file(dest);
        }
        Some(wrote)
    }

    /// Writes `bytes` to `dest` through a temporary file renamed over it.
    fn write_file(&self, dest: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let dir = dest.parent().unwrap_or(&self.target);
        self.ensure_dir(dir)?;
        let tmp = dir.join(tmp_name());
        fs::write(&tmp, bytes).and_then(|_| self.replace(&tmp, dest)).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            io_error(t!("write-act-write"), dest, e)
        })
    }

    /// Copies `from` to `dest` through a temporary file renamed over it.
    fn copy_file(&self, from: &Path, dest: &Path) -> Result<(), Diagnostic> {
        let dir = dest.parent().unwrap_or(&self.target);
        self.ensure_dir(dir)?;
        let tmp = dir.join(tmp_name());
        let mut src = File::open(from).map_err(|e| io_error(t!("write-act-read"), from, e))?;
        let copied = File::create(&tmp).and_then(|mut t| io::copy(&mut src, &mut t)).and_then(|_| self.replace(&tmp, dest));
        copied.map_err(|e| {
            let _ = fs::remove_file(&tmp);
            io_error(t!("write-act-write"), dest, e)
        })
    }

    /// Makes `dest` (in the standby) the same file as `live`: a hard link.
    fn link(&self, live: &Path, dest: &Path) -> Result<(), Diagnostic> {
        if let (Ok(a), Ok(b)) = (fs::metadata(live), fs::symlink_metadata(dest))
            && same_inode(&a, &b)
        {
            return Ok(());
        }
        let dir = dest.parent().unwrap_or(&self.target);
        self.ensure_dir(dir)?;
        let tmp = dir.join(tmp_name());
        match fs::hard_link(live, &tmp).and_then(|_| self.replace(&tmp, dest)) {
            Ok(()) => Ok(()),
            Err(_) => {
                // No hard links here (a file system without them): a copy.
                let _ = fs::remove_file(&tmp);
                self.copy_file(live, dest)
            }
        }
    }

    /// A file of the new build whose bytes are `bytes`, or those of `from`.
    fn put(&self, path: &str, bytes: Option<&[u8]>, from: Option<&Path>) -> Result<(), Diagnostic> {
        let live = self.out.join(path);
        let dest = self.target.join(path);
        let unchanged = self.live
            && match (bytes, from) {
                (Some(b), _) => same_bytes(&live, b),
                (None, Some(f)) => f == live || same_contents(f, &live).map_err(|e| io_error(t!("write-act-read"), f, e))?,
                (None, None) => false,
            };
        if unchanged {
            // The standby's copy is the output's own file, unless the last
            // build touched it (or there is no record to say).
            if self.mode == Mode::Exchange && self.record.as_ref().is_none_or(|r| r.touched.contains(path)) {
                self.same.lock().unwrap_or_else(|e| e.into_inner()).push(path.to_owned());
            }
            return Ok(());
        }
        self.changed.fetch_add(1, Ordering::Relaxed);
        self.written.lock().unwrap_or_else(|e| e.into_inner()).push(path.to_owned());
        if self.mode == Mode::Exchange
            && let Some(done) = self.create_new(&dest, bytes, from)
        {
            return done;
        }
        match (bytes, from) {
            (Some(b), _) => {
                if self.mode == Mode::Exchange && same_bytes(&dest, b) && !fs::metadata(&live).ok().zip(fs::metadata(&dest).ok()).is_some_and(|(l, d)| same_inode(&l, &d)) {
                    return Ok(());
                }
                self.write_file(&dest, b)
            }
            (None, Some(f)) => {
                if self.mode == Mode::Exchange && same_contents(f, &dest).unwrap_or(false) && !fs::metadata(&live).ok().zip(fs::metadata(&dest).ok()).is_some_and(|(l, d)| same_inode(&l, &d)) {
                    return Ok(());
                }
                self.copy_file(f, &dest)
            }
            (None, None) => Ok(()),
        }
    }

    /// Ends a build that rendered only some files (`loa serve` after a
    /// page's text changed): what it wrote is in place, nothing else is
    /// touched.
    pub fn finish_partial(self) -> Written {
        Written { files: 0, changed: self.changed.load(Ordering::Relaxed), replaced: false, warnings: self.warnings.into_inner().unwrap_or_else(|e| e.into_inner()) }
    }

    /// Ends the build: links the unchanged files into the standby, removes
    /// what the build did not make, and puts the new output in place (or
    /// leaves everything as it is when nothing changed), then stamps the
    /// state as this loa's. `paths` are every file of the build.
    pub fn finish(self, paths: &BTreeSet<String>) -> Result<Written, Diagnostic> {
        let state = self.state.clone();
        let written = self.put_in_place(paths)?;
        if let Some(state) = &state {
            stamp::save(state);
        }
        Ok(written)
    }

    /// [`Writer::finish`] but the stamp.
    fn put_in_place(self, paths: &BTreeSet<String>) -> Result<Written, Diagnostic> {
        // Files of the output the build did not make: from the record, or by
        // walking the output.
        let stale_live: Vec<String> = if !self.live {
            Vec::new()
        } else if let Some(r) = &self.record {
            r.paths.iter().filter(|p| !paths.contains(*p)).cloned().collect()
        } else {
            files_under(&self.out).into_iter().filter(|p| !paths.contains(p)).collect()
        };
        let changed = self.changed.load(Ordering::Relaxed) + stale_live.len();
        let warnings = self.warnings.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut written = Written { files: paths.len(), changed, replaced: false, warnings };
        if changed == 0 && self.live {
            // Nothing changed: the output stays, and so does the record.
            if let Some(r) = &self.record {
                r.save(&self.work)?;
            }
            return Ok(written);
        }
        match self.mode {
            Mode::InPlace => {
                written.changed += remove_stale(&self.target, paths).map_err(|(p, e)| io_error(t!("write-act-remove"), &p, e))?;
                written.replaced = true;
            }
            Mode::Exchange => {
                let same = self.same.into_inner().unwrap_or_else(|e| e.into_inner());
                let wrote = self.written.into_inner().unwrap_or_else(|e| e.into_inner());
                let record = self.record;
                let this = Writer {
                    same: Mutex::new(Vec::new()),
                    written: Mutex::new(Vec::new()),
                    warnings: Mutex::new(Diagnostics::new()),
                    record: None,
                    ..self
                };
                same.par_iter().try_for_each(|p| this.link(&this.out.join(p), &this.target.join(p)))?;
                match &record {
                    // The standby holds the record's files and the touched ones.
                    Some(r) => {
                        for p in r.paths.iter().chain(&r.touched).filter(|p| !paths.contains(*p)) {
                            let f = this.target.join(p);
                            // A file of the last builds where this one made a
                            // folder (`d`, then `d/e.html`): the folder stays.
                            if fs::symlink_metadata(&f).is_ok_and(|m| m.is_dir()) {
                                continue;
                            }
                            remove_file(&this.target, &f).map_err(|e| io_error(t!("write-act-remove"), &f, e))?;
                            if let Some(dir) = f.parent() {
                                remove_empty_dirs(&this.target, dir);
                            }
                        }
                    }
                    // Nothing stale in a standby this build began empty.
                    None if this.fresh => {}
                    None => {
                        remove_stale(&this.target, paths).map_err(|(p, e)| io_error(t!("write-act-remove"), &p, e))?;
                    }
                }
                this.swap()?;
                // The new standby (the old output) differs from the new output
                // where this build wrote or removed a file.
                let touched: BTreeSet<String> = wrote.into_iter().chain(stale_live).collect();
                let folders = folders_state(&this.out, &this.target, paths, &touched);
                Record { version: RECORD_VERSION, paths: paths.clone(), touched, folders }.save(&this.work)?;
                written.replaced = true;
            }
        }
        Ok(written)
    }

    /// Puts the standby in the output's place, atomically.
    fn swap(&self) -> Result<(), Diagnostic> {
        let (standby, out) = (&self.target, &self.out);
        if !out.exists() {
            return fs::rename(standby, out).map_err(|e| io_error(t!("write-act-move-in"), out, e));
        }
        if exchange(standby, out).map_err(|e| io_error(t!("write-act-exchange"), out, e))? {
            return Ok(());
        }
        // No atomic exchange here: two renames, with a moment between them
        // in which the output path is missing.
        let aside = self.work.join(format!("old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&aside);
        fs::rename(out, &aside).map_err(|e| io_error(t!("write-act-move-aside"), out, e))?;
        if let Err(e) = fs::rename(standby, out) {
            let _ = fs::rename(&aside, out);
            return Err(io_error(t!("write-act-move-in"), out, e));
        }
        fs::rename(&aside, standby).map_err(|e| io_error(t!("write-act-keep-previous"), &aside, e))
    }
}

impl Sink for Writer {
    fn file(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put(path, Some(bytes), None)
    }

    fn copy(&self, path: &str, source: &Source) -> Result<(), Diagnostic> {
        match source {
            Source::File(from) => self.put(path, None, Some(from)),
            Source::Embedded(bytes) => self.put(path, Some(bytes), None),
        }
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        // A file the same as the output's was not written: it is the output's.
        let written = self.mode != Mode::Exchange || self.written.lock().unwrap_or_else(|e| e.into_inner()).iter().any(|w| w == path);
        fs::read(if written { self.target.join(path) } else { self.out.join(path) }).ok()
    }
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
        fs::write(foreign.join(MARKER), "{\"as_of\": \"2027-06-10\", \"next_change\": null}").unwrap();
        assert!(check_out_dir(&root, &foreign).is_err(), "a hand-written build.json is not loa's marker");
    }

    /// Every file under `dir`, as (path relative to it, bytes).
    fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
        files_under(dir).into_iter().map(|p| { let bytes = fs::read(dir.join(&p)).unwrap(); (p, bytes) }).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, .. proptest::prelude::ProptestConfig::default() })]

        /// Builds in a row, each with files added, changed, kept or gone (a
        /// folder where a file was, and back), some after the working
        /// folder was lost or with a killed build's leftovers in the
        /// standby: each output holds exactly its build's files, and no
        /// build writes through to a file of the output it replaces (a
        /// reader holding one open reads the old bytes to the end).
        #[test]
        fn each_output_is_its_build_and_the_old_one_is_never_written_through(
            builds in proptest::collection::vec(proptest::collection::btree_map(0usize..6, 0u8..3, 0..6), 1..5),
            lose_work in proptest::collection::vec(proptest::prelude::any::<bool>(), 5),
            leftovers in proptest::collection::vec(proptest::prelude::any::<bool>(), 5),
        ) {
            use std::io::{Read, Seek};
            const PATHS: [&str; 6] = ["index.html", "a/index.html", "a/b/index.html", "d", "d/e.html", "f/g/h.json"];
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("site");
            fs::create_dir_all(root.join("content")).unwrap();
            let out = root.join("dist");
            let work = work_dir(&root, "dist");
            for (i, files) in builds.iter().enumerate() {
                // A file and a folder of one name cannot be in one build.
                let mut files: std::collections::BTreeMap<String, Vec<u8>> = files.iter().map(|(&p, &v)| (PATHS[p].to_owned(), format!("{} {v}", PATHS[p]).into_bytes())).collect();
                if files.contains_key("d") && files.contains_key("d/e.html") {
                    files.remove("d");
                }
                files.insert(MARKER.to_owned(), format!("{{\"generator\": \"loa\", \"loa_output\": 1, \"as_of\": \"2027-06-{:02}\"}}", i + 1).into_bytes());
                if lose_work[i] {
                    let _ = fs::remove_dir_all(&work);
                }
                if leftovers[i] && work.join("standby").is_dir() {
                    fs::write(work.join("standby/left-over.html"), "a killed build's file").unwrap();
                }
                let mut open: Vec<(String, Vec<u8>, File)> = tree(&out).into_iter().map(|(p, b)| { let f = File::open(out.join(&p)).unwrap(); (p, b, f) }).collect();
                let writer = Writer::open(&root, &out, &Options { no_wait: false }).unwrap();
                for (p, b) in &files {
                    writer.file(p, b).unwrap();
                }
                writer.finish(&files.keys().cloned().collect()).unwrap();
                proptest::prop_assert_eq!(&tree(&out), &files, "build {}", i);
                for (p, before, f) in &mut open {
                    let mut now = Vec::new();
                    f.rewind().unwrap();
                    f.read_to_end(&mut now).unwrap();
                    proptest::prop_assert_eq!(&now, before, "{} of the old output was written through in build {}", p, i);
                }
            }
        }
    }

    #[test]
    fn the_marker_is_exact() {
        let dir = tempfile::tempdir().unwrap();
        let m = |text: &str| {
            fs::write(dir.path().join(MARKER), text).unwrap();
            is_loa_output(dir.path())
        };
        assert!(m(r#"{"generator": "loa", "loa_output": 1, "as_of": "2027-06-10"}"#));
        assert!(m(r#"{"version": 1, "as_of": "2027-06-10", "next_change": null, "timezone": "Asia/Ho_Chi_Minh", "drafts": false, "pages": 3}"#));
        assert!(!m(r#"{"as_of": "2027-06-10"}"#));
        assert!(!m(r#"{"as_of": 1, "next_change": 2}"#));
        assert!(!m(r#"{"generator": "hugo", "loa_output": 1, "as_of": "x"}"#));
        assert!(!m("as_of next_change"));
    }
}
