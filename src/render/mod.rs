//! Render: the [`Plan`] → files in memory ([`Output`]), keyed by output
//! path; [`crate::write`] puts them on disk.
//!
//! Each renderer takes one context ([`Ctx`]: the plan, the templates, the
//! Typst room, the options) and the output, plus what an earlier renderer
//! made ([`made`], [`pictures`]), and writes its own files; renderers share
//! what lives below them ([`pictures`], [`typst`], [`markdown`],
//! [`context`], [`escape`]…), never each other ([`render`] holds their order). Pictures come first, as the
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

/// What every renderer is given: the plan of the day (with the site and
/// its theme), the theme's compiled templates, the build's Typst room, and
/// how to render (the previous output, the cache, which pages). What an
/// earlier renderer made is passed beside it ([`made`], [`pictures`]).
#[derive(Clone, Copy)]
pub struct Ctx<'c, 'p> {
    /// The site as of the day.
    pub plan: &'c Plan<'p>,
    /// The theme's templates, compiled once for the build.
    pub tera: &'c tera::Tera,
    /// The build's Typst room (the theme's fonts and templates), when some
    /// page makes something typeset.
    pub room: Option<&'c self::typst::Shared>,
    /// How to render.
    pub opts: &'c Options<'c>,
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
    let cx = Ctx { plan, tera, room: room.as_ref(), opts };
    // The order of the renderers, and what each hands to the next, is here
    // and nowhere else.
    let print = leaflet::printed_pictures(plan);
    let pictures = images::render(&cx, out, &print)?;
    t.lap("pictures and share cards");
    let leaflets = leaflet::render(&cx, out, &pictures)?;
    t.lap("leaflets");
    // The print box is typeset here, on the calling thread, like the
    // leaflets: its typesetting threads hand PDF work to rayon's pool and
    // wait for it, so they must not be started from a rayon worker. Inside
    // the join below they were, and with one worker (a one-core machine,
    // RAYON_NUM_THREADS=1, or two builds in one process) the build waited
    // for itself forever.
    let print = if let Scope::All = opts.scope { Some(print::render(&cx, out)?) } else { None };
    t.lap("print box");
    // The bulletins' script sheets, typeset on this thread for the same
    // reason; in a preview too, as they follow their pages' text.
    broadcast::render(&cx, out)?;
    t.lap("bulletins");
    // The pages are rendered on one side; on the other the search index,
    // then the feeds, embeds, calendars, JSON files, sitemap, editor and
    // copied files. None of those needs the pages (only the plan), and their
    // work fills the moments the pages' threads wait on the disk or on one
    // another, where after the pages they would keep one core alone.
    let index = matches!(opts.scope, Scope::All) && plan.site().search;
    let (pages, rest) = rayon::join(
        || -> Result<(), Diagnostics> {
            html::render(&cx, out, &leaflets, &pictures)?;
            t.lap("pages");
            Ok(())
        },
        || -> Result<(), Diagnostics> {
            if index {
                search::render(&cx, out);
            }
            feeds::render(&cx, out);
            if let Some(print) = &print {
                embed::render(&cx, out, print)?;
                ics::render(&cx, out);
                json::render(&cx, out);
                meta::render(&cx, out);
                cms::render(&cx, out);
                assets::render(&cx, out)?;
            }
            t.lap("… and, beside them, the search index, feeds, embeds, calendars, JSON, sitemap, editor and files");
            Ok(())
        },
    );
    pages?;
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
