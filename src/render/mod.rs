//! Render: the [`Plan`] → files in memory ([`Output`]), keyed by output
//! path; [`crate::write`] puts them on disk.
//!
//! Each renderer reads the plan and writes its own files; they share helpers
//! ([`context`], [`markdown`]), not each other. The leaflets come first, as
//! the pages link to them; leaflets reused from the previous output are the
//! only files read from disk here.

pub mod assets;
pub mod context;
pub mod embed;
pub mod escape;
pub mod feeds;
pub mod html;
pub mod ics;
pub mod json;
pub mod leaflet;
pub mod markdown;
pub mod meta;
pub mod output;

use std::path::Path;

use crate::diag::Diagnostics;
use crate::load::fonts::Fonts;
use crate::plan::Plan;
pub use html::Scope;
pub use output::{Output, Source};

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Options<'o> {
    /// The previous output folder, whose leaflets are reused when unchanged.
    pub previous: Option<&'o Path>,
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
    /// Problems that did not stop the render.
    pub warnings: Diagnostics,
}

/// Renders the plan into memory.
pub fn render(plan: &Plan<'_>, tera: &tera::Tera, opts: &Options<'_>) -> Result<(Output, Rendered), Diagnostics> {
    let mut out = Output::default();
    let leaflets = leaflet::render(plan, &mut out, &leaflet::Options { previous: opts.previous, fonts: opts.fonts })?;
    html::render(plan, tera, &leaflets, &mut out, opts.scope)?;
    feeds::render(plan, &mut out);
    if let Scope::All = opts.scope {
        embed::render(plan, tera, &mut out)?;
        ics::render(plan, &mut out);
        json::render(plan, &mut out);
        meta::build_json(plan, &mut out);
        meta::sitemap(plan, &mut out);
        assets::render(plan, &mut out)?;
    }
    let collisions = out.collisions();
    if collisions.has_errors() {
        return Err(collisions);
    }
    Ok((out, Rendered { leaflets: leaflets.files, leaflets_typeset: leaflets.typeset, warnings: leaflets.warnings }))
}
