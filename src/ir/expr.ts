import { assertNever } from '../assert-never.js';
import type { SourceSpan } from '../errors.js';
import type { IntWidth, SqlType } from './types.js';

/** A constant value: JSON scalars, dates, intervals, arrays of constants. */
export type Value = null | boolean | number | string | Date | Interval | Value[];

/** PostgreSQL's interval: months, days and milliseconds are kept apart, as PostgreSQL does. */
export type Interval = {
  kind: 'interval';
  months: number;
  days: number;
  ms: number;
};

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '%' | '^';

interface Base {
  type: SqlType;
  span?: SourceSpan;
  /** int2/int4/int8, where known: integer arithmetic overflows at this width, as in PostgreSQL (absent: treated as bigint) */
  intWidth?: IntWidth;
  /**
   * character(n): the value is held without its trailing blanks (so comparisons, grouping,
   * DISTINCT, set operations, joins and text functions need nothing more: PostgreSQL ignores
   * trailing blanks there too) and shown padded to n (the output, LIKE, concat(), …)
   */
  charLength?: number;
  /** varchar: PostgreSQL compares it with character(n) as character (trailing blanks of both ignored), with text as text */
  varchar?: boolean;
  /** numeric: every value has at most this many decimals (src/ir/numeric-scale.ts); arithmetic results are rounded to it */
  numericScale?: number;
}

