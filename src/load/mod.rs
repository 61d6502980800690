//! Load: read a site folder into typed models. Every problem becomes a located
//! [`Diagnostic`](crate::diag::Diagnostic); all of them are collected and
//! returned together.
//!
//! The inputs are `site.yaml` ([`site`]), `calendar.yaml` ([`calendar`], whose
//! dates follow the [`when`] grammar), the `content/` tree ([`content`]) and the
//! theme ([`theme`]). Nothing here knows what day it is: that is [`crate::plan`]'s.

pub mod broadcast;
pub mod calendar;
pub mod cms;
pub mod content;
pub mod fonts;
pub mod front_matter;
pub mod images;
pub mod localities;
pub mod ref_name;
pub mod png_chunks;
pub mod site;
pub mod sniff;
pub mod statics;
pub mod theme;
pub mod translations;
pub mod when;
pub mod yaml;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, Position};

pub use calendar::{Calendar, Campaign};
pub use content::{Content, Page, PageKind};
pub use site::Site;
pub use theme::Theme;

/// A text given once, or once per language (`{vi: …, en: …}`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// One text per language code.
    PerLang(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, falling back to `default_lang`, then to any.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::PerLang(m) => m
                .get(lang)
                .or_else(|| m.get(default_lang))
                .or_else(|| m.values().next())
                .map_or("", String::as_str),
        }
    }

    /// The text in `lang` as [`Text::get`] finds it, with the language it is
    /// written in when that is known and is not `lang` (a fallback), so a
    /// page can mark it (`lang="vi"` inside an English page).
    pub fn get_marked<'a>(&'a self, lang: &str, default_lang: &str) -> (&'a str, Option<&'a str>) {
        match self {
            Text::Plain(s) => (s, None),
            Text::PerLang(m) => match m.get_key_value(lang).or_else(|| m.get_key_value(default_lang)).or_else(|| m.iter().next()) {
                Some((l, s)) => (s, (l != lang).then_some(l.as_str())),
                None => ("", None),
            },
        }
    }

    /// The language codes it names (none for a plain text).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::PerLang(m) => m.keys().map(String::as_str).collect(),
        }
    }
}

/// Everything a site is made of, read and checked, independent of the date.
#[derive(Debug)]
pub struct Inputs {
    /// The site folder.
    pub root: PathBuf,
    /// `site.yaml`.
    pub site: Site,
    /// `calendar.yaml`.
    pub calendar: Calendar,
    /// The `content/` tree.
    pub content: Content,
    /// The theme: embedded default overlaid by the site's own files.
    pub theme: Theme,
    /// `localities.yaml`, if the site has one.
    pub localities: Option<Vec<localities::Locality>>,
    /// The files of `static/`, published as they are.
    pub statics: Vec<content::Asset>,
    /// What was skipped while reading `static/`, and why.
    pub static_warnings: Vec<Diagnostic>,
    /// The text of each configuration file read (`site.yaml`,
    /// `calendar.yaml`, `localities.yaml`), to locate later findings in it.
    pub texts: BTreeMap<&'static str, String>,
}

impl Inputs {
    /// The text of a configuration file as read (empty if it was not read).
    pub fn text_of(&self, file: &str) -> &str {
        self.texts.get(file).map_or("", String::as_str)
    }
}

/// `s` in Unicode's composed form (NFC), as it is when it is NFC already:
/// most text and file names are, and the quick check says so without
/// composing (a file name may still be stored decomposed, as macOS does).
pub fn nfc(s: Cow<'_, str>) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    Cow::Owned(s.nfc().collect())
}

/// Reads a text file of the site (`rel` is relative to `root`): UTF-8, with a
/// byte-order mark dropped. Bytes that are not UTF-8 are an error at the line
/// and column where they start.
pub fn read_text(root: &Path, rel: &Path, missing_hint: Option<crate::i18n::Msg>) -> Result<String, Diagnostic> {
    let raw = std::fs::read(root.join(rel)).map_err(|e| {
        let d = Diagnostic::error(rel, None, crate::t!("file-cannot-read-named", file = rel, detail = &e));
        match missing_hint {
            Some(hint) if e.kind() == std::io::ErrorKind::NotFound => d.with_hint(hint),
            _ => d,
        }
    })?;
    let text = match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let valid = e.utf8_error().valid_up_to();
            let pos = Position::of_offset(&String::from_utf8_lossy(&e.as_bytes()[..valid]), valid);
            return Err(Diagnostic::error(rel, Some(pos), crate::t!("file-not-utf8"))
                .with_hint(crate::t!("file-not-utf8-hint"))
                .with_source(&lossy));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(lone_cr_to_lf(text))
}

