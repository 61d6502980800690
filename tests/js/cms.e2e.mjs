// The new user's path, in a real browser: `loa init my-site --deploy github`, the
// editor's files copied into static/admin/ as the README says, `loa build`, then
// Decap CMS opened at /admin/ in Chromium with its local backend (decap-server):
// a page is created in a campaign with a title, summary, audiences, a publish
// window and a text, and saved. Then `loa check` must accept the file the editor
// wrote, and `loa build` must publish the page exactly inside its window.
//
//   NODE_PATH=/path/with/playwright-core/node_modules \
//     node tests/js/cms.e2e.mjs LOA_BINARY CMS_NODE_MODULES [SCREENSHOT_DIR]
//
// CMS_NODE_MODULES holds decap-cms@3.16.3 and decap-server@3.11.3 (npm). Needs
// /usr/bin/chromium (or CHROMIUM=…) and a free port 8081 (decap-server's).
import { createRequire } from 'node:module';
import { spawn, execFileSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [LOA, MODULES, SHOTS] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!LOA || !MODULES) throw new Error('usage: node tests/js/cms.e2e.mjs LOA_BINARY CMS_NODE_MODULES [SCREENSHOT_DIR]');
const T0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
const loa = (...args) => execFileSync(LOA, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const shot = async (page, name) => { if (SHOTS) { fs.mkdirSync(SHOTS, { recursive: true }); await page.screenshot({ path: path.join(SHOTS, name) }); } };

// --- 1. a new site, as a new user makes it ------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-cms-e2e-'));
const site = path.join(tmp, 'my-site');
log(loa('init', site, '--deploy', 'github').trim().split('\n').slice(-3).join(' | '));
// The README's self-hosting step: the editor's files from the npm package into static/admin/.
const dist = path.join(MODULES, 'decap-cms', 'dist');
const admin = path.join(site, 'static', 'admin');
fs.mkdirSync(admin, { recursive: true });
let copied = 0;
for (const f of fs.readdirSync(dist)) {
  if (/(^|\.)decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(f)) { fs.copyFileSync(path.join(dist, f), path.join(admin, f)); copied++; }
}
log(`copied ${copied} files of decap-cms into static/admin/`);
const out = path.join(tmp, 'dist');
const built = execFileSync(LOA, ['build', '--root', site, '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
log(built.trim().split('\n')[0]);
assert.ok(fs.existsSync(path.join(out, 'admin', 'config.yml')) && fs.existsSync(path.join(out, 'admin', 'decap-cms.js')), 'admin/ is published');

// --- 2. decap-server (the local backend) and a static server for the build ----
const ds = spawn(process.execPath, [path.join(MODULES, 'decap-server', 'dist', 'index.js')], {
  cwd: site,
  env: { ...process.env, PORT: '8081', BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: site, LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let dsOut = '';
ds.stdout.on('data', (d) => { dsOut += d; });
ds.stderr.on('data', (d) => { dsOut += d; });
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.yml': 'text/yaml; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(out, p);
  if (!file.startsWith(out) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end('not found'); return; }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' }).end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;
await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error('decap-server did not start:\n' + dsOut)), 15000);
  const i = setInterval(() => { if (/listening/i.test(dsOut)) { clearTimeout(t); clearInterval(i); resolve(); } }, 100);
});
log('decap-server on 127.0.0.1:8081; the build on', BASE);

// --- 3. the editor in Chromium ------------------------------------------------
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
const elsewhere = [];
context.on('request', (r) => { const u = new URL(r.url()); if (u.protocol.startsWith('http') && !['127.0.0.1', 'localhost'].includes(u.hostname)) elsewhere.push(r.url()); });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const field = (name) => page.locator(`[id^="${name}-field-"]`).first();
let failed = false;
const FILE = path.join(site, 'content', 'thang-hanh-dong-vi-tre-em', 'phong-chong-xam-hai-tre-em-dip-he.md');
try {
  await page.goto(`${BASE}/admin/`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Bộ sưu tập' }).waitFor();
  await page.getByRole('link', { name: 'Tháng hành động vì trẻ em', exact: true }).click();
  await page.getByText('Tháng hành động vì trẻ em', { exact: true }).first().waitFor();
  await page.waitForTimeout(800);
  await shot(page, 'cms-1-collection.png');
  log('logged in with the local backend; the campaign collection is open');

  await page.getByRole('link', { name: /Tạo bài thuộc loại|trang$/ }).first().click();
  await field('title').waitFor();
  await field('title').fill('Phòng chống xâm hại trẻ em dịp hè');
  await field('summary').fill('Những việc cha mẹ và nhà trường cần làm để trẻ an toàn trong kỳ nghỉ hè.');
  // A window the pattern refuses first, as staff might type it.
  await field('publish').fill('start-2w');
  await field('expire').fill('end+7d');
  for (const label of ['Dành cho cha mẹ, người chăm sóc trẻ', 'Dành cho trẻ em']) {
    await field('audience').click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  // The page is also a bulletin for commune radio: the folded form opened,
  // air times typed as staff type them, two weekdays picked.
  await page.getByText('Bản tin phát thanh (đài truyền thanh, loa thông minh)', { exact: true }).last().locator('xpath=..').locator('button').first().click();
  const visible = (name) => page.locator(`[id^="${name}-field-"]:visible`).first();
  await visible('times').fill('06:00, 17:30');
  for (const label of ['Thứ Hai', 'Thứ Tư']) {
    await visible('days').click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  const body = page.locator('label[for^="body-field-"]').first().locator('xpath=../..').locator('[role="textbox"], textarea:visible').first();
  await body.click();
  await page.keyboard.type('Khi trẻ gặp nguy hiểm, hãy gọi **[111](tel:111)**.\n\n## Việc cần làm\n\n- Dạy trẻ quy tắc vùng riêng tư.\n- [ ] Lưu số 111 vào điện thoại.\n');
  await field('title').scrollIntoViewIfNeeded();
  await shot(page, 'cms-2-editor.png');
  const publish = async () => {
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Công bố ngay', { exact: true }).click();
  };
  await publish();
  await page.waitForTimeout(1200);
  const refusals = await page.locator('[class*="ControlErrorsList"] li, ul[class*="error"] li').allInnerTexts();
  assert.ok(refusals.some((e) => /start-14d/i.test(e)), `the editor refuses publish: start-2w (${JSON.stringify(refusals)})`);
  assert.ok(!fs.existsSync(FILE), 'nothing is saved while a field is refused');
  await field('publish').scrollIntoViewIfNeeded();
  await shot(page, 'cms-3-refused.png');
  log('the editor refused `start-2w` with the grammar in its message');
  await field('publish').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('start-14d');
  await publish();
  for (let i = 0; i < 75 && !fs.existsSync(FILE); i++) await page.waitForTimeout(200);
  await page.waitForTimeout(500);
  assert.ok(fs.existsSync(FILE), `the editor wrote ${FILE}`);
  await shot(page, 'cms-4-saved.png');
  const text = fs.readFileSync(FILE, 'utf8');
  console.log(`----- ${path.relative(site, FILE)} as the editor wrote it -----\n${text}----- end -----`);
  assert.match(text, /^title: Phòng chống xâm hại trẻ em dịp hè$/m);
  assert.match(text, /^publish: start-14d$/m);
  assert.match(text, /^audience:\n {2}- cha-me\n {2}- tre-em$/m);
  assert.match(text, /^- \[ \] Lưu số 111 vào điện thoại\.$/m, 'the task list is kept as written');
  assert.match(text, /^broadcast:\n {2}times:\n {4}- ["']?06:00["']?\n {4}- ["']?17:30["']?\n {2}days:\n {4}- T2\n {4}- T4$/m, 'the bulletin form as written');

  // --- 4. loa accepts the file and publishes it on the right days -------------
  log(loa('check', '--root', site).trim().split('\n').pop());
  const days = { '2027-05-17': false, '2027-05-18': true, '2027-06-30': true, '2027-07-06': true, '2027-07-07': false };
  for (const [day, live] of Object.entries(days)) {
    const o = path.join(tmp, `dist-${day}`);
    loa('build', '--root', site, '--out', o, '--at', day);
    const html = path.join(o, 'thang-hanh-dong-vi-tre-em', 'phong-chong-xam-hai-tre-em-dip-he', 'index.html');
    assert.equal(fs.existsSync(html), live, `live on ${day}: ${live}`);
    if (live) {
      const h = fs.readFileSync(html, 'utf8');
      assert.ok(h.includes('Phòng chống xâm hại trẻ em dịp hè') && h.includes('href="tel:111"'), 'the page as written');
      const txt = fs.readFileSync(path.join(o, 'phat-thanh', 'thang-hanh-dong-vi-tre-em-phong-chong-xam-hai-tre-em-dip-he.txt'), 'utf8');
      assert.ok(txt.startsWith('Phòng chống xâm hại trẻ em dịp hè\n\nKhi trẻ gặp nguy hiểm, hãy gọi một một một.'), `the bulletin read aloud: ${txt}`);
    }
  }
  log('loa check accepts it; loa build publishes it, and its bulletin, from 2027-05-18 (start-14d) until 2027-07-06 (expire end+7d)');
  assert.deepEqual(elsewhere, [], 'nothing was requested from another host');
} catch (e) {
  failed = true;
  console.error(e);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'cms-error.png'), fullPage: true }).catch(() => {});
  if (errors.length) console.error('page errors:', errors.slice(0, 5));
} finally {
  await browser.close();
  server.close();
  ds.kill();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
process.exitCode = failed ? 1 : 0;
