// The campaign as readers meet it (issue #21), in Chromium on built sites
// (one or more output folders, each built on another day): on a 360 × 740
// phone the campaign on now (or the next) is above the fold, and no page
// scrolls sideways; on a 1,280 px desktop the hub uses the width; the
// leaflets are one tap away from every page's header; the focus ring on the
// header is seen; the hub weighs what it did within 20 %.
//
//   NODE_PATH=/tmp/validate/node_modules node tests/js/hub.e2e.mjs dist /tmp/loa-dist-nov
//
// Needs playwright-core (the validators' node_modules) and /usr/bin/chromium.
import { createRequire } from 'node:module';
import { serveSite } from './static_site.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const dirs = (process.argv.length > 2 ? process.argv.slice(2) : ['dist']).map((d) => path.resolve(d));


const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let failed = 0;
async function check(name, viewport, f) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  try {
    await f(page);
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.message).split('\n').join('\n  ')}`);
  }
  await context.close();
}

// The gzip size of the hub and its style sheet when this wave began
// (2027-06-10, before the hub was redrawn): 4,785 + 2,912 bytes.
const HUB_BEFORE_GZ = 4785 + 2912;

for (const dir of dirs) {
  const { server, root } = await serveSite(dir);
  const day = JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8')).as_of || path.basename(dir);

  for (const hub of ['', 'en/']) {
    await check(`${day} /${hub}: on a 360 × 740 phone the featured campaign is above the fold`, { width: 360, height: 740 }, async (page) => {
      await page.goto(root + hub);
      const f = await page.$('.hub-main > section:first-child .feature');
      assert.ok(f, 'a featured campaign, first');
      const title = await page.$eval('.feature .feature-title a', (a) => {
        const r = a.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, text: a.textContent };
      });
      // Its state (the section's heading) and dates are on screen too.
      const state = await page.$eval('.hub-main > section:first-child > h2', (h) => h.getBoundingClientRect().top);
      const dates = await page.$eval('.feature .when', (p) => ({ bottom: p.getBoundingClientRect().bottom, text: p.textContent }));
      assert.ok(title.bottom <= 740 && dates.bottom <= 740 && state > 0, `the title ends at ${title.bottom} px, the dates at ${dates.bottom} px (${title.text})`);
      console.log(`  # ${day} /${hub} 360 px: "${title.text}" from ${Math.round(title.top)} to ${Math.round(title.bottom)} px; dates "${dates.text}" end at ${Math.round(dates.bottom)} px`);
      // Its accent colour is carried through.
      const accent = await page.$eval('.feature', (s) => getComputedStyle(s).borderTopColor);
      assert.notEqual(accent, 'rgba(0, 0, 0, 0)');
    });

    await check(`${day} /${hub}: on a 1,280 px desktop the hub uses the width`, { width: 1280, height: 800 }, async (page) => {
      await page.goto(root + hub);
      const box = await page.evaluate(() => {
        const r = (s) => document.querySelector(s).getBoundingClientRect();
        return { wrap: r('.wrap.hub').width, main: r('.hub-main'), side: r('.hub-side') };
      });
      assert.ok(box.wrap >= 1100, `the hub is ${box.wrap} px wide`);
      assert.ok(box.side.left >= box.main.right && Math.abs(box.side.top - box.main.top) < 2, `two columns: ${JSON.stringify(box)}`);
    });
  }

  await check(`${day}: no page scrolls sideways at 360 px; the leaflets are one tap from each header`, { width: 360, height: 740 }, async (page) => {
    const pages = ['', 'en/', 'tim-kiem/', 'leaflets/', 'thang-hanh-dong-vi-tre-em/', 'phong-chong-mua-ban-nguoi/', 'cach-bao-tin/', 'en/cach-bao-tin/'];
    for (const p of pages) {
      if (!fs.existsSync(path.join(dir, p, 'index.html'))) continue;
      await page.goto(root + p);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(w <= 360, `${p}: ${w} px wide`);
      const link = await page.$eval('header .header-link', (a) => {
        const r = a.getBoundingClientRect();
        return { href: new URL(a.href).pathname, top: r.top, h: r.height, w: r.width };
      });
      assert.equal(link.href, '/leaflets/', p);
      assert.ok(link.top < 300 && link.h >= 20 && link.w >= 44, `${p}: ${JSON.stringify(link)}`);
    }
  });

  await check(`${day}: the focus ring on the header is white with a dark halo`, { width: 1280, height: 800 }, async (page) => {
    await page.goto(root);
    await page.focus('header .header-link');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.$eval('header .header-link', (a) => ({ focus: a.matches(':focus-visible'), outline: getComputedStyle(a).outlineColor, width: getComputedStyle(a).outlineWidth, shadow: getComputedStyle(a).boxShadow }));
    assert.ok(ring.focus, 'focused by the keyboard');
    assert.equal(ring.outline, 'rgb(255, 255, 255)');
    assert.equal(ring.width, '3px');
    assert.match(ring.shadow, /rgb\(28, 25, 23\)/);
  });

  await check(`${day}: the hub weighs what it did, within 20 %`, { width: 360, height: 740 }, async () => {
    const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
    const now = gz('index.html') + gz('style.css');
    console.log(`  # ${day}: hub ${gz('index.html')} B + style ${gz('style.css')} B gzip (${now} B; ${HUB_BEFORE_GZ} B before)`);
    assert.ok(now <= HUB_BEFORE_GZ * 1.2 && now >= HUB_BEFORE_GZ * 0.8, `${now} B`);
  });
  server.close();
}

await browser.close();
if (failed) {
  console.log(`hub e2e: ${failed} failed`);
  process.exit(1);
}
console.log('hub e2e: ok');
