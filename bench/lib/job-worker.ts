/**
 * One job at one size, in its own process (so peak RSS belongs to this job and size):
 *
 *  1. sqletl as a user runs it: `run(sql, { dataDir, schema })` per query, `reps`
 *     times; every run() opens a fresh embedded engine, so it compiles, reads and
 *     parses the .ndjson file, runs the pipeline and builds rows.
 *  2. PostgreSQL (PGlite, WebAssembly) in this process: start, load the collection
 *     with COPY (reported separately), run each query `reps` times; rows compared.
 *  3. Where that time goes, with the documents already in memory: compile, read
 *     (src/io/data-files.ts), the generated pipeline on mingo exactly as the engine runs
 *     it (EMBEDDED_CONTEXT, CLONE_INPUT), the same without cloning (CLONE_OFF) and the
 *     hand-written pipeline (CLONE_OFF), in turns; rows (src/run/rows.ts); an
 *     alternative reader (fast-read.ts).
 *  4. Optionally: the generated pipelines on mingo's ES-module build in turns with the
 *     CommonJS build (`esm`); stage and accumulator costs and rewrites (`stageProfile`).
 *
 * Times are CPU milliseconds (measure.ts); wall-clock times are kept beside them.
 * Peak RSS is a process high-water mark: sqletl's run() goes first, so its peak is
 * exact; PGlite's is exact when it exceeds sqletl's (otherwise it is an upper bound).
 */
import { Aggregator, ProcessingMode, cloneDeep } from '../../dist/engine/mingo-runtime.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { compile, run } from '../../dist/index.js';
import { EMBEDDED_CONTEXT } from '../../dist/engine/mingo-extensions.js';
import { leavesInputIntact } from '../../dist/engine/embedded.js';
import { readCollectionFile } from '../../dist/io/data-files.js';
import { toRows } from '../../dist/run/rows.js';
import type { Document } from '../../src/commands/command-ir.js';
import { compareTables } from '../../test/support/compare.js';
import { readNdjsonFast } from './fast-read.js';
import { loadJob, readSchema, type Query } from './jobs.js';
import { cpuMark, cpuSince, gc, measure, median, peakRssMb, round, rssMb, timeReps } from './measure.js';
import { loadEsmMingo } from './mingo-esm.js';
import { PgBench, type PgTable } from './pglite.js';
import { stageProfile, timed, type StageProfile } from './stage-profile.js';
import { REWRITES, allRewrites } from './ablations.js';

export interface WorkerArgs {
  job: string;
  size: number;
  dataDir: string;
  reps: number;
  /** also time each generated pipeline on mingo's ES-module build, in turns with the CommonJS build (mingo-esm.ts) */
  esm?: boolean;
  /** also cost every stage and $group accumulator of the generated pipelines (stage-profile.ts) */
  stageProfile?: boolean;
  /** interleaved runs per rewrite */
  experimentRuns?: number;
  /** only sqletl's run() and PGlite (the scaling pass at 1M): no in-memory breakdown, no hand-written pipeline */
  scaleOnly?: boolean;
}

export interface QueryResult {
  name: string;
  stages: number;
  /** the embedded engine copies the input before this pipeline (CLONE_INPUT) rather than running on the cached documents (src/engine/embedded.ts leavesInputIntact) */
  engineClones?: boolean;
  rows: { sqletl?: number; pglite?: number; hand?: number };
  /** sqletl's rows equal PostgreSQL's (ordered, numbers to 1e-9 relative, dates as instants) */
  sameAsPglite?: boolean;
  diff?: string;
  /** the hand-written pipeline's rows equal the generated pipeline's (numbers within 0.1: $round rounds half to even) */
  handSameAsGenerated?: boolean;
  /** CPU milliseconds (see measure.ts) */
  ms: {
    pglite?: number[];
    run?: number[];
    compile?: number;
    aggregate?: number[];
    aggregateNoClone?: number[];
    hand?: number[];
    toRows?: number;
    /** CLONE_INPUT − CLONE_OFF, per pair of runs */
    cloneCost?: number[];
  };
  /** wall-clock milliseconds of the same repetitions */
  wallMs: { pglite?: number[]; run?: number[]; aggregate?: number[]; aggregateNoClone?: number[]; hand?: number[] };
  stageProfile?: StageProfile;
  /** CPU ms of the generated pipeline (CLONE_INPUT, as the engine runs it) on mingo's CommonJS and ES-module builds, in turns */
  esm?: { cjsMs: number[]; esmMs: number[]; speedup: number; sameRows: boolean };
  /** the generated pipeline against each rewrite of it (ablations.ts), in turns */
  rewrites?: { name: string; fired: number; ms: number; generatedMs: number; saved: number; sameRows: boolean }[];
}

