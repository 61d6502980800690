//! End-to-end tests of the `loa` binary on the fixture sites in `tests/fixtures/`.
//!
//! Each test copies a fixture into a temporary folder, runs the real binary and
//! looks at its exit code, its messages and the files it wrote.
//!
//! The `good` fixture's calendar, as the dates below rely on it:
//!
//! | campaign | when | lead | linger |
//! | --- | --- | --- | --- |
//! | `thang-tre-em` | 1/6 - 30/6 | 30 | 45 |
//! | `chong-mua-ban-nguoi` | 30/7 | 21 | 7 |
//! | `trung-thu` | 15/8 âm lịch (15/9/2027) | 60 | 7 |
//!
//! `content/thang-tre-em/ke-hoach-tuyen-truyen.md` is live from `start-14d` to
//! `end+7d`, i.e. [2027-05-18, 2027-07-07) in 2027.

use crate::common;

use std::fs;

use common::*;

const EMBARGO: &str = "EMBARGO-MARKER-4410";
const EMBARGO_SLUG: &str = "ke-hoach-tuyen-truyen";
const DRAFT: &str = "DRAFT-MARKER-7731";
const DRAFT_SLUG: &str = "ban-nhap";
/// The page of copy-paste embed snippets for partner sites (in the default
/// language; `en/embed/index.html` in English).
const EMBED_INDEX: &str = "embed/index.html";

/// Builds a copy of `good` as of `at` into `tmp/out`; returns the site (which
/// owns the temporary folder) and the output path.
fn build_good(at: &str, extra: &[&str]) -> (Site, std::path::PathBuf) {
    let s = site("good");
    let out = s.beside("out");
    build(&s.root, &out, Some(at), extra).ok();
    (s, out)
}

// ---------------------------------------------------------------------------
// 1. A good build
// ---------------------------------------------------------------------------

#[test]
fn good_site_builds_every_expected_file() {
    let (s, out) = build_good("2027-06-10", &[]);
    for f in [
        "index.html",
        "en/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "build.json",
        "style.css",
        "favicon.svg",
        "thang-tre-em/index.html",
        "en/thang-tre-em/index.html",
        "chong-mua-ban-nguoi/index.html",
        "trung-thu/index.html",
        "thang-tre-em/hoat-dong/index.html",
        "gioi-thieu/index.html",
        "en/gioi-thieu/index.html",
        "cach-bao-tin/index.html",
        "thang-tre-em/tranh-ve.png",
    ] {
        assert!(out.join(f).is_file(), "{f} is missing from the output: {:?}", tree(&out).keys().collect::<Vec<_>>());
    }
    // The picture is published made anew: the same pixels.
    let pixels = |p: std::path::PathBuf| image::open(p).unwrap().to_rgba8().into_raw();
    assert_eq!(
        pixels(out.join("thang-tre-em/tranh-ve.png")),
        pixels(s.root.join("content/thang-tre-em/tranh-ve.png"))
    );
    // Campaigns without an English home get no English page.
    assert!(!out.join("en/trung-thu").exists());
    // robots.txt names the sitemap at the base URL.
    assert!(read(&out, "robots.txt").contains("Sitemap: https://loa.example/sitemap.xml"));
    // The sitemap lists pages with absolute URLs.
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://loa.example/thang-tre-em/hoat-dong/</loc>"), "{sitemap}");
}

#[test]
fn good_site_pages_have_their_language_alternates_and_hotlines() {
    let (_s, out) = build_good("2027-06-10", &[]);
    let html = html_files(&out);
    assert!(html.len() >= 12, "{:?}", html.keys());
    for (file, text) in &html {
        let want = if file.starts_with("en/") { "<html lang=\"en\">" } else { "<html lang=\"vi\">" };
        assert!(text.contains(want), "{file} lacks {want}");
        // The hotlines are one tap away on every page; the small embeddable
        // widgets show the first (national) line only.
        if is_embed_index(file) {
            continue; // See embed_index_page_shows_the_hotline.
        }
        assert!(text.contains("href=\"tel:111\""), "{file} has no tel:111 link");
        if !is_embed(file) {
            assert!(text.contains("href=\"tel:0243525662\""), "{file} has no tel: link for 024.3525.662");
        }
    }
    // A page and its translation point at each other.
    let vi = &html["gioi-thieu/index.html"];
    let en = &html["en/gioi-thieu/index.html"];
    for (text, lang, href) in [
        (vi, "en", "https://loa.example/en/gioi-thieu/"),
        (vi, "vi", "https://loa.example/gioi-thieu/"),
        (en, "vi", "https://loa.example/gioi-thieu/"),
        (en, "en", "https://loa.example/en/gioi-thieu/"),
        (en, "x-default", "https://loa.example/gioi-thieu/"),
    ] {
        let found = tags(text, "link").iter().any(|t| {
            attr(t, "rel").as_deref() == Some("alternate") && attr(t, "hreflang").as_deref() == Some(lang) && attr(t, "href").as_deref() == Some(href)
        });
        assert!(found, "no <link rel=alternate hreflang={lang} href={href}> in\n{text}");
    }
    // The language switch links the other version.
    assert!(vi.contains("href=\"/en/gioi-thieu/\""), "{vi}");
    assert!(en.contains("href=\"/gioi-thieu/\""), "{en}");
    // A page without a translation has no alternates in other languages.
    let single = &html["cach-bao-tin/index.html"];
    assert!(!single.contains("hreflang=\"en\""), "{single}");
}

