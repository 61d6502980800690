//! The output folder under faults: builds killed at random moments, two
//! builds at once, a read-only folder in the old output, a full disk, an
//! output that is a mount point. After each, the output is one complete
//! build — exactly one of the two the builds were making — and the next
//! build succeeds and leaves nothing behind but loa's working folder.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;

type Tree = BTreeMap<String, Option<Vec<u8>>>;

/// The two days the builds alternate between: the output differs.
const DAYS: [&str; 2] = ["2027-06-10", "2027-11-01"];

/// The outputs of the `good` fixture at both days, built into fresh folders.
fn references(s: &Site) -> [Tree; 2] {
    DAYS.map(|d| {
        let out = s.beside(&format!("ref-{d}"));
        build(&s.root, &out, Some(d), &[]).ok();
        tree(&out)
    })
}

/// Which reference `out` is exactly, if any.
fn which(out: &Path, refs: &[Tree; 2]) -> Option<usize> {
    let t = tree(out);
    refs.iter().position(|r| *r == t)
}

fn spawn_build(root: &Path, out: &Path, at: &str, extra: &[&str]) -> std::process::Child {
    common::command()
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(["--at", at])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start loa")
}

/// What is left beside the output: only the output and loa's working folder.
#[track_caller]
fn nothing_left_beside(dir: &Path, out: &str) {
    let left: Vec<String> = names(dir).into_iter().filter(|n| n != out && n != &format!(".{out}.loa") && !n.contains("ref-") && n != "site").collect();
    assert!(left.is_empty(), "left beside the output: {left:?}");
    let work: Vec<String> = names(&dir.join(format!(".{out}.loa"))).into_iter().filter(|n| n != "lock" && n != "standby" && n != "record.json" && n != "cache").collect();
    assert!(work.is_empty(), "left in the working folder: {work:?}");
    // The renderers' records (the search index's) and the state's stamp, whole: no
    // temporary file.
    let cache_dir = dir.join(format!(".{out}.loa/cache"));
    let cache: Vec<String> = if cache_dir.is_dir() { names(&cache_dir) } else { Vec::new() };
    let cache: Vec<String> = cache.into_iter().filter(|n| !(n.starts_with("search-") && n.ends_with(".bin")) && n != "state.json").collect();
    assert!(cache.is_empty(), "left in the cache: {cache:?}");
}

/// A small pseudo-random sequence, so a failure can be replayed.
fn delays(seed: u64, n: usize, max_ms: u64) -> Vec<u64> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % max_ms
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_one_complete_build() {
    let s = site("good");
    let refs = references(&s);
    let out = s.beside("out");
    build(&s.root, &out, Some(DAYS[0]), &[]).ok();

    // Watch the output while builds are killed: it must never be missing.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (stop, marker) = (stop.clone(), out.join("build.json"));
        std::thread::spawn(move || {
            let mut misses = 0;
            let mut looks = 0u64;
            while !stop.load(Ordering::Relaxed) {
                if !marker.is_file() {
                    misses += 1;
                }
                looks += 1;
                std::thread::yield_now();
            }
            (misses, looks)
        })
    };
    for (i, delay) in delays(0x10a, 24, 400).into_iter().enumerate() {
        let mut child = spawn_build(&s.root, &out, DAYS[(i + 1) % 2], &[]);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = Command::new("kill").args(["-9", &child.id().to_string()]).status();
        let _ = child.wait();
        assert!(which(&out, &refs).is_some(), "after a kill {delay} ms in, the output is neither complete build");
    }
    stop.store(true, Ordering::Relaxed);
    let (misses, looks) = watcher.join().unwrap();
    assert_eq!(misses, 0, "the output was missing {misses} times in {looks} looks");

    // The next builds succeed, and leave nothing behind.
    for d in DAYS {
        build(&s.root, &out, Some(d), &[]).ok();
    }
    assert_eq!(which(&out, &refs), Some(1), "{}", differences(&tree(&out), &refs[1]));
    nothing_left_beside(s.tmp.path(), "out");
}

