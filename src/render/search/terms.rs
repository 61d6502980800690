//! Inversion: pages → terms → postings. Each page's words are folded
//! ([`crate::fold`]: marks, đ, case) and counted by where they stand (title,
//! heading, body), then every term gets its pages in order, with levels.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::hashing::{Fx, SEED};
use super::index::{parallel_map, Doc};
use crate::fold::{MAX_WORD_CHARS, NOTHING, SLOW, WORD, fold_char, is_word_char, table};

/// How one term appears on one page.
#[derive(Clone, Copy, Default)]
pub(super) struct Seen {
    title: bool,
    heading: bool,
    body: u32,
}

/// One page's terms: ids in its worker's vocabulary, each with its level
/// ([`level`]).
pub(super) struct PageTerms {
    terms: Vec<(u32, u8)>,
}

/// Words numbered in order of first sight. Most words are short (a
/// Vietnamese syllable folds to at most 7 ASCII letters), so words of up to 8
/// bytes are looked up as one `u64`, first in a small direct-mapped cache
/// (words follow Zipf's law: a few are most of the text), then in a map.
pub(super) struct Vocabulary {
    cache: Vec<(u64, u32)>,
    short: HashMap<u64, u32, BuildHasherDefault<Fx>>,
    long: HashMap<Box<[u8]>, u32, BuildHasherDefault<Fx>>,
    words: Vec<Box<str>>,
}

pub(super) const CACHE_BITS: u32 = 12;

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary { cache: vec![(0, 0); 1 << CACHE_BITS], short: HashMap::default(), long: HashMap::default(), words: Vec::new() }
    }
}

impl Vocabulary {
    /// The id of `word`.
    fn id(&mut self, word: &Word) -> u32 {
        let key = word.key;
        if word.len <= 8 {
            let slot = (key.wrapping_mul(SEED) >> (64 - CACHE_BITS)) as usize;
            if let Some(&(k, id)) = self.cache.get(slot)
                && k == key
            {
                return id;
            }
            let id = match self.short.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.push(word.bytes(&key.to_le_bytes()));
                    self.short.insert(key, id);
                    id
                }
            };
            if let Some(s) = self.cache.get_mut(slot) {
                *s = (key, id);
            }
            id
        } else {
            if let Some(&id) = self.long.get(word.long.as_slice()) {
                return id;
            }
            let id = self.push(&word.long);
            self.long.insert(word.long.as_slice().into(), id);
            id
        }
    }

    /// The id of a word read back from another vocabulary.
    fn id_of(&mut self, word: &str) -> u32 {
        let mut w = Word::default();
        for &b in word.as_bytes() {
            w.push_byte(b);
        }
        w.chars = word.chars().count();
        self.id(&w)
    }

    fn push(&mut self, word: &[u8]) -> u32 {
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.push(String::from_utf8_lossy(word).into());
        id
    }
}

/// One worker's pass over a run of pages.
#[derive(Default)]
pub(super) struct Worker {
    vocabulary: Vocabulary,
    seen: Vec<Seen>,
    touched: Vec<u32>,
    word: Word,
    pages: Vec<PageTerms>,
}

#[derive(Clone, Copy)]
enum Field {
    Title,
    Heading,
    Body,
}

impl Worker {
    fn page(&mut self, page: &Doc) {
        self.field(&page.title, Field::Title);
        for h in &page.headings {
            self.field(h, Field::Heading);
        }
        let body_len = self.field(&page.text, Field::Body);
        if let Some(c) = &page.campaign {
            self.field(c, Field::Body);
        }
        if !page.also.is_empty() {
            self.field(&page.also, Field::Body);
        }
        if !page.also_title.is_empty() {
            self.field(&page.also_title, Field::Title);
        }
        let mut terms = Vec::with_capacity(self.touched.len());
        for &id in &self.touched {
            if let Some(seen) = self.seen.get_mut(id as usize) {
                terms.push((id, level(std::mem::take(seen), body_len)));
            }
        }
        self.touched.clear();
        self.pages.push(PageTerms { terms });
    }

