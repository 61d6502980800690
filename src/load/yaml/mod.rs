//! YAML parsing with located errors in plain words, on top of `serde-saphyr`.
//!
//! `serde_yaml` is archived and flagged unmaintained (RUSTSEC-2024-0320), so loa
//! reads YAML with `serde-saphyr`: serde-based, no unsafe code, and its
//! [`Spanned`] wrapper keeps the line and column of each value so that semantic
//! errors (a bad `when`, an unknown language) can point at their column.
//!
//! The parser's own words ("mapping values are not allowed in this context",
//! "expected string scalar") mean nothing to the people who write the files.
//! [`parse`] turns its errors into messages from the catalog: an unknown key
//! (with "did you mean"), a missing or repeated key, a value of the wrong
//! kind (saying what the key takes), and the common slips, found by looking
//! at the lines the error points at: a missing space after `:`, a tab in the
//! indentation, an unclosed `[`, `{` or quote, a `: ` inside a value, a line
//! indented too far, a line that is not `key: value`. Each is located where
//! the slip is, which is not always where the parser noticed it.

use std::path::Path;

use serde::de::DeserializeOwned;
pub use serde_saphyr::Spanned;

mod each;
pub use each::{parse_each_key, Parts};

use crate::diag::{did_you_mean, Diagnostic, Position};
use crate::i18n::Msg;
use crate::t;

/// What the keys of a file take, in words, for a value of the wrong kind:
/// `audience` → "one or more groups: tre-em, cha-me, …". `None` for a key
/// it does not describe.
pub type Takes = fn(&str) -> Option<Msg>;

/// Describes no key.
pub fn no_keys(_: &str) -> Option<Msg> {
    None
}

/// Parses `text` (the contents of `file`) as YAML into `T`.
///
/// `line_offset` is the number of lines before the YAML in its file (front matter
/// starts after the opening `---`), so reported lines are the file's own.
/// `takes` says what each key takes, for a value of the wrong kind.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str, line_offset: usize, takes: Takes) -> Result<T, Diagnostic> {
    // A tab in the indentation is the commonest YAML mistake; the parser reports it
    // at the previous value, so find it ourselves.
    for (i, line) in text.lines().enumerate() {
        let indent: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if let Some(col) = indent.find('\t') {
            return Err(Diagnostic::error(file, Some(Position::new(i + 1 + line_offset, col + 1)), t!("yaml-tab-indent")).with_hint(t!("yaml-tab-indent-hint")));
        }
    }
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let Explained { at, message, hint } = explain(text, &e, takes);
        // An error the parser gives no place for (the text ended too early) is
        // at the end of the text: its last line.
        let at = at.or_else(|| Some(Position::new(text.lines().count().max(1), 1)));
        let position = at.map(|p| Position::new(p.line + line_offset, p.column));
        let d = Diagnostic::error(file, position, message);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })
}

/// An error in the catalog's words, at a position in the YAML text.
struct Explained {
    at: Option<Position>,
    message: Msg,
    hint: Option<Msg>,
}

/// The error that is not a wrapper around another.
fn innermost(e: &serde_saphyr::Error) -> &serde_saphyr::Error {
    match e {
        serde_saphyr::Error::WithSnippet { error, .. } => innermost(error),
        serde_saphyr::Error::AliasError { error, .. } => innermost(error),
        e => e,
    }
}

/// The parser's own words, without its "at line X column Y".
fn parser_words(e: &serde_saphyr::Error) -> String {
    let options = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
    let mut message = e.without_snippet().render_with_options(options);
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
    message.trim().to_owned()
}

