import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { children, type Expr, type OutputColumn, type Query, type SelectQuery, type SetOpQuery } from '../ir/expr.js';
import { widthField, type SqlType } from '../ir/types.js';
import { recursiveNames } from '../ir/stage-prefix.js';
import { unwrap, type BindEnv } from './bind-context.js';
import { stringsOf } from './bind-expr.js';

/**
 * WITH RECURSIVE (PostgreSQL's semantics, src/ir/statement.ts RecursiveCte): which
 * items of the clause recurse, in which order they are bound, the forms PostgreSQL
 * rejects (with its words), and a recursive item bound as the two queries the runner's
 * loop repeats. The statement reads the item's result as a collection.
 */

type Any = Record<string, any>; // raw parse-tree node bodies (JSON from libpg-query)

/** What bind-select.ts lends: binding a query, and its helpers for CTE columns. */
export interface RecursiveBinder {
  bindQuery(stmt: Any, env: BindEnv): Query;
  /** `env` with the items of a WITH clause in scope */
  withCtes(withClause: Any, env: BindEnv): BindEnv;
  renameColumns(q: Query, names: string[], span?: SourceSpan): Query;
  /** column `i` of `q`, an untyped literal there read as type `t` (as a UNION resolves it) */
  coerceColumn(q: Query, i: number, t: SqlType): Query;
  span(location: number | undefined): SourceSpan | undefined;
}

/** Where a reference to the recursive item sits in its recursive term. */
interface Reference {
  location?: number;
  /** `sublink`: inside a subquery expression; `outer`: on the NULL-extended side of an outer join */
  context: 'plain' | 'sublink' | 'outer';
}

