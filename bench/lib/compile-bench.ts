/**
 * Workload 1, compile speed: every grammar-test case that is not an error case
 * (`<case>.pg.sql` files are PostgreSQL's spelling and are skipped), compiled with
 * the fixture schema as the tests do, the whole set `iterations` times; against the
 * same texts through libpg-query's `parseSync` alone (the floor: sqletl parses with it).
 * Times are CPU time (measure.ts).
 */
import { loadModule, parseSync } from 'libpg-query';
import { compile } from '../../dist/index.js';
import { caseOptions, discoverCases, readSchema } from '../../test/support/cases.js';
import { cpuMark, cpuSince, round } from './measure.js';

export interface CompileResult {
  cases: number;
  statements: number;
  /** cases skipped because they do not compile today (work in progress elsewhere) */
  skipped: string[];
  iterations: number;
  budgetSeconds: number;
  compileMs: number;
  parseMs: number;
  statementsPerSecond: number;
  compileToParseRatio: number;
  /** per compile call: cost of parsing and binding the `schema` option (compile('SELECT 1', {schema}) − compile('SELECT 1')) */
  schemaPerCompileMs: number;
  /** estimated share of the set's compile time spent re-reading the schema */
  schemaShare: number;
}

export async function compileBench(opts: { maxIterations: number; budgetSeconds: number; log: (s: string) => void }): Promise<CompileResult> {
  await loadModule();
  const schema = readSchema();
  const skipped: string[] = [];
  const set: { sql: string; options: ReturnType<typeof caseOptions> }[] = [];
  let statements = 0;
  for (const c of discoverCases()) {
    if (c.error) continue;
    const options = caseOptions(c, schema);
    // the baseline is PostgreSQL's parser alone: cases in other dialects have no such baseline
    if (options.dialect) continue;
    try {
      const script = await compile(c.sql, options);
      parseSync(c.sql);
      statements += script.statements.length;
      set.push({ sql: c.sql, options });
    } catch {
      skipped.push(c.file);
    }
  }
  const compileSet = async () => {
    for (const c of set) await compile(c.sql, c.options);
  };
  const parseSet = () => {
    for (const c of set) parseSync(c.sql);
  };
  // warm up, then size the run to the budget
  await compileSet();
  parseSet();
  let t = cpuMark();
  await compileSet();
  const onePass = cpuSince(t);
  t = cpuMark();
  parseSet();
  const oneParse = cpuSince(t);
  // the budget covers both loops (compile and parse-only)
  const iterations = Math.max(1, Math.min(opts.maxIterations, Math.floor((opts.budgetSeconds * 1000) / (onePass + oneParse))));
  opts.log(`compile: ${set.length} cases, ${statements} statements, ${round(onePass)} ms per pass (parse only ${round(oneParse)} ms) → ${iterations} iterations`);

  t = cpuMark();
  for (let i = 0; i < iterations; i++) await compileSet();
  const compileMs = cpuSince(t);
  t = cpuMark();
  for (let i = 0; i < iterations; i++) parseSet();
  const parseMs = cpuSince(t);

  // what the schema option costs on every call
  const N = 2000;
  for (let i = 0; i < 200; i++) await compile('SELECT 1', { schema });
  t = cpuMark();
  for (let i = 0; i < N; i++) await compile('SELECT 1', { schema });
  const withSchema = cpuSince(t) / N;
  t = cpuMark();
  for (let i = 0; i < N; i++) await compile('SELECT 1');
  const without = cpuSince(t) / N;
  const schemaPerCompileMs = withSchema - without;
  const withSchemaCases = set.filter((c) => c.options.schema !== undefined).length;

  return {
    cases: set.length,
    statements,
    skipped,
    iterations,
    budgetSeconds: opts.budgetSeconds,
    compileMs: round(compileMs),
    parseMs: round(parseMs),
    statementsPerSecond: round((statements * iterations) / (compileMs / 1000), 0),
    compileToParseRatio: round(compileMs / parseMs, 2),
    schemaPerCompileMs: round(schemaPerCompileMs, 4),
    schemaShare: round((schemaPerCompileMs * withSchemaCases * iterations) / compileMs, 3),
  };
}
