process.env.TZ = 'UTC';
import { readFileSync } from 'node:fs';
import { compile } from '/work/main/src/index.ts';
import { readCollectionFile } from '/work/main/src/io/data-files.ts';
import { EMBEDDED_CONTEXT } from '/work/main/src/engine/mingo-extensions.ts';
import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
const dir = process.argv[2];
const schema = readFileSync('/work/main/bench/jobs/schema.sql', 'utf8');
const split = (t: string) => t.split(/^(?=-- query: )/m).filter((c) => /^-- query: /.test(c)).map((c) => ({ name: /^-- query: (\w+)/.exec(c)![1], sql: c }));
const time = <T,>(f: () => T): [T, number] => { const t = performance.now(); const r = f(); return [r, performance.now() - t]; };
for (const [job, coll] of [['customer-analytics', 'customers'], ['flights', 'flights']]) {
  const [docs, tl] = time(() => readCollectionFile(`${dir}/${coll}.ndjson`));
  const [, tj] = time(() => readFileSync(`${dir}/${coll}.ndjson`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  console.log(job, 'load EJSON', tl.toFixed(0), 'JSON.parse', tj.toFixed(0));
  for (const q of split(readFileSync(`/work/main/bench/jobs/${job}.sql`, 'utf8'))) {
    const script = await compile(q.sql, { schema });
    const cmd = script.statements[0].commands[0];
    for (const mode of [ProcessingMode.CLONE_INPUT, ProcessingMode.CLONE_OFF, ProcessingMode.CLONE_INPUT]) {
      const [out, ta] = time(() => new Aggregator(cmd.pipeline, { processingMode: mode, scriptEnabled: false, context: EMBEDDED_CONTEXT }).run(docs));
      console.log(job, q.name, ProcessingMode[mode], ta.toFixed(0), out.length, 'stages', cmd.pipeline.map((s) => Object.keys(s)[0]).join(','));
    }
  }
}
