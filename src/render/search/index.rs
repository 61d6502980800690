//! The search index: pages in, a small manifest, term shards and one fragment
//! per page out. The format, in short (the README's Search section says why):
//!
//! ```text
//! search/<lang>/index.json          {"v":2,"n":<pages>,"c":<pages per fragment file>,"h":"<build hash>","k":"<key of the inputs>","s":[["<first term>","<shard hash>"],…]}
//! search/<lang>/s/<shard hash>.json {"<term>":[<posting>,…],…}   terms in UTF-16 order, cut into shards by size
//! search/<lang>/p/<chunk>.json      [{"u":url,"t":title,"c":campaign,"a":[audience],"x":excerpt},…]
//! ```
//!
//! Fragments are grouped `c` pages to a file ([`fragments_per_file`]: 8,
//! or 16 from [`LARGE_SITE`] pages on; pages `c·chunk` to `c·chunk + c - 1`):
//! a result list of ten fetches a few small files, and a site of 10,000
//! pages gets 625 fragment files, not 10,000 — files cost more than bytes
//! on a build's disk.
//!
//! A posting is one number, `gap * 16 + level`: `gap` is the page id minus the
//! previous posting's (the first one's is the page id itself), `level` says
//! where the term is on that page: 8 if in the title, + 4 if in a heading,
//! + 0–3 for how often it is in the body (BM25-style, 0 = not in the body).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;

use crate::fold::{MAX_WORD_CHARS, NOTHING, SLOW, WORD, fold_char, is_word_char, table};

/// One page to index: what the renderer knows about a live page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The page's address as links write it, e.g. `/binh-dang-gioi/tao-hon/`.
    pub url: String,
    /// The page's title, as shown.
    pub title: String,
    /// The name of the campaign the page belongs to, if any, as shown.
    pub campaign: Option<String>,
    /// The page's language code, e.g. `vi`.
    pub lang: String,
    /// The text of the page's headings.
    pub headings: Vec<String>,
    /// The page's body as plain text (no markup), in reading order.
    pub text: String,
    /// The audiences the page is for (`cha-me`, `tre-em`, …).
    pub audience: Vec<String>,
}

/// Knobs of the index, with defaults measured on 47- and 10,000-page sites
/// (see the README's Search section).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A shard is closed once adding the next term would take it past this
    /// many bytes (before compression); a single term larger than this gets a
    /// shard of its own.
    pub shard_bytes: usize,
    /// How many bytes (UTF-8) of each page's text its fragment keeps for
    /// snippets: the words that end within them, white space collapsed.
    pub excerpt_bytes: usize,
    /// How many threads to use: 0 for as many as the machine has (at most
    /// 8); small sites (under 256 pages) always use one. The output does not
    /// depend on it.
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { shard_bytes: 16 * 1024, excerpt_bytes: 2048, threads: 0 }
    }
}

/// The version of the file format, `v` in the manifest.
pub const FORMAT_VERSION: u32 = 2;

/// How many pages' fragments one file holds on a site of fewer than
/// [`LARGE_SITE`] pages (`c` in the manifest).
pub const FRAGMENTS_PER_FILE: usize = 8;

/// From how many pages an index holds twice [`FRAGMENTS_PER_FILE`]
/// fragments a file: on a large site, half as many files to write (a cold
/// build of 10,000 pages writes 584 fewer), while a query still fetches at
/// most ten small files (about 5 KB each, gzip).
pub const LARGE_SITE: usize = 2_000;

/// How many pages' fragments one file holds in an index of `pages` pages.
pub fn fragments_per_file(pages: usize) -> usize {
    if pages < LARGE_SITE { FRAGMENTS_PER_FILE } else { 2 * FRAGMENTS_PER_FILE }
}

/// Builds the search index of the pages of `docs` in language `lang` (the
/// others are ignored): the manifest `search/<lang>/index.json`, its shards and
/// fragments, as (path relative to the output folder, bytes), manifest first.
///
/// The result depends only on the set of pages, not on their order in `docs`:
/// pages are numbered in the order of their URLs.
pub fn build(docs: &[Doc], lang: &str) -> Vec<(String, Vec<u8>)> {
    build_with(docs, lang, &Options::default())
}

/// [`build`] with other [`Options`].
pub fn build_with(docs: &[Doc], lang: &str, options: &Options) -> Vec<(String, Vec<u8>)> {
    build_keyed(docs, lang, options, "")
}

