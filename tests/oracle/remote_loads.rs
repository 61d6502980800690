// An oracle written apart from src/html_loads.rs (included by tests/raw_html.rs
// and fuzz/fuzz_targets/raw_html.rs): every place in a page's HTML, parsed by
// html5ever (scraper), that would load from a host other than the site's.
// It reads more widely than the code it checks (every URL attribute on any
// element, every SVG attribute but a list of text ones, every CSS string but
// an @namespace's) with its own reading of CSS tokens (by hand, not
// cssparser), and judges more narrowly (a URL another host serves: http,
// https, ftp, ws, wss), so that a finding is a real load, or an address of
// another host written where the code promises none, and a miss in the code
// is found.

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

/// Every URL-like piece of CSS, read by hand as CSS Syntax Level 3 tokenizes
/// (comments dropped, escapes decoded: `\75 rl(` is `url(`): every unquoted
/// `url(…)` argument, and every string but an `@namespace`'s (a `url("…")`
/// included). A malformed `url(` (a space inside, a quote, a bracket) is a
/// bad-url token, read to its `)`: nothing in it loads. A string cut by a
/// line break is a bad string, which loads nothing either.
fn oracle_css_urls(css: &str) -> Vec<String> {
    type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;
    fn escape(chars: &mut Chars<'_>) -> Option<char> {
        let mut hex = String::new();
        while hex.len() < 6 && chars.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
            hex.push(chars.next().unwrap());
        }
        if hex.is_empty() {
            return match chars.next() {
                Some('\n') | None => None,
                Some(n) => Some(n),
            };
        }
        if chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            chars.next();
        }
        Some(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'))
    }
    let space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C');
    let mut urls = Vec::new();
    // The identifier being read (decoded), and the statement so far.
    let mut ident = String::new();
    let mut statement = String::new();
    let mut chars: Chars<'_> = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
                ident.clear();
            }
            '\\' => {
                if let Some(d) = escape(&mut chars) {
                    ident.push(d);
                    statement.push(d);
                }
            }
            q @ ('"' | '\'') => {
                let mut string = String::new();
                let mut good = true;
                loop {
                    match chars.next() {
                        None => break,
                        Some(c) if c == q => break,
                        Some('\n' | '\r' | '\x0C') => {
                            good = false;
                            break;
                        }
                        Some('\\') => string.extend(escape(&mut chars)),
                        Some(c) => string.push(c),
                    }
                }
                if good && !statement.trim_start().to_ascii_lowercase().starts_with("@namespace") {
                    urls.push(string);
                }
                statement.push('"');
                ident.clear();
            }
            '(' if ident.eq_ignore_ascii_case("url") => {
                ident.clear();
                while chars.peek().is_some_and(|&c| space(c)) {
                    chars.next();
                }
                if matches!(chars.peek(), Some('"' | '\'')) {
                    continue; // url("…"): the string is read as any other
                }
                let mut arg = String::new();
                let mut bad = false;
                loop {
                    match chars.next() {
                        None | Some(')') => break,
                        Some(c) if space(c) => {
                            while chars.peek().is_some_and(|&c| space(c)) {
                                chars.next();
                            }
                            if !matches!(chars.peek(), Some(')') | None) {
                                bad = true;
                            }
                        }
                        Some('"' | '\'' | '(') => bad = true,
                        Some(c) if (c as u32) < 0x20 && !space(c) || c == '\x7F' => bad = true,
                        Some('\\') => match escape(&mut chars) {
                            Some(d) => arg.push(d),
                            None => bad = true,
                        },
                        Some(c) => arg.push(c),
                    }
                    if bad {
                        // The remnants of a bad url, to its `)`.
                        while let Some(c) = chars.next() {
                            match c {
                                ')' => break,
                                '\\' => {
                                    escape(&mut chars);
                                }
                                _ => {}
                            }
                        }
                        break;
                    }
                }
                if !bad {
                    urls.push(arg);
                }
                statement.push_str("url()");
            }
            c => {
                if c.is_alphanumeric() || matches!(c, '-' | '_') || !c.is_ascii() {
                    ident.push(c);
                } else {
                    ident.clear();
                }
                if matches!(c, ';' | '{' | '}') {
                    statement.clear();
                } else {
                    statement.push(c);
                }
            }
        }
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
                // A stylesheet is its element's child text content: its text
                // children joined, whatever elements stand between them (SVG's
                // <style> may hold elements).
                if name == "style" {
                    let css: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
                    for u in oracle_css_urls(&css) {
                        if oracle_remote(&u, base) {
                            found.push(format!("<style> {u:?}"));
                        }
                    }
                }
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
                    // The value as one address (the URL parser drops tabs and
                    // line breaks, so `ht\tps://…` is read whole), where the
                    // attribute holds one: not a document, CSS, or SVG's other
                    // attributes (whose addresses stand in url()).
                    let mut urls: Vec<String> = Vec::new();
                    if URL_ATTRIBUTES.contains(&attr.as_str()) && !matches!(attr.as_str(), "srcdoc" | "style") {
                        urls.push(value.to_string());
                    }
                    if attr == "content" {
                        if name != "meta" || !matches!(http_equiv.as_deref(), Some("refresh" | "link")) {
                            continue;
                        }
                        // The address after `url=`, or after the time; a
                        // Link header's `<…>`.
                        let v = value.to_string();
                        urls.extend(v.split([';', ',', '=', '<', '>', '\'', '"']).map(|s| s.trim().to_owned()));
                        urls.extend(v.split_whitespace().map(str::to_owned));
                    }
                    // Lists of addresses: a browser reads each.
                    if matches!(attr.as_str(), "srcset" | "imagesrcset" | "ping" | "archive") {
                        urls.extend(value.split(',').flat_map(|c| c.split_whitespace()).map(str::to_owned));
                    }
                    // An animation that sets an address: each of its values.
                    let animates = el.attrs.iter().find(|(q, _)| str::eq_ignore_ascii_case(&q.local, "attributename")).is_some_and(|(_, v)| v.trim().to_ascii_lowercase().ends_with("href"));
                    if svg && animates && matches!(attr.as_str(), "to" | "from" | "by" | "values") {
                        urls.extend(value.split(';').map(|c| c.trim().to_owned()));
                    }
                    if svg || attr == "style" {
                        urls.extend(oracle_css_urls(value));
                    }
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
                if parent.as_deref() == Some("noscript") {
                    found.extend(oracle_remote_loads(t, base));
                }
            }
            _ => {}
        }
    }
    found
}
