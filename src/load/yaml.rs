//! YAML parsing with located errors, on top of `serde-saphyr`.
//!
//! `serde_yaml` is archived and flagged unmaintained (RUSTSEC-2024-0320), so loa
//! reads YAML with `serde-saphyr`: serde-based, no unsafe code, and its
//! [`Spanned`] wrapper keeps the line and column of each value so that semantic
//! errors (a bad `when`, an unknown language) can point at their column.

use std::path::Path;

use serde::de::DeserializeOwned;
pub use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Position};

/// Parses `text` (the contents of `file`) as YAML into `T`.
///
/// `line_offset` is the number of lines before the YAML in its file (front matter
/// starts after the opening `---`), so reported lines are the file's own.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str, line_offset: usize) -> Result<T, Diagnostic> {
    // A tab in the indentation is the commonest YAML mistake; the parser reports it
    // at the previous value, so find it ourselves.
    for (i, line) in text.lines().enumerate() {
        let indent: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if let Some(col) = indent.find('\t') {
            return Err(Diagnostic::error(file, Some(Position::new(i + 1 + line_offset, col + 1)), "a tab is used for indentation")
                .with_hint("YAML indents with spaces, not tabs: replace the tab with spaces"));
        }
    }
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let position = e.location().map(|l| Position::new(l.line() as usize + line_offset, l.column() as usize));
        let options = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
        let mut message = e.without_snippet().render_with_options(options);
        // The plain rendering ends with its own "at line X column Y"; we print the
        // location in front, like every other diagnostic.
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
            let key = rest.split(',').next().unwrap_or(rest).trim();
            let d = Diagnostic::error(file, position, format!("the key `{key}` is given twice"))
                .with_hint("keep one of them: a later value would silently replace the first");
            return d;
        }
        let hint = hint_for(&message);
        let mut d = Diagnostic::error(file, position, message.trim().to_owned());
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        d
    })
}

/// A hint for the YAML mistakes that non-programmers make most.
fn hint_for(message: &str) -> Option<String> {
    let m = message.to_lowercase();
    if m.contains("unknown field") {
        Some("check the spelling of the key; the README lists every key this file accepts".into())
    } else if m.contains("missing field") {
        Some("add the missing key; the README lists the required ones".into())
    } else if m.contains("mapping values are not allowed") || m.contains("did not find expected") {
        Some("a value that contains ': ' or starts with a special character must be put in quotes".into())
    } else if m.contains(" tab") {
        Some("YAML indents with spaces, not tabs".into())
    } else {
        None
    }
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
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        when: Spanned<String>,
    }

    #[test]
    fn unknown_field_is_located() {
        let err = parse::<T>(Path::new("x.yaml"), "title: a\ntittle: b\nwhen: c\n", 0).unwrap_err();
        assert_eq!(err.position.map(|p| p.line), Some(2), "{err:?}");
        assert!(err.message.contains("tittle"), "{}", err.message);
        assert!(!err.message.contains("at line"), "{}", err.message);
    }

    #[test]
    fn spans_give_value_columns() {
        let text = "title: a\nwhen: \"1/6\"\n";
        let t: T = parse(Path::new("x.yaml"), text, 0).unwrap();
        let p = content_position(text, position_of(&t.when, 0)).unwrap();
        assert_eq!((p.line, p.column), (2, 8));
    }
}
