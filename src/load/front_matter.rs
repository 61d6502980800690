//! A page's front matter: the YAML between the `---` lines at the top of a
//! Markdown file, read into [`FrontMatter`] with every problem located at its
//! line and column. Only `title` is required.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::yaml::{self, content_position, position_of, Spanned};
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;
use crate::time::Bound;

/// The front-matter keys a page may have, for "did you mean" hints.
pub const KEYS: &[&str] =
    &["title", "slug", "summary", "date", "publish", "expire", "draft", "weight", "audience", "school_level", "leaflet", "variants", "image", "image_alt", "broadcast"];

/// The school levels a page may be for (`school_level:`), in the order of
/// the Vietnamese school system: kindergarten, primary, lower secondary,
/// upper secondary. Their labels are the theme's `school_level_*` strings.
pub const SCHOOL_LEVELS: &[&str] = &["mam-non", "tieu-hoc", "thcs", "thpt"];

/// The audiences of loa's default theme (its `audience_*` strings), named in
/// messages about `audience:` read before the theme is.
pub const DEFAULT_AUDIENCES: &[&str] = &["tre-em", "cha-me", "giao-vien", "cong-dong", "can-bo"];

/// What each front-matter key takes, for a value of the wrong kind.
pub fn takes(key: &str) -> Option<Msg> {
    Some(match key {
        "title" | "summary" | "image_alt" => t!("takes-text"),
        "slug" => t!("takes-slug"),
        "date" => t!("takes-date"),
        "publish" | "expire" => t!("takes-bound"),
        "draft" => t!("takes-true-false"),
        "weight" => t!("takes-whole-number"),
        "audience" => t!("takes-audience", groups = DEFAULT_AUDIENCES.join(", ")),
        "school_level" => t!("takes-school-level", levels = SCHOOL_LEVELS.join(", ")),
        "leaflet" => t!("takes-leaflet"),
        "variants" => t!("takes-variants"),
        "image" => t!("takes-picture"),
        "broadcast" => t!("takes-broadcast"),
        "times" => t!("takes-air-times"),
        "days" => t!("takes-air-days", days = super::broadcast::DAY_NAMES),
        _ => return None,
    })
}

/// The largest offset `publish`/`expire` may take, in days (ten years).
pub const MAX_OFFSET_DAYS: i64 = 3660;

/// A leaflet format for print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeafletFormat {
    /// A4 portrait poster.
    A4,
    /// A5 portrait leaflet.
    A5,
    /// A4 landscape folded in three.
    Trifold,
    /// A sách mỏng: A5 pages padded to a multiple of four, also imposed on
    /// A4 landscape for duplex printing and saddle stitching.
    Booklet,
    /// An A3 portrait poster.
    PosterA3,
    /// An A2 portrait poster.
    PosterA2,
}

impl LeafletFormat {
    /// The file of its template in a theme's `leaflets/` folder: `a4.typ`.
    pub fn template(self) -> String {
        format!("{}.typ", self.name())
    }