/// The paths where `got` and `want` differ, for a failure's message.
fn differences(got: &Tree, want: &Tree) -> String {
    let mut out = Vec::new();
    for (path, bytes) in got {
        match want.get(path) {
            None => out.push(format!("+ {path}")),
            Some(w) if w != bytes => out.push(format!("~ {path}")),
            _ => {}
        }
    }
    out.extend(want.keys().filter(|p| !got.contains_key(*p)).map(|p| format!("- {p}")));
    format!("the output differs from a fresh build at: {}", out.join(", "))
}

/// Two builds into one folder at once: the second waits for the first, and
/// the leaflet cache is never poisoned (each PDF matches its key).
#[test]
fn two_builds_at_once_take_turns() {
    let s = site("leaflets");
    let refs: [Tree; 2] = DAYS.map(|d| {
        let out = s.beside(&format!("ref-{d}"));
        build(&s.root, &out, Some(d), &[]).ok();
        tree(&out)
    });
    let out = s.beside("out");
    for round in 0..3 {
        let a = spawn_build(&s.root, &out, DAYS[0], &[]);
        let b = spawn_build(&s.root, &out, DAYS[1], &[]);
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success() && b.status.success(), "round {round}: {}{}", String::from_utf8_lossy(&a.stderr), String::from_utf8_lossy(&b.stderr));
        assert!(which(&out, &refs).is_some(), "round {round}: the output is a mix");
    }
    // Whatever order they ran in, a build of each day now gives exactly its reference.
    for (i, d) in DAYS.iter().enumerate() {
        build(&s.root, &out, Some(d), &[]).ok();
        assert_eq!(which(&out, &refs), Some(i), "the cache served a leaflet of another day");
    }
    nothing_left_beside(s.tmp.path(), "out");
}

/// `--no-wait` fails at once, with a clear message, while another build writes.
#[cfg(unix)]
#[test]
fn no_wait_fails_while_another_build_writes() {
    let s = site("leaflets");
    let out = s.beside("out");
    // Hold the lock as a build would.
    let work = s.beside(".out.loa");
    std::fs::create_dir_all(&work).unwrap();
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(work.join("lock")).unwrap();
    lock.lock().unwrap();
    let run = build(&s.root, &out, Some(DAYS[0]), &["--no-wait"]);
    run.expect_code(1).stderr_has("another build is writing to this output folder");
    assert!(!out.exists());
    // Without --no-wait it waits, then builds.
    let child = spawn_build(&s.root, &out, DAYS[0], &[]);
    std::thread::sleep(Duration::from_millis(500));
    assert!(!out.exists(), "it waited for the lock");
    drop(lock);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("waiting"));
    assert!(out.join("index.html").is_file());
}

/// A read-only folder in the old output does not stop the next builds, and
/// nothing is left behind.
#[cfg(unix)]
#[test]
fn a_read_only_folder_in_the_old_output_is_no_obstacle() {
    use std::os::unix::fs::PermissionsExt;
    let s = site("good");
    let refs = references(&s);
    let out = s.beside("out");
    build(&s.root, &out, Some(DAYS[0]), &[]).ok();
    let ro = out.join("thang-tre-em");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    for (i, d) in [DAYS[1], DAYS[0], DAYS[1]].iter().enumerate() {
        let run = build(&s.root, &out, Some(d), &[]);
        run.ok();
        assert_eq!(which(&out, &refs), Some(if i % 2 == 0 { 1 } else { 0 }));
    }
    nothing_left_beside(s.tmp.path(), "out");
    // Let the temporary folder go.
    for e in walkdir::WalkDir::new(s.tmp.path()).into_iter().flatten().filter(|e| e.file_type().is_dir()) {
        let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o755));
    }
}

