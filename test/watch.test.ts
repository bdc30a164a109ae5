/**
 * `sqletl watch` on the embedded engine (issue 7): after each applied batch, every
 * derived table must equal what running the job from scratch on the same source
 * files produces (the existing `run` API on a copy of the data directory holding
 * only the sources). Waits are deterministic: `applyPending()` (the API behind
 * `--once`) applies what changed, and the CLI test waits for progress lines.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EJSON } from 'bson';
import { describe, expect, test } from 'vitest';
import { run, SqlEtlError } from '../src/index.js';
import { readCollectionFile } from '../src/io/data-files.js';
import type { RunRecord } from '../src/engine/run-journal.js';
import { EmbeddedEngine } from '../src/engine/embedded.js';
import { applyStatement } from '../src/watch/apply-batch.js';
import type { ChangeBatch } from '../src/engine/change-batch.js';
import { applyBatch, Watch, type BatchReport } from '../src/watch/watch.js';
import { planWatchJob } from '../src/watch/watchable.js';

type Doc = Record<string, unknown>;

const ORDERS: Doc[] = [
  { _id: 1, region: 'north', cust: 'ann', amount: 10 },
  { _id: 2, region: 'south', cust: 'bob', amount: 20 },
  { _id: 3, region: 'north', cust: 'ann', amount: 5 },
  { _id: 4, cust: 'cy', amount: 7 },
  { _id: 5, region: 'east', cust: 'di', amount: 3 },
  { _id: 6, region: 'south', cust: 'bob', amount: 12 },
];

/** One statement of each kind of maintenance, plus a table derived from a derived table. */
const JOB = `
CREATE TABLE totals AS SELECT region, sum(amount) AS total, count(*) AS n, avg(amount) AS mean FROM orders GROUP BY region HAVING count(*) > 0;
CREATE TABLE ranked AS
  SELECT cust, region, amount, rank() OVER (PARTITION BY region ORDER BY amount DESC) AS r,
         sum(amount) OVER (PARTITION BY region, cust) AS cust_total
  FROM orders WHERE amount > 1;
CREATE TABLE doubled AS SELECT _id AS order_id, cust, amount * 2 AS twice FROM orders WHERE amount >= 5;
CREATE TABLE flat (region text, cust text, amount numeric);
INSERT INTO flat SELECT region, cust, amount FROM orders;
CREATE TABLE upper_totals AS SELECT upper(region) AS up, sum(amount) AS s FROM orders GROUP BY upper(region);
CREATE TABLE best AS SELECT region, max(total) AS top FROM totals GROUP BY region;
`;
const TARGETS = ['totals', 'ranked', 'doubled', 'flat', 'upper_totals', 'best'];

function dataDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-watch-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const ndjson = (docs: Doc[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

function readTable(dir: string, name: string): Doc[] {
  const file = join(dir, `${name}.ndjson`);
  return existsSync(file) ? readCollectionFile(file) : [];
}

/** A table's contents as a sorted multiset of canonical documents; `_id` is storage identity, not content (a run mints fresh ones). */
function contents(docs: Doc[]): string[] {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object' && !(v instanceof Date) && v.constructor === Object) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Doc)[k])]));
    }
    return v;
  };
  return docs.map(({ _id, ...rest }) => EJSON.stringify(canonical(rest), { relaxed: true })).sort();
}

/** The job run from scratch on a copy of the sources (no targets, no journal). */
async function fullRun(dir: string, sources: string[], job = JOB): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), 'sqletl-watch-ref-'));
  for (const f of readdirSync(dir)) if (sources.some((s) => f.startsWith(`${s}.`))) cpSync(join(dir, f), join(copy, f));
  await run(job, { dataDir: copy });
  return copy;
}

async function expectEqualsFullRun(dir: string, sources = ['orders'], targets = TARGETS, job = JOB): Promise<void> {
  const ref = await fullRun(dir, sources, job);
  for (const t of targets) expect(contents(readTable(dir, t)), `table ${t}`).toEqual(contents(readTable(ref, t)));
  rmSync(ref, { recursive: true, force: true });
}

function editOrders(dir: string, edit: (docs: Doc[]) => Doc[]): void {
  const file = join(dir, 'orders.ndjson');
  writeFileSync(file, ndjson(edit(readCollectionFile(file))));
}

const howOf = (r: BatchReport | undefined, target: string) => r?.statements.find((s) => s.target === target);

