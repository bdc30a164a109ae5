import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { run } from '../src/index.js';

/**
 * SELECT results delivered batch by batch (RunOptions.onRows, what `run --json`
 * uses): the engine's cursor is read in batches of batchSize and nothing collects
 * the rows; the batches put together are the rows a plain run returns.
 */
const dir = mkdtempSync(join(tmpdir(), 'sqletl-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('onRows receives the rows in batches of batchSize, in order, and the result holds none', async () => {
  writeFileSync(join(dir, 'n.ndjson'), Array.from({ length: 2500 }, (_, i) => JSON.stringify({ _id: i, v: i % 13 })).join('\n') + '\n');
  const schema = 'CREATE TABLE n (_id int, v int);';
  const sql = 'SELECT _id, v * 2 AS w FROM n WHERE v <> 3 ORDER BY _id;';
  const batches: { statement: number; columns: string[]; size: number }[] = [];
  const streamed: unknown[][] = [];
  const r = await run(sql, {
    dataDir: dir,
    schema,
    batchSize: 1000,
    onRows: (statement, columns, rows) => {
      batches.push({ statement, columns, size: rows.length });
      streamed.push(...rows);
    },
  });
  const plain = await run(sql, { dataDir: dir, schema });
  const expected = plain.statements[0].rows!;
  expect(expected.length).toBe(2500 - Math.ceil((2500 - 3) / 13));
  expect(streamed).toEqual(expected);
  expect(batches.map((b) => b.size)).toEqual([0, 1000, 1000, expected.length - 2000]);
  expect(batches.every((b) => b.statement === 1 && b.columns.join() === '_id,w')).toBe(true);
  expect(r.statements[0].rows).toBeUndefined();
  expect(r.statements[0]).toMatchObject({ columns: ['_id', 'w'], rowCount: expected.length });
});

test('COPY … TO writes batch by batch the same bytes as in one piece (csv with header, json array, ndjson, text)', async () => {
  const { readFileSync } = await import('node:fs');
  const schema = 'CREATE TABLE n (_id int, v int);';
  for (const format of ["csv, HEADER true", "'json'", 'ndjson', 'text']) {
    const sql = (file: string) => `COPY (SELECT _id, v, 'a,"b"' || v AS s FROM n WHERE _id < 10 ORDER BY _id) TO '${file}' WITH (FORMAT ${format});`;
    await run(sql(join(dir, 'one.out')), { dataDir: dir, schema, batchSize: 1000 });
    const r = await run(sql(join(dir, 'many.out')), { dataDir: dir, schema, batchSize: 3 });
    expect(r.statements[0].rowCount).toBe(10);
    expect(readFileSync(join(dir, 'many.out'), 'utf8')).toBe(readFileSync(join(dir, 'one.out'), 'utf8'));
  }
  // an empty result: a header alone, and []
  await run(`COPY (SELECT _id FROM n WHERE false) TO '${join(dir, 'e.csv')}' WITH (FORMAT csv, HEADER true);`, { dataDir: dir, schema, batchSize: 3 });
  expect(readFileSync(join(dir, 'e.csv'), 'utf8')).toBe('_id\n');
  await run(`COPY (SELECT _id FROM n WHERE false) TO '${join(dir, 'e.json')}' WITH (FORMAT 'json');`, { dataDir: dir, schema, batchSize: 3 });
  expect(readFileSync(join(dir, 'e.json'), 'utf8')).toBe('[]\n');
});
