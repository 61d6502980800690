#!/usr/bin/env python3
"""oEmbed, checked with real oEmbed consumers on the built site.

Builds a copy of the site whose base_url is a local address, serves it on
127.0.0.1, and pastes page addresses into two consumers, as a CMS does:

- pyoembed (PyPI), whose AutoDiscoverProvider reads a page's
  <link rel="alternate" type="application/json+oembed"> and fetches the
  response it names: discovery, what WordPress and Ghost do for a URL they
  have no provider for;
- micawber (PyPI), given the site's embed/oembed/providers.json (oembed.com's
  format) as its provider list: the route of a CMS that wants endpoints
  declared. micawber has no discovery of its own (its bootstrap_oembed skips
  discovery-only providers), hence pyoembed for that.

Each returned response must be a rich oEmbed 1.0 object whose html, read with
html.parser, is one iframe of the right widget with the right size and title.

    python3 tests/py/oembed_check.py --loa target/debug/loa --root . --at 2027-06-10

Needs: pip install micawber pyoembed (CI installs them into a venv).
"""

import argparse
import functools
import html.parser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import micawber
import pyoembed
from pyoembed.exceptions import PyOembedException

failures = []
passed = 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what)


class Iframes(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.iframes = []
        self.other = []

    def handle_starttag(self, tag, attrs):
        (self.iframes if tag == "iframe" else self.other).append(dict(attrs))


def assert_response(r, base, widget, title, height, where):
    check(r.get("type") == "rich", f"{where}: type rich, got {r.get('type')}")
    check(r.get("version") == "1.0", f"{where}: version 1.0, got {r.get('version')}")
    check(r.get("title") == title, f"{where}: title {title!r}, got {r.get('title')!r}")
    check(r.get("width") == 600 and r.get("height") == height, f"{where}: size 600x{height}, got {r.get('width')}x{r.get('height')}")
    check(r.get("provider_url") == base and r.get("provider_name"), f"{where}: provider {r.get('provider_name')!r} {r.get('provider_url')!r}")
    check(isinstance(r.get("cache_age"), int) and r["cache_age"] > 0, f"{where}: cache_age {r.get('cache_age')!r}")
    p = Iframes()
    p.feed(r.get("html", ""))
    check(len(p.iframes) == 1 and not p.other, f"{where}: html is one iframe: {r.get('html')!r}")
    if p.iframes:
        f = p.iframes[0]
        check(f.get("src") == f"{base}{widget}.html", f"{where}: iframe src {f.get('src')!r}")
        check(f.get("title") == title and f.get("height") == str(height) and f.get("width") == "100%", f"{where}: iframe attributes {f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loa", required=True, help="the loa binary")
    ap.add_argument("--root", default=".", help="the site")
    ap.add_argument("--at", default="2027-06-10", help="the day to build for")
    args = ap.parse_args()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    tmp = tempfile.mkdtemp(prefix="loa-oembed-")
    server = None
    try:
        site = os.path.join(tmp, "site")
        os.makedirs(site)
        for name in ["site.yaml", "calendar.yaml", "localities.yaml", "content", "themes", "static"]:
            src = os.path.join(args.root, name)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(site, name))
            elif os.path.isfile(src):
                shutil.copy(src, os.path.join(site, name))
        path = os.path.join(site, "site.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text, n = re.subn(r"(?m)^base_url:.*$", f"base_url: {base}", text)
        assert n == 1, "site.yaml has one base_url line"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        dist = os.path.join(tmp, "dist")
        subprocess.run([os.path.abspath(args.loa), "build", "--root", site, "--at", args.at, "--out", dist], check=True, stdout=subprocess.DEVNULL)

        class Handler(SimpleHTTPRequestHandler):
            extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".json": "application/json; charset=utf-8", ".html": "text/html; charset=utf-8"}

            def log_message(self, *a):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=dist))
        threading.Thread(target=server.serve_forever, daemon=True).start()

        with open(os.path.join(dist, "schedule.json"), encoding="utf-8") as f:
            schedule = json.load(f)
        campaigns = {c["id"]: c["title"] for c in schedule["campaigns"]}
        card = "thang-hanh-dong-vi-tre-em"
        title = campaigns[card]["vi"]
        schedule_title = json.load(open(os.path.join(dist, "embed/oembed/schedule.json"), encoding="utf-8"))["title"]
        schedule_title_en = json.load(open(os.path.join(dist, "en/embed/oembed/schedule.json"), encoding="utf-8"))["title"]
        n = len(campaigns)
        pages = {
            # a campaign's page, its home: its card; its English home: its English card
            f"{base}{card}/loi-keu-goi/": (f"embed/{card}", title, 380),
            f"{base}{card}/": (f"embed/{card}", title, 380),
            f"{base}en/{card}/": (f"en/embed/{card}", campaigns[card]["en"], 380),
            # the widget itself
            f"{base}embed/{card}.html": (f"embed/{card}", title, 380),
            # the hub: the whole schedule; the English hub: the English schedule
            base: ("embed/schedule", schedule_title, 150 + 150 * n),
            f"{base}en/": ("en/embed/schedule", schedule_title_en, 150 + 150 * n),
        }

        # Discovery (pyoembed's AutoDiscoverProvider).
        for url, (widget, t, h) in pages.items():
            try:
                r = pyoembed.oEmbed(url, maxwidth=400)
            except PyOembedException as e:
                check(False, f"pyoembed {url}: {e}")
                continue
            assert_response(r, base, widget, t, h, f"pyoembed discovery of {url}")
        # A site-wide page names no widget: nothing to embed.
        try:
            pyoembed.oEmbed(f"{base}gioi-thieu/")
            check(False, "pyoembed: a site-wide page has no oEmbed link")
        except PyOembedException:
            check(True, "")

        # The provider list (micawber, as a CMS with declared endpoints).
        providers = os.path.join(tmp, "providers.json")
        shutil.copy(os.path.join(dist, "embed/oembed/providers.json"), providers)
        registry = micawber.bootstrap_oembed(providers_file=providers)
        for url, (widget, t, h) in pages.items():
            try:
                r = registry.request(url, maxwidth=400)
            except micawber.ProviderException as e:
                check(False, f"micawber {url}: {e}")
                continue
            assert_response(r, base, widget, t, h, f"micawber {url}")
        # Pasting a campaign page's address on a line of its own in an article.
        article = f"Tháng 6 này:\n{base}{card}/loi-keu-goi/\nGọi 111 khi cần giúp đỡ."
        out = registry.parse_text(article)
        check(f'<iframe src="{base}embed/{card}.html"' in out and "Gọi 111" in out, f"micawber parse_text embeds the card: {out!r}")
    finally:
        if server:
            server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"oembed: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
