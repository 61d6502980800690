//! A page's Markdown as a tree of blocks and inlines, for print: the leaflet
//! templates get it as data (never as markup), and the font check reads every
//! character it prints.
//!
//! ```text
//! block:  {t: "heading", level, c: [inline]}  {t: "para", c}  {t: "quote", c: [block]}
//!         {t: "list", ordered, start, tasks, items: [{task: null|true|false, c: [block]}]}
//!         {t: "code", v}  {t: "table", align: ["left"|"center"|"right"|null], head: [[inline]], rows: [[[inline]]]}
//!         {t: "rule"}
//! inline: {t: "text", v}  {t: "strong"|"emph"|"strike", c}  {t: "code", v}
//!         {t: "link", href: null|url, print: null|text, c}  {t: "image", src: null|path, alt}
//!         {t: "br"}  {t: "note", n}
//! notes:  [{n, c: [block]}]     footnotes, numbered in order of first reference
//! ```
//!
//! Links keep the destination a resolver gives them (the caller decides which
//! schemes and pages survive); raw HTML cannot be printed: formatting tags are
//! left out (their text stays) and anything else is shown as written.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::{level as heading_level, options};

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Block {
    /// `## Heading`.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        c: Vec<Inline>,
    },
    /// A paragraph (also the text of a tight list item).
    Para {
        /// Its text.
        c: Vec<Inline>,
    },
    /// `> quote`.
    Quote {
        /// Its blocks.
        c: Vec<Block>,
    },
    /// A bullet or numbered list.
    List {
        /// Numbered.
        ordered: bool,
        /// The first number.
        start: u64,
        /// Whether any item is a task (`- [ ]`).
        tasks: bool,
        /// The items.
        items: Vec<Item>,
    },
    /// A fenced or indented code block.
    Code {
        /// Its text, verbatim.
        v: String,
    },
    /// A table.
    Table {
        /// Alignment of each column.
        align: Vec<Option<&'static str>>,
        /// The header row's cells.
        head: Vec<Vec<Inline>>,
        /// The body rows.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// `---`.
    Rule,
}

/// A list item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// `Some(done)` for a task item.
    pub task: Option<bool>,
    /// Its blocks.
    pub c: Vec<Block>,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// Its number.
    pub n: usize,
    /// Its blocks.
    pub c: Vec<Block>,
}

/// Text and what is inside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The characters.
        v: String,
    },
    /// `**bold**`.
    Strong {
        /// Inside.
        c: Vec<Inline>,
    },
    /// `*italic*`.
    Emph {
        /// Inside.
        c: Vec<Inline>,
    },
    /// `~~struck~~`.
    Strike {
        /// Inside.
        c: Vec<Inline>,
    },
    /// `` `code` ``.
    Code {
        /// The characters.
        v: String,
    },
    /// A link.
    Link {
        /// Absolute URL, or `None` when the link was dropped (a page not live,
        /// an unsafe scheme, a fragment of the same page).
        href: Option<String>,
        /// What to print after the text so a reader of the paper can follow
        /// it (`baovetreem.hanoi.example/cach-bao-tin`), or `None` when the
        /// text already says it.
        print: Option<String>,
        /// The link text.
        c: Vec<Inline>,
    },
    /// An image.
    Image {
        /// Virtual path of the image in the Typst world, or `None` to show the
        /// alternative text instead.
        src: Option<String>,
        /// Its text alternative.
        alt: String,
    },
    /// A hard line break.
    Br,
    /// A footnote reference.
    Note {
        /// The footnote's number.
        n: usize,
    },
}

