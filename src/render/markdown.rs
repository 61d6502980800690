//! Markdown → HTML with pulldown-cmark: tables, footnotes, strikethrough, task
//! lists; Vietnamese-friendly heading ids; links rewritten by a resolver; raw
//! HTML sanitised unless the site allows it. [`page_html`] is a page's body as
//! of the plan's day, for the pages and the feeds alike.

use std::collections::HashMap;

use pulldown_cmark::{html, Event, Parser, Tag, TagEnd};

use super::escape;
use crate::links::Target;
use crate::markdown::{options, scan::assign_heading_ids};
use crate::render::pictures::{Loading, Pictures};
use crate::plan::{PageId, Plan};
use crate::slug::anchor as slugify;
use crate::url_policy::loads_remote;
use url::Url;

/// What to do with a link destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Link to this URL.
    To(String),
    /// Keep the text, drop the link (a page not live today, an unsafe scheme).
    Unlink,
}

/// Makes the HTML of a picture from its destination as written, its text
/// alternative, its title and how it loads; `None` leaves a plain `<img>`.
pub type PictureFn<'a> = &'a dyn Fn(&str, &str, &str, Loading) -> Option<String>;

/// How to render.
pub struct RenderOptions<'a> {
    /// Pass raw HTML through (`allow_raw_html: true`), but for what would
    /// load from another host.
    pub allow_raw_html: bool,
    /// The site's address, against which raw HTML's URLs are judged remote.
    pub base: &'a Url,
    /// Rewrites link and image destinations.
    pub resolve: &'a dyn Fn(&str) -> Resolved,
    /// Responsive pictures for images, when the output has them.
    pub picture: Option<PictureFn<'a>>,
    /// Whether the body's first picture is on the first screen (the page
    /// shows no picture above it).
    pub first_eager: bool,
}

/// An image being read: where its events start in the output, its
/// destination, title, text alternative so far, and how many images are open
/// inside it. Its inner events go through the same rules as any other (links
/// resolved, raw HTML sanitised); a picture then replaces them all.
struct OpenImage {
    start: usize,
    dest: String,
    title: String,
    alt: String,
    depth: usize,
}

