//! One rule for translations (issue #19): `x.en.md` inherits `x.md`'s
//! `draft`, `publish` and `expire` unless it states its own, is never live
//! when `x.md` is not, and a translation that opens a wider window is a
//! located error. Tested over every combination of windows and days, on the
//! loaded site and the plan's liveness (no rendering).

use std::path::Path;

use chrono::NaiveDate;
use loa::load::Inputs;
use loa::plan::change::Fingerprint;
use proptest::prelude::*;

const SITE: &str = "title: T\nbase_url: https://example.org/\nlanguages: [vi, en]\n";
const CALENDAR: &str = "timezone: Asia/Ho_Chi_Minh\ncampaigns:\n  - id: c\n    title: C\n    when: 1/6 - 30/6\n";

/// A page's `publish`, `expire` and `draft`, each as written or absent.
type Win = (Option<String>, Option<String>, Option<bool>);

/// One end of a window as written in front matter, or nothing.
fn bound() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (-40i64..40).prop_map(|n| Some(format!("start{n:+}d"))),
        (-40i64..40).prop_map(|n| Some(format!("end{n:+}d"))),
        (0u32..150).prop_map(|n| Some((NaiveDate::from_ymd_opt(2027, 4, 1).unwrap() + chrono::Days::new(u64::from(n))).format("%Y-%m-%d").to_string())),
    ]
}

/// A page's window keys: publish, expire, draft (each may be absent).
fn window() -> impl Strategy<Value = Win> {
    (bound(), bound(), prop_oneof![Just(None), Just(Some(true)), Just(Some(false))])
}

fn page(title: &str, (publish, expire, draft): &Win) -> String {
    let mut s = format!("---\ntitle: {title}\n");
    if let Some(p) = publish {
        s.push_str(&format!("publish: {p}\n"));
    }
    if let Some(e) = expire {
        s.push_str(&format!("expire: {e}\n"));
    }
    if let Some(d) = draft {
        s.push_str(&format!("draft: {d}\n"));
    }
    s.push_str("---\nBody.\n");
    s
}

/// A site with `content/c/x.md` (if `original` is given) and `content/c/x.en.md`.
fn load(original: Option<&Win>, translation: &Win) -> (tempfile::TempDir, Result<Inputs, loa::diag::Diagnostics>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/c")).unwrap();
    std::fs::write(root.join("site.yaml"), SITE).unwrap();
    std::fs::write(root.join("calendar.yaml"), CALENDAR).unwrap();
    std::fs::write(root.join("content/_index.md"), "---\ntitle: Hub\n---\n").unwrap();
    if let Some(o) = original {
        std::fs::write(root.join("content/c/x.md"), page("Gốc", o)).unwrap();
    }
    std::fs::write(root.join("content/c/x.en.md"), page("Translation", translation)).unwrap();
    let inputs = loa::load::load(root);
    (dir, inputs)
}

fn index(inputs: &Inputs, file: &str) -> Option<usize> {
    inputs.content.pages.iter().position(|p| p.source == Path::new(file))
}

/// Every fifth day from 2026-03-01 to 2028-10-01, and the days around June.
fn days() -> impl Iterator<Item = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    (0..950u64).filter(|n| n % 5 == 0 || (85..130).contains(&(n % 365))).map(move |n| start + chrono::Days::new(n))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    /// Whatever windows the original and its translation state, the English
    /// page is live only on days its original is; a translation that states
    /// nothing is live exactly when its original is; a refused pair is refused
    /// with an error located in the translation, at the key that widens it.
    #[test]
    fn a_translation_is_never_live_without_its_original(o in window(), t in window()) {
        let (_dir, loaded) = load(Some(&o), &t);
        let inputs = match loaded {
            Ok(i) => i,
            Err(d) => {
                for e in d.iter().filter(|e| e.is_error()) {
                    // Only a widening translation (or an original whose own
                    // window is impossible) is refused.
                    let own = e.file == Path::new("content/c/x.md");
                    prop_assert!(own || e.file == Path::new("content/c/x.en.md"), "{}", e.render());
                    if !own {
                        prop_assert!(e.position.is_some(), "located: {}", e.render());
                        prop_assert!(e.message().contains("original") || e.message().contains("expires"), "{}", e.render());
                    }
                }
                return Ok(());
            }
        };
        let (vi, en) = (index(&inputs, "content/c/x.md").unwrap(), index(&inputs, "content/c/x.en.md").unwrap());
        let silent = t == (None, None, None);
        for d in days() {
            let live = Fingerprint::at(&inputs, false, d).live;
            prop_assert!(!live[en] || live[vi], "{d}: the translation is live without its original ({o:?} / {t:?})");
            if silent {
                prop_assert_eq!(live[en], live[vi], "{}: a silent translation follows its original ({:?})", d, o);
            }
        }
    }

    /// A translation without an original keeps its own window.
    #[test]
    fn a_translation_without_an_original_keeps_its_window(t in window()) {
        let (_dir, loaded) = load(None, &t);
        let Ok(inputs) = loaded else { return Ok(()) };
        let en = index(&inputs, "content/c/x.en.md").unwrap();
        let e = loa::load::translations::effective(&inputs.content.pages[en], None);
        prop_assert_eq!(inputs.content.originals[en], None);
        prop_assert_eq!(e.draft, t.2 == Some(true));
    }
}

/// What the browser editor writes (the window copied into the translation)
/// loads; each way of widening it is an error at the translation's key.
#[test]
fn widening_is_located_at_the_translations_key() {
    let o = (Some("start-14d".to_owned()), Some("end+7d".to_owned()), Some(true));
    let (_dir, same) = load(Some(&o), &o);
    same.expect("an identical window is no widening");
    for (t, key, line) in [
        ((Some("start-15d".to_owned()), None, None), "publish", 3),
        ((Some("2020-01-01".to_owned()), None, None), "publish", 3),
        ((None, Some("end+8d".to_owned()), None), "expire", 3),
        ((None, None, Some(false)), "draft", 3),
    ] {
        let (_dir, r) = load(Some(&o), &t);
        let d = r.expect_err(key);
        let e = d.iter().find(|e| e.is_error()).unwrap();
        assert_eq!(e.file, Path::new("content/c/x.en.md"), "{key}: {}", e.render());
        assert_eq!(e.position.map(|p| p.line), Some(line), "{key}: {}", e.render());
        assert!(e.message().contains("content/c/x.md"), "{key}: names the original: {}", e.render());
        assert!(e.hint().is_some_and(|h| h.contains(key)), "{key}: {}", e.render());
    }
}
