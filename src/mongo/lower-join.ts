import type { Expr } from '../ir/expr.js';
import type { PlanNode } from '../plan/logical-plan.js';
import type { LookupSpec, Stage } from '../commands/mql-types.js';
import { cond, isNull, letIn, type Mql } from './mql.js';

/**
 * Joins → `$lookup` immediately followed by `$unwind` on its `as` field: MongoDB
 * coalesces the pair, so the joined side is never gathered into one document.
 * - an equi-join on a plain collection uses localField/foreignField (index-
 *   eligible), plus a guard because SQL's NULL keys never match (MongoDB's equality
 *   would pair null with null and missing): for an INNER join with nothing else to
 *   check, `{localField: {$ne: null}}` before the plain `$lookup`; otherwise
 *   `{foreignField: {$ne: null}}` in the lookup pipeline;
 * - every other condition runs in the lookup pipeline on the right document, the
 *   left row's values bound with `let`;
 * - LEFT keeps unmatched rows (`preserveNullAndEmptyArrays`); FULL then appends the
 *   right rows that match no left row (an anti-join back to the left side).
 */
export interface SubPipeline {
  /** the collection the pipeline reads; none when its stages start with `$documents` */
  collection?: string;
  stages: Stage[];
}

/** `{from: c}` for $lookup, `{coll: c}` for $unionWith, nothing for a `$documents` pipeline */
export const lookupFrom = (p: SubPipeline): { from?: string } => (p.collection ? { from: p.collection } : {});
export const unionColl = (p: SubPipeline): { coll?: string } => (p.collection ? { coll: p.collection } : {});

type Lower = (e: Expr) => Mql;
type JoinNode = Extract<PlanNode, { kind: 'join' }>;

export function lowerJoin(node: JoinNode, right: SubPipeline, left: SubPipeline, lower: Lower, predicate: Lower): Stage[] {
  if (node.type === 'inner' && node.equi && right.collection && right.stages.length === 0 && !node.let.length && !node.residual) {
    // The plain form: the NULL-key guard moves to the left side (an inner join drops a
    // row whose key is NULL anyway; with a non-NULL left key, a NULL right key cannot
    // match), so no lookup pipeline runs per row. MongoDB serves it from an index on
    // foreignField on every version; the embedded engine hashes the right side once.
    const localField = node.equi.local.join('.');
    return [
      { $match: { [localField]: { $ne: null } } },
      { $lookup: { from: right.collection, localField, foreignField: node.equi.foreign.join('.'), as: node.as } },
      { $unwind: { path: `$${node.as}` } },
    ];
  }
  const equi = node.equi ? { localField: node.equi.local.join('.'), foreignField: node.equi.foreign.join('.') } : undefined;
  const pipeline: Stage[] = [];
  if (equi) pipeline.push({ $match: { [equi.foreignField]: { $ne: null } } });
  pipeline.push(...right.stages);
  const lets = node.let.length ? { let: Object.fromEntries(node.let.map((l) => [l.name, lower(l.expr)])) } : {};
  if (node.residual) pipeline.push({ $match: { $expr: predicate(node.residual) } });
  const lookup: LookupSpec = { ...lookupFrom(right), ...equi, ...lets, pipeline, as: node.as };
  const stages: Stage[] = [
    { $lookup: lookup },
    { $unwind: { path: `$${node.as}`, ...(node.type === 'left' || node.type === 'full' ? { preserveNullAndEmptyArrays: true } : {}) } },
  ];
  if (node.type === 'full' && node.mirrored) {
    // right rows without a partner: look the left side up from each right document
    const anti: LookupSpec = {
      ...lookupFrom(left),
      ...(node.mirrored.let.length ? { let: Object.fromEntries(node.mirrored.let.map((l) => [l.name, lower(l.expr)])) } : {}),
      pipeline: [...left.stages, { $match: { $expr: predicate(node.mirrored.condition) } }, { $limit: 1 }],
      as: '__anti',
    };
    stages.push({
      $unionWith: {
        ...unionColl(right),
        pipeline: [
          ...right.stages,
          { $lookup: anti },
          { $match: { __anti: { $size: 0 } } },
          { $unset: '__anti' },
          { $replaceWith: { [node.as]: '$$ROOT' } },
        ],
      },
    });
  }
  return stages;
}

/** unnest(array): the array at `as`, one row per element; `${as}_n` the 1-based ordinal. */
export function lowerUnnest(node: Extract<PlanNode, { kind: 'unnest' }>, lower: Lower): Stage[] {
  const value = lower(node.array);
  const stages: Stage[] = [
    { $set: { [node.as]: letIn({ a: value }, cond({ $isArray: ['$$a'] }, '$$a', cond(isNull('$$a'), [], ['$$a']))) } },
    {
      $unwind: {
        path: `$${node.as}`,
        ...(node.ordinality ? { includeArrayIndex: `${node.as}_i` } : {}),
        ...(node.outer ? { preserveNullAndEmptyArrays: true } : {}),
      },
    },
  ];
  if (node.ordinality) stages.push({ $set: { [`${node.as}_n`]: { $add: [`$${node.as}_i`, 1] } } }, { $unset: `${node.as}_i` });
  return stages;
}