fn explain(text: &str, error: &serde_saphyr::Error, takes: Takes) -> Explained {
    use serde_saphyr::Error as E;
    let e = innermost(error);
    let at = e.location().filter(|l| l.line() > 0).map(|l| Position::new(l.line() as usize, (l.column() as usize).max(1)));
    let words = parser_words(e);
    match e {
        E::SerdeUnknownField { field, expected, .. } => {
            let hint = match did_you_mean(field, expected.iter().copied()) {
                Some(s) => t!("yaml-did-you-mean", key = s),
                None if expected.is_empty() => t!("yaml-no-keys-here"),
                None => t!("yaml-keys-here", keys = expected.join(", ")),
            };
            return Explained { at, message: t!("yaml-unknown-key", key = field.as_str()), hint: Some(hint) };
        }
        E::SerdeMissingField { field, .. } => {
            let hint = match takes(field) {
                Some(what) => t!("yaml-missing-key-takes", key = *field, takes = what),
                None => t!("yaml-missing-key-hint", key = *field),
            };
            return Explained { at, message: t!("yaml-missing-key", key = *field), hint: Some(hint) };
        }
        E::DuplicateMappingKey { key, .. } => {
            let key = key.clone().or_else(|| at.and_then(|p| key_on(line_of(text, p.line)).map(|(k, _)| k.to_owned()))).unwrap_or_default();
            return Explained { at, message: t!("yaml-duplicate-key", key = key), hint: Some(t!("yaml-duplicate-key-hint")) };
        }
        _ => {}
    }
    if let Some(found) = slip(text, at, &words, takes) {
        return found;
    }
    let wrong_kind = matches!(
        e,
        E::SerdeInvalidType { .. }
            | E::SerdeInvalidValue { .. }
            | E::SerdeInvalidLength { .. }
            | E::SerdeUnknownVariant { .. }
            | E::InvalidScalar { .. }
            | E::Unexpected { .. }
            | E::NullIntoString { .. }
            | E::InvalidBooleanStrict { .. }
            | E::TaggedScalarCannotDeserializeIntoString { .. }
            | E::QuotingRequired { .. }
    ) || words.contains("did not match any variant")
        || words.starts_with("invalid type")
        || words.starts_with("invalid value");
    if wrong_kind
        && let Some(p) = at
        && let Some((key, line)) = owner_key(text, p.line).map(|(k, l)| described_owner(text, k, l, takes))
    {
        let value = line_of(text, line).split_once(':').map_or("", |(_, v)| strip_comment(v).trim());
        let empty = matches!(e, E::NullIntoString { .. }) || value.is_empty() && line == p.line;
        let message = match (takes(key).or_else(|| shape(&words)), empty) {
            (Some(what), false) => t!("yaml-wrong-value", key = key, takes = what),
            (Some(what), true) => t!("yaml-empty-value-takes", key = key, takes = what),
            (None, false) => t!("yaml-wrong-value-unknown", key = key),
            (None, true) => t!("yaml-empty-value", key = key),
        };
        let hint = number_read_as_date(value).map(|fixed| t!("yaml-number-not-date-hint", value = value, fixed = fixed));
        // The value, not the key, when the parser pointed at the key.
        let at = if line == p.line { value_position(text, line).or(Some(p)) } else { Some(p) };
        return Explained { at, message, hint };
    }
    // What is left is said in the catalog's words, by the kind of error,
    // never in the parser's own English.
    let (message, hint) = match e {
        E::ExternalMessage { source, .. } => match source.as_ref() {
            serde_saphyr::ExternalMessageSource::Parser(scan) => scan_kind(scan.kind()),
            _ => (t!("yaml-syntax"), t!("yaml-syntax-hint")),
        },
        E::MultipleDocuments { .. } => (t!("yaml-document-marker"), t!("yaml-document-marker-hint")),
        E::UnknownAnchor { .. } | E::AliasError { .. } => (t!("yaml-reserved-start"), t!("yaml-syntax-hint")),
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => (t!("yaml-too-deep"), t!("yaml-too-deep-hint")),
        E::InvalidUtf8Input => (t!("file-not-utf8"), t!("file-not-utf8-hint")),
        _ if wrong_kind => match shape(&words) {
            Some(what) => (t!("yaml-wrong-kind-here-takes", takes = what), t!("yaml-syntax-hint")),
            None => (t!("yaml-wrong-kind-here"), t!("yaml-syntax-hint")),
        },
        _ => (t!("yaml-syntax"), t!("yaml-syntax-hint")),
    };
    let hint = if words.to_lowercase().contains(" tab") { t!("yaml-tab-indent-hint") } else { hint };
    Explained { at, message, hint: Some(hint) }
}

