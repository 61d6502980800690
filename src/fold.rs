//! Folding: the one rule that makes `duong day nong`, `ĐƯỜNG DÂY NÓNG`,
//! `đường dây nóng` and its decomposed (NFD) form the same text.
//!
//! Each character, on its own, is
//! 1. decomposed canonically (NFD: `ộ` → `o` + U+0323 + U+0302),
//! 2. lowercased (full Unicode lowercase of each part),
//! 3. stripped of every mark in the Combining Diacritical Marks block
//!    (U+0300–U+036F: the five Vietnamese tones, the circumflex, breve and horn,
//!    and the marks of other Latin-script languages),
//! 4. and `đ` (from `đ` or `Đ`) becomes `d`.
//!
//! `search.js` applies exactly the same steps (`foldChar` there); the shared
//! fixture `fold_cases.json` checks that both agree. Working one character at a
//! time (rather than normalising the whole string first) is what lets
//! [`fold_with_map`] say which original bytes each folded byte came from; for
//! every text that only has marks in U+0300–U+036F it gives the same result as
//! normalising the whole string.
//!
//! Words ([`tokens`]) are maximal runs of alphabetic or numeric characters
//! (Rust's `char::is_alphanumeric`, `[\p{Alphabetic}\p{N}]` in JavaScript) of
//! the folded text.

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::char::decompose_canonical;

/// The longest word, in characters, that is indexed or searched for; longer
/// runs (addresses, hashes, run-together text) are skipped on both sides.
pub const MAX_WORD_CHARS: usize = 30;

/// Folds `text` for search: lowercase, no tone or vowel marks, `đ` → `d`.
///
/// ```
/// assert_eq!(loa::fold::fold("ĐƯỜNG DÂY NÓNG"), "duong day nong");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Folded text that remembers where each of its bytes came from, for
/// highlighting matches in their original spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldMap {
    /// The folded text, equal to [`fold`] of the original.
    pub folded: String,
    /// For each byte of `folded`, the byte range of the original character it
    /// came from, widened over any following marks that folded to nothing
    /// (so a match on `bao` in decomposed `ba\u{323}o` covers the dot below).
    pub spans: Vec<Range<usize>>,
}

impl FoldMap {
    /// The range of the original text that the folded byte range `folded`
    /// came from; `None` when the range is empty, out of bounds or not on
    /// character boundaries of the folded text.
    pub fn original(&self, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.start >= folded.end
            || !self.folded.is_char_boundary(folded.start)
            || !self.folded.is_char_boundary(folded.end)
        {
            return None;
        }
        let first = self.spans.get(folded.start)?;
        let last = self.spans.get(folded.end - 1)?;
        Some(first.start..last.end)
    }
}

/// Folds `text` like [`fold`] and keeps, for every folded byte, the original
/// byte range it came from.
///
/// ```
/// let m = loa::fold::fold_with_map("Bạo lực");
/// assert_eq!(m.folded, "bao luc");
/// assert_eq!(&"Bạo lực"[m.original(4..7).unwrap()], "lực");
/// ```
pub fn fold_with_map(text: &str) -> FoldMap {
    let mut folded = String::with_capacity(text.len());
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let before = folded.len();
        fold_char(c, |f| folded.push(f));
        if folded.len() == before {
            // A mark (or anything else that folds to nothing): it belongs to
            // the character before it, if any.
            if let Some(start) = spans.last().map(|s| s.start) {
                for s in spans.iter_mut().rev().take_while(|s| s.start == start) {
                    s.end = end;
                }
            }
        } else {
            spans.resize(folded.len(), at..end);
        }
    }
    FoldMap { folded, spans }
}

/// Calls `push` with each character that `c` folds to (none, one or more).
#[inline]
pub fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
        return;
    }
    match table().get(c as usize).copied() {
        Some(NOTHING) => {}
        Some(SLOW) | None => fold_slow(c, &mut push),
        Some(f) => push(char::from_u32(f & !WORD).unwrap_or(c)),
    }
}

/// What a character below U+2000 folds to when it is one character (with
/// [`WORD`] set if it is a word character), or [`NOTHING`], or [`SLOW`]: the
/// decomposition tables are the slow part of folding Vietnamese text.
pub(crate) fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|i| match char::from_u32(i) {
                None => SLOW,
                Some(c) => {
                    let mut out = Vec::new();
                    fold_slow(c, &mut |f| out.push(f));
                    match out.as_slice() {
                        [] => NOTHING,
                        [f] => *f as u32 | if is_word_char(*f) { WORD } else { 0 },
                        _ => SLOW,
                    }
                }
            })
            .collect()
    })
}

