//! The output of a render: rendered files and files to copy, by output path.
//!
//! Renderers add files from many threads at once. An output either keeps
//! them in memory (for `loa check`, the tests, and sites small enough) or
//! hands each to a [`Sink`] as soon as it is made — the writer of
//! [`crate::write`], which compares it with what is on disk and writes only
//! what changed — so that a site of tens of thousands of pages never sits in
//! memory at once. Two renderers that would write the same path are a
//! mistake (a name that collides with a generated one): the collision is
//! reported, never resolved by keeping the last.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Mutex;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::theme::Bytes;

/// Where a copied file's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk (absolute path).
    File(PathBuf),
    /// Bytes embedded in the binary.
    Embedded(&'static [u8]),
}

impl From<&Bytes> for Source {
    fn from(b: &Bytes) -> Self {
        match b {
            Bytes::Embedded(s) => Source::Embedded(s),
            Bytes::File(p) => Source::File(p.clone()),
        }
    }
}

/// Where files go as they are made.
pub trait Sink: Sync {
    /// Takes a rendered file.
    fn file(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic>;
    /// Takes a file to copy.
    fn copy(&self, path: &str, source: &Source) -> Result<(), Diagnostic>;
    /// The bytes of a file it took in this render, read back (`None` if it
    /// took no such file, or cannot read it).
    fn read(&self, path: &str) -> Option<Vec<u8>>;
}

#[derive(Default)]
struct State {
    files: BTreeMap<String, Vec<u8>>,
    copies: BTreeMap<String, Source>,
    /// Every path taken (with a sink, the files themselves are not kept).
    paths: BTreeSet<String>,
    collisions: Vec<String>,
    failures: Vec<Diagnostic>,
}

/// The output of a render.
#[derive(Default)]
pub struct Output<'s> {
    sink: Option<&'s dyn Sink>,
    state: Mutex<State>,
}

impl std::fmt::Debug for Output<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output").field("files", &self.len()).field("sink", &self.sink.is_some()).finish()
    }
}

impl<'s> Output<'s> {
    /// An output kept in memory.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// An output handed to `sink` file by file.
    pub fn to(sink: &'s dyn Sink) -> Self {
        Output { sink: Some(sink), state: Mutex::default() }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Claims `path`; `false` (and a collision noted) when it is taken.
    fn claim(&self, path: &str) -> bool {
        let mut st = self.state();
        if st.paths.insert(path.to_owned()) {
            true
        } else {
            st.collisions.push(path.to_owned());
            false
        }
    }

    /// Adds a rendered file.
    pub fn add(&self, path: impl Into<String>, bytes: Vec<u8>) {
        let path = path.into();
        if !self.claim(&path) {
            return;
        }
        match self.sink {
            Some(sink) => {
                if let Err(d) = sink.file(&path, &bytes) {
                    self.state().failures.push(d);
                }
            }
            None => {
                self.state().files.insert(path, bytes);
            }
        }
    }

    /// Adds a file to copy.
    pub fn copy(&self, path: impl Into<String>, source: Source) {
        let path = path.into();
        if !self.claim(&path) {
            return;
        }
        match self.sink {
            Some(sink) => {
                if let Err(d) = sink.copy(&path, &source) {
                    self.state().failures.push(d);
                }
            }
            None => {
                self.state().copies.insert(path, source);
            }
        }
    }

    /// The bytes of a file added or copied in this render, read back from
    /// wherever they went (memory, the copied file, or the sink), so that a
    /// renderer can make a file of other files (a ZIP of leaflets) without
    /// keeping them all in memory. `None` if no such file was added.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        if !self.contains(path) {
            return None;
        }
        if let Some(sink) = self.sink {
            return sink.read(path);
        }
        let source = {
            let st = self.state();
            if let Some(b) = st.files.get(path) {
                return Some(b.clone());
            }
            st.copies.get(path).cloned()?
        };
        match source {
            Source::File(p) => std::fs::read(p).ok(),
            Source::Embedded(b) => Some(b.to_vec()),
        }
    }

    /// Whether `path` is already taken.
    pub fn contains(&self, path: &str) -> bool {
        self.state().paths.contains(path)
    }

    /// The number of files.
    pub fn len(&self) -> usize {
        self.state().paths.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every path taken, sorted.
    pub fn paths(&self) -> BTreeSet<String> {
        self.state().paths.clone()
    }

    /// What went wrong: every path two outputs claimed, and every file the
    /// sink could not take.
    pub fn problems(&self) -> Diagnostics {
        let st = self.state();
        let mut d = Diagnostics::new();
        for p in &st.collisions {
            d.push(
                Diagnostic::error(p, None, crate::t!("output-collision", path = p.as_str()))
                    .with_hint(crate::t!("output-collision-hint")),
            );
        }
        d.extend(st.failures.iter().cloned());
        d
    }

    /// The files kept in memory: rendered ones and ones to copy.
    pub fn into_memory(self) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, Source>) {
        let st = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        (st.files, st.copies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_claimed_twice_is_reported() {
        let o = Output::in_memory();
        o.add("a/index.html", b"1".to_vec());
        o.copy("b.png", Source::Embedded(b"x"));
        assert!(o.problems().is_empty());
        o.add("b.png", b"2".to_vec());
        o.copy("a/index.html", Source::Embedded(b"y"));
        let c = o.problems();
        assert_eq!(c.0.len(), 2);
        assert!(c.has_errors());
        assert!(c.0[0].message().contains("b.png"));
        assert_eq!(o.read("a/index.html").as_deref(), Some(&b"1"[..]));
        assert_eq!(o.read("b.png").as_deref(), Some(&b"x"[..]), "a copy is read from its source");
        let (files, copies) = o.into_memory();
        assert_eq!(files["a/index.html"], b"1", "the first one stays");
        assert!(matches!(copies["b.png"], Source::Embedded(b"x")));
    }

    #[test]
    fn a_sink_gets_each_file_and_its_failures_are_reported() {
        struct Count(Mutex<Vec<String>>);
        impl Sink for Count {
            fn file(&self, path: &str, _: &[u8]) -> Result<(), Diagnostic> {
                if path == "bad" {
                    return Err(Diagnostic::error(path, None, crate::t!("write-cannot", action = crate::t!("write-act-write"), detail = crate::t!("io-storage-full"))));
                }
                self.0.lock().unwrap().push(path.to_owned());
                Ok(())
            }
            fn copy(&self, path: &str, _: &Source) -> Result<(), Diagnostic> {
                self.0.lock().unwrap().push(path.to_owned());
                Ok(())
            }
            fn read(&self, path: &str) -> Option<Vec<u8>> {
                self.0.lock().unwrap().contains(&path.to_owned()).then(|| path.as_bytes().to_vec())
            }
        }
        let sink = Count(Mutex::new(Vec::new()));
        let o = Output::to(&sink);
        o.add("x", b"1".to_vec());
        o.copy("y", Source::Embedded(b""));
        o.add("bad", Vec::new());
        assert_eq!(o.len(), 3);
        assert_eq!(o.read("x").as_deref(), Some(&b"x"[..]), "read back from the sink");
        assert_eq!(o.read("nope"), None);
        assert_eq!(o.problems().0.len(), 1);
        let (files, _) = o.into_memory();
        assert!(files.is_empty(), "nothing kept in memory");
        assert_eq!(sink.0.into_inner().unwrap(), ["x", "y"]);
    }
}
