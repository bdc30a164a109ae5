import { assertNever } from '../assert-never.js';
import type { Expr } from '../ir/expr.js';
import { aggregateNulls, scalarNulls } from './functions.js';

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
      return aggregateNulls(e.name) !== 'never';
    case 'func': {
      // the catalogue's NULL behaviour of the function
      const nulls = scalarNulls(e.name);
      return nulls === 'if-all-null' ? e.args.every(mayBeNull) : nulls !== 'never';
    }
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
    case 'window':
    case 'inlist':
    case 'like':
    case 'cast':
    case 'element':
    case 'subquery':
      return true;
    default:
      return assertNever(e, 'plan');
  }
}
