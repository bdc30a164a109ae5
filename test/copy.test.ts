/**
 * COPY (issue 6, first part): CSV and JSON/NDJSON files both ways. Rows are typed by
 * the target table as INSERT types them (its conformance to PostgreSQL is in
 * grammar-tests/writes); here the file formats, line numbers on rejects, paths
 * relative to the .sql file, and round trips.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';

function workspace(): { dir: string; data: string; job: (sql: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-copy-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  return { dir, data, job: (sql) => (writeFileSync(join(dir, 'job.sql'), sql), join(dir, 'job.sql')) };
}

const TABLE = 'CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, age int CHECK (age >= 0), joined date);';

describe('COPY', () => {
  test('CSV FROM: quoted fields, NULLs, typed by the table; rejects carry their line numbers', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'in', 'people.csv'), 'id,name,age,joined\n1,ann,30,2024-01-05\n2,"bo, jr",,2024-02-01\n3,cy,old,2024-03-01\n4,,5,2024-04-01\n');
    const file = w.job(`${TABLE}
      COPY people FROM 'in/people.csv' WITH (FORMAT csv, HEADER true);
      SELECT id, name, age, joined FROM people ORDER BY id;
      SELECT line, reasons FROM people__rejects ORDER BY line;`);
    const r = await run(readFileSync(file, 'utf8'), { file, dataDir: w.data });
    expect(r.statements[1]).toMatchObject({ kind: 'copy', inserted: 2, rejected: 2, rowsRead: 4 });
    expect(r.statements[2].rows).toEqual([
      [1, 'ann', 30, new Date('2024-01-05T00:00:00Z')],
      [2, 'bo, jr', null, new Date('2024-02-01T00:00:00Z')],
    ]);
    expect(r.statements[3].rows).toEqual([
      [4, ['invalid input syntax for type integer: "old"']],
      [5, ['null value in column "name" of relation "people" violates not-null constraint']],
    ]);
  });

  test('NDJSON and JSON-array FROM, CSV and JSON TO, and a round trip', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'in', 'a.ndjson'), '{"id": 1, "name": "jo", "age": 41}\n\n{"id": 2, "name": "ka", "joined": {"$date": "2024-05-01T00:00:00Z"}}\n');
    writeFileSync(join(w.dir, 'in', 'b.json'), '[\n {"id": 3, "name": "li", "age": "7"}\n]\n');
    const file = w.job(`${TABLE}
      COPY people (id, name, age, joined) FROM 'in/a.ndjson' WITH (FORMAT ndjson);
      COPY people FROM 'in/b.json' WITH (FORMAT 'json');
      COPY (SELECT id, name, age FROM people ORDER BY id) TO 'out/p.csv' WITH (FORMAT csv, HEADER);
      COPY people TO 'out/p.json' WITH (FORMAT 'json');
      CREATE TABLE copy2 (id int PRIMARY KEY, name text, age int);
      COPY copy2 FROM 'out/p.csv' WITH (FORMAT csv, HEADER);
      SELECT * FROM copy2 ORDER BY id;`);
    const r = await run(readFileSync(file, 'utf8'), { file, dataDir: w.data });
    expect(r.statements[1]).toMatchObject({ inserted: 2, rejected: 0 });
    expect(r.statements[2]).toMatchObject({ inserted: 1, rejected: 0 });
    expect(readFileSync(join(w.dir, 'out', 'p.csv'), 'utf8')).toBe('id,name,age\n1,jo,41\n2,ka,\n3,li,7\n');
    const json = JSON.parse(readFileSync(join(w.dir, 'out', 'p.json'), 'utf8')) as Record<string, unknown>[];
    expect(json.map((o) => o.id)).toEqual([1, 2, 3]);
    expect(json[1].joined).toBe('2024-05-01'); // a date column, as row_to_json prints it (compared with PostgreSQL in copy-formats.test.ts)
    expect(r.statements[7].rows).toEqual([[1, 'jo', 41], [2, 'ka', null], [3, 'li', 7]]);
  });

  test('a ragged CSV row and a missing file fail with the file and line', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'in', 'bad.csv'), 'id,name\n1,a\n2,b,extra\n');
    const file = w.job(`CREATE TABLE t (id int PRIMARY KEY, name text); COPY t FROM 'in/bad.csv' WITH (FORMAT csv, HEADER);`);
    await expect(run(readFileSync(file, 'utf8'), { file, dataDir: w.data })).rejects.toThrow(/bad\.csv:3: extra data after last expected column/);
    const missing = w.job(`CREATE TABLE t2 (id int PRIMARY KEY); COPY t2 FROM 'in/nope.csv' WITH (FORMAT csv);`);
    await expect(run(readFileSync(missing, 'utf8'), { file: missing, dataDir: w.data })).rejects.toThrow(/nope\.csv: no such file/);
  });

  test("values that look like MongoDB expressions stay data: '$75,000' in CSV, {\"$x\": 1} in JSON", async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'in', 'pay.csv'), 'id,pay\n1,"$75,000"\n2,$$ROOT\n');
    writeFileSync(join(w.dir, 'in', 'doc.ndjson'), '{"id": 3, "pay": "$name", "extra": {"$x": 1}}\n');
    const file = w.job(`CREATE TABLE pay (id int PRIMARY KEY, pay text);
      COPY pay FROM 'in/pay.csv' WITH (FORMAT csv, HEADER true);
      COPY pay (id, pay) FROM 'in/doc.ndjson' WITH (FORMAT ndjson);
      SELECT id, pay FROM pay ORDER BY id;`);
    const r = await run(readFileSync(file, 'utf8'), { file, dataDir: w.data });
    expect(r.statements[3].rows).toEqual([[1, '$75,000'], [2, '$$ROOT'], [3, '$name']]);
  });

  test("FORMAT json unquoted: PostgreSQL's grammar rejects it, with a hint", async () => {
    await expect(run(`COPY (SELECT 1) TO 'x.json' WITH (FORMAT json);`, { dataDir: '.' })).rejects.toMatchObject({ hints: [expect.stringContaining("FORMAT 'json'")] });
  });
});
