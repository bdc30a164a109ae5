import { SqlEtlError, unsupported } from '../errors.js';
import type { Expr, FuncExpr } from '../ir/expr.js';
import { cond, letIn, type Mql } from './mql.js';
import { pgRegexToMongo } from './regex-pattern.js';

/**
 * PostgreSQL's functions that list a regular expression's matches:
 * `regexp_split_to_array` (and the set-returning `regexp_split_to_table`, the same
 * array unnested) and `regexp_matches` (set-returning: one text[] per match).
 *
 * Both walk the text as PostgreSQL's search loop does: the next search starts where
 * the last match ended, one character later after an empty match, and the loop ends
 * once the start passes the end. `$regexFindAll` walks the same way on the embedded
 * engine; MongoDB's stops as soon as its start reaches the end, so it never reports
 * an empty match at the very end (`regexp_matches('aa', 'a*', 'g')` is {aa} and {}
 * in PostgreSQL). So such a match is dropped from `$regexFindAll`'s list and, when
 * PostgreSQL's loop would search at the end, looked for on its own (`endMatch`):
 * the answer is the same on every engine.
 *
 * Splitting skips PostgreSQL's "degenerate" matches: an empty match at the start or
 * the end of the text, or right after the previous match.
 */

/** PostgreSQL's regular expression flags (`parse_re_flags`); sqletl computes `g`, `i` and `c`. */
const PG_FLAGS = 'bcegimnpqstwx';

interface RegexpCall {
  regex: string;
  options: string;
  global: boolean;
}

/** A constant text argument (undefined for a NULL constant); other arguments are refused at their position. */
function constantText(a: Expr | undefined, fn: string, what: string): string | undefined {
  if (!a) return '';
  if (a.kind === 'literal' && a.value === null) return undefined;
  if (a.kind !== 'literal' || typeof a.value !== 'string') throw unsupported('lower', `${fn} with a non-constant ${what}`, a.span);
  return a.value;
}

/**
 * The pattern and flags of a call, checked in PostgreSQL's order: the flags' letters,
 * then `g` where the function refuses it, then the pattern. Undefined when the
 * pattern or the flags are a NULL constant (the function is strict).
 */
export function regexpCall(f: FuncExpr, fn: string, allowGlobal: boolean): RegexpCall | undefined {
  const [, patternArg, flagsArg] = f.args;
  const flags = constantText(flagsArg, fn, 'flags');
  const pattern = constantText(patternArg, fn, 'pattern');
  if (flags === undefined || pattern === undefined) return undefined;
  const invalid = [...flags].find((c) => !PG_FLAGS.includes(c));
  if (invalid !== undefined) throw new SqlEtlError('invalid-parameter-value', 'lower', `invalid regular expression option: "${invalid}"`, { span: flagsArg?.span ?? f.span });
  const global = flags.includes('g');
  if (global && !allowGlobal) throw new SqlEtlError('invalid-parameter-value', 'lower', `${fn}() does not support the "global" option`, { span: flagsArg?.span ?? f.span });
  const other = flags.replace(/[gic]/g, '');
  if (other) throw unsupported('lower', `the ${fn} flag(s) "${other}"`, flagsArg?.span);
  const { regex, caseInsensitive } = pgRegexToMongo(pattern, patternArg?.span);
  return { regex, options: (caseSensitivity(flags, caseInsensitive) ? 'i' : '') + 's', global };
}

/**
 * Whether a call matches case-insensitively: the last of the flags `i` and `c`, but
 * the pattern's own embedded options `(?i)`/`(?c)` win over the flags (PostgreSQL
 * applies them after the flags).
 */
export function caseSensitivity(flags: string, embedded: boolean | undefined): boolean {
  if (embedded !== undefined) return embedded;
  return flags.replace(/[^ic]/g, '').at(-1) === 'i';
}

