/**
 * `node --import tsx bench/tpch-build-ab.ts --base OTHER/dist/index.js [--sf 0.1] [--reps 3] q19 q20 …`:
 * TPC-H `run()` on two builds of sqletl — another checkout's `dist/` (`--base`, e.g. a
 * worktree of main) and this one's — in alternating child processes (two builds in one
 * process would share mingo and its registered operators), CPU ms of each run
 * (median of the repetitions), their ratio, and the rows checked equal. The caches of
 * the data directory are used by both. Needs `npm run build` in both checkouts and
 * bench/.tmp data (bench:tpch).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';

const args = process.argv.slice(2);
let sf = '0.1';
let reps = 3;
let base = '';
const queries: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sf') sf = args[++i];
  else if (args[i] === '--reps') reps = Number(args[++i]);
  else if (args[i] === '--base') base = args[++i];
  else queries.push(args[i]);
}
if (!base) throw new Error('--base OTHER/dist/index.js is required');
const dir = `bench/.tmp/sf${sf.replace('.', '')}`;
const schema = readFileSync(`${dir}/schema.sql`, 'utf8');
const dataDir = `${dir}/data`;

interface Reply { cpuMs?: number; ms?: number; rows?: unknown[][]; error?: string }
function once(build: string, sql: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./tpch-build-ab-worker.ts', import.meta.url), [build], { execArgv: ['--import', 'tsx'] });
    child.on('message', (m: Reply & { ready?: boolean }) => {
      if (m.ready) return child.send({ sql, dataDir, schema });
      child.kill();
      resolve(m);
    });
    child.on('error', reject);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`SF ${sf}, ${reps} runs each, alternating; load average at start ${load()}`);
let sumLog = 0;
for (const q of queries) {
  const sql = readFileSync(`../shared/tpch/queries/${q}.sql`, 'utf8');
  const a: number[] = [];
  const b: number[] = [];
  let same = true;
  for (let r = 0; r < reps; r++) {
    const x = await once(base, sql);
    const y = await once(new URL('../dist/index.js', import.meta.url).pathname, sql);
    if (x.error || y.error) throw new Error(`${q}: ${x.error ?? y.error}`);
    a.push(x.cpuMs!);
    b.push(y.cpuMs!);
    same &&= isDeepStrictEqual(x.rows, y.rows);
  }
  const ma = median(a);
  const mb = median(b);
  sumLog += Math.log(mb / ma);
  console.log(`${q}: base ${Math.round(ma)} ms CPU, this ${Math.round(mb)} ms CPU, this/base ${(mb / ma).toFixed(2)}${same ? '' : ' — ROWS DIFFER'} (load ${load()})`);
}
console.log(`geometric mean this/base: ${Math.exp(sumLog / queries.length).toFixed(2)}`);
