/**
 * The numeric template reader and writer (src/mongo/number-template.ts) against
 * PostgreSQL's to_char(numeric, text) in PGlite: templates built from every template
 * element, over numbers with every digit count, sign, rounding tie and overflow.
 * The digit strings are made here the way PostgreSQL makes them for numeric (exact
 * decimal rounding, half away from zero); the pipelines that compute them at run time
 * are checked by the grammar cases (grammar-tests/strings/to-char-number-*.sql).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { applyNumberTemplate, parseNumberTemplate, TemplateError } from '../src/mongo/number-template.js';

/** PostgreSQL's digits of a numeric (a decimal string) rounded to `post` places after multiplying by 10^multi */
function digitsOf(value: string, post: number, multi: number): { sign: '+' | '-'; digits: string } {
  let neg = value.startsWith('-');
  const unsigned = value.replace(/^[-+]/, '');
  const [whole, part = ''] = unsigned.split('.');
  const scaledFraction = part + '0'.repeat(multi);
  const all = BigInt(whole + scaledFraction.slice(0, multi) + (scaledFraction.slice(multi) + '0'.repeat(post + 1)).slice(0, post + 1));
  const rounded = all / 10n + (all % 10n >= 5n ? 1n : 0n);
  if (rounded === 0n) neg = false;
  const text = rounded.toString().padStart(post + 1, '0');
  return { sign: neg ? '-' : '+', digits: post ? `${text.slice(0, text.length - post)}.${text.slice(text.length - post)}` : text };
}

/** to_char as number-template.ts computes it, or 'ERROR' where PostgreSQL refuses */
function toChar(value: string, format: string): string {
  try {
    const t = parseNumberTemplate(format);
    const desc = { ...t.desc, pre: t.desc.pre + t.desc.multi };
    const { sign, digits } = digitsOf(value, desc.post, desc.multi);
    const point = digits.indexOf('.');
    const intDigits = point < 0 ? digits.length : point;
    if (intDigits > desc.pre) {
      const hashes = [...'#'.repeat(desc.pre + desc.post + 1)];
      hashes[desc.pre] = '.';
      return applyNumberTemplate(t.nodes, desc, sign, hashes.join(''), 0);
    }
    return applyNumberTemplate(t.nodes, desc, sign, digits, desc.pre - intDigits);
  } catch (e) {
    if (e instanceof TemplateError) return 'ERROR';
    throw e;
  }
}

const VALUES = ['0', '5', '-5', '12', '-12', '0.5', '-0.5', '0.05', '-0.001', '123.456', '-123.456', '9.99', '-9.995', '1234567', '100', '1000.1', '99.95', '2.675', '-0.0049'];

// fixed templates, then pseudo-random ones mixing every element (a fixed seed)
const FIXED = [
  '9999.99', 'FM9999.99', '0000.00', 'FM9990.09', '9,999.9', 'FM9G999D999', '.99', 'FM.99', '9', 'FM9', 'S999.9', '999.9S', 'FMS999.9',
  'PL999', '999MI', 'FM999MI', 'SG999', '999PR', 'FM999.99PR', 'L999.99', '0009', '9099', '9999TH', 'FM9999th', '999V99', '"n="9999" units"',
  '9.9.9', 'S9S', '9PR9', 'SMI9', 'V9.9', '999"a\\"b"', 'xyz9', '\\"9', 'B9', 'C9', 'SP9', '9 9 9',
];
const PARTS = ['9', '9', '9', '0', '.', ',', 'D', 'G', 'S', 'PL', 'MI', 'SG', 'PR', 'L', 'FM', 'TH', 'th', 'V', '"x"', ' ', '9', '0', '9'];
function randomTemplates(count: number): string[] {
  let seed = 20241206;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = next(4) === 0 ? 'FM' : '';
    const len = 1 + next(7);
    for (let j = 0; j < len; j++) t += PARTS[next(PARTS.length)];
    out.push(t);
  }
  return out;
}

describe('numeric templates against PostgreSQL', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes every value into every template as PostgreSQL does', async () => {
    const differences: string[] = [];
    for (const format of [...FIXED, ...randomTemplates(120)]) {
      const literals = VALUES.map((v) => `(${v}::numeric)`).join(', ');
      let expected: string[];
      try {
        const r = await db.query<[string]>(`SELECT to_char(x, $1) FROM (VALUES ${literals}) AS v(x)`, [format], { rowMode: 'array' });
        expected = r.rows.map((row) => row[0]);
      } catch {
        // a template PostgreSQL refuses is refused for every value (or fails on some)
        expected = VALUES.map(() => 'ERROR');
      }
      const actual = VALUES.map((v) => toChar(v, format));
      const refusedSomewhere = actual.includes('ERROR');
      VALUES.forEach((v, i) => {
        if (expected[i] === 'ERROR' && refusedSomewhere) return;
        if (actual[i] !== expected[i]) differences.push(`to_char(${v}, '${format}'): PostgreSQL ${JSON.stringify(expected[i])}, sqletl ${JSON.stringify(actual[i])}`);
      });
    }
    expect(differences).toEqual([]);
  });
});
