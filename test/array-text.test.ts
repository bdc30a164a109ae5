/**
 * src/sql/array-text.ts (the text[] constants of jsonb_set paths and `?|`/`?&`) against
 * PostgreSQL itself: for each text, the elements PGlite's `'…'::text[]` gives, or an
 * error where PostgreSQL refuses the text (sqletl refuses it too: with PostgreSQL's
 * `malformed array literal`, or as not supported for the multi-dimensional forms).
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { arrayText } from '../src/sql/array-text.js';
import { SqlEtlError } from '../src/errors.js';

const TEXTS = [
  '{}',
  '{ }',
  '{a}',
  '{a,b}',
  '{ a , b }',
  '{"a b",c}',
  '{"a,b"}',
  '{"a\\"b"}',
  '{a\\,b}',
  '{NULL}',
  '{null,"NULL"}',
  '{0,-1,items}',
  '{""}',
  '{"$x","a.b"}',
  ' {a} ',
  '{a b}',
  '{a,}',
  '{,a}',
  'a,b',
  '{a',
  '{"a}',
  '{{a}}',
];

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.query('select 1');
});
afterAll(async () => db?.close());

async function pgArray(text: string): Promise<{ items?: (string | null)[]; error?: string }> {
  try {
    const r = await db.query<{ a: (string | null)[] }>('select $1::text[] as a', [text]);
    return { items: r.rows[0].a };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('text[] constants as PostgreSQL reads them', () => {
  test.each(TEXTS)('%s', async (text) => {
    const pg = await pgArray(text);
    let ours: { items?: (string | null)[]; error?: string };
    try {
      ours = { items: arrayText(text) };
    } catch (err) {
      if (!(err instanceof SqlEtlError)) throw err;
      ours = { error: err.message };
    }
    if (pg.error !== undefined) {
      expect(ours.error, `PostgreSQL refuses ${text}: ${pg.error}`).toBeDefined();
      return;
    }
    // a nested array is PostgreSQL's multi-dimensional text[]: refused, never read as something else
    if (ours.error !== undefined && /multi-dimensional/.test(ours.error)) return;
    expect(ours).toEqual({ items: pg.items });
  });
});
