//! `loa cms install` (issue #25): the editor's script self-hosted in one
//! command, without the network: a package made here, served from a file
//! and from a local HTTP server standing for the registry.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::common;

use common::*;

/// An npm package as `npm pack` writes it (`package/…` in a .tar.gz), with
/// the editor's script, a chunk it loads, and files it does not load.
fn package(script: &str) -> Vec<u8> {
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default()));
    let files: &[(&str, &[u8])] = &[
        ("package/package.json", b"{\"name\": \"decap-cms\"}"),
        (&format!("package/dist/{script}"), b"window.CMS = {};"),
        ("package/dist/123.decap-cms.js", b"/* a chunk */"),
        ("package/dist/decap-cms.js.map", b"{}"),
        ("package/dist/esm/index.js", b"export {};"),
        ("package/README.md", b"# readme"),
    ];
    for (path, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        tar.append_data(&mut h, path, *data).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

/// Serves `body` to every GET on 127.0.0.1 (a free port), recording the paths asked.
fn serve(body: Vec<u8>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            let line = String::from_utf8_lossy(&req).lines().next().unwrap_or("").to_owned();
            seen.lock().unwrap().push(line.split(' ').nth(1).unwrap_or("").to_owned());
            let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = s.write_all(&body);
        }
    });
    (addr, asked)
}

/// `loa cms install --root ROOT extra…`, with no proxy in the way.
fn install(root: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["cms", "install", "--root", root.to_str().unwrap()];
    args.extend(extra);
    let out = command()
        .args(&args)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    Run { code: out.status.code().unwrap_or(-1), stdout: String::from_utf8_lossy(&out.stdout).into_owned(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// The good fixture with a `cms:` block.
fn site_with_cms(name: &str) -> Site {
    let s = site("good");
    let text = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{text}\ncms:\n  name: {name}\n  repo: so-ldtbxh/baovetreem\n"));
    s
}

fn admin_files(root: &Path) -> Vec<String> {
    names(&root.join("static/admin"))
}

#[test]
fn from_a_package_file_the_files_the_editor_loads_and_no_others() {
    let s = site_with_cms("decap");
    let tgz = s.beside("decap-cms-3.16.3.tgz");
    std::fs::write(&tgz, package("decap-cms.js")).unwrap();
    // Before: the build says the script is missing and publishes no admin/.
    let out = s.beside("before");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok().stderr_has("static/admin/decap-cms.js is missing").stderr_has("loa cms install");
    assert!(!out.join("admin").exists());
    let run = install(&s.root, &["--from", tgz.to_str().unwrap()]);
    run.ok().stdout_has("Created static/admin/decap-cms.js").stdout_has("not checked against loa's pinned release");
    assert_eq!(admin_files(&s.root), ["123.decap-cms.js", "decap-cms.js"]);
    assert_eq!(std::fs::read(s.root.join("static/admin/decap-cms.js")).unwrap(), b"window.CMS = {};");
    // After: the editor is published, with the message for a script that cannot load.
    let out = s.beside("after");
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok();
    assert!(!run.stderr.contains("is missing"), "{}", run.stderr);
    let page = read(&out, "admin/index.html");
    assert!(out.join("admin/decap-cms.js").is_file());
    assert!(page.contains("onerror=\"document.getElementById('loa-no-editor').hidden=false\""), "{page}");
    assert!(page.contains("Không mở được trình soạn thảo") && page.contains("The editor could not open"), "{page}");
}

#[test]
fn from_a_registry_the_pinned_release_is_checked_and_a_wrong_one_writes_nothing() {
    let s = site_with_cms("decap");
    let (registry, asked) = serve(package("decap-cms.js"));
    let run = install(&s.root, &["--registry", &registry, "--lang", "en"]);
    run.expect_code(1).stderr_has("is not the package of decap-cms 3.16.3 that loa is pinned to").stderr_has("nothing was written");
    assert_eq!(asked.lock().unwrap().as_slice(), ["/decap-cms/-/decap-cms-3.16.3.tgz"], "npm's address for the pinned release");
    assert!(!s.root.join("static/admin").exists(), "nothing written");
    // Sveltia's scoped package, at its own address.
    let s = site_with_cms("sveltia");
    let (registry, asked) = serve(package("sveltia-cms.js"));
    install(&s.root, &["--registry", &registry]).expect_code(1);
    assert_eq!(asked.lock().unwrap().as_slice(), ["/@sveltia/cms/-/cms-0.221.1.tgz"]);
}

#[test]
fn from_an_address_over_http() {
    let s = site_with_cms("sveltia");
    let (server, _) = serve(package("sveltia-cms.js"));
    let url = format!("{server}/sveltia.tgz");
    install(&s.root, &["--from", &url]).ok().stdout_has("Created static/admin/sveltia-cms.js");
    assert_eq!(admin_files(&s.root), ["sveltia-cms.js"]);
}

#[test]
fn what_cannot_be_installed_is_said() {
    // No cms: in site.yaml.
    let s = site("good");
    install(&s.root, &[]).expect_code(1).stderr_has("site.yaml has no `cms:`");
    // A package without the editor's script.
    let s = site_with_cms("decap");
    let tgz = s.beside("other.tgz");
    std::fs::write(&tgz, package("other.js")).unwrap();
    install(&s.root, &["--from", tgz.to_str().unwrap()]).expect_code(1).stderr_has("the package has no dist/decap-cms.js");
    // Not a package at all.
    std::fs::write(&tgz, b"<html>proxy login</html>").unwrap();
    install(&s.root, &["--from", tgz.to_str().unwrap()]).expect_code(1).stderr_has("is not an npm package loa can read");
    // No server there: said in Vietnamese too, with what to do.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    install(&s.root, &["--registry", &format!("http://127.0.0.1:{port}"), "--lang", "vi"]).expect_code(1).stderr_has("không tải được gói của trình soạn thảo").stderr_has("npm pack");
    assert!(!s.root.join("static/admin").exists(), "nothing written");
}
