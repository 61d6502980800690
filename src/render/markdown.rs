//! Markdown → HTML with pulldown-cmark: tables, footnotes, strikethrough, task
//! lists; Vietnamese-friendly heading ids; links rewritten by a resolver; raw
//! HTML sanitised unless the site allows it.

use std::collections::HashMap;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The Markdown extensions loa enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading id from its text: `Đường dây nóng` → `duong-day-nong`.
pub fn slugify(text: &str) -> String {
    let s = slug::slugify(text);
    if s.is_empty() { "muc".to_owned() } else { s }
}

/// A link or image found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The destination as written.
    pub dest: String,
    /// Byte offset in the body where the link starts.
    pub offset: usize,
    /// Whether it is an image.
    pub image: bool,
}

/// What a page offers to and asks of other pages: its heading anchors and its links.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Heading ids, in order (after de-duplication), plus footnote ids.
    pub anchors: Vec<String>,
    /// Links and images.
    pub links: Vec<LinkRef>,
    /// Byte offsets of raw HTML, for warnings.
    pub raw_html: Vec<usize>,
}

/// Gives every heading an id (its own `{#id}` if written, else the slug of its
/// text, de-duplicated with `-1`, `-2`…).
fn assign_heading_ids(events: &mut [Event<'_>]) -> Vec<String> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| slugify(&text));
            let n = used.entry(base.clone()).or_insert(0);
            let unique = if *n == 0 { base.clone() } else { format!("{base}-{n}") };
            *n += 1;
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            ids.push(unique);
            i = j;
        }
        i += 1;
    }
    ids
}

/// Reads a body for its anchors and links, without rendering it.
pub fn scan(body: &str) -> Scan {
    let mut events = Vec::new();
    let mut scan = Scan::default();
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &ev {
            Event::Start(Tag::Link { dest_url, .. }) => scan.links.push(LinkRef { dest: dest_url.to_string(), offset: range.start, image: false }),
            Event::Start(Tag::Image { dest_url, .. }) => scan.links.push(LinkRef { dest: dest_url.to_string(), offset: range.start, image: true }),
            Event::Html(_) | Event::InlineHtml(_) => scan.raw_html.push(range.start),
            Event::FootnoteReference(name) => scan.anchors.push(format!("fr-{}", slugify(name))),
            Event::Start(Tag::FootnoteDefinition(name)) => scan.anchors.push(format!("fn-{}", slugify(name))),
            _ => {}
        }
        events.push(ev);
    }
    let mut ids = assign_heading_ids(&mut events);
    ids.append(&mut scan.anchors);
    scan.anchors = ids;
    scan
}

/// What to do with a link destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Link to this URL.
    To(String),
    /// Keep the text, drop the link (a page not live today, an unsafe scheme).
    Unlink,
}

/// How to render.
pub struct RenderOptions<'a> {
    /// Pass raw HTML through unchanged (`allow_raw_html: true`).
    pub allow_raw_html: bool,
    /// Rewrites link and image destinations.
    pub resolve: &'a dyn Fn(&str) -> Resolved,
}