#[test]
fn good_site_resolves_markdown_links_with_fragments_and_assets() {
    let (_s, out) = build_good("2027-06-10", &[]);
    let page = read(&out, "thang-tre-em/hoat-dong/index.html");
    assert!(page.contains("<a href=\"/cach-bao-tin/#goi-111\">cách gọi tổng đài</a>"), "{page}");
    assert!(read(&out, "cach-bao-tin/index.html").contains("id=\"goi-111\""));
    // The picture is a <picture> of its resized copies (the links below check they exist).
    assert!(page.contains("<picture><source type=\"image/webp\" srcset=\"/img/"), "{page}");
    assert!(page.contains("tranh-ve-1.webp 1w\""), "{page}");
    assert!(!page.contains(".md\""), "a .md link reached the output: {page}");
    let n = assert_internal_links_resolve(&out);
    assert!(n > 50, "only {n} internal links checked");
}

#[test]
fn good_site_output_has_no_scripts_and_loads_nothing_from_other_hosts() {
    let (_s, out) = build_good("2027-06-10", &[]);
    // The raw HTML page kept its text but lost its scripts and handlers.
    let raw = read(&out, "noi-dung-tho/index.html");
    assert!(raw.contains("chữ đậm") && raw.contains("Khối HTML") && raw.contains("liên kết khác"), "{raw}");
    // The only scripts are loa's own: the quick exit's on every page, the
    // search on the search pages.
    for js in ["search.js", "safety.js"] {
        assert_eq!(fs::read(out.join(js)).unwrap(), fs::read(repo().join("themes/default/static").join(js)).unwrap());
    }
    for (file, text) in text_files(&out).into_iter().filter(|(f, _)| !f.ends_with(".js")) {
        let lower = text.to_lowercase();
        let search_page = file == "tim-kiem/index.html" || file == "en/search/index.html";
        let lower = if file.ends_with(".html") && !is_embed(&file) {
            assert_eq!(lower.matches("<script src=\"/safety.js\" defer></script>").count(), 1, "{file}");
            lower.replace("<script src=\"/safety.js\" defer></script>", "")
        } else {
            lower
        };
        let allowed = if search_page {
            lower.replace("<script src=\"/search.js\" defer></script>", "")
        } else if is_auto_widget(&file) {
            // The auto-height widgets' one inline script: it posts the height, and nothing else.
            let script = between(&lower, "<script>", "</script>").to_owned();
            assert!(script.contains("postmessage") && !script.contains("src=") && !script.contains("fetch"), "{file}: {script}");
            lower.replace(&format!("{script}</script>"), "")
        } else {
            lower.clone()
        };
        for bad in ["<script", "onclick", "onmouseover", "javascript:", "alert(", "steal()"] {
            assert!(!allowed.contains(bad), "{file} contains {bad:?}");
        }
    }
    let external = |u: &str| {
        let u = u.trim().to_lowercase();
        u.starts_with("http://") || u.starts_with("https://") || u.starts_with("//")
    };
    for (file, text) in html_files(&out) {
        for attr_name in ["src", "srcset", "data", "poster", "action"] {
            for v in attr_values(&text, attr_name) {
                assert!(!external(&v), "{file}: {attr_name}=\"{v}\" loads from another host");
            }
        }
        for t in tags(&text, "link") {
            let rel = attr(t, "rel").unwrap_or_default();
            if ["canonical", "alternate"].contains(&rel.as_str()) {
                continue; // Not fetched by browsers.
            }
            let href = attr(t, "href").unwrap_or_default();
            assert!(!external(&href), "{file}: {t} loads from another host");
        }
    }
    // The stylesheet is the site's own, and loads nothing else.
    assert!(read(&out, "index.html").contains("<link rel=\"stylesheet\" href=\"/style.css\">"));
    for (file, css) in text_files(&out).into_iter().filter(|(k, _)| k.ends_with(".css")) {
        let css = css.to_lowercase().replace(char::is_whitespace, "");
        assert!(!css.contains("@import"), "{file} imports something");
        for u in ["url(http", "url(\"http", "url('http", "url(//", "url(\"//", "url('//"] {
            assert!(!css.contains(u), "{file} loads {u}…");
        }
    }
}

// ---------------------------------------------------------------------------
// 2. --at decides campaign states
// ---------------------------------------------------------------------------

