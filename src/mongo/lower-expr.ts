import { inexactDecimal } from '../ir/types.js';
import { assertNever } from '../assert-never.js';
import { SqlEtlError, unsupported } from '../errors.js';
import { isInterval, type CompareExpr, type Expr, type LikeExpr } from '../ir/expr.js';
import { mayBeNull } from '../catalog/nullability.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { intervalTotalMs, parseTimestamp } from '../ir/datetime.js';
import { storedReal } from './lower-stored-real.js';
import { castTo, numericText } from './lower-cast.js';
import { castToTime } from './lower-time.js';
import { heldChar, shownChar } from './lower-bpchar.js';
import { lowerFunction } from './function-catalog.js';
import { lowerArith, roundToScale } from './lower-arith.js';
import { lowerRuntimeScaled } from './runtime-scale.js';
import { cond, fieldRef, isNull, letIn, literal, nestedLet, notNull, nullIfAnyNull, shared, type Mql } from './mql.js';
import { raiseIf } from './raise.js';
import { regexOf } from './regex-pattern.js';
import { atMostOneRow, quantifiedValue } from './lower-quantified.js';
import { roundHalfAway } from './rounding.js';
import { nanAwareCompare } from './nan-order.js';

/**
 * IR expression → MongoDB aggregation expression with SQL's three-valued logic:
 * a boolean expression evaluates to true, false or null (NULL). `lowerPredicate`
 * is the cheaper form for places that keep only TRUE (WHERE, HAVING, CASE WHEN),
 * where NULL and false may be merged.
 */
export function lowerExpr(e: Expr): Mql {
  switch (e.kind) {
    case 'column':
      return fieldRef(e.path);
    case 'literal':
      if (isInterval(e.value)) throw unsupported('lower', 'an interval value outside date arithmetic', e.span);
      if (e.inexact && e.type === 'numeric') throw inexactDecimal(e.inexact, e.span);
      return literal(e.value);
    case 'compare':
      return lowerCompareValue(e);
    case 'arith':
      return lowerRuntimeScaled(e, lowerExpr, lowerArith) ?? roundToScale(e, lowerArith(e, lowerExpr));
    case 'negate':
      return { $multiply: [-1, lowerExpr(e.arg)] };
    case 'and':
    case 'or':
      return lowerLogicValue(e.kind, e.args);
    case 'not': {
      const v = lowerExpr(e.arg);
      return mayBeNull(e.arg) ? shared([v], ([x]) => cond(isNull(x), null, { $not: [x] })) : { $not: [v] };
    }
    case 'isnull':
      return e.negated ? notNull(lowerExpr(e.arg)) : isNull(lowerExpr(e.arg));
    case 'isbool': {
      const v = lowerExpr(e.arg);
      return e.negated ? { $ne: [v, e.value] } : { $eq: [v, e.value] };
    }
    case 'distinctfrom': {
      const pair = [{ $ifNull: [lowerExpr(e.left), null] }, { $ifNull: [lowerExpr(e.right), null] }];
      return e.negated ? { $eq: pair } : { $ne: pair };
    }
    case 'inlist':
      return lowerInListValue(e.arg, e.list, e.negated);
    case 'like':
      return shared([lowerExpr(e.arg)], ([v]) => {
        const match = regexMatch(e, v);
        const body = e.negated ? { $not: [match] } : match;
        return mayBeNull(e.arg) ? cond(isNull(v), null, body) : body;
      });
    case 'case':
      return {
        $switch: {
          branches: e.whens.map((w) => ({ case: lowerPredicate(w.when), then: lowerExpr(w.then) })),
          default: lowerExpr(e.else),
        },
      };
    case 'cast':
      // `x::timestamp::text` prints without an offset (timestamp without time zone)
      // numeric(p, s) rounds to its scale, half away from zero as PostgreSQL's numeric does
      // varchar(n) cuts to n characters (a NULL stays null: $substrCP of null is "", so it is guarded)
      // character(n): held without trailing blanks, shown padded (lower-bpchar.ts)
      if (e.storedColumn !== undefined) return storedReal(lowerExpr(e.arg), e.storedColumn, e.span);
      if (e.to === 'time') return castToTime(lowerExpr(e.arg), e.arg.type, e.precision, e.span);
      // a numeric of known scale prints its scale's decimals (2.50), as PostgreSQL's numeric_out
      // (and one of unknown scale is refused: its decimals are lost)
      if (e.to === 'text' && e.arg.type === 'numeric' && e.char !== 'shown') {
        const text = numericText(lowerExpr(e.arg), e.arg, lowerExpr);
        if (e.char === 'held' && e.length !== undefined) return heldChar(text, e.length);
        const length = e.length;
        return length === undefined ? text : shared([text], ([t]) => cond(isNull(t), null, { $substrCP: [t, 0, length] }));
      }
      if (e.char === 'held' && e.length !== undefined) return heldChar(castTo(lowerExpr(e.arg), e.arg.type, 'text', e.span, !(e.arg.kind === 'cast' && e.arg.typeName === 'timestamp')), e.length);
      if (e.char === 'shown' && e.length !== undefined) return shownChar(lowerExpr(e.arg), e.length);
      if (e.length !== undefined) {
        const length = e.length;
        return shared([castTo(lowerExpr(e.arg), e.arg.type, e.to, e.span)], ([t]) => cond(isNull(t), null, { $substrCP: [t, 0, length] }));
      }
      return withScale(castTo(lowerExpr(e.arg), e.arg.type, e.to, e.span, !(e.arg.kind === 'cast' && e.arg.typeName === 'timestamp'), e.typeName), e.scale);
    case 'func':
      return lowerFunction(e, lowerExpr);
    case 'element':
      return lowerElement(e.arg, e.key, e.asText);
    case 'agg':
      throw new SqlEtlError('internal', 'lower', 'aggregate left in a row expression', { span: e.span });
    case 'subquery':
      return lowerSubquery(e);
    case 'window':
      throw new SqlEtlError('internal', 'lower', 'window function left in a row expression', { span: e.span });
    default:
      return assertNever(e, 'lower');
  }
}

