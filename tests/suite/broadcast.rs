//! Bulletins for commune radio as published: the air-time calendar expanded
//! by two independent parsers (Python's icalendar + recurring-ical-events,
//! and ical.js) gives exactly the air times on the live days, for many
//! generated windows, weekdays and times, in a zone without summer time and
//! one with it; a bulletin of a page that is not live is nowhere; the text,
//! the JSON, the feed and the script sheet say what the page says.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeZone, Weekday};

use crate::common::{build, missing_tool, read, site, text_files, validators};

/// The airings of `ics` from `from` to `to` (excluded) as both parsers see
/// them; `None` when they are not installed.
fn expand(ics: &Path, from: &str, to: &str, zone: &str) -> Option<(Vec<String>, Vec<String>)> {
    let Some(v) = validators(&[".venv/bin/python", "node_modules/ical.js"]) else {
        missing_tool("the validators (icalendar, recurring-ical-events, ical.js) in /tmp/loa-validate: .ci/run sets them up");
        return None;
    };
    let run = |mut c: Command| {
        let out = c.output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8").lines().filter(|l| !l.is_empty()).map(str::to_owned).collect::<Vec<_>>()
    };
    let mut py = Command::new(v.join(".venv/bin/python"));
    py.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/expand_air_times.py")).args([ics.as_os_str(), from.as_ref(), to.as_ref(), zone.as_ref()]);
    let mut js = Command::new("node");
    js.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/js/expand_air_times.mjs")).args([ics.as_os_str(), from.as_ref(), to.as_ref()]).env("NODE_PATH", v.join("node_modules"));
    Some((run(py), run(js)))
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const VI_DAYS: [(&str, Weekday); 7] =
    [("T2", Weekday::Mon), ("T3", Weekday::Tue), ("T4", Weekday::Wed), ("T5", Weekday::Thu), ("T6", Weekday::Fri), ("T7", Weekday::Sat), ("CN", Weekday::Sun)];

/// One generated bulletin: its window `[publish, expire)`, days and times.
struct Case {
    slug: String,
    publish: NaiveDate,
    expire: NaiveDate,
    days: Vec<Weekday>,
    times: Vec<NaiveTime>,
}

/// `n` bulletins, each live on `at`, with random windows, weekdays and times.
fn cases(seed: u64, n: usize, at: NaiveDate) -> Vec<Case> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| {
            let publish = at - Days::new(rng.below(40));
            let expire = at + Days::new(1 + rng.below(70));
            let days: Vec<Weekday> = if rng.below(3) == 0 { Vec::new() } else { VI_DAYS.iter().filter(|_| rng.below(2) == 0).map(|d| d.1).collect() };
            let mut times: Vec<NaiveTime> = (0..1 + rng.below(3)).map(|_| NaiveTime::from_hms_opt([0, 2, 3, 5, 6, 7, 9, 11, 12, 16, 17, 18, 19, 20, 23][rng.below(15) as usize], (rng.below(12) * 5) as u32, 0).unwrap()).collect();
            times.sort();
            times.dedup();
            Case { slug: format!("ban-tin-{i}"), publish, expire, days, times }
        })
        .collect()
}

fn page(c: &Case) -> String {
    let days = if c.days.is_empty() {
        String::new()
    } else {
        format!("  days: [{}]\n", c.days.iter().map(|w| VI_DAYS.iter().find(|d| d.1 == *w).unwrap().0).collect::<Vec<_>>().join(", "))
    };
    let times = c.times.iter().map(|t| format!("\"{}\"", t.format("%H:%M"))).collect::<Vec<_>>().join(", ");
    format!(
        "---\ntitle: Bản tin số {}\npublish: {}\nexpire: {}\nbroadcast:\n  times: [{times}]\n{days}---\n\nKính thưa bà con! Hãy gọi 111 khi trẻ em cần giúp đỡ.\n",
        c.slug,
        c.publish,
        c.expire
    )
}

/// What the calendar must say: every (local day, time) of each case, with
/// the instant in UTC, from `from` to `to` (excluded).
fn expected<Tz: TimeZone>(cases: &[Case], tz: &Tz, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut lines = Vec::new();
    for c in cases {
        let mut d = c.publish.max(from);
        while d < c.expire.min(to) {
            if c.days.is_empty() || c.days.contains(&d.weekday()) {
                for t in &c.times {
                    let utc = tz.from_local_datetime(&d.and_time(*t)).earliest().expect("a time that exists").naive_utc();
                    lines.push(format!(
                        "{}-vi-{} {} {} {}Z",
                        c.slug,
                        t.format("%H%M"),
                        d,
                        t.format("%H:%M"),
                        utc.format("%Y-%m-%dT%H:%M")
                    ));
                }
            }
            d = d.succ_opt().unwrap();
        }
    }
    lines.sort();
    lines
}

