#!/usr/bin/env python3
"""What a booklet or a poster costs against an A5 leaflet of the same page.

Copies the example site into a temporary folder and keeps one page with
leaflets, "Em tự bảo vệ mình (6–10 tuổi)" (content/pages/ky-nang-tu-bao-ve-tieu-hoc.md,
with its picture), in one format at a time, with `variants: localities` and
LOCALITIES generated localities, so that one run typesets 1 + LOCALITIES copies.
A first build makes the pictures; each measured run copies that output, removes
its leaflet manifest (so every leaflet is typeset again, the pictures reused),
builds with LOA_TIMINGS=1 and reads the "leaflets" stage's time. Prints, per
format, the median over RUNS of the time per copy and its ratio to A5's. A
booklet's time includes its copy imposed for printing (two PDFs from one
typesetting). Each format is measured again with `leaflets: {print_shop: true}`
in site.yaml (every copy also typeset as the print shop's, with bleed, crop
marks and CMYK colours), and what that adds is printed beside it.

    python3 benches/print_cost.py [--loa target/debug/loa] [--runs 3] [--localities 10]

Python 3.11 standard library only.
"""

import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
PAGE = "content/pages/ky-nang-tu-bao-ve-tieu-hoc.md"
FORMATS = ["a5", "booklet", "poster-a3", "poster-a2"]


def set_format(root: pathlib.Path, fmt: str | None) -> None:
    """Strips every page's leaflets, then gives the measured page `fmt`."""
    for md in (root / "content").rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        lines = [l for l in text.split("\n") if not l.startswith(("leaflet:", "variants:"))]
        if md == root / PAGE and fmt:
            lines.insert(1, f"leaflet: {fmt}\nvariants: localities")
        md.write_text("\n".join(lines), encoding="utf-8")


def localities(n: int) -> str:
    return "".join(f"- id: phuong-thu-{i}\n  name: Phường thử {i}\n  phone: \"024.0000.{i:04d}\"\n" for i in range(n))


def build(loa: str, root: pathlib.Path, out: pathlib.Path) -> float:
    env = dict(os.environ, LOA_TIMINGS="1")
    run = subprocess.run([loa, "build", "--root", str(root), "--at", "2027-06-10", "--out", str(out)], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stderr}")
    m = re.search(r"^\s*([\d.]+) ms\s+leaflets\b", run.stderr + run.stdout, re.M)
    if not m:
        sys.exit("no 'leaflets' timing in the output (LOA_TIMINGS=1)")
    return float(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--loa", default=str(REPO / "target/debug/loa"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--localities", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="loa-print-cost-") as tmp:
        tmp = pathlib.Path(tmp)
        root = tmp / "site"
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "themes", root / "themes")
        for f in ["site.yaml", "calendar.yaml"]:
            shutil.copy(REPO / f, root / f)
        (root / "localities.yaml").write_text(localities(args.localities), encoding="utf-8")
        warm = tmp / "warm"
        set_format(root, "a5")
        build(args.loa, root, warm)
        copies = 1 + args.localities
        site_yaml = (root / "site.yaml").read_text(encoding="utf-8")
        per_copy = {}
        for shop in [False, True]:
            (root / "site.yaml").write_text(site_yaml + ("leaflets:\n  print_shop: true\n" if shop else ""), encoding="utf-8")
            for fmt in FORMATS:
                set_format(root, fmt)
                times = []
                for r in range(args.runs):
                    out = tmp / f"out-{fmt}-{r}"
                    shutil.copytree(warm, out, symlinks=True)
                    (out / "leaflets/manifest.json").unlink(missing_ok=True)
                    times.append(build(args.loa, root, out) / copies)
                    shutil.rmtree(out)
                per_copy[fmt, shop] = statistics.median(times)
        base = per_copy["a5", False]
        print(f"{copies} copies a run, median of {args.runs} runs, {args.loa}")
        print(f"{'format':<10} {'ms a copy':>10} {'× A5':>6} {'print_shop':>11} {'added':>6}")
        for fmt in FORMATS:
            plain, shop = per_copy[fmt, False], per_copy[fmt, True]
            print(f"{fmt:<10} {plain:>10.1f} {plain / base:>6.2f} {shop:>11.1f} {shop / plain - 1:>+6.0%}")


if __name__ == "__main__":
    main()