#[test]
fn at_inside_a_range_shows_the_campaign_as_active() {
    let (_s, out) = build_good("2027-06-10", &[]);
    let hub = read(&out, "index.html");
    let active = between(&hub, "id=\"h-active\"", "</section>");
    assert!(active.contains("Đang diễn ra"), "{active}");
    assert!(active.contains("Tháng hành động vì trẻ em"), "{active}");
    assert!(!active.contains("Tết Trung thu"), "{active}");
    assert!(!hub.contains("id=\"h-upcoming\""), "nothing is upcoming on 2027-06-10\n{hub}");
    // The English hub says the same in English.
    let en = read(&out, "en/index.html");
    let active_en = between(&en, "id=\"h-active\"", "</section>");
    assert!(active_en.contains("Happening now") && active_en.contains("Action Month for Children"), "{active_en}");
    // The campaign's own page shows its state and dates.
    let home = read(&out, "thang-tre-em/index.html");
    assert!(home.contains("badge-active") && home.contains("datetime=\"2027-06-01\""), "{home}");

    let info: serde_json::Value = serde_json::from_str(&read(&out, "build.json")).unwrap();
    assert_eq!(info["as_of"], "2027-06-10");
    // Next change: the campaign ends on 30/6, so on 1/7 it becomes "recent".
    assert_eq!(info["next_change"], "2027-07-01");
    assert_eq!(info["drafts"], false);
}

#[test]
fn hub_sections_are_active_then_upcoming_then_recent() {
    // 30/7: the one-day campaign is on, Trung thu (15/9) is 47 days away
    // (lead 60), the children's month ended 30 days ago (linger 45).
    let (_s, out) = build_good("2027-07-30", &[]);
    let hub = read(&out, "index.html");
    let a = hub.find("id=\"h-active\"").expect("active section");
    let u = hub.find("id=\"h-upcoming\"").expect("upcoming section");
    let r = hub.find("id=\"h-recent\"").expect("recent section");
    assert!(a < u && u < r, "sections out of order: active {a}, upcoming {u}, recent {r}");
    let active = between(&hub, "id=\"h-active\"", "</section>");
    let upcoming = between(&hub, "id=\"h-upcoming\"", "</section>");
    let recent = between(&hub, "id=\"h-recent\"", "</section>");
    assert!(active.contains("Đang diễn ra") && active.contains("Ngày toàn dân phòng, chống mua bán người"), "{active}");
    assert!(upcoming.contains("Sắp diễn ra") && upcoming.contains("Tết Trung thu") && upcoming.contains("Bắt đầu sau 47 ngày"), "{upcoming}");
    assert!(recent.contains("Vừa kết thúc") && recent.contains("Tháng hành động vì trẻ em"), "{recent}");
    let info: serde_json::Value = serde_json::from_str(&read(&out, "build.json")).unwrap();
    assert_eq!(info["as_of"], "2027-07-30");
    // The countdown changes every day.
    assert_eq!(info["next_change"], "2027-07-31");
}

#[test]
fn at_fourteen_days_before_start_counts_down() {
    let (_s, out) = build_good("2027-05-18", &[]);
    let hub = read(&out, "index.html");
    assert!(!hub.contains("id=\"h-active\""), "{hub}");
    let upcoming = between(&hub, "id=\"h-upcoming\"", "</section>");
    assert!(upcoming.contains("Tháng hành động vì trẻ em") && upcoming.contains("Bắt đầu sau 14 ngày"), "{upcoming}");
    let en = read(&out, "en/index.html");
    assert!(between(&en, "id=\"h-upcoming\"", "</section>").contains("Starts in 14 days"), "{en}");
    let info: serde_json::Value = serde_json::from_str(&read(&out, "build.json")).unwrap();
    assert_eq!(info["as_of"], "2027-05-18");
    assert_eq!(info["next_change"], "2027-05-19");

    // The day before the embargoed page appears, that appearance is the next change.
    let (_s2, out2) = build_good("2027-05-17", &[]);
    let info: serde_json::Value = serde_json::from_str(&read(&out2, "build.json")).unwrap();
    assert_eq!(info["next_change"], "2027-05-18");
    assert!(read(&out2, "index.html").contains("Bắt đầu sau 15 ngày"));
}

#[test]
fn output_is_unchanged_until_the_announced_next_change() {
    // build.json on 2027-06-10 says the site next changes on 2027-07-01: every
    // other file is the same on 2027-06-30, and the hub differs on 2027-07-01.
    let s = site("good");
    let out = |d: &str| {
        let o = s.beside(d);
        build(&s.root, &o, Some(d), &[]).ok();
        let mut t = tree(&o);
        let info = t.remove("build.json").flatten().unwrap();
        (t, String::from_utf8(info).unwrap())
    };
    let (first, info) = out("2027-06-10");
    assert!(info.contains("\"next_change\": \"2027-07-01\""), "{info}");
    let (last_same, _) = out("2027-06-30");
    assert_same_tree(&first, &last_same);
    let (changed, _) = out("2027-07-01");
    assert_ne!(first.get("index.html"), changed.get("index.html"));
    let hub = String::from_utf8(changed["index.html"].clone().unwrap()).unwrap();
    assert!(between(&hub, "id=\"h-recent\"", "</section>").contains("Tháng hành động vì trẻ em"), "{hub}");
}

// ---------------------------------------------------------------------------
// 3. Embargoes and drafts leave no trace
// ---------------------------------------------------------------------------


