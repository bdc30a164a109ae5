import { assertNever } from '../assert-never.js';
import { SqlEtlError } from '../errors.js';
import { mapExpr, sameExpr, someExpr, type Expr } from '../ir/expr.js';
import type { Query, SelectQuery, Source } from '../ir/query.js';
import { mayBeNull } from '../catalog/nullability.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { extractAggregates } from './extract-aggregates.js';
import { extractWindows } from './extract-windows.js';
import { hoistSubqueries, type Hoisted } from './hoist-subqueries.js';
import type { PlanNode } from './logical-plan.js';
import { asSeenFromLeft, splitJoinCondition } from './plan-join.js';
import { conjunctsOf, pushDownFilters } from './push-down-filters.js';
import { rewriteAttach, rewriteQuery } from './passes.js';
import { keyDerivedJoin } from './key-derived-joins.js';
import { rightSideJoinFilters } from './right-side-join-filters.js';

/**
 * SELECT (bound IR) → logical plan, in SQL's evaluation order:
 * source → WHERE → GROUP BY/aggregates → HAVING → windows → select list (+ hidden sort keys)
 * → DISTINCT → ORDER BY → OFFSET → LIMIT → drop hidden fields.
 * The rewrites it relies on are one file each: first the query passes listed in
 * passes.ts (for a statement's own SELECT, `statement`, grouped-in-first; then
 * fold-constants, factor-or-conjuncts, derive-or-filters, order-joins, prune-columns), then
 * push-down-filters, key-derived-joins (for each join to a derived table), hoist-subqueries
 * (each subquery's attach node through passes.ts' subquery passes), extract-aggregates,
 * extract-windows.
 */
