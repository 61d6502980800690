//! Property tests: `next_change` in `build.json` agrees with what the site
//! actually renders. Building at `next_change - 1` gives the same site as at D,
//! and building at `next_change` gives a different one.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

/// An output of the example site whose leaflets the renders below reuse, so
/// each render typesets only the leaflets whose dates differ.
fn previous() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let at = NaiveDate::from_ymd_opt(2027, 6, 10);
        loa::build(root, &loa::BuildOptions { out: Some(dir.path().join("dist")), at, drafts: false }).expect("the example site builds");
        dir
    })
    .path()
}

/// The rendered site, minus `build.json` (which records the build day itself),
/// with copied files (leaflets reused from the previous output) by source.
fn site_at(d: NaiveDate) -> (BTreeMap<String, Vec<u8>>, Option<NaiveDate>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prev = previous().join("dist");
    let (out, report) = loa::render_in_memory(root, Some(d), false, Some(&prev)).expect("the example site builds");
    let mut files = out.files;
    for (path, src) in out.copies {
        if let loa::render::Source::File(p) = src {
            files.insert(path, std::fs::read(p).unwrap_or_default());
        }
    }
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let s = loa::schedule(root, Some(d("2027-01-01")), Some(d("2027-12-31"))).unwrap();
    let occ = |id: &str| -> Vec<(String, String)> {
        s.campaigns.iter().find(|c| c.id == id).unwrap().occurrences.iter().map(|o| (o.start.clone(), o.end.clone())).collect()
    };
    let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
    assert_eq!(occ("thang-hanh-dong-vi-tre-em"), pair("2027-06-01", "2027-06-30"));
    assert_eq!(occ("phong-chong-bao-luc-gia-dinh"), pair("2027-06-01", "2027-06-30"));
    assert_eq!(occ("phong-chong-mua-ban-nguoi"), pair("2027-07-30", "2027-07-30"));
    assert_eq!(occ("tet-trung-thu"), pair("2027-09-15", "2027-09-15"));
    assert_eq!(occ("binh-dang-gioi"), pair("2027-11-15", "2027-12-15"));
    assert!(s.changes.contains(&"2027-06-01".to_owned()));
    assert!(s.cron.contains("CRON_TZ=Asia/Ho_Chi_Minh\n5 0 * * *"), "{}", s.cron);
    let text = loa::schedule::to_text(&s);
    assert!(text.contains("tet-trung-thu                 2027-09-15"), "{text}");
}
