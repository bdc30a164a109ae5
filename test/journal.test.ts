import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { history, run, runFiles, SqlEtlError } from '../src/index.js';
import { lockDataDir } from '../src/io/data-dir-lock.js';

/**
 * The run journal (issue 6) and the data-directory lock (issue 10) on the embedded
 * engine, through the library: ids and records, --resume after a failed statement
 * (same final state as an uninterrupted run), continue-on-error, and two runs at once.
 */

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function workspace(): { dir: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-journal-'));
  roots.push(dir);
  mkdirSync(join(dir, 'data'));
  return { dir, data: join(dir, 'data') };
}

const JOB = `CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int CHECK (qty >= 0));
INSERT INTO items VALUES (1, 'bolt', 10), (2, 'nut', 5);
COPY items FROM 'more.csv' WITH (FORMAT csv, HEADER true);
UPDATE items SET qty = qty * 2 WHERE id > 1;
CREATE TABLE totals AS SELECT count(*) AS n, sum(qty) AS qty FROM items;
`;
const MORE = 'id,name,qty\n3,washer,7\n4,screw,-1\n5,pin,0\n';

async function contents(data: string): Promise<unknown[][]> {
  const r = await run('SELECT id, name, qty FROM items ORDER BY id; SELECT n, qty FROM totals; SELECT count(*) FROM items__rejects;', { dataDir: data });
  return r.statements.map((s) => s.rows ?? []);
}

