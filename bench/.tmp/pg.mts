import { PgBench } from '../lib/pglite.ts';
import { loadJob, readSchema } from '../lib/jobs.ts';
const dir = process.argv[2];
let t = performance.now();
const pg = await PgBench.start(readSchema());
console.log('start', performance.now() - t);
for (const j of ['customer-analytics', 'flights']) {
  const job = loadJob(j);
  t = performance.now();
  const n = await pg.load(job.collection, `${dir}/${job.collection}.ndjson`);
  console.log('load', n, performance.now() - t);
  for (const q of job.queries) for (let k = 0; k < 2; k++) {
    t = performance.now();
    const r = await pg.query(q.pgSql);
    console.log(q.name, performance.now() - t, r.rows.length, JSON.stringify(r.rows[0]));
  }
}
console.log(process.resourceUsage().maxRSS / 1024);
