//! Daily builds that start from yesterday's: the deploy workflows keep the
//! output and loa's `cache/` between runs (a CI cache restores them into a
//! fresh checkout: new files, new inodes, no standby, no record). A rebuild
//! from a restored state reuses what did not change and gives, byte for
//! byte, the output of a cold build; a state of another loa, or a damaged
//! one, is verified and made anew where it cannot be trusted.

use crate::common::{self, fixture, Run, Site};
use crate::deploy::{github_state_cache, gitlab_state_cache};

use std::fs;
use std::path::{Path, PathBuf};

use loa::scaffold::deploy::{self, Host};

/// The leaflets fixture with a photo on a page: leaflets (with thumbnails
/// and locality copies), bundles, pictures, share cards and the search
/// index, everything a rebuild reuses.
fn site() -> Site {
    let s = common::site("leaflets");
    fs::copy(fixture("images").join("gps.jpg"), s.root.join("content/pages/gps.jpg")).unwrap();
    let page = fs::read_to_string(s.root.join("content/pages/cach-bao-tin.md")).unwrap();
    s.write("content/pages/cach-bao-tin.md", format!("{page}\n![Ảnh chụp ở Hồ Gươm](gps.jpg)\n"));
    s
}

/// A checkout of the site at `dir` (a copy of its inputs, as CI checks the
/// repository out), and `out` inside it.
fn checkout(s: &Site, dir: &str) -> PathBuf {
    let root = s.beside(dir);
    common::copy_dir(&s.root, &root);
    root
}

/// `loa build` of the checkout `root` into `root/out` as of `at`.
fn build(root: &Path, out: &str, at: &str) -> Run {
    let run = common::build(root, &root.join(out), Some(at), &[]);
    run.ok();
    run
}

/// Copies what a host's cache keeps (`paths`, relative to the checkout)
/// from one checkout into another, as a cache restore does: new files.
fn restore(paths: &[String], from: &Path, to: &Path) {
    for p in paths {
        let p = p.trim_end_matches('/');
        assert!(from.join(p).is_dir(), "{p} is not in the checkout after a build");
        common::copy_dir(&from.join(p), &to.join(p));
    }
}

/// The number in `Leaflets: N PDFs, T typeset` (or the pictures' line).
fn count(run: &Run, before: &str) -> usize {
    let rest = run.stdout.split(before).nth(1).unwrap_or_else(|| panic!("no {before:?} in\n{}", run.stdout));
    rest.split(|c: char| !c.is_ascii_digit()).find(|w| !w.is_empty()).unwrap().parse().unwrap()
}

/// What a build typeset and encoded: (leaflets typeset, picture files encoded).
fn work(run: &Run) -> (usize, usize) {
    (count(run, "PDFs, "), count(run, "Pictures: "))
}

/// For each host, the paths its generated file caches hold everything a
/// rebuild reuses: yesterday's build restored into a fresh checkout, today's
/// build typesets no leaflet, encodes no picture, takes the search index
/// from it, and is byte for byte the cold build of today.
#[test]
fn the_workflows_caches_make_the_daily_build_incremental_and_the_same() {
    let s = site();
    let cold = checkout(&s, "cold");
    let cold_run = build(&cold, "dist", "2027-06-11");
    let (typeset, encoded) = work(&cold_run);
    assert!(typeset > 0 && encoded > 0, "a cold build makes everything:\n{}", cold_run.stdout);
    let expected = common::tree(&cold.join("dist"));
    for (host, out) in [(Host::GitHub, "dist"), (Host::GitLab, "public")] {
        let (_, text) = deploy::files(&s.root, host, &deploy::Options::default()).unwrap().remove(0);
        let file: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let paths = match host {
            Host::GitHub => github_state_cache(&file).paths,
            _ => gitlab_state_cache(&file).0,
        };
        let yesterday = checkout(&s, &format!("{out}-yesterday"));
        build(&yesterday, out, "2027-06-10");
        let today = checkout(&s, &format!("{out}-today"));
        restore(&paths, &yesterday, &today);
        let run = common::loa_in_env(&today, ["build", "--out", out, "--at", "2027-06-11"], &[("LOA_TIMINGS", "1")]);
        run.ok();
        assert_eq!(work(&run), (0, 0), "{host:?}: nothing is made again:\n{}", run.stdout);
        assert!(run.stderr.contains("search, vi: unchanged, taken from the previous output"), "{host:?}: {}", run.stderr);
        common::assert_same_tree(&common::tree(&today.join(out)), &expected);
    }
}

