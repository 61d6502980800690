//! The files a browser editor writes, read by loa as they are: Decap CMS
//! names the default language's file `x.vi.md` (never `x.md`), writes an empty
//! `x.en.md` when the English pane is left empty, and `null` or `""` for
//! fields left empty. (The browser itself is driven by `tests/js/cms.e2e.mjs`.)

use crate::common;

use std::fs;

use common::{build, read, site};

/// `x.vi.md` is the Vietnamese page `x`: published at `/…/x/`, translated by
/// `x.en.md`, and found by links written `x.md`.
#[test]
fn default_language_code_in_the_file_name() {
    let s = site("good");
    fs::rename(s.root.join("content/pages/cach-bao-tin.md"), s.root.join("content/pages/cach-bao-tin.vi.md")).unwrap();
    fs::rename(s.root.join("content/pages/gioi-thieu.md"), s.root.join("content/pages/gioi-thieu.vi.md")).unwrap();
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(read(&out, "cach-bao-tin/index.html").contains("Khi thấy trẻ em bị bạo lực"));
    let vi = read(&out, "gioi-thieu/index.html");
    assert!(vi.contains("hreflang=\"en\""), "the vi.md page lost its translation");
    // hoat-dong.md links to ../pages/cach-bao-tin.md, which is now cach-bao-tin.vi.md.
    let linking: Vec<_> = fs::read_dir(s.root.join("content/thang-tre-em")).unwrap().filter_map(|e| fs::read_to_string(e.unwrap().path()).ok()).filter(|t| t.contains("cach-bao-tin.md")).collect();
    assert!(!linking.is_empty(), "the fixture should link cach-bao-tin.md from a campaign page");
    common::assert_internal_links_resolve(&out);
}

/// `x.md` and `x.vi.md` side by side are one page twice: an error naming both.
#[test]
fn both_default_language_files_are_an_error() {
    let s = site("good");
    fs::copy(s.root.join("content/pages/cach-bao-tin.md"), s.root.join("content/pages/cach-bao-tin.vi.md")).unwrap();
    common::loa(["check", "--root", s.root.to_str().unwrap()])
        .expect_code(1)
        .stderr_has("content/pages/cach-bao-tin.md and content/pages/cach-bao-tin.vi.md are the same page in `vi`");
}

/// An empty or blank translation is no translation, with a warning.
#[test]
fn an_empty_translation_is_a_warning() {
    let s = site("good");
    s.write("content/pages/cach-bao-tin.en.md", "\n");
    let out = s.beside("out");
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok().stderr_has("content/pages/cach-bao-tin.en.md: this translation is empty, so the page has no `en` version");
    assert!(out.join("cach-bao-tin/index.html").is_file());
    assert!(!out.join("en/cach-bao-tin").exists());
}

/// A page exactly as Decap CMS 3.16.3 wrote it in the browser test, with
/// the empty fields it writes in other flows, is checked and published.
#[test]
fn a_page_as_decap_writes_it() {
    let s = site("good");
    s.write(
        "content/thang-tre-em/phong-chong-xam-hai-tre-em-dip-he.vi.md",
        "---\ntitle: Phòng chống xâm hại trẻ em dịp hè\nsummary: Những việc cha mẹ và nhà trường cần làm.\ndate: 2027-05-10\npublish: start-14d\nexpire: end+7d\ndraft: false\nweight: 40\nimage: \"\"\nimage_alt: null\nvariants: \"\"\nleaflet: []\n---\nKhi trẻ gặp nguy hiểm, hãy gọi **[111](tel:111)**.\n\n- Xem [Cách báo tin](../pages/cach-bao-tin.md).\n",
    );
    s.write("content/thang-tre-em/phong-chong-xam-hai-tre-em-dip-he.en.md", "");
    common::loa(["check", "--root", s.root.to_str().unwrap()]).ok();
    // Live from 14 days before 1 June to 7 days after 30 June (expire is the first day it is gone).
    for (day, live) in [("2027-05-17", false), ("2027-05-18", true), ("2027-07-06", true), ("2027-07-07", false)] {
        let out = s.beside(&format!("out-{day}"));
        build(&s.root, &out, Some(day), &[]).ok();
        assert_eq!(out.join("thang-tre-em/phong-chong-xam-hai-tre-em-dip-he/index.html").is_file(), live, "on {day}");
    }
}

/// `image:` without `image_alt:` is an error at the `image` line.
#[test]
fn an_image_needs_its_alt_text() {
    let s = site("good");
    s.write("content/thang-tre-em/anh.md", "---\ntitle: Ảnh hoạt động\nimage: tranh-ve.png\n---\nChữ.\n");
    common::loa(["check", "--root", s.root.to_str().unwrap()])
        .expect_code(1)
        .stderr_has("content/thang-tre-em/anh.md:3:8: `image` needs `image_alt`");
    s.write("content/thang-tre-em/anh.md", "---\ntitle: Ảnh hoạt động\nimage: tranh-ve.png\nimage_alt: Tranh vẽ của các em\n---\nChữ.\n");
    common::loa(["check", "--root", s.root.to_str().unwrap()]).ok();
}
