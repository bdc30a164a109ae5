/**
 * `npm run build && node --import tsx bench/scale-1m.ts [--rows 1000000] [--only w1,p1]`:
 * windows, percentiles and joins over generated rows on sqletl's embedded engine
 * (`run()` from dist/, as a user calls it: compile, read the .ndjson, pipeline, rows)
 * and on PostgreSQL (PGlite, same data loaded beforehand, query alone), in the same
 * process, rows compared. The point is that every query finishes (no stack overflow,
 * nothing quadratic) and what it costs against PostgreSQL. Data: `events` (the rows;
 * seeded PRNG) and `keys` (10,000 rows), written to bench/.tmp/scale-<rows>/.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { run } from '../dist/index.js';
import { compareTables } from '../test/support/compare.js';
import { PgBench } from './lib/pglite.js';

process.env.TZ = 'UTC';
const args = process.argv.slice(2);
let rows = 1_000_000;
let only: Set<string> | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rows') rows = Number(args[++i]);
  else if (args[i] === '--only') only = new Set(args[++i].split(','));
  else throw new Error(`unknown option ${args[i]}`);
}
const GROUPS = 1000;
const KEYS = 10_000;
const schema = `CREATE TABLE events (id int, grp int, k int, parent int, v int);\nCREATE TABLE keys (k int, label text);\n`;

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = join('bench', '.tmp', `scale-${rows}`);
const dataDir = join(dir, 'data');
if (!existsSync(join(dataDir, 'events.ndjson'))) {
  mkdirSync(dataDir, { recursive: true });
  const rand = mulberry32(42);
  const lines: string[] = [];
  for (let id = 1; id <= rows; id++) {
    lines.push(JSON.stringify({ id, grp: 1 + Math.floor(rand() * GROUPS), k: 1 + Math.floor(rand() * KEYS), parent: 1 + Math.floor(rand() * rows), v: Math.floor(rand() * 1000) }));
  }
  writeFileSync(join(dataDir, 'events.ndjson'), lines.join('\n') + '\n');
  const keys: string[] = [];
  for (let k = 1; k <= KEYS; k++) keys.push(JSON.stringify({ k, label: String.fromCharCode(97 + (k % 26)) + String(k % 7) }));
  writeFileSync(join(dataDir, 'keys.ndjson'), keys.join('\n') + '\n');
}

const QUERIES: { name: string; what: string; sql: string }[] = [
  {
    name: 'w1',
    what: 'ROW_NUMBER, RANK, running SUM per partition',
    sql: `SELECT grp, COUNT(*) AS n, SUM(rn) AS s_rn, MAX(rk) AS max_rk, SUM(run) AS s_run
            FROM (SELECT grp, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY id) AS rn,
                         RANK() OVER (PARTITION BY grp ORDER BY k) AS rk,
                         SUM(v) OVER (PARTITION BY grp ORDER BY id) AS run
                    FROM events) t
           GROUP BY grp ORDER BY grp`,
  },
  {
    name: 'w2',
    what: 'moving frame: SUM over ROWS 6 PRECEDING',
    sql: `SELECT grp, SUM(m) AS s_m, MAX(m) AS max_m
            FROM (SELECT grp, SUM(v) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS m FROM events) t
           GROUP BY grp ORDER BY grp`,
  },
  {
    name: 'w3',
    what: 'ROW_NUMBER over all rows (one partition)',
    sql: `SELECT MAX(rn) AS max_rn, SUM(rn) AS s_rn FROM (SELECT ROW_NUMBER() OVER (ORDER BY v, id) AS rn FROM events) t`,
  },
  {
    name: 'p1',
    what: 'median, PERCENTILE_CONT/DISC per group',
    sql: `SELECT grp, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY v) AS med, PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY v) AS p90
            FROM events GROUP BY grp ORDER BY grp`,
  },
  {
    name: 'p2',
    what: 'PERCENTILE_CONT/DISC over all rows',
    sql: `SELECT PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v) AS q1, PERCENTILE_DISC(0.75) WITHIN GROUP (ORDER BY v) AS q3 FROM events`,
  },
  {
    name: 'j1',
    what: 'join on key (events ⋈ keys)',
    sql: `SELECT k.label, COUNT(*) AS n, SUM(e.v) AS s FROM events e JOIN keys k ON k.k = e.k GROUP BY k.label ORDER BY k.label`,
  },
  {
    name: 'j2',
    what: 'self-join on key (events ⋈ events)',
    sql: `SELECT COUNT(*) AS n, SUM(p.v) AS s FROM events e JOIN events p ON p.id = e.parent`,
  },
  {
    name: 'j3',
    what: 'IN subquery',
    sql: `SELECT COUNT(*) AS n, SUM(v) AS s FROM events WHERE k IN (SELECT k FROM keys WHERE label < 'm')`,
  },
];

/** CPU time (user + system, all of the process's threads) since `from`: the machine is shared, wall time is not the work */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

console.log('| query | what | result | sqletl ms (wall) | PGlite ms (wall) | ratio | sqletl CPU ms | PGlite CPU ms | CPU ratio | load (1 min) |');
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
const pg = await PgBench.start(schema);
await pg.load('events', join(dataDir, 'events.ndjson'));
await pg.load('keys', join(dataDir, 'keys.ndjson'));
await run('SELECT 1', {}); // sqletl's modules loaded, as PGlite is started before it is timed
const results: unknown[] = [];
for (const q of QUERIES.filter((q) => !only || only.has(q.name))) {
  let t = performance.now();
  let c = process.cpuUsage();
  const expected = await pg.query(q.sql);
  const pgMs = performance.now() - t;
  const pgCpu = cpuMs(c);
  t = performance.now();
  c = process.cpuUsage();
  let status: string;
  let ms: number | undefined;
  let cpu: number | undefined;
  try {
    const res = await run(q.sql, { dataDir, schema, journal: false });
    ms = performance.now() - t;
    cpu = cpuMs(c);
    const st = res.statements.at(-1) as { columns?: string[]; rows?: unknown[][] } | undefined;
    if (!st?.rows) throw new Error(`no rows: ${JSON.stringify(res).slice(0, 300)}`);
    const cmp = compareTables(expected, { columns: st.columns ?? [], rows: st.rows }, /order by/i.test(q.sql));
    status = cmp.ok ? 'equal' : `WRONG ${cmp.diff.split('\n').slice(0, 3).join(' / ')}`;
  } catch (err) {
    status = `ERROR ${(err as Error).message.split('\n')[0]}`;
  }
  const r = {
    query: q.name,
    what: q.what,
    status,
    sqletlMs: ms && Math.round(ms),
    pgMs: Math.round(pgMs),
    ratio: ms && +(ms / pgMs).toFixed(1),
    sqletlCpuMs: cpu && Math.round(cpu),
    pgCpuMs: Math.round(pgCpu),
    cpuRatio: cpu && +(cpu / pgCpu).toFixed(1),
    load: os.loadavg()[0].toFixed(1),
  };
  results.push(r);
  console.log(
    `| ${q.name} | ${q.what} | ${status} | ${r.sqletlMs ?? '–'} | ${r.pgMs} | ${r.ratio ? `${r.ratio}×` : '–'} | ${r.sqletlCpuMs ?? '–'} | ${r.pgCpuMs} | ${r.cpuRatio ? `${r.cpuRatio}×` : '–'} | ${r.load} |`,
  );
}
await pg.close();
writeFileSync(join(dir, 'results.json'), JSON.stringify({ rows, date: new Date().toISOString(), results }, null, 2));
