//! Abbreviations and what is said for them ("UBND" → "ủy ban nhân dân"),
//! and how a word written in capitals is told from an abbreviation no list
//! knows: a Vietnamese syllable ("MỤC", "ĐÍCH") is a word and is read as
//! one; "UBND", "THCS" or "COVID" is not a Vietnamese syllable.
//!
//! The lists are the theme's `abbreviations.yaml` (one per language) and the
//! site's own (`broadcast: {abbreviations: …}` in `site.yaml`), which the
//! caller merges into one [`Abbreviations`] per language.

use std::collections::BTreeMap;

/// What is said for each abbreviation of one language, looked up as written
/// (case matters: "TP." is a city, "tp" is nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Abbreviations {
    said: BTreeMap<String, String>,
    longest: usize,
}

impl Abbreviations {
    /// A list from pairs: abbreviation as written, then what is said.
    pub fn new<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut a = Abbreviations::default();
        a.extend(pairs);
        a
    }

    /// Adds pairs, replacing what an earlier list said for the same abbreviation.
    pub fn extend<I, K, V>(&mut self, pairs: I)
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        for (k, v) in pairs {
            let k = k.into();
            self.longest = self.longest.max(k.chars().count());
            self.said.insert(k, v.into());
        }
    }

    /// What is said for `written`, if the list has it.
    pub fn get(&self, written: &str) -> Option<&str> {
        self.said.get(written).map(String::as_str)
    }

    /// The length in characters of the longest abbreviation listed.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// How many abbreviations the list has.
    pub fn len(&self) -> usize {
        self.said.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.said.is_empty()
    }
}

/// Whether a word written in capitals needs a list to be read: it has at
/// least two letters, no small letter, and (in Vietnamese) is not a
/// Vietnamese syllable.
pub fn looks_abbreviated(word: &str, vietnamese: bool) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().any(char::is_lowercase) {
        return false;
    }
    !(vietnamese && is_vietnamese_syllable(&word.to_lowercase()))
}

/// The initial consonants of Vietnamese syllables, longest first.
const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// The final consonants and semivowels a Vietnamese syllable may end with.
const FINALS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/// Whether a word (in small letters) is one Vietnamese syllable: an
/// initial consonant or none, one to three vowels, a final consonant or
/// none, at most one tone mark.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = word.nfc().collect();
    let tones = nfc.chars().filter(|&c| tone_of(c)).count();
    if tones > 1 {
        return false;
    }
    let rest = INITIALS.iter().find_map(|i| nfc.strip_prefix(i)).unwrap_or(&nfc);
    let vowels: String = rest.chars().take_while(|&c| is_vowel(c)).collect();
    let coda = &rest[vowels.len()..];
    let n = vowels.chars().count();
    (1..=3).contains(&n) && (coda.is_empty() || FINALS.contains(&coda))
}

fn base_vowel(c: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    let first = c.to_string().nfd().next()?;
    matches!(first, 'a' | 'e' | 'i' | 'o' | 'u' | 'y').then_some(first)
}

fn is_vowel(c: char) -> bool {
    base_vowel(c).is_some()
}

/// Whether a vowel carries a tone mark (acute, grave, hook, tilde, dot).
fn tone_of(c: char) -> bool {
    use unicode_normalization::UnicodeNormalization;
    c.to_string().nfd().any(|m| matches!(m, '\u{301}' | '\u{300}' | '\u{309}' | '\u{303}' | '\u{323}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_that_are_words_and_those_that_are_not() {
        for word in ["MỤC", "ĐÍCH", "YÊU", "CẦU", "NGHIÊNG", "TRẺ", "EM", "QUYỀN", "GIỜ"] {
            assert!(!looks_abbreviated(word, true), "{word} is a Vietnamese word");
        }
        for word in ["UBND", "THCS", "HĐND", "COVID", "CN", "TP", "AIDS"] {
            assert!(looks_abbreviated(word, true), "{word} is an abbreviation");
        }
        assert!(!looks_abbreviated("Hà", true));
        assert!(!looks_abbreviated("A", true));
        assert!(looks_abbreviated("IMPORTANT", false));
    }

    #[test]
    fn a_site_list_replaces_the_theme_s() {
        let mut a = Abbreviations::new([("UBND", "ủy ban nhân dân"), ("TP.", "thành phố")]);
        a.extend([("UBND", "ủy ban")]);
        assert_eq!(a.get("UBND"), Some("ủy ban"));
        assert_eq!(a.longest(), 3 + 1);
        assert_eq!(a.get("ubnd"), None);
    }
}
