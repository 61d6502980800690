//! What in a fragment of HTML makes a browser load from another host, found
//! (for `loa check`, [`remote_loads`]) and removed (for the pages,
//! [`without_remote_loads`]) by one walk over the tree a browser builds: the
//! fragment is parsed by html5ever (through `scraper`), the WHATWG parser, so
//! entities, case, unquoted attributes, SVG and MathML are read as a browser
//! reads them.
//!
//! Judged on every element, against the site's base URL:
//! - every attribute that loads ([`crate::url_policy::loads_remote`]: `src`,
//!   `srcset`, `imagesrcset`, `poster`, `background`, `href` on anything but a
//!   link, `xlink:href`, `action`, `formaction`, `ping`, `manifest`…);
//! - `srcdoc`: the document it holds, judged the same way;
//! - CSS: the `style` attribute, `<style>` (in HTML or SVG) and SVG's
//!   presentation attributes (`fill="url(…)"`), by [`crate::css_loads`];
//! - `<meta http-equiv="refresh">`'s address, and `<meta http-equiv="link">`;
//! - SVG animations that set an address (`<set attributeName="href" to="…">`);
//! - `<noscript>`'s markup, which a browser without scripts reads as HTML.
//!
//! Not judged: what a script does once it runs (`allow_raw_html: true` keeps
//! scripts, as documented), and Internet Explorer's conditional comments.

use std::borrow::Cow;

use html5ever::serialize::{serialize, SerializeOpts, TraversalScope};
use scraper::{Html, Node};
use url::Url;

use crate::css_loads;
use crate::url_policy::{is_remote, loads_remote};

/// The SVG namespace.
const SVG: &str = "http://www.w3.org/2000/svg";
/// How deep documents inside `srcdoc` and `<noscript>` are read; deeper ones
/// are judged remote.
const MAX_DEPTH: usize = 4;

/// Every place in `html` that would load from another origin than `base`'s,
/// as `element attribute="value"` (or `style "url"` for a stylesheet).
pub fn remote_loads(html: &str, base: &Url) -> Vec<String> {
    walk(html, base, 0, false).0
}

/// `html` without what would load from another origin than `base`'s: each such
/// attribute removed, each such stylesheet emptied. Unchanged (borrowed) when
/// nothing loads. The result is read again until nothing is found, since
/// writing a tree out and reading it back may not give the same tree; `None`
/// when that does not settle (the caller then sanitises fully).
pub fn without_remote_loads<'a>(html: &'a str, base: &Url) -> Option<Cow<'a, str>> {
    let mut out = Cow::Borrowed(html);
    for _ in 0..4 {
        let (found, rewritten) = walk(&out, base, 0, true);
        if found.is_empty() {
            return Some(out);
        }
        out = Cow::Owned(rewritten?);
    }
    None
}

/// Finds (and with `remove`, removes) what loads from elsewhere in a fragment;
/// returns what was found and, with `remove`, the fragment written out again.
fn walk(html: &str, base: &Url, depth: usize, remove: bool) -> (Vec<String>, Option<String>) {
    let mut doc = Html::parse_fragment(html);
    let mut found = Vec::new();
    let ids: Vec<_> = doc.tree.nodes().map(|n| n.id()).collect();
    for id in ids {
        let tree = &doc.tree;
        let Some(node) = tree.get(id) else { continue };
        let Node::Element(el) = node.value() else { continue };
        let name = el.name.local.to_string().to_ascii_lowercase();
        let svg = &*el.name.ns == SVG;
        let html_ns = &*el.name.ns == "http://www.w3.org/1999/xhtml";
        let mut drop = Vec::new();
        for (q, value) in &el.attrs {
            let attribute = match &q.prefix {
                Some(p) => format!("{p}:{}", q.local),
                None => q.local.to_string(),
            };
            if attribute_loads_remote(&name, svg, &attribute, value, el, base, depth) {
                found.push(describe(&name, &attribute, value));
                drop.push(q.clone());
            }
        }
        // The text of a <style> (an HTML or SVG one), and of a <noscript>.
        let texts: Vec<_> = node.children().filter(|c| c.value().is_text()).map(|c| c.id()).collect();
        let text: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
        let mut new_text = None;
        if name == "style" {
            let urls = css_loads::remote_urls(&text, base);
            if !urls.is_empty() {
                found.extend(urls.iter().map(|u| describe("style", "", u)));
                new_text = Some(String::new());
            }
        } else if name == "noscript" && html_ns && !text.is_empty() {
            if depth >= MAX_DEPTH {
                found.push(describe("noscript", "", &text));
                new_text = Some(String::new());
            } else {
                let (inner, rewritten) = walk(&text, base, depth + 1, remove);
                if !inner.is_empty() {
                    found.extend(inner);
                    new_text = Some(rewritten.unwrap_or_default());
                }
            }
        }
        if !remove {
            continue;
        }
        if let Some(mut node) = doc.tree.get_mut(id)
            && let Node::Element(el) = node.value()
        {
            el.attrs.retain(|(q, _)| !drop.contains(q));
        }
        if let Some(new_text) = new_text {
            for (i, t) in texts.into_iter().enumerate() {
                if let Some(mut t) = doc.tree.get_mut(t)
                    && let Node::Text(t) = t.value()
                {
                    t.text = if i == 0 { new_text.as_str().into() } else { "".into() };
                }
            }
        }
    }
    if !remove {
        return (found, None);
    }
    let root = doc.root_element();
    let mut buf = Vec::new();
    let opts = SerializeOpts { scripting_enabled: true, traversal_scope: TraversalScope::ChildrenOnly(None), create_missing_parent: false };
    let written = serialize(&mut buf, &root, opts).ok().and_then(|()| String::from_utf8(buf).ok());
    (found, written)
}

