/**
 * The column cache of `.ndjson` collections (src/io/collection-cache.ts) and the
 * projection push-down that reads only some of its fields (src/engine/embedded-projection.ts).
 * The cache must give exactly the parsed documents, must never be read once the file
 * changed, and a query reading a narrowed collection must give the rows it gives on the
 * parsed file: every grammar case runs on an `.ndjson` copy of the fixtures with and
 * without caches, and the rows must be identical.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EJSON } from 'bson';
import { cachePath, cacheable, cachedRowCount, readCollectionCache, readFilteredCache, sourceStamp, writeCollectionCache } from '../src/io/collection-cache.js';
import { readCollectionFile, readJsonLinesFile } from '../src/io/data-files.js';
import { fieldsRead } from '../src/engine/embedded-projection.js';
import { prefilterOf } from '../src/engine/embedded-prefilter.js';
import { Aggregator, ProcessingMode } from '../src/engine/mingo-runtime.js';
import { EMBEDDED_CONTEXT } from '../src/engine/mingo-extensions.js';
import { FIXTURES_DIR, caseOptions, discoverCases, readSchema } from './support/cases.js';
import { run } from '../src/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sqletl-cache-'));

/** Writes the cache of `file` as the reader would, without its size and age conditions. */
function cacheNow(file: string): void {
  writeCollectionCache(file, sourceStamp(file)!, readJsonLinesFile(file));
}

const LINES = [
  '{"_id":1,"n":1.5,"s":"a","d":{"$date":"2024-01-01T00:00:00Z"},"b":true,"z":null,"o":{"x":[1,{"y":"é"}],"d":{"$date":"2023-05-06T07:08:09.010Z"}}}',
  '{"_id":2,"s":"b","n":-0,"extra":[],"d":{"$date":"not a date"}}',
  '{"n":1e300,"_id":3,"s":"a","b":false}',
  '{"_id":4,"s":"ünïcödé \\"quoted\\" \\u2028","n":12345678901234,"o":{}}',
  '{}',
  '{"_id":6,"1":"integer key","a":"x"}',
  '{"_id":7,"s":"lone \\ud800 surrogate","\\udc00":1}',
];