    /// Counts the words of `text` in `field`; returns how many there were.
    fn field(&mut self, text: &str, field: Field) -> u32 {
        let mut word = std::mem::take(&mut self.word);
        let mut n = 0u32;
        words(text, &mut word, |w| n += self.count(w, field));
        self.word = word;
        n
    }

    /// Counts one word seen in `field`; 0 if it is too long to be a word.
    fn count(&mut self, word: &Word, field: Field) -> u32 {
        if word.chars > MAX_WORD_CHARS {
            return 0;
        }
        let id = self.vocabulary.id(word);
        let i = id as usize;
        if i >= self.seen.len() {
            self.seen.resize(i + 1, Seen::default());
        }
        let seen = &mut self.seen[i];
        if !seen.title && !seen.heading && seen.body == 0 {
            self.touched.push(id);
        }
        match field {
            Field::Title => seen.title = true,
            Field::Heading => seen.heading = true,
            Field::Body => seen.body = seen.body.saturating_add(1),
        }
        1
    }
}

/// Calls `each` with every word of `text`, folded, in order: the words of
/// [`crate::fold::tokens`] of [`crate::fold::fold`]`(text)`, read in one pass
/// without making the folded text. ASCII (most bytes, even in Vietnamese)
/// takes the short way, then the table of fold.rs. `word` is the buffer the
/// words are read into (kept by the caller, so a long word's bytes are not
/// allocated again for every text).
pub(super) fn words(text: &str, word: &mut Word, mut each: impl FnMut(&Word)) {
    let table = table();
    word.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let class = ASCII[usize::from(b)];
        if class != NON_ASCII {
            i += 1;
            if class != SEPARATOR {
                word.push_byte(class);
                word.chars += 1;
            } else if !word.is_empty() {
                each(word);
                word.clear();
            }
            continue;
        }
        let (c, len) = decode(bytes, i);
        i += len;
        match table.get(c as usize).copied() {
            Some(NOTHING) => {}
            Some(f) if f != SLOW && f & WORD != 0 => word.push_char(char::from_u32(f & !WORD).unwrap_or(c)),
            Some(f) if f != SLOW => {
                if !word.is_empty() {
                    each(word);
                    word.clear();
                }
            }
            _ => fold_char(c, |f| {
                if is_word_char(f) {
                    word.push_char(f);
                } else if !word.is_empty() {
                    each(word);
                    word.clear();
                }
            }),
        }
    }
    if !word.is_empty() {
        each(word);
        word.clear();
    }
}

/// For each byte: its folded self if it is an ASCII letter or digit,
/// [`SEPARATOR`] for other ASCII, [`NON_ASCII`] for the rest.
pub(super) static ASCII: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { SEPARATOR };
        b += 1;
    }
    t
};

pub(super) const SEPARATOR: u8 = 0;

pub(super) const NON_ASCII: u8 = 0xff;

/// The character whose UTF-8 encoding starts at `bytes[i]` (a byte of at
/// least 0x80, in valid UTF-8) and its length in bytes.
#[inline]
pub(super) fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = u32::from(bytes[i]);
    let next = |k: usize| bytes.get(i + k).map_or(0, |b| u32::from(b & 0x3f));
    let (c, len) = if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | next(1), 2)
    } else if b0 < 0xf0 {
        (((b0 & 0x0f) << 12) | (next(1) << 6) | next(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3), 4)
    };
    (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), len)
}

/// The folded word being read: its first 8 bytes as one number (zero-padded;
/// a word has no NUL byte, so keys of short words are distinct and never 0),
/// all its bytes once it is longer than that, its length in bytes and in
/// characters.
#[derive(Default)]
pub(super) struct Word {
    key: u64,
    long: Vec<u8>,
    len: usize,
    chars: usize,
}

