//! CPU time per typeset share card.
//!
//! Writes a site of N pages (default 1,000; `LOA_BENCH_PAGES`) with the
//! example site's settings and calendar, titles of every length (with
//! stacked marks, ẫ ặ ổ ữ), and builds it cold into a new folder with share
//! cards and, alternately, with `share_cards: false`, `LOA_BENCH_RUNS` times
//! each (default 3). The difference in the process's CPU time (user +
//! system, all threads, from `/proc/self/stat`) divided by the cards made is
//! what one card costs.
//!
//! ```sh
//! cargo bench --bench cards                    # release (Typst: a long first compile)
//! cargo bench --bench cards --profile dev      # dependencies at opt-level 2, loa at 0
//! ```

use std::fs;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;

/// Titles as staff write them, short to long (the card's type gets smaller
/// with length).
const TITLES: [&str; 8] = [
    "Gọi 111",
    "Cảnh giác với người lạ trên mạng",
    "Bảo vệ trẻ em khỏi bạo lực, xâm hại",
    "ẪẶỔỮ: những dấu chồng trên chữ hoa",
    "Kỹ năng tự bảo vệ cho học sinh tiểu học: nhận biết, từ chối và kể lại với người lớn",
    "Trách nhiệm của các cơ quan, tổ chức, gia đình và nhà trường trong phòng, chống bạo lực, xâm hại trẻ em",
    "Những việc cha mẹ nên làm ngay khi con kể",
    "Tháng hành động vì trẻ em năm 2027: các hoạt động trên địa bàn thành phố Hà Nội từ ngày 1 đến 30 tháng 6",
];

const CAMPAIGNS: [&str; 5] = ["thang-hanh-dong-vi-tre-em", "phong-chong-bao-luc-gia-dinh", "phong-chong-mua-ban-nguoi", "tet-trung-thu", "binh-dang-gioi"];

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// CPU time of this process so far (user + system, every thread), in
/// seconds: `/proc/self/stat` counts clock ticks of 1/100 s on Linux.
fn cpu_seconds() -> f64 {
    let stat = fs::read_to_string("/proc/self/stat").expect("read /proc/self/stat");
    // The fields after the command name (which is in parentheses).
    let rest = &stat[stat.rfind(')').expect("a command name") + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f[i].parse::<f64>().expect("a number of ticks");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    (ticks(11) + ticks(12)) / 100.0
}

/// Writes the site: the example's settings and calendar, a hub, the five
/// campaigns' homes and `n` pages among them and `pages/`.
fn write_site(root: &Path, n: usize, cards: bool) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(root.join("content/pages")).expect("create the site");
    // Without the example's safety page (it links to pages not written here).
    let mut site: String = fs::read_to_string(repo.join("site.yaml")).expect("read site.yaml").lines().filter(|l| !l.starts_with("safety_page:")).map(|l| format!("{l}\n")).collect();
    if !cards {
        site.push_str("\nshare_cards: false\n");
    }
    fs::write(root.join("site.yaml"), site).expect("write site.yaml");
    fs::copy(repo.join("calendar.yaml"), root.join("calendar.yaml")).expect("copy calendar.yaml");
    fs::write(root.join("content/_index.md"), "---\ntitle: Hà Nội chung tay bảo vệ trẻ em\n---\n\nGọi [111](tel:111).\n").expect("write the hub");
    for c in CAMPAIGNS {
        fs::create_dir_all(root.join("content").join(c)).expect("create a campaign");
        fs::write(root.join("content").join(c).join("_index.md"), format!("---\ntitle: Chiến dịch {c}\n---\n\nNội dung.\n")).expect("write a campaign home");
    }
    for i in 0..n {
        let folder = if i % 6 == 5 { "pages" } else { CAMPAIGNS[i % 6] };
        let title = format!("{} ({i})", TITLES[i % TITLES.len()]);
        fs::write(root.join("content").join(folder).join(format!("trang-{i}.md")), format!("---\ntitle: \"{title}\"\n---\n\nTrang số {i}. Gọi [111](tel:111).\n"))
            .expect("write a page");
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let n = env_or("LOA_BENCH_PAGES", 1000);
    let runs = env_or("LOA_BENCH_RUNS", 3).max(1);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let with = tmp.path().join("cards");
    let without = tmp.path().join("no-cards");
    write_site(&with, n, true);
    write_site(&without, n, false);
    let at = NaiveDate::from_ymd_opt(2027, 6, 10);
    let mut cpu = [Vec::new(), Vec::new()];
    let mut wall = [Vec::new(), Vec::new()];
    let mut encoded = [0, 0];
    for r in 0..runs {
        // Which goes first alternates.
        for k in [r % 2, 1 - r % 2] {
            let root = if k == 0 { &with } else { &without };
            let out = tmp.path().join(format!("out-{k}-{r}"));
            let opts = loa::BuildOptions { out: Some(out), at, ..Default::default() };
            let (c, t) = (cpu_seconds(), Instant::now());
            let report = loa::build(root, &opts).unwrap_or_else(|d| panic!("{}", d.render()));
            wall[k].push(t.elapsed().as_secs_f64());
            cpu[k].push(cpu_seconds() - c);
            encoded[k] = report.pictures_encoded;
        }
    }
    let cards = encoded[0] - encoded[1];
    let (cpu_with, cpu_without) = (median(cpu[0].clone()), median(cpu[1].clone()));
    println!("{n} pages, {cards} typeset cards, {} threads, {runs} cold builds each (medians)", rayon::current_num_threads());
    println!("  with cards:    {cpu_with:.2} s CPU, {:.2} s wall", median(wall[0].clone()));
    println!("  without cards: {cpu_without:.2} s CPU, {:.2} s wall", median(wall[1].clone()));
    println!("  per card: {:.1} ms CPU", (cpu_with - cpu_without) * 1000.0 / cards.max(1) as f64);
}
