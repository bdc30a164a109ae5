import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findAll, parseXml, type XmlElement } from './support/xml.js';
import { runCli, writeIn } from './support/cli-process.js';

/**
 * `sqletl test` (issue 20) as a CI step runs it, in child processes: singular tests
 * (a SELECT passes when it returns no rows), generic tests from `-- test` comments
 * and from declared constraints, --junit (parsed and checked), --json, the exit
 * codes, and `run --test`. Needs `npm run build` (the CLI runs from dist/).
 */

let root: string;
let dir: string;

const sqletl = (args: string[]) => runCli(args, dir);

const write = (rel: string, text: string) => writeIn(dir, rel, text);

// 15 orders: #3 has an unknown status, #4 a customer that does not exist, #5 a negative amount
const ORDERS = [
  'id,amount,status,customer_id',
  '1,10.5,paid,1',
  '2,20,open,2',
  '3,7,weird,1',
  '4,8,paid,9',
  '5,-3,paid,2',
  ...Array.from({ length: 10 }, (_, i) => `${i + 6},${i + 1},open,1`),
].join('\n');
// customer 2 has no email; the name of customer 3 holds a control character and markup
const CUSTOMERS = JSON.stringify([
  { _id: 1, name: 'ann', email: 'ann@example.com' },
  { _id: 2, name: 'bob' },
  { _id: 3, name: 'c\u0001 <&> "x"', email: 'c@example.com' },
]);