export function buildPlan(query: Query, { statement = false }: { statement?: boolean } = {}): PlanNode {
  if (query.kind === 'setop') return setOpPlan(query);
  // a statement's own SELECT also gets passes.ts' STATEMENT_PASSES
  let q: SelectQuery = rewriteQuery(query, statement);
  const pushed = pushDownFilters(q.source, q.where);
  // WHERE conjuncts without subqueries run before any subquery's $lookup (on the
  // collection itself when there is no join: the leading, index-eligible $match)
  const conjuncts = pushed.where ? conjunctsOf(pushed.where) : [];
  const plain = conjuncts.filter((c) => !someExpr(c, (x) => x.kind === 'subquery'));
  const withSubquery = conjuncts.filter((c) => !plain.includes(c));
  // (under an unnest, only conditions on the collection's own fields: the unnest's rows, and a
  // join's beneath it, exist only after them)
  const attached = attachedFields(pushed.source);
  const early = pushed.source.kind === 'join' ? [] : plain.filter((c) => !someExpr(c, (x) => x.kind === 'column' && attached.has(x.path[0])));
  let node = sourcePlan(pushed.source, andOf([...(pushed.rootFilter ? [pushed.rootFilter] : []), ...early]));
  const late = andOf(plain.filter((c) => !early.includes(c)));
  if (late) node = { kind: 'filter', input: node, predicate: late };
  const hoisted: Hoisted[] = [];
  const attach = (e: Expr, keepOnlyTrue = false): Expr => {
    const before = hoisted.length;
    let out = hoistSubqueries(e, hoisted);
    for (const h of hoisted.slice(before)) {
      const whole = keepOnlyTrue && out.kind === 'subquery' && out.attachedField === h.field;
      const a = rewriteAttach({ kind: 'attach', input: node, field: h.field, subplan: buildPlan(h.sub.query), sub: h.sub, outer: h.sub.outer }, { keepOnlyTrue: whole });
      node = a;
      // a pass may change what the subquery yields (IN → EXISTS): the expression reads it so
      if (a.sub !== h.sub) out = mapExpr(out, (x) => (x.kind === 'subquery' && x.attachedField === h.field ? a.sub : undefined));
    }
    return out;
  };

  // (attach() extends `node` with $lookup stages: call it before reading `node`)
  // one conjunct at a time, so that each subquery sees only the rows the ones before it kept
  for (const c of withSubquery) {
    const predicate = attach(c, true);
    node = { kind: 'filter', input: node, predicate };
  }

  if (q.aggregated) {
    const x = extractAggregates(q.groupBy, q.groupingSets);
    // rewrite everything that is evaluated after the $group first, so that all
    // aggregates are known when the group node is built
    const columns = q.columns.map((c) => ({ ...c, expr: x.rewrite(c.expr) }));
    const having = q.having && x.rewrite(q.having);
    const orderExprs = q.orderBy.map((k) => x.rewrite(k.expr));
    node = { kind: 'group', input: node, keys: x.keys, aggregates: x.aggregates, global: q.groupBy.length === 0 && !q.groupingSets, sets: q.groupingSets };
    if (having) {
      const predicate = attach(having);
      node = { kind: 'filter', input: node, predicate };
    }
    q = { ...q, columns, orderBy: q.orderBy.map((k, i) => ({ ...k, expr: orderExprs[i] })) };
  }

  // window functions: computed after grouping, before the select list
  const windowed = [...q.columns.map((c) => c.expr), ...q.orderBy.map((k) => k.expr)];
  if (windowed.some((e) => someExpr(e, (x) => x.kind === 'window'))) {
    const w = extractWindows(windowed);
    for (const g of w.groups) {
      node = { kind: 'window', input: node, id: g.id, spec: { partitionBy: g.partitionBy, orderBy: g.orderBy }, functions: g.functions };
    }
    q = { ...q, columns: q.columns.map((c) => ({ ...c, expr: w.rewrite(c.expr) })), orderBy: q.orderBy.map((k) => ({ ...k, expr: w.rewrite(k.expr) })) };
  }

  // select list, plus hidden fields for ORDER BY keys that are not output columns
  const fields = q.columns.map((c) => ({ field: c.field, expr: attach(c.expr) }));
  const hidden: string[] = [];
  const sortKeys = q.orderBy.map((k, i) => {
    const out = q.columns.find((c) => sameExpr(c.expr, k.expr));
    if (out) return { field: out.field, desc: k.desc, nullsFirst: k.nullsFirst, nullable: mayBeNull(k.expr), nan: mayBeNaN(k.expr) };
    if (q.distinct) {
      throw new SqlEtlError('distinct-order-by', 'plan', 'for SELECT DISTINCT, ORDER BY expressions must appear in select list', { span: k.expr.span });
    }
    const field = `__o${i}`;
    hidden.push(field);
    fields.push({ field, expr: attach(k.expr) });
    return { field, desc: k.desc, nullsFirst: k.nullsFirst, nullable: mayBeNull(k.expr), nan: mayBeNaN(k.expr) };
  });
  if (!q.passthrough || fields.length > 0) node = { kind: 'project', input: node, fields, keepInput: q.passthrough };
  if (q.distinct) node = { kind: 'distinct', input: node, fields: fields.map((f) => f.field) };
  if (sortKeys.length) node = { kind: 'sort', input: node, keys: sortKeys };
  if (q.offset) node = { kind: 'skip', input: node, count: q.offset };
  if (q.limit !== undefined) node = { kind: 'limit', input: node, count: q.limit };
  // rows passed through as they are (SELECT * of a collection without declared columns)
  // would keep the fields the subqueries' lookups attached (`__sqN`, a NOT IN's `__sqN_s`)
  if (q.passthrough) hidden.push(...hoisted.flatMap((h) => [h.field, `${h.field}_s`]));
  if (hidden.length) node = { kind: 'unset', input: node, fields: hidden };
  return node;
}

/** The fields a FROM tree attaches to the first relation's documents: each join's and unnest's `as` (and an unnest's ordinal). */
function attachedFields(source: Source): Set<string> {
  if (source.kind === 'unnest') return new Set([source.as, `${source.as}_n`, ...attachedFields(source.left)]);
  if (source.kind === 'join') return new Set([source.as, ...attachedFields(source.left)]);
  return new Set();
}

