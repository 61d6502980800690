//! The quick exit and the page on staying safe (issue #21): on every page of
//! the site the first control after the skip link is a link to a neutral
//! site, set by `quick_exit:` in `site.yaml`, with `rel="noreferrer"`; beside
//! it, the page `safety_page:` names, in the page's language. A bad
//! `quick_exit:` or `safety_page:` is an error at its line and column. What
//! the script does with them (Back, Shift × 3, the search address) is tested
//! in Chromium by `tests/js/exit.e2e.mjs`.

use std::path::Path;

use crate::common::*;

/// The opening tags of the focusable elements of `html`'s body, in order:
/// links with an address, form controls, `<summary>`, `<iframe>`, and
/// anything with a `tabindex` of 0 or more.
fn focusable(html: &str) -> Vec<&str> {
    let body = &html[html.find("<body").expect("a body")..];
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..tag_end];
        let name: String = tag[1..].chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        let tabindex = attr(tag, "tabindex").and_then(|t| t.parse::<i32>().ok());
        let focusable = match name.as_str() {
            "a" => attr(tag, "href").is_some(),
            "button" | "select" | "textarea" | "summary" | "iframe" => true,
            "input" => attr(tag, "type").as_deref() != Some("hidden"),
            _ => false,
        };
        if tabindex.map_or(focusable, |t| t >= 0) {
            out.push(tag);
        }
        rest = &rest[tag_end..];
    }
    out
}

fn class_of(tag: &str) -> String {
    attr(tag, "class").unwrap_or_default()
}

/// The pages a reader opens: every HTML file but the newspapers' widgets
/// and their pages of snippets (`embed/`, `en/embed/`), which live in other
/// sites' frames.
fn reader_pages(out: &Path) -> Vec<(String, String)> {
    html_files(out).into_iter().filter(|(f, _)| !is_embed(f)).collect()
}

