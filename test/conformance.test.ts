/**
 * External conformance (issue 11): the 95 MongoSQL spec queries in
 * ../shared/conformance/mongosql, run on PostgreSQL (PGlite) and on sqletl's embedded
 * engine over the same data; results compared by position (multisets unless the
 * case is ordered). A case sqletl gets wrong must be listed, with its reason, in
 * test/conformance/expected-failures.tsv — and a listed case that starts passing
 * fails the test until it is removed from the list, so the list stays true.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { compareTables } from './support/compare.js';
import {
  conformanceDataDir,
  conformancePg,
  conformanceSchema,
  readConformanceCases,
  readExpectedFailures,
  SUITE_DIR,
  suiteAvailable,
} from './support/conformance.js';

const available = suiteAvailable();
if (!available) console.log(`conformance suite SKIPPED: ${SUITE_DIR} not found (it lives in ../shared beside the repository)`);

describe.skipIf(!available)('MongoSQL conformance vs PostgreSQL', () => {
  const cases = available ? readConformanceCases() : [];
  const expectedFailures = readExpectedFailures();
  let pg: Awaited<ReturnType<typeof conformancePg>>;
  let dataDir: string;
  let schema: string;
  let equal = 0;

  beforeAll(async () => {
    pg = await conformancePg();
    dataDir = conformanceDataDir();
    schema = conformanceSchema();
  }, 60_000);

  afterAll(async () => {
    await pg?.close();
    console.log(`conformance: ${equal}/${cases.length} MongoSQL cases equal PostgreSQL (${expectedFailures.size} listed as known differences)`);
  });

  test('the suite has its 95 cases', () => {
    expect(cases.length).toBe(95);
  });

  for (const c of cases) {
    test(c.name, async () => {
      const expected = await pg.run(c.sql);
      let problem: string | undefined;
      try {
        const result = (await run(c.sql, { dataDir, schema, file: c.name })).statements.at(-1)!;
        const cmp = compareTables(expected, { columns: result.columns ?? [], rows: result.rows ?? [] }, c.ordered);
        if (!cmp.ok) problem = cmp.diff;
      } catch (err) {
        problem = (err as { format?: () => string }).format?.() ?? String(err);
      }
      const known = expectedFailures.get(c.name);
      if (known) {
        expect(problem, `${c.name} now equals PostgreSQL: remove it from expected-failures.tsv (listed because: ${known})`).toBeDefined();
        return;
      }
      if (problem) throw new Error(`sqletl differs from PostgreSQL:\n${problem}`);
      equal++;
    });
  }
});