describe('watch keeps derived tables equal to a full re-run (embedded)', () => {
  test('inserts, updates, deletes and key changes, batch after batch', async () => {
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS) });
    const watch = await Watch.open(JOB, { dataDir: dir });
    try {
      await expectEqualsFullRun(dir);

      // inserts: a new group, a row into an existing group, a row without region
      editOrders(dir, (d) => [...d, { _id: 7, region: 'west', cust: 'ed', amount: 9 }, { _id: 8, region: 'north', cust: 'fay', amount: 30 }, { _id: 9, cust: 'gus', amount: 2 }]);
      let r = await watch.applyPending();
      expect(r?.changedDocuments).toBe(3);
      expect(howOf(r, 'totals')).toMatchObject({ how: 'groups', count: 3 });
      expect(howOf(r, 'ranked')).toMatchObject({ how: 'partitions', count: 3 });
      expect(howOf(r, 'doubled')).toMatchObject({ how: 'rows', count: 3 });
      expect(howOf(r, 'flat')).toMatchObject({ how: 'rows', count: 3 });
      expect(howOf(r, 'upper_totals')).toMatchObject({ how: 'full' });
      expect(howOf(r, 'best')).toMatchObject({ how: 'full', reason: 'a table it reads was recomputed' });
      await expectEqualsFullRun(dir);

      // updates in place (same group), and a row that stops passing WHERE
      editOrders(dir, (d) => d.map((x) => (x._id === 1 ? { ...x, amount: 11 } : x._id === 3 ? { ...x, amount: 1 } : x)));
      r = await watch.applyPending();
      expect(howOf(r, 'totals')).toMatchObject({ how: 'groups', count: 1 });
      await expectEqualsFullRun(dir);

      // key changes: a row moves from south to north, another from north to no region (NULL group)
      editOrders(dir, (d) => d.map((x) => (x._id === 2 ? { ...x, region: 'north' } : x._id === 8 ? { _id: 8, cust: 'fay', amount: 30 } : x)));
      r = await watch.applyPending();
      expect(howOf(r, 'totals')).toMatchObject({ how: 'groups', count: 3 }); // south, north, NULL
      await expectEqualsFullRun(dir);

      // deletes, including the last row of a group (the group's row must disappear)
      editOrders(dir, (d) => d.filter((x) => x._id !== 7 && x._id !== 4));
      r = await watch.applyPending();
      expect(readTable(dir, 'totals').some((t) => t.region === 'west')).toBe(false);
      await expectEqualsFullRun(dir);

      // the whole source emptied, then nothing pending
      editOrders(dir, () => []);
      await watch.applyPending();
      await expectEqualsFullRun(dir);
      expect(await watch.applyPending()).toBeUndefined();
    } finally {
      await watch.close();
    }
  });

  test('through CTEs and subqueries: the source _id and the group keys are traced to the source columns', async () => {
    const job = `
      CREATE TABLE tens AS WITH big AS (SELECT cust, amount FROM orders WHERE amount > 3) SELECT cust, amount * 10 AS x FROM big;
      CREATE TABLE per_cust AS SELECT who, sum(amt) AS s FROM (SELECT cust AS who, amount AS amt FROM orders) o GROUP BY who;`;
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS) });
    const watch = await Watch.open(job, { dataDir: dir });
    try {
      editOrders(dir, (d) => d.filter((x) => x._id !== 2).map((x) => (x._id === 3 ? { ...x, cust: 'bob', amount: 40 } : x)));
      const r = await watch.applyPending();
      expect(howOf(r, 'tens')).toMatchObject({ how: 'rows', count: 2 });
      expect(howOf(r, 'per_cust')).toMatchObject({ how: 'groups', count: 2 }); // ann, bob
      await expectEqualsFullRun(dir, ['orders'], ['tens', 'per_cust'], job);
    } finally {
      await watch.close();
    }
  });

  test('a file rewritten with the same documents is no batch; a reformatted file changes nothing', async () => {
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS) });
    const watch = await Watch.open(JOB, { dataDir: dir });
    try {
      writeFileSync(join(dir, 'orders.ndjson'), ORDERS.map((d) => JSON.stringify(d, null, 0) + '\n\n').join(''));
      expect(await watch.applyPending()).toBeUndefined();
      await expectEqualsFullRun(dir);
    } finally {
      await watch.close();
    }
  });

  test('sources without _id (CSV): grouped tables follow by key, row-wise ones recompute fully', async () => {
    const job = `
      CREATE TABLE by_city AS SELECT city, count(*) AS n, sum(score) AS total FROM people GROUP BY city;
      CREATE TABLE names AS SELECT name, score + 1 AS next FROM people;`;
    const dir = dataDir({ 'people.csv': 'name,city,score\nann,Oslo,3\nbob,Rome,4\ncy,Oslo,5\n' });
    const watch = await Watch.open(job, { dataDir: dir });
    try {
      writeFileSync(join(dir, 'people.csv'), 'name,city,score\nann,Oslo,3\nbob,Oslo,4\ncy,Oslo,5\ndi,Lima,1\n');
      const r = await watch.applyPending();
      expect(r?.changedDocuments).toBe(3); // bob's old line, bob's new line, di
      expect(howOf(r, 'by_city')).toMatchObject({ how: 'groups', count: 3 }); // Rome, Oslo, Lima
      expect(howOf(r, 'names')).toMatchObject({ how: 'full', reason: 'a changed source document has no _id' });
      await expectEqualsFullRun(dir, ['people'], ['by_city', 'names'], job);
    } finally {
      await watch.close();
    }
  });

  test('ObjectId and date values: identities and group keys survive the round trip through the files', async () => {
    const job = `
      CREATE TABLE daily AS SELECT day, count(*) AS n FROM events GROUP BY day;
      CREATE TABLE kinds AS SELECT kind, day FROM events WHERE kind <> 'noise';`;
    const ev = (oid: string, kind: string, day: string) => `{"_id":{"$oid":"${oid}"},"kind":"${kind}","day":{"$date":"${day}T00:00:00Z"}}`;
    const a = '65a000000000000000000001';
    const b = '65a000000000000000000002';
    const c = '65a000000000000000000003';
    const dir = dataDir({ 'events.ndjson': [ev(a, 'click', '2024-01-01'), ev(b, 'view', '2024-01-02')].join('\n') + '\n' });
    const watch = await Watch.open(job, { dataDir: dir });
    try {
      writeFileSync(join(dir, 'events.ndjson'), [ev(a, 'noise', '2024-01-02'), ev(c, 'view', '2024-01-03')].join('\n') + '\n');
      const r = await watch.applyPending();
      expect(howOf(r, 'kinds')).toMatchObject({ how: 'rows', count: 3 });
      expect(howOf(r, 'daily')).toMatchObject({ how: 'groups', count: 3 });
      await expectEqualsFullRun(dir, ['events'], ['daily', 'kinds'], job);
    } finally {
      await watch.close();
    }
  });
});

