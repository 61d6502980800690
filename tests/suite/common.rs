//! Helpers for the integration tests: run the real `loa` binary on copies of the
//! fixture sites under `tests/fixtures/`, and inspect what it wrote.
//!
//! Tests never write into the repository: every fixture is copied into a
//! temporary folder first.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The `loa` binary cargo built for these tests.
pub const LOA: &str = env!("CARGO_BIN_EXE_loa");

/// The repository root (which is also the example site).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 if killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Panics with both streams unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "expected exit code {code}, got {}\n--- stdout\n{}\n--- stderr\n{}", self.code, self.stdout, self.stderr);
        self
    }

    /// Panics unless the run succeeded.
    #[track_caller]
    pub fn ok(&self) -> &Self {
        self.expect_code(0)
    }

    /// Panics unless stderr contains `needle`.
    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(self.stderr.contains(needle), "stderr lacks {needle:?}\n--- stderr\n{}", self.stderr);
        self
    }

    /// Panics unless stdout contains `needle`.
    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(self.stdout.contains(needle), "stdout lacks {needle:?}\n--- stdout\n{}", self.stdout);
        self
    }
}

/// The `loa` binary as a command, in English whatever the machine's locale
/// (the tests that look at Vietnamese set `--lang` or `LANG` themselves).
pub fn command() -> Command {
    let mut c = Command::new(LOA);
    c.env("NO_COLOR", "1").env_remove("RUST_BACKTRACE").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    c
}

/// Runs `loa args…` in `cwd`.
pub fn loa_in<I, S>(cwd: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    loa_in_env(cwd, args, &[])
}

/// Runs `loa args…` in `cwd` with the environment variables `env` set.
pub fn loa_in_env<I, S>(cwd: &Path, args: I, env: &[(&str, &str)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = command()
        .args(args)
        .current_dir(cwd)
        .envs(env.iter().copied())
        .output()
        .expect("run loa");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `loa args…` in a fresh, empty working folder and checks that the run
/// left nothing in it (loa must write only where it is told to).
#[track_caller]
pub fn loa<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let cwd = TempDir::new().expect("temp dir");
    let run = loa_in(cwd.path(), args);
    let left: Vec<_> = fs::read_dir(cwd.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "loa wrote into its working folder: {left:?}\n{run:?}");
    run
}

/// Runs `loa build --root ROOT --out OUT [--at AT] [extra…]`.
#[track_caller]
pub fn build(root: &Path, out: &Path, at: Option<&str>, extra: &[&str]) -> Run {
    let mut args: Vec<std::ffi::OsString> = vec!["build".into(), "--root".into(), root.into(), "--out".into(), out.into()];
    if let Some(at) = at {
        args.push("--at".into());
        args.push(at.into());
    }
    args.extend(extra.iter().map(Into::into));
    loa(args)
}

/// The example site (the repository's root) built on `at`, once per date
/// for the whole test binary: the tests that only read its output share
/// one build (each takes ~25 s in a test build, leaflets and cards typeset).
/// Built in Cargo's folder for integration tests' files, made anew by each
/// run of the binary. The build must succeed.
///
/// `.ci/run` builds the example site on both days before the tests run (with
/// the binary the tests use) and validates those outputs: it names the folder
/// that holds them, one per day, in `LOA_EXAMPLE_BUILT`, and the tests read
/// them instead of building the site twice more.
pub fn example_site(at: &'static str) -> PathBuf {
    if let Some(built) = std::env::var_os("LOA_EXAMPLE_BUILT") {
        let out = Path::new(&built).join(at);
        assert!(out.join("index.html").is_file(), "LOA_EXAMPLE_BUILT names {}, which holds no build of the example site on {at}", Path::new(&built).display());
        return out;
    }
    use std::sync::{Mutex, OnceLock};
    static BUILT: OnceLock<Mutex<BTreeMap<&'static str, PathBuf>>> = OnceLock::new();
    let mut built = BUILT.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    built
        .entry(at)
        .or_insert_with(|| {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("example-{at}"));
            let _ = fs::remove_dir_all(&dir);
            let out = dir.join("dist");
            build(&repo(), &out, Some(at), &[]).ok();
            out
        })
        .clone()
}

/// Copies the folder `from` into `to` (created), recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// A fixture copied into a temporary folder: `tmp/site/` is the site, and
/// `tmp/` has room for output folders beside it.
pub struct Site {
    /// The temporary folder (deleted on drop).
    pub tmp: TempDir,
    /// `tmp/site`.
    pub root: PathBuf,
}

