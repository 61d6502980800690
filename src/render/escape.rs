//! What each output format can carry: one rule per format for the characters
//! it cannot hold. Text comes from people (titles, summaries, pages) and may
//! hold any Unicode, control characters included; a lone carriage return in a
//! calendar would start a new property for some parsers, and a C0 control
//! makes an XML feed invalid. Markup escaping (`<`, `&`, `,` …) is left to
//! each writer (Tera, atom_syndication, icalendar, serde_json); these drop or
//! rewrite what no escaping can express.
//!
//! | format | rule |
//! | --- | --- |
//! | HTML | drop controls (but tab, line feed, form feed, carriage return) and noncharacters |
//! | XML 1.0 (feeds, sitemap) | drop what XML 1.0 forbids: C0 controls but tab, LF, CR; U+FFFE, U+FFFF |
//! | iCalendar TEXT | every line break (CR, CRLF, VT, FF, NEL, U+2028, U+2029) becomes LF, which the writer escapes as `\n`; other controls are dropped |
//! | JSON | nothing: serde_json escapes every control |
//! | print (Typst: the print box) | drop controls and noncharacters: nothing to print |
//! | Typst inputs (every `/loa/data.json`: leaflets, print box, share cards) | [`typst_json`]: drop every control but line feed (a tab becomes a space) and the noncharacters, in every string of the JSON |
//!
//! And one markup rule loa writes itself: [`attribute`], an attribute value
//! inside a snippet shown for copying.

use std::borrow::Cow;

/// Whether `c` is a Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// Keeps the characters `keep` accepts, borrowing when there is nothing to drop.
fn filter(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if s.chars().all(&keep) { Cow::Borrowed(s) } else { Cow::Owned(s.chars().filter(|&c| keep(c)).collect()) }
}

/// Whether HTML can carry `c` (the HTML standard's parse errors for
/// controls and noncharacters).
pub fn html_char(c: char) -> bool {
    (!c.is_control() || matches!(c, '\t' | '\n' | '\u{C}' | '\r')) && !is_noncharacter(c)
}

/// Whether byte `i` of `b` starts a character HTML cannot carry: a C0
/// control (but tab, line feed, form feed, carriage return), DEL, a C1
/// control (`C2 80`–`C2 9F`) or a noncharacter (`EF B7 90`–`EF B7 AF`, and
/// `… BF BE`/`… BF BF` at the end of every plane). It may also say `true`
/// for a few neighbours of those (`EF B7 80`, say): [`may_hold_forbidden`]
/// only needs to know where to look closer.
fn forbidden_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F => true,
        0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xEF => matches!(b.get(i + 1), Some(0xB7 | 0xBF)),
        0xF0..=0xF4 => b.get(i + 2) == Some(&0xBF) && matches!(b.get(i + 3), Some(0xBE | 0xBF)),
        _ => false,
    }
}

/// Whether `s` may hold a character HTML cannot carry ([`forbidden_at`]).
/// `false` means there is none; `true` means look closer.
///
/// Every page and every value of a template passes here, so it reads eight
/// bytes at a time: a word with no byte below `0x20`, no DEL and no `C2`,
/// `EF` or `F0`–`FF` (the bytes a forbidden character starts with) is passed
/// over whole, and only the others are looked at byte by byte. (A word has a
/// zero byte exactly when `(x - 0x01…01) & !x & 0x80…80` is not zero; the
/// same test against `0x20…20` finds a byte below `0x20`.)
fn may_hold_forbidden(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let b = s.as_bytes();
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let x = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
        let suspect = (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
            | zero_byte(x ^ (ONES * 0x7F))
            | zero_byte(x ^ (ONES * 0xC2))
            | zero_byte(x ^ (ONES * 0xEF))
            | zero_byte((x & (ONES * 0xF0)) ^ (ONES * 0xF0));
        if suspect != 0 && (at..at + 8).any(|i| forbidden_at(b, i)) {
            return true;
        }
        at += 8;
    }
    (at..b.len()).any(|i| forbidden_at(b, i))
}

/// Text for HTML, before markup escaping.
pub fn html(s: &str) -> Cow<'_, str> {
    if !may_hold_forbidden(s) {
        return Cow::Borrowed(s);
    }
    filter(s, html_char)
}

