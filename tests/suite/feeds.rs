//! The newspaper-facing outputs: calendar.ics (parsed with the icalendar
//! crate's parser), schedule.json, the Atom feeds and the embeds, built from
//! the fixture `tests/fixtures/newspaper/` (the plan's five yearly campaigns,
//! under ids of its own, and a page published from 14 days before the
//! children's month).

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

/// Builds a copy of the fixture as of `at`; the site owns the temporary folder.
fn build(at: &str) -> (common::Site, PathBuf) {
    let site = common::site("newspaper");
    let out = site.beside("dist");
    common::build(&site.root, &out, Some(at), &[]).ok();
    (site, out)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&s[..8], "%Y%m%d").unwrap()
}

/// Every occurrence `(start, last day, summary)` between two years, expanding
/// `RRULE:FREQ=YEARLY[;UNTIL=…]` (the only rule loa writes).
fn occurrences(ics: &str, from: i32, to: i32) -> Vec<(NaiveDate, NaiveDate, String)> {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("calendar.ics parses");
    let mut out = Vec::new();
    for ev in cal.components.iter().filter(|c| c.name == "VEVENT") {
        let get = |name: &str| ev.properties.iter().find(|p| p.name == name).map(|p| p.val.to_string());
        let start = date(&get("DTSTART").unwrap());
        let end_excl = date(&get("DTEND").unwrap());
        assert!(end_excl > start, "DTEND must be after DTSTART");
        let last = end_excl.pred_opt().unwrap();
        let summary = get("SUMMARY").unwrap();
        match get("RRULE") {
            None => out.push((start, last, summary)),
            Some(rule) => {
                assert!(rule.starts_with("FREQ=YEARLY"), "{rule}");
                let until = rule.split("UNTIL=").nth(1).map(date);
                for y in start.year()..=to {
                    let s = start.with_year(y).unwrap();
                    if until.is_some_and(|u| s > u) {
                        break;
                    }
                    out.push((s, last.with_year(y + (last.year() - start.year())).unwrap(), summary.clone()));
                }
            }
        }
    }
    out.retain(|(s, _, _)| (from..=to).contains(&s.year()));
    out.sort();
    out
}

#[test]
fn calendar_ics_gives_the_right_dates() {
    let (_site, out) = build("2027-06-10");
    let ics = std::fs::read_to_string(out.join("calendar.ics")).unwrap();
    for line in ics.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "lines end with CRLF: {line:?}");
        assert!(line.len() <= 77, "folded at 75 octets: {line:?}");
    }
    assert!(!ics.contains("DTEND;VALUE=DATE:20270601\r"), "DTEND is exclusive");
    let occ = occurrences(&ics, 2027, 2030);
    let has = |s: &str, e: &str, title: &str| {
        let (s, e) = (NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap(), NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
        occ.iter().any(|(a, b, t)| *a == s && *b == e && t.starts_with(title))
    };
    assert!(has("2027-09-15", "2027-09-15", "Tết Trung thu"), "{occ:#?}");
    assert!(has("2028-10-03", "2028-10-03", "Tết Trung thu"));
    assert!(has("2030-09-12", "2030-09-12", "Tết Trung thu"));
    assert!(has("2027-11-15", "2027-12-15", "Tháng hành động vì bình đẳng giới"));
    assert!(has("2027-06-01", "2027-06-30", "Tháng hành động phòng, chống bạo lực gia đình"));
    assert!(has("2027-06-01", "2027-06-30", "Tháng hành động vì trẻ em"));
    for y in 2027..=2030 {
        assert!(has(&format!("{y}-07-30"), &format!("{y}-07-30"), "Ngày toàn dân phòng, chống mua bán người"), "30/7/{y}");
    }
    assert_eq!(occ.len(), 5 * 4, "five campaigns a year: {occ:#?}");
    assert!(ics.contains("BEGIN:VALARM") && ics.contains("TRIGGER;RELATED=START:-PT86400S"));

    // One per campaign too.
    let one = std::fs::read_to_string(out.join("trung-thu/calendar.ics")).unwrap();
    assert_eq!(occurrences(&one, 2027, 2030).len(), 4);
}

