/**
 * Percentile methods (DESIGN §4): PERCENTILE_CONT/DISC are exact by default; MongoDB's
 * `$percentile` (method 'approximate') serves approx_percentile and the opt-in
 * approximate mode, and explain says which one a statement uses. Exactness against
 * PostgreSQL is checked by grammar-tests/percentiles; here the method choice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, explain, run } from '../src/index.js';

const schema = readFileSync('grammar-tests/fixtures/schema.sql', 'utf8');
const dataDir = 'grammar-tests/fixtures';
const pipelineOf = async (sql: string, percentiles?: 'exact' | 'approximate') =>
  JSON.stringify((await compile(sql, { schema, percentiles })).statements[0].commands[0]);

describe('percentile methods', () => {
  const median = 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS m FROM orders';

  test('exact by default: row positions, no $percentile', async () => {
    const p = await pipelineOf(median);
    // row positions are a running count over the sorted rows (see rowNumber in src/mongo/mql.ts)
    expect(p).toContain('"$setWindowFields"');
    expect(p).toContain('"documents":["unbounded","current"]');
    expect(p).not.toContain('$percentile');
  });

  test('approximate mode uses $percentile with method approximate', async () => {
    const p = await pipelineOf(median, 'approximate');
    expect(p).toContain('"$percentile"');
    expect(p).toContain('"method":"approximate"');
    expect(p).not.toContain('$setWindowFields');
  });

  test('explain names the method chosen', async () => {
    expect(await explain(median, { schema })).toMatch(/percentile_cont: exact/);
    expect(await explain(median, { schema, percentiles: 'approximate' })).toMatch(/percentile_cont: approximate/);
  });

  test('approx_percentile(x, p) is always approximate and lies within the data', async () => {
    const sql = 'SELECT approx_percentile(amount, 0.5) AS a, min(amount) AS lo, max(amount) AS hi FROM orders';
    expect(await pipelineOf(sql)).toContain('"method":"approximate"');
    const [row] = (await run(sql, { schema, dataDir })).statements[0].rows!;
    const [a, lo, hi] = row as number[];
    expect(a).toBeGreaterThanOrEqual(lo);
    expect(a).toBeLessThanOrEqual(hi);
  });
});