/** Boolean expression in a keep-only-TRUE position: NULL may become false. */
export function lowerPredicate(e: Expr): Mql {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { [`$${e.kind}`]: e.args.map(lowerPredicate) };
    case 'compare':
      return comparePredicate(e);
    case 'inlist': {
      const nonNull = e.list.filter((x) => !(x.kind === 'literal' && x.value === null));
      const hasNull = nonNull.length !== e.list.length;
      const v = lowerExpr(e.arg);
      const inList = { $in: [v, nonNull.map(lowerExpr)] };
      if (!e.negated) return nonNull.length ? { $and: [notNull(v), inList] } : false;
      if (hasNull) return false; // x NOT IN (…, NULL) is never TRUE
      return { $and: [notNull(v), { $not: [inList] }] };
    }
    case 'like': {
      const v = lowerExpr(e.arg);
      const match = regexMatch(e, v);
      return e.negated ? { $and: [notNull(v), { $not: [match] }] } : match;
    }
    case 'literal':
      return e.value === true;
    case 'column':
    case 'window':
    case 'arith':
    case 'negate':
    case 'not':
    case 'isnull':
    case 'isbool':
    case 'distinctfrom':
    case 'case':
    case 'cast':
    case 'func':
    case 'element':
    case 'agg':
    case 'subquery':
      return { $eq: [lowerExpr(e), true] };
    default:
      return assertNever(e, 'lower');
  }
}

const MQL_OP = { '=': '$eq', '<>': '$ne', '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' } as const;

function compareOperands(e: CompareExpr): [Mql, Mql] {
  const side = (x: Expr, other: Expr): Mql => {
    // an interval compared with the difference of two timestamps (milliseconds)
    if (x.kind === 'literal' && isInterval(x.value) && other.type === 'interval') return intervalTotalMs(x.value);
    // an untyped date-like literal against a value whose type is known only at run
    // time: PostgreSQL would read the literal as the other side's type, so do that
    // when the value turns out to be a date
    const asDate = untypedDateLiteral(x, other);
    if (asDate) return cond({ $eq: [{ $type: lowerExpr(other) }, 'date'] }, asDate, lowerExpr(x));
    return lowerExpr(x);
  };
  return [side(e.left, e.right), side(e.right, e.left)];
}

