//! The index of a language updated from the previous build's, when the same
//! pages are live and only some of them changed (an edited text, title or
//! summary): the changed pages' postings are taken out of the previous
//! shards and their new ones put in, and only the fragment files holding
//! them are made again. Every other page's postings stay as they were —
//! a posting depends on its page alone ([`index::REFERENCE_WORDS`]) — so
//! the result is byte for byte the index a full build makes (a property
//! test holds it to that), for a fraction of the work.
//!
//! What the previous build indexed is kept in a [`Record`] outside the
//! output (in the writer's working folder, `.dist.loa/cache/`): a hash of
//! each page's inputs, and the manifest hash `h` of the index it describes.
//! The record is only believed when the previous output's manifest and
//! every one of its files still have that hash.

use std::path::Path;

use super::index::{self, Doc, Options, Postings};

/// What one build indexed in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// A hash of the index's shape: the pages' URLs in order, the format,
    /// the options and loa's version. Two builds with the same shape number
    /// the same pages the same way.
    pub shape: u128,
    /// A hash of each page's inputs, in page order.
    pub pages: Vec<u128>,
    /// The manifest hash (`h`) of the index made from them.
    pub h: String,
}

const MAGIC: &[u8] = b"loa search record 1\n";

impl Record {
    /// The record of `lang` in the folder `cache`, if there is a readable one.
    pub fn read(cache: &Path, lang: &str) -> Option<Record> {
        let bytes = std::fs::read(file(cache, lang)).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let (h, rest) = rest.split_at(rest.iter().position(|&b| b == b'\n')?);
        let h = std::str::from_utf8(h).ok()?.to_owned();
        let rest = rest.get(1..)?;
        let shape = u128::from_le_bytes(rest.get(..16)?.try_into().ok()?);
        let rest = rest.get(16..)?;
        if rest.len() % 16 != 0 {
            return None;
        }
        let pages = rest.chunks_exact(16).map(|c| u128::from_le_bytes(c.try_into().unwrap_or_default())).collect();
        Some(Record { shape, pages, h })
    }