/// [`build_with`], the manifest also carrying `inputs` (as `k`): a key of
/// everything the index was made from, so an unchanged index is found in
/// the previous output instead of being made again (empty: no key).
pub fn build_keyed(docs: &[Doc], lang: &str, options: &Options, inputs: &str) -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<&Doc> = docs.iter().filter(|d| d.lang == lang).collect();
    pages.sort_by(|a, b| {
        (a.url.as_str(), a.title.as_str(), a.text.as_str()).cmp(&(b.url.as_str(), b.title.as_str(), b.text.as_str()))
    });

    let t = crate::timings::Timings::from_env("            ");
    let threads = threads_for(pages.len(), options.threads);
    let (terms, postings) = invert(&pages, threads);
    t.lap("invert");
    let shards = shard(&terms, &postings, options.shard_bytes.max(1));
    drop(postings);
    t.lap("shards");

    // Fragment files made whole, eight pages at a time: no page's fragment
    // is held apart from its file.
    let runs: Vec<&[&Doc]> = pages.chunks(fragments_per_file(pages.len())).collect();
    let fragment_files: Vec<Vec<u8>> = parallel_map(&runs, threads, |some| some.iter().map(|run| fragment_file(run, options.excerpt_bytes)).collect());
    t.lap("fragments");
    assemble(lang, inputs, pages.len(), shards, fragment_files)
}

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

/// The files of the index of `lang` of `pages` pages: the manifest (first,
/// carrying the key `inputs`), the `shards` and the fragment files.
pub(super) fn assemble(lang: &str, inputs: &str, pages: usize, shards: Vec<(&str, Vec<u8>)>, fragment_files: Vec<Vec<u8>>) -> Vec<(String, Vec<u8>)> {
    let dir = dir(lang);
    let mut files = Vec::with_capacity(1 + shards.len() + fragment_files.len());
    files.push((format!("{dir}/index.json"), Vec::new()));
    let mut manifest_shards = Vec::with_capacity(shards.len());
    let mut hashes = Vec::with_capacity(shards.len() + fragment_files.len());
    for (first, bytes) in shards {
        let hash = digest([bytes.as_slice()]);
        hashes.push(hash.to_le_bytes());
        manifest_shards.push((first, hex(hash)));
        files.push((format!("{dir}/s/{}.json", hex(hash)), bytes));
    }
    for (chunk, bytes) in fragment_files.into_iter().enumerate() {
        hashes.push(digest([bytes.as_slice()]).to_le_bytes());
        files.push((format!("{dir}/p/{chunk}.json"), bytes));
    }
    let manifest = Manifest {
        v: FORMAT_VERSION,
        n: pages,
        c: fragments_per_file(pages),
        h: build_hash(&hashes),
        k: inputs,
        s: manifest_shards,
    };
    files[0].1 = to_json(&manifest);
    files
}

#[derive(Serialize)]
struct Manifest<'a> {
    v: u32,
    n: usize,
    c: usize,
    h: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    k: &'a str,
    s: Vec<(&'a str, String)>,
}

/// An index as a previous output holds it, read from its manifest.
pub(super) struct Previous {
    /// The manifest's key of inputs (`k`) and hash of the files (`h`).
    pub k: String,
    pub h: String,
    /// How many pages it has (`n`).
    pub n: usize,
    /// Its files as paths relative to the output folder: the manifest, then
    /// the shards (with the hash each one's name says), then the fragment
    /// files.
    files: Vec<(String, Option<String>)>,
}

