//! Reusing unchanged leaflets: every output lists its leaflets in
//! `leaflets/manifest.json`, keyed by a hash of everything that goes into
//! each ([`key`]). The next build into the same folder takes every leaflet
//! whose key is listed from the previous output instead of typesetting it.
//! The cache is the output itself: nothing is written outside it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::typeset::{Job, Made};
use crate::render::typst::{data_json, Shared};
use crate::urls::LEAFLET_MANIFEST;

/// Bumped whenever the way a leaflet is made changes, so old entries are not
/// reused.
const CACHE_FORMAT: u32 = 3;

/// One leaflet in `leaflets/manifest.json`.
#[derive(Serialize, Deserialize)]
pub struct Entry {
    /// The PDF's path in the output.
    pub pdf: String,
    /// The thumbnail's path in the output, for generic (not locality) leaflets.
    pub png: Option<String>,
    /// Number of pages.
    pub pages: usize,
    /// Whether a tri-fold fits on its two sides.
    pub fits: bool,
    /// Why it is not PDF/UA-1, if it is not.
    pub not_ua: Option<String>,
    /// A hash of the PDF's bytes: a file at `pdf` with other bytes is not
    /// this leaflet, and is typeset again.
    pub hash: String,
    /// A booklet's copy imposed for printing: its path and a hash of its bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imposed: Option<(String, String)>,
    /// A tri-fold's least filled inside panel, in percent, when under half.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sparse: Option<u32>,
    /// The copy for print shops: its path and a hash of its bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop: Option<(String, String)>,
}


/// Where a finished leaflet's bytes are.
pub enum Stored {
    /// Just typeset.
    Memory(Vec<u8>),
    /// In the previous output.
    Cached(PathBuf),
    /// Already handed to the output.
    Put,
}

/// A finished leaflet, typeset now or taken from the previous output.
pub struct Done {
    /// The PDF.
    pub pdf: Stored,
    /// Its size in bytes.
    pub pdf_len: u64,
    /// Page 1 as PNG, for generic leaflets.
    pub png: Option<Stored>,
    /// The PNG's width and height in pixels.
    pub thumb_size: Option<(u32, u32)>,
    /// Number of pages.
    pub pages: usize,
    /// Whether a tri-fold fits on its two sides.
    pub fits: bool,
    /// Why it is not PDF/UA-1, if it is not.
    pub not_ua: Option<String>,
    /// Whether it was typeset in this build.
    pub typeset: bool,
    /// The hash of the PDF's bytes.
    pub hash: String,
    /// A booklet's copy imposed for printing, its size and the hash of its bytes.
    pub imposed: Option<(Stored, u64, String)>,
    /// A tri-fold's least filled inside panel, in percent, when under half.
    pub sparse: Option<u32>,
    /// The copy for print shops, its size and the hash of its bytes.
    pub shop: Option<(Stored, u64, String)>,
}

/// A file made beside a leaflet, as it is kept: its bytes, size and hash.
fn companion(bytes: Vec<u8>) -> (Stored, u64, String) {
    let (len, hash) = (bytes.len() as u64, crate::hash::hex(&bytes));
    (Stored::Memory(bytes), len, hash)
}

/// A file made beside a leaflet, from the previous output, if it is there
/// with the bytes its hash says.
fn cached_companion(dir: &Path, (path, hash): &(String, String)) -> Option<(Stored, u64, String)> {
    let file = dir.join(path);
    let bytes = std::fs::read(&file).ok().filter(|b| crate::hash::hex(b) == *hash)?;
    Some((Stored::Cached(file), bytes.len() as u64, hash.clone()))
}

impl Done {
    /// A leaflet typeset in this build.
    pub fn made(made: Made) -> Done {
        let thumb_size = made.png.as_deref().and_then(png_size);
        Done {
            imposed: made.imposed.map(companion),
            shop: made.shop.map(companion),
            sparse: made.sparse,
            hash: crate::hash::hex(&made.pdf),
            pdf_len: made.pdf.len() as u64,
            pdf: Stored::Memory(made.pdf),
            png: made.png.map(Stored::Memory),
            thumb_size,
            pages: made.pages,
            fits: made.fits,
            not_ua: made.not_ua,
            typeset: true,
        }
    }

    /// Its manifest entry, for the job it finished.
    pub fn entry(&self, job: &Job<'_>) -> Entry {
        Entry {
            pdf: format!("{}.pdf", job.stem),
            png: (job.locality.is_none() && self.png.is_some()).then(|| format!("{}.png", job.stem)),
            pages: self.pages,
            fits: self.fits,
            not_ua: self.not_ua.clone(),
            hash: self.hash.clone(),
            imposed: self.imposed.as_ref().zip(job.print_stem.as_ref()).map(|((_, _, hash), stem)| (format!("{stem}.pdf"), hash.clone())),
            sparse: self.sparse,
            shop: self.shop.as_ref().zip(job.shop_stem.as_ref()).map(|((_, _, hash), stem)| (format!("{stem}.pdf"), hash.clone())),
        }
    }
}

