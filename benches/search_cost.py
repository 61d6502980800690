#!/usr/bin/env python3
"""What indexing for search adds to a build: runs `loa build` with
LOA_TIMINGS=1 (each renderer's time on stderr) R times, cold (output removed)
and unchanged (built again into the same output), and prints the median time
of "search index" against the median of the rest of the build.

    python3 benches/search_cost.py /work/bench-10k /work/bench-out [--runs 5] [--loa target/release/loa]

The output folder must be on the disk you want to measure (not tmpfs).
"""
import argparse
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path


def run(loa: str, site: str, out: str) -> tuple[float, float]:
    env = {"LOA_TIMINGS": "1", "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    r = subprocess.run([loa, "build", "--root", site, "--out", out, "--at", "2027-06-10"], capture_output=True, text=True, env=env, check=True)
    wall = time.perf_counter() - start
    m = re.search(r"^\s*([\d.]+) ms  search index(?:  \(.*\))?$", r.stderr, re.M)
    return wall, float(m.group(1)) / 1000 if m else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("out")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--loa", default=str(Path(__file__).resolve().parent.parent / "target/release/loa"))
    a = ap.parse_args()
    out = Path(a.out)
    made = []
    for scenario in ("cold", "unchanged"):
        walls, search = [], []
        for i in range(a.runs):
            # A cold build goes into a folder that never existed: on a disk
            # mounted with `discard`, removing the last output would charge
            # its trims to the next build.
            target = out.parent / f"{out.name}-cold-{i}" if scenario == "cold" else out
            made.append(target)
            if scenario == "unchanged" and i == 0:
                run(a.loa, a.site, str(target))  # the output to rebuild over, not timed
            subprocess.run(["sync"])
            w, s = run(a.loa, a.site, str(target))
            walls.append(w)
            search.append(s)
        w, s = statistics.median(walls), statistics.median(search)
        print(f"{scenario:9}  build {w:.3f} s (median of {a.runs}), search index {s * 1000:.0f} ms: adds {100 * s / (w - s):.1f} % to the rest of the build ({100 * s / w:.1f} % of it)")

    for p in set(made):
        for q in (p, p.parent / f".{p.name}.loa"):
            shutil.rmtree(q, ignore_errors=True)


if __name__ == "__main__":
    main()