#[test]
fn embargoed_page_appears_nowhere_outside_its_window() {
    // Before publish (start-14d = 2027-05-18), on the expiry day (end+7d =
    // 2027-07-07), and months away.
    for at in ["2027-05-17", "2027-07-07", "2027-03-01", "2027-12-01"] {
        let (_s, out) = build_good(at, &[]);
        assert_nowhere(&out, EMBARGO);
        assert_nowhere(&out, EMBARGO_SLUG);
        assert_nowhere(&out, "Kế hoạch tuyên truyền");
        // The page linking to it keeps the link text, without the link.
        let linking = read(&out, "thang-tre-em/hoat-dong/index.html");
        assert!(linking.contains("Xem thêm bản kế hoạch."), "{at}: {linking}");
        let info: serde_json::Value = serde_json::from_str(&read(&out, "build.json")).unwrap();
        assert_eq!(info["pages"], 11, "{at}");
    }
}

#[test]
fn embargoed_page_is_published_inside_its_window() {
    for at in ["2027-05-18", "2027-06-10", "2027-07-06"] {
        let (_s, out) = build_good(at, &[]);
        let page = read(&out, &format!("thang-tre-em/{EMBARGO_SLUG}/index.html"));
        assert!(page.contains(EMBARGO), "{at}: {page}");
        for f in ["sitemap.xml", "feed.xml"] {
            assert!(read(&out, f).contains(&format!("https://loa.example/thang-tre-em/{EMBARGO_SLUG}/")), "{at}: not in {f}");
        }
        assert!(read(&out, "thang-tre-em/index.html").contains(&format!("href=\"/thang-tre-em/{EMBARGO_SLUG}/\"")), "{at}");
        let linking = read(&out, "thang-tre-em/hoat-dong/index.html");
        assert!(linking.contains(&format!("<a href=\"/thang-tre-em/{EMBARGO_SLUG}/\">bản kế hoạch</a>")), "{at}: {linking}");
        let info: serde_json::Value = serde_json::from_str(&read(&out, "build.json")).unwrap();
        assert_eq!(info["pages"], 12, "{at}");
    }
}

#[test]
fn drafts_exist_only_with_the_drafts_flag() {
    let (_s, out) = build_good("2027-06-10", &[]);
    assert_nowhere(&out, DRAFT);
    assert_nowhere(&out, &format!("/{DRAFT_SLUG}/"));
    assert_nowhere(&out, "Bản nháp chưa duyệt");
    let info: serde_json::Value = serde_json::from_str(&read(&out, "build.json")).unwrap();
    assert_eq!(info["drafts"], false);

    let (_s2, out2) = build_good("2027-06-10", &["--drafts"]);
    let page = read(&out2, &format!("{DRAFT_SLUG}/index.html"));
    assert!(page.contains(DRAFT), "{page}");
    assert_somewhere(&out2, &format!("href=\"/{DRAFT_SLUG}/\""));
    // Every page of the site (not the embeddable widgets) says that drafts are shown.
    for (file, text) in html_files(&out2).into_iter().filter(|(f, _)| !is_embed(f)) {
        assert!(text.contains("drafts-banner"), "{file} has no drafts banner");
    }
    let info: serde_json::Value = serde_json::from_str(&read(&out2, "build.json")).unwrap();
    assert_eq!(info["drafts"], true);
    assert_eq!(info["pages"], 13);
}

// ---------------------------------------------------------------------------
// 4. Determinism
// ---------------------------------------------------------------------------

#[test]
fn same_inputs_and_date_give_byte_identical_output() {
    let s = site("good");
    let (a, b) = (s.beside("a"), s.beside("nested/b"));
    build(&s.root, &a, Some("2027-06-10"), &[]).ok();
    build(&s.root, &b, Some("2027-06-10"), &[]).ok();
    let (ta, tb) = (tree(&a), tree(&b));
    assert!(ta.len() > 15, "{:?}", ta.keys());
    assert_same_tree(&ta, &tb);
    // Rebuilding into the same folder gives the same bytes again.
    build(&s.root, &a, Some("2027-06-10"), &[]).ok();
    assert_same_tree(&ta, &tree(&a));
    // And a different day does change something (the test can fail).
    build(&s.root, &b, Some("2027-06-11"), &[]).ok();
    assert_ne!(ta, tree(&b));
}

// ---------------------------------------------------------------------------
// 5. Broken sites: located messages, previous output untouched
// ---------------------------------------------------------------------------

/// One broken fixture: the file (or folder) that breaks it, and what stderr must say.
struct Broken {
    name: &'static str,
    /// Relative path(s) in the fixture that make it broken; copied onto a good site.
    culprit: &'static str,
    expect: &'static [&'static str],
}