/// The shape a value must have, from what the parser expected ("invalid
/// type: string, expected a sequence" → a list): for a key no `takes`
/// describes, so that every value of the wrong shape says the right one.
fn shape(words: &str) -> Option<Msg> {
    let lower = words.to_lowercase();
    let (_, expected) = lower.rsplit_once("expected ")?;
    let has = |w: &[&str]| w.iter().any(|w| expected.contains(w));
    Some(if has(&["sequence", "list", "array", "tuple"]) {
        t!("shape-list")
    } else if has(&["struct", "map"]) {
        t!("shape-block")
    } else if has(&["bool"]) {
        t!("takes-true-false")
    } else if has(&["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "integer", "usize"]) {
        t!("takes-whole-number")
    } else if has(&["f32", "f64", "float"]) {
        t!("shape-number")
    } else if has(&["string", "str", "char"]) {
        t!("takes-text")
    } else {
        return None;
    })
}

/// The YAML scanner's error, by kind, in the catalog's words: what is wrong
/// and how to fix it.
fn scan_kind(kind: &granit_parser::ErrorKind) -> (Msg, Msg) {
    use granit_parser::ErrorKind as K;
    match kind {
        K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => (t!("yaml-after-quote"), t!("yaml-after-quote-hint")),
        K::UnclosedQuotedScalar | K::DocumentIndicatorInQuotedScalar | K::InvalidQuotedScalarIndent => (t!("yaml-quote-not-closed"), t!("yaml-quote-not-closed-hint")),
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => (t!("yaml-bad-escape"), t!("yaml-bad-escape-hint")),
        K::MisplacedFlowCollectionEnd
        | K::MismatchedFlowCollectionEnd { .. }
        | K::UnclosedFlowCollection { .. }
        | K::UnexpectedEofFlowSequence
        | K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::ExpectedFlowMappingSeparator
        | K::ExpectedFlowSequenceSeparator
        | K::BlockEntryInFlowCollection
        | K::InvalidFlowScalarIndent
        | K::FlowMappingValueAdjacentCollection => (t!("yaml-brackets"), t!("yaml-brackets-hint")),
        K::TabNotAllowed | K::TabInBlockIndentation | K::TabAtBlockScalarStart | K::TabInIndentation | K::TabInPlainScalar => {
            (t!("yaml-tab-indent"), t!("yaml-tab-indent-hint"))
        }
        K::InvalidIndentation
        | K::InvalidBlockScalarIndent
        | K::ZeroBlockScalarIndent
        | K::InvalidBlockScalarHeader
        | K::BlockSequenceEntryNotAllowed
        | K::InvalidBlockEntryWhitespace
        | K::ExpectedBlockMappingKey
        | K::ExpectedBlockSequenceEntry
        | K::UnexpectedEofBlockSequence
        | K::UnexpectedEofBlockMapping
        | K::InvalidSimpleKey
        | K::SimpleKeyExpected => (t!("yaml-indentation"), t!("yaml-indentation-hint")),
        K::MappingKeyNotAllowed | K::InvalidMappingValueWhitespace | K::InvalidColonPlacement | K::MappingValueNotAllowed => {
            (t!("yaml-colon-misplaced"), t!("yaml-colon-misplaced-hint"))
        }
        K::ExpectedDocumentStart
        | K::InvalidDocumentEnd
        | K::MissingDocumentEndBeforeDirective
        | K::MultipleDocumentsUnsupported
        | K::BomInsideDocument
        | K::DuplicateVersionDirective
        | K::UnsupportedYamlMajorVersion
        | K::DuplicateTagDirective => (t!("yaml-document-marker"), t!("yaml-document-marker-hint")),
        K::RecursionLimitExceeded | K::AnchorCountOverflow => (t!("yaml-too-deep"), t!("yaml-too-deep-hint")),
        K::CommentNotSeparated | K::CommentInterceptedScalar => (t!("yaml-comment"), t!("yaml-comment-hint")),
        K::UnexpectedEof | K::UnexpectedEndOfPlainScalar | K::ExpectedNodeContent | K::ExpectedWhitespace => (t!("yaml-syntax"), t!("yaml-syntax-hint")),
        // Tags (`!`), anchors (`&`), aliases (`*`), directives (`%`) and the
        // other characters YAML reserves at the start of a value.
        _ => (t!("yaml-reserved-start"), t!("yaml-syntax-hint")),
    }
}

/// Line `n` (1-based) of `text`, or "".
fn line_of(text: &str, n: usize) -> &str {
    text.lines().nth(n.saturating_sub(1)).unwrap_or("")
}

/// The width of a line's indentation, in characters.
fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// `key` and the byte offset of its `:` when `line` is `key: …` or
/// `- key: …` (or `key:` with nothing after the colon, or `key:value`).
pub(super) fn key_on(line: &str) -> Option<(&str, usize)> {
    let start = line.len() - line.trim_start().len();
    let mut rest = &line[start..];
    let mut offset = start;
    if let Some(r) = rest.strip_prefix("- ") {
        let r2 = r.trim_start();
        offset += rest.len() - r2.len();
        rest = r2;
    }
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))?;
    if end == 0 || !rest[end..].starts_with(':') || !rest.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    Some((&rest[..end], offset + end))
}