/// The cache key of a job: a hash of its data (text, dates as of the day,
/// hotlines, locality), its images, the templates and fonts, its date and
/// output path, loa's version, and its copy for print shops if it has one
/// (a job without one keeps the key it had before there were such copies).
pub fn key(shared: &Shared, job: &Job<'_>) -> String {
    let json = data_json(&job.data(1.0));
    let prep = job.prep;
    let made = (CACHE_FORMAT, env!("CARGO_PKG_VERSION"), shared.hash, &json, prep.files_hash, prep.date, &job.stem, &job.print_stem, job.locality.is_none());
    let hash = match &job.shop_stem {
        None => crate::hash::hash128(&made),
        Some(shop) => crate::hash::hash128(&(made, shop)),
    };
    format!("{hash:032x}")
}

/// The leaflets of a previous output, by key.
pub struct Cache {
    dir: PathBuf,
    entries: HashMap<String, Entry>,
}

impl Cache {
    /// Reads the manifest of the output folder `dir`, if it has one.
    pub fn open(dir: &Path) -> Option<Cache> {
        let entries = serde_json::from_slice(&std::fs::read(dir.join(LEAFLET_MANIFEST)).ok()?).ok()?;
        Some(Cache { dir: dir.to_path_buf(), entries })
    }

    /// The leaflet with this key, if the previous output has it (and its
    /// thumbnail, when `want_png`).
    pub fn get(&self, key: &str, want_png: bool) -> Option<Done> {
        let e = self.entries.get(key)?;
        let pdf = self.dir.join(&e.pdf);
        let bytes = std::fs::read(&pdf).ok()?;
        if crate::hash::hex(&bytes) != e.hash {
            return None;
        }
        let pdf_len = bytes.len() as u64;
        let (png, thumb_size) = if want_png {
            // The manifest lists no hash of the thumbnail: it is reused only
            // if it is a whole PNG (every chunk's checksum right, nothing
            // after its end), so a damaged one is made again.
            let p = self.dir.join(e.png.as_ref()?);
            let bytes = std::fs::read(&p).ok().filter(|b| whole_png(b))?;
            (Some(Stored::Cached(p)), png_size(&bytes))
        } else {
            (None, None)
        };
        let imposed = match &e.imposed {
            Some(made) => Some(cached_companion(&self.dir, made)?),
            None => None,
        };
        let shop = match &e.shop {
            Some(made) => Some(cached_companion(&self.dir, made)?),
            None => None,
        };
        Some(Done { pdf: Stored::Cached(pdf), pdf_len, png, thumb_size, pages: e.pages, fits: e.fits, not_ua: e.not_ua.clone(), typeset: false, hash: e.hash.clone(), imposed, shop, sparse: e.sparse })
    }
}

/// The manifest of this build's leaflets, as written into the output.
pub fn manifest(entries: &BTreeMap<String, Entry>) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(entries).unwrap_or_default();
    json.push(b'\n');
    json
}

/// Whether `bytes` are a whole PNG: the signature, then chunks whose CRC-32
/// is right, up to `IEND` and nothing after it.
fn whole_png(bytes: &[u8]) -> bool {
    let Some(mut rest) = bytes.strip_prefix(b"\x89PNG\r\n\x1a\n") else { return false };
    while let Some(len) = rest.get(..4).and_then(|l| l.try_into().ok()).map(u32::from_be_bytes) {
        // Length, type and data, then the CRC of type and data.
        let Some(end) = usize::try_from(len).ok().and_then(|n| n.checked_add(12)) else { return false };
        let (Some(body), Some(crc)) = (rest.get(4..end - 4), rest.get(end - 4..end)) else { return false };
        if crc32fast::hash(body).to_be_bytes() != crc {
            return false;
        }
        rest = &rest[end..];
        if body.starts_with(b"IEND") {
            return rest.is_empty();
        }
    }
    false
}

/// Width and height from a PNG's header.
fn png_size(head: &[u8]) -> Option<(u32, u32)> {
    if head.len() < 24 || &head[1..4] != b"PNG" {
        return None;
    }
    let w = u32::from_be_bytes(head[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(head[20..24].try_into().ok()?);
    Some((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_header() {
        let mut head = vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        head.extend(240u32.to_be_bytes());
        head.extend(340u32.to_be_bytes());
        assert_eq!(png_size(&head), Some((240, 340)));
        assert_eq!(png_size(b"nope"), None);
    }

    #[test]
    fn only_a_whole_png_is_whole() {
        let mut png = Vec::new();
        image::RgbImage::from_pixel(3, 2, image::Rgb([200, 10, 10])).write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        assert!(whole_png(&png));
        assert!(!whole_png(&png[..png.len() - 1]), "its end cut");
        assert!(!whole_png(&png[..png.len() - 12]), "no IEND");
        assert!(!whole_png(&[&png[..], b"x"].concat()), "something after IEND");
        let mut flipped = png.clone();
        flipped[40] ^= 1;
        assert!(!whole_png(&flipped), "a byte changed");
        assert!(!whole_png(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIDAT"), "a length past the end");
        assert!(!whole_png(b"GIF89a"));
    }
}
