import { SqlEtlError, unsupported } from '../errors.js';
import type { FuncExpr } from '../ir/expr.js';
import { cond, isNull, letIn, type Mql } from './mql.js';
import { pgRegexToMongo } from './regex-pattern.js';

/**
 * SUBSTRING(s SIMILAR pattern ESCAPE e) and SUBSTRING(s FROM pattern FOR e): the
 * binder (src/sql/similar-pattern.ts) gives the pattern as PostgreSQL's regular
 * expression `^(?:p1){1,1}?(p2){1,1}(?:p3)$` and its parts p1…p3 (between the
 * escape-double-quote separators). PostgreSQL returns the text p2 matched, where p1
 * takes the shortest prefix that lets the rest match and p2 then the longest text
 * that lets p3 match what is left (its regex engine's preferences for `{1,1}?` and
 * `{1,1}`); without separators, the whole string when it matches; NULL without a match.
 *
 * A backtracking engine (PCRE, JavaScript) does not choose as PostgreSQL does, so
 * the split points are searched for explicitly, each candidate checked with anchored
 * whole-string matches, whose answer does not depend on preferences:
 *   k = the least k with s[0, k) ∈ p1 and s[k, n) ∈ p2 p3,
 *   m = the greatest m with s[k, k + m) ∈ p2 and s[k + m, n) ∈ p3,
 * about 2n matches per row. Parts that do not stand alone (parentheses across a
 * separator), back references and anchors or word boundaries inside a part (their
 * meaning depends on the text around) are refused at the pattern.
 */
export function lowerSubstringSimilar(s: Mql, f: FuncExpr): Mql {
  const [, full, ...parts] = f.args;
  const span = full.span ?? f.span;
  const text = (e: (typeof f.args)[number]): string => {
    if (e.kind !== 'literal' || typeof e.value !== 'string') throw new SqlEtlError('internal', 'lower', 'SUBSTRING … SIMILAR without its translated pattern', { span: f.span });
    return e.value;
  };
  // PostgreSQL's own errors for the pattern as a whole come first
  const whole = pgRegexToMongo(text(full), span);
  if (whole.backReference) throw unsupported('lower', 'a back reference in a SUBSTRING … SIMILAR pattern', span);
  const anchored = (regex: string): { regex: string; options: string } => ({ regex: `^(?:${regex})(?![\\s\\S])`, options: 's' });
  if (parts.length === 1) {
    // the translation is anchored at both ends already
    return letIn({ ss: s }, cond({ $regexMatch: { input: '$$ss', regex: whole.regex, options: 's' } }, '$$ss', null));
  }
  const part = (p: string): string => {
    if (/\\[AZmMyY]|\[\[:[<>]:\]\]/.test(p)) throw unsupported('lower', 'an anchor or word boundary inside a part of a SUBSTRING … SIMILAR pattern', span);
    let r;
    try {
      r = pgRegexToMongo(p, span);
    } catch {
      throw unsupported('lower', 'parentheses across the escape-double-quote separators of a SUBSTRING … SIMILAR pattern', span);
    }
    if (r.backReference || r.caseInsensitive !== undefined) throw unsupported('lower', 'a part of a SUBSTRING … SIMILAR pattern that is not a plain regular expression', span);
    return r.regex;
  };
  const [p1, p2, p3] = parts.map((p) => part(text(p)));
  const matches = (input: Mql, regex: string): Mql => ({ $regexMatch: { input, ...anchored(regex) } });
  const sub = (from: Mql, length: Mql): Mql => ({ $substrCP: ['$$ss', from, length] });
  const rest = (from: Mql): Mql => sub(from, { $subtract: ['$$sn', from] });
  const afterP1 = p3 === undefined ? p2 : `(?:${p2})(?:${p3})`;
  const firstSplit = {
    $filter: {
      input: { $range: [0, { $add: ['$$sn', 1] }] },
      as: 'sk',
      cond: { $and: [matches(sub(0, '$$sk'), p1), matches(rest('$$sk'), afterP1)] },
    },
  };
  const found = (k: Mql): Mql => {
    if (p3 === undefined) return rest(k);
    const lastSplit = {
      $filter: {
        input: { $range: [0, { $add: [{ $subtract: ['$$sn', k] }, 1] }] },
        as: 'sm',
        cond: { $and: [matches(sub(k, '$$sm'), p2), matches(rest({ $add: [k, '$$sm'] }), p3)] },
      },
    };
    // (never empty after a first split; 0 keeps the branch not taken free of errors)
    return sub(k, { $arrayElemAt: [{ $concatArrays: [[0], lastSplit] }, -1] });
  };
  // NULL in, NULL out: MongoDB's $strLenCP is an error on null, and $let binds its variables
  // eagerly. The branches not taken are also kept free of errors (a null length, an empty
  // split list read as the end of the text): MongoDB evaluates only the branch $cond takes,
  // but other engines of its API fold constants or evaluate both (DocumentDB: README).
  return letIn(
    { ss: s },
    cond(
      isNull('$$ss'),
      null,
      letIn(
        { sn: { $strLenCP: { $ifNull: ['$$ss', ''] } } },
        letIn({ sks: firstSplit }, cond({ $eq: [{ $size: '$$sks' }, 0] }, null, letIn({ sk1: { $arrayElemAt: [{ $concatArrays: ['$$sks', ['$$sn']] }, 0] } }, found('$$sk1')))),
      ),
    ),
  );
}
