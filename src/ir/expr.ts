import { assertNever } from '../assert-never.js';
import type { SourceSpan } from '../errors.js';
import type { SqlType } from './types.js';
import type { Query } from './query.js';

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
}

/** A field of the current input row: a path into the document. */
export interface ColumnExpr extends Base {
  kind: 'column';
  path: string[];
  /** a CTE's or subquery's column that is never NULL (a COUNT, a literal, …): its NULL guards can go */
  notNull?: boolean;
}
export interface LiteralExpr extends Base { kind: 'literal'; value: Value }
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
export interface CastExpr extends Base { kind: 'cast'; arg: Expr; to: SqlType; typeName: string; /** numeric(p, s): values are rounded to s decimals */ scale?: number; /** varchar(n): text is cut to n characters */ length?: number }
/** A scalar function from the function catalog (src/mongo/function-catalog.ts). */
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
  negated: boolean;
  /** correlated subqueries: the enclosing query's values the subquery reads, as `$$name` */
  outer: { name: string; expr: Expr }[];
  /** set by the planner: the row field where the subquery's result rows are attached */
  attachedField?: string;
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
  mode: 'rows' | 'range';
  start: FrameBound;
  end: FrameBound;
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
      return e.arg ? [e.arg] : [];
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
      return { ...e, arg: e.arg && m(e.arg) };
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
  return key === 'span' ? undefined : value;
}