/// A page's body as data.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Body {
    /// The blocks.
    pub blocks: Vec<Block>,
    /// The footnotes.
    pub notes: Vec<Note>,
    /// Where the first list or quote nested deeper than [`MAX_DEPTH`] starts
    /// (a byte offset in the Markdown), if any: it was flattened.
    #[serde(skip)]
    pub too_deep: Option<usize>,
}

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    Note(String, Vec<Block>),
    List { ordered: bool, start: u64, items: Vec<Item> },
    Item { task: Option<bool>, blocks: Vec<Block>, loose: Vec<Inline> },
    Para(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    Strike(Vec<Inline>),
    Span(Vec<Inline>),
    Link { href: Option<String>, c: Vec<Inline> },
    Image { src: Option<String>, alt: String },
    Code(String),
    Table { align: Vec<Option<&'static str>>, head: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>> },
    Row(Vec<Vec<Inline>>),
    Cell(Vec<Inline>),
    Html,
    /// A list or quote nested deeper than [`MAX_DEPTH`]: its blocks go to the
    /// container around it.
    Flat,
}

/// How deeply lists and quotes may nest in print; deeper ones are flattened
/// into the level above (Typst's templates recurse once per level, and
/// paper has no room for more indentation anyway).
pub const MAX_DEPTH: usize = 6;

/// How deeply lists and quotes nest in `blocks` (0: none); never more than
/// [`MAX_DEPTH`] in what [`body`] returns.
pub fn depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::List { items, .. } => 1 + items.iter().map(|i| depth(&i.c)).max().unwrap_or(0),
            Block::Quote { c } => 1 + depth(c),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

fn push_text(v: &mut Vec<Inline>, s: &str) {
    if let Some(Inline::Text { v: last }) = v.last_mut() {
        last.push_str(s);
    } else {
        v.push(Inline::Text { v: s.to_owned() });
    }
}

struct Builder<'r> {
    stack: Vec<Frame>,
    /// Lists and quotes open (not counting flattened ones).
    depth: usize,
    /// Where the first list or quote nested too deeply starts.
    too_deep: Option<usize>,
    notes: Vec<(String, Vec<Block>)>,
    numbers: HashMap<String, usize>,
    link: &'r dyn Fn(&str) -> Option<String>,
    image: &'r dyn Fn(&str) -> Option<String>,
}

