/**
 * Checks the PostgreSQL side of the grammar cases without sqletl:
 *  - every non-error case (or its .pg.sql) must run on PostgreSQL;
 *  - its result must not depend on the physical order of the rows: the fixtures are
 *    loaded twice, forwards and reversed, and the results compared (in order for
 *    `-- ordered` cases, so ties in ORDER BY show up; as multisets otherwise, so
 *    LIMIT without a total order shows up);
 *  - error cases are reported as accepted/rejected by PostgreSQL (informational).
 *
 *   node --import tsx test/support/check-pg.ts [--show] [filter...]
 */
process.env.TZ = 'UTC';
import { FIXTURES_DIR, discoverCases, readSchema } from './cases.js';
import { PgReference } from './pglite.js';
import { compareTables, fmtRow } from './compare.js';

const args = process.argv.slice(2);
const show = args.includes('--show');
const filters = args.filter((a) => !a.startsWith('--'));
const schema = readSchema();
const [fwd, rev] = await Promise.all([PgReference.start(FIXTURES_DIR, schema), PgReference.start(FIXTURES_DIR, schema, { reverse: true })]);

let bad = 0;
const cases = discoverCases().filter((c) => filters.length === 0 || filters.some((f) => c.file.includes(f)));
for (const c of cases) {
  if (c.error) {
    let verdict = 'accepted';
    try {
      await fwd.run(c.pgSql);
    } catch (err) {
      verdict = `rejected: ${(err as Error).message}`;
    }
    if (show) console.log(`--- ${c.file} (error case; PostgreSQL ${verdict})`);
    continue;
  }
  try {
    const a = await fwd.run(c.pgSql);
    const b = await rev.run(c.pgSql);
    const cmp = compareTables(a, b, c.ordered, ['forwards', 'reversed']);
    if (!cmp.ok) {
      bad++;
      console.log(`NONDETERMINISTIC ${c.file}: result depends on row order\n${cmp.diff}`);
    }
    if (a.rows.length === 0) console.log(`note ${c.file}: returns no rows`);
    if (show) {
      console.log(`--- ${c.file}${c.ordered ? ' (ordered)' : ''}: ${a.rows.length} rows\n    ${fmtRow(a.columns)}`);
      for (const r of a.rows.slice(0, 40)) console.log(`    ${fmtRow(r)}`);
    }
  } catch (err) {
    bad++;
    console.log(`PG ERROR ${c.file}: ${(err as Error).message}`);
  }
}
console.log(`${cases.length} cases checked on PostgreSQL, ${bad} problems`);
await Promise.all([fwd.close(), rev.close()]);
