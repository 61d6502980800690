//! The `content/` tree → [`Content`]: pages with their front matter, and the
//! assets (images, documents) that sit beside them.
//!
//! ```text
//! content/_index.md              the hub            → /
//! content/pages/<slug>.md        site-wide pages    → /<slug>/
//! content/<campaign>/_index.md   a campaign's home  → /<campaign>/
//! content/<campaign>/<slug>.md   a campaign page    → /<campaign>/<slug>/
//! <file>.<lang>.md               a translation      → /<lang>/…
//! ```

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::calendar::{suggest_id, Calendar};
use super::front_matter;
pub use super::front_matter::{FrontMatter, LeafletFormat, Variants};
use super::site::Site;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;

/// The folder of site-wide pages inside `content/`.
pub const PAGES_DIR: &str = "pages";

/// All pages and assets of a site.
#[derive(Debug, Default)]
pub struct Content {
    /// Every page, drafts and embargoed ones included, sorted by source path.
    pub pages: Vec<Page>,
    /// Files other than Markdown, copied into the output beside their pages.
    pub assets: Vec<Asset>,
    /// What was skipped, and why (links, folders named like pages).
    pub warnings: Vec<Diagnostic>,
    /// For each page (same order), the index of the page it translates: `x.md`
    /// for `x.en.md` ([`super::translations::originals`]).
    pub originals: Vec<Option<usize>>,
    /// Mistakes in the front matter of pages that were read all the same,
    /// the keys with a mistake left out ([`read_page`]): a build stops on
    /// them, after every page has been checked, so one round says them all.
    pub errors: Diagnostics,
}

impl Content {
    /// The page that page `i` translates, if it is a translation with an original.
    pub fn original_of(&self, i: usize) -> Option<&Page> {
        self.originals.get(i).copied().flatten().map(|j| &self.pages[j])
    }
}

/// What a page is, which decides its URL and template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind {
    /// `content/_index.md`: the hub.
    Hub,
    /// `content/<campaign>/_index.md`: a campaign's home.
    CampaignHome(String),
    /// `content/<campaign>/<slug>.md`.
    CampaignPage(String),
    /// `content/pages/<slug>.md`.
    SitePage,
}

impl PageKind {
    /// The campaign the page belongs to, if any.
    pub fn campaign(&self) -> Option<&str> {
        match self {
            PageKind::CampaignHome(c) | PageKind::CampaignPage(c) => Some(c),
            _ => None,
        }
    }
}

/// One Markdown page, as read (never rendered here).
#[derive(Debug, Clone)]
pub struct Page {
    /// Source file relative to the site root, e.g. `content/pages/cach-bao-tin.md`.
    pub source: PathBuf,
    /// Hub, campaign home, campaign page or site page.
    pub kind: PageKind,
    /// The file stem (`cach-bao-tin`); empty for `_index` pages.
    pub slug: String,
    /// Its language code.
    pub lang: String,
    /// The front matter.
    pub front: FrontMatter,
    /// Where the Markdown after the front matter starts in `text` (bytes):
    /// see [`Page::body`]. The body is not kept apart, so a large site's
    /// Markdown is in memory once.
    pub body_start: usize,
    /// 0-based line of the file on which the body starts.
    pub body_line: usize,
    /// The whole file, NFC-normalised, to quote in diagnostics.
    pub text: String,
    /// The body as it is read when a link or picture target in it holds
    /// spaces (`![Lớp học](Ảnh lớp học.png)`): those targets between `<`
    /// and `>` ([`crate::markdown::spaced`]). `None` for most pages.
    pub bracketed: Option<Box<crate::markdown::spaced::Bracketed>>,
}

impl Page {
    /// The Markdown after the front matter, as it is read: with its spaced
    /// targets bracketed ([`Page::bracketed`]).
    pub fn body(&self) -> &str {
        match &self.bracketed {
            Some(b) => &b.text,
            None => self.written_body(),
        }
    }

