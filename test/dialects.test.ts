/**
 * The dialect front end (src/dialects/) below the grammar-tests: the lexer and
 * statement splitter, the PostgreSQL text a dialect statement becomes, and that
 * errors found after translation point into the dialect file. Results against
 * PostgreSQL are checked by grammar-tests/dialect-<name>/.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { SqlEtlError } from '../src/errors.js';
import { loadDialect, parseDialectScript } from '../src/dialects/front-end.js';
import { splitStatements, tokenize } from '../src/dialects/tokens.js';
import type { ForeignDialect } from '../src/dialects/dialects.js';

const known = (name: string) => (name === 'people' ? { columns: ['id', 'name', 'city', 'age'], key: ['id'] } : undefined);

async function pgText(sql: string, dialect: ForeignDialect): Promise<string> {
  await loadDialect(dialect);
  return parseDialectScript(sql, dialect, known).params.text;
}

async function compileError(sql: string, dialect: ForeignDialect, schema?: string): Promise<SqlEtlError> {
  try {
    await compile(sql, { dialect, file: 'job.sql', schema });
  } catch (err) {
    if (err instanceof SqlEtlError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('lexer and statement splitting', () => {
  it('splits at top-level ; only, with exact offsets', () => {
    const sql = "SELECT ';' AS a, [x;y] FROM t; -- c;\nSELECT 1 /* ; */ ;\n";
    const parts = splitStatements(tokenize(sql, 'tsql')).map((s) => sql.slice(s.start, s.end));
    expect(parts).toEqual(["SELECT ';' AS a, [x;y] FROM t", 'SELECT 1']);
  });

  it('knows each dialect\'s quotes: backslash escapes and "strings" in MySQL, "identifiers" in Snowflake', () => {
    const mysql = tokenize('SELECT "a\\"b", `c``d` # comment', 'mysql');
    expect(mysql.map((t) => [t.kind, t.value])).toEqual([['word', 'SELECT'], ['string', 'a"b'], ['punct', ','], ['quoted', 'c`d']]);
    const sf = tokenize('SELECT "Mixed" // comment', 'snowflake');
    expect(sf.map((t) => [t.kind, t.value])).toEqual([['word', 'SELECT'], ['quoted', 'Mixed']]);
  });

  it('reports an unterminated string at its start, naming the dialect', async () => {
    const err = await compileError("SELECT 1;\nSELECT 'abc FROM t", 'bigquery');
    expect(err.format()).toMatch(/^job\.sql:2:8: BigQuery: unterminated string literal/);
  });
});

