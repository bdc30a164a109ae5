import type { SourceSpan } from '../errors.js';
import type { Expr, SortKey, Value } from './expr.js';

/** Where a SELECT reads its rows from. */
export type Source =
  | { kind: 'collection'; name: string; db?: string; span?: SourceSpan }
  | { kind: 'subquery'; query: SelectQuery }
  | { kind: 'values'; rows: Record<string, Value>[] }
  | { kind: 'none' };

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