    /// The Markdown after the front matter, as written in the file.
    pub fn written_body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or_default()
    }

    /// Converts a byte offset in [`Page::body`] to a position in the file.
    pub fn body_position(&self, offset: usize) -> Position {
        let offset = self.bracketed.as_ref().map_or(offset, |b| b.original_offset(offset));
        let p = Position::of_offset(self.written_body(), offset);
        Position::new(p.line + self.body_line, p.column)
    }

    /// The position in the file of byte `offset` of the body as written.
    pub fn written_position(&self, offset: usize) -> Position {
        let p = Position::of_offset(self.written_body(), offset);
        Position::new(p.line + self.body_line, p.column)
    }
}

/// A non-Markdown file from `content/`.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Source file relative to the site root.
    pub source: PathBuf,
    /// Output path relative to the output folder (`pages/` is dropped).
    pub output: String,
    /// What the file is, by its bytes ([`super::sniff`]): how it is published.
    pub kind: super::sniff::Kind,
}

/// Reads every file under `content/`.
pub fn load(root: &Path, site: &Site, calendar: &Calendar) -> Result<Content, Diagnostics> {
    let dir = root.join("content");
    let mut diags = Diagnostics::new();
    if !dir.is_dir() {
        diags.push(Diagnostic::error("content", None, t!("content-no-folder")).with_hint(t!("content-no-folder-hint")));
        return Err(diags);
    }
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let mut warnings = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().filter_entry(|e| !is_hidden(e.file_name())) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().map_or_else(|| PathBuf::from("content"), |p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                diags.push(Diagnostic::error(at, None, t!("content-cannot-read", detail = e.to_string())).with_hint(t!("folder-permissions-hint")));
                continue;
            }
        };
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let kind = entry.file_type();
        if kind.is_symlink() {
            warnings.push(
                Diagnostic::warning(&rel, None, t!("content-symlink"))
                    .with_hint(t!("content-symlink-hint", folder = "content/")),
            );
            continue;
        }
        if kind.is_dir() {
            if rel.extension().is_some_and(|e| e == "md") {
                warnings.push(Diagnostic::warning(&rel, None, t!("content-folder-like-page")).with_hint(t!("content-folder-like-page-hint")));
            }
            continue;
        }
        if !kind.is_file() {
            warnings.push(Diagnostic::warning(&rel, None, t!("content-not-a-file")));
            continue;
        }
        let inner = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let parts: Vec<String> = inner.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts.len() > 1 && parts[0] != PAGES_DIR && calendar.campaign(&parts[0]).is_none() {
            if reported.insert(parts[0].clone()) {
                let ids: Vec<&str> = calendar.campaigns.iter().map(|c| c.id.as_str()).collect();
                let hint = match suggest_id(calendar, &parts[0]) {
                    Some(s) => t!("content-folder-did-you-mean", id = s),
                    None => t!("content-folder-hint", ids = ids.join(", ")),
                };
                diags.push(
                    Diagnostic::error(
                        Path::new("content").join(&parts[0]),
                        None,
                        t!("content-folder-not-campaign", folder = parts[0].as_str()),
                    )
                    .with_hint(hint),
                );
            }
            continue;
        }
        if rel.extension().is_some_and(|e| e == "md") {
            markdown.push(rel);
        } else {
            let output = if parts.first().is_some_and(|p| p == PAGES_DIR) { parts[1..].join("/") } else { parts.join("/") };
            assets.push(Asset { kind: super::sniff::file(entry.path()), source: rel, output });
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }

    let results: Vec<Result<(Page, Diagnostics), Diagnostics>> = markdown.par_iter().map(|rel| read_page(root, rel, site)).collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Diagnostics::new();
    for (rel, r) in markdown.iter().zip(results) {
        match r {
            Ok((p, e)) => {
                errors.extend(e.0);
                pages.push(p);
            }
            Err(d) => match empty_translation(root, rel, site) {
                Some(w) => warnings.push(w),
                None => diags.extend(d.0),
            },
        }
    }
    diags.extend(same_page_twice(&pages, site.default_language()).0);
    let originals = super::translations::originals(&pages, site.default_language());
    diags.extend(super::translations::check(&pages, &originals, calendar).0);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Content { pages, assets, warnings, originals, errors })
}

