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

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use walkdir::WalkDir;

use super::calendar::{suggest_id, Calendar};
use super::site::Site;
use super::yaml::{self, content_position, position_of, Spanned};
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Position};

/// The folder of site-wide pages inside `content/`.
pub const PAGES_DIR: &str = "pages";

/// The front-matter keys a page may have, for "did you mean" hints.
pub const FRONT_MATTER_KEYS: &[&str] =
    &["title", "summary", "date", "publish", "expire", "draft", "weight", "audience", "leaflet", "variants", "image", "image_alt"];

/// All pages and assets of a site.
#[derive(Debug, Default)]
pub struct Content {
    /// Every page, drafts and embargoed ones included, sorted by source path.
    pub pages: Vec<Page>,
    /// Files other than Markdown, copied into the output beside their pages.
    pub assets: Vec<Asset>,
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
    /// The Markdown after the front matter.
    pub body: String,
    /// 0-based line of the file on which `body` starts.
    pub body_line: usize,
    /// The whole file, NFC-normalised, to quote in diagnostics.
    pub text: String,
}

impl Page {
    /// Converts a byte offset in `body` to a position in the file.
    pub fn body_position(&self, offset: usize) -> Position {
        let p = Position::of_offset(&self.body, offset);
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
}

/// A leaflet format for print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeafletFormat {
    /// A4 portrait poster.
    A4,
    /// A5 portrait leaflet.
    A5,
    /// A4 landscape folded in three.
    Trifold,
}

impl LeafletFormat {
    /// The name used in front matter and file names.
    pub fn name(self) -> &'static str {
        match self {
            LeafletFormat::A4 => "a4",
            LeafletFormat::A5 => "a5",
            LeafletFormat::Trifold => "trifold",
        }
    }
}

/// What a page's leaflets are made once per (`variants:` in front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variants {
    /// One leaflet per entry of `localities.yaml`, with that locality's contact.
    Localities,
}

/// One end of a publication window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// A calendar date.
    Date(NaiveDate),
    /// Days from the start of the campaign's occurrence (`start-14d`).
    FromStart(i64),
    /// Days from the end of the campaign's occurrence (`end+7d`).
    FromEnd(i64),
}

/// A page's front matter. Only `title` is required.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The page title.
    pub title: String,
    /// One sentence for lists, feeds and link previews.
    pub summary: Option<String>,
    /// When the page was written or last updated; orders feeds.
    pub date: Option<NaiveDate>,
    /// First day the page is live.
    pub publish: Option<Bound>,
    /// First day the page is no longer live.
    pub expire: Option<Bound>,
    /// Drafts exist only with `--drafts`.
    pub draft: bool,
    /// Sort key in lists; lower first.
    pub weight: i64,
    /// Who the page is for (`tre-em`, `cha-me`, `giao-vien`, …).
    pub audience: Option<String>,
    /// Print formats to make of the page.
    pub leaflet: Vec<LeafletFormat>,
    /// Make the leaflets once per locality (`variants: localities`).
    pub variants: Option<Variants>,
    /// An image for link previews, relative to the page.
    pub image: Option<String>,
    /// Its text alternative.
    pub image_alt: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontFile {
    title: Spanned<String>,
    summary: Option<String>,
    date: Option<Spanned<BoundField>>,
    publish: Option<Spanned<BoundField>>,
    expire: Option<Spanned<BoundField>>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    weight: i64,
    audience: Option<Spanned<String>>,
    leaflet: Option<Spanned<OneOrMany>>,
    variants: Option<Spanned<String>>,
    image: Option<String>,
    image_alt: Option<String>,
}

/// A date or an offset as written; YAML may read `2027-05-20` as a string.
struct BoundField(String);

