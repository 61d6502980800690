//! Link and picture targets written as staff write them: `![Lớp học](Ảnh lớp
//! học.png)`, a file named as it is titled, with spaces. CommonMark takes a
//! space in a target only between `<` and `>` (`(<Ảnh lớp học.png>)`), and
//! reads the plain form as text: the page would show the Markdown itself.
//!
//! [`bracket`] finds such targets, outside code, and writes them the way
//! CommonMark takes them, keeping where each `<` and `>` was added so that
//! every position found later in the fixed text is given in the file as
//! written ([`Bracketed::original_offset`]). A target is kept bracketed only
//! where the fixed text then reads as a link with that target; whether its
//! file exists is the link check's to say.

use pulldown_cmark::{Event, Parser, Tag};

/// A page body with its spaced targets bracketed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bracketed {
    /// The body as it is read: each spaced target between `<` and `>`.
    pub text: String,
    /// The offsets (in `text`) of the bytes added, ascending.
    pub added: Vec<usize>,
    /// Each bracketed target: its offset in the body as written, and the
    /// target as written.
    pub targets: Vec<(usize, String)>,
}

impl Bracketed {
    /// The offset in the body as written of `offset` in [`Bracketed::text`].
    pub fn original_offset(&self, offset: usize) -> usize {
        offset - self.added.partition_point(|&a| a < offset)
    }
}

/// The body with its plain targets that hold white space bracketed, or
/// `None` when it has none (most pages: one scan for `](`).
pub fn bracket(body: &str) -> Option<Bracketed> {
    if !body.contains("](") {
        return None;
    }
    let candidates = candidates(body);
    if candidates.is_empty() {
        return None;
    }
    // Keep only the targets the fixed text reads as link targets (a `](`
    // that closes no link text stays as written).
    let fixed = apply(body, &candidates);
    let read: Vec<String> = link_targets(&fixed.text);
    let kept: Vec<(usize, usize)> = candidates.into_iter().filter(|&(s, e)| read.iter().any(|t| t == &body[s..e])).collect();
    if kept.is_empty() {
        return None;
    }
    Some(apply(body, &kept))
}

/// The body with `<` and `>` around each range.
fn apply(body: &str, ranges: &[(usize, usize)]) -> Bracketed {
    let mut out = Bracketed { text: String::with_capacity(body.len() + 2 * ranges.len()), ..Bracketed::default() };
    let mut at = 0;
    for &(s, e) in ranges {
        out.text.push_str(&body[at..s]);
        out.added.push(out.text.len());
        out.text.push('<');
        out.text.push_str(&body[s..e]);
        out.added.push(out.text.len());
        out.text.push('>');
        out.targets.push((s, body[s..e].to_owned()));
        at = e;
    }
    out.text.push_str(&body[at..]);
    out
}

/// The targets of the links and pictures of `text`, as read.
fn link_targets(text: &str) -> Vec<String> {
    Parser::new_ext(text, super::options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect()
}

/// The byte ranges of code (spans and blocks) and raw HTML, where `](` is no link.
fn code_ranges(body: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut block: Option<usize> = None;
    for (e, r) in Parser::new_ext(body, super::options()).into_offset_iter() {
        match e {
            Event::Start(Tag::CodeBlock(_)) => block = Some(r.start),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                ranges.push((block.take().unwrap_or(r.start), r.end));
            }
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => ranges.push((r.start, r.end)),
            _ => {}
        }
    }
    ranges
}

/// The ranges of the plain targets after `](` that hold white space (a
/// title in quotes after the target left out), outside code, in order.
fn candidates(body: &str) -> Vec<(usize, usize)> {
    // Code is found by parsing the whole body: done only once a target with
    // white space turns up (most pages have none).
    let mut code: Option<Vec<(usize, usize)>> = None;
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find("](").map(|i| i + from) {
        from = i + 2;
        let start = i + 2;
        if body[start..].starts_with('<') {
            continue;
        }
        // The closing parenthesis on the same line (parentheses inside the
        // target may nest).
        let mut depth = 0usize;
        let mut close = None;
        for (j, c) in body[start..].char_indices() {
            match c {
                '\n' | '\r' => break,
                '(' => depth += 1,
                ')' if depth == 0 => {
                    close = Some(start + j);
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let Some(close) = close else { continue };
        let inner = &body[start..close];
        let dest = without_title(inner);
        let lead = dest.len() - dest.trim_start().len();
        let dest = dest.trim();
        if dest.is_empty() || !dest.contains(char::is_whitespace) || dest.contains(['<', '>']) {
            continue;
        }
        if code.get_or_insert_with(|| code_ranges(body)).iter().any(|&(s, e)| s <= i && i < e) {
            continue;
        }
        found.push((start + lead, start + lead + dest.len()));
        from = close;
    }
    found
}

/// A target without the title CommonMark allows after it (`"…"` or `'…'`
/// after white space).
fn without_title(inner: &str) -> &str {
    let t = inner.trim_end();
    for q in ['"', '\''] {
        if t.len() >= 2 && t.ends_with(q) {
            let body = &t[..t.len() - 1];
            if let Some(open) = body.rfind(q)
                && body[..open].ends_with(char::is_whitespace)
            {
                return &inner[..open];
            }
        }
    }
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_targets_are_bracketed() {
        let b = bracket("Ảnh:\n\n![Lớp học](Ảnh lớp học.png)\n").unwrap();
        assert_eq!(b.text, "Ảnh:\n\n![Lớp học](<Ảnh lớp học.png>)\n");
        assert_eq!(b.targets, [("Ảnh:\n\n![Lớp học](".len(), "Ảnh lớp học.png".to_owned())]);
        // Positions after the fix are the file's own.
        let after = b.text.find("học.png>)").unwrap();
        assert_eq!(b.original_offset(after), "Ảnh:\n\n![Lớp học](Ảnh lớp ".len());
        assert_eq!(b.original_offset(b.text.len()), "Ảnh:\n\n![Lớp học](Ảnh lớp học.png)\n".len());
        let t = bracket("[Báo tin](../pages/Cách báo tin.md \"Cách báo tin\") và [x](a b.md#muc-1)").unwrap();
        assert_eq!(t.text, "[Báo tin](<../pages/Cách báo tin.md> \"Cách báo tin\") và [x](<a b.md#muc-1>)");
    }

    #[test]
    fn what_is_no_spaced_target_is_left_alone() {
        for body in [
            "[a](b.md) ![c](d.png \"tựa\")",
            "[a](<b c.md>)",
            "`[a](b c.md)` in code",
            "```\n[a](b c.md)\n```\n",
            "a ](b c) without link text",
            "[a](b\nc.md)",
            "no link at all",
        ] {
            assert_eq!(bracket(body), None, "{body}");
        }
    }

    proptest::proptest! {
        /// Whatever the body, the fix only adds `<` and `>`, and every
        /// offset of the fixed text maps back inside the body as written.
        #[test]
        fn only_brackets_are_added(body in "[\\PC\n\\[\\]()<>` \"!]{0,60}") {
            if let Some(b) = bracket(&body) {
                let mut without = b.text.clone();
                for &a in b.added.iter().rev() {
                    proptest::prop_assert!(matches!(without.as_bytes()[a], b'<' | b'>'));
                    without.remove(a);
                }
                proptest::prop_assert_eq!(&without, &body);
                for i in 0..=b.text.len() {
                    proptest::prop_assert!(b.original_offset(i) <= body.len());
                }
            }
        }
    }
}
