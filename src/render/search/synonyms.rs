//! Words a reader may search for in place of one another: `phụ huynh` finds
//! the pages that say `cha mẹ`, `tờ rơi` those that say `ấn phẩm`. Groups
//! come from the theme (`synonyms.yaml`, per language) and from `site.yaml`
//! (`search: {synonyms: …}`, every language).
//!
//! Applied when the index is made, not when a reader searches: a page that
//! holds one phrase of a group is also indexed under the words of the
//! group's other phrases, at the lowest body level (so a page that uses the
//! reader's own word ranks first). The index's format and the search
//! script stay as they are, and a query costs what it did.

use rustc_hash::FxHashMap;

use super::terms::{words, Word};
use crate::fold::{fold, tokens};

/// Folded groups of phrases, found by their first word.
#[derive(Debug, Default)]
pub struct Synonyms {
    /// Each group: its phrases, each as folded words.
    groups: Vec<Vec<Vec<String>>>,
    /// For a folded first word, the (group, phrase) that start with it:
    /// looked up for every word of every page, so with a fast hash.
    by_first: FxHashMap<Box<[u8]>, Vec<(usize, usize)>>,
}

impl Synonyms {
    /// The groups as written (`[phụ huynh, cha mẹ]`), folded; phrases
    /// without a word and groups of fewer than two phrases are left out.
    pub fn new<'g>(groups: impl IntoIterator<Item = &'g [String]>) -> Self {
        let mut out = Synonyms::default();
        for group in groups {
            let mut phrases: Vec<Vec<String>> = group
                .iter()
                .map(|p| {
                    let folded = fold(p);
                    tokens(&folded).map(|(_, w)| w.to_owned()).collect::<Vec<_>>()
                })
                .filter(|words| !words.is_empty())
                .collect();
            let mut seen = std::collections::HashSet::new();
            phrases.retain(|words| seen.insert(words.clone()));
            if phrases.len() < 2 {
                continue;
            }
            let g = out.groups.len();
            for (i, words) in phrases.iter().enumerate() {
                out.by_first.entry(words[0].as_bytes().into()).or_default().push((g, i));
            }
            out.groups.push(phrases);
        }
        out
    }

    /// Whether there is no group.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The groups, folded, for the key of the index's inputs.
    pub fn groups(&self) -> &[Vec<Vec<String>>] {
        &self.groups
    }

    /// The words to index a page under besides its own: for every group one
    /// of whose phrases appears in `texts` (as whole words, in order), the
    /// words of the group's other phrases, separated by spaces. Empty when
    /// no group applies.
    ///
    /// It reads every page's whole text, so in one pass, as the index does
    /// ([`words`]): each word may start phrases (found by their first word)
    /// and carries on those started before it.
    pub fn also<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> String {
        if self.groups.is_empty() {
            return String::new();
        }
        // Phrases found, as (group, phrase), each once (a page may say one
        // a thousand times); phrases under way, as (group, phrase, words
        // matched so far).
        let mut hit: Vec<(usize, usize)> = Vec::new();
        let found = |hit: &mut Vec<(usize, usize)>, phrase: (usize, usize)| {
            if !hit.contains(&phrase) {
                hit.push(phrase);
            }
        };
        let mut open: Vec<(usize, usize, usize)> = Vec::new();
        let mut word = Word::default();
        for text in texts {
            open.clear();
            words(text, &mut word, |w| {
                w.with_bytes(|w| {
                    open.retain_mut(|(g, i, k)| {
                        let phrase = &self.groups[*g][*i];
                        if phrase.get(*k).is_none_or(|p| p.as_bytes() != w) {
                            return false;
                        }
                        *k += 1;
                        if *k == phrase.len() {
                            found(&mut hit, (*g, *i));
                            return false;
                        }
                        true
                    });
                    for &(g, i) in self.by_first.get(w).map_or(&[][..], Vec::as_slice) {
                        if self.groups[g][i].len() == 1 {
                            found(&mut hit, (g, i));
                        } else {
                            open.push((g, i, 1));
                        }
                    }
                });
            });
        }
        let mut out = String::new();
        for (g, group) in self.groups.iter().enumerate() {
            if !hit.iter().any(|&(hg, _)| hg == g) {
                continue;
            }
            for (i, phrase) in group.iter().enumerate() {
                if hit.contains(&(g, i)) {
                    continue;
                }
                for w in phrase {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(g: &[&[&str]]) -> Synonyms {
        let owned: Vec<Vec<String>> = g.iter().map(|p| p.iter().map(|s| (*s).to_owned()).collect()).collect();
        Synonyms::new(owned.iter().map(Vec::as_slice))
    }

    #[test]
    fn a_phrase_brings_the_others() {
        let s = groups(&[&["phụ huynh", "cha mẹ", "bố mẹ"], &["tờ rơi", "ấn phẩm"]]);
        assert_eq!(s.also(["Hướng dẫn cho CHA MẸ và người chăm sóc"]), "phu huynh bo me");
        assert_eq!(s.also(["Ấn phẩm in"]), "to roi");
        // Both phrases there: nothing to add for that group.
        assert_eq!(s.also(["tờ rơi và ấn phẩm"]), "");
    }

    #[test]
    fn whole_words_in_order_only() {
        let s = groups(&[&["tờ rơi", "ấn phẩm"]]);
        // `rồi` folds to `roi`, `tờ` to `to`: apart, or in another order, they are no phrase.
        assert_eq!(s.also(["Tô màu tờ giấy rồi gấp lại"]), "");
        assert_eq!(s.also(["rơi tờ"]), "");
        assert_eq!(s.also(["tờ rơiii"]), "");
        // Split across two texts (title, body) is no phrase either.
        assert_eq!(s.also(["Một tờ", "rơi"]), "");
    }

    /// `also` as it reads: folds each text, cuts it into words, and tries
    /// every phrase at every word.
    fn also_by_the_book(s: &Synonyms, texts: &[String]) -> String {
        let mut hit: Vec<Vec<bool>> = s.groups.iter().map(|g| vec![false; g.len()]).collect();
        for text in texts {
            let folded = fold(text);
            let words: Vec<&str> = tokens(&folded).map(|(_, w)| w).collect();
            for at in 0..words.len() {
                for (g, group) in s.groups.iter().enumerate() {
                    for (i, phrase) in group.iter().enumerate() {
                        if words.get(at..at + phrase.len()).is_some_and(|run| run.iter().zip(phrase).all(|(a, b)| a == b)) {
                            hit[g][i] = true;
                        }
                    }
                }
            }
        }
        let mut out: Vec<&str> = Vec::new();
        for (g, found) in hit.iter().enumerate() {
            if found.contains(&true) {
                out.extend(s.groups[g].iter().zip(found).filter(|(_, f)| !**f).flat_map(|(p, _)| p.iter().map(String::as_str)));
            }
        }
        out.join(" ")
    }

    proptest::proptest! {
        /// Whatever the groups and the texts, the one-pass reading adds what
        /// trying every phrase at every word adds. The words are drawn from
        /// a few syllables so that phrases are often found, overlap, repeat,
        /// start alike and run into one another.
        #[test]
        fn one_pass_finds_what_every_place_finds(
            groups_in in proptest::collection::vec(proptest::collection::vec("(tờ|rơi|Tờ|ấn|phẩm|an|to|x)( (tờ|rơi|ấn|phẩm|an|to|x)){0,2}", 1..4), 1..4),
            texts in proptest::collection::vec("((tờ|TỜ|rơi|rồi|ấn|phẩm|an|to|x|yy)[ ,.]{1,2}){0,12}", 1..3),
        ) {
            let owned: Vec<Vec<String>> = groups_in;
            let s = Synonyms::new(owned.iter().map(Vec::as_slice));
            proptest::prop_assert_eq!(s.also(texts.iter().map(String::as_str)), also_by_the_book(&s, &texts));
        }
    }

    #[test]
    fn groups_without_two_phrases_are_dropped() {
        let s = groups(&[&["một"], &["", "  ", "x"], &["a", "A"]]);
        assert!(s.is_empty(), "{s:?}");
    }
}
