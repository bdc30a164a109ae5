import { compile } from '../../src/index.ts';
import { loadModule, parseSync } from 'libpg-query';
import { readSchema } from '../../test/support/cases.ts';
const schema = readSchema();
await loadModule();
const N = 2000;
for (let k = 0; k < 3; k++) {
  let t = performance.now(); for (let i = 0; i < N; i++) await compile('SELECT 1', { schema }); const a = (performance.now() - t) / N;
  t = performance.now(); for (let i = 0; i < N; i++) await compile('SELECT 1'); const b = (performance.now() - t) / N;
  t = performance.now(); for (let i = 0; i < N; i++) parseSync(schema); const c = (performance.now() - t) / N;
  t = performance.now(); for (let i = 0; i < N; i++) parseSync('SELECT 1'); const d = (performance.now() - t) / N;
  console.log({ withSchema: a.toFixed(4), without: b.toFixed(4), parseSchema: c.toFixed(4), parseSelect1: d.toFixed(4) });
}
