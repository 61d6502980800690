//! Slugs: the ASCII names loa derives from text for heading anchors
//! (`## Đường dây nóng` → `#duong-day-nong`) and suggests for file and id
//! names. Accents and marks are dropped, `đ` becomes `d`, anything else that
//! is not a letter or digit becomes a hyphen (the `slug` crate, which
//! transliterates with `deunicode`).

/// A heading anchor from the heading's text: `Đường dây nóng` → `duong-day-nong`;
/// `muc` ("section") when nothing is left.
pub fn anchor(text: &str) -> String {
    let s = ::slug::slugify(text);
    if s.is_empty() { "muc".to_owned() } else { s }
}

/// The name to suggest for an id or file name written with other characters:
/// `Bad Id` → `bad-id`.
pub fn suggest(text: &str) -> String {
    ::slug::slugify(text)
}

/// Whether `s` is a valid id or page name: non-empty, `a-z`, `0-9` and `-`.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_anchors() {
        assert_eq!(anchor("Đường dây nóng"), "duong-day-nong");
        assert_eq!(anchor("Gọi 111 ngay!"), "goi-111-ngay");
        assert_eq!(anchor("★"), "muc");
        assert_eq!(suggest("Bad Id"), "bad-id");
        assert!(is_valid("thang-6") && !is_valid("") && !is_valid("Tháng") && !is_valid("a_b"));
    }
}
