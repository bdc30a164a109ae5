import { SqlEtlError, type SourceSpan } from '../errors.js';
import { lit, type Expr } from '../ir/expr.js';
import { parseLiteral } from './literals.js';
import type { SqlType } from '../ir/types.js';
import { scaleOf } from '../ir/numeric-scale.js';
import { SCALAR_FUNCTIONS, type SetReturningFunction } from '../catalog/functions.js';
import { seriesArray, seriesScale } from './bind-series.js';
import { pgTypeName } from './bind-expr.js';

/**
 * The array whose elements are a set-returning function's rows (in FROM or a select
 * list): built by the catalogue's scalar of the same arguments (generate_series:
 * seriesArray, by its arguments' types; regexp_split_to_table, regexp_matches), else
 * the one argument itself (unnest, jsonb_array_elements…).
 */
export function setReturningArray(name: string, srf: SetReturningFunction, args: Expr[], span?: SourceSpan): Expr {
  if (srf.array === 'generate_series') return seriesArray(args, span);
  if (srf.array) {
    const sig = SCALAR_FUNCTIONS[srf.array];
    if (args.length < sig.min || args.length > sig.max) {
      throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes ${sig.min} to ${sig.max} argument(s), got ${args.length}`, { span });
    }
    // a quoted argument of the jsonb functions (jsonb_each('{"a": 1}')) is jsonb, of the others text
    const json = srf.array.startsWith('json');
    const typed = args.map((a) => (a.kind === 'literal' && a.type === 'unknown' && typeof a.value === 'string' ? (json ? lit(parseLiteral(a.value, 'json', 'jsonb', a.span), 'json', a.span) : { ...a, type: 'text' as SqlType }) : a));
    const wrong = json ? typed.find((a) => a.type !== 'json' && a.type !== 'unknown') : undefined;
    if (wrong) throw new SqlEtlError('undefined-function', 'bind', `function ${name}(${pgTypeName(wrong.type)}) does not exist`, { span, params: { function: name }, hints: ['cast the argument to jsonb'] });
    return { kind: 'func', name: srf.array, args: typed, type: 'array', span };
  }
  if (args.length !== 1) throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes 1 argument, got ${args.length}`, { span });
  return args[0];
}

/** The type (and numeric scale) of a set-returning function's value column: generate_series's follows the signature its array was bound with. */
export function setReturningValueType(srf: SetReturningFunction, array: Expr): { type: SqlType; numericScale?: number; computedNumeric?: true } {
  if (array.kind === 'func' && array.name === 'generate_series_timestamp') return { type: 'timestamp' };
  if (array.kind === 'func' && array.name === 'generate_series_numeric') {
    const scale = seriesScale(array.args);
    const start = array.args[0];
    // PostgreSQL returns the start as it is and the sums with the larger scale: generate_series(0, 2, 0.5)
    // prints 0, 0.5, 1.0. With a start of fewer decimals than the step the values' scale differs by row,
    // which one column scale cannot say: their text is refused (lower-cast.ts), their values stay exact
    const startScale = start.kind === 'literal' && start.value === null ? scale : scaleOf(start);
    return startScale === scale ? { type: 'numeric', numericScale: scale } : { type: 'numeric', computedNumeric: true };
  }
  return { type: srf.element };
}