    /// The name used in front matter and file names.
    pub fn name(self) -> &'static str {
        match self {
            LeafletFormat::A4 => "a4",
            LeafletFormat::A5 => "a5",
            LeafletFormat::Trifold => "trifold",
            LeafletFormat::Booklet => "booklet",
            LeafletFormat::PosterA3 => "poster-a3",
            LeafletFormat::PosterA2 => "poster-a2",
        }
    }

    /// Its name in theme string keys: `poster_a3`.
    pub fn key(self) -> String {
        self.name().replace('-', "_")
    }

    /// Every format, in the order of the list for schools.
    pub const ALL: [LeafletFormat; 6] =
        [LeafletFormat::A4, LeafletFormat::A5, LeafletFormat::Trifold, LeafletFormat::Booklet, LeafletFormat::PosterA3, LeafletFormat::PosterA2];

    /// The format named `name` in front matter.
    pub fn from_name(name: &str) -> Option<LeafletFormat> {
        LeafletFormat::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// What a page's leaflets are made once per (`variants:` in front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variants {
    /// One leaflet per entry of `localities.yaml`, with that locality's contact.
    Localities,
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
    /// Who the page is for (`tre-em`, `cha-me`, `giao-vien`, …): one or more.
    pub audience: Vec<String>,
    /// The page's URL name when it is not derived from the file name.
    pub slug: Option<String>,
    /// The school levels the page is for (`mam-non`, `tieu-hoc`, `thcs`,
    /// `thpt`), in [`SCHOOL_LEVELS`] order, each once.
    pub school_level: Vec<String>,
    /// Print formats to make of the page.
    pub leaflet: Vec<LeafletFormat>,
    /// Make the leaflets once per locality (`variants: localities`).
    pub variants: Option<Variants>,
    /// An image for link previews, relative to the page.
    pub image: Option<String>,
    /// Its text alternative.
    pub image_alt: Option<String>,
    /// The page as a bulletin for commune radio (`broadcast:`).
    pub broadcast: Option<super::broadcast::Broadcast>,
    /// Where each key's value is written in the file (1-based line and
    /// column), for messages about a key found after loading: a few keys
    /// a page, so a list (a map's node would take ten times the room on a
    /// site of 50,000 pages).
    pub positions: Vec<(&'static str, Position)>,
    /// Keys written whose value was refused (and left out), with an error
    /// said already: later checks do not count the same mistake again.
    pub rejected: BTreeSet<&'static str>,
}

impl FrontMatter {
    /// Where `key`'s value is written in the page's file.
    pub fn position(&self, key: &str) -> Option<Position> {
        self.positions.iter().find(|(k, _)| *k == key).map(|&(_, p)| p)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FrontFile {
    title: Option<Spanned<String>>,
    summary: Option<String>,
    date: Option<Spanned<BoundField>>,
    publish: Option<Spanned<BoundField>>,
    expire: Option<Spanned<BoundField>>,
    draft: Option<Spanned<bool>>,
    weight: Option<i64>,
    audience: Option<Spanned<OneOrMany>>,
    slug: Option<Spanned<String>>,
    school_level: Option<Spanned<OneOrMany>>,
    leaflet: Option<Spanned<OneOrMany>>,
    variants: Option<Spanned<String>>,
    image: Option<Spanned<String>>,
    image_alt: Option<Spanned<String>>,
    broadcast: Option<Spanned<super::broadcast::BroadcastFile>>,
}

impl FrontFile {
    /// Every key of `self`, and those of `other` that `self` lacks: the keys
    /// read one at a time put together again.
    fn or(self, other: FrontFile) -> FrontFile {
        FrontFile {
            title: self.title.or(other.title),
            summary: self.summary.or(other.summary),
            date: self.date.or(other.date),
            publish: self.publish.or(other.publish),
            expire: self.expire.or(other.expire),
            draft: self.draft.or(other.draft),
            weight: self.weight.or(other.weight),
            audience: self.audience.or(other.audience),
            slug: self.slug.or(other.slug),
            school_level: self.school_level.or(other.school_level),
            leaflet: self.leaflet.or(other.leaflet),
            variants: self.variants.or(other.variants),
            image: self.image.or(other.image),
            image_alt: self.image_alt.or(other.image_alt),
            broadcast: self.broadcast.or(other.broadcast),
        }
    }
}

/// Reads the front matter's YAML whole or, when it does not read, key by
/// key ([`yaml::parse_each_key`]): the keys that read, the names of the keys
/// that did not, and one error for each of them.
fn read_keys(rel: &Path, yaml_text: &str, yaml_line: usize) -> (FrontFile, BTreeSet<String>, Vec<Diagnostic>) {
    match yaml::parse_each_key::<FrontFile>(rel, yaml_text, yaml_line, takes) {
        Ok(f) => (f, BTreeSet::new(), Vec::new()),
        Err(parts) => {
            let mut front = FrontFile::default();
            for f in parts.read {
                front = front.or(f);
            }
            (front, parts.failed, parts.errors)
        }
    }
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

/// A key that takes one value or a list of them.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values, trimmed, empty ones left out.
    fn items(&self) -> Vec<String> {
        let all = match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        };
        all.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
    }
}

/// Parses `2027-05-20`, `start`, `end`, `start-14d`, `end+7d` (at most
/// 3,660 days either way).
pub fn parse_bound(s: &str) -> Result<Bound, Msg> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Bound::Date(d));
    }
    let (anchor, rest) = if let Some(r) = s.strip_prefix("start") {
        (true, r)
    } else if let Some(r) = s.strip_prefix("end") {
        (false, r)
    } else {
        return Err(t!("fm-bound-neither", value = s));
    };
    let rest = rest.trim();
    let days = if rest.is_empty() {
        0
    } else {
        let (sign, num) = match rest.chars().next() {
            Some('+') => (1, &rest[1..]),
            Some('-') => (-1, &rest[1..]),
            _ => return Err(t!("fm-bound-form", value = s)),
        };
        let num = num.trim();
        let num = num.strip_suffix('d').unwrap_or(num).trim();
        match num.parse::<i64>() {
            Ok(n) if num.bytes().all(|b| b.is_ascii_digit()) && n <= MAX_OFFSET_DAYS => sign * n,
            Ok(_) if num.bytes().all(|b| b.is_ascii_digit()) => return Err(t!("fm-bound-too-far", value = s, max = MAX_OFFSET_DAYS)),
            _ => return Err(t!("fm-bound-days", value = s, days = num)),
        }
    };
    Ok(if anchor { Bound::FromStart(days) } else { Bound::FromEnd(days) })
}