/// Whether print can show `c`: no control character or noncharacter is
/// drawn, so none reaches a typeset document (nor the check of its glyphs,
/// which uses the same rule, [`crate::load::fonts::is_printable`]).
pub fn print_char(c: char) -> bool {
    crate::load::fonts::is_printable(c)
}

/// Text for print: what [`print_char`] keeps.
pub fn print(s: &str) -> Cow<'_, str> {
    filter(s, print_char)
}

/// The JSON that serde_json wrote for a Typst document, without the
/// characters no page can show: every C0 control but line feed (a tab
/// becomes a space), DEL, the C1 controls and the noncharacters, wherever
/// they are in a string. An ESC in a site's title would otherwise reach the
/// PDF's text and its metadata, and the PDF would no longer be PDF/UA-1.
///
/// It reads serde_json's own output: outside strings there is no backslash
/// and no character above `~`, and inside them a control is written as
/// `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX` and the rest as it is; so
/// dropping those escapes and characters leaves valid JSON with the same
/// structure, and the same bytes when there was nothing to drop.
pub fn typst_json(json: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || is_noncharacter(c);
    let escaped_control = json.contains("\\b") || json.contains("\\f") || json.contains("\\r") || json.contains("\\t") || json.contains("\\u");
    if !escaped_control && !json.chars().any(bad) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push_str("\\n"),
                Some('t') => out.push(' '),
                Some('b' | 'f' | 'r') => {}
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(c) if bad(c) => {}
                        _ => {
                            out.push_str("\\u");
                            out.push_str(&hex);
                        }
                    }
                }
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => {}
            },
            c if bad(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 can carry `c`.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Text for XML 1.0, before markup escaping.
pub fn xml(s: &str) -> Cow<'_, str> {
    filter(s, xml_char)
}

/// A TEXT value for iCalendar (RFC 5545 §3.3.11), before the writer escapes
/// `\`, `;`, `,` and line feeds.
pub fn ics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for an HTML attribute value in double quotes (or element text):
/// what HTML cannot carry dropped, then `&`, `<`, `>`, `"` and `'` escaped.
/// The one markup escaper of HTML written by hand (the templates use
/// [`tera_html`]).
pub fn attribute(s: &str) -> String {
    markup(&html(s))
}

/// Text for an XML attribute value in double quotes (or element text):
/// what XML 1.0 cannot carry dropped ([`xml`]), then escaped as
/// [`attribute`] escapes HTML.
pub fn xml_attribute(s: &str) -> String {
    markup(&xml(s))
}

/// `&`, `<`, `>`, `"` and `'` escaped, the rest as it is.
fn markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The escape function of the HTML templates: drops what HTML cannot carry,
/// then escapes markup as Tera does.
pub fn tera_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    tera::escape_html(&html(input), out)
}

