//! The scan of a page: its heading anchors (ids that other pages may link to)
//! and its links and images, with where each is written. The link table
//! (`links.rs`) checks links against these anchors; the HTML renderer gives
//! headings the same ids.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

use super::options;

/// A link or image found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The destination as written.
    pub dest: String,
    /// Byte offset in the body where the link starts.
    pub offset: usize,
    /// Whether it is an image.
    pub image: bool,
    /// An image's text alternative (its text between `![` and `]`).
    pub alt: String,
}

/// What a page offers to and asks of other pages: its heading anchors and its links.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Heading ids, in order (after de-duplication), plus footnote ids.
    pub anchors: Vec<String>,
    /// Links and images.
    pub links: Vec<LinkRef>,
    /// Raw HTML: where each piece starts (byte offset in the body) and its
    /// text; consecutive lines of an HTML block are one piece.
    pub raw_html: Vec<(usize, String)>,
}

/// Gives every heading an id (its own `{#id}` if written, else the slug of its
/// text, de-duplicated with `-1`, `-2`…).
pub fn assign_heading_ids(events: &mut [Event<'_>]) -> Vec<String> {
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
            let base = explicit.unwrap_or_else(|| crate::slug::anchor(&text));
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
    let mut previous_was_block_html = false;
    // The images being read (an image's text may hold another), by index in `links`.
    let mut open_images: Vec<usize> = Vec::new();
    for (ev, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let block_html = matches!(ev, Event::Html(_));
        match &ev {
            Event::Start(Tag::Link { dest_url, .. }) => scan.links.push(LinkRef { dest: dest_url.to_string(), offset: range.start, image: false, alt: String::new() }),
            Event::Start(Tag::Image { dest_url, .. }) => {
                open_images.push(scan.links.len());
                scan.links.push(LinkRef { dest: dest_url.to_string(), offset: range.start, image: true, alt: String::new() });
            }
            Event::End(TagEnd::Image) => {
                open_images.pop();
            }
            Event::Text(t) | Event::Code(t) if !open_images.is_empty() => {
                for &i in &open_images {
                    scan.links[i].alt.push_str(t);
                }
            }
            Event::Html(h) => match scan.raw_html.last_mut() {
                Some((start, text)) if previous_was_block_html && *start + text.len() == range.start => text.push_str(h),
                _ => scan.raw_html.push((range.start, h.to_string())),
            },
            Event::InlineHtml(h) => scan.raw_html.push((range.start, h.to_string())),
            Event::FootnoteReference(name) => scan.anchors.push(format!("fr-{}", crate::slug::anchor(name))),
            Event::Start(Tag::FootnoteDefinition(name)) => scan.anchors.push(format!("fn-{}", crate::slug::anchor(name))),
            _ => {}
        }
        previous_was_block_html = block_html;
        events.push(ev);
    }
    let mut ids = assign_heading_ids(&mut events);
    ids.append(&mut scan.anchors);
    scan.anchors = ids;
    scan
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_links_and_raw_html() {
        let s = scan("## Đường dây nóng\n\n## Đường dây nóng\n\n[a](x.md#b) ![c](d.png) <b>x</b>\n\nY[^1]\n\n[^1]: Z\n");
        assert_eq!(s.anchors, vec!["duong-day-nong", "duong-day-nong-1", "fr-1", "fn-1"]);
        assert_eq!(s.links.len(), 2);
        assert_eq!((s.links[0].dest.as_str(), s.links[0].image), ("x.md#b", false));
        assert_eq!((s.links[1].dest.as_str(), s.links[1].image, s.links[1].alt.as_str()), ("d.png", true, "c"));
        let alts = scan("![Trẻ em `111` *vui*](a.png) ![](b.png) ![ ](c.png)");
        assert_eq!(alts.links.iter().map(|l| l.alt.as_str()).collect::<Vec<_>>(), ["Trẻ em 111 vui", "", " "]);
        assert_eq!(s.raw_html.len(), 2);
        let block = scan("<div>\n<img\n src=\"x\">\n</div>\n\nText <b>x</b>\n");
        assert_eq!(block.raw_html[0], (0, "<div>\n<img\n src=\"x\">\n</div>\n".to_owned()));
        assert_eq!(block.raw_html.len(), 3);
    }
}
