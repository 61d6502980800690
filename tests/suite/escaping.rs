//! Any text in any field reaches every output only as that output can carry
//! it: a property test puts arbitrary Unicode — control characters, lone
//! carriage returns, line and paragraph separators, noncharacters — into
//! every text a person writes (site title, campaign title, page title,
//! summary, body), renders the site, and reads every output back with a
//! real parser: iCalendar (no injected property), XML 1.0 (feeds, sitemap,
//! the print box's SVGs), JSON, and HTML (no code point HTML forbids). The
//! browser editor's page and configuration (`admin/`) are read back with
//! the HTML standard's parser and a YAML parser.

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

/// The site at `root` rendered as of 2027-06-10, as (path, bytes); `None`
/// when it is refused, which hostile text may be, but only with errors that
/// say where.
fn rendered(root: &Path) -> Result<Option<std::collections::BTreeMap<String, Vec<u8>>>, TestCaseError> {
    match loa::render_in_memory(root, chrono::NaiveDate::from_ymd_opt(2027, 6, 10), false, None) {
        Ok((out, _)) => Ok(Some(out.into_memory().0)),
        Err(d) => {
            prop_assert!(d.iter().all(|e| e.position.is_some()), "{}", d);
            Ok(None)
        }
    }
}

/// The property names a VEVENT or VALARM of loa's may have.
const EVENT_PROPERTIES: &[&str] = &["UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL", "DTSTART", "DTEND", "TRANSP", "RRULE", "ACTION", "TRIGGER"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn every_output_parses_whatever_the_text(site_title in hostile(), campaign in hostile(), title in hostile(), summary in hostile(), body in hostile()) {
        let dir = tempfile::tempdir().unwrap();
        write_site(dir.path(), &site_title, &campaign, &title, &summary, &body);
        let Some(files) = rendered(dir.path())? else { return Ok(()) };
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

/// The `<script>` elements of `html` (its `src`, or its text when inline)
/// and the text of its `<title>`, as the HTML standard's tokenizer reads
/// them (html5ever's, which ammonia and Servo use; switched to RCDATA after
/// `<title>` and to script data after `<script>`, as its tree builder does).
fn scripts_and_title(html: &str) -> (Vec<String>, String) {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::states::RawKind;
    use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
    use std::cell::RefCell;
    #[derive(Default)]
    struct Sink {
        /// The element whose text is being read (`title` or `script`), if any.
        open: RefCell<Option<String>>,
        scripts: RefCell<Vec<String>>,
        titles: RefCell<Vec<String>>,
    }
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            match token {
                Token::TagToken(tag) if tag.kind == TagKind::StartTag && (&*tag.name == "title" || &*tag.name == "script") => {
                    let name = tag.name.to_string();
                    let src = tag.attrs.iter().find(|a| &*a.name.local == "src").map(|a| a.value.to_string());
                    let list = if name == "title" { &self.titles } else { &self.scripts };
                    list.borrow_mut().push(src.unwrap_or_default());
                    *self.open.borrow_mut() = Some(name.clone());
                    return TokenSinkResult::RawData(if name == "title" { RawKind::Rcdata } else { RawKind::ScriptData });
                }
                Token::TagToken(tag) if tag.kind == TagKind::EndTag => *self.open.borrow_mut() = None,
                Token::CharacterTokens(t) => {
                    if let Some(open) = self.open.borrow().as_deref() {
                        let list = if open == "title" { &self.titles } else { &self.scripts };
                        list.borrow_mut().last_mut().unwrap().push_str(&t);
                    }
                }
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }
    let tok = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tok.feed(&input);
    tok.end();
    let mut titles = tok.sink.titles.take();
    assert_eq!(titles.len(), 1, "one <title>: {titles:?}");
    (tok.sink.scripts.take(), titles.remove(0))
}

/// What HTML's parser gives back for text loa wrote: line breaks normalised
/// (CR and CR LF are LF), after what HTML cannot carry was dropped.
fn as_parsed(s: &str) -> String {
    loa::render::escape::html(s).replace("\r\n", "\n").replace('\r', "\n")
}

/// Text with markup in it: pieces of [`hostile`] text and of HTML that
/// would end the `<title>` and start a script, or read as a reference.
fn hostile_html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        hostile(),
        Just("</title><script>alert(document.cookie)</script>".to_owned()),
        Just("</TITLE ><img src=x onerror=alert(1)>".to_owned()),
        Just("&amp;".to_owned()),
        Just("&lt".to_owned()),
        Just("<!--".to_owned()),
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// The editor's page and configuration (`admin/`, with `cms:`) hold any
    /// site title, campaign title and application id: the page has exactly
    /// the editor's scripts and the title as written; `config.yml` reads back
    /// as YAML with the values as written.
    #[test]
    fn the_editor_page_holds_any_title(site_title in hostile_html(), campaign in hostile_html(), app_id in hostile_html(), sveltia in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        write_site(dir.path(), &site_title, &campaign, "Trang", "Tóm tắt", "Nội dung");
        let editor = if sveltia { "sveltia" } else { "decap" };
        let site = dir.path().join("site.yaml");
        let mut text = std::fs::read_to_string(&site).unwrap();
        text.push_str(&format!("cms:\n  name: {editor}\n  backend: gitlab\n  repo: so/site\n  script: cdn\n  app_id: {}\n", yaml(&app_id)));
        std::fs::write(&site, text).unwrap();
        let Some(files) = rendered(dir.path())? else { return Ok(()) };
        let file = |p: &str| String::from_utf8(files.iter().find(|(path, _)| path.as_str() == p).unwrap_or_else(|| panic!("no {p}")).1.clone()).unwrap();

        let page = file("admin/index.html");
        prop_assert!(page.chars().all(loa::render::escape::html_char), "a code point HTML forbids");
        let (scripts, title) = scripts_and_title(&page);
        let cdn = if sveltia { "https://unpkg.com/@sveltia/cms@0.221.1/dist/sveltia-cms.js" } else { "https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js" };
        prop_assert_eq!(&scripts[0], cdn, "the editor's script first: {:?}", scripts);
        // Decap: one inline script of loa's (Unicode NFC on save); Sveltia: none.
        prop_assert_eq!(scripts.len(), if sveltia { 1 } else { 2 }, "{:?}", scripts);
        prop_assert!(sveltia || scripts[1].contains("CMS.registerEventListener({\n      name: 'preSave'"), "{:?}", scripts);
        let heading = "Quản trị nội dung · ";
        let expected = as_parsed(&site_title);
        prop_assert_eq!(title.strip_prefix(heading), Some(expected.as_str()), "{}", page);

        let config: serde_json::Value = serde_saphyr::from_str(&file("admin/config.yml")).map_err(|e| TestCaseError::fail(format!("admin/config.yml: {e}")))?;
        let written = app_id.trim();
        prop_assert_eq!(config["backend"]["app_id"].as_str(), (!written.is_empty()).then_some(written));
        let tet = config["collections"].as_array().unwrap().iter().find(|c| c["name"] == "tet").expect("the campaign's collection");
        // The campaign's title as calendar.yaml holds it: loa trims the site's
        // title, not a campaign's (a tab after "a" is kept, escaped by YAML).
        prop_assert_eq!(tet["label"].as_str(), Some(campaign.as_str()));
    }
}
