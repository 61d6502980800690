//! `loa report --year`: a generated set of access logs with known counts
//! (people, crawlers, HEAD, errors, redirects, another year, a timezone
//! edge, malformed and gzipped lines, several files given out of order),
//! every count asserted from the CSVs and the terminal summary; nothing of
//! a visitor in any output; the PDF read back by check_pdf.py; random lines
//! never panic and are all accounted for.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use tempfile::TempDir;

use crate::common::{self, repo};

const PERSON: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const BINGBOT: &str = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
const JUNE: &str = "10/Jun/2027:08:15:02 +0700";

/// A combined-format line.
fn line(ip: &str, time: &str, method: &str, path: &str, status: u16, referer: &str, agent: &str) -> String {
    format!("{ip} - - [{time}] \"{method} {path} HTTP/1.1\" {status} 5120 \"{referer}\" \"{agent}\"\n")
}

fn get(path: &str, status: u16) -> String {
    line("203.0.113.10", JUNE, "GET", path, status, "-", PERSON)
}

/// The three logs, written into `dir`: `a.log`, `b.log.gz`, `c.log`.
fn logs(dir: &Path) -> Vec<PathBuf> {
    let a = [
        get("/cach-bao-tin/", 200),                                                                            // 1 view
        get("/cach-bao-tin/", 304),                                                                            // 2 view
        line("203.0.113.10", "02/Jul/2027:10:00:00 +0700", "GET", "/cach-bao-tin/index.html", 200, "-", PERSON), // 3 view (July)
        get("/cach-bao-tin/?utm_source=zalo", 200),                                                            // 4 view
        line("203.0.113.10", JUNE, "HEAD", "/cach-bao-tin/", 200, "-", PERSON),                                // 5 not GET
        line("66.249.66.1", JUNE, "GET", "/cach-bao-tin/", 200, "-", GOOGLEBOT),                               // 6 crawler
        get("/khong-co/", 404),                                                                                // 7 error
        get("/cach-bao-tin", 301),                                                                             // 8 redirect
        "garbage that is no log line\n".to_owned(),                                                            // 9 unreadable
        "\n".to_owned(),                                                                                       // 10 unreadable
        get("/leaflets/pages/cach-bao-tin-a4.pdf", 200),                                                       // 11 download
        get("/leaflets/pages/cach-bao-tin-a4.pdf", 304),                                                       // 12 other
        get("/leaflets/pages/cach-bao-tin-a4/xa-bat-trang.pdf", 200),                                          // 13 download
        get("/leaflets/pages/cach-bao-tin-a4.pdf", 206),                                                       // 14 partial
        get("/style.css", 200),                                                                                // 15 other
        get("/tim-kiem/", 200),                                                                                // 16 search
        line("203.0.113.10", JUNE, "GET", "/embed/schedule.html", 200, "https://vnexpress.example/thoi-su/bai-1.html?id=9", PERSON), // 17
        line("203.0.113.10", JUNE, "GET", "/embed/auto/schedule.html", 200, "https://Hanoimoi.example/x", PERSON), // 18
        line("203.0.113.10", JUNE, "GET", "/embed/oembed/schedule.json", 200, "-", PERSON),                   // 19 no host
        line("203.0.113.10", JUNE, "GET", "/embed/schedule.html", 200, "http://198.51.100.23/trang", PERSON), // 20 numeric host
        line("203.0.113.10", JUNE, "GET", "/", 200, "-", "-"),                                                 // 21 no agent
        line("203.0.113.10", JUNE, "POST", "/cach-bao-tin/", 200, "-", PERSON),                                // 22 not GET
        line("203.0.113.10", "31/Dec/2026:20:00:00 +0000", "GET", "/", 200, "-", PERSON),                      // 23 2027-01-01 in Hanoi
        line("203.0.113.10", "31/Dec/2027:23:30:00 +0000", "GET", "/", 200, "-", PERSON),                      // 24 2028-01-01 in Hanoi
    ]
    .concat();
    let b = [
        line("203.0.113.10", "10/Jun/2026:08:15:02 +0700", "GET", "/cach-bao-tin/", 200, "-", PERSON), // 1 other year
        line("203.0.113.10", "20/Nov/2027:08:00:00 +0700", "GET", "/en/cach-bao-tin/", 200, "-", PERSON), // 2 view (Nov)
        get("/leaflets/bundles/tat-ca.zip", 200),                                                      // 3 download
        get("/leaflets/bundles/localities/xa-bat-trang.zip", 200),                                     // 4 download
        format!("203.0.113.10 - - [{JUNE}] \"GET / HTTP/1.1\" 200 12\n"),                              // 5 common format: unreadable
        line("157.55.39.1", JUNE, "GET", "/embed/schedule.html", 200, "https://vnexpress.example/a", BINGBOT), // 6 crawler
    ]
    .concat();
    let mut c = [
        line("203.0.113.10", "01/Dec/2027:09:00:00 +0700", "GET", "/cach-bao-tin/", 200, "-", PERSON).into_bytes(), // 1 view (Dec)
        b"\xff\xfe\x00 binary junk\n".to_vec(),                                                                      // 2 unreadable
        get("/en/search/", 200).into_bytes(),                                                                        // 3 search
    ]
    .concat();
    c.extend(get("/gioi-thieu/", 200).trim_end().as_bytes()); // 4 view, no newline at the end
    std::fs::write(dir.join("a.log"), a).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b.as_bytes()).unwrap();
    std::fs::write(dir.join("b.log.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join("c.log"), c).unwrap();
    // Out of order: the last month's file first.
    vec![dir.join("c.log"), dir.join("a.log"), dir.join("b.log.gz")]
}

fn report(dir: &Path, logs: &[PathBuf], out: &Path, extra: &[&str]) -> common::Run {
    let mut args: Vec<std::ffi::OsString> = vec!["report".into(), "--year".into(), "2027".into(), "--root".into(), repo().into(), "--out".into(), out.into()];
    for l in logs {
        args.push("--access-log".into());
        args.push(l.into());
    }
    args.extend(extra.iter().map(Into::into));
    common::loa_in(dir, args)
}

/// A CSV's rows (after its byte-order mark), as maps from column to cell.
fn csv(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{} has no byte-order mark", path.display());
    let mut r = ::csv::Reader::from_reader(&bytes[3..]);
    let head = r.headers().unwrap().clone();
    r.records().map(|rec| head.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()).collect()
}

fn cell(rows: &[std::collections::BTreeMap<String, String>], key: (&str, &str), col: &str) -> String {
    rows.iter().find(|r| r[key.0] == key.1).unwrap_or_else(|| panic!("no row with {} = {}", key.0, key.1))[col].clone()
}

#[test]
fn every_count_of_a_known_log() {
    let tmp = TempDir::new().unwrap();
    let logs = logs(tmp.path());
    let out = tmp.path().join("out");
    let run = report(tmp.path(), &logs, &out, &["--lang", "en"]);
    run.ok();
    run.stdout_has("Readers: 8 page views, 4 leaflet downloads, 4 widget loads, 2 search page loads");
    run.stdout_has("Of 34 log lines, not counted: 3 by crawlers (bots), 2 not GET (HEAD…), 3 errors or redirects, 2 outside the year, 4 unreadable lines");
    // The unreadable lines named by file and line, in the order read.
    let c = logs[0].display().to_string();
    let a = logs[1].display().to_string();
    let b = logs[2].display().to_string();
    for (file, n) in [(&c, 2), (&a, 9), (&a, 10), (&b, 5)] {
        run.stdout_has(&format!("{file}, line {n}: unreadable"));
    }

    let pages = csv(&out.join("pages.csv"));
    assert_eq!(cell(&pages, ("path", "/cach-bao-tin/"), "views"), "5");
    assert_eq!(cell(&pages, ("path", "/"), "views"), "1");
    assert_eq!(cell(&pages, ("path", "/en/cach-bao-tin/"), "views"), "1");
    assert_eq!(cell(&pages, ("path", "/gioi-thieu/"), "views"), "1");
    assert_eq!(pages.iter().map(|r| r["views"].parse::<u64>().unwrap()).sum::<u64>(), 8);
    assert_eq!(cell(&pages, ("path", "/cach-bao-tin/"), "days_live"), "365");
    assert_eq!(cell(&pages, ("path", "/cach-bao-tin/"), "title"), "Cách báo tin khi trẻ em bị bạo lực, xâm hại");
    // A page whose window is around its campaign: live 57 days of 2027
    // (content/thang-hanh-dong-vi-tre-em/hoat-dong.md).
    assert_eq!(cell(&pages, ("path", "/thang-hanh-dong-vi-tre-em/hoat-dong/"), "days_live"), "57");
    assert_eq!(cell(&pages, ("path", "/thang-hanh-dong-vi-tre-em/hoat-dong/"), "campaign"), "thang-hanh-dong-vi-tre-em");

    let leaflets = csv(&out.join("leaflets.csv"));
    assert_eq!(cell(&leaflets, ("path", "/leaflets/pages/cach-bao-tin-a4.pdf"), "downloads"), "1");
    assert_eq!(cell(&leaflets, ("path", "/leaflets/pages/cach-bao-tin-a4.pdf"), "format"), "a4");
    assert_eq!(cell(&leaflets, ("path", "/leaflets/pages/cach-bao-tin-a4/xa-bat-trang.pdf"), "downloads"), "1");
    assert_eq!(cell(&leaflets, ("path", "/leaflets/pages/cach-bao-tin-a4/xa-bat-trang.pdf"), "locality"), "Xã Bát Tràng");
    assert_eq!(cell(&leaflets, ("path", "/leaflets/bundles/tat-ca.zip"), "downloads"), "1");
    assert_eq!(cell(&leaflets, ("path", "/leaflets/bundles/localities/xa-bat-trang.zip"), "locality"), "Xã Bát Tràng");
    assert_eq!(leaflets.iter().map(|r| r["downloads"].parse::<u64>().unwrap()).sum::<u64>(), 4);

    let embeds = csv(&out.join("embeds.csv"));
    let got: Vec<(String, String)> = embeds.iter().map(|r| (r["host"].clone(), r["loads"].clone())).collect();
    assert_eq!(got, vec![("(no referring host)".into(), "2".into()), ("hanoimoi.example".into(), "1".into()), ("vnexpress.example".into(), "1".into())]);

    let months = csv(&out.join("months.csv"));
    let views: Vec<&str> = months.iter().map(|r| r["views"].as_str()).collect();
    assert_eq!(views, ["1", "0", "0", "0", "0", "4", "1", "0", "0", "0", "1", "1"]);
    assert_eq!(cell(&months, ("month", "2027-06"), "downloads"), "4");
    assert_eq!(cell(&months, ("month", "2027-06"), "embeds"), "4");
    assert_eq!(cell(&months, ("month", "2027-06"), "search"), "2");

    let campaigns = csv(&out.join("campaigns.csv"));
    assert_eq!(campaigns.len(), 5);
    assert_eq!(cell(&campaigns, ("id", "tet-trung-thu"), "first_day"), "2027-09-15");
    assert_eq!(cell(&campaigns, ("id", "binh-dang-gioi"), "last_day"), "2027-12-15");
    assert_eq!(cell(&campaigns, ("id", "thang-hanh-dong-vi-tre-em"), "occurrences"), "1");

    // Nothing of a visitor anywhere: not in the files, not in the PDF's
    // text, not on the terminal.
    assert!(out.join("report-2027.pdf").is_file());
    let text = pdftotext(&out.join("report-2027.pdf"));
    let secrets = ["203.0.113.10", "66.249.66.1", "157.55.39.1", "198.51.100.23", "Mozilla", "AppleWebKit", "Googlebot", "bingbot", "thoi-su", "bai-1", "id=9", "/trang", "utm_source"];
    for s in secrets {
        common::assert_nowhere(&out, s);
        assert!(!text.as_deref().unwrap_or_default().contains(s), "{s} in the PDF's text");
        assert!(!run.stdout.contains(s) && !run.stderr.contains(s), "{s} on the terminal");
    }
    if let Some(text) = text {
        for want in ["Report for 2027", "vnexpress.example", "Page views and leaflet downloads by month", "Xã Bát Tràng"] {
            assert!(text.contains(want), "{want:?} not in the PDF's text:\n{text}");
        }
    }
}

/// The PDF's text, or `None` (and a skip outside CI) without poppler.
fn pdftotext(pdf: &Path) -> Option<String> {
    match Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output() {
        Ok(o) if o.status.success() => Some(String::from_utf8(o.stdout).unwrap()),
        _ => {
            common::missing_tool("pdftotext (poppler-utils)");
            None
        }
    }
}

#[test]
fn the_report_in_vietnamese_passes_check_pdf() {
    let tmp = TempDir::new().unwrap();
    let logs = logs(tmp.path());
    let out = tmp.path().join("out");
    // All three after one --access-log, as a shell's `access.log*` gives them.
    let mut args: Vec<std::ffi::OsString> = vec!["report".into(), "--year".into(), "2027".into(), "--root".into(), repo().into(), "--out".into(), out.clone().into(), "--access-log".into()];
    args.extend(logs.iter().map(Into::into));
    args.extend(["--lang".into(), "vi".into()]);
    common::loa_in(tmp.path(), args)
        .ok()
        .stdout_has("Người đọc: 8 lượt xem trang, 4 lượt tải tờ rơi, 4 lượt tải khung nhúng, 2 lượt mở trang tìm kiếm")
        .stdout_has("Trong 34 dòng nhật ký, không tính: 3 của bot và trình thu thập dữ liệu; 2 không phải GET (HEAD…); 3 lỗi hoặc chuyển hướng; 2 ngoài năm báo cáo; 4 dòng không đọc được");
    let pdf = out.join("bao-cao-2027.pdf");
    assert!(pdf.is_file());
    let Some(check) = common::validators(&["check_pdf.py"]).map(|v| v.join("check_pdf.py")) else {
        common::missing_tool("check_pdf.py of the validators (LOA_VALIDATE): .ci/run sets them up");
        return;
    };
    let o = Command::new("python3")
        .arg(check)
        .arg(&pdf)
        .args(["--page-size", "A4", "--expect", "Báo cáo năm 2027", "--expect", "Lượt xem trang và lượt tải tờ rơi theo tháng", "--expect", "Lượt tải theo địa phương", "--expect", "Xã Bát Tràng"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "check_pdf.py failed:\n{said}\n{}", String::from_utf8_lossy(&o.stderr));
    // No warning either: tagged PDF/UA-1 with its title shown, /Lang set.
    assert!(said.contains("pdf: 0 errors, 0 warnings"), "{said}");
}

#[test]
fn a_log_cut_short_is_counted_up_to_the_cut_and_said() {
    let tmp = TempDir::new().unwrap();
    let text = get("/cach-bao-tin/", 200).repeat(2000);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    let cut = tmp.path().join("cut.log.gz");
    std::fs::write(&cut, &bytes[..bytes.len() - 30]).unwrap();
    let run = report(tmp.path(), &[cut], &tmp.path().join("out"), &["--lang", "en"]);
    run.ok().stderr_has("cut.log.gz").stderr_has("The log stops short");
    let views: u64 = cell(&csv(&tmp.path().join("out/pages.csv")), ("path", "/cach-bao-tin/"), "views").parse().unwrap();
    assert!(views > 1000 && views < 2000, "{views}");
}

#[test]
fn a_missing_log_or_a_wrong_year_fails_before_writing() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    report(tmp.path(), &[tmp.path().join("khong-co.log")], &out, &["--lang", "vi"]).expect_code(1).stderr_has("khong-co.log").stderr_has("Không mở được tệp nhật ký truy cập");
    assert!(!out.exists());
    let run = common::loa_in(tmp.path(), ["report", "--year", "1999", "--root", repo().to_str().unwrap(), "--out", out.to_str().unwrap(), "--lang", "en"]);
    run.expect_code(1).stderr_has("Cannot make a report for the year 1999");
    assert!(!out.exists());
}

#[test]
fn a_log_named_twice_is_read_once() {
    let tmp = TempDir::new().unwrap();
    let logs = logs(tmp.path());
    let twice = [logs.clone(), vec![logs[1].clone(), tmp.path().join(".").join("a.log")]].concat();
    report(tmp.path(), &twice, &tmp.path().join("out"), &["--lang", "en"])
        .ok()
        .stderr_has("This log is already in the list")
        .stdout_has("Readers: 8 page views, 4 leaflet downloads, 4 widget loads, 2 search page loads");
}

#[test]
fn without_logs_the_report_is_what_was_published() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let run = report(tmp.path(), &[], &out, &["--lang", "en"]);
    run.ok().stdout_has("Published: 5 campaigns (5 occurrences in the year)").stdout_has("No access log given");
    assert_eq!(csv(&out.join("embeds.csv")).len(), 0);
    assert!(csv(&out.join("pages.csv")).iter().all(|r| r["views"] == "0"));
}

