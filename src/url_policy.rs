//! Which URLs may appear in the output, decided in one place.
//!
//! - Links keep only the schemes a reader can safely follow (`http`, `https`,
//!   `mailto`, `tel`); anything else (`javascript:`, `data:`, `file:`…) loses
//!   its link and keeps its text ([`is_safe_scheme`]).
//! - URLs written in the configuration (an organisation's website) take the
//!   same schemes only ([`config_url`]).
//! - Nothing in a page may load from another host: an attribute that loads
//!   something (`src`, `srcset`, `poster`, `data`, a stylesheet's `href`…)
//!   is "remote" when the URL, parsed as a browser parses it (the `url`
//!   crate's WHATWG parser, against the site's base URL), lands on another
//!   origin ([`is_remote`], [`loads_remote`]; the walk over a whole fragment
//!   of HTML and its CSS is [`crate::html_loads`]). Browsers forgive a lot — leading spaces and
//!   tabs, `\` for `/`, `/\host`, `\\host` — and so does this parser, so what
//!   a browser would fetch from elsewhere is caught whatever its spelling.

use url::Url;

/// The schemes a link, or a URL in the configuration, may have.
pub const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Whether a URL's scheme may appear in the output. A URL without a scheme
/// (a path, a `#fragment`) is allowed.
pub fn is_safe_scheme(url: &str) -> bool {
    match url.trim_start_matches(|c: char| c <= ' ').split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#', '\\']) => {
            let scheme: String = scheme.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
            SAFE_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// Checks a URL written in the configuration: an absolute `https:`, `http:`,
/// `mailto:` or `tel:` URL. Returns it as the parser writes it, or why not.
pub fn config_url(s: &str) -> Result<String, crate::i18n::Msg> {
    let s = s.trim();
    let url = Url::parse(s).map_err(|e| crate::t!("url-not-absolute", url = s, detail = e.to_string()))?;
    if !SAFE_SCHEMES.contains(&url.scheme()) {
        return Err(crate::t!("url-scheme", url = s, scheme = url.scheme()));
    }
    if matches!(url.scheme(), "http" | "https") && url.host_str().is_none_or(str::is_empty) {
        return Err(crate::t!("url-no-host", url = s));
    }
    Ok(url.to_string())
}

/// Whether `value`, written in a page of the site at `base`, makes a browser
/// load something from another origin (or from an address it cannot parse).
/// `data:` URLs load nothing from anywhere, and relative URLs stay on the site.
pub fn is_remote(value: &str, base: &Url) -> bool {
    match base.join(value) {
        Ok(u) => u.scheme() != "data" && u.origin() != base.origin(),
        Err(_) => true,
    }
}

/// Whether `value`, read as an address, names something another host serves
/// over the network (`http`, `https`, `ftp`, `ws`, `wss`, or `//host/…`):
/// narrower than [`is_remote`], for text that may or may not be an address
/// (a CSS string: `"tel: 111"` and `"Gọi 111"` are text, `"//t.example/a"` is
/// not).
pub fn names_another_host(value: &str, base: &Url) -> bool {
    match base.join(value) {
        Ok(u) => matches!(u.scheme(), "http" | "https" | "ftp" | "ws" | "wss") && u.origin() != base.origin(),
        Err(_) => false,
    }
}

/// Whether `value` loads from another origin than `base`'s in a place where
/// even a `data:` URL must not be trusted: a document or stylesheet loaded from
/// it (an `<iframe>`, `<object>`, `<embed>`, `<link>`, `@import`) loads
/// whatever *it* says, from anywhere. Only the site's own origin is local.
pub fn is_remote_document(value: &str, base: &Url) -> bool {
    match base.join(value) {
        Ok(u) => u.origin() != base.origin(),
        Err(_) => true,
    }
}

/// The URLs of a `srcset` or `imagesrcset` attribute (`a.png 1x, b.png 2x`):
/// its candidates as the HTML standard parses them (a URL runs to the next
/// space; commas around it separate candidates), and also every word of every
/// comma-separated piece, so that a spelling read either way is judged. A
/// descriptor that is an address (`a.png\n//t.example/b`) makes the standard
/// drop its candidate; it is judged anyway, as a parser that reads it
/// otherwise would load it (found by the raw_html fuzz target).
pub fn srcset_urls(value: &str) -> Vec<&str> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r');
    let mut urls = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c| is_space(c) || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        if url.ends_with(',') {
            urls.push(url.trim_end_matches(','));
            rest = after;
            continue;
        }
        urls.push(url);
        // Descriptors, up to a comma outside parentheses.
        let mut depth = 0usize;
        let mut stop = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    stop = i;
                    break;
                }
                _ => {}
            }
        }
        rest = &after[stop..];
    }
    urls.extend(value.split(',').flat_map(|candidate| candidate.split(is_space)).filter(|w| !w.is_empty()));
    urls
}