/// The key whose value holds line `n`: the key on that line, or the nearest
/// one above that is indented less (or the same, for a list under its key).
fn owner_key(text: &str, n: usize) -> Option<(&str, usize)> {
    let here = line_of(text, n);
    if let Some((k, _)) = key_on(here) {
        return Some((k, n));
    }
    let indent = indent_of(here);
    (1..n).rev().find_map(|i| {
        let line = line_of(text, i);
        if line.trim().is_empty() || line.trim_start().starts_with('#') || indent_of(line) > indent {
            return None;
        }
        key_on(line).map(|(k, _)| (k, i))
    })
}

/// The key `key` (on line `n`) when `takes` describes it or the parser's
/// words will; else the nearest key above that holds it and that `takes`
/// describes (`search:` for its `a: b`), so the message says what is wanted.
fn described_owner<'t>(text: &'t str, key: &'t str, n: usize, takes: Takes) -> (&'t str, usize) {
    let (mut k, mut line) = (key, n);
    while takes(k).is_none() {
        let indent = indent_of(line_of(text, line));
        if indent == 0 {
            return (key, n);
        }
        let parent = (1..line).rev().find_map(|i| {
            let l = line_of(text, i);
            (!l.trim().is_empty() && !l.trim_start().starts_with('#') && indent_of(l) < indent).then(|| key_on(l).map(|(k, _)| (k, i)))?
        });
        match parent {
            Some((pk, pl)) => (k, line) = (pk, pl),
            None => return (key, n),
        }
    }
    (k, line)
}

/// Where the value of the key on line `n` starts./// Where the value of the key on line `n` starts.
fn value_position(text: &str, n: usize) -> Option<Position> {
    let line = line_of(text, n);
    let (_, colon) = key_on(line)?;
    let after = &line[colon + 1..];
    let skip = after.len() - after.trim_start().len();
    (colon + 1 + skip < line.len()).then(|| Position::new(n, line[..colon + 1 + skip].chars().count() + 1))
}

/// A line's text without a `# comment` (one after a space, outside quotes).
fn strip_comment(s: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if prev == ' ' => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' || prev == '\t' => return &s[..i],
            _ => {}
        }
        prev = c;
    }
    s
}

/// The column (1-based, in characters) of byte `offset` of `line`.
fn column(line: &str, offset: usize) -> usize {
    line[..offset].chars().count() + 1
}

