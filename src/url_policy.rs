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
//!   origin ([`is_remote`]). Browsers forgive a lot — leading spaces and
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

/// The URLs of a `srcset` attribute (`a.png 1x, b.png 2x`).
fn srcset_urls(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').filter_map(|candidate| candidate.split_whitespace().next())
}

/// Whether an attribute of an element loads something when the page is shown
/// (as opposed to a link the reader may follow).
pub fn loads(element: &str, attribute: &str) -> bool {
    match attribute {
        "src" | "srcset" | "poster" | "background" | "lowsrc" | "dynsrc" => true,
        "data" => element == "object",
        "href" => matches!(element, "link" | "image" | "use"),
        "xlink:href" => matches!(element, "image" | "use" | "feimage"),
        "codebase" | "archive" | "classid" => element == "object" || element == "applet",
        "formaction" | "action" => false,
        _ => false,
    }
}

/// Whether this attribute of this element, as written, loads from another
/// origin than `base`'s.
pub fn loads_remote(element: &str, attribute: &str, value: &str, base: &Url) -> bool {
    if !loads(element, attribute) {
        return false;
    }
    if attribute == "srcset" {
        srcset_urls(value).any(|u| is_remote(u, base))
    } else {
        is_remote(value, base)
    }
}

/// Every attribute in a fragment of HTML that would load from another origin
/// than `base`'s, as `element attribute="value"`; the fragment is parsed by
/// the same HTML parser the sanitiser uses.
pub fn remote_loads(html: &str, base: &Url) -> Vec<String> {
    let found = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut b = ammonia::Builder::empty();
    // Parse every element and attribute: what is looked at is what a browser
    // would load, whatever the sanitiser would keep.
    // Every scheme a browser loads from passes ammonia's own URL filter, so
    // that the filter below sees it.
    b.clean_content_tags(std::collections::HashSet::new())
        .add_tags(LOADING_ELEMENTS)
        .add_generic_attributes(LOADING_ATTRIBUTES)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .url_schemes(["http", "https", "ftp", "data", "file", "blob", "filesystem", "ws", "wss"].into_iter().collect());
    let (sink, base) = (found.clone(), base.clone());
    b.attribute_filter(move |element, attribute, value| {
        if loads_remote(element, attribute, value, &base) {
            sink.lock().unwrap_or_else(|e| e.into_inner()).push(format!("{element} {attribute}=\"{value}\""));
        }
        Some(value.into())
    });
    let _ = b.clean(html).to_string();
    drop(b);
    found.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Elements that can load something.
const LOADING_ELEMENTS: &[&str] = &[
    "img", "image", "picture", "source", "video", "audio", "track", "iframe", "frame", "embed", "object", "applet", "input", "link", "script", "use",
    "body", "table", "td", "th", "feimage",
];

/// Attributes that can load something.
const LOADING_ATTRIBUTES: &[&str] = &["src", "srcset", "poster", "background", "lowsrc", "dynsrc", "data", "href", "xlink:href", "codebase", "archive", "classid"];

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
    fn remote_loads_in_html_fragments() {
        let b = base();
        let found = remote_loads("<img alt=x src=' \\\\tracker.example/p.gif'><video poster=\"//t.example/p.jpg\"></video><a href=\"https://ok.example/\">ok</a><img src=\"so-do.png\"><script src=\"https://t.example/x.js\"></script>", &b);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("img src="), "{found:?}");
        assert!(found[1].starts_with("video poster="), "{found:?}");
    }
}
