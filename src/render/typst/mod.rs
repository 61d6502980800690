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
//!
//! Without the `typeset` feature (Cargo.toml) only what needs no Typst is
//! here: [`Shared`] is a type with no value, [`needed`] says why, and the
//! renderers that typeset refuse what they would have made.

pub mod colour;
pub mod qr;
pub mod threads;
with_typeset! {
    pub mod compile;
    pub mod impose;
    pub mod pdf;
    pub mod print_shop;
    pub mod raster;
    pub mod reach;
    pub mod world;
    pub use compile::{compile, forget_unused};
    pub use world::{Shared, TypstWorld};
}

/// Virtual path of the document's data.
pub const DATA: &str = "/loa/data.json";
/// Virtual path of the QR code.
pub const QR: &str = "/loa/qr.svg";

/// The bytes of `/loa/data.json` for `data`: the one way any site or page
/// value enters a Typst document (leaflets, the print box, share cards), so
/// no control character reaches one ([`crate::render::escape::typst_json`]).
pub fn data_json<T: serde::Serialize>(data: &T) -> Vec<u8> {
    let json = serde_json::to_string(data).unwrap_or_default();
    match crate::render::escape::typst_json(&json) {
        std::borrow::Cow::Borrowed(_) => json.into_bytes(),
        std::borrow::Cow::Owned(clean) => clean.into_bytes(),
    }
}

/// A loa built without the `typeset` feature has no room: no value of this
/// type can exist, so code that holds one is never reached.
#[cfg(not(feature = "typeset"))]
#[derive(Debug)]
pub enum Shared {}

#[cfg(not(feature = "typeset"))]
impl Shared {
    /// Never called: [`crate::load::fonts::Fonts`] has no value either.
    pub fn new(_theme: &crate::load::theme::Theme, fonts: crate::load::fonts::Fonts) -> Self {
        match fonts {}
    }
}

/// The room of a build, or the error a renderer gives when it has something
/// to typeset and the loaded site brought no fonts (a bug: `Site::load`
/// loads them whenever anything can be typeset).
pub fn needed(room: Option<&Shared>) -> Result<&Shared, crate::diag::Diagnostic> {
    room.ok_or_else(|| crate::diag::Diagnostic::error("", None, crate::t!("typst-no-fonts")).with_hint(crate::t!("bug-hint")))
}
