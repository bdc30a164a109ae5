import type { PlanNode } from '../plan/logical-plan.js';
import type { Mql, MqlDocument, Stage } from '../commands/mql-types.js';
import { unionColl, type SubPipeline } from './lower-join.js';

/**
 * UNION / INTERSECT / EXCEPT → `$unionWith` of the right query (renamed to the
 * left's fields), then, unless UNION ALL, one `$group` over all columns (NULLs
 * group together, as set operations treat them as equal): UNION keeps each row
 * once; INTERSECT/EXCEPT tag each row with its side and keep rows by the counts
 * per side (the ALL forms repeat a row min(l, r) or l − r times).
 */
export function lowerSetOp(node: Extract<PlanNode, { kind: 'setop' }>, right: SubPipeline): Stage[] {
  const rename: MqlDocument = { _id: 0 };
  node.rightFields.forEach((f, i) => (rename[node.fields[i]] = `$${f}`));
  const tagged = node.op !== 'union';
  const stages: Stage[] = [];
  if (tagged) stages.push({ $set: { __side: 0 } });
  stages.push({
    $unionWith: { ...unionColl(right), pipeline: [...right.stages, { $project: rename }, ...(tagged ? [{ $set: { __side: 1 } }] : [])] },
  });
  if (node.op === 'union' && node.all) return stages;
  const key: MqlDocument = {};
  for (const f of node.fields) key[f] = { $ifNull: [`$${f}`, null] };
  if (node.op === 'union') return [...stages, { $group: { _id: key } }, { $replaceWith: '$_id' }];
  const counts = { l: { $sum: { $cond: [{ $eq: ['$__side', 0] }, 1, 0] } }, r: { $sum: { $cond: [{ $eq: ['$__side', 1] }, 1, 0] } } };
  stages.push({ $group: { _id: key, ...counts } });
  let copies: Mql;
  if (node.op === 'intersect') copies = node.all ? { $min: ['$l', '$r'] } : { $cond: [{ $and: [{ $gt: ['$l', 0] }, { $gt: ['$r', 0] }] }, 1, 0] };
  else copies = node.all ? { $max: [{ $subtract: ['$l', '$r'] }, 0] } : { $cond: [{ $and: [{ $gt: ['$l', 0] }, { $eq: ['$r', 0] }] }, 1, 0] };
  if (node.all) {
    stages.push({ $set: { __copy: { $range: [0, copies] } } }, { $unwind: '$__copy' });
  } else {
    stages.push({ $match: { $expr: { $eq: [copies, 1] } } });
  }
  stages.push({ $replaceWith: '$_id' });
  return stages;
}
