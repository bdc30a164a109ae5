import { MAX_EXACT_INTEGER } from '../ir/types.js';
import type { SourceSpan } from '../errors.js';
import { float32Parts } from './float32.js';
import { INFINITY_TEXT, MINUS_INFINITY_TEXT, NAN_TEXT } from './lower-cast.js';
import { cond, isNull, letIn, notNull, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/** `x` equals one of `words` (an `$or` of `$eq`s: see `isNumber` below). */
const oneOf = (x: Mql, words: string[]): Mql => ({ $or: words.map((w) => ({ $eq: [x, w] })) });

/**
 * A real column of a table declared in --schema, read as PostgreSQL would hold it. sqletl
 * did not write those documents, so a field holds whatever the data has: 324.78 as a
 * double, where PostgreSQL's float4in would have stored the single 324.779998779296875.
 * The value read is that single:
 *
 * - a number (int, long, double, decimal) is rounded to the nearest single, half to even
 *   (float32.ts). float4in rounds the decimal digits it reads straight to a single; the
 *   double of those digits rounds to the same single unless it lies exactly halfway
 *   between two singles (a halfway point is itself a double, so no other double lies
 *   between the digits and their double). Such a tie is refused at run time unless it is
 *   an integer below 2^53, exact as a double, hence its own digits.
 * - text (a CSV cell, a quoted JSON value) is read as float4in reads it: blanks around,
 *   PostgreSQL's spellings of the infinities; text that is not a number is refused with
 *   PostgreSQL's message for it.
 * - a finite value past the largest single, or a non-zero one that rounds to 0, is one
 *   PostgreSQL could not have stored (float4in's "out of range"): a run-time error naming
 *   the column. ±Infinity and ±0 are themselves; NaN (not supported for real) is refused.
 * - NULL and a missing field are NULL; any other value (a boolean, a date, a document, an
 *   array) is not a value of the column's type and is refused at run time.
 *
 * DocumentDB evaluates both branches of a `$cond`: each operand that needs a type gets a
 * harmless one when its branch does not apply. It also answered a mix of text and numbers
 * wrongly while this held `$in` over constant lists or a string marker for bad values: the
 * value is a double or NULL, and `invalid` is decided from the stored value beside it.
 */
export function storedReal(v: Mql, column: string, span?: SourceSpan): Mql {
  const holds = `real column "${column}" holds `;
  const isText = { $eq: [{ $type: '$$sr' }, 'string'] };
  // (no `$in` over constant lists here: DocumentDB answers it wrongly for a text value after a number)
  const isNumber = { $or: [{ $isNumber: '$$sr' }, { $eq: [{ $type: '$$sr' }, 'decimal'] }] };
  const text = cond(isText, '$$sr', '');
  const word = { $toLower: { $trim: { input: text } } };
  // text as float4in reads it: PostgreSQL's spellings of the infinities and NaN, blanks around;
  // NULL for text that is not a number (the embedded engine's `$convert` reads "" as 0)
  const fromText = {
    $switch: {
      branches: [
        { case: oneOf(word, INFINITY_TEXT), then: Infinity },
        { case: oneOf(word, MINUS_INFINITY_TEXT), then: -Infinity },
        { case: oneOf(word, NAN_TEXT), then: NaN },
        { case: { $eq: [word, ''] }, then: null },
      ],
      default: { $convert: { input: { $trim: { input: text } }, to: 'double', onError: null, onNull: null } },
    },
  };
  // the value as a double, or NULL (for NULL, and for a value that is not a number: `invalid`)
  const double = cond(isNumber, { $toDouble: cond(isNumber, '$$sr', 0) }, cond(isText, fromText, null));
  const invalid = { $and: [notNull('$$sr'), isNull('$$sd')] };
  const rounded = float32Parts('$$sd', (r, tie, x) => {
    const outOfRange = { $or: [{ $and: [{ $eq: [{ $abs: r }, Infinity] }, { $ne: [{ $abs: x }, Infinity] }] }, { $and: [{ $eq: [r, 0] }, { $ne: [x, 0] }] }] };
    const inexactTie = { $and: [tie, { $or: [{ $ne: [x, { $trunc: [x, 0] }] }, { $gt: [{ $abs: x }, MAX_EXACT_INTEGER] }] }] };
    // MongoDB's equality holds NaN equal to itself
    const nan = { $eq: [x, NaN] };
    const shown = cond(isText, { $concat: ['"', text, '"'] }, { $toString: x });
    return raiseIf(
      raiseIf(
        raiseIf(r, invalid, 'invalid-text-representation', [holds, cond(isText, shown, { $concat: ['a value of type ', { $type: '$$sr' }] }), ', which is not a number (invalid input syntax for type real)'], span),
        outOfRange,
        'numeric-value-out-of-range',
        [holds, shown, ', which is out of range for type real (PostgreSQL could not have stored it)'],
        span,
      ),
      { $or: [nan, inexactTie] },
      'feature-not-supported',
      [holds, cond(nan, 'NaN, which sqletl does not support for real yet', { $concat: [shown, ', halfway between two singles: which one PostgreSQL holds depends on the digits it was read from (not supported yet)'] })],
      span,
    );
  });
  return letIn({ sr: v }, letIn({ sd: double }, rounded));
}
