#!/usr/bin/env python3
"""What indexing for search adds to a build, measured as wall time: the same
site built with its search index and without it (a copy of the site whose
site.yaml says `search: false`), alternating, in three scenarios:

- cold: into an output folder that never existed;
- unchanged: built again over its own output;
- one page: one page's text changed (the same change in both copies), then
  built over the previous output — the index is made again whole.

    python3 benches/search_cost.py /work/bench-10k /work/bench-out [--runs 7] [--loa target/release/loa]

Outputs and the copy of the site go next to `out`, which must be on the disk
you want to measure (not tmpfs). Prints the median of each and what the
index adds, in per cent of the build without it.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path


def build(loa: str, site: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([loa, "build", "--root", str(site), "--out", str(out), "--at", "2027-06-10"], capture_output=True, check=True, env={"PATH": "/usr/bin:/bin"})
    return time.perf_counter() - start


def a_page(site: Path, out: Path) -> Path:
    """The first page of the site, in file-name order, that is live in `out`
    (so that changing it changes the index)."""
    for path in sorted((site / "content").rglob("*.md")):
        rel = path.relative_to(site / "content").with_suffix("")
        if path.name != "_index.md" and (out / rel / "index.html").is_file():
            return path
    raise SystemExit(f"no live page of {site}/content in {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("out")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--only", choices=["cold", "unchanged", "one page"], help="one scenario only")
    ap.add_argument("--loa", default=str(Path(__file__).resolve().parent.parent / "target/release/loa"))
    a = ap.parse_args()
    out = Path(a.out).resolve()
    if subprocess.run(["stat", "-f", "-c", "%T", str(out.parent)], capture_output=True, text=True).stdout.strip() == "tmpfs":
        raise SystemExit(f"{out.parent} is on tmpfs: measure on the real disk")

    # Two copies side by side, so both pay the same for reading the site.
    sites = {}
    for name, search in (("with", True), ("without", False)):
        copy = out.parent / f"{out.name}-site-{name}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(a.site, copy)
        if not search:
            with open(copy / "site.yaml", "a", encoding="utf-8") as f:
                f.write("\nsearch: false\n")
        sites[name] = copy
    made: list[Path] = []
    times: dict[tuple[str, str], list[float]] = {}
    for scenario in [a.only] if a.only else ["cold", "unchanged", "one page"]:
        for i in range(a.runs):
            # Which goes first alternates, so that neither always follows the other.
            order = list(sites.items()) if i % 2 == 0 else list(reversed(sites.items()))
            for name, site in order:
                if scenario == "cold":
                    # A folder that never existed: on a disk mounted with
                    # `discard`, removing the last output would charge its
                    # trims to the next build.
                    target = out.parent / f"{out.name}-{name}-cold-{i}"
                else:
                    target = out.parent / f"{out.name}-{name}"
                    if i == 0:
                        build(a.loa, site, target)  # the output to build over, not timed
                    if scenario == "one page":
                        page = a_page(site, target)
                        with open(page, "a", encoding="utf-8") as f:
                            f.write(f"\nCập nhật lần {i + 1}: thêm một câu để đo việc lập chỉ mục.\n")
                made.append(target)
                subprocess.run(["sync"])
                times.setdefault((scenario, name), []).append(build(a.loa, site, target))
        w, wo = statistics.median(times[(scenario, "with")]), statistics.median(times[(scenario, "without")])
        # Each run's pair was built back to back, on the disk as it was
        # then: the median of their ratios is the sturdier figure where the
        # disk's speed drifts (cold builds on this one do, by ±40 %).
        ratios = sorted(x / y for x, y in zip(times[(scenario, "with")], times[(scenario, "without")]))
        r = statistics.median(ratios)
        print(f"{scenario:9}  with search {w:.3f} s, without {wo:.3f} s (medians of {a.runs}): the index adds {100 * (w - wo) / wo:+.1f} %; median of the pairs' ratios {100 * (r - 1):+.1f} % (quartiles {100 * (ratios[len(ratios) // 4] - 1):+.1f} to {100 * (ratios[(3 * len(ratios)) // 4] - 1):+.1f} %)")
        for name in sites:
            print(f"           {name:7} " + " ".join(f"{t:.3f}" for t in times[(scenario, name)]))

    for p in set(made) | set(sites.values()):
        for q in (p, p.parent / f".{p.name}.loa"):
            shutil.rmtree(q, ignore_errors=True)


if __name__ == "__main__":
    main()