/** A field of the current input row: a path into the document. */
export interface ColumnExpr extends Base {
  kind: 'column';
  path: string[];
  /** a CTE's or subquery's column that is never NULL (a COUNT, a literal, …): its NULL guards can go */
  notNull?: boolean;
  /** the column as PostgreSQL names it in messages (`o.status`); not part of the expression's identity */
  display?: string;
  /** a numeric computed to a scale sqletl does not know (an aggregate or GROUP BY expression): not a value as read, its text is refused (lower-cast.ts) */
  computedNumeric?: true;
}
export interface LiteralExpr extends Base {
  kind: 'literal';
  value: Value;
  /** a numeric constant a double does not hold exactly (its exact text): refused where it is computed as numeric, fine once it is a double precision value */
  inexact?: string;
}
export interface CompareExpr extends Base { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
export interface ArithExpr extends Base { kind: 'arith'; op: ArithOp; left: Expr; right: Expr }
export interface NegateExpr extends Base { kind: 'negate'; arg: Expr }
export interface LogicExpr extends Base { kind: 'and' | 'or'; args: Expr[] }
export interface NotExpr extends Base { kind: 'not'; arg: Expr }
export interface IsNullExpr extends Base { kind: 'isnull'; arg: Expr; negated: boolean }
export interface IsBoolExpr extends Base { kind: 'isbool'; arg: Expr; value: boolean; negated: boolean }
export interface DistinctFromExpr extends Base { kind: 'distinctfrom'; left: Expr; right: Expr; negated: boolean }
export interface InListExpr extends Base { kind: 'inlist'; arg: Expr; list: Expr[]; negated: boolean }
export interface LikeExpr extends Base {
  kind: 'like';
  arg: Expr;
  /** the anchored regular expression equivalent of the LIKE pattern, or a regex for `~`. */
  pattern: Expr;
  syntax: 'like' | 'regex';
  caseInsensitive: boolean;
  negated: boolean;
}
export interface CaseExpr extends Base { kind: 'case'; whens: { when: Expr; then: Expr }[]; else: Expr }
export interface CastExpr extends Base { kind: 'cast'; arg: Expr; to: SqlType; typeName: string; /** numeric(p, s): values are rounded to s decimals */ scale?: number; /** numeric(p, s): the precision p, kept for PostgreSQL's type names in errors */ precision?: number; /** varchar(n): text is cut to n characters */ length?: number;
  /** character(n): 'held' cuts to n and drops trailing blanks (the form sqletl holds), 'shown' pads to n blanks (PostgreSQL's output) */
  char?: 'held' | 'shown';
  /**
   * a real column of a table declared in --schema, read as PostgreSQL would hold it: the
   * documents hold whatever the data has (324.78 as a double), which float4in would have
   * rounded to a single when it was stored (lower-stored-real.ts); the column's name, for
   * the run-time errors of values PostgreSQL could not have stored
   */
  storedColumn?: string;
}
/** A scalar function of the function catalogue (src/catalog/functions.ts), by its canonical name. */
export interface FuncExpr extends Base { kind: 'func'; name: string; args: Expr[] }
/** `x[i]` (1-based, as in SQL) or `x->k` / `x->>k` / `x#>>'{a,b}'`: an element or member. */
export interface ElementExpr extends Base { kind: 'element'; arg: Expr; key: Expr; asText: boolean }

export interface SortKey {
  expr: Expr;
  desc: boolean;
  nullsFirst: boolean;
}

/** An aggregate call; extracted by the planner into a $group accumulator. */
export interface AggExpr extends Base {
  kind: 'agg';
  name: string;
  args: Expr[];
  star: boolean;
  distinct: boolean;
  filter?: Expr;
  orderBy: SortKey[];
}

/** A scalar subquery (uncorrelated): its single value, or NULL without rows. */
export interface SubqueryExpr extends Base {
  kind: 'subquery';
  query: Query;
  /** scalar: its value; exists: EXISTS; in: `arg IN (…)` / `arg = ANY (…)`; all: `arg op ALL (…)`; any: `arg op ANY (…)` */
  mode: 'scalar' | 'exists' | 'in' | 'any' | 'all';
  /** the comparison of ANY/ALL (`=` for IN) */
  op?: CompareOp;
  arg?: Expr;
  /**
   * a row constructor on the left (`(a, b) IN (SELECT x, y …)`, `(a, b) <> ALL (…)`): its
   * fields, compared with the subquery's columns in order (`arg` is then absent)
   */
  row?: Expr[];
  negated: boolean;
  /** correlated subqueries: the enclosing query's values the subquery reads, as `$$name` */
  outer: { name: string; expr: Expr }[];
  /** set by the planner: the row field where the subquery's result rows are attached */
  attachedField?: string;
  /**
   * set by key-in-subqueries.ts: `attachedField` holds only the rows whose column equals
   * `arg`, and this field the one-document summary of the whole subquery (`{n}`: some
   * value is NULL), none when it has no rows
   */
  summaryField?: string;
}

/** One end of a window frame. `offset` is a constant: rows, a number, or an interval. */
export type FrameBound =
  | { kind: 'unbounded-preceding' }
  | { kind: 'preceding'; offset: Value }
  | { kind: 'current-row' }
  | { kind: 'following'; offset: Value }
  | { kind: 'unbounded-following' };

/** A window frame, always explicit (PostgreSQL's defaults are filled in by the binder). */
export interface Frame {
  /** GROUPS: offsets count peer groups (rows with equal ORDER BY keys) */
  mode: 'rows' | 'range' | 'groups';
  start: FrameBound;
  end: FrameBound;
  /** EXCLUDE CURRENT ROW / GROUP (the current row and its peers) / TIES (its peers only); absent for EXCLUDE NO OTHERS */
  exclude?: 'current-row' | 'group' | 'ties';
}

export interface WindowSpec {
  partitionBy: Expr[];
  orderBy: SortKey[];
  frame: Frame;
}

/** A window function call: ranking, offset (LAG …) or an aggregate OVER (…). */
export interface WindowExpr extends Base {
  kind: 'window';
  name: string;
  args: Expr[];
  star: boolean;
  filter?: Expr;
  spec: WindowSpec;
}

export type Expr =
  | ColumnExpr
  | WindowExpr
  | LiteralExpr
  | CompareExpr
  | ArithExpr
  | NegateExpr
  | LogicExpr
  | NotExpr
  | IsNullExpr
  | IsBoolExpr
  | DistinctFromExpr
  | InListExpr
  | LikeExpr
  | CaseExpr
  | CastExpr
  | FuncExpr
  | ElementExpr
  | AggExpr
  | SubqueryExpr;

/*
 * Queries. Declared here, with the expressions, because the two are one recursive
 * family of types (a subquery expression holds a Query; a Query holds expressions),
 * which cannot be split over two modules without an import cycle. ir/query.ts
 * names them for importers.
 */

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
  | {
      kind: 'join'; type: JoinType; left: Source; right: Source; as: string; on?: Expr; span?: SourceSpan;
      /**
       * a LATERAL subquery on the right: the left row's values it reads, as `$$name`
       * variables (bound by the join's `$lookup` let), so the join stays in FROM order
       */
      lateral?: { name: string; expr: Expr }[];
    }
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

export const lit = (value: Value, type: SqlType, span?: SourceSpan): LiteralExpr => ({ kind: 'literal', value, type, span });
export const col = (path: string[], type: SqlType = 'unknown'): ColumnExpr => ({ kind: 'column', path, type });

export function isInterval(v: unknown): v is Interval {
  return typeof v === 'object' && v !== null && (v as Interval).kind === 'interval';
}

/** Children of an expression (not descending into subqueries). */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'column':
    case 'literal':
      return [];
    case 'compare':
    case 'arith':
    case 'distinctfrom':
      return [e.left, e.right];
    case 'negate':
    case 'not':
    case 'isnull':
    case 'isbool':
    case 'cast':
      return [e.arg];
    case 'and':
    case 'or':
      return e.args;
    case 'inlist':
      return [e.arg, ...e.list];
    case 'like':
      return [e.arg, e.pattern];
    case 'case':
      return [...e.whens.flatMap((w) => [w.when, w.then]), e.else];
    case 'func':
      return e.args;
    case 'element':
      return [e.arg, e.key];
    case 'agg':
      return [...e.args, ...(e.filter ? [e.filter] : []), ...e.orderBy.map((k) => k.expr)];
    case 'subquery':
      return [...(e.arg ? [e.arg] : []), ...(e.row ?? [])];
    case 'window':
      return [...e.args, ...(e.filter ? [e.filter] : []), ...e.spec.partitionBy, ...e.spec.orderBy.map((k) => k.expr)];
    default:
      return assertNever(e, 'plan');
  }
}

