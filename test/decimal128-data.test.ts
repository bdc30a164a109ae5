/**
 * Decimal128 (`{"$numberDecimal": …}`, as mongoexport writes money) in a data file, read
 * into a numeric column, against PostgreSQL (PGlite) holding the same decimals
 * (src/io/json-decimals.ts). Before, the embedded engine kept them as Decimal128 objects:
 * `sum` skipped them, `min`/`max` and `>` ordered them after every number, `+` failed
 * with mingo's raw message. Also: numeric beside double precision is compared and
 * computed in double precision, as PostgreSQL casts it (src/sql/bind-expr.ts
 * asDoubleBeside), which matters where a MongoDB collection holds Decimal128.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { compareTables } from './support/compare.js';
import { fromPg } from './support/pglite.js';

const DECIMALS = ['19.99', '2.50', '0.1', '-0', '1E+3', '1.0000000000001', '-7.25', 'NaN', '1000', null];
const DOUBLES = [1000, 0.1, 2.5, 3, null];
const SCHEMA = 'CREATE TABLE prices (_id int PRIMARY KEY, amount numeric); CREATE TABLE rates (_id int PRIMARY KEY, r double precision);';

const QUERIES = [
  'SELECT sum(amount), count(amount), min(amount), max(amount) FROM prices',
  'SELECT avg(amount) FILTER (WHERE amount < 100) FROM prices',
  'SELECT _id, amount + 1, amount * 2, -amount, abs(amount), round(amount, 1) FROM prices',
  'SELECT _id FROM prices WHERE amount > 2.5',
  'SELECT _id FROM prices WHERE amount BETWEEN 0.1 AND 19.99',
  'SELECT amount, count(*) FROM prices GROUP BY amount',
  'SELECT _id, amount FROM prices ORDER BY amount, _id',
  'SELECT _id FROM prices WHERE amount IN (SELECT r FROM rates)',
  'SELECT _id FROM rates WHERE r IN (SELECT amount FROM prices)',
  'SELECT p._id, r._id FROM prices p JOIN rates r ON p.amount = r.r',
  'SELECT p._id, r._id, p.amount < r.r, p.amount + r.r FROM prices p, rates r',
  'SELECT amount FROM prices UNION SELECT r FROM rates',
  'SELECT coalesce(amount, r) FROM prices p JOIN rates r ON p._id = r._id',
  'SELECT _id, amount::int, amount::float8 FROM prices WHERE amount <> \'NaN\'',
];

let pg: PGlite;
let dataDir: string;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(SCHEMA);
  for (const [i, v] of DECIMALS.entries()) await pg.query('INSERT INTO prices VALUES ($1, $2::numeric)', [i, v]);
  for (const [i, v] of DOUBLES.entries()) await pg.query('INSERT INTO rates VALUES ($1, $2)', [i, v]);
  dataDir = mkdtempSync(join(tmpdir(), 'sqletl-decimal128-'));
  writeFileSync(join(dataDir, 'prices.ndjson'), DECIMALS.map((v, i) => `{"_id": ${i}, "amount": ${v === null ? 'null' : `{"$numberDecimal": "${v}"}`}}`).join('\n') + '\n');
  writeFileSync(join(dataDir, 'rates.ndjson'), DOUBLES.map((v, i) => JSON.stringify({ _id: i, r: v })).join('\n') + '\n');
});
afterAll(async () => {
  await pg?.close();
});

describe('Decimal128 values of a data file equal PostgreSQL numeric', () => {
  for (const sql of QUERIES) {
    test(sql, async () => {
      const ref = await pg.query(sql, [], { rowMode: 'array' });
      const expected = { columns: ref.fields.map((f) => f.name), rows: (ref.rows as unknown[][]).map((r) => r.map((v, i) => fromPg(v, ref.fields[i].dataTypeID))) };
      const res = await run(sql, { dataDir, schema: SCHEMA });
      const last = res.statements.at(-1)!;
      const cmp = compareTables(expected, { columns: last.columns ?? [], rows: last.rows ?? [] }, /ORDER BY/.test(sql));
      expect(cmp.diff).toBe('');
      expect(cmp.ok).toBe(true);
    });
  }

  test('a Decimal128 a double does not hold exactly is refused at its line and column, never rounded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-decimal128-'));
    writeFileSync(join(dir, 'prices.ndjson'), '{"_id": 1, "amount": {"$numberDecimal": "2.5"}}\n{"_id": 2, "amount": {"$numberDecimal": "1.000000000000000000001"}}\n');
    await expect(run('SELECT sum(amount) FROM prices', { dataDir: dir, schema: SCHEMA })).rejects.toThrow(/prices\.ndjson:2:42: the Decimal128 1\.000000000000000000001 has more digits than a double holds exactly/);
  });
});