impl Builder<'_> {
    fn inline(&mut self, x: Inline) {
        match self.stack.last_mut() {
            Some(
                Frame::Para(v) | Frame::Heading(_, v) | Frame::Strong(v) | Frame::Emph(v) | Frame::Strike(v) | Frame::Span(v) | Frame::Link { c: v, .. } | Frame::Cell(v),
            ) => match x {
                Inline::Text { v: s } => push_text(v, &s),
                other => v.push(other),
            },
            Some(Frame::Image { alt, .. }) => x.text_into(alt),
            Some(Frame::Item { loose, .. }) => match x {
                Inline::Text { v: s } => push_text(loose, &s),
                other => loose.push(other),
            },
            Some(Frame::Code(s)) => {
                if let Inline::Text { v } = &x {
                    s.push_str(v);
                }
            }
            // Text straight in a block container (not produced by pulldown-cmark,
            // but cheap to handle): a paragraph of its own.
            Some(Frame::Blocks(b) | Frame::Quote(b) | Frame::Note(_, b)) => b.push(Block::Para { c: vec![x] }),
            Some(Frame::List { .. } | Frame::Table { .. } | Frame::Row(_) | Frame::Html | Frame::Flat) | None => {}
        }
    }

    fn block(&mut self, b: Block) {
        // Flattened lists and quotes hand their blocks to the container around them.
        let Some(frame) = self.stack.iter_mut().rev().find(|f| !matches!(f, Frame::Flat)) else { return };
        match frame {
            Frame::Blocks(v) | Frame::Quote(v) | Frame::Note(_, v) => v.push(b),
            Frame::Item { blocks, loose, .. } => {
                if !loose.is_empty() {
                    blocks.push(Block::Para { c: std::mem::take(loose) });
                }
                blocks.push(b);
            }
            _ => {}
        }
    }

    fn note_number(&mut self, name: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(name.to_owned()).or_insert(next)
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        if matches!(tag, Tag::List(_) | Tag::BlockQuote(_)) {
            if self.depth >= MAX_DEPTH {
                self.too_deep.get_or_insert(offset);
                self.stack.push(Frame::Flat);
                return;
            }
            self.depth += 1;
        }
        let frame = match tag {
            Tag::Paragraph => Frame::Para(Vec::new()),
            Tag::Heading { level, .. } => Frame::Heading(heading_level(level), Vec::new()),
            Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::HtmlBlock => Frame::Html,
            Tag::List(start) => Frame::List { ordered: start.is_some(), start: start.unwrap_or(1), items: Vec::new() },
            Tag::Item => Frame::Item { task: None, blocks: Vec::new(), loose: Vec::new() },
            Tag::FootnoteDefinition(name) => Frame::Note(name.to_string(), Vec::new()),
            Tag::Table(aligns) => Frame::Table {
                align: aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None => None,
                        Alignment::Left => Some("left"),
                        Alignment::Center => Some("center"),
                        Alignment::Right => Some("right"),
                    })
                    .collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => Frame::Row(Vec::new()),
            Tag::TableCell => Frame::Cell(Vec::new()),
            Tag::Emphasis => Frame::Emph(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Strikethrough => Frame::Strike(Vec::new()),
            Tag::Link { dest_url, .. } => Frame::Link { href: (self.link)(&dest_url), c: Vec::new() },
            Tag::Image { dest_url, .. } => Frame::Image { src: (self.image)(&dest_url), alt: String::new() },
            // Not enabled in markdown::options(); keep their text.
            _ => Frame::Span(Vec::new()),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, end: TagEnd) {
        let Some(frame) = self.stack.pop() else { return };
        if matches!(frame, Frame::List { .. } | Frame::Quote(_)) {
            self.depth -= 1;
        }
        match (frame, end) {
            (Frame::Para(c), _) => self.block(Block::Para { c }),
            (Frame::Heading(level, c), _) => self.block(Block::Heading { level, c }),
            (Frame::Quote(c), _) => self.block(Block::Quote { c }),
            (Frame::Code(mut v), _) => {
                if v.ends_with('\n') {
                    v.pop();
                }
                self.block(Block::Code { v })
            }
            (Frame::Html, _) => {}
            (Frame::List { ordered, start, items }, _) => {
                let tasks = items.iter().any(|i| i.task.is_some());
                self.block(Block::List { ordered, start, tasks, items })
            }
            (Frame::Item { task, mut blocks, loose }, _) => {
                if !loose.is_empty() {
                    blocks.push(Block::Para { c: loose });
                }
                match self.stack.last_mut() {
                    Some(Frame::List { items, .. }) => items.push(Item { task, c: blocks }),
                    // An item of a flattened list: its blocks, marked as an item.
                    Some(Frame::Flat) => {
                        let mark = match task {
                            Some(true) => "☑ ",
                            Some(false) => "☐ ",
                            None => "– ",
                        };
                        if let Some(Block::Para { c }) = blocks.first_mut() {
                            c.insert(0, Inline::Text { v: mark.to_owned() });
                        }
                        for b in blocks {
                            self.block(b);
                        }
                    }
                    _ => {}
                }
            }
            (Frame::Note(name, c), _) => {
                self.note_number(&name);
                self.notes.push((name, c));
            }
            (Frame::Table { align, head, mut rows }, _) => {
                // Every row as wide as the header, as GitHub renders tables.
                let n = head.len();
                for r in &mut rows {
                    r.resize_with(n, Vec::new);
                }
                self.block(Block::Table { align, head, rows })
            }
            (Frame::Row(cells), TagEnd::TableHead) => {
                if let Some(Frame::Table { head, .. }) = self.stack.last_mut() {
                    *head = cells;
                }
            }
            (Frame::Row(cells), _) => {
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(cells);
                }
            }
            (Frame::Cell(c), _) => {
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(c);
                }
            }
            (Frame::Strong(c), _) => self.inline(Inline::Strong { c }),
            (Frame::Emph(c), _) => self.inline(Inline::Emph { c }),
            (Frame::Strike(c), _) => self.inline(Inline::Strike { c }),
            (Frame::Span(c), _) => c.into_iter().for_each(|x| self.inline(x)),
            (Frame::Link { href, c }, _) => {
                let print = href.as_deref().and_then(|h| print_form(h, &plain(&c)));
                self.inline(Inline::Link { href, print, c })
            }
            (Frame::Image { src, alt }, _) => self.inline(Inline::Image { src, alt: alt.trim().to_owned() }),
            (Frame::Blocks(b), _) => self.stack.push(Frame::Blocks(b)),
            (Frame::Flat, _) => {}
        }
    }
}