/// Whether one attribute of an element loads from another origin. `el` gives
/// the element's other attributes (`http-equiv`, `attributeName`).
fn attribute_loads_remote(element: &str, svg: bool, attribute: &str, value: &str, el: &scraper::node::Element, base: &Url, depth: usize) -> bool {
    let attr = |n: &str| el.attr(n);
    let attribute = attribute.to_ascii_lowercase();
    if loads_remote(element, &attribute, value, base) {
        return true;
    }
    match attribute.as_str() {
        "srcdoc" => depth >= MAX_DEPTH || !walk(value, base, depth + 1, false).0.is_empty(),
        "style" => !css_loads::remote_urls(value, base).is_empty(),
        "content" if element == "meta" => match attr("http-equiv").map(|h| h.trim().to_ascii_lowercase()).as_deref() {
            Some("refresh") => refresh_url(value).is_some_and(|u| is_remote(u, base)),
            // `<https://…>; rel=stylesheet`, as the Link header.
            Some("link") => value.split('<').skip(1).filter_map(|p| p.split_once('>')).any(|(u, _)| crate::url_policy::is_remote_document(u.trim(), base)),
            _ => false,
        },
        "to" | "from" | "by" | "values" if svg && matches!(element, "set" | "animate" | "animatemotion" | "animatetransform" | "animatecolor" | "discard") => {
            let target = attr("attributeName").unwrap_or("").to_ascii_lowercase();
            let target_loads = crate::url_policy::loads("image", &target);
            value.split(';').any(|v| (target_loads && is_remote(v.trim(), base)) || !css_loads::remote_urls(v, base).is_empty())
        }
        // Presentation attributes: fill="url(…)", filter, mask, clip-path, cursor…
        _ if svg => !css_loads::remote_urls(value, base).is_empty(),
        _ => false,
    }
}

/// The address of a `<meta http-equiv="refresh">`'s `content`, read as the
/// HTML standard's "shared declarative refresh steps" read it: a time, then
/// `;` or `,`, then optionally `url=`, then the address (quotes removed).
/// `None` when it reloads the page itself or is not a refresh.
fn refresh_url(content: &str) -> Option<&str> {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r');
    let s = content.trim_start_matches(ws);
    let time_end = s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len());
    if time_end == 0 {
        return None;
    }
    let s = &s[time_end..];
    if s.is_empty() {
        return None;
    }
    if !s.starts_with(|c: char| ws(c) || c == ';' || c == ',') {
        return None;
    }
    let s = s.trim_start_matches(ws);
    let s = s.strip_prefix([';', ',']).unwrap_or(s).trim_start_matches(ws);
    if s.is_empty() {
        return None;
    }
    let mut rest = s;
    if s.len() >= 3 && s.is_char_boundary(3) && s[..3].eq_ignore_ascii_case("url") {
        let after = s[3..].trim_start_matches(ws);
        if let Some(after) = after.strip_prefix('=') {
            rest = after.trim_start_matches(ws);
        }
    }
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let inner = &rest[1..];
            Some(inner.split(q).next().unwrap_or(inner))
        }
        _ => Some(rest),
    }
}

/// `element attribute="value"`, the value cut to 120 characters.
fn describe(element: &str, attribute: &str, value: &str) -> String {
    let mut v: String = value.chars().take(120).collect();
    if v.len() < value.len() {
        v.push('…');
    }
    if attribute.is_empty() { format!("{element} \"{v}\"") } else { format!("{element} {attribute}=\"{v}\"") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_addresses() {
        assert_eq!(refresh_url("0; url=https://t.example/"), Some("https://t.example/"));
        assert_eq!(refresh_url("5,URL = 'https://t.example/'x"), Some("https://t.example/"));
        assert_eq!(refresh_url(" 1.5 https://t.example/"), Some("https://t.example/"));
        assert_eq!(refresh_url("0"), None);
        assert_eq!(refresh_url("x; url=https://t.example/"), None);
    }
}
