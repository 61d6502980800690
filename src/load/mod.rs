//! Load: read a site folder into typed models. Every problem becomes a located
//! [`Diagnostic`](crate::diag::Diagnostic); all of them are collected and
//! returned together.
//!
//! The inputs are `site.yaml` ([`site`]), `calendar.yaml` ([`calendar`], whose
//! dates follow the [`when`] grammar), the `content/` tree ([`content`]) and the
//! theme ([`theme`]). Nothing here knows what day it is: that is [`crate::plan`]'s.

pub mod calendar;
pub mod content;
pub mod localities;
pub mod site;
pub mod theme;
pub mod when;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::Diagnostics;

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
}

/// Reads the whole site at `root`. Problems in different files are all reported.
pub fn load(root: &Path) -> Result<Inputs, Diagnostics> {
    let mut diags = Diagnostics::new();
    let site = site::load(root).map_err(|d| diags.extend(d.0)).ok();
    let languages = site.as_ref().map_or_else(|| vec!["vi".to_owned()], |s| s.languages.clone());
    let calendar = calendar::load(root, &languages).map_err(|d| diags.extend(d.0)).ok();
    let theme_name = site.as_ref().map_or("default", |s| s.theme.as_str());
    let theme = theme::load(root, theme_name, &languages).map_err(|d| diags.extend(d.0)).ok();
    let localities = localities::load(root).map_err(|d| diags.extend(d.0)).ok().flatten();
    let content = match (&site, &calendar) {
        (Some(s), Some(c)) => content::load(root, s, c).map_err(|d| diags.extend(d.0)).ok(),
        _ => None,
    };
    match (site, calendar, content, theme) {
        (Some(site), Some(calendar), Some(content), Some(theme)) if !diags.has_errors() => {
            Ok(Inputs { root: root.to_path_buf(), site, calendar, content, theme, localities })
        }
        _ => {
            diags.sort();
            Err(diags)
        }
    }
}