const BAD_YAML: Broken = Broken {
    name: "bad-yaml",
    culprit: "content/pages/loi-yaml.md",
    expect: &[
        "error: content/pages/loi-yaml.md:3:16: this value contains `: ` (a colon and a space), which YAML reads as the start of another key",
        "hint: put the whole value in quotes: title: \"Ngày hội: vui chơi an toàn\"",
        "title: Ngày hội: vui chơi an toàn",
    ],
};
const BAD_WHEN: Broken = Broken {
    name: "bad-when",
    culprit: "calendar.yaml",
    expect: &["error: calendar.yaml:9:11: 31/2 is not a date (February has 29 days at most)", "when: 31/2"],
};
const UNKNOWN_FOLDER: Broken = Broken {
    name: "unknown-folder",
    culprit: "content/thang-tre-en",
    expect: &[
        "error: content/thang-tre-en: the folder `thang-tre-en` is not a campaign in calendar.yaml",
        "hint: did you mean `thang-tre-em`?",
    ],
};
const BROKEN_LINK: Broken = Broken {
    name: "broken-link",
    culprit: "content/pages/lien-ket-hong.md",
    expect: &[
        "error: content/pages/lien-ket-hong.md:7:18: `huong-dan-khong-co.md` does not exist (looked for content/pages/huong-dan-khong-co.md)",
        "[hướng dẫn](huong-dan-khong-co.md)",
    ],
};
const TEMPLATE_ERROR: Broken = Broken {
    name: "template-error",
    culprit: "themes/default/templates/page.html",
    expect: &["error: themes/default/templates/page.html:5:9: ", "{% if %}"],
};
const UNKNOWN_KEY: Broken = Broken {
    name: "unknown-key",
    culprit: "content/pages/sai-khoa.md",
    expect: &["error: content/pages/sai-khoa.md:3:1: unknown key `tittle`", "hint: did you mean `title`?"],
};

fn check_broken(b: &Broken) {
    // The fixture on its own: one located error, nothing written.
    let s = site(b.name);
    let out = s.beside("out");
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.expect_code(1);
    for e in b.expect {
        run.stderr_has(e);
    }
    run.stderr_has("1 error found; nothing was written.");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!out.exists(), "a failed build created {}", out.display());
    assert_eq!(names(s.tmp.path()), ["site"], "a failed build left files beside the site");
    // `loa check` says the same.
    let check = loa(["check".as_ref(), "--root".as_ref(), s.root.as_os_str()]);
    check.expect_code(1);
    for e in b.expect {
        check.stderr_has(e);
    }

    // A good site built once, then broken: the previous output stays as it was.
    let g = site("good");
    let out = g.beside("out");
    build(&g.root, &out, Some("2027-06-10"), &[]).ok();
    let before = tree(&out);
    assert!(before.contains_key("index.html"));
    g.overlay(b.name, b.culprit);
    let run = build(&g.root, &out, Some("2027-06-11"), &[]);
    run.expect_code(1);
    for e in b.expect {
        run.stderr_has(e);
    }
    assert_same_tree(&before, &tree(&out));
    // Beside the output, only loa's working folder for it (lock and standby).
    assert_eq!(names(g.tmp.path()), [".out.loa", "out", "site"], "stray folders beside the output");
}

#[test]
fn broken_yaml_front_matter_is_located() {
    check_broken(&BAD_YAML);
}

#[test]
fn impossible_when_date_is_located() {
    check_broken(&BAD_WHEN);
}

#[test]
fn unknown_content_folder_suggests_the_campaign() {
    check_broken(&UNKNOWN_FOLDER);
}

#[test]
fn broken_link_is_located() {
    check_broken(&BROKEN_LINK);
}

#[test]
fn template_syntax_error_names_the_site_theme_file() {
    check_broken(&TEMPLATE_ERROR);
    // A syntax error in the template, not in the embedded default.
    let s = site(TEMPLATE_ERROR.name);
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
}

#[test]
fn misspelt_front_matter_key_suggests_the_right_one() {
    check_broken(&UNKNOWN_KEY);
}

#[test]
fn template_rendering_error_is_located_and_keeps_previous_output() {
    let g = site("good");
    let out = g.beside("out");
    build(&g.root, &out, Some("2027-06-10"), &[]).ok();
    let before = tree(&out);
    g.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>x</p>\n{{ page.khong_co }}\n{% endblock main %}\n",
    );
    let run = build(&g.root, &out, Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("error: themes/default/templates/page.html:4:").stderr_has("khong_co");
    assert_same_tree(&before, &tree(&out));
    assert_eq!(names(g.tmp.path()), [".out.loa", "out", "site"]);
}

// ---------------------------------------------------------------------------
// 6. All the errors of a run are reported together
// ---------------------------------------------------------------------------

#[test]
fn every_front_matter_error_is_reported_in_one_run() {
    let g = site("good");
    g.overlay("bad-yaml", BAD_YAML.culprit);
    g.overlay("unknown-key", UNKNOWN_KEY.culprit);
    g.write("content/thang-tre-em/sai-ngay.md", "---\ntitle: Sai ngày\npublish: ngày mai\n---\n\nNội dung.\n");
    let run = build(&g.root, &g.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1)
        .stderr_has("content/pages/loi-yaml.md:3:16: this value contains `: `")
        .stderr_has("content/pages/sai-khoa.md:3:1: unknown key `tittle`")
        .stderr_has("content/thang-tre-em/sai-ngay.md:3:10: `ngày mai` is neither a date nor an offset")
        .stderr_has("3 errors found; nothing was written.");
    // In a stable order: by file.
    let i = |s: &str| run.stderr.find(s).unwrap();
    assert!(i("loi-yaml.md:3") < i("sai-khoa.md:3") && i("sai-khoa.md:3") < i("sai-ngay.md:3"), "{}", run.stderr);
}

