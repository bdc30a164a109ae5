import type { AggExpr, Expr, Value, WindowExpr, WindowSpec } from '../ir/expr.js';

/**
 * The logical plan: a chain of relational operators, bottom-up, over documents.
 * Every field named here is a document field; expressions reference the fields of
 * the operator's input (after `group`, keys live under `_id`).
 */
export type PlanNode =
  | { kind: 'scan'; collection: string; db?: string }
  | { kind: 'values'; rows: Record<string, Value>[] }
  | { kind: 'filter'; input: PlanNode; predicate: Expr }
  | {
      kind: 'group';
      input: PlanNode;
      keys: { field: string; expr: Expr }[];
      aggregates: { field: string; agg: AggExpr }[];
      /** no GROUP BY: one row even over empty input */
      global: boolean;
    }
  /** window functions sharing one PARTITION BY / ORDER BY; results land in `field`s */
  | { kind: 'window'; input: PlanNode; id: number; spec: Pick<WindowSpec, 'partitionBy' | 'orderBy'>; functions: { field: string; fn: WindowExpr }[] }
  | { kind: 'project'; input: PlanNode; fields: { field: string; expr: Expr }[]; keepInput: boolean }
  | { kind: 'distinct'; input: PlanNode; fields: string[] }
  | { kind: 'sort'; input: PlanNode; keys: { field: string; desc: boolean; nullsFirst: boolean; nullable: boolean }[] }
  | { kind: 'skip'; input: PlanNode; count: number }
  | { kind: 'limit'; input: PlanNode; count: number }
  | { kind: 'unset'; input: PlanNode; fields: string[] }
  /** an uncorrelated subquery evaluated once and attached to every row as an array field */
  | { kind: 'attach'; input: PlanNode; field: string; subplan: PlanNode };

export function inputOf(node: PlanNode): PlanNode | undefined {
  return 'input' in node ? node.input : undefined;
}
