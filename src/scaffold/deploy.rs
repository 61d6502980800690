//! `loa deploy-config` (and `loa init --deploy`): what a host needs to build
//! the site with a pinned loa, check it, and publish it on every push and
//! every day at 00:05 in the calendar's timezone — the site changes with the
//! date, so it must be rebuilt daily.
//!
//! - GitHub Pages: `.github/workflows/loa.yml`, a GitHub Actions workflow.
//! - GitLab Pages: `.gitlab-ci.yml`, with its daily pipeline schedule
//!   documented in it (a schedule cannot be set in the file).
//! - A server with nginx: systemd units (a daily build timer, a five-minute
//!   pull timer for edits) and an nginx server block, under `deploy/`.
//!
//! The files are templates embedded in the binary, filled in from the site
//! (its address, calendar timezone, editor's branch) and loa's version. Each
//! value is quoted for the place it lands in ([`super::quote`]): the branch
//! is a YAML string and an escaped filter in a workflow, a quoted word of a
//! systemd command line (never part of a shell script's text), a quoted shell
//! word in a command shown for copying; the site's folder on a server is the
//! *decoded* path of `base_url` (what nginx looks up), a quoted word for
//! systemd and a quoted string for nginx.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::load::{calendar, read_text, site};
use super::quote;

/// Where a site is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// GitHub Pages, built by GitHub Actions.
    GitHub,
    /// GitLab Pages, built by GitLab CI.
    GitLab,
    /// A server of one's own: systemd timers and nginx.
    Server,
}

impl Host {
    /// Reads `github`, `gitlab` or `server`.
    pub fn parse(s: &str) -> Option<Host> {
        match s {
            "github" => Some(Host::GitHub),
            "gitlab" => Some(Host::GitLab),
            "server" => Some(Host::Server),
            _ => None,
        }
    }
}

/// How to fill the templates in.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where loa is installed on a server (default `/usr/local/bin/loa`).
    pub loa_bin: Option<PathBuf>,
}

/// loa's version, as the tag its source is installed from: `v0.1.0`.
pub fn loa_tag() -> String {
    format!("v{}", env!("CARGO_PKG_VERSION"))
}

/// Where loa's source is published, from `repository` in its Cargo.toml; a
/// placeholder to replace when that is not set.
pub fn loa_git() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => PLACEHOLDER_GIT,
        r => r,
    }
}

/// What the generated files name as loa's repository while loa's Cargo.toml
/// has no `repository`.
pub const PLACEHOLDER_GIT: &str = "https://github.com/OWNER/loa";

/// The UTC cron line (`minute hour * * *`) that runs at 00:05 in `tz` or a
/// little later, never before midnight: in a zone with daylight saving the
/// run falls at 00:05 or 01:05. Also a comment saying so.
pub fn daily_cron(tz: Tz) -> (String, String) {
    let offset = |m| tz.from_utc_datetime(&NaiveDate::from_ymd_opt(2027, m, 1).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default()).offset().fix().local_minus_utc() / 60;
    let (jan, jul) = (offset(1), offset(7));
    let least = jan.min(jul);
    let at = (5 - least).rem_euclid(24 * 60);
    let (h, m) = (at / 60, at % 60);
    let sign = |o: i32| format!("UTC{}{:02}:{:02}", if o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60);
    let comment = if jan == jul {
        format!("00:05 {} ({}{}) = {h:02}:{m:02} UTC{}.", tz.name(), sign(jan), if tz.name() == "Asia/Ho_Chi_Minh" { ", no daylight saving" } else { "" }, if at > 5 { " the day before" } else { "" })
    } else {
        format!("00:05 {} in {} ({h:02}:{m:02} UTC); 01:05 while {} is in force.", tz.name(), sign(least), sign(jan.max(jul)))
    };
    (format!("{m} {h} * * *"), comment)
}

