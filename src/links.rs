//! Links between pages: the table of every page's source path and anchors, the
//! check that every internal link points at something that exists (run by
//! `loa check` and `loa build`, whatever the date), and the resolution of a
//! link's destination for rendering.
//!
//! A link to another page is written as the path of its Markdown file, relative
//! to the page (`../pages/cach-bao-tin.md#goi-111`) or to `content/`
//! (`@/pages/cach-bao-tin.md`). Files beside the pages (images, PDFs) are linked
//! the same way.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::t;
use crate::load::content::{Content, Page};
use crate::load::site::Site;
use crate::markdown::{self, Scan};
use crate::url_policy::is_safe_scheme;
use crate::urls;

/// What a link destination points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another page (index into `Content::pages`) and an optional `#fragment`.
    Page(usize, Option<String>),
    /// A file from `content/`, by output path.
    Asset(String),
    /// A fragment of the same page.
    Fragment(String),
    /// `http(s):`, `mailto:`, `tel:`.
    External(String),
    /// A scheme that never reaches the output (`javascript:`, `data:`…).
    Unsafe,
}

/// Every page's source path and anchors, and every asset.
#[derive(Debug, Default)]
pub struct LinkTable {
    by_source: HashMap<PathBuf, usize>,
    assets: HashMap<PathBuf, String>,
    /// Each page's scan (anchors and links), by page index.
    pub scans: Vec<Scan>,
    /// Where each page's links point, by page index: worked out once per
    /// load, for the checks and for every build's list of published files.
    resolved: Vec<Resolved>,
}

/// Where one page's links point.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Each link's target (or why it has none), in the order of the page's
    /// [`Scan::links`].
    pub links: Vec<Result<Target, Msg>>,
    /// The target of the front matter's `image:`, if it has one.
    pub image: Option<Result<Target, Msg>>,
}

impl LinkTable {
    /// Scans every page (in parallel) and indexes pages and assets. A page
    /// stored as `x.vi.md` (`default_lang` written out) is also found by a
    /// link to `x.md`.
    pub fn new(content: &Content, default_lang: &str) -> Self {
        let scans: Vec<Scan> = content.pages.par_iter().map(|p| markdown::scan(p.body())).collect();
        let sources: Vec<PathBuf> = content.pages.par_iter().map(|p| nfc_path(&p.source)).collect();
        let mut by_source: HashMap<PathBuf, usize> = sources.into_iter().enumerate().map(|(i, p)| (p, i)).collect();
        for (i, p) in content.pages.iter().enumerate() {
            if let Some(plain) = crate::load::content::plain_source(p, default_lang) {
                by_source.entry(nfc_path(&plain)).or_insert(i);
            }
        }
        let assets = content.assets.iter().map(|a| (nfc_path(&a.source), a.output.clone())).collect();
        let mut table = Self { by_source, assets, scans, resolved: Vec::new() };
        table.resolved = content.pages.par_iter().enumerate().map(|(i, p)| table.resolve(i, p)).collect();
        table
    }

    /// Scans page `i` again after its text changed (same source path).
    pub fn rescan(&mut self, i: usize, page: &Page) {
        if let Some(scan) = self.scans.get_mut(i) {
            *scan = markdown::scan(page.body());
            self.resolved[i] = self.resolve(i, page);
        }
    }

