//! The data a leaflet template gets as `/loa/data.json` ([`LeafletData`]):
//! the page's text as a tree of blocks ([`crate::markdown::blocks`]), never
//! Typst markup, and everything around it (campaign, hotlines, contact, UI
//! strings, colours). The templates render every text as a string value,
//! which Typst shows as it is: `#set`, `$x$`, `@ref`, `<label>` or `]` in a
//! page are characters, not code. The README documents the shape for theme
//! authors.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::markdown::blocks::{Block, Note};
pub use crate::render::hotlines::Hotline;

/// A locality's contact, for its own copy of a leaflet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    /// The locality's id (its file name).
    pub id: String,
    /// Ward, commune or school.
    pub locality: String,
    /// Who to ask for.
    pub name: Option<String>,
    /// As people write it.
    pub phone: Option<String>,
    /// `tel:` URL.
    pub tel: Option<String>,
    /// Where.
    pub address: Option<String>,
}

/// The campaign a leaflet belongs to, as of the build day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Campaign {
    /// Its title.
    pub title: String,
    /// The dates of its occurrence as of the day (`1/6 – 30/6/2027`).
    pub dates: Option<String>,
}

/// The publisher.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    /// Its name.
    pub name: String,
    /// Its website.
    pub url: Option<String>,
}

/// The page's own picture (`image:` in its front matter), as a file of the
/// Typst world.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Picture {
    /// Its virtual path (`/loa/img/cover.png`): the published copy, metadata stripped.
    pub src: String,
    /// Its text alternative (`image_alt`); empty marks it as decoration.
    pub alt: String,
    /// Its width in pixels (unknown for SVG).
    pub width: Option<u32>,
    /// Its height in pixels (unknown for SVG).
    pub height: Option<u32>,
}

/// Everything a leaflet template gets, as `/loa/data.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeafletData {
    /// `a4`, `a5`, `trifold`, `booklet`, `poster-a3` or `poster-a2`.
    pub format: &'static str,
    /// The page's language code.
    pub lang: String,
    /// The page title.
    pub title: String,
    /// Its summary.
    pub summary: Option<String>,
    /// Who it is for, as a label (`Dành cho cha mẹ, người chăm sóc trẻ`).
    pub audience: Option<String>,
    /// The campaign colour (`#c2410c`), or the theme's default accent.
    pub accent: String,
    /// Black or white, whichever reads better on `accent`.
    pub on_accent: String,
    /// The campaign, for campaign pages.
    pub campaign: Option<Campaign>,
    /// The site's title.
    pub site_title: String,
    /// The publisher.
    pub organisation: Organisation,
    /// The page's absolute URL.
    pub url: String,
    /// The URL as printed: no scheme, no trailing slash.
    pub url_display: String,
    /// Virtual path of the QR code SVG, or `None` if the URL is too long.
    pub qr: Option<String>,
    /// The hotlines: 111 first, then the site's.
    pub hotlines: Vec<Hotline>,
    /// The locality's contact, for a locality's copy.
    pub contact: Option<Contact>,
    /// The theme's UI strings whose keys start with `leaflet_`, in the page's language.
    pub t: BTreeMap<String, String>,
    /// A factor for the text size; below 1 when a tri-fold needed smaller text to fit.
    pub scale: f64,
    /// The page's own picture (`image:`), if it has one.
    pub picture: Option<Picture>,
    /// The body blocks.
    pub body: Vec<Block>,
    /// The footnotes.
    pub notes: Vec<Note>,
    /// In a copy for print shops, the bleed in millimetres: how far past the
    /// page's edge a colour that reaches it must run. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bleed: Option<f64>,
}