beforeAll(() => {
  if (!existsSync(resolve('dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  root = mkdtempSync(join(tmpdir(), 'sqletl-test-cmd-'));
});

beforeEach(() => {
  dir = mkdtempSync(join(root, 'w-'));
  write('data/orders.csv', ORDERS + '\n');
  write('data/customers.json', CUSTOMERS);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const PASSING = `-- every amount is a number
SELECT id FROM orders WHERE amount IS NULL;

-- ids are positive
SELECT id FROM orders WHERE id <= 0;
`;

const FAILING = `-- every order has a positive amount
SELECT id, amount FROM orders WHERE amount <= 0;

/* open orders are rare (fails with 11 rows: the first 10 are shown) */
SELECT id, status FROM orders WHERE status = 'open' ORDER BY id;

-- markup & "quotes" <in> the name
SELECT _id, name FROM customers WHERE _id = 3;
`;

describe('singular tests', () => {
  it('all pass: exit 0, a PASS line per test named by its comment, and the count', () => {
    write('tests/ok.sql', PASSING);
    const r = sqletl(['test', 'tests', '--data', 'data']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS {3}every amount is a number {2}\(tests\/ok\.sql:2, \d+ ms\)$/m);
    expect(r.stdout).toMatch(/^PASS {3}ids are positive {2}\(tests\/ok\.sql:5, \d+ ms\)$/m);
    expect(r.stdout).toMatch(/\n2 tests: 2 passed, 0 failed \(/);
  });

  it('a failing test shows its rows (the first 10) and the count; exit 1', () => {
    write('tests/bad.sql', FAILING);
    const r = sqletl(['test', 'tests/bad.sql', '--data', 'data']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {3}every order has a positive amount {2}\(tests\/bad\.sql:2\): 1 row\n {5}id \| amount\n {4}----\+--------\n {6}5 \| +-3\n {4}\(1 row\)$/m);
    const open = r.stdout.slice(r.stdout.indexOf('FAIL   open orders are rare'));
    expect(open).toMatch(/^FAIL {3}open orders are rare \(fails with 11 rows: the first 10 are shown\) {2}\(tests\/bad\.sql:5\): 11 rows/);
    expect(open).toContain('(showing 10 of 11 rows)');
    // rows 2, 6..14 shown, 15 not
    expect(open).toMatch(/ 14 \| open/);
    expect(open).not.toMatch(/ 15 \| open/);
    expect(r.stdout).toMatch(/\n3 tests: 0 passed, 3 failed \(/);
  });

  it('--junit writes well-formed JUnit XML: one testcase per test, failures with their rows, escaped', () => {
    write('tests/ok.sql', PASSING);
    write('tests/sub/bad.sql', FAILING);
    const r = sqletl(['test', 'tests', '--data', 'data', '--junit', 'reports/junit.xml']);
    expect(r.code).toBe(1);
    const xml = readFileSync(join(dir, 'reports/junit.xml'), 'utf8');
    const doc = parseXml(xml);
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toMatchObject({ tests: '5', failures: '3', errors: '0', skipped: '0' });
    const suites = findAll(doc, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['tests/ok.sql', 'tests/sub/bad.sql']);
    expect(suites[1].attrs).toMatchObject({ tests: '3', failures: '3' });
    const cases = findAll(doc, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'every amount is a number',
      'ids are positive',
      'every order has a positive amount',
      'open orders are rare (fails with 11 rows: the first 10 are shown)',
      'markup & "quotes" <in> the name',
    ]);
    expect(cases[2].attrs).toMatchObject({ classname: 'tests.sub.bad', file: 'tests/sub/bad.sql', line: '2' });
    expect(Number(cases[2].attrs.time)).toBeGreaterThanOrEqual(0);
    const failure = (c: XmlElement) => c.children.find((x) => x.name === 'failure');
    expect(failure(cases[0])).toBeUndefined();
    expect(failure(cases[2])!.attrs.message).toBe('1 row returned');
    expect(failure(cases[2])!.text).toMatch(/ id \| amount\n----\+--------\n  5 \| +-3\n/);
    expect(failure(cases[3])!.attrs.message).toBe('11 rows returned');
    expect(failure(cases[3])!.text).toContain('(showing 10 of 11 rows)');
    // a control character in the data is shown escaped (as in the terminal table); markup in the data is escaped in the XML
    expect(failure(cases[4])!.text).toContain('c\\x01 <&> "x"');
    expect(xml).toContain('c\\x01 &lt;&amp;&gt; "x"');
  });

  it('--json: one line per test, then a summary line', () => {
    write('tests/ok.sql', PASSING);
    write('tests/bad.sql', FAILING);
    const r = sqletl(['test', 'tests', '--data', 'data', '--json']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ test: 'every order has a positive amount', file: 'tests/bad.sql', line: 2, kind: 'singular', status: 'fail', rowCount: 1, columns: ['id', 'amount'], rows: [[5, -3]] });
    expect(lines[1]).toMatchObject({ status: 'fail', rowCount: 11, rowsShown: 10 });
    expect((lines[1].rows as unknown[]).length).toBe(10);
    expect(lines[3]).toMatchObject({ test: 'every amount is a number', status: 'pass', rowCount: 0 });
    expect(lines[5]).toEqual({ summary: { status: 'failed', tests: 5, passed: 2, failed: 3, errors: 0, skipped: 0, durationMs: expect.any(Number) } });
  });

  it('a test that cannot run (unknown column, missing collection) is an error of that test only', () => {
    write(
      'tests/mixed.sql',
      `CREATE TABLE customers (_id int PRIMARY KEY, name text, email text);
-- typo in a declared column
SELECT _id FROM customers WHERE emial IS NULL;
-- a collection that does not exist
SELECT * FROM custmers;
-- still runs
SELECT 1 AS one WHERE false;
`,
    );
    const r = sqletl(['test', 'tests', '--data', 'data', '--junit', 'j.xml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ERROR {2}typo in a declared column {2}\(tests\/mixed\.sql:3\)\n {4}tests\/mixed\.sql:3:33: column "emial" does not exist\n.*\n.*\^\n {4}hint: did you mean "email"\?$/m);
    expect(r.stdout).toMatch(/^ERROR {2}a collection that does not exist {2}\(tests\/mixed\.sql:5\)\n {4}tests\/mixed\.sql:5:15: relation "custmers" does not exist\n.*\n {4} {16}\^\n {4}hint: did you mean "customers"\?$/m);
    expect(r.stdout).toMatch(/^PASS {3}still runs/m);
    const doc = parseXml(readFileSync(join(dir, 'j.xml'), 'utf8'));
    // the CREATE TABLE's PRIMARY KEY adds not_null(customers._id) and unique(customers._id)
    expect(doc.attrs).toMatchObject({ tests: '5', failures: '0', errors: '2' });
    const errors = findAll(doc, 'error');
    expect(errors.map((e) => e.attrs.type)).toEqual(['undefined-column', 'undefined-table']);
    // --allow-missing: the missing collection reads as empty, so that test passes
    const lenient = sqletl(['test', 'tests', '--data', 'data', '--allow-missing', '--json']);
    const statuses = lenient.stdout.trimEnd().split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { status: string }).status);
    expect(statuses).toEqual(['error', 'pass', 'pass', 'pass', 'pass']);
  });
});

describe('generic tests', () => {
  it('from "-- test <table>:" declarations: not_null, unique, accepted_values, relationships', () => {
    write(
      'tests/generic.sql',
      `-- test orders: not_null(amount, status), unique(id), accepted_values(status: 'paid', 'open')
-- test orders: relationships(customer_id -> customers._id)
-- test customers: not_null(email), unique(_id)
`,
    );
    const r = sqletl(['test', 'tests', '--data', 'data', '--json']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { test?: string; status?: string; rows?: unknown[][]; line?: number; summary?: Record<string, number> });
    const by = new Map(lines.filter((l) => l.test).map((l) => [l.test!, l]));
    expect([...by.keys()]).toEqual([
      'not_null(orders.amount)',
      'not_null(orders.status)',
      'unique(orders.id)',
      'accepted_values(orders.status)',
      'relationships(orders.customer_id -> customers._id)',
      'not_null(customers.email)',
      'unique(customers._id)',
    ]);
    expect(by.get('not_null(orders.amount)')).toMatchObject({ status: 'pass', line: 1 });
    expect(by.get('unique(orders.id)')).toMatchObject({ status: 'pass' });
    expect(by.get('accepted_values(orders.status)')).toMatchObject({ status: 'fail', rows: [['weird', 1]] });
    expect(by.get('relationships(orders.customer_id -> customers._id)')).toMatchObject({ status: 'fail', rows: [[9, 1]], line: 2 });
    expect(by.get('not_null(customers.email)')).toMatchObject({ status: 'fail', rows: [[2, 'bob']] });
    expect(lines.at(-1)!.summary).toMatchObject({ tests: 7, passed: 4, failed: 3 });
  });

  it('check(condition) declared, and the CHECK constraints of a CREATE TABLE: the rows where the condition is false', () => {
    write('tests/checks.sql', '-- test orders: check(amount > 0), check(id < 100)\n');
    write('schema.sql', 'CREATE TABLE orders (id int PRIMARY KEY, amount float CHECK (amount >= 0), status text, customer_id int,\n  CONSTRAINT known_status CHECK (status IN (\'paid\', \'open\')));\n');
    const r = sqletl(['test', 'tests', '--data', 'data', '--schema', 'schema.sql', '--json']);
    expect(r.code).toBe(1);
    const by = new Map(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { test?: string; status?: string; rows?: unknown[][] })
        .filter((l) => l.test)
        .map((l) => [l.test!, l]),
    );
    expect(by.get('check(orders: amount > 0)')).toMatchObject({ status: 'fail', rows: [[5, -3, 'paid', 2]] });
    expect(by.get('check(orders: id < 100)')).toMatchObject({ status: 'pass' });
    expect(by.get('check(orders: amount >= 0)')).toMatchObject({ status: 'fail', rows: [[5, -3, 'paid', 2]] });
    expect(by.get("check(orders.known_status: status IN ('paid', 'open'))")).toMatchObject({ status: 'fail', rows: [[3, 7, 'weird', 1]] });
  });

  it('unique finds duplicates; "-- test:" before a CREATE TABLE applies to it; constraints of --schema become tests', () => {
    write('data/dupes.json', JSON.stringify([{ _id: 1, code: 'a' }, { _id: 2, code: 'a' }, { _id: 3, code: 'b' }, { _id: 4 }]));
    write(
      'schema.sql',
      `CREATE TABLE customers (_id int PRIMARY KEY, name text NOT NULL, email text NOT NULL);
-- test: unique(code)
CREATE TABLE dupes (_id int PRIMARY KEY, code text);
CREATE TABLE not_loaded_yet (id int PRIMARY KEY);
`,
    );
    write('tests/none.sql', 'SELECT 1 AS x WHERE false;\n');
    const r = sqletl(['test', 'tests', '--data', 'data', '--schema', 'schema.sql', '--json']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { test?: string; status?: string; rows?: unknown[][]; file?: string; reason?: string });
    const by = new Map(lines.filter((l) => l.test).map((l) => [l.test!, l]));
    expect(by.get('unique(dupes.code)')).toMatchObject({ status: 'fail', rows: [['a', 2]], file: 'schema.sql' });
    expect(by.get('not_null(customers.email)')).toMatchObject({ status: 'fail', file: 'schema.sql' });
    expect(by.get('not_null(customers.name)')).toMatchObject({ status: 'pass' });
    expect(by.get('unique(customers._id)')).toMatchObject({ status: 'pass' });
    // a declared table that does not exist (yet): its derived tests are skipped, not failed
    expect(by.get('not_null(not_loaded_yet.id)')).toMatchObject({ status: 'skipped', reason: 'collection "not_loaded_yet" does not exist' });
  });
});

describe('bad usage exits 2', () => {
  it.each([
    ['no tests in the directory', {}, ['test', 'tests'], /no tests in tests/],
    ['a path that does not exist', {}, ['test', 'nope'], /nope: no such file or directory/],
    ['a statement that is not a SELECT', { 'tests/t.sql': "INSERT INTO orders VALUES (1);\n" }, ['test', 'tests'], /tests\/t\.sql:1:1: a test is a SELECT that returns the bad rows; this INSERT statement cannot be a test/],
    ['an unknown generic test', { 'tests/t.sql': '-- test orders: not_empty(id)\n' }, ['test', 'tests'], /tests\/t\.sql:1:1: unknown test "not_empty"/],
    ['a declaration without a table', { 'tests/t.sql': '-- test: not_null(id)\nSELECT 1 AS x WHERE false;\n' }, ['test', 'tests'], /names no table/],
    ['--junit without --test on run', { 'job.sql': 'SELECT 1;\n' }, ['run', 'job.sql', '--junit', 'j.xml'], /--junit reports the data tests: give --test DIR too/],
  ])('%s', (_name, files: Record<string, string>, args, message) => {
    mkdirSync(join(dir, 'tests'), { recursive: true });
    for (const [f, t] of Object.entries(files)) write(f, t);
    const r = sqletl([...args, '--data', 'data']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('run --test', () => {
  const JOB = `CREATE TABLE IF NOT EXISTS totals (customer_id int PRIMARY KEY, n int NOT NULL, amount float NOT NULL);
INSERT INTO totals SELECT customer_id, count(*), sum(amount) FROM orders GROUP BY customer_id;
`;

  it('runs the tests after the job on the data it wrote; the job\'s constraints become tests too', () => {
    write('job.sql', JOB);
    write('tests/totals.sql', '-- every customer of a total exists\nSELECT t.customer_id FROM totals t LEFT JOIN customers c ON t.customer_id = c._id WHERE c._id IS NULL;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--test', 'tests', '--junit', 'junit.xml', '--json']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.slice(0, 2).map((l) => l.statement)).toEqual([1, 2]);
    expect(lines[2]).toMatchObject({ test: 'every customer of a total exists', status: 'fail', rows: [[9]] });
    const derived = lines.filter((l) => typeof l.test === 'string' && (l.test as string).includes('(totals.'));
    expect(derived.map((l) => [l.test, l.status])).toEqual([
      ['not_null(totals.customer_id)', 'pass'],
      ['not_null(totals.n)', 'pass'],
      ['not_null(totals.amount)', 'pass'],
      ['unique(totals.customer_id)', 'pass'],
    ]);
    const summary = lines.at(-1)!.summary as Record<string, unknown>;
    expect(summary).toMatchObject({ status: 'failed', statements: 2, errors: [], tests: { status: 'failed', tests: 5, passed: 4, failed: 1 } });
    expect(parseXml(readFileSync(join(dir, 'junit.xml'), 'utf8')).attrs).toMatchObject({ tests: '5', failures: '1' });
  });

  it('a mistake in the tests stops the call before the job runs (exit 2)', () => {
    write('job.sql', JOB);
    write('tests/t.sql', 'DELETE FROM totals;\n');
    const r = sqletl(['run', 'job.sql', '--data', 'data', '--test', 'tests', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/tests\/t\.sql:1:1: a test is a SELECT/);
    expect(existsSync(join(dir, 'data', 'totals.ndjson'))).toBe(false);
  });

  it('passing tests keep exit 0; a failed job runs no tests', () => {
    write('job.sql', JOB);
    write('tests/ok.sql', 'SELECT * FROM totals WHERE n <= 0;\n');
    const ok = sqletl(['run', 'job.sql', '--data', 'data', '--test', 'tests', '--quiet']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    write('broken.sql', 'SELECT * FROM nosuch;\n');
    const failed = sqletl(['run', 'broken.sql', '--data', 'data', '--test', 'tests']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toMatch(/PASS|FAIL/);
  });
});

describe('the examples\' tests', () => {
  it('examples/customer-analytics/tests pass on its data, with a JUnit report', () => {
    const example = resolve('examples/customer-analytics');
    const r = sqletl(['test', join(example, 'tests'), '--data', join(example, 'data'), '--junit', 'junit.xml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n8 tests: 8 passed, 0 failed/);
    expect(parseXml(readFileSync(join(dir, 'junit.xml'), 'utf8')).attrs).toMatchObject({ tests: '8', failures: '0', errors: '0' });
  });
});

describe('names and reports', () => {
  it('a test is named by the comment block right before it, not by a header separated by a blank line', () => {
    write('tests/named.sql', '-- File header: what these tests are about.\n-- More header.\n\nSELECT 1 AS x WHERE false;\n\n-- line one names it\n-- line two does not\nSELECT 2 AS y WHERE false;\n/* a block comment */ SELECT 3 AS z WHERE false;\n');
    const r = sqletl(['test', 'tests', '--data', 'data', '--json']);
    expect(r.code).toBe(0);
    const names = r.stdout.trimEnd().split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { test: string }).test);
    expect(names).toEqual(['named.sql:4', 'line one names it', 'a block comment']);
  });

  it('junitXml escapes what XML cannot hold: control characters, lone surrogates, quotes in attributes', async () => {
    const { junitXml } = await import('../src/run/junit.js');
    const test = { name: 'bad \u0007 "name" \uD800 & <x>', file: 'a/b.sql', line: 3, kind: 'singular' as const, sql: 'SELECT 1 -- ]]> <' };
    const xml = junitXml(
      [
        { test, status: 'fail', rowCount: 1, columns: ['v'], rows: [['\u0000']], durationMs: 1 },
        { test: { ...test, name: 'ok' }, status: 'pass', rowCount: 0, columns: [], rows: [], durationMs: 0 },
        { test: { ...test, name: 'e' }, status: 'error', rowCount: 0, columns: [], rows: [], durationMs: 0, error: new Error('boom <1>') },
      ],
      { durationMs: 5, describeFailure: () => 'row \u0000 ]]> & done', describeError: (r) => r.error!.message },
    );
    const doc = parseXml(xml);
    const cases = findAll(doc, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['bad \uFFFD "name" \uFFFD & <x>', 'ok', 'e']);
    expect(cases[0].children.find((c) => c.name === 'failure')!.text).toBe('row \uFFFD ]]> & done');
    expect(cases[0].children.find((c) => c.name === 'system-out')!.text).toBe('SELECT 1 -- ]]> <');
    expect(cases[2].children.find((c) => c.name === 'error')!.attrs.message).toBe('boom <1>');
    expect(doc.attrs).toMatchObject({ tests: '3', failures: '1', errors: '1' });
  });
});
