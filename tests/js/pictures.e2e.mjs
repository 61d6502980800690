// Pictures as a phone downloads them, in Chromium on the built site: each
// page is opened on a 360-pixel-wide screen at 2 and 3 device pixels per CSS
// pixel (cheap and mid-range Android phones), scrolled to the bottom so
// every lazy picture loads, and the bytes of every image response are
// summed. The budget: a page with three pictures transfers at most 150 KB of
// images at 2×. Also checked: WebP is what the browser takes, nothing moves
// as pictures load (each <img> has width and height), the first picture
// loads at once and the others lazily, and every picture has its alt text.
//
//   NODE_PATH=/tmp/validate/node_modules node tests/js/pictures.e2e.mjs dist [--page thang-hanh-dong-vi-tre-em/hoat-dong/]
//
// Needs playwright-core (the validators' node_modules) and /usr/bin/chromium.
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) || 'dist');
const pageArg = args.includes('--page') ? args[args.indexOf('--page') + 1] : 'thang-hanh-dong-vi-tre-em/hoat-dong/';
const BUDGET = 150 * 1000;

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(dir, p);
  if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const root = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function visit(url, dpr) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: dpr, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const images = [];
  const requested = [];
  page.on('request', (r) => { if (r.resourceType() === 'image') requested.push(r.url()); });
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'image') {
      const body = await r.body().catch(() => Buffer.alloc(0));
      images.push({ url: r.url().slice(root.length - 1), type: r.headers()['content-type'], bytes: body.length, status: r.status() });
    }
  });
  await page.goto(root + url, { waitUntil: 'load' });
  const first = [...requested];
  // Scroll to the bottom a screen at a time, so lazy pictures load.
  for (let y = 0; y < 40; y++) {
    const done = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(120);
    if (done) break;
  }
  await page.waitForLoadState('networkidle');
  const markup = await page.evaluate(() => [...document.querySelectorAll('main img, article img, .prose img, figure img')].map((i) => ({
    src: i.currentSrc, alt: i.getAttribute('alt'), width: i.getAttribute('width'), height: i.getAttribute('height'), loading: i.getAttribute('loading'),
  })));
  await context.close();
  return { images, first, markup };
}

let failed = 0;
function check(name, f) {
  try {
    f();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

for (const dpr of [2, 3]) {
  const { images, first, markup } = await visit(pageArg, dpr);
  const total = images.reduce((n, i) => n + i.bytes, 0);
  console.log(`${pageArg} at 360 px, ${dpr}×: ${markup.length} pictures, ${images.length} image files, ${(total / 1000).toFixed(1)} KB: ${images.map((i) => `${i.url.split('/').pop()} ${(i.bytes / 1000).toFixed(1)} KB`).join(', ')}`);
  check(`${dpr}×: every image file answered`, () => assert.ok(images.every((i) => i.status === 200), JSON.stringify(images)));
  check(`${dpr}×: the browser took WebP`, () => assert.ok(images.filter((i) => !i.url.endsWith('.svg')).every((i) => i.type === 'image/webp'), JSON.stringify(images)));
  check(`${dpr}×: each picture has alt text, width and height`, () => {
    assert.ok(markup.length >= 1, 'no pictures on the page');
    for (const m of markup) {
      assert.ok(m.alt && m.alt.trim().length > 0, `no alt: ${JSON.stringify(m)}`);
      assert.ok(Number(m.width) > 0 && Number(m.height) > 0, `no size: ${JSON.stringify(m)}`);
    }
  });
  check(`${dpr}×: the first picture loads at once, the others lazily`, () => {
    assert.deepEqual(markup.map((m) => m.loading), markup.map((_, i) => (i === 0 ? null : 'lazy')));
    assert.ok(first.length >= 1, 'no picture was loaded with the page');
  });
  if (dpr === 2 && markup.length >= 3) {
    check(`2×: three pictures transfer at most ${BUDGET / 1000} KB of images`, () => assert.ok(total <= BUDGET, `${total} bytes`));
  }
}
await browser.close();
server.close();
if (failed) {
  console.log(`${failed} failed`);
  process.exit(1);
}
console.log('pictures: all checks passed');