/// A translation file with nothing in it but white space (what Decap CMS
/// writes when the English pane is left empty) is no translation: a warning
/// instead of "the page has no front matter".
fn empty_translation(root: &Path, rel: &Path, site: &Site) -> Option<Diagnostic> {
    let (_, lang) = file_language(rel, site);
    if lang == site.default_language() || !site.languages.contains(&lang) {
        return None;
    }
    let text = std::fs::read(root.join(rel)).ok()?;
    text.iter().all(u8::is_ascii_whitespace).then(|| {
        Diagnostic::warning(rel, None, t!("content-empty-translation", lang = lang.as_str()))
            .with_hint(t!("content-empty-translation-hint"))
    })
}

/// A file's stem and language: `x.en.md` → (`x`, `en`); `x.md` → (`x`, the
/// default language).
fn file_language(rel: &Path, site: &Site) -> (String, String) {
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(&name);
    match stem.rsplit_once('.') {
        Some((s, l)) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => (s.to_owned(), l.to_owned()),
        _ => (stem.to_owned(), site.default_language().to_owned()),
    }
}

/// `x.md` and `x.vi.md` side by side, when `vi` is the default language:
/// one page twice. Both are named; neither wins. (Other pairs of files with
/// one URL name are [`crate::check`]'s.)
fn same_page_twice(pages: &[Page], default_lang: &str) -> Diagnostics {
    let sources: std::collections::HashSet<&Path> = pages.iter().map(|p| p.source.as_path()).collect();
    let mut diags = Diagnostics::new();
    for p in pages {
        if let Some(plain) = plain_source(p, default_lang).filter(|plain| sources.contains(plain.as_path())) {
            diags.push(
                Diagnostic::error(&p.source, None, t!("content-same-page", first = &plain, second = &p.source, lang = default_lang))
                    .with_hint(t!("content-same-page-hint", lang = default_lang)),
            );
        }
    }
    diags
}

/// The file a link written as `x.md` means, for a page stored as `x.vi.md`
/// (the default language's code written out): `None` for any other page.
pub fn plain_source(page: &Page, default_lang: &str) -> Option<PathBuf> {
    let name = page.source.file_name()?.to_str()?;
    let stem = name.strip_suffix(&format!(".{default_lang}.md"))?;
    (page.lang == default_lang).then(|| page.source.with_file_name(format!("{stem}.md")))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    n.starts_with('.') || n.ends_with('~') || n.starts_with('#')
}

/// Reads one Markdown file: the page, or every mistake in it.
pub fn load_page(root: &Path, rel: &Path, site: &Site) -> Result<Page, Diagnostics> {
    let (page, errors) = read_page(root, rel, site)?;
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(page)
}