impl Site {
    /// A path in the temporary folder, beside the site.
    pub fn beside(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Writes `text` to `rel` inside the site, creating folders.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// Copies the file or folder `rel` of fixture `name` into the same place in this site.
    pub fn overlay(&self, name: &str, rel: &str) {
        let from = fixture(name).join(rel);
        let to = self.root.join(rel);
        if from.is_dir() {
            copy_dir(&from, &to);
        } else {
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
        }
    }
}

/// Copies fixture `name` into a new temporary folder.
pub fn site(name: &str) -> Site {
    let tmp = TempDir::new().expect("temp dir");
    let root = tmp.path().join("site");
    copy_dir(&fixture(name), &root);
    Site { tmp, root }
}

/// Every file and folder under `dir`: relative path (with `/`) → contents
/// (`None` for a folder).
pub fn tree(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Option<Vec<u8>>>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
            let entry = entry.unwrap();
            let path = entry.path();
            let rel = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
            if entry.file_type().unwrap().is_dir() {
                out.insert(rel, None);
                walk(base, &path, out);
            } else {
                out.insert(rel, Some(fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Only the files of [`tree`], as text (lossy).
pub fn text_files(dir: &Path) -> BTreeMap<String, String> {
    tree(dir)
        .into_iter()
        .filter_map(|(k, v)| v.map(|b| (k, String::from_utf8_lossy(&b).into_owned())))
        .collect()
}

/// The HTML files of an output folder, as text.
pub fn html_files(dir: &Path) -> BTreeMap<String, String> {
    text_files(dir).into_iter().filter(|(k, _)| k.ends_with(".html")).collect()
}

/// Whether an output file is one of the newspapers' (`embed/…`, and
/// `en/embed/…` in the fixtures' other language): the widgets, which live in
/// other sites' frames, and their pages of snippets; not a page a reader opens.
pub fn is_embed(file: &str) -> bool {
    file.starts_with("embed/") || file.starts_with("en/embed/")
}

/// Whether an output file is a page of snippets for newspapers
/// (`embed/index.html`, `en/embed/index.html`).
pub fn is_embed_index(file: &str) -> bool {
    is_embed(file) && file.ends_with("embed/index.html")
}

/// Whether an output file is an auto-height widget (`embed/auto/…`,
/// `en/embed/auto/…`), the only widgets with a script.
pub fn is_auto_widget(file: &str) -> bool {
    is_embed(file) && file.contains("embed/auto/")
}

/// Reads `dir/rel` as text, with a clear panic if it is missing.
#[track_caller]
pub fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("read {}: {e}", dir.join(rel).display()))
}

/// Panics with a readable diff summary unless the two trees are identical.
#[track_caller]
pub fn assert_same_tree(a: &BTreeMap<String, Option<Vec<u8>>>, b: &BTreeMap<String, Option<Vec<u8>>>) {
    let only_a: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let differ: Vec<&String> = a.keys().filter(|k| b.get(*k).is_some_and(|v| v != &a[*k])).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty() && differ.is_empty(),
        "trees differ\nonly in first: {only_a:?}\nonly in second: {only_b:?}\ndifferent bytes: {differ:?}"
    );
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// Every opening tag `<name …>` in `html` (the whole tag text).
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            let end = after.find('>').map_or(after.len(), |e| e + 1);
            out.push(&rest[i..i + open.len() + end]);
        }
        rest = &rest[i + open.len()..];
    }
    out
}

/// The values of attribute `attr` (double-quoted) anywhere in `html`.
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let pat = format!("{attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&pat) {
        let preceded_by_space = i == 0 || rest[..i].ends_with(|c: char| c.is_whitespace());
        let after = &rest[i + pat.len()..];
        let end = after.find('"').unwrap_or(after.len());
        if preceded_by_space {
            out.push(after[..end].to_owned());
        }
        rest = &after[end..];
    }
    out
}

/// The value of attribute `attr` in one tag.
pub fn attr(tag: &str, attr: &str) -> Option<String> {
    attr_values(tag, attr).into_iter().next()
}

/// The `content` of the first `<meta>` whose `property` or `name` is `prop`
/// (`og:image`, `twitter:card`).
pub fn meta(html: &str, prop: &str) -> Option<String> {
    tags(html, "meta").into_iter().find(|t| attr(t, "property").as_deref() == Some(prop) || attr(t, "name").as_deref() == Some(prop)).and_then(|t| attr(t, "content"))
}

/// The part of `html` from `start` up to the next `end` (both found in order).
#[track_caller]
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html.find(start).unwrap_or_else(|| panic!("{start:?} not found"));
    let rest = &html[i..];
    let j = rest.find(end).unwrap_or(rest.len());
    &rest[..j]
}

