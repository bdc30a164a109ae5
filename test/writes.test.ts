/**
 * Writing data loses nothing (DESIGN §6): rows that break a table's constraints go
 * to `<table>__rejects` with every reason, the valid rows are written, and the
 * counts are exact. Contents after valid writes are compared with PostgreSQL in
 * grammar-tests/writes; here what PostgreSQL would not do (it aborts instead).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { compile, run, SqlEtlError } from '../src/index.js';
import { compareTables } from './support/compare.js';
import { runOnPg } from './support/pg-job.js';

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-writes-'));
  cpSync('grammar-tests/fixtures', dir, { recursive: true });
  return dir;
}

const TABLE = `CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, age int CHECK (age >= 0), email text UNIQUE);`;

describe('rejects and counts', () => {
  test('invalid rows go to people__rejects with their reasons; valid rows are written; counts are exact', async () => {
    const dir = dataDir();
    const result = await run(
      `${TABLE}
       INSERT INTO people VALUES (1, 'ann', 30, 'a@x'), (2, NULL, 40, 'b@x'), (3, 'cy', -1, 'c@x'), (1, 'dup', 20, 'e@x'), (5, 'ed', 50, NULL);
       INSERT INTO people SELECT 4, 'di', 'old'::text, 'd@x';
       SELECT id, name FROM people ORDER BY id;
       SELECT row, reasons FROM people__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[1]).toMatchObject({ kind: 'insert', inserted: 2, updated: 0, rejected: 3 });
    expect(result.statements[2]).toMatchObject({ kind: 'insert', inserted: 0, rejected: 1 });
    expect(result.statements[3].rows).toEqual([[1, 'ann'], [5, 'ed']]);
    const rejects = result.statements[4].rows!.map(([row, reasons]) => [(row as { id: unknown }).id, reasons]);
    expect(rejects).toEqual(
      expect.arrayContaining([
        [2, ['null value in column "name" of relation "people" violates not-null constraint']],
        [3, ['new row for relation "people" violates check constraint "people_age_check"']],
        [4, ['invalid input syntax for type integer: "old"']],
        [1, ['duplicate key value violates unique constraint "people_pkey"']],
      ]),
    );
    expect(rejects).toHaveLength(4);
  });

  test('text naming a day the calendar lacks is a reject with PostgreSQL\'s reason, never rolled over into the next month', async () => {
    const dir = dataDir();
    const result = await run(
      `CREATE TABLE days (id int PRIMARY KEY, d date, t timestamptz);
       INSERT INTO days (id, d, t) SELECT _id, day_text, day_text FROM measures WHERE _id IN (1, 7, 8);
       INSERT INTO days VALUES (10, '2023-02-29', NULL);
       SELECT id, d FROM days ORDER BY id;
       SELECT row, reasons FROM days__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[1]).toMatchObject({ inserted: 1, rejected: 2 });
    expect(result.statements[2]).toMatchObject({ inserted: 0, rejected: 1 });
    expect(result.statements[3].rows).toEqual([[1, new Date('2024-02-29T00:00:00Z')]]);
    const rejects = result.statements[4].rows!.map(([row, reasons]) => [(row as { id: unknown }).id, reasons]);
    expect(rejects).toEqual(
      expect.arrayContaining([
        [7, ['date/time field value out of range: "2024-02-30"', 'date/time field value out of range: "2024-02-30"']],
        [8, ['date/time field value out of range: "2023-02-29 08:00:00"', 'date/time field value out of range: "2023-02-29 08:00:00"']],
        [10, ['date/time field value out of range: "2023-02-29"']],
      ]),
    );
    expect(rejects).toHaveLength(3);
  });

  test('text longer than a varchar(n) column is a reject (INSERT and UPDATE), blanks past n are cut off', async () => {
    const dir = dataDir();
    const result = await run(
      `CREATE TABLE codes (id int PRIMARY KEY, code varchar(3));
       INSERT INTO codes VALUES (1, 'abcd'), (2, 'ab'), (3, 'abc   ');
       UPDATE codes SET code = code || 'xx' WHERE id = 2;
       SELECT id, code FROM codes ORDER BY id;
       SELECT row, reasons FROM codes__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[1]).toMatchObject({ inserted: 2, rejected: 1 });
    expect(result.statements[3].rows).toEqual([[2, 'ab'], [3, 'abc']]);
    const rejects = result.statements[4].rows!.map(([row, reasons]) => [(row as { id: unknown }).id, reasons]);
    expect(rejects).toEqual([
      [1, ['value too long for type character varying(3)']],
      [2, ['value too long for type character varying(3)']],
    ]);
  });

  test('text longer than a character(n) column is a reject (INSERT and UPDATE); blanks past n are cut off, values stored padded', async () => {
    const dir = dataDir();
    const result = await run(
      `CREATE TABLE codes (id int PRIMARY KEY, code char(3));
       INSERT INTO codes VALUES (1, 'abcd'), (2, 'ab'), (3, 'abc   '), (4, NULL);
       INSERT INTO codes SELECT 5, 1234;
       UPDATE codes SET code = code || 'xx' WHERE id = 2;
       SELECT id, code, code || '|' FROM codes ORDER BY id;
       SELECT row, reasons FROM codes__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[1]).toMatchObject({ inserted: 3, rejected: 1 });
    expect(result.statements[2]).toMatchObject({ inserted: 0, rejected: 1 });
    // PostgreSQL's words; the rows as PostgreSQL shows them (padded), the documents hold them so too
    expect(result.statements[4].rows).toEqual([[2, 'ab ', 'ab|'], [3, 'abc', 'abc|'], [4, null, null]]);
    const stored = readFileSync(join(dir, 'codes.ndjson'), 'utf8');
    expect(stored).toContain('"code":"ab "');
    const rejects = result.statements[5].rows!.map(([row, reasons]) => [(row as { id: unknown }).id, reasons]);
    expect(rejects).toEqual(
      expect.arrayContaining([
        [1, ['value too long for type character(3)']],
        [5, ['value too long for type character(3)']],
        [2, ['value too long for type character(3)']],
      ]),
    );
    expect(rejects).toHaveLength(3);
  });

  test('integer columns reject values outside their type, and integers beyond 2^53 − 1, with PostgreSQL\'s words', async () => {
    const dir = dataDir();
    const result = await run(
      `CREATE TABLE nums (id int PRIMARY KEY, s smallint, i int, b bigint);
       INSERT INTO nums VALUES (1, 1, 1, 1), (2, 40000, 1, 1), (3, 1, 3000000000, 1), (4, -32768, -2147483648, 9007199254740991);
       INSERT INTO nums SELECT 5, '70000', 1, 1;
       INSERT INTO nums SELECT 6, 1, 1, '9007199254740993';
       UPDATE nums SET s = s * 100000 WHERE id = 1;
       SELECT id, s, i, b FROM nums ORDER BY id;
       SELECT row, reasons FROM nums__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[1]).toMatchObject({ inserted: 2, rejected: 2 });
    expect(result.statements[5].rows).toEqual([[1, 1, 1, 1], [4, -32768, -2147483648, 9007199254740991]]);
    const rejects = result.statements[6].rows!.map(([row, reasons]) => [(row as { id: unknown }).id, reasons]);
    expect(rejects).toEqual([
      [2, ['smallint out of range']],
      [3, ['integer out of range']],
      [5, ['value "70000" is out of range for type smallint']],
      [6, ['the integer 9007199254740993 is beyond ±9007199254740991 (2^53 − 1): not supported yet (sqletl computes integers exactly only up to 2^53)']],
      [1, ['smallint out of range']],
    ]);
  });

  test('a key already in the table is a reject for a plain INSERT, an update with ON CONFLICT', async () => {
    const dir = dataDir();
    const result = await run(
      `${TABLE}
       INSERT INTO people VALUES (1, 'ann', 30, 'a@x');
       INSERT INTO people VALUES (1, 'again', 31, 'a2@x');
       INSERT INTO people VALUES (1, 'upsert', 32, 'a3@x'), (2, 'bo', 20, NULL) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name;
       SELECT id, name, age FROM people ORDER BY id;`,
      { dataDir: dir },
    );
    expect(result.statements[2]).toMatchObject({ inserted: 0, rejected: 1 });
    expect(result.statements[3]).toMatchObject({ inserted: 1, updated: 1, rejected: 0 });
    expect(result.statements[4].rows).toEqual([[1, 'upsert', 30], [2, 'bo', 20]]);
  });

  test('ON CONFLICT DO UPDATE touching a key twice fails before anything is written', async () => {
    const dir = dataDir();
    await run(`${TABLE} INSERT INTO people VALUES (1, 'ann', 30, NULL);`, { dataDir: dir });
    const before = readFileSync(join(dir, 'people.ndjson'), 'utf8');
    const failing = run(`INSERT INTO people VALUES (2, 'x', 1, NULL), (2, 'y', 2, NULL) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name;`, {
      dataDir: dir,
      schema: TABLE,
    });
    await expect(failing).rejects.toThrow(SqlEtlError);
    await expect(failing).rejects.toThrow(/cannot affect row a second time/);
    expect(readFileSync(join(dir, 'people.ndjson'), 'utf8')).toBe(before);
    // the staging collection is cleaned up even after the failure
    expect(existsSync(join(dir, '__sqletl_stage_1_people.ndjson'))).toBe(false);
  });

  test('a rejected row is never written, so a later row with its key is not a duplicate (plain INSERT, DO NOTHING, DO UPDATE)', async () => {
    const dir = dataDir();
    const notNull = 'null value in column "name" of relation "people" violates not-null constraint';
    const r = await run(
      `${TABLE}
       INSERT INTO people VALUES (1, NULL, 1, NULL), (1, 'ann', 2, NULL), (1, 'again', 3, NULL);
       INSERT INTO people VALUES (2, NULL, 1, NULL), (2, 'bo', 2, NULL), (2, 'bo again', 3, NULL) ON CONFLICT (id) DO NOTHING;
       INSERT INTO people VALUES (1, NULL, 9, NULL), (1, 'ann2', 4, NULL) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, age = EXCLUDED.age;
       SELECT id, name, age FROM people ORDER BY id;
       SELECT statement, row, reasons FROM people__rejects ORDER BY statement;`,
      { dataDir: dir },
    );
    // the first valid row of a key is written; the third row repeats the second's key
    expect(r.statements[1]).toMatchObject({ inserted: 1, updated: 0, rejected: 2 });
    expect(r.statements[2]).toMatchObject({ inserted: 1, updated: 0, rejected: 1 });
    // one valid row per key: no "cannot affect row a second time"
    expect(r.statements[3]).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
    expect(r.statements[4].rows).toEqual([[1, 'ann2', 4], [2, 'bo', 2]]);
    const rejects = r.statements[5].rows!.map(([statement, row, reasons]) => [statement, (row as { name?: string }).name ?? null, reasons]);
    expect(rejects).toEqual([
      [2, null, [notNull]],
      [2, 'again', ['duplicate key value violates unique constraint "people_pkey"']],
      [3, null, [notNull]],
      [4, null, [notNull]],
    ]);
  });

  test('UPDATE leaves rows that would break a CHECK as they are and reports them', async () => {
    const dir = dataDir();
    const result = await run(
      `${TABLE}
       INSERT INTO people VALUES (1, 'ann', 30, NULL), (2, 'bo', 5, NULL);
       UPDATE people SET age = age - 10;
       SELECT id, age FROM people ORDER BY id;
       SELECT count(*) FROM people__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[2]).toMatchObject({ kind: 'update', updated: 1 });
    expect(result.statements[3].rows).toEqual([[1, 20], [2, 5]]);
    expect(result.statements[4].rows).toEqual([[1]]);
  });

  test('a second UNIQUE constraint: a value held by another row, or by an earlier row of the statement, is a reject (NULLs never collide)', async () => {
    const dir = dataDir();
    const ok = await run(`${TABLE} INSERT INTO people VALUES (1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, 'x@y');`, { dataDir: dir });
    expect(ok.statements[1]).toMatchObject({ inserted: 3 });
    const reason = 'duplicate key value violates unique constraint "people_email_key"';
    const r = await run(
      `INSERT INTO people VALUES (4, 'd', 4, 'x@y'), (5, 'e', 5, 'n@y'), (6, 'f', 6, 'n@y'), (7, 'g', -1, 'm@y'), (8, 'h', 8, 'm@y');
       INSERT INTO people VALUES (3, 'c2', 3, 'x@y'), (1, 'a2', 1, 'n@y') ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email;
       INSERT INTO people VALUES (2, 'b3', 2, 'm@y') ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name;
       SELECT id, name, email FROM people ORDER BY id;
       SELECT row, reasons FROM people__rejects ORDER BY statement;`,
      { dataDir: dir, schema: TABLE },
    );
    // 4 clashes with row 3; 6 with 5 earlier in the statement; 7 breaks the CHECK, so 8 may take its address
    expect(r.statements[0]).toMatchObject({ inserted: 2, rejected: 3 });
    // 3 keeps its own address; 1 would take 5's
    expect(r.statements[1]).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
    // the update does not set email: the address it proposes is never written
    expect(r.statements[2]).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
    expect(r.statements[3].rows).toEqual([[1, 'a', null], [2, 'b3', null], [3, 'c2', 'x@y'], [5, 'e', 'n@y'], [8, 'h', 'm@y']]);
    const rejects = r.statements[4].rows!.map(([row, reasons]) => [(row as { id: number }).id, reasons]);
    expect(rejects).toEqual(
      expect.arrayContaining([
        [4, [reason]],
        [6, [reason]],
        [7, ['new row for relation "people" violates check constraint "people_age_check"']],
        [1, [reason]],
      ]),
    );
    expect(rejects).toHaveLength(4);
  });

  test('UNIQUE rejects (one or two columns, NULLs, earlier rows, upserts) are the rows PostgreSQL refuses when they are inserted one at a time', async () => {
    const sql = `CREATE TABLE pairs (id int PRIMARY KEY, a text, b int, tag text UNIQUE, UNIQUE (a, b));
      INSERT INTO pairs VALUES (1, 'x', 1, 't1'), (2, 'x', 2, NULL), (3, 'y', 1, NULL), (4, NULL, 1, 't4'), (5, NULL, 1, NULL);
      INSERT INTO pairs VALUES (6, 'x', 1, NULL), (7, 'x', 3, 't1'), (8, 'x', 3, 't8'), (9, NULL, 1, 't8'), (10, 'z', 1, 't10');
      INSERT INTO pairs VALUES (2, 'x', 2, 't2'), (3, 'x', 2, NULL), (11, 'y', 1, 't11'), (12, 'q', 1, 't2')
        ON CONFLICT (id) DO UPDATE SET a = EXCLUDED.a, b = EXCLUDED.b, tag = EXCLUDED.tag;
      SELECT id, a, b, tag FROM pairs ORDER BY id;`;
    const mine = await run(sql, { dataDir: dataDir() });
    const { statements } = await compile(sql);
    const pg = new PGlite();
    try {
      let rejected = 0;
      for (const [i, st] of statements.entries()) {
        const ref = await runOnPg(pg, '', st);
        const got = mine.statements[i];
        if (ref.kind === 'insert') {
          expect({ inserted: got.inserted, updated: got.updated, rejected: got.rejected }, st.sql).toEqual({ inserted: ref.inserted, updated: ref.updated, rejected: ref.rejects.length });
          rejected += ref.rejects.length;
        }
        if (ref.kind === 'rows') {
          const cmp = compareTables(ref, { columns: got.columns ?? [], rows: got.rows ?? [] }, true);
          expect(cmp.ok, cmp.diff).toBe(true);
        }
      }
      expect(rejected).toBeGreaterThanOrEqual(4);
    } finally {
      await pg.close();
    }
  });

  test('MERGE reports inserted, updated and deleted rows, and fails before writing when a target row is hit twice', async () => {
    const dir = dataDir();
    const result = await run(
      `CREATE TABLE inv (sku text PRIMARY KEY, qty int);
       INSERT INTO inv VALUES ('a', 1), ('b', 2), ('c', 3);
       MERGE INTO inv USING (VALUES ('a', 10), ('b', 0), ('d', 4)) AS s(sku, qty) ON inv.sku = s.sku
       WHEN MATCHED AND s.qty = 0 THEN DELETE
       WHEN MATCHED THEN UPDATE SET qty = inv.qty + s.qty
       WHEN NOT MATCHED THEN INSERT VALUES (s.sku, s.qty);
       SELECT * FROM inv ORDER BY sku;`,
      { dataDir: dir },
    );
    expect(result.statements[2]).toMatchObject({ kind: 'merge', inserted: 1, updated: 1, deleted: 1 });
    expect(result.statements[3].rows).toEqual([['a', 11], ['c', 3], ['d', 4]]);
    const before = readFileSync(join(dir, 'inv.ndjson'), 'utf8');
    await expect(
      run(`MERGE INTO inv USING (VALUES ('a', 1), ('a', 2)) AS s(sku, qty) ON inv.sku = s.sku WHEN MATCHED THEN UPDATE SET qty = s.qty;`, {
        dataDir: dir,
        schema: 'CREATE TABLE inv (sku text PRIMARY KEY, qty int);',
      }),
    ).rejects.toThrow(/cannot affect row a second time/);
    expect(readFileSync(join(dir, 'inv.ndjson'), 'utf8')).toBe(before);
  });

  test('on_error = stop (SET in the job, or the onError option) fails on the first reject before anything is written', async () => {
    const dir = dataDir();
    await run(`${TABLE} INSERT INTO people VALUES (1, 'ann', 30, NULL);`, { dataDir: dir });
    const before = readFileSync(join(dir, 'people.ndjson'), 'utf8');
    const viaSet = run(`SET sqletl.on_error = 'stop'; INSERT INTO people VALUES (2, 'bo', 5, NULL), (3, NULL, 6, NULL);`, { dataDir: dir, schema: TABLE });
    // PostgreSQL's words for the first row that breaks the table, as PostgreSQL fails the statement
    await expect(viaSet).rejects.toThrow(/^null value in column "name" of relation "people" violates not-null constraint$/);
    const viaOption = run(`INSERT INTO people VALUES (4, 'cy', -1, NULL);`, { dataDir: dir, schema: TABLE, onError: 'stop' });
    await expect(viaOption).rejects.toThrow(/people_age_check/);
    expect(readFileSync(join(dir, 'people.ndjson'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'people__rejects.ndjson'))).toBe(false);
  });

  test('MERGE conforms its values as INSERT does: rows breaking the table are rejects with every reason (the values as they came), the others are written, counts are exact', async () => {
    const dir = dataDir();
    // measures is undeclared here: day_text is read as it is stored (text)
    const result = await run(
      `CREATE TABLE days (id int PRIMARY KEY, d date NOT NULL, code varchar(2), n smallint CHECK (n > 0));
       INSERT INTO days VALUES (1, '2000-01-01', 'a', 1), (2, '2000-01-02', 'b', 2), (3, '2000-01-03', 'c', 3);
       MERGE INTO days USING (SELECT _id, day_text, score FROM measures WHERE _id <= 7) AS m ON m._id = days.id
       WHEN MATCHED AND m._id = 3 THEN DELETE
       WHEN MATCHED THEN UPDATE SET d = m.day_text, code = 'xyz', n = m.score
       WHEN NOT MATCHED THEN INSERT VALUES (m._id, m.day_text, 'q ', m.score);
       SELECT id, d, code, n FROM days ORDER BY id;
       SELECT row, reasons FROM days__rejects;`,
      { dataDir: dir },
    );
    // 1, 2: updated to a code too long; 3: deleted; 4, 5: no date (5's score rounds to -1, against the CHECK); 6: inserted (an
    // undeclared number rounds half away from zero, as INSERT reads it); 7: no such day, a score beyond smallint
    expect(result.statements[2]).toMatchObject({ kind: 'merge', inserted: 1, updated: 0, deleted: 1, rejected: 5 });
    expect(result.statements[3].rows).toEqual([
      [1, new Date('2000-01-01T00:00:00Z'), 'a', 1],
      [2, new Date('2000-01-02T00:00:00Z'), 'b', 2],
      [6, new Date('1999-12-31T00:00:00Z'), 'q ', 1],
    ]);
    const rejects = Object.fromEntries(result.statements[4].rows!.map(([row, reasons]) => [(row as { id: number }).id, reasons]));
    expect(rejects).toEqual({
      1: ['value too long for type character varying(2)'],
      2: ['value too long for type character varying(2)'],
      4: ['null value in column "d" of relation "days" violates not-null constraint'],
      5: ['null value in column "d" of relation "days" violates not-null constraint', 'new row for relation "days" violates check constraint "days_n_check"'],
      7: ['date/time field value out of range: "2024-02-30"', 'smallint out of range'],
    });
    // a rejected row is the document the clause would write, its converted columns as they came
    expect(result.statements[4].rows!.find(([row]) => (row as { id: number }).id === 7)![0]).toEqual({ id: 7, d: '2024-02-30', code: 'q ', n: 10000000000 });
  });

  test('UPDATE … FROM, DELETE … USING and UPDATE with a subquery: rejects and exact counts; with on_error = stop, PostgreSQL\'s message and nothing written', async () => {
    const dir = dataDir();
    const schema = `CREATE TABLE stock (id int PRIMARY KEY, label varchar(3), qty smallint CHECK (qty >= 0));
      CREATE TABLE moves (id int, n int);`;
    const result = await run(
      `${schema}
       INSERT INTO stock VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30), (4, 'd', 40);
       INSERT INTO moves VALUES (1, 5), (2, -50), (3, 40000), (3, 1), (9, 1);
       UPDATE stock SET qty = stock.qty + m.n FROM moves m WHERE m.id = stock.id AND m.n <> 1;
       UPDATE stock SET label = (SELECT max(label) FROM stock) || stock.label WHERE id IN (SELECT id FROM moves WHERE n = 1);
       DELETE FROM moves USING stock WHERE stock.id = moves.id AND stock.qty > (SELECT avg(qty) FROM stock);
       SELECT id, label, qty FROM stock ORDER BY id;
       SELECT count(*) FROM moves;
       SELECT reasons FROM stock__rejects ORDER BY statement, reasons;`,
      { dataDir: dir },
    );
    // 1 updated; 2 against the CHECK, 3 beyond smallint
    expect(result.statements[4]).toMatchObject({ updated: 1, rejected: 2 });
    // the label 'dc' fits (3 keeps its old values), moves 9 matches no stock row
    expect(result.statements[5]).toMatchObject({ updated: 1, rejected: 0 });
    // qty above the average 25.75: stock 3 (30), matched by two moves, and stock 4 has none
    expect(result.statements[6]).toMatchObject({ deleted: 2, rejected: 0 });
    expect(result.statements[7].rows).toEqual([[1, 'a', 15], [2, 'b', 20], [3, 'dc', 30], [4, 'd', 40]]);
    expect(result.statements[8].rows).toEqual([[3]]);
    expect(result.statements[9].rows).toEqual([[['new row for relation "stock" violates check constraint "stock_qty_check"']], [['smallint out of range']]]);

    const before = readFileSync(join(dir, 'stock.ndjson'), 'utf8');
    const stop = run(`UPDATE stock SET label = m.n::text || stock.label FROM moves m WHERE m.id = stock.id;`, { dataDir: dir, schema, onError: 'stop' });
    await expect(stop).rejects.toThrow(/^value too long for type character varying\(3\)$/);
    expect(readFileSync(join(dir, 'stock.ndjson'), 'utf8')).toBe(before);
  });

  test('UPDATE quotes the value it could not convert in the reject\'s reason (not the old one) and leaves the row as it was', async () => {
    const dir = dataDir();
    const result = await run(
      `CREATE TABLE t (id int PRIMARY KEY, n int, s text);
       INSERT INTO t VALUES (1, 1, 'abc'), (2, 2, '5');
       UPDATE t SET n = s;
       SELECT id, n FROM t ORDER BY id;
       SELECT reasons FROM t__rejects;`,
      { dataDir: dir },
    );
    expect(result.statements[2]).toMatchObject({ updated: 1 });
    expect(result.statements[3].rows).toEqual([[1, 1], [2, 5]]);
    expect(result.statements[4].rows).toEqual([[['invalid input syntax for type integer: "abc"']]]);
  });
});