/// Mounts a small tmpfs at `at` (root only); `false` where that is not allowed.
#[cfg(target_os = "linux")]
fn mount_tmpfs(at: &Path, size: &str) -> bool {
    std::fs::create_dir_all(at).unwrap();
    Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(at).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

#[cfg(target_os = "linux")]
struct Mounted(PathBuf);

#[cfg(target_os = "linux")]
impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A full disk fails the build with a message, leaves the previous output
/// as it was, and the next build (with room) succeeds.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_previous_output() {
    let s = site("good");
    let disk = s.beside("disk");
    if !mount_tmpfs(&disk, "4M") {
        missing_tool("mounting a tmpfs (root)");
        return;
    }
    let _m = Mounted(disk.clone());
    let out = disk.join("out");
    build(&s.root, &out, Some(DAYS[0]), &[]).ok();
    let before = tree(&out);
    // Fill the disk, then build another day.
    let _ = std::fs::write(disk.join("filler"), vec![0u8; 8 << 20]);
    let run = build(&s.root, &out, Some(DAYS[1]), &[]);
    run.expect_code(1).stderr_has("cannot");
    assert_same_tree(&before, &tree(&out));
    std::fs::remove_file(disk.join("filler")).unwrap();
    build(&s.root, &out, Some(DAYS[1]), &[]).ok();
    let names: Vec<String> = names(&disk);
    assert_eq!(names, [".out.loa", "out"]);
}

/// An output folder that is a mount point (another file system than its
/// parent's) is written in place, with a warning, and builds succeed.
#[cfg(target_os = "linux")]
#[test]
fn an_output_on_another_file_system_is_written_in_place() {
    let s = site("good");
    let refs = references(&s);
    let out = s.beside("out");
    if !mount_tmpfs(&out, "64M") {
        missing_tool("mounting a tmpfs (root)");
        return;
    }
    let _m = Mounted(out.clone());
    let start = Instant::now();
    for (i, d) in [DAYS[0], DAYS[1], DAYS[0]].iter().enumerate() {
        let run = build(&s.root, &out, Some(d), &[]);
        run.ok().stderr_has("mount point");
        assert_eq!(which(&out, &refs), Some(i % 2));
    }
    assert!(start.elapsed() < Duration::from_secs(120));
    nothing_left_beside(s.tmp.path(), "out");
}

/// What can be done by hand to loa's standby (or its record, or the output)
/// between two builds.
#[derive(Debug, Clone, Copy)]
enum Meddle {
    RemoveStandby,
    RemoveFile,
    RemoveFolder,
    TruncateFile,
    ReplaceFile,
    AddFile,
    AddFileDeep,
    FileForFolder,
    StandbyIsAFile,
    RemoveRecord,
    RecordPathsEdited,
    RecordNotJson,
    AddToOutput,
}

const MEDDLES: [Meddle; 13] = [
    Meddle::RemoveStandby,
    Meddle::RemoveFile,
    Meddle::RemoveFolder,
    Meddle::TruncateFile,
    Meddle::ReplaceFile,
    Meddle::AddFile,
    Meddle::AddFileDeep,
    Meddle::FileForFolder,
    Meddle::StandbyIsAFile,
    Meddle::RemoveRecord,
    Meddle::RecordPathsEdited,
    Meddle::RecordNotJson,
    Meddle::AddToOutput,
];

/// Files (relative paths) under `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().filter(|(_, v)| v.is_some()).map(|(k, _)| k).collect()
}

