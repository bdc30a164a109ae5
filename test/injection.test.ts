/**
 * Injection (issue 10, DESIGN §4 "Literals"): user text — string literals, --var
 * values, aliases, quoted identifiers, collection names — never becomes a MongoDB
 * operator, a field path or a file path. Checked by running on the embedded engine
 * over documents whose fields would leak if a literal were read as a path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, run, SqlEtlError } from '../src/index.js';
import { checkCollectionName } from '../src/io/data-files.js';

let root: string;
let dataDir: string;

/** Every field a hostile literal could resolve to holds a LEAK marker. */
const DOCS = [
  { _id: 1, name: 'bob', x: { y: 'LEAK-x.y' }, a: { b: 'LEAK-a.b' }, where: 'LEAK-where', ROOT: 'LEAK-root', NOW: 'LEAK-now', profile: { gt: 'pg', k: 1 } },
  { _id: 2, name: '$name', x: { y: 'LEAK-x.y-2' }, a: { b: 'LEAK-a.b-2' }, profile: { k: 2 } },
];
const VARS = { v: '$x.y', r: '$$ROOT', w: '{"$gt": ""}', n: '$name', like: '$%' };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sqletl-injection-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, 't.json'), JSON.stringify(DOCS));
  // a file next to the data directory, which no collection name may reach
  writeFileSync(join(root, 'outside.json'), JSON.stringify([{ secret: 'OUTSIDE' }]));
  mkdirSync(join(root, 'other'));
  writeFileSync(join(root, 'other', 'outside.json'), JSON.stringify([{ secret: 'OUTSIDE-DB' }]));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function rows(sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const r = await run(sql, { dataDir, vars: VARS });
  const s = r.statements[r.statements.length - 1];
  return { columns: s.columns ?? [], rows: s.rows ?? [] };
}

async function failure(sql: string): Promise<SqlEtlError> {
  const err = await run(sql, { dataDir, vars: VARS }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, sql).toBeInstanceOf(SqlEtlError);
  return err as SqlEtlError;
}

function operatorKeys(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => operatorKeys(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('$')) out.add(k);
      operatorKeys(x, out);
    }
  }
  return out;
}

/** [expression, its value on the document with _id 1] */
const VALUES: [string, unknown][] = [
  [`'$where'`, '$where'],
  [`'{"$gt": ""}'`, '{"$gt": ""}'],
  [`'$$ROOT'`, '$$ROOT'],
  [`'$$NOW'`, '$$NOW'],
  [`'$x.y'`, '$x.y'],
  [`'$'`, '$'],
  [`:v`, '$x.y'],
  [`:r`, '$$ROOT'],
  [`:w`, '{"$gt": ""}'],
  // a jsonb literal is its document (as in PostgreSQL): a key that is data, never an operator
  [`'{"$gt": ""}'::jsonb`, { $gt: '' }],
  [`CAST('$x.y' AS text)`, '$x.y'],
  [`coalesce(no_such_field, :v)`, '$x.y'],
  [`nullif(:v, 'z')`, '$x.y'],
  [`greatest(:v, '$$ROOT')`, '$x.y'],
  [`CASE '$x.y' WHEN '$x.y' THEN '$where' END`, '$where'],
  [`(SELECT '$x.y')`, '$x.y'],
  [`'$a' || :v`, '$a$x.y'],
  [`concat_ws('$x', '$a', '$b')`, '$a$x$b'],
  [`replace('abc', 'b', '$name')`, 'a$namec'],
  [`regexp_replace('abc', 'b', '$x')`, 'a$xc'],
  [`split_part('$a.$b', '.', 2)`, '$b'],
  [`reverse('y.x$')`, '$x.y'],
  [`left('$x.y', 3)`, '$x.'],
  [`upper(:v)`, '$X.Y'],
  [`lpad('x', 3, '$')`, '$$x'],
  [`ARRAY['$a', :v]`, ['$a', '$x.y']],
  [`(ARRAY['$a', '$x.y'])[2]`, '$x.y'],
  [`'$x.y' = '$x.y'`, true],
  [`'$x.y' = 'LEAK-x.y'`, false],
  [`name IN ('$name', '$where')`, false],
  [`:v IN (:v)`, true],
  [`'$a' LIKE '$%'`, true],
];