/// Turns a carriage return that is not followed by a line feed (the line
/// break of old Mac editors) into a line feed. YAML counts a lone `\r` as a
/// line break and Markdown does too, but line-based tools do not; with one
/// kind of break every line number in a message names the line the writer sees.
pub fn lone_cr_to_lf(text: String) -> String {
    // Most files have no carriage return, or only CRLF: one fast scan (memchr) each.
    if !text.contains('\r') || !text.replace("\r\n", "").contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads the whole site at `root`. Problems in different files are all
/// reported; a file that depends on another that failed (the calendar's
/// titles on the site's languages, the pages on both) is not checked against
/// guesses, so one mistake gives one message.
pub fn load(root: &Path) -> Result<Inputs, Diagnostics> {
    let (inputs, errors) = load_checkable(root)?;
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(inputs)
}

/// Reads the whole site at `root` as [`load`] does, but keeps going past
/// mistakes in pages' front matter, which leave the site whole enough to
/// check ([`content::read_page`]): the inputs (those keys left out) and
/// those mistakes, so that the checks of every page run in the same round.
/// Any other mistake is an `Err`, as for [`load`].
pub fn load_checkable(root: &Path) -> Result<(Inputs, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut texts = BTreeMap::new();
    let mut read = |file: &'static str, hint: Option<crate::i18n::Msg>| -> Option<String> {
        match read_text(root, Path::new(file), hint) {
            Ok(t) => {
                texts.insert(file, t.clone());
                Some(t)
            }
            Err(d) => {
                diags.push(d);
                None
            }
        }
    };
    let site_text = read(site::FILE, Some(crate::t!("site-missing-hint")));
    let calendar_text = read(calendar::FILE, Some(crate::t!("calendar-missing-hint")));
    let localities_text = if root.join(localities::FILE).is_file() { read(localities::FILE, None) } else { None };
    let site = site_text.and_then(|t| site::parse(&t).map_err(|d| diags.extend(d.0)).ok());
    let calendar = calendar_text.and_then(|t| calendar::parse(&t, site.as_ref().map(|s| s.languages.as_slice())).map_err(|d| diags.extend(d.0)).ok());
    let localities = localities_text.and_then(|t| localities::parse(&t).map_err(|d| diags.extend(d.0)).ok());
    let theme = site.as_ref().and_then(|s| {
        theme::load(root, &s.theme, &s.languages)
            .map_err(|d| {
                // "No such theme" is about the `theme:` line of site.yaml.
                diags.extend(d.0.into_iter().map(|mut e| {
                    if e.file == Path::new(site::FILE) && e.position.is_none() {
                        e.position = s.theme_position;
                        e = e.with_source(texts.get(site::FILE).map_or("", String::as_str));
                    }
                    e
                }))
            })
            .ok()
    });
    let mut content = match (&site, &calendar) {
        (Some(s), Some(c)) => content::load(root, s, c).map_err(|d| diags.extend(d.0)).ok(),
        _ => None,
    };
    if let (Some(s), Some(c)) = (&site, &content)
        && let Some(d) = safety_page_problem(s, c)
    {
        diags.push(d.with_source(texts.get(site::FILE).map_or("", String::as_str)));
    }
    let (statics, static_warnings) = statics::load(root).map_err(|d| diags.extend(d.0)).unwrap_or_default();
    let mut kept = content.as_mut().map(|c| std::mem::take(&mut c.errors)).unwrap_or_default();
    match (site, calendar, content, theme) {
        (Some(site), Some(calendar), Some(content), Some(theme)) if !diags.has_errors() => {
            kept.sort();
            Ok((Inputs { root: root.to_path_buf(), site, calendar, content, theme, localities, statics, static_warnings, texts }, kept))
        }
        _ => {
            diags.extend(kept.0);
            diags.sort();
            Err(diags)
        }
    }
}

/// Why `safety_page:` in `site.yaml` names no page of the content, if it
/// does not: it takes the path of a page in the default language under
/// `content/` (`pages/an-toan-khi-truy-cap.md`), as a link between pages
/// names it; `content/` written in front is forgiven.
fn safety_page_problem(site: &Site, content: &content::Content) -> Option<Diagnostic> {
    let (written, pos) = site.safety_page.as_ref()?;
    let path = safety_page_source(written);
    let found = content.pages.iter().any(|p| p.source == path && p.lang == site.default_language());
    (!found).then(|| {
        Diagnostic::error(site::FILE, *pos, crate::t!("site-no-safety-page", value = written.as_str())).with_hint(crate::t!("site-safety-page-hint"))
    })
}

/// The source path (relative to the site root) of the page `safety_page:`
/// names.
pub fn safety_page_source(written: &str) -> PathBuf {
    let rel = written.trim().trim_start_matches("./");
    let rel = rel.strip_prefix("content/").unwrap_or(rel);
    Path::new("content").join(rel)
}
