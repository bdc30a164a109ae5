/**
 * One `run()` of a TPC-H query on the sqletl build given as argv[2] (a `dist/index.js`),
 * in a child process of bench/tpch-build-ab.ts: `{ sql, dataDir, schema }` in,
 * `{ cpuMs, ms, rows }` or `{ error }` out. Modules are loaded and warmed on `SELECT 1`
 * first, so the CPU time is the query's own (compile, read, pipeline, rows).
 */
import { pathToFileURL } from 'node:url';

process.env.TZ = 'UTC';
const { run } = (await import(pathToFileURL(process.argv[2]).href)) as typeof import('../dist/index.js');
await run('SELECT 1', {});
process.on('message', (msg: { sql: string; dataDir: string; schema: string }) => {
  void (async () => {
    try {
      const t = performance.now();
      const c = process.cpuUsage();
      const result = await run(msg.sql, { dataDir: msg.dataDir, schema: msg.schema, journal: false });
      const d = process.cpuUsage(c);
      const st = result.statements.at(-1) as { rows?: unknown[][] } | undefined;
      if (!st?.rows) throw new Error(`no rows: ${JSON.stringify(result).slice(0, 300)}`);
      process.send!({ cpuMs: (d.user + d.system) / 1000, ms: performance.now() - t, rows: st.rows });
    } catch (err) {
      process.send!({ error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
process.send!({ ready: true });
