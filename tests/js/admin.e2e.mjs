// The editor's page (/admin/) works or says why (issue #25), in Chromium on a
// built site: with its script blocked, answered 404, or failing to load, a
// visible message in Vietnamese and English saying what to do; with a script
// that starts, no message; without JavaScript, a message that it needs it.
// Screenshots at 360 and 1,280 px go into OUT when it is given.
//
//   NODE_PATH=/tmp/validate/node_modules node tests/js/admin.e2e.mjs DIST [OUT]
//
// Needs playwright-core (the validators' node_modules) and /usr/bin/chromium.
import { createRequire } from 'node:module';
import { serveSite } from './static_site.mjs';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const dir = path.resolve(process.argv[2] || 'dist');
const shots = process.argv[3] ? path.resolve(process.argv[3]) : null;
if (shots) fs.mkdirSync(shots, { recursive: true });

const html = fs.readFileSync(path.join(dir, 'admin/index.html'), 'utf8');
const script = html.match(/<script src="([^"]+)" onerror=/)[1];
const { server, root } = await serveSite(dir);
const ADMIN = root + 'admin/';
const scriptUrl = new URL(script, ADMIN).href;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const VI = 'Không mở được trình soạn thảo';
const EN = 'The editor could not open';

let failed = 0;
async function check(name, { js = true, width = 1280, route }, f) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The editor reads config.yml and signs in elsewhere: nothing else is
  // fetched from another host in these tests.
  await context.route((u) => !u.href.startsWith(root), (r) => r.abort());
  if (route) await context.route(scriptUrl, route);
  try {
    await page.goto(ADMIN, { waitUntil: 'load' });
    await f(page, errors);
    if (shots) await page.screenshot({ path: path.join(shots, `admin-${name}-${width}.png`), fullPage: true });
    console.log(`ok   ${name} (${width} px)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name} (${width} px): ${e.message}`);
  } finally {
    await context.close();
  }
}

/** The message box is shown, in both languages, with what to do, readable. */
async function shown(page) {
  const box = page.locator('#loa-no-editor');
  await box.waitFor({ state: 'visible', timeout: 5000 });
  const text = await box.innerText();
  for (const s of [VI, EN, 'loa cms install', 'tải lại trang', 'reload the page']) assert.ok(text.includes(s), `"${s}" in ${JSON.stringify(text)}`);
  assert.equal(await box.getAttribute('role'), 'alert');
  const langs = await box.locator('[lang]').evaluateAll((els) => els.map((e) => e.lang));
  assert.deepEqual(langs, ['vi', 'en']);
  // Big enough to read and inside the screen.
  const b = await box.boundingBox();
  const vw = page.viewportSize().width;
  assert.ok(b.x >= 0 && b.x + b.width <= vw + 0.5, `inside the screen: ${JSON.stringify(b)} in ${vw}`);
  const size = await box.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 16, `font ${size}px`);
}

for (const width of [360, 1280]) {
  await check('blocked', { width, route: (r) => r.abort('blockedbyclient') }, shown);
}
await check('not-found', { route: (r) => r.fulfill({ status: 404, contentType: 'text/html', body: 'not found' }) }, shown);
await check('offline', { route: (r) => r.abort('internetdisconnected') }, shown);
await check('starts', {
  route: (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: "window.CMS = { registerEventListener() {} }; document.body.insertAdjacentHTML('beforeend', '<div id=\"stub-editor\">editor</div>');" }),
}, async (page, errors) => {
  await page.locator('#stub-editor').waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await page.locator('#loa-no-editor').isVisible(), false, 'no message when the editor starts');
  assert.deepEqual(errors, []);
});
for (const width of [360, 1280]) {
  await check('no-javascript', { js: false, width }, async (page) => {
    const text = await page.locator('body').innerText();
    for (const s of ['Trình soạn thảo cần JavaScript', 'The editor needs JavaScript']) assert.ok(text.includes(s), `"${s}" in ${JSON.stringify(text)}`);
    assert.equal(await page.locator('#loa-no-editor').isVisible(), false);
  });
}

await browser.close();
server.close();
if (failed) {
  console.log(`${failed} failed`);
  process.exit(1);
}
console.log('all passed');
