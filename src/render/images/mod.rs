//! Pictures: every raster image a live page shows or links (Markdown
//! images and links, the `image:` of its front matter) and every picture of
//! the site's `static/` folder is published made anew ([`process`]), never
//! copied: metadata stripped, turned upright, and — for pages' pictures —
//! resized to the theme's widths as WebP and in its own format, for
//! `<picture>` elements with `srcset` ([`Picture::html`]). SVG pictures are
//! rebuilt from an allow-list ([`svg`]). Every page gets a share card
//! ([`card`]).
//!
//! ```text
//! <where the file is linked>   the full-size copy (≤ 2,400 px wide), metadata stripped
//! img/<key>/<name>-<w>.webp    the resized copies, by the hash of the source and settings
//! img/<key>/<name>-<w>.jpg|png
//! img/<key>/card.png           a page's share card
//! img/manifest.json            what each key made, for the next build
//! ```
//!
//! Like leaflets, pictures are reused from the previous output when their
//! key is listed in its `img/manifest.json` and the files there still have
//! the bytes it lists: an unchanged rebuild encodes nothing.

pub mod card;
mod manifest;
pub mod palette;
pub mod process;
pub mod svg;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Output, Source};
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;
use crate::links::Target;
use crate::load::content::Asset;
use crate::load::sniff::Kind;
use crate::plan::{PageId, Plan};
use manifest::{FileEntry, Manifest, PictureEntry};

/// The folder of made pictures in the output.
pub const DIR: &str = "img";

/// The cache manifest's path in the output.
pub const MANIFEST: &str = "img/manifest.json";

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
    Memory(std::sync::Arc<Vec<u8>>),
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

/// How to render pictures.
#[derive(Debug, Clone, Copy)]
pub struct Options<'o> {
    /// The previous output folder, whose pictures are reused when unchanged.
    pub previous: Option<&'o Path>,
    /// The build's Typst room, for share cards.
    pub room: Option<&'o crate::render::typst::Shared>,
    /// Output paths of pictures a leaflet prints (their bytes are kept).
    pub print: &'o HashSet<String>,
    /// Whether to make share cards (not for `loa serve`'s quick rebuilds).
    pub cards: bool,
}

/// Where the first live page that shows or links a file does so: for
/// locating a problem with the file.
pub(super) fn where_linked(plan: &Plan<'_>, output: &str) -> Option<(PathBuf, Option<Position>, String)> {
    for p in plan.live_pages() {
        for l in &plan.scan(p.id).links {
            if matches!(plan.link_target(p.id, &l.dest), Ok(Target::Asset(o)) if o == output) {
                return Some((p.page.source.clone(), Some(p.page.body_position(l.offset)), p.page.text.clone()));
            }
        }
        if let Some(img) = &p.page.front.image
            && matches!(plan.link_target(p.id, img), Ok(Target::Asset(o)) if o == output)
        {
            return Some((p.page.source.clone(), p.page.front.position("image"), p.page.text.clone()));
        }
    }
    None
}

/// A problem with a picture, at the link to it when a page links it.
fn problem(plan: &Plan<'_>, asset: &Asset, why: Msg) -> Diagnostic {
    let msg = t!("check-picture-bad", picture = &asset.source, why = why);
    let hint = t!("picture-bad-hint");
    match where_linked(plan, &asset.output) {
        Some((file, pos, text)) => Diagnostic::error(file, pos, msg).with_hint(hint).with_source(&text),
        None => Diagnostic::error(&asset.source, None, msg).with_hint(hint),
    }
}

/// The file name a picture's copies are given: its own, without extension.
fn stem(output: &str) -> &str {
    let name = output.rsplit('/').next().unwrap_or(output);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// One picture to publish.
struct Job<'a> {
    asset: &'a Asset,
    /// Resized copies are made (pages' pictures) or not (`static/`).
    variants: bool,
}

/// What a job made or found.
enum Outcome {
    Reused(PictureEntry),
    Made { entry: PictureEntry, files: Vec<(String, Vec<u8>)> },
    Failed(Msg),
}

