//! The output of a render, in memory: rendered files and files to copy, by
//! output path. Two renderers that would write the same path are a mistake
//! (a name that collides with a generated one): the collision is recorded and
//! reported, never resolved by keeping the last.

use std::collections::BTreeMap;
use std::path::PathBuf;

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

/// The whole output, in memory: rendered files and files to copy.
#[derive(Debug, Default)]
pub struct Output {
    /// Rendered files by path relative to the output folder (`/` separators).
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files copied as they are, by output path.
    pub copies: BTreeMap<String, Source>,
    /// Paths that two outputs claimed.
    collisions: Vec<String>,
}

impl Output {
    /// Adds a rendered file.
    pub fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        let path = path.into();
        if self.contains(&path) {
            self.collisions.push(path.clone());
        }
        self.files.insert(path, bytes);
    }

    /// Adds a file to copy.
    pub fn copy(&mut self, path: impl Into<String>, source: Source) {
        let path = path.into();
        if self.contains(&path) {
            self.collisions.push(path.clone());
        }
        self.copies.insert(path, source);
    }

    /// Whether `path` is already taken.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path) || self.copies.contains_key(path)
    }

    /// The number of files.
    pub fn len(&self) -> usize {
        self.files.len() + self.copies.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// An error for every path two outputs claimed.
    pub fn collisions(&self) -> Diagnostics {
        let mut d = Diagnostics::new();
        for p in &self.collisions {
            d.push(
                Diagnostic::error(p, None, format!("two outputs would be written to `{p}`; only one can be"))
                    .with_hint("a page, campaign or file has a name that loa also gives to a generated file: rename it"),
            );
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_claimed_twice_is_reported() {
        let mut o = Output::default();
        o.add("a/index.html", b"1".to_vec());
        o.copy("b.png", Source::Embedded(b"x"));
        assert!(o.collisions().is_empty());
        o.add("b.png", b"2".to_vec());
        o.copy("a/index.html", Source::Embedded(b"y"));
        let c = o.collisions();
        assert_eq!(c.0.len(), 2);
        assert!(c.has_errors());
        assert!(c.0[0].message.contains("b.png"));
    }
}
