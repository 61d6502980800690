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

use serde::Serialize;

pub use super::terms::REFERENCE_WORDS;
pub(super) use super::fragments::{fragment_file, to_json};
pub(super) use super::hashing::{digest, hex};
pub(super) use super::shards::{read_shard, shard, shard_each};
pub(super) use super::terms::{page_of, posting, term_order, terms_of, Inverter, Postings};

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
    /// Words the page is also found by, though it does not use them: the
    /// synonyms of the phrases of its body and headings
    /// ([`super::synonyms`]). Indexed at the lowest body level, never shown.
    pub also: String,
    /// The synonyms of the phrases of its title: indexed as the title is
    /// (a page titled `Tờ rơi để in` is found first for `leaflet`).
    pub also_title: String,
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
    /// How many pages are read and inverted at a time (rounded up to whole
    /// fragment files): what is held of the pages' text at once. The
    /// output does not depend on it.
    pub batch: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { shard_bytes: 16 * 1024, excerpt_bytes: 2048, threads: 0, batch: 1024 }
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
    let made = std::sync::Mutex::new(Vec::new());
    let manifest = build_streamed(pages.len(), lang, options, inputs, |range| pages[range].iter().map(|&d| d.clone()).collect(), |place, path, bytes| {
        made.lock().unwrap_or_else(|e| e.into_inner()).push((place, path, bytes));
    });
    let mut made = made.into_inner().unwrap_or_else(|e| e.into_inner());
    made.sort_unstable_by_key(|(place, _, _)| *place);
    let mut files = Vec::with_capacity(1 + made.len());
    files.push(manifest);
    files.extend(made.into_iter().map(|(_, path, bytes)| (path, bytes)));
    files
}

/// Where a file [`build_streamed`] made stands among the files of the index
/// after its manifest: the shards in the manifest's order, then the
/// fragment files by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The n-th shard.
    Shard(usize),
    /// Fragment file n (`p/<n>.json`).
    Fragment(usize),
}

/// Builds the index of `n` pages in language `lang` without holding them
/// all: `docs(range)` gives the pages numbered `range` (in the order of
/// their URLs), asked for [`Options::batch`] at a time (1,024 by default:
/// enough to keep every thread busy, few enough that their text is a few
/// megabytes). Each file is handed to
/// `emit` (its [`Place`], its path relative to the output folder, its
/// bytes) as soon as it is made, on any thread: fragment files as their
/// pages are read, shards once every page is. Returns the manifest, which
/// carries the key `inputs`. The files are those [`build_keyed`] makes of
/// the same pages.
pub fn build_streamed(
    n: usize,
    lang: &str,
    options: &Options,
    inputs: &str,
    docs: impl Fn(std::ops::Range<usize>) -> Vec<Doc>,
    emit: impl Fn(Place, String, Vec<u8>) + Sync,
) -> (String, Vec<u8>) {
    let t = crate::timings::Timings::from_env("            ");
    let threads = threads_for(n, options.threads);
    let per = fragments_per_file(n);
    let dir = crate::urls::search_dir(lang);
    let mut inverter = Inverter::default();
    let mut fragment_hashes: Vec<[u8; 8]> = Vec::with_capacity(n.div_ceil(per));
    // Whole fragment files a batch: a file's pages are always in one.
    let step = options.batch.max(1).div_ceil(per).saturating_mul(per);
    for start in (0..n).step_by(step) {
        let batch = docs(start..start.saturating_add(step).min(n));
        let pages: Vec<&Doc> = batch.iter().collect();
        inverter.add(&pages, threads);
        // Fragment files made whole, `per` pages at a time: no page's
        // fragment is held apart from its file.
        let runs: Vec<(usize, &[&Doc])> = pages.chunks(per).enumerate().map(|(i, run)| (start / per + i, run)).collect();
        let hashes = parallel_map(&runs, threads, |some| {
            some.iter()
                .map(|&(chunk, run)| {
                    let bytes = fragment_file(run, options.excerpt_bytes);
                    let hash = digest([bytes.as_slice()]).to_le_bytes();
                    emit(Place::Fragment(chunk), fragment_path(&dir, chunk), bytes);
                    hash
                })
                .collect()
        });
        fragment_hashes.extend(hashes);
    }
    t.lap("invert and fragments");
    let (terms, postings) = inverter.finish();
    let mut shards = Vec::new();
    shard_each(&terms, postings, options.shard_bytes.max(1), |first, bytes| {
        let hash = digest([bytes.as_slice()]);
        emit(Place::Shard(shards.len()), shard_path(&dir, hash), bytes);
        shards.push((first, hash));
    });
    t.lap("shards");
    manifest(lang, inputs, n, &shards, &fragment_hashes)
}

/// The path of fragment file `chunk` in the folder `dir` of an index.
pub(super) fn fragment_path(dir: &str, chunk: usize) -> String {
    format!("{dir}/p/{chunk}.json")
}

/// The path of the manifest in the folder `dir` of an index.
fn manifest_path(dir: &str) -> String {
    format!("{dir}/index.json")
}

/// The path of the shard whose bytes have hash `hash`, in the folder `dir`
/// of an index.
pub(super) fn shard_path(dir: &str, hash: u64) -> String {
    format!("{dir}/s/{}.json", hex(hash))
}

/// The manifest of the index of `lang` of `pages` pages, carrying the key
/// `inputs`: its path and bytes, given each shard's first term and hash
/// ([`digest`] of its bytes) and the fragment files' hashes, in order.
pub(super) fn manifest(lang: &str, inputs: &str, pages: usize, shards: &[(&str, u64)], fragment_hashes: &[[u8; 8]]) -> (String, Vec<u8>) {
    let hashes: Vec<[u8; 8]> = shards.iter().map(|(_, h)| h.to_le_bytes()).chain(fragment_hashes.iter().copied()).collect();
    let manifest = Manifest {
        v: FORMAT_VERSION,
        n: pages,
        c: fragments_per_file(pages),
        h: build_hash(&hashes),
        k: inputs,
        s: shards.iter().map(|&(first, hash)| (first, hex(hash))).collect(),
    };
    (manifest_path(&crate::urls::search_dir(lang)), to_json(&manifest))
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
        let dir = crate::urls::search_dir(lang);
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
        let mut files = vec![(manifest_path(&dir), None)];
        for shard in field("s")?.as_array()? {
            let name = shard.get(1)?.as_str()?;
            files.push((format!("{dir}/s/{}.json", crate::urls::path_segment(name)), Some(name.to_owned())));
        }
        files.extend((0..n.div_ceil(c)).map(|chunk| (fragment_path(&dir, chunk), None)));
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

/// `f` over `items` cut in `threads` runs, in order, on rayon's threads.
pub(super) fn parallel_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
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