#[test]
fn every_link_error_is_reported_in_one_run() {
    let g = site("good");
    g.overlay("broken-link", BROKEN_LINK.culprit);
    g.write(
        "content/thang-tre-em/neo-sai.md",
        "---\ntitle: Neo sai\n---\n\nXem [mục gọi](../pages/cach-bao-tin.md#goi-112).\n",
    );
    let run = build(&g.root, &g.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1)
        .stderr_has("content/pages/lien-ket-hong.md:7:18: `huong-dan-khong-co.md` does not exist")
        .stderr_has("content/thang-tre-em/neo-sai.md:5:5: `content/pages/cach-bao-tin.md` has no heading #goi-112")
        .stderr_has("did you mean #goi-111?")
        .stderr_has("2 errors found; nothing was written.");
    assert!(!g.beside("out").exists());
}

// ---------------------------------------------------------------------------
// 7. Refusals: the output folder must not clobber the site
// ---------------------------------------------------------------------------

#[test]
fn out_equal_to_the_site_root_is_refused() {
    let s = site("good");
    let before = tree(&s.root);
    let run = build(&s.root, &s.root, Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("the output folder is the site folder itself");
    assert_same_tree(&before, &tree(&s.root));
    assert_eq!(names(s.tmp.path()), ["site"]);

    // The same, written relatively from inside the site.
    let run = loa_in(&s.root, ["build", "--out", ".", "--at", "2027-06-10"]);
    run.expect_code(1).stderr_has("the output folder is the site folder itself");
    let run = loa_in(&s.root, ["build", "--out", "../site/", "--at", "2027-06-10"]);
    run.expect_code(1).stderr_has("the output folder is the site folder itself");
    assert_same_tree(&before, &tree(&s.root));
    assert_eq!(names(s.tmp.path()), ["site"]);
}

#[test]
fn out_that_contains_the_site_is_refused() {
    let s = site("good");
    fs::write(s.beside("keep.txt"), "không được xoá").unwrap();
    let before = tree(s.tmp.path());
    let run = build(&s.root, s.tmp.path(), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("the output folder contains the site folder");
    assert_same_tree(&before, &tree(s.tmp.path()));
    let run = loa_in(&s.root, ["build", "--out", "..", "--at", "2027-06-10"]);
    run.expect_code(1).stderr_has("the output folder contains the site folder");
    assert_same_tree(&before, &tree(s.tmp.path()));
}

#[test]
fn out_inside_the_inputs_or_a_foreign_folder_is_refused() {
    let s = site("good");
    fs::create_dir_all(s.beside("docs")).unwrap();
    fs::write(s.beside("docs/luan-van.txt"), "quý giá").unwrap();
    let before = tree(s.tmp.path());
    let run = build(&s.root, &s.root.join("content/dist"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("the output folder is inside the site's content");
    let run = build(&s.root, &s.beside("docs"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("this folder is not empty and was not written by loa");
    assert_same_tree(&before, &tree(s.tmp.path()));
}

// ---------------------------------------------------------------------------
// 8. The command line
// ---------------------------------------------------------------------------

#[test]
fn help_exits_zero() {
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["check", "--help"],
        &["new", "--help"],
        &["init", "--help"],
        &["schedule", "--help"],
        &["help"],
        &["--version"],
    ] {
        let run = loa(args);
        run.ok();
        assert!(run.stdout.contains("Usage:") || run.stdout.starts_with("loa "), "{args:?}: {}", run.stdout);
    }
    let run = loa(["build", "--help"]);
    for flag in ["--root", "--out", "--at", "--drafts"] {
        run.stdout_has(flag);
    }
}

#[test]
fn usage_errors_exit_two() {
    let run = loa(["build", "--frobnicate"]);
    run.expect_code(2).stderr_has("--frobnicate");
    let run = loa(["build", "--at", "2027-13-01"]);
    run.expect_code(2).stderr_has("`2027-13-01` is not a date; write it as YYYY-MM-DD");
    let run = loa(["build", "--at", "10/6/2027"]);
    run.expect_code(2).stderr_has("is not a date");
    loa(["frobnicate"]).expect_code(2);
    loa::<[&str; 0], &str>([]).expect_code(2);
    loa(["new"]).expect_code(2);
}

#[test]
fn check_validates_and_writes_nothing() {
    let s = site("good");
    let before = tree(s.tmp.path());
    let run = loa(["check".as_ref(), "--root".as_ref(), s.root.as_os_str()]);
    run.ok().stdout_has("No errors");
    assert!(!s.root.join("dist").exists());
    assert_same_tree(&before, &tree(s.tmp.path()));
    // Run from inside the site with the default root.
    loa_in(&s.root, ["check"]).ok();
    assert_same_tree(&before, &tree(s.tmp.path()));

    let bad = site("bad-when");
    let before = tree(bad.tmp.path());
    loa(["check".as_ref(), "--root".as_ref(), bad.root.as_os_str()])
        .expect_code(1)
        .stderr_has("calendar.yaml:9:11: 31/2 is not a date (February has 29 days at most)");
    assert_same_tree(&before, &tree(bad.tmp.path()));
}

#[test]
fn missing_site_is_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let run = loa(["build".as_ref(), "--root".as_ref(), tmp.path().as_os_str(), "--at".as_ref(), "2027-06-10".as_ref()]);
    run.expect_code(1).stderr_has("cannot read site.yaml").stderr_has("loa init");
    assert!(names(tmp.path()).is_empty(), "{:?}", names(tmp.path()));
}

// ---------------------------------------------------------------------------
// 9. init and new
// ---------------------------------------------------------------------------

#[test]
fn init_makes_a_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let run = loa(["init".as_ref(), root.as_os_str()]);
    run.ok().stdout_has("Created");
    for f in ["site.yaml", "calendar.yaml", "content/_index.md"] {
        assert!(root.join(f).is_file(), "init did not create {f}");
    }
    // Default output: ROOT/dist.
    loa(["build".as_ref(), "--root".as_ref(), root.as_os_str(), "--at".as_ref(), "2027-06-10".as_ref()]).ok();
    let dist = root.join("dist");
    assert!(dist.join("index.html").is_file());
    assert!(dist.join("thang-hanh-dong-vi-tre-em/index.html").is_file());
    assert!(read(&dist, "index.html").contains("href=\"tel:111\""));
    assert_internal_links_resolve(&dist);
    // Building again replaces its own output.
    loa(["build".as_ref(), "--root".as_ref(), root.as_os_str(), "--at".as_ref(), "2027-06-11".as_ref()]).ok();
    assert!(read(&dist, "build.json").contains("2027-06-11"));
    assert_eq!(names(tmp.path()), ["site"]);
    loa(["check".as_ref(), "--root".as_ref(), root.as_os_str()]).ok();
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("ghi-chu.txt"), "của tôi").unwrap();
    let before = tree(tmp.path());
    loa(["init".as_ref(), tmp.path().as_os_str()]).expect_code(1).stderr_has("not empty");
    assert_same_tree(&before, &tree(tmp.path()));
}

#[test]
fn new_creates_a_page_that_builds_once() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    loa(["init".as_ref(), root.as_os_str()]).ok();
    let new = |spec: &str| loa(["new".as_ref(), spec.as_ref(), "--root".as_ref(), root.as_os_str()]);

    new("thang-hanh-dong-vi-tre-em/hoat-dong").ok();
    let page = root.join("content/thang-hanh-dong-vi-tre-em/hoat-dong.md");
    assert!(page.is_file());
    assert!(fs::read_to_string(&page).unwrap().starts_with("---\ntitle: "));
    let out = tmp.path().join("out");
    build(&root, &out, Some("2027-06-10"), &[]).ok();
    assert!(out.join("thang-hanh-dong-vi-tre-em/hoat-dong/index.html").is_file());

    // A second time: refused, and the page the user edited is kept.
    fs::write(&page, "---\ntitle: Của tôi\n---\n\nĐã sửa.\n").unwrap();
    new("thang-hanh-dong-vi-tre-em/hoat-dong").expect_code(1).stderr_has("already exists");
    assert_eq!(fs::read_to_string(&page).unwrap(), "---\ntitle: Của tôi\n---\n\nĐã sửa.\n");

    // An unknown campaign: refused with a hint, nothing created.
    new("nope/x").expect_code(1).stderr_has("there is no campaign `nope`");
    assert!(!root.join("content/nope").exists());
    new("thang-hanh-dong-vi-tre-en/x").expect_code(1).stderr_has("did you mean `thang-hanh-dong-vi-tre-em`?");

    // Site-wide pages.
    new("pages/lien-he").ok();
    build(&root, &out, Some("2027-06-10"), &[]).ok();
    assert!(out.join("lien-he/index.html").is_file());

    // Malformed names.
    new("khong-co-gach-cheo").expect_code(1);
    new("pages/★★★").expect_code(1).stderr_has("gives no name for the page's URL");
}

// ---------------------------------------------------------------------------
// 10. The repository's own example site
// ---------------------------------------------------------------------------

#[test]
fn example_site_in_june_shows_the_childrens_month_as_active() {
    let out = example_site("2027-06-10");
    let hub = read(&out, "index.html");
    let active = between(&hub, "id=\"h-active\"", "</section>");
    assert!(active.contains("Đang diễn ra") && active.contains("Tháng hành động vì trẻ em"), "{active}");
    let n = assert_internal_links_resolve(&out);
    assert!(n > 100, "only {n} internal links");
    for (file, text) in html_files(&out) {
        assert!(is_embed_index(&file) || text.contains("href=\"tel:111\""), "{file} has no tel:111 link");
        let search_page = file == "tim-kiem/index.html" || file == "en/search/index.html";
        let auto_widget = is_auto_widget(&file);
        // safety.js on every page a reader opens; search.js on the search pages.
        let reader_page = !is_embed(&file);
        assert_eq!(text.matches("<script").count(), usize::from(reader_page) + usize::from(search_page || auto_widget), "{file}: scripts");
    }
}

#[test]
fn example_site_in_november_counts_down_to_gender_equality_month() {
    let out = example_site("2027-11-01");
    let hub = read(&out, "index.html");
    let upcoming = between(&hub, "id=\"h-upcoming\"", "</section>");
    assert!(upcoming.contains("Tháng hành động vì bình đẳng giới"), "{upcoming}");
    assert!(upcoming.contains("Bắt đầu sau 14 ngày"), "{upcoming}");
    assert_internal_links_resolve(&out);
}

// ---------------------------------------------------------------------------
// 11. Regressions: bugs found while writing these tests, now fixed
// ---------------------------------------------------------------------------

/// Raw HTML `<img src="https://…">` once passed the sanitiser, so a page made
/// every reader's browser fetch from another host (promise 2). It is an error
/// at its line now (and the sanitiser drops it too); see tests/trust.rs for
/// the spellings browsers forgive.
#[test]
fn raw_html_image_from_another_host_is_not_published() {
    let s = site("good");
    s.write(
        "content/pages/anh-ngoai.md",
        "---\ntitle: Ảnh ngoài\n---\n\nẢnh:\n\n<img src=\"https://tracker.example/pixel.gif\" alt=\"pixel\">\n",
    );
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).expect_code(1).stderr_has("content/pages/anh-ngoai.md:7:1").stderr_has("loads from another host");
    assert!(!out.exists());
}

