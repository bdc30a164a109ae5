/**
 * The example jobs give PostgreSQL's answers. Each job runs on the embedded engine in
 * a temporary copy of its folder, and the same statements run on PGlite over the same
 * input files (test/support/pg-job.ts says what it translates and why); then every
 * table the job leaves, every report, the counts and rejects of every INSERT and the
 * exported files are compared. No expected row is written here: PostgreSQL is the
 * expectation.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, run, type RunResult } from '../src/index.js';
import { compareTables, valuesEqual } from './support/compare.js';
import { runOnPg, type PgStatementResult } from './support/pg-job.js';
import { PgReference } from './support/pglite.js';

interface Workspace {
  dir: string;
  job: string;
  data: string;
}

/** A copy of an example's job and inputs, with an empty data directory and no outputs. */
function copyExample(name: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `sqletl-example-${name}-`));
  cpSync(join('examples', name), dir, { recursive: true, filter: (src) => !/[/\\](data|out)([/\\]|$)/.test(src.slice(join('examples', name).length)) });
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  return { dir, job: join(dir, 'job.sql'), data };
}

async function startPg(): Promise<PGlite> {
  const db = new PGlite();
  await db.waitReady;
  await db.exec(`SET TIME ZONE 'UTC'`);
  return db;
}

describe('examples/employee-pipeline on the embedded engine equals PostgreSQL', () => {
  let w: Workspace;
  let pg: PGlite;
  let sqletl: RunResult;
  let reference: PgStatementResult[];
  let statements: Awaited<ReturnType<typeof compile>>['statements'];

  beforeAll(async () => {
    w = copyExample('employee-pipeline');
    const sql = readFileSync(w.job, 'utf8');
    sqletl = await run(sql, { file: w.job, dataDir: w.data });
    statements = (await compile(sql, { file: w.job })).statements;
    pg = await startPg();
    reference = [];
    for (const st of statements) {
      // the rejects collection is sqletl's own (PostgreSQL aborts instead); it is compared below
      if (/__rejects\b/.test(st.sql) && st.kind !== 'drop') reference.push({ kind: 'other' });
      else reference.push(await runOnPg(pg, w.job, st));
    }
  }, 120_000);

  afterAll(async () => {
    await pg?.close();
    if (w) rmSync(w.dir, { recursive: true, force: true });
  });

  test('every statement ran, with the same kinds of results', () => {
    expect(sqletl.statements).toHaveLength(statements.length);
    expect(statements.filter((s) => s.kind === 'select').length).toBeGreaterThanOrEqual(3);
  });

  test('every report SELECT (except over the rejects) returns what PostgreSQL returns, in order', () => {
    let compared = 0;
    statements.forEach((st, i) => {
      const ref = reference[i];
      if (ref.kind !== 'rows') return;
      const got = sqletl.statements[i];
      const cmp = compareTables(ref, { columns: got.columns ?? [], rows: got.rows ?? [] }, /\bORDER\s+BY\b[^)]*$/i.test(st.sql));
      expect(cmp.ok, `statement ${st.index}:\n${st.sql}\n${cmp.diff}`).toBe(true);
      expect(ref.rows.length, `statement ${st.index} returns rows`).toBeGreaterThan(0);
      compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  test('every INSERT inserts, updates and rejects what PostgreSQL does, row by row', async () => {
    let rejected = 0;
    for (const [i, st] of statements.entries()) {
      const ref = reference[i];
      if (ref.kind !== 'insert') continue;
      const got = sqletl.statements[i];
      expect({ inserted: got.inserted, updated: got.updated, rejected: got.rejected }, `statement ${st.index}`).toEqual({
        inserted: ref.inserted,
        updated: ref.updated,
        rejected: ref.rejects.length,
      });
      rejected += ref.rejects.length;
      if (ref.rejects.length === 0) continue;
      const table = /^\s*INSERT\s+INTO\s+(\w+)/i.exec(st.sql)![1];
      const mine = await run(`SELECT row, reasons FROM ${table}__rejects WHERE statement = ${st.index}`, { dataDir: w.data });
      const rows = mine.statements[0].rows as [Record<string, unknown>, string[]][];
      expect(rows).toHaveLength(ref.rejects.length);
      for (const r of ref.rejects) {
        const match = rows.find(([row]) => Object.keys(r.row).every((k) => valuesEqual(r.row[k], row[k] ?? null)));
        expect(match, `PostgreSQL rejects ${JSON.stringify(r.row)} (${r.message}); sqletl's rejects do not hold it`).toBeDefined();
        // PostgreSQL reports the first constraint a row breaks; sqletl lists every one
        expect(match![1], `reasons for ${JSON.stringify(r.row)}`).toContain(r.message);
      }
    }
    // the example is meant to show rejects: its dirty rows must be caught
    expect(rejected).toBeGreaterThanOrEqual(5);
  });

  test("every table the job leaves holds PostgreSQL's rows", async () => {
    const tables = (await pg.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['employees', 'staged_people', 'raw_employees', 'raw_contractors', 'department_aliases']));
    for (const table of tables) {
      const columns = (await pg.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows.map((r) => r.column_name);
      const select = `SELECT ${columns.join(', ')} FROM ${table}`;
      const res = await pg.query(select, [], { rowMode: 'array' });
      const types = res.fields.map((f) => f.dataTypeID);
      const { fromPg } = await import('./support/pglite.js');
      const expected = { columns, rows: (res.rows as unknown[][]).map((r) => r.map((v, k) => fromPg(v, types[k]))) };
      const mine = (await run(select, { dataDir: w.data })).statements[0];
      const cmp = compareTables(expected, { columns: mine.columns ?? [], rows: mine.rows ?? [] }, false);
      expect(cmp.ok, `table ${table}:\n${cmp.diff}`).toBe(true);
      expect(expected.rows.length, `table ${table} is not empty`).toBeGreaterThan(0);
    }
  });

  test("the exported CSV is PostgreSQL's COPY output byte for byte; the JSON holds PostgreSQL's rows", () => {
    let files = 0;
    statements.forEach((st, i) => {
      const ref = reference[i];
      if (ref.kind !== 'copy-to') return;
      const written = readFileSync(join(w.dir, st.copy!.file!), 'utf8');
      files++;
      if (ref.format === 'csv') {
        expect(written).toBe(ref.text);
        return;
      }
      const objects = JSON.parse(written) as Record<string, unknown>[];
      const actual = { columns: Object.keys(objects[0] ?? {}), rows: objects.map((o) => Object.values(o)) };
      const cmp = compareTables({ columns: ref.columns!, rows: ref.rows! }, actual, true);
      expect(cmp.ok, `${st.copy!.file}:\n${cmp.diff}`).toBe(true);
    });
    expect(files).toBe(2);
  });

  test("the README's command runs it: bin/sqletl with --data, the same counts as the library", () => {
    const copy = copyExample('employee-pipeline');
    try {
      // with the example's data tests (examples/employee-pipeline/tests) after the job, as the README's CI job does
      const r = spawnSync(process.execPath, ['bin/sqletl', 'run', copy.job, '--data', copy.data, '--json', '--test', join(copy.dir, 'tests')], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const all = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { statement: number; inserted?: number; rejected?: number; test?: string; summary?: { status: string; tests?: { passed: number; failed: number } } });
      expect(all.at(-1)!.summary).toMatchObject({ status: 'succeeded', tests: { failed: 0 } });
      expect(all.at(-1)!.summary!.tests!.passed).toBeGreaterThanOrEqual(6);
      const lines = all.filter((l) => l.statement !== undefined);
      const byStatement = new Map(lines.map((l) => [l.statement, l]));
      for (const st of sqletl.statements.filter((x) => x.inserted !== undefined && x.rejected !== undefined)) {
        expect(byStatement.get(st.statement), `statement ${st.statement}`).toMatchObject({ inserted: st.inserted, rejected: st.rejected });
      }
      expect(readFileSync(join(copy.dir, 'out', 'employees.csv'), 'utf8')).toBe(readFileSync(join(w.dir, 'out', 'employees.csv'), 'utf8'));
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('running the job again changes nothing: same tables, same exports, this run’s rejects only', async () => {
    const snapshot = async () => {
      const out: Record<string, unknown> = {};
      for (const t of ['employees', 'employees__rejects']) {
        const cols = t === 'employees' ? 'id, full_name, email, department, salary, is_active, hire_date, experience_years, salary_grade' : 'row, reasons';
        const res = (await run(`SELECT ${cols} FROM ${t}`, { dataDir: w.data })).statements[0];
        out[t] = { columns: res.columns ?? [], rows: res.rows ?? [] };
      }
      out.csv = readFileSync(join(w.dir, 'out', 'employees.csv'), 'utf8');
      out.json = readFileSync(join(w.dir, 'out', 'departments.json'), 'utf8');
      return out;
    };
    const before = await snapshot();
    const again = await run(readFileSync(w.job, 'utf8'), { file: w.job, dataDir: w.data });
    const load = statements.findIndex((s) => s.kind === 'insert' && /INSERT\s+INTO\s+employees\b/i.test(s.sql));
    // the second run updates every valid row it inserted the first time
    expect(again.statements[load]).toMatchObject({ inserted: 0, updated: sqletl.statements[load].inserted, rejected: sqletl.statements[load].rejected });
    const after = await snapshot();
    for (const t of ['employees', 'employees__rejects']) {
      const [first, second] = [before[t], after[t]] as { columns: string[]; rows: unknown[][] }[];
      expect(first.rows.length, `${t} is not empty`).toBeGreaterThan(0);
      const cmp = compareTables(first, second, false, ['first run', 'second run']);
      expect(cmp.ok, `${t}:\n${cmp.diff}`).toBe(true);
    }
    expect(after.csv).toBe(before.csv);
    expect(after.json).toBe(before.json);
    expect(existsSync(join(w.dir, 'out', 'employees.csv'))).toBe(true);
  }, 60_000);
});

/**
 * The customer-analytics job reads documents (nested `profile`) without a schema. On
 * PostgreSQL its collection is a table with `profile` as jsonb, declared here, and the
 * job's nested paths are the only words respelled (PostgreSQL has no dotted paths into
 * jsonb): each one below, everything else of each statement as written.
 */
const CUSTOMERS_TABLE = `CREATE TABLE customers (
  _id int, first_name text, last_name text, email text, tier text, lifetime_value numeric,
  orders int, profile jsonb, registered_at timestamptz, last_login timestamptz)`;
const JSONB_PATHS: Record<string, string> = {
  'profile.address.country': `(profile->'address'->>'country')`,
  'profile.premium': `(profile->'premium')::boolean`,
};

describe('examples/customer-analytics on the embedded engine equals PostgreSQL', () => {
  test('each report returns what PostgreSQL returns, in order', async () => {
    const dir = join('examples', 'customer-analytics');
    const job = join(dir, 'job.sql');
    const sql = readFileSync(job, 'utf8');
    const mine = await run(sql, { file: job, dataDir: join(dir, 'data') });
    const { statements } = await compile(sql, { file: job });
    const pg = await PgReference.start(join(dir, 'data'), CUSTOMERS_TABLE);
    try {
      expect(statements.length).toBeGreaterThanOrEqual(2);
      for (const [i, st] of statements.entries()) {
        let pgSql = st.sql;
        for (const [path, spelled] of Object.entries(JSONB_PATHS)) pgSql = pgSql.split(path).join(spelled);
        expect(pgSql, 'every nested path has a PostgreSQL spelling').not.toMatch(/\bprofile\.\w/);
        const expected = await pg.run(pgSql);
        const got = mine.statements[i];
        const cmp = compareTables(expected, { columns: got.columns ?? [], rows: got.rows ?? [] }, true);
        expect(cmp.ok, `statement ${st.index}:\n${st.sql}\n${cmp.diff}`).toBe(true);
        expect(expected.rows.length).toBeGreaterThan(0);
      }
    } finally {
      await pg.close();
    }
  }, 60_000);
});
