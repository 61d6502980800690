// The folding of search.js: the same letter table as fold.rs's test, and
// agreement with the Rust fold on the shared fixture fold_cases.json.
//   node --test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { fold, foldMap, words, parse, snippet, plan, rank } = require('../../themes/default/static/search.js');

// Every Vietnamese letter with a mark, in lower case, with what it folds to (as in fold.rs).
const LETTERS = [
  ['a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ', 'a'],
  ['e è é ẻ ẽ ẹ ê ề ế ể ễ ệ', 'e'],
  ['i ì í ỉ ĩ ị', 'i'],
  ['o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ', 'o'],
  ['u ù ú ủ ũ ụ ư ừ ứ ử ữ ự', 'u'],
  ['y ỳ ý ỷ ỹ ỵ', 'y'],
  ['đ d', 'd'],
];

test('every Vietnamese letter, lower and upper case, NFC and NFD', () => {
  let n = 0;
  for (const [letters, base] of LETTERS) {
    for (const l of letters.split(' ')) {
      for (const form of [l, l.toUpperCase()]) {
        const nfc = form.normalize('NFC');
        const nfd = form.normalize('NFD');
        assert.equal([...nfc].length, 1, `${form} is one character in NFC`);
        for (const f of [nfc, nfd]) {
          assert.equal(fold(f), base, `${f} (${[...f].map((c) => c.codePointAt(0).toString(16)).join(' ')})`);
          const m = foldMap(f);
          assert.equal(m.f, base);
          assert.deepEqual([m.a[0], m.b[0]], [0, f.length], `${f} maps back whole`);
          n++;
        }
      }
    }
  }
  assert.equal(n, 74 * 4);
});

test('the same as fold.rs on fold_cases.json', () => {
  const cases = JSON.parse(readFileSync(new URL('../fixtures/fold_cases.json', import.meta.url), 'utf8'));
  assert.ok(cases.fold.length > 1000);
  const wrong = cases.fold.filter(([input, want]) => fold(input) !== want);
  assert.deepEqual(wrong.map(([i, w]) => [i, w, fold(i), i.codePointAt(0).toString(16)]), []);
  for (const [input, folded, ws] of cases.words) {
    assert.equal(fold(input), folded, input);
    assert.deepEqual(words(fold(input)), ws, input);
  }
});

test('phrases typed any way fold alike', () => {
  for (const q of ['duong day nong', 'ĐƯỜNG DÂY NÓNG', 'đường dây nóng', 'Đường Dây Nóng']) {
    assert.equal(fold(q), 'duong day nong');
    assert.equal(fold(q.normalize('NFD')), 'duong day nong');
  }
});

test('the map points at the original spelling', () => {
  for (const text of ['Gọi đường dây nóng khi thấy bạo lực', 'Gọi đường dây nóng khi thấy bạo lực'.normalize('NFD')]) {
    const m = foldMap(text);
    const at = m.f.indexOf('bao luc');
    assert.equal(text.slice(m.a[at], m.b[at + 6]).normalize('NFC'), 'bạo lực');
  }
  // Astral characters are two UTF-16 units in, one or two out.
  const m = foldMap('👍 Bạo');
  assert.equal(m.f, '👍 bao');
  assert.equal(m.a.length, m.f.length);
});

test('queries: whole words, and the last one as a prefix while typing', () => {
  assert.deepEqual(parse('Bạo lự'), { t: ['bao'], p: 'lu' });
  assert.deepEqual(parse('bao luc '), { t: ['bao', 'luc'], p: '' });
  assert.deepEqual(parse('tre e'), { t: ['tre'], p: '' }, 'one letter is too little to expand');
  assert.deepEqual(parse('t'), { t: ['t'], p: '' }, 'unless it is all there is');
  assert.deepEqual(parse('  '), { t: [], p: '' });
  assert.deepEqual(parse('em em em'), { t: ['em'], p: 'em' });
});

test('snippets keep the original spelling around the best window', () => {
  const text = 'Mở đầu. ' + 'Chữ lót. '.repeat(40) + 'Khi thấy BẠO LỰC, gọi đường dây nóng 111 ngay. ' + 'Kết thúc. '.repeat(20);
  const [from, to, ms] = snippet(text, parse('bao luc duong day'), 120);
  assert.ok(from > 100 && to - from <= 120, `${from}–${to}`);
  assert.deepEqual(ms.map((x) => text.slice(x[0], x[1])), ['BẠO LỰC', 'đường dây']);
  const [a, b, none] = snippet('Không có gì.', parse('xyz'), 120);
  assert.deepEqual([a, b, none], [0, 12, []]);
});

test('ranking: every word, title first, prefix on the last word', () => {
  // Postings are gap * 16 + level: "bao" in pages 0 (title) and 1 (body),
  // "luc" in both, "lua" in 2.
  const m = { v: 1, n: 3, h: 'x', s: [['bao', 'a']] };
  const shard = { bao: [0 * 16 + 8, 1 * 16 + 1], luc: [0 * 16 + 9, 1 * 16 + 1], lua: [2 * 16 + 1] };
  const shards = new Map([[0, shard]]);
  assert.deepEqual(plan(m, parse('bao lu')), [0]);
  assert.deepEqual(rank(m, shards, parse('bao luc ')), [0, 1]);
  assert.deepEqual(rank(m, shards, parse('bao lu')), [0, 1]);
  assert.deepEqual(rank(m, shards, parse('lu')), [0, 2, 1]);
  assert.deepEqual(rank(m, shards, parse('bao xyz ')), []);
  assert.deepEqual(rank(m, shards, parse('constructor ')), [], 'words are own keys, not inherited ones');
});