#[test]
fn outputs_are_stable_until_the_state_changes() {
    // Nothing changes between 10 and 20 June 2027 (next change: 1 July).
    let (_a, out_a) = build("2027-06-10");
    let (_b, out_b) = build("2027-06-20");
    for f in ["calendar.ics", "schedule.json", "feed.xml", "embed/schedule.html", "index.html"] {
        assert_eq!(std::fs::read(out_a.join(f)).unwrap(), std::fs::read(out_b.join(f)).unwrap(), "{f} changed without a state change");
    }
    // UIDs survive a state change.
    let (_c, out_c) = build("2027-07-20");
    let uids = |p: &Path| -> Vec<String> {
        let s = std::fs::read_to_string(p.join("calendar.ics")).unwrap();
        let mut u: Vec<String> = s.lines().filter(|l| l.starts_with("UID:") && !l.ends_with("-alarm")).map(str::to_owned).collect();
        u.sort();
        u
    };
    let a = uids(&out_a);
    assert!(a.contains(&"UID:tre-em-0@bao.example".to_owned()), "{a:?}");
    assert_eq!(a, uids(&out_c).into_iter().filter(|u| a.contains(u)).collect::<Vec<_>>());
}

#[test]
fn schedule_json_has_states_and_occurrences() {
    let (_site, out) = build("2027-11-01");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("schedule.json")).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["timezone"], "Asia/Ho_Chi_Minh");
    let campaigns = v["campaigns"].as_array().unwrap();
    assert_eq!(campaigns.len(), 5);
    let by_id: BTreeMap<&str, &serde_json::Value> = campaigns.iter().map(|c| (c["id"].as_str().unwrap(), c)).collect();
    let gender = by_id["binh-dang-gioi"];
    assert_eq!(gender["state"], "upcoming");
    assert_eq!(gender["days_until_start"], 14);
    assert_eq!(gender["occurrences"][0]["start"], "2027-11-15");
    assert_eq!(gender["occurrences"][0]["end"], "2027-12-15");
    assert_eq!(gender["title"]["en"], "Action Month for Gender Equality");
    assert_eq!(by_id["trung-thu"]["state"], "dormant");
    assert_eq!(by_id["trung-thu"]["occurrences"][0]["start"], "2028-10-03");
    assert!(gender["url"]["vi"].as_str().unwrap().starts_with("https://bao.example/"));
}