/// In [`table`]: the character folds to nothing.
pub(crate) const NOTHING: u32 = u32::MAX;
/// In [`table`]: fold with [`fold_char`].
pub(crate) const SLOW: u32 = u32::MAX - 1;
/// In [`table`]: the flag of a folded character that is a word character.
pub(crate) const WORD: u32 = 1 << 30;
const TABLE_END: u32 = 0x2000;

fn fold_slow(c: char, push: &mut impl FnMut(char)) {
    decompose_canonical(c, |d| {
        for l in d.to_lowercase() {
            if is_stripped_mark(l) {
                continue;
            }
            push(if l == 'đ' { 'd' } else { l });
        }
    });
}

/// Whether `c` is one of the marks that folding removes (U+0300–U+036F).
pub fn is_stripped_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether `c` (already folded) can be part of a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

/// The words of already-folded text, with their byte ranges; words longer
/// than [`MAX_WORD_CHARS`] are skipped.
pub fn tokens(folded: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut rest = folded.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            // Skip separators.
            let (start, _) = loop {
                let (i, c) = rest.next()?;
                if is_word_char(c) {
                    break (i, c);
                }
            };
            let mut end = folded.len();
            let mut chars = 1;
            while let Some(&(i, c)) = rest.peek() {
                if !is_word_char(c) {
                    end = i;
                    break;
                }
                chars += 1;
                rest.next();
            }
            if chars <= MAX_WORD_CHARS {
                return Some((start..end, &folded[start..end]));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every Vietnamese letter with a mark, in lower case, with what it folds to.
    pub(crate) const LETTERS: &[(&str, &str)] = &[
        ("a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ", "a"),
        ("e è é ẻ ẽ ẹ ê ề ế ể ễ ệ", "e"),
        ("i ì í ỉ ĩ ị", "i"),
        ("o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ", "o"),
        ("u ù ú ủ ũ ụ ư ừ ứ ử ữ ự", "u"),
        ("y ỳ ý ỷ ỹ ỵ", "y"),
        ("đ d", "d"),
    ];

    #[test]
    fn every_vietnamese_letter_in_every_form() {
        let mut n = 0;
        for (letters, base) in LETTERS {
            for l in letters.split(' ') {
                let upper = l.to_uppercase();
                for form in [l.to_owned(), upper.clone()] {
                    let nfc: String = form.nfc().collect();
                    let nfd: String = form.nfd().collect();
                    assert_eq!(nfc.chars().count(), 1, "{form} is one character in NFC");
                    for f in [&nfc, &nfd] {
                        assert_eq!(fold(f), *base, "{f:?} ({})", f.escape_unicode());
                        let m = fold_with_map(f);
                        assert_eq!(m.folded, *base);
                        assert_eq!(m.original(0..1), Some(0..f.len()), "{f:?} maps back whole");
                        n += 1;
                    }
                }
            }
        }
        // The 73 letters of the alphabet's vowels and đ, plus d, in two cases and two forms.
        assert_eq!(n, 74 * 4);
    }

    #[test]
    fn phrases_fold_alike() {
        let want = "duong day nong";
        for q in ["duong day nong", "ĐƯỜNG DÂY NÓNG", "đường dây nóng", "Đường Dây Nóng"] {
            assert_eq!(fold(q), want);
            assert_eq!(fold(&q.nfd().collect::<String>()), want);
        }
        assert_eq!(fold("Bạo lực, XÂM HẠI"), "bao luc, xam hai");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Ǆ"), "ǆ");
        assert_eq!(fold("日本"), "日本");
    }

    #[test]
    fn fold_equals_whole_string_normalisation_for_vietnamese() {
        let s = "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111: Ngày toàn dân phòng, chống mua bán người";
        let whole: String = s
            .nfd()
            .flat_map(char::to_lowercase)
            .filter(|c| !is_stripped_mark(*c))
            .map(|c| if c == 'đ' { 'd' } else { c })
            .collect();
        assert_eq!(fold(s), whole);
    }

    #[test]
    fn table_matches_slow_path() {
        for i in 0..TABLE_END {
            if let Some(c) = char::from_u32(i) {
                let mut a = String::new();
                let mut b = String::new();
                fold_char(c, |f| a.push(f));
                fold_slow(c, &mut |f| b.push(f));
                assert_eq!(a, b, "U+{i:04X}");
            }
        }
    }

    #[test]
    fn map_points_at_original_spelling() {
        for text in ["Gọi đường dây nóng 111 khi thấy bạo lực", "Gọi đường dây nóng 111 khi thấy bạo lực".nfd().collect::<String>().as_str()] {
            let m = fold_with_map(text);
            assert_eq!(m.folded, "goi duong day nong 111 khi thay bao luc");
            assert_eq!(m.spans.len(), m.folded.len());
            let find = |w: &str| {
                let at = m.folded.find(w).expect("word is there");
                m.original(at..at + w.len()).map(|r| text[r].nfc().collect::<String>())
            };
            assert_eq!(find("duong day nong").as_deref(), Some("đường dây nóng"));
            assert_eq!(find("bao luc").as_deref(), Some("bạo lực"));
            assert_eq!(find("111").as_deref(), Some("111"));
        }
        assert_eq!(fold_with_map("").original(0..1), None);
        // A leading mark has no letter to belong to.
        assert_eq!(fold_with_map("\u{301}a").original(0..1), Some(2..3));
    }

    #[test]
    fn words() {
        let f = fold("Quyết định 1863/QĐ-TTg, “bạo lực”…");
        let w: Vec<&str> = tokens(&f).map(|(_, w)| w).collect();
        assert_eq!(w, ["quyet", "dinh", "1863", "qd", "ttg", "bao", "luc"]);
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(tokens(&format!("x {long} y")).map(|(_, w)| w).collect::<Vec<_>>(), ["x", "y"]);
    }

    /// Text that both folds must agree on, beyond the letter table.
    const PHRASES: &[&str] = &[
        "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (24/24, miễn phí)",
        "ĐƯỜNG DÂY NÓNG", "duong day nong", "Đường Dây Nóng", "bạo lực, xâm hại!", "BẠO LỰC GIA ĐÌNH",
        "Quyết định 1863/QĐ-TTg và Chỉ thị 23/CT-TTg", "024.3525.662", "e-mail: lienhe@hanoi.example",
        "hoà/hòa, thuỷ/thủy, kỹ/kĩ", "Tết Trung thu 15/8 âm lịch", "  khoảng   trắng\t\nvà\u{a0}xuống dòng ",
        "“ngoặc kép” «chevrons» — gạch ngang… ba chấm", "COVID-19", "A\u{301}B\u{323}\u{302}C", "\u{301}dấu đứng đầu",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbb", "İstanbul", "Straße", "ΟΔΥΣΣΕΥΣ", "ﬁnal ligature", "Ǆemal",
        "日本語のテキスト", "한국어", "हिन्दी", "ภาษาไทย", "العَرَبِيَّة", "emoji 👍🏽 ok", "Ⅻ ½ ²",
    ];

    /// The shared fixture for search.js: what `fold` and `tokens` give.
    fn fixture() -> String {
        let mut inputs: Vec<String> = Vec::new();
        for (letters, _) in LETTERS {
            for l in letters.split(' ') {
                for form in [l.to_owned(), l.to_uppercase()] {
                    inputs.push(form.nfc().collect());
                    inputs.push(form.nfd().collect());
                }
            }
        }
        let ranges = [0x20..0x250, 0x300..0x370, 0x370..0x400, 0x400..0x500, 0x1e00..0x1f00, 0x2000..0x2070, 0x2c60..0x2c80];
        for r in ranges {
            inputs.extend(r.filter_map(char::from_u32).map(String::from));
        }
        let line = |v: serde_json::Value| v.to_string();
        let folds: Vec<String> = inputs.iter().map(|i| line(serde_json::json!([i, fold(i)]))).collect();
        let words: Vec<String> = PHRASES
            .iter()
            .map(|p| {
                let f = fold(p);
                let w: Vec<&str> = tokens(&f).map(|(_, w)| w).collect();
                line(serde_json::json!([p, f, w]))
            })
            .collect();
        format!(
            "{{\"about\": \"Generated by `LOA_BLESS=1 cargo test fold_cases`: [input, fold(input)] and [input, fold(input), words]; fold.test.mjs checks search.js against it.\",\n\"fold\": [\n{}\n],\n\"words\": [\n{}\n]}}\n",
            folds.join(",\n"),
            words.join(",\n")
        )
    }

    #[test]
    fn fold_cases_fixture_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fold_cases.json");
        let want = fixture();
        if std::env::var_os("LOA_BLESS").is_some() {
            std::fs::write(&path, &want).expect("write fold_cases.json");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(have == want, "fold_cases.json is stale: run LOA_BLESS=1 cargo test fold_cases");
    }
}
