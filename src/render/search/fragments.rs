//! The fragments: one JSON object per page (`{"u","t","c","a","x"}`), what a
//! result shows — its address, title, campaign, audiences and an excerpt cut
//! at words — grouped [`super::index::fragments_per_file`] to a file.

use serde::Serialize;

use super::index::Doc;

/// The fragment file of a run of (at most [`fragments_per_file`]) pages.
pub(super) fn fragment_file(run: &[&Doc], excerpt_bytes: usize) -> Vec<u8> {
    let mut bytes = vec![b'['];
    for (i, p) in run.iter().enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        bytes.extend_from_slice(&fragment(p, excerpt_bytes));
    }
    bytes.push(b']');
    bytes
}

/// `{"u":url,"t":title,"c":campaign,"a":[audience],"x":excerpt}`; `c` and
/// `a` only when there is one.
pub(super) fn fragment(page: &Doc, excerpt_bytes: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + page.url.len() + page.title.len() + page.text.len().min(excerpt_bytes * 3));
    out.extend_from_slice(b"{\"u\":");
    json_string(&mut out, &page.url);
    out.extend_from_slice(b",\"t\":");
    json_string(&mut out, &page.title);
    if let Some(c) = &page.campaign {
        out.extend_from_slice(b",\"c\":");
        json_string(&mut out, c);
    }
    if !page.audience.is_empty() {
        out.extend_from_slice(b",\"a\":");
        let _ = serde_json::to_writer(&mut out, &page.audience);
    }
    out.extend_from_slice(b",\"x\":\"");
    excerpt(&mut out, &page.text, excerpt_bytes);
    out.extend_from_slice(b"\"}");
    out
}

pub(super) fn json_string(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(out, s);
}

/// Appends to `out`, escaped for the inside of a JSON string, the words of
/// `text` within its first `max` bytes, runs of ASCII white space made one
/// space, and `…` when something was left out. A first word longer than
/// `max` is cut at a character.
pub(super) fn excerpt(out: &mut Vec<u8>, text: &str, max: usize) {
    let text = text.trim_ascii();
    let (src, cut) = if text.len() <= max {
        (text.as_bytes(), false)
    } else {
        let bytes = text.as_bytes();
        let mut end = max;
        // The last white space at or before `max`…
        while end > 0 && !bytes.get(end).is_some_and(u8::is_ascii_whitespace) {
            end -= 1;
        }
        if end == 0 {
            // …or, for one long word, the last character boundary.
            end = max;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        (bytes.get(..end).unwrap_or_default(), true)
    };
    // Copy runs of plain bytes at once; stop at white space other than a
    // single space, quotes, backslashes and control characters.
    let mut run = 0;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        if PLAIN[usize::from(b)] || b == b' ' && !src.get(i + 1).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
            continue;
        }
        out.extend_from_slice(&src[run..i]);
        if b.is_ascii_whitespace() {
            out.push(b' ');
            while src.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
        } else {
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                _ => out.extend_from_slice(format!("\\u{b:04x}").as_bytes()),
            }
            i += 1;
        }
        run = i;
    }
    out.extend_from_slice(src.get(run..).unwrap_or_default());
    if cut {
        while out.last() == Some(&b' ') {
            out.pop();
        }
        out.extend_from_slice("…".as_bytes());
    }
}

/// Bytes copied into a JSON string as they are: not quotes, backslashes,
/// spaces or control characters.
pub(super) static PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b <= 0x20 {
        t[b] = false;
        b += 1;
    }
    t[b'"' as usize] = false;
    t[b'\\' as usize] = false;
    t
};

pub(super) fn to_json(value: &impl Serialize) -> Vec<u8> {
    // Serialising these structs (strings, numbers, sequences) cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}