/** The Date an untyped literal like '2024-01-31' stands for, when compared with an untyped value. */
export function untypedDateLiteral(x: Expr, other: Expr): Date | undefined {
  if (x.kind !== 'literal' || x.type !== 'unknown' || typeof x.value !== 'string' || other.type !== 'unknown') return undefined;
  return parseTimestamp(x.value);
}

function lowerCompareValue(e: CompareExpr): Mql {
  return shared(compareOperands(e), ([l, r]) => {
    const guards = [mayBeNull(e.left) ? l : undefined, mayBeNull(e.right) ? r : undefined].filter((g) => g !== undefined);
    return nullIfAnyNull(guards, compareTest(e, l, r));
  });
}

/** `l op r` in PostgreSQL's order: NaN above every number where either side may be NaN (nan-order.ts) */
function compareTest(e: CompareExpr, l: Mql, r: Mql): Mql {
  if (e.op === '=' || e.op === '<>') return { [MQL_OP[e.op]]: [l, r] };
  const nanL = mayBeNaN(e.left);
  const nanR = mayBeNaN(e.right);
  return nanL || nanR ? nanAwareCompare(e.op, l, r, nanL, nanR) : { [MQL_OP[e.op]]: [l, r] };
}

/** Does `e` compare with an ordering operator a side that may be NaN (so its operands are read more than once)? */
const nanOrdered = (e: CompareExpr): boolean => e.op !== '=' && e.op !== '<>' && (mayBeNaN(e.left) || mayBeNaN(e.right));

/**
 * `a op b` kept only when TRUE. Null sorts below everything in MongoDB, so a NULL
 * operand must be excluded explicitly, except where the comparison is false for
 * null anyway (`= constant`, `nullable > constant`).
 */
function comparePredicate(e: CompareExpr): Mql {
  if (nanOrdered(e)) return shared(compareOperands(e), ([l, r]) => comparePredicateOf(e, l, r));
  const [l, r] = compareOperands(e);
  return comparePredicateOf(e, l, r);
}

function comparePredicateOf(e: CompareExpr, l: Mql, r: Mql): Mql {
  const isConst = (x: Expr) => x.kind === 'literal' && x.value !== null;
  const guards: Mql[] = [];
  const needsGuard = (side: 'left' | 'right'): boolean => {
    const x = side === 'left' ? e.left : e.right;
    const other = side === 'left' ? e.right : e.left;
    if (!mayBeNull(x)) return false;
    if (e.op === '=' && isConst(other)) return false;
    const greaterSide = e.op === '>' || e.op === '>=' ? 'left' : e.op === '<' || e.op === '<=' ? 'right' : undefined;
    if (greaterSide === side && isConst(other)) return false;
    return true;
  };
  if (needsGuard('left')) guards.push(notNull(l));
  if (needsGuard('right')) guards.push(notNull(r));
  const test = compareTest(e, l, r);
  return guards.length ? { $and: [...guards, test] } : test;
}

/** SQL AND/OR over true/false/NULL. */
function lowerLogicValue(kind: 'and' | 'or', args: Expr[]): Mql {
  const values = args.map(lowerExpr);
  if (!args.some(mayBeNull)) return { [`$${kind}`]: values };
  const decisive = kind === 'and' ? false : true;
  // the operands were lowered outside these bindings: none reads another's name
  return nestedLet(
    Object.fromEntries(values.map((v, i) => [`b${i}`, v])),
    cond(
      { $in: [decisive, values.map((_, i) => `$$b${i}`)] },
      decisive,
      cond({ $in: [null, values.map((_, i) => ({ $ifNull: [`$$b${i}`, null] }))] }, null, !decisive),
    ),
  );
}

