process.env.TZ = 'UTC';
import { readFileSync } from 'node:fs';
import { run, compile } from '/work/main/src/index.ts';
const dir = process.argv[2];
const schema = readFileSync('/work/main/bench/jobs/schema.sql', 'utf8');
const split = (t: string) => t.split(/^(?=-- query: )/m).filter((c) => /^-- query: /.test(c)).map((c) => ({ name: /^-- query: (\w+)/.exec(c)![1], sql: c }));
for (const job of ['customer-analytics', 'flights']) {
  const qs = split(readFileSync(`/work/main/bench/jobs/${job}.sql`, 'utf8'));
  for (const q of qs) {
    for (let k = 0; k < 2; k++) {
      const t = performance.now();
      const res = await run(q.sql, { dataDir: dir, schema });
      console.log(job, q.name, (performance.now() - t).toFixed(0), 'ms rows', res.statements[0].rowCount, 'rss', (process.memoryUsage().rss / 1e6).toFixed(0));
    }
  }
}
console.log('maxrss MB', process.resourceUsage().maxRSS / 1024);