/// What another loa made under the same keys may differ (another encoder,
/// another Typst): a state stamped by another loa, or by none (a loa before
/// the stamp, a working folder deleted), is not reused. Here the other
/// loa's picture has other bytes, listed with their hash in its manifest;
/// the rebuild encodes it anew and is the cold build.
#[test]
fn a_state_of_another_loa_is_made_anew() {
    let s = site();
    let cold = checkout(&s, "cold");
    build(&cold, "dist", "2027-06-11");
    let expected = common::tree(&cold.join("dist"));
    let stamp = cold.join(".dist.loa/cache/state.json");
    let ours = fs::read_to_string(&stamp).expect("the state is stamped");
    assert!(ours.contains(&format!("\"loa\":\"{}\"", env!("CARGO_PKG_VERSION"))), "{ours}");
    for other in [Some(ours.replace(env!("CARGO_PKG_VERSION"), "0.0.9")), None] {
        let root = checkout(&s, if other.is_some() { "other-loa" } else { "no-stamp" });
        build(&root, "dist", "2027-06-10");
        let dist = root.join("dist");
        // The other loa's WebP of the photo, and its manifest saying so.
        let manifest_path = dist.join("img/manifest.json");
        let mut manifest: serde_json::Value = serde_json::from_slice(&fs::read(&manifest_path).unwrap()).unwrap();
        let picture = manifest["pictures"].as_object_mut().unwrap().values_mut().next().expect("the photo");
        let webp = &mut picture["variants"][0]["webp"];
        let file = dist.join(webp["path"].as_str().unwrap());
        let mut bytes = fs::read(&file).unwrap();
        bytes.extend_from_slice(b"\0another encoder");
        fs::write(&file, &bytes).unwrap();
        webp["hash"] = loa::hash::hex(bytes.as_slice()).into();
        fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
        match &other {
            Some(text) => fs::write(root.join(".dist.loa/cache/state.json"), text).unwrap(),
            None => fs::remove_dir_all(root.join(".dist.loa")).unwrap(),
        }
        let run = build(&root, "dist", "2027-06-11");
        assert!(work(&run).0 > 0 && work(&run).1 > 0, "everything is made anew:\n{}", run.stdout);
        common::assert_same_tree(&common::tree(&dist), &expected);
        assert_eq!(fs::read_to_string(root.join(".dist.loa/cache/state.json")).unwrap(), ours, "stamped as this loa's");
    }
}

/// A damaged state — a leaflet's thumbnail or PDF cut short, a picture and
/// a share card with a byte changed, a search shard cut short, the search
/// record and the writer's record garbage — is verified file by file: what
/// is damaged is made again, the rest reused, and the output is the cold
/// build's.
#[test]
fn a_damaged_state_is_verified_and_made_whole() {
    let s = site();
    let cold = checkout(&s, "cold");
    let cold_run = build(&cold, "dist", "2027-06-11");
    let expected = common::tree(&cold.join("dist"));
    let root = checkout(&s, "damaged");
    build(&root, "dist", "2027-06-10");
    let dist = root.join("dist");
    let files: Vec<String> = common::tree(&dist).into_iter().filter_map(|(p, b)| b.map(|_| p)).collect();
    let first = |what: &str, pick: &dyn Fn(&str) -> bool| files.iter().find(|p| pick(p)).unwrap_or_else(|| panic!("no {what} in {files:?}")).clone();
    let last = |what: &str, pick: &dyn Fn(&str) -> bool| files.iter().rfind(|p| pick(p)).unwrap_or_else(|| panic!("no {what} in {files:?}")).clone();
    let cut = |rel: &str, by: usize| {
        let b = fs::read(dist.join(rel)).unwrap();
        fs::write(dist.join(rel), &b[..b.len() - by]).unwrap();
    };
    let flip = |rel: &str| {
        let mut b = fs::read(dist.join(rel)).unwrap();
        let mid = b.len() / 2;
        b[mid] ^= 0x20;
        fs::write(dist.join(rel), &b).unwrap();
    };
    // A thumbnail whose end (IEND) is gone still decodes: only its chunks tell.
    let thumbnail = first("leaflet thumbnail", &|p| p.starts_with("leaflets/") && p.ends_with(".png"));
    cut(&thumbnail, 12);
    // Another leaflet's PDF (a PDF typeset again brings its thumbnail anew).
    let pdf = last("leaflet", &|p| p.starts_with("leaflets/") && p.ends_with(".pdf"));
    assert_ne!(pdf.trim_end_matches(".pdf"), thumbnail.trim_end_matches(".png"));
    cut(&pdf, 100);
    flip(&first("picture", &|p| p.starts_with("img/") && p.ends_with(".webp")));
    flip(&first("share card", &|p| p.starts_with("img/") && p.contains("card") && p.ends_with(".png")));
    cut(&first("search shard", &|p| p.starts_with("search/") && !p.ends_with("manifest.json")), 1);
    for f in fs::read_dir(root.join(".dist.loa/cache")).unwrap().flatten().filter(|f| f.file_name().to_string_lossy().starts_with("search-")) {
        fs::write(f.path(), b"loa search record 1\ngarbage").unwrap();
    }
    fs::write(root.join(".dist.loa/record.json"), "{\"version\": 2, \"paths\": [], \"touched\": [], \"folders\": \"x\"}").unwrap();
    let run = build(&root, "dist", "2027-06-11");
    let (typeset, encoded) = work(&run);
    assert!(typeset >= 1 && typeset < work(&cold_run).0, "the damaged leaflets alone are typeset again:\n{}", run.stdout);
    assert!(encoded >= 1 && encoded < work(&cold_run).1, "the damaged picture and card alone are encoded again:\n{}", run.stdout);
    common::assert_same_tree(&common::tree(&dist), &expected);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4, failure_persistence: None, .. proptest::prelude::ProptestConfig::default() })]

    /// For any day D and any later day (the next, or weeks on, across the
    /// campaign's opening and closing): the build at that day from the state
    /// of D, restored as a cache restores it, is the cold build of that day.
    #[test]
    fn a_rebuild_from_any_restored_day_is_the_cold_build(d in 0u32..150, later in 1u32..60) {
        let day = |n: u32| (chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap() + chrono::Days::new(n.into())).to_string();
        let (yesterday, today) = (day(d), day(d + later));
        let s = site();
        let cold = checkout(&s, "cold");
        build(&cold, "dist", &today);
        let before = checkout(&s, "before");
        build(&before, "dist", &yesterday);
        let after = checkout(&s, "after");
        restore(&["dist".into(), ".dist.loa/cache".into()], &before, &after);
        build(&after, "dist", &today);
        common::assert_same_tree(&common::tree(&after.join("dist")), &common::tree(&cold.join("dist")));
    }
}
