/**
 * Text semantics against PostgreSQL (PGlite) on both engines' terms:
 *  - UPPER/LOWER/INITCAP over every character of the ranges README "Text" claims
 *    (src/mongo/unicode-data.ts), on the embedded engine and, when reachable, on
 *    DocumentDB, whose $toUpper/$toLower change ASCII only, as MongoDB's do;
 *  - regular expressions, LIKE and ILIKE translated by src/mongo/regex-pattern.ts and
 *    like-pattern.ts, matched by JavaScript (the embedded engine) and by PCRE2
 *    (DocumentDB) against PostgreSQL's answer.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/index.js';
import { likeToRegex } from '../src/mongo/like-pattern.js';
import { lowerCase, lowerInitcap } from '../src/mongo/lower-strings.js';
import { pgRegexToMongo } from '../src/mongo/regex-pattern.js';
import { COVERED_RANGES, LOWER_FROM, UPPER_FROM } from '../src/mongo/unicode-data.js';
import * as documentDb from './support/documentdb-psql.js';

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(async () => {
  await pg?.close();
});

/** Every covered character, in lines of 64 (with an ASCII word in front, so INITCAP sees words). */
function coveredText(): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [a, b] of COVERED_RANGES) {
    for (let c = a; c <= b; c++) {
      line += String.fromCodePoint(c);
      if (line.length === 64) {
        lines.push(`word ${line} x${line}`);
        line = '';
      }
    }
  }
  if (line) lines.push(`word ${line} x${line}`);
  // mixed cases of the mapped letters themselves, and words of them
  lines.push(UPPER_FROM, LOWER_FROM, `${UPPER_FROM.slice(0, 50)} ${LOWER_FROM.slice(0, 50)}`, 'André MÜLLER straße ǅemal İstanbul ΣΊΣΥΦΟΣ ωμέγα ПРИВЕТ мир Nguyễn Thị Đức');
  return lines;
}

async function pgCase(lines: string[]): Promise<{ u: string; l: string; i: string }[]> {
  const out = [];
  for (const s of lines) out.push((await pg.query<{ u: string; l: string; i: string }>('SELECT upper($1::text) u, lower($1::text) l, initcap($1::text) i', [s])).rows[0]);
  return out;
}

describe('UPPER/LOWER/INITCAP equal PostgreSQL for every covered character', () => {
  test('embedded engine', async () => {
    const lines = coveredText();
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-text-'));
    writeFileSync(join(dir, 't.json'), JSON.stringify(lines.map((s, i) => ({ _id: i, s }))));
    const res = await run('SELECT _id, upper(s) AS u, lower(s) AS l, initcap(s) AS i FROM t ORDER BY _id', { dataDir: dir, schema: 'CREATE TABLE t (_id int, s text);' });
    const got = res.statements[0].rows!.map(([, u, l, i]) => ({ u, l, i }));
    expect(got).toEqual(await pgCase(lines));
  }, 60_000);

  const docdb = documentDb.available();
  test.skipIf(!docdb.ok)(`DocumentDB (ASCII-only $toUpper/$toLower, as MongoDB)${docdb.ok ? '' : ` — skipped: ${docdb.why}`}`, async () => {
    const lines = coveredText();
    const out = documentDb.aggregate([
      { $documents: lines.map((s, i) => ({ i, s })) },
      { $sort: { i: 1 } },
      { $project: { _id: 0, u: lowerCase('$s', 'upper'), l: lowerCase('$s', 'lower'), i: lowerInitcap('$s') } },
    ]);
    if ('error' in out) throw new Error(out.error);
    expect(out.docs).toEqual(await pgCase(lines));
  }, 60_000);
});

