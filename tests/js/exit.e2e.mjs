// The quick exit and a search that leaves no trace (issue #21), in Chromium on
// the built site: the exit by a tap and by Shift × 3, with Back checked and no
// Referer sent; Shift used for capitals, or too slowly, does not leave; the
// search words never in the address, nor in Chrome's own history and form
// suggestions (read from the profile's SQLite files); without JavaScript an
// ordinary link and an ordinary form; on a 360 × 740 phone the exit stays on
// screen, big enough to tap, high in contrast, and covers nothing it jumps to.
//
//   NODE_PATH=/tmp/validate/node_modules node tests/js/exit.e2e.mjs dist
//
// Needs playwright-core (the validators' node_modules), /usr/bin/chromium and
// python3 (its sqlite3 module reads the profile).
import { createRequire } from 'node:module';
import { serveSite } from './static_site.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const dir = path.resolve(process.argv[2] || 'dist');

// The exit's address, as the built pages have it.
const hub = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const EXIT = hub.match(/<a class="quick-exit" href="([^"]+)"/)[1].replace(/&amp;/g, '&');
const exitHost = new URL(EXIT).origin;
// Where the reader was before the site: another site, served by the test.
const BEFORE = 'https://before.example/';

const { server, root } = await serveSite(dir);
const PAGE = root + 'nhan-biet-bao-luc-xam-hai/';

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: launchArgs });

// The exit's site and the site before: answered here, their requests kept.
async function outside(context, seen) {
  for (const origin of [exitHost, new URL(BEFORE).origin]) {
    await context.route(`${origin}/**`, async (route) => {
      const h = await route.request().allHeaders();
      seen.push({ url: route.request().url(), referer: h.referer || null });
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Thời tiết</title><p>Trời nắng.</p>' });
    });
  }
}

