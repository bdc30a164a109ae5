/**
 * The embedded engine's append path for COPY (issue 6): rows of a plain insert into a
 * collection without a unique index are appended to its file instead of rewriting
 * it (linear time, bounded memory), and the statement stays atomic: a COPY that fails
 * half-way, or a process killed in the middle of one, leaves the collection as it was.
 * Counts and sums are compared with PostgreSQL loading the same files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';

const TABLE = 'CREATE TABLE m (id int, label text, qty int)';
const csv = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `${from + k},row ${from + k},${(from + k) % 17}`).join('\n') + '\n';

function workspace(): { dir: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-append-'));
  mkdirSync(join(dir, 'data'));
  return { dir, data: join(dir, 'data') };
}

async function pg(files: string[], query: string): Promise<unknown[][]> {
  const db = new PGlite();
  try {
    await db.exec(TABLE);
    for (const f of files) await db.query(`COPY m FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([f]) }).catch(() => undefined);
    const res = await db.query<unknown[]>(query, [], { rowMode: 'array' });
    return res.rows.map((r) => r.map(Number));
  } finally {
    await db.close();
  }
}

const job = (w: { dir: string }, sql: string) => {
  writeFileSync(join(w.dir, 'job.sql'), sql);
  return join(w.dir, 'job.sql');
};

// each test loads PostgreSQL (PGlite) and runs COPYs of a few thousand rows: slow on a busy 2-core machine
describe('COPY into a collection without a unique index appends', { timeout: 180_000 }, () => {
  test('two COPYs: the second appends to the same file (its inode stays), rows and sums as in PostgreSQL', async () => {
    const w = workspace();
    const a = csv(1, 2300);
    const b = csv(2301, 3000);
    writeFileSync(join(w.dir, 'a.csv'), a);
    writeFileSync(join(w.dir, 'b.csv'), b);
    const f1 = job(w, `${TABLE}; COPY m FROM 'a.csv' WITH (FORMAT csv);`);
    await run(readFileSync(f1, 'utf8'), { file: f1, dataDir: w.data, batchSize: 500 });
    const inode = statSync(join(w.data, 'm.ndjson')).ino;
    const f2 = job(w, `COPY m FROM 'b.csv' WITH (FORMAT csv); SELECT count(*), count(DISTINCT id), sum(qty), min(id), max(id) FROM m;`);
    const r = await run(readFileSync(f2, 'utf8'), { file: f2, dataDir: w.data, schema: TABLE, batchSize: 300 });
    expect(statSync(join(w.data, 'm.ndjson')).ino).toBe(inode);
    expect(r.statements[0]).toMatchObject({ inserted: 700, rejected: 0 });
    expect(r.statements[1].rows).toEqual(await pg([a, b], 'SELECT count(*), count(DISTINCT id), sum(qty), min(id), max(id) FROM m'));
    // every document has its own _id
    const ids = readFileSync(join(w.data, 'm.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)._id.$oid as string);
    expect(new Set(ids).size).toBe(3000);
  });

  test('a COPY that fails after several batches leaves the collection as before the statement (as in PostgreSQL)', async () => {
    const w = workspace();
    const good = csv(1, 1000);
    const bad = csv(1001, 3500) + '3501,ragged\n';
    writeFileSync(join(w.dir, 'good.csv'), good);
    writeFileSync(join(w.dir, 'bad.csv'), bad);
    const f1 = job(w, `${TABLE}; COPY m FROM 'good.csv' WITH (FORMAT csv);`);
    await run(readFileSync(f1, 'utf8'), { file: f1, dataDir: w.data });
    const before = readFileSync(join(w.data, 'm.ndjson'), 'utf8');
    const f2 = job(w, `COPY m FROM 'bad.csv' WITH (FORMAT csv);`);
    await expect(run(readFileSync(f2, 'utf8'), { file: f2, dataDir: w.data, schema: TABLE, batchSize: 500 })).rejects.toThrow(/bad\.csv:2501: missing data for column "qty"/);
    expect(readFileSync(join(w.data, 'm.ndjson'), 'utf8')).toBe(before);
    expect(readdirSync(w.data).filter((f) => f.includes('tmp'))).toEqual([]);
    const r = await run('SELECT count(*), sum(qty) FROM m', { dataDir: w.data, schema: TABLE });
    expect(r.statements[0].rows).toEqual(await pg([good, bad], 'SELECT count(*), sum(qty) FROM m'));
  });

  test('a process killed in the middle of a COPY: the next run finds the collection as before the statement', async () => {
    const w = workspace();
    const first = csv(1, 300);
    writeFileSync(join(w.dir, 'first.csv'), first);
    writeFileSync(join(w.dir, 'big.csv'), csv(301, 60_300));
    const f1 = job(w, `${TABLE}; COPY m FROM 'first.csv' WITH (FORMAT csv);`);
    await run(readFileSync(f1, 'utf8'), { file: f1, dataDir: w.data });
    const before = readFileSync(join(w.data, 'm.ndjson'), 'utf8');
    // a child process runs the long COPY; it is killed once appended rows are on disk
    const script = `import { run } from ${JSON.stringify(join(process.cwd(), 'src/index.ts'))};
      await run(${JSON.stringify(`COPY m FROM '${join(w.dir, 'big.csv')}' WITH (FORMAT csv);`)}, { dataDir: ${JSON.stringify(w.data)}, schema: ${JSON.stringify(TABLE)}, batchSize: 200 });`;
    writeFileSync(join(w.dir, 'child.mts'), script);
    const child = spawn(process.execPath, ['--import', 'tsx', join(w.dir, 'child.mts')], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const appended = () => readdirSync(w.data).some((f) => f.includes('append') && statSync(join(w.data, f)).size > 0);
    const deadline = Date.now() + 120_000;
    while (!appended() && Date.now() < deadline && child.exitCode === null) await new Promise((ok) => setTimeout(ok, 100));
    expect(appended(), stderr).toBe(true);
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    expect(readFileSync(join(w.data, 'm.ndjson'), 'utf8')).toBe(before);
    // the next writing run recovers (discards the uncommitted append) and sees only the first 300 rows
    const r = await run('INSERT INTO m VALUES (0, NULL, 0); SELECT count(*), sum(qty) FROM m;', { dataDir: w.data, schema: TABLE });
    expect(r.statements[1].rows).toEqual(await pg([first, '0,,0\n'], 'SELECT count(*), sum(qty) FROM m'));
    expect(readdirSync(w.data).filter((f) => f.includes('sqletl-tmp'))).toEqual([]);
    expect(existsSync(join(w.data, 'm.ndjson'))).toBe(true);
  }, 180_000);
});
