import type { SourceSpan } from '../errors.js';
import type { Document } from './commands.js';
import { cond, type Mql } from './mql.js';

/**
 * PostgreSQL's run-time errors (`division by zero`, `invalid input syntax for type
 * integer: "N/A"`, `date/time field value out of range`) raised from inside a
 * pipeline. MongoDB has no operator that raises an error, but a string that is not
 * a number makes `$toInt` fail on every engine (MongoDB, DocumentDB, mingo), and each
 * engine's message quotes the string. So the string carries the error: a marker with
 * the error code and the SQL position, and PostgreSQL's message. The runner finds it
 * in the engine's message (`raisedError`) and reports PostgreSQL's words at the
 * expression that failed.
 *
 * The shape matters: DocumentDB evaluates both branches of a `$cond`, so a failing
 * `$toInt` may never sit in a branch that is not taken. Here the failure is data
 * driven instead: `$toInt` always runs, on "0" when all is well and on the message
 * when the condition holds, inside the condition of the `$cond` that yields the value.
 */
const OPEN = '<<sqletl:';
const CLOSE = '<</sqletl>>';

/** PostgreSQL's condition names (SQLSTATE class 22), kebab-cased */
export type RaisedCode =
  | 'division-by-zero'
  | 'invalid-text-representation'
  | 'datetime-field-overflow'
  | 'invalid-datetime-format'
  | 'numeric-value-out-of-range'
  | 'invalid-argument-for-logarithm'
  | 'invalid-argument-for-power-function'
  | 'invalid-parameter-value';

/**
 * `value`, or the error `message` (text pieces: strings or string expressions) when
 * `when` is true. `value` itself must not fail when `when` holds: engines may
 * evaluate it anyway (use a safe operand, e.g. a divisor of 1).
 */
export function raiseIf(value: Mql, when: Mql, code: RaisedCode, message: Mql[], span?: SourceSpan): Document {
  const at = span ? `@${span.start}-${span.end}` : '';
  // a NULL piece would make the whole text NULL, and $toInt of NULL does not fail
  const pieces = message.map((p) => (typeof p === 'string' ? p : { $ifNull: [p, 'NULL'] }));
  const text = { $concat: [`${OPEN}${code}${at}>>`, ...pieces, CLOSE] };
  return cond({ $eq: [{ $toInt: cond(when, text, '0') }, 0] }, value, null);
}

/** The error a pipeline raised, found in an engine's message (which quotes the failed string). */
export function raisedError(engineMessage: string): { code: RaisedCode; message: string; span?: SourceSpan } | undefined {
  const start = engineMessage.indexOf(OPEN);
  const end = engineMessage.lastIndexOf(CLOSE);
  if (start < 0 || end < start) return undefined;
  const body = engineMessage.slice(start + OPEN.length, end);
  const m = /^([a-z-]+)(?:@(\d+)-(\d+))?>>/.exec(body);
  if (!m) return undefined;
  return {
    code: m[1] as RaisedCode,
    message: body.slice(m[0].length),
    ...(m[2] !== undefined ? { span: { start: Number(m[2]), end: Number(m[3]) } } : {}),
  };
}
