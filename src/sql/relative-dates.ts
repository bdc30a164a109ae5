import type { SourceSpan } from '../errors.js';
import type { Expr } from '../ir/expr.js';
import type { SqlType } from '../ir/types.js';

/**
 * PostgreSQL's relative date/time inputs, `date 'today'`, `'tomorrow'::timestamp`,
 * `timestamp 'now'`, `d > 'yesterday'`: read when the statement runs, so they become
 * the expressions they stand for — CURRENT_DATE (midnight of `$$NOW`), a day more
 * or less, NOW() — instead of a constant fixed when the job was compiled. `$$NOW`
 * is one value per statement, as PostgreSQL's transaction time is.
 */
export function relativeDate(text: string, to: SqlType, span?: SourceSpan): Expr | undefined {
  if (to !== 'date' && to !== 'timestamp') return undefined;
  const word = text.trim().toLowerCase();
  const today: Expr = { kind: 'func', name: 'current_date', args: [], type: to, span };
  const shifted = (days: number): Expr => ({
    kind: 'arith',
    op: '+',
    left: today,
    right: { kind: 'literal', value: { kind: 'interval', months: 0, days, ms: 0 }, type: 'interval', span },
    type: to,
    span,
  });
  switch (word) {
    case 'now':
      return to === 'date' ? today : { kind: 'func', name: 'now', args: [], type: to, span };
    case 'today':
      return today;
    case 'tomorrow':
      return shifted(1);
    case 'yesterday':
      return shifted(-1);
    default:
      return undefined;
  }
}
