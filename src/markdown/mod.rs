//! Markdown as loa reads it: the CommonMark extensions it enables, the scan
//! of a page's anchors and links ([`scan`]), the page as a tree of blocks
//! for print ([`blocks`]) and its readable text for search ([`text`]). Rendering Markdown to HTML is the HTML renderer's
//! job (`render/html/body.rs`); this module only reads.

pub mod blocks;
pub mod scan;
pub mod spaced;
pub mod text;

use pulldown_cmark::{HeadingLevel, Options};

pub use scan::{scan, LinkRef, Scan};

/// The Markdown extensions loa enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The level of a heading as a number, for outlines.
pub fn level(l: HeadingLevel) -> u8 {
    l as u8
}