/// The common slips, found in the lines at and above where the parser
/// stopped (the slip is often earlier than where the parser noticed it):
/// a missing space after `:`, an unclosed quote or bracket, a `: ` inside a
/// value, a line indented too far, a line that is not `key: value`.
fn slip(text: &str, at: Option<Position>, words: &str, takes: Takes) -> Option<Explained> {
    let n = at.map_or(1, |p| p.line).max(1);
    let lines: Vec<&str> = text.lines().collect();
    for i in (1..=n.min(lines.len())).rev() {
        let line = lines[i - 1];
        if let Some(found) = no_space_after_colon(line, i).or_else(|| unclosed(text, &lines, i)) {
            return Some(found);
        }
    }
    let at = at?;
    let line = line_of(text, at.line);
    let lower = words.to_lowercase();
    if lower.contains("mapping values are not allowed") || lower.contains("illegal placement of ':'") {
        let (key, colon) = key_on(line)?;
        if at.column > column(line, colon) {
            let value = strip_comment(&line[colon + 1..]).trim();
            let fixed = format!("{key}: {}", quoted(value));
            return Some(Explained { at: Some(at), message: t!("yaml-colon-in-value"), hint: Some(t!("yaml-colon-in-value-hint", fixed = fixed)) });
        }
        let start = Position::new(at.line, indent_of(line) + 1);
        return Some(Explained { at: Some(start), message: t!("yaml-indent", key = key), hint: Some(t!("yaml-indent-hint", key = key)) });
    }
    if lower.contains("expected ':'") || lower.contains("did not find expected key") || lower.contains("could not find expected ':'") {
        let start = Position::new(at.line, indent_of(line) + 1);
        let word = line.split_whitespace().next().unwrap_or("");
        let hint = match line.trim().split_once(' ') {
            Some((k, v)) if key_on(&format!("{k}:")).is_some() && !k.ends_with(':') => t!("yaml-line-not-key-colon-hint", fixed = format!("{k}: {}", v.trim())),
            _ if word.starts_with('-') => t!("yaml-list-item-hint"),
            _ => t!("yaml-line-not-key-hint"),
        };
        return Some(Explained { at: Some(start), message: t!("yaml-line-not-key"), hint: Some(hint) });
    }
    if lower.contains("expected mapping start") {
        // A key that takes a block, given one value (`organisation: Ủy ban`):
        // said at the key, with what it takes.
        if let Some((key, line)) = owner_key(text, at.line) {
            let what = takes(key).unwrap_or_else(|| t!("shape-block"));
            let at = if line == at.line { value_position(text, line).unwrap_or(at) } else { at };
            return Some(Explained { at: Some(at), message: t!("yaml-wrong-value", key = key, takes = what), hint: Some(t!("yaml-block-hint", key = key)) });
        }
        return Some(Explained { at: Some(at), message: t!("yaml-not-keys"), hint: Some(t!("yaml-line-not-key-hint")) });
    }
    None
}

/// `key:value`: a key followed by a colon with no space after it.
fn no_space_after_colon(line: &str, n: usize) -> Option<Explained> {
    let (key, colon) = key_on(line)?;
    let next = line[colon + 1..].chars().next()?;
    if next.is_whitespace() || matches!(next, ':' | '/') {
        return None;
    }
    let value = line[colon + 1..].trim_end();
    let fixed = format!("{key}: {value}");
    Some(Explained {
        at: Some(Position::new(n, column(line, colon))),
        message: t!("yaml-no-space-after-colon", key = key),
        hint: Some(t!("yaml-no-space-after-colon-hint", fixed = fixed)),
    })
}

