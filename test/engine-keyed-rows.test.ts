/**
 * A keyed `$lookup` inside another one's pipeline builds each key's foreign rows when
 * first asked for, from a column cache (src/engine/keyed-rows.ts), instead of hashing the
 * whole collection: the rows per key must be those the whole hash gives (the same key
 * equality: numbers by value, dates by time, strings by text, missing as null, nothing
 * across types), in collection order, and SQL over cached and uncached data must agree.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EJSON } from 'bson';
import { keyedRows } from '../src/engine/keyed-rows.js';
import { prefilterOf } from '../src/engine/embedded-prefilter.js';
import { readColumnTable, readRowTable, sourceStamp, writeCollectionCache } from '../src/io/collection-cache.js';
import { dataDirs } from './support/data-dirs.js';
import { readJsonLinesFile } from '../src/io/data-files.js';
import { run } from '../src/index.js';

type Doc = Record<string, unknown>;
const day = (n: number) => new Date(Date.UTC(2024, 0, n));
// integer keys in a narrow range (the counting index), wide integers and fractions (the Map),
// strings kept as a dictionary and as text, dates; some rows lack each field
const rows: Doc[] = Array.from({ length: 2000 }, (_, i) => {
  const d: Doc = { _id: i, v: i % 97 };
  if (i % 13 !== 0) d.k = i % 300;
  if (i % 11 !== 0) d.w = i % 7 === 0 ? 1e12 + i : (i % 50) / 4;
  if (i % 17 !== 0) d.s = `s${i % 40}`;
  if (i % 19 !== 0) d.t = `text number ${i % 600} ${'x'.repeat(i % 5)}`;
  if (i % 23 !== 0) d.d = day(1 + (i % 60));
  return d;
});
const keyOf = (v: unknown) => (v instanceof Date ? `d${v.getTime()}` : typeof v === 'object' && v !== null ? JSON.stringify(v) : v);

describe('keyedRows: the rows of one key, as the whole hash finds them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-keyed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'r.ndjson');
  writeFileSync(file, rows.map((d) => EJSON.stringify(d, { relaxed: true })).join('\n') + '\n');
  writeCollectionCache(file, sourceStamp(file)!, readJsonLinesFile(file));
  const probes: unknown[] = [0, 1, 299, 300, -1, 1.5, 2.25, 1e12 + 7, -0, NaN, 's1', 's39', 'zz', '1', 'text number 5 x', null, undefined, true, day(3), day(61), { a: 1 }];
  // a ColumnTable read whole (with the column test of leading stages), and one read a value at a time
  // (readRowTable: no column test; the fields other than the key read per row, then whole after many rows)
  for (const field of ['k', 'w', 's', 't', 'd']) {
    for (const [how, leading] of [['whole', []], ['whole', [{ $match: { v: { $gte: 50 } } }]], ['per row', []]] as const) {
      it(`${field}, ${how}${leading.length ? ', with a leading $match' : ''}`, () => {
        const fields = new Set(['_id', 'v', 'd', 't', field]);
        const prefilter = prefilterOf(leading);
        const rowTable = how === 'per row' ? readRowTable(file, fields, field) : undefined;
        const table = rowTable ?? readColumnTable(file, fields, prefilter?.filter);
        expect(table).toBeDefined();
        const keyed = keyedRows(table!, field)!;
        expect(keyed).toBeDefined();
        for (const probe of probes) {
          const want = rows
            .filter((r) => keyOf(r[field] ?? null) === keyOf(probe ?? null) || (Number.isNaN(probe) && Number.isNaN(r[field])))
            .filter((r) => !leading.length || (r.v as number) >= 50)
            .map((r) => r._id);
          const got = keyed.rowsFor(probe);
          // rows the column test could not decide come back for the leading stages to judge: none here
          if (leading.length) expect(got.allKept).toBe(true);
          expect(got.docs.map((d) => d._id)).toEqual(want);
          for (const d of got.docs) expect(d).toStrictEqual(Object.fromEntries(Object.entries(rows[d._id as number]).filter(([f]) => fields.has(f))));
        }
        rowTable?.close();
      });
    }
  }
  it('per row: every key asked for (each column read whole after its budget of positioned reads)', () => {
    const fields = new Set(['_id', 'v', 'w', 's', 't', 'd', 'k']);
    const table = readRowTable(file, fields, 'k')!;
    const keyed = keyedRows(table, 'k')!;
    const got = [null, ...Array.from({ length: 300 }, (_, i) => i)].flatMap((k) => keyed.rowsFor(k).docs);
    table.close();
    got.sort((a, b) => (a._id as number) - (b._id as number));
    expect(got).toStrictEqual(rows);
  });
  it('a column no row of the table has, and an empty table', () => {
    const only = join(dir, 'missing.ndjson');
    writeFileSync(only, rows.map((r) => JSON.stringify({ _id: r._id, k: r._id === 0 ? 1 : undefined })).join('\n') + '\n');
    writeCollectionCache(only, sourceStamp(only)!, readJsonLinesFile(only));
    const keyed = keyedRows(readColumnTable(only, new Set(['_id', 'k']), prefilterOf([{ $match: { _id: { $gt: 0 } } }])?.filter)!, 'k')!;
    expect(keyed.rowsFor(1).docs).toEqual([]);
    expect(keyed.rowsFor(null).docs.length).toBe(rows.length - 1);
  });
});

describe('a keyed $lookup inside another one (SQL, cached against not cached)', () => {
  const dirs = dataDirs('sqletl-keyed-sql-');
  afterAll(() => dirs.cleanup());
  const outer: Doc[] = Array.from({ length: 40 }, (_, i) => ({ _id: i, k: i * 7 - 3, s: `s${i % 45}` }));
  const middle: Doc[] = Array.from({ length: 600 }, (_, i) => ({ _id: i, mk: i % 50, k: (i * 3) % 310, s: `s${i % 41}`, q: i % 9 }));
  const dataDir = (cached: boolean) => dirs.make({ o: outer, m: middle, r: rows }, cached);
  const plain = dataDir(false);
  const cached = dataDir(true);
  const queries = [
    // TPC-H q20's shape: IN over a subquery comparing with a correlated sum over r
    'SELECT o._id FROM o WHERE o.k IN (SELECT m.mk FROM m WHERE m.q > (SELECT 0.01 * sum(r.v) FROM r WHERE r.k = m.k AND r.s = m.s AND r.v > 10)) ORDER BY 1',
    'SELECT o._id, (SELECT count(*) FROM m WHERE m.mk = o._id AND EXISTS (SELECT 1 FROM r WHERE r.k = m.k AND r.v < 30)) AS n FROM o ORDER BY 1',
    'SELECT o._id FROM o WHERE EXISTS (SELECT 1 FROM m WHERE m.mk = o._id AND NOT EXISTS (SELECT 1 FROM r WHERE r.s = m.s AND r.v = m.q)) ORDER BY 1',
    'SELECT o._id, (SELECT max(x) FROM (SELECT (SELECT min(r.d) FROM r WHERE r.k = m.k) AS x FROM m WHERE m.mk = o._id) t) AS first FROM o ORDER BY 1',
    'SELECT o._id, (SELECT sum(x) FROM (SELECT (SELECT sum(r.v) FROM r WHERE r.k = m.k AND r.v > 10) AS x FROM m WHERE m.mk = o._id) t) AS s FROM o ORDER BY 1',
  ];
  for (const sql of queries) {
    it(sql, async () => {
      const result = async (d: string) => (await run(sql, { dataDir: d, journal: false })).statements.at(-1)?.rows;
      const a = await result(plain);
      expect(a?.length).toBeGreaterThan(0);
      expect(await result(cached)).toStrictEqual(a);
    });
  }
});
