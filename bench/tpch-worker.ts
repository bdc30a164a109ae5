/**
 * One TPC-H query on sqletl, in a child process of bench/tpch.ts (so that a query
 * that runs too long can be killed). Messages: `{ name, sql, dataDir, schema }` in,
 * `{ name, columns, rows, ms, cpuMs, compileMs, shape }` or `{ name, error }` out.
 * `ms` is the wall time of `run()` as a user calls it: compile, read the collections
 * it touches (a fresh embedded engine every time), run the pipeline, build rows;
 * `cpuMs` the CPU time of this process meanwhile (less moved by the machine's load);
 * with `reps`, the median of that many runs in this process.
 */
import { compile, run } from '../dist/index.js'; // what users run: mingo's ES-module build bundled (npm run build)
import { median } from './lib/measure.js';
import { planShape } from './tpch-shape.js';

interface Request {
  name: string;
  sql: string;
  dataDir: string;
  schema: string;
  /** runs of run(); the reply's times are their median (the rows are the first run's) */
  reps?: number;
}

process.env.TZ = 'UTC';

process.on('message', (msg: Request) => {
  void handle(msg).then((reply) => process.send!(reply));
});

async function handle({ name, sql, dataDir, schema, reps = 1 }: Request): Promise<unknown> {
  let shape = '';
  try {
    const t0 = performance.now();
    const compiled = await compile(sql, { schema });
    const compileMs = performance.now() - t0;
    const cmd = compiled.statements[0]?.commands[0];
    if (cmd && cmd.kind === 'aggregate') shape = planShape(cmd);
    const walls: number[] = [];
    const cpus: number[] = [];
    let result: Awaited<ReturnType<typeof run>> | undefined;
    for (let i = 0; i < reps; i++) {
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const r = await run(sql, { dataDir, schema, journal: false });
      walls.push(performance.now() - t1);
      const c2 = process.cpuUsage(c1);
      cpus.push((c2.user + c2.system) / 1000);
      result ??= r;
    }
    const ms = median(walls);
    const cpuMs = median(cpus);
    result = result!;
    const st = result.statements[result.statements.length - 1] as { columns?: string[]; rows?: unknown[][]; error?: { message?: string } };
    if ('failed' in result && (result as { failed?: unknown }).failed) throw new Error(JSON.stringify((result as { failed?: unknown }).failed));
    if (!st || !st.rows) throw new Error(`no rows: ${JSON.stringify(result).slice(0, 400)}`);
    return { name, columns: st.columns ?? [], rows: st.rows, ms, cpuMs, compileMs, shape };
  } catch (err) {
    return { name, error: err instanceof Error ? err.message : String(err), shape };
  }
}
