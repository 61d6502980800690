//! The index as a whole: determinism, what the files hold, and sizes on a
//! generated 10,000-page site.

use crate::common;
use crate::corpus;

use std::collections::BTreeMap;

use loa::fold::{fold, tokens};
use loa::render::search::index::{Doc, Options, build, build_with};
use serde_json::Value;

fn doc(url: &str, title: &str, text: &str) -> Doc {
    Doc { url: url.into(), title: title.into(), lang: "vi".into(), text: text.into(), ..Doc::default() }
}

/// The files of an index by path, and the manifest parsed.
struct Index {
    files: BTreeMap<String, Vec<u8>>,
    manifest: Value,
}

impl Index {
    fn new(files: Vec<(String, Vec<u8>)>) -> Self {
        let manifest = serde_json::from_slice(&files[0].1).expect("manifest is JSON");
        assert_eq!(files[0].0, "search/vi/index.json", "the manifest comes first");
        Index { files: files.into_iter().collect(), manifest }
    }

    fn shard_list(&self) -> Vec<(String, String)> {
        self.manifest["s"]
            .as_array()
            .expect("s")
            .iter()
            .map(|e| (e[0].as_str().expect("first term").to_owned(), e[1].as_str().expect("hash").to_owned()))
            .collect()
    }

    fn shard_path(&self, hash: &str) -> String {
        format!("search/vi/s/{hash}.json")
    }

    /// The index of the shard holding `term`, as search.js finds it.
    fn shard_of(&self, term: &str) -> Option<usize> {
        let key: Vec<u16> = term.encode_utf16().collect();
        self.shard_list().iter().rposition(|(first, _)| first.encode_utf16().collect::<Vec<_>>() <= key)
    }

