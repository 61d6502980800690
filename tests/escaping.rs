//! Any text in any field reaches every output only as that output can carry
//! it: a property test puts arbitrary Unicode — control characters, lone
//! carriage returns, line and paragraph separators, noncharacters — into
//! every text a person writes (site title, campaign title, page title,
//! summary, body), renders the site, and reads every output back with a
//! real parser: iCalendar (no injected property), XML 1.0 (feeds, sitemap,
//! the print box's SVGs), JSON, and HTML (no code point HTML forbids).

use std::path::Path;

use proptest::prelude::*;

/// Text with everything hostile in it, and ordinary Vietnamese around.
fn hostile() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zđạ ,;:\\\\\"'<>&#\\x00-\\x1F\\x7F-\\x9F\u{2028}\u{2029}\u{FEFF}\u{FFFE}\u{FFFF}\u{FDD0}]{1,24}").unwrap()
}

/// A YAML double-quoted scalar holding `s` exactly.
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' | '\u{FDD0}') => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_site(root: &Path, site_title: &str, campaign: &str, title: &str, summary: &str, body: &str) {
    let w = |rel: &str, text: String| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("site.yaml", format!("title: {}\nbase_url: https://loa.example/\nlanguages: [vi, en]\nhotlines:\n  - number: \"111\"\n    label: {}\n", yaml(site_title), yaml(title)));
    w("calendar.yaml", format!("campaigns:\n  - id: tet\n    title: {}\n    when: 1/6 - 30/6\n", yaml(campaign)));
    w("content/_index.md", format!("---\ntitle: {}\nsummary: {}\n---\n\n{body}\n", yaml(title), yaml(summary)));
    w("content/tet/_index.md", format!("---\ntitle: {}\nsummary: {}\n---\n\n{body}\n", yaml(campaign), yaml(summary)));
    w("content/tet/trang.md", format!("---\ntitle: {}\nsummary: {}\ndate: 2027-06-01\n---\n\n{body}\n", yaml(title), yaml(summary)));
    w("content/pages/gioi-thieu.md", format!("---\ntitle: {}\n---\n\n{body}\n", yaml(title)));
}

/// The property names a VEVENT or VALARM of loa's may have.
const EVENT_PROPERTIES: &[&str] = &["UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL", "DTSTART", "DTEND", "TRANSP", "RRULE", "ACTION", "TRIGGER"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn every_output_parses_whatever_the_text(site_title in hostile(), campaign in hostile(), title in hostile(), summary in hostile(), body in hostile()) {
        let dir = tempfile::tempdir().unwrap();
        write_site(dir.path(), &site_title, &campaign, &title, &summary, &body);
        let (out, _) = match loa::render_in_memory(dir.path(), chrono::NaiveDate::from_ymd_opt(2027, 6, 10), false, None) {
            Ok(r) => r,
            Err(d) => {
                // Refusing the text is allowed, with a located error.
                prop_assert!(d.iter().all(|e| e.position.is_some()), "{}", d);
                return Ok(());
            }
        };
        let (files, _) = out.into_memory();
        for (path, bytes) in &files {
            if path.ends_with(".png") {
                // A share card, typeset from the text.
                prop_assert!(bytes.starts_with(b"\x89PNG"), "{path}");
                continue;
            }
            if path.ends_with(".pdf") {
                // The print box: a PDF, typeset from the text with what print cannot show removed.
                prop_assert!(bytes.starts_with(b"%PDF-"), "{path}");
                continue;
            }
            let text = String::from_utf8(bytes.clone()).expect("UTF-8");
            if path.ends_with(".ics") {
                for line in text.split("\r\n") {
                    prop_assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "{path}: a control character in {line:?}");
                }
                let unfolded = icalendar::parser::unfold(&text);
                let cal = icalendar::parser::read_calendar(&unfolded).map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
                for c in &cal.components {
                    for sub in std::iter::once(c).chain(c.components.iter()) {
                        for p in &sub.properties {
                            prop_assert!(sub.name != "VEVENT" && sub.name != "VALARM" || EVENT_PROPERTIES.contains(&p.name.as_str()), "{path}: an injected property {}", p.name);
                        }
                    }
                }
            } else if path.ends_with(".xml") || path.ends_with(".svg") {
                roxmltree::Document::parse(&text).map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
            } else if path.ends_with(".json") {
                serde_json::from_str::<serde_json::Value>(&text).map_err(|e| TestCaseError::fail(format!("{path}: {e}")))?;
            } else if path.ends_with(".html") {
                prop_assert!(text.chars().all(loa::render::escape::html_char), "{path}: a code point HTML forbids");
            }
        }
    }
}
