import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/index.js';
import { ERROR_CODES, SqlEtlError, hasCode } from '../src/errors.js';
import { errorJson } from '../src/cli/test-command.js';

async function compileError(sql: string): Promise<SqlEtlError> {
  const err = await compile(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof SqlEtlError)) throw new Error(`expected a SqlEtlError, got ${String(err)}`);
  return err;
}

describe('error codes', () => {
  test('docs/error-codes.md lists exactly the codes of src/error-codes.ts, with their meanings', () => {
    const doc = readFileSync(new URL('../docs/error-codes.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (.*?) \| .*\|$/gm)].map((m) => [m[1], m[2].replace(/\\\|/g, '|')]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_CODES);
    expect(rows.length).toBe(Object.keys(ERROR_CODES).length);
  });

  test('unsupported-sql names the stage that meets it and carries the feature', async () => {
    const bound = await compileError('SELECT * FROM orders o NATURAL JOIN customers c');
    expect(bound.code).toBe('unsupported-sql');
    expect(bound.stage).toBe('bind');
    expect(bound.params).toEqual({ feature: expect.any(String) });
    expect(bound.message).toBe(`${(bound.params as { feature: string }).feature} is not supported yet`);
    const lowered = await compileError("CREATE TABLE measures (_id int PRIMARY KEY, score double precision);\nSELECT to_char(score, '9.99EEEE') FROM measures");
    expect(lowered.code).toBe('unsupported-sql');
    expect(lowered.stage).toBe('lower');
    expect(lowered.params).toEqual({ feature: 'to_char of double precision with EEEE (C printf rounding of the binary value)' });
  });

  test('undefined-column carries the column; --json error objects add params', async () => {
    const err = await compileError('CREATE TABLE t (id int, name text);\nSELECT nme FROM t');
    expect(hasCode(err, 'undefined-column') && err.params.column).toBe('nme');
    expect(errorJson(err)).toMatchObject({ code: 'undefined-column', params: { column: 'nme' } });
    const syntax = await compileError('SELEC 1');
    expect(Object.keys(errorJson(syntax))).toEqual(['code', 'message', 'file', 'line', 'column', 'statement']);
  });
});
