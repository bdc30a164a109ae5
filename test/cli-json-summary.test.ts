import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, CLI_ENV, runCli, writeIn } from './support/cli-process.js';

/**
 * What CI steps rely on (issue 20), in child processes:
 * - `run --json` ends with one `{"summary": …}` line whose keys are a contract (README: JSON summary);
 * - strictness: a collection that does not exist is `relation "x" does not exist` at its name;
 *   an unknown declared column says `did you mean`;
 * - dirty data: a bad cast says what PostgreSQL says, at the cast;
 * - SIGINT/SIGTERM: the run id, the resume command, `interrupted` in history, exit 130/143.
 * Needs `npm run build` (the CLI runs from dist/).
 */

let root: string;
let dir: string;


const sqletl = (args: string[]) => runCli(args, dir);

const write = (rel: string, text: string) => writeIn(dir, rel, text);

/** The last stdout line as the summary, checking it is the only summary line. */
function summaryOf(stdout: string): Record<string, unknown> {
  const lines = stdout.trimEnd().split('\n');
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(parsed.filter((p) => 'summary' in p)).toHaveLength(1);
  const last = parsed.at(-1)!;
  expect(Object.keys(last)).toEqual(['summary']);
  return last.summary as Record<string, unknown>;
}

const SUMMARY_KEYS = ['runId', 'status', 'files', 'statements', 'succeeded', 'failed', 'skipped', 'totals', 'durationMs', 'errors'];
const TOTALS_KEYS = ['rowsRead', 'rowsWritten', 'inserted', 'updated', 'deleted', 'rejected'];
const ERROR_KEYS = ['code', 'message', 'file', 'line', 'column', 'statement'];

beforeAll(() => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  root = mkdtempSync(join(tmpdir(), 'sqletl-summary-'));
});

