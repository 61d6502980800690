//! The message catalogs, `locales/en.ftl` and `locales/vi.ftl`:
//!
//! - both have exactly the same keys, and each key names the same values
//!   (`{ $file }`) in both languages;
//! - every key the code asks for with `t!("key", name = …)` exists, and the
//!   code gives exactly the values the message names; every key in the
//!   catalogs is asked for somewhere (no message is left behind);
//! - only `t!` makes a message (so the scan above sees every one), and a
//!   `Diagnostic` only takes a message (its compile-fail doc tests);
//! - every message renders in both languages, whatever its values, with no
//!   placeholder left over;
//! - the Vietnamese catalog is Vietnamese, and neither has the parser's
//!   jargon ("scalar", "mapping"…).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use loa::i18n::{self, Arg, Lang};
use proptest::prelude::*;

/// A message: the values it names, and its text as written.
#[derive(Debug)]
struct Entry {
    vars: BTreeSet<String>,
    text: String,
}

fn vars_of_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => vars_of_expr(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for a in &arguments.positional {
                vars_of_inline(a, out);
            }
            for a in &arguments.named {
                vars_of_inline(&a.value, out);
            }
        }
        _ => {}
    }
}

fn vars_of_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => vars_of_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            vars_of_inline(selector, out);
            for v in variants {
                vars_of_pattern(&v.value, out);
            }
        }
    }
}

fn vars_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            vars_of_expr(expression, out);
        }
    }
}

/// A pattern's words: its text, `{…}` for each value, and the text of every
/// variant of a choice (`{ $count -> [one] … *[other] … }`).
fn text_of(p: &ast::Pattern<&str>) -> String {
    p.elements
        .iter()
        .map(|e| match e {
            ast::PatternElement::TextElement { value } => (*value).to_owned(),
            ast::PatternElement::Placeable { expression: ast::Expression::Select { variants, .. } } => {
                variants.iter().map(|v| text_of(&v.value)).collect::<Vec<_>>().join(" / ")
            }
            ast::PatternElement::Placeable { .. } => "{…}".to_owned(),
        })
        .collect()
}

/// Every message of `lang`'s catalog, by key.
fn catalog(lang: Lang) -> BTreeMap<String, Entry> {
    let source = lang.catalog();
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:#?}", lang.catalog_file()));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let pattern = m.value.unwrap_or_else(|| panic!("{}: `{}` has no text", lang.catalog_file(), m.id.name));
                assert!(m.attributes.is_empty(), "{}: `{}` has attributes, which the code never reads", lang.catalog_file(), m.id.name);
                let mut vars = BTreeSet::new();
                vars_of_pattern(&pattern, &mut vars);
                let text = text_of(&pattern);
                let previous = out.insert(m.id.name.to_owned(), Entry { vars, text });
                assert!(previous.is_none(), "{}: `{}` twice", lang.catalog_file(), m.id.name);
            }
            ast::Entry::Term(t) => panic!("{}: term `-{}`: the code reads messages only", lang.catalog_file(), t.id.name),
            ast::Entry::Junk { content } => panic!("{}: cannot read {content:?}", lang.catalog_file()),
            _ => {}
        }
    }
    out
}

#[test]
fn both_catalogs_have_the_same_keys_and_values() {
    let en = catalog(Lang::En);
    let vi = catalog(Lang::Vi);
    let only_en: Vec<&String> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    let only_vi: Vec<&String> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in en.ftl but not in vi.ftl: {only_en:?}");
    assert!(only_vi.is_empty(), "in vi.ftl but not in en.ftl: {only_vi:?}");
    for (key, e) in &en {
        assert_eq!(e.vars, vi[key].vars, "`{key}` names other values in vi.ftl");
    }
    assert!(en.len() > 300, "{} messages", en.len());
}

// ---------------------------------------------------------------------------
// What the code asks for
// ---------------------------------------------------------------------------

