// Search as a reader uses it, in Chromium on the built site, with the CPU
// slowed 4× (a mid-range phone): queries with and without tone marks, in
// capitals, with d for đ, decomposed (NFD) input, in English on the English
// page, and with JavaScript off; the time from a keystroke to the results,
// and what the first query downloads (gzip, as a web server sends it).
//
//   NODE_PATH=/tmp/validate/node_modules node tests/js/search.e2e.mjs dist
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
const dir = path.resolve(process.argv[2] || 'dist');

// A static server that gzips text, as hosts do.
const { server, root } = await serveSite(dir, { gzip: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
async function check(name, f, opts = {}) {
  const context = await browser.newContext({ javaScriptEnabled: opts.js !== false });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(root)) problems.push(`a request to another host: ${r.url()}`); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await f(page, cdp);
    assert.deepEqual(problems, [], 'no console error, no failed request, nothing from another host');
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.message).split('\n').join('\n  ')}`);
  }
  await context.close();
}

const results = (page) => page.$$eval('.loa-search-result', (li) => li.map((l) => ({
  url: new URL(l.querySelector('a').href).pathname,
  title: l.querySelector('a').textContent,
  marks: [...l.querySelectorAll('mark')].map((m) => m.textContent),
})));
const search = async (page, lang, q) => {
  const at = lang === 'vi' ? 'tim-kiem/' : 'en/search/';
  await page.goto(`${root}${at}?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => /\S/.test(document.querySelector('.loa-search-status').textContent) && !/…$/.test(document.querySelector('.loa-search-status').textContent));
  return results(page);
};

await check('however "đường dây nóng" is typed, the same pages, highlighted in their spelling', async (page) => {
  const forms = ['đường dây nóng', 'duong day nong', 'ĐƯỜNG DÂY NÓNG', 'Duong Day Nong', 'đường dây nóng'.normalize('NFD')];
  const lists = [];
  for (const q of forms) lists.push(await search(page, 'vi', q));
  assert.ok(lists[0].length > 0, 'found something');
  for (const l of lists) assert.deepEqual(l.map((r) => r.url), lists[0].map((r) => r.url));
  assert.ok(lists[1].some((r) => r.marks.some((m) => m.normalize('NFC').toLowerCase() === 'đường dây nóng')), JSON.stringify(lists[1].slice(0, 3)));
});

await check('bao luc finds bạo lực, shown with its marks; d for đ; the live region speaks', async (page) => {
  const r = await search(page, 'vi', 'bao luc');
  assert.ok(r.length >= 3, `${r.length} results`);
  assert.ok(r.slice(0, 3).some((x) => /bạo lực/i.test(x.title)), JSON.stringify(r.slice(0, 3)));
  assert.ok(r[0].marks.some((m) => /^bạo lực$/i.test(m) || /^bạo$/i.test(m)), JSON.stringify(r[0]));
  assert.equal(await page.getAttribute('.loa-search-status', 'aria-live'), 'polite');
  assert.equal(await page.isHidden('[data-search-all]'), true, 'the list of every page is hidden while there are results');
  const d = await search(page, 'vi', 'xam hai tre em');
  const dd = await search(page, 'vi', 'xâm hại trẻ em');
  assert.deepEqual(d.map((x) => x.url), dd.map((x) => x.url));
  assert.ok(d.length > 0);
  const none = await search(page, 'vi', 'zzzqqq');
  assert.equal(none.length, 0);
  assert.match(await page.textContent('.loa-search-status'), /111/);
});

await check('the leaflet list is found as readers ask for it: tờ rơi, to roi, leaflet, ấn phẩm', async (page) => {
  // By its title's words or their synonyms, first or nearly.
  for (const q of ['tờ rơi', 'to roi', 'TO ROI', 'leaflet', 'ấn phẩm', 'tai lieu in']) {
    const r = await search(page, 'vi', q);
    assert.ok(r.slice(0, 3).some((x) => x.url === '/leaflets/'), `${q}: ${JSON.stringify(r.slice(0, 3).map((x) => x.url))}`);
  }
  const en = await search(page, 'en', 'leaflets');
  assert.ok(en.some((x) => x.url === '/leaflets/'), JSON.stringify(en.map((x) => x.url)));
  const flyer = await search(page, 'en', 'flyer');
  assert.ok(flyer.some((x) => x.url === '/leaflets/'), 'a synonym in English: ' + JSON.stringify(flyer.map((x) => x.url)));
});

await check('synonyms: phụ huynh finds the pages for cha mẹ; the page with the reader\'s own word ranks first', async (page) => {
  const r = await search(page, 'vi', 'phụ huynh');
  assert.ok(r.some((x) => x.url === '/huong-dan-cha-me/'), JSON.stringify(r.map((x) => x.url)));
  const plain = await search(page, 'vi', 'phu huynh');
  assert.deepEqual(plain.map((x) => x.url), r.map((x) => x.url), 'without marks, the same pages');
  const cha = await search(page, 'vi', 'cha mẹ');
  assert.ok(cha.length >= r.length - 2, `cha mẹ ${cha.length}, phụ huynh ${r.length}`);
  const violence = await search(page, 'vi', 'bạo hành');
  assert.ok(violence.length >= 3, `bạo hành finds the pages on bạo lực: ${violence.length}`);
});

