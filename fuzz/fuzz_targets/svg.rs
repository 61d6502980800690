//! SVG pictures rebuilt from the allow-list: never a panic, and whatever the
//! input, what comes out is well-formed XML (read back here by quick-xml)
//! that runs nothing and loads nothing from outside the picture.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::render::images::svg::sanitize;
use quick_xml::events::Event;
use quick_xml::Reader;

fuzz_target!(|data: &[u8]| {
    let Ok(out) = sanitize(data) else { return };
    let text = std::str::from_utf8(&out).expect("the output is UTF-8");
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut in_style = false;
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed: {e} in {text}")) {
            Event::Eof => break,
            ev @ (Event::Start(_) | Event::Empty(_)) => {
                let (Event::Start(e) | Event::Empty(e)) = &ev else { unreachable!() };
                let name = String::from_utf8_lossy(e.name().as_ref()).to_ascii_lowercase();
                for bad in ["script", "foreignobject", "image", "iframe", "set", "animate"] {
                    assert_ne!(name, bad, "{text}");
                }
                // An empty `<style/>` holds no CSS: the text after it is not styles.
                in_style = name == "style" && matches!(ev, Event::Start(_));
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("an attribute does not read back: {err} in {text}"));
                    let key = String::from_utf8_lossy(a.key.as_ref()).to_ascii_lowercase();
                    let value = a.unescape_value().expect("value").to_ascii_lowercase();
                    assert!(!key.starts_with("on"), "{key} in {text}");
                    // A link, plain or in any namespace (`hlhref` is no link).
                    if key == "href" || key.ends_with(":href") || key == "src" {
                        assert!(value.trim_start().starts_with('#'), "{key}={value} in {text}");
                    }
                    // A value that a browser could follow as a script URL
                    // (`#x-javascript:` is a fragment, harmless).
                    assert!(!value.trim_start().starts_with("javascript:"), "{value} in {text}");
                    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                    for (i, _) in compact.match_indices("url(") {
                        assert!(compact[i + 4..].trim_start_matches(['"', '\'']).starts_with('#'), "{value} in {text}");
                    }
                }
            }
            Event::End(_) => in_style = false,
            Event::Text(t) if in_style => {
                let css = t.decode().expect("text").to_ascii_lowercase();
                assert!(!css.contains("@import"), "{css} in {text}");
            }
            Event::DocType(_) => panic!("a document type in {text}"),
            _ => {}
        }
    }
    // Sanitising what was sanitised changes nothing.
    assert_eq!(sanitize(&out).expect("the output is an SVG picture"), out, "not stable: {text}");
});