let failed = 0;
async function check(name, f, opts = {}) {
  const context = await browser.newContext({ javaScriptEnabled: opts.js !== false, viewport: opts.viewport || { width: 1280, height: 800 } });
  const seen = [];
  await outside(context, seen);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // The 404 page answers with its status, as it should.
    if (m.type() === 'error' && !(opts.notFound && /status of 404/.test(m.text()) && m.location().url.includes(opts.notFound))) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(root) && !u.startsWith(exitHost) && !u.startsWith(BEFORE)) problems.push(`a request to another host: ${u}`);
  });
  try {
    await f(page, seen);
    assert.deepEqual(problems, [], 'no console error, nothing from another host');
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e.message).split('\n').join('\n  ')}`);
  }
  await context.close();
}

const onExit = (page) => page.waitForURL((u) => u.href === EXIT, { timeout: 5000 });

await check('a tap on the exit replaces the page: Back goes to the site before, no Referer is sent', async (page, seen) => {
  await page.goto(BEFORE);
  await page.goto(PAGE);
  await page.waitForFunction(() => document.readyState === 'complete');
  const before = await page.evaluate(() => history.length);
  const link = page.locator('a.quick-exit');
  assert.equal(await link.getAttribute('href'), EXIT);
  assert.match(await link.getAttribute('rel'), /\bnoreferrer\b/);
  await link.click();
  await onExit(page);
  assert.equal(await page.evaluate(() => history.length), before, 'the exit took the place of the page in the history');
  const hit = seen.find((s) => s.url === EXIT);
  assert.ok(hit, JSON.stringify(seen));
  assert.equal(hit.referer, null, `Referer sent: ${hit.referer}`);
  await page.goBack();
  assert.equal(page.url(), BEFORE, 'Back went to the site before, not to the page left');
  // Forward comes to the exit's page, not the site either.
  await page.goForward();
  assert.equal(page.url(), EXIT);
});

await check('an earlier page of the site stays in the history, as the safety page says', async (page) => {
  await page.goto(BEFORE);
  await page.goto(root);
  await page.click(`a[href="/nhan-biet-bao-luc-xam-hai/"]`);
  await page.waitForURL(PAGE);
  await page.click('a.quick-exit');
  await onExit(page);
  await page.goBack();
  assert.equal(page.url(), root, 'Back comes to the page before the one left');
  const html = fs.readFileSync(path.join(dir, 'an-toan-khi-truy-cap/index.html'), 'utf8');
  assert.match(html, /Nút chỉ thay trang đang đọc/);
});

await check('Shift three times leaves, from anywhere, the search box included; the screen reader is told', async (page, seen) => {
  for (const where of ['body', 'input[name=q]']) {
    await page.goto(BEFORE);
    await page.goto(PAGE);
    await page.waitForFunction(() => document.readyState === 'complete');
    if (where !== 'body') await page.focus(where);
    await page.keyboard.press('Shift');
    assert.equal(await page.textContent('.quick-exit-status'), 'Shift, bấm thêm 2 lần nữa để thoát.');
    assert.equal(await page.getAttribute('a.quick-exit', 'data-presses'), '1');
    await page.keyboard.press('Shift');
    assert.equal(await page.textContent('.quick-exit-status'), 'Shift, bấm thêm 1 lần nữa để thoát.');
    await page.keyboard.press('Shift');
    await onExit(page);
    await page.goBack();
    assert.equal(page.url(), BEFORE, `from ${where}: Back went to the site before`);
  }
  assert.ok(seen.filter((s) => s.url === EXIT).every((s) => s.referer === null), JSON.stringify(seen));
});

await check('Shift for capitals, too slowly, or with another key between, does not leave', async (page) => {
  await page.goto(PAGE);
  await page.waitForFunction(() => document.readyState === 'complete');
  // Capitals typed in the search box: Shift held with a letter, three times.
  await page.focus('input[name=q]');
  for (const c of 'BẠO') {
    await page.keyboard.down('Shift');
    await page.keyboard.type(c);
    await page.keyboard.up('Shift');
  }
  // Two presses, a pause of more than two seconds, then one.
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(2200);
  assert.equal(await page.textContent('.quick-exit-status'), '', 'the count was reset');
  await page.keyboard.press('Shift');
  // Two presses, a letter, one press.
  await page.keyboard.press('Shift');
  await page.keyboard.press('a');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  assert.equal(page.url(), PAGE, 'still on the page');
  assert.equal(await page.inputValue('input[name=q]'), 'BẠOa');
});

await check('the exit works on every kind of page, in English too', async (page) => {
  for (const at of ['', 'en/', 'thang-hanh-dong-vi-tre-em/', 'tim-kiem/', 'en/search/', 'leaflets/', 'khong-co-trang-nay/', 'en/an-toan-khi-truy-cap/']) {
    await page.goto(root + at);
    const label = await page.textContent('a.quick-exit');
    assert.equal(label, at.startsWith('en/') ? 'Exit this page' : 'Thoát nhanh', at);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.click('a.quick-exit');
    await onExit(page);
  }
}, { notFound: 'khong-co-trang-nay' });

await check('search: ?q= is read then removed, typing never writes the address', async (page) => {
  const urls = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) urls.push(f.url()); });
  await page.goto(root + 'tim-kiem/?q=bao+luc');
  await page.waitForSelector('.loa-search-result');
  assert.equal(await page.inputValue('#search-q'), 'bao luc');
  assert.equal(new URL(page.url()).search, '', `the address after arrival: ${page.url()}`);
  await page.focus('#search-q');
  await page.keyboard.press('End');
  await page.keyboard.type(' gia dinh', { delay: 60 });
  await page.waitForTimeout(1500);
  assert.equal(new URL(page.url()).search, '', `the address after typing: ${page.url()}`);
  assert.match(await page.textContent('.loa-search-status'), /bao luc gia dinh/);
  // Back leaves the search page for where the reader was: no entry per query.
  assert.equal(await page.evaluate(() => history.length), 2);
  assert.ok(urls.slice(1).every((u) => !u.includes('q=')), urls.join(' '));
});

await check('search from the header box: the words reach the results, never the address', async (page) => {
  const urls = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) urls.push(f.url()); });
  for (const [at, q, results] of [['', 'bạo lực gia đình', 'tim-kiem/'], ['en/', 'hotline', 'en/search/']]) {
    await page.goto(root + at);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.fill('form.header-search input[name=q]', q);
    await page.press('form.header-search input[name=q]', 'Enter');
    await page.waitForURL(root + results);
    await page.waitForSelector('.loa-search-result');
    assert.equal(await page.inputValue('#search-q'), q);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'the words were handed over, then deleted');
  }
  assert.ok(urls.every((u) => !u.includes('q=')), urls.join(' '));
  // Back to the page searched from: its box is empty.
  await page.goBack();
  assert.equal(await page.inputValue('form.header-search input[name=q]'), '');
});

await check("Chrome's own history and form suggestions keep no words searched", async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-exit-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: launchArgs });
  const page = await context.newPage();
  await page.goto(root);
  await page.fill('form.header-search input[name=q]', 'bạo lực gia đình');
  await page.press('form.header-search input[name=q]', 'Enter');
  await page.waitForSelector('.loa-search-result');
  await page.fill('#search-q', 'xâm hại');
  await page.press('#search-q', 'Enter');
  await page.waitForTimeout(1500);
  await context.close();
  const sql = (db, q) => JSON.parse(execFileSync('python3', ['-c', 'import sqlite3,sys,json;print(json.dumps(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()))', path.join(profile, 'Default', db), q]).toString());
  const visited = sql('History', 'select url from urls').map((r) => r[0]);
  const typed = sql('Web Data', 'select name, value from autofill');
  console.log(`  # Chrome's history: ${visited.length} addresses (${visited.map((u) => u.replace(root, '/')).join(' ')}); form suggestions: ${typed.length}`);
  assert.ok(visited.some((u) => u.endsWith('/tim-kiem/')), 'the history was read');
  assert.ok(visited.every((u) => !/q=|b%E1%BA%A1o|xam|x%C3%A2m/i.test(u)), visited.join('\n'));
  assert.deepEqual(typed, []);
  fs.rmSync(profile, { recursive: true, force: true });
});

