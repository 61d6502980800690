//! Render: the [`Plan`](crate::plan::Plan) → files in memory, keyed by output
//! path. Each renderer is independent of the others; none touches the disk
//! ([`crate::write`] does).

pub mod embed;
pub mod feeds;
pub mod html;
pub mod ics;
pub mod json;
pub mod leaflet;
pub mod markdown;
pub mod meta;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::load::theme::Bytes;

/// Where a copied file's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk (absolute path).
    File(PathBuf),
    /// Bytes embedded in the binary.
    Embedded(&'static [u8]),
}

/// The whole output, in memory: rendered files and files to copy.
#[derive(Debug, Default)]
pub struct Output {
    /// Rendered files by path relative to the output folder (`/` separators).
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files copied as they are, by output path.
    pub copies: BTreeMap<String, Source>,
}

impl Output {
    /// Adds a rendered file.
    pub fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.files.insert(path.into(), bytes);
    }

    /// Adds a file to copy.
    pub fn copy(&mut self, path: impl Into<String>, source: Source) {
        self.copies.insert(path.into(), source);
    }

    /// Whether `path` is already taken.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path) || self.copies.contains_key(path)
    }
}

impl From<&Bytes> for Source {
    fn from(b: &Bytes) -> Self {
        match b {
            Bytes::Embedded(s) => Source::Embedded(s),
            Bytes::File(p) => Source::File(p.clone()),
        }
    }
}
