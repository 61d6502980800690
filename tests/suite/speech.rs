//! Bulletins read aloud (`loa::speech`): Vietnamese numbers compared with an
//! implementation written apart from loa's, the npm package
//! `read-vietnamese-number` (tests/js/rvn_read.cjs), over every number to
//! 100,000, 20,000 drawn up to 10¹², the edges of each power of ten, and
//! decimals. Each number is written as a bulletin writes it (thousands
//! separated by dots, a decimal comma) and read by the whole normaliser.

use std::io::Write;
use std::process::{Command, Stdio};

use loa::speech::{speak, Abbreviations, Lang, Reader};

use crate::common::missing_tool;

/// `n` as Vietnamese writes it: 1.000.000.
fn written(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The numbers compared: 0–100,000, the edges of powers of ten, numbers
/// with empty groups, and 20,000 drawn (a fixed seed) up to 10¹².
fn numbers() -> Vec<u64> {
    let mut out: Vec<u64> = (0..=100_000).collect();
    for k in 5..=12 {
        let p = 10u64.pow(k);
        out.extend([p - 1, p, p + 1, p + 5, p + 10, p + 15, p + 21, p + 105, p + 1000, p + 5000, 2 * p + 24]);
    }
    out.extend([1_000_005_000, 1_005_000_000, 21_000_000_021, 999_999_999_999, 1_000_000_000_000, 100_001_000_001]);
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push(x % 1_000_000_000_001);
    }
    out
}

/// Decimals whose conventions agree (one or two decimal digits, the last
/// not zero): the package drops a final zero ("2.50" "hai phẩy năm") where
/// loa reads what is written ("hai phẩy năm mươi"), and reads three
/// decimals or more as a number where loa reads them digit by digit.
fn decimals() -> Vec<(u64, String)> {
    let mut out = Vec::new();
    for int in [0u64, 1, 2, 5, 10, 15, 21, 105, 1000, 2027] {
        for f in 1..100u32 {
            if f % 10 == 0 {
                continue;
            }
            for frac in [format!("{f}"), format!("{f:02}")] {
                if frac.len() <= 2 && !frac.ends_with('0') {
                    out.push((int, frac));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The package's readings of `inputs`, one a line; `None` when node or the
/// package is missing (reported by `missing_tool`).
fn package(inputs: &[String]) -> Option<Vec<String>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/js/rvn_read.cjs");
    let child = Command::new("node").arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let Ok(mut child) = child else {
        missing_tool("node");
        return None;
    };
    let mut stdin = child.stdin.take().expect("stdin");
    let text = inputs.join("\n");
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().expect("node runs");
    // A node that fails at once (no package) closes its input early.
    let written = writer.join().expect("writer");
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("Cannot find module"), "the package failed: {err}");
        missing_tool("the npm package read-vietnamese-number (NODE_PATH or RVN_DIR)");
        return None;
    }
    written.expect("input written");
    let lines: Vec<String> = String::from_utf8(out.stdout).expect("UTF-8").lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), inputs.len(), "one reading per number");
    Some(lines)
}

/// The package's words in loa's: "lẻ" is "linh" (Hanoi), "tỉ" is "tỷ".
fn as_loa_says(s: &str) -> String {
    s.split(' ').map(|w| match w {
        "lẻ" => "linh",
        "tỉ" => "tỷ",
        w => w,
    }).collect::<Vec<_>>().join(" ")
}

/// loa's readings of bulletins each holding one number, as paragraphs.
fn loa_reads(written: &[String]) -> Vec<String> {
    let list = Abbreviations::default();
    let reader = Reader { lang: Lang::Vi, abbreviations: &list, hotlines: &[], site_name: None };
    let body = written.join("\n\n");
    let said = speak(&body, &reader);
    said.text
        .split("\n\n")
        .map(|p| {
            let p = p.trim_end_matches('.');
            let mut cs = p.chars();
            cs.next().map(|f| f.to_lowercase().chain(cs).collect()).unwrap_or_default()
        })
        .collect()
}

#[test]
fn numbers_read_as_an_independent_implementation_reads_them() {
    // 111–115 are hotlines, read digit by digit by design.
    let numbers: Vec<u64> = numbers().into_iter().filter(|n| !(111..=115).contains(n)).collect();
    let plain: Vec<String> = numbers.iter().map(u64::to_string).collect();
    let mut inputs = plain.clone();
    let decimals = decimals();
    inputs.extend(decimals.iter().map(|(i, f)| format!("{i}.{f}")));
    let Some(theirs) = package(&inputs) else { return };
    let mut ours_written: Vec<String> = numbers.iter().map(|&n| written(n)).collect();
    ours_written.extend(decimals.iter().map(|(i, f)| format!("{},{f}", written(*i))));
    let ours = loa_reads(&ours_written);
    assert_eq!(ours.len(), inputs.len(), "one paragraph per number");
    let differ: Vec<String> = ours
        .iter()
        .zip(&theirs)
        .zip(&ours_written)
        .filter(|((o, t), _)| **o != as_loa_says(t))
        .map(|((o, t), w)| format!("{w}: loa {o:?}, read-vietnamese-number {t:?}"))
        .collect();
    eprintln!("compared {} numbers and {} decimals with read-vietnamese-number: {} differ", numbers.len(), decimals.len(), differ.len());
    assert!(differ.is_empty(), "{} of {} differ, the first:\n{}", differ.len(), inputs.len(), differ.iter().take(20).cloned().collect::<Vec<_>>().join("\n"));
}

