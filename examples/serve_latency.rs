//! Measures `loa serve`: the time from saving one page to the reload event the
//! browser receives (server-sent events), end to end through the file watcher.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example serve_latency -- SITE_DIR [RUNS] [PAGE]
//! ```
//! The site is edited in place: one page (`PAGE`, relative to the site, or
//! the first of `content/pages/`) gets a line appended, then is restored.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let site = PathBuf::from(args.next().expect("usage: serve_latency SITE_DIR [RUNS]"));
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let loa = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/loa");
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let started = Instant::now();
    let mut child = Command::new(&loa)
        .args(["serve", "--root"])
        .arg(&site)
        .args(["--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run target/release/loa (cargo build --release first)");
    // Wait until the server answers.
    let stream = loop {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", port)) {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(600), "server did not start");
        std::thread::sleep(Duration::from_millis(20));
    };
    let first_build = started.elapsed();
    let chosen = args.next().map(|p| site.join(p));
    let page = chosen.into_iter().chain(std::fs::read_dir(site.join("content/pages"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.to_string_lossy().contains(".en."))
        .min())
        .next()
        .expect("a page in content/pages");
    let original = std::fs::read_to_string(&page).unwrap();

    drop(stream);
    // Each event stream ends after one reload (the browser reloads and opens a
    // new one), so connect anew for every edit, as a browser does.
    let mut times = Vec::new();
    for run in 0..runs {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET /_tower-livereload/event-stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line.contains("event: init") {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(300));
        let t = Instant::now();
        std::fs::write(&page, format!("{original}\nSửa lần {run}.\n")).unwrap();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap() == 0 {
                panic!("event stream closed");
            }
            if line.contains("event: reload") {
                break;
            }
        }
        times.push(t.elapsed());
    }
    std::fs::write(&page, original).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "site {}, page {}: first build and start {:.0} ms; save → reload event over {runs} edits: median {:.0} ms, min {:.0} ms, max {:.0} ms (includes the watcher's {} ms debounce)",
        site.display(),
        page.display(),
        ms(first_build),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        loa::serve::DEBOUNCE.as_millis()
    );
}
