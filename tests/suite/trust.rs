//! The holes a hostile review found, one test per class of input: leaks
//! before their time, injection (remote loads, configuration URLs, control
//! characters), names that collide, and errors that point home.
//!
//! Every test runs the real binary on a copy of a fixture (`tests/common`).

use crate::common;

use std::fs;

use common::*;

/// The `good` fixture's embargoed page: live from 2027-05-18 to 2027-07-06.
const EMBARGOED: &str = "content/thang-tre-em/ke-hoach-tuyen-truyen.md";

fn append(s: &Site, rel: &str, text: &str) {
    let mut t = fs::read_to_string(s.root.join(rel)).unwrap();
    t.push_str(text);
    s.write(rel, t);
}

/// A one-page PDF whose page says `text` (a real one: PDFs are published
/// cleaned, so a file that only starts like a PDF is refused).
fn pdf_saying(text: &str) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.4");
    let pages = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, format!("BT ({text}) Tj ET").into_bytes()));
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages, "Contents" => content });
    doc.objects.insert(pages, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

// ---------------------------------------------------------------------------
// Leaks before their time (promise 5)
// ---------------------------------------------------------------------------

/// A file in `content/` is published only while a live page links it: not
/// before an embargoed page goes live, not for a draft; `static/` always.
#[test]
fn a_file_only_a_page_that_is_not_live_links_is_not_published() {
    let s = site("good");
    s.write("content/thang-tre-em/bao-cao-tuan-sau.pdf", pdf_saying("EMBARGOED-REPORT-5521"));
    append(&s, EMBARGOED, "\n[Báo cáo](bao-cao-tuan-sau.pdf)\n");
    std::fs::copy(fixture("images").join("gps.png"), s.root.join("content/pages/anh-nhap.png")).unwrap();
    append(&s, "content/pages/ban-nhap.md", "\n![Ảnh nháp](anh-nhap.png)\n");
    s.write("content/pages/khong-ai-dung.txt", "UNLINKED-FILE-3391");
    s.write("static/google1234.html", "google-site-verification: google1234.html\n");

    let before = s.beside("before");
    build(&s.root, &before, Some("2027-03-01"), &[]).ok();
    for marker in ["EMBARGOED-REPORT-5521", "anh-nhap", "UNLINKED-FILE-3391"] {
        assert_nowhere(&before, marker);
    }
    assert!(before.join("google1234.html").is_file(), "static/ is published whatever the pages say");

    let during = s.beside("during");
    build(&s.root, &during, Some("2027-06-10"), &[]).ok();
    assert!(fs::read(during.join("thang-tre-em/bao-cao-tuan-sau.pdf")).unwrap().windows(21).any(|w| w == b"EMBARGOED-REPORT-5521"));
    assert_nowhere(&during, "anh-nhap");
    assert!(!tree(&during).keys().any(|p| p.contains("anh-nhap")), "the draft's picture is not published");
    assert_nowhere(&during, "UNLINKED-FILE-3391");

    let drafts = s.beside("drafts");
    build(&s.root, &drafts, Some("2027-03-01"), &["--drafts"]).ok();
    assert!(drafts.join("anh-nhap.png").is_file(), "with --drafts the draft's picture is published");
    assert_nowhere(&drafts, "EMBARGOED-REPORT-5521");

    loa_in(&s.root, ["check"]).ok().stderr_has("content/pages/khong-ai-dung.txt").stderr_has("no page links this file");
}

// ---------------------------------------------------------------------------
// Injection: remote loads, configuration URLs, control characters
// ---------------------------------------------------------------------------

/// Raw HTML that loads from another host is an error at its line, however a
/// browser would forgive the URL's spelling, even with `allow_raw_html`.
#[test]
fn raw_html_loading_from_another_host_is_a_located_error_however_spelt() {
    let spellings = [
        "https://tracker.example/p.gif",
        "//tracker.example/p.gif",
        " https://tracker.example/p.gif",
        "\thttps://tracker.example/p.gif",
        "\\\\tracker.example/p.gif",
        "/\\tracker.example/p.gif",
        "https:\\\\tracker.example\\p.gif",
        "HTTPS://TRACKER.EXAMPLE/p.gif",
    ];
    for allow in [false, true] {
        for (n, src) in spellings.iter().enumerate() {
            let s = site("good");
            if allow {
                append(&s, "site.yaml", "allow_raw_html: true\n");
            }
            let html = match n % 3 {
                0 => format!("<img alt=\"x\" src=\"{src}\">"),
                1 => format!("<video poster=\"{src}\"></video>"),
                _ => format!("<img alt=\"x\" srcset=\"a.png 1x, {src} 2x\">"),
            };
            s.write("content/pages/anh-ngoai.md", format!("---\ntitle: Ảnh ngoài\n---\n\nĐoạn đầu.\n\n{html}\n"));
            let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
            run.expect_code(1).stderr_has("content/pages/anh-ngoai.md:7:1").stderr_has("loads from another host");
        }
    }
}

/// URLs in the configuration take `https:`, `http:`, `mailto:` and `tel:`
/// only, with a located error otherwise.
#[test]
fn configuration_urls_take_safe_schemes_only() {
    for bad in ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd", "baovetreem.hanoi.example"] {
        let s = site("good");
        let text = fs::read_to_string(s.root.join("site.yaml")).unwrap();
        let text = text.replace("organisation:\n", &format!("organisation:\n  url: \"{bad}\"\n"));
        s.write("site.yaml", &text);
        let line = text.lines().position(|l| l.starts_with("  url:")).unwrap() + 1;
        let out = s.beside("out");
        build(&s.root, &out, Some("2027-06-10"), &[]).expect_code(1).stderr_has(&format!("site.yaml:{line}:9"));
        assert!(!out.exists());
    }
    let s = site("good");
    let text = fs::read_to_string(s.root.join("site.yaml")).unwrap().replace("organisation:\n", "organisation:\n  url: mailto:lienhe@loa.example\n");
    s.write("site.yaml", text);
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(read(&out, "index.html").contains("mailto:lienhe@loa.example"));
}

