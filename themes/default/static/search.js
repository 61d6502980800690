/* loa search: Vietnamese as typed on phones. No eval, no innerHTML. See DESIGN.md. */
(() => {
  'use strict';

  // Fold as fold.rs, character by character: NFD, lowercase, no U+0300-036F, đ = d.
  const WORD = /[\p{Alphabetic}\p{N}]+/gu;
  const folded = new Map();
  const foldChar = (c) => {
    const o = c.charCodeAt(0);
    if (o < 128) return o > 64 && o < 91 ? String.fromCharCode(o + 32) : c;
    let f = folded.get(c);
    if (f === undefined) folded.set(c, (f = c.normalize('NFD').toLowerCase().replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')));
    return f;
  };
  // Folded s (f) and where each of its UTF-16 units came from in s: a[k] to
  // b[k]. A mark that folds to nothing widens the character before it.
  const foldMap = (s) => {
    let f = '', a = [], b = [], i = 0, k, r, e;
    for (const c of s) {
      r = foldChar(c);
      e = i + c.length;
      if (r) {
        f += r;
        for (k = 0; k < r.length; k++) a.push(i), b.push(e);
      } else for (k = a.length - 1, r = a[k]; k >= 0 && a[k] === r; k--) b[k] = e;
      i = e;
    }
    return { f, a, b };
  };
  const fold = (s) => foldMap(s).f;

  // Words of folded text, as fold.rs's tokens.
  const words = (f) => (f.match(WORD) || []).filter((w) => w.length <= 30 || [...w].length <= 30);

  // A query is cut to its first MAX_CHARS UTF-16 units (a surrogate pair is
  // never split) and MAX_WORDS whole words: a query pasted into ?q= costs what
  // a short one does (each word is a shard to fetch and a list to merge).
  const MAX_CHARS = 200, MAX_WORDS = 12;
  const cap = (q) => {
    if (q.length <= MAX_CHARS) return q;
    const c = q.charCodeAt(MAX_CHARS - 1);
    return q.slice(0, c >= 0xd800 && c < 0xdc00 ? MAX_CHARS - 1 : MAX_CHARS);
  };

  // A query: whole words t (distinct, at most MAX_WORDS), and the word being
  // typed p, a prefix of 2+ letters.
  const parse = (q) => {
    let f = fold(cap(q)), t = words(f), p = '';
    if (t.length && /[\p{Alphabetic}\p{N}]$/u.test(f)) {
      p = t.pop();
      if (p.length < 2) {
        if (!t.length) t.push(p);
        p = '';
      }
    }
    return { t: [...new Set(t)].slice(0, MAX_WORDS), p };
  };

  // The shard of term t: the last whose first term is <= t (-1: none).
  const shardOf = (m, t) => {
    let lo = 0, hi = m.s.length - 1, r = -1, mid;
    while (lo <= hi) {
      mid = (lo + hi) >> 1;
      if (m.s[mid][0] <= t) r = mid, lo = mid + 1;
      else hi = mid - 1;
    }
    return r;
  };

  // Shards a query needs: each word's; the prefix's and the next if it starts with it.
  const plan = (m, q) => {
    const need = [];
    const add = (j) => j >= 0 && !need.includes(j) && need.push(j);
    q.t.forEach((t) => add(shardOf(m, t)));
    if (q.p) {
      const i = shardOf(m, q.p);
      add(i);
      if (i + 1 < m.s.length && m.s[i + 1][0].startsWith(q.p)) add(i + 1);
    }
    return need;
  };

  // f(page id, score) for each posting (gap * 16 + level) of t in shard s.
  const LEVEL = [0, 1, 1.4, 1.7];
  const each = (m, s, t, f) => {
    const list = s && Object.prototype.hasOwnProperty.call(s, t) ? s[t] : [];
    const idf = Math.log(1 + (m.n - list.length + 0.5) / (list.length + 0.5));
    let id = 0, l;
    for (const v of list) {
      id += v >> 4;
      l = v & 15;
      f(id, idf * ((l >> 3) * 5 + ((l >> 2) & 1) * 2 + LEVEL[l & 3]));
    }
  };

  // Page ids, best first, having every word and one starting with the prefix.
  const rank = (m, shards, q) => {
    const sc = new Float64Array(m.n), hit = new Uint8Array(m.n), hits = [];
    let k = 0, id;
    const add = (id, v) => hit[id] === k && (hit[id]++, (sc[id] += v));
    q.t.forEach((t) => (each(m, shards.get(shardOf(m, t)), t, add), k++));
    if (q.p) {
      const best = new Float64Array(m.n);
      plan(m, { t: [], p: q.p }).forEach((j) => {
        const s = shards.get(j) || {};
        for (const t in s) {
          if (t.startsWith(q.p)) each(m, s, t, (id, v) => (v *= t === q.p ? 1 : 0.8) > best[id] && (best[id] = v));
        }
      });
      for (id = 0; id < m.n; id++) if (best[id]) add(id, best[id]);
      k++;
    }
    // One number per hit: score (to 1e-4), then page id.
    for (id = 0; k && id < m.n; id++) if (hit[id] === k) hits.push(Math.round(sc[id] * 1e4) * 1048576 + 1048575 - id);
    return Array.from(Float64Array.from(hits).sort().reverse(), (x) => 1048575 - (x % 1048576));
  };

  // [start, end, words] of the query's words in text (m: its foldMap), whole
  // (the prefix: at word starts); neighbours with only spaces between merge.
  const isWord = (c) => !!c && /[\p{Alphabetic}\p{N}]/u.test(c);
  const matches = (text, q, m = foldMap(text)) => {
    const f = m.f, found = [], out = [];
    (q.p ? q.t.concat(q.p) : q.t).forEach((w, k) => {
      for (let i = f.indexOf(w), e; i >= 0; i = f.indexOf(w, i + 1)) {
        if (isWord(f[i - 1])) continue;
        e = i + w.length;
        if (k < q.t.length && isWord(f[e])) continue;
        while (isWord(f[e])) e++;
        found.push([i, e, w]);
      }
    });
    found.sort((x, y) => x[0] - y[0]).forEach(([i, e, w]) => {
      const last = out[out.length - 1], a = m.a[i], b = m.b[e - 1];
      if (last && a < last[1]) return;
      if (last && !text.slice(last[1], a).trim()) {
        last[1] = b;
        if (!last[2].includes(w)) last[2].push(w);
      } else out.push([a, b, [w]]);
    });
    return out;
  };

  // [start, end, matches] of the ~len characters with the most query words.
  const snippet = (text, q, len, m) => {
    const ms = matches(text, q, m);
    let best = 0, from = 0, start = 0, end = Math.min(text.length, len);
    ms.forEach((x, i) => {
      const seen = new Set();
      for (let j = i; j < ms.length && ms[j][1] <= x[0] + len; j++) ms[j][2].forEach((w) => seen.add(w));
      if (seen.size > best) best = seen.size, from = x[0];
    });
    if (best) {
      start = Math.max(0, from - Math.floor(len / 5));
      if (start) start = Math.min(from, text.indexOf(' ', start) + 1 || start);
      end = Math.min(text.length, start + len);
    }
    if (end < text.length && text.lastIndexOf(' ', end) > start) end = text.lastIndexOf(' ', end);
    return [start, end, ms.filter((x) => x[0] >= start && x[1] <= end)];
  };

  const start = (root) => {
    const d = root.dataset, doc = document, base = new URL(d.index || 'search/', doc.baseURI);
    const site = new URL(d.base || '/', doc.baseURI), per = +d.perPage || 10, len = +d.snippet || 180;
    const form = root.querySelector('form'), input = root.querySelector('input[name=q]'), all = root.querySelector('[data-search-all]');
    // What a search that finds nothing offers: the hotlines, useful pages.
    const none = root.querySelector('[data-search-none]');
    const el = (tag, cls, text) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text) e.textContent = text;
      return e;
    };
    if (!input) return;
    const status = root.querySelector('.loa-search-status') || el('p', 'loa-search-status');
    const box = root.querySelector('.loa-search-results') || el('div', 'loa-search-results');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    if (!status.parentNode) (form || input).after(status);
    if (!box.parentNode) status.after(box);
    // M: manifest; shards: index → shard; sp, frags: promises.
    let M = null, mp = null, seq = 0, timer = 0, shown = '';
    const shards = new Map(), sp = new Map(), frags = new Map();
    const LABELS = { found: '{n} kết quả cho “{q}”', none: 'Không tìm thấy kết quả cho “{q}”.', loading: 'Đang tìm…', error: 'Không tải được chỉ mục tìm kiếm.', more: 'Xem thêm kết quả' };
    const label = (key, n, q) => ((n === 1 && d[key + 'One']) || d[key] || LABELS[key]).split('{n}').join(n).split('{q}').join(q);

    const json = (url, opts) => fetch(url, opts).then((r) => {
      if (!r.ok) throw Error(r.status);
      return r.json();
    });
    const once = (map, key, url) => {
      if (!map.has(key)) {
        const p = json(new URL(url, base));
        map.set(key, p);
        p.catch(() => map.delete(key));
      }
      return map.get(key);
    };
    const load = () => M ? Promise.resolve(M) : (mp = mp || json(new URL('index.json', base), { cache: 'no-cache' }).then((m) => {
      if (m.v !== 2) throw Error('format ' + m.v);
      return (M = m);
    }, (e) => {
      mp = null;
      throw e;
    }));
    const shard = (j) => shards.get(j) || once(sp, j, 's/' + M.s[j][1] + '.json').then((s) => shards.set(j, s));

    // Appends text[from, to) to e, ranges ms in <mark>.
    const marked = (e, text, ms, from, to) => {
      ms.forEach((x) => {
        if (x[0] < from) return;
        e.append(text.slice(from, x[0]), el('mark', '', text.slice(x[0], x[1])));
        from = x[1];
      });
      e.append(text.slice(from, to));
    };

    const item = (f, q) => {
      const li = el('li', 'loa-search-result'), a = el('a', 'loa-search-title'), p = el('p', 'loa-search-snippet');
      const url = new URL(f.u, site), x = f.x || '';
      if (/^https?:$/.test(url.protocol)) a.href = url.href;
      f.mt = f.mt || foldMap(f.t);
      f.mx = f.mx || foldMap(x);
      marked(a, f.t, matches(f.t, q, f.mt), 0, f.t.length);
      li.append(a);
      if (f.c) li.append(' ', el('span', 'loa-search-campaign', f.c));
      if (f.a) li.dataset.audience = f.a.join(' ');
      const w = snippet(x, q, len, f.mx);
      if (w[0]) p.append('…');
      marked(p, x, w[2], w[0], w[1]);
      if (w[1] < x.length) p.append('…');
      li.append(p);
      return li;
    };

    // Shows hits[from, from + per): a new list when from is 0.
    const show = (q, raw, hits, from, my) =>
      Promise.all(hits.slice(from, from + per).map((id) => once(frags, (id / M.c) | 0, 'p/' + ((id / M.c) | 0) + '.json?' + M.h).then((c) => c[id % M.c]))).then((fs) => {
        if (my !== seq) return;
        let list = box.querySelector('ol'), more = box.querySelector('.loa-search-more');
        if (!from) {
          box.textContent = '';
          list = el('ol', 'loa-search-list');
          if (hits.length) box.append(list);
          shown = raw;
          status.textContent = label(hits.length ? 'found' : 'none', hits.length, raw);
          if (none) none.hidden = !!hits.length;
        }
        fs.forEach((f) => list.append(item(f, q)));
        if (more) more.remove();
        if (from + per < hits.length) {
          more = el('button', 'loa-search-more', label('more'));
          more.type = 'button';
          more.onclick = () => show(q, raw, hits, from + per, my).then(() => {
            const a = list.children[from + per];
            if (a) a.querySelector('a').focus();
          });
          box.append(more);
        }
      });

    const run = () => {
      const raw = input.value.trim(), q = parse(raw), my = ++seq;
      if (all) all.hidden = !!raw;
      if (none && !raw) none.hidden = true;
      // The words never go into the address, so not into the history.
      if (!q.t.length && !q.p) {
        box.textContent = status.textContent = shown = '';
        return;
      }
      if (shown !== raw) status.textContent = label('loading', 0, raw);
      load()
        .then((m) => Promise.all(plan(m, q).map(shard)).then(() => show(q, raw, rank(m, shards, q), 0, my)))
        .catch(() => my === seq && (status.textContent = label('error', 0, raw)));
    };

    // At once if the shards are here, else after a pause.
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(run, M && plan(M, parse(input.value)).every((j) => shards.has(j)) ? 0 : 150);
    });
    input.addEventListener('focus', () => load().catch(() => {}));
    if (form) form.addEventListener('submit', (e) => (e.preventDefault(), clearTimeout(timer), run()));
    // On arrival: ?q= (no script, a shared link), removed at once from the
    // address; or the header box's words from safety.js, read and deleted.
    const u = new URL(location.href);
    let q0 = u.searchParams.get('q');
    if (u.searchParams.has('q')) {
      u.searchParams.delete('q');
      history.replaceState(history.state, '', u);
    }
    try {
      q0 = q0 || sessionStorage.getItem('loa-search-q');
      sessionStorage.removeItem('loa-search-q');
    } catch (e) {
      /* storage blocked: nothing was handed over */
    }
    if (q0) input.value = q0, run();
  };

  if (typeof module !== 'undefined' && module.exports) module.exports = { fold, foldMap, words, parse, shardOf, plan, rank, snippet, cap, MAX_CHARS, MAX_WORDS };
  if (typeof document !== 'undefined') {
    const init = () => {
      const r = document.getElementById('loa-search');
      if (r) start(r);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})();
