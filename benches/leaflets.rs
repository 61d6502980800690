//! Leaflets per second for 1,000 locality variants, and the peak memory.
//!
//! Copies the example site into a temporary folder, keeps one leaflet (the A5
//! "Cách báo tin" page, three pages long), gives it `variants: localities` with
//! 1,000 localities, and renders the site in memory twice: the first time
//! typesets every leaflet, the second takes them all from the cache.
//!
//! Run with `cargo bench --bench leaflets`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;

const VARIANTS: usize = 1000;

fn variants() -> usize {
    std::env::var("LOA_BENCH_VARIANTS").ok().and_then(|v| v.parse().ok()).unwrap_or(VARIANTS)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a folder");
    for e in fs::read_dir(from).expect("read a folder") {
        let e = e.expect("read an entry");
        let dest = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), &dest).expect("copy a file");
        }
    }
}

/// Peak resident memory of this process, from /proc/self/status (Linux).
fn peak_memory() -> String {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_owned()))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("site");
    copy_dir(&repo.join("content"), &root.join("content"));
    for f in ["site.yaml", "calendar.yaml"] {
        fs::copy(repo.join(f), root.join(f)).expect("copy the site's settings");
    }
    // One leaflet, in 1,000 variants; no other leaflets.
    for e in walk(&root.join("content")) {
        if e.extension().is_some_and(|x| x == "md") {
            let text = fs::read_to_string(&e).expect("read a page");
            let mut out: String = text.lines().filter(|l| !l.starts_with("leaflet:") && !l.starts_with("variants:")).map(|l| format!("{l}\n")).collect();
            if e.ends_with("pages/cach-bao-tin.md") {
                out = out.replacen("\nweight:", "\nleaflet: a5\nvariants: localities\nweight:", 1);
            }
            fs::write(&e, out).expect("write a page");
        }
    }
    let mut loc = String::new();
    for i in 0..variants() {
        let _ = write!(loc, "- id: to-dan-pho-{i:04}\n  name: Tổ dân phố số {i}\n  contact: Cán bộ phụ trách (ví dụ)\n  phone: \"024.0000.{i:04}\"\n  address: Nhà văn hoá tổ dân phố {i} (ví dụ)\n");
    }
    fs::write(root.join("localities.yaml"), loc).expect("write localities.yaml");

    let at = NaiveDate::from_ymd_opt(2027, 6, 10);
    let threads = rayon::current_num_threads();
    let out = root.with_extension("dist");
    let opts = loa::BuildOptions { out: Some(out.clone()), at, ..Default::default() };
    let t = Instant::now();
    let report = loa::build(&root, &opts).unwrap_or_else(|d| panic!("{}", d.render()));
    let cold = t.elapsed().as_secs_f64();
    assert_eq!(report.leaflets, variants() + 1);
    let pdf_bytes: u64 = walk(&out.join("leaflets")).iter().filter(|p| p.extension().is_some_and(|e| e == "pdf")).filter_map(|p| fs::metadata(p).ok()).map(|m| m.len()).sum();
    println!(
        "typeset {} leaflets (A5, {} threads) in {cold:.2} s: {:.1} leaflets/s; {:.0} KB per PDF on average; peak memory (VmHWM) {}",
        report.leaflets_typeset,
        threads,
        report.leaflets_typeset as f64 / cold,
        pdf_bytes as f64 / report.leaflets as f64 / 1000.0,
        peak_memory()
    );
    let t = Instant::now();
    let again = loa::build(&root, &opts).unwrap_or_else(|d| panic!("{}", d.render()));
    let warm = t.elapsed().as_secs_f64();
    println!(
        "rebuilt the unchanged site in {warm:.2} s: {} leaflets typeset, {} from the previous output, {} files changed; peak memory (VmHWM) {}",
        again.leaflets_typeset,
        again.leaflets - again.leaflets_typeset,
        again.changed,
        peak_memory()
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).expect("read a folder") {
        let p = e.expect("an entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
