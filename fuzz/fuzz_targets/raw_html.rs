//! Markdown with raw HTML allowed (`allow_raw_html: true`) → the page's HTML:
//! never a panic, and nothing in it loads from a host other than the site's,
//! as an oracle written apart from the code reads it (tests/oracle/
//! remote_loads.rs: html5ever's tree, every URL-bearing attribute, srcset
//! candidates, meta refresh, `style=`, `<style>`, SVG presentation attributes,
//! CSS `url(`/`image-set(`/`@import` with escapes decoded, `srcdoc` and
//! `<noscript>` read as documents).
//!
//! The input is half raw Markdown, half a recipe: bytes choosing among tags,
//! attributes, address spellings and CSS, so the fuzzer reaches the forms
//! that load without guessing their names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::render::markdown::{to_html, RenderOptions, Resolved};

include!("../../tests/oracle/remote_loads.rs");

const TAGS: &[&str] = &["img", "iframe", "link", "p", "style", "base", "svg", "image", "feImage", "use", "meta", "form", "button", "a", "table", "object", "embed", "math", "mglyph", "noscript", "video", "source", "script", "set", "rect", "picture", "html", "template", "select", "textarea", "title", "xmp", "foreignObject", "desc", "annotation-xml"];
const ATTRS: &[&str] = &["src", "srcset", "imagesrcset", "srcdoc", "style", "href", "xlink:href", "content", "http-equiv", "action", "formaction", "ping", "background", "lowsrc", "dynsrc", "longdesc", "data", "codebase", "poster", "manifest", "fill", "filter", "to", "values", "attributeName", "rel", "xml:base", "mask", "cursor"];
const URLS: &[&str] = &["https://t.example/x", "//t.example/x", "\\\\t.example/x", "/\\t.example/x", " \thttps://t.example/x", "HTTPS://T.EXAMPLE/x", "http://baovetreem.hanoi.example/x", "/anh.png", "anh.png", "data:text/html,<img src=//t.example/x>", "&#104;ttps://t.example/x", "ht&Tab;tps://t.example/x"];
const CSS: &[&str] = &["url(", "url('", "url(\"", "\\75 rl(", "u\\rl(", "image-set(\"", "-webkit-image-set(url(", "@import \"", "@import url(", "/**/", ")", "\"", "'", ";", "{", "}", "background:", "--x:", "var(--x)", "refresh", "0;url=", "\n", "<", ">", "=", " "];

/// Builds Markdown from the bytes as a recipe.
fn recipe(data: &[u8]) -> String {
    let mut out = String::new();
    let mut bytes = data.iter().copied();
    while let Some(b) = bytes.next() {
        let n = bytes.next().unwrap_or(0) as usize;
        match b % 8 {
            0 => out.push_str(&format!("<{}", TAGS[n % TAGS.len()])),
            1 => out.push_str(&format!(" {}=\"", ATTRS[n % ATTRS.len()])),
            2 => out.push_str(URLS[n % URLS.len()]),
            3 => out.push_str(CSS[n % CSS.len()]),
            4 => out.push_str("\">"),
            5 => out.push_str(&format!("</{}>", TAGS[n % TAGS.len()])),
            6 => out.push_str(if n % 2 == 0 { "\n\n" } else { " " }),
            _ => out.push(char::from(n as u8)),
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let md = if mode % 2 == 0 {
        let Ok(s) = std::str::from_utf8(rest) else { return };
        s.to_owned()
    } else {
        recipe(rest)
    };
    let base = url::Url::parse("https://baovetreem.hanoi.example/").unwrap();
    // Markdown images from another host are `loa check`'s errors, not raw
    // HTML: the resolver unlinks them, as the site's does not need to here.
    let keep = |dest: &str| if loa::url_policy::is_remote(dest, &base) { Resolved::Unlink } else { Resolved::To(dest.to_owned()) };
    let html = to_html(&md, &RenderOptions { allow_raw_html: true, base: &base, resolve: &keep, picture: None, first_eager: true });
    let found = oracle_remote_loads(&html, &base);
    assert!(found.is_empty(), "loads from another host: {found:?}\nin {html}\nfrom {md:?}");
    assert!(html.chars().all(loa::render::escape::html_char), "a character HTML cannot carry: {html:?}");
});
