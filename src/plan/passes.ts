import type { SelectQuery } from '../ir/query.js';
import type { PlanNode } from './logical-plan.js';
import { factorOrConjuncts } from './factor-or-conjuncts.js';
import { filterStoredReads } from './filter-stored-reads.js';
import { deriveOrFilters } from './derive-or-filters.js';
import { foldConstants } from './fold-constants.js';
import { groupedInFirst } from './grouped-in-first.js';
import { joinSubqueriesByKey } from './join-subqueries-by-key.js';
import { keyInSubqueries } from './key-in-subqueries.js';
import { orderJoins } from './order-joins.js';
import { prefixTestsAsLike } from './prefix-tests-as-like.js';
import { pruneExistsColumns } from './prune-exists-columns.js';
import { pruneSource } from './prune-columns.js';
import { semiJoinInSubqueries } from './semi-join-in-subqueries.js';

/**
 * The planner's rewrites, in the order they are applied; one file each, with their
 * fixtures in test/plan-passes.test.ts. build-plan.ts applies them and then, building
 * the plan, push-down-filters, right-side-join-filters (a join's conditions on the joined
 * collection alone run on it first), key-derived-joins (joins to derived tables),
 * hoist-subqueries (with the subquery passes below), extract-aggregates and extract-windows.
 */

/** Rewrites of a bound SELECT, before its plan is built. */
export const QUERY_PASSES: ((q: SelectQuery) => SelectQuery)[] = [
  // exact decimal and date arithmetic on literals
  foldConstants,
  // (A AND B) OR (A AND C) → A AND (B OR C) in WHERE
  (q) => (q.where ? { ...q, where: factorOrConjuncts(q.where) } : q),
  // `substring(c from 1 for n) IN ('ab', …)` in WHERE: `c LIKE 'ab%' OR …` (a $regex query, not an $expr per row)
  prefixTestsAsLike,
  // an OR over joined relations: each relation's part of every branch, ORed, as its own filter
  deriveOrFilters,
  // inner joins by connectivity: no cross product where a key exists
  orderJoins,
  // a --schema table's stored reals are rounded after the filters that do not read them
  filterStoredReads,
  // a derived table computes only the columns its reader uses
  pruneSource,
];

/**
 * Rewrites of a statement's own SELECT (a SELECT or COPY … TO statement: its plan is read
 * by nothing else), before the passes above. Not for subqueries, derived tables, set
 * operation branches, writes, recursive CTE steps or watched queries: these change which
 * collection a plan reads first, which other passes (the keyed joins and lookups) and
 * the incremental and recursive planners rely on.
 */
export const STATEMENT_PASSES: ((q: SelectQuery) => SelectQuery)[] = [
  // `x IN (SELECT k … GROUP BY k HAVING …)` in WHERE: the groups, computed once, joined first
  groupedInFirst,
];

type Attach = Extract<PlanNode, { kind: 'attach' }>;

/** Where the subquery is: `keepOnlyTrue` when it is a whole WHERE conjunct (NULL and FALSE both drop the row). */
export interface SubqueryContext {
  keepOnlyTrue: boolean;
}

/**
 * Rewrites of a subquery's `attach` node (its `$lookup`). Uncorrelated subqueries
 * need none: their `$lookup` pipeline reads no `let` variable, so MongoDB runs it once
 * and caches it (and so does the embedded engine).
 */
export const SUBQUERY_PASSES: ((node: Attach, ctx: SubqueryContext) => Attach)[] = [
  // `x IN (SELECT c …)` in WHERE: a keyed semi-join (EXISTS … WHERE c = x)
  semiJoinInSubqueries,
  // `x IN (SELECT c …)` elsewhere (NOT IN, select list): the keyed match and a once-computed summary
  keyInSubqueries,
  // EXISTS reads no column of the subquery: its select list goes
  pruneExistsColumns,
  // `inner.col = outer.col` on the subquery's first collection: localField/foreignField
  joinSubqueriesByKey,
];

export const rewriteQuery = (q: SelectQuery, statement = false): SelectQuery =>
  QUERY_PASSES.reduce((x, pass) => pass(x), statement ? STATEMENT_PASSES.reduce((x, pass) => pass(x), q) : q);
export const rewriteAttach = (node: Attach, ctx: SubqueryContext): Attach => SUBQUERY_PASSES.reduce((n, pass) => pass(n, ctx), node);
