/**
 * `npm run bench`: sqletl's benchmark (issue 9). Writes bench/results.json, prints the
 * tables and refreshes the figures in bench/README.md. Speed is always a ratio
 * against a reference measured in the same run (PostgreSQL via PGlite, libpg-query's
 * parser, a hand-written pipeline), never an assertion.
 *
 *   npm run bench                                   # compile, static checks, jobs at 10k and 100k, flights at 1M (run() and PGlite only), profiles
 *   npm run bench -- --full                         # every job at 10k, 100k and 1M with the full breakdown, plus the experiments (about an hour)
 *   npm run bench -- --sizes 10000,100000,1000000   # also 1M documents for every job
 *   npm run bench -- --only compile,static          # a subset: compile, static, jobs, experiments, esm, profile
 *   npm run bench -- --reps 1 --compile-seconds 10  # quicker, noisier
 *   npm run bench -- --sizes 1000000 --only jobs --jobs flights   # one job, one size
 *
 * Each job and size runs in its own process (bench/lib/job-worker.ts), so peak RSS is
 * that job's; data is generated into a temporary directory and removed afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { compileBench, type CompileResult } from './lib/compile-bench.js';
import { summarizeProfile, type ProfileSummary } from './lib/cpuprofile.js';
import { writeCollection, type CollectionName } from './lib/generate.js';
import { BENCH_DIR, JOB_COLLECTIONS, JOB_NAMES, ROOT_DIR } from './lib/jobs.js';
import { runWorker, type WorkerArgs, type WorkerResult } from './lib/job-worker.js';
import { runWriteWorker } from './lib/write-worker.js';
import { loadJob } from './lib/jobs.js';
import { median, now, round } from './lib/measure.js';
import { staticChecks, type StaticResult } from './lib/static-checks.js';
import { markdown, table, type Cell } from './lib/table.js';
import { profileTarget } from './lib/profile-target.js';

process.env.TZ = 'UTC';

const PHASES = ['compile', 'static', 'jobs', 'experiments', 'esm', 'profile'] as const;
type Phase = (typeof PHASES)[number];
/** the default run leaves out the experiments (stage costs, rewrites, mingo's ES build): research tools, not figures */
const DEFAULT_PHASES: Phase[] = ['compile', 'static', 'jobs', 'profile'];

interface Options {
  sizes: number[];
  reps?: number;
  compileSeconds: number;
  maxIterations: number;
  only: Set<Phase>;
  readme: boolean;
  out: string;
  /** interleaved runs per rewrite in the experiments */
  experimentRuns: number;
  /** render an existing results file instead of measuring */
  from?: string;
  /** the jobs to run (default: all) */
  jobs: string[];
  /** sizes beyond `sizes` where only run() and PGlite are timed, once, for the scaling table (default: 1M) */
  scaleSizes: number[];
  /** the jobs of the scale-only sizes (default: flights, the one that fits the 10-minute budget) */
  scaleJobs: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [10_000, 100_000], compileSeconds: 20, maxIterations: 1000, only: new Set(DEFAULT_PHASES), readme: true, out: join(BENCH_DIR, 'results.json'), experimentRuns: 5, jobs: JOB_NAMES, scaleSizes: [1_000_000], scaleJobs: ['flights'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') o.sizes = val().split(',').map((s) => Number(s.replace(/_/g, '')));
    else if (a === '--reps') o.reps = Number(val());
    else if (a === '--compile-seconds') o.compileSeconds = Number(val());
    else if (a === '--iterations') o.maxIterations = Number(val());
    else if (a === '--only') o.only = new Set(val().split(',') as Phase[]);
    else if (a === '--no-readme') o.readme = false;
    else if (a === '--out') o.out = val();
    else if (a === '--experiment-runs') o.experimentRuns = Number(val());
    else if (a === '--from') o.from = val();
    else if (a === '--jobs') o.jobs = val().split(',');
    else if (a === '--scale-sizes') {
      const v = val();
      o.scaleSizes = v === 'none' ? [] : v.split(',').map((s) => Number(s.replace(/_/g, '')));
    }
    else if (a === '--scale-jobs') o.scaleJobs = val().split(',');
    else if (a === '--full') {
      o.sizes = [10_000, 100_000, 1_000_000];
      o.only = new Set(PHASES);
      o.scaleSizes = [];
    } else usage(`unknown option ${a}`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n <= 0)) usage('--sizes takes positive integers, e.g. 10000,100000');
  for (const p of o.only) if (!PHASES.includes(p)) usage(`--only takes ${PHASES.join(', ')}`);
  for (const j of [...o.jobs, ...o.scaleJobs]) if (!JOB_NAMES.includes(j)) usage(`--jobs and --scale-jobs take ${JOB_NAMES.join(', ')}`);
  if (o.scaleSizes.some((n) => !Number.isInteger(n) || n <= 0)) usage('--scale-sizes takes positive integers or none');
  // a scale-only size that is also a full size is measured in full
  o.scaleSizes = o.scaleSizes.filter((n) => !o.sizes.includes(n));
  o.scaleJobs = o.scaleJobs.filter((j) => o.jobs.includes(j));
  return o;
}

