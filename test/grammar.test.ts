/**
 * Grammar golden tests (DESIGN §7). For every `grammar-tests/<area>/<case>.sql`:
 *  (a) the compiled MongoDB commands must equal `<case>.pipeline.json`;
 *  (b) a case that returns rows runs on PostgreSQL (PGlite) and on sqletl's embedded
 *      engine, and the last statement's results must be equal;
 *  error cases (`-- error`) must fail with a positioned SqlEtlError whose format()
 *  equals `<case>.error.txt`.
 * Expected files are rewritten by `npm run golden:update`, never by the tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES_DIR, caseDialect, discoverCases, readSchema, type GrammarCase } from './support/cases.js';
import { PgReference, type PgResult } from './support/pglite.js';
import { compareTables } from './support/compare.js';
import { describeError, loadSqletl, runCase } from './support/sqletl.js';

const cases = discoverCases();
const schema = readSchema();
let pg: PgReference | undefined;
let pgStartError: unknown;

const stats = { cases: cases.length, errorCases: 0, pipelinesChecked: 0, comparedWithPg: 0, rowsCompared: 0, passed: 0 };

beforeAll(async () => {
  try {
    pg = await PgReference.start(FIXTURES_DIR, schema);
  } catch (err) {
    pgStartError = err;
  }
});

afterAll(async () => {
  await pg?.close();
  console.log(
    `grammar-tests: ${stats.passed}/${stats.cases} cases passed; ${stats.pipelinesChecked} pipelines checked against golden files; ` +
      `${stats.comparedWithPg} cases compared with PostgreSQL (${stats.rowsCompared} rows); ${stats.errorCases} error cases`,
  );
});

const GOLDEN_HINT = 'run `npm run golden:update` to write it, then review the diff';

/** Every problem of a case, reported together so one run shows all of them. */
class Problems {
  readonly list: string[] = [];
  add(msg: string): void {
    this.list.push(msg);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new Error(this.list.join('\n\n'));
  }
}

function checkPipeline(c: GrammarCase, pipeline: string, problems: Problems): void {
  if (!existsSync(c.pipelinePath)) {
    problems.add(`missing ${c.name}.pipeline.json: ${GOLDEN_HINT}`);
    return;
  }
  stats.pipelinesChecked++;
  const expected = readFileSync(c.pipelinePath, 'utf8');
  if (pipeline !== expected) {
    problems.add(`compiled commands differ from ${c.name}.pipeline.json (if intended: ${GOLDEN_HINT}):\n${lineDiff(expected, pipeline)}`);
  }
}

/** First differing lines of two texts, with a little context. */
function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 2);
  const show = (lines: string[]) => lines.slice(from, i + 6).map((l, k) => `  ${from + k + 1 === i + 1 ? '>' : ' '} ${from + k + 1}: ${l}`);
  return [`  golden (${a.length} lines):`, ...show(a), `  compiled (${b.length} lines):`, ...show(b)].join('\n');
}

async function runPg(c: GrammarCase): Promise<PgResult> {
  if (!pg) throw new Error(`PGlite did not start: ${describeError(pgStartError)}`);
  try {
    return await pg.run(c.pgSql);
  } catch (err) {
    throw new Error(`PostgreSQL rejected ${c.hasPgSql ? c.name + '.pg.sql' : c.file}: ${(err as Error).message}`);
  }
}

async function errorCase(c: GrammarCase): Promise<void> {
  stats.errorCases++;
  const problems = new Problems();
  const { errors } = await loadSqletl();
  const out = await runCase(c, schema);
  if (out.pipeline !== undefined) checkPipeline(c, out.pipeline, problems);
  const err = out.error;
  if (err === undefined) {
    problems.add(`expected sqletl to reject ${c.file}, but it compiled and ran`);
  } else if (!(err instanceof errors.SqlEtlError)) {
    problems.add(`expected a SqlEtlError, got: ${describeError(err)}`);
  } else {
    const pos = err.position();
    const text = err.format();
    if (!pos) problems.add(`the error has no source position:\n${text}`);
    else if (c.errorAt && (pos.line !== c.errorAt.line || pos.column !== c.errorAt.column)) {
      problems.add(`error reported at ${pos.line}:${pos.column}, the header says ${c.errorAt.line}:${c.errorAt.column}:\n${text}`);
    }
    if (c.postgresError) {
      // a run-time error PostgreSQL raises too: the same words
      const pgMessage = await (pg ? pg.run(c.pgSql).then(() => undefined, (e: Error) => e.message) : Promise.resolve('PGlite did not start'));
      if (pgMessage === undefined) problems.add('the header says -- postgres-error, but PostgreSQL ran the script');
      else if (pgMessage !== err.message) problems.add(`PostgreSQL's message differs:\n  postgres: ${pgMessage}\n  sqletl:   ${err.message}`);
    }
    if (!existsSync(c.errorPath)) problems.add(`missing ${c.name}.error.txt: ${GOLDEN_HINT}\nerror was:\n${text}`);
    else {
      const expected = readFileSync(c.errorPath, 'utf8').replace(/\n$/, '');
      if (text !== expected) problems.add(`error differs from ${c.name}.error.txt:\n--- golden\n${expected}\n--- got\n${text}`);
    }
  }
  problems.throwIfAny();
}

async function rowCase(c: GrammarCase): Promise<void> {
  // a dialect case's SQL is not PostgreSQL: PGlite runs its PostgreSQL equivalent
  if (caseDialect(c.area) && !c.hasPgSql) throw new Error(`${c.file} is ${caseDialect(c.area)} SQL: add ${c.name}.pg.sql, its PostgreSQL equivalent`);
  const problems = new Problems();
  const [out, expected] = await Promise.all([runCase(c, schema), runPg(c)]);
  if (out.compileError !== undefined) throw new Error(`sqletl failed to compile:\n${describeError(out.compileError)}`);
  checkPipeline(c, out.pipeline!, problems);
  if (out.runError !== undefined) problems.add(`sqletl failed to run:\n${describeError(out.runError)}`);
  else if (!out.result) problems.add('sqletl returned no rows for the last statement (PostgreSQL did)');
  else {
    const cmp = compareTables({ columns: expected.columns, rows: expected.rows }, out.result, c.ordered);
    stats.comparedWithPg++;
    stats.rowsCompared += expected.rows.length;
    if (!cmp.ok) problems.add(`sqletl's result differs from PostgreSQL's${c.ordered ? ' (ordered)' : ''}:\n${cmp.diff}`);
  }
  problems.throwIfAny();
}

// every case that writes runs on a copy: the shared fixtures must come out as they went in
const fixturesBefore = listing(FIXTURES_DIR);
function listing(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: false } as { recursive: true; withFileTypes: false })
    .map(String)
    .sort()
    .map((f) => `${f}:${statSync(join(dir, f)).size}`)
    .join('\n');
}
afterAll(() => {
  expect(listing(FIXTURES_DIR), 'a grammar case changed grammar-tests/fixtures: it must run on a copy (see writes() in test/support/sqletl.ts)').toBe(fixturesBefore);
});

const areas = [...new Set(cases.map((c) => c.area))];
for (const area of areas) {
  describe(area, () => {
    for (const c of cases.filter((x) => x.area === area)) {
      test(c.name, async () => {
        if (c.error) await errorCase(c);
        else await rowCase(c);
        stats.passed++;
      });
    }
  });
}
