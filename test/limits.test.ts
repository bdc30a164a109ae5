/**
 * Size limits (issue 10): very long, very deep and very wide statements either
 * compile (and, where small enough, run with the right answer) or fail with a
 * SqlEtlError at a position — never a stack overflow or another exception. Each
 * case's time is measured and printed; nothing asserts on time (bench/ is for that).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { compile, run, SqlEtlError } from '../src/index.js';
import { FIXTURES_DIR, SCHEMA_FILE } from './support/cases.js';

const schema = readFileSync(SCHEMA_FILE, 'utf8');
const ORDER_IDS = (JSON.parse(readFileSync(`${FIXTURES_DIR}/orders.json`, 'utf8')) as { _id: number }[]).map((o) => o._id);
const timings: string[] = [];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings.push(`${label.padEnd(48)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
  }
}

async function compiled(label: string, sql: string): Promise<void> {
  const script = await timed(`compile ${label}`, () => compile(sql, { schema }));
  expect(script.statements.length).toBeGreaterThan(0);
}

async function rows(label: string, sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const r = await timed(`run ${label}`, () => run(sql, { schema, dataDir: FIXTURES_DIR }));
  const s = r.statements[r.statements.length - 1];
  return { columns: s.columns ?? [], rows: s.rows ?? [] };
}

async function rejected(label: string, sql: string): Promise<SqlEtlError> {
  const err = await timed(`reject ${label}`, () =>
    compile(sql, { schema }).then(
      () => undefined,
      (e: unknown) => e,
    ),
  );
  expect(err).toBeInstanceOf(SqlEtlError);
  expect((err as SqlEtlError).position()).toBeDefined();
  return err as SqlEtlError;
}

afterAll(() => {
  console.info(`limits (time per case, not asserted):\n  ${timings.join('\n  ')}`);
});

describe('long', () => {
  test('a 10,000-term OR chain in WHERE compiles and runs', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => i * 3);
    const sql = `SELECT _id FROM orders WHERE ${ids.map((i) => `_id = ${i}`).join(' OR ')} ORDER BY _id`;
    const r = await rows('10,000-term OR chain (WHERE)', sql);
    expect(r.rows).toEqual(ORDER_IDS.filter((id) => id % 3 === 0).map((id) => [id]));
  });

  test('a 10,000-term OR chain in the select list compiles', async () => {
    await compiled('10,000-term OR chain (select list)', `SELECT ${Array.from({ length: 10_000 }, (_, i) => `_id = ${i}`).join(' OR ')} AS m FROM orders`);
  });

  test('a 10,000-element IN list compiles and runs', async () => {
    const sql = `SELECT count(*) AS n FROM orders WHERE _id IN (${Array.from({ length: 10_000 }, (_, i) => i + 105).join(', ')})`;
    expect((await rows('10,000-element IN list', sql)).rows).toEqual([[ORDER_IDS.filter((id) => id >= 105).length]]);
  });

  test('a 10,000-term + chain is rejected at its statement (the parser runs out of stack)', async () => {
    const sql = `SELECT 1 AS one;\nSELECT ${Array.from({ length: 10_000 }, (_, i) => String(i)).join(' + ')} AS s;`;
    const err = await rejected('10,000-term + chain', sql);
    expect(err.code).toBe('statement-too-complex');
    expect(err.position()).toEqual({ line: 2, column: 1 });
    // the parser is still usable afterwards
    await compiled('after a parser stack overflow', 'SELECT 1 AS one');
  });

  test('10,000 statements compile', async () => {
    const sql = Array.from({ length: 10_000 }, (_, i) => `SELECT ${i} AS v;`).join('\n');
    const script = await timed('compile 10,000 statements', () => compile(sql, { schema }));
    expect(script.statements).toHaveLength(10_000);
    expect(script.statements[9_999].span.start).toBe(sql.lastIndexOf('SELECT'));
  });
});

describe('deep', () => {
  test('500-deep parentheses compile and run', async () => {
    const open = '('.repeat(500);
    const close = ')'.repeat(500);
    expect((await rows('500-deep parentheses (select list)', `SELECT ${open}41 + 1${close} AS v`)).rows).toEqual([[42]]);
    const where = await rows('500-deep parentheses (WHERE)', `SELECT _id FROM orders WHERE ${open}_id < 103${close} ORDER BY _id`);
    expect(where.rows).toEqual([[101], [102]]);
  });

  test('500-deep nested arithmetic compiles and runs', async () => {
    const sql = `SELECT ${'('.repeat(500)}_id${' + 1)'.repeat(500)} AS v FROM orders WHERE _id = 101`;
    expect((await rows('500-deep nested (x + 1)', sql)).rows).toEqual([[601]]);
  });

  test('500-deep nested function calls compile and run', async () => {
    const sql = `SELECT ${'coalesce('.repeat(500)}discount${', -1)'.repeat(500)} AS v FROM orders WHERE _id IN (101, 102) ORDER BY _id`;
    expect((await rows('500-deep coalesce(…)', sql)).rows).toEqual([[0], [-1]]);
  });

  test('5,000-deep parentheses in a subquery are rejected at a position', async () => {
    const err = await rejected('5,000-deep nested subqueries', `SELECT ${'(SELECT '.repeat(5000)}1${')'.repeat(5000)} AS v`);
    expect(err.code).toBe('syntax-error');
  });
});

describe('big', () => {
  test('a 10 MB string literal compiles and runs, byte for byte', async () => {
    const big = 'ab'.repeat(5 * 1024 * 1024);
    const r = await rows('10 MB string literal', `SELECT '$${big}' AS s, length('${big}') AS n`);
    expect(r.rows[0][1]).toBe(big.length);
    expect(r.rows[0][0] === `$${big}`).toBe(true);
  });

  test('a 10 MB comment is skipped', async () => {
    expect((await rows('10 MB comment', `-- ${'x'.repeat(10 * 1024 * 1024)}\nSELECT 1 AS one`)).rows).toEqual([[1]]);
  });

  test('a 1,000-column select compiles and runs', async () => {
    const sql = `SELECT ${Array.from({ length: 1000 }, (_, i) => `_id + ${i} AS c${i}`).join(', ')} FROM orders WHERE _id = 101`;
    const r = await rows('1,000-column select', sql);
    expect(r.columns).toEqual(Array.from({ length: 1000 }, (_, i) => `c${i}`));
    expect(r.rows).toEqual([Array.from({ length: 1000 }, (_, i) => 101 + i)]);
  });

  test('1,000 unaliased columns keep PostgreSQL\'s (duplicate) names', async () => {
    const r = await rows('1,000 unaliased columns', `SELECT ${Array(1000).fill('quantity').join(', ')} FROM orders WHERE _id = 101`);
    expect(r.columns).toEqual(Array(1000).fill('quantity'));
    expect(new Set(r.rows[0]).size).toBe(1);
  });

  test('a 100,000-digit number and a 100,000-character identifier', async () => {
    const num = await rejected('100,000-digit number', `SELECT ${'9'.repeat(100_000)} AS v`);
    expect(num.code).toBe('numeric-out-of-range');
    const err = await rejected('100,000-character identifier', `SELECT ${'a'.repeat(100_000)} FROM orders`);
    expect(err.code).toBe('undefined-column');
  });
});

describe('MongoDB server limits (checked before sending; the embedded engine has none)', () => {
  test('500 nested (x + 1) exceed the 200-level command depth; 30 do not (each integer + is 5 levels: the operator and its overflow check)', async () => {
    const { compile } = await import('../src/index.js');
    const { commandLimitProblem, depthOf } = await import('../src/mongo/command-limits.js');
    const deep = await compile(`SELECT ${'('.repeat(500)}_id${' + 1)'.repeat(500)} AS v FROM orders`);
    expect(commandLimitProblem(deep.statements[0].commands[0])).toMatch(/nests \d+ levels deep; MongoDB refuses commands nested deeper than 200 levels/);
    const shallow = await compile(`SELECT ${'('.repeat(30)}_id${' + 1)'.repeat(30)} AS v FROM orders`);
    expect(commandLimitProblem(shallow.statements[0].commands[0])).toBeUndefined();
    expect(depthOf({ a: [{ b: 1 }] })).toBe(3);
  });
});
