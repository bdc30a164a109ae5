import type { SourceSpan } from '../errors.js';
import { EXACT_INTEGER_LIMIT, intRangeOf, MAX_EXACT_INTEGER, type SqlType } from '../ir/types.js';
import { cond, letIn, type Mql } from './mql.js';
import { raiseIf } from './raise.js';
import { FALSE_TEXT, impossibleDate, INFINITY_TEXT, MINUS_INFINITY_TEXT, NAN_TEXT, TRUE_TEXT } from './lower-cast.js';

/**
 * `try_cast(text AS type)`: the value PostgreSQL's input function reads from the
 * text, or NULL where it would fail (as `CASE WHEN pg_input_is_valid(t, 'type') THEN
 * t::type END`). Where sqletl cannot tell what PostgreSQL would read, it fails rather
 * than give a NULL PostgreSQL would not: integers past 2^53 − 1, PostgreSQL 16's
 * `0x…`/`0o…`/`0b…`/`1_000` integers, dates that are not ISO
 * (`YYYY-MM-DD[ HH:MM[:SS[.fff]]]`) but hold digits, and the special words
 * ('today', 'infinity', …). Text without a digit ('N/A', '') is simply not a date.
 *
 * Every branch reads a value that cannot fail: DocumentDB evaluates both branches of
 * a `$cond`.
 */

export function tryCastTo(v: Mql, typeName: string, to: SqlType, span?: SourceSpan): Mql {
  const text = { $cond: [{ $eq: [{ $type: '$$raw' }, 'string'] }, '$$raw', { $toString: '$$raw' }] };
  const body = (() => {
    switch (to) {
      case 'int':
        return tryInteger(typeName, span);
      case 'numeric':
      case 'float':
        return tryNumber(typeName, span);
      case 'date':
      case 'timestamp':
        return tryDate(to, typeName, span);
      case 'bool':
        return cond({ $in: ['$$w', TRUE_TEXT] }, true, cond({ $in: ['$$w', FALSE_TEXT] }, false, null));
      default:
        return '$$s';
    }
  })();
  // $$s: the text; $$w: trimmed, lower case (PostgreSQL's input functions skip surrounding blanks)
  return letIn({ raw: v }, cond({ $eq: [{ $ifNull: ['$$raw', null] }, null] }, null, letIn({ s: text }, letIn({ w: { $toLower: { $trim: { input: '$$s' } } } }, body))));
}

/**
 * The text to convert: the value as stored (`$$s`) when the computed text is the same.
 * DocumentDB's `$convert` of a string computed in the pipeline (`$trim`, `$toLower`,
 * `$concat`) reads past its end (measured: `'1e3'` from `$toLower` fails to convert,
 * `'3000000000'` did in one run and not in another), so a stored string is what it reads
 * reliably; the same text on MongoDB and the embedded engine.
 */
const asStored = (text: Mql): Mql => cond({ $eq: ['$$s', text] }, '$$s', text);

const refuse = (when: Mql, what: Mql[], span?: SourceSpan) => (value: Mql) => raiseIf(value, when, 'feature-not-supported', what, span);

function tryInteger(typeName: string, span?: SourceSpan): Mql {
  const range = intRangeOf(typeName);
  const digits = { $regexMatch: { input: '$$w', regex: '^[+-]?[0-9]+(?![\\s\\S])' } };
  const otherBase = { $regexMatch: { input: '$$w', regex: '^[+-]?(0[xob][0-9a-f_]+|[0-9]+(_[0-9]+)+)(?![\\s\\S])' } };
  // sign and digits without leading zeros ('+0012' is 12): the text every engine's $convert reads alike
  const parts = { $regexFind: { input: cond(digits, '$$w', '0'), regex: '^([+-]?)0*([0-9]+)' } };
  const plain = letIn({ p: parts }, { $concat: [cond({ $eq: [{ $arrayElemAt: ['$$p.captures', 0] }, '-'] }, '-', ''), { $arrayElemAt: ['$$p.captures', 1] }] });
  const asDouble = { $convert: { input: letIn({ plain }, asStored('$$plain')), to: 'double', onError: 0, onNull: 0 } };
  const inexact = { $and: [digits, { $gt: [{ $abs: asDouble }, Math.min(range.max, MAX_EXACT_INTEGER)] }, { $lte: [{ $abs: asDouble }, range.max] }, { $gt: [range.max, MAX_EXACT_INTEGER] }] };
  const outside = { $or: [{ $gt: [asDouble, range.max] }, { $lt: [asDouble, range.min] }] };
  // within 2^53 − 1 here, so the double is the integer exactly
  const value = cond({ $and: [digits, { $not: [outside] }, { $not: [inexact] }] }, { $toLong: asDouble }, null);
  const withBases = refuse(otherBase, ['try_cast of the integer text "', '$$s', '" (PostgreSQL 16 reads 0x/0o/0b and _ separators) is not supported yet'], span);
  const withExact = refuse(inexact, ['try_cast of "', '$$s', `": an integer beyond ${EXACT_INTEGER_LIMIT} is not supported yet`], span);
  return withBases(withExact(value));
}