interface Timed {
  ms: number[];
  wallMs: number[];
  result: Document[];
}

export interface WorkerResult {
  job: string;
  size: number;
  reps: number;
  /** PGlite start and COPY: wall-clock ms; the two readers and cloneDeep of every document (CLONE_INPUT's work): CPU ms */
  load: { pgliteStartMs?: number; pgliteCopyMs?: number; sqletlReadMs: number; fastReadMs?: number; cloneAllMs?: number; fileMb: number };
  queries: QueryResult[];
  rss: { baselineMb: number; sqletlRunPeakMb?: number; pglitePeakMb?: number; pglitePeakExact?: boolean; endPeakMb: number };
  /** CLONE_OFF left every input document as it was (checked by serialising them before and after) */
  cloneOffLeftInputIntact?: boolean;
}

/** the other collections of the job, for $lookup (the flights job's airports), read once per worker */
let others = new Map<string, Document[]>();
const resolver = (name: string): Document[] => others.get(name) ?? [];

function aggregate(pipeline: Document[], docs: Document[], mode: ProcessingMode): Document[] {
  // scriptEnabled as the engine has it: mingo implements $setWindowFields with $function
  return new Aggregator(pipeline, { processingMode: mode, scriptEnabled: true, collectionResolver: resolver, context: EMBEDDED_CONTEXT }).run(docs) as Document[];
}

