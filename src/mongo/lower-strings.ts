import { SqlEtlError, unsupported } from '../errors.js';
import type { FuncExpr } from '../ir/expr.js';
import { cond, letIn, literal, type Mql } from './mql.js';
import { pgRegexToMongo } from './regex-pattern.js';

/**
 * String functions that have no single MongoDB operator. All count characters
 * (code points), never bytes, and are 1-based as in SQL.
 */

/** SUBSTRING(s, start [, count]): a start below 1 eats into the count, as PostgreSQL does. */
export function lowerSubstring([s, start, count]: Mql[], f: FuncExpr): Mql {
  const a = f.args[1];
  const b = f.args[2];
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

const chars = (s: Mql): Mql => ({ $map: { input: { $range: [0, { $strLenCP: s }] }, in: { $substrCP: [s, '$$this', 1] } } });

/** INITCAP: upper-case the first letter of each alphanumeric run, lower-case the rest. */
export function lowerInitcap(s: Mql): Mql {
  return {
    $getField: {
      field: 'out',
      input: {
        $reduce: {
          input: chars(s),
          initialValue: { out: '', word: false },
          in: letIn(
            { alnum: { $regexMatch: { input: '$$this', regex: '^[A-Za-z0-9\\u00C0-\\uFFFF]$' } } },
            {
              out: { $concat: ['$$value.out', cond('$$value.word', { $toLower: '$$this' }, { $toUpper: '$$this' })] },
              word: '$$alnum',
            },
          ),
        },
      },
    },
  };
}

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
    if (a.kind !== 'literal' || typeof a.value !== 'string') throw unsupported(`regexp_replace with a non-constant ${what}`, a.span);
    return a.value;
  };
  const pattern = pgRegexToMongo(constant(patternArg, 'pattern'));
  const repl = constant(replArg, 'replacement');
  const flags = constant(flagsArg, 'flags');
  if (/[^gi]/.test(flags)) throw unsupported(`regexp_replace flag(s) "${flags.replace(/[gi]/g, '')}"`, flagsArg?.span);
  const options = (flags.includes('i') ? 'i' : '') + 's';

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
  return letIn(
    { s },
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