/// Splits a file into its front matter and body: `(yaml, yaml_line, body, body_line)`.
pub fn split_front_matter(text: &str) -> Option<(&str, usize, &str, usize)> {
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


/// A page file split into its front matter and body.
#[derive(Debug)]
pub struct Parsed<'t> {
    /// The front matter: the keys that read and are right (a key with a
    /// mistake is left out, as if it were not written).
    pub front: FrontMatter,
    /// The Markdown after the closing `---`.
    pub body: &'t str,
    /// 0-based line of the file on which `body` starts.
    pub body_line: usize,
    /// The mistakes in the front matter, located, one per mistake.
    pub errors: Diagnostics,
}

/// Reads the front matter of a page file. `text` is the whole file; `rel` its
/// path for messages; `in_campaign` whether offsets from a campaign's dates
/// are allowed. Every problem is returned, located.
pub fn parse<'t>(rel: &Path, text: &'t str, in_campaign: bool) -> Result<Parsed<'t>, Diagnostics> {
    let parsed = read(rel, text, in_campaign)?;
    if parsed.errors.has_errors() {
        return Err(parsed.errors);
    }
    Ok(parsed)
}

/// Reads the front matter of a page file as [`parse`] does, but keeps going
/// past mistakes in it: the keys that read and are right are kept, every
/// mistake is in [`Parsed::errors`], and the body is the page's all the
/// same, so that the page's other checks run in the same round. Only a file
/// with no front matter at all is an `Err`.
pub fn read<'t>(rel: &Path, text: &'t str, in_campaign: bool) -> Result<Parsed<'t>, Diagnostics> {
    let err = |pos: Option<Position>, msg: Msg, hint: Msg| -> Diagnostic { Diagnostic::error(rel, pos, msg).with_hint(hint).with_source(text) };
    let mut diags = Diagnostics::new();
    let Some((yaml_text, yaml_line, body, body_line)) = split_front_matter(text) else {
        let hint = if text.trim_start().starts_with("---") { t!("fm-unclosed-hint") } else { t!("fm-none-hint") };
        return Err(err(Some(Position::new(1, 1)), t!("fm-none"), hint).into());
    };
    let (front, failed, errors) = read_keys(rel, yaml_text, yaml_line);
    diags.extend(errors.into_iter().map(|d| d.with_source(text)));
    // `title` is missing unless it was written with a mistake, or misspelt
    // (`tittle:`, said as an unknown key with "did you mean `title`").
    let title_written = failed.iter().any(|k| k == "title" || crate::diag::did_you_mean(k, KEYS.iter().copied()) == Some("title"));
    if front.title.is_none() && !title_written {
        let hint = t!("yaml-missing-key-takes", key = "title", takes = t!("takes-text"));
        diags.push(err(Some(Position::new(yaml_line + 1, 1)), t!("yaml-missing-key", key = "title"), hint));
    }
    // A browser editor (Decap CMS) writes `date: ""`, `image: ""` or `draft: null`
    // for a field left empty: an empty value is the same as no key.
    let front = FrontFile {
        date: front.date.filter(|f| !f.value.0.trim().is_empty()),
        publish: front.publish.filter(|f| !f.value.0.trim().is_empty()),
        expire: front.expire.filter(|f| !f.value.0.trim().is_empty()),
        variants: front.variants.filter(|f| !f.value.trim().is_empty()),
        image: front.image.filter(|f| !f.value.trim().is_empty()),
        image_alt: front.image_alt.filter(|f| !f.value.trim().is_empty()),
        slug: front.slug.filter(|f| !f.value.trim().is_empty()),
        ..front
    };
    let at = |p: Option<Position>| content_position(text, p);
    let mut positions = Vec::new();
    let mut note = |key: &'static str, p: Option<Position>| {
        if let Some(p) = p {
            positions.push((key, p));
        }
    };
    note("title", front.title.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("date", front.date.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("publish", front.publish.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("expire", front.expire.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    // Noted when written, so a translation that states its own `draft` is told
    // from one that inherits its original's (`load::translations`).
    note("draft", front.draft.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("audience", front.audience.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("slug", front.slug.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("school_level", front.school_level.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("leaflet", front.leaflet.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("variants", front.variants.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("image", front.image.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("image_alt", front.image_alt.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    note("broadcast", front.broadcast.as_ref().and_then(|f| at(position_of(f, yaml_line))));
    positions.shrink_to_fit();
    let pos = |key: &str| positions.iter().find(|(k, _)| *k == key).map(|&(_, p)| p);

    let title = front.title.as_ref().map(|t| t.value.trim().to_owned()).unwrap_or_default();
    if let Some(t) = &front.title
        && title.is_empty()
    {
        diags.push(err(position_of(t, yaml_line), t!("fm-title-empty"), t!("fm-title-empty-hint")));
    }
    // Keys written whose value is refused below, so that a check on another
    // key does not count the same mistake again.
    let mut rejected: BTreeSet<&'static str> = BTreeSet::new();
    for k in &failed {
        if let Some(k) = KEYS.iter().find(|known| **known == k.as_str()) {
            rejected.insert(k);
        }
    }
    let date = front.date.as_ref().and_then(|f| match NaiveDate::parse_from_str(f.value.0.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            let hint = match yaml::date_as_written(&f.value.0) {
                Some(d) => t!("fm-date-did-you-mean", date = d.format("%Y-%m-%d").to_string()),
                None => t!("fm-date-hint"),
            };
            diags.push(err(pos("date"), t!("fm-not-a-date", value = f.value.0.as_str()), hint));
            rejected.insert("date");
            None
        }
    });
    let mut bound = |field: &Option<Spanned<BoundField>>, name: &'static str, rejected: &mut BTreeSet<&'static str>| -> Option<Bound> {
        let f = field.as_ref()?;
        match parse_bound(&f.value.0) {
            Ok(b) if b.is_relative() && !in_campaign => {
                diags.push(err(pos(name), t!("fm-bound-no-campaign", key = name, value = f.value.0.as_str()), t!("fm-bound-no-campaign-hint")));
                Some(b)
            }
            Ok(b) => Some(b),
            Err(m) => {
                let hint = match yaml::date_as_written(&f.value.0) {
                    Some(d) => t!("fm-date-did-you-mean", date = d.format("%Y-%m-%d").to_string()),
                    None => t!("fm-bound-hint"),
                };
                diags.push(err(pos(name), m, hint));
                rejected.insert(name);
                None
            }
        }
    };
    let publish = bound(&front.publish, "publish", &mut rejected);
    let expire = bound(&front.expire, "expire", &mut rejected);
    if let (Some(Bound::Date(p)), Some(Bound::Date(e))) = (publish, expire)
        && e <= p
    {
        diags.push(err(pos("expire"), t!("fm-expires-first", expire = e, publish = p), t!("fm-expires-first-hint")));
    }

    let mut leaflet = Vec::new();
    if let Some(l) = &front.leaflet {
        for n in l.value.items() {
            match LeafletFormat::from_name(n.as_str()) {
                Some(f) => leaflet.push(f),
                None => {
                    diags.push(err(pos("leaflet"), t!("fm-not-leaflet", value = n.as_str()), t!("fm-leaflet-hint")));
                    rejected.insert("leaflet");
                }
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
                diags.push(err(pos("variants"), t!("fm-not-variants", value = other), t!("fm-variants-hint")));
                rejected.insert("variants");
                None
            }
        },
    };
    let mut audience: Vec<String> = front.audience.as_ref().map(|a| a.value.items()).unwrap_or_default();
    // A name that is not one (`Trẻ em`) is said here and left out, so the
    // check of audiences against the theme does not say it again.
    audience.retain(|a| {
        let valid = crate::slug::is_valid(a);
        if !valid {
            diags.push(err(pos("audience"), t!("fm-not-audience-name", value = a), t!("fm-audience-name-hint", groups = DEFAULT_AUDIENCES.join(", "))));
            rejected.insert("audience");
        }
        valid
    });
    audience.dedup();
    let mut slug = front.slug.as_ref().map(|s| s.value.trim().to_owned());
    if let Some(s) = &slug
        && !crate::slug::is_valid(s)
    {
        diags.push(err(pos("slug"), t!("fm-bad-slug", value = s), t!("fm-slug-hint", suggestion = crate::slug::from_name(s))));
        rejected.insert("slug");
        slug = None;
    }
    // School levels: one value or a list, each a known level.
    let mut school_level = Vec::new();
    if let Some(l) = &front.school_level {
        let names = match &l.value {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        };
        for n in names {
            let n = n.trim();
            match SCHOOL_LEVELS.iter().find(|k| **k == n) {
                Some(k) => school_level.push(*k),
                None => {
                    diags.push(err(pos("school_level"), t!("fm-not-school-level", value = n), t!("fm-school-level-hint", levels = SCHOOL_LEVELS.join(", "))));
                    rejected.insert("school_level");
                }
            }
        }
        school_level.sort_by_key(|k| SCHOOL_LEVELS.iter().position(|s| s == k));
        school_level.dedup();
    }
    let school_level = school_level.into_iter().map(str::to_owned).collect();
    let broadcast = front.broadcast.as_ref().and_then(|b| {
        let (broadcast, errors) = super::broadcast::read(b, yaml_line, &at);
        for (p, msg, hint) in errors {
            diags.push(err(p, msg, hint));
        }
        broadcast
    });
    Ok(Parsed {
        front: FrontMatter {
            title,
            summary: front.summary.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            date,
            publish,
            expire,
            draft: front.draft.is_some_and(|d| d.value),
            weight: front.weight.unwrap_or(0),
            audience,
            slug,
            school_level,
            leaflet,
            variants,
            image: front.image.map(|s| s.value),
            image_alt: front.image_alt.map(|s| s.value),
            broadcast,
            positions,
            rejected,
        },
        body,
        body_line,
        errors: diags,
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
        assert_eq!(parse_bound("end+3660d"), Ok(Bound::FromEnd(3660)));
        for bad in ["tomorrow", "start*2", "2027-02-30", "start--5d", "start+-5d", "end-+3d", "start- -5d", "end+3661d", "end--99999d", "start+5dd", "start+1e3d", "start+ d"] {
            assert!(parse_bound(bad).is_err(), "{bad} should be refused");
        }
    }

    proptest::proptest! {
        /// Whatever follows `start`/`end`, an accepted offset is within the cap
        /// and has the sign that was written.
        #[test]
        fn offsets_keep_their_sign_and_cap(anchor in "(start|end)", sign in "[-+]{0,2}", ws in " ?", num in "[-+0-9d ]{0,8}") {
            let s = format!("{anchor}{sign}{ws}{num}");
            if let Ok(Bound::FromStart(n) | Bound::FromEnd(n)) = parse_bound(&s) {
                proptest::prop_assert!(n.abs() <= MAX_OFFSET_DAYS, "{s} → {n}");
                if n != 0 {
                    proptest::prop_assert_eq!(n < 0, s.trim_start_matches(&anchor).trim_start().starts_with('-'), "{} → {}", s, n);
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

    #[test]
    fn positions_of_keys() {
        let text = "---\ntitle: Tờ rơi\nleaflet:  [a4, a5]\nvariants: \"localities\"\n---\nleaflet: in the body\n";
        let p = parse(Path::new("x.md"), text, true).unwrap();
        assert_eq!(p.front.position("title"), Some(Position::new(2, 8)));
        assert_eq!(p.front.position("leaflet"), Some(Position::new(3, 11)));
        assert_eq!(p.front.position("variants"), Some(Position::new(4, 12)));
        assert_eq!(p.front.position("audience"), None);
    }

    #[test]
    fn school_levels() {
        let one = parse(Path::new("x.md"), "---\ntitle: T\nschool_level: tieu-hoc\n---\n", false).unwrap();
        assert_eq!(one.front.school_level, ["tieu-hoc"]);
        let many = parse(Path::new("x.md"), "---\ntitle: T\nschool_level: [thpt, mam-non, thcs, thpt]\n---\n", false).unwrap();
        assert_eq!(many.front.school_level, ["mam-non", "thcs", "thpt"], "in school order, each once");
        assert!(parse(Path::new("x.md"), "---\ntitle: T\n---\n", false).unwrap().front.school_level.is_empty());
        let text = "---\ntitle: T\nschool_level: [thcs, dai-hoc]\n---\n";
        let err = parse(Path::new("x.md"), text, false).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err}");
        assert_eq!(err.0[0].position, Some(Position::new(3, 15)));
        assert!(err.0[0].message().contains("`dai-hoc` is not a school level"), "{}", err.0[0].message());
        let hint = err.0[0].hint().unwrap();
        for k in SCHOOL_LEVELS {
            assert!(hint.contains(k), "the hint lists {k}: {hint}");
        }
    }
}

#[cfg(test)]
mod empty_values {
    use super::*;

    /// What Decap CMS writes for fields left empty: `null` or `""` is the same
    /// as no key at all.
    #[test]
    fn null_and_empty_are_absent() {
        let text = "---\ntitle: T\nsummary: \"\"\ndate: \"\"\npublish: null\nexpire: \"\"\ndraft: null\nweight: null\nvariants: \"\"\nimage: null\nimage_alt: \"\"\nleaflet: []\n---\nBody\n";
        let p = parse(Path::new("x.md"), text, true).unwrap();
        assert_eq!(p.front, FrontMatter { title: "T".into(), ..FrontMatter::default() }.with_positions(p.front.positions.clone()));
        assert_eq!(p.front.position("date"), None);
    }

    /// And what it writes for filled fields: block lists, unquoted offsets,
    /// `draft: false`, plain dates.
    #[test]
    fn decap_output_is_read() {
        let text = "---\ntitle: Phòng chống xâm hại trẻ em dịp hè\ndate: 2027-05-10\npublish: start-14d\nexpire: end+7d\ndraft: false\nweight: 40\nleaflet:\n  - a5\n---\nBody\n";
        let p = parse(Path::new("x.md"), text, true).unwrap();
        assert_eq!(p.front.date, NaiveDate::from_ymd_opt(2027, 5, 10));
        assert_eq!(p.front.publish, Some(Bound::FromStart(-14)));
        assert_eq!(p.front.expire, Some(Bound::FromEnd(7)));
        assert!(!p.front.draft);
        assert_eq!(p.front.weight, 40);
        assert_eq!(p.front.leaflet, vec![LeafletFormat::A5]);
    }

    impl FrontMatter {
        fn with_positions(mut self, positions: Vec<(&'static str, Position)>) -> Self {
            self.positions = positions;
            self
        }
    }
}
