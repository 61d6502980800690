#!/usr/bin/env python3
"""The daily build, cold or from yesterday's state, on the real disk.

usage: python3 benches/daily.py [--pages N] [--rounds R] [--loa PATH] [--gen-site PATH]
                                [--work DIR] [--at YYYY-MM-DD] [--sites example,generated]
                                [--json PATH]

The deploy workflows (`loa deploy-config github|gitlab`) keep loa's output and
`.dist.loa/cache/` between runs in the host's cache. This measures what that buys, for
the example site (the repository's root: leaflets, pictures, share cards) and for a site
of N pages from `examples/gen_site` (as benches/compare.py makes it, with a typeset share
card per page):

1. day D (`--at`): a cold build into `dist` of a folder of its own; then the state the
   workflows cache is copied aside — `dist/` and `.dist.loa/cache/`, as new files, as a
   cache restore makes them (no standby, no record, other inodes);
2. day D+1, R rounds, the order of the two alternating:
   - cold: a build into a `dist` that does not exist yet;
   - restored: the state of day D copied into a new folder (not timed; its size and the
     copy's time are reported), then the build;
   each round's two outputs must be equal byte for byte (the script stops if not).

Timings (wall, user, system, peak memory) come from os.wait4() on loa's own process, with
`sync` before each run (benches/compare.py's `measure`). Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import REPO, Trash, die, disk_info, generate, log, machine_info, measure  # noqa: E402

STATE = ("dist", ".dist.loa/cache")  # what the workflows' caches keep


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Daily builds: cold, or from yesterday's restored state (on disk).")
    release = REPO / "target" / "release" / "loa"
    ap.add_argument("--loa", default=str(release if release.exists() else REPO / "target" / "debug" / "loa"), help="loa binary (default target/release/loa if built, else target/debug/loa)")
    ap.add_argument("--gen-site", default=str(REPO / "target" / "debug" / "examples" / "gen_site"), help="examples/gen_site binary (default target/debug/examples/gen_site: cargo build --example gen_site)")
    ap.add_argument("--pages", type=int, default=3000, help="pages in the generated site (default 3000)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of day D+1 per site; medians are reported (default 3)")
    ap.add_argument("--at", default="2027-06-10", help="day D (default 2027-06-10); the daily build is D+1")
    ap.add_argument("--sites", default="example,generated", help="comma-separated subset of example,generated")
    ap.add_argument("--work", default=str(REPO / "bench-site" / "daily"), help="work folder on the real disk (default bench-site/daily, ignored by git)")
    ap.add_argument("--json", help="where to write every raw number (default WORK/results.json)")
    ap.add_argument("--allow-tmpfs", action="store_true", help="run even if the work folder is on tmpfs")
    return ap.parse_args()


def size_mib(path: Path) -> float:
    """Bytes of the files under `path` (each inode once), in MiB."""
    seen, total = set(), 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            st = os.lstat(os.path.join(dirpath, f))
            if st.st_ino not in seen:
                seen.add(st.st_ino)
                total += st.st_size
    return total / 2**20


def same_trees(a: Path, b: Path) -> list[str]:
    """Paths that differ between two trees (missing on one side, or other bytes)."""
    diff = []

    def walk(c: filecmp.dircmp, rel: str) -> None:
        diff.extend(f"{rel}{n}" for n in c.left_only + c.right_only + c.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        diff.extend(f"{rel}{n}" for n in mismatch + errors)
        for name, sub in c.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return diff


def made(logfile: Path) -> str:
    """What the build says it typeset and encoded (its last lines of the kind)."""
    text = logfile.read_text(errors="replace")
    found = [m.group(0) for m in re.finditer(r"(Leaflets: \d+ PDFs, \d+ typeset|Pictures: \d+ files encoded)", text)]
    return "; ".join(found) or "no leaflets or pictures"


def run_site(name: str, root: Path, loa: str, day: str, next_day: str, rounds: int, work: Path, trash: Trash, logs: Path) -> dict:
    base = work / name
    trash.put(base)
    base.mkdir(parents=True)
    build = lambda folder, at, log_: measure([loa, "build", "--root", str(root), "--out", str(folder / "dist"), "--at", at], log_)  # noqa: E731

    # Day D, cold; its state set aside as a cache keeps it.
    yesterday = base / "yesterday"
    d = build(yesterday, day, logs / f"{name}-day-d.log")
    saved = base / "saved"
    for p in STATE:
        shutil.copytree(yesterday / p, saved / p)
    state = size_mib(saved)
    log(f"{name}: day D ({day}) cold {d['wall_s']:.2f} s; the state kept: {state:.1f} MiB ({made(logs / f'{name}-day-d.log')})")

    runs: dict[str, list[dict]] = {"cold": [], "restored": []}
    copies = []
    for r in range(rounds):
        order = ("cold", "restored") if r % 2 == 0 else ("restored", "cold")
        folders = {}
        for kind in order:
            folder = base / f"{kind}-{r}"
            folders[kind] = folder
            if kind == "restored":
                t0 = time.perf_counter()
                for p in STATE:
                    shutil.copytree(saved / p, folder / p)
                copies.append(time.perf_counter() - t0)
            logfile = logs / f"{name}-{kind}-{r}.log"
            m = build(folder, next_day, logfile)
            m["made"] = made(logfile)
            runs[kind].append(m)
            log(f"  round {r + 1}: {kind:8} {m['wall_s']:7.2f} s  user {m['user_s']:.2f} s  {m['max_rss_mib']:.0f} MiB  ({m['made']})")
        diff = same_trees(folders["cold"] / "dist", folders["restored"] / "dist")
        if diff:
            die(f"{name}, round {r + 1}: the restored build differs from the cold one in {len(diff)} paths, e.g. {diff[:5]}")
        for folder in folders.values():
            trash.put(folder)
    med = {k: {f: statistics.median(m[f] for m in v) for f in ("wall_s", "user_s", "sys_s", "max_rss_mib")} for k, v in runs.items()}
    return {"site": name, "root": str(root), "day_d": d, "state_mib": round(state, 1), "copy_s": [round(c, 3) for c in copies], "runs": runs, "median": med, "output_mib": round(size_mib(yesterday / "dist"), 1)}


def main() -> None:
    args = parse_args()
    loa = Path(args.loa)
    if not loa.exists():
        die(f"no loa binary at {loa}: `cargo build` in {REPO}, or pass --loa PATH")
    day = dt.date.fromisoformat(args.at)
    next_day = (day + dt.timedelta(days=1)).isoformat()
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    disk = disk_info(work)
    if disk["fstype"] in ("tmpfs", "ramfs") and not args.allow_tmpfs:
        die(f"{work} is on {disk['fstype']}: pass --work DIR on a real disk (or --allow-tmpfs)")
    trash = Trash(work / "trash")
    logs = work / "logs"
    trash.put(logs)
    logs.mkdir()
    # A copy, so that a rebuild of the binary during the run changes nothing.
    (work / "bin").mkdir(exist_ok=True)
    binary = work / "bin" / "loa"
    shutil.copy2(loa, binary)
    machine = machine_info()
    log(f"loa: {loa.resolve()} ({'release' if 'release' in loa.parts else 'debug'} build, modified {dt.datetime.fromtimestamp(loa.stat().st_mtime).isoformat(timespec='seconds')})")
    log(f"machine: {machine['nproc']} CPUs ({machine['cpu_model']}), {machine['ram_gib']} GiB RAM, Linux {machine['kernel']}, load {' '.join(machine['loadavg_start'])}")
    log(f"disk: {work} on {disk['device']} ({disk['fstype']}, mounted at {disk['mount_point']}, options {disk['options']})")

    sites = [s.strip() for s in args.sites.split(",") if s.strip()]
    results = []
    for name in sites:
        if name == "example":
            root = REPO
        elif name == "generated":
            gen = Path(args.gen_site)
            if not gen.exists():
                die(f"no generator at {gen}: `cargo build --example gen_site`, or pass --gen-site PATH")
            root = work / "site"
            log(f"generating {args.pages} pages with share cards ({gen}) ...")
            generate(gen, root, args.pages, logs / "gen.log", ["--share-cards"])
            name = f"generated-{args.pages}"
        else:
            die(f"unknown site {name!r} in --sites")
        results.append(run_site(name, root, str(binary), args.at, next_day, args.rounds, work, trash, logs))

    log()
    log(f"day D+1 ({next_day}), medians of {args.rounds} rounds (wall time; peak memory):")
    log("| site | output | state kept | cold build | from yesterday's state | cold / restored |")
    log("| --- | --- | --- | --- | --- | --- |")
    for r in results:
        c, s = r["median"]["cold"], r["median"]["restored"]
        log(f"| {r['site']} | {r['output_mib']:.1f} MiB | {r['state_mib']:.1f} MiB | {c['wall_s']:.2f} s, {c['max_rss_mib']:.0f} MiB | {s['wall_s']:.2f} s, {s['max_rss_mib']:.0f} MiB | {c['wall_s'] / s['wall_s']:.1f}× |")
    json_path = Path(args.json).resolve() if args.json else work / "results.json"
    json_path.write_text(json.dumps({"loa": str(loa.resolve()), "at": args.at, "machine": machine, "disk": disk, "results": results}, indent=2))
    log(f"raw numbers: {json_path}")
    trash.empty()


if __name__ == "__main__":
    main()