    /// Page ids and levels of `term`.
    fn postings(&self, term: &str) -> Vec<(u64, u64)> {
        let Some(i) = self.shard_of(term) else { return Vec::new() };
        let shard: Value = serde_json::from_slice(&self.files[&self.shard_path(&self.shard_list()[i].1)]).expect("shard is JSON");
        let mut id = 0;
        shard
            .get(term)
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|v| {
                        let v = v.as_u64().expect("number");
                        id += v / 16;
                        (id, v % 16)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every term of the index.
    fn all_terms(&self) -> Vec<String> {
        self.shard_list()
            .iter()
            .flat_map(|(_, hash)| {
                let shard: Value = serde_json::from_slice(&self.files[&self.shard_path(hash)]).expect("shard is JSON");
                shard.as_object().expect("an object").keys().cloned().collect::<Vec<_>>()
            })
            .collect()
    }

    fn fragment(&self, id: u64) -> Value {
        let per = self.manifest["c"].as_u64().expect("c");
        let chunk: Value = serde_json::from_slice(&self.files[&format!("search/vi/p/{}.json", id / per)]).expect("fragments are JSON");
        chunk[(id % per) as usize].clone()
    }

    /// Bytes (before compression) that the query `q` fetches: the manifest and
    /// its shards (the prefix's first two), as search.js plans it.
    fn query_bytes(&self, q: &str) -> usize {
        let f = fold(q);
        let mut words: Vec<&str> = tokens(&f).map(|(_, w)| w).collect();
        let prefix = words.pop().unwrap_or_default();
        let list = self.shard_list();
        let mut need: Vec<usize> = words.iter().filter_map(|w| self.shard_of(w)).collect();
        if let Some(i) = self.shard_of(prefix) {
            need.push(i);
            if list.get(i + 1).is_some_and(|(first, _)| first.starts_with(prefix)) {
                need.push(i + 1);
            }
        }
        need.sort();
        need.dedup();
        self.files["search/vi/index.json"].len() + need.iter().map(|&i| self.files[&self.shard_path(&list[i].1)].len()).sum::<usize>()
    }
}

#[test]
fn finds_pages_however_they_are_typed() {
    let docs = vec![
        doc("/b/", "Đường dây nóng 111", "Gọi ngay khi thấy trẻ bị bạo lực."),
        doc("/a/", "Nhận biết xâm hại", "Xâm hại trẻ em có nhiều hình thức."),
        Doc { lang: "en".into(), ..doc("/en/", "Hotline", "Call 111.") },
    ];
    let index = Index::new(build(&docs, "vi"));
    assert_eq!(index.manifest["n"], 2, "English pages are not in the Vietnamese index");
    // Pages are numbered in URL order: /a/ is 0, /b/ is 1.
    assert_eq!(index.postings("duong"), [(1, 8)], "in the title only");
    assert_eq!(index.postings("xam"), [(0, 8 + 3)], "in the title, and once in a body of seven words: far shorter than the reference, the most a body gives");
    assert_eq!(index.postings("111"), [(1, 8)]);
    assert_eq!(index.postings("call"), []);
    for q in ["duong day nong", "ĐƯỜNG DÂY NÓNG", "đường dây nóng"] {
        for w in fold(q).split(' ') {
            assert_eq!(index.postings(w).len(), 1, "{q}: {w}");
        }
    }
    let f = index.fragment(1);
    assert_eq!(f["u"], "/b/");
    assert_eq!(f["t"], "Đường dây nóng 111");
    assert_eq!(f["x"], "Gọi ngay khi thấy trẻ bị bạo lực.");
    assert!(f.get("c").is_none() && f.get("a").is_none(), "no campaign or audience: no key");
}

#[test]
fn levels_say_where_a_word_is() {
    // Bodies weighed against a page of REFERENCE_WORDS (400) words.
    let filler = |words: usize| "trẻ em ".repeat(words / 2);
    let docs = vec![
        Doc { campaign: Some("Phòng chống bạo lực gia đình".into()), ..doc("/c/", "Trang", "Không có.") },
        Doc { headings: vec!["Bạo lực là gì".into()], ..doc("/h/", "Trang", "Một lần bạo lực.") },
        doc("/l/", "Trang", &format!("{} bạo lực", filler(800))),
        doc("/m/", "Trang", &"bạo lực ".repeat(30)),
        doc("/r/", "Trang", &format!("{} bạo lực bạo lực", filler(400))),
    ];
    let index = Index::new(build(&docs, "vi"));
    // /c/ 0: only in the campaign's name (counted once in a body of eight
    // words: short, so that one mention is the most a body gives); /h/ 1: in
    // a heading and once in a short body; /l/ 2: once in 800 words: the
    // least; /m/ 3: many times; /r/ 4: twice in about 400 words: between.
    assert_eq!(index.postings("bao"), [(0, 3), (1, 4 + 3), (2, 1), (3, 3), (4, 2)]);
    let index = Index::new(build(&[doc("/a/", "Bạo lực", "")], "vi"));
    assert_eq!(index.postings("bao"), [(0, 8)], "title only: no body level");
    // A page's levels do not depend on the other pages (so that an edit
    // leaves every other page's postings as they were).
    let alone = Index::new(build(&docs[2..3], "vi"));
    assert_eq!(alone.postings("bao"), [(0, 1)]);
}

#[test]
fn same_pages_same_bytes_whatever_the_order() {
    let mut docs = corpus::pages(300, 7);
    let a = build(&docs, "vi");
    assert_eq!(a, build(&docs, "vi"), "twice the same");
    docs.reverse();
    docs.swap(3, 100);
    assert_eq!(a, build(&docs, "vi"), "pages in another order");
    for threads in [1, 3] {
        assert_eq!(a, build_with(&docs, "vi", &Options { threads, ..Options::default() }), "{threads} threads");
    }
    // Pages read a batch at a time (whole fragment files: 1 is 8 here).
    for batch in [1, 8, 24, 299] {
        assert_eq!(a, build_with(&docs, "vi", &Options { batch, ..Options::default() }), "batches of {batch}");
    }
    // And one change changes the build hash and that page's fragment.
    let first_vi = docs.iter().position(|d| d.lang == "vi").expect("a page in Vietnamese");
    docs[first_vi].text.push_str(" Thêm.");
    let b = build(&docs, "vi");
    assert_ne!(a[0], b[0]);
}

#[test]
fn shards_hold_every_term_once_in_order() {
    let docs = corpus::pages(2000, 3);
    let options = Options { shard_bytes: 8 * 1024, ..Options::default() };
    let index = Index::new(build_with(&docs, "vi", &options));
    let list = index.shard_list();
    assert!(list.len() > 10, "{} shards", list.len());
    let mut all: Vec<String> = Vec::new();
    for (first, hash) in &list {
        let bytes = &index.files[&index.shard_path(hash)];
        let shard: serde_json::Map<String, Value> = serde_json::from_slice(bytes).expect("JSON object");
        // serde_json's map is sorted by bytes; the shard's own order is UTF-16.
        let raw = std::str::from_utf8(bytes).expect("UTF-8");
        assert!(raw.starts_with(&format!("{{\"{first}\":")), "a shard starts with its first term");
        let terms: Vec<String> = shard.keys().cloned().collect();
        let biggest = shard.iter().map(|(k, v)| k.len() + v.to_string().len() + 4).max().unwrap_or(0);
        assert!(bytes.len() <= options.shard_bytes.max(biggest + 2), "shard {first}: {} bytes", bytes.len());
        all.extend(terms);
    }
    let n = all.len();
    all.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    all.dedup();
    assert_eq!(all.len(), n, "no term is in two shards");
    let firsts: Vec<&String> = list.iter().map(|(f, _)| f).collect();
    assert!(firsts.windows(2).all(|w| w[0].encode_utf16().lt(w[1].encode_utf16())), "shards in order");
    // Every word of every page is found, in the shard the client would look in.
    for d in docs.iter().filter(|d| d.lang == "vi").take(50) {
        for (_, w) in tokens(&fold(&d.title)) {
            assert!(!index.postings(w).is_empty(), "{w}");
        }
    }
}

#[test]
fn excerpts_are_cut_at_words() {
    // 20 bytes of the text: "Một hai ba\n\n  " and half of "bốn".
    let text = "Một hai ba\n\n  bốn năm sáu bảy tám chín mười";
    let options = Options { excerpt_bytes: 20, ..Options::default() };
    let index = Index::new(build_with(&[doc("/x/", "T", text)], "vi", &options));
    assert_eq!(index.fragment(0)["x"], "Một hai ba…");
    let options = Options { excerpt_bytes: 21, ..Options::default() };
    let index = Index::new(build_with(&[doc("/x/", "T", text)], "vi", &options));
    assert_eq!(index.fragment(0)["x"], "Một hai ba bốn…");
    let index = Index::new(build_with(&[doc("/x/", "T", "Mộtchữrấtdài")], "vi", &Options { excerpt_bytes: 4, ..Options::default() }));
    assert_eq!(index.fragment(0)["x"], "Mộ…", "one long word is cut at a character");
    let index = Index::new(build(&[doc("/x/", "T", " \u{1}x\r\n")], "vi"));
    assert_eq!(index.fragment(0)["x"], "\u{1}x");
    let index = Index::new(build(&[doc("/x/", "T", "Trích \"dẫn\"\tvà \\ dấu")], "vi"));
    assert_eq!(index.fragment(0)["x"], "Trích \"dẫn\" và \\ dấu");
}

#[test]
fn nothing_to_index() {
    let index = Index::new(build(&[], "vi"));
    assert_eq!(index.manifest["n"], 0);
    assert_eq!(index.manifest["s"], serde_json::json!([]));
    assert_eq!(index.files.len(), 1);
    // A language code is one path segment, whatever it holds.
    let files = build(&[], "../x");
    assert_eq!(files[0].0, "search/x/index.json");
}

/// Sizes on a 47-page and a 10,000-page site (print them with
/// `cargo test --release -- --nocapture sizes`). Compressed sizes are
/// measured by `measure.mjs`; here the raw bytes are bounded.
#[test]
fn sizes() {
    let queries = ["bao luc", "duong day nong", "xam hai tre em", "bảo vệ trẻ em", "111", "ky nang tu bao ve", "BẠO LỰC GIA ĐÌNH", "mua ban nguoi"];
    for (n, max_query) in [(47, 48 * 1024), (10_000, 200 * 1024)] {
        let docs = corpus::pages(n, 1);
        let index = Index::new(build(&docs, "vi"));
        let list = index.shard_list();
        let shard_sizes: Vec<usize> = list.iter().map(|(_, h)| index.files[&index.shard_path(h)].len()).collect();
        let fragments: Vec<usize> = index.files.iter().filter(|(p, _)| p.contains("/p/")).map(|(_, b)| b.len()).collect();
        let worst = queries.iter().map(|q| (index.query_bytes(q), *q)).max().unwrap_or_default();
        println!(
            "{n} pages: manifest {} B, {} shards (largest {} B), fragments {} B on average; the heaviest query ({:?}) fetches {} B of index before compression",
            index.files["search/vi/index.json"].len(),
            list.len(),
            shard_sizes.iter().max().unwrap_or(&0),
            fragments.iter().sum::<usize>() / fragments.len().max(1),
            worst.1,
            worst.0
        );
        assert!(worst.0 <= max_query, "{n} pages: {worst:?}");
        if n == 10_000 {
            assert!(list.len() > 50, "a big site is split");
            assert!(index.files["search/vi/index.json"].len() < 12 * 1024, "the manifest stays small");
        } else {
            assert!(list.len() <= 4, "a small site has few shards: {}", list.len());
        }
    }
}

/// The files under `search/` of an output folder, by path.
fn search_files(out: &std::path::Path) -> BTreeMap<String, Option<Vec<u8>>> {
    common::tree(out).into_iter().filter(|(p, _)| p.starts_with("search/")).collect()
}

/// An unchanged index is taken from the previous output instead of being
/// made again — but only when its key of inputs matches and every file has
/// the bytes the manifest was made with: a changed, missing or extra-edited
/// file, or a changed page, gives exactly what a cold build gives.
#[test]
fn an_unchanged_index_is_reused_only_when_it_is_exactly_the_same() {
    let site = common::site("good");
    let (out, fresh) = (site.beside("out"), site.beside("fresh"));
    let timed = [("LOA_TIMINGS", "1")];
    let build = |dir: &std::path::Path| {
        let args = ["build", "--root", site.root.to_str().unwrap(), "--out", dir.to_str().unwrap(), "--at", "2027-06-10"];
        let run = common::loa_in_env(site.tmp.path(), args, &timed);
        run.ok();
        run
    };
    let reused = |run: &common::Run| run.stderr.contains("vi: unchanged, taken from the previous output");
    assert!(!reused(&build(&out)), "a cold build makes the index");
    let first = search_files(&out);
    let manifest: Value = serde_json::from_slice(first["search/vi/index.json"].as_ref().unwrap()).unwrap();
    assert_eq!(manifest["k"].as_str().map(str::len), Some(32), "the manifest carries the key of its inputs: {manifest}");

    assert!(reused(&build(&out)), "an unchanged rebuild takes the index from the previous output");
    assert_eq!(search_files(&out), first);

    // A fragment edited by hand, a shard deleted: made again, as it was.
    let fragment = out.join("search/vi/p/0.json");
    std::fs::write(&fragment, b"[]").unwrap();
    assert!(!reused(&build(&out)), "an edited fragment is not reused");
    assert_eq!(search_files(&out), first);
    let shard = first.keys().find(|p| p.starts_with("search/vi/s/")).unwrap().clone();
    std::fs::remove_file(out.join(&shard)).unwrap();
    assert!(!reused(&build(&out)), "a missing shard is not reused");
    assert_eq!(search_files(&out), first);

    // A page's text changed: the index is updated from the previous one
    // (the record of its pages is in the writer's folder), and is what a
    // cold build makes.
    let page = site.root.join("content/pages/cach-bao-tin.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nMột từ mới: kanguru.\n")).unwrap();
    let run = build(&out);
    assert!(!reused(&run), "a changed page changes the index");
    assert!(run.stderr.contains("vi: updated from the previous output"), "one page of many changed: updated, not made whole\n{}", run.stderr);
    build(&fresh);
    let changed = search_files(&out);
    assert_ne!(changed, first);
    assert_eq!(changed, search_files(&fresh));
    assert!(changed.values().flatten().any(|b| String::from_utf8_lossy(b).contains("kanguru")));
}

/// The files of an index written into `dir`.
fn write_index(dir: &std::path::Path, files: &[(String, Vec<u8>)]) {
    for (path, bytes) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// What a build records of `docs` (in page order) and its index `files`.
fn record_of(docs: &[Doc], files: &[(String, Vec<u8>)]) -> loa::render::search::update::Record {
    use std::hash::{Hash, Hasher};
    let pages = docs
        .iter()
        .map(|d| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            format!("{d:?}").hash(&mut h);
            u128::from(h.finish())
        })
        .collect();
    let manifest: Value = serde_json::from_slice(&files[0].1).unwrap();
    loa::render::search::update::Record { shape: 7, pages, h: manifest["h"].as_str().unwrap().to_owned() }
}

/// The Vietnamese pages of a generated site of `n` pages (in page order),
/// a folder holding their index as a previous output would, and the record
/// of it.
fn a_previous_index(n: usize, seed: u64) -> (Vec<Doc>, tempfile::TempDir, loa::render::search::update::Record) {
    let mut docs: Vec<Doc> = corpus::pages(n, seed).into_iter().filter(|d| d.lang == "vi").collect();
    docs.sort_by(|a, b| a.url.cmp(&b.url));
    let before = loa::render::search::index::build_keyed(&docs, "vi", &Options::default(), "k1");
    let tmp = tempfile::tempdir().unwrap();
    write_index(tmp.path(), &before);
    let old = record_of(&docs, &before);
    (docs, tmp, old)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 12, .. proptest::prelude::ProptestConfig::default() })]

    /// An index updated from the previous one after some pages changed is,
    /// byte for byte, the index a full build of the new pages makes; when
    /// too many pages changed, no update is made.
    #[test]
    fn an_updated_index_is_the_index_a_full_build_makes(
        seed in 0u64..1_000,
        edits in proptest::collection::vec((0usize..10_000, 0u8..5), 1..30),
    ) {
        use loa::render::search::index::build_keyed;
        use loa::render::search::update::update;
        let (docs, tmp, old) = a_previous_index(200, seed);
        let n = docs.len();
        let options = Options::default();

        let mut new_docs = docs.clone();
        for &(i, kind) in &edits {
            let other = new_docs[(i / 7) % n].text.clone();
            let d = &mut new_docs[i % n];
            match kind {
                0 => d.text.push_str(" Gọi ngay đường dây nóng 111, kanguru."),
                1 => d.title = format!("{} mới", d.title),
                2 => d.text = other,
                3 => d.text.clear(),
                _ => d.headings.push("Bạo lực học đường".into()),
            }
        }
        let want = build_keyed(&new_docs, "vi", &options, "k2");
        let mut new = record_of(&new_docs, &want);
        new.h.clear();
        let changed = (0..n).filter(|&i| old.pages[i] != new.pages[i]).count();
        let got = update(tmp.path(), "vi", &old, &new, "k2", &options, |numbers| numbers.iter().map(|&i| new_docs[i].clone()).collect());
        if changed == 0 || changed > n / 8 {
            proptest::prop_assert!(got.is_none(), "{changed} of {n} changed: made whole");
        } else {
            proptest::prop_assert!(got.as_ref() == Some(&want), "{changed} of {n} changed: the update differs from a full build");
        }
    }
}

