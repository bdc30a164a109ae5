import type { Node } from '@pgsql/types';
import type { SourceSpan } from '../errors.js';
import type { Expr, Query, SortKey, Value } from '../ir/expr.js';
import type { RecursiveCte, TableDef } from '../ir/statement.js';
import type { SqlType } from '../ir/types.js';
import type { OuterCapture, Scope } from './scope.js';

/**
 * What binding carries from clause to clause: a statement's environment (BindEnv),
 * an expression's context (ExprContext), and the two helpers every binder file
 * reads the parse tree with. Below the binder files, so they import it one way.
 */

/** Declared tables (CREATE TABLE in the job or --schema), by collection name. */
export type Catalog = Map<string, TableDef>;

export interface BindEnv {
  catalog: Catalog;
  ctes: Map<string, Query>;
  param: (n: number, span?: SourceSpan) => Value;
  toChar: (byte: number) => number;
  /** where a keyword (which the parse tree does not locate) first appears after a position */
  keywordSpan: (word: string, fromChar: number) => SourceSpan | undefined;
  /** the enclosing query's scope, for a correlated subquery */
  outer?: Scope;
  /** where a correlated subquery records the outer values it reads */
  capture?: OuterCapture;
  /**
   * `--strict-columns`: sampled top-level field names of undeclared collections, by
   * catalog key (`name` or `db.name`); a collection drops out once a statement writes it.
   */
  sampled?: Map<string, readonly string[]>;
  /**
   * Where a statement that can compute WITH RECURSIVE queries first (a SELECT) collects
   * them, with its 1-based index in the script (their collections are named by it);
   * `within`: the recursive query whose recursive term is being bound. Absent: refused.
   */
  recursive?: { index: number; ctes: RecursiveCte[]; within?: string };
  /**
   * INSERT … VALUES: the target columns' types, by position. PostgreSQL reads a quoted
   * literal of the VALUES list as its target column's type (`VALUES (1, 'NaN'), (3, 2)`
   * into a numeric column), not as the common type of the list's other values.
   */
  valuesTargetTypes?: ({ type: SqlType; typeName: string } | undefined)[];
}

/** What expression binding needs from its surroundings. */
export interface ExprContext {
  scope: Scope;
  /** `$N` parameter → its bound value */
  param: (n: number, span?: SourceSpan) => Value;
  toChar: (byte: number) => number;
  /** where aggregates are allowed (select list, HAVING, ORDER BY) */
  allowAggregates: boolean;
  /** the clause, for error messages ("aggregate functions are not allowed in WHERE") */
  clause: string;
  /** binds a sub-SELECT; `outer` lists the enclosing query's values it reads (correlation) */
  bindSubquery: (node: Node) => { query: Query; outer: { name: string; expr: Expr }[] };
  /** a name for the current ORDER BY / GROUP BY alias lookup, if any */
  aliasLookup?: (name: string) => Expr | undefined;
  /** window functions are allowed (select list and ORDER BY) */
  allowWindows?: boolean;
  /** named windows of the SELECT (`WINDOW w AS (…)`) */
  windows?: Map<string, Record<string, any>>;
}

type Any = Record<string, any>; // raw parse-tree node bodies (JSON from libpg-query)

export function unwrap(node: Node): [string, Any] {
  const [tag, body] = Object.entries(node)[0] as [string, Any];
  return [tag, body];
}

export function spanOf(ctx: ExprContext, location: number | undefined, length = 1): SourceSpan | undefined {
  if (location === undefined || location < 0) return undefined;
  const start = ctx.toChar(location);
  return { start, end: start + length };
}

/**
 * The expression binder (bind-expr.ts), handed to the window binder
 * (bind-window.ts): a window call is an expression and holds expressions, so the
 * two bind each other; passing it in keeps the imports one way.
 */
export interface ExprBinder {
  bindExpr(node: Node, ctx: ExprContext): Expr;
  bindSortKey(node: Node, ctx: ExprContext): SortKey;
}
