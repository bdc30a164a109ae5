/**
 * The `schema` option is bound once per text and shared between compiles
 * (src/compile.ts schemaCatalog): a script's CREATE/DROP of a declared table must
 * stay in that script, and a bad schema must keep failing with its position.
 */
import { describe, expect, test } from 'vitest';
import { compile, SqlEtlError } from '../src/index.js';

const SCHEMA = 'CREATE TABLE t (a int NOT NULL, b text);';

describe('schema option shared between compiles', () => {
  test("a script that drops and re-declares a schema table does not change the next compile's catalog", async () => {
    await compile('DROP TABLE t; CREATE TABLE t (c text); SELECT c FROM t;', { schema: SCHEMA });
    const again = await compile('SELECT a, b FROM t;', { schema: SCHEMA });
    expect(again.statements).toHaveLength(1);
    await expect(compile('SELECT c FROM t;', { schema: SCHEMA })).rejects.toThrow(/column "c" does not exist/);
  });

  test('a different schema text gets its own catalog', async () => {
    await compile('SELECT a FROM t;', { schema: SCHEMA });
    await expect(compile('SELECT a FROM t;', { schema: 'CREATE TABLE t (z int);' })).rejects.toThrow(/column "a" does not exist/);
  });

  test('a bad schema fails on every compile, pointing into the schema text', async () => {
    for (let i = 0; i < 2; i++) {
      const err = await compile('SELECT 1;', { schema: 'CREATE TABLE u (x nosuchtype);' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SqlEtlError);
      expect((err as SqlEtlError).source?.file).toBe('schema');
    }
  });

  test('a real column of a --schema table is read rounded to the single PostgreSQL would hold (its stored doubles are not singles); one the job creates is read as it is', async () => {
    const schema = 'CREATE TABLE r (a int, b real);';
    const rounds = (script: Awaited<ReturnType<typeof compile>>) => JSON.stringify(script.statements.map((s) => s.commands)).includes('real column \\"b\\" holds');
    expect(rounds(await compile('SELECT a, stddev_pop(b) FROM r GROUP BY a;', { schema }))).toBe(true);
    expect(rounds(await compile('SELECT * FROM r;', { schema }))).toBe(true);
    expect(rounds(await compile('UPDATE r SET a = 1 WHERE b > 1;', { schema }))).toBe(true);
    // no real column read, no rounding
    expect(rounds(await compile('SELECT count(a) FROM r;', { schema }))).toBe(false);
    expect(rounds(await compile('CREATE TABLE s (b real); INSERT INTO s VALUES (1.1); SELECT stddev_pop(b) FROM s;'))).toBe(false);
  });
});