describe('translation to PostgreSQL text', () => {
  it('folds bare identifiers, keeps quoted ones, turns TOP into LIMIT and spells out T-SQL\'s NULL order', async () => {
    expect(await pgText('SELECT TOP 3 Name, [City] FROM People ORDER BY Name', 'tsql')).toBe('SELECT "name", "City" FROM "people" ORDER BY "name" NULLS FIRST LIMIT 3');
  });

  it('writes dialect functions with the dialect\'s meaning', async () => {
    expect(await pgText("SELECT ISNULL(a, 0), IIF(a > 1, 'x', 'y') FROM t", 'tsql')).toBe(`SELECT coalesce("a", 0), CASE WHEN ("a" > 1) THEN 'x' ELSE 'y' END FROM "t"`);
    expect(await pgText('SELECT ISNULL(a) FROM t', 'mysql')).toBe('SELECT ("a" IS NULL) FROM "t"');
    expect(await pgText('SELECT a / b FROM t', 'snowflake')).toBe('SELECT (CAST("a" AS numeric) / "b") FROM "t"');
    expect(await pgText('SELECT a / b FROM t', 'tsql')).toBe('SELECT ("a" / "b") FROM "t"');
  });

  it('names tables as MongoDB does: T-SQL drops the schema, BigQuery the project', async () => {
    expect(await pgText('SELECT a FROM dbo.t JOIN db.dbo.u ON 1 = 1', 'tsql')).toBe('SELECT "a" FROM "t" JOIN "db"."u" ON (1 = 1)');
    expect(await pgText('SELECT a FROM `my-project.sales.orders`', 'bigquery')).toBe('SELECT "a" FROM "sales"."orders"');
  });

  it('makes parameters positional and remembers their names (:name everywhere, @name in T-SQL)', async () => {
    await loadDialect('tsql');
    const parsed = parseDialectScript('SELECT a FROM t WHERE b = @since AND c = :since AND d = @other', 'tsql', known);
    expect(parsed.params.text).toBe('SELECT "a" FROM "t" WHERE ((("b" = $1) AND ("c" = $1)) AND ("d" = $2))');
    expect([...parsed.params.names]).toEqual([[1, 'since'], [2, 'other']]);
  });

  it('turns MySQL\'s ON DUPLICATE KEY UPDATE into ON CONFLICT on the declared key', async () => {
    expect(await pgText("INSERT INTO people (id, name) VALUES (1, 'a') ON DUPLICATE KEY UPDATE name = VALUES(name)", 'mysql')).toBe(
      `INSERT INTO "people" ("id", "name") VALUES (1, 'a') ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name"`,
    );
  });

  it('groups a PIVOT by the source\'s other columns (known from --schema or CREATE TABLE)', async () => {
    expect(await pgText("SELECT * FROM people PIVOT (COUNT(id) FOR city IN ('Paris', 'Rome')) AS p", 'snowflake')).toBe(
      `SELECT * FROM (SELECT "name", "age", count("id") FILTER (WHERE "city" = 'Paris') AS "'Paris'", count("id") FILTER (WHERE "city" = 'Rome') AS "'Rome'" FROM "people" AS "__sqletl_pivot_source" GROUP BY "name", "age") AS "p"`,
    );
  });
});

describe('positions of errors found after translation', () => {
  it('an unknown column points at the identifier in the dialect file', async () => {
    const err = await compileError('SELECT 1;\nSELECT `a`,\n       IFNULL(`nope`, 0)\nFROM t WHERE a > 1', 'bigquery', 'CREATE TABLE t (a int);');
    expect(err.message).toBe('column "nope" does not exist');
    expect(err.position()).toEqual({ line: 3, column: 15 });
  });

  it('an unsupported function points at the call', async () => {
    const err = await compileError('SELECT a,\n  SOUNDEX(b) FROM t', 'mysql');
    expect(err.position()).toEqual({ line: 2, column: 3 });
    expect(err.message).toMatch(/soundex/);
  });

  it('a syntax error inside a MERGE piece points into the MERGE', async () => {
    const err = await compileError('MERGE t USING s ON t.id = s.id\nWHEN MATCHED THEN UPDATE SET x = (1 +;', 'snowflake');
    expect(err.message).toMatch(/^Snowflake syntax error/);
    expect(err.position()?.line).toBe(2);
  });

  it('a non-constant DATEADD amount is a positioned error naming the dialect', async () => {
    const err = await compileError('SELECT DATEADD(day, n, d) FROM t', 'tsql');
    expect(err.message).toBe('a date amount that is not a constant number is not supported in T-SQL (--dialect tsql)');
    expect(err.position()).toEqual({ line: 1, column: 8 });
  });
});

describe('-- dialect: name in the leading comments', () => {
  it('selects the dialect unless the option names one', async () => {
    const sql = '-- nightly job\n-- dialect: tsql\nSELECT TOP 2 [a] FROM t;\n';
    const script = await compile(sql, { file: 'job.sql' });
    expect(JSON.stringify(script.statements[0].commands)).toContain('"$limit"');
    // the option wins: as PostgreSQL, TOP 2 [a] is not SQL
    await expect(compile(sql, { file: 'job.sql', dialect: 'postgres' })).rejects.toThrow(SqlEtlError);
  });

  it('an unknown name is an error at the name', async () => {
    const err = await compile('-- dialect: oracle\nSELECT 1', { file: 'job.sql' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SqlEtlError);
    expect((err as SqlEtlError).format()).toMatch(/^job\.sql:1:13: unknown dialect "oracle"/);
  });
});