/** The references to relation `name` (unqualified) anywhere in a raw parse tree. */
export function referencesTo(node: unknown, name: string, context: Reference['context'] = 'plain', out: Reference[] = []): Reference[] {
  if (Array.isArray(node)) {
    for (const x of node) referencesTo(x, name, context, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  for (const [key, body] of Object.entries(node as Any)) {
    if (key === 'RangeVar' && body.relname === name && !body.schemaname) out.push({ location: body.location, context });
    else if (key === 'SubLink') referencesTo(body, name, 'sublink', out);
    else if (key === 'JoinExpr' && context === 'plain') {
      const type = body.jointype as string;
      referencesTo(body.larg, name, type === 'JOIN_RIGHT' || type === 'JOIN_FULL' ? 'outer' : context, out);
      referencesTo(body.rarg, name, type === 'JOIN_LEFT' || type === 'JOIN_FULL' ? 'outer' : context, out);
      referencesTo(body.quals, name, context, out);
    } else referencesTo(body, name, context, out);
  }
  return out;
}

/**
 * The items of a WITH RECURSIVE clause in an order where each comes after the items it
 * reads (PostgreSQL lets an item read a later one there); a cycle through two or more
 * items is mutual recursion, which PostgreSQL does not implement either.
 */
export function recursiveOrder(items: Any[], span: (location: number | undefined) => SourceSpan | undefined): Any[] {
  const byName = new Map(items.map((c) => [c.ctename as string, c]));
  const reads = (c: Any) => items.filter((o) => o !== c && referencesTo(c.ctequery, o.ctename).length > 0);
  const order: Any[] = [];
  const state = new Map<Any, 'visiting' | 'done'>();
  const visit = (c: Any) => {
    if (state.get(c) === 'done') return;
    if (state.get(c) === 'visiting') throw new SqlEtlError('invalid-recursion', 'bind', 'mutual recursion between WITH items is not implemented', { span: span(c.location) });
    state.set(c, 'visiting');
    for (const d of reads(c)) visit(byName.get(d.ctename)!);
    state.set(c, 'done');
    order.push(c);
  };
  items.forEach(visit);
  return order;
}

/** Whether a WITH RECURSIVE item reads itself (one that does not is an ordinary CTE). */
export function isSelfReferencing(cte: Any): boolean {
  return referencesTo(cte.ctequery, cte.ctename).length > 0;
}

/**
 * A self-referencing WITH item: checked as PostgreSQL checks it, its two terms bound
 * and recorded in `env.recursive`; returns the query the rest of the statement reads
 * (its result collection).
 */
export function bindRecursiveCte(cte: Any, outerEnv: BindEnv, b: RecursiveBinder): Query {
  const name = cte.ctename as string;
  const at = b.span(cte.location);
  const collector = outerEnv.recursive;
  if (!collector) {
    throw unsupported('bind', 'WITH RECURSIVE in UPDATE, DELETE, MERGE, CREATE VIEW, CREATE MATERIALIZED VIEW or COPY', at, [
      'write its rows to a table first (CREATE TABLE … AS or INSERT INTO … SELECT), then read the table',
    ]);
  }
  if (collector.within) throw unsupported('bind', `a WITH RECURSIVE query inside the recursive term of "${collector.within}"`, at);
  if (cte.search_clause) throw unsupported('bind', 'SEARCH in WITH RECURSIVE', b.span(cte.search_clause.location) ?? at, ['order the rows in the outer query (a depth or path column built by the recursion)']);
  if (cte.cycle_clause) throw unsupported('bind', 'CYCLE in WITH RECURSIVE', b.span(cte.cycle_clause.location) ?? at, ['stop cycles with UNION instead of UNION ALL, or with a path column and a condition on it']);

  const fail = (message: string, location: number | undefined) => new SqlEtlError('invalid-recursion', 'bind', message, { span: b.span(location) ?? at });
  const q = unwrap(cte.ctequery)[1];
  if (q.op !== 'SETOP_UNION') throw fail(`recursive query "${name}" does not have the form non-recursive-term UNION [ALL] recursive-term`, cte.location);
  if (q.sortClause) throw fail('ORDER BY in a recursive query is not implemented', unwrap(unwrap(q.sortClause[0])[1].node)[1].location);
  if (q.limitOffset) throw fail('OFFSET in a recursive query is not implemented', unwrap(q.limitOffset)[1].location);
  if (q.limitCount) throw fail('LIMIT in a recursive query is not implemented', unwrap(q.limitCount)[1].location);
  // FOR UPDATE/SHARE after the recursive term belongs to the UNION (the check in bindQuery never sees it)
  if (q.lockingClause?.length) throw fail('FOR UPDATE/SHARE in a recursive query is not implemented', cte.location);
  // a WITH on the UNION itself is in scope in both terms; it is bound before the item exists, so it may not read it
  if (q.withClause && referencesTo(q.withClause, name).length) throw unsupported('bind', `a WITH clause on the UNION of recursive query "${name}" that reads "${name}"`, at);
  const env = q.withClause ? b.withCtes(q.withClause, outerEnv) : outerEnv;
  const inSeed = referencesTo(q.larg, name);
  if (inSeed.length) throw fail(`recursive reference to query "${name}" must not appear within its non-recursive term`, inSeed[0].location);
  const refs = referencesTo(q.rarg, name);
  for (const r of refs) {
    if (r.context === 'sublink') throw fail(`recursive reference to query "${name}" must not appear within a subquery`, r.location);
    if (r.context === 'outer') throw fail(`recursive reference to query "${name}" must not appear within an outer join`, r.location);
  }
  if (refs.length > 1) throw fail(`recursive reference to query "${name}" must not appear more than once`, refs[1].location);
  if (q.rarg.op && q.rarg.op !== 'SETOP_NONE') throw unsupported('bind', 'a set operation as the recursive term', at);

  // the non-recursive term decides the columns: names, and types (an untyped literal is text)
  let seed = b.renameColumns(b.bindQuery(q.larg, env), stringsOf(cte.aliascolnames), at);
  if (seed.passthrough) throw unsupported('bind', 'WITH RECURSIVE over SELECT * of a collection without declared columns', at, ['list the columns, or declare them with CREATE TABLE']);
  seed.columns.forEach((c, i) => {
    if (c.expr.type === 'unknown') seed = b.coerceColumn(seed, i, 'text');
  });
  // character(n) would lose its length through the stage collections (bind-bpchar.ts)
  const char = seed.columns.find((c) => c.expr.charLength !== undefined);
  if (char) throw unsupported('bind', `a character(n) column ("${char.name}") in WITH RECURSIVE`, char.expr.span ?? at, ['cast it to text in the non-recursive term']);
  // an integer column keeps the non-recursive term's width (PostgreSQL's working table has its type)
  const columns = seed.columns.map((c, i) => ({ name: c.name, field: `c${i}`, type: c.expr.type, ...widthField(c.expr.type, c.expr.intWidth) }));
  const collections = recursiveNames(collector.index, collector.ctes.length + 1, name);
  const reading = (collection: string): SelectQuery => ({
    kind: 'select',
    source: { kind: 'collection', name: collection },
    groupBy: [],
    aggregated: false,
    passthrough: false,
    columns: columns.map((c) => ({ name: c.name, field: c.field, expr: { kind: 'column', path: [c.field], type: c.type, ...widthField(c.type, c.intWidth) } })),
    distinct: false,
    orderBy: [],
  });

  // the recursive term reads the working table (the previous iteration's rows) under the item's name
  let step = b.bindQuery(q.rarg, { ...env, ctes: new Map(env.ctes).set(name, reading(collections.work)), recursive: { ...collector, within: name } });
  if (step.passthrough) throw unsupported('bind', 'SELECT * of a collection without declared columns in a recursive term', at, ['list the columns, or declare them with CREATE TABLE']);
  if (step.columns.length !== columns.length) throw new SqlEtlError('setop-columns', 'bind', 'each UNION query must have the same number of columns', { span: at });
  const aggregate = step.kind === 'select' ? firstAggregate(step) : undefined;
  if (aggregate) throw new SqlEtlError('invalid-recursion', 'bind', "aggregate functions are not allowed in a recursive query's recursive term", { span: aggregate.span ?? at });
  const stepChar = step.columns.find((c) => c.expr.charLength !== undefined);
  if (stepChar) throw unsupported('bind', `a character(n) column ("${stepChar.name}") in WITH RECURSIVE`, stepChar.expr.span ?? at, ['cast it to text in the recursive term']);
  columns.forEach((c, i) => {
    const t = step.columns[i].expr.type;
    if (t === 'unknown') step = b.coerceColumn(step, i, c.type);
    else if (t === c.type) {
      // the same type, but PostgreSQL's column type also carries its modifier or width:
      // the UNION's type must be the non-recursive term's exactly
      const mismatch = modifierMismatch(seed.columns[i].expr, step.columns[i].expr);
      if (mismatch) {
        throw new SqlEtlError('datatype-mismatch', 'bind', `recursive query "${name}" column ${i + 1} has type ${mismatch.seed} in non-recursive term but type ${mismatch.overall} overall`, {
          span: step.columns[i].expr.span ?? at,
          hints: [`cast the non-recursive term's column to ${mismatch.overall}`],
        });
      }
    } else {
      throw new SqlEtlError('datatype-mismatch', 'bind', `recursive query "${name}" column ${i + 1} has type ${pgTypeName(c.type)} in non-recursive term but type ${pgTypeName(t)} overall`, {
        span: step.columns[i].expr.span ?? at,
        hints: [`cast the non-recursive term's column to the type the recursive term gives (e.g. CAST(… AS ${pgTypeName(t)}))`],
      });
    }
  });

  // both terms write the item's columns as c0, c1, …; UNION keeps a row once: the first
  // working table is DISTINCT, and each later one leaves out the rows already in the
  // result (EXCEPT: rows compared whole, NULLs equal, its own duplicates dropped too)
  const asItem = (inner: Query, distinct: boolean): SelectQuery => ({
    kind: 'select',
    source: { kind: 'subquery', query: inner },
    groupBy: [],
    aggregated: false,
    passthrough: false,
    columns: columns.map((c, i) => ({ name: c.name, field: c.field, expr: { kind: 'column', path: [inner.columns[i].field], type: c.type, ...widthField(c.type, c.intWidth) } })),
    distinct,
    orderBy: [],
  });
  const union = !q.all;
  const stepRows = asItem(step, false);
  const except: SetOpQuery = {
    kind: 'setop',
    op: 'except',
    all: false,
    left: stepRows,
    right: reading(collections.result),
    columns: stepRows.columns.map((c): OutputColumn => ({ name: c.name, field: c.field, expr: { kind: 'column', path: [c.field], type: c.expr.type } })),
    passthrough: false,
    orderBy: [],
  };
  collector.ctes.push({ name, span: at, seed: asItem(seed, union), step: union ? except : stepRows, collections });
  return reading(collections.result);
}

/** The first aggregate call of a SELECT's own clauses (not of its subqueries). */
function firstAggregate(q: SelectQuery): Expr | undefined {
  const find = (e: Expr): Expr | undefined => (e.kind === 'agg' ? e : children(e).map(find).find((x) => x));
  for (const e of [...q.columns.map((c) => c.expr), ...(q.having ? [q.having] : [])]) {
    const a = find(e);
    if (a) return a;
  }
  return undefined;
}

/** PostgreSQL's name of a type, for its error messages. */
function pgTypeName(t: SqlType): string {
  const names: Partial<Record<SqlType, string>> = { int: 'integer', float: 'double precision', bool: 'boolean', timestamp: 'timestamp with time zone' };
  return names[t] ?? t;
}

const INT_NAMES = { 16: 'smallint', 32: 'integer', 64: 'bigint' } as const;

/**
 * Where the two terms' columns have one sqletl type but PostgreSQL's types differ so
 * that the UNION's type is not the non-recursive term's: numeric(p, s) or varchar(n)
 * beside another modifier (the UNION drops it), an integer beside a wider one.
 */
function modifierMismatch(seed: Expr, step: Expr): { seed: string; overall: string } | undefined {
  if (seed.type === 'int' && seed.intWidth && step.intWidth && step.intWidth > seed.intWidth) {
    return { seed: INT_NAMES[seed.intWidth], overall: INT_NAMES[step.intWidth] };
  }
  const label = (e: Expr): string | undefined => {
    if (e.kind !== 'cast') return undefined;
    if (e.to === 'numeric' && e.scale !== undefined && e.precision !== undefined) return `numeric(${e.precision},${e.scale})`;
    if (e.length !== undefined) return `character varying(${e.length})`;
    return undefined;
  };
  const [a, b] = [label(seed), label(step)];
  if (!a || a === b) return undefined;
  const overall = seed.type === 'numeric' ? 'numeric' : b?.startsWith('character varying') ? 'character varying' : 'text';
  return { seed: a, overall };
}
