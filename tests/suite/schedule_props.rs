//! Property tests: `next_change` in `build.json` agrees with what the site
//! actually renders. Building at `next_change - 1` gives the same site as at D,
//! and building at `next_change` gives a different one. On the fixture
//! `tests/fixtures/newspaper/` (the plan's five yearly campaigns, a lunar one
//! among them, and a page with a window relative to its campaign).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newspaper")
}

/// The rendered site, minus `build.json` (which records the build day itself).
fn site_at(d: NaiveDate) -> (BTreeMap<String, Vec<u8>>, Option<NaiveDate>) {
    let (out, report) = loa::render_in_memory(&root(), Some(d), false, None).expect("the fixture builds");
    let (mut files, copies) = out.into_memory();
    assert!(copies.values().all(|s| !matches!(s, loa::render::Source::File(p) if p.extension().is_some_and(|e| e == "pdf"))));
    files.remove("build.json");
    (files, report.next_change)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn next_change_is_the_first_day_the_output_differs(offset in 0u64..(366 * 4)) {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(offset);
        let (today, next) = site_at(d);
        let next = next.expect("the example site always changes within three years");
        prop_assert!(next > d);
        let (at_next, _) = site_at(next);
        prop_assert!(today != at_next, "nothing changed on next_change {next} (from {d})");
        let before = next - Days::new(1);
        if before > d {
            let (day_before, _) = site_at(before);
            prop_assert!(today == day_before, "the site changed before next_change {next} (from {d})");
            // And strictly in between, a day in the middle is the same too.
            let mid = d + Days::new((before - d).num_days() as u64 / 2);
            let (middle, _) = site_at(mid);
            prop_assert!(today == middle, "the site changed on {mid}, before next_change {next} (from {d})");
        }
    }
}

#[test]
fn schedule_2027_has_all_five_campaigns() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let s = loa::schedule(&root(), Some(d("2027-01-01")), Some(d("2027-12-31"))).unwrap();
    let occ = |id: &str| -> Vec<(String, String)> {
        s.campaigns.iter().find(|c| c.id == id).unwrap().occurrences.iter().map(|o| (o.start.clone(), o.end.clone())).collect()
    };
    let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
    assert_eq!(occ("tre-em"), pair("2027-06-01", "2027-06-30"));
    assert_eq!(occ("bao-luc-gia-dinh"), pair("2027-06-01", "2027-06-30"));
    assert_eq!(occ("mua-ban-nguoi"), pair("2027-07-30", "2027-07-30"));
    assert_eq!(occ("trung-thu"), pair("2027-09-15", "2027-09-15"));
    assert_eq!(occ("binh-dang-gioi"), pair("2027-11-15", "2027-12-15"));
    assert!(s.changes.contains(&"2027-06-01".to_owned()));
    assert!(s.cron.contains("CRON_TZ=Asia/Ho_Chi_Minh\n5 0 * * *"), "{}", s.cron);
    let text = loa::schedule::to_text(&s);
    assert!(text.lines().any(|l| l.starts_with("trung-thu ") && l.contains("  2027-09-15  2027-09-15  2027-08-25  2027-09-22") && l.ends_with("dormant")), "{text}");
    assert!(text.contains("state on 2027-01-01"), "the state column says which day it is for: {text}");
}
