/**
 * A real column of a table declared in --schema holds whatever the data has; sqletl reads
 * it as the single PostgreSQL would hold (src/mongo/lower-stored-real.ts). The grammar
 * cases (grammar-tests/real/stored-*) compare values PostgreSQL can store with PGlite;
 * these are the values it could not have stored, which fail the statement naming the
 * column, and the rows a WHERE drops before the rounding (src/plan/filter-stored-reads.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run, SqlEtlError } from '../src/index.js';

const schema = 'CREATE TABLE odd (_id int, r real, note text);';
const docs = [
  { _id: 1, r: 3.4e39, note: 'past the largest single' },
  { _id: 2, r: 1e-50, note: 'rounds to 0' },
  { _id: 3, r: 'abc', note: 'text that is no number' },
  { _id: 4, r: true, note: 'a boolean' },
  { _id: 5, r: { $numberDouble: 'NaN' }, note: 'NaN' },
  { _id: 6, r: 1.0000000596046448, note: 'a double halfway between two singles' },
  { _id: 7, r: ' 2.5 ', note: 'text with blanks' },
  { _id: 8, r: '-Infinity', note: 'an infinity spelled as text' },
  { _id: 9, r: 16777217, note: 'an integer halfway between two singles' },
  { _id: 10, r: '', note: 'empty text' },
  { _id: 11, r: 324.78, note: 'a double' },
];

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sqletl-stored-real-'));
  writeFileSync(join(dataDir, 'odd.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function rowsOf(sql: string): Promise<unknown[][]> {
  const result = await run(sql, { dataDir, schema, file: 'job.sql' });
  return result.statements.at(-1)!.rows!;
}

async function errorOf(sql: string): Promise<SqlEtlError> {
  const err = await run(sql, { dataDir, schema, file: 'job.sql' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SqlEtlError);
  return err as SqlEtlError;
}

describe('a stored real PostgreSQL could not have stored', () => {
  test.each([
    [1, 'numeric-value-out-of-range', /real column "r" holds 3\.4e\+?39, which is out of range for type real/],
    [2, 'numeric-value-out-of-range', /real column "r" holds 1e-50, which is out of range for type real/],
    [3, 'invalid-text-representation', /real column "r" holds "abc", which is not a number/],
    [4, 'invalid-text-representation', /real column "r" holds a value of type bool, which is not a number/],
    [5, 'feature-not-supported', /real column "r" holds NaN/],
    [6, 'feature-not-supported', /real column "r" holds 1\.0000000596046448, halfway between two singles/],
    [10, 'invalid-text-representation', /real column "r" holds "", which is not a number/],
  ])('row %i fails the statement where the column is read', async (id, code, message) => {
    const err = await errorOf(`SELECT r FROM odd WHERE _id = ${id};`);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    // at the table in FROM, whose rows are rounded as they are read
    expect(err.span).toEqual({ start: 14, end: 17 });
  });

  test('an UPDATE reading the column fails the same way', async () => {
    const err = await errorOf('UPDATE odd SET note = r::float8::text WHERE _id = 1;');
    expect(err.code).toBe('numeric-value-out-of-range');
  });
});

/** What PostgreSQL stores for each text: `text::real::float8` (the rows sqletl must read back). */
async function singlesOf(texts: string[]): Promise<number[]> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite();
  try {
    const out: number[] = [];
    for (const t of texts) out.push(Number((await pg.query<{ v: string }>('SELECT $1::real::float8::text AS v', [t])).rows[0].v));
    return out;
  } finally {
    await pg.close();
  }
}

describe('values PostgreSQL stores', () => {
  test('text is read as float4in reads it; an integer tie rounds to even; a double to its single', async () => {
    const expected = await singlesOf([' 2.5 ', '-Infinity', '16777217', '324.78']);
    expect(await rowsOf('SELECT _id, r::float8 FROM odd WHERE _id IN (7, 8, 9, 11) ORDER BY _id;')).toEqual([7, 8, 9, 11].map((id, i) => [id, expected[i]]));
  });

  test('UPDATE reads the singles: it writes the rounded value back and computes on it', async () => {
    const [single, doubled] = await singlesOf(['324.78', String(2 * (await singlesOf(['324.78']))[0])]);
    const rows = await rowsOf("UPDATE odd SET note = 'x', r = r * 2 WHERE _id = 11; SELECT r::float8 FROM odd WHERE _id = 11;");
    expect(rows).toEqual([[doubled]]);
    expect(doubled).toBe(2 * single);
    writeFileSync(join(dataDir, 'odd.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  });

  test('a WHERE that does not read the column drops rows before they are rounded', async () => {
    expect(await rowsOf("SELECT _id FROM odd WHERE note LIKE 'a double' ORDER BY _id;")).toEqual([[11]]);
    expect(await rowsOf('SELECT count(*) FROM odd WHERE _id IN (7, 9, 11) AND r > 0;')).toEqual([[3]]);
  });

  test('a query that reads no real column does not round', async () => {
    expect(await rowsOf('SELECT count(*), max(_id) FROM odd;')).toEqual([[11, 11]]);
  });
});