impl<'de> Deserialize<'de> for BoundField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = BoundField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date (2027-05-20) or an offset (start-14d, end+7d)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BoundField, E> {
                Ok(BoundField(v.to_owned()))
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Parses `2027-05-20`, `start`, `end`, `start-14d`, `end+7d`.
pub fn parse_bound(s: &str) -> Result<Bound, String> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Bound::Date(d));
    }
    let (anchor, rest) = if let Some(r) = s.strip_prefix("start") {
        (true, r)
    } else if let Some(r) = s.strip_prefix("end") {
        (false, r)
    } else {
        return Err(format!("`{s}` is neither a date nor an offset"));
    };
    let rest = rest.trim();
    let days = if rest.is_empty() {
        0
    } else {
        let (sign, num) = match rest.chars().next() {
            Some('+') => (1, &rest[1..]),
            Some('-') => (-1, &rest[1..]),
            _ => return Err(format!("`{s}`: an offset is start or end, then + or -, then a number of days")),
        };
        let num = num.trim().strip_suffix('d').unwrap_or(num.trim()).trim();
        match num.parse::<i64>() {
            Ok(n) if n <= 3660 => sign * n,
            _ => return Err(format!("`{s}`: `{num}` is not a number of days")),
        }
    };
    Ok(if anchor { Bound::FromStart(days) } else { Bound::FromEnd(days) })
}

/// Splits a file into its front matter and body: `(yaml, yaml_line, body, body_line)`.
fn split_front_matter(text: &str) -> Option<(&str, usize, &str, usize)> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Some((yaml, 1, body, i + 2));
        }
        offset += line.len();
    }
    None
}

