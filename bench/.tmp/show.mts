import { readFileSync } from 'node:fs';
import { compile } from '../../src/index.ts';
const schema = readFileSync('bench/jobs/schema.sql', 'utf8');
const split = (t: string) => t.split(/^(?=-- query: )/m).filter((c) => /^-- query: /.test(c)).map((c) => ({ name: /^-- query: (\w+)/.exec(c)![1], sql: c }));
for (const job of ['customer-analytics', 'flights']) for (const q of split(readFileSync(`bench/jobs/${job}.sql`, 'utf8'))) {
  const s = await compile(q.sql, { schema });
  console.log('=====', q.name, JSON.stringify(s.statements[0].columns));
  for (const st of s.statements[0].commands[0].pipeline) console.log(JSON.stringify(st));
}
