/**
 * Every regular expression sqletl generates must be valid PCRE (MongoDB's regex
 * engine: PCRE2 in UTF mode, without UCP) and mean the same as in the embedded
 * engine's JavaScript RegExp (no `u` flag) — so it is written in the syntax both read
 * alike (src/mongo/regex-pattern.ts). This test compiles every grammar case, walks
 * the commands for `$regex`, `$regexMatch`, `$regexFind`, `$regexFindAll` and BSON
 * regex values, and checks each pattern:
 *  - always: a structural check against the constructs the two engines read
 *    differently or PCRE refuses (`\u`, `\x{…}`, `\z`, `\p`, `\v`, an unescaped `$`,
 *    `[[:alpha:]]`, inline flags, `{,n}`…), and that JavaScript compiles it;
 *  - when DocumentDB (a PostgreSQL extension built on PCRE2, ../shared/documentdb) is
 *    reachable with psql: that the server compiles each pattern in the operator it
 *    appears in. Otherwise that part is skipped with its reason.
 */
import { BSONRegExp } from 'bson';
import { describe, expect, test } from 'vitest';
import { caseOptions, discoverCases, readSchema } from './support/cases.js';
import { loadSqletl } from './support/sqletl.js';
import * as documentDb from './support/documentdb-psql.js';
import { likeToRegex } from '../src/mongo/like-pattern.js';
import { pgRegexToMongo } from '../src/mongo/regex-pattern.js';

interface Found {
  op: '$regex' | '$regexMatch' | '$regexFind' | '$regexFindAll';
  regex: string;
  options: string;
  where: string;
}

function collect(value: unknown, where: string, out: Found[]): void {
  if (value instanceof RegExp) {
    out.push({ op: '$regex', regex: value.source, options: value.flags, where });
    return;
  }
  if (value instanceof BSONRegExp) {
    out.push({ op: '$regex', regex: value.pattern, options: value.options, where });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v) => collect(v, where, out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const doc = value as Record<string, unknown>;
  if (typeof doc.$regex === 'string') out.push({ op: '$regex', regex: doc.$regex, options: typeof doc.$options === 'string' ? doc.$options : '', where });
  for (const op of ['$regexMatch', '$regexFind', '$regexFindAll'] as const) {
    const spec = doc[op] as { regex?: unknown; options?: unknown } | undefined;
    if (spec && typeof spec === 'object') {
      if (typeof spec.regex === 'string') out.push({ op, regex: spec.regex, options: typeof spec.options === 'string' ? spec.options : '', where });
      else if (spec.regex instanceof RegExp || spec.regex instanceof BSONRegExp) collect(spec.regex, where, out);
    }
  }
  for (const v of Object.values(doc)) collect(v, where, out);
}

/** Problems of a pattern for PCRE2 (UTF, no UCP) + JavaScript (no u flag), or [] */
export function structuralProblems(regex: string, options: string): string[] {
  const problems: string[] = [];
  if (/[^ims]/.test(options)) problems.push(`option(s) "${options.replace(/[ims]/g, '')}" (the embedded engine has i, m, s)`);
  try {
    new RegExp(regex, options.replace(/[^ims]/g, ''));
  } catch (err) {
    problems.push(`JavaScript refuses it: ${(err as Error).message}`);
  }
  const chars = [...regex];
  let inClass = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      const e = chars[++i];
      if (e === undefined) problems.push('a trailing backslash');
      else if (e === 'x') {
        if (!/^[0-9A-Fa-f]{2}$/.test(chars.slice(i + 1, i + 3).join(''))) problems.push('\\x without exactly two hex digits (\\x{…} is PCRE only)');
        i += 2;
      } else if (/[1-9]/.test(e) && inClass) problems.push(`\\${e} in a bracket expression`);
      else if (/[A-Za-z0]/.test(e) && !/[dDsSwWbBnrtf]/.test(e)) problems.push(`the escape \\${e} (${e === 'u' ? 'PCRE has no \\u' : 'PCRE and JavaScript differ or one refuses it'})`);
      else if (/[bB]/.test(e) && inClass) problems.push(`\\${e} in a bracket expression`);
      continue;
    }
    if (inClass) {
      if (c === '[') problems.push('an unescaped [ in a bracket expression (PCRE reads [: [. [= as POSIX syntax)');
      else if (c === ']') inClass = false;
      else if (c.codePointAt(0)! > 0xffff) problems.push('a character above U+FFFF in a bracket expression (two code units in JavaScript)');
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (chars[i + 1] === '^') i++;
      if (chars[i + 1] === ']') problems.push('a ] first in a bracket expression (an empty class in JavaScript)');
    } else if (c === '$') problems.push('an unescaped $ (PCRE also matches it before a final newline; PostgreSQL does not)');
    else if (c === '(' && chars[i + 1] === '?') {
      const next = chars.slice(i + 2, i + 4).join('');
      if (!/^(:|=|!|<=|<!)/.test(next)) problems.push(`the group (?${next} (inline options and named groups differ between the engines)`);
    } else if (c === '{') {
      if (!/^\{\d+(,\d*)?\}/.test(chars.slice(i, i + 24).join(''))) problems.push('an unescaped { that is not a quantifier (PCRE2 reads {,n} as one)');
    } else if (c.codePointAt(0)! > 0xffff && !/[*+?{]/.test(chars[i + 1] ?? '')) {
      // fine: only a quantifier right after it would take half of it in JavaScript
    } else if (c.codePointAt(0)! > 0xffff) problems.push('a quantified character above U+FFFF without a group');
  }
  if (inClass) problems.push('an unterminated bracket expression');
  return problems;
}

