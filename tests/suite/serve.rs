//! `loa serve` end to end: a real server on a free port, a fixture site in a
//! temporary folder, edits on disk, and plain HTTP requests.

use crate::common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Stops the server when the test ends, whatever happens.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        // Ctrl-C first, so the server removes its preview folder; then kill.
        #[cfg(unix)]
        {
            let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(5) {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `GET path` → (status, body); `None` while the server is not up.
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    get_as(port, path, "127.0.0.1")
}

/// `GET path` with `Host: host` → (status, body).
fn get_as(port: u16, path: &str, host: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Some((status, body))
}

/// Polls until `pred` holds for `GET path`, for at most 15 seconds.
#[track_caller]
fn wait_for(port: u16, path: &str, what: &str, pred: impl Fn(u16, &str) -> bool) -> String {
    let start = Instant::now();
    let mut last = None;
    while start.elapsed() < Duration::from_secs(15) {
        if let Some((status, body)) = get(port, path) {
            if pred(status, &body) {
                return body;
            }
            last = Some((status, body));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what} at {path}; last response: {last:?}");
}

fn start(root: &Path, extra: &[&str]) -> Server {
    let port = free_port();
    let child = common::command()
        .args(["serve", "--root"])
        .arg(root)
        .args(["--port", &port.to_string(), "--at", "2027-06-10"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("loa serve starts");
    Server { child, port }
}

#[test]
fn edits_reload_errors_overlay_and_fixes_clear() {
    let site = common::site("good");
    let server = start(&site.root, &[]);
    let port = server.port;

    // The page is served, with the reload script injected and the preview footer.
    let page = wait_for(port, "/cach-bao-tin/", "the page", |s, b| s == 200 && b.contains("Cách báo tin"));
    assert!(page.contains("_tower-livereload"), "the reload script is injected while serving");
    assert!(page.contains("preview-bar") && page.contains("2027-06-10"), "the footer shows the --at day");
    assert!(page.contains("drafts-banner"), "serve shows drafts by default");
    assert!(!site.root.join("dist").exists(), "the preview never writes dist/");

    // Edit the Markdown: the new text appears.
    let path = site.root.join("content/pages/cach-bao-tin.md");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{original}\nĐoạn mới SERVE-EDIT-1.\n")).unwrap();
    wait_for(port, "/cach-bao-tin/", "the edited text", |s, b| s == 200 && b.contains("SERVE-EDIT-1"));

    // Break the front matter: every page shows the overlay naming the file.
    std::fs::write(&path, "---\ntitle: [hỏng\n---\nx\n").unwrap();
    let overlay = wait_for(port, "/gioi-thieu/", "the error overlay", |s, b| s == 500 && b.contains("content/pages/cach-bao-tin.md"));
    assert!(overlay.contains("content/pages/cach-bao-tin.md:2:"), "{overlay}");
    assert!(overlay.contains("_tower-livereload"), "the overlay reloads itself too");
    // Static files are still served.
    assert_eq!(get(port, "/style.css").map(|r| r.0), Some(200));

    // Fix it: the page is back, with its text.
    std::fs::write(&path, format!("{original}\nĐoạn sửa SERVE-EDIT-2.\n")).unwrap();
    wait_for(port, "/cach-bao-tin/", "the fixed page", |s, b| s == 200 && b.contains("SERVE-EDIT-2"));
    assert_eq!(get(port, "/gioi-thieu/").map(|r| r.0), Some(200));

    // A calendar change rebuilds everything: the campaign's title changes on the hub.
    let cal = site.root.join("calendar.yaml");
    let text = std::fs::read_to_string(&cal).unwrap();
    std::fs::write(&cal, text.replacen("Tháng hành động vì trẻ em", "Tháng hành động vì trẻ em SERVE-EDIT-3", 1)).unwrap();
    wait_for(port, "/", "the hub after a calendar edit", |s, b| s == 200 && b.contains("SERVE-EDIT-3"));

    // Unknown pages get the 404 page.
    let (status, body) = get(port, "/khong-co-trang-nay/").unwrap();
    assert_eq!(status, 404);
    assert!(body.contains("Không tìm thấy trang"));
}

#[test]
fn no_drafts_hides_drafts() {
    let site = common::site("good");
    let server = start(&site.root, &["--no-drafts"]);
    let page = wait_for(server.port, "/gioi-thieu/", "the page", |s, _| s == 200);
    assert!(!page.contains("drafts-banner"));
    assert_eq!(get(server.port, "/ban-nhap/").map(|r| r.0), Some(404));
}

#[cfg(unix)]
#[test]
fn ctrl_c_removes_the_preview_folder() {
    let site = common::site("good");
    let port = free_port();
    let mut child = common::command()
        .args(["serve", "--root"])
        .arg(&site.root)
        .args(["--port", &port.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(port, "/", "the hub", |s, _| s == 200);
    let dir = preview_folder(child.id());
    assert!(dir.join("index.html").exists(), "{}", dir.display());
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(!dir.exists(), "the preview folder is removed");
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    assert!(out.contains(&format!("http://127.0.0.1:{port}/")), "{out}");
}

/// A path no file can have (a segment longer than a file name may be, a
/// path longer than any) gets 404 or 414 like any other bad path, not an
/// empty 500.
#[test]
fn impossible_paths_get_404_not_500() {
    let site = common::site("good");
    let server = start(&site.root, &[]);
    wait_for(server.port, "/", "the hub", |s, _| s == 200);
    for len in [255, 256, 300, 1000] {
        let (status, body) = get(server.port, &format!("/{}/", "a".repeat(len))).unwrap();
        assert_eq!(status, 404, "a {len}-byte segment");
        assert!(body.contains("Không tìm thấy trang"), "the 404 page: {body}");
        let (status, _) = get(server.port, &format!("/cach-bao-tin/{}.png", "%C3%A1".repeat(len / 6 + 1))).unwrap();
        assert_eq!(status, 404, "a long encoded segment of {len}");
    }
    let (status, _) = get(server.port, &format!("/{}", "a/".repeat(3000))).unwrap();
    assert_eq!(status, 414);
}

/// The preview folder of the `loa serve` whose process id is `pid`: the one
/// folder in the temporary folder named `loa-preview-<pid>-…`.
fn preview_folder(pid: u32) -> std::path::PathBuf {
    let prefix = format!("loa-preview-{pid}-");
    let found: Vec<_> = std::fs::read_dir(std::env::temp_dir()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().starts_with(&prefix)).map(|e| e.path()).collect();
    assert_eq!(found.len(), 1, "one preview folder for {pid}: {found:?}");
    found.into_iter().next().unwrap()
}

/// DNS rebinding: a page on another site that points its own name at
/// 127.0.0.1 sends its name in `Host:`. Every such name is refused (421,
/// with a short text and nothing of the site); this computer's names are
/// served, on any port.
#[test]
fn only_this_computers_names_are_answered() {
    let site = common::site("good");
    let server = start(&site.root, &[]);
    let port = server.port;
    wait_for(port, "/", "the hub", |s, _| s == 200);
    for host in ["evil.example".to_owned(), format!("evil.example:{port}"), format!("localhost.evil.example:{port}"), format!("127.0.0.1.nip.io:{port}"), "localhost.".to_owned(), "[::1".to_owned()] {
        for path in ["/", "/ban-nhap/", "/style.css", "/khong-co/"] {
            let (status, body) = get_as(port, path, &host).unwrap();
            assert_eq!(status, 421, "Host: {host} {path}: {body}");
            assert!(body.len() < 300 && !body.contains("Thử Nghiệm"), "{body}");
        }
    }
    for host in [format!("localhost:{port}"), "localhost".to_owned(), format!("127.0.0.1:{port}"), format!("[::1]:{port}"), "LocalHost:1".to_owned()] {
        let (status, body) = get_as(port, "/", &host).unwrap();
        assert_eq!(status, 200, "Host: {host}");
        assert!(body.contains("Thử Nghiệm"));
    }
}

/// Connections that send nothing, or half a request, do not stop the
/// preview: with 200 of them open, a normal request is answered at once.
#[test]
fn idle_connections_do_not_stop_it() {
    let site = common::site("good");
    let server = start(&site.root, &[]);
    let port = server.port;
    wait_for(port, "/", "the hub", |s, _| s == 200);
    let mut idle = Vec::new();
    for i in 0..200 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("loopback connection");
        if i % 4 == 0 {
            // Half a request: the headers never end.
            let _ = write!(s, "GET / HTTP/1.1\r\nHost: localhost\r\n");
        }
        idle.push(s);
    }
    let started = Instant::now();
    let (status, body) = get(port, "/gioi-thieu/").expect("an answer");
    assert_eq!(status, 200, "{body}");
    assert!(started.elapsed() < Duration::from_secs(3), "answered after {:?}", started.elapsed());
    drop(idle);
}

/// The preview folder (drafts included) is private to its owner, and its
/// name is not just the process id (which anyone can guess).
#[cfg(unix)]
#[test]
fn the_preview_folder_is_private() {
    use std::os::unix::fs::PermissionsExt;
    // A folder left by a preview that was killed (its process is gone) is removed.
    let dead = (1_000_000..4_000_000).step_by(7919).find(|pid| !Path::new(&format!("/proc/{pid}")).exists()).unwrap();
    let stale = std::env::temp_dir().join(format!("loa-preview-{dead}-AbCdEf"));
    std::fs::create_dir_all(stale.join("sub")).unwrap();
    let site = common::site("good");
    let server = start(&site.root, &[]);
    wait_for(server.port, "/", "the hub", |s, _| s == 200);
    assert!(!stale.exists(), "the stale preview {} is left", stale.display());
    let dir = preview_folder(server.child.id());
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{} is {mode:o}", dir.display());
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let random = name.rsplit('-').next().unwrap();
    assert!(random.len() >= 6, "an unpredictable part in {name}");
}

/// Copies the example site (the repository root's inputs) into a temporary folder.
fn example_site() -> common::Site {
    let tmp = tempfile::TempDir::new().expect("temp dir");
    let root = tmp.path().join("site");
    for dir in ["content", "themes", "static"] {
        if common::repo().join(dir).is_dir() {
            common::copy_dir(&common::repo().join(dir), &root.join(dir));
        }
    }
    for file in ["site.yaml", "calendar.yaml", "localities.yaml"] {
        if common::repo().join(file).is_file() {
            std::fs::copy(common::repo().join(file), root.join(file)).unwrap();
        }
    }
    common::Site { tmp, root }
}

/// Edits of a page's text that change what the checks find: a broken link,
/// every heading gone (other pages link to them), a character no leaflet
/// font has, a remote image in raw HTML, a missing heading on the page, every
/// link gone (files become unlinked), a list nested deeper than print allows.
const EDITS: [fn(&str) -> String; 7] = [
    |b| format!("{b}\n\n[một trang đã xóa](khong-co-trang-nay.md)\n"),
    |b| b.lines().map(|l| if l.starts_with('#') { l.trim_start_matches('#').to_owned() } else { l.to_owned() }).collect::<Vec<_>>().join("\n"),
    |b| format!("{b}\n\nChữ tượng hình 𓀀\n"),
    |b| format!("{b}\n\n<img src=\"https://anh.example/x.png\" alt=\"ảnh\">\n"),
    |b| format!("{b}\n\nXem [phần cuối](#khong-co-phan-nay).\n"),
    |b| b.replace("](", ") ("),
    |b| format!("{b}\n\n{}\n", (0..9).map(|d| format!("{}- mức {d}", "  ".repeat(d))).collect::<Vec<_>>().join("\n")),
];

fn rendered(d: &loa::diag::Diagnostics) -> Vec<String> {
    d.iter().map(|x| x.render()).collect()
}

/// The preview checks an edit of a page's text again by that page alone
/// (and the pages linking to its headings): for every class of edit on any
/// page of the example site, what it finds is exactly what checking the
/// whole site from scratch finds — the same errors, the same warnings — and
/// undoing the edit gives back the first findings.
#[test]
fn checking_an_edited_text_alone_finds_what_a_full_check_finds() {
    use proptest::prelude::*;
    let site = example_site();
    let root = site.root.clone();
    let mut loaded = loa::Site::load(&root).expect("the example site loads");
    let first = rendered(&loaded.warnings);
    let pages: Vec<std::path::PathBuf> = loaded.inputs.content.pages.iter().map(|p| p.source.clone()).collect();
    let loaded = std::cell::RefCell::new(&mut loaded);
    let config = ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() };
    proptest!(config, |(page in 0..pages.len(), edits in 1u8..128)| {
        let mut loaded = loaded.borrow_mut();
        let rel = &pages[page];
        let path = root.join(rel);
        let original = std::fs::read_to_string(&path).unwrap();
        let split = match original.strip_prefix("---") {
            Some(rest) => rest.find("\n---").map(|i| i + 3 + 4),
            None => Some(0),
        };
        let (front, body) = original.split_at(split.unwrap_or(0));
        let mut edited = body.to_owned();
        for (k, edit) in EDITS.iter().enumerate() {
            if edits & (1 << k) != 0 {
                edited = edit(&edited);
            }
        }
        std::fs::write(&path, format!("{front}{edited}")).unwrap();
        let apply = |loaded: &mut loa::Site| {
            let fresh = loa::load::content::load_page(&root, rel, &loaded.inputs.site).expect("a text edit still loads");
            prop_assert_eq!(&fresh.front, &loaded.inputs.content.pages[page].front);
            loaded.links.rescan(page, &fresh);
            loaded.inputs.content.pages[page] = fresh;
            Ok(loaded.recheck_text(&[page]))
        };
        let alone = apply(&mut loaded)?;
        let full = loa::Site::load(&root);
        match (&alone, &full) {
            (Ok(()), Ok(full)) => prop_assert_eq!(rendered(&loaded.warnings), rendered(&full.warnings)),
            (Err(a), Err(f)) => prop_assert_eq!(rendered(a), rendered(f)),
            (a, f) => prop_assert!(false, "edit {edits:#b} of {}: alone {:?}, full {:?}", rel.display(), a.as_ref().err().map(rendered), f.as_ref().err().map(rendered)),
        }
        std::fs::write(&path, &original).unwrap();
        prop_assert!(apply(&mut loaded)?.is_ok());
        prop_assert_eq!(rendered(&loaded.warnings), first.clone());
    });
}

/// A warning is said once in a preview session: not again on each rebuild,
/// nor when an edit above it moves it; a new one is said when it appears.
#[test]
fn each_warning_is_said_once_per_session() {
    let site = common::site("good");
    let yaml = site.root.join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\ncms:\n  name: decap\n  repo: so-ldtbxh/baovetreem\n")).unwrap();
    let log = site.beside("stderr.log");
    let port = free_port();
    let child = common::command()
        .args(["serve", "--root"])
        .arg(&site.root)
        .args(["--port", &port.to_string(), "--at", "2027-06-10"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("loa serve starts");
    let server = Server { child, port };
    wait_for(port, "/cach-bao-tin/", "the page", |s, b| s == 200 && b.contains("Cách báo tin"));
    let path = site.root.join("content/pages/cach-bao-tin.md");
    let original = std::fs::read_to_string(&path).unwrap();
    for n in 1..=3 {
        std::fs::write(&path, format!("{original}\nĐoạn mới SAID-{n}.\n")).unwrap();
        wait_for(port, "/cach-bao-tin/", "the edited text", |s, b| s == 200 && b.contains(&format!("SAID-{n}")));
    }
    // A front-matter edit rebuilds the whole site: still said once.
    std::fs::write(&path, original.replacen("title: Cách báo tin", "title: Cách báo tin khi trẻ em cần giúp", 1) + "\nSAID-4\n").unwrap();
    wait_for(port, "/cach-bao-tin/", "the edited page", |s, b| s == 200 && b.contains("SAID-4"));
    // A new warning (a picture without its text alternative) is said, once.
    std::fs::write(&path, format!("{original}\n![](../thang-tre-em/tranh-ve.png)\n\nSAID-5\n")).unwrap();
    wait_for(port, "/cach-bao-tin/", "the page with a picture", |s, b| s == 200 && b.contains("SAID-5"));
    std::fs::write(&path, format!("{original}\n![](../thang-tre-em/tranh-ve.png)\n\nSAID-6\n")).unwrap();
    wait_for(port, "/cach-bao-tin/", "the page edited again", |s, b| s == 200 && b.contains("SAID-6"));
    drop(server);
    let said = std::fs::read_to_string(&log).unwrap();
    assert_eq!(said.matches("static/admin/decap-cms.js is missing").count(), 1, "{said}");
    assert_eq!(said.matches("has no text alternative").count(), 1, "{said}");
}
