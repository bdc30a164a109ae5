import type { ColumnExpr, Expr } from '../ir/expr.js';
import type { PlanNode } from './logical-plan.js';
import { plainPath } from './trace-column.js';
import { conjunctsOf } from './push-down-filters.js';

type Attach = Extract<PlanNode, { kind: 'attach' }>;

/**
 * Decorrelation by key: a correlated subquery whose first collection is filtered by
 * `inner.col = outer.col` (`EXISTS (SELECT … FROM lineitem WHERE l_orderkey = o_orderkey …)`,
 * `(SELECT avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)`) is attached with
 * `$lookup` localField/foreignField on that pair: MongoDB finds the matching documents
 * through an index on the inner column (the embedded engine hashes the collection
 * once), and the rest of the subquery — other filters, its joins, a grouping, the
 * EXISTS / scalar / IN summary — runs on those documents only, instead of on the whole
 * collection for every row. It is the same filter applied at the same place (the first
 * stage of the subquery's pipeline), so the rows, aggregates over no rows included,
 * are the same: the semi-join of EXISTS, the anti-join of NOT EXISTS (an empty array),
 * the grouped join of a scalar aggregate. SQL's `=` never matches a NULL key while
 * localField/foreignField pairs null with null and missing; the lowering puts
 * `{foreignField: {$ne: null}}` first in the lookup's pipeline (see lower-plan.ts).
 */
export function joinSubqueriesByKey(node: Attach): Attach {
  if (node.key) return node;
  // the chain of inputs down to the collection the subquery reads first
  const chain: PlanNode[] = [];
  for (let n: PlanNode | undefined = node.subplan; n; n = 'input' in n ? n.input : undefined) chain.push(n);
  const scan = chain[chain.length - 1];
  const filter = chain[chain.length - 2];
  if (scan?.kind !== 'scan' || filter?.kind !== 'filter') return node;
  const conjuncts = conjunctsOf(filter.predicate);
  for (const c of conjuncts) {
    const pair = keyPair(c, node.outer);
    if (!pair) continue;
    const rest = conjuncts.filter((x) => x !== c);
    const replacement: PlanNode | undefined =
      rest.length === 0 ? scan : { kind: 'filter', input: scan, predicate: rest.length === 1 ? rest[0] : { kind: 'and', args: rest, type: 'bool' } };
    const subplan = replaceInChain(chain, filter, replacement);
    // an outer value the subquery no longer reads needs no `let` binding
    const text = JSON.stringify(subplan);
    const outer = node.outer.filter((o) => text.includes(JSON.stringify(`$$${o.name}`)));
    return { ...node, subplan, outer, key: pair };
  }
  return node;
}

/** `inner = $$v` (either way round) where `$$v` is an outer column: the key pair. */
function keyPair(c: Expr, outer: Attach['outer']): Attach['key'] {
  if (c.kind !== 'compare' || c.op !== '=' || c.left.kind !== 'column' || c.right.kind !== 'column') return undefined;
  const [inner, variable] = isVariable(c.left) ? [c.right, c.left] : isVariable(c.right) ? [c.left, c.right] : [];
  if (!inner || !variable || isVariable(inner) || !plainPath(inner.path) || !scalar(inner)) return undefined;
  const bound = outer.find((o) => `$$${o.name}` === variable.path[0] && variable.path.length === 1);
  const local = bound?.expr;
  if (!local || local.kind !== 'column' || isVariable(local) || !plainPath(local.path) || !scalar(local)) return undefined;
  return { local: local.path, foreign: inner.path };
}

const isVariable = (c: ColumnExpr) => c.path[0].startsWith('$$');
/** an array or document value would match element-wise or by whole value in `$lookup`, unlike SQL's `=`: only scalar types */
const scalar = (c: ColumnExpr) => c.type !== 'array' && c.type !== 'json';

/** The subplan with `target` (a node of `chain`) replaced; the nodes above it are copied. */
function replaceInChain(chain: PlanNode[], target: PlanNode, replacement: PlanNode): PlanNode {
  let i = chain.indexOf(target);
  let node = replacement;
  for (i--; i >= 0; i--) node = { ...chain[i], input: node } as PlanNode;
  return node;
}
