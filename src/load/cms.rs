//! The `cms:` block of `site.yaml` → [`Cms`]: which browser editor the build
//! sets up under `admin/`, where it saves (the Git host and repository), and
//! where its script loads from.
//!
//! ```yaml
//! cms:
//!   name: decap                  # decap | sveltia
//!   backend: github              # github | gitlab | gitea (default github)
//!   repo: so-ldtbxh/baovetreem   # owner/name of the site's repository
//!   branch: main                 # default main
//!   script: self-hosted          # self-hosted (default: static/admin/) | cdn
//! ```

use serde::Deserialize;

use super::yaml::{content_position, position_of, Spanned};
use crate::diag::{did_you_mean, Diagnostic, Position};
use crate::i18n::Msg;
use crate::t;

/// The Decap CMS release the generated `admin/` is written for and loads.
pub const DECAP_VERSION: &str = "3.16.3";
/// The Sveltia CMS release the generated `admin/` is written for and loads.
pub const SVELTIA_VERSION: &str = "0.221.1";

/// Which browser editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    /// Decap CMS (formerly Netlify CMS).
    Decap,
    /// Sveltia CMS, a rewrite that reads Decap's configuration.
    Sveltia,
}

impl Editor {
    /// Its name in `site.yaml`.
    pub fn name(self) -> &'static str {
        match self {
            Editor::Decap => "decap",
            Editor::Sveltia => "sveltia",
        }
    }

    /// The pinned release.
    pub fn version(self) -> &'static str {
        match self {
            Editor::Decap => DECAP_VERSION,
            Editor::Sveltia => SVELTIA_VERSION,
        }
    }

    /// The npm package that ships its script.
    pub fn package(self) -> &'static str {
        match self {
            Editor::Decap => "decap-cms",
            Editor::Sveltia => "@sveltia/cms",
        }
    }

    /// The file name of its script, in the package's `dist/` and in `admin/`.
    pub fn script(self) -> &'static str {
        match self {
            Editor::Decap => "decap-cms.js",
            Editor::Sveltia => "sveltia-cms.js",
        }
    }

    /// Where its script is on the CDN that mirrors npm, pinned to the release.
    pub fn cdn_url(self) -> String {
        format!("https://unpkg.com/{}@{}/dist/{}", self.package(), self.version(), self.script())
    }
}

/// Where the editor reads and saves the site's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// github.com (or GitHub Enterprise with `host`).
    GitHub,
    /// gitlab.com or a GitLab of one's own (`host`).
    GitLab,
    /// A Gitea or Forgejo server (`host` required).
    Gitea,
}

impl Backend {
    /// Its name in `site.yaml` and in the editor's configuration.
    pub fn name(self) -> &'static str {
        match self {
            Backend::GitHub => "github",
            Backend::GitLab => "gitlab",
            Backend::Gitea => "gitea",
        }
    }
}

/// Where the editor's script loads from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// From the site itself: the files of the npm package copied into
    /// `static/admin/` (nothing is loaded from another host).
    SelfHosted,
    /// From unpkg.com, pinned to the release.
    Cdn,
}

/// The browser editor's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cms {
    /// Which editor.
    pub editor: Editor,
    /// The Git host.
    pub backend: Backend,
    /// `owner/name` of the site's repository.
    pub repo: String,
    /// The branch the editor commits to.
    pub branch: String,
    /// Where the script loads from.
    pub script: Script,
    /// The Git server's address, for a GitLab or Gitea of one's own.
    pub host: Option<String>,
    /// The address of the OAuth service that signs staff in to GitHub
    /// (Decap's `base_url`), if the site uses one.
    pub auth_url: Option<String>,
    /// The OAuth application id, for GitLab and Gitea sign-in without a
    /// server of one's own (PKCE).
    pub app_id: Option<String>,
    /// Where `cms:` is written in `site.yaml`.
    pub position: Option<Position>,
}

/// The `cms:` block as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CmsFile {
    name: Spanned<String>,
    backend: Option<Spanned<String>>,
    repo: Option<Spanned<String>>,
    branch: Option<Spanned<String>>,
    script: Option<Spanned<String>>,
    host: Option<Spanned<String>>,
    auth_url: Option<Spanned<String>>,
    app_id: Option<String>,
}

/// `cms:` as written: a block, or the editor's name alone (`cms: decap`,
/// the first thing a newcomer writes), short for `cms: {name: decap}`.
pub enum CmsField {
    /// The editor's name alone.
    Short(String),
    /// The block.
    Block(Box<CmsFile>),
}

