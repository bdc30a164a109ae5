import { unsupported } from '../errors.js';
import { isInterval, type ArithExpr, type Expr, type Interval } from '../ir/expr.js';
import { isDateType } from '../ir/types.js';
import { cond, isIntegerType, letIn, type Mql } from './mql.js';

/**
 * Arithmetic with PostgreSQL's semantics: integer division truncates when both
 * operands are integers (decided statically when the types are known, at run time
 * with `$type` otherwise), `%` keeps the dividend's sign (as `$mod` does), dates
 * move by intervals with `$dateAdd` (months, then days, then time, as PostgreSQL).
 */
export function lowerArith(e: ArithExpr, lower: (e: Expr) => Mql): Mql {
  const { left, right } = e;
  if (isDateType(left.type) || isDateType(right.type) || isIntervalLiteral(left) || isIntervalLiteral(right)) {
    return dateArith(e, lower);
  }
  const l = lower(left);
  const r = lower(right);
  switch (e.op) {
    case '+':
      return { $add: [l, r] };
    case '-':
      return { $subtract: [l, r] };
    case '*':
      return { $multiply: [l, r] };
    case '%':
      return { $mod: [l, r] };
    case '^':
      return { $pow: [l, r] };
    case '/': {
      if (left.type === 'int' && right.type === 'int') return { $trunc: [{ $divide: [l, r] }, 0] };
      const exact = ['numeric', 'float'];
      if (exact.includes(left.type) || exact.includes(right.type)) return { $divide: [l, r] };
      // types known only at run time: truncate when both values are integers
      return letIn(
        { l, r },
        cond({ $and: [isIntegerType('$$l'), isIntegerType('$$r')] }, { $trunc: [{ $divide: ['$$l', '$$r'] }, 0] }, { $divide: ['$$l', '$$r'] }),
      );
    }
  }
}

const isIntervalLiteral = (e: Expr) => e.kind === 'literal' && isInterval(e.value);

function dateArith(e: ArithExpr, lower: (e: Expr) => Mql): Mql {
  const { left, right, op } = e;
  if (isIntervalLiteral(right) && (op === '+' || op === '-')) {
    const iv = (right as { value: Interval }).value;
    return addInterval(lower(left), op === '+' ? iv : negate(iv));
  }
  if (isIntervalLiteral(left) && op === '+') return addInterval(lower(right), (left as { value: Interval }).value);
  if (left.type === 'date' && right.type === 'int' && (op === '+' || op === '-')) {
    return { [op === '+' ? '$dateAdd' : '$dateSubtract']: { startDate: lower(left), unit: 'day', amount: lower(right) } };
  }
  if (op === '-' && left.type === 'date' && right.type === 'date') {
    return { $dateDiff: { startDate: lower(right), endDate: lower(left), unit: 'day' } };
  }
  if (op === '-' && isDateType(left.type) && isDateType(right.type)) {
    // timestamp - timestamp: an interval, carried as milliseconds
    return { $subtract: [lower(left), lower(right)] };
  }
  throw unsupported(`the operator ${op} between ${left.type} and ${right.type}`, e.span);
}

function negate(iv: Interval): Interval {
  return { kind: 'interval', months: -iv.months, days: -iv.days, ms: -iv.ms };
}

/** date + interval: months, then days, then milliseconds (PostgreSQL's order). */
export function addInterval(date: Mql, iv: Interval): Mql {
  let d = date;
  const steps: [string, number][] = [
    ['month', iv.months],
    ['day', iv.days],
    ['millisecond', iv.ms],
  ];
  for (const [unit, amount] of steps) {
    if (amount !== 0) d = { $dateAdd: { startDate: d, unit, amount } };
  }
  return d;
}