function usage(msg: string): never {
  process.stderr.write(`bench: ${msg}\nusage: npm run bench -- [--full] [--sizes 10000,100000,1000000] [--scale-sizes 1000000|none] [--scale-jobs ${JOB_NAMES.join(',')}] [--reps N] [--compile-seconds S] [--iterations N] [--only ${PHASES.join(',')}] [--experiment-runs N] [--jobs ${JOB_NAMES.join(',')}] [--no-readme] [--out FILE] [--from RESULTS.json]\n`);
  process.exit(2);
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const repsFor = (size: number, o: Options) => o.reps ?? (size <= 10_000 ? 3 : size <= 100_000 ? 2 : 1);

/** CPU seconds of this process and its finished children (Linux /proc: utime, stime, cutime, cstime in clock ticks of 1/100 s). */
function cpuSecondsWithChildren(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // after "(comm) ", field 3 (state) is index 0: utime is field 14 → index 11
    return round(fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100, 0);
  } catch {
    return undefined;
  }
}

/** Runs this file as a child process in worker mode and returns what it wrote. */
async function child(args: string[], nodeFlags: string[] = []): Promise<unknown> {
  const outFile = join(tmpdir(), `sqletl-bench-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const argv = ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', ...nodeFlags, join(BENCH_DIR, 'run.ts'), ...args, '--out', outFile];
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, argv, { cwd: ROOT_DIR, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, TZ: 'UTC' } });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench worker ${args.join(' ')} exited with ${code}`))));
  });
  const text = readFileSync(outFile, 'utf8');
  rmSync(outFile, { force: true });
  return JSON.parse(text);
}

// ---------------------------------------------------------------- worker modes

async function workerMain(argv: string[]): Promise<void> {
  const get = (k: string) => argv[argv.indexOf(k) + 1];
  const out = get('--out');
  if (argv[0] === '--worker') {
    const args: WorkerArgs = {
      job: get('--job'),
      size: Number(get('--size')),
      dataDir: get('--data'),
      reps: Number(get('--reps')),
      esm: argv.includes('--esm'),
      stageProfile: argv.includes('--stage-profile'),
      experimentRuns: Number(get('--experiment-runs')),
      scaleOnly: argv.includes('--scale-only'),
    };
    writeFileSync(out, JSON.stringify(loadJob(args.job).kind === 'write' ? await runWriteWorker(args) : await runWorker(args)));
  } else {
    await profileTarget(get('--job'), get('--data'));
    writeFileSync(out, '{}');
  }
}

// ---------------------------------------------------------------- main

