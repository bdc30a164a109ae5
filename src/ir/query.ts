import type { SourceSpan } from '../errors.js';
import type { Expr, SortKey, Value } from './expr.js';

export type JoinType = 'inner' | 'left' | 'full' | 'cross';

/** Where a SELECT reads its rows from. */
export type Source =
  | { kind: 'collection'; name: string; db?: string; span?: SourceSpan }
  | { kind: 'subquery'; query: Query }
  | { kind: 'values'; rows: Record<string, Value>[] }
  | { kind: 'none' }
  /**
   * `left JOIN right ON …`: the left side's rows stay where they are; the right
   * side's rows are attached under the field `as` (RIGHT JOIN arrives swapped as LEFT).
   * `on` reads left columns at their row paths and right columns under `as`.
   */
  | { kind: 'join'; type: JoinType; left: Source; right: Source; as: string; on?: Expr; span?: SourceSpan }
  /** `unnest(array) [WITH ORDINALITY]` as a relation: one row per element, lateral to `left` */
  | { kind: 'unnest'; left: Source; array: Expr; as: string; ordinality: boolean; outer: boolean };

/** UNION / INTERSECT / EXCEPT [ALL] of two queries with the same number of columns. */
export interface SetOpQuery {
  kind: 'setop';
  op: 'union' | 'intersect' | 'except';
  all: boolean;
  left: Query;
  right: Query;
  /** named by the left query's columns */
  columns: OutputColumn[];
  passthrough: false;
  orderBy: SortKey[];
  limit?: number;
  offset?: number;
  span?: SourceSpan;
}

export type Query = SelectQuery | SetOpQuery;

export interface OutputColumn {
  /** The SQL column name (PostgreSQL's default for unaliased expressions). */
  name: string;
  /** The document field that carries it (unique, safe to use as a field name). */
  field: string;
  expr: Expr;
}

/** A bound SELECT: names resolved, expressions typed, still in SQL's logical order. */
export interface SelectQuery {
  kind: 'select';
  source: Source;
  where?: Expr;
  groupBy: Expr[];
  /** GROUPING SETS / ROLLUP / CUBE: each set lists the indexes of its `groupBy` keys */
  groupingSets?: number[][];
  /** true when the query aggregates (GROUP BY, HAVING or an aggregate call). */
  aggregated: boolean;
  having?: Expr;
  /** `SELECT *` without declared columns: the rows pass through as they are. */
  passthrough: boolean;
  columns: OutputColumn[];
  distinct: boolean;
  orderBy: SortKey[];
  limit?: number;
  offset?: number;
  span?: SourceSpan;
}