beforeEach(() => {
  dir = mkdtempSync(join(root, 'w-'));
  write('data/orders.csv', 'id,amount,day\n1,10.5,2024-01-05\n2,N/A,2024-02-30\n3,7,2024-01-07\n');
  write('data/customers.json', JSON.stringify([{ _id: 1, name: 'ann' }]));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('run --json: the summary line', () => {
  it('a writing job: statement lines, then the summary with the run id, counts and no errors (exact keys)', () => {
    write('job.sql', 'CREATE TABLE t (id int PRIMARY KEY, amount float);\nINSERT INTO t SELECT id, 1.5 FROM orders WHERE id < 3;\nUPDATE t SET amount = 2 WHERE id = 1;\nSELECT count(*) AS n FROM t;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const s = summaryOf(r.stdout);
    expect(Object.keys(s)).toEqual(SUMMARY_KEYS);
    expect(Object.keys(s.totals as object)).toEqual(TOTALS_KEYS);
    expect(s.runId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(s).toMatchObject({ status: 'succeeded', files: ['job.sql'], statements: 4, succeeded: 4, failed: 0, skipped: 0, errors: [] });
    expect(s.totals).toEqual({ rowsRead: 2, rowsWritten: 3, inserted: 2, updated: 1, deleted: 0, rejected: 0 });
    expect(typeof s.durationMs).toBe('number');
    // the same run id is in the journal
    const history = sqletl(['history', '--data', 'data', '--json']);
    expect(JSON.parse(history.stdout.trim().split('\n')[0])).toMatchObject({ id: s.runId, status: 'succeeded' });
  });

  it('a read-only job is not journaled: runId null', () => {
    write('q.sql', 'SELECT id FROM orders ORDER BY id;\n');
    const s = summaryOf(sqletl(['run', 'q.sql', '--data', 'data', '--json']).stdout);
    expect(s).toMatchObject({ runId: null, status: 'succeeded', statements: 1, totals: { rowsRead: 3 } });
  });

  it('a compile error: the summary is the only line on stdout, the error has code, file, line, column', () => {
    write('bad.sql', 'SELECT 1 AS one;\nSELEC 2;\n');
    const r = sqletl(['run', 'bad.sql', '--data', 'data', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const s = summaryOf(r.stdout);
    expect(s).toMatchObject({ runId: null, status: 'failed', statements: 0, succeeded: 0, failed: 0 });
    const errors = s.errors as Record<string, unknown>[];
    expect(errors).toHaveLength(1);
    expect(Object.keys(errors[0])).toEqual(ERROR_KEYS);
    expect(errors[0]).toEqual({ code: 'syntax-error', message: 'syntax error at or near "SELEC"', file: 'bad.sql', line: 2, column: 1, statement: null });
    // the human-readable error is still on stderr
    expect(r.stderr).toMatch(/^bad\.sql:2:1: syntax error at or near "SELEC"\n/);
  });

  it('a failed statement: its line says failed, the summary names the statement and the run to resume', () => {
    write('job.sql', 'CREATE TABLE t (id int PRIMARY KEY, x float);\nINSERT INTO t SELECT id, CAST(amount AS double precision) FROM orders;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--json']);
    expect(r.code).toBe(1);
    const s = summaryOf(r.stdout);
    expect(s.runId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(s).toMatchObject({ status: 'failed', statements: 2, succeeded: 1, failed: 1 });
    expect(s.errors).toEqual([{ code: 'invalid-text-representation', message: 'invalid input syntax for type double precision: "N/A"', file: 'job.sql', line: 2, column: 26, statement: 2 }]);
    expect(r.stderr).toContain(`--resume ${s.runId}`);
  });

  it('--continue-on-error: every failure is in errors', () => {
    write('job.sql', 'CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t SELECT id FROM nosuch;\nINSERT INTO t VALUES (1);\nSELECT * FROM ordrs;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--json', '--continue-on-error']);
    expect(r.code).toBe(1);
    const s = summaryOf(r.stdout);
    expect(s).toMatchObject({ status: 'failed', statements: 4, succeeded: 2, failed: 2, totals: { inserted: 1 } });
    expect((s.errors as { code: string; statement: number; line: number; column: number }[]).map((e) => [e.code, e.statement, e.line, e.column])).toEqual([
      ['undefined-table', 2, 2, 30],
      ['undefined-table', 4, 4, 15],
    ]);
  });

  it('--dry-run --json ends with a summary too', () => {
    write('job.sql', 'SELECT * FROM nosuch;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--json', '--dry-run']);
    expect(r.code).toBe(1);
    const s = summaryOf(r.stdout);
    expect(s).toMatchObject({ runId: null, status: 'failed', statements: 1 });
    expect((s.errors as unknown[]).length).toBe(1);
    expect(summaryOf(sqletl(['run', 'job.sql', '--data', 'data', '--json', '--dry-run', '--allow-missing']).stdout)).toMatchObject({ status: 'succeeded', errors: [] });
  });
});

describe('strict by default', () => {
  it('reading a collection that does not exist fails at its name, with a hint; --allow-missing reads it as empty', () => {
    write('q.sql', 'SELECT 1 AS one;\nSELECT o.id\n  FROM ordrs o;\n');
    const r = sqletl(['run', 'q.sql', '--data', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'q.sql:3:8: relation "ordrs" does not exist',
        '    FROM ordrs o;',
        '         ^',
        'hint: did you mean "orders"?',
        `hint: no collection "ordrs" in the data directory ${join(dir, 'data')}; create it earlier in the job, or pass --allow-missing to read it as empty`,
        '',
      ].join('\n'),
    );
    const lenient = sqletl(['run', 'q.sql', '--data', 'data', '--allow-missing']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/warning: statement 2: collection "ordrs" does not exist/);
  });

  it('collections created earlier in the job (CREATE TABLE, CTAS) are not missing; one a DROP removed is', () => {
    write('job.sql', "CREATE TABLE a (id int);\nSELECT * FROM a;\nCREATE TABLE b AS SELECT id FROM orders;\nSELECT count(*) AS n FROM b;\nDROP TABLE b;\nSELECT * FROM b;\n");
    const r = sqletl(['run', 'job.sql', '--data', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^job\.sql:6:15: relation "b" does not exist/);
  });

  it('an unknown column of a declared table: error with did you mean', () => {
    write('q.sql', 'CREATE TABLE IF NOT EXISTS customers (_id int PRIMARY KEY, name text);\nSELECT nmae FROM customers;\n');
    const r = sqletl(['run', 'q.sql', '--data', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^q\.sql:2:8: column "nmae" does not exist\n.*\n.*\^\nhint: did you mean "name"\?\n$/);
  });
});

describe('row-level errors in PostgreSQL wording', () => {
  it('a bad number names the cast and the value', () => {
    write('q.sql', 'SELECT id,\n       amount::numeric * 2 AS doubled\nFROM orders;\n');
    const r = sqletl(['run', 'q.sql', '--data', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^q\.sql:2:8: invalid input syntax for type numeric: "N\/A"\n {9}amount::numeric \* 2 AS doubled\n {9}\^\nhint: in CAST\(amount AS numeric\): the value "N\/A" is not a valid numeric\nhint: the row: data\/orders\.csv:3\n$/);
  });

  it('an impossible date in the data is out of range, not rolled over to March', () => {
    write('q.sql', 'SELECT id, CAST(day AS date) AS d FROM orders;\n');
    const r = sqletl(['run', 'q.sql', '--data', 'data', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^q\.sql:1:24: date\/time field value out of range: "2024-02-30"\n/);
    // the compiler raises it at the cast's type (src/mongo/raise.ts), with the row it came from
    expect(r.stderr).toContain('hint: the row: data/orders.csv:3\n');
    expect(summaryOf(r.stdout).errors).toEqual([{ code: 'datetime-field-overflow', message: 'date/time field value out of range: "2024-02-30"', file: 'q.sql', line: 1, column: 24, statement: 1 }]);
  });
});

describe('row sources', () => {
  it('a bad value read from a collection the job wrote names its file and line', () => {
    write('job.sql', "CREATE TABLE raw (id int PRIMARY KEY, amount text);\nINSERT INTO raw SELECT id, amount FROM orders;\nSELECT id, amount::float AS a FROM raw;\n");
    const r = sqletl(['run', 'job.sql', '--data', 'data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^job\.sql:3:12: invalid input syntax for type double precision: "N\/A"\n/);
    expect(r.stderr).toContain('hint: the row: data/raw.ndjson:2\n');
  });
});

describe('--resume after fixing the cause', () => {
  it('--resume accepts the edited file and runs again from the first changed statement, with a warning; --resume-exact refuses', () => {
    write('job.sql', "CREATE TABLE t (id int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, 'a');\nINSERT INTO t SELECT _id + 10, name FROM custmers;\nSELECT count(*) AS n FROM t;\n");
    const failed = sqletl(['run', 'job.sql', '--data', 'data']);
    expect(failed.code).toBe(1);
    const id = /continue with: sqletl run job\.sql --resume (\S+) --data data/.exec(failed.stderr)![1];
    write('job.sql', "CREATE TABLE t (id int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, 'a');\nINSERT INTO t SELECT _id + 10, name FROM customers;\nSELECT count(*) AS n FROM t;\n");
    const exact = sqletl(['run', 'job.sql', '--data', 'data', '--resume-exact', id]);
    expect(exact.code).toBe(2);
    expect(exact.stderr).toMatch(/ran different SQL/);
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--resume', id, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`warning: run ${id}: job.sql statement 3 changed since the run; running again from job.sql statement 3 on (--resume-exact refuses edited files)\n`);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, 4).map((l) => l.status ?? 'done')).toEqual(['skipped', 'skipped', 'done', 'done']);
    expect(lines[3]).toMatchObject({ rows: [[2]] });
    expect(summaryOf(r.stdout)).toMatchObject({ runId: id, status: 'succeeded', skipped: 2, succeeded: 2 });
  });

  it('an edit before a completed statement runs everything from the edit on', () => {
    write('job.sql', 'CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1);\nINSERT INTO t SELECT id FROM nosuch;\n');
    const failed = sqletl(['run', 'job.sql', '--data', 'data']);
    const id = /--resume (\S+)/.exec(failed.stderr)![1];
    write('job.sql', 'CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (2);\nINSERT INTO t SELECT id + 10 FROM orders;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--resume', id, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/job\.sql statement 2, job\.sql statement 3 changed since the run; running again from job\.sql statement 2 on/);
    expect(r.stdout.trimEnd().split('\n').slice(0, 3).map((l) => (JSON.parse(l) as { status?: string }).status ?? 'done')).toEqual(['skipped', 'done', 'done']);
  });
});

describe('interruptions', () => {
  /** Starts a run, sends the signal once the COPY has started, and collects the outcome. */
  async function interrupted(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [BIN, 'run', 'job.sql', '--data', 'data', '--progress', '--batch-size', '50', '--json'], { cwd: dir, env: CLI_ENV });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && /statement 2 \(copy\): [\d,]+ rows/.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    return { code, stdout, stderr };
  }

  beforeEach(() => {
    const rows = ['id,name', ...Array.from({ length: 20_000 }, (_, i) => `${i + 1},item ${i + 1}`)];
    write('items.csv', rows.join('\n') + '\n');
    write('job.sql', "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, name text);\nCOPY items FROM 'items.csv' WITH (FORMAT csv, HEADER true);\nSELECT count(*) AS n FROM items;\n");
  });

  it('SIGINT: exit 130, the run id and the resume command; history says interrupted; --resume finishes it', async () => {
    const r = await interrupted('SIGINT');
    expect(r.code).toBe(130);
    const id = /run (\d{8}-\d{6}-[0-9a-f]{4}) is marked interrupted; continue it with: sqletl run job\.sql --resume \1 --data data/.exec(r.stderr)?.[1];
    expect(id, r.stderr).toBeDefined();
    expect(summaryOf(r.stdout)).toMatchObject({ runId: id, status: 'interrupted', succeeded: 1, failed: 0 });
    const history = JSON.parse(sqletl(['history', '--data', 'data', '--json']).stdout.trim().split('\n')[0]) as { id: string; status: string; statements: { status: string }[] };
    expect(history).toMatchObject({ id, status: 'interrupted' });
    expect(history.statements.map((s) => s.status)).toEqual(['done', 'interrupted']);
    // nothing of the interrupted COPY landed: the resume loads every row once
    const resumed = sqletl(['run', 'job.sql', '--data', 'data', '--resume', id!, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const lines = resumed.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[2]).toMatchObject({ rows: [[20_000]] });
    expect(summaryOf(resumed.stdout)).toMatchObject({ runId: id, status: 'succeeded', skipped: 1, succeeded: 2 });
  }, 120_000);

  it('SIGTERM: exit 143', async () => {
    const r = await interrupted('SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/interrupted by SIGTERM/);
  }, 120_000);
});