await check('without JavaScript: the exit is an ordinary link, the search an ordinary form', async (page) => {
  await page.goto(PAGE);
  await page.click('a.quick-exit');
  await onExit(page);
  await page.goBack();
  assert.equal(page.url(), PAGE, 'an ordinary link: Back returns, as the safety page says');
  await page.goto(root);
  await page.fill('form.header-search input[name=q]', 'duong day nong');
  await page.click('form.header-search button');
  await page.waitForURL(/tim-kiem\/\?q=duong\+day\+nong/);
}, { js: false });

await check('on a 360 × 740 phone the exit is on screen everywhere, tappable, clear, and hides nothing it jumps to', async (page) => {
  await page.goto(root + 'an-toan-khi-truy-cap/');
  const box = async () => page.locator('a.quick-exit').boundingBox();
  const bar = async () => page.locator('.exit-bar').boundingBox();
  const b0 = await box();
  assert.ok(b0.height >= 44 && b0.width >= 44, `the exit is ${b0.width} × ${b0.height} px`);
  assert.ok((await bar()).height <= 60, `the bar is ${(await bar()).height} px tall`);
  for (const y of [800, 3000, 100000]) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    const b = await box();
    assert.ok(b.y >= 0 && b.y + b.height <= 740, `scrolled to ${y}: the exit at y = ${b.y}`);
  }
  // Contrast of its text on its background, and of the safety link on the bar.
  const ratio = await page.evaluate(() => {
    const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const contrast = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const e = getComputedStyle(document.querySelector('a.quick-exit'));
    const s = getComputedStyle(document.querySelector('a.safety-link'));
    const barBg = getComputedStyle(document.querySelector('.exit-bar')).backgroundColor;
    return [contrast(e.color, e.backgroundColor), contrast(e.backgroundColor, barBg), contrast(s.color, barBg)];
  });
  console.log(`  # exit ${b0.width.toFixed(0)} × ${b0.height.toFixed(0)} px; contrast: text ${ratio[0].toFixed(1)}:1, button on bar ${ratio[1].toFixed(1)}:1, safety link ${ratio[2].toFixed(1)}:1`);
  assert.ok(ratio[0] >= 7 && ratio[2] >= 7 && ratio[1] >= 3, ratio.join(' '));
  // A jump to a heading (and the skip link) lands below the bar, not under it.
  await page.goto(root + 'an-toan-khi-truy-cap/');
  const id = await page.evaluate(() => document.querySelector('main h2[id]').id);
  await page.goto(root + `an-toan-khi-truy-cap/#${id}`);
  await page.waitForTimeout(300);
  const h = await page.locator(`[id="${id}"]`).boundingBox();
  const barBottom = (await bar()).y + (await bar()).height;
  assert.ok(h.y >= barBottom, `the heading at y = ${h.y}, the bar ends at ${barBottom}`);
}, { viewport: { width: 360, height: 740 } });

await browser.close();
server.close();
if (failed) {
  console.log(`exit e2e: ${failed} failed`);
  process.exit(1);
}
console.log('exit e2e: ok');