/// Reads every file under `content/`.
pub fn load(root: &Path, site: &Site, calendar: &Calendar) -> Result<Content, Diagnostics> {
    let dir = root.join("content");
    let mut diags = Diagnostics::new();
    if !dir.is_dir() {
        diags.push(Diagnostic::error("content", None, "there is no content/ folder").with_hint("create content/_index.md for the hub; `loa init` makes a working site"));
        return Err(diags);
    }
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().filter_entry(|e| !is_hidden(e.file_name())) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error("content", None, format!("cannot read the content folder: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let inner = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let parts: Vec<String> = inner.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts.len() > 1 && parts[0] != PAGES_DIR && calendar.campaign(&parts[0]).is_none() {
            if reported.insert(parts[0].clone()) {
                let ids: Vec<&str> = calendar.campaigns.iter().map(|c| c.id.as_str()).collect();
                let hint = match suggest_id(calendar, &parts[0]) {
                    Some(s) => format!("did you mean `{s}`? The folders under content/ are `pages` and the campaign ids"),
                    None => format!("add the campaign to calendar.yaml, or rename the folder to one of: {}", ids.join(", ")),
                };
                diags.push(
                    Diagnostic::error(
                        Path::new("content").join(&parts[0]),
                        None,
                        format!("the folder `{}` is not a campaign in calendar.yaml", parts[0]),
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
            assets.push(Asset { source: rel, output });
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }

    let results: Vec<Result<Page, Diagnostics>> = markdown.par_iter().map(|rel| load_page(root, rel, site)).collect();
    let mut pages = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(p) => pages.push(p),
            Err(d) => diags.extend(d.0),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Content { pages, assets })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    n.starts_with('.') || n.ends_with('~') || n.starts_with('#')
}

/// Reads one Markdown file.
pub fn load_page(root: &Path, rel: &Path, site: &Site) -> Result<Page, Diagnostics> {
    let raw = std::fs::read(root.join(rel)).map_err(|e| Diagnostic::error(rel, None, format!("cannot read: {e}")))?;
    let raw = match String::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            let pos = Position::of_offset(&String::from_utf8_lossy(e.as_bytes()), e.utf8_error().valid_up_to());
            return Err(Diagnostic::error(rel, Some(pos), "this file is not UTF-8 text")
                .with_hint("save the file as UTF-8 in your editor")
                .into());
        }
    };
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let text: String = if is_nfc_quick(raw.chars()) == IsNormalized::Yes { raw.to_owned() } else { raw.nfc().collect() };
    let err = |pos: Option<Position>, msg: String, hint: &str| -> Diagnostic {
        Diagnostic::error(rel, pos, msg).with_hint(hint).with_source(&text)
    };

    // Where the page goes.
    let inner = rel.strip_prefix("content").unwrap_or(rel);
    let parts: Vec<String> = inner.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file_name = parts.last().cloned().unwrap_or_default();
    let stem = file_name.strip_suffix(".md").unwrap_or(&file_name);
    let (stem, lang) = match stem.rsplit_once('.') {
        Some((s, l)) => (s.to_owned(), l.to_owned()),
        None => (stem.to_owned(), site.default_language().to_owned()),
    };
    let mut diags = Diagnostics::new();
    if !site.languages.contains(&lang) {
        diags.push(err(None, format!("`{lang}` in the file name is not one of the site's languages ({})", site.languages.join(", ")), "name translations x.en.md, with a code from `languages` in site.yaml"));
    } else if lang == site.default_language() && stem.len() + 4 < file_name.len() {
        diags.push(err(None, format!("`.{lang}` is the default language and needs no suffix"), "rename the file without the language code"));
    }
    let kind = match (parts.len(), stem == "_index") {
        (1, true) => PageKind::Hub,
        (2, true) if parts[0] == PAGES_DIR => {
            diags.push(err(None, "content/pages/ has no _index.md: site-wide pages are listed on the hub".into(), "move the text to content/_index.md"));
            PageKind::SitePage
        }
        (2, true) => PageKind::CampaignHome(parts[0].clone()),
        (2, false) if parts[0] == PAGES_DIR => PageKind::SitePage,
        (2, false) => PageKind::CampaignPage(parts[0].clone()),
        (1, false) => {
            diags.push(err(None, "pages go in content/pages/ or in a campaign's folder".into(), &format!("move it to content/pages/{file_name}")));
            PageKind::SitePage
        }
        _ => {
            diags.push(err(None, "pages go at most one folder deep under content/".into(), "move it to content/pages/ or to the campaign's folder"));
            PageKind::SitePage
        }
    };
    let slug = if stem == "_index" { String::new() } else { stem.clone() };
    if !slug.is_empty() && !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        diags.push(err(None, format!("`{stem}` is not a valid page name: it becomes the page's URL"), &format!("rename the file {}.md, with lowercase letters a-z, digits and hyphens", slug::slugify(&stem))));
    }

    let Some((yaml_text, yaml_line, body, body_line)) = split_front_matter(&text) else {
        diags.push(err(Some(Position::new(1, 1)), "the page has no front matter".into(), "start the file with a line ---, then title: …, then a line ---"));
        return Err(diags);
    };
    let front: FrontFile = match yaml::parse(rel, yaml_text, yaml_line) {
        Ok(f) => f,
        Err(mut d) => {
            if d.message.contains("unknown field") {
                let word = d.message.split('`').nth(1).unwrap_or("");
                if let Some(s) = did_you_mean(word, FRONT_MATTER_KEYS.iter().copied()) {
                    d.hint = Some(format!("did you mean `{s}`?"));
                } else {
                    d.hint = Some(format!("the keys a page may have are: {}", FRONT_MATTER_KEYS.join(", ")));
                }
            }
            diags.push(d.with_source(&text));
            return Err(diags);
        }
    };

    let title = front.title.value.trim().to_owned();
    if title.is_empty() {
        diags.push(err(position_of(&front.title, yaml_line), "the title is empty".into(), "write the page's title after `title:`"));
    }
    let date = front.date.as_ref().and_then(|f| match NaiveDate::parse_from_str(f.value.0.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            diags.push(err(content_position(&text, position_of(f, yaml_line)), format!("`{}` is not a date", f.value.0), "write the date as YYYY-MM-DD, e.g. 2027-05-20"));
            None
        }
    });
    let mut bound = |field: &Option<Spanned<BoundField>>, name: &str| -> Option<Bound> {
        let f = field.as_ref()?;
        let pos = content_position(&text, position_of(f, yaml_line));
        match parse_bound(&f.value.0) {
            Ok(b @ (Bound::FromStart(_) | Bound::FromEnd(_))) if kind.campaign().is_none() => {
                diags.push(err(pos, format!("`{name}: {}` is relative to a campaign, but this page belongs to none", f.value.0), "use a date such as 2027-05-20, or move the page into a campaign's folder"));
                Some(b)
            }
            Ok(b) => Some(b),
            Err(m) => {
                diags.push(err(pos, m, "write a date (2027-05-20) or an offset from the campaign: start, end, start-14d, end+7d"));
                None
            }
        }
    };
    let publish = bound(&front.publish, "publish");
    let expire = bound(&front.expire, "expire");
    if let (Some(Bound::Date(p)), Some(Bound::Date(e))) = (publish, expire)
        && e <= p
    {
        diags.push(err(front.expire.as_ref().and_then(|f| content_position(&text, position_of(f, yaml_line))), format!("the page expires ({e}) before it is published ({p})"), "`expire` is the first day the page is gone; make it later than `publish`"));
    }

    let mut leaflet = Vec::new();
    if let Some(l) = &front.leaflet {
        let names = match &l.value {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        };
        for n in names {
            match n.trim() {
                "a4" => leaflet.push(LeafletFormat::A4),
                "a5" => leaflet.push(LeafletFormat::A5),
                "trifold" => leaflet.push(LeafletFormat::Trifold),
                other => diags.push(err(content_position(&text, position_of(l, yaml_line)), format!("`{other}` is not a leaflet format"), "use a4, a5 or trifold, or a list such as [a4, trifold]")),
            }
        }
        leaflet.sort();
        leaflet.dedup();
    }
    let variants = match &front.variants {
        None => None,
        Some(v) => match v.value.trim() {
            "localities" => Some(Variants::Localities),
            other => {
                diags.push(err(content_position(&text, position_of(v, yaml_line)), format!("`{other}` is not a kind of leaflet variants"), "write `variants: localities` for one leaflet per entry of localities.yaml, or remove the key"));
                None
            }
        },
    };
    let audience = front.audience.as_ref().map(|a| a.value.trim().to_owned());
    if let (Some(a), Some(s)) = (&audience, &front.audience)
        && (a.is_empty() || !a.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    {
        diags.push(err(content_position(&text, position_of(s, yaml_line)), format!("`{a}` is not an audience name"), "use a short name in lowercase letters and hyphens: tre-em, cha-me, giao-vien, cong-dong"));
    }

    if diags.has_errors() {
        return Err(diags);
    }
    let body = body.to_owned();
    Ok(Page {
        source: rel.to_path_buf(),
        kind,
        slug,
        lang,
        front: FrontMatter {
            title,
            summary: front.summary.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            date,
            publish,
            expire,
            draft: front.draft,
            weight: front.weight,
            audience,
            leaflet,
            variants,
            image: front.image,
            image_alt: front.image_alt,
        },
        body,
        body_line,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(parse_bound("2027-05-20"), Ok(Bound::Date(NaiveDate::from_ymd_opt(2027, 5, 20).unwrap())));
        assert_eq!(parse_bound("start-14d"), Ok(Bound::FromStart(-14)));
        assert_eq!(parse_bound("end + 7d"), Ok(Bound::FromEnd(7)));
        assert_eq!(parse_bound("start"), Ok(Bound::FromStart(0)));
        assert_eq!(parse_bound("end"), Ok(Bound::FromEnd(0)));
        assert!(parse_bound("tomorrow").is_err());
        assert!(parse_bound("start*2").is_err());
        assert!(parse_bound("2027-02-30").is_err());
    }

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

    #[test]
    fn front_matter_split() {
        let (y, yl, b, bl) = split_front_matter("---\ntitle: A\n---\n\nBody\n").unwrap();
        assert_eq!((y, yl, b, bl), ("title: A\n", 1, "\nBody\n", 3));
        assert!(split_front_matter("title: A\n").is_none());
        assert!(split_front_matter("---\ntitle: A\n").is_none());
    }
}
