import { unsupported } from '../errors.js';
import { formatInterval } from '../ir/datetime.js';
import { isInterval, lit, type Expr, type Interval } from '../ir/expr.js';
import type { Query } from '../ir/query.js';
import { isDateType } from '../ir/types.js';
import { isTimeDifference } from '../ir/time-of-day.js';

/**
 * A result column of type interval in a written table or a view is refused: sqletl
 * carries an interval between timestamps as milliseconds, which is right inside date
 * arithmetic and comparisons but would be stored as a number where PostgreSQL has
 * `-9863 days`.
 */
export function refuseIntervalColumns(q: Query): Query {
  const c = q.columns.find((x) => x.expr.type === 'interval');
  if (c) throw unsupported('bind', `an interval as a result column ("${c.name}")`, c.expr.span, ['extract(epoch from …) gives its seconds, date - date its days']);
  return q;
}

/**
 * The interval result columns of a SELECT (or COPY … TO) that sqletl prints as
 * PostgreSQL does: a constant interval becomes its text here; the difference of two
 * timestamps is printed by the pipeline's last stage (src/mongo/interval-text.ts).
 * Other intervals (a difference multiplied, an interval from a subquery's column)
 * are refused: PostgreSQL keeps their days and hours apart, which milliseconds lose.
 */
export function printableIntervalColumns(q: Query): Query {
  if (!q.columns.some((c) => c.expr.type === 'interval')) return q;
  const columns = q.columns.map((c) => {
    const e = c.expr;
    if (e.type !== 'interval') return c;
    const constant = constantInterval(e);
    if (constant) return { ...c, expr: lit(formatInterval(constant), 'text', e.span) };
    if (e.kind === 'literal' && e.value === null) return c;
    if (e.kind === 'arith' && e.op === '-' && isDateType(e.left.type) && isDateType(e.right.type)) return c;
    if (isTimeDifference(e)) return c;
    throw unsupported('bind', `an interval as a result column ("${c.name}") other than a constant or the difference of two timestamps or two times`, e.span, ['extract(epoch from …) gives its seconds, date - date its days']);
  });
  return { ...q, columns };
}

/**
 * A constant interval: a literal, or literals added, subtracted or negated. PostgreSQL
 * adds intervals part by part (months, days and time apart, none carried into another:
 * `interval '1 day' - interval '1 hour'` is `1 day -01:00:00`), and so does this.
 */
function constantInterval(e: Expr): Interval | undefined {
  if (e.kind === 'literal') return isInterval(e.value) ? e.value : undefined;
  if (e.kind === 'negate') {
    const a = constantInterval(e.arg);
    return a && { kind: 'interval', months: -a.months, days: -a.days, ms: -a.ms };
  }
  if (e.kind === 'arith' && (e.op === '+' || e.op === '-')) {
    const [a, b] = [constantInterval(e.left), constantInterval(e.right)];
    if (!a || !b) return undefined;
    const sign = e.op === '+' ? 1 : -1;
    return { kind: 'interval', months: a.months + sign * b.months, days: a.days + sign * b.days, ms: a.ms + sign * b.ms };
  }
  return undefined;
}