/// `loa check` on the good fixture with one page made a bulletin as `front`
/// and `body` say, in the editor's language `lang`.
fn check_bulletin(front: &str, body: &str, site_extra: &str, lang: &str) -> crate::common::Run {
    let s = crate::common::site("good");
    s.write("content/thang-tre-em/ban-tin.md", format!("---\ntitle: Bản tin tháng hành động\n{front}---\n\n{body}"));
    if !site_extra.is_empty() {
        let yaml = std::fs::read_to_string(s.root.join("site.yaml")).expect("site.yaml");
        s.write("site.yaml", format!("{yaml}{site_extra}"));
    }
    crate::common::loa_in(&s.root, ["--lang", lang, "check", "--root", s.root.to_str().expect("UTF-8 path")])
}

#[test]
fn broadcast_mistakes_are_located_all_at_once() {
    let front = "broadcast:\n  times: [\"06:00\", \"25:00\", \"6h\"]\n  days: [T2, T9, Sun]\n";
    let run = check_bulletin(front, "Gọi 111.\n", "", "en");
    assert_ne!(run.code, 0, "{run:?}");
    run.stderr_has("content/thang-tre-em/ban-tin.md:4:21: `25:00` is not an air time")
        .stderr_has("content/thang-tre-em/ban-tin.md:4:30: `6h` is not an air time")
        .stderr_has("content/thang-tre-em/ban-tin.md:5:14: `T9` is not a weekday")
        .stderr_has("T2, T3, T4, T5, T6, T7, CN / Mon, Tue");
    let run = check_bulletin(front, "Gọi 111.\n", "", "vi");
    run.stderr_has("ban-tin.md:4:21: `25:00` không phải là giờ phát").stderr_has("ban-tin.md:5:14: `T9` không phải là một thứ trong tuần");
}

#[test]
fn a_good_bulletin_passes_and_what_cannot_be_read_is_a_located_warning() {
    let front = "broadcast:\n  times: [\"06:00\", \"17:30\"]\n  days: [T2, CN]\n  title: Tháng hành động vì trẻ em\n";
    let run = check_bulletin(front, "Gọi 111 👋 hoặc liên hệ XYZQ.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "", "en");
    run.ok();
    run.stderr_has("content/thang-tre-em/ban-tin.md:9:9: the symbol `👋` cannot be read aloud")
        .stderr_has("content/thang-tre-em/ban-tin.md:9:24: read aloud, the abbreviation `XYZQ` will be spelt out")
        .stderr_has("content/thang-tre-em/ban-tin.md:11:1: a table cannot be read aloud");
    // The site's own list: XYZQ is said, no warning for it.
    let run = check_bulletin(front, "Liên hệ XYZQ.\n", "broadcast:\n  abbreviations:\n    vi:\n      XYZQ: xóm Yên Quang\n", "en");
    run.ok();
    assert!(!run.stderr.contains("XYZQ"), "{}", run.stderr);
}

#[test]
fn a_bulletin_longer_than_the_site_allows_is_an_error() {
    let front = "broadcast:\n  times: [\"06:00\"]\n";
    // 1,200 syllables and the title's 5: 6 min 2 s at 200 a minute, over the default 5 minutes.
    let long = vec!["Trẻ em cần được bảo vệ khỏi bạo lực và xâm hại."; 100].join(" ");
    let run = check_bulletin(front, &long, "", "en");
    assert_ne!(run.code, 0, "{run:?}");
    run.stderr_has("content/thang-tre-em/ban-tin.md:4:3: this bulletin takes about 6 min 2 s to read, over the 5 minutes allowed");
    check_bulletin(front, &long, "broadcast:\n  max_minutes: 7\n", "en").ok();
    check_bulletin(front, &long, "broadcast:\n  max_minutes: 0\n", "en").stderr_has("a bulletin cannot last 0 minutes");
}

#[test]
fn an_empty_block_is_no_bulletin_but_days_without_times_are_a_mistake() {
    // As the editor may leave its folded form: no bulletin, no complaint.
    for empty in ["broadcast: {}\n", "broadcast:\n  times: []\n  days: []\n  title: \"\"\n"] {
        let run = check_bulletin(empty, "Gọi 111.\n", "", "en");
        run.ok();
        assert!(!run.stderr.contains("air time"), "{}", run.stderr);
    }
    let run = check_bulletin("broadcast:\n  days: [T2]\n", "Gọi 111.\n", "", "en");
    assert_ne!(run.code, 0, "{run:?}");
    run.stderr_has("ban-tin.md:4:3");
}
