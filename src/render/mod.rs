//! Render: the [`Plan`] → files in memory ([`Output`]), keyed by output
//! path; [`crate::write`] puts them on disk.
//!
//! Each renderer reads the plan and writes its own files; they share helpers
//! ([`context`], [`markdown`]), not each other. Pictures come first, as the
//! leaflets print them and the pages show them; then the leaflets, as the
//! pages link to them. Pictures and leaflets reused from the previous output
//! are the only files read from the output here.

pub mod assets;
pub mod broadcast;
pub mod bulletin;
pub mod cms;
pub mod context;
pub mod documents;
pub mod embed;
pub mod escape;
pub mod feeds;
pub mod hotlines;
pub mod html;
pub mod human;
pub mod ics;
pub mod images;
pub mod json;
pub mod leaflet;
pub mod made;
pub mod markdown;
pub mod meta;
pub mod output;
pub mod pictures;
pub mod print;
pub mod search;
pub mod templates;
pub mod typst;

use std::path::Path;

use crate::diag::Diagnostics;
use crate::load::fonts::Fonts;
use crate::plan::Plan;
pub use html::Scope;
pub use output::{Output, Sink, Source};

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Options<'o> {
    /// The previous output folder, whose leaflets are reused when unchanged.
    pub previous: Option<&'o Path>,
    /// A folder outside the output where renderers keep what they need to
    /// know of the previous build (the search index's record of its pages).
    pub cache: Option<&'o Path>,
    /// The theme's fonts, when some page makes leaflets.
    pub fonts: Option<&'o Fonts>,
    /// Which pages: all, or (for `loa serve`) only pages whose text changed,
    /// with the leaflets and feeds.
    pub scope: Scope<'o>,
}

/// What a render made besides its files.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Leaflet PDFs made (locality copies included).
    pub leaflets: usize,
    /// How many of them were typeset (the others came from the previous output).
    pub leaflets_typeset: usize,
    /// Picture files (resized copies, share cards) encoded in this build.
    pub pictures_encoded: usize,
    /// Pictures and cards taken from the previous output.
    pub pictures_reused: usize,
    /// Leaflet bundles (ZIP files) made.
    pub bundles: usize,
    /// How many of them were compressed (the others came from the previous output).
    pub bundles_zipped: usize,
    /// Problems that did not stop the render.
    pub warnings: Diagnostics,
}

/// Renders the plan into `out`.
pub fn render(plan: &Plan<'_>, tera: &tera::Tera, opts: &Options<'_>, out: &Output<'_>) -> Result<Rendered, Diagnostics> {
    let t = crate::timings::Timings::from_env("    ");
    // One Typst room for the build: the theme's templates parsed once, with
    // the fonts the loaded site holds (none when nothing can be typeset).
    let room = opts.fonts.map(|f| self::typst::Shared::new(plan.theme(), f.clone()));
    let print = leaflet::printed_pictures(plan);
    let pictures = images::render(plan, out, &images::Options { previous: opts.previous, room: room.as_ref(), print: &print, cards: true })?;
    t.lap("pictures and share cards");
    let leaflets = leaflet::render(plan, out, &leaflet::Options { previous: opts.previous, room: room.as_ref(), pictures: &pictures })?;
    t.lap("leaflets");
    // The print box is typeset here, on the calling thread, like the
    // leaflets: its typesetting threads hand PDF work to rayon's pool and
    // wait for it, so they must not be started from a rayon worker. Inside
    // the join below they were, and with one worker (a one-core machine,
    // RAYON_NUM_THREADS=1, or two builds in one process) the build waited
    // for itself forever.
    let print = if let Scope::All = opts.scope { Some(print::render(plan, out, room.as_ref())?) } else { None };
    t.lap("print box");
    // The bulletins' script sheets, typeset on this thread for the same
    // reason; in a preview too, as they follow their pages' text.
    broadcast::render(plan, out, room.as_ref())?;
    t.lap("bulletins");
    // The search index is made beside everything else: it needs only the
    // plan, and its work fills the moments the other renderers' threads
    // wait on the disk or on one another.
    let index = matches!(opts.scope, Scope::All) && plan.site().search;
    let (rest, ()) = rayon::join(
        || -> Result<(), Diagnostics> {
            html::render(plan, tera, &leaflets, &pictures, out, opts.scope)?;
            t.lap("pages");
            feeds::render(plan, out);
            t.lap("feeds");
            if let Some(print) = &print {
                embed::render(plan, tera, print, out)?;
                ics::render(plan, out);
                json::render(plan, out);
                meta::build_json(plan, out);
                meta::sitemap(plan, out);
                t.lap("embeds, calendars, JSON, sitemap");
                cms::render(plan, out);
                assets::render(plan, out)?;
                t.lap("editor and files");
            }
            Ok(())
        },
        || {
            if index {
                search::render(plan, out, opts.previous, opts.cache);
            }
        },
    );
    if index {
        t.lap("… and, beside them, the search index");
    }
    rest?;
    let problems = out.problems();
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Rendered {
        leaflets: leaflets.files,
        leaflets_typeset: leaflets.typeset,
        pictures_encoded: pictures.encoded,
        pictures_reused: pictures.reused,
        bundles: leaflets.bundles.len(),
        bundles_zipped: leaflets.bundles_zipped,
        warnings: leaflets.warnings,
    })
}