const schema = readSchema();

async function generatedRegexes(): Promise<Found[]> {
  const { lib } = await loadSqletl();
  const out: Found[] = [];
  for (const c of discoverCases()) {
    if (c.error) continue;
    let script;
    try {
      script = await lib.compile(c.sql, caseOptions(c, schema));
    } catch {
      continue; // the grammar test reports compile failures
    }
    for (const s of script.statements) collect(s.commands, `${c.area}/${c.name}`, out);
  }
  return out;
}

/** PostgreSQL patterns that exercise every branch of the translation, beyond the grammar cases. */
const PROBES: string[] = [
  '^\\w+$', '\\W', '\\s+', '\\S', '\\d{2,}', '\\D', 'a$', 'a\\Z', '\\Aa', '\\ya\\y', '\\Ya', '\\mword\\M', '[[:<:]]w[[:>:]]',
  '[[:alpha:][:digit:]_-]', '[^[:space:]]', '[[:upper:]]', '[[:lower:]]', '[[:punct:]]', '[[:print:]]', '[[:graph:]]', '[[:cntrl:]]', '[[:xdigit:]]', '[[:blank:]]', '[[:word:]]',
  '[]a]', '[^]a]', '[a-]', '[\\d\\s\\w]', '[\\D]', '[[.a.]-[.z.]]', '[[=e=]]', '\\u00e9', '\\U0001F600', '\\xe9', '\\x41', '\\e\\a\\b\\f\\n\\r\\t\\v', '\\cA', '\\B',
  '\\0101', '(a)\\1', '(?:a)(?=b)(?!c)(?<=d)(?<!e)', '(?i)abc', '***=a.b$', '***:a.b', 'a{2}', 'a{2,}', 'a{2,3}?', 'a{', 'a{,3}', 'a}', 'x]', 'é+', '😀+', '[é-ü]', 'a/b', '\\$5',
];
const LIKE_PROBES = ['%', 'a%', '%a', '%a%', 'a_b', 'a\\%b', 'a\\_b', '100$', '[x]', '(a|b)', 'é%', '😀_', '{1}', 'a^b', 'a\\\\b', '.*'];

