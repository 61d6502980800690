#!/usr/bin/env python3
"""`loa report` against GoAccess on the same generated access log.

usage: benches/report.py [--lines N] [--runs R] [--loa PATH] [--small N] [--keep DIR]

Makes a combined-format log of N lines (1,000,000) for the example site (the
repository root): its real page, leaflet, bundle and widget paths (read from
`loa report`'s own CSVs of a first run without logs), people's browsers and
crawlers, HEAD requests, 404s, redirects, requests from another year and a
few malformed lines, addresses from the documentation ranges (RFC 5737) and
10.0.0.0/8. Then times, R times each (median reported):

  loa report --year 2027 --access-log LOG --out DIR
  goaccess LOG --log-format=COMBINED --no-global-config -o report.html

and the peak resident memory of each (GNU time's "Maximum resident set size",
or getrusage of the child) at --small lines (100,000) and at N, to show that
loa's memory does not grow with the log. Uses target/release/loa if it was
built, else target/debug/loa (say which when quoting numbers).

Also writes the log gzipped to check that the .gz path costs what it should.
"""
import argparse
import gzip
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PEOPLE = [
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Mobile Safari/537.36 Zalo android/12110801",
    "Mozilla/5.0 (Linux; Android 11; Redmi Note 8) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.216 Mobile Chrome/111.0.5563.216 Mobile Safari/537.36",
]
CRAWLERS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
]
REFERERS = ["https://vnexpress.example/thoi-su/bai-1.html", "https://hanoimoi.example/tin/2", "https://baomoi.example/x?id=3", "-"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def loa_bin():
    for kind in ("release", "debug"):
        p = os.path.join(ROOT, "target", kind, "loa")
        if os.path.exists(p):
            return p, kind
    sys.exit("build loa first: cargo build (or cargo build --release)")


def site_paths(loa, tmp):
    out = os.path.join(tmp, "paths")
    subprocess.run([loa, "report", "--year", "2027", "--root", ROOT, "--out", out], check=True, capture_output=True)
    def col(name):
        with open(os.path.join(out, name), encoding="utf-8-sig") as f:
            return [line.split(",", 1)[0] for line in f.read().splitlines()[1:]]
    pages = col("pages.csv")
    leaflets = col("leaflets.csv") + ["/leaflets/bundles/tat-ca.zip", "/leaflets/bundles/localities/phuong-hoan-kiem.zip"]
    embeds = ["/embed/schedule.html", "/embed/auto/schedule.html", "/embed/oembed/schedule.json", "/embed/thang-hanh-dong-vi-tre-em.html"]
    return pages, leaflets, embeds


def make_log(path, n, pages, leaflets, embeds, seed=24):
    rnd = random.Random(seed)
    assets = ["/style.css", "/safety.js", "/favicon.svg", "/feed.xml", "/search/index.json"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            ip = f"203.0.113.{rnd.randrange(256)}" if rnd.random() < 0.5 else f"10.{rnd.randrange(256)}.{rnd.randrange(256)}.{rnd.randrange(256)}"
            month = rnd.randrange(12)
            year = 2027 if rnd.random() > 0.03 else 2026
            ts = f"{rnd.randrange(1, 29):02d}/{MONTHS[month]}/{year}:{rnd.randrange(24):02d}:{rnd.randrange(60):02d}:{rnd.randrange(60):02d} +0700"
            r = rnd.random()
            agent = rnd.choice(CRAWLERS) if rnd.random() < 0.12 else rnd.choice(PEOPLE)
            method, status, referer = "GET", 200, "-"
            if r < 0.60:
                target = rnd.choice(pages)
                status = 304 if rnd.random() < 0.1 else 200
            elif r < 0.72:
                target = rnd.choice(assets)
            elif r < 0.78:
                target = rnd.choice(leaflets)
            elif r < 0.82:
                target = rnd.choice(embeds)
                referer = rnd.choice(REFERERS)
            elif r < 0.86:
                target, method = rnd.choice(pages), "HEAD"
            elif r < 0.92:
                target, status = f"/khong-co-{rnd.randrange(1000)}/", 404
            elif r < 0.95:
                target, status = rnd.choice(pages).rstrip("/"), 301
            elif r < 0.99:
                target = "/tim-kiem/"
            else:
                f.write(f"{ip} - - [broken line {i}\n")
                continue
            f.write(f'{ip} - - [{ts}] "{method} {target} HTTP/1.1" {status} {rnd.randrange(200, 90000)} "{referer}" "{agent}"\n')


def peak_rss(cmd):
    """Peak RSS in MB of one run, by GNU time if present, else /proc polling."""
    if shutil.which("/usr/bin/time"):
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        return int(p.stderr.strip().splitlines()[-1]) / 1024
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    return peak / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--small", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="keep the logs and reports in this folder")
    a = ap.parse_args()
    loa, kind = loa_bin()
    tmp = a.keep or tempfile.mkdtemp(prefix="loa-report-bench-")
    os.makedirs(tmp, exist_ok=True)
    pages, leaflets, embeds = site_paths(loa, tmp)
    logs = {}
    for n in sorted({a.small, a.lines}):
        p = os.path.join(tmp, f"access-{n}.log")
        make_log(p, n, pages, leaflets, embeds)
        logs[n] = p
    big = logs[a.lines]
    with open(big, "rb") as src, gzip.open(big + ".gz", "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    print(f"log: {a.lines:,} lines, {os.path.getsize(big) / 1e6:.0f} MB ({os.path.getsize(big + '.gz') / 1e6:.0f} MB gzipped); loa: {loa} ({kind} build)")

    def loa_cmd(log):
        return [loa, "report", "--year", "2027", "--root", ROOT, "--access-log", log, "--out", os.path.join(tmp, "out")]

    goaccess = shutil.which("goaccess")
    results = {}
    cmds = {"loa": loa_cmd(big), "loa (.gz)": loa_cmd(big + ".gz")}
    if goaccess:
        v = subprocess.run([goaccess, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        print(f"goaccess: {v}")
        cmds["goaccess html"] = [goaccess, big, "--log-format=COMBINED", "--no-global-config", "-o", os.path.join(tmp, "goaccess.html")]
    else:
        print("goaccess: not installed (apt-get install -y goaccess)")
    for r in range(a.runs):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            results.setdefault(name, []).append(time.perf_counter() - t)
    for name, ts in results.items():
        print(f"{name:14s} median {statistics.median(ts):6.2f} s  runs: " + ", ".join(f"{x:.2f}" for x in ts))
    if goaccess:
        g = statistics.median(results["goaccess html"])
        print(f"goaccess html / loa: {g / statistics.median(results['loa']):.1f}x")
    for n, p in logs.items():
        line = f"peak RSS at {n:>9,} lines: loa {peak_rss(loa_cmd(p)):6.1f} MB"
        if goaccess:
            line += f", goaccess {peak_rss([goaccess, p, '--log-format=COMBINED', '--no-global-config', '-o', os.path.join(tmp, 'g.json')]):6.1f} MB"
        print(line)
    if not a.keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
