/**
 * `node --import tsx bench/tpch-growth.ts [--small 0.01] [--large 0.1] [--markdown]`: how each
 * TPC-H query's time grows with the scale factor, from the results bench/tpch.ts wrote
 * (bench/.tmp/tpch-sf<SF>-indexed.json of both scales: run `bench:tpch -- --sf 0.01 --pg-indexes`
 * and `--sf 0.1 --pg-indexes` first, on the same build and a machine as quiet as it gets).
 *
 * Issue 18 asks that no query grow faster than linearly: from SF 0.01 to 0.1 the data is 10×,
 * so a growth of sqletl's CPU time above 10× (beyond the noise of one run) would be a step
 * that is worse than linear. PGlite's growth on the same data is printed beside it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdown, table, type Cell } from './lib/table.js';

interface Result {
  query: string;
  status: string;
  sqletlCpuMs?: number;
  pgCpuMs?: number;
  sqletlMs?: number;
  pgMs?: number;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const small = option('--small', '0.01');
const large = option('--large', '0.1');
const TMP = join(dirname(fileURLToPath(import.meta.url)), '.tmp');
const read = (sf: string): { results: Result[]; loadStart: string; reps?: number } =>
  JSON.parse(readFileSync(join(TMP, `tpch-sf${sf.replace('.', '')}-indexed.json`), 'utf8'));
const a = read(small);
const b = read(large);
const factor = Number(large) / Number(small);
const rows: Cell[][] = [];
const over: string[] = [];
for (const r of b.results) {
  const s = a.results.find((x) => x.query === r.query);
  if (!s?.sqletlCpuMs || !r.sqletlCpuMs || s.status !== 'equal' || r.status !== 'equal') continue;
  const growth = r.sqletlCpuMs / s.sqletlCpuMs;
  const pgGrowth = s.pgCpuMs && r.pgCpuMs ? r.pgCpuMs / s.pgCpuMs : NaN;
  // wall time too: CPU time counts the garbage collector's helper threads, which grow with the heap
  const wallGrowth = s.sqletlMs && r.sqletlMs ? r.sqletlMs / s.sqletlMs : NaN;
  if (growth > factor) over.push(r.query);
  const times = (x: number) => (Number.isNaN(x) ? '' : `${x.toFixed(1)}×`);
  rows.push([r.query, Math.round(s.sqletlCpuMs), Math.round(r.sqletlCpuMs), times(growth), times(wallGrowth), times(pgGrowth)]);
}
const head = ['query', `sqletl CPU ms SF ${small}`, `sqletl CPU ms SF ${large}`, 'sqletl CPU growth', 'sqletl wall growth', 'PGlite CPU growth'];
console.log(`SF ${small}: ${a.reps ?? 1} run(s) per query, load ${a.loadStart} at start; SF ${large}: ${b.reps ?? 1} run(s), load ${b.loadStart} at start\n`);
console.log(args.includes('--markdown') ? markdown(head, rows) : table(head, rows));
console.log(`data ${factor}× larger; ${over.length ? `grew more than ${factor}×: ${over.join(', ')}` : `no query grew more than ${factor}×`}`);