function tryNumber(typeName: string, span?: SourceSpan): Mql {
  const decimal = { $regexMatch: { input: '$$w', regex: '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)(e[+-]?[0-9]+)?(?![\\s\\S])' } };
  // a decimal the engine cannot convert reads as null (the input never is): past a double's
  // largest value (the embedded engine), or a subnormal or underflow (MongoDB: "Value exceeds
  // allowed range"). A failed one of at least 1 without a negative exponent is past the largest
  const parsed = { $convert: { input: cond(decimal, asStored('$$w'), '0'), to: 'double', onError: null, onNull: 0 } };
  const failed = { $and: [decimal, { $eq: [parsed, null] }] };
  const large = { $regexMatch: { input: '$$w', regex: '^[+-]?0*[1-9][0-9]*([.][0-9]*)?(e[+]?[0-9]+)?(?![\\s\\S])' } };
  // beyond a double: past its largest value, or so small that it is 0 while its digits are not
  // (PostgreSQL's float8in: "out of range"; subnormals are read). float8 cannot read it (NULL),
  // numeric could (refused: sqletl's numeric is a double)
  const underflow = { $and: [{ $eq: [parsed, 0] }, { $regexMatch: { input: '$$w', regex: '^[^e]*[1-9]' } }] };
  // a failed one below 10^-325 by its text (I integer digits, exponent −N: below 10^(I − N)) is certainly an underflow
  // (every branch reads a harmless value: DocumentDB evaluates both branches of a $cond, and gives null for an empty capture)
  const tiny = letIn(
    { m: { $regexFind: { input: cond(decimal, '$$w', '0'), regex: '^[+-]?0*([0-9]*)[.]?[0-9]*e-([0-9]+)(?![\\s\\S])' } } },
    cond({ $eq: ['$$m', null] }, false, { $lte: [{ $subtract: [{ $strLenCP: { $ifNull: [{ $arrayElemAt: ['$$m.captures', 0] }, ''] } }, { $toDouble: { $ifNull: [{ $arrayElemAt: ['$$m.captures', 1] }, '0'] } }] }, -325] }),
  );
  const beyond = { $and: [decimal, { $or: [{ $eq: [{ $abs: parsed }, Infinity] }, { $and: [failed, { $or: [large, tiny] }] }, underflow] }] };
  // any other failure (a subnormal on MongoDB, which PostgreSQL reads) cannot be told from an underflow: refused
  const unknown = { $and: [failed, { $not: [large] }, { $not: [tiny] }] };
  const value = {
    $switch: {
      branches: [
        { case: { $in: ['$$w', INFINITY_TEXT] }, then: Infinity },
        { case: { $in: ['$$w', MINUS_INFINITY_TEXT] }, then: -Infinity },
        // NaN: float8 reads it signed too, numeric unsigned only (its input function)
        { case: { $in: ['$$w', typeWordOf(typeName) === 'numeric' ? ['nan'] : NAN_TEXT] }, then: NaN },
        { case: { $and: [decimal, { $not: [beyond] }, { $not: [failed] }] }, then: parsed },
      ],
      default: null,
    },
  };
  const readable = refuse(unknown, ['try_cast of "', '$$s', '": a number this engine cannot convert to a double (a subnormal?) is not supported yet'], span);
  return typeWordOf(typeName) === 'numeric' ? refuse(beyond, ['try_cast of "', '$$s', '": a numeric beyond a double is not supported yet'], span)(readable(value)) : readable(value);
}