describe('change sources without old versions (MongoDB without pre-images)', () => {
  const job = `
    CREATE TABLE totals AS SELECT region, sum(amount) AS total FROM orders GROUP BY region;
    CREATE TABLE ranked AS SELECT cust, amount, rank() OVER (PARTITION BY region ORDER BY amount DESC) AS r FROM orders;`;

  /** the batch a change stream without pre-images delivers: new versions only */
  const blindBatch = (): ChangeBatch =>
    new Map([
      [
        'orders',
        {
          collection: { name: 'orders' },
          changes: [
            { id: 2, hasId: true, new: { _id: 2, region: 'north', cust: 'bob', amount: 20 }, oldKnown: false },
            { id: 6, hasId: true, oldKnown: false },
          ],
        },
      ],
    ]);

  for (const keyIndex of [true, false]) {
    test(`${keyIndex ? 'the key index supplies the old keys: touched groups only' : 'without a key index: full recompute'}`, async () => {
      const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS) });
      const planned = await planWatchJob(job);
      let engine = await EmbeddedEngine.open(dir);
      for (const w of planned.watched) await applyStatement(engine, w, 'all', { keyIndex });
      await engine.close();
      // _id 2 moves from south to north, _id 6 (south) is deleted; the events do not say they were in south
      editOrders(dir, (d) => d.filter((x) => x._id !== 6).map((x) => (x._id === 2 ? { ...x, region: 'north' } : x)));
      engine = await EmbeddedEngine.open(dir);
      const outcomes = await applyBatch(engine, planned, blindBatch(), { keyIndex });
      await engine.close();
      if (keyIndex) expect(outcomes).toMatchObject([{ how: 'groups', count: 2 }, { how: 'partitions', count: 2 }]);
      else expect(outcomes.map((o) => [o.how, o.reason])).toEqual([['full', expect.stringMatching(/no pre-image/)], ['full', expect.stringMatching(/no pre-image/)]]);
      await expectEqualsFullRun(dir, ['orders'], ['totals', 'ranked'], job);
    });
  }
});