/// `--out` naming an existing regular file once had the file renamed to
/// `.NAME.old-PID` and replaced by the output folder. It is refused, like a
/// non-empty foreign folder, and the file is left untouched.
#[test]
fn out_that_is_an_existing_file_is_refused() {
    let s = site("good");
    let file = s.beside("ghi-chu.txt");
    fs::write(&file, "quý giá").unwrap();
    let run = build(&s.root, &file, Some("2027-06-10"), &[]);
    run.expect_code(1);
    assert_eq!(fs::read_to_string(&file).unwrap(), "quý giá");
    assert_eq!(names(s.tmp.path()), ["ghi-chu.txt", "site"]);
}

/// A duplicate front-matter key once got the parser's own advice
/// ("set DuplicateKeyPolicy in Options") and a hint about tabs. It says which
/// key is given twice now, at the second one.
#[test]
fn duplicate_front_matter_key_gets_a_sensible_message() {
    let s = site("good");
    s.write("content/pages/trung-khoa.md", "---\ntitle: A\ntitle: B\n---\n\nNội dung.\n");
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("content/pages/trung-khoa.md:3:1:").stderr_has("the key `title` is given twice");
    assert!(!run.stderr.contains("tabs"), "{}", run.stderr);
    assert!(!run.stderr.contains("DuplicateKeyPolicy"), "{}", run.stderr);
}