/// Builds a site with `cases` in `zone` as of `at` and checks both parsers
/// against the expected air times over the three months around `at`.
fn check_calendar(zone: &str, tz: &chrono_tz::Tz, seed: u64, at: NaiveDate) {
    let s = site("good");
    s.write("calendar.yaml", read(&s.root, "calendar.yaml").replace("Asia/Ho_Chi_Minh", zone));
    let cs = cases(seed, 12, at);
    for c in &cs {
        s.write(&format!("content/pages/{}.md", c.slug), page(c));
    }
    let out = s.beside("out");
    build(&s.root, &out, Some(&at.to_string()), &[]).ok();
    let (from, to) = (at - Days::new(60), at + Days::new(90));
    let Some((py, js)) = expand(&out.join("phat-thanh/lich-phat.ics"), &from.to_string(), &to.to_string(), zone) else { return };
    let want = expected(&cs, tz, from, to);
    assert!(want.len() > 100, "a meaningful sample: {} airings", want.len());
    // UIDs end with the site's host: compare without it.
    let strip = |v: Vec<String>| v.into_iter().map(|l| l.replacen("@loa.example", "", 1)).collect::<Vec<_>>();
    let (py, js) = (strip(py), strip(js));
    let first_difference = |got: &[String]| {
        let (g, w): (BTreeSet<_>, BTreeSet<_>) = (got.iter().collect(), want.iter().collect());
        format!("missing {:?}… extra {:?}…", w.difference(&g).take(3).collect::<Vec<_>>(), g.difference(&w).take(3).collect::<Vec<_>>())
    };
    assert!(py == want, "icalendar + recurring-ical-events ({zone}, seed {seed}): {}", first_difference(&py));
    assert!(js == want, "ical.js ({zone}, seed {seed}): {}", first_difference(&js));
}

#[test]
fn the_air_time_calendar_gives_exactly_the_air_times_on_the_live_days() {
    let at = NaiveDate::from_ymd_opt(2027, 6, 10).unwrap();
    check_calendar("Asia/Ho_Chi_Minh", &chrono_tz::Asia::Ho_Chi_Minh, 0x9e37_79b9_7f4a_7c15, at);
}

#[test]
fn air_times_keep_the_clock_through_summer_time() {
    // Windows around 28 March and 31 October 2027, when London's clocks change.
    check_calendar("Europe/London", &chrono_tz::Europe::London, 0x2545_f491_4f6c_dd1d, NaiveDate::from_ymd_opt(2027, 3, 25).unwrap());
    check_calendar("Europe/London", &chrono_tz::Europe::London, 0xd1b5_4a32_d192_ed03, NaiveDate::from_ymd_opt(2027, 10, 28).unwrap());
}

#[test]
fn a_bulletin_of_a_page_that_is_not_live_is_nowhere() {
    let s = site("good");
    let bulletin = |title: &str, extra: &str, word: &str| {
        format!("---\ntitle: {title}\n{extra}broadcast:\n  times: [\"06:00\"]\n---\n\nKính thưa bà con! {word} Hãy gọi 111.\n")
    };
    s.write("content/pages/ban-tin-song.md", bulletin("Bản tin đang phát", "", "Hoamuoigio"));
    s.write("content/pages/ban-tin-nhap.md", bulletin("Bản tin nháp", "draft: true\n", "Nhapbimat"));
    s.write("content/pages/ban-tin-sap-toi.md", bulletin("Bản tin sắp tới", "publish: 2027-07-01\n", "Saptoibimat"));
    s.write("content/pages/ban-tin-da-qua.md", bulletin("Bản tin đã qua", "expire: 2027-06-01\n", "Daquabimat"));
    s.write("content/thang-tre-em/ban-tin.md", bulletin("Bản tin chiến dịch", "publish: end+1d\nexpire: end+10d\n", "Chiendichbimat"));
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let files = text_files(&out);
    for secret in ["Nhapbimat", "Saptoibimat", "Daquabimat", "Chiendichbimat", "ban-tin-nhap", "ban-tin-sap-toi", "ban-tin-da-qua", "thang-tre-em-ban-tin"] {
        let leaks: Vec<&String> = files.iter().filter(|(_, t)| t.to_lowercase().contains(&secret.to_lowercase())).map(|(f, _)| f).collect();
        assert!(leaks.is_empty(), "{secret} is in {leaks:?}");
    }
    let sheets: Vec<String> = crate::common::tree(&out).into_keys().filter(|n| n.starts_with("phat-thanh/") && n.ends_with(".pdf")).collect();
    assert_eq!(sheets, ["phat-thanh/ban-tin-song.pdf"]);
    assert!(read(&out, "phat-thanh/ban-tin-song.txt").contains("Hoamuoigio"));
    // The English folder exists, with no bulletin in it.
    let list: serde_json::Value = serde_json::from_str(&read(&out, "en/broadcast/bulletins.json")).unwrap();
    assert_eq!(list["bulletins"].as_array().unwrap().len(), 0);
    assert!(read(&out, "en/broadcast/index.html").contains("No bulletin today."));
    // With drafts, the draft is there too.
    let drafts = s.beside("drafts");
    build(&s.root, &drafts, Some("2027-06-10"), &["--drafts"]).ok();
    assert!(read(&drafts, "phat-thanh/ban-tin-nhap.txt").contains("Nhapbimat"));
}

