/**
 * `npm run bench:tpch`: the 22 TPC-H queries (../shared/tpch/) on sqletl's embedded
 * engine and on PostgreSQL (PGlite) in the same run, rows compared, times side by side.
 *
 *   npm run bench:tpch                       # SF 0.01
 *   npm run bench:tpch -- --sf 0.1           # SF 0.1 (about 310 MB of ndjson, generated once)
 *   npm run bench:tpch -- --only q04,q17     # some queries
 *   npm run bench:tpch -- --timeout 30       # seconds per sqletl query (default 60)
 *   npm run bench:tpch -- --pg-indexes       # PGlite with TPC-H's keys indexed (needed for q20 at SF 0.1)
 *   npm run bench:tpch -- --markdown         # the table as markdown (bench/README.md)
 *   npm run bench:tpch -- --reps 3           # each query 3 times on each side, medians (steadier growth figures)
 *
 * Data is generated under bench/.tmp/ (gitignored, never committed) with the dbgen
 * source and gen.sh of ../shared/tpch/. Each sqletl query runs in a child process
 * (bench/tpch-worker.ts) that is killed when it exceeds the timeout. sqletl's time is
 * `run()` as a user calls it (compile, read the collections, pipeline, rows); PGlite's
 * is the query alone on loaded tables (the best of two runs, or one run when it takes
 * more than a second; with --reps N, each side's median of N runs, sqletl's in one worker
 * process, PGlite's again one run past a second). Results go to
 * bench/.tmp/tpch-sf<SF>.json.
 */
import { fork, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compareTables } from '../test/support/compare.js';
import { median } from './lib/measure.js';
import { PgBench } from './lib/pglite.js';
import { table, markdown, type Cell } from './lib/table.js';

process.env.TZ = 'UTC';
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const TPCH = resolve(process.env.TPCH_DIR ?? join(ROOT, '..', 'shared', 'tpch'));
const TMP = join(HERE, '.tmp');

