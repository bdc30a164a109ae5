import { assertNever } from '../assert-never.js';
import { resolve } from 'node:path';
import type { RunOptions } from '../api-types.js';
import { SqlEtlError, type ErrorCode, type ErrorParams } from '../errors.js';
import { writeFileAtomically } from '../io/write-collection.js';
import { collectTests, displayPath, MAX_SHOWN_ROWS, runTests, testFiles, type DataTest, type TestResult } from '../run/data-tests.js';
import { junitXml } from '../run/junit.js';
import { formatTable } from './format-table.js';
import { checkDataDir, readInputFile, resolveTarget, type SqlCommandOptions } from './options.js';
import { EXIT_FAILED, EXIT_OK, writeOut } from './terminal.js';
import { jsonValue } from './values.js';

/**
 * `sqletl test FILE.sql|DIR …`: data tests (src/run/data-tests.ts) with a line per
 * test and the failing rows, JSON lines (--json) and a JUnit XML report (--junit).
 * Exit 0 when every test passes (skipped ones do not fail), 1 when any fails or
 * cannot run, 2 on bad usage (no tests, a bad declaration, a non-SELECT test).
 */
export interface TestCommandOptions extends SqlCommandOptions {
  junit?: string;
  json?: boolean;
  quiet?: boolean;
  allowMissing?: boolean;
  /** check the tests' column references against sampled field names (--strict-columns) */
  strictColumns?: boolean;
  dialect?: RunOptions['dialect'];
}

export async function testCommand(paths: string[], opts: TestCommandOptions, dataExplicit: boolean): Promise<number> {
  const schema = opts.schema === undefined ? undefined : readInputFile(opts.schema, 'schema file');
  const target = resolveTarget({ uri: opts.uri, data: resolve(opts.data), dataExplicit });
  if (target.dataDir !== undefined && dataExplicit) checkDataDir(opts.data);
  const common: RunOptions = { vars: opts.var, schema, db: opts.db, percentiles: opts.percentiles, dialect: opts.dialect, missingCollections: opts.allowMissing ? 'empty' : 'error', ...target };
  if (opts.strictColumns) {
    // the collections the tests name, sampled before compiling them (tests only read: no write can change them)
    const texts = testFiles(paths).map((path) => readInputFile(path, 'test file'));
    const [{ openEngine }, { sampleTables }] = await Promise.all([import('../run/run-job.js'), import('../run/strict-columns.js')]);
    const engine = await openEngine(common);
    try {
      common.sampledColumns = await sampleTables(engine, texts, common);
    } finally {
      await engine.close();
    }
  }
  const outcome = await runDataTests(paths, common, { junit: opts.junit, json: opts.json, quiet: opts.quiet, schemaFile: opts.schema });
  return outcome.code;
}

export interface TestsSummary {
  status: 'passed' | 'failed';
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  durationMs: number;
}

interface TestOutput {
  junit?: string;
  json?: boolean;
  quiet?: boolean;
  schemaFile?: string;
  jobs?: { path?: string; text: string }[];
  /** false: `run --test` prints the run's summary line instead */
  summaryLine?: boolean;
}

/** Collects, runs and reports the tests. */
export async function runDataTests(paths: string[], options: RunOptions, out: TestOutput): Promise<{ code: number; summary: TestsSummary }> {
  const started = performance.now();
  const tests = await prepareDataTests(paths, options, out);
  return runPreparedTests(tests, options, out, started);
}

/**
 * Reads the test files and compiles every test: mistakes in how tests are written are
 * usage errors (exit 2) found here, before anything runs — `run --test` calls this
 * before the job.
 */
export async function prepareDataTests(paths: string[], options: RunOptions, out: TestOutput): Promise<DataTest[]> {
  const files = testFiles(paths).map((path) => ({ path: displayPath(path), text: readInputFile(path, 'test file') }));
  const tests = await collectTests(files, { paths, jobs: out.jobs, schemaFile: out.schemaFile && displayPath(out.schemaFile) }, options);
  if (tests.length === 0) {
    throw new SqlEtlError('no-tests', 'usage', `no tests in ${paths.join(', ')}: a test file holds SELECTs that return the bad rows, or "-- test <table>: not_null(col), …" declarations`);
  }
  // a mistake in how a test is written (not a SELECT, a bad declaration) is bad usage, reported before running anything
  const usage = tests.filter((t) => t.error?.stage === 'usage');
  if (usage.length > 0) {
    // exit 2 with every problem at its place (`file:line:col`, the line, a caret)
    throw new SqlEtlError(usage[0].error!.code, 'usage', usage.map((u) => u.error!.format()).join('\n'));
  }
  return tests;
}