/// Checks every reader page of `out`: skip link, then the quick exit to
/// `exit` (rel noreferrer), then the safety link as `safety(lang)` says.
#[track_caller]
fn assert_quick_exit_everywhere(out: &Path, exit: &str, safety: impl Fn(&str) -> Option<String>) -> usize {
    let pages = reader_pages(out);
    for (file, html) in &pages {
        let lang = attr(tags(html, "html")[0], "lang").expect("<html lang>");
        let f = focusable(html);
        assert!(f.len() >= 2, "{file}: {f:?}");
        assert!(class_of(f[0]).contains("skip-link"), "{file}: first focusable is {}", f[0]);
        assert!(class_of(f[1]).split(' ').any(|c| c == "quick-exit"), "{file}: after the skip link comes {}", f[1]);
        assert_eq!(attr(f[1], "href").as_deref(), Some(exit), "{file}: {}", f[1]);
        let rel = attr(f[1], "rel").unwrap_or_default();
        assert!(rel.split(' ').any(|r| r == "noreferrer"), "{file}: rel=\"{rel}\"");
        let label = between(html, f[1], "</a>")[f[1].len()..].to_owned();
        assert_eq!(label, if lang == "en" { "Exit this page" } else { "Thoát nhanh" }, "{file}");
        match safety(&lang) {
            Some(url) => {
                assert!(class_of(f[2]).contains("safety-link"), "{file}: after the quick exit comes {}", f[2]);
                assert_eq!(attr(f[2], "href").as_deref(), Some(url.as_str()), "{file}: {}", f[2]);
            }
            None => assert!(!html.contains("safety-link"), "{file} links a safety page"),
        }
        // The script that makes it leave no way back, the site's own.
        assert!(html.contains(r#"<script src="/safety.js" defer></script>"#), "{file}: no safety.js");
        // The header's search box keeps no suggestions of what was searched.
        for input in tags(html, "input").into_iter().filter(|t| attr(t, "name").as_deref() == Some("q")) {
            assert_eq!(attr(input, "autocomplete").as_deref(), Some("off"), "{file}: {input}");
        }
    }
    pages.len()
}

#[test]
fn every_page_of_the_example_site_opens_with_the_quick_exit_and_the_safety_page() {
    let out = example_site("2027-06-10");
    let n = assert_quick_exit_everywhere(&out, "https://vnexpress.net/thoi-tiet", |lang| {
        Some(if lang == "en" { "/en/an-toan-khi-truy-cap/" } else { "/an-toan-khi-truy-cap/" }.to_owned())
    });
    assert!(n > 40, "only {n} pages");
    // Every template of the theme is among them.
    for f in ["index.html", "en/index.html", "thang-hanh-dong-vi-tre-em/index.html", "cach-bao-tin/index.html", "tim-kiem/index.html", "en/search/index.html", "leaflets/index.html", "404.html"] {
        assert!(reader_pages(&out).iter().any(|(p, _)| p == f), "{f} missing");
    }
    // The safety page is marked as the current one on itself, in both languages.
    for (f, title) in [("an-toan-khi-truy-cap/index.html", "An toàn khi truy cập"), ("en/an-toan-khi-truy-cap/index.html", "Staying safe online")] {
        let html = read(&out, f);
        let link = tags(&html, "a").into_iter().find(|t| class_of(t) == "safety-link").unwrap();
        assert_eq!(attr(link, "aria-current").as_deref(), Some("page"), "{f}: {link}");
        assert!(html.contains(&format!("{link}{title}</a>")), "{f}");
        // It says what the quick exit does not do, and what the site keeps.
        assert!(html.contains("111"), "{f}");
    }
    let vi = read(&out, "an-toan-khi-truy-cap/index.html");
    for said in ["không xóa lịch sử", "Shift", "ẩn danh", "Cốc Cốc", "Safari", "Zalo", "cookie", "?q="] {
        assert!(vi.contains(said), "the safety page does not say {said:?}");
    }
    assert_eq!(tags(&read(&out, "index.html"), "a").into_iter().filter(|t| class_of(t) == "safety-link").filter_map(|t| attr(t, "aria-current")).count(), 0);
    // The script is published as the theme has it.
    assert_eq!(std::fs::read(out.join("safety.js")).unwrap(), std::fs::read(repo().join("themes/default/static/safety.js")).unwrap());
}

#[test]
fn quick_exit_leads_where_site_yaml_says_and_the_safety_page_follows_the_language() {
    // Without `quick_exit:`, the default weather page; without `safety_page:`, no link.
    let s = site("good");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert_quick_exit_everywhere(&out, "https://vnexpress.net/thoi-tiet", |_| None);

    // Set: the address as written (the parser's spelling), and the safety page
    // in the page's language where it has one, else in the default language.
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}quick_exit: HTTPS://Thoi-Tiet.example/ha-noi?x=1\nsafety_page: pages/cach-bao-tin.md\n"));
    let out = s.beside("out2");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let n = assert_quick_exit_everywhere(&out, "https://thoi-tiet.example/ha-noi?x=1", |_| Some("/cach-bao-tin/".to_owned()));
    assert!(n > 5);
    // cach-bao-tin has no English translation: English pages link the
    // Vietnamese page, saying it is in Vietnamese.
    let en = read(&out, "en/index.html");
    let link = tags(&en, "a").into_iter().find(|t| class_of(t) == "safety-link").unwrap();
    assert_eq!(attr(link, "lang").as_deref(), Some("vi"), "{link}");
    assert_eq!(attr(link, "hreflang").as_deref(), Some("vi"), "{link}");

    // A safety page that is not live on the day is linked from nowhere.
    let page = std::fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", page.replacen("---\n", "---\npublish: 2030-01-01\n", 1));
    let out = s.beside("out3");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert_quick_exit_everywhere(&out, "https://thoi-tiet.example/ha-noi?x=1", |_| None);
    assert_nowhere(&out, "cach-bao-tin");
}

/// `loa check` on the good site with `line` added to its `site.yaml`: the
/// error's location and message, as the first error line of stderr.
fn check_with(line: &str, lang: &str) -> String {
    let s = site("good");
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}{line}\n"));
    let run = loa(["check", "--lang", lang, "--root", s.root.to_str().unwrap()]);
    run.expect_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("error") || l.starts_with("lỗi")).collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    format!("{}\n{}", errors[0], run.stderr)
}

