/**
 * A write job (the upsert load) at one size, in its own process. Unlike a query, the
 * statement changes its table, so every repetition starts from a fresh copy of the
 * generated files (sqletl) or is rolled back (PostgreSQL):
 *
 *  1. sqletl as a user runs it: `run(sql, { dataDir, schema })` on a copy of the data
 *     directory — compile, read both collections, the statement's pipelines (stage,
 *     checks, counts, rejects, the write's `$merge`), and saving the table's file.
 *  2. The hand-written pipeline (hand-pipelines.ts) on the same engine, as an aggregate
 *     command over the batch ending in `$merge`: the same read, merge and save.
 *  3. PostgreSQL (PGlite) in this process: the table with its primary key and the batch
 *     loaded by COPY, the statement in a transaction that is rolled back after each
 *     repetition except the last.
 * Then the three resulting tables are compared (ordered by the key).
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../dist/index.js';
import { EmbeddedEngine } from '../../dist/engine/embedded.js';
import type { Stage } from '../../src/commands/mql-types.js';
import { compareTables } from '../../test/support/compare.js';
import { loadJob, readSchema } from './jobs.js';
import { cpuMark, cpuSince, gc, now, peakRssMb, round, rssMb } from './measure.js';
import { PgBench, type PgTable } from './pglite.js';
import type { QueryResult, WorkerArgs, WorkerResult } from './job-worker.js';

/** the table after the load, as rows ordered by its key (both engines) */
const readBack = (table: string) => `SELECT id, owner, region, balance, visits, updated_at FROM ${table} ORDER BY id`;

export async function runWriteWorker(args: WorkerArgs): Promise<WorkerResult> {
  const job = loadJob(args.job);
  const schema = readSchema();
  const baselineMb = rssMb();
  const q = job.queries[0];
  const r: QueryResult = { name: q.name, stages: 0, rows: {}, ms: { run: [], hand: [], pglite: [] }, wallMs: { run: [], hand: [], pglite: [] } };
  const out: WorkerResult = {
    job: job.name,
    size: args.size,
    reps: args.reps,
    load: { sqletlReadMs: 0, fileMb: round(job.collections.reduce((s, c) => s + statSync(join(args.dataDir, `${c}.ndjson`)).size, 0) / 2 ** 20, 1) },
    queries: [r],
    rss: { baselineMb, endPeakMb: 0 },
  };
  const keep = (xs: number[]) => xs.map((x) => round(x, 2));
  /** a fresh copy of the generated files; the time to make it is not measured */
  const freshCopy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-bench-write-'));
    for (const c of job.collections) copyFileSync(join(args.dataDir, `${c}.ndjson`), join(dir, `${c}.ndjson`));
    return dir;
  };
  const timeOnCopy = async (fn: (dir: string) => Promise<unknown>, into: { ms: number[]; wall: number[] }): Promise<PgTable> => {
    let table: PgTable = { columns: [], rows: [] };
    for (let k = 0; k < args.reps; k++) {
      const dir = freshCopy();
      try {
        gc();
        const c = cpuMark();
        const t = now();
        await fn(dir);
        into.ms.push(cpuSince(c));
        into.wall.push(now() - t);
        if (k === args.reps - 1) {
          const res = await run(readBack(job.collection), { dataDir: dir, schema });
          const st = res.statements[0];
          table = { columns: st.columns ?? [], rows: st.rows ?? [] };
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return table;
  };

  // 1. sqletl's run()
  // load sqletl's modules first (compiler, engine: ~1 s once per process), as PGlite is started before it is timed
  await run('SELECT 1', {});
  const runTimes = { ms: [] as number[], wall: [] as number[] };
  let affected = 0;
  const sqletlTable = await timeOnCopy(async (dir) => {
    const res = await run(q.sql, { dataDir: dir, schema });
    affected = res.statements[res.statements.length - 1].rowCount ?? 0;
  }, runTimes);
  r.ms.run = keep(runTimes.ms);
  r.wallMs.run = keep(runTimes.wall);
  r.rows.sqletl = affected;
  out.rss.sqletlRunPeakMb = peakRssMb();

  // 2. the hand-written pipeline on the same engine (not in the scale-only pass)
  if (!args.scaleOnly) {
    const handTimes = { ms: [] as number[], wall: [] as number[] };
    const handTable = await timeOnCopy(async (dir) => {
      const engine = new EmbeddedEngine(dir);
      await engine.aggregate({ kind: 'aggregate', collection: job.collections[1], pipeline: q.hand as Stage[] });
      await engine.close();
    }, handTimes);
    r.ms.hand = keep(handTimes.ms);
    r.wallMs.hand = keep(handTimes.wall);
    r.handSameAsGenerated = compareTables(sqletlTable, handTable, true).ok;
    r.rows.hand = handTable.rows.length;
    gc();
  }

  // 3. PostgreSQL
  const t0 = now();
  const pg = await PgBench.start(schema);
  out.load.pgliteStartMs = round(now() - t0);
  const t1 = now();
  for (const c of job.collections) await pg.load(c, join(args.dataDir, `${c}.ndjson`));
  out.load.pgliteCopyMs = round(now() - t1);
  for (let k = 0; k < args.reps; k++) {
    await pg.db.exec('BEGIN');
    const c = cpuMark();
    const t = now();
    const res = await pg.db.query(q.pgSql);
    r.ms.pglite!.push(round(cpuSince(c), 2));
    r.wallMs.pglite!.push(round(now() - t, 2));
    r.rows.pglite = res.affectedRows;
    if (k < args.reps - 1) {
      await pg.db.exec('ROLLBACK');
      await pg.db.exec(`VACUUM ${job.collection}`);
    } else await pg.db.exec('COMMIT');
  }
  const pgTable = await pg.query(readBack(job.collection));
  const cmp = compareTables(pgTable, sqletlTable, true);
  r.sameAsPglite = cmp.ok && r.rows.pglite === r.rows.sqletl;
  if (!cmp.ok) r.diff = cmp.diff.split('\n').slice(0, 8).join('\n');
  const peak = peakRssMb();
  out.rss.pglitePeakMb = peak;
  out.rss.pglitePeakExact = peak > (out.rss.sqletlRunPeakMb ?? 0);
  await pg.close();
  out.rss.endPeakMb = peakRssMb();
  return out;
}