impl Previous {
    /// The manifest of the index of `lang` in the folder `output`, if it is
    /// one of this format.
    pub fn read(output: &std::path::Path, lang: &str) -> Option<Previous> {
        let dir = dir(lang);
        let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(output.join(&dir).join("index.json")).ok()?).ok()?;
        let field = |k: &str| manifest.get(k);
        if field("v")?.as_u64()? != u64::from(FORMAT_VERSION) {
            return None;
        }
        let n = usize::try_from(field("n")?.as_u64()?).ok()?;
        let c = fragments_per_file(n);
        if field("c")?.as_u64()? != c as u64 {
            return None;
        }
        let mut files = vec![(format!("{dir}/index.json"), None)];
        for shard in field("s")?.as_array()? {
            let name = shard.get(1)?.as_str()?;
            files.push((format!("{dir}/s/{}.json", path_safe(name)), Some(name.to_owned())));
        }
        files.extend((0..n.div_ceil(c)).map(|chunk| (format!("{dir}/p/{chunk}.json"), None)));
        Some(Previous { k: field("k").and_then(|k| k.as_str()).unwrap_or_default().to_owned(), h: field("h")?.as_str()?.to_owned(), n, files })
    }

    /// The bytes of its shard files and fragment files (in the manifest's
    /// order, shards first, and how many shards), if every one is there
    /// with the bytes it was made with: each shard's hash is in its name,
    /// and `h` covers them all. With `keep` false, only checked: no bytes.
    pub fn check(&self, output: &std::path::Path, keep: bool) -> Option<(Vec<Vec<u8>>, usize)> {
        use rayon::prelude::*;
        let read: Vec<([u8; 8], Vec<u8>)> = self.files[1..]
            .par_iter()
            .map(|(path, named)| {
                let bytes = std::fs::read(output.join(path)).ok()?;
                let hash = digest([bytes.as_slice()]);
                named.as_deref().is_none_or(|n| hex(hash) == n).then(|| (hash.to_le_bytes(), if keep { bytes } else { Vec::new() }))
            })
            .collect::<Option<_>>()?;
        let (hashes, bytes): (Vec<[u8; 8]>, Vec<Vec<u8>>) = read.into_iter().unzip();
        (build_hash(&hashes) == self.h).then(|| (bytes, self.files.iter().filter(|(_, named)| named.is_some()).count()))
    }

    /// Its files, as paths relative to the output folder, manifest first.
    pub fn paths(self) -> Vec<String> {
        self.files.into_iter().map(|(p, _)| p).collect()
    }
}

/// The files of the index of `lang` in the folder `output`, if its manifest
/// carries the key `inputs` and every file it lists is there with the bytes
/// it was made with ([`Previous::check`]): the index to reuse, as paths
/// relative to the output folder, and its manifest's `h`. `None` when
/// anything differs or is missing.
pub fn reusable(output: &std::path::Path, lang: &str, inputs: &str) -> Option<(Vec<String>, String)> {
    let previous = Previous::read(output, lang)?;
    if inputs.is_empty() || previous.k != inputs {
        return None;
    }
    previous.check(output, false)?;
    let h = previous.h.clone();
    Some((previous.paths(), h))
}

/// The manifest's `h`: a hash of the hashes of every shard and fragment
/// file, in the manifest's order.
pub(super) fn build_hash(hashes: &[[u8; 8]]) -> String {
    hex(digest(hashes.iter().map(|h| h.as_slice())))
}

/// The folder of the index of `lang`, relative to the output folder.
pub fn dir(lang: &str) -> String {
    format!("search/{}", path_safe(lang))
}

/// `{"u":url,"t":title,"c":campaign,"a":[audience],"x":excerpt}`; `c` and
/// `a` only when there is one.
fn fragment(page: &Doc, excerpt_bytes: usize) -> Vec<u8> {
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

fn json_string(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(out, s);
}

/// Appends to `out`, escaped for the inside of a JSON string, the words of
/// `text` within its first `max` bytes, runs of ASCII white space made one
/// space, and `…` when something was left out. A first word longer than
/// `max` is cut at a character.
fn excerpt(out: &mut Vec<u8>, text: &str, max: usize) {
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
static PLAIN: [bool; 256] = {
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

fn to_json(value: &impl Serialize) -> Vec<u8> {
    // Serialising these structs (strings, numbers, sequences) cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

/// Keeps a language code usable as one path segment.
fn path_safe(lang: &str) -> String {
    let s: String = lang.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if s.is_empty() { "und".to_owned() } else { s }
}

// ---------------------------------------------------------------------------
// Inversion: pages → terms → postings.

/// How one term appears on one page.
#[derive(Clone, Copy, Default)]
struct Seen {
    title: bool,
    heading: bool,
    body: u32,
}

/// One page's terms (ids in its worker's vocabulary) and body length.
struct PageTerms {
    terms: Vec<(u32, Seen)>,
    body_len: u32,
}

/// Words numbered in order of first sight. Most words are short (a
/// Vietnamese syllable folds to at most 7 ASCII letters), so words of up to 8
/// bytes are looked up as one `u64`, first in a small direct-mapped cache
/// (words follow Zipf's law: a few are most of the text), then in a map.
struct Vocabulary {
    cache: Vec<(u64, u32)>,
    short: HashMap<u64, u32, BuildHasherDefault<Fx>>,
    long: HashMap<Box<[u8]>, u32, BuildHasherDefault<Fx>>,
    words: Vec<Box<str>>,
}

const CACHE_BITS: u32 = 12;

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
struct Worker {
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
        let mut terms = Vec::with_capacity(self.touched.len());
        for &id in &self.touched {
            if let Some(seen) = self.seen.get_mut(id as usize) {
                terms.push((id, std::mem::take(seen)));
            }
        }
        self.touched.clear();
        self.pages.push(PageTerms { terms, body_len });
    }

    /// Counts the words of `text` in `field`; returns how many there were.
    fn field(&mut self, text: &str, field: Field) -> u32 {
        // Fold and cut into words in one pass. ASCII (most bytes, even in
        // Vietnamese) takes the short way, then the table of fold.rs.
        let table = table();
        let mut word = std::mem::take(&mut self.word);
        word.clear();
        let mut n = 0u32;
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
                    n += self.count(&word, field);
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
                        n += self.count(&word, field);
                        word.clear();
                    }
                }
                _ => fold_char(c, |f| {
                    if is_word_char(f) {
                        word.push_char(f);
                    } else if !word.is_empty() {
                        n += self.count(&word, field);
                        word.clear();
                    }
                }),
            }
        }
        if !word.is_empty() {
            n += self.count(&word, field);
            word.clear();
        }
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

/// For each byte: its folded self if it is an ASCII letter or digit,
/// [`SEPARATOR`] for other ASCII, [`NON_ASCII`] for the rest.
static ASCII: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { SEPARATOR };
        b += 1;
    }
    t
};
const SEPARATOR: u8 = 0;
const NON_ASCII: u8 = 0xff;

