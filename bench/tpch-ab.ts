/**
 * `node --import tsx bench/tpch-ab.ts [--sf 0.1] [--reps 2] [--variant NAME] q01 q09 …`:
 * TPC-H pipelines on the embedded engine's operator set (dist/, what users run) against
 * a variant of it in the same process, in interleaved turns, collections read once
 * beforehand; CPU ms per query and the variant's output checked equal. Variants:
 * `mingo-stages`: $group/$set/$addFields/$replaceWith back to mingo's own (before
 * src/engine/mingo-compiled.ts); `mingo-expr`: the `$expr` query operator back to mingo's. Needs `npm run build` and bench/.tmp data (bench:tpch).
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { compile } from '../dist/index.js';
import { Aggregator, Context, ProcessingMode, pipelineOperators, queryOperators } from '../dist/engine/mingo-runtime.js';
import { EMBEDDED_CONTEXT, EMBEDDED_OPERATORS } from '../dist/engine/mingo-extensions.js';
import { readCollectionFile } from '../dist/io/data-files.js';

process.env.TZ = 'UTC';
type Doc = Record<string, unknown>;
const args = process.argv.slice(2);
let sf = '0.1';
let reps = 2;
let variant = 'mingo-stages';
const queries: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sf') sf = args[++i];
  else if (args[i] === '--reps') reps = Number(args[++i]);
  else if (args[i] === '--variant') variant = args[++i];
  else queries.push(args[i]);
}
const ops = EMBEDDED_OPERATORS as Record<string, Record<string, unknown>>;
const mingoPipe = pipelineOperators as unknown as Record<string, unknown>;
const VARIANTS: Record<string, () => unknown> = {
  same: () => EMBEDDED_CONTEXT,
  'mingo-expr': () => Context.init({ ...ops, query: { ...ops.query, $expr: (queryOperators as Record<string, unknown>).$expr } } as never),
  'mingo-stages': () => Context.init({ ...ops, pipeline: { ...ops.pipeline, $group: mingoPipe.$group, $set: mingoPipe.$set, $addFields: mingoPipe.$addFields, $replaceWith: mingoPipe.$replaceWith } } as never),
};
const other = VARIANTS[variant]();
const dir = `bench/.tmp/sf${sf.replace('.', '')}`;
const schema = readFileSync(`${dir}/schema.sql`, 'utf8');
const cache = new Map<string, Doc[]>();
const load = (n: string) => {
  if (!cache.has(n)) cache.set(n, readCollectionFile(`${dir}/data/${n}.ndjson`) as Doc[]);
  return cache.get(n)!;
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let sumLogRatio = 0;
for (const q of queries) {
  const sql = readFileSync(`../shared/tpch/queries/${q}.sql`, 'utf8');
  const cmd = (await compile(sql, { schema })).statements[0].commands[0] as { collection: string; pipeline: Doc[] };
  const runWith = (context: unknown) => {
    const agg = new Aggregator(cmd.pipeline as never, { collectionResolver: load, processingMode: ProcessingMode.CLONE_OFF, scriptEnabled: true, context } as never);
    const t = cpu();
    const out = agg.run(load(cmd.collection));
    return { ms: cpu() - t, out };
  };
  const a: number[] = [];
  const b: number[] = [];
  let same = true;
  runWith(EMBEDDED_CONTEXT); // reads the collections, warms the JIT
  runWith(other);
  for (let r = 0; r < reps; r++) {
    const x = runWith(EMBEDDED_CONTEXT);
    const y = runWith(other);
    a.push(x.ms);
    b.push(y.ms);
    same &&= isDeepStrictEqual(x.out, y.out);
  }
  const ma = Math.min(...a);
  const mb = Math.min(...b);
  sumLogRatio += Math.log(ma / mb);
  console.log(`${q}: current ${Math.round(ma)} ms, ${variant} ${Math.round(mb)} ms, current/variant ${(ma / mb).toFixed(2)}${same ? '' : ' — OUTPUT DIFFERS'}`);
}
console.log(`geometric mean current/${variant}: ${Math.exp(sumLogRatio / queries.length).toFixed(2)}`);