/// Resolves `url`, found in the output file `from`, to a file path relative to
/// the output folder; `None` for external links, other schemes and bare fragments.
pub fn internal_target(from: &str, url: &str) -> Option<(String, Option<String>)> {
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") {
        return None;
    }
    if let Some((scheme, _)) = url.split_once(':')
        && !scheme.contains(['/', '?', '#'])
    {
        return None;
    }
    let (path, frag) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_owned())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let joined = if let Some(abs) = path.strip_prefix('/') {
        abs.to_owned()
    } else {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        if dir.is_empty() { path.to_owned() } else { format!("{dir}/{path}") }
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut rel = parts.join("/");
    if rel.is_empty() || joined.ends_with('/') {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some((rel, frag))
}

/// Checks that every internal link (`href`/`src` that is a path, absolute or
/// relative) of every HTML file in `out` points at a file of the output, and
/// that a `#fragment` into an HTML page names an element id there. Returns the
/// number of links checked.
#[track_caller]
pub fn assert_internal_links_resolve(out: &Path) -> usize {
    let html = html_files(out);
    let all = tree(out);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (file, text) in &html {
        // Every candidate of a `srcset` (`a.webp 480w, b.webp 960w`) too.
        let srcsets = attr_values(text, "srcset").into_iter().flat_map(|set| set.split(',').filter_map(|c| c.split_whitespace().next().map(str::to_owned)).collect::<Vec<_>>());
        for url in attr_values(text, "href").into_iter().chain(attr_values(text, "src")).chain(srcsets) {
            let Some((rel, frag)) = internal_target(file, &url) else { continue };
            checked += 1;
            match all.get(&rel) {
                Some(Some(bytes)) => {
                    if let Some(f) = frag.filter(|f| !f.is_empty())
                        && rel.ends_with(".html")
                        && !String::from_utf8_lossy(bytes).contains(&format!("id=\"{f}\""))
                    {
                        problems.push(format!("{file}: {url}: no element with id {f} in {rel}"));
                    }
                }
                _ => problems.push(format!("{file}: {url}: {rel} is not in the output")),
            }
        }
    }
    assert!(problems.is_empty(), "broken internal links:\n{}", problems.join("\n"));
    checked
}

/// Panics if `needle` occurs in any file of `out` (bytes, so binary files count).
#[track_caller]
pub fn assert_nowhere(out: &std::path::Path, needle: &str) {
    let hits: Vec<String> = tree(out)
        .into_iter()
        .filter(|(k, v)| k.contains(needle) || v.as_ref().is_some_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes())))
        .map(|(k, _)| k)
        .collect();
    assert!(hits.is_empty(), "{needle:?} found in {hits:?}");
}

/// Panics unless `needle` occurs in some text file of `out`.
#[track_caller]
pub fn assert_somewhere(out: &std::path::Path, needle: &str) {
    assert!(text_files(out).values().any(|t| t.contains(needle)), "{needle:?} is nowhere in the output");
}

/// CRC-32 as PNG chunks carry it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}

/// A PNG whose header declares `w` × `h` pixels (checksums right), with a
/// few bytes of data: what a decompression bomb looks like from outside.
pub fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32(&ihdr).to_be_bytes());
    // A few bytes of compressed data, then the end.
    for (kind, data) in [(&b"IDAT"[..], &b"\x78\x9c\x03\x00\x00\x00\x00\x01"[..]), (b"IEND", b"")] {
        let mut chunk = kind.to_vec();
        chunk.extend(data);
        png.extend((data.len() as u32).to_be_bytes());
        png.extend(&chunk);
        png.extend(crc32(&chunk).to_be_bytes());
    }
    png
}

/// The third-party validators' folder (`../shared/tools/validate`, set up
/// by its `setup.sh`): `LOA_VALIDATE` (what `.ci/run` sets), else
/// `/tmp/loa-validate`, else `/tmp/validate`; the first that holds every
/// one of `files`. `None` when none does: the caller then calls
/// [`missing_tool`].
pub fn validators(files: &[&str]) -> Option<PathBuf> {
    let candidates = [std::env::var("LOA_VALIDATE").ok(), Some("/tmp/loa-validate".to_owned()), Some("/tmp/validate".to_owned())];
    candidates.into_iter().flatten().map(PathBuf::from).find(|d| files.iter().all(|f| d.join(f).exists()))
}

/// A tool a test needs is not on this machine: under `CI=true` (where
/// `.ci/run` installs every tool) the test fails; elsewhere it says what it
/// skipped. A test must never pass without checking anything in CI.
#[track_caller]
pub fn missing_tool(what: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("{what} is missing, and CI must check with it (.ci/run installs it)");
    }
    eprintln!("SKIPPED: {what} is missing on this machine");
}