// ---------------------------------------------------------------------------
// Names that collide
// ---------------------------------------------------------------------------

/// A campaign id that loa uses for its own output, or that is a language's
/// code, is refused at its line and column.
#[test]
fn campaign_ids_that_are_generated_names_or_languages_are_refused() {
    for id in ["leaflets", "embed", "en", "vi", "pages", "static", "404", "admin", "tim-kiem", "search", "feed.xml", "sitemap.xml", "calendar.ics"] {
        let s = site("good");
        let text = fs::read_to_string(s.root.join("calendar.yaml")).unwrap().replace("  - id: chong-mua-ban-nguoi", &format!("  - id: {id}"));
        s.write("calendar.yaml", &text);
        let line = text.lines().position(|l| l == format!("  - id: {id}")).unwrap() + 1;
        let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
        // `feed.xml` and the like are not valid ids at all; the others are refused by name.
        run.expect_code(1).stderr_has(&format!("calendar.yaml:{line}:9"));
    }
}

/// A file of `content/` that would be published under a generated name is
/// refused, naming the file.
#[test]
fn content_files_under_generated_names_are_refused() {
    for name in ["feed.xml", "sitemap.xml", "build.json", "404.html", "robots.txt", "calendar.ics"] {
        let s = site("good");
        s.write(&format!("content/pages/{name}"), "x");
        append(&s, "content/pages/cach-bao-tin.md", &format!("\n[tệp]({name})\n"));
        build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has(&format!("content/pages/{name}"));
    }
}

// ---------------------------------------------------------------------------
// Errors that point home
// ---------------------------------------------------------------------------

/// One mistake in site.yaml gives one message: the calendar's titles are not
/// checked against the languages of a site.yaml that could not be read.
#[test]
fn one_error_in_site_yaml_gives_one_message() {
    let s = site("good");
    append(&s, "site.yaml", "hotline: 111\n");
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("site.yaml:").stderr_has("hotline");
    assert!(!run.stderr.contains("not one of the site's languages"), "{}", run.stderr);
    assert!(run.stderr.contains("1 error found"), "{}", run.stderr);
}

/// An unknown theme and a configuration file that is not UTF-8 are located.
#[test]
fn theme_and_encoding_errors_have_a_position() {
    let s = site("good");
    let text = fs::read_to_string(s.root.join("site.yaml")).unwrap().replace("theme: default", "theme: khong-co");
    s.write("site.yaml", &text);
    let line = text.lines().position(|l| l.starts_with("theme:")).unwrap() + 1;
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has(&format!("site.yaml:{line}:8")).stderr_has("khong-co");

    for file in ["site.yaml", "calendar.yaml"] {
        let s = site("good");
        let mut bytes = fs::read(s.root.join(file)).unwrap();
        // "Tháng" in Windows-1258 instead of UTF-8, on line 3.
        let lines: Vec<usize> = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i).collect();
        bytes.splice(lines[1] + 1..lines[1] + 1, b"# Th\xe1ng 6\n".iter().copied());
        fs::write(s.root.join(file), bytes).unwrap();
        build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has(&format!("{file}:3:5")).stderr_has("not UTF-8");
    }
}

