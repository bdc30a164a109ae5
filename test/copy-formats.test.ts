/**
 * COPY TO writes values as PostgreSQL's COPY writes them (issue 6): the same rows
 * loaded into sqletl and into PostgreSQL (PGlite), then `COPY … TO` on both sides,
 * compared byte for byte (text and CSV) or as parsed JSON against row_to_json.
 * Also: the streamed JSON reader does not depend on where chunks split its input.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { readJsonRows } from '../src/io/copy-json.js';

const TABLE = 'CREATE TABLE ev (id int, name text, amount numeric, ok boolean, day date, at timestamp, at_tz timestamptz, doc jsonb, tags text[])';
const ROWS = [
  { id: 1, name: 'a', amount: 1.5, ok: true, day: '2024-01-05', at: '2024-01-05T10:30:00.5', at_tz: '2024-01-05T10:30:00Z', doc: { b: [1, 2], a: { x: null }, ccc: 'z' }, tags: ['x', 'y z'] },
  { id: 2, name: 'tab\there, "quoted"', amount: null, ok: false, day: null, at: '2024-02-29T23:59:59', at_tz: null, doc: null, tags: [] },
  { id: 3, name: null, amount: -3, ok: null, day: '1999-12-31', at: null, at_tz: '2000-01-01T00:00:00.123Z', doc: [1, 'x'], tags: null },
  { id: 4, name: '', amount: 0.25, ok: true, day: '2000-02-29', at: '2000-01-01T00:00:00.01', at_tz: '2031-06-30T12:00:00.999Z', doc: {}, tags: ['NULL', ''] },
];
/** the same rows as relaxed Extended JSON lines for sqletl: dates as {"$date": …} */
const NDJSON = ROWS.map((r) => JSON.stringify({ ...r, day: r.day && { $date: `${r.day}T00:00:00Z` }, at: r.at && { $date: `${r.at}Z` }, at_tz: r.at_tz && { $date: r.at_tz } })).join('\n') + '\n';

let pg: PGlite;
let dir: string;

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec(`SET TIME ZONE 'UTC'; ${TABLE};`);
  await pg.query(`INSERT INTO ev SELECT * FROM json_populate_recordset(NULL::ev, $1::json)`, [JSON.stringify(ROWS)]);
  dir = mkdtempSync(join(tmpdir(), 'sqletl-copyfmt-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'ev.ndjson'), NDJSON);
});
afterAll(async () => {
  await pg.close();
});

async function pgCopy(copy: string): Promise<string> {
  const res = await pg.query(copy.replace(/TO 'out\.\w+'/, `TO '/dev/blob'`));
  return (await res.blob!.text()) as string;
}

async function sqletlCopy(copy: string, ext: string): Promise<string> {
  const file = join(dir, 'job.sql');
  const data = mkdtempSync(join(dir, 'data-'));
  writeFileSync(file, `${TABLE}; COPY ev FROM 'ev.ndjson' WITH (FORMAT ndjson); ${copy};`);
  await run(readFileSync(file, 'utf8'), { file, dataDir: data });
  return readFileSync(join(dir, `out.${ext}`), 'utf8');
}

// each test loads PostgreSQL (PGlite) and runs COPYs of a few thousand rows: slow on a busy 2-core machine
describe('COPY TO prints values as PostgreSQL does', { timeout: 180_000 }, () => {
  for (const [what, copy] of [
    ['CSV with a header', `COPY (SELECT * FROM ev ORDER BY id) TO 'out.csv' WITH (FORMAT csv, HEADER)`],
    ['text (tab-separated, \\N for NULL)', `COPY (SELECT * FROM ev ORDER BY id) TO 'out.txt'`],
    ['expressions over dates and timestamps', `COPY (SELECT id, day + 1 AS next_day, at::date AS at_day, date_trunc('hour', at) AS hour, at_tz::timestamp AS naive, date_trunc('hour', at_tz) AS tz_hour, coalesce(at_tz, at_tz + interval '1 day') AS tz_next, ok AND id > 1 AS both FROM ev ORDER BY id) TO 'out.csv' WITH (FORMAT csv)`],
  ] as const) {
    test(what, async () => {
      const ext = copy.match(/out\.(\w+)/)![1];
      expect(await sqletlCopy(copy, ext)).toBe(await pgCopy(copy));
    });
  }

  test("FORMAT 'json': each object as row_to_json makes it (dates, timestamps with and without zone, nested jsonb)", async () => {
    const ours = JSON.parse(await sqletlCopy(`COPY (SELECT id, name, amount, ok, day, at, at_tz, doc FROM ev ORDER BY id) TO 'out.json' WITH (FORMAT 'json')`, 'json')) as unknown[];
    const res = await pg.query<{ j: string }>('SELECT row_to_json(r)::text AS j FROM (SELECT id, name, amount, ok, day, at, at_tz, doc FROM ev ORDER BY id) r');
    expect(ours).toEqual(res.rows.map((r) => JSON.parse(r.j)));
  });
});

describe('the streamed JSON reader', () => {
  const arrayText = '[\n  {"id": 1, "s": "a,]}\\"["},\n  {"id": 2, "n": {"deep": [1, {"x": "}"}]}},\n\n  {"id": 3, "d": {"$date": "2024-01-01T00:00:00Z"}}\n]\n';
  const linesText = '{"id": 1}\n\n{"id": 2, "s": "é ü"}\r\n{"id": 3}';

  async function rows(text: string, cut: number): Promise<unknown[]> {
    const bytes = Buffer.from(text);
    const out: unknown[] = [];
    for await (const r of readJsonRows(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)], { objectMode: false }), 'f')) out.push([r.line, r.values]);
    return out;
  }

  test('arrays and lines give the same rows and lines wherever the input is cut (even inside a UTF-8 character)', async () => {
    const whole = await rows(arrayText, 0);
    expect(whole.map((r) => (r as [number])[0])).toEqual([2, 3, 5]);
    for (let cut = 1; cut < Buffer.byteLength(arrayText); cut++) expect(await rows(arrayText, cut)).toEqual(whole);
    const lines = await rows(linesText, 0);
    expect(lines.map((r) => (r as [number])[0])).toEqual([1, 3, 4]);
    for (let cut = 1; cut < Buffer.byteLength(linesText); cut++) expect(await rows(linesText, cut)).toEqual(lines);
  });

  test('errors name the line: a bad element, a scalar element, an unclosed array', async () => {
    await expect(rows('[\n{"a": 1},\n{"a": }\n]', 0)).rejects.toThrow(/^f:3: /);
    await expect(rows('[{"a": 1}, 2]', 0)).rejects.toThrow(/f:1: element 2 of the array is not a document/);
    await expect(rows('[\n{"a": 1},\n', 0)).rejects.toThrow(/f:3: the JSON array is not closed/);
  });
});
