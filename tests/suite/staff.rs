//! Communications staff name files as they title them and give a page
//! several audiences: file names with Vietnamese letters, capitals and
//! spaces; `slug:`; two files that give one URL; links by the name as
//! written (percent-encoded or not, NFC or NFD); `audience:` as a list, and
//! an unknown audience.

use crate::common;

use common::*;

fn page(title: &str, extra: &str) -> String {
    format!("---\ntitle: {title}\n{extra}---\n\nNội dung của trang {title}.\n")
}

#[test]
fn files_named_as_people_title_them() {
    let s = site("good");
    s.write("content/pages/Phòng chống xâm hại.md", page("Phòng chống xâm hại", ""));
    s.write("content/pages/Phòng chống xâm hại.en.md", page("Preventing abuse", ""));
    s.write("content/thang-tre-em/Đường dây nóng 111.md", page("Đường dây nóng 111", "audience: [cha-me, tre-em]\n"));
    s.write("content/pages/Báo cáo 6.2027.md", page("Báo cáo tháng 6", "slug: bao-cao-thang-6\n"));
    // Decomposed (as macOS stores names), and linked in every way a person may write it.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Kỹ năng sống.md").collect();
    s.write(&format!("content/pages/{nfd}"), page("Kỹ năng sống", ""));
    s.write("content/pages/lien-ket.md", page("Liên kết", "") + "\n[một](<Phòng chống xâm hại.md>) [hai](Ph%C3%B2ng%20ch%E1%BB%91ng%20x%C3%A2m%20h%E1%BA%A1i.md) [ba](<Kỹ năng sống.md>) [bốn](<../thang-tre-em/Đường dây nóng 111.md>)\n");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    for f in ["phong-chong-xam-hai/index.html", "en/phong-chong-xam-hai/index.html", "thang-tre-em/duong-day-nong-111/index.html", "bao-cao-thang-6/index.html", "ky-nang-song/index.html"] {
        assert!(out.join(f).is_file(), "{f}");
    }
    let links = read(&out, "lien-ket/index.html");
    for href in ["/phong-chong-xam-hai/", "/ky-nang-song/", "/thang-tre-em/duong-day-nong-111/"] {
        assert!(links.contains(&format!("href=\"{href}\"")), "{href} in {links}");
    }
    let prose = between(&links, "class=\"prose\"", "</div>");
    assert_eq!(prose.matches("href=\"/phong-chong-xam-hai/\"").count(), 2, "encoded and plain both resolve: {prose}");
    // The translation is linked as one.
    assert!(read(&out, "phong-chong-xam-hai/index.html").contains("hreflang=\"en\""));
    // Several audiences: both labels.
    let hotline = read(&out, "thang-tre-em/duong-day-nong-111/index.html");
    assert!(hotline.contains("Dành cho cha mẹ, người chăm sóc trẻ · Dành cho trẻ em"), "{hotline}");
}

#[test]
fn two_files_with_one_url_name_are_an_error_naming_both() {
    let s = site("good");
    s.write("content/pages/Phòng chống xâm hại.md", page("A", ""));
    s.write("content/pages/phong-chong-xam-hai.md", page("B", ""));
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[])
        .expect_code(1)
        .stderr_has("both get the URL name `phong-chong-xam-hai`")
        .stderr_has("content/pages/Phòng chống xâm hại.md")
        .stderr_has("content/pages/phong-chong-xam-hai.md");
    let s = site("good");
    s.write("content/pages/a.md", page("A", "slug: Không Hợp Lệ\n"));
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has("content/pages/a.md:3:7").stderr_has("khong-hop-le");
}

#[test]
fn an_audience_the_theme_does_not_know_is_an_error_listing_the_known_ones() {
    let s = site("good");
    s.write("content/pages/x.md", page("X", "audience: [cha-me, ong-ba]\n"));
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[])
        .expect_code(1)
        .stderr_has("content/pages/x.md:3:11")
        .stderr_has("`ong-ba` is not one of the audiences: can-bo, cha-me, cong-dong, giao-vien, tre-em");
    // A theme that names it makes it known.
    let s = site("good");
    s.write("content/pages/x.md", page("X", "audience:\n  - cha-me\n  - ong-ba\n"));
    for lang in ["vi", "en"] {
        let base = std::fs::read_to_string(repo().join(format!("themes/default/i18n/{lang}.yaml"))).unwrap();
        s.write(&format!("themes/default/i18n/{lang}.yaml"), format!("{base}audience_ong_ba: Dành cho ông bà\n"));
    }
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(read(&out, "x/index.html").contains("Dành cho ông bà"));
}