fn meddle(how: Meddle, work: &Path, out: &Path, pick: u64) {
    let standby = work.join("standby");
    let files = files_in(&standby);
    let file = standby.join(&files[pick as usize % files.len()]);
    let folders: Vec<PathBuf> = files.iter().filter_map(|f| Path::new(f).parent().filter(|p| !p.as_os_str().is_empty()).map(|p| standby.join(p))).collect();
    let folder = &folders[pick as usize % folders.len()];
    match how {
        Meddle::RemoveStandby => std::fs::remove_dir_all(&standby).unwrap(),
        Meddle::RemoveFile => std::fs::remove_file(&file).unwrap(),
        Meddle::RemoveFolder => std::fs::remove_dir_all(folder).unwrap(),
        Meddle::TruncateFile => {
            std::fs::OpenOptions::new().write(true).truncate(true).open(&file).unwrap();
        }
        Meddle::ReplaceFile => {
            std::fs::remove_file(&file).unwrap();
            std::fs::write(&file, b"edited by hand").unwrap();
        }
        Meddle::AddFile => std::fs::write(standby.join("stray.html"), b"<p>stray</p>").unwrap(),
        Meddle::AddFileDeep => std::fs::write(folder.join("stray.txt"), b"stray").unwrap(),
        Meddle::FileForFolder => {
            std::fs::remove_dir_all(folder).unwrap();
            std::fs::write(folder, b"a file where a folder was").unwrap();
        }
        Meddle::StandbyIsAFile => {
            std::fs::remove_dir_all(&standby).unwrap();
            std::fs::write(&standby, b"not a folder").unwrap();
        }
        Meddle::RemoveRecord => std::fs::remove_file(work.join("record.json")).unwrap(),
        Meddle::RecordPathsEdited => {
            let path = work.join("record.json");
            let mut r: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let paths = r["paths"].as_array_mut().unwrap();
            let n = paths.len();
            paths.remove(pick as usize % n);
            r["touched"] = serde_json::json!([]);
            std::fs::write(&path, serde_json::to_vec(&r).unwrap()).unwrap();
        }
        Meddle::RecordNotJson => std::fs::write(work.join("record.json"), b"{\"version\": 1, \"paths\": [").unwrap(),
        Meddle::AddToOutput => std::fs::write(out.join("stray.html"), b"<p>stray</p>").unwrap(),
    }
}

/// loa's standby, its record and the output changed by hand in every way
/// between builds: each next build is exactly one of the two complete builds,
/// never a standby swapped in short, and nothing put there by hand is
/// published.
#[cfg(unix)]
#[test]
fn a_standby_changed_by_hand_is_never_swapped_in_short() {
    let s = site("good");
    let refs = references(&s);
    for (i, pick) in delays(0x5ab, MEDDLES.len(), 1 << 20).into_iter().enumerate() {
        let how = MEDDLES[i];
        let out = s.beside(&format!("out-{i}"));
        let work = s.beside(&format!(".out-{i}.loa"));
        // Two builds on days with different outputs: the standby holds the
        // first, and a record says where it differs.
        build(&s.root, &out, Some(DAYS[0]), &[]).ok();
        build(&s.root, &out, Some(DAYS[1]), &[]).ok();
        assert!(work.join("record.json").is_file() && work.join("standby/index.html").is_file());
        meddle(how, &work, &out, pick);
        // Back and forth: a stray file kept in the standby would come back
        // on the second swap.
        for (n, day) in [0, 1, 0].into_iter().enumerate() {
            build(&s.root, &out, Some(DAYS[day]), &[]).ok();
            assert_eq!(which(&out, &refs), Some(day), "{how:?} (pick {pick}): build {n} after it is not the complete build of {}", DAYS[day]);
        }
    }
}

/// One rayon worker — a one-core machine, or `RAYON_NUM_THREADS=1` — builds
/// the site: the print box's typesetting threads were started from the only
/// worker and waited for it to do their PDF work, forever. The build is
/// given two minutes (it takes seconds) and killed after that.
#[test]
fn one_worker_thread_builds_the_site() {
    let s = site("good");
    let out = s.beside("out");
    let mut child = common::command()
        .args(["build", "--root"])
        .arg(&s.root)
        .arg("--out")
        .arg(&out)
        .args(["--at", DAYS[0]])
        .env("RAYON_NUM_THREADS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start loa");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for loa") {
            break Some(status);
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.is_some_and(|s| s.success()), "a build with one rayon worker did not finish in two minutes: {status:?}");
    let refs = references(&s);
    assert_eq!(which(&out, &refs), Some(0));
}
