import { SqlEtlError } from '../errors.js';
import { col, mapExpr, sameExpr, type AggExpr, type Expr } from '../ir/expr.js';

/**
 * Aggregate extraction: GROUP BY keys become `_id.kN`, aggregate calls become
 * accumulator fields `aN`, and the select list, HAVING and ORDER BY are rewritten to
 * read those fields after the $group. A column used outside an aggregate that is
 * not a GROUP BY key is PostgreSQL's "must appear in the GROUP BY clause" error.
 */
export interface Extracted {
  keys: { field: string; expr: Expr }[];
  aggregates: { field: string; agg: AggExpr }[];
  rewrite: (e: Expr) => Expr;
}

export function extractAggregates(groupBy: Expr[]): Extracted {
  const keys: Extracted['keys'] = [];
  for (const g of groupBy) {
    if (!keys.some((k) => sameExpr(k.expr, g))) keys.push({ field: `k${keys.length}`, expr: g });
  }
  const aggregates: Extracted['aggregates'] = [];
  const rewrite = (e: Expr): Expr =>
    mapExpr(e, (x) => {
      const key = keys.find((k) => sameExpr(k.expr, x));
      if (key) return col(['_id', key.field], x.type);
      if (x.kind === 'agg') {
        let found = aggregates.find((a) => sameExpr(a.agg, x));
        if (!found) {
          found = { field: `a${aggregates.length}`, agg: x };
          aggregates.push(found);
        }
        return col([found.field], x.type);
      }
      if (x.kind === 'column') {
        throw new SqlEtlError('not-grouped', 'plan', `column "${x.path.join('.')}" must appear in the GROUP BY clause or be used in an aggregate function`, { span: x.span });
      }
      return undefined;
    });
  return { keys, aggregates, rewrite };
}