impl Word {
    #[inline]
    fn push_byte(&mut self, b: u8) {
        if self.len < 8 {
            self.key |= u64::from(b) << (8 * self.len);
        } else {
            if self.len == 8 {
                self.long.clear();
                self.long.extend_from_slice(&self.key.to_le_bytes());
            }
            self.long.push(b);
        }
        self.len += 1;
    }

    #[inline]
    fn push_char(&mut self, c: char) {
        if c.is_ascii() {
            self.push_byte(c as u8);
            self.chars += 1;
            return;
        }
        let mut utf8 = [0u8; 4];
        for &b in c.encode_utf8(&mut utf8).as_bytes() {
            self.push_byte(b);
        }
        self.chars += 1;
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `f` of the word's bytes.
    #[inline]
    pub(super) fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        let key = self.key.to_le_bytes();
        f(self.bytes(&key))
    }

    /// The word's bytes; `key` holds them when there are at most 8.
    fn bytes<'a>(&'a self, key: &'a [u8; 8]) -> &'a [u8] {
        if self.len <= 8 { key.get(..self.len).unwrap_or_default() } else { &self.long }
    }

    fn clear(&mut self) {
        self.key = 0;
        self.len = 0;
        self.chars = 0;
    }
}

/// One term's postings in order of page ids, each [`posting`]`(page, level)`.
pub(super) type Postings = Vec<u32>;

/// A posting packed in four bytes: the page id times 16 plus the level
/// (0–15), as the shards write it but for the gap. Page ids are below 2²⁸
/// (268 million pages), far more than any site loa can hold in memory.
#[inline]
pub(super) fn posting(page: u32, level: u8) -> u32 {
    (page << 4) | u32::from(level & 15)
}

/// The page id of a [`posting`].
#[inline]
pub(super) fn page_of(posting: u32) -> u32 {
    posting >> 4
}

/// The numbers a shard writes for a list of [`posting`]s: each
/// `(page − previous page) × 16 + level`, the first page's gap its id.
pub(super) fn numbers(list: &[u32]) -> impl Iterator<Item = u64> + '_ {
    let mut prev = 0u32;
    list.iter().map(move |&p| {
        let n = u64::from(p - (prev << 4));
        prev = page_of(p);
        n
    })
}

/// One term's postings as [`Inverter`] holds them while pages come in: the
/// numbers a shard writes ([`numbers`]), each in LEB128 (seven bits a
/// byte) — a common word's gaps are small, so most postings take one
/// byte, not four.
#[derive(Default)]
pub(super) struct Coded {
    bytes: Vec<u8>,
    /// The page of the last posting (0 before the first).
    last: u32,
}

impl Coded {
    fn push(&mut self, page: u32, level: u8) {
        let mut n = u64::from(page - self.last) * 16 + u64::from(level & 15);
        self.last = page;
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }
}

impl IntoIterator for Coded {
    type Item = u64;
    type IntoIter = Decoded;
    fn into_iter(self) -> Decoded {
        Decoded { bytes: self.bytes, at: 0 }
    }
}

/// The numbers of a [`Coded`] list, in order.
pub(super) struct Decoded {
    bytes: Vec<u8>,
    at: usize,
}

impl Iterator for Decoded {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    }
}

/// Pages inverted a batch at a time, in the order of their ids: each batch's
/// words are merged into one vocabulary and its postings appended, so that
/// only one batch's pages are held beside the postings (a site of 50,000
/// pages is not read whole into memory to be indexed).
#[derive(Default)]
pub(super) struct Inverter {
    all: Vocabulary,
    postings: Vec<Coded>,
    /// The id of the next page added.
    next: u32,
}

impl Inverter {
    /// Adds `pages`, numbered on from the pages added before them, on up to
    /// `threads` threads (the result does not depend on how many).
    pub(super) fn add(&mut self, pages: &[&Doc], threads: usize) {
        let workers: Vec<Worker> = parallel_map(pages, threads, |run| vec![work(run)]);
        for worker in workers {
            // Each worker's words, numbered in the one vocabulary.
            let map: Vec<u32> = worker.vocabulary.words.iter().map(|word| self.all.id_of(word)).collect();
            self.postings.resize_with(self.all.words.len(), Coded::default);
            for page in worker.pages {
                for (local, level) in page.terms {
                    if let Some(list) = map.get(local as usize).and_then(|&g| self.postings.get_mut(g as usize)) {
                        list.push(self.next, level);
                    }
                }
                self.next += 1;
            }
        }
    }

