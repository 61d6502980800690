// search.js caps the query (issue #19): a 60,000-word ?q= costs what a short
// query does. Work is counted (shards planned, manifest and shard reads,
// characters folded), never timed.
//   node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse, plan, rank, cap, MAX_CHARS, MAX_WORDS } = require('../../themes/default/static/search.js');

// A manifest with one shard per term: the worst case for fetching (every
// distinct word is a shard of its own), its reads of m.s counted.
const TERMS = Array.from({ length: 4096 }, (_, i) => 'w' + i.toString(36).padStart(4, '0'));
const counted = () => {
  const reads = { s: 0, shards: 0 };
  const s = new Proxy(TERMS.map((t, i) => [t, 'h' + i]), {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.s++;
      return Reflect.get(target, key);
    },
  });
  const map = new Map(TERMS.map((t, i) => [i, { [t]: [i * 16 + 1] }]));
  const shards = { get: (j) => (reads.shards++, map.get(j)) };
  return { m: { v: 2, n: TERMS.length, h: 'x', c: 64, s }, shards, reads };
};

// Words in the manifest, each distinct, separated by spaces: `n` of them.
const longQuery = (n) => Array.from({ length: n }, (_, i) => TERMS[i % TERMS.length]).join(' ');

// Every query cut at a different place: plain ASCII, Vietnamese (NFC and
// NFD), astral characters, only spaces, one word with no space at all.
const QUERIES = [
  longQuery(60000),
  longQuery(60000) + ' ',
  'bạo lực '.repeat(30000),
  'bạo lực '.normalize('NFD').repeat(30000),
  '👍 tre em '.repeat(20000),
  'a👍'.repeat(50000),
  ' '.repeat(100000) + 'tre em',
  'x'.repeat(400000),
];

test('a query is at most MAX_CHARS units and MAX_WORDS distinct words (and a prefix)', () => {
  assert.equal(MAX_CHARS, 200);
  assert.equal(MAX_WORDS, 12);
  for (const q of QUERIES) {
    const c = cap(q);
    assert.ok(c.length <= MAX_CHARS, `${c.length}`);
    assert.ok(q.startsWith(c), 'the cap is a prefix of the query');
    assert.ok(c.length >= MAX_CHARS - 1, 'only a surrogate pair is kept whole');
    assert.ok(!/[\ud800-\udbff]$/.test(c), 'no lone high surrogate at the cut');
    const p = parse(q);
    assert.ok(p.t.length <= MAX_WORDS, `${p.t.length} words`);
    assert.equal(new Set(p.t).size, p.t.length, 'distinct');
    // What parse looks at is only the capped query: the same result as the
    // short one, so the same work.
    assert.deepEqual(p, parse(c));
  }
  // Short queries are untouched.
  assert.equal(cap('bạo lực gia đình'), 'bạo lực gia đình');
  assert.deepEqual(parse('bao luc '), { t: ['bao', 'luc'], p: '' });
});

test('a 60,000-word query fetches at most the cap\'s shards, with bounded reads', () => {
  const { m, shards, reads } = counted();
  const q = parse(longQuery(60000));
  assert.ok(q.t.length + (q.p ? 1 : 0) > 1, 'the long query still searches');
  const need = plan(m, q);
  // Each whole word is one shard; the prefix its own and the next one.
  assert.ok(need.length <= MAX_WORDS + 2, `${need.length} shards`);
  // Binary search over 4096 shards: at most 13 reads per lookup.
  const lookups = MAX_WORDS + 2;
  assert.ok(reads.s <= lookups * 13, `${reads.s} reads of the manifest`);
  reads.s = 0;
  rank(m, shards, q);
  assert.ok(reads.shards <= need.length + MAX_WORDS, `${reads.shards} shard reads`);
  assert.ok(reads.s <= (MAX_WORDS + 3) * 13, `${reads.s} reads of the manifest while ranking`);
});

test('a long query and its first MAX_CHARS characters do the same work', () => {
  for (const q of QUERIES) {
    const a = counted(), b = counted();
    const pa = parse(q), pb = parse(cap(q));
    assert.deepEqual(plan(a.m, pa), plan(b.m, pb));
    rank(a.m, a.shards, pa);
    rank(b.m, b.shards, pb);
    assert.deepEqual(a.reads, b.reads);
  }
});