/// Publishes the pictures of the plan's live pages and of `static/`, and
/// the pages' share cards.
pub fn render(plan: &Plan<'_>, out: &Output<'_>, opts: &Options<'_>) -> Result<Pictures, Diagnostics> {
    let used = super::assets::published(plan);
    let mut jobs: Vec<Job<'_>> = plan.assets().iter().filter(|a| used.contains(&a.output) && a.kind.is_picture()).map(|asset| Job { asset, variants: true }).collect();
    jobs.extend(plan.statics().iter().filter(|a| a.kind.is_picture()).map(|asset| Job { asset, variants: false }));
    let previous = opts.previous.and_then(Manifest::open);
    let widths = &plan.theme().images.widths;

    let outcomes: Vec<Outcome> = jobs
        .par_iter()
        .map(|job| {
            let bytes = match std::fs::read(plan.asset_path(job.asset)) {
                Ok(b) => b,
                Err(e) => return Outcome::Failed(t!("image-cannot-read", detail = &e)),
            };
            let svg = job.asset.kind == Kind::Svg;
            let key = manifest::key(&bytes, if job.variants && !svg { widths } else { &[] }, svg);
            if let Some(entry) = previous.as_ref().and_then(|m| m.reusable(&key)) {
                return Outcome::Reused(entry);
            }
            make(job, &bytes, key, widths)
        })
        .collect();

    let mut diags = Diagnostics::new();
    let mut pictures = Pictures::default();
    let mut manifest = Manifest::default();
    // Resized copies are filed by the picture's hash and name: the same
    // bytes under two names with one stem (`anh.jpg`, `anh.txt`) make the
    // same files, written once.
    let mut variants_written: HashSet<String> = HashSet::new();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        let output = &job.asset.output;
        if plan.theme().statics.contains_key(output) || out.contains(output) {
            diags.push(Diagnostic::error(&job.asset.source, None, t!("assets-overwrite", output = output.as_str())).with_hint(t!("check-rename-file")));
            continue;
        }
        let entry = match outcome {
            Outcome::Failed(why) => {
                diags.push(problem(plan, job.asset, why));
                continue;
            }
            Outcome::Reused(entry) => {
                pictures.reused += 1;
                let dir = opts.previous.unwrap_or(Path::new(""));
                out.copy(output.clone(), Source::File(dir.join(&entry.full.path)));
                for v in &entry.variants {
                    for f in [&v.webp, &v.fallback] {
                        if variants_written.insert(f.path.clone()) {
                            out.copy(f.path.clone(), Source::File(dir.join(&f.path)));
                        }
                    }
                }
                if opts.print.contains(output) {
                    pictures.print.insert(output.clone(), Print::File(dir.join(&entry.full.path)));
                }
                entry.placed_at(output)
            }
            Outcome::Made { entry, files } => {
                for (path, bytes) in files {
                    if path != *output && !variants_written.insert(path.clone()) {
                        continue;
                    }
                    pictures.encoded += 1;
                    if path == *output && opts.print.contains(output) {
                        pictures.print.insert(output.clone(), Print::Memory(std::sync::Arc::new(bytes.clone())));
                    }
                    out.add(path, bytes);
                }
                entry
            }
        };
        pictures.pictures.insert(output.clone(), entry.picture(output));
        manifest.pictures.insert(entry.key.clone(), entry);
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    card::render(plan, out, opts, &previous, &mut pictures, &mut manifest)?;
    if !manifest.is_empty() {
        out.add(MANIFEST, manifest.to_json());
    }
    Ok(pictures)
}

/// Makes one picture's files.
fn make(job: &Job<'_>, bytes: &[u8], key: String, widths: &[u32]) -> Outcome {
    let output = &job.asset.output;
    let dir = format!("{DIR}/{}", &key[..16]);
    let stem = crate::slug::from_name(stem(output));
    if let Kind::Refused(format) = job.asset.kind {
        return Outcome::Failed(t!("image-refused-format", format = format.name()));
    }
    if job.asset.kind == Kind::Svg {
        return match svg::sanitize(bytes) {
            Ok(clean) => {
                let full = FileEntry::of(output, &clean, None);
                Outcome::Made { entry: PictureEntry { key, full, variants: Vec::new() }, files: vec![(output.clone(), clean)] }
            }
            Err(e) => Outcome::Failed(t!("svg-at-byte", why = e.message, offset = e.offset)),
        };
    }
    let made = match process::make(bytes, job.asset.kind, if job.variants { widths } else { &[] }) {
        Ok(m) => m,
        Err(why) => return Outcome::Failed(why),
    };
    let mut files = Vec::new();
    let full = FileEntry::of(output, &made.full.bytes, Some((made.full.width, made.full.height)));
    files.push((output.clone(), made.full.bytes));
    let mut variants = Vec::new();
    if job.variants {
        for (webp, fallback) in made.variants {
            let w = webp.width;
            let webp_path = format!("{dir}/{stem}-{w}.webp");
            let fallback_path = format!("{dir}/{stem}-{w}.{}", fallback.ext);
            variants.push(manifest::VariantEntry {
                width: w,
                height: webp.height,
                webp: FileEntry::of(&webp_path, &webp.bytes, None),
                fallback: FileEntry::of(&fallback_path, &fallback.bytes, None),
            });
            files.push((webp_path, webp.bytes));
            files.push((fallback_path, fallback.bytes));
        }
    }
    Outcome::Made { entry: PictureEntry { key, full, variants }, files }
}