interface Options {
  sf: string;
  timeoutS: number;
  only?: Set<string>;
  markdown: boolean;
  /** PGlite: index TPC-H's keys after loading (its plan for q20 rescans lineitem per partsupp row without them: minutes at SF 0.01) */
  pgIndexes: boolean;
  /** runs per query on each side, medians reported (default: sqletl once, PGlite the best of two) */
  reps: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sf: '0.01', timeoutS: 60, markdown: false, pgIndexes: false, reps: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sf') o.sf = argv[++i];
    else if (a === '--timeout') o.timeoutS = Number(argv[++i]);
    else if (a === '--only') o.only = new Set(argv[++i].split(',').map((q) => q.trim()));
    else if (a === '--markdown') o.markdown = true;
    else if (a === '--pg-indexes') o.pgIndexes = true;
    else if (a === '--reps') o.reps = Math.max(1, Number(argv[++i]));
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Generates SF `sf` once: bench/.tmp/sf<digits>/{data,schema.sql}. */
function ensureData(sf: string): { dataDir: string; schema: string } {
  const dir = join(TMP, `sf${sf.replace('.', '')}`);
  const dataDir = join(dir, 'data');
  if (!existsSync(join(dataDir, 'lineitem.ndjson'))) {
    const src = join(TMP, 'src');
    if (!existsSync(join(src, 'tpch-dbgen'))) {
      mkdirSync(src, { recursive: true });
      execFileSync('tar', ['-xzf', join(TPCH, 'dbgen-src.tar.gz'), '-C', src], { stdio: 'inherit' });
    }
    const tree = readdirSync(src)[0];
    console.error(`generating TPC-H SF ${sf} in ${dir} …`);
    execFileSync('bash', [join(TPCH, 'gen.sh'), dir, sf, join(src, tree)], { stdio: 'inherit' });
  }
  return { dataDir, schema: readFileSync(join(dir, 'schema.sql'), 'utf8') };
}

/** TPC-H's primary and foreign keys, as a PostgreSQL TPC-H setup indexes them. */
const PG_INDEXES = [
  'CREATE UNIQUE INDEX ON part (p_partkey)',
  'CREATE UNIQUE INDEX ON supplier (s_suppkey)',
  'CREATE UNIQUE INDEX ON partsupp (ps_partkey, ps_suppkey)',
  'CREATE UNIQUE INDEX ON customer (c_custkey)',
  'CREATE UNIQUE INDEX ON orders (o_orderkey)',
  'CREATE INDEX ON orders (o_custkey)',
  'CREATE UNIQUE INDEX ON lineitem (l_orderkey, l_linenumber)',
  'CREATE INDEX ON lineitem (l_partkey, l_suppkey)',
  'CREATE UNIQUE INDEX ON nation (n_nationkey)',
  'CREATE UNIQUE INDEX ON region (r_regionkey)',
  'ANALYZE',
];

interface WorkerReply {
  name: string;
  columns?: string[];
  rows?: unknown[][];
  ms?: number;
  cpuMs?: number;
  compileMs?: number;
  shape?: string;
  error?: string;
}

/** The child process that runs sqletl's queries; replaced after a timeout. */
class Runner {
  private child?: ChildProcess;
  private start(): ChildProcess {
    const child = fork(join(HERE, 'tpch-worker.ts'), [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    return child;
  }
  run(req: { name: string; sql: string; dataDir: string; schema: string; reps: number }, timeoutMs: number): Promise<WorkerReply | 'timeout'> {
    const child = this.child ?? this.start();
    return new Promise((done) => {
      const timer = setTimeout(() => {
        child.removeAllListeners('message');
        child.kill('SIGKILL');
        this.child = undefined;
        done('timeout');
      }, timeoutMs);
      child.once('message', (m) => {
        clearTimeout(timer);
        done(m as WorkerReply);
      });
      child.send(req);
    });
  }
  stop(): void {
    this.child?.kill();
  }
}

interface Result {
  query: string;
  status: 'equal' | 'wrong' | 'error' | 'timeout';
  sqletlMs?: number;
  /** CPU time of sqletl's run() (its worker process) and of PGlite's query (this process) */
  sqletlCpuMs?: number;
  pgCpuMs?: number;
  compileMs?: number;
  pgMs?: number;
  ratio?: number;
  cpuRatio?: number;
  shape?: string;
  detail?: string;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const { dataDir, schema } = ensureData(o.sf);
  const queries = readdirSync(join(TPCH, 'queries'))
    .filter((f) => /^q\d+\.sql$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace('.sql', ''), sql: readFileSync(join(TPCH, 'queries', f), 'utf8') }))
    .filter((q) => !o.only || o.only.has(q.name));

  const loadStart = loadavg().map((x) => x.toFixed(2)).join(' ');
  // sqletl reads a collection from its column cache when it has a current one (src/io/collection-cache.ts)
  const cacheDir = join(dataDir, '.sqletl-cache');
  const cached = existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.bin')) : [];
  const caches = cached.length ? `column caches present at start: ${cached.map((f) => f.replace('.ndjson.bin', '')).join(', ')}` : 'no column caches at start (the first query to read a large table writes its cache)';
  const t0 = performance.now();
  const pg = await PgBench.start(schema);
  for (const f of readdirSync(dataDir).filter((f) => f.endsWith('.ndjson'))) await pg.load(f.replace('.ndjson', ''), join(dataDir, f));
  if (o.pgIndexes) for (const ddl of PG_INDEXES) await pg.db.exec(ddl);
  console.error(`PGlite loaded SF ${o.sf}${o.pgIndexes ? ' and indexed its keys' : ''} in ${Math.round(performance.now() - t0)} ms`);