/// Turns a page's Markdown into data. `link` resolves a link destination to an
/// absolute URL (or `None` to keep only the text); `image` resolves an image
/// destination to a virtual path in the Typst world (or `None` to show its
/// text alternative).
pub fn body(markdown: &str, link: &dyn Fn(&str) -> Option<String>, image: &dyn Fn(&str) -> Option<String>) -> Body {
    let mut b = Builder { stack: vec![Frame::Blocks(Vec::new())], depth: 0, too_deep: None, notes: Vec::new(), numbers: HashMap::new(), link, image };
    for (ev, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match ev {
            Event::Start(tag) => b.start(tag, range.start),
            Event::End(end) => b.end(end),
            Event::Text(t) => b.inline(Inline::Text { v: t.to_string() }),
            Event::Code(t) => b.inline(Inline::Code { v: t.to_string() }),
            Event::SoftBreak => b.inline(Inline::Text { v: " ".to_owned() }),
            Event::HardBreak => b.inline(Inline::Br),
            Event::Rule => b.block(Block::Rule),
            Event::FootnoteReference(name) => {
                let n = b.note_number(&name);
                b.inline(Inline::Note { n });
            }
            Event::TaskListMarker(done) => {
                if let Some(Frame::Item { task, .. }) = b.stack.last_mut() {
                    *task = Some(done);
                }
            }
            // Raw HTML cannot be printed. Formatting tags are left out (the text
            // between them stays, `<br>` breaks the line); anything else in a
            // line of text is shown as written: `<label>` is then just text.
            Event::InlineHtml(h) => match formatting_tag(&h) {
                Some("br") => b.inline(Inline::Br),
                Some(_) => {}
                None => b.inline(Inline::Text { v: h.to_string() }),
            },
            Event::Html(_) => {}
            Event::InlineMath(t) | Event::DisplayMath(t) => b.inline(Inline::Text { v: t.to_string() }),
        }
    }
    let blocks = match b.stack.into_iter().next() {
        Some(Frame::Blocks(v)) => v,
        _ => Vec::new(),
    };
    let mut notes: Vec<Note> = b
        .notes
        .into_iter()
        .map(|(name, c)| Note { n: b.numbers.get(&name).copied().unwrap_or(0), c })
        .collect();
    notes.sort_by_key(|n| n.n);
    Body { blocks, notes, too_deep: b.too_deep }
}

/// The name of an HTML formatting tag (`<b>`, `</em>`, `<br/>`, `<span class="x">`),
/// or `None` for anything else.
fn formatting_tag(html: &str) -> Option<&'static str> {
    const TAGS: &[&str] = &[
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ];
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let name: String = inner.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    TAGS.iter().copied().find(|t| *t == name)
}

/// The plain text of inlines.
pub fn plain(c: &[Inline]) -> String {
    let mut s = String::new();
    for x in c {
        x.text_into(&mut s);
    }
    s
}

/// What to print after a link's text on paper, or `None` when the text
/// already says it: a web address without `https://`, an e-mail address, a
/// phone number.
pub fn print_form(href: &str, text: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    let shown = if let Some(rest) = lower.strip_prefix("tel:") {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let want: String = rest.chars().filter(char::is_ascii_digit).collect();
        if digits.contains(&want) {
            return None;
        }
        href[4..].to_owned()
    } else if lower.starts_with("mailto:") {
        href[7..].to_owned()
    } else if lower.starts_with("https://") || lower.starts_with("http://") {
        // On paper the page is enough: no scheme, no #fragment, no final slash.
        let rest = &href[href.find("://").map_or(0, |i| i + 3)..];
        let rest = rest.split('#').next().unwrap_or(rest);
        rest.strip_suffix('/').unwrap_or(rest).to_owned()
    } else {
        return None;
    };
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if squash(text).contains(&squash(&shown)) { None } else { Some(shown) }
}

