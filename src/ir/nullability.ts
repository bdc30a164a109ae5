import type { Expr } from './expr.js';

/** Conservative nullability: only what is certainly never NULL says false. */
export function mayBeNull(e: Expr): boolean {
  switch (e.kind) {
    case 'literal':
      return e.value === null;
    case 'column':
      return !e.notNull;
    case 'isnull':
    case 'isbool':
    case 'distinctfrom':
      return false;
    case 'agg':
      return !(e.name === 'count');
    case 'func':
      if (e.name === 'coalesce') return e.args.every(mayBeNull);
      if (e.name === 'now' || e.name === 'current_date' || e.name === 'concat' || e.name === 'concat_ws') return false;
      return true;
    case 'compare':
    case 'arith':
      return mayBeNull(e.left) || mayBeNull(e.right);
    case 'negate':
    case 'not':
      return mayBeNull(e.arg);
    case 'and':
    case 'or':
      return e.args.some(mayBeNull);
    case 'case':
      return e.whens.some((w) => mayBeNull(w.then)) || mayBeNull(e.else);
    default:
      return true;
  }
}