/// `template` with each `@NAME@` replaced by its value, in one pass: a value
/// that holds `@…@` itself (a branch may) is never read as a placeholder.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        match values.iter().find(|(k, _)| after.starts_with(k)) {
            Some((k, v)) => {
                out.push_str(v);
                rest = &after[k.len()..];
            }
            None => {
                out.push('@');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The files for `host`, relative to the site root, filled in for the site
/// at `root`.
pub fn files(root: &Path, host: Host, opts: &Options) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let read = |file: &str| read_text(root, Path::new(file), Some(crate::t!("root-hint")));
    let site = site::parse(&read(site::FILE)?)?;
    let timezone = calendar::parse(&read(calendar::FILE)?, Some(&site.languages))?.timezone;
    let host_name = site.base.host_str().unwrap_or("example.org").to_owned();
    let srv = format!("/srv/{host_name}");
    let www = format!("{srv}/www");
    // nginx decodes the request's path before it looks for a file: the
    // output folder is the decoded path (`/tin-tức/`, not `/tin-t%E1%BB%A9c/`).
    // site.yaml's check makes sure it decodes to text.
    let base_path = percent_encoding::percent_decode_str(&site.base_path).decode_utf8_lossy().into_owned();
    let out_dir = format!("{www}{}", base_path.trim_end_matches('/'));
    let site_dir = format!("{srv}/site");
    let (cron, cron_comment) = daily_cron(timezone);
    let loa_bin = opts.loa_bin.as_ref().map_or_else(|| "/usr/local/bin/loa".to_owned(), |p| p.display().to_string());
    let branch = site.cms.as_ref().map_or("main", |c| c.branch.as_str()).to_owned();
    let nginx_prelude = if base_path.contains('$') { quote::NGINX_DOLLAR } else { "" };
    let values: &[(&str, &str)] = &[
        ("@BRANCH_YAML@", &quote::yaml_string(&quote::github_branch_pattern(&branch))),
        ("@BRANCH_SH@", &quote::shell_word(&branch)),
        ("@BRANCH_UNIT@", &quote::systemd_word(&branch)),
        ("@LOA_BIN_UNIT@", &quote::systemd_word(&loa_bin)),
        ("@SITE_DIR_UNIT@", &quote::systemd_word(&site_dir)),
        ("@OUT_DIR_UNIT@", &quote::systemd_word(&out_dir)),
        ("@SRV_UNIT@", &quote::systemd_word(&srv)),
        ("@SITE_DIR_PATH@", &quote::systemd_text(&site_dir)),
        ("@NGINX_PRELUDE@", nginx_prelude),
        ("@NGINX_404@", &quote::nginx_string(&format!("{base_path}404.html"), true)),
        ("@NGINX_SCHEDULE@", &quote::nginx_string(&format!("{base_path}schedule.json"), false)),
        ("@NGINX_ADMIN@", &quote::nginx_string(&format!("{base_path}admin/"), false)),
        ("@LOA_VERSION@", &loa_tag()),
        ("@LOA_GIT@", loa_git()),
        ("@BRANCH@", &branch),
        ("@CRON@", &cron),
        ("@CRON_COMMENT@", &cron_comment),
        ("@TIMEZONE@", timezone.name()),
        ("@HOST@", &host_name),
        ("@SRV@", &srv),
        ("@WWW@", &www),
        ("@SITE_DIR@", &site_dir),
        ("@OUT_DIR@", &out_dir),
        ("@LOA_BIN@", &loa_bin),
        ("@TITLE@", site.title.get(site.default_language(), site.default_language())),
    ];
    let fill = |template: &str| fill(template, values);
    let list: Vec<(String, &str)> = match host {
        Host::GitHub => vec![(".github/workflows/loa.yml".into(), include_str!("templates/github.yml"))],
        Host::GitLab => vec![(".gitlab-ci.yml".into(), include_str!("templates/gitlab-ci.yml"))],
        Host::Server => vec![
            ("deploy/systemd/loa-build.service".into(), include_str!("templates/loa-build.service")),
            ("deploy/systemd/loa-build.timer".into(), include_str!("templates/loa-build.timer")),
            ("deploy/systemd/loa-pull.service".into(), include_str!("templates/loa-pull.service")),
            ("deploy/systemd/loa-pull.timer".into(), include_str!("templates/loa-pull.timer")),
            (format!("deploy/nginx/{host_name}.conf"), include_str!("templates/nginx.conf")),
        ],
    };
    Ok(list.into_iter().map(|(p, t)| (PathBuf::from(p), fill(t))).collect())
}

/// Writes the files for `host` into the site at `root`. An existing file is
/// never overwritten: it is an error naming it, and nothing is written.
pub fn write(root: &Path, host: Host, opts: &Options) -> Result<Vec<PathBuf>, Diagnostics> {
    let files = files(root, host, opts)?;
    let mut existing = Diagnostics::new();
    existing.extend(files
        .iter()
        .filter(|(rel, _)| root.join(rel).exists())
        .map(|(rel, _)| Diagnostic::error(display_path(&root.join(rel)), None, crate::t!("deploy-file-exists")).with_hint(crate::t!("deploy-file-exists-hint"))));
    if existing.has_errors() {
        return Err(existing);
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = root.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Diagnostic::error(display_path(parent), None, crate::t!("file-cannot-create", detail = &e)))?;
        }
        fs::write(&path, text).map_err(|e| Diagnostic::error(display_path(&path), None, crate::t!("file-cannot-write", detail = &e)))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cron_is_utc_and_never_before_midnight() {
        assert_eq!(daily_cron(chrono_tz::Asia::Ho_Chi_Minh).0, "5 17 * * *");
        assert!(daily_cron(chrono_tz::Asia::Ho_Chi_Minh).1.contains("UTC+07:00"));
        assert_eq!(daily_cron(chrono_tz::UTC).0, "5 0 * * *");
        assert_eq!(daily_cron(chrono_tz::Asia::Kolkata).0, "35 18 * * *");
        // Paris: UTC+1 in winter, +2 in summer; 23:05 UTC is 00:05 or 01:05 there.
        assert_eq!(daily_cron(chrono_tz::Europe::Paris).0, "5 23 * * *");
        // New York: UTC-5/-4; 05:05 UTC is 00:05 or 01:05 there.
        assert_eq!(daily_cron(chrono_tz::America::New_York).0, "5 5 * * *");
    }

    #[test]
    fn every_placeholder_is_filled() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "title: T\nbase_url: https://baovetreem.example.org/sub/\ncms:\n  name: decap\n  repo: a/b\n  branch: publish\n").unwrap();
        std::fs::write(dir.path().join("calendar.yaml"), "campaigns: []\n").unwrap();
        for host in [Host::GitHub, Host::GitLab, Host::Server] {
            for (rel, text) in files(dir.path(), host, &Options::default()).unwrap() {
                let left: Vec<&str> = text.split('@').skip(1).step_by(2).filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '_')).collect();
                assert!(left.is_empty(), "{}: {left:?}", rel.display());
                if host == Host::Server {
                    assert!(!text.contains("/srv/baovetreem.example.org/www/sub/"), "{text}");
                }
            }
        }
        let server = files(dir.path(), Host::Server, &Options::default()).unwrap();
        assert!(server[0].1.contains("--out /srv/baovetreem.example.org/www/sub\n"), "{}", server[0].1);
        assert!(server[2].1.contains("\x27 loa-pull publish /"), "{}", server[2].1);
    }
}
