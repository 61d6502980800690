//! `img/manifest.json`: what each picture key made (paths, sizes, a hash of
//! each file's bytes), so the next build into the same folder reuses it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::MANIFEST;
use crate::render::pictures::{process, Picture, Variant};

/// Bumped whenever the manifest's shape changes.
const FORMAT: u32 = 1;

/// One published file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its output path.
    pub path: String,
    /// A hash of its bytes: a file there with other bytes is not reused.
    pub hash: String,
    /// Width and height in pixels, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<(u32, u32)>,
}

impl FileEntry {
    /// The entry of `bytes` published at `path`.
    pub fn of(path: &str, bytes: &[u8], size: Option<(u32, u32)>) -> FileEntry {
        FileEntry { path: path.to_owned(), hash: hash(bytes), size }
    }
}

/// One resized copy, in two formats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantEntry {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The WebP file.
    pub webp: FileEntry,
    /// The JPEG or PNG file.
    pub fallback: FileEntry,
}

/// What one picture key made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureEntry {
    /// The key.
    pub key: String,
    /// The full-size copy.
    pub full: FileEntry,
    /// The resized copies, narrowest first.
    pub variants: Vec<VariantEntry>,
}

impl PictureEntry {
    /// The entry as published at `output` this time (the same bytes may have
    /// been linked elsewhere before).
    pub fn placed_at(mut self, output: &str) -> PictureEntry {
        output.clone_into(&mut self.full.path);
        self
    }

    /// The picture as the pages show it.
    pub fn picture(&self, output: &str) -> Picture {
        Picture {
            path: output.to_owned(),
            size: self.full.size,
            variants: self
                .variants
                .iter()
                .map(|v| Variant { width: v.width, height: v.height, webp: v.webp.path.clone(), fallback: v.fallback.path.clone() })
                .collect(),
            key: self.key.clone(),
        }
    }

    fn files(&self) -> impl Iterator<Item = &FileEntry> {
        std::iter::once(&self.full).chain(self.variants.iter().flat_map(|v| [&v.webp, &v.fallback]))
    }
}

/// The manifest of one output folder.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// Pictures by key.
    pub pictures: BTreeMap<String, PictureEntry>,
    /// Share cards by key.
    pub cards: BTreeMap<String, FileEntry>,
    #[serde(skip)]
    dir: PathBuf,
}

/// The hash a manifest keeps of a file's bytes.
pub fn hash(bytes: &[u8]) -> String {
    crate::hash::hex(&bytes)
}

/// The key of a picture: its bytes, the widths it is made at, and how loa
/// makes pictures.
pub fn key(bytes: &[u8], widths: &[u32], svg: bool) -> String {
    crate::hash::hex(&(FORMAT, process::SETTINGS, svg, widths, bytes))
}

impl Manifest {
    /// Reads the manifest of the output folder `dir`, if it has one.
    pub fn open(dir: &Path) -> Option<Manifest> {
        let mut m: Manifest = serde_json::from_slice(&std::fs::read(dir.join(MANIFEST)).ok()?).ok()?;
        if m.format != FORMAT {
            return None;
        }
        m.dir = dir.to_path_buf();
        Some(m)
    }

    /// Whether the file is in the previous output with the bytes listed.
    fn intact(&self, f: &FileEntry) -> bool {
        std::fs::read(self.dir.join(&f.path)).is_ok_and(|b| hash(&b) == f.hash)
    }

    /// The picture with this key, if every one of its files is intact.
    pub fn reusable(&self, key: &str) -> Option<PictureEntry> {
        let e = self.pictures.get(key)?;
        e.files().all(|f| self.intact(f)).then(|| e.clone())
    }

    /// The card with this key, if its file is intact.
    pub fn reusable_card(&self, key: &str) -> Option<FileEntry> {
        let e = self.cards.get(key)?;
        self.intact(e).then(|| e.clone())
    }

    /// The previous output folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether it lists nothing.
    pub fn is_empty(&self) -> bool {
        self.pictures.is_empty() && self.cards.is_empty()
    }

    /// The manifest as written into the output.
    pub fn to_json(&self) -> Vec<u8> {
        let mut m = serde_json::to_value(self).unwrap_or_default();
        m["format"] = FORMAT.into();
        let mut json = serde_json::to_vec_pretty(&m).unwrap_or_default();
        json.push(b'\n');
        json
    }
}