/** [operator, input, pattern]: PostgreSQL's answer is the expected one */
const MATCHES: [string, string, string][] = [
  ['~', 'é', '^\\w$'], ['~', 'abc\n', 'abc$'], ['~', 'abc', 'abc$'], ['~', 'a b', 'a\\sb'], ['~', 'a\u00a0b', 'a\\sb'], ['~', 'a\u2003b', 'a\\sb'],
  ['~', 'é', '\\u00e9'], ['~', 'é', '\\xe9'], ['~', 'É', '[[:upper:]]'], ['~', 'é', '[[:upper:]]'], ['~', 'élan vital', '^[[:alpha:] ]+$'], ['~', 'x²', '[[:digit:]]'],
  ['~', 'a.b', 'a\\.b'], ['~', 'a{b', 'a{b'], ['~', 'aa', '^a{2}$'], ['~', 'foo bar', '\\mbar'], ['~', 'foo bar', 'o\\M'], ['~', 'föo', 'f\\yö'],
  ['~', 'ab', 'a\\yb'], ['~', 'ab', 'a\\Yb'], ['~', 'x]', 'x]'], ['~', 'a]', '[]a]+$'], ['~', '^', '[\\^]'], ['~', 'ABC', '(?i)abc'],
  ['~', 'a\\b', 'a\\\\b'], ['~', 'x', '***=x.*'], ['~', 'x.*', '***=x.*'], ['~', 'aXa', '(a)X\\1'], ['~', 'tab\there', 'tab\\there'], ['~', 'a-b', '[a\\-z]-b'],
  ['~', '😀😀', '^😀+$'], ['~', 'é', '[[=é=]]'], ['~', 'é', '[[.é.]]'], ['~', 'ab', '[[:<:]]b'], ['~', 'a b', '[[:<:]]b'], ['~', 'a\nb', 'a.b'], ['~', 'a\nb', '^b'],
  ['~', 'x\by', 'x\\by'], ['~', 'a\\b', 'a\\Bb'], ['~', 'q$', 'q\\$'], ['~', '— x', '^[[:punct:]]'], ['~', 'a_b', '^\\w+$'], ['~', 'ǅ', '^[[:upper:]]$'],
  ['~*', 'ÉCOLE', 'école'], ['~*', 'Łódź', 'ŁÓDŹ'], ['~*', 'ПРИВЕТ', 'привет'], ['~*', 'ΣΟΦΙΑ', 'σοφια'], ['~*', 'ABC', '(?c)abc'],
  ['LIKE', 'abc\n', 'abc'], ['LIKE', 'abc', 'a%'], ['LIKE', 'a$c', 'a$c'], ['LIKE', 'x/y', 'x/y'], ['LIKE', 'a\nb', 'a_b'], ['LIKE', '100%', '100\\%'],
  ['LIKE', '', '%'], ['LIKE', 'a.c', 'a.c'], ['LIKE', 'abc', 'a.c'], ['LIKE', '(x)', '(_)'], ['LIKE', 'é😀', '__'], ['LIKE', '[a]', '[a]%'],
  ['ILIKE', 'ÀÉÎ', 'àéî'], ['ILIKE', 'straße', 'STRASSE'], ['ILIKE', 'ÆSIR', '%æs%'], ['ILIKE', 'Ёлка', 'ёЛКА'],
];

describe('regular expressions and LIKE mean what they mean in PostgreSQL', () => {
  const translate = (op: string, pattern: string) => {
    const ci = op === 'ILIKE' || op.includes('*');
    if (op.includes('LIKE')) return { regex: likeToRegex(pattern), options: (ci ? 'i' : '') + 's' };
    const r = pgRegexToMongo(pattern);
    return { regex: r.regex, options: ((r.caseInsensitive ?? ci) ? 'i' : '') + 's' };
  };
  const expected = async () => {
    const out: boolean[] = [];
    for (const [op, input, pattern] of MATCHES) out.push((await pg.query<{ r: boolean }>(`SELECT $1::text ${op} $2 AS r`, [input, pattern])).rows[0].r);
    return out;
  };

  test('JavaScript (the embedded engine)', async () => {
    const got = MATCHES.map(([op, input, pattern]) => {
      const { regex, options } = translate(op, pattern);
      return new RegExp(regex, options).test(input);
    });
    // README "Text": on the embedded engine `.` (and `_`) reads a character above U+FFFF as two
    const want = (await expected()).map((r, k) => (MATCHES[k][1] === 'é😀' && MATCHES[k][2] === '__' ? !r : r));
    expect(MATCHES.map((m, k) => [...m, got[k]])).toEqual(MATCHES.map((m, k) => [...m, want[k]]));
  });

  const docdb = documentDb.available();
  test.skipIf(!docdb.ok)(`PCRE2 (DocumentDB)${docdb.ok ? '' : ` — skipped: ${docdb.why}`}`, async () => {
    const fields: Record<string, unknown> = { _id: 0 };
    MATCHES.forEach(([op, input, pattern], k) => {
      const { regex, options } = translate(op, pattern);
      // $regexFind: DocumentDB compiles $regexMatch without captures (no back references)
      fields[`m${k}`] = { $ne: [{ $regexFind: { input, regex, options } }, null] };
    });
    const out = documentDb.aggregate([{ $documents: [{}] }, { $project: fields }]);
    if ('error' in out) throw new Error(out.error);
    const got = MATCHES.map((_, k) => out.docs[0][`m${k}`]);
    const want = await expected();
    expect(MATCHES.map((m, k) => [...m, got[k]])).toEqual(MATCHES.map((m, k) => [...m, want[k]]));
  });
});