/** The matches of `call` in the text `$$s` of `$$len` characters, as PostgreSQL's loop finds them: `{ match, idx, captures }` each. */
function matches(call: RegexpCall, endMatches: boolean): Mql {
  const { regex, options } = call;
  if (!call.global) return letIn({ one: { $regexFind: { input: '$$s', regex, options } } }, cond({ $eq: ['$$one', null] }, [], ['$$one']));
  const all = { $regexFindAll: { input: '$$s', regex, options } };
  if (!endMatches) return all;
  return letIn(
    { all: { $filter: { input: all, cond: { $not: [{ $and: [{ $eq: ['$$this.match', ''] }, { $eq: ['$$this.idx', '$$len'] }] }] } } } },
    letIn(
      // where PostgreSQL's next search starts: after the last match, one further after an empty one
      // (`$ifNull`: DocumentDB evaluates the branch not taken too, where `$$l` is missing)
      { next: cond({ $eq: [{ $size: '$$all' }, 0] }, 0, letIn({ l: { $last: '$$all' } }, { $add: ['$$l.idx', { $max: [{ $strLenCP: { $ifNull: ['$$l.match', ''] } }, 1] }] })) },
      cond({ $eq: ['$$next', '$$len'] }, { $concatArrays: ['$$all', endMatch(call)] }, '$$all'),
    ),
  );
}

/**
 * An empty match at the end of `$$s` (with its captures), or none: the longest
 * prefix after which the pattern matches up to the end is the whole text exactly
 * when the pattern matches the empty string there. The prefix adds no group, so
 * the captures keep their numbers (back references too).
 */
function endMatch({ regex, options }: RegexpCall): Mql {
  return letIn(
    { e: { $regexFind: { input: '$$s', regex: `^[\\s\\S]*(?=(?:${regex})(?![\\s\\S]))`, options } } },
    cond(
      { $and: [{ $ne: ['$$e', null] }, { $eq: [{ $strLenCP: { $ifNull: ['$$e.match', ''] } }, '$$len'] }] },
      [{ match: '', idx: '$$len', captures: '$$e.captures' }],
      [],
    ),
  );
}

/** `$$s` and `$$len` around `body` ('' for NULL: the caller's NULL guard picks null then, but DocumentDB evaluates this branch too) */
const overText = (s: Mql, body: Mql): Mql => letIn({ s: { $ifNull: [s, ''] } }, letIn({ len: { $strLenCP: '$$s' } }, body));

/** regexp_split_to_array(s, pattern [, flags]): the text between the non-degenerate matches. */
export function lowerRegexpSplit([s]: Mql[], f: FuncExpr, fn: 'regexp_split_to_array' | 'regexp_split_to_table'): Mql {
  const call = regexpCall(f, fn, false);
  if (!call) return null;
  const piece = (from: Mql, to: Mql): Mql => ({ $substrCP: ['$$s', from, { $subtract: [to, from] }] });
  return overText(
    s,
    letIn(
      {
        r: {
          $reduce: {
            input: matches({ ...call, global: true }, false),
            initialValue: { parts: [], pos: 0, end: 0 },
            in: letIn(
              { m: '$$this', e: { $add: ['$$this.idx', { $strLenCP: '$$this.match' }] } },
              cond(
                { $and: [{ $lt: ['$$m.idx', '$$len'] }, { $gt: ['$$e', '$$value.end'] }] },
                { parts: { $concatArrays: ['$$value.parts', [piece('$$value.pos', '$$m.idx')]] }, pos: '$$e', end: '$$e' },
                { parts: '$$value.parts', pos: '$$value.pos', end: '$$e' },
              ),
            ),
          },
        },
      },
      { $concatArrays: ['$$r.parts', [piece('$$r.pos', '$$len')]] },
    ),
  );
}

/** regexp_matches(s, pattern [, flags]): per match, its captures (NULL for a group that took no part), or the match itself when the pattern has no group. */
export function lowerRegexpMatches([s]: Mql[], f: FuncExpr): Mql {
  const call = regexpCall(f, 'regexp_matches', true);
  if (!call) return [];
  return overText(s, {
    $map: { input: matches(call, true), in: cond({ $eq: [{ $size: '$$this.captures' }, 0] }, ['$$this.match'], '$$this.captures') },
  });
}