/// Whether an attribute of an element loads something when the page is shown,
/// or sends something to another host without the reader choosing a link
/// (a form's `action`, a link's `ping`). `href` loads on every element but
/// `<a>` and `<area>` (a link the reader may follow): `<link>`, `<base>`, SVG's
/// `<image>`, `<use>`, `<feImage>`, `<script>`, `<pattern>`…, and `xlink:href`
/// alike. What only a script, a style or a `<meta>` loads is judged by
/// [`crate::html_loads`].
pub fn loads(element: &str, attribute: &str) -> bool {
    let attribute = attribute.to_ascii_lowercase();
    match attribute.as_str() {
        "src" | "srcset" | "imagesrcset" | "poster" | "background" | "lowsrc" | "dynsrc" | "longdesc" | "manifest" | "action" | "formaction" | "ping"
        | "xml:base" | "profile" | "icon" => true,
        // A plug-in's addresses load on `<object>`, `<applet>` and `<embed>`;
        // elsewhere they load nothing, but an address to another host there is
        // removed all the same (found by the raw_html fuzz target on
        // `<template codebase>`): nothing is lost, and no browser's reading
        // need be guessed.
        "data" | "codebase" | "archive" | "classid" | "code" => true,
        a if a == "href" || a.ends_with(":href") => !matches!(element, "a" | "area"),
        _ => false,
    }
}

/// Elements whose URL loads a document, a stylesheet or a program that may in
/// turn load from anywhere: a `data:` URL there is judged remote.
pub fn loads_document(element: &str) -> bool {
    matches!(element, "iframe" | "frame" | "object" | "embed" | "applet" | "portal" | "fencedframe" | "link" | "script" | "use" | "base")
}