const typeWordOf = (typeName: string): 'numeric' | 'float8' => (typeName === 'numeric' || typeName === 'decimal' ? 'numeric' : 'float8');

function tryDate(to: SqlType, typeName: string, span?: SourceSpan): Mql {
  const iso = { $regexMatch: { input: '$$w', regex: '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ t][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?(?![\\s\\S])' } };
  const hasDigit = { $regexMatch: { input: '$$w', regex: '[0-9]' } };
  const special = { $in: ['$$w', ['epoch', 'now', 'today', 'tomorrow', 'yesterday', 'infinity', '+infinity', '-infinity', 'allballs']] };
  const bad = letIn({ day: impossibleDate(cond(iso, '$$w', '2000-01-01')) }, '$$day');
  const value = cond({ $and: [iso, { $not: [bad] }] }, isoDateFromParts(to), null);
  const unreadable = { $or: [special, { $and: [hasDigit, { $not: [iso] }] }] };
  return refuse(unreadable, ['try_cast of "', '$$s', `" to ${typeName}: only ISO dates (YYYY-MM-DD[ HH:MM:SS]) are read, other text PostgreSQL may read is not supported yet`], span)(value);
}

/**
 * The date or timestamp of `$$w` (a real calendar day in ISO form, checked before), built
 * with `$dateFromParts` from its digits rather than by a server's date-string parser:
 * PostgreSQL reads `10:30:60` (the next minute) and `24:00:00` (the next day; a date
 * keeps its day), rejects hour 25 or minute 60, and rounds a fraction to microseconds;
 * MongoDB's parser rejects the first two, and DocumentDB's `$convert`/`$dateFromString`
 * read past the end of a computed string (measured: "2024-01-05 10:30:00" gave NULL or
 * "unrecognized time zone identifier" with garbage). `$dateFromParts` carries a second
 * 60, an hour 24 and a millisecond 1000 into the next unit, as PostgreSQL does. The
 * value holds milliseconds, as every sqletl timestamp (sub-millisecond digits dropped).
 */
function isoDateFromParts(to: SqlType): Mql {
  const regex = '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ t]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})([.][0-9]+)?)?)?';
  // an absent group (or no match: DocumentDB computes $dateFromParts even where the
  // $cond around it does not take it) reads as 0, a year as 1 at least: $dateFromParts
  // fails outside years 1–9999 and carries every other part
  const part = (i: number) => ({ $toInt: { $ifNull: [{ $arrayElemAt: [{ $ifNull: ['$$m.captures', []] }, i] }, '0'] } });
  const micros = { $round: [{ $multiply: [{ $toDouble: { $concat: ['0', { $ifNull: [{ $arrayElemAt: [{ $ifNull: ['$$m.captures', []] }, 6] }, ''] }] } }, 1e6] }, 0] };
  const day = { year: '$$y', month: '$$mo', day: '$$d' };
  const time = { hour: '$$h', minute: '$$mi', second: '$$sec', millisecond: { $floor: { $divide: ['$$us', 1000] } } };
  const timeValid = {
    $and: [
      { $lte: ['$$mi', 59] },
      { $lte: ['$$sec', 60] },
      { $or: [{ $lte: ['$$h', 23] }, { $and: [{ $eq: ['$$h', 24] }, { $eq: ['$$mi', 0] }, { $eq: ['$$sec', 0] }, { $eq: ['$$us', 0] }] }] },
    ],
  };
  return letIn(
    { m: { $regexFind: { input: '$$w', regex } } },
    letIn(
      { y: { $max: [1, part(0)] }, mo: part(1), d: part(2), h: part(3), mi: part(4), sec: part(5), us: micros },
      cond(timeValid, { $dateFromParts: to === 'date' ? day : { ...day, ...time } }, null),
    ),
  );
}
