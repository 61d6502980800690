// The newspapers' embeds in Chromium, on the built site:
// - every SVG of the print box renders (an <img> of it loads, at its printed
//   width at 96 px to the inch, and paints dark pixels);
// - the auto-height snippet of embed/index.html, pasted into a page, makes
//   the iframe exactly as tall as the widget, at two widths.
//
//   NODE_PATH=/tmp/validate/node_modules node tests/js/embed.e2e.mjs dist https://baovetreem.hanoi.example
//
// Needs playwright-core (the validators' node_modules) and /usr/bin/chromium.
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const dir = path.resolve(process.argv[2] || 'dist');
const siteOrigin = (process.argv[3] || 'https://baovetreem.hanoi.example').replace(/\/$/, '');

const types = { '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.css': 'text/css' };
let parentPage = '';
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p === '/__parent.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(parentPage);
    return;
  }
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(dir, p);
  if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const local = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
let failed = 0;
const check = async (name, f) => {
  try {
    await f();
    console.log(`ok: ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL: ${name}: ${e.message}`);
  }
};

try {
  const page = await browser.newPage();
  const svgs = fs.readdirSync(path.join(dir, 'embed/print')).filter((f) => f.endsWith('.svg'));
  assert.ok(svgs.length >= 2, `SVGs in embed/print: ${svgs}`);
  for (const svg of svgs) {
    await check(`${svg} renders`, async () => {
      await page.goto(`${local}/embed/`);
      const r = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d');
        g.fillStyle = '#fff';
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dark++;
        return { w: img.naturalWidth, h: img.naturalHeight, dark: dark / (c.width * c.height) };
      }, `${local}/embed/print/${svg}`);
      const mm = svg.includes('-1-cot') ? 48 : 100;
      assert.ok(Math.abs(r.w - (mm * 96) / 25.4) < 2, `width ${r.w}px for ${mm} mm`);
      assert.ok(r.h > 100 && r.dark > 0.05 && r.dark < 0.6, `painted: ${JSON.stringify(r)}`);
    });
  }

  // The auto-height snippet exactly as embed/index.html shows it, pointed at this server.
  const index = fs.readFileSync(path.join(dir, 'embed/index.html'), 'utf8');
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
  const snippet = unescape(index.match(/<textarea id="a-1"[^>]*>([\s\S]*?)<\/textarea>/)[1]);
  assert.ok(snippet.includes('embed/auto/schedule.html') && snippet.includes('<script>'), snippet);
  parentPage = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo</title></head><body><main style="width:WIDTHpx">${snippet.split(siteOrigin).join(local)}</main></body></html>`;
  for (const width of [300, 700]) {
    await check(`the auto-height widget fits its content at ${width} px`, async () => {
      const html = parentPage;
      parentPage = html.replace('WIDTH', String(width));
      await page.goto(`${local}/__parent.html`);
      parentPage = html;
      const frame = page.locator('iframe[data-loa-auto]');
      await page.waitForFunction(() => {
        const f = document.querySelector('iframe[data-loa-auto]');
        return f && f.style.height !== '';
      }, null, { timeout: 10000 });
      const got = await frame.evaluate((f) => f.getBoundingClientRect().height);
      const want = await frame.evaluate((f) => Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height));
      assert.ok(Math.abs(got - want) <= 1, `iframe ${got}px, content ${want}px`);
      assert.notEqual(got, 900, 'not the fixed height of the snippet');
    });
  }
  // The widget without JavaScript stays as the snippet sets it.
  await check('the no-JavaScript widget has no script', async () => {
    const html = fs.readFileSync(path.join(dir, 'embed/schedule.html'), 'utf8');
    assert.ok(!html.includes('<script'));
  });
} finally {
  await browser.close();
  server.close();
}
console.log(`embed e2e: ${failed} failed`);
process.exit(failed ? 1 : 0);
