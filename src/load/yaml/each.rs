//! Reading a YAML text key by key when it does not read whole, so that one
//! mistake hides no other ([`parse_each_key`]).

use std::path::Path;

use serde::de::DeserializeOwned;

use super::{key_on, parse, Takes};
use crate::diag::{Diagnostic, Position};
use crate::t;

/// What [`parse_each_key`] read of a text that does not read whole.
#[derive(Debug)]
pub struct Parts<T> {
    /// Each top-level key that reads alone, as a `T` holding that key only.
    pub read: Vec<T>,
    /// The keys that do not read alone.
    pub failed: std::collections::BTreeSet<String>,
    /// One error for each of them and for each key written twice (the
    /// second is left out); the whole text's error when every key reads.
    pub errors: Vec<Diagnostic>,
}

/// Parses `text` as [`parse`] does; when it does not read whole, reads each
/// top-level key alone (its line and the indented lines under it, every
/// other line left empty so that lines and columns stay the file's own), so
/// one mistake hides no other: the keys that read are kept and each key
/// that does not gives its own error.
pub fn parse_each_key<T: DeserializeOwned>(file: &Path, text: &str, line_offset: usize, takes: Takes) -> Result<T, Parts<T>> {
    let whole = match parse::<T>(file, text, line_offset, takes) {
        Ok(t) => return Ok(t),
        Err(d) => d,
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // A key at the top level starts at the first column; what is indented,
    // blank or a comment belongs to the key above.
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].starts_with(|c: char| !c.is_whitespace() && c != '#')).collect();
    let mut parts = Parts { read: Vec::new(), failed: std::collections::BTreeSet::new(), errors: Vec::new() };
    let mut seen = std::collections::BTreeSet::new();
    for (k, &start) in starts.iter().enumerate() {
        // A key written twice: said at the second, which is left out.
        if let Some((key, _)) = key_on(lines[start])
            && !seen.insert(key)
        {
            let at = Position::new(start + 1 + line_offset, 1);
            parts.errors.push(Diagnostic::error(file, Some(at), t!("yaml-duplicate-key", key = key)).with_hint(t!("yaml-duplicate-key-hint")));
            continue;
        }
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let only: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if (start..end).contains(&i) { l } else { &l[l.trim_end_matches(['\r', '\n']).len()..] })
            .collect();
        match parse::<T>(file, &only, line_offset, takes) {
            Ok(t) => parts.read.push(t),
            Err(d) => {
                parts.failed.insert(key_on(lines[start]).map_or_else(|| lines[start].trim().to_owned(), |(k, _)| k.to_owned()));
                parts.errors.push(d);
            }
        }
    }
    // Every key reads alone, yet the whole does not: the whole's error.
    if parts.errors.is_empty() {
        parts.errors.push(whole);
    }
    Err(parts)
}
