import { SqlEtlError, unsupported } from '../errors.js';
import type { AggExpr } from '../ir/expr.js';
import type { MqlDocument } from '../commands/mql-types.js';
import { EXACT_INTEGER_LIMIT, MAX_EXACT_INTEGER } from '../ir/types.js';
import { cond, isNull, letIn, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * bit_and(x) / bit_or(x) over integers. MongoDB has `$bitAnd`/`$bitOr` as expressions
 * only, not as accumulators; gathering the group's values would not be bounded. So
 * each bit is its own accumulator: bit k of a two's complement integer is
 * floor(x / 2^k) mod 2 (exact in doubles: a division by a power of two), and bit_and
 * is the `$min` of each bit, bit_or the `$max`. sqletl's integers lie within
 * ±(2^53 − 1), 54 bits of two's complement: bits 0 to 52 and the sign. NULLs are
 * skipped (a NULL's bits are null, which `$min`/`$max` skip); no non-NULL input is NULL.
 */
const BITS = 53;

/** (the shape of lower-aggregate.ts's LoweredAggregate, which imports this file) */
export function lowerBitAggregate(agg: AggExpr, field: string, value: Mql): { accumulators: Record<string, MqlDocument>; result: Mql; empty: MqlDocument } {
  const arg = agg.args[0];
  if (arg.type === 'unknown') throw unsupported('lower', `${agg.name} over a value of unknown type`, arg.span ?? agg.span, ['cast it to the integer type it holds, e.g. x::int']);
  if (arg.type !== 'int') throw new SqlEtlError('undefined-function', 'lower', `function ${agg.name}(${arg.type}) does not exist`, { span: agg.span, params: { function: agg.name } });
  const op = agg.name === 'bit_and' ? '$min' : '$max';
  const accumulators: Record<string, MqlDocument> = {};
  const empty: MqlDocument = {};
  const bit = (k: number): Mql => letIn({ x: value }, cond(isNull('$$x'), null, { $mod: [{ $add: [{ $mod: [{ $floor: { $divide: ['$$x', 2 ** k] } }, 2] }, 2] }, 2] }));
  for (let k = 0; k < BITS; k++) {
    accumulators[`${field}_b${k}`] = { [op]: bit(k) };
    empty[`${field}_b${k}`] = null;
  }
  accumulators[`${field}_s`] = { [op]: letIn({ x: value }, cond(isNull('$$x'), null, cond({ $lt: ['$$x', 0] }, 1, 0))) };
  empty[`${field}_s`] = null;
  const sum = { $add: Array.from({ length: BITS }, (_, k) => ({ $multiply: [`$${field}_b${k}`, 2 ** k] })) };
  const result = letIn(
    { r: { $subtract: [sum, { $multiply: [`$${field}_s`, 2 ** BITS] }] } },
    raiseIf('$$r', { $and: [{ $isNumber: '$$r' }, { $gt: [{ $abs: '$$r' }, MAX_EXACT_INTEGER] }] }, 'feature-not-supported', [`a ${agg.name} result past ${EXACT_INTEGER_LIMIT} is not supported yet`], agg.span),
  );
  return { accumulators, result: cond({ $eq: [{ $ifNull: [`$${field}_s`, null] }, null] }, null, result), empty };
}
