import { SqlEtlError, unsupported } from '../errors.js';
import type { FuncExpr } from '../ir/expr.js';
import { cond, isNull, letIn, literal, type Mql } from './mql.js';
import { raiseIf } from './raise.js';
import { classBody, pgRegexToMongo } from './regex-pattern.js';
import { caseSensitivity } from './lower-regexp-functions.js';
import { LOWER_FROM, LOWER_TO, UPPER_FROM, UPPER_TO } from './unicode-data.js';

/**
 * String functions that have no single MongoDB operator. All count characters
 * (code points), never bytes, and are 1-based as in SQL.
 */

/** SUBSTRING(s, start [, count]): a start below 1 eats into the count, as PostgreSQL does. */
export function lowerSubstring([s, start, count]: Mql[], f: FuncExpr): Mql {
  const a = f.args[1];
  const b = f.args[2];
  if (a.type === 'text' || (a.type === 'unknown' && a.kind === 'literal' && typeof a.value === 'string')) return substringByRegex(s, f);
  if (a.kind === 'literal' && typeof a.value === 'number' && (!b || (b.kind === 'literal' && typeof b.value === 'number'))) {
    const from = a.value;
    const first = Math.max(from, 1);
    if (b && typeof b.value === 'number' && b.value < 0) {
      throw new SqlEtlError('invalid-argument', 'lower', 'negative substring length not allowed', { span: b.span });
    }
    const len = b ? Math.max(from + (b.value as number) - first, 0) : -1;
    return { $substrCP: [s, first - 1, len < 0 ? { $strLenCP: s } : len] };
  }
  return letIn(
    { s, a: start, first: { $max: [start, 1] } },
    {
      $substrCP: [
        '$$s',
        { $subtract: ['$$first', 1] },
        count === undefined ? { $strLenCP: '$$s' } : { $max: [{ $subtract: [{ $add: ['$$a', count] }, '$$first'] }, 0] },
      ],
    },
  );
}

/**
 * SUBSTRING(s FROM pattern): PostgreSQL's POSIX form, the text the pattern's first
 * parenthesized subexpression matched (NULL when that group took no part), or the
 * whole match without one; NULL without a match. The SQL form with `FOR escape`
 * (SIMILAR TO patterns) is bound as substring_similar (lower-substring-similar.ts).
 */
function substringByRegex(s: Mql, f: FuncExpr): Mql {
  const [, patternArg, escapeArg] = f.args;
  if (escapeArg) throw unsupported('lower', 'SUBSTRING(… FROM pattern FOR escape) (an SQL regular expression, as in SIMILAR TO)', f.span);
  if (patternArg.kind !== 'literal' || typeof patternArg.value !== 'string') throw unsupported('lower', 'SUBSTRING(… FROM pattern) with a non-constant pattern', patternArg.span);
  const { regex, caseInsensitive } = pgRegexToMongo(patternArg.value, patternArg.span);
  const found = { $regexFind: { input: s, regex, options: (caseInsensitive ? 'i' : '') + 's' } };
  return letIn({ m: found }, cond(isNull('$$m'), null, cond({ $gt: [{ $size: { $ifNull: ['$$m.captures', []] } }, 0] }, { $arrayElemAt: ['$$m.captures', 0] }, '$$m.match')));
}

const chars = (s: Mql): Mql => ({ $map: { input: { $range: [0, { $strLenCP: s }] }, in: { $substrCP: [s, '$$this', 1] } } });

/**
 * UPPER/LOWER as PostgreSQL computes them. MongoDB's $toUpper/$toLower change ASCII
 * letters only (the embedded engine's change every letter, JavaScript's way, which is
 * not PostgreSQL's either: `upper('ß')`). So a string with a non-ASCII character is
 * cut into ASCII runs (→ $toUpper/$toLower) and single other characters, each looked
 * up in PostgreSQL's own mapping (src/mongo/unicode-data.ts, generated from PGlite):
 * exact for the covered ranges there, other characters are left as they are. An
 * ASCII-only string takes the one-operator path.
 */
