//! Markdown → HTML with the sanitiser: never a panic, and whatever the input
//! no script, no event handler and nothing loaded from another host survives —
//! pictures' `<picture>` markup (with their alt text and title) included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::render::pictures::{Loading, Picture, Variant};
use loa::render::markdown::{to_html, RenderOptions, Resolved};

include!("../../tests/oracle/remote_loads.rs");

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else { return };
    let base = url::Url::parse("https://baovetreem.hanoi.example/").unwrap();
    let keep = |dest: &str| if loa::url_policy::is_safe_scheme(dest) { Resolved::To(dest.to_owned()) } else { Resolved::Unlink };
    // Any destination ending in .png is a picture with two widths.
    let picture = |dest: &str, alt: &str, title: &str, loading: Loading| -> Option<String> {
        let name = dest.strip_suffix(".png")?;
        let v = |w: u32| Variant { width: w, height: w / 2, webp: format!("img/k/{name}-{w}.webp"), fallback: format!("img/k/{name}-{w}.png") };
        let p = Picture { path: dest.to_owned(), size: Some((960, 480)), variants: vec![v(480), v(960)], key: "k".into() };
        Some(p.html(&|path: &str| format!("/{path}"), alt, Some(title), "100vw", loading))
    };
    let html = to_html(md, &RenderOptions { allow_raw_html: false, base: &base, resolve: &keep, picture: Some(&picture), first_eager: true });
    // Text's `<` is always escaped, so every `<` opens a tag: no tag may be
    // a script, and no URL attribute may start (as a browser reads it:
    // leading spaces and controls skipped, tabs and line breaks removed)
    // with a scheme that runs code. As text, the words are harmless.
    let lower = html.to_ascii_lowercase();
    for tag in lower.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
        assert!(!tag.starts_with("script"), "{html}");
        for attr in ["href=\"", "src=\"", "srcset=\"", "action=\"", "formaction=\""] {
            for (i, _) in tag.match_indices(attr) {
                let value = tag[i + attr.len()..].split('"').next().unwrap_or("");
                let read: String = value.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                let read = read.trim_start_matches(|c: char| c <= ' ');
                for scheme in ["javascript:", "vbscript:", "data:text/html"] {
                    assert!(!read.starts_with(scheme), "{attr}{value} in {html}");
                }
            }
        }
    }
    assert!(html.chars().all(loa::render::escape::html_char), "a character HTML cannot carry: {html:?}");
    // Nothing loads from another host: as the code judges it, and as the
    // oracle written apart from it reads it.
    for found in loa::html_loads::remote_loads(&html, &base) {
        panic!("loads from another host: {found} in {html}");
    }
    let found = oracle_remote_loads(&html, &base);
    assert!(found.is_empty(), "loads from another host (oracle): {found:?} in {html}");
});