impl Inline {
    fn text_into(&self, s: &mut String) {
        match self {
            Inline::Text { v } | Inline::Code { v } => s.push_str(v),
            Inline::Strong { c } | Inline::Emph { c } | Inline::Strike { c } => {
                for x in c {
                    x.text_into(s);
                }
            }
            Inline::Link { c, print, .. } => {
                for x in c {
                    x.text_into(s);
                }
                if let Some(p) = print {
                    s.push(' ');
                    s.push_str(p);
                }
            }
            Inline::Image { src: None, alt } => s.push_str(alt),
            Inline::Image { .. } | Inline::Br => s.push('\n'),
            Inline::Note { n } => s.push_str(&n.to_string()),
        }
    }
}

impl Block {
    /// Appends every character this block prints to `s` (for the font check).
    pub fn text_into(&self, s: &mut String) {
        let inl = |c: &[Inline], s: &mut String| {
            for x in c {
                x.text_into(s);
            }
            s.push('\n');
        };
        match self {
            Block::Heading { c, .. } | Block::Para { c } => inl(c, s),
            Block::Quote { c } => c.iter().for_each(|b| b.text_into(s)),
            Block::List { items, .. } => items.iter().flat_map(|i| &i.c).for_each(|b| b.text_into(s)),
            Block::Code { v } => {
                s.push_str(v);
                s.push('\n');
            }
            Block::Table { head, rows, .. } => head.iter().chain(rows.iter().flatten()).for_each(|c| inl(c, s)),
            Block::Rule => {}
        }
    }
}

impl Body {
    /// Every character the body prints.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for b in self.blocks.iter().chain(self.notes.iter().flat_map(|n| &n.c)) {
            b.text_into(&mut s);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(dest: &str) -> Option<String> {
        crate::url_policy::is_safe_scheme(dest).then(|| dest.to_owned())
    }
    fn no_image(_: &str) -> Option<String> {
        None
    }
    fn parse(md: &str) -> Body {
        body(md, &keep, &no_image)
    }
    fn t(s: &str) -> Inline {
        Inline::Text { v: s.to_owned() }
    }

    #[test]
    fn paragraphs_headings_emphasis() {
        let b = parse("## Gọi 111\n\nMột **hai** *ba*\nbốn  \nnăm ~~sáu~~ `bảy`\n");
        assert_eq!(b.blocks[0], Block::Heading { level: 2, c: vec![t("Gọi 111")] });
        assert_eq!(
            b.blocks[1],
            Block::Para {
                c: vec![
                    t("Một "),
                    Inline::Strong { c: vec![t("hai")] },
                    t(" "),
                    Inline::Emph { c: vec![t("ba")] },
                    t(" bốn"),
                    Inline::Br,
                    t("năm "),
                    Inline::Strike { c: vec![t("sáu")] },
                    t(" "),
                    Inline::Code { v: "bảy".into() },
                ]
            }
        );
    }

    #[test]
    fn lists_tight_loose_tasks_nested() {
        let b = parse("- a\n- [x] b\n  - c\n\n3. x\n\n   y\n");
        let Block::List { ordered: false, tasks: true, items, .. } = &b.blocks[0] else { panic!("{b:?}") };
        assert_eq!(items[0], Item { task: None, c: vec![Block::Para { c: vec![t("a")] }] });
        assert_eq!(items[1].task, Some(true));
        assert!(matches!(&items[1].c[1], Block::List { items, .. } if items.len() == 1));
        let Block::List { ordered: true, start: 3, items, .. } = &b.blocks[1] else { panic!("{b:?}") };
        assert_eq!(items[0].c.len(), 2);
    }