describe('string literals and --var values stay values', () => {
  test.each(VALUES)('SELECT %s', async (expr, expected) => {
    const r = await rows(`SELECT ${expr} AS v FROM t WHERE _id = 1`);
    expect(r.rows).toEqual([[expected]]);
  });

  test.each([
    [`max('$x.y')`, '$x.y'],
    [`min(:v)`, '$x.y'],
    [`count(DISTINCT '$x.y')`, 1],
    [`array_agg('$x.y')`, ['$x.y', '$x.y']],
    [`string_agg('$x.y', '$where')`, '$x.y$where$x.y'],
    [`mode() WITHIN GROUP (ORDER BY '$$ROOT')`, '$$ROOT'],
    [`percentile_disc(0.5) WITHIN GROUP (ORDER BY :v)`, '$x.y'],
  ])('aggregate %s', async (expr, expected) => {
    expect((await rows(`SELECT ${expr} AS v FROM t`)).rows).toEqual([[expected]]);
  });

  test.each([
    [`first_value('$x.y') OVER (ORDER BY _id)`, ['$x.y', '$x.y']],
    [`lag(:v, 1, '$$ROOT') OVER (ORDER BY _id)`, ['$$ROOT', '$x.y']],
    [`max('$a') OVER (PARTITION BY '$x.y')`, ['$a', '$a']],
    [`count(*) OVER (PARTITION BY :v ORDER BY '$x.y')`, [2, 2]],
  ])('window %s', async (expr, expected) => {
    expect((await rows(`SELECT ${expr} AS v FROM t ORDER BY _id`)).rows).toEqual(expected.map((x) => [x]));
  });

  test('in WHERE, a $-string compares as text (matching only the document whose name is "$name")', async () => {
    for (const where of [`name = '$name'`, `name = :n`, `name IN ('$name')`, `name IN ('$name') OR _id > 100`, `name LIKE :like`, `coalesce(name, 'q') = '$name'`]) {
      expect((await rows(`SELECT _id FROM t WHERE ${where}`)).rows, where).toEqual([[2]]);
    }
    expect((await rows(`SELECT _id FROM t WHERE name <> '$name'`)).rows).toEqual([[1]]);
    expect((await rows(`SELECT _id FROM t WHERE '$x.y' = 'LEAK-x.y'`)).rows).toEqual([]);
    expect((await rows(`SELECT _id FROM t WHERE :v = 'LEAK-x.y'`)).rows).toEqual([]);
  });

  test('GROUP BY, DISTINCT, ORDER BY and VALUES with $-strings', async () => {
    expect((await rows(`SELECT count(*) AS n FROM t GROUP BY '$x.y'`)).rows).toEqual([[2]]);
    expect((await rows(`SELECT DISTINCT '$x.y' AS v FROM t`)).rows).toEqual([['$x.y']]);
    expect((await rows(`SELECT _id FROM t ORDER BY '$x.y', _id DESC`)).rows).toEqual([[2], [1]]);
    expect((await rows(`SELECT a FROM (VALUES ('$x.y'), ('$$ROOT'), (:w)) AS v(a)`)).rows).toEqual([['$x.y'], ['$$ROOT'], ['{"$gt": ""}']]);
    expect((await rows(`WITH c AS (SELECT '$where' AS s, _id FROM t) SELECT s FROM c ORDER BY _id`)).rows).toEqual([['$where'], ['$where']]);
  });

  test('no pipeline contains $where, $function or $accumulator, whatever the literals say', async () => {
    const sql = [
      ...VALUES.map(([e]) => `SELECT ${e} AS v FROM t WHERE name = '$where' OR '$function' = :v`),
      `SELECT '$where' AS "$where", '$function' AS "$function", '$accumulator' AS "$accumulator" FROM t`,
      `SELECT count(*) FILTER (WHERE name = '$accumulator') AS n FROM t GROUP BY '$function'`,
    ].join(';\n');
    const script = await compile(sql, { vars: VARS });
    const keys = operatorKeys(script.statements.map((s) => s.commands));
    expect(keys.size).toBeGreaterThan(3);
    for (const k of ['$where', '$function', '$accumulator']) expect(keys.has(k), k).toBe(false);
  });
});

