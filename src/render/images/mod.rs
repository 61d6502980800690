//! Pictures: every raster image a live page shows or links (Markdown
//! images and links, the `image:` of its front matter) and every picture of
//! the site's `static/` folder is published made anew
//! ([`crate::render::pictures::process`]), never
//! copied: metadata stripped, turned upright, and — for pages' pictures —
//! resized to the theme's widths as WebP and in its own format, for
//! `<picture>` elements with `srcset` ([`crate::render::pictures::Picture::html`]). SVG pictures are
//! rebuilt from an allow-list ([`crate::render::pictures::svg`]). Every page gets a share card
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

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;

use super::{Output, Source};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::t;
use crate::load::content::Asset;
use crate::load::sniff::Kind;
use crate::plan::Plan;
use manifest::{FileEntry, Manifest, PictureEntry};
use crate::render::pictures::{process, svg, Pictures};

/// The folder of made pictures in the output.
pub const DIR: &str = "img";

/// The cache manifest's path in the output.
pub const MANIFEST: &str = "img/manifest.json";

/// How to render pictures, from the renderers' context.
#[derive(Debug, Clone, Copy)]
struct Options<'o> {
    /// The previous output folder, whose pictures are reused when unchanged.
    previous: Option<&'o Path>,
    /// The build's Typst room, for share cards.
    room: Option<&'o crate::render::typst::Shared>,
    /// Output paths of pictures a leaflet prints (their bytes are kept).
    print: &'o HashSet<String>,
}

/// A problem with a picture, at the link to it when a page links it.
fn problem(plan: &Plan<'_>, asset: &Asset, why: Msg) -> Diagnostic {
    let msg = t!("check-picture-bad", picture = &asset.source, why = why);
    let hint = t!("picture-bad-hint");
    match plan.where_linked(&asset.output) {
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
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>, print: &HashSet<String>) -> Result<Pictures, Diagnostics> {
    let plan = cx.plan;
    let opts = &Options { previous: cx.opts.previous, room: cx.room, print };
    let used = plan.published_files();
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
                    pictures.print_from_file(output, dir.join(&entry.full.path));
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
                        pictures.print_from_memory(output, bytes.clone());
                    }
                    out.add(path, bytes);
                }
                entry
            }
        };
        pictures.insert(output, entry.picture(output));
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