#[test]
fn a_site_without_bulletins_has_no_bulletins_folder() {
    let s = site("good");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    assert!(!out.join("phat-thanh").exists() && !out.join("en/broadcast").exists());
    assert!(!read(&out, "index.html").contains("phat-thanh"), "no link to a folder that does not exist");
}

#[test]
fn every_file_of_a_bulletin_says_what_the_page_says() {
    let s = site("good");
    s.write(
        "content/thang-tre-em/ban-tin.md",
        "---\ntitle: Bản tin Tháng hành động\npublish: start\nexpire: end+1d\nbroadcast:\n  times: [\"17:30\", \"06:00\"]\n  days: [T2, Thứ 4, fri]\n  title: Tháng hành động vì trẻ em năm 2027\n---\n\nUBND phường đề nghị: từ 1/6 - 30/6, gọi [Tổng đài 111](tel:111) hoặc 024.3525.662 khi trẻ em cần giúp đỡ. Xem https://loa.example/.\n",
    );
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let txt = read(&out, "phat-thanh/thang-tre-em-ban-tin.txt");
    assert_eq!(
        txt,
        "Tháng hành động vì trẻ em năm hai nghìn không trăm hai mươi bảy\n\nỦy ban nhân dân phường đề nghị: từ mùng một tháng sáu đến ngày ba mươi tháng sáu, gọi Tổng đài một một một hoặc không hai bốn, ba năm hai năm, sáu sáu hai khi trẻ em cần giúp đỡ. Xem Loa phường Thử Nghiệm.\n"
    );
    assert!(!txt.chars().any(|c| c.is_ascii_digit()));
    // The JSON list.
    let list: serde_json::Value = serde_json::from_str(&read(&out, "phat-thanh/ban-tin.json")).unwrap();
    assert_eq!(list["version"], 1);
    assert_eq!(list["timezone"], "Asia/Ho_Chi_Minh");
    let b = &list["bulletins"][0];
    assert_eq!(b["title"], "Tháng hành động vì trẻ em năm 2027");
    assert_eq!(b["times"], serde_json::json!(["06:00", "17:30"]));
    assert_eq!(b["days"], serde_json::json!(["MO", "WE", "FR"]));
    assert_eq!(b["window"], serde_json::json!({"from": "2027-06-01", "until": "2027-06-30"}));
    assert_eq!(b["lang"], "vi");
    assert_eq!(b["pdf_url"], "https://loa.example/phat-thanh/thang-tre-em-ban-tin.pdf");
    assert_eq!(format!("{}\n\n{}\n", b["said_title"].as_str().unwrap(), b["text"].as_str().unwrap()), txt);
    let words = txt.split_whitespace().count() as u64;
    assert_eq!(b["reading_seconds"].as_u64().unwrap(), (words * 60).div_ceil(200), "200 syllables a minute");
    // The Atom feed, read back by the crate that reads feeds.
    let feed = atom_syndication::Feed::read_from(read(&out, "phat-thanh/ban-tin.xml").as_bytes()).expect("Atom");
    assert_eq!(feed.entries().len(), 1);
    let e = &feed.entries()[0];
    assert_eq!(e.title().as_str(), "Tháng hành động vì trẻ em năm 2027");
    assert!(e.links().iter().any(|l| l.rel() == "enclosure" && l.href().ends_with("/phat-thanh/thang-tre-em-ban-tin.pdf")));
    assert_eq!(e.content().and_then(|c| c.value()).map(|v| format!("{v}\n")), Some(txt.clone()));
    // The script sheet: the text as said, and a row to tick for each aired day
    // (June 2027: 4 Mondays, 5 Wednesdays, 4 Fridays).
    let pdf = out.join("phat-thanh/thang-tre-em-ban-tin.pdf");
    let Ok(o) = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output() else { return missing_tool("pdftotext (poppler-utils)") };
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Tổng đài một một một"), "{text}");
    let rows = text.lines().filter(|l| l.trim_start().starts_with("Thứ ") && l.contains("/6/2027")).count();
    assert_eq!(rows, 13, "{text}");
    // The index and the page's box link every file.
    let index = read(&out, "phat-thanh/index.html");
    for link in ["/phat-thanh/thang-tre-em-ban-tin.txt", "/phat-thanh/thang-tre-em-ban-tin.pdf", "/phat-thanh/lich-phat.ics", "/phat-thanh/ban-tin.json", "/phat-thanh/ban-tin.xml", "Thứ Hai, Thứ Tư, Thứ Sáu"] {
        assert!(index.contains(link), "{link}");
    }
    assert!(read(&out, "thang-tre-em/ban-tin/index.html").contains("/phat-thanh/thang-tre-em-ban-tin.pdf"));
    assert!(read(&out, "index.html").contains("href=\"/phat-thanh/\""), "the footer links the bulletins");
}

