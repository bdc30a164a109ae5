import { RAISE_CLOSE, RAISE_OPEN, type ErrorCode, type SourceSpan } from '../errors.js';
import type { MqlDocument } from '../commands/mql-types.js';
import { cond, type Mql } from './mql.js';

/**
 * PostgreSQL's run-time errors (`division by zero`, `invalid input syntax for type
 * integer: "N/A"`, `date/time field value out of range`) raised from inside a
 * pipeline. MongoDB has no operator that raises an error, but a string that is not
 * a number makes `$toInt` fail on every engine (MongoDB, DocumentDB, mingo), and each
 * engine's message quotes the string. So the string carries the error: a marker with
 * the error code and the SQL position, and PostgreSQL's message. The runner finds it
 * in the engine's message (`raisedError` in errors.ts) and reports PostgreSQL's words
 * at the expression that failed.
 *
 * The shape matters: DocumentDB evaluates both branches of a `$cond`, so a failing
 * `$toInt` may never sit in a branch that is not taken. Here the failure is data
 * driven instead: `$toInt` always runs, on "0" when all is well and on the message
 * when the condition holds, inside the condition of the `$cond` that yields the value.
 */
/** PostgreSQL's condition names (SQLSTATE class 22), kebab-cased: error codes (a name not in ERROR_CODES drops out, so its callers fail to compile) */
export type RaisedCode = Extract<
  ErrorCode,
  | 'division-by-zero'
  | 'invalid-text-representation'
  | 'datetime-field-overflow'
  | 'invalid-datetime-format'
  | 'numeric-value-out-of-range'
  | 'invalid-argument-for-logarithm'
  | 'invalid-argument-for-power-function'
  | 'invalid-parameter-value'
  | 'feature-not-supported'
  | 'cardinality-violation'
>;

/**
 * `value`, or the error `message` (text pieces: strings or string expressions) when
 * `when` is true. `value` itself must not fail when `when` holds: engines may
 * evaluate it anyway (use a safe operand, e.g. a divisor of 1).
 */
export function raiseIf(value: Mql, when: Mql, code: RaisedCode, message: Mql[], span?: SourceSpan): MqlDocument {
  const at = span ? `@${span.start}-${span.end}` : '';
  // a NULL piece would make the whole text NULL, and $toInt of NULL does not fail
  const pieces = message.map((p) => (typeof p === 'string' ? p : { $ifNull: [p, 'NULL'] }));
  const text = { $concat: [`${RAISE_OPEN}${code}${at}>>`, ...pieces, RAISE_CLOSE] };
  // the input always reads the document (an empty piece of $$CURRENT's type): MongoDB folds
  // an expression of constants while optimizing, and would raise before any row is read
  const input = { $concat: [cond(when, text, '0'), { $substrCP: [{ $type: '$$CURRENT' }, 0, 0] }] };
  return cond({ $eq: [{ $toInt: input }, 0] }, value, null);
}