/// A tab indenting a front-matter key was once reported on the line before;
/// it is reported where the tab is.
#[test]
fn tab_in_front_matter_is_located_at_the_tab() {
    let s = site("good");
    s.write("content/pages/tab.md", "---\ntitle: A\n\tsummary: x\n---\n\nNội dung.\n");
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("content/pages/tab.md:3:1:").stderr_has("tabs");
}

/// An asset whose output path equals a theme static file (e.g.
/// `content/pages/style.css` → `style.css`) once silently replaced the
/// theme's file. It is an error now: loa's own names are reserved, and any
/// other file of the theme is not overwritten either.
#[test]
fn asset_that_would_overwrite_a_theme_file_is_an_error() {
    let s = site("good");
    s.write("content/pages/style.css", "body { color: red }\n");
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("content/pages/style.css").stderr_has("would be published as `style.css`");

    let s = site("good");
    s.write("themes/default/static/logo.png", "theme logo");
    fs::copy(fixture("images").join("gps.png"), s.root.join("content/pages/logo.png")).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Logo](logo.png)\n"));
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("content/pages/logo.png").stderr_has("would overwrite the generated logo.png");
}

/// PRODUCT.md: "Always on every page: Tổng đài … 111 … and the … social-work
/// service centre". `embed/index.html` (the snippets page for newspapers) once
/// had no hotline at all.
#[test]
fn embed_index_page_shows_the_hotline() {
    let (_s, out) = build_good("2027-06-10", &[]);
    for index in [EMBED_INDEX, "en/embed/index.html"] {
        let page = read(&out, index);
        assert!(page.contains("href=\"tel:111\""), "{index}: {page}");
        assert!(page.contains("href=\"tel:0243525662\""), "{index}: {page}");
    }
}

/// The link checker used above resolves what browsers resolve.
#[test]
fn link_checker_resolves_like_a_browser() {
    let t = |from: &str, url: &str| internal_target(from, url).map(|(p, f)| (p, f.unwrap_or_default()));
    let p = |s: &str, f: &str| Some((s.to_owned(), f.to_owned()));
    assert_eq!(t("embed/index.html", "../style.css"), p("style.css", ""));
    assert_eq!(t("embed/index.html", "schedule.html"), p("embed/schedule.html", ""));
    assert_eq!(t("a/b/index.html", "/"), p("index.html", ""));
    assert_eq!(t("a/b/index.html", "/en/"), p("en/index.html", ""));
    assert_eq!(t("a/b/index.html", "/cach-bao-tin/#goi-111"), p("cach-bao-tin/index.html", "goi-111"));
    assert_eq!(t("a/b/index.html", "../c/?x=1"), p("a/c/index.html", ""));
    for external in ["https://loa.example/", "//cdn.example/x.js", "tel:111", "webcal://loa.example/calendar.ics", "mailto:a@b", "#main"] {
        assert_eq!(t("index.html", external), None, "{external}");
    }
    // And it does catch a broken link.
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("index.html"), "<a href=\"/khong-co/\">x</a>").unwrap();
    let caught = std::panic::catch_unwind(|| assert_internal_links_resolve(tmp.path()));
    assert!(caught.is_err());
}