    /// The terms in UTF-16 order (the order in which JavaScript compares
    /// strings) and, for each, its postings as a shard writes them.
    pub(super) fn finish(self) -> (Vec<Box<str>>, Vec<Coded>) {
        let Inverter { all, postings, .. } = self;
        let mut order: Vec<u32> = (0..all.words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| term_order(&all.words[a as usize], &all.words[b as usize]));
        let mut words: Vec<Option<Box<str>>> = all.words.into_iter().map(Some).collect();
        let mut lists: Vec<Option<Coded>> = postings.into_iter().map(Some).collect();
        let terms = order.iter().filter_map(|&i| words.get_mut(i as usize).and_then(Option::take)).collect();
        let postings = order.iter().filter_map(|&i| lists.get_mut(i as usize).and_then(Option::take)).collect();
        (terms, postings)
    }
}

pub(super) fn work(run: &[&Doc]) -> Worker {
    let mut w = Worker::default();
    w.pages.reserve(run.len());
    for page in run {
        w.page(page);
    }
    w
}

/// The body length, in words, against which a page's term counts are
/// weighed: a page of about this length counts as average. A fixed length,
/// not the site's average, so that a page's postings depend on that page
/// alone and an edit leaves every other page's postings as they were
/// ([`super::update`]). Near the example site's mean (515 words) and a
/// generated 10,000-page site's (238).
pub const REFERENCE_WORDS: f64 = 400.0;

/// Where a term is on a page, in 4 bits: 8 = in the title, 4 = in a heading,
/// 0–3 = how much of the body it is (0: not in it), from BM25's saturating
/// term frequency (k1 = 1.2, b = 0.75) against [`REFERENCE_WORDS`].
pub(super) fn level(seen: Seen, body_len: u32) -> u8 {
    let body = if seen.body == 0 {
        0
    } else {
        let tf = f64::from(seen.body);
        let norm = 1.2 * (0.25 + 0.75 * f64::from(body_len) / REFERENCE_WORDS);
        let saturated = tf * 2.2 / (tf + norm);
        if saturated < 1.05 {
            1
        } else if saturated < 1.6 {
            2
        } else {
            3
        }
    };
    (u8::from(seen.title) << 3) | (u8::from(seen.heading) << 2) | body
}

/// The terms of each of `pages`, with their levels, in no particular order.
pub(super) fn terms_of(pages: &[&Doc]) -> Vec<Vec<(Box<str>, u8)>> {
    let w = work(pages);
    w.pages
        .iter()
        .map(|p| p.terms.iter().filter_map(|&(id, level)| Some((w.vocabulary.words.get(id as usize)?.clone(), level))).collect())
        .collect()
}

/// Whether term `a` comes before `b` in the index's order: UTF-16, the
/// order in which JavaScript compares strings.
pub(super) fn term_order(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        // The same order, faster.
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::{fold, tokens};

    proptest::proptest! {
        /// The one-pass reading finds the words folding then cutting finds,
        /// whatever the text: Vietnamese in NFC or NFD, capitals, marks
        /// alone, punctuation, other scripts, long runs.
        #[test]
        fn words_are_the_folded_tokens(text in "\\PC*|[a-zA-Z0-9à-ỹÀ-ỸđĐ\u{300}-\u{36f} .,;:!?()\n-]{0,80}") {
            let mut found = Vec::new();
            words(&text, &mut Word::default(), |w| found.push(w.with_bytes(|b| String::from_utf8(b.to_vec()).expect("UTF-8"))));
            let folded = fold(&text);
            let expected: Vec<String> = tokens(&folded).map(|(_, w)| w.to_owned()).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