describe('collection cache', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const file = (lines: string[]) => {
    const dir = tmp();
    dirs.push(dir);
    const f = join(dir, 'c.ndjson');
    writeFileSync(f, `${lines.join('\n')}\n`);
    return f;
  };

  it('gives exactly the parsed documents, field order, types, shapes and missing fields included', () => {
    const f = file(LINES);
    cacheNow(f);
    expect(existsSync(cachePath(f))).toBe(true);
    const parsed = readJsonLinesFile(f);
    const cached = readCollectionCache(f)!;
    expect(cached).toStrictEqual(parsed);
    cached.forEach((d, i) => expect(Object.keys(d)).toEqual(Object.keys(parsed[i])));
    expect(Object.is(cached[1].n, -0)).toBe(true);
    expect(Number.isNaN((cached[1].d as Date).getTime())).toBe(true);
    expect(cachedRowCount(f)).toBe(LINES.length);
    // the reader returns the cached documents
    expect(readCollectionFile(f)).toStrictEqual(parsed);
  });

  it('builds only the fields asked for, in the document order, and nothing for a document without them', () => {
    const f = file(LINES);
    cacheNow(f);
    const narrowed = readCollectionCache(f, new Set(['s', '_id', 'nope']))!;
    expect(narrowed).toStrictEqual(readJsonLinesFile(f).map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k === 's' || k === '_id'))));
    expect(Object.keys(narrowed[2])).toEqual(['_id', 's']);
    expect(narrowed[4]).toStrictEqual({});
  });

  it('stores many distinct strings and a dictionary of few alike', () => {
    const lines = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ u: `unique ${i} ✓`, k: `kind ${i % 3}`, n: i % 7 === 0 ? null : i }));
    const f = file(lines);
    cacheNow(f);
    expect(readCollectionCache(f)).toStrictEqual(readJsonLinesFile(f));
    // a lone surrogate (which UTF-8 cannot hold) among many distinct strings
    const g = file([...lines, '{"u":"lone \\ud800 surrogate"}']);
    cacheNow(g);
    const back = readCollectionCache(g)!;
    expect(back).toStrictEqual(readJsonLinesFile(g));
    expect(back.at(-1)!.u).toBe('lone \ud800 surrogate');
  });

  it('is not read once the file changed, even to the same size, and not written from a changed file', () => {
    const f = file(LINES);
    cacheNow(f);
    const stamp = sourceStamp(f)!;
    writeFileSync(f, readFileSync(f, 'utf8').replace('"a"', '"z"')); // same size
    expect(readCollectionCache(f)).toBeUndefined();
    expect(cachedRowCount(f)).toBeUndefined();
    expect(readCollectionFile(f)[0].s).toBe('z');
    // the mtime set back: ctime still differs
    utimesSync(f, Number(stamp.mtimeNs) / 1e9, Number(stamp.mtimeNs) / 1e9);
    expect(readCollectionCache(f)).toBeUndefined();
    // a stamp taken before a change does not get a cache
    const before = sourceStamp(f)!;
    writeFileSync(f, `${LINES[0]}\n`);
    writeCollectionCache(f, before, readJsonLinesFile(f));
    expect(readCollectionCache(f)).toBeUndefined();
  });

  it('a damaged or foreign cache file is no cache', () => {
    const f = file(LINES);
    cacheNow(f);
    const bytes = readFileSync(cachePath(f));
    writeFileSync(cachePath(f), bytes.subarray(0, bytes.length - 9));
    expect(readCollectionCache(f)).toBeUndefined();
    writeFileSync(cachePath(f), 'not a cache');
    expect(readCollectionCache(f)).toBeUndefined();
    expect(readCollectionFile(f)).toStrictEqual(readJsonLinesFile(f));
  });

  it('caches neither values of other Extended JSON types nor "__proto__" fields', () => {
    const f = file(['{"o":{"$oid":"65a1b2c3d4e5f60718293a4b"}}']);
    cacheNow(f);
    expect(existsSync(cachePath(f))).toBe(false);
    const g = file(['{"__proto__":1}']);
    cacheNow(g);
    expect(existsSync(cachePath(g))).toBe(false);
    const h = file(['{"a":{"b":{"__proto__":1}}}']);
    cacheNow(h);
    expect(existsSync(cachePath(h))).toBe(false);
  });

  it('writes a cache only for a large file whose timestamps have settled, and SQLETL_CACHE=off turns it off', () => {
    const f = file(LINES);
    const s = sourceStamp(f)!;
    expect(cacheable(s)).toBe(false); // small and just written
    const big = { ...s, size: String(64 * 1024 * 1024) };
    expect(cacheable(big)).toBe(false); // just written
    const old = String((BigInt(Date.now()) - 10_000n) * 1_000_000n);
    expect(cacheable({ ...big, mtimeNs: old, ctimeNs: old })).toBe(true);
    process.env.SQLETL_CACHE = 'off';
    try {
      expect(cacheable({ ...big, mtimeNs: old, ctimeNs: old })).toBe(false);
      cacheNow(f);
      expect(readCollectionCache(f)).toBeUndefined();
    } finally {
      delete process.env.SQLETL_CACHE;
    }
  });
});

