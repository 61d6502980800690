//! `admin/config.yml` and `admin/index.html`, as `loa build` writes them for
//! `cms:` in `site.yaml`, read back with a YAML parser: the collections, each
//! front-matter key's widget, the languages as multi-file i18n, the backend.
//! (The browser test, `tests/js/cms.e2e.mjs`, runs the real editor on them.)

use crate::common;

use serde_json::Value;

use common::{build, read, site};

/// Builds the `good` fixture with `cms` appended to its site.yaml and
/// returns the parsed config and the admin page.
fn admin(cms: &str) -> (Value, String) {
    let s = site("good");
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}{cms}"));
    // The self-hosted scripts, as copied from their npm packages.
    s.write("static/admin/decap-cms.js", "/* Decap CMS */");
    s.write("static/admin/sveltia-cms.js", "/* Sveltia CMS */");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let config: Value = serde_saphyr::from_str(&read(&out, "admin/config.yml")).expect("config.yml is YAML");
    (config, read(&out, "admin/index.html"))
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no collection {name}"))
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
    fields.as_array().unwrap().iter().find(|f| f["name"] == name).unwrap_or_else(|| panic!("no field {name} in {fields}"))
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap()).collect()
}

#[test]
fn decap_on_github_from_the_site() {
    let (c, html) = admin("cms:\n  name: decap\n  repo: so-ldtbxh/baovetreem\n");
    assert_eq!(c["backend"], serde_json::json!({"name": "github", "repo": "so-ldtbxh/baovetreem", "branch": "main"}));
    assert_eq!(c["local_backend"], true);
    assert_eq!(c["locale"], "vi");
    assert_eq!(c["site_url"], "https://loa.example/");
    assert_eq!(c["i18n"], serde_json::json!({"structure": "multiple_files", "locales": ["vi", "en"], "default_locale": "vi"}));
    assert_eq!(c["slug"]["clean_accents"], true);

    // The hub, one collection per campaign (in calendar order), the site-wide pages, the settings.
    assert_eq!(names(&c["collections"]), ["hub", "thang-tre-em", "chong-mua-ban-nguoi", "trung-thu", "pages", "settings"]);
    let camp = collection(&c, "thang-tre-em");
    assert_eq!(camp["folder"], "content/thang-tre-em");
    assert_eq!(camp["label"], "Tháng hành động vì trẻ em");
    assert_eq!(camp["create"], true);
    assert_eq!(camp["format"], "frontmatter");
    assert_eq!(camp["i18n"], true);
    let f = &camp["fields"];
    // Every front-matter key a page may have, then the body (variants only with localities.yaml).
    // (`slug` is left out: the editor names the file after the title.)
    let keys: Vec<&str> = loa::load::front_matter::KEYS.iter().copied().filter(|k| !["variants", "slug"].contains(k)).collect();
    let mut expected = keys.clone();
    expected.push("body");
    let mut got = names(f);
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected);
    assert_eq!(field(f, "title")["widget"], "string");
    assert!(field(f, "title").get("required").is_none(), "title is required");
    assert_eq!(field(f, "date")["widget"], "datetime");
    assert_eq!(field(f, "date")["format"], "YYYY-MM-DD");
    assert_eq!(field(f, "draft")["widget"], "boolean");
    assert_eq!(field(f, "weight")["value_type"], "int");
    for window in ["publish", "expire"] {
        let w = field(f, window);
        assert_eq!(w["widget"], "string");
        assert_eq!(w["pattern"][0], loa::render::cms::config::BOUND_PATTERN);
        assert!(w["hint"].as_str().unwrap().contains("end+7d") || w["hint"].as_str().unwrap().contains("start-14d"), "{w}");
    }
    let audience = field(f, "audience");
    assert_eq!((audience["widget"].as_str(), audience["multiple"].as_bool()), (Some("select"), Some(true)));
    let values: Vec<&str> = audience["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect();
    assert_eq!(values, ["can-bo", "cha-me", "cong-dong", "giao-vien", "tre-em"]);
    assert_eq!(audience["options"][1]["label"], "Dành cho cha mẹ, người chăm sóc trẻ");
    let leaflet = field(f, "leaflet");
    assert_eq!(leaflet["multiple"], true);
    assert_eq!(leaflet["options"].as_array().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect::<Vec<_>>(), ["a4", "a5", "trifold", "booklet", "poster-a3", "poster-a2"]);
    assert_eq!(field(f, "image")["widget"], "image");
    assert!(field(f, "image_alt")["hint"].as_str().unwrap().contains("Bắt buộc khi có ảnh"));
    assert_eq!(field(f, "body")["modes"], serde_json::json!(["raw"]));
    // What is translated lives in x.en.md; the rest only in the default language's file.
    for (k, tr) in [("title", true), ("summary", true), ("body", true), ("image_alt", true), ("audience", false)] {
        assert_eq!(field(f, k)["i18n"], tr, "{k}");
    }
    // The window and `draft` are copied into every translation, unchanged: a
    // translation is published exactly when its original is (issue #19).
    for k in ["publish", "expire", "draft"] {
        assert_eq!(field(f, k)["i18n"], "duplicate", "{k}");
    }

    // Site-wide pages take dates, not offsets from a campaign; the hub has no window.
    assert_eq!(field(&collection(&c, "pages")["fields"], "publish")["widget"], "datetime");
    assert_eq!(names(&collection(&c, "hub")["fields"]), ["title", "summary", "date", "body"]);
    assert_eq!(collection(&c, "hub")["create"], false);

    // calendar.yaml and site.yaml as forms, with the `when` grammar in the hint.
    let files = collection(&c, "settings")["files"].as_array().unwrap();
    assert_eq!(files.iter().map(|f| f["file"].as_str().unwrap()).collect::<Vec<_>>(), ["calendar.yaml", "site.yaml"]);
    let campaigns = field(&files[0]["fields"], "campaigns");
    assert_eq!(campaigns["widget"], "list");
    let when = field(&campaigns["fields"], "when");
    for example in ["30/7", "1/6 - 30/6", "tháng 6", "15/8 âm lịch", "1/3/2027 - 8/3/2027"] {
        assert!(when["hint"].as_str().unwrap().contains(&format!("`{example}`")), "{example} missing from {when}");
    }
    assert_eq!(field(&campaigns["fields"], "title")["widget"], "object");
    assert_eq!(names(&field(&campaigns["fields"], "title")["fields"]), ["vi", "en"]);
    // Keys the form does not edit are kept (hidden), `cms` itself included:
    // every key site.yaml takes (read from its loader's struct), or saving
    // the form would drop it (`broadcast:` once was).
    let site_fields = names(&files[1]["fields"]);
    let loader = std::fs::read_to_string(common::repo().join("src/load/site.rs")).unwrap();
    let body = loader.split("struct SiteFile {").nth(1).and_then(|b| b.split("\n}").next()).unwrap();
    let keys: Vec<&str> = body.lines().map(str::trim).filter(|l| !l.starts_with('#') && !l.starts_with("//")).filter_map(|l| l.split_once(':').map(|(k, _)| k)).filter(|k| !k.is_empty()).collect();
    assert!(keys.len() >= 15 && keys.contains(&"broadcast") && keys.contains(&"leaflets"), "site.yaml's keys not read: {keys:?}");
    for k in keys {
        assert!(site_fields.contains(&k), "site.yaml's {k} is not in the editor's form: saving would drop it");
    }

    assert!(html.contains(r#"<link href="config.yml" type="application/yaml" rel="cms-config-url">"#));
    assert!(html.contains(r#"<script src="./decap-cms.js" onerror="document.getElementById('loa-no-editor').hidden=false"></script>"#), "{html}");
    assert!(html.contains("Decap CMS 3.16.3"));
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
}

#[test]
fn gitlab_gitea_sveltia_and_the_cdn() {
    let (c, html) = admin("cms:\n  name: decap\n  backend: gitlab\n  repo: ubnd/baovetreem\n  branch: publish\n  host: https://gitlab.example.org\n  app_id: 1234abcd\n  script: cdn\n");
    assert_eq!(
        c["backend"],
        serde_json::json!({"name": "gitlab", "repo": "ubnd/baovetreem", "branch": "publish", "base_url": "https://gitlab.example.org", "api_root": "https://gitlab.example.org/api/v4", "auth_type": "pkce", "app_id": "1234abcd"})
    );
    assert!(html.contains(r#"<script src="https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js" onerror="document.getElementById('loa-no-editor').hidden=false"></script>"#), "{html}");
    assert!(html.contains("unpkg.com, nhưng không tải được") && html.contains("from unpkg.com, and it could not be loaded"), "{html}");

    let (c, _) = admin("cms:\n  name: decap\n  backend: gitea\n  repo: ubnd/baovetreem\n  host: https://git.example.org\n");
    assert_eq!(c["backend"]["api_root"], "https://git.example.org/api/v1");

    let (c, html) = admin("cms:\n  name: sveltia\n  repo: so-ldtbxh/baovetreem\n");
    assert_eq!(c["i18n"]["omit_default_locale_from_file_path"], true, "Sveltia writes x.md, not x.vi.md");
    assert_eq!(c["output"]["omit_empty_optional_fields"], true);
    assert!(c.get("local_backend").is_none());
    assert!(html.contains(r#"<script src="./sveltia-cms.js" onerror="document.getElementById('loa-no-editor').hidden=false"></script>"#), "{html}");
    assert!(!html.contains("registerEventListener"));
}

/// No `cms:`, no `admin/`; nor when the self-hosted script is missing (a
/// warning says so), since the page could not start.
#[test]
fn no_cms_no_admin() {
    let s = site("good");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(!out.join("admin").exists());
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}cms:\n  name: decap\n  repo: a/b\n"));
    build(&s.root, &out, Some("2027-06-10"), &[]).ok().stderr_has("site.yaml:28:9: static/admin/decap-cms.js is missing, so the browser editor (/admin/) is not published");
    assert!(!out.join("admin").exists());
}

/// The self-hosted editor's files in static/admin/ are published as they are
/// beside the generated ones; a generated file cannot be overridden there.
#[test]
fn self_hosted_files_are_published() {
    let s = site("good");
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}cms:\n  name: decap\n  repo: a/b\n"));
    s.write("static/admin/decap-cms.js", "/* the editor */");
    s.write("static/admin/1077.decap-cms.js", "/* a chunk */");
    let out = s.beside("out");
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok();
    assert!(!run.stderr.contains("is missing"), "{}", run.stderr);
    assert_eq!(read(&out, "admin/decap-cms.js"), "/* the editor */");
    assert_eq!(read(&out, "admin/1077.decap-cms.js"), "/* a chunk */");
    s.write("static/admin/config.yml", "backend: {name: test-repo}\n");
    common::build(&s.root, &s.beside("out2"), Some("2027-06-10"), &[]).expect_code(1).stderr_has("static/admin/config.yml: this file would overwrite the generated admin/config.yml");
}