#[test]
fn a_hostile_title_is_escaped_in_every_format_and_a_translation_follows_its_original() {
    let s = site("good");
    let hostile = r#"</h2><script>alert(1)</script> & "q" ; a,b \ <x>"#;
    s.write(
        "content/pages/ban-tin-doc.md",
        format!("---\ntitle: Bản tin đọc\nbroadcast:\n  times: [\"06:00\"]\n  title: '{hostile}'\n---\n\nKính thưa bà con! Gọi 111.\n"),
    );
    // A translation whose original is a draft: neither is a bulletin.
    s.write("content/pages/ban-tin-an.md", "---\ntitle: Bản tin ẩn\ndraft: true\nbroadcast:\n  times: [\"07:00\"]\n---\n\nAnbimat.\n");
    s.write("content/pages/ban-tin-an.en.md", "---\ntitle: Hidden bulletin\nbroadcast:\n  times: [\"07:00\"]\n---\n\nHiddensecret.\n");
    let out = s.beside("out");
    build(&s.root, &out, Some("2027-06-10"), &[]).ok();
    let files = text_files(&out);
    for secret in ["Anbimat", "Hiddensecret", "ban-tin-an"] {
        let leaks: Vec<&String> = files.iter().filter(|(_, t)| t.contains(secret)).map(|(f, _)| f).collect();
        assert!(leaks.is_empty(), "{secret} is in {leaks:?}");
    }
    // HTML: no element from the title; JSON and Atom read back to the title as written.
    for page in ["phat-thanh/index.html", "ban-tin-doc/index.html"] {
        let html = read(&out, page);
        assert!(!html.contains("<script>alert") && !html.contains("<x>"), "{page}");
    }
    let list: serde_json::Value = serde_json::from_str(&read(&out, "phat-thanh/ban-tin.json")).unwrap();
    assert_eq!(list["bulletins"][0]["title"], hostile);
    let feed = atom_syndication::Feed::read_from(read(&out, "phat-thanh/ban-tin.xml").as_bytes()).expect("Atom");
    assert_eq!(feed.entries()[0].title().as_str(), hostile);
    // iCalendar: the SUMMARY parses back to the title (both parsers agree on the file).
    let ics = read(&out, "phat-thanh/lich-phat.ics");
    let cal: icalendar::Calendar = ics.parse().expect("iCalendar");
    let summary = cal.components.iter().find_map(|c| c.as_event()).and_then(|e| icalendar::Component::get_summary(e)).map(str::to_owned);
    assert_eq!(summary.as_deref(), Some(hostile));
    if let Some((py, js)) = expand(&out.join("phat-thanh/lich-phat.ics"), "2027-06-10", "2027-06-12", "Asia/Ho_Chi_Minh") {
        assert_eq!(py.len(), 2, "{py:?}");
        assert_eq!(py, js);
    }
}