describe('fields a pipeline reads', () => {
  const needs = (coll: string, pipeline: object[]) =>
    Object.fromEntries([...fieldsRead(coll, pipeline as never)].map(([k, v]) => [k, v === 'all' ? 'all' : [...v].filter((x) => x !== '\0').sort()]));

  it('everything when documents leave the pipeline as they are', () => {
    expect(needs('c', [{ $match: { a: 1 } }])).toEqual({ c: 'all' });
    expect(needs('c', [{ $match: { a: 1 } }, { $project: { a: 0 } }])).toEqual({ c: 'all' });
  });
  it('what the stages up to the first that builds new documents name', () => {
    expect(needs('c', [{ $match: { 'a.b': 1, $expr: { $gt: ['$c', 1] } } }, { $group: { _id: '$d', n: { $sum: '$e.f' } } }, { $match: { n: 1 } }])).toEqual({ c: ['_id', 'a', 'c', 'd', 'e', 'n'] });
    expect(needs('c', [{ $project: { a: 1 } }])).toEqual({ c: ['_id', 'a'] });
    expect(needs('c', [{ $count: 'n' }])).toEqual({ c: [] });
  });
  it('everything for $$ROOT, $$CURRENT, $getField without input, an unknown stage', () => {
    expect(needs('c', [{ $replaceWith: { r: '$$ROOT' } }])).toEqual({ c: 'all' });
    expect(needs('c', [{ $group: { _id: null, a: { $push: '$$CURRENT.x' } } }])).toEqual({ c: 'all' });
    expect(needs('c', [{ $replaceWith: { v: { $getField: 'a' } } }])).toEqual({ c: 'all' });
    expect(needs('c', [{ $match: { $where: 'this.a > 1' } }, { $count: 'n' }])).toEqual({ c: 'all' });
    expect(needs('c', [{ $replaceWith: { v: { $getField: { field: 'a', input: '$o' } } } }])).toEqual({ c: ['field', 'input', 'o', 'v'] });
    expect(needs('c', [{ $lookup: { from: 'd', localField: 'a', foreignField: 'b', as: 'j' } }, { $facet: {} }])).toEqual({});
  });
  it("a join's collection: its key, its pipeline's fields and what is read below the join's field", () => {
    expect(
      needs('c', [
        { $lookup: { from: 'd', localField: 'k', foreignField: 'dk', as: 'j', pipeline: [{ $match: { x: 1 } }] } },
        { $unwind: '$j' },
        { $group: { _id: '$j.y', n: { $sum: '$v' } } },
      ]),
    ).toEqual({ c: ['_id', 'j', 'k', 'n', 'v'], d: ['dk', 'x', 'y'] });
    // the join's field read whole (or the stream left as it is): all of the other collection
    expect(needs('c', [{ $lookup: { from: 'd', localField: 'k', foreignField: 'dk', as: 'j' } }, { $replaceWith: { j: '$j' } }])).toEqual({ c: ['j', 'k'], d: 'all' });
    expect(needs('c', [{ $lookup: { from: 'd', localField: 'k', foreignField: 'dk', as: 'j' } }])).toEqual({ c: 'all', d: 'all' });
    // a lookup pipeline that builds new documents needs only what it reads
    expect(needs('c', [{ $lookup: { from: 'd', as: 'j', let: { v: '$k' }, pipeline: [{ $match: { $expr: { $eq: ['$dk', '$$v'] } } }, { $group: { _id: null, s: { $sum: '$w' } } }] } }, { $replaceWith: { j: '$j' } }])).toEqual({ c: ['j', 'k', 'v'], d: ['_id', 'dk', 's', 'w'] });
    // the length of the join's array (EXISTS) reads none of the other collection's fields
    expect(needs('c', [{ $lookup: { from: 'd', localField: 'k', foreignField: 'dk', as: 'j', pipeline: [{ $limit: 1 }] } }, { $match: { $expr: { $gt: [{ $size: '$j' }, 0] } } }, { $count: 'n' }])).toEqual({ c: ['j', 'k'], d: ['dk'] });
    // $unionWith's documents are read by the stages after it
    expect(needs('c', [{ $unionWith: { coll: 'd', pipeline: [{ $match: { q: 1 } }] } }, { $group: { _id: '$g' } }])).toEqual({ c: ['_id', 'g'], d: ['_id', 'g', 'q'] });
  });
});