#[test]
fn atom_feeds_list_live_pages_newest_first() {
    let (_site, out) = build("2027-06-10");
    for (path, lang) in [("feed.xml", "vi"), ("en/feed.xml", "en")] {
        let feed = atom_syndication::Feed::read_from(std::io::BufReader::new(std::fs::File::open(out.join(path)).unwrap())).unwrap();
        assert_eq!(feed.lang.as_deref(), Some(lang));
        assert!(!feed.entries.is_empty());
        let mut ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
        assert!(ids.iter().all(|i| i.starts_with("https://bao.example/")), "{ids:?}");
        let dates: Vec<_> = feed.entries.iter().map(|e| e.updated).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), feed.entries.len(), "ids are unique");
        assert!(feed.links.iter().any(|l| l.rel == "self"));
    }
    // The activity page is live on 10 June (publish: start-14d) but not on 1 March.
    let live = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(live.contains("/tre-em/hoat-dong/"));
    let (_t2, out2) = build("2027-03-01");
    let later = std::fs::read_to_string(out2.join("feed.xml")).unwrap();
    assert!(!later.contains("/tre-em/hoat-dong/"));
    // Every page links to the feed.
    let hub = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(hub.contains(r#"<link rel="alternate" type="application/atom+xml""#));
}

#[test]
fn embeds_are_self_contained() {
    let (_site, out) = build("2027-11-01");
    let dir = out.join("embed");
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".html")).collect();
    names.sort();
    assert_eq!(names.len(), 7, "{names:?}");
    for n in names.iter().filter(|n| *n != "index.html") {
        let html = std::fs::read_to_string(dir.join(n)).unwrap();
        assert!(!html.contains("<script"), "{n}");
        assert!(!html.contains("<link rel=\"stylesheet\""), "{n}: CSS is inline");
        assert!(!html.contains(" src="), "{n}: nothing is loaded");
        // Light unless the page that embeds it says otherwise after the
        // address (tests/js/embed.e2e.mjs checks the colours as drawn).
        assert!(html.contains(":root { color-scheme: light;"), "{n}");
        assert!(html.contains(r#":root:has([id="theme=dark"]:target)"#) && html.contains(r#"<span id="theme=dark" hidden></span>"#), "{n}");
        assert!(!html.contains("min-width"), "{n}: nothing keeps it wider than a 240 px column");
        for a in html.split("<a ").skip(1) {
            assert!(a.contains(r#"target="_blank" rel="noopener""#), "{n}: {a}");
        }
    }
    let schedule = std::fs::read_to_string(dir.join("schedule.html")).unwrap();
    let gender = schedule.find("Tháng hành động vì bình đẳng giới").unwrap();
    let children = schedule.find("Tháng hành động vì trẻ em").unwrap();
    assert!(gender < children, "the upcoming campaign comes first");
    assert!(schedule.contains("Bắt đầu sau 14 ngày"));
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("&lt;iframe src=&quot;https://bao.example/embed/schedule.html#theme=light&quot;"), "snippets are shown escaped, with the colours to choose");
    assert!(index.contains("loading=&quot;lazy&quot;") && index.contains("title=&quot;"));
    assert!(index.contains("webcal://bao.example/calendar.ics"));
}

/// Every widget has a static oEmbed response, and the pages that stand for a
/// widget name it in a discovery link: pasting the hub's address embeds the
/// schedule, a campaign's home or page its card. (tests/py/oembed_check.py
/// checks the same with real oEmbed consumers.)
#[test]
fn oembed_responses_and_discovery_links() {
    let (_site, out) = build("2027-06-10");
    let base = "https://bao.example/";
    let link = |file: &str| -> Option<String> {
        let html = std::fs::read_to_string(out.join(file)).unwrap();
        let tag = common::tags(&html, "link").into_iter().find(|t| common::attr(t, "type").as_deref() == Some("application/json+oembed"))?;
        assert_eq!(common::attr(tag, "rel").as_deref(), Some("alternate"), "{file}: {tag}");
        common::attr(tag, "href")
    };
    let schedule = format!("{base}embed/oembed/schedule.json");
    assert_eq!(link("index.html"), Some(schedule.clone()), "the hub");
    assert_eq!(link("embed/schedule.html"), Some(schedule.clone()));
    assert_eq!(link("embed/auto/schedule.html"), Some(schedule));
    let card = format!("{base}embed/oembed/tre-em.json");
    for f in ["tre-em/index.html", "tre-em/hoat-dong/index.html", "embed/tre-em.html", "embed/auto/tre-em.html"] {
        assert_eq!(link(f).as_ref(), Some(&card), "{f}");
    }
    // The English pages name the English widgets.
    let schedule_en = format!("{base}en/embed/oembed/schedule.json");
    for f in ["en/index.html", "en/embed/schedule.html", "en/embed/auto/schedule.html"] {
        assert_eq!(link(f).as_ref(), Some(&schedule_en), "{f}");
    }
    for f in ["en/trung-thu/index.html", "en/embed/trung-thu.html"] {
        assert_eq!(link(f), Some(format!("{base}en/embed/oembed/trung-thu.json")), "{f}");
    }
    assert_eq!(link("cach-bao-tin/index.html"), None, "a site-wide page stands for no widget");

    let json = |rel: &str| -> serde_json::Value { serde_json::from_str(&std::fs::read_to_string(out.join(rel)).unwrap()).unwrap() };
    let schedule_json = json("schedule.json");
    let campaigns = schedule_json["campaigns"].as_array().unwrap();
    for (c, lang) in campaigns.iter().flat_map(|c| [(c, "vi"), (c, "en")]) {
        let id = c["id"].as_str().unwrap();
        let folder = if lang == "vi" { "embed".to_owned() } else { format!("{lang}/embed") };
        let r = json(&format!("{folder}/oembed/{id}.json"));
        assert_eq!(r["type"], "rich");
        assert_eq!(r["version"], "1.0");
        assert_eq!(r["title"], c["title"][lang]);
        assert_eq!((r["width"].as_u64(), r["height"].as_u64()), (Some(600), Some(380)));
        assert_eq!(r["provider_url"], base);
        assert!(r["cache_age"].as_u64().unwrap() > 0 && r["provider_name"].is_string());
        let html = r["html"].as_str().unwrap();
        let iframe = common::tags(html, "iframe");
        assert_eq!(iframe.len(), 1, "{html}");
        assert_eq!(common::attr(iframe[0], "src"), Some(format!("{base}{folder}/{id}.html")));
        assert_eq!(common::attr(iframe[0], "height").as_deref(), Some("380"));
        assert!(!html.contains("<script"), "the response is the snippet without JavaScript");
    }
    let all = json("embed/oembed/schedule.json");
    assert_eq!(all["height"].as_u64(), Some(150 + 150 * campaigns.len() as u64));

    // The provider list: every endpoint is a file of the output, the
    // campaigns' schemes before the hubs', each language's pages leading
    // to its own widget.
    let providers = json("embed/oembed/providers.json");
    let endpoints = providers[0]["endpoints"].as_array().unwrap();
    assert_eq!(endpoints.len(), 2 * (campaigns.len() + 1));
    for e in endpoints {
        let url = e["url"].as_str().unwrap();
        assert!(out.join(url.strip_prefix(base).unwrap()).is_file(), "{url}");
        let folder = if url.starts_with(&format!("{base}en/")) { format!("{base}en/") } else { base.to_owned() };
        for scheme in e["schemes"].as_array().unwrap() {
            let scheme = scheme.as_str().unwrap();
            assert_eq!(scheme.starts_with(&format!("{base}en/")), folder != base, "{scheme} leads to {url}");
        }
    }
    let hubs: Vec<&str> = endpoints[endpoints.len() - 2..].iter().map(|e| e["schemes"][0].as_str().unwrap()).collect();
    assert_eq!(hubs, [format!("{base}en/"), base.to_owned()], "the hub's address, a prefix of every other, comes last");
    assert!(endpoints[0]["schemes"].as_array().unwrap().iter().all(|s| s.as_str().unwrap().ends_with('*') || s.as_str().unwrap().ends_with(".html")));

    // The snippets page shows both snippets and the address to paste; the
    // auto-height one checks the origin of the messages it obeys.
    let index = std::fs::read_to_string(out.join("embed/index.html")).unwrap();
    assert!(index.contains("https://bao.example/embed/auto/schedule.html"), "the auto-height snippet");
    assert!(index.contains("e.origin !== &quot;https://bao.example&quot;"), "it checks the origin");
    assert!(index.contains("data-loa-auto"));
    assert!(index.contains("href=\"https://bao.example/tre-em/\""), "the address to paste");
    assert!(index.contains("/embed/print/lich-2-cot.svg") && index.contains("/embed/print/lich-1-cot.en.pdf"), "the print box");
}

/// The English page of snippets (`en/embed/`): in English, its snippets
/// load the English widgets, the two pages point at each other, and each
/// hub links to its own.
#[test]
fn the_english_page_of_snippets_loads_english_widgets() {
    let (_site, out) = build("2027-06-10");
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    let index = read("en/embed/index.html");
    assert!(index.contains("<html lang=\"en\">"), "{index}");
    assert!(index.contains("Embed the calendar in your site"));
    let snippets: Vec<&str> = index.split("<textarea").skip(1).map(|t| common::between(t, ">", "</textarea>")).collect();
    assert_eq!(snippets.len(), 2 * 6, "two snippets for the schedule and each of five campaigns");
    for s in &snippets {
        assert!(s.contains("src=&quot;https://bao.example/en/embed/"), "{s}");
        assert!(!s.contains("src=&quot;https://bao.example/embed/"), "{s}");
    }
    for (lang, other, page) in [("vi", "en", "embed/index.html"), ("en", "vi", "en/embed/index.html")] {
        let html = read(page);
        let href = if other == "vi" { "https://bao.example/embed/" } else { "https://bao.example/en/embed/" };
        assert!(html.contains(&format!("<link rel=\"alternate\" hreflang=\"{other}\" href=\"{href}\">")), "{lang}: {html}");
    }
    assert!(read("en/index.html").contains("href=\"/en/embed/\""), "the English hub links to the English page");
    assert!(read("index.html").contains("href=\"/embed/\""));
    let schedule = read("en/embed/schedule.html");
    assert!(schedule.contains("<html lang=\"en\">"));
    for title in ["Action Month for Children", "Mid-Autumn Festival", "Action Month for Gender Equality"] {
        assert!(schedule.contains(title), "{title}: {schedule}");
    }
    assert!(!schedule.contains("Tết Trung thu"), "{schedule}");
    let card = read("en/embed/auto/trung-thu.html");
    assert!(card.contains("<html lang=\"en\">") && card.contains("Mid-Autumn Festival") && card.contains("Read more"), "{card}");
    assert!(card.contains("href=\"https://bao.example/en/trung-thu/\""), "the English card links to the English page: {card}");
}