export function lowerCase(s: Mql, to: 'upper' | 'lower', asString = true): Mql {
  const op = to === 'upper' ? '$toUpper' : '$toLower';
  const [from, into] = to === 'upper' ? [UPPER_FROM, UPPER_TO] : [LOWER_FROM, LOWER_TO];
  const body = (t: Mql) =>
    cond(
      { $regexMatch: { input: t, regex: NON_ASCII } },
      {
        $reduce: {
          input: { $regexFindAll: { input: t, regex: PIECES } },
          initialValue: '',
          in: {
            $concat: [
              '$$value',
              cond({ $eq: [{ $arrayElemAt: ['$$this.captures', 0] }, null] }, mapChar('$$this.match', from, into), { [op]: '$$this.match' }),
            ],
          },
        },
      },
      { [op]: t },
    );
  if (asString) return typeof s === 'string' ? body(s) : letIn({ t: s }, body('$$t'));
  // a value of unknown type: the regex operators need a string ($toUpper takes numbers too)
  return letIn({ v: s }, letIn({ t: stringOrEmpty('$$v') }, cond({ $eq: ['$$t', ''] }, { [op]: '$$v' }, body('$$t'))));
}

/** `v` if it is a string, else '' (a guard both branches of which may be evaluated: DocumentDB's $cond) */
const stringOrEmpty = (v: Mql): Mql => cond({ $eq: [{ $type: v }, 'string'] }, v, '');

/** ASCII runs (capture 1) and single other characters */
const NON_ASCII = '[^\\x00-\\x7F]';
const PIECES = '([\\x00-\\x7F]+)|[^\\x00-\\x7F]';

/** one non-ASCII character through a mapping table: its image, or itself */
const mapChar = (c: Mql, from: string, into: string): Mql =>
  // $max: DocumentDB evaluates both branches of $cond, and $substrCP refuses -1
  letIn({ i: { $indexOfCP: [from, c] } }, cond({ $eq: ['$$i', -1] }, c, { $substrCP: [into, { $max: ['$$i', 0] }, 1] }));

/**
 * INITCAP as PostgreSQL computes it: in each run of alphanumeric characters (its
 * [[:alnum:]], non-ASCII letters included) the first is upper-cased and the rest
 * lower-cased; other characters stay. The string is lower-cased once (lowerCase,
 * which keeps every character's position), then each word's first character is
 * replaced by its upper case.
 */
export function lowerInitcap(s: Mql, asString = true): Mql {
  const alnum = classBody('alnum')!;
  const word = (t: Mql) =>
    letIn(
      { low: lowerCase(t, 'lower') },
      {
        $reduce: {
          input: { $regexFindAll: { input: t, regex: `([${alnum}])([${alnum}]*)|[^${alnum}]+` } },
          initialValue: '',
          in: {
            $concat: [
              '$$value',
              letIn(
                { first: { $arrayElemAt: ['$$this.captures', 0] } },
                cond(
                  { $eq: ['$$first', null] },
                  '$$this.match',
                  {
                    $concat: [
                      // $ifNull: DocumentDB evaluates this branch for a non-word piece too
                      mapChar({ $ifNull: ['$$first', ''] }, ASCII_UPPER_FROM + UPPER_FROM, ASCII_UPPER_TO + UPPER_TO),
                      { $substrCP: ['$$low', { $add: ['$$this.idx', 1] }, { $strLenCP: { $ifNull: [{ $arrayElemAt: ['$$this.captures', 1] }, ''] } }] },
                    ],
                  },
                ),
              ),
            ],
          },
        },
      },
    );
  if (asString) return typeof s === 'string' ? word(s) : letIn({ t: s }, word('$$t'));
  return letIn({ v: s }, letIn({ t: stringOrEmpty('$$v') }, cond({ $eq: ['$$t', ''] }, { $toString: '$$v' }, word('$$t'))));
}

const ASCII_UPPER_FROM = 'abcdefghijklmnopqrstuvwxyz';
const ASCII_UPPER_TO = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function lowerReverse(s: Mql): Mql {
  return { $reduce: { input: chars(s), initialValue: '', in: { $concat: ['$$this', '$$value'] } } };
}

export function lowerRepeat(s: Mql, n: Mql): Mql {
  return { $reduce: { input: { $range: [0, { $max: [n, 0] }] }, initialValue: '', in: { $concat: ['$$value', s] } } };
}

/** LPAD/RPAD: pad to `len` with `fill` (default a space), truncating longer strings. */
export function lowerPad([s, len, fill]: Mql[], side: 'left' | 'right'): Mql {
  const f = fill ?? ' ';
  return letIn(
    { s, len, f },
    letIn(
      { need: { $max: [0, { $subtract: ['$$len', { $strLenCP: '$$s' }] }] } },
      cond(
        { $or: [{ $eq: ['$$need', 0] }, { $eq: ['$$f', ''] }] },
        { $substrCP: ['$$s', 0, { $max: ['$$len', 0] }] },
        letIn(
          {
            pad: {
              $substrCP: [
                { $reduce: { input: { $range: [0, { $ceil: { $divide: ['$$need', { $strLenCP: '$$f' }] } }] }, initialValue: '', in: { $concat: ['$$value', '$$f'] } } },
                0,
                '$$need',
              ],
            },
          },
          side === 'left' ? { $concat: ['$$pad', '$$s'] } : { $concat: ['$$s', '$$pad'] },
        ),
      ),
    ),
  );
}

