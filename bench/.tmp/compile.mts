import { compile } from '../../src/index.ts';
import { loadModule, parseSync } from 'libpg-query';
import { discoverCases, readSchema } from '../../test/support/cases.ts';
const cases = discoverCases().filter((c) => !c.error);
const schema = readSchema();
await loadModule();
let stmts = 0;
for (const c of cases) { const s = await compile(c.sql, c.noSchema ? {} : { schema }); stmts += s.statements.length; }
console.log(cases.length, stmts);
for (let k = 0; k < 3; k++) {
let t = performance.now();
for (let i = 0; i < 20; i++) for (const c of cases) await compile(c.sql, c.noSchema ? {} : { schema });
const tc = (performance.now() - t) / 20;
t = performance.now();
for (let i = 0; i < 20; i++) for (const c of cases) parseSync(c.sql);
const tp = (performance.now() - t) / 20;
t = performance.now();
for (let i = 0; i < 20; i++) await compile('SELECT 1', { schema });
const tn = (performance.now() - t) / 20;
console.log('per set compile', tc.toFixed(1), 'parse', tp.toFixed(1), 'ratio', (tc / tp).toFixed(1), 'schema only x1', tn.toFixed(3));
}