/// The previous index is only updated when it is exactly the one the
/// record describes: not with another shape (other pages), nor after a
/// file of it was edited.
#[test]
fn an_index_is_updated_only_from_the_index_its_record_describes() {
    use loa::render::search::index::build_keyed;
    use loa::render::search::update::update;
    let (docs, tmp, old) = a_previous_index(120, 3);
    let options = Options::default();
    let mut new_docs = docs.clone();
    new_docs[5].text.push_str(" kanguru");
    let new = record_of(&new_docs, &build_keyed(&new_docs, "vi", &options, "k2"));
    let docs_of = |numbers: &[usize]| numbers.iter().map(|&i| new_docs[i].clone()).collect::<Vec<_>>();
    assert!(update(tmp.path(), "vi", &old, &new, "k2", &options, docs_of).is_some(), "the plain case updates");
    let other_shape = loa::render::search::update::Record { shape: 8, ..new.clone() };
    assert!(update(tmp.path(), "vi", &old, &other_shape, "k2", &options, docs_of).is_none(), "other pages: made whole");
    std::fs::write(tmp.path().join("search/vi/p/3.json"), b"[]").unwrap();
    assert!(update(tmp.path(), "vi", &old, &new, "k2", &options, docs_of).is_none(), "an edited fragment file: made whole");
}