/**
 * REGEXP_REPLACE(s, pattern, replacement [, flags]): MongoDB has no regex replace,
 * so the matches ($regexFind, or $regexFindAll with 'g') are stitched back together
 * with the replacement, whose `\N` and `\&` refer to captures and the whole match.
 */
export function lowerRegexpReplace([s]: Mql[], f: FuncExpr): Mql {
  const [, patternArg, replArg, flagsArg] = f.args;
  const constant = (a: typeof patternArg | undefined, what: string) => {
    if (!a) return '';
    if (a.kind !== 'literal' || typeof a.value !== 'string') throw unsupported('lower', `regexp_replace with a non-constant ${what}`, a.span);
    return a.value;
  };
  const { regex: pattern, caseInsensitive } = pgRegexToMongo(constant(patternArg, 'pattern'), patternArg?.span);
  const repl = constant(replArg, 'replacement');
  const flags = constant(flagsArg, 'flags');
  if (/[^gic]/.test(flags)) throw unsupported('lower', `regexp_replace flag(s) "${flags.replace(/[gic]/g, '')}"`, flagsArg?.span);
  const options = (caseSensitivity(flags, caseInsensitive) ? 'i' : '') + 's';

  const replacement: Mql[] = [];
  let text = '';
  for (let i = 0; i < repl.length; i++) {
    if (repl[i] === '\\' && i + 1 < repl.length) {
      const n = repl[i + 1];
      if (/[1-9]/.test(n) || n === '&') {
        if (text) replacement.push(literal(text));
        text = '';
        replacement.push(n === '&' ? '$$m.match' : { $ifNull: [{ $arrayElemAt: ['$$m.captures', Number(n) - 1] }, ''] });
      } else text += n;
      i++;
    } else text += repl[i];
  }
  if (text) replacement.push(literal(text));

  const matches = flags.includes('g')
    ? { $regexFindAll: { input: '$$s', regex: pattern, options } }
    : { $let: { vars: { one: { $regexFind: { input: '$$s', regex: pattern, options } } }, in: cond({ $eq: ['$$one', null] }, [], ['$$one']) } };
  // '' for NULL: the caller's NULL guard picks null then, but DocumentDB evaluates this branch too and $strLenCP refuses null
  return letIn(
    { s: { $ifNull: [s, ''] } },
    letIn(
      {
        r: {
          $reduce: {
            input: matches,
            initialValue: { out: '', pos: 0 },
            in: letIn(
              { m: '$$this' },
              {
                out: { $concat: ['$$value.out', { $substrCP: ['$$s', '$$value.pos', { $subtract: ['$$m.idx', '$$value.pos'] }] }, ...replacement] },
                pos: { $add: ['$$m.idx', { $strLenCP: '$$m.match' }] },
              },
            ),
          },
        },
      },
      { $concat: ['$$r.out', { $substrCP: ['$$s', '$$r.pos', { $strLenCP: '$$s' }] }] },
    ),
  );
}

/**
 * OVERLAY(s PLACING t FROM n [FOR m]): the text before position n, then t, then the
 * text from position n + m on (m defaults to t's length; a negative m repeats text).
 * A start below 1 is PostgreSQL's `negative substring length not allowed`.
 */
export function lowerOverlay([s, t, n, m]: Mql[], f: FuncExpr): Mql {
  const start = f.args[2];
  if (start.kind === 'literal' && typeof start.value === 'number' && start.value < 1) {
    throw new SqlEtlError('substring-error', 'lower', 'negative substring length not allowed', { span: start.span ?? f.span });
  }
  const bad = { $lt: ['$$n', 1] };
  return letIn(
    { s, t, n },
    letIn(
      { m: m ?? { $strLenCP: '$$t' } },
      raiseIf(
        {
          $concat: [
            { $substrCP: ['$$s', 0, { $max: [{ $subtract: ['$$n', 1] }, 0] }] },
            '$$t',
            { $substrCP: ['$$s', { $max: [{ $add: ['$$n', '$$m', -1] }, 0] }, { $strLenCP: '$$s' }] },
          ],
        },
        bad,
        'substring-error',
        ['negative substring length not allowed'],
        start.span ?? f.span,
      ),
    ),
  );
}