function lowerInListValue(arg: Expr, list: Expr[], negated: boolean): Mql {
  return shared([lowerExpr(arg)], ([v]) => inListValue(v, arg, list, negated));
}

function inListValue(v: Mql, arg: Expr, list: Expr[], negated: boolean): Mql {
  const nonNull = list.filter((x) => !(x.kind === 'literal' && x.value === null));
  const hasNull = nonNull.length !== list.length || nonNull.some(mayBeNull);
  const found = { $in: [v, nonNull.map(lowerExpr)] };
  // TRUE when found; otherwise NULL if the argument or any list item is NULL; else FALSE
  const notFound = hasNull ? null : false;
  const inValue = cond(found, true, notFound);
  const body = negated ? cond(found, false, hasNull ? null : true) : inValue;
  return mayBeNull(arg) ? cond(isNull(v), null, body) : body;
}

function regexMatch(e: LikeExpr, input: Mql): Mql {
  if (e.pattern.kind !== 'literal' || typeof e.pattern.value !== 'string') {
    throw unsupported('lower', `${e.syntax === 'like' ? 'LIKE' : 'a regular expression'} with a non-constant pattern`, e.pattern.span ?? e.span);
  }
  const { regex, options, backReference } = regexOf(e, e.pattern.value);
  // DocumentDB (Cosmos DB vCore, FerretDB 2) compiles $regexMatch without captures, so back references fail there; $regexFind works everywhere
  if (backReference) return { $ne: [{ $regexFind: { input, regex, options } }, null] };
  return { $regexMatch: { input, regex, options } };
}

function lowerElement(arg: Expr, key: Expr, asText: boolean): Mql {
  let value: Mql;
  if (key.kind === 'literal' && typeof key.value === 'string') {
    // member access: `x->'k'`, `(x).k`
    value =
      arg.kind === 'column' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key.value)
        ? fieldRef([...arg.path, key.value])
        : { $getField: { field: { $literal: key.value }, input: lowerExpr(arg) } };
  } else {
    const subscript = key.kind === 'arith'; // `x[i]` arrives as `i - 1` (SQL is 1-based)
    const folded = subscript && key.left.kind === 'literal' && typeof key.left.value === 'number' ? key.left.value - 1 : undefined;
    if (folded !== undefined && folded < 0) return null;
    value = shared([lowerExpr(arg), folded ?? lowerExpr(key)], ([base, index]) => {
      const element = cond({ $isArray: [base] }, { $arrayElemAt: [base, index] }, null);
      // a subscript below 1 is NULL in SQL (MongoDB would count from the end)
      return subscript && folded === undefined ? cond({ $lt: [index, 0] }, null, element) : element;
    });
  }
  return asText ? { $convert: { input: value, to: 'string', onError: null, onNull: null } } : value;
}

function lowerSubquery(e: Extract<Expr, { kind: 'subquery' }>): Mql {
  if (!e.attachedField) throw new SqlEtlError('internal', 'lower', 'subquery was not planned', { span: e.span });
  const rows = `$${e.attachedField}`;
  const first = { $arrayElemAt: [rows, 0] };
  switch (e.mode) {
    case 'scalar': {
      const value = { $ifNull: [{ $getField: { field: { $literal: e.query.columns[0].field }, input: first } }, null] };
      if (atMostOneRow(e.query)) return value;
      return raiseIf(value, { $gt: [{ $size: rows }, 1] }, 'cardinality-violation', ['more than one row returned by a subquery used as an expression'], e.span);
    }
    case 'exists':
      return { $gt: [{ $size: rows }, 0] };
    case 'in':
    case 'any':
    case 'all':
      return quantifiedValue(e, rows, lowerExpr);
    default:
      return assertNever(e.mode, 'lower');
  }
}

/** A numeric value rounded to a declared scale (numeric(p, s)); as it is without one (NULL stays null: see roundHalfAway). */
export function withScale(v: Mql, scale: number | undefined): Mql {
  return scale === undefined ? v : roundHalfAway(v, scale);
}
