//! The fonts leaflets are typeset with, read from the theme's `fonts/`
//! folder, and which characters they can show.
//!
//! Typst draws nothing (or an empty box) for a character that no font has, and
//! says nothing about it. So `loa check` looks every character a leaflet
//! prints up in the fonts' character maps ([`Fonts::missing`]), and one that no
//! font has is a located error in the file that contains it.
//!
//! The fonts are the theme's `fonts/` folder: Noto Sans (regular, bold,
//! italic, bold italic) in the default theme, which covers Vietnamese fully.

use crate::diag::{Diagnostic, Diagnostics};
use super::theme::Theme;
with_typeset! {
    use std::collections::BTreeSet;
    use typst::foundations::Bytes;
    use typst::text::{Font, FontBook};
    use typst::utils::LazyHash;
    use super::theme;
}

/// The loaded fonts of a theme.
#[cfg(feature = "typeset")]
#[derive(Clone)]
pub struct Fonts {
    /// Every face of every font file, in file-name order.
    pub fonts: Vec<Font>,
    /// Typst's index of them.
    pub book: LazyHash<FontBook>,
    /// A hash of all the font files, for the leaflet cache.
    pub hash: u128,
}

#[cfg(feature = "typeset")]
impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").field("faces", &self.fonts.len()).finish()
    }
}

/// Loads the theme's fonts. A file that is not a font is an error naming it; a
/// theme without fonts is an error.
#[cfg(feature = "typeset")]
pub fn load(theme: &Theme) -> Result<Fonts, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut fonts = Vec::new();
    let mut hashes = Vec::new();
    for (name, (bytes, origin)) in &theme.fonts {
        let data: Bytes = match bytes {
            theme::Bytes::Embedded(b) => Bytes::new(*b),
            theme::Bytes::File(p) => match std::fs::read(p) {
                Ok(v) => Bytes::new(v),
                Err(e) => {
                    diags.push(Diagnostic::error(origin.display(), None, crate::t!("file-cannot-read", detail = &e)));
                    continue;
                }
            },
        };
        hashes.push((name.clone(), crate::hash::hash128(data.as_slice())));
        let before = fonts.len();
        fonts.extend(Font::iter(data));
        if fonts.len() == before {
            diags.push(
                Diagnostic::error(origin.display(), None, crate::t!("font-unreadable"))
                    .with_hint(crate::t!("font-unreadable-hint")),
            );
        }
    }
    if fonts.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(format!("themes/{}/fonts", theme.name), None, crate::t!("font-none"))
                .with_hint(crate::t!("font-none-hint")),
        );
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    Ok(Fonts { fonts, book, hash: crate::hash::hash128(&hashes) })
}

/// Characters that are never drawn, so need no glyph: spaces, line breaks,
/// controls, joiners, soft hyphens, variation selectors, the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Whether `c` is printed at all: control characters and noncharacters are
/// not (they are dropped before typesetting text that may hold them, such as
/// the print box's titles).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    !c.is_control() && !(0xFDD0..=0xFDEF).contains(&u) && (u & 0xFFFE) != 0xFFFE
}

/// A loa built without the `typeset` feature loads no fonts: nothing can
/// hold this type's value.
#[cfg(not(feature = "typeset"))]
#[derive(Debug, Clone)]
pub enum Fonts {}

/// Without the `typeset` feature, a site that needs fonts (something to
/// typeset, see [`crate::check::needs_fonts`]) is refused: an error at the
/// theme's fonts folder that says why.
#[cfg(not(feature = "typeset"))]
pub fn load(theme: &Theme) -> Result<Fonts, Diagnostics> {
    Err(Diagnostic::error(format!("themes/{}/fonts", theme.name), None, crate::t!("typeset-absent")).with_hint(crate::t!("typeset-absent-hint")).into())
}

#[cfg(not(feature = "typeset"))]
impl Fonts {
    /// Never called: no value exists.
    pub fn missing(&self, _text: &str) -> Vec<char> {
        match *self {}
    }

    /// Never called: no value exists.
    pub fn families(&self) -> Vec<String> {
        match *self {}
    }
}

#[cfg(feature = "typeset")]
impl Fonts {
    /// Whether some font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        is_invisible(c) || self.fonts.iter().any(|f| f.info().coverage.contains(c as u32))
    }

    /// The characters of `text` that no font has, each once, in order of
    /// first appearance.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for c in text.chars() {
            if seen.insert(c) && !self.covers(c) {
                out.push(c);
            }
        }
        out
    }

    /// The family names, for messages.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fonts.iter().map(|f| f.info().family.clone()).collect();
        names.dedup();
        names
    }
}

/// How to name a character in a message: `"☎" (U+260E)`.
pub fn describe(c: char) -> String {
    format!("\"{c}\" (U+{:04X})", c as u32)
}

#[cfg(all(test, feature = "typeset"))]
mod tests {
    use super::*;

    fn default_fonts() -> Fonts {
        let dir = tempfile::tempdir().unwrap();
        let theme = theme::load(dir.path(), "default", &["vi".to_owned()]).unwrap();
        load(&theme).unwrap()
    }

    #[test]
    fn noto_sans_covers_vietnamese() {
        let f = default_fonts();
        assert_eq!(f.families(), vec!["Noto Sans".to_owned()]);
        assert_eq!(f.fonts.len(), 4);
        let text = "Tổng đài điện thoại quốc gia bảo vệ trẻ em ĐẶNG Ữ ỹ ẫ ợ — “trích dẫn” 1/6 – 30/6 · №";
        assert!(f.missing(text).is_empty(), "{:?}", f.missing(text));
    }

    #[test]
    fn reports_what_no_font_has() {
        let f = default_fonts();
        assert_eq!(f.missing("Gọi ☎ 111 ☎ 😀\u{200B}\n"), vec!['☎', '😀']);
        assert_eq!(describe('☎'), "\"☎\" (U+260E)");
    }
}

#[cfg(all(test, not(feature = "typeset")))]
mod without_typesetting {
    /// A loa built without typesetting refuses, at the theme's fonts, in the
    /// catalog's words, rather than making a site without its leaflets.
    #[test]
    fn a_site_that_needs_fonts_is_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let theme = crate::load::theme::load(dir.path(), "default", &["vi".to_owned()]).unwrap();
        let Err(diags) = super::load(&theme) else { unreachable!("no fonts can load") };
        let d = diags.iter().next().unwrap();
        assert!(d.is_error());
        assert_eq!(d.file, std::path::PathBuf::from("themes/default/fonts"));
        assert_eq!(d.message(), crate::t!("typeset-absent").to_string());
    }
}
