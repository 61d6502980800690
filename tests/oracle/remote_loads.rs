// An oracle written apart from src/html_loads.rs (included by tests/raw_html.rs
// and fuzz/fuzz_targets/raw_html.rs): every place in a page's HTML, parsed by
// html5ever (scraper), that would load from a host other than the site's.
// It reads more widely than the code it checks (every attribute but a list of
// text ones, every quoted string and url() in CSS), and judges more narrowly
// (a URL another host serves: http, https, ftp, ws, wss), so that a finding
// is a real load and a miss in the code is found.

/// Attributes that hold an address a browser loads, on any element (from the
/// HTML standard's index of attributes, older browsers' and SVG's).
const URL_ATTRIBUTES: &[&str] = &[
    "src", "srcset", "imagesrcset", "poster", "background", "lowsrc", "dynsrc", "longdesc", "data", "codebase", "archive", "classid", "code",
    "manifest", "action", "formaction", "ping", "href", "xlink:href", "xml:base", "profile", "icon", "srcdoc", "style",
];

/// SVG attributes that hold only text, names or numbers.
const SVG_TEXT_ATTRIBUTES: &[&str] = &["id", "class", "lang", "title", "attributename", "viewbox", "xmlns", "d", "points", "width", "height", "x", "y"];

/// Whether `url`, written in a page at `base`, is served by another host.
fn oracle_remote(url: &str, base: &url::Url) -> bool {
    match base.join(url) {
        Ok(u) => matches!(u.scheme(), "http" | "https" | "ftp" | "ws" | "wss") && (u.host_str() != base.host_str() || u.port_or_known_default() != base.port_or_known_default() || u.scheme() != base.scheme()),
        Err(_) => false,
    }
}

/// CSS with comments removed and escapes decoded, as a browser reads it
/// (`\75 rl(` is `url(`).
fn oracle_css_text(css: &str) -> String {
    let mut out = String::new();
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut prev = ' ';
            for c in chars.by_ref() {
                if prev == '*' && c == '/' {
                    break;
                }
                prev = c;
            }
            continue;
        }
        if c == '\\' {
            let mut hex = String::new();
            while hex.len() < 6 && chars.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                hex.push(chars.next().unwrap());
            }
            if hex.is_empty() {
                if let Some(n) = chars.next()
                    && n != '\n'
                {
                    out.push(n);
                }
            } else {
                if chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                    chars.next();
                }
                out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Every URL-like piece of CSS: `url(…)` arguments and every quoted string.
fn oracle_css_urls(css: &str) -> Vec<String> {
    let text = oracle_css_text(css);
    let lower = text.to_ascii_lowercase();
    let mut urls = Vec::new();
    for (i, _) in lower.match_indices("url(") {
        let rest = text[i + 4..].trim_start();
        let arg: String = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or("").to_owned(),
            _ => rest.split(')').next().unwrap_or("").trim().to_owned(),
        };
        urls.push(arg);
    }
    for q in ['"', '\''] {
        urls.extend(text.split(q).skip(1).step_by(2).map(str::to_owned));
    }
    urls
}

/// What the oracle sees loading from another host in `html`.
pub fn oracle_remote_loads(html: &str, base: &url::Url) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    let mut found = Vec::new();
    for node in doc.tree.nodes() {
        match node.value() {
            scraper::Node::Element(el) => {
                let name = el.name.local.to_string().to_ascii_lowercase();
                let http_equiv = el.attrs.iter().find(|(q, _)| str::eq_ignore_ascii_case(&q.local, "http-equiv")).map(|(_, v)| v.trim().to_ascii_lowercase());
                for (q, value) in &el.attrs {
                    let attr = q.local.to_string().to_ascii_lowercase();
                    let attr = match &q.prefix {
                        Some(p) => format!("{}:{attr}", &**p),
                        None => attr,
                    };
                    let svg = &*el.name.ns == "http://www.w3.org/2000/svg";
                    let link = attr.ends_with("href") && matches!(name.as_str(), "a" | "area");
                    let wanted = URL_ATTRIBUTES.contains(&attr.as_str()) || attr == "content" || (svg && !SVG_TEXT_ATTRIBUTES.contains(&attr.as_str()));
                    if link || !wanted || attr.starts_with("on") {
                        continue;
                    }
                    let mut urls: Vec<String> = vec![value.to_string()];
                    if attr == "content" {
                        if name != "meta" || http_equiv.is_none() {
                            continue;
                        }
                        // The address after `url=`, or after the time.
                        let v = value.to_string();
                        urls.extend(v.split([';', ',', '=', '<', '>', '\'', '"']).map(|s| s.trim().to_owned()));
                        urls.extend(v.split_whitespace().map(str::to_owned));
                    }
                    urls.extend(value.split(',').flat_map(|c| c.split_whitespace()).map(str::to_owned));
                    urls.extend(value.split(';').map(|c| c.trim().to_owned()));
                    urls.extend(oracle_css_urls(value));
                    if attr == "srcdoc" {
                        found.extend(oracle_remote_loads(value, base));
                    }
                    for u in urls {
                        if oracle_remote(&u, base) {
                            found.push(format!("{name} {attr}={u:?}"));
                        }
                    }
                }
            }
            scraper::Node::Text(t) => {
                let parent = node.parent().and_then(|p| p.value().as_element().map(|e| e.name.local.to_ascii_lowercase()));
                match parent.as_deref() {
                    Some("style") => {
                        for u in oracle_css_urls(t) {
                            if oracle_remote(&u, base) {
                                found.push(format!("<style> {u:?}"));
                            }
                        }
                    }
                    Some("noscript") => found.extend(oracle_remote_loads(t, base)),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    found
}