/// The character whose UTF-8 encoding starts at `bytes[i]` (a byte of at
/// least 0x80, in valid UTF-8) and its length in bytes.
#[inline]
fn decode(bytes: &[u8], i: usize) -> (char, usize) {
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
struct Word {
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

/// One term's (page id, level) in order of page ids.
pub(super) type Postings = Vec<(u32, u8)>;

/// The sorted terms of `pages` and, for each, its postings.
fn invert(pages: &[&Doc], threads: usize) -> (Vec<Box<str>>, Vec<Postings>) {
    let workers: Vec<Worker> = parallel_map(pages, threads, |run| vec![work(run)]);

    // One vocabulary for all workers.
    let mut all = Vocabulary::default();
    let maps: Vec<Vec<u32>> = workers.iter().map(|w| w.vocabulary.words.iter().map(|word| all.id_of(word)).collect()).collect();

    let mut postings: Vec<Postings> = vec![Vec::new(); all.words.len()];
    let mut page_id = 0u32;
    for (worker, map) in workers.iter().zip(&maps) {
        for page in &worker.pages {
            for &(local, seen) in &page.terms {
                if let Some(list) = map.get(local as usize).and_then(|&g| postings.get_mut(g as usize)) {
                    list.push((page_id, level(seen, page.body_len)));
                }
            }
            page_id += 1;
        }
    }

    // Terms in UTF-16 order, the order in which JavaScript compares strings.
    let mut order: Vec<u32> = (0..all.words.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| term_order(&all.words[a as usize], &all.words[b as usize]));
    let mut words: Vec<Option<Box<str>>> = all.words.into_iter().map(Some).collect();
    let mut lists: Vec<Option<Postings>> = postings.into_iter().map(Some).collect();
    let terms = order.iter().filter_map(|&i| words.get_mut(i as usize).and_then(Option::take)).collect();
    let postings = order.iter().filter_map(|&i| lists.get_mut(i as usize).and_then(Option::take)).collect();
    (terms, postings)
}

fn work(run: &[&Doc]) -> Worker {
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
fn level(seen: Seen, body_len: u32) -> u8 {
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
        .map(|p| p.terms.iter().filter_map(|&(id, seen)| Some((w.vocabulary.words.get(id as usize)?.clone(), level(seen, p.body_len)))).collect())
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

/// The terms and postings of a shard file, in its order, as [`shard`]
/// wrote them; `None` if it is not one.
pub(super) fn read_shard(bytes: &[u8]) -> Option<Vec<(Box<str>, Postings)>> {
    let mut out = Vec::new();
    let mut i = 0;
    let expect = |i: &mut usize, b: u8| -> Option<()> { (bytes.get(*i) == Some(&b)).then(|| *i += 1) };
    expect(&mut i, b'{')?;
    if bytes.get(i) == Some(&b'}') {
        return (i + 1 == bytes.len()).then_some(out);
    }
    loop {
        expect(&mut i, b'"')?;
        let start = i;
        while *bytes.get(i)? != b'"' {
            if bytes[i] == b'\\' {
                // Escapes: never written for a folded word; not a shard of ours.
                return None;
            }
            i += 1;
        }
        let term: Box<str> = std::str::from_utf8(&bytes[start..i]).ok()?.into();
        i += 1;
        expect(&mut i, b':')?;
        expect(&mut i, b'[')?;
        let mut list = Postings::new();
        let mut page = 0u64;
        if bytes.get(i) == Some(&b']') {
            i += 1;
        } else {
            loop {
                let mut n = 0u64;
                let digits = i;
                while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                    n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
                    i += 1;
                }
                if i == digits {
                    return None;
                }
                page += n / 16;
                list.push((u32::try_from(page).ok()?, (n % 16) as u8));
                match bytes.get(i)? {
                    b',' => i += 1,
                    b']' => {
                        i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        out.push((term, list));
        match bytes.get(i)? {
            b',' => i += 1,
            b'}' => return (i + 1 == bytes.len()).then_some(out),
            _ => return None,
        }
    }
}

// ---------------------------------------------------------------------------
// Shards.

/// Cuts the sorted terms into shards of about `max` bytes: (first term, JSON).
pub(super) fn shard<'a>(terms: &'a [Box<str>], postings: &[Postings], max: usize) -> Vec<(&'a str, Vec<u8>)> {
    let mut shards: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut cur: Vec<u8> = Vec::with_capacity(max + 1024);
    let mut first: Option<&str> = None;
    for (term, list) in terms.iter().zip(postings) {
        let start = cur.len();
        cur.push(if first.is_some() { b',' } else { b'{' });
        // A folded word has no character that JSON must escape, but be safe.
        let _ = serde_json::to_writer(&mut cur, &**term);
        cur.extend_from_slice(b":[");
        let mut prev = 0u32;
        for (i, &(page, level)) in list.iter().enumerate() {
            if i > 0 {
                cur.push(b',');
            }
            let gap = u64::from(page - prev);
            push_number(&mut cur, gap * 16 + u64::from(level));
            prev = page;
        }
        cur.push(b']');
        match first {
            None => first = Some(term),
            Some(f) if cur.len() + 1 > max => {
                // Close the shard before this term and start a new one with it.
                let mut next = Vec::with_capacity(max + 1024);
                next.push(b'{');
                next.extend_from_slice(&cur[start + 1..]);
                cur.truncate(start);
                cur.push(b'}');
                shards.push((f, std::mem::replace(&mut cur, next)));
                first = Some(term);
            }
            Some(_) => {}
        }
    }
    if let Some(f) = first {
        cur.push(b'}');
        shards.push((f, cur));
    }
    shards
}

fn push_number(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

// ---------------------------------------------------------------------------
// Hashing: a fast multiplicative hash (as rustc's FxHash) for the map of
// words, finished with MurmurHash3's mixer for names of files.

const SEED: u64 = 0x517c_c1b7_2722_0a95;

/// Eight bytes at a time; deterministic on every platform.
#[derive(Clone, Copy, Default)]
struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn finish(&self) -> u64 {
        // The product's high bits depend on every input bit; bring them down
        // to the low bits that pick a bucket.
        self.0 ^ (self.0 >> 32)
    }
}

/// A 64-bit digest of `parts` (lengths included), for names of files.
pub(super) fn digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut h = Fx::default();
    for p in parts {
        h.write(p);
        h.add(p.len() as u64);
    }
    let mut x = h.0;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// 12 hexadecimal digits (48 bits) of a digest.
fn hex(h: u64) -> String {
    format!("{:012x}", h >> 16)
}

/// `f` over `items` cut in `threads` runs, in order, on rayon's threads.
fn parallel_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    use rayon::prelude::*;
    if threads <= 1 || items.len() < 2 {
        return f(items);
    }
    let per = items.len().div_ceil(threads);
    items.par_chunks(per).map(&f).collect::<Vec<Vec<R>>>().into_iter().flatten().collect()
}

/// How many threads to use for `n` pages: one for small sites.
fn threads_for(n: usize, asked: usize) -> usize {
    if n < 256 {
        1
    } else if asked > 0 {
        asked
    } else {
        rayon::current_num_threads().clamp(1, 8)
    }
}