describe('rows left out while reading (embedded-prefilter.ts)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  // shapes that lack fields, a column of mixed types, NaN-free numbers, dates, a dictionary
  // column and one of distinct strings
  const lines = Array.from({ length: 6000 }, (_, i) => {
    const d: Record<string, unknown> = { _id: i };
    if (i % 11 !== 0) d.n = (i % 50) / 2;
    if (i % 13 !== 0) d.d = { $date: new Date(Date.UTC(2024, 0, 1 + (i % 60))).toISOString() };
    d.k = `kind ${i % 5}`;
    if (i % 17 !== 0) d.u = `unique ${i}`;
    d.m = i % 3 === 0 ? i : i % 3 === 1 ? `${i}` : null;
    // a double column holding NaN (the NaN terms of NaN-aware comparisons)
    if (i % 19 !== 0) d.x = i % 7 === 0 ? { $numberDouble: 'NaN' } : (i % 10) + 0.5;
    return JSON.stringify(d);
  });
  const day = (n: number) => new Date(Date.UTC(2024, 0, n));
  // [name, pipeline, rows left out, every row built certain]
  const matches: [string, Record<string, unknown>[], boolean, boolean][] = [
    ['a number range', [{ $match: { $and: [{ n: { $gte: 3 } }, { n: { $lt: 7.5 } }] } }], true, false],
    ['a date range and a dictionary IN', [{ $match: { d: { $gte: day(10), $lt: day(20) } } }, { $match: { k: { $in: ['kind 1', 'kind 3'] } } }], true, false],
    ['implicit equality on distinct strings', [{ $match: { u: 'unique 42' } }], true, false],
    ['$ne and $nin', [{ $match: { $and: [{ n: { $ne: 0 } }, { k: { $nin: ['kind 0'] } }] } }], true, false],
    ['an OR of conjunctions', [{ $match: { $or: [{ n: { $lte: 1 }, k: 'kind 2' }, { d: { $eq: day(5) } }] } }], true, false],
    ['an OR with a branch it cannot read: every row', [{ $match: { $or: [{ n: { $lte: 1 } }, { $expr: { $gt: ['$n', 20] } }] } }], false, false],
    ['a column of mixed types: every row', [{ $match: { m: { $eq: 3 } } }], false, false],
    ['a literal of another type: every row', [{ $match: { n: { $gt: '3' } } }], false, false],
    ['string order is not read: every row', [{ $match: { k: { $gt: 'kind 2' } } }], false, false],
    // a $regex that is a literal prefix (LIKE 'abc%'): a dictionary column, distinct strings, an OR of them
    ['a literal prefix $regex on a dictionary column (every row has it: certain)', [{ $match: { k: { $regex: '^kind 1', $options: 's' } } }], true, true],
    ['an OR of literal prefixes on distinct strings', [{ $match: { $or: [{ u: { $regex: '^unique 12' } }, { u: { $regex: '^unique 5', $options: 's' } }] } }], true, false],
    ['a prefix $regex on a number column, or with other options or characters: every row', [{ $match: { $or: [{ n: { $regex: '^1' } }, { k: { $regex: '^KIND', $options: 'i' } }, { u: { $regex: '^unique 1.' } }] } }], false, false],
    ['a prefix $regex on a column of mixed types: every row', [{ $match: { m: { $regex: '^1' } } }], false, false],
    ['= null: only rows without the field', [{ $match: { n: { $eq: null } } }], true, false],
    ['a NaN-aware greater-than: an OR with the NaN term', [{ $match: { $or: [{ x: { $gt: 6 } }, { x: NaN }] } }], true, false],
    ['a NaN-aware less-than: $ne NaN', [{ $match: { x: { $lt: 3, $ne: NaN } } }], true, false],
    // fields every row has: the verdicts are certain, and the $match can be left out
    ['a dictionary IN and a key range, on fields every row has', [{ $match: { k: { $in: ['kind 1', 'kind 3', null] } } }, { $match: { _id: { $gte: 100, $lt: 4000 } } }], true, true],
    ['an OR and $ne null on fields every row has', [{ $match: { $or: [{ _id: { $lt: 10 } }, { k: { $nin: ['kind 0', 'kind 1'] } }], k: { $ne: null } } }], true, true],
  ];
  it.each(matches)('%s: keeps every row the $match keeps', (_name, pipeline, prunes, exact) => {
    const dir = tmp();
    dirs.push(dir);
    const f = join(dir, 'c.ndjson');
    writeFileSync(f, `${lines.join('\n')}\n`);
    cacheNow(f);
    const all = readCollectionCache(f)!;
    const pre = prefilterOf(pipeline);
    const { docs: built, allKept } = readFilteredCache(f, undefined, pre?.filter)!;
    const run = (docs: unknown[]) => new Aggregator(pipeline, { processingMode: ProcessingMode.CLONE_INPUT, context: EMBEDDED_CONTEXT }).run(docs as never[]);
    expect(run(built)).toStrictEqual(run(all));
    if (prunes) expect(built.length).toBeLessThan(all.length);
    else expect(built.length).toBe(all.length);
    // every row built certainly passes: they are the $match's rows themselves
    if (allKept) expect(built).toStrictEqual(run(all));
    expect(allKept).toBe(exact);
  });
  it('reads only leading $match stages', () => {
    expect(prefilterOf([{ $set: { n: 1 } }, { $match: { n: 1 } }])).toBeUndefined();
    expect(prefilterOf([{ $match: { n: 1 } }, { $set: { n: 2 } }, { $match: { n: 3 } }])?.key).toBe('"n"$eq[1]');
  });
});

