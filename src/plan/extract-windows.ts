import { SqlEtlError } from '../errors.js';
import { col, mapExpr, sameExpr, someExpr, type Expr, type WindowExpr } from '../ir/expr.js';

/**
 * Window function extraction: each window call becomes a field `wN` computed by a
 * window node; calls whose PARTITION BY and ORDER BY are the same share one node
 * (one $setWindowFields stage). The select list and ORDER BY then read the fields.
 */
export interface WindowGroup {
  id: number;
  partitionBy: Expr[];
  orderBy: WindowExpr['spec']['orderBy'];
  functions: { field: string; fn: WindowExpr }[];
}

export function extractWindows(exprs: Expr[]): { groups: WindowGroup[]; rewrite: (e: Expr) => Expr } {
  const groups: WindowGroup[] = [];
  let count = 0;
  const rewrite = (e: Expr): Expr =>
    mapExpr(e, (x) => {
      if (x.kind !== 'window') return undefined;
      if (x.args.some((a) => someExpr(a, (y) => y.kind === 'window'))) {
        throw new SqlEtlError('nested-window', 'plan', 'window function calls cannot be nested', { span: x.span });
      }
      for (const g of groups) {
        const same = g.functions.find((f) => sameExpr(f.fn, x));
        if (same) return col([same.field], x.type);
      }
      let group = groups.find(
        (g) =>
          g.partitionBy.length === x.spec.partitionBy.length &&
          g.partitionBy.every((p, i) => sameExpr(p, x.spec.partitionBy[i])) &&
          g.orderBy.length === x.spec.orderBy.length &&
          g.orderBy.every((k, i) => k.desc === x.spec.orderBy[i].desc && k.nullsFirst === x.spec.orderBy[i].nullsFirst && sameExpr(k.expr, x.spec.orderBy[i].expr)),
      );
      if (!group) {
        group = { id: groups.length, partitionBy: x.spec.partitionBy, orderBy: x.spec.orderBy, functions: [] };
        groups.push(group);
      }
      const field = `w${count++}`;
      group.functions.push({ field, fn: x });
      return col([field], x.type);
    });
  for (const e of exprs) rewrite(e); // first pass registers every call in order
  return { groups, rewrite };
}