/// Old Mac line breaks (a lone carriage return) count as lines in messages
/// the way an editor shows them, and the quoted line is the one named. Found
/// by the `front_matter` fuzz target: YAML counted 34 lines in an 8-line file.
#[test]
fn lone_carriage_returns_are_line_breaks_in_messages() {
    for breaks in ["\r", "\r\r\r", "\r\n"] {
        let s = site("good");
        let page = ["---", "title: Gọi 111", "summary: Miễn phí", "oops", "---", "", "Gọi 111."].join(breaks);
        s.write("content/pages/cr.md", &page);
        let line = if breaks == "\r\r\r" { 10 } else { 4 };
        let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
        run.expect_code(1).stderr_has(&format!("content/pages/cr.md:{line}:"));
        assert!(run.stderr.contains("oops") || run.stderr.contains("summary"), "the message quotes the line: {}", run.stderr);
    }
}

/// What loa leaves out of `content/` it names: a folder named like a page,
/// links (to a page, to a folder, in a loop).
#[cfg(unix)]
#[test]
fn what_is_left_out_of_content_is_named() {
    let s = site("good");
    fs::create_dir_all(s.root.join("content/pages/thu-muc.md")).unwrap();
    std::os::unix::fs::symlink(s.root.join("content/pages/cach-bao-tin.md"), s.root.join("content/pages/lien-ket.md")).unwrap();
    std::os::unix::fs::symlink(s.root.join("content/trung-thu"), s.root.join("content/pages/thu-muc-lien-ket")).unwrap();
    std::os::unix::fs::symlink("vong-lap", s.root.join("content/pages/vong-lap")).unwrap();
    let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
    run.ok()
        .stderr_has("content/pages/thu-muc.md: this is a folder named like a page")
        .stderr_has("content/pages/lien-ket.md: this is a link")
        .stderr_has("content/pages/thu-muc-lien-ket: this is a link")
        .stderr_has("content/pages/vong-lap: this is a link");
}

/// `loa check` says what it counted.
#[test]
fn check_says_what_it_counted() {
    let s = site("good");
    let run = loa_in(&s.root, ["check"]);
    run.ok().stdout_has("No errors in").stdout_has("drafts and pages outside their publication window included");
}

// ---------------------------------------------------------------------------
// Leaflets: errors in the page, not in the theme
// ---------------------------------------------------------------------------

/// A picture that cannot be decoded is an error at the page's link to it.
#[test]
fn a_damaged_picture_in_a_leaflet_is_an_error_at_its_link() {
    for (name, why) in [("corrupt.jpg", "damaged"), ("not-an-image.png", "not an image loa can read")] {
        let s = site("leaflets");
        fs::copy(fixture("images").join(name), s.root.join(format!("content/pages/{name}"))).unwrap();
        append(&s, "content/pages/cach-bao-tin.md", &format!("\n![Ảnh hỏng]({name})\n"));
        let text = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
        let line = text.lines().count();
        let run = build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]);
        run.expect_code(1).stderr_has(&format!("content/pages/cach-bao-tin.md:{line}:1")).stderr_has(why);
        assert!(!run.stderr.contains("common.typ"), "{}", run.stderr);
    }
}

/// A picture that declares more pixels than loa accepts (a decompression
/// bomb) is refused from its header, at the page's link to it.
#[test]
fn a_decompression_bomb_is_refused_before_it_is_unpacked() {
    let s = site("leaflets");
    fs::write(s.root.join("content/pages/bom.png"), png_header(20_000, 20_000)).unwrap();
    append(&s, "content/pages/cach-bao-tin.md", "\n![Bom](bom.png)\n");
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has("20000 × 20000 pixels");
}

/// Lists nested deeper than print allows give a warning at the page and a
/// leaflet, not a Typst error in the theme.
#[test]
fn deep_nesting_in_a_leaflet_is_flattened_with_a_warning() {
    let s = site("leaflets");
    let deep: String = (0..30).map(|i| format!("{}- mức {i}\n", "  ".repeat(i))).collect();
    let quotes = format!("{} trích dẫn sâu\n", ">".repeat(30));
    append(&s, "content/pages/cach-bao-tin.md", &format!("\n{deep}\n{quotes}"));
    let out = s.beside("out");
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.ok().stderr_has("content/pages/cach-bao-tin.md:").stderr_has("nested more than");
    assert!(out.join("leaflets/pages/cach-bao-tin-a4.pdf").is_file());
}

