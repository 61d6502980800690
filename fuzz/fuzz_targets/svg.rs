//! SVG pictures rebuilt from the allow-list: never a panic, and whatever the
//! input, what comes out is well-formed XML (read back here by quick-xml)
//! that runs nothing and loads nothing from outside the picture: no link
//! but to `#id`, and no CSS that loads (`url(` but to `#id`, `image-set(`,
//! `image(`, `cross-fade(`, `src(`, `@import`, escapes) in any attribute or
//! style sheet.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::render::pictures::svg::sanitize;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Whether CSS (an attribute's value or a style sheet, in lower case) could
/// load from outside the picture: a `url(` not naming `#id`, or any other
/// CSS function that loads (`image-set("http://…")` takes a plain string),
/// `@import`, or an escape that could spell one of them. Written here apart
/// from the sanitiser's own list, as the oracle.
fn loads_from_outside(css: &str) -> Option<&'static str> {
    let compact: String = css.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    for (i, _) in compact.match_indices("url(") {
        if !compact[i + 4..].trim_start_matches(['"', '\'']).starts_with('#') {
            return Some("url(");
        }
    }
    ["image-set(", "image(", "cross-fade(", "src(", "@import", "\\"].into_iter().find(|f| compact.contains(f))
}

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
                    // A link to `#id` names a place in the picture and is
                    // not CSS: what follows the `#` loads nothing.
                    if key == "href" || key.ends_with(":href") || key == "src" {
                        assert!(value.trim_start().starts_with('#'), "{key}={value} in {text}");
                        continue;
                    }
                    // A value that a browser could follow as a script URL
                    // (`#x-javascript:` is a fragment, harmless).
                    assert!(!value.trim_start().starts_with("javascript:"), "{value} in {text}");
                    if let Some(f) = loads_from_outside(&value) {
                        panic!("{f} kept in {key}={value} in {text}");
                    }
                }
            }
            Event::End(_) => in_style = false,
            Event::Text(t) if in_style => {
                let css = t.decode().expect("text").to_ascii_lowercase();
                if let Some(f) = loads_from_outside(&css) {
                    panic!("{f} kept in a style sheet: {css} in {text}");
                }
            }
            Event::DocType(_) => panic!("a document type in {text}"),
            _ => {}
        }
    }
    // Sanitising what was sanitised changes nothing.
    assert_eq!(sanitize(&out).expect("the output is an SVG picture"), out, "not stable: {text}");
});