describe('every generated regex is valid PCRE and reads the same in JavaScript', () => {
  test('structural check of the grammar cases and probes', async () => {
    const found = await generatedRegexes();
    expect(found.length).toBeGreaterThan(50);
    for (const p of PROBES) found.push({ op: '$regexMatch', regex: pgRegexToMongo(p).regex, options: 's', where: `probe ~ '${p}'` });
    for (const p of LIKE_PROBES) found.push({ op: '$regexMatch', regex: likeToRegex(p), options: 's', where: `probe LIKE '${p}'` });
    const bad = found.flatMap((f) => structuralProblems(f.regex, f.options).map((p) => `${f.where}: ${f.op} ${JSON.stringify(f.regex)}: ${p}`));
    expect(bad).toEqual([]);
    // the checker itself
    expect(structuralProblems('^[A-Za-z0-9\\u00C0-\\uFFFF]$', '')).not.toEqual([]);
    expect(structuralProblems('^a.*$', 's')).not.toEqual([]);
    expect(structuralProblems('[[:alpha:]]', '')).not.toEqual([]);
    expect(structuralProblems('\\x{e9}', '')).not.toEqual([]);
  }, 120_000);

  const docdb = documentDb.available();
  test.skipIf(!docdb.ok)(`DocumentDB (PCRE2) compiles every one${docdb.ok ? '' : ` — skipped: ${docdb.why}`}`, async () => {
    const found = await generatedRegexes();
    for (const p of PROBES) found.push({ op: '$regexFind', regex: pgRegexToMongo(p).regex, options: 's', where: `probe ~ '${p}'` });
    for (const p of LIKE_PROBES) found.push({ op: '$regexMatch', regex: likeToRegex(p), options: 's', where: `probe LIKE '${p}'` });
    const distinct = new Map<string, Found>();
    for (const f of found) distinct.set(JSON.stringify([f.op, f.regex, f.options]), f);
    const all = [...distinct.values()];
    const failures: string[] = [];
    const check = (batch: Found[]): void => {
      const err = compileOnDocumentDb(batch);
      if (!err) return;
      if (batch.length === 1) failures.push(`${batch[0].where}: ${batch[0].op} ${JSON.stringify(batch[0].regex)} /${batch[0].options}: ${err}`);
      else {
        const half = Math.ceil(batch.length / 2);
        check(batch.slice(0, half));
        check(batch.slice(half));
      }
    };
    for (let i = 0; i < all.length; i += 100) check(all.slice(i, i + 100));
    expect(failures).toEqual([]);
    // the check itself: what sqletl's INITCAP emitted before (JavaScript's \u), in both forms
    expect(compileOnDocumentDb([{ op: '$regexMatch', regex: '^[A-Za-z0-9\\u00C0-\\uFFFF]$', options: '', where: 'self-check' }])).toMatch(/\\u/);
    expect(compileOnDocumentDb([{ op: '$regex', regex: '\\u00e9', options: 's', where: 'self-check' }])).toMatch(/\\u/);
  }, 300_000);
});

/** undefined when DocumentDB compiles every pattern of `batch` in its operator, else the server's error */
function compileOnDocumentDb(batch: Found[]): string | undefined {
  const fields: Record<string, unknown> = { _id: 0, s: 1 };
  const matches: unknown[] = [];
  batch.forEach((f, i) => {
    if (f.op === '$regex') matches.push({ s: { $regex: f.regex, $options: f.options } });
    else fields[`r${i}`] = { [f.op]: { input: 'x', regex: f.regex, options: f.options } };
  });
  const pipeline: unknown[] = [{ $documents: [{ s: 'x' }] }, { $project: fields }];
  if (matches.length) pipeline.push({ $match: { $or: [...matches, { s: 'x' }] } });
  const out = documentDb.aggregate(pipeline);
  return 'error' in out ? out.error : undefined;
}