/// The HTML of a body.
pub fn to_html(body: &str, opts: &RenderOptions<'_>) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(body, options()).collect();
    assign_heading_ids(&mut events);
    let mut has_raw = false;
    let mut unlinked = Vec::new();
    let mut out_events = Vec::with_capacity(events.len());
    let mut footnote_number: HashMap<String, usize> = HashMap::new();
    for ev in events {
        match ev {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => match (opts.resolve)(&dest_url) {
                Resolved::To(url) => {
                    unlinked.push(false);
                    out_events.push(Event::Start(Tag::Link { link_type, dest_url: url.into(), title, id }));
                }
                Resolved::Unlink => unlinked.push(true),
            },
            Event::End(TagEnd::Link) => {
                if !unlinked.pop().unwrap_or(false) {
                    out_events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let url = match (opts.resolve)(&dest_url) {
                    Resolved::To(url) => url,
                    Resolved::Unlink => String::new(),
                };
                out_events.push(Event::Start(Tag::Image { link_type, dest_url: url.into(), title, id }));
            }
            // Footnotes: our own markup, so ids are stable and back-links exist.
            Event::FootnoteReference(name) => {
                let next = footnote_number.len() + 1;
                let n = *footnote_number.entry(name.to_string()).or_insert(next);
                let slug = slugify(&name);
                out_events.push(Event::InlineHtml(
                    format!("<sup class=\"footnote-ref\" id=\"fr-{slug}\"><a href=\"#fn-{slug}\">{n}</a></sup>").into(),
                ));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let slug = slugify(&name);
                out_events.push(Event::Html(format!("<div class=\"footnote\" id=\"fn-{slug}\">").into()));
                out_events.push(Event::InlineHtml(format!("<a class=\"footnote-back\" href=\"#fr-{slug}\">↩</a> ").into()));
            }
            Event::End(TagEnd::FootnoteDefinition) => out_events.push(Event::Html("</div>\n".into())),
            // A box people can tick on paper; an <input> would be a form control without a label.
            Event::TaskListMarker(done) => {
                let mark = if done { "☑" } else { "☐" };
                out_events.push(Event::InlineHtml(format!("<span class=\"task\">{mark}</span> ").into()));
            }
            Event::Html(h) | Event::InlineHtml(h) if !opts.allow_raw_html => {
                has_raw = true;
                out_events.push(Event::InlineHtml(h));
            }
            other => out_events.push(other),
        }
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, out_events.into_iter());
    if has_raw { sanitize(&out) } else { out }
}

/// Removes scripts, event handlers, `javascript:` URLs, styles and anything not
/// on a list of harmless elements, keeping what Markdown itself produces.
pub fn sanitize(html: &str) -> String {
    use std::collections::HashSet;
    let mut b = ammonia::Builder::default();
    b.link_rel(None)
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .add_generic_attributes(["id", "class", "lang", "dir"])
        .add_tags(["input", "sup", "section", "figure", "figcaption", "mark", "details", "summary"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("img", ["title", "loading"])
        // Nothing may load from another host: drop remote image sources.
        .attribute_filter(|element, attribute, value| {
            let remote = value.starts_with("//") || value.to_ascii_lowercase().starts_with("http:") || value.to_ascii_lowercase().starts_with("https:");
            if matches!(element, "img" | "source" | "video" | "audio") && matches!(attribute, "src" | "srcset") && remote {
                None
            } else {
                Some(value.into())
            }
        });
    b.clean(html).to_string()
}

/// Whether a URL's scheme may appear in the output.
pub fn is_safe_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// The level of a heading as a number, for outlines.
pub fn level(l: HeadingLevel) -> u8 {
    l as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(dest: &str) -> Resolved {
        if is_safe_scheme(dest) { Resolved::To(dest.to_owned()) } else { Resolved::Unlink }
    }
    fn render(md: &str, allow: bool) -> String {
        to_html(md, &RenderOptions { allow_raw_html: allow, resolve: &keep })
    }

    #[test]
    fn vietnamese_heading_ids() {
        let html = render("## Đường dây nóng\n\n## Đường dây nóng\n\n## Gọi 111 {#goi}\n", false);
        assert!(html.contains("<h2 id=\"duong-day-nong\">"), "{html}");
        assert!(html.contains("<h2 id=\"duong-day-nong-1\">"), "{html}");
        assert!(html.contains("<h2 id=\"goi\">"), "{html}");
        assert_eq!(scan("## Đường dây nóng\n").anchors, vec!["duong-day-nong"]);
    }

    #[test]
    fn extensions() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~\n\n- [x] done\n\nText[^1]\n\n[^1]: Note.\n", false);
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>x</del>"));
        assert!(html.contains("<span class=\"task\">☑</span> done"), "{html}");
        assert!(!html.contains("<input"));
        assert!(html.contains("id=\"fn-1\""), "{html}");
        assert!(html.contains("href=\"#fr-1\""), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_by_default() {
        let md = "Hi <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<div style=\"color:red\" onmouseover=\"y()\">d</div>\n\n[x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a>\n";
        let html = render(md, false);
        for bad in ["<script", "onclick", "onmouseover", "javascript:", "alert(1)"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<b>bold</b>"), "{html}");
        let raw = render("<b onclick=\"x()\">b</b>", true);
        assert!(raw.contains("onclick"));
    }

    #[test]
    fn unlink_keeps_text() {
        let html = to_html("See [the page](x.md).", &RenderOptions { allow_raw_html: false, resolve: &|_| Resolved::Unlink });
        assert_eq!(html.trim(), "<p>See the page.</p>");
    }
}