impl<'de> Deserialize<'de> for CmsField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = CmsField;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the editor's name (decap, sveltia) or a block of its settings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CmsField, E> {
                Ok(CmsField::Short(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<CmsField, A::Error> {
                CmsFile::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(|b| CmsField::Block(Box::new(b)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Checks `cms:` of `site.yaml` (whose text is `text`), a block or the
/// editor's name alone; for the name alone, what is still missing is said
/// at it, with the block to write.
pub fn parse_field(field: Spanned<CmsField>, text: &str) -> Result<Cms, Vec<Diagnostic>> {
    let Spanned { value, referenced, defined } = field;
    let name = match value {
        CmsField::Block(block) => return parse(*block, text),
        CmsField::Short(name) => name,
    };
    let raw = CmsFile { name: Spanned::new(name.clone(), referenced, defined), backend: None, repo: None, branch: None, script: None, host: None, auth_url: None, app_id: None };
    let written = name.trim().to_owned();
    parse(raw, text).map_err(|diags| {
        diags
            .into_iter()
            .map(|d| {
                if d.message() != t!("cms-no-repo").as_str() {
                    return d;
                }
                Diagnostic::error(super::site::FILE, d.position, t!("cms-short-no-repo", name = written.as_str()))
                    .with_hint(t!("cms-short-no-repo-hint", name = written.as_str()))
                    .with_source(text)
            })
            .collect()
    })
}

/// What the keys of the `cms:` block take.
pub fn takes(key: &str) -> Option<Msg> {
    Some(match key {
        "name" => t!("takes-one-of", choices = "decap, sveltia"),
        "backend" => t!("takes-one-of", choices = "github, gitlab, gitea"),
        "repo" => t!("takes-repo"),
        "branch" => t!("takes-branch"),
        "script" => t!("takes-one-of", choices = "self-hosted, cdn"),
        "host" | "auth_url" => t!("takes-https"),
        "app_id" => t!("takes-text"),
        _ => return None,
    })
}

/// Checks the `cms:` block of `site.yaml` (whose text is `text`). Every
/// problem is returned, located.
pub fn parse(raw: CmsFile, text: &str) -> Result<Cms, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let at = |s: &Spanned<String>| content_position(text, position_of(s, 0));
    let mut err = |pos: Option<Position>, msg: Msg, hint: Msg| {
        diags.push(Diagnostic::error(super::site::FILE, pos, msg).with_hint(hint).with_source(text));
    };
    let one_of = |s: &Spanned<String>, key: &str, choices: &[&str]| -> Result<usize, (Msg, Msg)> {
        let v = s.value.trim();
        choices.iter().position(|c| *c == v).ok_or_else(|| {
            let hint = match did_you_mean(v, choices.iter().copied()) {
                Some(d) => t!("yaml-did-you-mean", key = d),
                None => t!("cms-write-one-of", choices = choices.join(", ")),
            };
            (t!("cms-not-one-of", key = key, value = v, choices = choices.join(", ")), hint)
        })
    };
    let editor = match one_of(&raw.name, "name", &["decap", "sveltia"]) {
        Ok(0) => Editor::Decap,
        Ok(_) => Editor::Sveltia,
        Err((m, h)) => {
            err(at(&raw.name), m, h);
            Editor::Decap
        }
    };
    let backend = match &raw.backend {
        None => Backend::GitHub,
        Some(b) => match one_of(b, "backend", &["github", "gitlab", "gitea"]) {
            Ok(0) => Backend::GitHub,
            Ok(1) => Backend::GitLab,
            Ok(_) => Backend::Gitea,
            Err((m, h)) => {
                err(at(b), m, h);
                Backend::GitHub
            }
        },
    };
    let position = content_position(text, position_of(&raw.name, 0));
    let repo = match &raw.repo {
        Some(r) => {
            let v = r.value.trim().trim_end_matches(".git").to_owned();
            let ok = v.split('/').count() >= 2 && v.split('/').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
            if !ok {
                err(at(r), t!("cms-not-repo", value = v.as_str()), t!("cms-repo-hint"));
            }
            v
        }
        None => {
            err(position, t!("cms-no-repo"), t!("cms-no-repo-hint"));
            String::new()
        }
    };
    let branch = match &raw.branch {
        Some(b) if b.value.trim().is_empty() => {
            err(at(b), t!("cms-not-branch", value = b.value.as_str()), t!("cms-branch-hint"));
            String::new()
        }
        // git's own rules: the branch reaches the deploy files (a workflow's
        // filter, a systemd unit's command line), which quote it too.
        Some(b) if super::ref_name::branch_problem(b.value.trim()).is_some() => {
            err(at(b), t!("cms-not-branch", value = b.value.trim()), t!("cms-branch-rules-hint"));
            String::new()
        }
        Some(b) => b.value.trim().to_owned(),
        None => "main".to_owned(),
    };
    let script = match &raw.script {
        None => Script::SelfHosted,
        Some(s) => match one_of(s, "script", &["self-hosted", "cdn"]) {
            Ok(0) => Script::SelfHosted,
            Ok(_) => Script::Cdn,
            Err((m, h)) => {
                err(at(s), m, h);
                Script::SelfHosted
            }
        },
    };
    let mut url = |s: &Option<Spanned<String>>, key: &str| -> Option<String> {
        let s = s.as_ref()?;
        let v = s.value.trim().trim_end_matches('/').to_owned();
        match url::Url::parse(&v) {
            Ok(u) if u.scheme() == "https" && u.host_str().is_some() => Some(v),
            _ => {
                err(at(s), t!("cms-not-https", value = v.as_str()), t!("cms-https-hint", key = key));
                None
            }
        }
    };
    let host = url(&raw.host, "host");
    let auth_url = url(&raw.auth_url, "auth_url");
    if backend == Backend::Gitea && raw.host.is_none() {
        err(position, t!("cms-gitea-host"), t!("cms-gitea-host-hint"));
    }
    if diags.is_empty() {
        Ok(Cms { editor, backend, repo, branch, script, host, auth_url, app_id: raw.app_id.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()), position })
    } else {
        Err(diags)
    }
}

#[cfg(test)]
mod tests {
    use crate::load::site;

    use super::*;

    fn cms(block: &str) -> Result<Cms, Vec<String>> {
        let text = format!("title: T\nbase_url: https://example.org/\ncms:\n{block}");
        site::parse(&text).map(|s| s.cms.expect("a cms block")).map_err(|d| d.iter().map(|d| format!("{}: {}", d.location(), d.message())).collect())
    }

    #[test]
    fn defaults() {
        let c = cms("  name: decap\n  repo: so/site\n").unwrap();
        assert_eq!((c.editor, c.backend, c.repo.as_str(), c.branch.as_str(), c.script), (Editor::Decap, Backend::GitHub, "so/site", "main", Script::SelfHosted));
    }

    #[test]
    fn every_setting() {
        let c = cms("  name: sveltia\n  backend: gitlab\n  repo: group/sub/site\n  branch: publish\n  script: cdn\n  host: https://gitlab.example.org/\n  app_id: abc\n").unwrap();
        assert_eq!((c.editor, c.backend, c.branch.as_str(), c.script), (Editor::Sveltia, Backend::GitLab, "publish", Script::Cdn));
        assert_eq!(c.host.as_deref(), Some("https://gitlab.example.org"));
        assert_eq!(c.app_id.as_deref(), Some("abc"));
    }

    #[test]
    fn the_name_alone_is_short_for_a_block_and_says_what_is_missing() {
        let site = |cms: &str| site::parse(&format!("title: T\nbase_url: https://example.org/\ncms: {cms}\n"));
        let e = site("decap").unwrap_err();
        assert_eq!(e.0.len(), 1, "{e}");
        assert_eq!(e.0[0].location(), "site.yaml:3:6");
        assert_eq!(e.0[0].message(), "`cms: decap` chooses the editor; it still needs `repo:`, the repository the editor saves into");
        assert!(e.0[0].hint().unwrap().contains("name: decap") && e.0[0].hint().unwrap().contains("repo: "), "{e}");
        let e = site("sveltia").unwrap_err();
        assert!(e.0[0].message().starts_with("`cms: sveltia` chooses the editor"), "{e}");
        // A name that is no editor's is said as for the block.
        let e = site("wordpress").unwrap_err();
        assert_eq!(e.0[0].location(), "site.yaml:3:6");
        assert!(e.0[0].message().contains("`wordpress` is not one of decap, sveltia"), "{e}");
        // The flow form of the block is the block.
        assert_eq!(site("{name: sveltia, repo: so/site}").unwrap().cms.unwrap().editor, Editor::Sveltia);
    }

    #[test]
    fn mistakes_are_located() {
        let e = cms("  name: decapp\n  backend: bitbucket\n  repo: just-a-name\n  script: remote\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                "site.yaml:4:9: cms name: `decapp` is not one of decap, sveltia",
                "site.yaml:5:12: cms backend: `bitbucket` is not one of github, gitlab, gitea",
                "site.yaml:6:9: `just-a-name` is not a repository name",
                "site.yaml:7:11: cms script: `remote` is not one of self-hosted, cdn",
            ]
        );
        assert_eq!(cms("  name: decap\n").unwrap_err(), vec!["site.yaml:4:9: `cms` needs `repo`: the repository the editor saves into"]);
        assert_eq!(cms("  name: decap\n  repo: a/b\n  backend: gitea\n").unwrap_err(), vec!["site.yaml:4:9: `backend: gitea` needs `host`: the Gitea server's address"]);
        assert!(cms("  name: decap\n  repo: a/b\n  colour: red\n").unwrap_err()[0].contains("colour"));
        assert_eq!(cms("  name: decap\n  repo: a/b\n  branch: \"a..b\"\n").unwrap_err(), vec!["site.yaml:6:12: `a..b` is not a branch name"]);
        assert_eq!(cms("  name: decap\n  repo: a/b\n  branch: main;id\n").unwrap().branch, "main;id");
    }
}
