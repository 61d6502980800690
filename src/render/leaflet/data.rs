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

/// A telephone line as the leaflet shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hotline {
    /// As people write it: `024.3525.662`.
    pub number: String,
    /// `tel:` URL.
    pub tel: String,
    /// What it is, in the leaflet's language.
    pub label: String,
    /// Its name in the site's default language when the leaflet is in another
    /// one (what the person answering will understand), else `None`.
    pub label_local: Option<String>,
    /// Hours, cost.
    pub note: Option<String>,
}

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

/// Everything a leaflet template gets, as `/loa/data.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeafletData {
    /// `a4`, `a5` or `trifold`.
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
    /// The body blocks.
    pub body: Vec<Block>,
    /// The footnotes.
    pub notes: Vec<Note>,
}

/// `#abc` → `#aabbcc`; `#AABBCC` → `#aabbcc`; anything else → `None`.
pub fn normal_hex(hex: &str) -> Option<String> {
    let h = hex.trim().strip_prefix('#')?.to_ascii_lowercase();
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match h.len() {
        6 => Some(format!("#{h}")),
        3 => Some(format!("#{}", h.chars().flat_map(|c| [c, c]).collect::<String>())),
        _ => None,
    }
}

/// The text colour that reads better on `hex` (`#rrggbb` or `#rgb`): black or
/// white, by WCAG contrast.
pub fn on_colour(hex: &str) -> &'static str {
    let Some(norm) = normal_hex(hex) else { return "#ffffff" };
    let h = &norm[1..];
    let channel = |i: usize| -> f64 {
        let v = h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok()).unwrap_or(0) as f64 / 255.0;
        if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    let l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    let white = 1.05 / (l + 0.05);
    let black = (l + 0.05) / 0.05;
    if white >= black { "#ffffff" } else { "#000000" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colour_on_accent() {
        assert_eq!(on_colour("#c2410c"), "#ffffff");
        assert_eq!(on_colour("#1d4ed8"), "#ffffff");
        assert_eq!(on_colour("#fde047"), "#000000");
        assert_eq!(on_colour("nonsense"), "#ffffff");
        assert_eq!(on_colour("#ff0"), "#000000");
        assert_eq!(normal_hex("#ABC").as_deref(), Some("#aabbcc"));
        assert_eq!(normal_hex("red"), None);
    }
}