#[test]
fn a_bad_quick_exit_is_an_error_at_its_line_and_column() {
    // The good fixture's site.yaml has 26 lines: the key is on line 27.
    for (value, col, says) in [
        ("javascript:alert(1)", 13, "is a `javascript:` URL"),
        ("tel:111", 13, "is not a web page"),
        ("mailto:a@b.vn", 13, "is not a web page"),
        ("vnexpress.net/thoi-tiet", 13, "is not an absolute URL"),
        ("\"https://loa.example/thoi-tiet/\"", 14, "is on this site itself"),
        ("https://", 13, "is not an absolute URL"),
    ] {
        let got = check_with(&format!("quick_exit: {value}"), "en");
        let first = got.lines().next().unwrap();
        assert!(first.starts_with(&format!("error: site.yaml:27:{col}: ")), "{value}: {got}");
        assert!(first.contains(says), "{value}: {got}");
        assert!(got.contains("hint: write the address of a neutral page on another site"), "{value}: {got}");
    }
    let vi = check_with("quick_exit: https://loa.example/", "vi");
    assert!(vi.starts_with("lỗi: site.yaml:27:13: `https://loa.example/` nằm ngay trên trang này"), "{vi}");
    // A list where an address belongs: what the key takes.
    let got = check_with("quick_exit: [a, b]", "en");
    assert!(got.contains("site.yaml:27:") && got.contains("a web address"), "{got}");
}

#[test]
fn a_safety_page_that_is_not_a_page_is_an_error_at_its_line_and_column() {
    for value in ["pages/khong-co.md", "pages/gioi-thieu.en.md", "../site.yaml"] {
        let got = check_with(&format!("safety_page: {value}"), "en");
        assert!(got.starts_with(&format!("error: site.yaml:27:14: `{value}` is not a page of content/")), "{value}: {got}");
        assert!(got.contains("hint: write the path of the Markdown page under content/"), "{got}");
    }
    // `content/` in front is forgiven.
    let s = site("good");
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}safety_page: content/pages/gioi-thieu.md\n"));
    loa(["check", "--root", s.root.to_str().unwrap()]).ok();
}

/// Markup written into `quick_exit:` stays inside the address: the link on
/// every page holds the parser's spelling of it (quotes and brackets
/// percent-encoded), and no other attribute or element appears.
#[test]
fn a_quick_exit_address_cannot_break_out_of_its_link() {
    for (written, href) in [
        ("'https://x.example/a\"onmouseover=\"alert(1)'", "https://x.example/a%22onmouseover=%22alert(1)"),
        ("'https://x.example/</a><script>alert(1)</script>'", "https://x.example/%3C/a%3E%3Cscript%3Ealert(1)%3C/script%3E"),
        ("'https://x.example/?q=\"><img src=x>'", "https://x.example/?q=%22%3E%3Cimg%20src=x%3E"),
    ] {
        let s = site("good");
        let yaml = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
        s.write("site.yaml", format!("{yaml}quick_exit: {written}\n"));
        let out = s.beside("out");
        build(&s.root, &out, Some("2027-06-10"), &[]).ok();
        assert_quick_exit_everywhere(&out, href, |_| None);
        for (file, html) in reader_pages(&out) {
            assert!(!html.contains("onmouseover") || html.contains("%22onmouseover=%22"), "{file}");
            assert!(!html.contains("<script>alert") && !html.contains("<img src=x"), "{file}");
        }
    }
}
