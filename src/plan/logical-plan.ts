import type { AggExpr, Expr, SubqueryExpr, Value, WindowExpr, WindowSpec } from '../ir/expr.js';
import type { JoinType } from '../ir/query.js';

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
      /** GROUPING SETS: key indexes per set; each set is one $group branch, its rows tagged `__gset` */
      sets?: number[][];
    }
  /** window functions sharing one PARTITION BY / ORDER BY; results land in `field`s */
  | { kind: 'window'; input: PlanNode; id: number; spec: Pick<WindowSpec, 'partitionBy' | 'orderBy'>; functions: { field: string; fn: WindowExpr }[] }
  | { kind: 'project'; input: PlanNode; fields: { field: string; expr: Expr }[]; keepInput: boolean }
  | { kind: 'distinct'; input: PlanNode; fields: string[] }
  | { kind: 'sort'; input: PlanNode; keys: { field: string; desc: boolean; nullsFirst: boolean; nullable: boolean; /** may hold NaN (catalog/nan-values.ts): ranked above every number */ nan: boolean }[] }
  | { kind: 'skip'; input: PlanNode; count: number }
  | { kind: 'limit'; input: PlanNode; count: number }
  | { kind: 'unset'; input: PlanNode; fields: string[] }
  /**
   * A subquery's rows (or, for IN/ANY/ALL, a one-document summary) attached to every
   * row as an array field; `outer` are the row values a correlated subquery reads.
   */
  | {
      kind: 'attach';
      input: PlanNode;
      field: string;
      subplan: PlanNode;
      sub: SubqueryExpr;
      outer: { name: string; expr: Expr }[];
      /**
       * set by join-subqueries-by-key.ts: the subquery's rows are only those whose
       * `foreign` path (in the collection the subplan scans first) equals the row's `local`
       * path, a NULL key matching nothing (`$lookup` localField/foreignField)
       */
      key?: { local: string[]; foreign: string[] };
      /** set by key-in-subqueries.ts: also attach the whole subquery's summary under this field */
      summaryField?: string;
    }
  /**
   * Join: `right`'s rows attached under `as` (then unwound). `equi` is an index-
   * friendly key pair (left row path = right document path); `residual` is the rest
   * of the condition over the right document, reading left values as `$$lN` (`let`).
   */
  | {
      kind: 'join';
      input: PlanNode;
      right: PlanNode;
      as: string;
      type: JoinType;
      equi?: { local: string[]; foreign: string[] };
      let: { name: string; expr: Expr }[];
      residual?: Expr;
      /** FULL JOIN: the condition seen from the right row (left values as `$$rN`), for the anti-join */
      mirrored?: { let: { name: string; expr: Expr }[]; condition: Expr };
    }
  /** one row per element of `array` (placed at `as`; `${as}_n` is the 1-based ordinal) */
  | { kind: 'unnest'; input: PlanNode; array: Expr; as: string; ordinality: boolean; outer: boolean }
  /** UNION / INTERSECT / EXCEPT [ALL]; the right rows are renamed to the left's fields */
  | { kind: 'setop'; op: 'union' | 'intersect' | 'except'; all: boolean; input: PlanNode; right: PlanNode; fields: string[]; rightFields: string[] };

export function inputOf(node: PlanNode): PlanNode | undefined {
  return 'input' in node ? node.input : undefined;
}
