//! The campaign as readers meet it (issue #21): the hub puts the campaign on
//! now first (or the next, with its countdown); every page links the
//! leaflets from its header, and a campaign shows its own; Vietnamese text
//! inside an English page says so (`lang="vi"`); search synonyms from the
//! theme and `site.yaml`. How it looks on a phone (above the fold at
//! 360 × 740, the desktop grid) is measured in Chromium by
//! `tests/js/hub.e2e.mjs`; what search finds, by `tests/js/search.e2e.mjs`.

use std::path::Path;

use proptest::prelude::*;

use crate::common::*;
use loa::render::search::synonyms::Synonyms;

/// The part of `html` inside `<main>`.
fn main_of(html: &str) -> &str {
    between(html, "<main", "</main>")
}

/// The hub's featured campaign: its link's address and the text of the
/// section, or `None` when there is none.
fn featured(out: &Path, file: &str) -> Option<(String, String)> {
    let html = read(out, file);
    let main = main_of(&html);
    let start = main.find(r#"<div class="feature"#)?;
    // Nothing of a campaign comes before it: it is in the first section,
    // under its heading.
    assert_eq!(main[..start].matches("<section").count(), 1, "{file}: a section before the featured campaign");
    assert!(!main[..start].contains("<li"), "{file}: a campaign before the featured one");
    let section = between(&main[start..], "<div", "</section>");
    let link = tags(section, "a").into_iter().next().expect("a link in the featured campaign");
    let text = section.split('<').map(|p| p.split_once('>').map_or(p, |(_, t)| t)).collect::<String>();
    Some((attr(link, "href").expect("href"), text))
}

#[test]
fn the_hub_shows_the_campaign_on_now_first_then_the_next_with_its_countdown() {
    let s = site("good");
    let out = s.beside("out");
    // 10 June: the month for children is on.
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let (href, text) = featured(&out, "index.html").expect("a featured campaign in June");
    assert_eq!(href, "/thang-tre-em/");
    assert!(text.contains("1/6 – 30/6/2027") && text.contains("Từ 1/6 đến 30/6 hằng năm."), "{text}");
    let (href, text) = featured(&out, "en/index.html").expect("and in English");
    assert_eq!(href, "/en/thang-tre-em/");
    assert!(text.contains("From 1 June to 30 June every year."), "{text}");
    assert!(read(&out, "index.html").contains(r#"<h2 id="h-active">Đang diễn ra</h2>
    <div class="feature"#), "under the heading of its state");
    // It is not listed a second time below.
    assert_eq!(read(&out, "index.html").matches(r#"href="/thang-tre-em/""#).count(), 1);

    // 15 July: nothing on; the day against trafficking starts in 15 days.
    build(&s.root, &out, Some("2027-07-15"), &[]).ok();
    let (href, text) = featured(&out, "index.html").expect("the next campaign");
    assert_eq!(href, "/chong-mua-ban-nguoi/");
    assert!(text.contains("Bắt đầu sau 15 ngày"), "{text}");
    let (_, text) = featured(&out, "en/index.html").expect("the next campaign, in English");
    assert!(text.contains("Starts in 15 days"), "{text}");

    // 1 March: nothing on and nothing soon: no featured campaign, and the hub says so.
    build(&s.root, &out, Some("2027-03-01"), &[]).ok();
    assert_eq!(featured(&out, "index.html"), None);
    assert!(read(&out, "index.html").contains("Hiện chưa có chiến dịch nào đang diễn ra"));
}

#[test]
fn every_page_links_the_leaflets_from_its_header() {
    let s = site("good");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let pages: Vec<(String, String)> = html_files(&out).into_iter().filter(|(f, _)| !is_embed(f)).collect();
    assert!(pages.len() > 10, "{} pages", pages.len());
    for (file, html) in &pages {
        let header = between(html, "<header", "</header>");
        let link = tags(header, "a").into_iter().find(|t| attr(t, "class").as_deref() == Some("header-link")).unwrap_or_else(|| panic!("{file}: no leaflet link in the header"));
        assert_eq!(attr(link, "href").as_deref(), Some("/leaflets/"), "{file}");
        let english = file.starts_with("en/");
        // The list is in the default language: an English page says where it leads.
        assert_eq!(attr(link, "hreflang").as_deref(), english.then_some("vi"), "{file}: {link}");
        assert_eq!(attr(link, "aria-current").is_some(), file == "leaflets/index.html", "{file}: {link}");
    }
}

#[test]
fn a_campaign_and_its_pages_show_their_leaflets_with_thumbnails() {
    let s = site("leaflets");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    for file in ["thang-hanh-dong-vi-tre-em/index.html", "thang-hanh-dong-vi-tre-em/hoat-dong/index.html"] {
        let html = read(&out, file);
        let main = main_of(&html);
        assert!(main.contains(r#"<section class="leaflet-box""#), "{file}: no leaflets");
        let box_ = between(main, r#"<section class="leaflet-box""#, "</section>");
        let pdfs: Vec<String> = attr_values(box_, "href").into_iter().filter(|h| h.ends_with(".pdf")).collect();
        assert!(pdfs.iter().any(|h| h.contains("hoat-dong-a4")), "{file}: {pdfs:?}");
        let imgs = tags(box_, "img");
        assert!(!imgs.is_empty(), "{file}: no thumbnail");
        for img in imgs {
            let src = attr(img, "src").expect("src");
            assert!(out.join(src.trim_start_matches('/')).is_file(), "{file}: {src} is not published");
            assert!(attr(img, "width").is_some() && attr(img, "height").is_some(), "{file}: {img}");
        }
        // The embargoed page's leaflet is nowhere.
        assert!(!html.contains("EMBARGO-MARKER-7731") && !html.contains("bi-mat"), "{file}");
    }
}

#[test]
fn vietnamese_inside_an_english_page_is_marked() {
    let s = site("good");
    s.write("content/chong-mua-ban-nguoi/_index.md", "---\ntitle: Ngày toàn dân phòng, chống mua bán người\nsummary: Cảnh giác với lời mời việc nhẹ lương cao.\n---\n\nNgày 30/7.\n");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-07-15"), &[]).ok();
    let en = read(&out, "en/index.html");
    // The campaign has no English home: its summary is Vietnamese, and said to be.
    assert!(en.contains(r#"<p class="feature-summary" lang="vi">Cảnh giác với lời mời việc nhẹ lương cao.</p>"#), "{}", main_of(&en));
    // Its title has an English version: not marked; the link says it leads
    // to a page in Vietnamese.
    assert!(en.contains(r#"<a href="/chong-mua-ban-nguoi/" hreflang="vi">National Day against Human Trafficking</a>"#), "{}", main_of(&en));
    // In Vietnamese nothing is marked.
    let vi = read(&out, "index.html");
    assert!(!main_of(&vi).contains(r#"lang="#), "{}", main_of(&vi));
    // Every text marked Vietnamese in an English page is Vietnamese.
    for (file, html) in html_files(&out).into_iter().filter(|(f, _)| f.starts_with("en/")) {
        let body = between(&html, "<body", "</body>");
        for part in body.split(r#" lang="vi">"#).skip(1) {
            let text: String = part.chars().take_while(|c| *c != '<').collect();
            assert!(text.chars().any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý".contains(c.to_lowercase().next().unwrap())), "{file}: {text:?}");
        }
    }
}

#[test]
fn site_yaml_adds_synonyms_and_a_wrong_shape_is_located() {
    let s = site("good");
    let yaml = s.root.join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}search:\n  synonyms:\n    - [diều giấy, cánh diều]\n")).unwrap();
    s.write("content/pages/tro-choi.md", "---\ntitle: Trò chơi ngày hè\n---\n\nCùng con thả cánh diều trên đê.\n");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let manifest: serde_json::Value = serde_json::from_str(&read(&out, "search/vi/index.json")).unwrap();
    let shards: Vec<String> = manifest["s"].as_array().unwrap().iter().map(|s| s[1].as_str().unwrap().to_owned()).collect();
    let has = |term: &str| shards.iter().any(|h| serde_json::from_str::<serde_json::Value>(&read(&out, &format!("search/vi/s/{h}.json"))).unwrap().get(term).is_some());
    assert!(has("giay"), "the page is found by the synonym's words");
    assert!(has("canh"));

    // search: false still turns the index off; a list where a mapping goes is an error at its line.
    std::fs::write(&yaml, format!("{text}search:\n  synonyms: cha mẹ\n")).unwrap();
    let run = build(&s.root, &out, Some("2027-06-10"), &[]);
    run.expect_code(1).stderr_has("site.yaml").stderr_has("synonyms");
    std::fs::write(&yaml, format!("{text}search:\n  enabled: false\n")).unwrap();
    let out2 = s.beside("out2");
    build(&s.root, &out2, Some("2027-06-10"), &[]).ok();
    assert!(!out2.join("search/vi/index.json").exists());
}

/// A phrase of folded ASCII words (`[a-h]{1,3}`), so that phrases collide
/// often.
fn phrase() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-h]{1,3}", 1..3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// For any groups and any text: a group applies exactly when one of its
    /// phrases is in the text as whole words in order; then the words of its
    /// other phrases are added, and nothing of a group that does not apply.
    #[test]
    fn synonyms_add_exactly_the_other_phrases_of_the_groups_found(
        groups in prop::collection::vec(prop::collection::vec(phrase(), 2..4), 1..4),
        text in prop::collection::vec("[a-h]{1,3}", 0..30),
        sep in prop::sample::select(vec![" ", ", ", "\n", " - "]),
    ) {
        let written: Vec<Vec<String>> = groups.iter().map(|g| g.iter().map(|p| p.join(" ")).collect()).collect();
        let s = Synonyms::new(written.iter().map(Vec::as_slice));
        let also = s.also([text.join(sep).as_str()]);
        let added: Vec<&str> = also.split(' ').filter(|w| !w.is_empty()).collect();
        let contains = |p: &[String]| text.windows(p.len()).any(|w| w == p);
        let mut want: Vec<String> = Vec::new();
        for g in s.groups() {
            if g.iter().any(|p| contains(p)) {
                for p in g.iter().filter(|p| !contains(p)) {
                    want.extend(p.iter().cloned());
                }
            }
        }
        prop_assert_eq!(added, want.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