/// The example site's targets, loaded once for the property test.
fn example() -> &'static (loa::load::Inputs, loa::report::site_counts::SiteCounts) {
    static SITE: std::sync::OnceLock<(loa::load::Inputs, loa::report::site_counts::SiteCounts)> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let inputs = loa::load::load(&repo()).unwrap();
        let counts = loa::report::site_counts::count(&inputs, 2027);
        (inputs, counts)
    })
}

/// Lines near the format, broken in every way, and plain noise.
fn lines() -> impl Strategy<Value = Vec<u8>> {
    let field = prop_oneof![Just("-".to_owned()), "[ -~]{0,12}", "\\PC{0,8}"];
    let near = (
        prop_oneof![Just("203.0.113.1".to_owned()), "[0-9.:a-f]{0,15}"],
        prop_oneof![Just(JUNE.to_owned()), Just("31/Dec/2026:20:00:00 +0000".to_owned()), "[0-9A-Za-z/: +-]{0,28}"],
        prop_oneof![Just("GET".to_owned()), Just("HEAD".to_owned()), "[A-Z]{0,6}"],
        prop_oneof![Just("/cach-bao-tin/".to_owned()), Just("/embed/schedule.html".to_owned()), Just("/leaflets/bundles/tat-ca.zip".to_owned()), "/[ -~]{0,20}"],
        prop_oneof![Just("200".to_owned()), Just("304".to_owned()), "[0-9]{0,4}"],
        field.clone(),
        field,
    )
        .prop_map(|(ip, t, m, p, s, r, a)| format!("{ip} - - [{t}] \"{m} {p} HTTP/1.1\" {s} 12 \"{r}\" \"{a}\"").into_bytes());
    prop_oneof![near.clone(), near.prop_flat_map(|l| { let n = l.len(); (Just(l), 0..=n) }).prop_map(|(l, k)| l[..k].to_vec()), proptest::collection::vec(any::<u8>(), 0..120)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn random_lines_never_panic_and_are_all_accounted_for(ls in proptest::collection::vec(lines(), 1..40)) {
        let (inputs, counts) = example();
        let targets = loa::report::count::Targets::new(inputs, counts);
        let mut counter = loa::report::count::Counter::new(&targets, counts, inputs.calendar.timezone);
        for (i, l) in ls.iter().enumerate() {
            counter.line(0, i as u64 + 1, l);
        }
        let t = &counter.tally;
        prop_assert_eq!(t.lines, ls.len() as u64);
        prop_assert_eq!(t.accounted(), t.lines);
        let broken = ls.iter().filter(|l| loa::report::combined::parse(l).is_none()).count() as u64;
        prop_assert_eq!(t.unreadable, broken);
    }
}
