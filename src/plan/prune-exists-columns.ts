import type { PlanNode } from './logical-plan.js';

type Attach = Extract<PlanNode, { kind: 'attach' }>;

/**
 * `EXISTS (SELECT * …)`: only whether a row exists matters, so the subquery's select
 * list (a `project` computing every column of every matching row), its DISTINCT
 * and its ORDER BY are removed; LIMIT/OFFSET and everything below them stay, since they
 * decide which rows exist.
 */
export function pruneExistsColumns(node: Attach): Attach {
  if (node.sub.mode !== 'exists') return node;
  let plan = node.subplan;
  for (;;) {
    if (plan.kind === 'project' || plan.kind === 'sort' || plan.kind === 'unset' || plan.kind === 'distinct') plan = plan.input;
    else break;
  }
  return plan === node.subplan ? node : { ...node, subplan: plan };
}
