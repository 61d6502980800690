//! Diagnostics: every problem with a user's input, located and explained.
//!
//! A [`Diagnostic`] names the file (relative to the site root), the line and
//! column (both 1-based, columns counted in characters), says what is wrong and,
//! where we know it, how to fix it. All the problems of one run are collected in
//! [`Diagnostics`] and reported together, so staff fix a whole batch at once.
//!
//! Rendering uses `codespan-reporting`, which quotes the offending line and points
//! at the column.

use std::fmt;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use crate::i18n::Msg;
use crate::t;

/// Where in a file a problem is. Lines and columns are 1-based; a column counts
/// characters (not bytes), which is what an editor shows for Vietnamese text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// A position from a 1-based line and column.
    pub fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }

    /// The position of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self { line, column }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How serious a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot go on; nothing is written.
    Error,
    /// Worth fixing, but the site is still built.
    Warning,
    /// Nothing to fix for loa: how it read something written in a way it
    /// accepts but other tools may not.
    Note,
}

/// One located problem with the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// Where in the file; `None` when the problem is with the whole file.
    pub position: Option<Position>,
    /// What is wrong, in one sentence, from the catalog ([`Diagnostic::message`]).
    message: String,
    /// How to fix it, if we can say ([`Diagnostic::hint`]).
    hint: Option<String>,
    /// The file's text, to quote the line; filled in when available.
    pub source: Option<String>,
}

impl Diagnostic {
    /// An error in `file` at `position`.
    ///
    /// The message is a [`Msg`] from the catalog, never a string, so every
    /// diagnostic is in the editors' language:
    ///
    /// ```compile_fail,E0308
    /// loa::diag::Diagnostic::error("site.yaml", None, "a raw English string");
    /// ```
    ///
    /// ```
    /// loa::diag::Diagnostic::error("site.yaml", None, loa::t!("site-languages-empty"));
    /// ```
    pub fn error(file: impl Into<PathBuf>, position: Option<Position>, message: Msg) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            position,
            message: message.into_string(),
            hint: None,
            source: None,
        }
    }

    /// A warning in `file` at `position`.
    pub fn warning(file: impl Into<PathBuf>, position: Option<Position>, message: Msg) -> Self {
        Self { severity: Severity::Warning, ..Self::error(file, position, message) }
    }

    /// A note in `file` at `position`: how loa read something it accepts.
    pub fn note(file: impl Into<PathBuf>, position: Option<Position>, message: Msg) -> Self {
        Self { severity: Severity::Note, ..Self::error(file, position, message) }
    }

    /// Adds (or replaces) the hint that says how to fix the problem; like the
    /// message, it comes from the catalog:
    ///
    /// ```compile_fail,E0308
    /// # let d = loa::diag::Diagnostic::error("site.yaml", None, loa::t!("site-languages-empty"));
    /// d.with_hint(String::from("a raw English string"));
    /// ```
    pub fn with_hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint.into_string());
        self
    }

    /// What is wrong, in one sentence.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// How to fix it, if we can say.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// Attaches the file's text so the rendered message can quote the line.
    pub fn with_source(mut self, source: &str) -> Self {
        self.source = Some(source.to_owned());
        self
    }

    /// Whether this diagnostic stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, the way compilers and editors write a location.
    pub fn location(&self) -> String {
        let file = display_path(&self.file);
        match self.position {
            Some(p) => format!("{file}:{}:{}", p.line, p.column),
            None => file,
        }
    }

    /// The diagnostic as text for a terminal (no colours), quoting the source line
    /// when the source is known. The first line keeps the `file:line:column`
    /// that editors read; the labels, the place in words ("line 4, column 11")
    /// and the hint are in the editors' language.
    pub fn render(&self) -> String {
        use crate::terminal::safe;
        let head = self.severity.label();
        let hint_label = t!("diag-hint");
        // File names, messages, hints and quoted lines as a terminal shows
        // them: a control character is written as `\u{1b}`, never sent.
        let location = safe(&self.location()).into_owned();
        let message = safe(&self.message).into_owned();
        let hint = self.hint.as_deref().map(|h| safe(h).into_owned());
        let (Some(source), Some(pos)) = (&self.source, self.position) else {
            let mut out = format!("{head}: {location}: {message}\n");
            if let Some(p) = self.position {
                out.push_str(&format!("  = {}\n", t!("diag-at", line = p.line, column = p.column)));
            }
            if let Some(hint) = &hint {
                out.push_str(&format!("  = {hint_label}: {hint}\n"));
            }
            return out;
        };
        let start = byte_offset(source, pos);
        let end = token_end(source, start);
        // The quoted source, escaped; the underline moves with what the
        // escapes added before it.
        let shown = safe(source);
        let (start, end) = (safe(&source[..start]).len(), safe(&source[..end]).len());
        let file = SimpleFile::new(safe(&display_path(&self.file)).into_owned(), shown.as_ref());
        let mut cs = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Note => CsDiagnostic::note(),
        }
        .with_message(format!("{location}: {message}"))
        .with_labels(vec![Label::primary((), start..end).with_message(t!("diag-at", line = pos.line, column = pos.column).into_string())]);
        if let Some(hint) = &hint {
            cs = cs.with_notes(vec![format!("{hint_label}: {hint}")]);
        }
        let config = term::Config::default();
        match term::emit_into_string(&config, &file, &cs) {
            // codespan names the severity in English; the rest of its first
            // line is ours.
            Ok(text) => match text.strip_prefix(self.severity.english()) {
                Some(rest) => format!("{head}{rest}"),
                None => text,
            },
            Err(_) => format!("{head}: {location}: {message}\n"),
        }
    }
}