interface Results {
  generatedAt: string;
  machine: { node: string; cpus: number; cpuModel: string; memoryGb: number; platform: string; loadavgStart: number[]; loadavgEnd?: number[] };
  options: { sizes: number[]; reps: Record<string, number>; phases: Phase[]; experimentRuns?: number; scaleSizes?: number[]; scaleJobs?: string[] };
  durationSeconds?: number;
  /** CPU seconds of this process and its workers: about what the run takes on an idle machine (the work is single-threaded) */
  cpuSeconds?: number;
  compile?: CompileResult;
  static?: StaticResult;
  jobs: WorkerResult[];
  profiles: { job: string; size: number; summary: ProfileSummary }[];
  notSupported: string[];
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.from) {
    publish(JSON.parse(readFileSync(o.from, 'utf8')) as Results, o);
    return;
  }
  const started = now();
  const results: Results = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGb: round(totalmem() / 2 ** 30, 1), platform: `${process.platform} ${process.arch}`, loadavgStart: loadavg().map((x) => round(x, 2)) },
    options: { sizes: o.sizes, reps: Object.fromEntries([...o.sizes, ...o.scaleSizes].map((s) => [s, repsFor(s, o)])), phases: [...o.only], experimentRuns: o.experimentRuns, scaleSizes: o.only.has('jobs') ? o.scaleSizes : [], scaleJobs: o.scaleJobs },
    jobs: [],
    profiles: [],
    notSupported: [],
  };

  if (o.only.has('compile')) {
    log('== compile');
    results.compile = await compileBench({ maxIterations: o.maxIterations, budgetSeconds: o.compileSeconds, log });
  }
  if (o.only.has('static')) {
    log('== static checks');
    results.static = await staticChecks();
  }
  // the ES-module experiment and the CPU profile at the largest size up to 100k; stage costs and rewrites (many runs) at the smallest
  const experimentSize = [...o.sizes].filter((s) => s <= 100_000).sort((a, b) => b - a)[0];
  const smallest = Math.min(...o.sizes);
  if (o.only.has('jobs') || o.only.has('profile')) {
    const plan = [...o.sizes.map((size) => ({ size, jobs: o.jobs, scaleOnly: false })), ...(o.only.has('jobs') ? o.scaleSizes.map((size) => ({ size, jobs: o.scaleJobs, scaleOnly: true })) : [])];
    for (const { size, jobs, scaleOnly } of plan) {
      if (jobs.length === 0) continue;
      const dir = mkdtempSync(join(tmpdir(), 'sqletl-bench-data-'));
      try {
        const t = now();
        for (const c of new Set(jobs.flatMap((j) => JOB_COLLECTIONS[j])) as Set<CollectionName>) await writeCollection(dir, c, size);
        log(`== ${size.toLocaleString('en-US')} documents per collection (generated in ${round((now() - t) / 1000, 1)} s, ${dir})`);
        const reps = repsFor(size, o);
        for (const job of jobs) {
          if (o.only.has('jobs')) {
            log(`-- ${job} ×${size}: ${scaleOnly ? 'sqletl run() and PGlite only' : 'PGlite, sqletl run(), in-memory breakdown'} (${reps} reps)`);
            const extra = [...(o.only.has('experiments') && size === smallest ? ['--stage-profile', '--experiment-runs', String(o.experimentRuns)] : []), ...(o.only.has('esm') && size === experimentSize ? ['--esm'] : []), ...(scaleOnly ? ['--scale-only'] : [])];
            results.jobs.push((await child(['--worker', '--job', job, '--size', String(size), '--data', dir, '--reps', String(reps), ...extra])) as WorkerResult);
          }
          if (o.only.has('profile') && size === experimentSize && !scaleOnly) {
            log(`-- ${job} ×${size}: CPU profile of run()`);
            const profDir = mkdtempSync(join(tmpdir(), 'sqletl-bench-prof-'));
            await child(['--profile-target', '--job', job, '--data', dir], ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
            const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
            const biggest = files.map((f) => join(profDir, f)).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
            results.profiles.push({ job, size, summary: summarizeProfile(biggest) });
            rmSync(profDir, { recursive: true, force: true });
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  results.machine.loadavgEnd = loadavg().map((x) => round(x, 2));
  results.durationSeconds = round((now() - started) / 1000, 0);
  results.cpuSeconds = cpuSecondsWithChildren();
  writeFileSync(o.out, JSON.stringify(results, null, 2) + '\n');
  publish(results, o);
  log(`bench: ${results.durationSeconds} s wall, ${results.cpuSeconds ?? '?'} s CPU with the workers; wrote ${o.out}`);
}

/** the figures before this round of optimisations (issue 9), shown beside the new ones when present */
const BASELINE = join(BENCH_DIR, 'results.before.json');

/** Prints the tables and, for bench/results.json (or --from), refreshes README.md's figures. */
function publish(results: Results, o: Options): void {
  const report = render(results, existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as Results & { baselineNote?: string }) : undefined);
  process.stdout.write(report.text + '\n');
  const readme = join(BENCH_DIR, 'README.md');
  if (o.readme && (o.from !== undefined || o.out === join(BENCH_DIR, 'results.json')) && existsSync(readme)) {
    const md = readFileSync(readme, 'utf8');
    const re = /(<!-- figures:start -->\n)[\s\S]*?(<!-- figures:end -->)/;
    if (re.test(md)) writeFileSync(readme, md.replace(re, (_m, a: string, b: string) => `${a}${report.markdown}\n${b}`));
  }
}

// ---------------------------------------------------------------- report

const m = (xs?: number[]) => (xs && xs.length ? median(xs) : undefined);
const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? round(a / b, 1) : undefined);
const x = (r?: number) => (r === undefined ? undefined : `${r}×`);
const sizeLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function render(r: Results, before?: Results & { baselineNote?: string }): { text: string; markdown: string } {
  const sections: { title: string; head: string[]; rows: Cell[][]; note?: string }[] = [];
  const mc = r.machine;
  const machine = `${mc.cpus} × ${mc.cpuModel}, ${mc.memoryGb} GB, ${mc.platform}, node ${mc.node}; load average ${mc.loadavgStart.join(' ')} at start, ${mc.loadavgEnd?.join(' ')} at end; ${r.durationSeconds} s wall in all${r.cpuSeconds !== undefined ? `, ${r.cpuSeconds} s CPU (this process and its workers)` : ''} (${r.generatedAt.slice(0, 16)}Z)`;

  if (r.compile) {
    const c = r.compile;
    sections.push({
      title: 'Compile (grammar-tests, fixture schema)',
      head: ['cases', 'statements', 'iterations', 'compile CPU ms', 'statements/s', 'parse-only CPU ms', 'compile / parse', 'schema re-read share'],
      rows: [[c.cases, c.statements, c.iterations, c.compileMs, c.statementsPerSecond, c.parseMs, x(c.compileToParseRatio), `${round(c.schemaShare * 100, 0)}%`]],
      note: c.skipped.length ? `skipped (do not compile today): ${c.skipped.join(', ')}` : undefined,
    });
  }
  if (r.static) {
    const s = r.static;
    sections.push({
      title: 'Static checks (grammar-tests and job pipelines)',
      head: ['pipelines', 'stages min/median/max', 'jobs min/median/max', 'WHERE on a collection', 'leading $match', 'query-language $match', '$push "$$ROOT"', 'CLONE_OFF same rows / input intact'],
      rows: [[s.pipelines, `${s.stageCounts.min}/${s.stageCounts.median}/${s.stageCounts.max}`, `${s.jobStageCounts.min}/${s.jobStageCounts.median}/${s.jobStageCounts.max}`, s.whereOnBase, s.withLeadingMatch, s.withQueryLanguageMatch, s.pushRoot.length, `${s.cloneOff.sameRows}/${s.cloneOff.cases} / ${s.cloneOff.inputIntact}/${s.cloneOff.cases}`]],
      note: [
        s.missingLeadingMatch.length ? `WHERE without a leading $match: ${s.missingLeadingMatch.join(', ')}.` : 'Every such query starts with $match.',
        `Leading $match with only $expr (no index can serve it): ${s.exprOnlyMatch.map((f) => f.replace(/^grammar-tests\//, '').replace(/\.sql$/, '')).join(', ')}.`,
        'Counted: queries whose FROM is one collection (through CTEs and subqueries) and whose WHERE has a conjunct without a subquery; joins are left to a later version.',
      ].join(' '),
    });
  }
  if (r.jobs.length) {
    const rows: Cell[][] = [];
    for (const w of r.jobs) {
      for (const q of w.queries) {
        const pg = m(q.ms.pglite);
        const runMs = m(q.ms.run);
        const agg = m(q.ms.aggregate);
        // a write job's hand-written pipeline runs through the engine as run() does (read, merge, save): compared with run()
        const generated = q.ms.aggregateNoClone?.length ? m(q.ms.aggregateNoClone) : runMs;
        rows.push([`${w.job} ${sizeLabel(w.size)}`, q.name, `${q.rows.sqletl}/${q.rows.pglite}${q.sameAsPglite ? '' : ' ≠'}`, pg, runMs, m(q.wallMs?.run), x(ratio(runMs, pg)), agg, x(ratio(agg, pg)), m(q.ms.aggregateNoClone), m(q.ms.hand), x(ratio(generated, m(q.ms.hand)))]);
      }
    }
    sections.push({
      title: 'Jobs: CPU milliseconds per query (median of the repetitions), ratios against PGlite and the hand-written pipeline',
      head: ['job', 'query', 'rows sqletl/pg', 'PGlite', 'sqletl run()', 'run() wall', 'run/PG', 'pipeline', 'pipeline/PG', 'no clone', 'hand-written', 'generated/hand'],
      rows,
      note: 'run() = compile + read the .ndjson + pipeline + rows, as `sqletl run` does (run() wall: its wall-clock time on this shared machine). pipeline = the generated pipeline on mingo over documents already in memory with CLONE_INPUT (what the engine did before it ran queries without copying). no clone / hand-written = CLONE_OFF, the generated and the hand-written pipeline; generated/hand compares those two. upsert: rows = rows written (PostgreSQL: affected rows); hand-written = the expert `$merge` pipeline through the same engine (read, merge, save), generated/hand = run() / that; `≠` marks results (rows, or the table after the upsert) that differ from PostgreSQL\'s. 1M rows (scale-only): run() and PGlite, once.',
    });
    sections.push({
      title: 'Loading (not part of the query times) and peak RSS',
      head: ['job', 'file MB', 'sqletl read CPU ms', 'bench/lib/fast-read.ts CPU ms', 'PGlite start wall ms', 'PGlite COPY wall ms', 'peak RSS sqletl run() MB', 'peak RSS PGlite MB'],
      rows: r.jobs.map((w) => [`${w.job} ${sizeLabel(w.size)}`, w.load.fileMb, w.load.sqletlReadMs || undefined, w.load.fastReadMs, w.load.pgliteStartMs, w.load.pgliteCopyMs, w.rss.sqletlRunPeakMb, w.rss.pglitePeakExact ? w.rss.pglitePeakMb : `≤ ${w.rss.pglitePeakMb}`]),
      note: `Each job and size runs in a fresh process (baseline RSS ${r.jobs[0]?.rss.baselineMb} MB, included). sqletl's run() goes first, so its figure is its own peak; PGlite's is marked ≤ when it did not exceed sqletl's.`,
    });
    const glueRows: Cell[][] = [];
    const largestFull = Math.max(...r.jobs.filter((j) => j.queries.some((q) => q.ms.aggregate?.length)).map((w) => w.size));
    for (const w of r.jobs.filter((j) => j.size === largestFull && j.queries.some((q) => q.ms.aggregate?.length))) {
      for (const q of w.queries) {
        const runMs = m(q.ms.run) ?? 0;
        const agg = m(q.ms.aggregate) ?? 0;
        const off = m(q.ms.aggregateNoClone) ?? 0;
        // the engine runs a query on the cached documents unless a stage could write into them (all job queries of this version; results before it lack the field)
        const copies = q.engineClones ?? false;
        const clone = copies ? (w.load.cloneAllMs ?? m(q.ms.cloneCost) ?? Math.max(0, agg - off)) : 0;
        const parts = [q.ms.compile ?? 0, w.load.sqletlReadMs, clone, copies ? agg - clone : off, q.ms.toRows ?? 0];
        const pct = (v: number) => `${round((100 * v) / runMs, 0)}%`;
        glueRows.push([`${w.job} ${sizeLabel(w.size)}`, q.name, runMs, ...parts.map(pct), pct(runMs - parts.reduce((a, b) => a + b, 0))]);
      }
    }
    sections.push({
      title: `Where sqletl run() time goes (${sizeLabel(largestFull)} documents), share of run()'s CPU time`,
      head: ['job', 'query', 'run() ms', 'compile', 'read', 'CLONE_INPUT copy', 'pipeline on mingo', 'rows', 'other'],
      rows: glueRows,
      note: 'Measured apart with the documents in memory: CLONE_INPUT copy = mingo\'s cloneDeep of every document of the collection, which the engine does before the first stage only where a stage could write into its input (none of these queries now); pipeline = the pipeline as the engine runs it (CLONE_OFF here); other = run() − the parts (GC, engine set-up, noise).',
    });
    const stageRows: Cell[][] = [];
    const accRows: Cell[][] = [];
    for (const w of r.jobs) {
      for (const q of w.queries) {
        const sp = q.stageProfile;
        if (!sp) continue;
        const total = sp.stages.reduce((a, b) => a + b.ms, 0);
        for (const st of sp.stages) stageRows.push([`${w.job} ${sizeLabel(w.size)}`, q.name, `${st.index} ${st.op}`, st.docsOut, st.ms, `${round((100 * st.ms) / total, 0)}%`]);
        for (const e of sp.expressions) accRows.push([q.name, `${e.stage} ${sp.stages[e.stage]?.op ?? ''}`, e.field, e.expr, e.ms, `${round((100 * e.ms) / total, 0)}%`]);
      }
    }
    if (stageRows.length) {
      sections.push({
        title: 'Generated pipelines stage by stage (CPU ms, CLONE_OFF, each stage fed the previous output; fastest of 3 runs)',
        head: ['job', 'query', 'stage', 'docs out', 'ms', 'share'],
        rows: stageRows,
      });
      sections.push({
        title: 'Expressions evaluated per document: group keys, accumulator arguments, computed fields (CPU ms, fastest of 3)',
        head: ['query', 'stage', 'field', 'expression', 'ms', 'of pipeline'],
        rows: accRows,
        note: "Each expression evaluated with mingo's evalExpr over its stage's input, less a constant's loop; share of the sum of the stage times above.",
      });
    }
    const rewriteRows: Cell[][] = [];
    for (const w of r.jobs) {
      for (const q of w.queries) {
        for (const v of q.rewrites ?? []) rewriteRows.push([`${w.job} ${sizeLabel(w.size)}`, q.name, v.name, v.fired, v.generatedMs, v.ms, `${round(100 * v.saved, 0)}%`, v.sameRows ? 'yes' : 'NO']);
      }
    }
    if (rewriteRows.length) {
      sections.push({
        title: `Rewrites of the generated pipelines (bench/lib/ablations.ts), CPU ms, CLONE_OFF, medians of ${r.options.experimentRuns ?? 5} interleaved pairs`,
        head: ['job', 'query', 'rewrite', 'sites', 'generated ms', 'rewritten ms', 'saved', 'same rows'],
        rows: rewriteRows,
      });
    }
    const scaleRows: Cell[][] = [];
    for (const job of JOB_NAMES) {
      const ws = r.jobs.filter((w) => w.job === job).sort((a, b) => a.size - b.size);
      const total = (w: WorkerResult, k: 'run' | 'aggregate' | 'pglite') => w.queries.reduce((s, q) => s + (m(q.ms[k]) ?? 0), 0);
      for (const w of ws) {
        const prev = ws[ws.indexOf(w) - 1];
        const perDoc = (k: 'run' | 'aggregate' | 'pglite', v: WorkerResult) => (total(v, k) * 1000) / v.size;
        const val = (k: 'run' | 'aggregate' | 'pglite', v: WorkerResult) => (total(v, k) > 0 ? perDoc(k, v) : undefined);
        // against the previous size that measured it (scale-only sizes have no in-memory pipeline)
        const growth = (k: 'run' | 'aggregate' | 'pglite') => {
          const cur = val(k, w);
          const before = ws.slice(0, ws.indexOf(w)).reverse().find((v) => val(k, v) !== undefined);
          return cur !== undefined && before ? x(round(cur / val(k, before)!, 2)) : undefined;
        };
        const r2 = (v?: number) => (v === undefined ? undefined : round(v, 2));
        scaleRows.push([job, sizeLabel(w.size), r2(val('run', w)), growth('run'), r2(val('aggregate', w)), growth('aggregate'), r2(val('pglite', w)), growth('pglite')]);
      }
    }
    sections.push({
      title: 'Scaling: CPU microseconds per document (all queries of the job), and the change from the previous size',
      head: ['job', 'size', 'sqletl run() µs/doc', 'change', 'pipeline µs/doc', 'change', 'PGlite µs/doc', 'change'],
      rows: scaleRows,
      note: '1.0× = linear; above 1 the cost per document grows with the collection. Documents = the size (upsert: the table; its batch is a fifth of it; flights: the flights, the 31 airports aside).',
    });
  }
  if (before && r.jobs.length) {
    const rows: Cell[][] = [];
    for (const w of r.jobs) {
      const b = before.jobs.find((j) => j.job === w.job && j.size === w.size);
      if (!b) continue;
      for (const q of w.queries) {
        const bq = b.queries.find((x) => x.name === q.name);
        if (!bq) continue;
        const [runB, runA, pgB, pgA] = [m(bq.ms.run), m(q.ms.run), m(bq.ms.pglite), m(q.ms.pglite)];
        rows.push([`${w.job} ${sizeLabel(w.size)}`, q.name, runB, runA, x(ratio(runB, runA)), x(ratio(runB, pgB)), x(ratio(runA, pgA)), m(bq.ms.aggregateNoClone), m(q.ms.aggregateNoClone)]);
      }
    }
    if (rows.length) {
      sections.push({
        title: 'Before and after the optimisations of issue 9: sqletl run() CPU ms and its ratio to PGlite',
        head: ['job', 'query', 'run() before', 'run() after', 'speed-up', 'run/PG before', 'run/PG after', 'pipeline (no clone) before', 'after'],
        rows,
        note: `Before: bench/results.before.json (${before.generatedAt.slice(0, 16)}Z). ${before.baselineNote ?? ''} Each ratio uses the PGlite time of its own run.`,
      });
    }
  }
  const esmRows: Cell[][] = [];
  for (const w of r.jobs) {
    for (const q of w.queries) {
      if (q.esm) esmRows.push([`${w.job} ${sizeLabel(w.size)}`, q.name, m(q.esm.cjsMs), m(q.esm.esmMs), x(q.esm.speedup), q.esm.sameRows ? 'yes' : 'NO']);
    }
  }
  if (esmRows.length) {
    sections.push({
      title: "Experiment: the generated pipelines on mingo's CommonJS build (what Node loads) and on its ES-module build, CPU ms",
      head: ['job', 'query', 'cjs', 'esm', 'speed-up', 'same rows'],
      rows: esmRows,
      note: 'Same process, documents, pipeline, options (CLONE_INPUT) and operator context (src/engine/mingo-extensions.ts loaded on each build, bench/lib/mingo-esm.ts); runs in turns, speed-up = median of the pairs.',
    });
  }
  for (const p of r.profiles) {
    sections.push({
      title: `Profile: ${p.job} ${sizeLabel(p.size)}, all queries through run() (${p.summary.totalMs} ms of samples)`,
      head: ['where', 'ms', 'share'],
      rows: [...p.summary.buckets.map((b) => [b.name, b.ms, `${b.pct}%`] as Cell[]), ...p.summary.operators.slice(0, 8).map((b) => [`operator ${b.name}`, b.ms, `${b.pct}%`] as Cell[])],
    });
  }
  const text = [`Machine: ${machine}`, ...sections.map((s) => `\n${s.title}\n${table(s.head, s.rows)}${s.note ? `\n${s.note}` : ''}`), ...(r.notSupported.length ? [`\nNot measured: ${r.notSupported.join('; ')}.`] : [])].join('\n');
  const md = [`Machine: ${machine}.`, ...sections.map((s) => `\n**${s.title}**\n\n${markdown(s.head, s.rows)}${s.note ? `\n\n${s.note}` : ''}`)].join('\n');
  return { text, markdown: md };
}

if (process.argv[2] === '--worker' || process.argv[2] === '--profile-target') await workerMain(process.argv.slice(2));
else await main();
