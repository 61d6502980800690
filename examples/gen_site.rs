//! Generates a large site for benchmarks: the example site's settings and
//! calendar, and N pages made of the example content's paragraphs.
//!
//! ```sh
//! cargo run --release --example gen_site -- /tmp/big-site 10000 [--share-cards]
//! ```
//!
//! The site has `share_cards: false` (Hugo and Zola make no share cards, so
//! the comparison is of the same work) unless `--share-cards` is given.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "bench-site".into()));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let cards = args.next().is_some_and(|a| a == "--share-cards");
    generate(&out, n, cards).unwrap_or_else(|e| {
        eprintln!("gen_site: {e}");
        std::process::exit(1);
    });
    println!("{n} pages in {}", out.display());
}

fn paragraphs(repo: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for e in fs::read_dir(repo.join("content/pages"))? {
        let path = e?.path();
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = fs::read_to_string(path)?;
        let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
        out.extend(body.split("\n\n").map(str::trim).filter(|p| p.len() > 80 && !p.starts_with('#') && !p.contains("](")).map(str::to_owned));
    }
    out.sort();
    Ok(out)
}

fn generate(out: &Path, n: usize, cards: bool) -> std::io::Result<()> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out.join("content/pages"))?;
    // The example's safety page is one of its own pages, which this site has not.
    let mut site: String = fs::read_to_string(repo.join("site.yaml"))?.lines().filter(|l| !l.starts_with("safety_page:")).map(|l| format!("{l}\n")).collect();
    if !cards {
        site.push_str("\n# Hugo and Zola make no share cards: the same work.\nshare_cards: false\n");
    }
    fs::write(out.join("site.yaml"), site)?;
    fs::copy(repo.join("calendar.yaml"), out.join("calendar.yaml"))?;
    fs::write(out.join("content/_index.md"), "---\ntitle: Trang thử nghiệm lớn\n---\n\nMột trang lớn để đo tốc độ. Gọi [111](tel:111).\n")?;
    let campaigns = ["thang-hanh-dong-vi-tre-em", "phong-chong-bao-luc-gia-dinh", "phong-chong-mua-ban-nguoi", "tet-trung-thu", "binh-dang-gioi"];
    for c in campaigns {
        fs::create_dir_all(out.join("content").join(c))?;
        fs::write(out.join("content").join(c).join("_index.md"), format!("---\ntitle: Chiến dịch {c}\nsummary: Trang chiến dịch thử nghiệm.\n---\n\nNội dung chiến dịch {c}.\n"))?;
    }
    let paras = paragraphs(repo)?;
    for i in 0..n {
        let folder = if i % 6 == 5 { "pages" } else { campaigns[i % 6] };
        let next = (i + 6) % n;
        let next_folder = if next % 6 == 5 { "pages" } else { campaigns[next % 6] };
        let link = if next_folder == folder { format!("trang-{next}.md") } else { format!("../{next_folder}/trang-{next}.md") };
        let mut body = String::new();
        for k in 0..4 {
            body.push_str(&format!("## Mục {k} của trang {i}\n\n"));
            body.push_str(&paras[(i * 7 + k) % paras.len()]);
            body.push_str("\n\n");
        }
        body.push_str(&format!("Xem thêm [trang {next}]({link}#muc-0-cua-trang-{next}) hoặc gọi [111](tel:111).\n"));
        let window = if folder != "pages" && i % 10 == 0 { "publish: start-14d\nexpire: end+14d\n" } else { "" };
        let text = format!("---\ntitle: Trang số {i} về bảo vệ trẻ em\nsummary: Trang thử nghiệm số {i}.\ndate: 2026-11-{:02}\nweight: {i}\n{window}---\n\n{body}", 1 + i % 28);
        fs::write(out.join("content").join(folder).join(format!("trang-{i}.md")), text)?;
    }
    Ok(())
}
