//! The YAML reader's tests: located errors in the catalog's words.

use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct T {
    title: String,
    when: Spanned<String>,
    #[serde(default)]
    audience: Vec<String>,
    #[serde(default)]
    weight: i64,
}

fn takes(key: &str) -> Option<Msg> {
    (key == "weight").then(|| t!("takes-whole-number"))
}

fn err(text: &str) -> Diagnostic {
    parse::<T>(Path::new("x.yaml"), text, 0, takes).unwrap_err()
}

fn at(d: &Diagnostic) -> (usize, usize) {
    d.position.map(|p| (p.line, p.column)).unwrap_or_default()
}

#[test]
fn unknown_field_is_located() {
    let err = err("title: a\ntittle: b\nwhen: c\n");
    assert_eq!(at(&err), (2, 1), "{err:?}");
    assert_eq!(err.message(), "unknown key `tittle`");
    assert_eq!(err.hint(), Some("did you mean `title`?"));
}

#[test]
fn spans_give_value_columns() {
    let text = "title: a\nwhen: \"1/6\"\n";
    let t: T = parse(Path::new("x.yaml"), text, 0, no_keys).unwrap();
    let p = content_position(text, position_of(&t.when, 0)).unwrap();
    assert_eq!((p.line, p.column), (2, 8));
}

#[test]
fn missing_space_after_colon() {
    let d = err("title: a\nwhen:1/6\n");
    assert_eq!(at(&d), (2, 5), "{d:?}");
    assert!(d.message().contains("no space after the `:` of `when`"), "{d:?}");
    assert!(d.hint().unwrap().contains("when: 1/6"), "{d:?}");
    // The only line of the file: the parser sees one long text.
    let d = err("title:Gọi 111");
    assert_eq!(at(&d), (1, 6), "{d:?}");
    // A web address is not that mistake.
    assert!(no_space_after_colon("  https://example.org", 1).is_none());
}

#[test]
fn unclosed_quotes_and_brackets() {
    let d = err("title: \"Gọi 111\nwhen: 1/6\n");
    assert_eq!(at(&d), (1, 8), "{d:?}");
    assert!(d.message().contains("quote \" that opens this value is not closed"), "{d:?}");
    assert!(d.hint().unwrap().contains("title: \"Gọi 111\""), "{d:?}");
    let d = err("title: a\naudience: [cha-me, tre-em\nwhen: 1/6\n");
    assert_eq!(at(&d), (2, 11), "{d:?}");
    assert!(d.message().contains("`[`"), "{d:?}");
    assert!(d.hint().unwrap().contains("audience: [cha-me, tre-em]"), "{d:?}");
    // Closed on a later line is no mistake.
    assert!(parse::<T>(Path::new("x.yaml"), "title: a\naudience: [cha-me,\n  tre-em]\nwhen: b\n", 0, no_keys).is_ok());
}

#[test]
fn colon_inside_a_value_and_indentation() {
    let d = err("title: Ngày hội: vui chơi\nwhen: 1/6\n");
    assert_eq!(at(&d), (1, 16), "{d:?}");
    assert!(d.hint().unwrap().contains("title: \"Ngày hội: vui chơi\""), "{d:?}");
    let d = err("title: a\n  when: 1/6\n");
    assert_eq!(at(&d), (2, 3), "{d:?}");
    assert!(d.message().contains("`when` is indented"), "{d:?}");
}

#[test]
fn wrong_kind_says_what_the_key_takes() {
    let d = err("title: a\nwhen: b\nweight: nặng\n");
    assert_eq!(at(&d), (3, 9), "{d:?}");
    assert_eq!(d.message(), "`weight` must be a whole number, such as `10`");
}

#[test]
fn tabs() {
    let d = err("title: a\n\twhen: b\n");
    assert_eq!(at(&d), (2, 1), "{d:?}");
    assert_eq!(d.message(), "a tab is used for indentation");
}

/// Fragments of the YAML scanner's and serde's English that must never
/// reach staff.
const PARSER_ENGLISH: &[&str] = &["scalar", "while parsing", "while scanning", "did not find", "invalid type", "invalid value", "expected", "indicator", "EOF", "eof", "flow", "block", "token", "node", "simple key", "document", "disallowed"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]

    /// A valid file with YAML's special characters dropped in anywhere:
    /// every error is located, and its message and hint are the
    /// catalog's (they differ between English and Vietnamese), never the
    /// parser's own words.
    #[test]
    fn malformed_yaml_is_told_in_the_catalogs_words(
        edits in proptest::collection::vec((0usize..200, "[\"'\\[\\]{}:#&*!|>%@,\\\\\n -]{1,3}|---|\\.\\.\\.|\\\\x|\\\\u12"), 1..4),
    ) {
        let mut text = String::from("title: \"Gọi 111\"\nwhen: '1/6'\naudience: [cha-me, tre-em]\nweight: 3\n");
        for (at, ins) in &edits {
            let mut i = (*at).min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, ins);
        }
        let file = Path::new("x.yaml");
        let (en, vi) = (
            crate::i18n::with_lang(crate::i18n::Lang::En, || parse::<T>(file, &text, 0, takes)),
            crate::i18n::with_lang(crate::i18n::Lang::Vi, || parse::<T>(file, &text, 0, takes)),
        );
        let (Err(en), Err(vi)) = (en, vi) else { return Ok(()) };
        let raw = serde_saphyr::from_str::<T>(&text).err().map(|e| parser_words(innermost(&e))).unwrap_or_default();
        for d in [&en, &vi] {
            let said = format!("{} | {}", d.message(), d.hint().unwrap_or(""));
            proptest::prop_assert!(d.position.is_some(), "not located: {said}\n{text:?}");
            proptest::prop_assert!(raw.len() < 12 || !said.contains(&raw), "the parser's words {raw:?} in {said:?}\n{text:?}");
            for w in PARSER_ENGLISH {
                proptest::prop_assert!(!d.message().contains(w), "{w:?} in {said:?} (parser: {raw:?})\n{text:?}");
            }
        }
        proptest::prop_assert_ne!(en.message(), vi.message(), "the same message in both languages: not from the catalog\n{:?}", text);
    }
}

/// The review's example, and one of each kind the scanner reports.
#[test]
fn scanner_errors_in_plain_words() {
    let d = err("title: \"Gọi\" 111\nwhen: b\n");
    assert_eq!(d.message(), "there is text after the closing quote of this value", "{d:?}");
    assert_eq!(at(&d), (1, 14));
    let d = err("title: \"a \\q b\"\nwhen: b\n");
    assert!(d.message().contains("backslash"), "{d:?}");
    let d = err("title: a\nwhen: b\naudience: [a, b}\n");
    assert!(d.message().contains("is not closed here"), "{d:?}");
    assert_eq!(at(&d).0, 3, "{d:?}");
}

#[test]
fn dates_read_as_numbers() {
    assert_eq!(number_read_as_date("20270601").as_deref(), Some("2027-06-01"));
    assert_eq!(number_read_as_date("30.4").as_deref(), Some("30/4"));
    assert_eq!(number_read_as_date("3.14159"), None);
    let d = |s| date_as_written(s).map(|d| d.to_string());
    assert_eq!(d("1/6/2027").as_deref(), Some("2027-06-01"));
    assert_eq!(d("01.06.2027").as_deref(), Some("2027-06-01"));
    assert_eq!(d("2027/6/1").as_deref(), Some("2027-06-01"));
    assert_eq!(d("31/2/2027"), None);
    assert_eq!(d("start-14d"), None);
}