    #[test]
    fn tables_quotes_code_rules_notes() {
        let b = parse("| A | B |\n|:--|--:|\n| 1 | 2 |\n\n> q\n\n```\n#set x\n```\n\n---\n\nX[^a] Y[^b]\n\n[^b]: Bee.\n[^a]: Ay.\n");
        assert_eq!(
            b.blocks[0],
            Block::Table {
                align: vec![Some("left"), Some("right")],
                head: vec![vec![t("A")], vec![t("B")]],
                rows: vec![vec![vec![t("1")], vec![t("2")]]]
            }
        );
        assert_eq!(b.blocks[1], Block::Quote { c: vec![Block::Para { c: vec![t("q")] }] });
        assert_eq!(b.blocks[2], Block::Code { v: "#set x".into() });
        assert_eq!(b.blocks[3], Block::Rule);
        assert_eq!(b.notes.iter().map(|n| n.n).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(b.notes[0].c, vec![Block::Para { c: vec![t("Ay.")] }]);
    }

    #[test]
    fn links_are_whitelisted_and_printable() {
        let b = parse("[a](javascript:alert(1)) [111](tel:111) [web](https://x.example/a/) [https://x.example](https://x.example/)");
        let Block::Para { c } = &b.blocks[0] else { panic!() };
        assert_eq!(c[0], Inline::Link { href: None, print: None, c: vec![t("a")] });
        assert_eq!(c[2], Inline::Link { href: Some("tel:111".into()), print: None, c: vec![t("111")] });
        assert_eq!(c[4], Inline::Link { href: Some("https://x.example/a/".into()), print: Some("x.example/a".into()), c: vec![t("web")] });
        assert!(matches!(&c[6], Inline::Link { print: None, .. }));
        assert_eq!(print_form("tel:0243525662", "Trung tâm"), Some("0243525662".into()));
        assert_eq!(print_form("mailto:a@b.vn", "a@b.vn"), None);
        assert_eq!(print_form("https://x.example/a/#b", "A"), Some("x.example/a".into()));
    }

    #[test]
    fn typst_syntax_is_just_text() {
        let md = "#set text(red)\n\n#import \"x\": *\n\n$x$ @ref <label> ] #eval(\"1\")\n";
        let b = parse(md);
        let text = b.text();
        for s in ["#set text(red)", "#import \"x\": *", "$x$ @ref <label> ] #eval(\"1\")"] {
            assert!(text.contains(s), "{s} in {text}");
        }
        let json = serde_json::to_string(&b.blocks).unwrap();
        assert!(json.contains(r##""v":"#set text(red)""##), "{json}");
    }

    #[test]
    fn images_keep_alt_text() {
        let b = body("![Sơ đồ *đường* đi](so-do.png)", &keep, &|d| Some(format!("/loa/img/{d}")));
        assert_eq!(b.blocks[0], Block::Para { c: vec![Inline::Image { src: Some("/loa/img/so-do.png".into()), alt: "Sơ đồ đường đi".into() }] });
    }

    #[test]
    fn raw_html_is_left_out() {
        let b = parse("<div>hidden</div>\n\nA <b>bold</b> word<br/>and <label> <script>x</script>\n");
        assert_eq!(b.blocks, vec![Block::Para { c: vec![t("A bold word"), Inline::Br, t("and <label> <script>x</script>")] }]);
    }

    #[test]
    fn nesting_deeper_than_print_allows_is_flattened() {
        let deep: String = (0..40).map(|i| format!("{}- mức {i}\n", "  ".repeat(i))).collect();
        let quotes = format!("{} sâu\n", ">".repeat(40));
        for md in [deep.as_str(), quotes.as_str()] {
            let b = parse(md);
            assert!(b.too_deep.is_some(), "{md}");
            assert_eq!(depth(&b.blocks), MAX_DEPTH, "{md}");
            let text = b.text();
            assert!(text.contains("sâu") || text.contains("mức 39"), "no text is lost: {text}");
        }
        assert!(parse("- a\n  - b\n").too_deep.is_none());
    }
}
