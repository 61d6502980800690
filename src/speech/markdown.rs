//! A bulletin's Markdown as the blocks that are read aloud: headings,
//! paragraphs and list items, each with its text and where each piece of it
//! is written in the page. Markup and link targets go (a link keeps its
//! words); pictures, struck-out text and footnotes are not heard; a table,
//! a code block or raw HTML cannot be read and is reported.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::Unreadable;

/// What a block of a bulletin is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading: a Roman numeral at its start is a number.
    Heading,
    /// A paragraph.
    Paragraph,
    /// An item of a list, read as a sentence.
    Item,
}

/// A block of text to read, and where its pieces are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading, paragraph or list item.
    pub kind: BlockKind,
    /// Its text, without markup.
    pub text: String,
    /// For each piece of `text`: where it starts in `text` and in the
    /// Markdown (byte offsets), in order.
    pub map: Vec<(usize, usize)>,
}

impl Block {
    /// Where byte `at` of [`Block::text`] is written in the Markdown.
    pub fn source(&self, at: usize) -> usize {
        match self.map.iter().rposition(|&(t, _)| t <= at) {
            Some(k) => self.map[k].1 + (at - self.map[k].0),
            None => self.map.first().map_or(0, |m| m.1),
        }
    }
}

/// The blocks of a Markdown body, and what could not be read (with the
/// byte offset in the body where it starts).
pub fn blocks(body: &str) -> (Vec<Block>, Vec<(usize, Unreadable)>) {
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    let mut current: Option<Block> = None;
    // Inside something that is not read (a table, code, a picture…): its depth.
    let mut skip = 0usize;
    let finish = |current: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(b) = current.take()
            && !b.text.trim().is_empty()
        {
            out.push(b);
        }
    };
    for (ev, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match &ev {
            Event::Start(Tag::Table(_)) | Event::Start(Tag::CodeBlock(_)) => {
                if skip == 0 {
                    let what = if matches!(ev, Event::Start(Tag::Table(_))) { Unreadable::Table } else { Unreadable::Code };
                    unreadable.push((range.start, what));
                }
                skip += 1;
                continue;
            }
            Event::Start(Tag::Image { .. } | Tag::Strikethrough | Tag::FootnoteDefinition(_) | Tag::HtmlBlock) => {
                skip += 1;
                continue;
            }
            Event::End(TagEnd::Table | TagEnd::CodeBlock | TagEnd::Image | TagEnd::Strikethrough | TagEnd::FootnoteDefinition | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1);
                continue;
            }
            _ if skip > 0 => {
                if let Event::Html(h) = &ev
                    && !h.trim_start().starts_with("<!--")
                    && !unreadable.iter().any(|(at, _)| *at == range.start)
                {
                    unreadable.push((range.start, Unreadable::Html));
                }
                continue;
            }
            _ => {}
        }
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                finish(&mut current, &mut out);
                current = Some(Block { kind: BlockKind::Heading, text: String::new(), map: Vec::new() });
            }
            Event::Start(Tag::Item) => {
                finish(&mut current, &mut out);
                current = Some(Block { kind: BlockKind::Item, text: String::new(), map: Vec::new() });
            }
            Event::Start(Tag::Paragraph) => {
                if current.is_none() {
                    current = Some(Block { kind: BlockKind::Paragraph, text: String::new(), map: Vec::new() });
                } else if let Some(b) = &mut current
                    && !b.text.is_empty()
                {
                    b.text.push(' ');
                }
            }
            Event::Start(Tag::List(_)) => finish(&mut current, &mut out),
            Event::End(TagEnd::Heading(_) | TagEnd::Item) => finish(&mut current, &mut out),
            Event::End(TagEnd::Paragraph) if current.as_ref().is_some_and(|b| b.kind == BlockKind::Paragraph) => finish(&mut current, &mut out),
            Event::Text(t) | Event::Code(t) => {
                let b = current.get_or_insert_with(|| Block { kind: BlockKind::Paragraph, text: String::new(), map: Vec::new() });
                // Where the text itself starts: inline code's range includes its backticks.
                let start = body.get(range.clone()).and_then(|s| s.find(&*t)).map_or(range.start, |k| range.start + k);
                b.map.push((b.text.len(), start));
                b.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = &mut current {
                    b.text.push(' ');
                }
            }
            _ => {}
        }
    }
    finish(&mut current, &mut out);
    (out, unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_read_and_what_is_not() {
        let body = "# Phần II\n\nGọi [Tổng đài **111**](tel:111) ngay.\n\n- Một\n- Hai\n\n![ảnh](a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n<div>x</div>\n\n~~cũ~~ mới\n";
        let (blocks, unreadable) = blocks(body);
        let texts: Vec<(&str, BlockKind)> = blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect();
        assert_eq!(
            texts,
            [
                ("Phần II", BlockKind::Heading),
                ("Gọi Tổng đài 111 ngay.", BlockKind::Paragraph),
                ("Một", BlockKind::Item),
                ("Hai", BlockKind::Item),
                (" mới", BlockKind::Paragraph),
            ]
        );
        let kinds: Vec<Unreadable> = unreadable.iter().map(|(_, u)| u.clone()).collect();
        assert_eq!(kinds, [Unreadable::Table, Unreadable::Code, Unreadable::Html]);
        // "111" inside the link is found where it is written.
        let b = &blocks[1];
        let at = b.text.find("111").unwrap();
        assert_eq!(&body[b.source(at)..b.source(at) + 3], "111");
        assert_eq!(&body[unreadable[0].0..unreadable[0].0 + 3], "| a");
    }
}