/// Reads one Markdown file, keeping going past mistakes in its front matter
/// ([`front_matter::read`]): the page with the keys that read, and those
/// mistakes. A file that is no page at all (no front matter, a language the
/// site lacks, a place no page goes) is an `Err`.
pub fn read_page(root: &Path, rel: &Path, site: &Site) -> Result<(Page, Diagnostics), Diagnostics> {
    let raw = super::read_text(root, rel, None)?;
    let text: String = super::nfc(raw.into()).into_owned();
    let err = |pos: Option<Position>, msg: Msg, hint: Msg| -> Diagnostic {
        Diagnostic::error(rel, pos, msg).with_hint(hint).with_source(&text)
    };

    // Where the page goes. File names are taken as people write them
    // (Vietnamese letters, capitals, spaces), in NFC.
    let inner = rel.strip_prefix("content").unwrap_or(rel);
    let parts: Vec<String> = inner.iter().map(|p| super::nfc(p.to_string_lossy()).into_owned()).collect();
    let file_name = parts.last().cloned().unwrap_or_default();
    let stem = file_name.strip_suffix(".md").unwrap_or(&file_name);
    // `x.en.md`: a last part of two or three small letters is a language
    // code; anything else after a dot (`Báo cáo 6.2027.md`) is part of the name.
    let (stem, lang) = match stem.rsplit_once('.') {
        Some((s, l)) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => (s.to_owned(), l.to_owned()),
        _ => (stem.to_owned(), site.default_language().to_owned()),
    };
    let mut diags = Diagnostics::new();
    if !site.languages.contains(&lang) {
        diags.push(err(None, t!("content-file-language", lang = lang.as_str(), languages = site.languages.join(", ")), t!("content-file-language-hint")));
    }
    // `x.vi.md` (the default language's code written out, as Decap CMS names
    // its files) is the same page as `x.md`; `same_page_twice` refuses both.
    let kind = match (parts.len(), stem == "_index") {
        (1, true) => PageKind::Hub,
        (2, true) if parts[0] == PAGES_DIR => {
            diags.push(err(None, t!("content-pages-index"), t!("content-pages-index-hint")));
            PageKind::SitePage
        }
        (2, true) => PageKind::CampaignHome(parts[0].clone()),
        (2, false) if parts[0] == PAGES_DIR => PageKind::SitePage,
        (2, false) => PageKind::CampaignPage(parts[0].clone()),
        (1, false) => {
            diags.push(err(None, t!("content-page-at-top"), t!("content-page-at-top-hint", file = file_name.as_str())));
            PageKind::SitePage
        }
        _ => {
            diags.push(err(None, t!("content-page-too-deep"), t!("content-page-too-deep-hint")));
            PageKind::SitePage
        }
    };
    let parsed = match front_matter::read(rel, &text, kind.campaign().is_some()) {
        Ok(p) => p,
        Err(d) => {
            diags.extend(d.0);
            return Err(diags);
        }
    };
    if diags.has_errors() {
        diags.extend(parsed.errors.0);
        return Err(diags);
    }
    let errors = parsed.errors;
    // The body is the end of the text (the front matter parser returns a
    // slice of it).
    let body_start = text.len() - parsed.body.len();
    debug_assert_eq!(&text[body_start..], parsed.body);
    let (front, body_line) = (parsed.front, parsed.body_line);
    // The URL name: `slug:` in the front matter, else derived from the file name.
    let slug = if stem == "_index" {
        String::new()
    } else {
        match &front.slug {
            Some(s) => s.clone(),
            None => crate::slug::from_name(&stem),
        }
    };
    if stem != "_index" && slug.is_empty() {
        let mut errors = errors;
        errors.push(Diagnostic::error(rel, None, t!("content-no-slug", name = stem.as_str())).with_hint(t!("content-no-slug-hint")));
        return Err(errors);
    }
    let bracketed = crate::markdown::spaced::bracket(&text[body_start..]).map(Box::new);
    Ok((Page { source: rel.to_path_buf(), kind, slug, lang, front, body_start, body_line, text, bracketed }, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whatever a page file holds, loading it gives a page or located errors, never a panic.
        #[test]
        fn loading_any_page_never_panics(body in "(---\n)?[a-z_]{0,8}(: )?[\\PC\n\t\\[\\]{}\"':#-]{0,60}(\n---\n)?\\PC{0,20}") {
            let dir = tempfile::tempdir().unwrap();
            let site = crate::load::site::parse("title: T\nbase_url: https://example.org/\n").unwrap();
            std::fs::create_dir_all(dir.path().join("content/pages")).unwrap();
            std::fs::write(dir.path().join("content/pages/x.md"), &body).unwrap();
            if let Err(d) = load_page(dir.path(), Path::new("content/pages/x.md"), &site) {
                proptest::prop_assert!(d.has_errors());
                for e in d.iter() {
                    let _ = e.render();
                }
            }
        }
    }
}
