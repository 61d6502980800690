//! Text for the terminal: what loa prints to stdout and stderr.
//!
//! File names, quoted lines and site values reach messages as written; a
//! file named with an escape sequence (`ESC ] 0 ; …`) or a line holding one
//! could retitle the terminal, hide text, or move the cursor over what loa
//! said. Before anything is printed, every character a terminal would act
//! on instead of show — C0 and C1 controls but the line break and the tab,
//! DEL, and the bidirectional overrides and isolates that reorder what is
//! shown (the "Trojan Source" characters) — is written as its Rust escape,
//! `\u{1b}`, so staff see that it is there and where.

use std::borrow::Cow;

/// Whether `c` would be acted on by a terminal rather than shown.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// `text` with every character a terminal would act on written as `\u{…}`.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text (as `serde_json` writes it) with every character a terminal
/// would act on written as a JSON escape, `\u001b`: still the same JSON
/// for any reader, safe to print. (`serde_json` escapes C0 controls itself,
/// but not DEL, C1 controls or bidirectional overrides.)
pub fn safe_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_unsafe(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_are_shown_not_acted_on() {
        assert_eq!(safe("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(safe("tab\tand\nline"), "tab\tand\nline");
        assert_eq!(safe("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(safe("abc\u{202e}def"), "abc\\u{202e}def");
        assert!(matches!(safe("Tháng hành động"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_the_same_json() {
        let value = serde_json::json!({"title": "a\u{7f}b\u{9b}c\u{202e}d\u{1b}e\n"});
        let text = serde_json::to_string(&value).unwrap();
        let shown = safe_json(&text);
        assert!(!shown.chars().any(is_unsafe));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&shown).unwrap(), value);
    }

    proptest! {
        /// Whatever the text, what is printed holds no character a terminal
        /// acts on, and every other character is kept in order.
        #[test]
        fn nothing_a_terminal_acts_on(text in any::<String>()) {
            let shown = safe(&text);
            prop_assert!(!shown.chars().any(is_unsafe));
            // Every character shown as is stays, in order.
            let mut rest = shown.chars();
            for c in text.chars().filter(|c| !is_unsafe(*c)) {
                prop_assert!(rest.any(|s| s == c), "{c:?} lost");
            }
        }
    }
}
