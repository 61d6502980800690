//! A page's readable text, as a reader sees it: what search indexes. The
//! words of every paragraph, list, table, quote, footnote and image's text
//! alternative, in reading order; headings also on their own (they weigh
//! more). Markup, link targets and raw HTML are left out.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::options;

/// A page's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// Its headings' text, in order.
    pub headings: Vec<String>,
    /// All its text, headings included, blocks separated by a line break.
    pub text: String,
}

/// The readable text of a Markdown body.
pub fn text(body: &str) -> Text {
    of_events(&Parser::new_ext(body, options()).collect::<Vec<_>>())
}

/// The readable text of a body's events, as [`text`] gives it: for a
/// renderer that has parsed the body already.
pub fn of_events(events: &[Event<'_>]) -> Text {
    let mut out = Text::default();
    let mut heading: Option<String> = None;
    // Inside raw <script> or <style>: not text a reader sees.
    let mut hidden = false;
    for ev in events {
        match ev {
            Event::InlineHtml(h) => {
                let tag = h.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    hidden = true;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    hidden = false;
                }
            }
            Event::Text(_) | Event::Code(_) if hidden => {}
            Event::Text(t) | Event::Code(t) => {
                out.text.push_str(t);
                if let Some(h) = &mut heading {
                    h.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                out.text.push(' ');
                if let Some(h) = &mut heading {
                    h.push(' ');
                }
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    let h = h.trim().to_owned();
                    if !h.is_empty() {
                        out.headings.push(h);
                    }
                }
                out.text.push('\n');
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::Image) => out.text.push('\n'),
            Event::TaskListMarker(_) | Event::FootnoteReference(_) | Event::Html(_) | Event::Rule => {}
            _ => {}
        }
    }
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_text_in_order() {
        let t = text("## Gọi **111**\n\nKhi thấy [bạo lực](../x.md), hãy gọi.\n\n- Một\n- Hai\n\n![Sơ đồ đường dây](so-do.png)\n\n<b>thô</b>\n\n| A | B |\n|---|---|\n| c | d |\n");
        assert_eq!(t.headings, ["Gọi 111"]);
        assert_eq!(t.text, "Gọi 111\nKhi thấy bạo lực, hãy gọi.\nMột\nHai\nSơ đồ đường dây\n\nthô\nA\nB\nc\nd");
        assert!(!t.text.contains("x.md") && !t.text.contains("so-do.png") && !t.text.contains("<b>"));
        let t = text("Chữ <script>alert(1)</script> và <style>p{}</style> hết.\n");
        assert_eq!(t.text, "Chữ  và  hết.");
    }
}