describe('run journal', () => {
  it('records every writing run with an id, statuses, counts and timings', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'more.csv'), MORE);
    const file = join(w.dir, 'job.sql');
    const r = await run(JOB, { file, dataDir: w.data });
    expect(r.status).toBe('succeeded');
    expect(r.runId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    const [rec] = await history({ dataDir: w.data });
    expect(rec.id).toBe(r.runId);
    expect(rec.status).toBe('succeeded');
    expect(rec.files).toEqual([{ path: file, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(rec.statements.map((s) => [s.statement, s.kind, s.status])).toEqual([
      [1, 'create', 'done'],
      [2, 'insert', 'done'],
      [3, 'copy', 'done'],
      [4, 'update', 'done'],
      [5, 'create', 'done'],
    ]);
    const copy = rec.statements[2];
    expect([copy.rowsRead, copy.inserted, copy.rejected]).toEqual([3, 2, 1]);
    expect(rec.rowsWritten).toBe(r.statements.reduce((n, s) => n + (s.inserted ?? 0) + (s.updated ?? 0) + (s.deleted ?? 0), 0));
    expect(rec.rejected).toBe(1);
    expect(rec.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps no journal for a job that only reads, and writes nothing into its data directory', async () => {
    const w = workspace();
    writeFileSync(join(w.data, 't.json'), JSON.stringify([{ _id: 1, a: 2 }]));
    const r = await run('SELECT a FROM t;', { dataDir: w.data });
    expect(r.runId).toBeUndefined();
    expect(readdirSync(w.data)).toEqual(['t.json']);
  });

  it('--resume continues after the failed statement and ends as an uninterrupted run does', async () => {
    const w = workspace();
    const file = join(w.dir, 'job.sql');
    // more.csv is missing: statement 3 fails after 1 and 2 completed
    const err = await run(JOB, { file, dataDir: w.data }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SqlEtlError);
    const runId = (err as SqlEtlError).runId!;
    expect(runId).toBeDefined();
    const [failed] = await history({ dataDir: w.data });
    expect(failed.status).toBe('failed');
    expect(failed.statements.map((s) => s.status)).toEqual(['done', 'done', 'failed']);

    writeFileSync(join(w.dir, 'more.csv'), MORE);
    const resumed = await run(JOB, { file, dataDir: w.data, resume: runId });
    expect(resumed.runId).toBe(runId);
    expect(resumed.statements.map((s) => s.status)).toEqual(['skipped', 'skipped', 'done', 'done', 'done']);
    const [rec] = await history({ dataDir: w.data });
    expect(rec.status).toBe('succeeded');
    expect(rec.resumes).toHaveLength(1);

    const fresh = workspace();
    writeFileSync(join(fresh.dir, 'more.csv'), MORE);
    await run(JOB, { file: join(fresh.dir, 'job.sql'), dataDir: fresh.data });
    expect(await contents(w.data)).toEqual(await contents(fresh.data));
  });

  it('--resume refuses changed SQL, an unknown id and a run that succeeded', async () => {
    const w = workspace();
    const file = join(w.dir, 'job.sql');
    const err = (await run(JOB, { file, dataDir: w.data }).catch((e: unknown) => e)) as SqlEtlError;
    await expect(run(JOB.replace("'nut', 5", "'nut', 6"), { file, dataDir: w.data, resume: err.runId })).rejects.toThrow(/ran different SQL/);
    await expect(run(JOB, { file, dataDir: w.data, resume: '20990101-000000-abcd' })).rejects.toThrow(/no run 20990101-000000-abcd/);
    await expect(run(JOB, { file, dataDir: w.data, resume: '../../etc/passwd' })).rejects.toThrow(/no run/);
    writeFileSync(join(w.dir, 'more.csv'), MORE);
    await run(JOB, { file, dataDir: w.data, resume: err.runId });
    await expect(run(JOB, { file, dataDir: w.data, resume: err.runId })).rejects.toThrow(/already succeeded/);
  });

  it('--resume reuses the run\'s --var values and refuses different ones', async () => {
    const w = workspace();
    const sql = `CREATE TABLE IF NOT EXISTS v (id int PRIMARY KEY, x int);\nINSERT INTO v VALUES (1, :x);\nINSERT INTO v VALUES (1, 0);\nINSERT INTO v VALUES (2, :x);\n`;
    const err = (await run(sql, { dataDir: w.data, vars: { x: 7 }, onError: 'stop' }).catch((e: unknown) => e)) as SqlEtlError;
    expect(err.runId).toBeDefined();
    await expect(run(sql, { dataDir: w.data, vars: { x: 8 }, resume: err.runId, onError: 'stop' })).rejects.toThrow(/--var values differ/);
    // statement 3 fails again (same duplicate key): the run stays failed, nothing doubled
    await expect(run(sql, { dataDir: w.data, resume: err.runId, onError: 'stop' })).rejects.toThrow(/duplicate|conflict|unique/i);
    const rows = (await run('SELECT id, x FROM v ORDER BY id', { dataDir: w.data })).statements[0].rows;
    expect(rows).toEqual([[1, 7]]);
  });

  it('continueOnError runs the rest, reports each failure, and the run fails', async () => {
    const w = workspace();
    const file = join(w.dir, 'job.sql');
    const r = await run(JOB, { file, dataDir: w.data, continueOnError: true });
    expect(r.status).toBe('failed');
    expect(r.failures?.map((f) => f.statement)).toEqual([3]);
    expect(r.statements.map((s) => s.status)).toEqual(['done', 'done', 'failed', 'done', 'done']);
    expect(r.statements[2].error).toMatch(/more\.csv: no such file/);
    const [rec] = await history({ dataDir: w.data });
    expect(rec.status).toBe('failed');
    expect((await contents(w.data))[0]).toEqual([
      [1, 'bolt', 10],
      [2, 'nut', 10],
    ]);
  });

  it('a failed statement leaves no trace of its partial writes (all or nothing per statement)', async () => {
    const w = workspace();
    // statement 2 writes items and items__rejects, then its third command fails on a duplicate key
    const sql = `CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);
CREATE UNIQUE INDEX items_name ON items (name);
INSERT INTO items VALUES (1, 'a');
INSERT INTO items VALUES (2, NULL), (3, 'b'), (4, 'a');
`;
    await expect(run(sql, { dataDir: w.data })).rejects.toThrow();
    const rows = (await run('SELECT id, name FROM items ORDER BY id', { dataDir: w.data })).statements[0].rows;
    expect(rows).toEqual([[1, 'a']]);
    expect(existsSync(join(w.data, 'items__rejects.ndjson'))).toBe(false);
    expect(readdirSync(w.data).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});

describe('data directory lock', () => {
  it('a second writing run fails clearly while the first holds the directory', async () => {
    const w = workspace();
    const held = await lockDataDir(w.data, '20261122-000000-aaaa');
    try {
      const err = (await run('CREATE TABLE t (a int);', { dataDir: w.data }).catch((e: unknown) => e)) as SqlEtlError;
      expect(err).toBeInstanceOf(SqlEtlError);
      expect(err.message).toMatch(/is in use by another sqletl run \(run 20261122-000000-aaaa, pid \d+/);
      expect(existsSync(join(w.data, 't.ndjson'))).toBe(false);
    } finally {
      held.release();
    }
  });

  it('with waitLockMs the second run waits for the first to finish', async () => {
    const w = workspace();
    const held = await lockDataDir(w.data, undefined);
    setTimeout(() => held.release(), 300);
    const t0 = Date.now();
    const r = await run('CREATE TABLE t (a int);', { dataDir: w.data, waitLockMs: 10_000 });
    expect(r.status).toBe('succeeded');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('a lock left by a killed process is taken over', async () => {
    const w = workspace();
    // a real process that exits at once: its pid is then free (not reused this quickly)
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    mkdirSync(join(w.data, '.sqletl'), { recursive: true });
    writeFileSync(join(w.data, '.sqletl', 'lock'), JSON.stringify({ pid, host: (await import('node:os')).hostname(), since: new Date().toISOString() }));
    const r = await run('CREATE TABLE t (a int);', { dataDir: w.data });
    expect(r.status).toBe('succeeded');
    expect(existsSync(join(w.data, '.sqletl', 'lock'))).toBe(false);
  });

  it('two CLI-sized jobs started together: both finish, one after the other, nothing lost', async () => {
    const w = workspace();
    const job = (who: string) => 'CREATE TABLE IF NOT EXISTS c (id int PRIMARY KEY, who text);\n' + Array.from({ length: 20 }, (_, i) => `INSERT INTO c VALUES (${i + (who === 'a' ? 0 : 100)}, '${who}');`).join('\n');
    const [a, b] = await Promise.all([
      runFiles([{ text: job('a') }], { dataDir: w.data, waitLockMs: 60_000 }),
      runFiles([{ text: job('b') }], { dataDir: w.data, waitLockMs: 60_000 }),
    ]);
    expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
    const rows = (await run('CREATE TABLE IF NOT EXISTS c (id int PRIMARY KEY, who text); SELECT who, count(*) FROM c GROUP BY who ORDER BY who', { dataDir: w.data })).statements[1].rows;
    expect(rows).toEqual([
      ['a', 20],
      ['b', 20],
    ]);
    expect(JSON.parse(readFileSync(join(w.data, '.sqletl', 'runs', `${a.runId}.json`), 'utf8')).status).toBe('succeeded');
  });
});

describe('SET sqletl.batch_size', () => {
  it('sets the COPY batch size for the statements after it', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'more.csv'), ['id,name,qty', ...Array.from({ length: 2000 }, (_, i) => `${i + 1},n${i},${i}`)].join('\n') + '\n');
    const sql = `CREATE TABLE items (id int PRIMARY KEY, name text, qty int);\nSET sqletl.batch_size = 700;\nCOPY items FROM 'more.csv' WITH (FORMAT csv, HEADER true);\n`;
    const seen: number[] = [];
    const r = await run(sql, { file: join(w.dir, 'job.sql'), dataDir: w.data, onProgress: (e) => e.phase === 'progress' && seen.push(e.rowsRead!) });
    expect(seen).toEqual([700, 1400, 2000]);
    expect(r.statements[2].inserted).toBe(2000);
  });
});
