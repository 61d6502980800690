//! The normaliser against the hand-checked tables (`tests/data/speech-*.tsv`),
//! what it reports, and the property that no digit is ever left.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

/// The default theme's lists, as a site without its own has them.
pub(crate) fn theme_list(lang: &str) -> Abbreviations {
    let text = include_str!("../../themes/default/abbreviations.yaml");
    let lists: BTreeMap<String, BTreeMap<String, String>> = serde_saphyr::from_str(text).expect("the theme's list reads");
    Abbreviations::new(lists.get(lang).cloned().unwrap_or_default())
}

fn say(body: &str, lang: Lang, list: &Abbreviations) -> Speech {
    let site_name = match lang {
        Lang::Vi => "trang web bảo vệ trẻ em Hà Nội",
        Lang::En => "the Hanoi child protection website",
    };
    let hotlines = ["0243525662".to_owned()];
    speak(body, &Reader { lang, abbreviations: list, hotlines: &hotlines, site_name: Some(site_name) })
}

/// Every row of a table: (line number, Markdown, what is read).
fn rows(table: &str) -> Vec<(usize, String, String)> {
    table
        .lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let (md, said) = line.split_once('\t')?;
            let said = said.replace("\\n", "\n").split("\n\n").map(text::sentence).collect::<Vec<_>>().join("\n\n");
            Some((n + 1, md.replace("\\n", "\n"), said))
        })
        .collect()
}

fn check_table(table: &str, file: &str, lang: Lang, code: &str) -> usize {
    let list = theme_list(code);
    let rows = rows(table);
    let wrong: Vec<String> = rows
        .iter()
        .filter_map(|(n, md, expected)| {
            let got = say(md, lang, &list).text;
            (&got != expected).then(|| format!("{file}:{n}: {md:?}\n   expected {expected:?}\n   got      {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{} of {} rows differ:\n{}", wrong.len(), rows.len(), wrong.join("\n"));
    rows.len()
}

#[test]
fn the_vietnamese_table() {
    let n = check_table(include_str!("../../tests/data/speech-vi.tsv"), "tests/data/speech-vi.tsv", Lang::Vi, "vi");
    assert!(n >= 200, "the table has {n} rows, fewer than 200");
}

#[test]
fn the_english_table() {
    check_table(include_str!("../../tests/data/speech-en.tsv"), "tests/data/speech-en.tsv", Lang::En, "en");
}

#[test]
fn what_cannot_be_read_is_reported_where_it_is_written() {
    let body = "Chào 👋 các em.\n\nLiên hệ ABCD hoặc UBND.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    let s = say(body, Lang::Vi, &theme_list("vi"));
    let found: Vec<(&str, Unreadable)> = s.warnings.iter().map(|w| (&body[w.offset..], w.what.clone())).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].0.starts_with('👋') && found[0].1 == Unreadable::Emoji("👋".to_owned()));
    assert!(found[1].0.starts_with("ABCD") && found[1].1 == Unreadable::Abbreviation("ABCD".to_owned()));
    assert!(found[2].0.starts_with("| a") && found[2].1 == Unreadable::Table);
    // Left out, and the rest read: no table cell, no emoji, no digit.
    assert_eq!(s.text, "Chào các em.\n\nLiên hệ ABCD hoặc ủy ban nhân dân.");
}

#[test]
fn a_site_list_is_used_and_capital_words_are_not_reported() {
    let mut list = theme_list("vi");
    list.extend([("BCĐ", "ban chỉ đạo liên ngành"), ("VTV1", "vê tê vê 1")]);
    let s = say("# I. MỤC ĐÍCH\n\nBCĐ họp, VTV1 đưa tin.", Lang::Vi, &list);
    assert_eq!(s.text, "Một. Mục đích.\n\nBan chỉ đạo liên ngành họp, vê tê vê một đưa tin.");
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn an_abbreviation_that_starts_a_sentence_starts_with_a_capital() {
    let s = say("Trẻ em cần được an toàn. UBND phường vào cuộc! HĐND giám sát, UBND thực hiện.", Lang::Vi, &theme_list("vi"));
    assert_eq!(s.text, "Trẻ em cần được an toàn. Ủy ban nhân dân phường vào cuộc! Hội đồng nhân dân giám sát, ủy ban nhân dân thực hiện.");
}

#[test]
fn reading_time_at_the_stated_rate() {
    // 200 syllables at 200 a minute: one minute.
    let text = vec!["một"; 200].join(" ");
    assert_eq!(reading_seconds(&text, Lang::Vi), 60);
    assert_eq!(reading_seconds("ki-lô-mét", Lang::Vi), 1);
    assert_eq!(reading_seconds(&vec!["word"; 150].join(" "), Lang::En), 60);
    assert_eq!(reading_seconds("", Lang::Vi), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever is written, no ASCII digit is left and nothing panics.
    #[test]
    fn no_digit_is_left(body in prop_oneof![
        any::<String>(),
        "[0-9./:,%+ hđgTPUBNDCV&()#*\\[\\]-]{0,40}",
        "[0-9 ./:-]{0,12}(âm lịch|tháng|ngày|thứ|từ)?[0-9 ./:%-]{0,12}",
    ], en in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Vi };
        let list = theme_list(if en { "en" } else { "vi" });
        let s = say(&body, lang, &list);
        prop_assert!(!s.text.chars().any(|c| c.is_ascii_digit()), "{:?} → {:?}", body, s.text);
        for w in &s.warnings {
            prop_assert!(body.is_char_boundary(w.offset) && w.offset <= body.len());
        }
    }
}

