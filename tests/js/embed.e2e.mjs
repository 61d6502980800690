// The newspapers' embeds in Chromium, on the built site:
// - every SVG of the print box renders (an <img> of it loads, at its printed
//   width at 96 px to the inch, and paints dark pixels);
// - the auto-height snippet of embed/index.html and of en/embed/index.html,
//   pasted into a page, makes the iframe exactly as tall as the widget, at
//   two widths;
// - every widget, in every language, fits a 240 px sidebar: no horizontal
//   overflow, and no text smaller than 13 px;
// - the page that embeds a widget picks its colours (#theme=light|dark|auto
//   after the address), whatever the reader's system says; light when it
//   says nothing or something else; choosing does not scroll the page;
// - en/embed/ is in English and its snippets load the English widgets;
// - the thumbnails of the leaflet index are drawn in proportion (the ratio
//   as drawn within 1 % of the picture's own), at 360 and 1,280 px.
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

const types = { '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png' };
// Pages of a pretend newspaper, by path: what a test pastes snippets into.
const parents = new Map();
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (parents.has(p)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(parents.get(p));
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
const port = server.address().port;
const local = `http://127.0.0.1:${port}`;
// The same server under another name: a widget in a newspaper's page is on another origin.
const other = `http://localhost:${port}`;
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

const read = (p) => fs.readFileSync(path.join(dir, p), 'utf8');
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
// The snippets of a page of snippets, by the id of their <textarea>.
const snippets = (index) => Object.fromEntries([...read(index).matchAll(/<textarea id="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)].map((m) => [m[1], unescape(m[2])]));
// A newspaper's page at /__parent/<name>.html with `body`; its address.
const host = (name, body, lang = 'vi') => {
  const p = `/__parent/${name}.html`;
  parents.set(p, `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Báo</title></head><body style="margin:0">${body}</body></html>`);
  return `${local}${p}`;
};
// A snippet as a newspaper pastes it, pointed at this server.
const here = (snippet, origin = local) => snippet.split(siteOrigin).join(origin);
// The widgets of a language's folder (`embed`, `en/embed`), with their variants.
const widgets = (folder) => [folder, `${folder}/auto`].flatMap((d) => fs.readdirSync(path.join(dir, d)).filter((f) => f.endsWith('.html') && f !== 'index.html').map((f) => `${d}/${f}`));
// The frame of page `p` whose address passes `test`, once loaded (snippets' frames load lazily).
const frameOf = async (p, test) => {
  for (let i = 0; i < 200; i++) {
    const f = p.frames().find((x) => x !== p.mainFrame() && test(x.url()));
    if (f) {
      await f.waitForLoadState();
      return f;
    }
    await p.waitForTimeout(50);
  }
  throw new Error('no such frame');
};
const languages = ['embed', ...fs.readdirSync(dir).filter((l) => fs.existsSync(path.join(dir, l, 'embed/index.html'))).map((l) => `${l}/embed`)];

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

  // The auto-height snippet exactly as each page of snippets shows it, pointed at this server.
  for (const folder of languages) {
    const snippet = snippets(`${folder}/index.html`)['a-1'];
    assert.ok(snippet.includes(`${folder}/auto/schedule.html`) && snippet.includes('<script>'), snippet);
    for (const width of [300, 700]) {
      await check(`the auto-height widget of ${folder}/ fits its content at ${width} px`, async () => {
        await page.goto(host(`auto-${width}`, `<main style="width:${width}px">${here(snippet)}</main>`));
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
  }
  // The widget without JavaScript stays as the snippet sets it.
  await check('the no-JavaScript widget has no script', async () => {
    for (const folder of languages) assert.ok(!read(`${folder}/schedule.html`).includes('<script'), folder);
  });

  // A newspaper's sidebar: 240 px, the iframe as the snippet writes it (width 100%).
  for (const w of languages.flatMap(widgets)) {
    await check(`${w} fits a 240 px column`, async () => {
      await page.goto(host('sidebar', `<aside style="width:240px"><iframe src="${local}/${w}" title="w" width="100%" height="900" style="border:0;max-width:100%"></iframe></aside>`));
      const frame = await frameOf(page, (u) => u.endsWith(w));
      const r = await frame.evaluate(() => {
        const d = document.documentElement;
        let smallest = Infinity;
        for (const e of document.body.querySelectorAll('*')) {
          if ([...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize));
        }
        return { client: d.clientWidth, scroll: d.scrollWidth, body: document.body.scrollWidth, smallest };
      });
      assert.equal(r.client, 240, `the frame is ${r.client} px wide`);
      assert.ok(r.scroll <= r.client && r.body <= r.client, `overflows by ${Math.max(r.scroll, r.body) - r.client} px`);
      assert.ok(r.smallest >= 13, `text of ${r.smallest} px`);
    });
  }

  // Colours: the host page's choice, not the reader's system.
  const luminance = (rgb) => {
    const c = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const colours = async (frame) => frame.evaluate(() => {
    const of = (sel) => [...document.querySelectorAll(sel)].map((e) => getComputedStyle(e).color);
    return {
      html: getComputedStyle(document.documentElement).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
      scheme: getComputedStyle(document.documentElement).colorScheme,
      text: [...of('h1, .title a, .when, .state, .hotline, .hotline a, .source a, main > p, a')],
      items: document.querySelectorAll('.item').length,
      heading: document.querySelector('h1')?.textContent.trim(),
    };
  });
  const cases = [
    // [what the host writes after the address, the reader's system, what shows]
    ['#theme=dark', 'light', 'dark'],
    ['#theme=light', 'dark', 'light'],
    ['#theme=auto', 'dark', 'dark'],
    ['#theme=auto', 'light', 'light'],
    ['#theme=dark', 'dark', 'dark'],
    ['', 'dark', 'light'],
    ['#theme=', 'dark', 'light'],
    ['#theme=blue', 'dark', 'light'],
    ['#theme=DARK', 'light', 'light'],
    ['#theme=dark&lang=vi', 'light', 'light'],
    ['#theme=%22%3E%3Cscript%3Ealert(1)%3C/script%3E', 'dark', 'light'],
    ['?theme=dark', 'light', 'light'],
    ['#main', 'dark', 'light'],
  ];
  for (const folder of languages) {
    for (const name of ['schedule.html', 'auto/schedule.html', fs.readdirSync(path.join(dir, folder)).find((f) => f.endsWith('.html') && !['index.html', 'schedule.html'].includes(f))]) {
      for (const [fragment, system, want] of cases) {
        await check(`${folder}/${name}${fragment} on a ${system} system is ${want}`, async () => {
          const p = await browser.newPage();
          await p.emulateMedia({ colorScheme: system });
          await p.goto(host('theme', `<iframe src="${other}/${folder}/${name}${fragment}" title="w" width="320" height="600" style="border:0"></iframe>`));
          const frame = await frameOf(p, (u) => u.startsWith(other));
          const c = await colours(frame);
          await p.close();
          const paper = luminance(c.body);
          assert.equal(c.html, c.body, 'the whole frame has one background');
          assert.ok(want === 'dark' ? paper < 0.05 : paper > 0.9, `background ${c.body} (${c.scheme})`);
          assert.equal(c.scheme, want, 'color-scheme');
          for (const t of c.text) {
            const l = luminance(t);
            const ratio = (Math.max(l, paper) + 0.05) / (Math.min(l, paper) + 0.05);
            assert.ok(ratio >= 4.5, `text ${t} on ${c.body}: contrast ${ratio.toFixed(2)}`);
          }
          assert.ok(c.heading, 'the widget shows its content');
        });
      }
    }
  }
  await check('choosing the colours scrolls neither the page nor the widget', async () => {
    const p = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await p.goto(host('below', `<div style="height:3000px">Bài báo</div><iframe src="${local}/embed/schedule.html#theme=dark" title="w" width="300" height="300"></iframe><div style="height:3000px"></div>`));
    const frame = await frameOf(p, (u) => u.includes('schedule.html'));
    const r = { page: await p.evaluate(() => scrollY), widget: await frame.evaluate(() => scrollY), c: await colours(frame) };
    await p.close();
    assert.equal(r.page, 0, 'the page scrolled');
    assert.equal(r.widget, 0, 'the widget scrolled');
    assert.ok(luminance(r.c.body) < 0.05, 'and the widget is dark');
  });

  // The English page of snippets, and the English widgets its snippets load.
  await check('en/embed/ is in English and its snippets load English widgets', async () => {
    const index = read('en/embed/index.html');
    assert.match(index, /<html lang="en">/);
    // Its link to the Vietnamese page shows (the site's language switch is white, for a dark bar).
    await page.goto(`${local}/en/embed/`);
    const sw = await page.evaluate(() => {
      const a = document.querySelector('a[hreflang="vi"]');
      return { color: getComputedStyle(a).color, href: a.getAttribute('href') };
    });
    assert.equal(sw.href, '/embed/');
    assert.ok(luminance(sw.color) < 0.3, `the link to the Vietnamese page is ${sw.color} on white`);
    const data = JSON.parse(read('schedule.json'));
    const titles = Object.fromEntries(data.campaigns.map((c) => [c.id, c.title]));
    const all = snippets('en/embed/index.html');
    const ids = Object.keys(all);
    assert.ok(ids.length >= 4, `snippets: ${ids}`);
    for (const s of Object.values(all)) {
      const srcs = [...s.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(srcs.length && srcs.every((u) => u.startsWith(`${siteOrigin}/en/embed/`)), `not the English widgets: ${s}`);
    }
    for (const id of ids.filter((i) => i.startsWith('s-'))) {
      await page.goto(host('en', here(all[id]), 'en'));
      const frame = await frameOf(page, (u) => u.includes('/en/embed/'));
      const r = await frame.evaluate(() => ({ lang: document.documentElement.lang, h1: document.querySelector('h1').textContent.trim(), titles: [...document.querySelectorAll('.title')].map((e) => e.textContent.trim()) }));
      assert.equal(r.lang, 'en', id);
      const name = frame.url().split('/').pop().replace(/\.html.*$/, '');
      if (name === 'schedule') {
        assert.deepEqual([...r.titles].sort(), data.campaigns.map((c) => c.title.en || c.title.vi).sort(), `${id}: campaign titles`);
      } else {
        assert.equal(r.h1, titles[name].en || titles[name].vi, `${id}: the card's title`);
      }
    }
  });

  // Leaflet thumbnails: the ratio of the picture as drawn (its content box)
  // against the ratio of its pixels, and the <img> attributes against both.
  for (const width of [360, 1280]) {
    await check(`leaflet thumbnails are drawn in proportion at ${width} px`, async () => {
      const p = await browser.newPage({ viewport: { width, height: 800 } });
      await p.goto(`${local}/leaflets/`);
      const thumbs = await p.evaluate(async () => {
        const imgs = [...document.querySelectorAll('main img[src$=".png"]')];
        for (const i of imgs) i.loading = 'eager';
        await Promise.all(imgs.map((i) => i.decode()));
        return imgs.map((i) => {
          const s = getComputedStyle(i);
          const b = i.getBoundingClientRect();
          const px = (k) => parseFloat(s[k]);
          const w = b.width - px('borderLeftWidth') - px('borderRightWidth') - px('paddingLeft') - px('paddingRight');
          const h = b.height - px('borderTopWidth') - px('borderBottomWidth') - px('paddingTop') - px('paddingBottom');
          return { src: i.getAttribute('src'), w, h, aw: +i.getAttribute('width'), ah: +i.getAttribute('height'), nw: i.naturalWidth, nh: i.naturalHeight };
        });
      });
      await p.close();
      assert.ok(thumbs.length > 0, 'no thumbnail on the leaflet index');
      let worst = 0;
      for (const t of thumbs) {
        const natural = t.nw / t.nh;
        const drawn = Math.abs(t.w / t.h / natural - 1);
        const attributes = Math.abs(t.aw / t.ah / natural - 1);
        worst = Math.max(worst, drawn);
        assert.ok(drawn <= 0.01, `${t.src}: drawn ${t.w}×${t.h}, its pixels ${t.nw}×${t.nh} (${(drawn * 100).toFixed(1)} % out)`);
        assert.ok(attributes <= 0.01, `${t.src}: width and height ${t.aw}×${t.ah}, its pixels ${t.nw}×${t.nh}`);
        assert.ok(Math.abs(t.w - Math.min(t.aw, width)) <= 1, `${t.src}: drawn ${t.w} px wide, not its width attribute ${t.aw}`);
      }
      console.log(`   ${thumbs.length} thumbnails, worst ${(worst * 100).toFixed(2)} %`);
    });
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`embed e2e: ${failed} failed`);
process.exit(failed ? 1 : 0);
