import { unsupported } from '../errors.js';
import { mapExpr, type Expr, type SubqueryExpr } from '../ir/expr.js';
import type { SelectQuery } from '../ir/query.js';

/**
 * Uncorrelated subqueries in expressions are evaluated once per statement: each is
 * replaced by a reference to a field `__sqN` that a `$lookup` attaches to every row
 * (MongoDB runs an uncorrelated `$lookup` pipeline once and caches it). The
 * expression left behind is the same `subquery` node with `attachedField` set.
 */
export interface Hoisted {
  field: string;
  query: SelectQuery;
}

export function hoistSubqueries(e: Expr, hoisted: Hoisted[]): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'subquery') return undefined;
    if (x.mode === 'in' && !x.arg) throw unsupported('IN (subquery) without a left operand', x.span);
    const field = `__sq${hoisted.length}`;
    hoisted.push({ field, query: x.query });
    const attached: SubqueryExpr = { ...x, arg: x.arg && hoistSubqueries(x.arg, hoisted), attachedField: field };
    return attached;
  });
}