impl Severity {
    /// The word in front of a message: "error", "lỗi".
    pub fn label(self) -> Msg {
        match self {
            Severity::Error => t!("diag-error"),
            Severity::Warning => t!("diag-warning"),
            Severity::Note => t!("diag-note"),
        }
    }

    /// The word codespan-reporting writes.
    fn english(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({}: {hint})", t!("diag-hint"))?;
        }
        Ok(())
    }
}

/// A path as shown to users: forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The byte offset of a 1-based line/column position in `text`.
pub fn byte_offset(text: &str, pos: Position) -> usize {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == pos.line {
            let col = pos.column.saturating_sub(1);
            return offset + line.char_indices().nth(col).map_or(line.trim_end_matches('\n').len(), |(b, _)| b);
        }
        offset += line.len();
    }
    text.len()
}

/// The end of the "word" starting at `start`, for underlining.
fn token_end(text: &str, start: usize) -> usize {
    let rest = &text[start.min(text.len())..];
    let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..len];
    let word = line.find(char::is_whitespace).unwrap_or(line.len());
    start + word.max(line.chars().next().map_or(0, char::len_utf8))
}

/// All the problems found in one run, errors and warnings, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// No problems.
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// Whether any of them is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Sorts by file and position so that output is stable across runs.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, a.position, &a.message).cmp(&(&b.file, b.position, &b.message))
        });
        self.0.dedup();
    }

    /// Iterates over them.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// For each file with an error or a warning, in file order: how many
    /// errors and how many warnings are about it (notes are not counted).
    pub fn counts_by_file(&self) -> Vec<(&Path, usize, usize)> {
        let mut counts: std::collections::BTreeMap<&Path, (usize, usize)> = std::collections::BTreeMap::new();
        for d in &self.0 {
            match d.severity {
                Severity::Error => counts.entry(d.file.as_path()).or_default().0 += 1,
                Severity::Warning => counts.entry(d.file.as_path()).or_default().1 += 1,
                Severity::Note => {}
            }
        }
        counts.into_iter().map(|(f, (e, w))| (f, e, w)).collect()
    }

    /// A heading and one line per file: how many errors and warnings it
    /// has (what `loa check` ends with). Empty when there are none.
    pub fn render_counts(&self) -> String {
        let counts = self.counts_by_file();
        if counts.is_empty() {
            return String::new();
        }
        let mut out = format!("{}\n", t!("diag-by-file"));
        for (file, errors, warnings) in counts {
            out.push_str(&format!("  {}\n", t!("diag-file-counts", file = display_path(file), errors = errors, warnings = warnings)));
        }
        out
    }

    /// Renders them all, followed by a count line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render());
        }
        let errors = self.error_count();
        if errors > 0 {
            out.push_str(&format!("{}\n", t!("diag-summary-errors", count = errors)));
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The closest candidate to `word` by edit distance, for "did you mean" hints.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_characters_not_bytes() {
        let text = "a: 1\nwhen: Đường 31/2\n";
        let off = text.find("31/2").unwrap();
        assert_eq!(Position::of_offset(text, off), Position::new(2, 13));
        assert_eq!(byte_offset(text, Position::new(2, 13)), off);
    }

    fn sample() -> Diagnostic {
        let src = "campaigns:\n  - when: 31/2\n";
        let why = t!("when-month-max", month = t!("month-name", month = 2u32), max = 29u32);
        Diagnostic::error("calendar.yaml", Some(Position::new(2, 11)), t!("when-no-such-day", date = "31/2", why = why))
            .with_hint(t!("when-day-first-hint"))
            .with_source(src)
    }

    #[test]
    fn render_quotes_line_and_hint() {
        let out = crate::i18n::with_lang(crate::i18n::Lang::En, || sample().render());
        assert!(out.starts_with("error: calendar.yaml:2:11: 31/2 is not a date (February has 29 days at most)"), "{out}");
        assert!(out.contains("- when: 31/2"), "{out}");
        assert!(out.contains("^^^^ line 2, column 11"), "{out}");
        assert!(out.contains("= hint: write the day first"), "{out}");
    }

    /// In Vietnamese: the labels, the place in words and the message; the
    /// `file:line:column` that editors read stays as it is.
    #[test]
    fn render_in_vietnamese() {
        let (out, plain, count) = crate::i18n::with_lang(crate::i18n::Lang::Vi, || {
            let d = sample();
            let mut bare = d.clone();
            bare.source = None;
            (d.render(), bare.render(), Diagnostics(vec![d]).render())
        });
        assert!(out.starts_with("lỗi: calendar.yaml:2:11: 31/2 không phải là một ngày có thật (tháng 2 có nhiều nhất 29 ngày)"), "{out}");
        assert!(out.contains("^^^^ dòng 2, cột 11"), "{out}");
        assert!(out.contains("= gợi ý: hãy viết ngày trước, tháng sau: 30/7"), "{out}");
        assert!(plain.starts_with("lỗi: calendar.yaml:2:11: "), "{plain}");
        assert!(plain.contains("  = dòng 2, cột 11\n"), "{plain}");
        assert!(count.ends_with("Có 1 lỗi; chưa có tệp nào được ghi.\n"), "{count}");
        let warning = crate::i18n::with_lang(crate::i18n::Lang::Vi, || Diagnostic::warning("x.md", None, t!("check-variants-alone")).render());
        assert!(warning.starts_with("cảnh báo: x.md: "), "{warning}");
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        // A file name, a message value and a quoted line, each with an
        // escape sequence that would retitle the terminal.
        let source = "title: x\u{1b}]0;pwned\u{7}\ndate: 1/6/2027\n".to_owned();
        let d = Diagnostic::error("content/a\u{1b}[2Jb.md", Some(Position::new(2, 7)), t!("io-other", detail = "bad \u{9b}31m date"))
            .with_hint(t!("io-other", detail = "write \u{202e}2027-06-01"))
            .with_source(&source);
        for text in [d.render(), Diagnostics::from(d.clone()).render(), d.clone().render()] {
            assert!(!text.chars().any(crate::terminal::is_unsafe), "{text:?}");
            assert!(text.contains("a\\u{1b}[2Jb.md") && text.contains("bad \\u{9b}31m date") && text.contains("\\u{202e}2027"), "{text}");
        }
        // The underline still sits under the value on its line.
        let text = d.render();
        let quoted = text.lines().find(|l| l.contains("date: 1/6/2027")).unwrap();
        let marks = text.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(quoted.find("1/6/2027"), marks.find('^'), "{text}");
        let no_source = Diagnostic::error("a\u{1b}.md", None, t!("diag-hint")).render();
        assert!(no_source.contains("a\\u{1b}.md"));
    }

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("tittle", ["title", "summary"]), Some("title"));
        assert_eq!(did_you_mean("zzzzzz", ["title", "summary"]), None);
    }
}