await check('a search that finds nothing offers the hotlines and useful pages; a new search hides them', async (page) => {
  const none = await search(page, 'vi', 'zzzqqq xyzzy');
  assert.equal(none.length, 0);
  assert.equal(await page.isVisible('[data-search-none]'), true);
  const tels = await page.$$eval('[data-search-none] a[href^="tel:"]', (a) => a.map((x) => x.getAttribute('href')));
  assert.ok(tels.includes('tel:111'), JSON.stringify(tels));
  const pages = await page.$$eval('[data-search-none] a:not([href^="tel:"])', (a) => a.map((x) => new URL(x.href).pathname));
  assert.ok(pages.includes('/leaflets/') && pages.length >= 3, JSON.stringify(pages));
  await page.fill('input[name=q]', 'bao luc');
  await page.waitForSelector('.loa-search-result');
  assert.equal(await page.isHidden('[data-search-none]'), true);
});

await check('English on the English page', async (page) => {
  const r = await search(page, 'en', 'hotline');
  assert.ok(r.length > 0);
  for (const x of r) assert.ok(x.url.startsWith('/en/'), x.url);
});

await check('results within 50 ms of a keystroke (CPU ×4), and the first query downloads little', async (page, cdp) => {
  await cdp.send('Network.enable');
  // Each response is counted in the phase its request was sent in, so a
  // late answer to the page's own load never lands in the query's total.
  let phase = 'page';
  const sentIn = new Map();
  const bytes = { page: 0, query: 0 };
  const files = [];
  cdp.on('Network.requestWillBeSent', (e) => { sentIn.set(e.requestId, phase); });
  cdp.on('Network.loadingFinished', (e) => { bytes[sentIn.get(e.requestId) ?? 'page'] += e.encodedDataLength; });
  cdp.on('Network.responseReceived', (e) => { if (sentIn.get(e.requestId) === 'query') files.push(e.response.url.replace(root, '/')); });
  await page.goto(root + 'tim-kiem/');
  await page.waitForLoadState('networkidle');
  const pageBytes = bytes.page;
  // The first query: manifest, shards, fragments.
  phase = 'query';
  await page.fill('input[name=q]', 'tre em');
  await page.waitForSelector('.loa-search-result');
  await page.waitForLoadState('networkidle');
  const queryBytes = bytes.query;
  console.log(`  # search page ${Math.round(pageBytes / 1024)} KB; first query ${(queryBytes / 1024).toFixed(1)} KB (gzip): ${files.join(' ')}`);
  // search.js with the query must stay under 40 KB.
  const js = fs.statSync(path.join(dir, 'search.js')).size;
  const jsGz = zlib.gzipSync(fs.readFileSync(path.join(dir, 'search.js')), { level: 6 }).length;
  console.log(`  # search.js ${js} B, ${jsGz} B gzip`);
  assert.ok(jsGz <= 5 * 1024, `search.js is ${jsGz} B gzip`);
  assert.ok(queryBytes + jsGz <= 40 * 1024, `the first query downloads ${queryBytes + jsGz} B`);
  // Now every keystroke: the index is here; measure keystroke → results.
  const times = [];
  for (const q of ['bao ve', 'xam hai', 'duong day', 'ky nang', 'tre em']) {
    await page.fill('input[name=q]', '');
    for (const ch of q) {
      const t = await page.evaluate((c) => new Promise((resolve) => {
        const box = document.querySelector('.loa-search-results');
        const status = document.querySelector('.loa-search-status');
        const input = document.querySelector('input[name=q]');
        const t0 = performance.now();
        const done = () => { obs.disconnect(); resolve(performance.now() - t0); };
        const obs = new MutationObserver(done);
        obs.observe(box, { childList: true, subtree: true, characterData: true });
        obs.observe(status, { childList: true, subtree: true, characterData: true });
        input.value += c;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => { obs.disconnect(); resolve(-1); }, 2000);
      }), ch);
      if (t >= 0) times.push(t);
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)], worst = times[times.length - 1];
  console.log(`  # keystroke → results: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${times.length} keystrokes (CPU ×4)`);
  assert.ok(times.length > 10, 'results changed as letters were typed');
  assert.ok(median <= 50, `median ${median} ms`);
});

await check('without JavaScript: every page is listed, the hotlines first, and every page has the search box', async (page) => {
  await page.goto(root + 'tim-kiem/?q=bao+luc');
  const links = await page.$$eval('[data-search-all] a', (a) => a.length);
  assert.ok(links >= 20, `${links} links`);
  const hotline = await page.$eval('.hotlines', (e) => e.compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING);
  assert.ok(hotline, 'the hotlines come before the list');
  await page.goto(root);
  const action = await page.getAttribute('form.header-search', 'action');
  assert.equal(action, '/tim-kiem/');
  await page.fill('form.header-search input[name=q]', 'duong day nong');
  await page.click('form.header-search button');
  await page.waitForURL(/tim-kiem\/\?q=duong\+day\+nong/);
}, { js: false });

await browser.close();
server.close();
if (failed) {
  console.log(`search e2e: ${failed} failed`);
  process.exit(1);
}
console.log('search e2e: ok');