function sourcePlan(source: Source, rootFilter?: Expr): PlanNode {
  switch (source.kind) {
    case 'collection': {
      const scan: PlanNode = { kind: 'scan', collection: source.name, db: source.db };
      return rootFilter ? { kind: 'filter', input: scan, predicate: rootFilter } : scan;
    }
    case 'subquery': {
      const sub = buildPlan(source.query);
      return rootFilter ? { kind: 'filter', input: sub, predicate: rootFilter } : sub;
    }
    case 'values':
      return withFilter({ kind: 'values', rows: source.rows }, rootFilter);
    case 'none':
      return withFilter({ kind: 'values', rows: [{}] }, rootFilter);
    case 'unnest':
      return { kind: 'unnest', input: sourcePlan(source.left, rootFilter), array: source.array, as: source.as, ordinality: source.ordinality, outer: source.outer };
    case 'join': {
      const left = sourcePlan(source.left, rootFilter);
      // conditions on the joined collection alone run on it before the join (right-side-join-filters.ts)
      const { on, rightFilter } = rightSideJoinFilters(source);
      const right = sourcePlan(source.right, rightFilter);
      // localField/foreignField compare raw documents: only for a right side that is a collection
      const plainRight = right.kind === 'scan' || (right.kind === 'filter' && right.input.kind === 'scan');
      // a derived table keyed on the collection it reads first (key-derived-joins.ts)
      const split = (!plainRight && !source.lateral && keyDerivedJoin(on, source.as, source.type, right)) || splitJoinCondition(on, source.as, plainRight && source.type !== 'cross');
      let mirrored: Extract<PlanNode, { kind: 'join' }>['mirrored'];
      if (source.type === 'full') {
        const m = asSeenFromLeft(source.on, source.as);
        mirrored = { let: m.lets, condition: m.expr ?? { kind: 'literal', value: true, type: 'bool' } };
      }
      // a LATERAL right side's reads of the left row ride in the same `let` ($$oN beside the condition's $$lN)
      const lets = source.lateral ? [...split.let, ...source.lateral] : split.let;
      return { kind: 'join', input: left, right, as: source.as, type: source.type, equi: split.equi, let: lets, residual: split.residual, mirrored };
    }
    default:
      return assertNever(source, 'plan');
  }
}

function andOf(cs: Expr[]): Expr | undefined {
  return cs.length === 0 ? undefined : cs.length === 1 ? cs[0] : { kind: 'and', args: cs, type: 'bool' };
}

function withFilter(node: PlanNode, predicate?: Expr): PlanNode {
  return predicate ? { kind: 'filter', input: node, predicate } : node;
}

/** UNION / INTERSECT / EXCEPT: both sides' rows under the left's field names, then ORDER BY / LIMIT. */
function setOpPlan(q: Extract<Query, { kind: 'setop' }>): PlanNode {
  const left = buildPlan(q.left);
  const right = buildPlan(q.right);
  let node: PlanNode = {
    kind: 'setop', op: q.op, all: q.all, input: left, right,
    fields: q.left.columns.map((c) => c.field), rightFields: q.right.columns.map((c) => c.field),
  };
  const sortKeys = q.orderBy.map((k) => {
    const out = q.columns.find((c) => sameExpr(c.expr, k.expr))!;
    // either side's rows: a float8 or numeric column may hold NaN
    return { field: out.field, desc: k.desc, nullsFirst: k.nullsFirst, nullable: true, nan: out.expr.type === 'float' || out.expr.type === 'numeric' };
  });
  if (sortKeys.length) node = { kind: 'sort', input: node, keys: sortKeys };
  if (q.offset) node = { kind: 'skip', input: node, count: q.offset };
  if (q.limit !== undefined) node = { kind: 'limit', input: node, count: q.limit };
  return node;
}

