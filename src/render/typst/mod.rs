//! The Typst room: where every printed or pictured document of a build is
//! typeset, whatever renderer asks — leaflets ([`crate::render::leaflet`]),
//! the print box ([`crate::render::print`]) and share cards
//! ([`crate::render::images::card`]).
//!
//! One world ([`world`]: the theme's templates and fonts in memory, the
//! document's data as `/loa/data.json`, nothing else), one way to compile
//! ([`compile`]), one PDF export ([`pdf`]), booklets imposed for printing ([`impose`]), copies for print shops ([`print_shop`]), one way to draw a page as pixels
//! ([`raster`]), how far down a page its text reaches ([`reach`]), one pool of threads with stacks deep enough for Typst
//! ([`threads`]), and what documents share: QR codes ([`qr`]) and the text
//! colour for a campaign's colour ([`colour`]). A renderer brings only its
//! data and its template's name.

pub mod colour;
pub mod compile;
pub mod impose;
pub mod pdf;
pub mod print_shop;
pub mod qr;
pub mod raster;
pub mod reach;
pub mod threads;
pub mod world;

pub use compile::{compile, forget_unused};

/// The room of a build, or the error a renderer gives when it has something
/// to typeset and the loaded site brought no fonts (a bug: `Site::load`
/// loads them whenever anything can be typeset).
pub fn needed(room: Option<&Shared>) -> Result<&Shared, crate::diag::Diagnostic> {
    room.ok_or_else(|| crate::diag::Diagnostic::error("", None, crate::t!("typst-no-fonts")).with_hint(crate::t!("bug-hint")))
}
pub use world::{data_json, Shared, TypstWorld, DATA, QR};