/// A translation with no window of its own (what the browser editor wrote
/// before it copied the window) is published exactly when its original is:
/// every output file, binary ones included (PDFs, search shards), is scanned
/// for the English markers of an embargoed page and of a draft.
#[test]
fn translations_of_embargoed_and_draft_pages_appear_nowhere() {
    let s = site("good");
    s.write(
        "content/thang-tre-em/ke-hoach-tuyen-truyen.en.md",
        "---\ntitle: Outreach plan enembargo6620\nsummary: enembargo6620 summary\nleaflet: a5\n---\n\nOnly during the campaign: enembargo6620.\n",
    );
    s.write("content/pages/ban-nhap.en.md", "---\ntitle: Unreviewed draft endraft7731\nsummary: endraft7731 summary\nleaflet: a5\n---\n\nNot reviewed: endraft7731.\n");
    // The embargoed page is live from 2027-05-18 to 2027-07-06.
    for at in ["2027-03-01", "2027-05-17", "2027-07-07", "2027-12-01"] {
        let out = s.beside(&format!("out-{at}"));
        build(&s.root, &out, Some(at), &[]).ok();
        for marker in ["enembargo6620", "Outreach plan", "endraft7731", "Unreviewed draft"] {
            assert_nowhere(&out, marker);
        }
        assert!(!out.join("en/thang-tre-em/ke-hoach-tuyen-truyen").exists(), "{at}");
    }
    // Inside the window the English page is published (the scan can see it),
    // and the draft's translation is still not.
    let during = s.beside("during");
    build(&s.root, &during, Some("2027-06-10"), &[]).ok();
    assert!(read(&during, "en/thang-tre-em/ke-hoach-tuyen-truyen/index.html").contains("enembargo6620"));
    assert_somewhere(&during, "enembargo6620");
    assert_nowhere(&during, "endraft7731");
    // A translation that would open the window wider is refused where it says so.
    s.write("content/pages/ban-nhap.en.md", "---\ntitle: Unreviewed draft\ndraft: false\n---\n\nText.\n");
    loa_in(&s.root, ["check"]).expect_code(1).stderr_has("content/pages/ban-nhap.en.md:3:8").stderr_has("content/pages/ban-nhap.md");
}

/// A filter, test or function the template engine does not know, on any line
/// of a theme's template, is an error at that file, line and column, in the
/// catalog's words: never a bare "Unknown filter" without a place.
#[test]
fn unknown_template_names_are_located_in_the_theme_file() {
    let page = fs::read_to_string(repo().join("themes/default/templates/page.html")).unwrap();
    let lines: Vec<&str> = page.lines().collect();
    for (n, (call, said)) in [
        ("{{ page.title | khong_co_loc }}", "there is no filter `khong_co_loc`"),
        ("{% if page.title is khong_co_phep %}x{% endif %}", "there is no test `khong_co_phep`"),
        ("{{ khong_co_ham() }}", "there is no function `khong_co_ham`"),
    ]
    .into_iter()
    .enumerate()
    {
        // On a different line each time, inside the main block.
        let at = 3 + n * 3;
        let mut edited = lines.clone();
        edited.insert(at - 1, call);
        let s = site("good");
        s.write("themes/default/templates/page.html", edited.join("\n"));
        let run = loa_in(&s.root, ["check"]);
        run.expect_code(1).stderr_has(&format!("themes/default/templates/page.html:{at}:")).stderr_has(said);
        assert!(!run.stderr.contains("Unknown"), "Tera's own words: {}", run.stderr);
    }
}

/// A `base_url` with a user name or password is refused at its column, and
/// the secret is not repeated in the message.
#[test]
fn a_base_url_with_credentials_is_refused() {
    let s = site("good");
    let text = fs::read_to_string(s.root.join("site.yaml")).unwrap().replace("base_url: https://loa.example/", "base_url: https://bientap:matkhau-9931@loa.example/");
    s.write("site.yaml", text);
    let line = fs::read_to_string(s.root.join("site.yaml")).unwrap().lines().position(|l| l.starts_with("base_url")).unwrap() + 1;
    let run = loa_in(&s.root, ["check"]);
    run.expect_code(1).stderr_has(&format!("site.yaml:{line}:11: `base_url` holds a user name or password"));
    build(&s.root, &s.beside("out"), Some("2027-06-10"), &[]).expect_code(1).stderr_has("`base_url` holds a user name or password");
}