/** Rebuild an expression bottom-up; `fn` may replace any node (return undefined to descend). */
export function mapExpr(e: Expr, fn: (e: Expr) => Expr | undefined): Expr {
  const replaced = fn(e);
  if (replaced) return replaced;
  const m = (x: Expr) => mapExpr(x, fn);
  switch (e.kind) {
    case 'column':
    case 'literal':
      return e;
    case 'compare':
    case 'arith':
    case 'distinctfrom':
      return { ...e, left: m(e.left), right: m(e.right) };
    case 'negate':
    case 'not':
    case 'isnull':
    case 'isbool':
    case 'cast':
      return { ...e, arg: m(e.arg) };
    case 'and':
    case 'or':
      return { ...e, args: e.args.map(m) };
    case 'inlist':
      return { ...e, arg: m(e.arg), list: e.list.map(m) };
    case 'like':
      return { ...e, arg: m(e.arg), pattern: m(e.pattern) };
    case 'case':
      return { ...e, whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })), else: m(e.else) };
    case 'func':
      return { ...e, args: e.args.map(m) };
    case 'element':
      return { ...e, arg: m(e.arg), key: m(e.key) };
    case 'agg':
      return { ...e, args: e.args.map(m), filter: e.filter && m(e.filter), orderBy: e.orderBy.map((k) => ({ ...k, expr: m(k.expr) })) };
    case 'subquery':
      return { ...e, arg: e.arg && m(e.arg), ...(e.row ? { row: e.row.map(m) } : {}) };
    case 'window':
      return {
        ...e,
        args: e.args.map(m),
        filter: e.filter && m(e.filter),
        spec: { ...e.spec, partitionBy: e.spec.partitionBy.map(m), orderBy: e.spec.orderBy.map((k) => ({ ...k, expr: m(k.expr) })) },
      };
    default:
      return assertNever(e, 'plan');
  }
}

export function someExpr(e: Expr, pred: (e: Expr) => boolean): boolean {
  if (pred(e)) return true;
  return children(e).some((c) => someExpr(c, pred));
}

/** Structural equality ignoring source spans (GROUP BY key matching). */
export function sameExpr(a: Expr, b: Expr): boolean {
  return a === b || exprKey(a) === exprKey(b);
}

/**
 * An expression's structure as text (spans left out), computed once per expression
 * object: grouping matches every select-list expression against every aggregate and
 * key, so 1,000 aggregates meant a million serialisations. IR nodes are not mutated
 * after binding, so the cached text stays true.
 */
const keys = new WeakMap<object, string>();
export function exprKey(e: Expr): string {
  let k = keys.get(e);
  if (k === undefined) {
    k = JSON.stringify(e, stripSpan);
    keys.set(e, k);
  }
  return k;
}
function stripSpan(key: string, value: unknown): unknown {
  return key === 'span' || key === 'display' ? undefined : value;
}