    /// Where `dest`, written in `from`, points.
    pub fn target(&self, from: &Page, dest: &str) -> Result<Target, Msg> {
        let dest = dest.trim();
        if dest.is_empty() {
            return Err(t!("link-empty"));
        }
        if let Some(frag) = dest.strip_prefix('#') {
            return Ok(Target::Fragment(frag.to_owned()));
        }
        if let Some((scheme, _)) = dest.split_once(':')
            && !scheme.contains(['/', '?', '#', '.'])
        {
            return Ok(if is_safe_scheme(dest) { Target::External(dest.to_owned()) } else { Target::Unsafe });
        }
        if dest.starts_with("//") {
            return Ok(Target::External(dest.to_owned()));
        }
        let (path, frag) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f.to_owned())),
            None => (dest, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        // A file may be linked by its name as written (`Phòng chống.md`) or
        // percent-encoded (`Ph%C3%B2ng%20ch%E1%BB%91ng.md`).
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let path: &str = &decoded;
        let joined = if let Some(rest) = path.strip_prefix("@/") {
            Path::new("content").join(rest)
        } else if path.starts_with('/') {
            return Err(t!("link-url-path", dest = dest));
        } else {
            from.source.parent().unwrap_or(Path::new("")).join(path)
        };
        let Some(norm) = normalize(&joined).map(|p| nfc_path(&p)) else {
            return Err(t!("link-outside", dest = dest));
        };
        if let Some(&i) = self.by_source.get(&norm) {
            return Ok(Target::Page(i, frag));
        }
        if norm.extension().is_some_and(|e| e == "md") {
            return Err(t!("link-missing", dest = dest, looked = &norm));
        }
        if let Some(out) = self.assets.get(&norm) {
            return Ok(Target::Asset(out.clone()));
        }
        // `foo/` or `foo` meaning foo.md is a common slip; say so. (Not for
        // `foo.png`, the picture beside foo.md, which was found above.)
        if norm.extension().is_none() && self.by_source.contains_key(&norm.with_extension("md")) {
            return Err(t!("link-not-a-file", dest = dest, file = format!("{}.md", path.trim_end_matches('/'))));
        }
        Err(t!("link-missing", dest = dest, looked = &norm))
    }

    /// Where a link written in `from` goes: a page's URL (with its
    /// `#fragment`), an asset's, a same-page `#fragment`, or an outside URL.
    /// `None` when the link must lose its target and keep its text: a page
    /// that `page_url` says is not published (it gives `None`), an unsafe
    /// scheme, a broken link. With `absolute`, the site's own URLs start with
    /// the base URL (for feeds and print).
    pub fn url(&self, site: &Site, from: &Page, dest: &str, absolute: bool, page_url: &dyn Fn(usize) -> Option<String>) -> Option<String> {
        self.url_to(site, self.target(from, dest), absolute, page_url)
    }

    /// [`LinkTable::url`] of a link written in page `i` (`from`), with the
    /// target worked out when the page was scanned (see
    /// [`LinkTable::target_in`]).
    pub fn url_in(&self, site: &Site, i: usize, from: &Page, dest: &str, absolute: bool, page_url: &dyn Fn(usize) -> Option<String>) -> Option<String> {
        self.url_to(site, self.target_in(i, from, dest), absolute, page_url)
    }

    /// [`LinkTable::target`] of a link written in page `i` (`from`): when
    /// `dest` is one of the page's links as written, the target worked out
    /// when it was scanned (the same function of the same page and text;
    /// rendering a page asked for each of its links again, joining,
    /// normalising and looking up paths a second time); else worked out now.
    pub fn target_in(&self, i: usize, from: &Page, dest: &str) -> Result<Target, Msg> {
        if let (Some(scan), Some(resolved)) = (self.scans.get(i), self.resolved.get(i))
            && let Some(k) = scan.links.iter().position(|l| l.dest == dest)
            && let Some(target) = resolved.links.get(k)
        {
            return target.clone();
        }
        self.target(from, dest)
    }

    fn url_to(&self, site: &Site, target: Result<Target, Msg>, absolute: bool, page_url: &dyn Fn(usize) -> Option<String>) -> Option<String> {
        let own = |path: String| if absolute { urls::absolute(site, &path) } else { path };
        match target.ok()? {
            Target::Page(t, frag) => {
                let mut url = own(page_url(t)?);
                if let Some(f) = frag.filter(|f| !f.is_empty()) {
                    url.push('#');
                    url.push_str(&f);
                }
                Some(url)
            }
            Target::Unsafe => None,
            Target::Asset(out) => Some(own(urls::of_file(site, &out))),
            Target::Fragment(f) => Some(format!("#{f}")),
            Target::External(u) => Some(u),
        }
    }

    /// Where the links of page `i` point.
    pub fn resolved(&self, i: usize) -> &Resolved {
        static NONE: Resolved = Resolved { links: Vec::new(), image: None };
        self.resolved.get(i).unwrap_or(&NONE)
    }

    /// The files of `content/` (by output path) that page `i` links: by its
    /// links and images, and by the `image:` of its front matter.
    pub fn files_linked_by(&self, i: usize) -> impl Iterator<Item = &str> {
        let r = self.resolved(i);
        r.links.iter().chain(&r.image).filter_map(|t| match t {
            Ok(Target::Asset(out)) => Some(out.as_str()),
            _ => None,
        })
    }

    /// Works out [`LinkTable::resolved`] for page `i`, `page`.
    fn resolve(&self, i: usize, page: &Page) -> Resolved {
        Resolved {
            links: self.scans[i].links.iter().map(|l| self.target(page, &l.dest)).collect(),
            image: page.front.image.as_deref().map(|dest| self.target(page, dest)),
        }
    }

    /// Checks every link of page `i` (by index in `content`): a link to a
    /// missing page or file, or to a heading its page lacks, is an error; a
    /// remote image is an error; an unsafe scheme is a warning.
    pub fn check_page(&self, content: &Content, i: usize) -> Vec<Diagnostic> {
        let page = &content.pages[i];
        let mut out = Vec::new();
        let scan = &self.scans[i];
        for (link, target) in scan.links.iter().zip(&self.resolved(i).links) {
            // Where the link is, worked out only for a diagnostic (it counts
            // the lines before it).
            let pos = || Some(page.body_position(link.offset));
            let err = |msg: Msg, hint: Msg| Diagnostic::error(&page.source, pos(), msg).with_hint(hint).with_source(&page.text);
            match target.clone() {
                Err(msg) => out.push(err(msg, t!("link-missing-hint"))),
                Ok(Target::Page(target, Some(frag))) if !frag.is_empty() && !self.scans[target].anchors.contains(&frag) => {
                    let hint = match crate::diag::did_you_mean(&frag, self.scans[target].anchors.iter().map(String::as_str)) {
                        Some(s) => t!("link-anchor-did-you-mean", anchor = s),
                        None => t!("link-anchor-hint"),
                    };
                    out.push(err(t!("link-no-heading", page = &content.pages[target].source, anchor = frag.as_str()), hint));
                }
                Ok(Target::Fragment(frag)) if !frag.is_empty() && !scan.anchors.contains(&frag) => {
                    out.push(err(t!("link-no-heading-here", anchor = frag.as_str()), t!("link-anchor-hint")));
                }
                Ok(Target::External(url)) if link.image => out.push(err(t!("link-image-remote", url = url.as_str()), t!("link-image-remote-hint"))),
                Ok(Target::Unsafe) => out.push(Diagnostic::warning(&page.source, pos(), t!("link-unsafe-scheme", dest = link.dest.as_str())).with_source(&page.text)),
                _ => {}
            }
        }
        out
    }
}

/// A path in Unicode NFC (file names may be stored decomposed, as macOS does).
fn nfc_path(p: &Path) -> PathBuf {
    PathBuf::from(crate::load::nfc(p.to_string_lossy()).into_owned())
}

/// Resolves `.` and `..` without touching the file system; `None` if the path
/// climbs out of its root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out: Vec<&std::ffi::OsStr> = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir => {
                out.pop()?;
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    let p: PathBuf = out.iter().collect();
    p.starts_with("content").then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize(Path::new("content/pages/../x/_index.md")), Some(PathBuf::from("content/x/_index.md")));
        assert_eq!(normalize(Path::new("content/../../etc/passwd")), None);
        assert_eq!(normalize(Path::new("content/../site.yaml")), None);
    }
}