    /// Writes the record of `lang` into the folder `cache`, whole or not at
    /// all (a temporary file renamed). A failure only costs the next build
    /// its shortcut, so it is not an error.
    pub fn write(&self, cache: &Path, lang: &str) {
        let mut bytes = Vec::with_capacity(MAGIC.len() + self.h.len() + 17 + 16 * self.pages.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(self.h.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&self.shape.to_le_bytes());
        for p in &self.pages {
            bytes.extend_from_slice(&p.to_le_bytes());
        }
        let path = file(cache, lang);
        // One build at a time holds the output's lock: one temporary name will do.
        let tmp = path.with_extension("bin.tmp");
        let written = std::fs::create_dir_all(cache).and_then(|()| std::fs::write(&tmp, &bytes)).and_then(|()| std::fs::rename(&tmp, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn file(cache: &Path, lang: &str) -> std::path::PathBuf {
    cache.join(format!("search-{}.bin", crate::urls::path_segment(lang)))
}

/// The index of `lang` made by updating the one in the `previous` output
/// folder, which `old` describes, to the pages `new` describes. `docs`
/// gives the pages of the given numbers (in page order). `None` when the
/// update cannot be trusted or is not worth it (other pages, a file of the
/// previous index changed, more than an eighth of the pages changed): make
/// the index whole.
pub fn update(previous: &Path, lang: &str, old: &Record, new: &Record, inputs: &str, options: &Options, docs: impl Fn(&[usize]) -> Vec<Doc>) -> Option<Vec<(String, Vec<u8>)>> {
    let n = new.pages.len();
    if old.shape != new.shape || old.pages.len() != n {
        return None;
    }
    let changed: Vec<usize> = (0..n).filter(|&i| old.pages[i] != new.pages[i]).collect();
    if changed.is_empty() || changed.len() > n / 8 {
        return None;
    }

    let t = crate::timings::Timings::from_env("            ");
    // The previous index, exactly as `old` says it was made.
    let previous_index = index::Previous::read(previous, lang)?;
    if previous_index.h != old.h || previous_index.n != n {
        return None;
    }
    let (mut files, shard_count) = previous_index.check(previous, true)?;
    let mut fragment_files = files.split_off(shard_count);
    let shards = files;
    t.lap("read and verify the previous index");

    // Postings, in the order of their terms: every page's but the changed
    // ones'…
    let mut gone = vec![false; n];
    for &i in &changed {
        gone[i] = true;
    }
    use rayon::prelude::*;
    let read: Vec<Vec<(Box<str>, Postings)>> = shards.par_iter().map(|b| index::read_shard(b)).collect::<Option<_>>()?;
    drop(shards);
    let mut old_terms: Vec<(Box<str>, Postings)> = read.into_iter().flatten().collect();
    for (_, list) in &mut old_terms {
        list.retain(|&p| !gone.get(index::page_of(p) as usize).copied().unwrap_or(true));
    }
    t.lap("read its postings");

    // …and the changed pages' anew, merged in.
    let pages = docs(&changed);
    if pages.len() != changed.len() {
        return None;
    }
    let refs: Vec<&Doc> = pages.iter().collect();
    let mut new: Vec<(Box<str>, u32, u8)> = Vec::new();
    for (&number, terms) in changed.iter().zip(index::terms_of(&refs)) {
        new.extend(terms.into_iter().map(|(term, level)| (term, number as u32, level)));
    }
    new.sort_unstable_by(|a, b| index::term_order(&a.0, &b.0).then(a.1.cmp(&b.1)));
    let mut terms: Vec<Box<str>> = Vec::with_capacity(old_terms.len() + new.len());
    let mut postings: Vec<Postings> = Vec::with_capacity(old_terms.len() + new.len());
    let mut new = new.into_iter().peekable();
    for (term, mut list) in old_terms {
        // New terms before this one.
        while let Some((t, _, _)) = new.peek()
            && index::term_order(t, &term).is_lt()
        {
            let t = t.clone();
            postings.push(postings_of(&mut new, &t));
            terms.push(t);
        }
        // This term's new postings, each in its place.
        for p in postings_of(&mut new, &term) {
            // Ordered by page: a page has one posting per term.
            let at = list.partition_point(|&q| q < p);
            list.insert(at, p);
        }
        if !list.is_empty() {
            terms.push(term);
            postings.push(list);
        }
    }
    while let Some((t, _, _)) = new.peek() {
        let t = t.clone();
        postings.push(postings_of(&mut new, &t));
        terms.push(t);
    }
    t.lap("the changed pages' postings");
    let shards = index::shard(&terms, &postings, options.shard_bytes.max(1));
    t.lap("shards");

    // Fragment files: those holding a changed page made again.
    let per = index::fragments_per_file(n);
    let mut redo: Vec<usize> = changed.iter().map(|&i| i / per).collect();
    redo.dedup();
    for c in redo {
        let numbers: Vec<usize> = (c * per..((c + 1) * per).min(n)).collect();
        let run = docs(&numbers);
        if run.len() != numbers.len() {
            return None;
        }
        let refs: Vec<&Doc> = run.iter().collect();
        *fragment_files.get_mut(c)? = index::fragment_file(&refs, options.excerpt_bytes);
    }
    let dir = crate::urls::search_dir(lang);
    let hashes: Vec<[u8; 8]> = fragment_files.iter().map(|b| index::digest([b.as_slice()]).to_le_bytes()).collect();
    let named: Vec<(&str, u64)> = shards.iter().map(|(first, bytes)| (*first, index::digest([bytes.as_slice()]))).collect();
    let mut files = Vec::with_capacity(1 + shards.len() + fragment_files.len());
    files.push(index::manifest(lang, inputs, n, &named, &hashes));
    files.extend(shards.into_iter().zip(&named).map(|((_, bytes), &(_, hash))| (index::shard_path(&dir, hash), bytes)));
    files.extend(fragment_files.into_iter().enumerate().map(|(chunk, bytes)| (index::fragment_path(&dir, chunk), bytes)));
    Some(files)
}

/// The postings of `term` at the head of `new` (sorted by term, then page),
/// taken off it.
fn postings_of(new: &mut std::iter::Peekable<std::vec::IntoIter<(Box<str>, u32, u8)>>, term: &str) -> Postings {
    let mut list = Postings::new();
    while let Some((_, page, level)) = new.next_if(|(u, _, _)| &**u == term) {
        list.push(index::posting(page, level));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written_and_a_damaged_one_not_at_all() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache");
        let r = Record { shape: u128::MAX - 3, pages: vec![1, u128::MAX, 0, 42], h: "00ab12cd34ef".into() };
        assert_eq!(Record::read(&cache, "vi"), None, "none yet");
        r.write(&cache, "vi");
        assert_eq!(Record::read(&cache, "vi"), Some(r.clone()));
        assert_eq!(Record::read(&cache, "en"), None, "one record per language");
        let file = cache.join("search-vi.bin");
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(Record::read(&cache, "vi"), None, "cut short");
        std::fs::write(&file, [b"loa search record 9\n", &bytes[20..]].concat()).unwrap();
        assert_eq!(Record::read(&cache, "vi"), None, "another version");
    }
}
