/**
 * Runs the MongoSQL conformance suite on PostgreSQL and sqletl and prints each
 * case's outcome (`npm run conformance [-- name-filter]`); the test is
 * test/conformance.test.ts.
 */
import { compareTables } from '../test/support/compare.js';
import { conformanceDataDir, conformancePg, conformanceSchema, readConformanceCases } from '../test/support/conformance.js';
import { run } from '../src/index.js';

const filter = process.argv[2];
const pg = await conformancePg();
const dataDir = conformanceDataDir();
const schema = conformanceSchema();
let pass = 0;
const cases = readConformanceCases().filter((c) => !filter || c.name.includes(filter));
for (const c of cases) {
  const expected = await pg.run(c.sql);
  let outcome: string;
  try {
    const r = await run(c.sql, { dataDir, schema, file: c.name });
    const last = r.statements.at(-1)!;
    const cmp = compareTables(expected, { columns: last.columns ?? [], rows: last.rows ?? [] }, c.ordered);
    outcome = cmp.ok ? 'ok' : `DIFFERS\n${cmp.diff}`;
  } catch (err) {
    outcome = `ERROR ${(err as { format?: () => string }).format?.() ?? String(err)}`;
  }
  if (outcome === 'ok') pass++;
  console.log(`${outcome === 'ok' ? 'ok  ' : 'FAIL'} ${c.name}${outcome === 'ok' ? '' : `\n${outcome}\n`}`);
}
console.log(`\n${pass}/${cases.length} conformance cases equal PostgreSQL`);
await pg.close();
