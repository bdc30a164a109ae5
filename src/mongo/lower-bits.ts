import { SqlEtlError } from '../errors.js';
import type { Expr, FuncExpr } from '../ir/expr.js';
import { EXACT_INTEGER_LIMIT, MAX_EXACT_INTEGER, intRangeOfWidth, type IntWidth } from '../ir/types.js';
import { cond, letIn, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * PostgreSQL's integer bit operators and `to_hex`, on the two's complement of the
 * operand's width (smallint, integer, bigint):
 *
 * - `&`, `|`, `#`, `~` are MongoDB's `$bitAnd`, `$bitOr`, `$bitXor`, `$bitNot` (MongoDB
 *   6.3 and later; sqletl targets 7.0) over `$toLong`s: those operators refuse doubles,
 *   and a driver may store an integer as one. Operands that fit a width give a result
 *   that fits it, so no width is needed.
 * - `<<` and `>>` have no MongoDB operator. PostgreSQL shifts by the count modulo 32
 *   (smallint, integer) or 64 (bigint), as the machine does, and keeps the low bits of
 *   the width (`1::int4 << 31` is -2147483648, `<< 32` is 1). Here x · 2^c and
 *   floor(x / 2^c) are exact in doubles (a power of two only moves the exponent), the
 *   low bits are their remainder modulo 2^width (exact too), read back as signed.
 *   A bigint result past 2^53 − 1 is refused (ir/types.ts, MAX_EXACT_INTEGER).
 * - Where the width is not known (an expression whose type lost it), the bigint
 *   answer is given only where the smallint and integer answers would be the same;
 *   elsewhere the shift is refused at run time rather than answered for one width.
 */

const BITWISE = { '&': '$bitAnd', '|': '$bitOr', '#': '$bitXor' } as const;

export function lowerBitwise(op: keyof typeof BITWISE, args: Mql[]): Mql {
  return { [BITWISE[op]]: args.map((a) => ({ $toLong: a })) };
}

export const lowerBitNot = ([x]: Mql[]): Mql => ({ $bitNot: { $toLong: x } });

const inRange = (x: Mql, width: IntWidth): Mql => {
  const { min, max } = intRangeOfWidth(width);
  return { $and: [{ $gte: [x, min] }, { $lte: [x, max] }] };
};

/** `x << n` / `x >> n` at the left operand's width (undefined: not known). */
export function lowerShift(op: '<<' | '>>', [x, n]: Mql[], f: FuncExpr): Mql {
  const width = f.args[0].intWidth;
  const w = width ?? 64;
  const modulus = w === 64 ? 64 : 32;
  const shifted =
    op === '>>'
      ? { $floor: { $divide: ['$$v', { $pow: [2, '$$c'] }] } }
      : letIn(
          { p: { $mod: [{ $multiply: ['$$v', { $pow: [2, '$$c'] }] }, 2 ** w] } },
          cond({ $gte: ['$$p', 2 ** (w - 1)] }, { $subtract: ['$$p', 2 ** w] }, cond({ $lt: ['$$p', -(2 ** (w - 1))] }, { $add: ['$$p', 2 ** w] }, '$$p')),
        );
  const body = letIn({ v: { $toDouble: x }, c: { $mod: [{ $add: [{ $mod: [n, modulus] }, modulus] }, modulus] } }, letIn({ r: shifted }, check(op, width, n, f)));
  return body;
}

/** The shift's result `$$r`, refused where sqletl cannot give PostgreSQL's answer. */
function check(op: '<<' | '>>', width: IntWidth | undefined, n: Mql, f: FuncExpr): Mql {
  if (width === 16 || width === 32) return '$$r';
  const number = { $isNumber: '$$r' };
  const past = { $and: [number, { $gt: [{ $abs: '$$r' }, MAX_EXACT_INTEGER] }] };
  const exact = raiseIf('$$r', past, 'feature-not-supported', [`a bigint shift result past ${EXACT_INTEGER_LIMIT} is not supported yet (the embedded engine computes with doubles)`], f.span);
  if (width === 64) return exact;
  // unknown width: a value that may be a smallint or an integer, shifted where the widths disagree
  const count = letIn({ k: n }, { $or: [{ $lt: ['$$k', 0] }, { $gt: ['$$k', 31] }] });
  const narrow = cond(inRange('$$v', 16), { $not: [inRange('$$r', 16)] }, { $not: [inRange('$$r', 32)] });
  const differs = { $and: [number, inRange('$$v', 32), op === '<<' ? { $or: [count, narrow] } : count] };
  return raiseIf(exact, differs, 'feature-not-supported', ['a shift of an integer whose width (smallint, integer or bigint) sqletl does not know: cast it, e.g. x::int << n'], f.span);
}

const HEX_DIGITS = '0123456789abcdef';

/** The 8 lower-case hex digits of `v` in [0, 2^32). */
const eightDigits = (v: Mql): Mql => ({
  $reduce: {
    input: [7, 6, 5, 4, 3, 2, 1, 0],
    initialValue: '',
    in: { $concat: ['$$value', { $substrCP: [HEX_DIGITS, { $mod: [{ $floor: { $divide: [v, { $pow: [16, '$$this'] }] } }, 16] }, 1] }] },
  },
});

/**
 * to_hex(integer | bigint): the hex digits of the two's complement at the argument's
 * width (`to_hex(-1)` is ffffffff, `to_hex(-1::bigint)` ffffffffffffffff), without
 * leading zeros. A bigint is cut into 32-bit halves (exact: a division by 2^32);
 * a negative value of unknown width is refused at run time.
 */
export function lowerToHex([x]: Mql[], f: FuncExpr): Mql {
  const arg: Expr = f.args[0];
  if (arg.type !== 'int' && arg.type !== 'unknown') {
    throw new SqlEtlError('undefined-function', 'lower', `function to_hex(${arg.type}) does not exist`, { span: f.span, params: { function: 'to_hex' } });
  }
  if (arg.intWidth === 16) throw new SqlEtlError('undefined-function', 'lower', 'function to_hex(smallint) is not unique', { span: f.span, params: { function: 'to_hex' }, hints: ['cast the argument: to_hex(x::int)'] });
  const width = arg.intWidth;
  const halves = letIn(
    { q: { $floor: { $divide: ['$$v', 2 ** 32] } } },
    letIn(
      { hi: width === 32 ? 0 : cond({ $lt: ['$$q', 0] }, { $add: ['$$q', 2 ** 32] }, '$$q'), lo: width === 32 ? cond({ $lt: ['$$v', 0] }, { $add: ['$$v', 2 ** 32] }, '$$v') : { $subtract: ['$$v', { $multiply: ['$$q', 2 ** 32] }] } },
      letIn({ t: { $ltrim: { input: { $concat: [eightDigits('$$hi'), eightDigits('$$lo')] }, chars: '0' } } }, cond({ $eq: ['$$t', ''] }, '0', '$$t')),
    ),
  );
  // (0 for NULL: the caller's NULL guard picks null then, but DocumentDB evaluates this branch too)
  const value = letIn({ v: { $toDouble: { $ifNull: [x, 0] } } }, halves);
  if (width !== undefined) return value;
  const negative = { $and: [{ $isNumber: x }, { $lt: [x, 0] }] };
  return raiseIf(value, negative, 'feature-not-supported', ['to_hex of a negative integer whose width (integer or bigint) sqletl does not know: cast it, e.g. to_hex(x::int)'], f.span);
}
