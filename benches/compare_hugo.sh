#!/usr/bin/env bash
# Builds the same generated site with loa and with Hugo (Debian's `hugo`
# package) and prints their times and peak memory, alternating three times.
# usage: benches/compare_hugo.sh [PAGES]   (default 10000; needs `apt-get install hugo`)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
W="${TMPDIR:-/tmp}/loa-vs-hugo"
OUT=/dev/shm/loa-vs-hugo; [ -d /dev/shm ] || OUT="$W/out"
rm -rf "$W" "$OUT"; mkdir -p "$W/hugo/layouts/_default" "$OUT"
cargo build --release --quiet --example gen_site
./target/release/examples/gen_site "$W/loa" "$N" >/dev/null
cp -r "$W/loa/content" "$W/hugo/content"
cat > "$W/hugo/config.yaml" <<'YAML'
baseURL: https://baovetreem.hanoi.example/
languageCode: vi
title: Trang thử nghiệm lớn
disableKinds: [taxonomy, term]
YAML
# Templates with the same parts as loa's pages: head, hotline bar, content, a list of 12 siblings.
cat > "$W/hugo/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ .Site.Title }}</title><meta name="description" content="{{ .Summary | plainify }}"><link rel="canonical" href="{{ .Permalink }}"><link rel="stylesheet" href="/style.css"></head>
<body><a class="skip-link" href="#main">Bỏ qua</a><header><a href="/">{{ .Site.Title }}</a></header>
<aside class="hotlines"><ul><li><a href="tel:111">111</a> Tổng đài điện thoại quốc gia bảo vệ trẻ em</li><li><a href="tel:0243525662">024.3525.662</a></li></ul></aside>
<main id="main">{{ block "main" . }}{{ end }}</main><footer>Sở LĐTBXH Hà Nội</footer></body></html>
HTML
cat > "$W/hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}{{ .Content }}</article>
<nav><ul>{{ range first 12 .CurrentSection.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>{{ end }}
HTML
cat > "$W/hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 120 }}</li>{{ end }}</ul>{{ end }}
HTML
echo "$(hugo version | cut -d' ' -f1-2) vs loa $(./target/release/loa --version | cut -d' ' -f2), $N pages"
for i in 1 2 3; do
  /usr/bin/time -f "hugo  %e s  %M KB peak" hugo --quiet -s "$W/hugo" -d "$OUT/hugo" 2>&1 | tail -1
  /usr/bin/time -f "loa   %e s  %M KB peak" ./target/release/loa build --root "$W/loa" --out "$OUT/loa" --at 2027-06-10 2>&1 | tail -1
done