/// The HTML of a body.
pub fn to_html(body: &str, opts: &RenderOptions<'_>) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(body, options()).collect();
    assign_heading_ids(&mut events);
    let mut has_raw = false;
    // Raw HTML passed through (`allow_raw_html: true`).
    let mut allowed_raw = false;
    let mut unlinked = Vec::new();
    let mut out_events = Vec::with_capacity(events.len());
    let mut footnote_number: HashMap<String, usize> = HashMap::new();
    let mut image: Option<OpenImage> = None;
    let mut pictures_seen = 0usize;
    for ev in events {
        // Inside an image: gather its text alternative until it closes.
        if let Some(img) = &mut image {
            match &ev {
                Event::Start(Tag::Image { .. }) => img.depth += 1,
                Event::End(TagEnd::Image) if img.depth == 0 => {
                    let img = image.take().expect("open image");
                    let loading = if pictures_seen == 0 && opts.first_eager { Loading::Eager } else { Loading::Lazy };
                    if let Some(html) = opts.picture.and_then(|f| f(&img.dest, &img.alt, &img.title, loading)) {
                        pictures_seen += 1;
                        out_events.truncate(img.start);
                        out_events.push(Event::InlineHtml(html.into()));
                        continue;
                    }
                }
                Event::End(TagEnd::Image) => img.depth -= 1,
                Event::Text(t) | Event::Code(t) => img.alt.push_str(t),
                _ => {}
            }
        }
        match ev {
            // Destinations are judged as they will be written: without the
            // characters HTML cannot carry (an entity like `&#8;` inside
            // `javascript:` must not vanish after the judgement).
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => match (opts.resolve)(&escape::html(&dest_url)) {
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
                // A picture never loads from another host, whatever the
                // resolver says (the site's refuses such images in `loa
                // check`; this holds for any caller).
                let url = match (opts.resolve)(&escape::html(&dest_url)) {
                    Resolved::To(url) if !loads_remote("img", "src", &url, opts.base) => url,
                    Resolved::To(_) | Resolved::Unlink => String::new(),
                };
                if image.is_none() {
                    image = Some(OpenImage { start: out_events.len(), dest: escape::html(&dest_url).into_owned(), title: title.to_string(), alt: String::new(), depth: 0 });
                }
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
            raw @ (Event::Html(_) | Event::InlineHtml(_)) => {
                allowed_raw = true;
                out_events.push(raw);
            }
            other => out_events.push(other),
        }
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, out_events.into_iter());
    if allowed_raw {
        return allowed_html(out, opts.base);
    }
    if !has_raw {
        return match escape::html(&out) {
            std::borrow::Cow::Borrowed(_) => out,
            std::borrow::Cow::Owned(clean) => clean,
        };
    }
    // Raw HTML: sanitise, then drop what HTML cannot carry — and if that
    // changed anything, sanitise again, since dropping `\u{8}` from
    // `j\u{8}avascript:` (or `&#8;` the parser decoded) makes a new URL.
    // Found by the markdown_html fuzz target.
    for _ in 0..4 {
        let clean = sanitize(&out, opts.base);
        match escape::html(&clean) {
            std::borrow::Cow::Borrowed(_) => return clean,
            std::borrow::Cow::Owned(c) => out = c,
        }
    }
    // Never reached in practice (each round removes characters); stay safe.
    escape::html(&sanitize(&out, opts.base)).into_owned()
}

/// Raw HTML the site allows, as written, but for what would load from another
/// host ([`crate::html_loads`]); then without what HTML cannot carry, judged
/// again if that changed anything (as [`to_html`] does for sanitised HTML).
/// Should the removal not settle, the page is sanitised as by default.
fn allowed_html(mut out: String, base: &Url) -> String {
    for _ in 0..4 {
        let clean = match crate::html_loads::without_remote_loads(&out, base) {
            Some(std::borrow::Cow::Borrowed(_)) => out,
            Some(std::borrow::Cow::Owned(c)) => c,
            None => sanitize(&out, base),
        };
        match escape::html(&clean) {
            std::borrow::Cow::Borrowed(_) => return clean,
            std::borrow::Cow::Owned(c) => out = c,
        }
    }
    escape::html(&sanitize(&out, base)).into_owned()
}

/// The HTML of a page's body, its links resolved as of the plan's day. With
/// `absolute`, links to the site's own pages and files carry the base URL (as
/// feed readers need). With `pictures`, images are `<picture>`s with their
/// resized copies; without, `<img>`s of the full-size copy (for feeds).
pub fn page_html(plan: &Plan<'_>, id: PageId, absolute: bool, pictures: Option<&Pictures>) -> String {
    let resolve = |dest: &str| plan.link_url(id, dest, absolute).map_or(Resolved::Unlink, Resolved::To);
    let site = plan.site();
    let sizes = plan.theme().images.sizes.as_str();
    let url = |path: &str| if absolute { crate::urls::absolute(site, &crate::urls::of_file(site, path)) } else { crate::urls::of_file(site, path) };
    let picture = |dest: &str, alt: &str, title: &str, loading: Loading| -> Option<String> {
        let Ok(Target::Asset(out)) = plan.link_target(id, dest) else { return None };
        let p = pictures?.get(&out)?;
        Some(p.html(&url, alt, Some(title), sizes, loading))
    };
    let page = plan.page(id).page;
    // A page that shows its own picture under its title has it on the first screen.
    let first_eager = page.front.image.is_none() || pictures.is_none();
    to_html(page.body(), &RenderOptions { allow_raw_html: site.allow_raw_html, base: &site.base, resolve: &resolve, picture: Some(&picture), first_eager })
}

/// Removes scripts, event handlers, `javascript:` URLs, styles and anything
/// not on a list of harmless elements, keeping what Markdown itself produces;
/// and every attribute that would load something from another origin than
/// `base`'s ([`crate::url_policy::loads_remote`]).
pub fn sanitize(html: &str, base: &Url) -> String {
    use std::collections::HashSet;
    let mut b = ammonia::Builder::default();
    b.link_rel(None)
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .add_generic_attributes(["id", "class", "lang", "dir"])
        .add_tags(["input", "sup", "section", "figure", "figcaption", "mark", "details", "summary", "picture", "source"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        // loa's own <picture> markup (the sanitiser runs over the whole body
        // when it has raw HTML); srcset is judged like src below.
        .add_tag_attributes("img", ["title", "loading", "decoding", "fetchpriority", "srcset", "sizes", "width", "height"])
        .add_tag_attributes("source", ["type", "srcset", "sizes", "media"])
        // Nothing may load from another host.
        .attribute_filter({
            let base = base.clone();
            move |element, attribute, value| if loads_remote(element, attribute, value, &base) { None } else { Some(value.into()) }
        });
    b.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_policy::is_safe_scheme;

    fn keep(dest: &str) -> Resolved {
        if is_safe_scheme(dest) { Resolved::To(dest.to_owned()) } else { Resolved::Unlink }
    }
    fn base() -> Url {
        Url::parse("https://loa.example/").unwrap()
    }
    fn render(md: &str, allow: bool) -> String {
        to_html(md, &RenderOptions { allow_raw_html: allow, base: &base(), resolve: &keep, picture: None, first_eager: true })
    }

    #[test]
    fn vietnamese_heading_ids() {
        let html = render("## Đường dây nóng\n\n## Đường dây nóng\n\n## Gọi 111 {#goi}\n", false);
        assert!(html.contains("<h2 id=\"duong-day-nong\">"), "{html}");
        assert!(html.contains("<h2 id=\"duong-day-nong-1\">"), "{html}");
        assert!(html.contains("<h2 id=\"goi\">"), "{html}");
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

    /// A character HTML cannot carry, dropped from the output, must not turn
    /// a harmless URL into a dangerous one (`j\u{8}avascript:`), nor a local
    /// one into a remote one (`/\u{8}/t.example`), whether written raw or as
    /// an entity the parser decodes. Found by the markdown_html fuzz target.
    #[test]
    fn dropped_characters_do_not_make_new_urls() {
        for md in [
            "<a href=\"j\u{8}avascript:alert(1)\">x</a>",
            "<a href=\"j&#8;avascript:alert(1)\">x</a>",
            "<a href=\"java&#1;script:alert(1)\">x</a>",
            "[x](j&#8;avascript:alert(1))",
            "[x](<j\u{8}avascript:alert(1)>)",
            "![x](j&#8;avascript:alert(1))",
            "<img alt=\"a\" src=\"/&#8;/t.example/x.png\">",
            "<img alt=\"a\" src=\"/\u{1}/t.example/x.png\">",
        ] {
            let html = render(md, false);
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("href=\"javascript:") && !lower.contains("src=\"javascript:"), "{md:?} → {html}");
            assert!(!lower.contains("t.example"), "{md:?} → {html}");
            assert!(html.chars().all(escape::html_char), "{md:?} → {html:?}");
        }
    }

    /// Whatever sits inside an image's brackets (raw HTML, links, other
    /// images) goes through the same rules as the rest of the page, whether
    /// the image becomes a <picture> or stays an <img>. Found by the
    /// markdown_html fuzz target: a `<a href="javascript:…">` inside an
    /// image's text was passed through unsanitised.
    #[test]
    fn what_is_inside_an_image_is_sanitised_too() {
        let picture = |dest: &str, alt: &str, _title: &str, _l: Loading| -> Option<String> {
            dest.ends_with(".png").then(|| format!("<picture><source type=\"image/webp\" srcset=\"/a-480.webp 480w\"><img src=\"/a.png\" alt=\"{}\" width=\"480\" height=\"240\"></picture>", crate::render::escape::attribute(alt)))
        };
        for dest in ["x.png", "x.jpg"] {
            for md in [
                format!("![a <a href=\"javascript:alert(1)\">b</a> c]({dest})"),
                format!("![a [b](javascript:alert(2)) c]({dest})"),
                format!("![a ![b](javascript:alert(3)) c]({dest}) <b onclick=\"x()\">d</b>"),
                format!("<b>raw</b> ![a <script>alert(4)</script>]({dest})"),
            ] {
                let html = to_html(&md, &RenderOptions { allow_raw_html: false, base: &base(), resolve: &keep, picture: Some(&picture), first_eager: true });
                // (In an alt attribute, escaped, the words are only text.)
                for bad in ["href=\"javascript:", "src=\"javascript:", "<script", " onclick="] {
                    assert!(!html.contains(bad), "{bad} in {html} from {md}");
                }
                if dest == "x.png" {
                    assert!(html.contains("<picture><source type=\"image/webp\" srcset=\"/a-480.webp 480w\">"), "the picture survives sanitising: {html}");
                    assert!(html.contains("width=\"480\""), "{html}");
                }
            }
        }
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
        let html = to_html("See [the page](x.md).", &RenderOptions { allow_raw_html: false, base: &base(), resolve: &|_| Resolved::Unlink, picture: None, first_eager: true });
        assert_eq!(html.trim(), "<p>See the page.</p>");
    }

    #[test]
    fn remote_sources_are_dropped_however_written() {
        for src in ["https://t.example/p.gif", " //t.example/p.gif", "\\\\t.example/p.gif", "/\\t.example/p.gif", "\thttps://t.example/p.gif", "HTTPS://T.EXAMPLE/p.gif"] {
            let html = render(&format!("<img alt=\"a\" src=\"{src}\"> <video poster=\"{src}\"></video> <img srcset=\"x.png 1x, {src} 2x\">"), false);
            assert!(!html.to_ascii_lowercase().contains("t.example"), "{src:?}: {html}");
            assert!(html.contains("alt=\"a\""), "{html}");
        }
        let local = render("<img alt=\"a\" src=\"/anh.png\">", false);
        assert!(local.contains("src=\"/anh.png\""), "{local}");
    }

    #[test]
    fn characters_html_cannot_carry_are_dropped() {
        let html = render("Tết\u{1}Trung\u{7F}thu\u{FFFE}", false);
        assert_eq!(html.trim(), "<p>TếtTrungthu</p>");
    }
}
