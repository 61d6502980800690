// What one search query downloads on a large site: the generated 10,000-page
// site (examples/gen_site, built by loa), served with gzip as hosts serve
// JSON, searched in Chromium as a reader types, one fresh browser context
// (empty cache) per query. Prints, per query, the bytes on the wire (gzip)
// of the search files it fetched, and the index's size on disk.
//
//   cargo run --release --example gen_site -- /work/bench-10k 10000
//   target/release/loa build --root /work/bench-10k --out /work/bench-out --at 2027-06-10
//   NODE_PATH=/tmp/validate/node_modules node benches/search_download.mjs /work/bench-out
//
// Needs playwright-core (the validators' node_modules) and /usr/bin/chromium.
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const dir = path.resolve(process.argv[2] || '/work/bench-out');
const queries = process.argv.slice(3).length ? process.argv.slice(3) : ['bao luc', 'tre em', 'duong day nong', 'xam hai', '111', 'ky nang tu bao ve', 'phong chong mua ban nguoi', 'trang so 4321'];

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(dir, p);
  if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  const body = fs.readFileSync(file);
  const type = types[path.extname(file)] || 'application/octet-stream';
  if (/text|json|javascript|svg/.test(type)) {
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(body, { level: 6 }));
  } else { res.writeHead(200, { 'content-type': type }); res.end(body); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const root = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

function du(d) {
  let n = 0, files = 0, gz = 0;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { const r = du(p); n += r.n; files += r.files; gz += r.gz; } else { const b = fs.readFileSync(p); n += b.length; gz += zlib.gzipSync(b, { level: 6 }).length; files++; }
  }
  return { n, files, gz };
}
const idx = du(path.join(dir, 'search', 'vi'));
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'search', 'vi', 'index.json')));
console.log(`index search/vi/: ${manifest.n} pages, ${manifest.s.length} shards, ${idx.files} files, ${(idx.n / 1e6).toFixed(2)} MB (${(idx.gz / 1e6).toFixed(2)} MB gzip)`);

let worst = 0;
for (const q of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const sizes = new Map();
  cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, { url: e.response.url.replace(root, '/') }));
  cdp.on('Network.loadingFinished', (e) => { const s = sizes.get(e.requestId); if (s) s.bytes = e.encodedDataLength; });
  await page.goto(root + 'tim-kiem/');
  await page.waitForLoadState('networkidle');
  const before = new Set(sizes.keys());
  for (const ch of q) await page.type('input[name=q]', ch, { delay: 60 });
  await page.waitForFunction(() => /\S/.test(document.querySelector('.loa-search-status').textContent) && !/…$/.test(document.querySelector('.loa-search-status').textContent));
  await page.waitForLoadState('networkidle');
  const n = await page.$$eval('.loa-search-result', (l) => l.length);
  const fetched = [...sizes.entries()].filter(([id, s]) => !before.has(id) || /search/.test(s.url)).map(([, s]) => s).filter((s) => /search/.test(s.url));
  const total = fetched.reduce((a, s) => a + (s.bytes || 0), 0);
  worst = Math.max(worst, total);
  const kinds = { js: 0, manifest: 0, shards: 0, fragments: 0 };
  for (const s of fetched) { if (s.url.endsWith('.js')) kinds.js++; else if (s.url.endsWith('index.json')) kinds.manifest++; else if (s.url.includes('/s/')) kinds.shards++; else kinds.fragments++; }
  console.log(`"${q}": ${n} results shown; ${(total / 1024).toFixed(1)} KB gzip in ${fetched.length} files (script ${kinds.js}, manifest ${kinds.manifest}, shards ${kinds.shards}, fragment files ${kinds.fragments})`);
  await context.close();
}
console.log(`worst query: ${(worst / 1024).toFixed(1)} KB`);
await browser.close();
server.close();
