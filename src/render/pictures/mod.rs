//! Pictures as the site publishes them, shared below the renderers: the
//! codec that makes every picture anew from its pixels ([`process`]), the
//! SVG rebuilt from an allow-list ([`svg`]), and what the pictures renderer
//! ([`crate::render::images`]) hands to those that show pictures — the
//! pages, the leaflets and Markdown ([`Pictures`], [`Picture::html`]).

pub mod process;
pub mod svg;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::plan::PageId;

/// A share card's width in pixels (the size Facebook, Zalo and X show).
pub const CARD_WIDTH: u32 = 1200;

/// A share card's height in pixels.
pub const CARD_HEIGHT: u32 = 630;

/// One resized copy of a picture, in two formats.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The WebP file's output path.
    pub webp: String,
    /// The JPEG or PNG file's output path.
    pub fallback: String,
}

/// A published picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The full-size copy's output path (where the source is linked).
    pub path: String,
    /// The full-size copy's width and height in pixels (an SVG's are unknown).
    pub size: Option<(u32, u32)>,
    /// The resized copies, narrowest first (none for SVG and `static/`).
    pub variants: Vec<Variant>,
    /// The hash the copies are filed under.
    pub key: String,
}

/// How a page's picture is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// On the first screen: loaded at once, first.
    Eager,
    /// Further down: loaded when scrolled near.
    Lazy,
}

impl Picture {
    /// The HTML of this picture: a `<picture>` with a WebP `srcset` and one in
    /// the fallback format, `width`/`height` so nothing moves as it loads.
    /// `url` turns an output path into its URL; `alt` and `title` are text
    /// (escaped here); `sizes` is the theme's.
    pub fn html(&self, url: &dyn Fn(&str) -> String, alt: &str, title: Option<&str>, sizes: &str, loading: Loading) -> String {
        let esc = |s: &str| crate::render::escape::attribute(s);
        let title = title.filter(|t| !t.is_empty()).map(|t| format!(" title=\"{}\"", esc(t))).unwrap_or_default();
        let load = match loading {
            Loading::Eager => " fetchpriority=\"high\"",
            Loading::Lazy => " loading=\"lazy\"",
        };
        let Some(largest) = self.variants.last() else {
            let size = self.size.map(|(w, h)| format!(" width=\"{w}\" height=\"{h}\"")).unwrap_or_default();
            return format!("<img src=\"{}\" alt=\"{}\"{title}{size}{load} decoding=\"async\">", esc(&url(&self.path)), esc(alt));
        };
        let set = |pick: fn(&Variant) -> &String| self.variants.iter().map(|v| format!("{} {}w", url(pick(v)), v.width)).collect::<Vec<_>>().join(", ");
        let fallback_type = if largest.fallback.ends_with(".png") { "image/png" } else { "image/jpeg" };
        // The middle width is what most phones take; the img's own src is
        // for browsers without srcset.
        let src = &self.variants[self.variants.len() / 2];
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\"><source type=\"{fallback_type}\" srcset=\"{}\" sizes=\"{sizes}\"><img src=\"{}\" alt=\"{}\"{title} width=\"{}\" height=\"{}\"{load} decoding=\"async\"></picture>",
            esc(&set(|v| &v.webp)),
            esc(&set(|v| &v.fallback)),
            esc(&url(&src.fallback)),
            esc(alt),
            largest.width,
            largest.height,
            sizes = esc(sizes),
        )
    }
}

/// A page's share card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its output path.
    pub path: String,
    /// Its text alternative: the page's `image_alt`, or what the card says.
    pub alt: String,
}

/// Where a picture's bytes are, for leaflets.
#[derive(Debug, Clone)]
enum Print {
    Memory(Arc<Vec<u8>>),
    File(PathBuf),
}

/// The pictures of a build.
#[derive(Debug, Default)]
pub struct Pictures {
    pictures: HashMap<String, Picture>,
    print: HashMap<String, Print>,
    cards: HashMap<PageId, Card>,
    hub_cards: HashMap<String, Card>,
    /// How many files were encoded in this build (the others were reused).
    pub encoded: usize,
    /// How many pictures and cards were reused from the previous output.
    pub reused: usize,
}

impl Pictures {
    /// The picture published at `output` (the path its source is linked at).
    pub fn get(&self, output: &str) -> Option<&Picture> {
        self.pictures.get(output)
    }

    /// The full-size copy's bytes, metadata stripped, for a leaflet to print.
    pub fn print_bytes(&self, output: &str) -> Option<Vec<u8>> {
        match self.print.get(output)? {
            Print::Memory(b) => Some(b.to_vec()),
            Print::File(p) => std::fs::read(p).ok(),
        }
    }

    /// [`Pictures::print_bytes`] scaled down to fit within `max` pixels
    /// (width, height) when it is larger: what a leaflet needs at 300 dpi for
    /// the size it prints a picture at, not a whole photo.
    pub fn print_bytes_within(&self, output: &str, max: (u32, u32)) -> Option<Vec<u8>> {
        let bytes = self.print_bytes(output)?;
        let sniffed = crate::load::sniff::sniff(Path::new(output), &bytes);
        match process::fit_within(&bytes, sniffed, max.0, max.1) {
            Ok(Some(smaller)) => Some(smaller.bytes),
            _ => Some(bytes),
        }
    }

    /// Publishes `picture` at `output`.
    pub fn insert(&mut self, output: &str, picture: Picture) {
        self.pictures.insert(output.to_owned(), picture);
    }

    /// Keeps the full-size copy at `output` for print, from a file.
    pub fn print_from_file(&mut self, output: &str, path: PathBuf) {
        self.print.insert(output.to_owned(), Print::File(path));
    }

    /// Keeps the full-size copy at `output` for print, from its bytes.
    pub fn print_from_memory(&mut self, output: &str, bytes: Vec<u8>) {
        self.print.insert(output.to_owned(), Print::Memory(Arc::new(bytes)));
    }

    /// Gives a page its share card.
    pub fn insert_card(&mut self, id: PageId, card: Card) {
        self.cards.insert(id, card);
    }

    /// Gives `lang`'s hub its share card.
    pub fn insert_hub_card(&mut self, lang: &str, card: Card) {
        self.hub_cards.insert(lang.to_owned(), card);
    }

    /// A page's share card.
    pub fn card(&self, id: PageId) -> Option<&Card> {
        self.cards.get(&id)
    }

    /// The card of `lang`'s hub when it has no hub page (a site with no
    /// English pages still has an English hub).
    pub fn hub_card(&self, lang: &str) -> Option<&Card> {
        self.hub_cards.get(lang)
    }
}