/// A value on line `n` that opens a quote, `[` or `{` that is never closed.
fn unclosed(text: &str, lines: &[&str], n: usize) -> Option<Explained> {
    let line = lines[n - 1];
    let (key, colon) = key_on(line)?;
    let after = &line[colon + 1..];
    let start = colon + 1 + (after.len() - after.trim_start().len());
    let open = line[start..].chars().next()?;
    if !matches!(open, '"' | '\'' | '[' | '{') {
        return None;
    }
    // Where the value starts in the whole text.
    let line_start: usize = text.split_inclusive('\n').take(n - 1).map(str::len).sum();
    let from = line_start + start;
    if closes(&text[from..]) {
        return None;
    }
    let at = Some(Position::new(n, column(line, start)));
    let value = strip_comment(&line[start + open.len_utf8()..]).trim_end();
    Some(match open {
        '"' | '\'' => {
            let inner = value.trim_end_matches(open);
            Explained { at, message: t!("yaml-unclosed-quote", quote = open), hint: Some(t!("yaml-unclosed-quote-hint", fixed = format!("{key}: {open}{inner}{open}"))) }
        }
        '[' => {
            let inner = value.trim_end_matches([',', ' ']);
            Explained { at, message: t!("yaml-unclosed-list"), hint: Some(t!("yaml-unclosed-list-hint", fixed = format!("{key}: [{inner}]"))) }
        }
        _ => Explained { at, message: t!("yaml-unclosed-braces"), hint: Some(t!("yaml-unclosed-braces-hint")) },
    })
}

/// Whether the quote or bracket `s` starts with is closed somewhere in `s`
/// (brackets counted outside quotes; `''` inside single quotes is a quote).
fn closes(s: &str) -> bool {
    let mut chars = s.chars().peekable();
    let Some(open) = chars.next() else { return true };
    match open {
        '"' => {
            let mut escaped = false;
            for c in chars {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return true,
                    _ => escaped = false,
                }
            }
            false
        }
        '\'' => {
            while let Some(c) = chars.next() {
                if c == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                    } else {
                        return true;
                    }
                }
            }
            false
        }
        _ => {
            let mut depth = 1usize;
            let mut quote: Option<char> = None;
            for c in chars {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '[' | '{') => depth += 1,
                    (None, ']' | '}') => {
                        depth -= 1;
                        if depth == 0 {
                            return true;
                        }
                    }
                    _ => {}
                }
            }
            false
        }
    }
}

/// `value` in quotes, the kind that needs no escaping inside.
fn quoted(value: &str) -> String {
    if value.contains('"') { format!("'{}'", value.replace('\'', "''")) } else { format!("\"{value}\"") }
}

/// A date that YAML read as a number, written as it should be: `20270601` →
/// `2027-06-01`; `30.4` (day and month) → `30/4`.
pub fn number_read_as_date(value: &str) -> Option<String> {
    let v = value.trim();
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        let d = chrono::NaiveDate::parse_from_str(v, "%Y%m%d").ok()?;
        return Some(d.format("%Y-%m-%d").to_string());
    }
    let (d, m) = v.split_once('.')?;
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{d}/{m}"))
}

/// A date written another way than year-month-day, as year-month-day:
/// `1/6/2027`, `01.06.2027`, `1-6-2027` (day first, as Vietnamese dates
/// are written), `2027/6/1`, `20270601`. `None` if it is no date.
pub fn date_as_written(value: &str) -> Option<chrono::NaiveDate> {
    let v = value.trim();
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        return chrono::NaiveDate::parse_from_str(v, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = v.split(['/', '.', '-']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let num = |s: &str| s.parse::<u32>().ok().filter(|_| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
    let (y, m, d) = if a > 31 { (a, b, c) } else { (c, b, a) };
    if y < 1000 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The 1-based position of a spanned value, with `line_offset` lines added.
pub fn position_of<T>(s: &Spanned<T>, line_offset: usize) -> Option<Position> {
    let l = s.referenced;
    (l.line() > 0).then(|| Position::new(l.line() as usize + line_offset, l.column() as usize))
}

/// The position of the first character of a scalar's *content*: one past an
/// opening quote when the value was quoted in the source.
pub fn content_position(text: &str, pos: Option<Position>) -> Option<Position> {
    let pos = pos?;
    let off = crate::diag::byte_offset(text, pos);
    match text[off..].chars().next() {
        Some('"') | Some('\'') => Some(Position::new(pos.line, pos.column + 1)),
        _ => Some(pos),
    }
}

#[cfg(test)]
mod tests;