describe('aliases are output names, not paths', () => {
  test('odd aliases come back verbatim with the right values', async () => {
    const r = await rows(`SELECT name AS "a.b", _id AS "$x", 7 AS "_id", 'r' AS "$$ROOT", 2 AS "a.$b", x.y AS "x.y", _id AS "where" FROM t ORDER BY _id`);
    expect(r.columns).toEqual(['a.b', '$x', '_id', '$$ROOT', 'a.$b', 'x.y', 'where']);
    expect(r.rows).toEqual([
      ['bob', 1, 7, 'r', 2, 'LEAK-x.y', 1],
      ['$name', 2, 7, 'r', 2, 'LEAK-x.y-2', 2],
    ]);
  });

  test('an alias with a dot can be referenced again through a CTE or subquery', async () => {
    expect(await rows(`WITH c AS (SELECT name AS "a.b" FROM t) SELECT "a.b" FROM c ORDER BY 1`)).toEqual({ columns: ['a.b'], rows: [['$name'], ['bob']] });
    expect(await rows(`SELECT v FROM (SELECT 1 AS "$x") s(v)`)).toEqual({ columns: ['v'], rows: [[1]] });
  });
});

describe('quoted identifiers never read another field', () => {
  test.each([`"$x"`, `"$$ROOT"`, `"$where"`, `"$x.y"`])('%s as a column is a clean error at its position', async (ident) => {
    for (const sql of [`SELECT ${ident} AS v FROM t`, `SELECT _id FROM t WHERE ${ident} IS NULL`, `SELECT _id FROM t ORDER BY ${ident}`]) {
      const err = await failure(sql);
      expect(err.position(), sql).toEqual({ line: 1, column: sql.indexOf(ident) + 1 });
    }
  });

  test.each([`"a.b"`, `t."a.b"`, `"x.y"`, `"x.$y"`])('%s (one name with a dot) is not the nested path', async (ident) => {
    // PostgreSQL reads "a.b" as one name: the field literally called a.b, which these documents lack
    const r = await run(`SELECT ${ident} AS v FROM t ORDER BY _id`, { dataDir }).then(
      (res) => res.statements[0].rows,
      (e: unknown) => e,
    );
    if (r instanceof SqlEtlError) expect(r.position()).toBeDefined();
    else expect(r).toEqual([[null], [null]]);
  });

  test('while "a"."b" is the nested path', async () => {
    expect((await rows(`SELECT "a"."b" AS v FROM t ORDER BY _id`)).rows).toEqual([['LEAK-a.b'], ['LEAK-a.b-2']]);
  });

  test('-> and ->> keys that look like operators are keys', async () => {
    const r = await rows(`SELECT profile->'$gt' AS a, profile->>'$where' AS b, profile->>'gt' AS c, profile#>>'{$gt}' AS d, profile->>'a.b' AS e FROM t WHERE _id = 1`);
    expect(r.rows).toEqual([[null, null, 'pg', null, null]]);
  });
});

describe('collection names are names, not paths', () => {
  test.each([`"../outside"`, `"sub/../../outside"`, `"..".outside`, `"/tmp/outside"`, `"$t"`, `"x\\y"`])('FROM %s is refused', async (name) => {
    const err = await failure(`SELECT * FROM ${name}`);
    expect(err.code).toBe('bad-collection-name');
    expect(err.position()).toEqual({ line: 1, column: 1 });
    expect(err.message).not.toContain('OUTSIDE');
  });

  test('a database name cannot climb out either', () => {
    expect(() => checkCollectionName('outside', '..')).toThrow(/database name "\.\." is not valid/);
    expect(() => checkCollectionName('outside', 'a/b')).toThrow(SqlEtlError);
    expect(() => checkCollectionName('outside', 'shop')).not.toThrow();
  });

  test('an ordinary qualified name still reads <data>/<db>/<name>', async () => {
    mkdirSync(join(dataDir, 'shop'), { recursive: true });
    writeFileSync(join(dataDir, 'shop', 'items.ndjson'), '{"_id": 1, "sku": "a"}\n');
    expect((await rows(`SELECT sku FROM shop.items`)).rows).toEqual([['a']]);
  });
});