/// One `t!(…)` in the source: its key and the names of the values it gives.
#[derive(Debug)]
struct Use {
    at: String,
    key: String,
    names: BTreeSet<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The byte just after the literal, comment or character that starts at
/// `i` of `s`, if one does (strings with escapes, raw strings, char literals
/// but not lifetimes, line and block comments); else `None`.
fn skip_literal(s: &[u8], i: usize) -> Option<usize> {
    match s[i] {
        b'"' => {
            let mut j = i + 1;
            while j < s.len() && s[j] != b'"' {
                j += if s[j] == b'\\' { 2 } else { 1 };
            }
            Some(j + 1)
        }
        b'r' if matches!(s.get(i + 1), Some(b'"' | b'#')) && (i == 0 || !(s[i - 1].is_ascii_alphanumeric() || s[i - 1] == b'_')) => {
            let hashes = s[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if s.get(i + 1 + hashes) != Some(&b'"') {
                return None;
            }
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            let start = i + 2 + hashes;
            let end = s[start..].windows(close.len()).position(|w| w == close.as_slice())?;
            Some(start + end + close.len())
        }
        b'\'' => {
            if s.get(i + 1) == Some(&b'\\') {
                let end = s[i + 2..].iter().position(|&c| c == b'\'')?;
                Some(i + 2 + end + 1)
            } else {
                // One character (UTF-8 may take up to 4 bytes), then a quote.
                (2..=5).find(|&n| s.get(i + n) == Some(&b'\'')).filter(|&n| std::str::from_utf8(&s[i + 1..i + n]).is_ok_and(|c| c.chars().count() == 1)).map(|n| i + n + 1)
            }
        }
        b'/' if s.get(i + 1) == Some(&b'/') => Some(s[i..].iter().position(|&c| c == b'\n').map_or(s.len(), |p| i + p)),
        b'/' if s.get(i + 1) == Some(&b'*') => Some(s[i + 2..].windows(2).position(|w| w == b"*/").map_or(s.len(), |p| i + 2 + p + 2)),
        _ => None,
    }
}

/// The arguments of the call whose `(` is at `open`: the text of each one at
/// the top level, split at commas.
fn arguments(s: &str, open: usize) -> Vec<String> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut args = Vec::new();
    let mut start = open + 1;
    let mut i = open;
    while i < b.len() {
        if let Some(next) = skip_literal(b, i) {
            i = next;
            continue;
        }
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    args.push(s[start..i].trim().to_owned());
                    break;
                }
            }
            b',' if depth == 1 => {
                args.push(s[start..i].trim().to_owned());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    args.retain(|a| !a.is_empty());
    args
}

/// Every `t!(…)` in `src/`.
fn uses() -> Vec<Use> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if let Some(next) = skip_literal(b, i) {
                i = next;
                continue;
            }
            let word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
            if word_start && text[i..].starts_with("t!(") {
                let line = text[..i].matches('\n').count() + 1;
                let at = format!("{}:{line}", file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display());
                let args = arguments(&text, i + 2);
                // The macro's own definition has `$key:literal`.
                if args.first().is_some_and(|a| a.starts_with('$')) {
                    i += 3;
                    continue;
                }
                let key = args.first().and_then(|a| a.strip_prefix('"')).and_then(|a| a.strip_suffix('"')).unwrap_or_else(|| panic!("{at}: t! takes a key in quotes: {args:?}"));
                let names = args[1..]
                    .iter()
                    .map(|a| {
                        let (name, _) = a.split_once('=').unwrap_or_else(|| panic!("{at}: a value is written `name = value`: {a}"));
                        name.trim().to_owned()
                    })
                    .collect();
                out.push(Use { at, key: key.to_owned(), names });
            }
            i += 1;
        }
    }
    out
}

