/**
 * `node --import tsx bench/tpch-cache-ab.ts [--sf 0.1] [--reps 1] q06 q19 …`: `run()` of
 * TPC-H queries as a user calls it (dist/, what users run), with the column cache off
 * (`SQLETL_CACHE=off`: every collection parsed from its `.ndjson`) and on (collections
 * built from `.sqletl-cache/` with only the fields the query reads), in interleaved
 * turns in one process; CPU ms of each, and the rows checked equal. The caches are
 * written first (one run() per query that reads every table whole). Needs `npm run
 * build` and bench/.tmp data (bench:tpch).
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { run } from '../dist/index.js';

process.env.TZ = 'UTC';
const args = process.argv.slice(2);
let sf = '0.1';
let reps = 1;
const queries: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sf') sf = args[++i];
  else if (args[i] === '--reps') reps = Number(args[++i]);
  else queries.push(args[i]);
}
const dir = `bench/.tmp/sf${sf.replace('.', '')}`;
const schema = readFileSync(`${dir}/schema.sql`, 'utf8');
const dataDir = `${dir}/data`;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const timed = async (sql: string, cache: boolean) => {
  if (cache) delete process.env.SQLETL_CACHE;
  else process.env.SQLETL_CACHE = 'off';
  global.gc?.();
  const t = cpu();
  const res = await run(sql, { dataDir, schema });
  const ms = cpu() - t;
  delete process.env.SQLETL_CACHE;
  return { ms, rows: res.statements.at(-1)?.rows };
};
// the caches of every table (written when a table is read whole and has none)
for (const t of ['lineitem', 'orders', 'partsupp', 'part', 'customer', 'supplier', 'nation', 'region']) await run(`SELECT * FROM ${t} LIMIT 1`, { dataDir, schema });
await run('SELECT 1', {});
let sumLog = 0;
for (const q of queries) {
  const sql = readFileSync(`../shared/tpch/queries/${q}.sql`, 'utf8');
  const off: number[] = [];
  const on: number[] = [];
  let same = true;
  for (let r = 0; r < reps; r++) {
    const a = await timed(sql, false);
    const b = await timed(sql, true);
    off.push(a.ms);
    on.push(b.ms);
    same &&= isDeepStrictEqual(a.rows, b.rows);
  }
  const ma = Math.min(...off);
  const mb = Math.min(...on);
  sumLog += Math.log(mb / ma);
  console.log(`${q}: parse ${Math.round(ma)} ms, cache ${Math.round(mb)} ms, cache/parse ${(mb / ma).toFixed(2)}${same ? '' : ' — ROWS DIFFER'}`);
}
console.log(`geometric mean cache/parse: ${Math.exp(sumLog / queries.length).toFixed(2)}`);