/// Text in Unicode's composed form (NFC), as Typst shapes it best: pages
/// are NFC already, values from YAML files may not be.
pub fn nfc(s: &str) -> String {
    crate::load::nfc(s.into()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Data {
        title: String,
        summary: Option<String>,
        list: Vec<String>,
        map: std::collections::BTreeMap<String, String>,
        n: f64,
    }

    proptest::proptest! {
        /// Whatever the strings hold (and the keys of a map), the JSON a Typst
        /// document gets parses, holds the same structure, and no control
        /// character but line feed and no noncharacter is left; text without
        /// any is unchanged, byte for byte.
        #[test]
        fn no_control_character_reaches_typst(title in "\\PC*|[\\x00-\\x{a0}\\u{fdd0}\\u{fffe}\\\\\"a-zà-ỹ ]{0,40}", summary in proptest::option::of(".*"), list in proptest::collection::vec("[\\x00-\\x{a0}\\\\u]{0,8}", 0..4), key in "[\\x00-\\x{a0}]{0,6}", n in -1e6f64..1e6) {
            let data = Data { title: title.clone(), summary, list, map: [(key, title.clone())].into_iter().collect(), n };
            let plain = serde_json::to_string(&data).unwrap();
            let bytes = crate::render::typst::data_json(&data);
            let back: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
            fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
                match v {
                    serde_json::Value::String(s) => out.push(s.clone()),
                    serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                    serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                        out.push(k.clone());
                        strings(x, out);
                    }),
                    _ => {}
                }
            }
            let mut all = Vec::new();
            strings(&back, &mut all);
            for s in &all {
                proptest::prop_assert!(!s.chars().any(|c| (c.is_control() && c != '\n') || is_noncharacter(c)), "{:?}", s);
            }
            proptest::prop_assert_eq!(back["title"].as_str().unwrap(), typst_text(&title));
            let plain_back: serde_json::Value = serde_json::from_str(&plain).unwrap();
            proptest::prop_assert_eq!(&back["n"], &plain_back["n"]);
            let clean = |s: &str| s.chars().all(|c| !(is_noncharacter(c) || c.is_control() && c != '\n'));
            if clean(&plain) && !plain.contains("\\t") && !plain.contains("\\u") && !plain.contains("\\b") && !plain.contains("\\f") && !plain.contains("\\r") {
                proptest::prop_assert_eq!(bytes, plain.into_bytes());
            }
        }
    }

    /// The rule [`typst_json`] applies to one string, written plainly.
    fn typst_text(s: &str) -> String {
        s.chars().filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() || is_noncharacter(c) => None,
            c => Some(c),
        }).collect()
    }

    #[test]
    fn each_format_keeps_text_and_drops_what_it_cannot_carry() {
        let s = "Tết\u{0}Trung\u{1}thu\u{B}\u{C}\r\n\u{85}\u{2028}\u{7F}\u{9F}\u{FFFE}\u{FDD0}😀\t!";
        assert_eq!(html(s), "TếtTrungthu\u{C}\r\n\u{2028}😀\t!");
        assert_eq!(xml(s), "TếtTrungthu\r\n\u{85}\u{2028}\u{7F}\u{9F}\u{FDD0}😀\t!");
        assert_eq!(ics(s), "TếtTrungthu\n\n\n\n\n\u{FFFE}\u{FDD0}😀!");
        assert_eq!(ics("a\rb\r\nc\nd"), "a\nb\nc\nd");
        assert!(matches!(html("bình thường"), Cow::Borrowed(_)));
        assert_eq!(print(s), "TếtTrungthu\u{2028}😀!");
        assert_eq!(attribute("a\"b<c>&d'\u{0}"), "a&quot;b&lt;c&gt;&amp;d&#39;");
        assert_eq!(xml_attribute("a\"b<c>&d'\u{0}\u{85}"), "a&quot;b&lt;c&gt;&amp;d&#39;\u{85}");
    }

    proptest::proptest! {
        /// Whatever the input, the output holds only what the format can carry.
        #[test]
        fn outputs_hold_only_what_they_can_carry(s in "\\PC*|[\\x00-\\x1F\\x7F-\\x9F\u{2028}\u{2029}\u{FFFE}\u{FFFF}a-zđ]*") {
            proptest::prop_assert!(html(&s).chars().all(html_char));
            proptest::prop_assert_eq!(may_hold_forbidden(&s) || s.chars().all(html_char), true, "the fast scan missed a character of {:?}", s);
            proptest::prop_assert!(xml(&s).chars().all(xml_char));
            proptest::prop_assert!(print(&s).chars().all(print_char));
            let i = ics(&s);
            proptest::prop_assert!(i.chars().all(|c| c == '\n' || !c.is_control()));
            proptest::prop_assert!(!i.contains('\r'));
        }

        /// The word-at-a-time scan answers as a byte-at-a-time one would, for
        /// Vietnamese text with any character put at any place (so at every
        /// offset within a word of eight bytes, and across two words).
        #[test]
        fn the_fast_scan_reads_every_byte(before in "[a-zA-Zà-ỹĐđ <>&\n\t]{0,24}", c in "[\\x00-\\x1F\\x7F-\\xBF\u{FDC0}-\u{FDEF}\u{FFE0}\u{FFFE}\u{FFFF}\u{1FFFE}\u{1FFFF}\u{10FFFE}\u{10FFFF}]|\\PC", after in "[a-zà-ỹ \n]{0,12}") {
            let s = format!("{before}{c}{after}");
            let b = s.as_bytes();
            let slow = (0..b.len()).any(|i| forbidden_at(b, i));
            proptest::prop_assert_eq!(may_hold_forbidden(&s), slow, "{:?}", s);
            proptest::prop_assert!(slow || s.chars().all(html_char), "missed in {:?}", s);
        }
    }
}