#[test]
fn every_key_the_code_uses_exists_with_the_values_it_names() {
    let en = catalog(Lang::En);
    let uses = uses();
    assert!(uses.len() > 300, "found only {} uses of t!", uses.len());
    let mut problems = Vec::new();
    for u in &uses {
        match en.get(&u.key) {
            None => problems.push(format!("{}: no message `{}` in the catalogs", u.at, u.key)),
            Some(e) if e.vars != u.names => problems.push(format!("{}: `{}` names {:?}, the code gives {:?}", u.at, u.key, e.vars, u.names)),
            Some(_) => {}
        }
    }
    let used: BTreeSet<&str> = uses.iter().map(|u| u.key.as_str()).collect();
    for key in en.keys().filter(|k| !used.contains(k.as_str())) {
        problems.push(format!("`{key}` is in the catalogs but the code never asks for it"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The scan sees every message: only the `t!` macro makes one.
#[test]
fn only_the_macro_makes_messages() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    for file in files.iter().filter(|f| !f.ends_with("src/i18n.rs")) {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(!text.contains("from_catalog"), "{}: makes a message without t!", file.display());
    }
}

/// The scanner itself: keys, names, and literals that hide parentheses.
#[test]
fn the_scanner_reads_calls() {
    let s = r#"t!("a-b", x = f("),"), y = ')', z = r"(", w = [1, 2])"#;
    assert_eq!(arguments(s, 2), vec!["\"a-b\"", "x = f(\"),\")", "y = ')'", "z = r\"(\"", "w = [1, 2]"]);
    let s = "t!(\"k\", n = v.len(), l = 'a'.len_utf8() /* ) */)";
    assert_eq!(arguments(s, 2), vec!["\"k\"", "n = v.len()", "l = 'a'.len_utf8() /* ) */"]);
}

// ---------------------------------------------------------------------------
// Every message renders
// ---------------------------------------------------------------------------

fn arg() -> impl Strategy<Value = Arg> {
    prop_oneof![
        "[a-zA-Z0-9 ./_àáảãạăâđêôơướờởỡợ-]{0,16}".prop_map(Arg::Text),
        (0u32..3000).prop_map(|n| Arg::Number(f64::from(n))),
        Just(Arg::Number(1.0)),
        prop::sample::select(vec!["active", "upcoming", "recent", "dormant"]).prop_map(|s| Arg::Text(s.to_owned())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every message of both catalogs, with any values in its placeholders,
    /// renders without an error and without a placeholder left over.
    #[test]
    fn every_message_renders_in_both_languages(values in prop::collection::vec(arg(), 8)) {
        for lang in Lang::ALL {
            for (key, entry) in catalog(lang) {
                let args: Vec<(&str, Arg)> = entry.vars.iter().zip(values.iter().cycle()).map(|(n, v)| (n.as_str(), v.clone())).collect();
                let text = i18n::try_text(lang, &key, &args).map_err(TestCaseError::fail)?;
                let words = !entry.text.replace("{…}", "").replace('/', "").trim().is_empty() && !entry.text.contains(" / ");
                prop_assert!(!words || !text.trim().is_empty(), "{lang} `{key}` is empty");
                prop_assert!(!text.contains("{ $") && !text.contains("{$") && !text.contains('\u{2068}'), "{lang} `{key}`: {text}");
                for name in &entry.vars {
                    prop_assert!(!text.contains(&format!("${name}")), "{lang} `{key}` left ${name}: {text}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Plain words, and Vietnamese in the Vietnamese catalog
// ---------------------------------------------------------------------------

#[test]
fn no_jargon_in_either_language() {
    let jargon = ["scalar", "mapping", "sequence", "deserializ", "untagged", "i64", "serde", "struct", "enum "];
    for lang in Lang::ALL {
        for (key, e) in catalog(lang) {
            let lower = e.text.to_lowercase();
            for word in jargon {
                assert!(!lower.contains(word), "{lang} `{key}` says {word:?}: {}", e.text);
            }
        }
    }
}

/// A Vietnamese message with words in it has Vietnamese letters: none was
/// left in English. (Those without are names and codes: `localities`, a4…)
#[test]
fn the_vietnamese_catalog_is_vietnamese() {
    let en = catalog(Lang::En);
    let mut english = Vec::new();
    for (key, e) in catalog(Lang::Vi) {
        // Words outside `code`, placeholders and examples after a colon.
        let prose: String = e.text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let words = prose.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 2).count();
        let vietnamese = prose.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
        if words >= 2 && !vietnamese {
            english.push(format!("`{key}`: {}", e.text));
        }
        if words >= 2 && e.text == en[&key].text {
            english.push(format!("`{key}` is the same as in English: {}", e.text));
        }
    }
    assert!(english.is_empty(), "untranslated:\n{}", english.join("\n"));
}