describe('restart', () => {
  test('stopped after one batch and started again: continues from the stored position, nothing missed, nothing twice', async () => {
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS) });
    const lines: string[] = [];
    const first = await Watch.open(JOB, { dataDir: dir, onProgress: (l) => lines.push(l) });
    editOrders(dir, (d) => [...d, { _id: 10, region: 'north', cust: 'hal', amount: 4 }]);
    const r1 = await first.applyPending();
    expect(r1).toMatchObject({ batch: 1, changedDocuments: 1 });
    await first.close();

    // changes while no watch runs
    editOrders(dir, (d) => d.filter((x) => x._id !== 2).map((x) => (x._id === 10 ? { ...x, region: 'south' } : x)));
    const second = await Watch.open(JOB, { dataDir: dir, onProgress: (l) => lines.push(l) });
    try {
      expect(second.runId).toBe(first.runId);
      expect(lines.at(-1)).toMatch(/resuming after batch 1/);
      const r2 = await second.applyPending();
      // exactly the two changes made while stopped: batch 1's insert is not applied again
      expect(r2).toMatchObject({ batch: 2, changedDocuments: 2, sources: ['orders +0 ~1 -1'] });
      await expectEqualsFullRun(dir);
      expect(await second.applyPending()).toBeUndefined();
    } finally {
      await second.close();
    }
    const record = JSON.parse(readFileSync(join(dir, '.sqletl', 'runs', `${first.runId}.json`), 'utf8')) as RunRecord;
    expect(record).toMatchObject({ kind: 'watch', status: 'interrupted', watch: { batches: 2 } });
    expect(record.resumes).toHaveLength(1);
  });

  test('a changed job starts a fresh watch (its tables are recomputed)', async () => {
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS) });
    const first = await Watch.open(JOB, { dataDir: dir });
    await first.close();
    const job = JOB.replace('count(*) AS n,', 'count(*) AS n, min(amount) AS low,');
    const second = await Watch.open(job, { dataDir: dir });
    try {
      expect(second.runId).not.toBe(first.runId);
      await expectEqualsFullRun(dir, ['orders'], TARGETS, job);
    } finally {
      await second.close();
    }
  });
});

