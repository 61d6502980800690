//! One rule for translations: `x.en.md` beside `x.md` is `x.md`'s English
//! version, and it is never published when `x.md` is not.
//!
//! A translation inherits its original's `draft`, `publish` and `expire`
//! unless it states its own (the browser editor copies them, see
//! `render/cms/config.rs`; a hand-written translation may leave them out). A
//! translation may narrow its original's window, never widen it: an earlier
//! `publish`, a later `expire` or `draft: false` under a draft original is an
//! error at the translation's key. The plan ([`crate::plan::change`]) then asks for the translation's
//! [`Effective`] window *and* its original's liveness, so even a widening this
//! check cannot decide (a date against an offset from the campaign) never
//! publishes a translation alone. A translation whose original does not
//! exist keeps its own window.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::calendar::Calendar;
use super::content::Page;
use crate::diag::{Diagnostic, Diagnostics};
use crate::t;
use crate::time::occurrence::{self, Occurrence};
use crate::time::Bound;

/// The window a page is published in, once a translation has inherited
/// what it does not state from its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effective {
    /// First day it is live.
    pub publish: Option<Bound>,
    /// First day it is no longer live.
    pub expire: Option<Bound>,
    /// Whether it is a draft.
    pub draft: bool,
}

/// `x.en.md` → (`x`, `en`); `x.md` → (`x`, the default language). The same
/// reading of a file name as [`super::content`]'s.
fn stem_and_language(source: &Path, default_lang: &str) -> (PathBuf, String) {
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(&name);
    let (stem, lang) = match stem.rsplit_once('.') {
        Some((s, l)) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => (s.to_owned(), l.to_owned()),
        _ => (stem.to_owned(), default_lang.to_owned()),
    };
    (source.with_file_name(stem), lang)
}

/// The index of each translation's original among `pages` (`None` for a page
/// in the default language, and for a translation without an original).
pub fn originals(pages: &[Page], default_lang: &str) -> Vec<Option<usize>> {
    let mut by_stem: HashMap<PathBuf, usize> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        if p.lang == default_lang {
            by_stem.entry(stem_and_language(&p.source, default_lang).0).or_insert(i);
        }
    }
    pages
        .iter()
        .map(|p| if p.lang == default_lang { None } else { by_stem.get(&stem_and_language(&p.source, default_lang).0).copied() })
        .collect()
}

/// What a page states itself, with what its original states where it is
/// silent.
pub fn effective(page: &Page, original: Option<&Page>) -> Effective {
    let own = Effective { publish: page.front.publish, expire: page.front.expire, draft: page.front.draft };
    let Some(o) = original else { return own };
    let stated = |key: &str| page.front.position(key).is_some();
    Effective {
        publish: own.publish.or(o.front.publish),
        expire: own.expire.or(o.front.expire),
        draft: if stated("draft") { own.draft || o.front.draft } else { o.front.draft },
    }
}

/// The dates a bound takes, one per occurrence (one date for a calendar date).
fn dates(b: Bound, occs: &[Occurrence]) -> Vec<Option<chrono::NaiveDate>> {
    let shift = |d: chrono::NaiveDate, n: i64| d.checked_add_signed(chrono::TimeDelta::days(n));
    match b {
        Bound::Date(d) => vec![Some(d)],
        Bound::FromStart(n) => occs.iter().map(|o| shift(o.start, n)).collect(),
        Bound::FromEnd(n) => occs.iter().map(|o| shift(o.end, n)).collect(),
    }
}

/// Whether bound `a` falls before bound `b` on some occurrence: exact when
/// both are written the same way, else judged on the campaign's occurrences
/// around the years the site is built for.
fn before(a: Bound, b: Bound, occs: &[Occurrence]) -> bool {
    match (a, b) {
        (Bound::Date(x), Bound::Date(y)) => x < y,
        (Bound::FromStart(x), Bound::FromStart(y)) | (Bound::FromEnd(x), Bound::FromEnd(y)) => x < y,
        _ => {
            let (da, db) = (dates(a, occs), dates(b, occs));
            let pairs: Vec<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> = match (da.len(), db.len()) {
                (1, _) => db.iter().map(|y| (da[0], *y)).collect(),
                (_, 1) => da.iter().map(|x| (*x, db[0])).collect(),
                _ => da.iter().copied().zip(db.iter().copied()).collect(),
            };
            pairs.into_iter().any(|(x, y)| matches!((x, y), (Some(x), Some(y)) if x < y))
        }
    }
}

/// A bound as staff write it.
fn written(b: Bound) -> String {
    match b {
        Bound::Date(d) => d.format("%Y-%m-%d").to_string(),
        Bound::FromStart(0) => "start".into(),
        Bound::FromEnd(0) => "end".into(),
        Bound::FromStart(n) => format!("start{n:+}d"),
        Bound::FromEnd(n) => format!("end{n:+}d"),
    }
}

/// Every translation that opens a wider window than its original, located
/// at the key that widens it. `originals` is [`originals`]'s answer.
pub fn check(pages: &[Page], originals: &[Option<usize>], calendar: &Calendar) -> Diagnostics {
    let mut diags = Diagnostics::new();
    // The occurrences the site's years may use: 2000 to 2100 covers every
    // `--at` staff give; a campaign's `years:` bounds them further.
    let occs_of = |page: &Page| -> Vec<Occurrence> {
        page.kind.campaign().and_then(|c| calendar.campaign(c)).map(|c| occurrence::of_campaign(&c.timing, 2000, 2100)).unwrap_or_default()
    };
    for (t, o) in pages.iter().zip(originals) {
        let Some(o) = o.map(|i| &pages[i]) else { continue };
        let err = |key: &str, msg, hint| Diagnostic::error(&t.source, t.front.position(key), msg).with_hint(hint).with_source(&t.text);
        if o.front.draft && t.front.position("draft").is_some() && !t.front.draft {
            diags.push(err("draft", t!("translation-not-draft", original = &o.source), t!("translation-draft-hint", original = &o.source)));
        }
        let occs = occs_of(t);
        if let (Some(tp), Some(op)) = (t.front.publish, o.front.publish)
            && before(tp, op, &occs)
        {
            diags.push(err(
                "publish",
                t!("translation-publish-earlier", value = written(tp), original = &o.source, original_value = written(op)),
                t!("translation-window-hint", key = "publish", original = &o.source),
            ));
        }
        if let (Some(te), Some(oe)) = (t.front.expire, o.front.expire)
            && before(oe, te, &occs)
        {
            diags.push(err(
                "expire",
                t!("translation-expire-later", value = written(te), original = &o.source, original_value = written(oe)),
                t!("translation-window-hint", key = "expire", original = &o.source),
            ));
        }
    }
    diags
}
