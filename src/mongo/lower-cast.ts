import { unsupported, type SourceSpan } from '../errors.js';
import type { SqlType } from '../ir/types.js';
import { roundHalfAway } from './rounding.js';
import { cond, isNull, letIn, shared, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * CAST / `::` for non-constant values (constants are folded by the binder).
 * PostgreSQL rounds to integer half away from zero (`2.5::int` is 3) where
 * `$toInt` truncates; text to boolean accepts PostgreSQL's spellings where
 * `$toBool` would call every string true.
 */
/** `tz`: the source is a timestamp with time zone (PostgreSQL prints the `+00` offset). */
/** PostgreSQL's boolean input: these words and their unambiguous prefixes, any case, blanks trimmed */
const TRUE_TEXT = ['t', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on', '1'];
const FALSE_TEXT = ['f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0'];

export function castTo(v: Mql, from: SqlType, to: SqlType, span?: SourceSpan, tz = true): Mql {
  if (from === to && to !== 'unknown') return v;
  switch (to) {
    case 'int':
      if (from === 'text') return { $toLong: v };
      if (from === 'bool') return shared([v], ([x]) => cond(isNull(x), null, cond(x, 1, 0)));
      // float8 → int rounds half to even (rint), numeric → int half away from zero
      if (from === 'float') return { $toLong: { $round: [v, 0] } };
      return { $toLong: roundHalfAway(from === 'unknown' ? { $toDouble: v } : v, 0) };
    case 'numeric':
    case 'float':
      return from === 'int' ? v : { $toDouble: v };
    case 'text':
      if (from === 'date') return { $dateToString: { date: v, format: '%Y-%m-%d' } };
      if (from === 'timestamp') return { $dateToString: { date: v, format: tz ? '%Y-%m-%d %H:%M:%S+00' : '%Y-%m-%d %H:%M:%S' } };
      return { $toString: v };
    case 'bool':
      if (from === 'int' || from === 'numeric' || from === 'float') return shared([v], ([x]) => cond(isNull(x), null, { $ne: [x, 0] }));
      if (from === 'bool') return v;
      // MongoDB's $toBool calls every string true: PostgreSQL's spellings, else its error
      return letIn(
        { v, s: { $toLower: { $trim: { input: { $toString: v }, chars: ' ' } } } },
        raiseIf(
          cond(isNull('$$v'), null, { $in: ['$$s', TRUE_TEXT] }),
          { $and: [{ $ne: [{ $ifNull: ['$$v', null] }, null] }, { $not: [{ $in: ['$$s', [...TRUE_TEXT, ...FALSE_TEXT]] }] }] },
          'invalid-text-representation',
          ['invalid input syntax for type boolean: "', { $toString: '$$v' }, '"'],
          span,
        ),
      );
    case 'date':
      if (from === 'timestamp' || from === 'date') return { $dateTrunc: { date: v, unit: 'day' } };
      return { $dateTrunc: { date: { $toDate: v }, unit: 'day' } };
    case 'timestamp':
      if (from === 'date') return v;
      return { $toDate: v };
    case 'json':
      return v;
    default:
      throw unsupported(`CAST to ${to}`, span);
  }
}