describe('what can be watched', () => {
  const cases: [string, string, RegExp][] = [
    ['a SELECT', 'CREATE TABLE t AS SELECT a FROM src;\nSELECT a FROM src;', /2:1: this statement cannot be watched: a SELECT writes no table/],
    ['an UPDATE', 'CREATE TABLE t AS SELECT a FROM src;\n  UPDATE src SET a = 1;', /2:3: .*UPDATE changes rows once/],
    ['ON CONFLICT', 'CREATE TABLE t (a int PRIMARY KEY);\nINSERT INTO t SELECT a FROM src ON CONFLICT (a) DO NOTHING;', /2:1: .*ON CONFLICT/],
    ['a keyed target', 'CREATE TABLE t (a int PRIMARY KEY);\nINSERT INTO t SELECT a FROM src;', /2:1: .*"t" has a key/],
    ['two derivations of one table', 'CREATE TABLE t AS SELECT a FROM src;\nINSERT INTO t SELECT a FROM src;', /2:1: .*already derived by statement 1/],
    ['a table read before it is derived', 'CREATE TABLE u AS SELECT a FROM t;\nCREATE TABLE t AS SELECT a FROM src;', /1:1: .*statement 2 derives after it/],
  ];
  for (const [what, sql, message] of cases) {
    test(`${what} is an error at its position`, async () => {
      const dir = dataDir({ 'src.ndjson': '{"_id":1,"a":1}\n' });
      const err = await Watch.open(sql, { dataDir: dir, file: 'job.sql' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SqlEtlError);
      expect((err as SqlEtlError).code).toBe('not-watchable');
      expect((err as SqlEtlError).format()).toMatch(new RegExp(`^job\\.sql:${message.source}`));
      // nothing was written
      expect(existsSync(join(dir, 't.ndjson'))).toBe(false);
    });
  }
});

test('a job in another dialect is refused with the reason (the watch reads PostgreSQL jobs)', async () => {
  const dir = dataDir({ 'src.ndjson': '{"_id":1,"a":1}\n' });
  const err = await Watch.open('-- dialect: tsql\nCREATE TABLE t AS SELECT a FROM src;', { dataDir: dir }).catch((e: unknown) => e);
  expect((err as SqlEtlError).code).toBe('watch-dialect');
  expect((err as Error).message).toMatch(/tsql dialect/);
});

describe('sources the watch cannot follow', () => {
  test('a view of the data directory (not defined in the job) is refused with the reason', async () => {
    const dir = dataDir({ 'src.ndjson': '{"_id":1,"a":1}\n' });
    await run('CREATE VIEW v AS SELECT a FROM src WHERE a > 0;', { dataDir: dir });
    const err = await Watch.open('CREATE TABLE t AS SELECT a FROM v;', { dataDir: dir }).catch((e: unknown) => e);
    expect((err as SqlEtlError).code).toBe('watch-view-source');
    expect((err as Error).message).toMatch(/"v" is a view/);
  });

  test('a view defined in the job is read through to its collection', async () => {
    const job = 'CREATE VIEW v AS SELECT _id, a FROM src WHERE a > 0;\nCREATE TABLE t AS SELECT a, count(*) AS n FROM v GROUP BY a;';
    const dir = dataDir({ 'src.ndjson': '{"_id":1,"a":1}\n{"_id":2,"a":-1}\n' });
    const watch = await Watch.open(job, { dataDir: dir });
    try {
      writeFileSync(join(dir, 'src.ndjson'), '{"_id":1,"a":2}\n{"_id":2,"a":3}\n');
      const r = await watch.applyPending();
      expect(howOf(r, 't')).toMatchObject({ how: 'groups' });
      await expectEqualsFullRun(dir, ['src'], ['t'], job);
    } finally {
      await watch.close();
    }
  });
});

describe('sqletl watch (CLI)', () => {
  /** the CLI from source, as a child process (the compiled bin/ needs a build) */
  const cli = (args: string[], cwd: string) =>
    spawn(process.execPath, ['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, '--input-type=module', '-e', `const m = await import(${JSON.stringify(resolve('src/cli/main.ts'))}); process.exitCode = await m.main(['node', 'sqletl', ...process.argv.slice(1)]);`, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SQLETL_MONGODB_URI: '', MONGODB_URI: '' },
    });

  const finished = (p: ReturnType<typeof cli>) =>
    new Promise<{ code: number | null; stderr: string; stdout: string }>((res) => {
      let stderr = '';
      let stdout = '';
      p.stderr.on('data', (b) => (stderr += b));
      p.stdout.on('data', (b) => (stdout += b));
      p.on('close', (code) => res({ code, stderr, stdout }));
    });

  test('--once applies pending changes and exits 0 with progress on stderr only', async () => {
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS), 'job.sql': JOB });
    const first = await finished(cli(['watch', 'job.sql', '--data', '.', '--once'], dir));
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toMatch(/initial: totals, ranked, doubled, flat, upper_totals, best computed/);
    editOrders(dir, (d) => d.slice(1));
    const second = await finished(cli(['watch', 'job.sql', '--data', '.', '--once'], dir));
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/batch 1: orders \+0 ~0 -1 \(1 changed\) → totals: 1 groups · ranked: 1 partitions · doubled: 1 rows/);
    await expectEqualsFullRun(dir);
  }, 60_000);

  test('follows file changes until SIGINT, then stores its position and exits 0', async () => {
    const dir = dataDir({ 'orders.ndjson': ndjson(ORDERS), 'job.sql': JOB });
    const p = cli(['watch', 'job.sql', '--data', '.', '--interval', '200'], dir);
    const done = finished(p);
    let seen = '';
    const waitFor = (re: RegExp) =>
      new Promise<void>((res) => {
        const check = () => {
          if (re.test(seen)) {
            p.stderr.off('data', onData);
            res();
          }
        };
        const onData = (b: Buffer) => {
          seen += b;
          check();
        };
        p.stderr.on('data', onData);
        check();
      });
    await waitFor(/initial: /);
    editOrders(dir, (d) => [...d, { _id: 11, region: 'east', cust: 'ivy', amount: 8 }]);
    await waitFor(/batch 1: orders \+1/);
    p.kill('SIGINT');
    const out = await done;
    expect(out.code).toBe(0);
    expect(seen + out.stderr).toMatch(/stopped; position saved/);
    await expectEqualsFullRun(dir);
    const runs = readdirSync(join(dir, '.sqletl', 'runs'));
    const record = JSON.parse(readFileSync(join(dir, '.sqletl', 'runs', runs[0]), 'utf8')) as RunRecord;
    expect(record).toMatchObject({ kind: 'watch', status: 'interrupted', watch: { batches: 1 } });
  }, 60_000);

  test('a standalone-looking misuse: --uri and --data together is a usage error (exit 2)', async () => {
    const dir = dataDir({ 'job.sql': JOB });
    const out = await finished(cli(['watch', 'job.sql', '--data', '.', '--uri', 'mongodb://localhost:1'], dir));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--uri and --data/);
  }, 60_000);
});