  const runner = new Runner();
  const results: Result[] = [];
  for (const q of queries) {
    let expected;
    const pgWalls: number[] = [];
    const pgCpus: number[] = [];
    const pgRuns = o.reps > 1 ? o.reps : 2;
    for (let i = 0; i < pgRuns && !(i > 0 && pgWalls[0] > 1000); i++) {
      // one run when it takes more than a second (PGlite's q20 without indexes takes minutes)
      const t = performance.now();
      const c = process.cpuUsage();
      expected = await pg.query(q.sql);
      pgWalls.push(performance.now() - t);
      const u = process.cpuUsage(c);
      pgCpus.push((u.user + u.system) / 1000);
    }
    // the best of two by default; with --reps, the median as on sqletl's side
    const pgMs = o.reps > 1 ? median(pgWalls) : Math.min(...pgWalls);
    const pgCpuMs = o.reps > 1 ? median(pgCpus) : Math.min(...pgCpus);
    const reply = await runner.run({ name: q.name, sql: q.sql, dataDir, schema, reps: o.reps }, o.timeoutS * o.reps * 1000);
    let r: Result;
    if (reply === 'timeout') r = { query: q.name, status: 'timeout', pgMs, detail: `> ${o.timeoutS} s` };
    else if (reply.error !== undefined) r = { query: q.name, status: 'error', pgMs, shape: reply.shape, detail: reply.error.split('\n')[0] };
    else {
      const ordered = /\border\s+by\b/i.test(q.sql.replace(/--[^\n]*/g, ''));
      const cmp = compareTables(expected!, { columns: reply.columns!, rows: reply.rows! }, ordered);
      r = {
        query: q.name,
        status: cmp.ok ? 'equal' : 'wrong',
        sqletlMs: reply.ms,
        sqletlCpuMs: reply.cpuMs,
        pgCpuMs,
        compileMs: reply.compileMs,
        pgMs,
        ratio: reply.ms! / pgMs,
        cpuRatio: reply.cpuMs! / pgCpuMs,
        shape: reply.shape,
        detail: cmp.ok ? undefined : cmp.diff.split('\n').slice(0, 6).join(' / '),
      };
    }
    results.push(r);
    console.error(`${r.query} ${r.status}${r.sqletlMs !== undefined ? ` ${Math.round(r.sqletlMs)} ms` : ''} (PGlite ${pgMs.toFixed(1)} ms)${r.detail ? ` — ${r.detail.slice(0, 300)}` : ''}`);
  }
  runner.stop();
  await pg.close();

  const head = ['query', 'result', 'sqletl ms', 'PGlite ms', 'ratio', 'sqletl CPU ms', 'PGlite CPU ms', 'CPU ratio', 'plan shape'];
  const times = (x: number) => `${x.toFixed(1)}×`;
  const rows: Cell[][] = results.map((r) => [r.query, r.status, r.sqletlMs, r.pgMs, r.ratio !== undefined ? times(r.ratio) : r.detail, r.sqletlCpuMs, r.pgCpuMs, r.cpuRatio !== undefined ? times(r.cpuRatio) : '', r.shape]);
  const equal = results.filter((r) => r.status === 'equal');
  const geoOf = (f: (r: Result) => number) => (equal.length ? Math.exp(equal.reduce((s, r) => s + Math.log(f(r)), 0) / equal.length) : undefined);
  const geo = geoOf((r) => r.ratio!);
  const geoCpu = geoOf((r) => r.cpuRatio!);
  const loadEnd = loadavg().map((x) => x.toFixed(2)).join(' ');
  const reps = o.reps > 1 ? `medians of ${o.reps} runs per query on each side; ` : '';
  console.log(`\nTPC-H SF ${o.sf}: ${equal.length}/${results.length} equal PostgreSQL; ${reps}geometric mean ratio of the equal ones ${geo?.toFixed(1)}× (wall), ${geoCpu?.toFixed(1)}× (CPU); load average ${loadStart} at start, ${loadEnd} at end; ${caches}\n`);
  console.log(o.markdown ? markdown(head, rows) : table(head, rows));
  writeFileSync(join(TMP, `tpch-sf${o.sf.replace('.', '')}${o.pgIndexes ? '-indexed' : ''}.json`), JSON.stringify({ sf: o.sf, pgIndexes: o.pgIndexes, reps: o.reps, date: new Date().toISOString(), loadStart, loadEnd, caches, results }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
