/**
 * COPY … FORMAT parquet (issue 6): both ways, round trips, typing by the target's
 * declared columns with rejects at their row numbers, reading a file of several row
 * groups. PGlite has no parquet, so the reference is PostgreSQL loading the same
 * rows from CSV: the table a parquet file loads must equal the table PostgreSQL
 * loads from the CSV that holds the same rows.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { parquetMetadataAsync, asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { fromPg } from './support/pglite.js';

function workspace(): { dir: string; data: string; job: (sql: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-parquet-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  return { dir, data, job: (sql) => (writeFileSync(join(dir, 'job.sql'), sql), join(dir, 'job.sql')) };
}

const COLUMNS = 'id int, name text, amount numeric, ok boolean, born date, seen timestamp';
/** Rows as CSV, the form PostgreSQL loads them in; NULL is the empty field. */
const CSV = ['1,ann,12.5,true,2024-01-05,2024-01-05 10:30:00.5', '2,"bo, jr",,false,,2024-02-29 23:59:59', '3,,-3,,1999-12-31,', '4,dee,0.25,true,2000-02-29,2000-01-01 00:00:00'].join('\n') + '\n';

async function pgFromCsv(csv: string, columns: string, query: string): Promise<unknown[][]> {
  const pg = new PGlite();
  try {
    await pg.exec(`SET TIME ZONE 'UTC'; CREATE TABLE t (${columns});`);
    await pg.query(`COPY t FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    const res = await pg.query<unknown[]>(query, [], { rowMode: 'array' });
    return res.rows.map((r) => r.map((v, i) => fromPg(v, res.fields[i].dataTypeID)));
  } finally {
    await pg.close();
  }
}

// each test loads PostgreSQL (PGlite) and runs COPYs of a few thousand rows: slow on a busy 2-core machine
describe('COPY … FORMAT parquet', { timeout: 180_000 }, () => {
  test('TO parquet, then FROM parquet into a declared table: the same rows PostgreSQL loads from the CSV', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'rows.csv'), CSV);
    const file = w.job(`CREATE TABLE t (${COLUMNS});
      COPY t FROM 'rows.csv' WITH (FORMAT csv);
      COPY t TO 'out/t.parquet' WITH (FORMAT parquet);
      CREATE TABLE back (${COLUMNS});
      COPY back FROM 'out/t.parquet' WITH (FORMAT parquet);
      SELECT * FROM back ORDER BY id;`);
    const r = await run(readFileSync(file, 'utf8'), { file, dataDir: w.data });
    expect(r.statements[2]).toMatchObject({ kind: 'copy', rowCount: 4 });
    expect(r.statements[4]).toMatchObject({ kind: 'copy', inserted: 4, rejected: 0, rowsRead: 4 });
    expect(r.statements[5].rows).toEqual(await pgFromCsv(CSV, COLUMNS, 'SELECT * FROM t ORDER BY id'));
    // the file is real parquet, typed by the table's columns
    const buf = await asyncBufferFromFile(join(w.dir, 'out', 't.parquet'));
    const meta = await parquetMetadataAsync(buf);
    expect(meta.schema.slice(1).map((s) => [s.name, s.type, s.converted_type])).toEqual([
      ['id', 'INT64', undefined],
      ['name', 'BYTE_ARRAY', 'UTF8'],
      ['amount', 'DOUBLE', undefined],
      ['ok', 'BOOLEAN', undefined],
      ['born', 'INT32', 'DATE'],
      ['seen', 'INT64', 'TIMESTAMP_MILLIS'],
    ]);
    expect(Number(meta.num_rows)).toBe(4);
  });

  test('COPY (SELECT …) TO parquet: a query\'s columns and types, read back by hyparquet', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'rows.csv'), CSV);
    const file = w.job(`CREATE TABLE t (${COLUMNS});
      COPY t FROM 'rows.csv' WITH (FORMAT csv);
      COPY (SELECT id * 10 AS tens, upper(name) AS name, born + 1 AS next_day FROM t WHERE id <= 3 ORDER BY id) TO 'q.parquet' WITH (FORMAT parquet);`);
    await run(readFileSync(file, 'utf8'), { file, dataDir: w.data });
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(w.dir, 'q.parquet')) });
    const expected = await pgFromCsv(CSV, COLUMNS, 'SELECT id * 10 AS tens, upper(name) AS name, born + 1 AS next_day FROM t WHERE id <= 3 ORDER BY id');
    expect(rows.map((o) => [Number(o.tens), o.name, o.next_day])).toEqual(expected);
  });

  test('FROM a parquet file of several row groups, typed by the target; values that do not fit are rejects at their row number', async () => {
    const w = workspace();
    const n = 1200;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    // `qty` is text in the file: the table's int column casts it, and 'x7' cannot be cast
    const qty = ids.map((i) => (i % 1000 === 7 ? `x${i}` : String(i % 50)));
    const when = ids.map((i) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000));
    parquetWriteFile({
      filename: join(w.dir, 'big.parquet'),
      columnData: [
        { name: 'id', data: ids.map(BigInt), type: 'INT64' },
        { name: 'qty', data: qty, type: 'STRING' },
        { name: 'at', data: when, type: 'TIMESTAMP' },
      ],
      rowGroupSize: 500,
    });
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(join(w.dir, 'big.parquet')));
    expect(meta.row_groups.length).toBe(3);
    const file = w.job(`CREATE TABLE m (id int, qty int, at timestamp);
      COPY m FROM 'big.parquet' WITH (FORMAT parquet);
      SELECT count(*), sum(qty), min(at), max(at) FROM m;
      SELECT line, reasons FROM m__rejects ORDER BY line;`);
    const r = await run(readFileSync(file, 'utf8'), { file, dataDir: w.data, batchSize: 400 });
    expect(r.statements[1]).toMatchObject({ inserted: n - 2, rejected: 2, rowsRead: n });
    // PostgreSQL over the rows that cast (the same rows, as CSV)
    const csv = ids.filter((i) => i % 1000 !== 7).map((i) => `${i},${qty[i - 1]},${when[i - 1].toISOString()}`).join('\n') + '\n';
    expect(r.statements[2].rows).toEqual(await pgFromCsv(csv, 'id int, qty int, at timestamp', 'SELECT count(*), sum(qty), min(at), max(at) FROM t'));
    // the reason is PostgreSQL's own message for the value
    const pg = new PGlite();
    const pgError = await pg.query(`SELECT 'x7'::int`).then(() => '', (e: Error) => e.message);
    await pg.close();
    expect(pgError).toContain('x7');
    expect(r.statements[3].rows).toEqual([7, 1007].map((i) => [i, [pgError.replace('"x7"', `"x${i}"`)]]));
  }, 180_000);

  test('a file that is not parquet, and parquet to STDOUT, fail clearly', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'fake.parquet'), 'id,name\n1,a\n');
    const file = w.job(`CREATE TABLE f (id int, name text); COPY f FROM 'fake.parquet' WITH (FORMAT parquet);`);
    await expect(run(readFileSync(file, 'utf8'), { file, dataDir: w.data })).rejects.toThrow(/fake\.parquet: not a parquet file/);
    await expect(run(`COPY (SELECT 1 AS x) TO STDOUT WITH (FORMAT parquet);`, { dataDir: w.data })).rejects.toThrow(/parquet needs a file|STDOUT/);
  });
});
