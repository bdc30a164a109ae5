import type { OutputColumn } from '../ir/query.js';
import type { PlanNode } from './logical-plan.js';

/**
 * A statement's rows show character(n) columns as PostgreSQL prints them: padded with
 * blanks to n. Inside the query the values are held without trailing blanks
 * (src/sql/bind-bpchar.ts), so the padding is one last `$set` of those columns, after
 * ORDER BY and LIMIT (it changes neither the rows nor their order).
 */
export function showCharColumns(plan: PlanNode, columns: OutputColumn[]): PlanNode {
  const fields = columns.flatMap((c) => {
    const n = c.expr.charLength;
    if (n === undefined) return [];
    return [{ field: c.field, expr: { kind: 'cast' as const, arg: { kind: 'column' as const, path: [c.field], type: 'text' as const }, to: 'text' as const, typeName: 'bpchar', type: 'text' as const, length: n, char: 'shown' as const } }];
  });
  return fields.length ? { kind: 'project', input: plan, fields, keepInput: true } : plan;
}