/** Runs prepared tests and reports them (lines or JSON, --junit, the summary). */
export async function runPreparedTests(tests: DataTest[], options: RunOptions, out: TestOutput, started = performance.now()): Promise<{ code: number; summary: TestsSummary }> {
  const results = await runTests(tests, options, (r) => {
    if (out.quiet && r.status !== 'fail' && r.status !== 'error') return;
    if (out.json) writeOut(JSON.stringify(jsonResult(r)));
    else writeOut(humanResult(r));
  });
  const durationMs = Math.round(performance.now() - started);
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  const summary: TestsSummary = {
    status: count('fail') + count('error') > 0 ? 'failed' : 'passed',
    tests: results.length,
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error'),
    skipped: count('skipped'),
    durationMs,
  };
  if (out.junit) writeFileAtomically(resolve(out.junit), junitXml(results, { durationMs, describeFailure: failureText, describeError: errorText }));
  if (out.json) {
    if (out.summaryLine !== false) writeOut(JSON.stringify({ summary: summary }));
  } else if (!out.quiet || summary.status === 'failed') {
    const parts = [`${summary.passed} passed`, `${summary.failed} failed`, ...(summary.errors ? [`${summary.errors} could not run`] : []), ...(summary.skipped ? [`${summary.skipped} skipped`] : [])];
    writeOut(`\n${summary.tests} ${summary.tests === 1 ? 'test' : 'tests'}: ${parts.join(', ')} (${(durationMs / 1000).toFixed(1)} s)`);
  }
  return { code: summary.status === 'passed' ? EXIT_OK : EXIT_FAILED, summary };
}

function where(r: TestResult): string {
  return `${r.test.file}:${r.test.line}`;
}

function rowsWord(n: number): string {
  return `${n} ${n === 1 ? 'row' : 'rows'}`;
}

/** The failing rows as a table (the first 10) and the count. */
function failureText(r: TestResult): string {
  const shown = formatTable({ columns: r.columns, rows: r.rows }, { footer: false });
  const more = r.rowCount > r.rows.length ? `(showing ${r.rows.length} of ${r.rowCount} rows)` : `(${rowsWord(r.rowCount)})`;
  return `${r.test.name}: ${rowsWord(r.rowCount)} returned, expected none\n${shown}${more}\n`;
}

function errorText(r: TestResult): string {
  const e = r.error;
  return e instanceof SqlEtlError ? e.format() : (e?.message ?? 'error');
}

function indent(text: string, by = '    '): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

function humanResult(r: TestResult): string {
  const ms = `${r.durationMs} ms`;
  switch (r.status) {
    case 'pass':
      return `PASS   ${r.test.name}  (${where(r)}, ${ms})`;
    case 'skipped':
      return `SKIP   ${r.test.name}  (${where(r)}): ${r.reason}`;
    case 'fail': {
      const table = formatTable({ columns: r.columns, rows: r.rows }, { footer: false });
      const more = r.rowCount > r.rows.length ? `(showing ${r.rows.length} of ${r.rowCount} rows)` : `(${rowsWord(r.rowCount)})`;
      return `FAIL   ${r.test.name}  (${where(r)}): ${rowsWord(r.rowCount)}\n${indent(table + more)}`;
    }
    case 'error':
      return `ERROR  ${r.test.name}  (${where(r)})\n${indent(errorText(r))}`;
    default:
      return assertNever(r.status, 'run');
  }
}

/** One `test --json` line. */
function jsonResult(r: TestResult): Record<string, unknown> {
  const line: Record<string, unknown> = { test: r.test.name, file: r.test.file, line: r.test.line, kind: r.test.kind, status: r.status, rowCount: r.rowCount };
  if (r.status === 'fail') {
    line.columns = r.columns;
    line.rows = r.rows.map((row) => row.map(jsonValue));
    line.rowsShown = Math.min(r.rowCount, MAX_SHOWN_ROWS);
  }
  line.durationMs = r.durationMs;
  if (r.status === 'error' && r.error) line.error = errorJson(r.error);
  if (r.status === 'skipped') line.reason = r.reason;
  line.sql = r.test.sql;
  return line;
}

/** An error as `run --json` and `test --json` report it: `{code, message, file, line, column, statement}`, and `params` for the codes that have them. */
export function errorJson(err: unknown, statement: number | null = null): ErrorJson {
  if (err instanceof SqlEtlError) {
    const pos = err.position();
    const out: ErrorJson = { code: err.code, message: err.message, file: err.source?.file ?? null, line: pos?.line ?? null, column: pos?.column ?? null, statement };
    if (err.params) out.params = err.params;
    return out;
  }
  return { code: 'internal-error', message: err instanceof Error ? err.message : String(err), file: null, line: null, column: null, statement };
}

export interface ErrorJson {
  code: ErrorCode;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  statement: number | null;
  params?: ErrorParams[keyof ErrorParams];
}