/// Whether this attribute of this element, as written, loads from another
/// origin than `base`'s.
pub fn loads_remote(element: &str, attribute: &str, value: &str, base: &Url) -> bool {
    if !loads(element, attribute) {
        return false;
    }
    let remote = |u: &str| if loads_document(element) { is_remote_document(u, base) } else { is_remote(u, base) };
    match attribute.to_ascii_lowercase().as_str() {
        "srcset" | "imagesrcset" => srcset_urls(value).into_iter().any(remote),
        "ping" => value.split_ascii_whitespace().any(remote),
        "archive" => value.split(|c: char| c == ',' || c.is_ascii_whitespace()).filter(|u| !u.is_empty()).any(remote),
        _ => remote(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://baovetreem.hanoi.example/").unwrap()
    }

    #[test]
    fn schemes() {
        for ok in ["https://x.vn/", "HTTP://x", "mailto:a@b.vn", "tel:111", "../x.md", "#a", "a/b:c"] {
            assert!(is_safe_scheme(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", "JavaScript:x", " javascript:x", "java\tscript:x", "data:text/html,x", "file:///etc/passwd", "vbscript:x"] {
            assert!(!is_safe_scheme(bad), "{bad}");
        }
    }

    #[test]
    fn configuration_urls() {
        assert_eq!(config_url("https://soldtbxh.hanoi.gov.vn").unwrap(), "https://soldtbxh.hanoi.gov.vn/");
        assert!(config_url("mailto:lienhe@hanoi.gov.vn").is_ok());
        assert!(config_url("tel:111").is_ok());
        for bad in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "file:///etc/passwd", "ftp://x.vn/", "soldtbxh.hanoi.gov.vn", "/lien-he/", "https://", "vbscript:x"] {
            assert!(config_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn browsers_forgiving_spellings_are_remote() {
        let b = base();
        for remote in [
            "https://tracker.example/p.gif",
            "//tracker.example/p.gif",
            " https://tracker.example/p.gif",
            "\thttps://tracker.example/p.gif",
            "\\\\tracker.example/p.gif",
            "/\\tracker.example/p.gif",
            "\\/tracker.example/p.gif",
            "https:\\\\tracker.example\\p.gif",
            "ht\ttps://tracker.example/p.gif",
            "HTTPS://TRACKER.EXAMPLE/p.gif",
            "http://baovetreem.hanoi.example/x.png",
            "https://baovetreem.hanoi.example:8443/x.png",
            "https://baovetreem.hanoi.example.evil.example/x.png",
            "https://user@tracker.example/x.png",
            "ftp://tracker.example/x.png",
        ] {
            assert!(is_remote(remote, &b), "{remote:?} should be remote");
        }
        for local in ["x.png", "/x.png", "../x.png", "https://baovetreem.hanoi.example/x.png", "data:image/png;base64,AAAA", "#a", "?q=1", ""] {
            assert!(!is_remote(local, &b), "{local:?} should be local");
        }
        assert!(loads_remote("img", "srcset", "a.png 1x, //t.example/b.png 2x", &b));
        assert!(!loads_remote("img", "srcset", "a.png 1x, b.png 2x", &b));
        assert!(!loads_remote("a", "href", "https://tracker.example/", &b), "a link loads nothing");
        assert!(loads_remote("link", "href", "https://tracker.example/x.css", &b));
    }

    #[test]
    fn srcset_candidates_as_the_standard_reads_them() {
        let b = base();
        assert!(srcset_urls("a.png 1x,//t.example/b.png 2x").contains(&"//t.example/b.png"));
        assert!(srcset_urls("a.png,//t.example/b.png").contains(&"//t.example/b.png"), "a comma inside a URL is read both ways");
        assert!(srcset_urls(" ,, a.png (x, y) 1x, //t.example/c.png").contains(&"//t.example/c.png"));
        for descriptor in ["a.png //t.example/b", "a.png\n/\\t.example/b", "a.png 1x //t.example/b, c.png"] {
            assert!(loads_remote("img", "srcset", descriptor, &b), "{descriptor:?}");
            assert!(loads_remote("link", "imagesrcset", descriptor, &b), "{descriptor:?}");
        }
        assert!(!loads_remote("img", "srcset", "data:image/png;base64,AAAA 1x, a.png 2x", &b));
        assert!(loads_remote("link", "imagesrcset", "a.png 1x, https://t.example/b.png 2x", &b));
        assert!(loads_remote("iframe", "src", "data:text/html,<img src=//t.example/x>", &b), "a data: document loads what it says");
        assert!(!loads_remote("img", "src", "data:image/png;base64,AAAA", &b));
        assert!(loads_remote("a", "ping", "/p https://t.example/p", &b));
        assert!(loads_remote("form", "action", "https://t.example/f", &b));
        assert!(loads_remote("base", "href", "https://t.example/", &b));
        assert!(loads_remote("use", "xlink:href", "https://t.example/s.svg#a", &b));
        assert!(!loads_remote("a", "xlink:href", "https://t.example/", &b), "a link loads nothing");
    }
}