/// `search: false`: no index, no script, no search box in the header; the
/// search page is still the list of every live page.
#[test]
fn a_site_can_go_without_search() {
    let site = common::site("good");
    let yaml = site.root.join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\nsearch: false\n")).unwrap();
    let out = site.beside("out");
    common::build(&site.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(!out.join("search").exists(), "no index");
    let page = common::read(&out, "tim-kiem/index.html");
    // No search script on the search page: only the quick exit's, as on every page.
    assert!(!page.contains("search.js") && !page.contains("data-index"), "no search script on the search page");
    assert_eq!(page.matches("<script").count(), 1, "only the quick exit's script");
    assert!(page.contains("id=\"h-all\"") && page.matches("<li><a href=").count() >= 5, "the list of pages stays");
    for (file, html) in common::html_files(&out) {
        assert!(!html.contains("header-search"), "{file}: no search box without a search");
    }
    // And with it (the default): the index, the script and the box.
    std::fs::write(&yaml, &text).unwrap();
    common::build(&site.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(out.join("search/vi/index.json").is_file());
    assert!(common::read(&out, "tim-kiem/index.html").contains("search.js"));
    assert!(common::read(&out, "index.html").contains("header-search"));
}

/// On a large site (sixteen fragments a file), too, an updated index is the
/// index a full build makes.
#[test]
fn a_large_sites_index_is_updated_exactly() {
    use loa::render::search::index::{LARGE_SITE, build_keyed};
    use loa::render::search::update::update;
    let (docs, tmp, old) = a_previous_index(LARGE_SITE + 200, 11);
    assert!(docs.len() >= LARGE_SITE);
    let manifest: Value = serde_json::from_slice(&std::fs::read(tmp.path().join("search/vi/index.json")).unwrap()).unwrap();
    assert_eq!(manifest["c"], 16, "a large site's fragments, sixteen to a file");
    let options = Options::default();
    let mut new_docs = docs.clone();
    for i in [0, 15, 16, 17, 999, docs.len() - 1] {
        new_docs[i].text.push_str(" Một câu mới về kanguru và đường dây nóng.");
    }
    new_docs[500].title = "Trang đổi tên".into();
    let want = build_keyed(&new_docs, "vi", &options, "k2");
    let new = record_of(&new_docs, &want);
    let got = update(tmp.path(), "vi", &old, &new, "k2", &options, |numbers| numbers.iter().map(|&i| new_docs[i].clone()).collect());
    assert!(got.as_ref() == Some(&want), "the update differs from a full build");
}

/// A large site's index is the same read in batches of any size (rounded
/// up to whole files of sixteen fragments), and its postings, kept coded
/// while the pages come in, read back as the pages have them.
#[test]
fn a_large_sites_index_is_the_same_whatever_the_batches() {
    use loa::render::search::index::LARGE_SITE;
    let docs = corpus::pages(LARGE_SITE + 100, 5);
    let whole = build_with(&docs, "vi", &Options { batch: usize::MAX, ..Options::default() });
    for batch in [1, 16, 40, 1024] {
        assert!(build_with(&docs, "vi", &Options { batch, ..Options::default() }) == whole, "batches of {batch}");
    }
    // Every page's own terms are in the index at its number, with the
    // level it has alone.
    let index = Index::new(whole);
    let mut vi: Vec<&Doc> = docs.iter().filter(|d| d.lang == "vi").collect();
    vi.sort_by(|a, b| a.url.cmp(&b.url));
    for number in [0, 1, 999, 1000, vi.len() - 1] {
        let alone = Index::new(build(&[vi[number].clone()], "vi"));
        let terms = alone.all_terms();
        assert!(!terms.is_empty());
        for term in terms {
            let level = alone.postings(&term)[0].1;
            assert!(index.postings(&term).contains(&(number as u64, level)), "page {number}, term {term}");
        }
    }
}
