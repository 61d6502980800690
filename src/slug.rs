//! Slugs: the ASCII names loa derives from text — a page's URL name from its
//! file name as people write it (`Phòng chống xâm hại.md` →
//! `phong-chong-xam-hai`), heading anchors (`## Đường dây nóng` →
//! `#duong-day-nong`), and names it suggests for ids. Tone and vowel marks go
//! and `đ` becomes `d` (the folding of search, [`crate::fold`]); anything
//! else that is not a letter or digit becomes a hyphen. Heading anchors use
//! the `slug` crate, which transliterates other scripts too (`deunicode`).

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

/// A page's URL name from its file name (without `.md`) or any title:
/// folded (no marks, `đ` → `d`, lowercase), every run of other characters a
/// hyphen; letters of other scripts are transliterated. Empty when nothing
/// is left.
pub fn from_name(name: &str) -> String {
    let folded = crate::fold::fold(name);
    let ascii: String = if folded.is_ascii() { folded } else { ::slug::slugify(&folded) };
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
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

    #[test]
    fn page_names_as_people_write_them() {
        assert_eq!(from_name("Phòng chống xâm hại"), "phong-chong-xam-hai");
        assert_eq!(from_name("Đường dây nóng 111 – Đừng im lặng!"), "duong-day-nong-111-dung-im-lang");
        assert_eq!(from_name("Quyết định 1863/QĐ-TTg"), "quyet-dinh-1863-qd-ttg");
        assert_eq!(from_name("  Năm 2027.  Ưu tiên trẻ em "), "nam-2027-uu-tien-tre-em");
        assert_eq!(from_name("cach-bao-tin"), "cach-bao-tin");
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Phòng chống xâm hại").collect();
        assert_eq!(from_name(&nfd), "phong-chong-xam-hai");
        assert_eq!(from_name("★ ☆"), "");
        assert!(is_valid(&from_name("Tháng 6 — Hà Nội")));
    }
}
