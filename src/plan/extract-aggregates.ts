import { SqlEtlError } from '../errors.js';
import { col, lit, mapExpr, sameExpr, type AggExpr, type ColumnExpr, type Expr } from '../ir/expr.js';

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

export function extractAggregates(groupBy: Expr[], sets?: number[][]): Extracted {
  const keys: Extracted['keys'] = [];
  for (const g of groupBy) {
    if (!keys.some((k) => sameExpr(k.expr, g))) keys.push({ field: `k${keys.length}`, expr: g });
  }
  const aggregates: Extracted['aggregates'] = [];
  const rewrite = (e: Expr): Expr =>
    mapExpr(e, (x) => {
      if (x.kind === 'func' && x.name === 'grouping') return groupingBits(x.args, keys, sets);
      // a correlated subquery after GROUP BY reads the group's key (or aggregate), not the ungrouped column
      if (x.kind === 'subquery') return { ...x, arg: x.arg && rewrite(x.arg), ...(x.row ? { row: x.row.map(rewrite) } : {}), outer: x.outer.map((o) => ({ ...o, expr: rewrite(o.expr) })) };
      const key = keys.find((k) => sameExpr(k.expr, x));
      if (key) return { ...col(['_id', key.field], x.type), ...numericOrigin(x) };
      if (x.kind === 'agg') {
        let found = aggregates.find((a) => sameExpr(a.agg, x));
        if (!found) {
          found = { field: `a${aggregates.length}`, agg: x };
          aggregates.push(found);
        }
        return { ...col([found.field], x.type), ...numericOrigin(x) };
      }
      // an outer query's column inside a correlated subquery (a `$lookup` variable) is one value for the whole subquery
      if (x.kind === 'column' && x.path[0]?.startsWith('$$')) return x;
      if (x.kind === 'column') {
        throw new SqlEtlError('not-grouped', 'plan', `column "${x.display ?? x.path.join('.')}" must appear in the GROUP BY clause or be used in an aggregate function`, { span: x.span });
      }
      return undefined;
    });
  return { keys, aggregates, rewrite };
}

/**
 * GROUPING(a, b, …): a bit per argument, set when the argument is not grouped in
 * the current grouping set (first argument most significant). The row's set is
 * `__gset` (see the group lowering), so the value is a constant looked up by it.
 */
function groupingBits(args: Expr[], keys: Extracted['keys'], sets: number[][] | undefined): Expr {
  const indexes = args.map((a) => {
    const i = keys.findIndex((k) => sameExpr(k.expr, a));
    if (i < 0) throw new SqlEtlError('grouping-argument', 'plan', 'arguments to GROUPING must be grouping expressions of the associated query level', { span: a.span });
    return i;
  });
  const maskOf = (set: number[]) => indexes.reduce((m, i, j) => m | (set.includes(i) ? 0 : 1 << (indexes.length - 1 - j)), 0);
  if (!sets) return lit(0, 'int');
  const masks = sets.map(maskOf);
  return { kind: 'element', arg: lit(masks, 'array'), key: col(['__gset'], 'int'), asText: false, type: 'int' };
}

/**
 * What a group's key or aggregate column says of its numeric values: their scale where it
 * is known, else whether they are values as read (a column, its min or max) or computed
 * (a sum, an average, an expression), whose text PostgreSQL prints with a scale sqletl
 * does not keep (lower-cast.ts refuses it).
 */
function numericOrigin(x: Expr): Pick<ColumnExpr, 'numericScale' | 'computedNumeric' | 'span'> {
  if (x.numericScale !== undefined) return { numericScale: x.numericScale };
  if (x.type !== 'numeric' || x.kind === 'column') return {};
  if (x.kind === 'agg' && (x.name === 'min' || x.name === 'max') && x.args[0]?.kind === 'column') return {};
  // (its position, for the refusal)
  return { computedNumeric: true, ...(x.span ? { span: x.span } : {}) };
}