export async function runWorker(args: WorkerArgs): Promise<WorkerResult> {
  const job = loadJob(args.job);
  const schema = readSchema();
  const file = join(args.dataDir, `${job.collection}.ndjson`);
  const baselineMb = rssMb();
  const results: QueryResult[] = job.queries.map((q) => ({ name: q.name, stages: 0, rows: {}, ms: {}, wallMs: {} }));
  const out: WorkerResult = {
    job: job.name,
    size: args.size,
    reps: args.reps,
    load: { sqletlReadMs: 0, fileMb: round(statSync(file).size / 2 ** 20, 1) },
    queries: results,
    rss: { baselineMb, endPeakMb: 0 },
  };

  const keep = (xs: number[]) => xs.map((x) => round(x, 2));

  {
    // 1. sqletl's run(), as a user calls it (first, so its peak RSS is its own; the first repetition is a cold start)
    const sqletlRows = new Map<string, PgTable>();
    // load sqletl's modules first (compiler, engine: ~1 s once per process), as PGlite is started before it is timed
    await run('SELECT 1', {});
    for (const [i, q] of job.queries.entries()) {
      const { ms, wallMs, result } = await timeReps(args.reps, () => run(q.sql, { dataDir: args.dataDir, schema }));
      const st = result.statements[result.statements.length - 1];
      results[i].ms.run = keep(ms);
      results[i].wallMs.run = keep(wallMs);
      results[i].rows.sqletl = st.rowCount;
      sqletlRows.set(q.name, { columns: st.columns ?? [], rows: st.rows ?? [] });
    }
    out.rss.sqletlRunPeakMb = peakRssMb();
    gc();

    // 2. PostgreSQL, in this process
    const started = await measure(() => PgBench.start(schema));
    const pg = started.result;
    out.load.pgliteStartMs = round(started.wallMs);
    out.load.pgliteCopyMs = round((await measure(async () => {
      for (const c of job.collections) await pg.load(c, join(args.dataDir, `${c}.ndjson`));
    })).wallMs);
    for (const [i, q] of job.queries.entries()) {
      await pg.query(q.pgSql); // warm-up, as sqletl's in-memory runs below get one
      const { ms, wallMs, result } = await timeReps(args.reps, () => pg.query(q.pgSql));
      results[i].ms.pglite = keep(ms);
      results[i].wallMs.pglite = keep(wallMs);
      results[i].rows.pglite = result.rows.length;
      const cmp = compareTables(result, sqletlRows.get(q.name)!, true);
      results[i].sameAsPglite = cmp.ok;
      if (!cmp.ok) results[i].diff = cmp.diff.split('\n').slice(0, 8).join('\n');
    }
    const peak = peakRssMb();
    out.rss.pglitePeakMb = peak;
    out.rss.pglitePeakExact = peak > (out.rss.sqletlRunPeakMb ?? 0);
    await pg.close();
    gc();
  }

  if (args.scaleOnly) {
    out.rss.endPeakMb = peakRssMb();
    return out;
  }

  // 3. where the time goes, documents in memory: one repetition fewer than run() (at least one), to fit the default run in 10 minutes
  const memReps = Math.max(1, args.reps - 1);
  const read = await measure(() => readCollectionFile(file));
  const docs = read.result;
  others = new Map(job.collections.slice(1).map((c) => [c, readCollectionFile(join(args.dataDir, `${c}.ndjson`))]));
  out.load.sqletlReadMs = round(read.ms);
  out.load.fastReadMs = round((await measure(() => readNdjsonFast(file))).ms);
  // what CLONE_INPUT does before any stage runs: mingo's cloneDeep of every input document (fastest of the repetitions)
  const clones: number[] = [];
  for (let k = 0; k < memReps; k++) {
    gc();
    clones.push((await measure(() => docs.map((d) => cloneDeep(d)))).ms);
  }
  out.load.cloneAllMs = round(Math.min(...clones));
  gc();
  const before = args.size <= 100_000 ? JSON.stringify(docs) : undefined;
  const esmMingo = args.esm ? await loadEsmMingo() : undefined;
  const warmDocs = docs.slice(0, 2000);
  for (const [i, q] of job.queries.entries()) {
    const r = results[i];
    const compiled = await measure(() => compile(q.sql, { schema }));
    r.ms.compile = round(compiled.ms, 2);
    const st = compiled.result.statements[compiled.result.statements.length - 1];
    const cmd = st.commands.find((c) => c.kind === 'aggregate');
    if (!cmd || cmd.kind !== 'aggregate') throw new Error(`${q.name}: no aggregate command`);
    r.stages = cmd.pipeline.length;
    r.engineClones = !leavesInputIntact(cmd.pipeline);
    // warm the JIT on a slice, so that no pipeline pays for it
    aggregate(cmd.pipeline, warmDocs, ProcessingMode.CLONE_INPUT);
    aggregate(q.hand, warmDocs, ProcessingMode.CLONE_OFF);
    gc();
    // in turns: the engine's mode, no cloning, the hand-written pipeline (a full GC before each)
    const gen: Timed = { ms: [], wallMs: [], result: [] };
    const off: Timed = { ms: [], wallMs: [], result: [] };
    const hand: Timed = { ms: [], wallMs: [], result: [] };
    for (let k = 0; k < memReps; k++) {
      for (const [acc, pipeline, mode] of [
        [gen, cmd.pipeline, ProcessingMode.CLONE_INPUT],
        [off, cmd.pipeline, ProcessingMode.CLONE_OFF],
        [hand, q.hand, ProcessingMode.CLONE_OFF],
      ] as const) {
        gc();
        const m = await measure(() => aggregate(pipeline, docs, mode));
        acc.ms.push(m.ms);
        acc.wallMs.push(m.wallMs);
        acc.result = m.result;
      }
    }
    r.ms.aggregate = keep(gen.ms);
    r.wallMs.aggregate = keep(gen.wallMs);
    r.ms.aggregateNoClone = keep(off.ms);
    r.wallMs.aggregateNoClone = keep(off.wallMs);
    r.ms.hand = keep(hand.ms);
    r.wallMs.hand = keep(hand.wallMs);
    r.ms.cloneCost = keep(gen.ms.map((g, k) => g - off.ms[k]));
    const rows = await measure(() => toRows(gen.result, st.columns));
    r.ms.toRows = round(rows.ms, 2);
    const genRows = rows.result;
    r.rows.hand = hand.result.length;
    r.handSameAsGenerated = sameLoosely(genRows.rows, toRows(hand.result, st.columns).rows);
    if (esmMingo) {
      const run2 = (A: typeof Aggregator, context: typeof EMBEDDED_CONTEXT) => {
        gc();
        const c = cpuMark();
        const res = new A(cmd.pipeline, { processingMode: ProcessingMode.CLONE_INPUT, scriptEnabled: true, collectionResolver: resolver, context }).run(docs) as Document[];
        return { ms: cpuSince(c), res };
      };
      run2(esmMingo.Aggregator, esmMingo.context); // warm-up of the ES build's code
      const cjsMs: number[] = [];
      const esmMs: number[] = [];
      let esmRes: Document[] = [];
      for (let k = 0; k < Math.max(2, args.reps); k++) {
        cjsMs.push(run2(Aggregator, EMBEDDED_CONTEXT).ms);
        const e = run2(esmMingo.Aggregator, esmMingo.context);
        esmMs.push(e.ms);
        esmRes = e.res;
      }
      r.esm = { cjsMs: keep(cjsMs), esmMs: keep(esmMs), speedup: round(median(cjsMs.map((c, k) => c / esmMs[k])), 2), sameRows: sameLoosely(genRows.rows, toRows(esmRes, st.columns).rows, 0) };
    }
    if (!sameLoosely(genRows.rows, toRows(off.result, st.columns).rows, 0)) throw new Error(`${q.name}: CLONE_OFF changed the result`);
    // the experiments run pipelines without a collection resolver: not for joins
    if (args.stageProfile && !JSON.stringify(cmd.pipeline).includes('"$lookup"')) {
      r.stageProfile = stageProfile(cmd.pipeline, docs, 3);
      r.rewrites = [];
      const variants = [...Object.entries(REWRITES).map(([name, f]) => ({ name, ...f(cmd.pipeline) })), { name: 'all together', ...allRewrites(cmd.pipeline) }];
      const fired = variants.filter((v) => v.fired > 0 && v.name !== 'all together').length;
      for (const v of variants) {
        if (v.fired === 0 || (v.name === 'all together' && fired < 2)) continue;
        // interleaved pairs: the saving is the median of the pairs' savings
        const gens: number[] = [];
        const vars: number[] = [];
        let res: Document[] = [];
        for (let k = 0; k < (args.experimentRuns || 5); k++) {
          gens.push(timed(cmd.pipeline, docs).ms);
          const once = timed(v.pipeline, docs);
          vars.push(once.ms);
          res = once.out;
        }
        const saved = median(gens.map((g, k) => 1 - vars[k] / g));
        const sameRows = sameLoosely(toRows(off.result, st.columns).rows, toRows(res, st.columns).rows, 0);
        r.rewrites.push({ name: v.name, fired: v.fired, ms: round(median(vars), 1), generatedMs: round(median(gens), 1), saved: round(saved, 3), sameRows });
      }
    }
  }
  if (before !== undefined) out.cloneOffLeftInputIntact = JSON.stringify(docs) === before;
  out.rss.endPeakMb = peakRssMb();
  return out;
}

/** Same rows as multisets; numbers within `abs` (+1e-9 relative), everything else exactly (dates as instants). */
function sameLoosely(a: unknown[][], b: unknown[][], abs = 0.1): boolean {
  if (a.length !== b.length) return false;
  const eq = (x: unknown, y: unknown): boolean => {
    if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= abs + 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
    return x === y;
  };
  const pool = [...b];
  for (const row of a) {
    const j = pool.findIndex((r) => r.length === row.length && r.every((v, k) => eq(row[k], v)));
    if (j < 0) return false;
    pool.splice(j, 1);
  }
  return true;
}

export function summarizeQuery(q: QueryResult): Record<string, number | undefined> {
  const m = (xs?: number[]) => (xs ? median(xs) : undefined);
  return { pglite: m(q.ms.pglite), run: m(q.ms.run), aggregate: m(q.ms.aggregate), aggregateNoClone: m(q.ms.aggregateNoClone), hand: m(q.ms.hand) };
}

export type { Query };
