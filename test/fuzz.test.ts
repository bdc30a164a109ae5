/**
 * Fuzzing the compiler (issue 10): seeded mutations of the grammar-test corpus and
 * generated queries (test/support/fuzz.ts) must each compile, or be rejected with a
 * SqlEtlError that has a position, quickly. A bounded run here; long runs with
 * `node --import tsx scripts/fuzz.ts --count 100000 --seed N`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, SqlEtlError } from '../src/index.js';
import { SCHEMA_FILE } from './support/cases.js';
import { checkInput, loadCorpus, mutant, Rng, generateQuery } from './support/fuzz.js';
import { runFuzz } from './support/fuzz-runner.js';

const SEED = 20_261_122;
const COUNT = 15_000;

/**
 * Failure classes already reported to the compiler's owner (binder/planner files),
 * with a minimal reproduction each. Any other failure fails this test. Delete an
 * entry once its bug is fixed.
 */
const REPORTED: RegExp[] = [];

describe('fuzzing compile()', () => {
  test(`${COUNT} seeded inputs compile or fail with a positioned SqlEtlError`, async () => {
    const report = await runFuzz({ seed: SEED, count: COUNT, workers: 2, profile: 'ci', slowMs: 2000, timeoutMs: 10_000 });
    const unexpected = report.findings.filter((f) => !REPORTED.some((re) => re.test(f.signature)));
    const summary = unexpected.map((f) => `${f.count}× ${f.signature}\n  e.g. ${JSON.stringify(f.first.sql.slice(0, 300))}`);
    expect(summary).toEqual([]);
    expect(report.inputs).toBe(COUNT);
    expect(report.hung).toBe(0);
    // not vacuous: a fair share of the inputs gets past the parser and through the whole compiler
    expect(report.compiled).toBeGreaterThan(COUNT * 0.05);
    expect(report.rejected).toBeGreaterThan(COUNT * 0.3);
  }, 120_000);

  test('inputs are a function of (seed, index)', () => {
    const corpus = loadCorpus();
    expect(mutant(corpus, 7, 123, 'ci')).toEqual(mutant(corpus, 7, 123, 'ci'));
    const texts = new Set(Array.from({ length: 50 }, (_, i) => mutant(corpus, 7, i, 'ci').sql));
    expect(texts.size).toBeGreaterThan(45);
    expect(generateQuery(new Rng(3))).toBe(generateQuery(new Rng(3)));
  });

  test('the rule flags what it should', async () => {
    const schema = readFileSync(SCHEMA_FILE, 'utf8');
    expect(await checkInput('SELECT 1;', schema)).toEqual({ ok: true, compiled: true });
    expect(await checkInput('SELECT FROM WHERE;', schema)).toEqual({ ok: true, compiled: false });
  });
});

/** Regressions: inputs the fuzzer found that broke the parse stage (src/sql/parse.ts, params.ts). */
describe('inputs found by fuzzing', () => {
  const schema = readFileSync(SCHEMA_FILE, 'utf8');

  async function rejection(sql: string): Promise<SqlEtlError> {
    const err = await compile(sql, { schema }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SqlEtlError);
    return err as SqlEtlError;
  }

  test('an empty script or one of only comments has no statements', async () => {
    for (const sql of ['', '   \n', '-- nothing\n', '/* x */', ';']) {
      expect((await compile(sql, { schema })).statements).toEqual([]);
    }
  });

  test('a NUL character is an error at its position, not the silent end of the script', async () => {
    const err = await rejection('SELECT 1;\nSELECT 2\u0000; SELECT * FROM nope_at_all;');
    expect(err.code).toBe('invalid-character');
    expect(err.position()).toEqual({ line: 2, column: 9 });
  });

  test('an unpaired surrogate is an error at its position, not a silent U+FFFD', async () => {
    const err = await rejection("SELECT 'ab\uD800' AS x");
    expect(err.code).toBe('invalid-character');
    expect(err.position()).toEqual({ line: 1, column: 11 });
    // a proper pair is fine
    expect((await compile("SELECT '\u{1F600}' AS x", { schema })).statements).toHaveLength(1);
  });

  test('control characters in strings and comments do not break the scanner (parameters still bind)', async () => {
    const script = await compile("SELECT :who AS w, 'a\fb\u0001' AS s -- \u000b\n", { schema, vars: { who: 'x' } });
    expect(JSON.stringify(script.statements[0].commands)).toContain('a\\fb\\u0001');
    // and positions after such a character are still right
    const err = await rejection("SELECT '\f', nmae FROM customers");
    expect(err.position()).toEqual({ line: 1, column: 13 });
  });
});