describe('grammar cases on cached, narrowed collections', () => {
  const schema = readSchema();
  const cases = discoverCases().filter((c) => !c.error);

  /** the fixtures as .ndjson, in a directory of their own, cached or not */
  function ndjsonFixtures(cached: boolean): string {
    const dir = tmp();
    cpSync(FIXTURES_DIR, dir, { recursive: true });
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.json')) continue;
      const docs = EJSON.parse(readFileSync(join(dir, f), 'utf8'), { relaxed: false }) as unknown[];
      const target = join(dir, f.replace(/\.json$/, '.ndjson'));
      writeFileSync(target, docs.map((d) => `${EJSON.stringify(d, { relaxed: true })}\n`).join(''));
      rmSync(join(dir, f));
      // a file read only through its declared float columns (wide_floats) is never cached (data-files.ts)
      if (cached && !/\d{21}/.test(readFileSync(target, 'utf8'))) cacheNow(target);
    }
    return dir;
  }

  it('every case returns the same rows (or the same error) with the cache as without it', { timeout: 600_000 }, async () => {
    const plain = ndjsonFixtures(false);
    const cached = ndjsonFixtures(true);
    expect(readdirSync(join(cached, '.sqletl-cache')).length).toBeGreaterThan(0);
    const outcome = async (sql: string, opts: object, dataDir: string): Promise<unknown> => {
      try {
        const res = await run(sql, { ...opts, dataDir });
        const last = res.statements.at(-1);
        return { columns: last?.columns, rows: last?.rows };
      } catch (err) {
        return { error: (err as Error).message };
      }
    };
    const differ: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const opts = caseOptions(c, schema);
      // a writing case gets fresh copies (its writes must not reach the next case)
      const writes = /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|DROP|CREATE|REFRESH|COPY)\b/i.test(c.sql);
      const [a, b] = writes ? [ndjsonFixtures(false), ndjsonFixtures(true)] : [plain, cached];
      const x = await outcome(c.sql, opts, a);
      const y = await outcome(c.sql, opts, b);
      if (writes) for (const d of [a, b]) rmSync(d, { recursive: true, force: true });
      compared++;
      try {
        expect(y).toStrictEqual(x);
      } catch {
        differ.push(`${c.file}: ${JSON.stringify(x).slice(0, 300)} ≠ ${JSON.stringify(y).slice(0, 300)}`);
      }
    }
    for (const d of [plain, cached]) rmSync(d, { recursive: true, force: true });
    expect(differ).toEqual([]);
    expect(compared).toBe(cases.length);
  });
});
