import { unsupported } from '../errors.js';
import { mapExpr, type Expr, type SubqueryExpr } from '../ir/expr.js';


/**
 * Subqueries in expressions become `$lookup`s: each is given a field `__sqN` that
 * the lookup attaches to every row (MongoDB caches the uncorrelated part of a
 * lookup pipeline; correlated ones read the row's values through `let`). The
 * expression left behind is the same `subquery` node with `attachedField` set.
 */
export interface Hoisted {
  field: string;
  sub: SubqueryExpr;
}

export function hoistSubqueries(e: Expr, hoisted: Hoisted[]): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'subquery') return undefined;
    if (x.mode === 'in' && !x.arg && !x.row) throw unsupported('plan', 'IN (subquery) without a left operand', x.span);
    const field = `__sq${hoisted.length}`;
    const attached: SubqueryExpr = { ...x, arg: x.arg && hoistSubqueries(x.arg, hoisted), ...(x.row ? { row: x.row.map((f) => hoistSubqueries(f, hoisted)) } : {}), attachedField: field };
    hoisted.push({ field, sub: attached });
    return attached;
  });
}
