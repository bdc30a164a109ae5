/**
 * src/sql/similar-pattern.ts against PostgreSQL itself: for patterns drawn from the
 * characters the translation treats specially, with the default escape, `#`, none and
 * a non-ASCII one, the ARE it builds must be the text PGlite's `similar_to_escape`
 * returns, and a pattern PostgreSQL refuses must be refused with its message.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { similarToRegex } from '../src/sql/similar-pattern.js';
import { prng } from './support/prng.js';

const ALPHABET = ['a', 'b', '%', '_', '|', '*', '+', '?', '{', '}', '(', ')', '[', ']', '^', '$', '.', '\\', '#', '"', '-', ':', 'é', 'ü', ','];
const ESCAPES: (string | undefined)[] = [undefined, '#', '', 'é', '\\'];

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.query('select 1');
});
afterAll(async () => db?.close());

async function pgEscape(pattern: string, escape: string | undefined): Promise<{ regex?: string; error?: string }> {
  try {
    const r = escape === undefined ? await db.query<{ r: string }>('select similar_to_escape($1) as r', [pattern]) : await db.query<{ r: string }>('select similar_to_escape($1, $2) as r', [pattern, escape]);
    return { regex: r.rows[0].r };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function ours(pattern: string, escape: string | undefined): { regex?: string; error?: string } {
  try {
    return { regex: similarToRegex(pattern, escape).regex };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('SIMILAR TO patterns → PostgreSQL regular expressions', () => {
  test('the documented examples', async () => {
    for (const [p, e] of [
      ['a%b_c|d*(e)+f?{2,3}[x-z]', undefined],
      ['[]a]%', undefined],
      ['[^]a]%', undefined],
      ['[[:alpha:]]%', undefined],
      ['a#"b#"c', '#'],
      ['a#"b', '#'],
      ['a#"b#"c#"d', '#'],
      ['a.b', 'ab'],
      ['a\\', undefined],
    ] as [string, string | undefined][]) {
      expect(ours(p, e), `${p} ESCAPE ${e}`).toEqual(await pgEscape(p, e));
    }
  });

  test('random patterns (5,000), each escape', async () => {
    const next = prng(20261207);
    const mismatches: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const len = 1 + Math.floor(next() * 10);
      const pattern = Array.from({ length: len }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      const escape = ESCAPES[n % ESCAPES.length];
      const [mine, pg] = [ours(pattern, escape), await pgEscape(pattern, escape)];
      if (JSON.stringify(mine) !== JSON.stringify(pg)) mismatches.push(`${JSON.stringify(pattern)} ESCAPE ${JSON.stringify(escape)}: ${JSON.stringify(mine)} vs PostgreSQL ${JSON.stringify(pg)}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  }, 120_000);
});
