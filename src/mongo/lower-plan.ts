import { assertNever } from '../assert-never.js';
import { SqlEtlError } from '../errors.js';
import type { Expr, SubqueryExpr } from '../ir/expr.js';
import { isOrderedSet } from '../catalog/functions.js';
import type { PlanNode } from '../plan/logical-plan.js';
import type { MongoCommand } from '../commands/command-ir.js';
import type { Filter, GroupSpec, Mql, MqlDocument, SortSpec, Stage } from '../commands/mql-types.js';
import { lowerAggregate } from './lower-aggregate.js';
import { lookupFrom, lowerJoin, lowerUnnest, type SubPipeline } from './lower-join.js';
import { lowerSetOp } from './lower-setop.js';
import { lowerOrderedSet } from './lower-ordered-set.js';
import { lowerWindow } from './lower-window.js';
import { keyedNullSummary, summaryPlan, summaryStages } from './lower-quantified.js';
import { lowerExpr, lowerPredicate } from './lower-expr.js';
import { conjuncts, toQuery } from './lower-match.js';
import { cond, isNull, literal, orNull } from './mql.js';
import { nanRank } from './nan-order.js';
import { inlineProjection } from '../plan/inline-projection.js';

/**
 * Logical plan → one aggregate command. Stages are appended bottom-up; a filter
 * directly on a collection scan becomes the leading, index-eligible `$match`.
 */
export interface LowerOptions {
  /** compute PERCENTILE_CONT/DISC with MongoDB's approximate $percentile instead of exactly */
  percentiles?: 'exact' | 'approximate';
}

/** Per-command state: options, and notes for `explain` (e.g. which percentile method). */
interface LowerContext {
  options: LowerOptions;
  notes: Set<string>;
  /** the command's database: `$lookup`/`$unionWith` can only read collections of the same database */
  db?: string;
  dbFixed: boolean;
}

export function lowerPlan(plan: PlanNode, options: LowerOptions = {}): MongoCommand {
  const ctx: LowerContext = { options, notes: new Set(), db: mainDb(plan), dbFixed: true };
  if (ctx.db === undefined) ctx.dbFixed = false;
  const { source, stages } = lowerNode(plan, ctx);
  const note = ctx.notes.size ? { note: [...ctx.notes].join('; ') } : {};
  const db = ctx.db ? { db: ctx.db } : {};
  return source.kind === 'collection'
    ? { kind: 'aggregate', collection: source.name, ...db, pipeline: stages, ...note }
    : { kind: 'aggregate', ...db, pipeline: [{ $documents: source.rows }, ...stages], ...note };
}

type PipelineSource = { kind: 'collection'; name: string; db?: string } | { kind: 'documents'; rows: MqlDocument[] };

function lowerNode(planned: PlanNode, ctx: LowerContext): { source: PipelineSource; stages: Stage[] } {
  // a group reads its input's select list directly (src/plan/inline-projection.ts)
  const node = planned.kind === 'group' ? inlineProjection(planned) : planned;
  switch (node.kind) {
    case 'scan':
      return { source: { kind: 'collection', name: node.collection, db: node.db }, stages: [] };
    case 'values':
      return { source: { kind: 'documents', rows: node.rows.map((r) => literalDoc(r)) }, stages: [] };
  }
  // every other node reads an input: `node` is no longer a scan or values
  const inner = lowerNode(node.input, ctx);
  const stages = inner.stages;
  const atStart = stages.length === 0 && inner.source.kind === 'collection';
  switch (node.kind) {
    case 'filter':
      stages.push(...filterStages(node.predicate, atStart));
      break;
    case 'group':
      if (node.sets) {
        // one $group per grouping set over the same input; keys outside a set are NULL
        const input = [...stages];
        node.sets.forEach((set, i) => {
          const branch: Stage[] = [
            ...groupStages({ ...node, global: set.length === 0, keys: node.keys.map((k, j) => (set.includes(j) ? k : { field: k.field, expr: { kind: 'literal', value: null, type: 'unknown' } })) }, ctx),
            { $set: { __gset: i } },
          ];
          if (i === 0) stages.push(...branch);
          else {
            const start = inner.source.kind === 'collection' ? { coll: inner.source.name } : {};
            const head = inner.source.kind === 'documents' ? [{ $documents: inner.source.rows }] : [];
            stages.push({ $unionWith: { ...start, pipeline: [...head, ...input, ...branch] } });
          }
        });
      } else stages.push(...groupStages(node, ctx));
      break;
    case 'window':
      stages.push(...lowerWindow(node, lowerExpr, lowerPredicate));
      break;
    case 'project': {
      const spec: MqlDocument = {};
      for (const f of node.fields) spec[f.field] = projected(lowerExpr(f.expr));
      // A select list builds new rows: `$replaceWith` of an object expression, which
      // leaves out `_id` unless it is a column, and a field whose value is missing, as
      // `$project` does. On the embedded engine it is several times cheaper per row than
      // mingo's `$project`, which resolves every projected path of its spec one by one.
      stages.push(node.keepInput ? { $set: spec } : { $replaceWith: spec });
      break;
    }
    case 'distinct': {
      const key: MqlDocument = {};
      for (const f of node.fields) key[f] = { $ifNull: [`$${f}`, null] };
      stages.push({ $group: { _id: key } }, { $replaceWith: '$_id' });
      break;
    }
    case 'sort': {
      const ranks: MqlDocument = {};
      const sort: SortSpec = {};
      node.keys.forEach((k, i) => {
        if (k.nullable) {
          // PostgreSQL: NULLS LAST ascending, FIRST descending, unless told; MongoDB puts null first
          ranks[`__n${i}`] = cond(isNull(`$${k.field}`), k.nullsFirst ? 0 : 1, k.nullsFirst ? 1 : 0);
          sort[`__n${i}`] = 1;
        }
        if (k.nan) {
          // PostgreSQL's NaN is above every number, MongoDB's below (nan-order.ts)
          ranks[`__x${i}`] = nanRank(`$${k.field}`);
          sort[`__x${i}`] = k.desc ? -1 : 1;
        }
        sort[k.field] = k.desc ? -1 : 1;
      });
      if (Object.keys(ranks).length) stages.push({ $set: ranks });
      stages.push({ $sort: sort });
      if (Object.keys(ranks).length) stages.push({ $unset: Object.keys(ranks) });
      break;
    }
    case 'skip':
      if (node.count > 0) stages.push({ $skip: node.count });
      break;
    case 'limit':
      // MongoDB rejects $limit: 0
      stages.push(node.count > 0 ? { $limit: node.count } : { $match: { $expr: false } });
      break;
    case 'unset':
      stages.push({ $unset: node.fields });
      break;
    case 'attach': {
      const sub = subPipeline(node.subplan, ctx);
      const lets: MqlDocument = Object.fromEntries(node.outer.map((o) => [o.name, lowerExpr(o.expr)]));
      const plan = summaryPlan(node.sub);
      if (plan.kind === 'compare') for (const a of plan.args) lets[a.name] = lowerExpr(a.expr);
      // keyed (src/plan/join-subqueries-by-key.ts): localField/foreignField, and SQL's NULL key matches nothing
      const key = node.key && sub.collection ? { localField: node.key.local.join('.'), foreignField: node.key.foreign.join('.') } : undefined;
      const guard = key ? [{ $match: { [key.foreignField]: { $ne: null } } }] : [];
      stages.push({
        $lookup: {
          ...lookupFrom(sub),
          ...key,
          ...(Object.keys(lets).length ? { let: lets } : {}),
          pipeline: [...guard, ...sub.stages, ...summaryStages(node.sub, plan)],
          as: node.field,
        },
      });
      if (node.summaryField) stages.push({ $lookup: { ...lookupFrom(sub), pipeline: [...sub.stages, ...keyedNullSummary(node.sub)], as: node.summaryField } });
      break;
    }
    case 'join':
      stages.push(...lowerJoin(node, subPipeline(node.right, ctx), subPipeline(node.input, ctx), lowerExpr, lowerPredicate));
      break;
    case 'unnest':
      stages.push(...lowerUnnest(node, lowerExpr));
      break;
    case 'setop':
      stages.push(...lowerSetOp(node, subPipeline(node.right, ctx)));
      break;
    default:
      return assertNever(node, 'lower');
  }
  return { source: inner.source, stages };
}

/** The database of the collection a plan reads first (its pipeline's own collection). */
function mainDb(plan: PlanNode): string | undefined {
  let node: PlanNode = plan;
  while ('input' in node) node = node.input;
  return node.kind === 'scan' ? node.db : undefined;
}

/** A plan as the target of `$lookup` / `$unionWith`: `{from}` or a `$documents` start, and its stages. */
function subPipeline(plan: PlanNode, ctx: LowerContext): SubPipeline {
  const sub = lowerNode(plan, ctx);
  if (sub.source.kind === 'collection') {
    // a pipeline that starts from $documents runs on whichever database its lookups read
    if (!ctx.dbFixed && sub.source.db !== undefined) {
      ctx.db = sub.source.db;
      ctx.dbFixed = true;
    }
    if (sub.source.db !== ctx.db) {
      const name = sub.source.db ? `${sub.source.db}.${sub.source.name}` : sub.source.name;
      throw new SqlEtlError('cross-database', 'lower', `"${name}" is in another database than the statement's main collection; $lookup and $unionWith read one database`, {});
    }
    return { collection: sub.source.name, stages: sub.stages };
  }
  return { stages: [{ $documents: sub.source.rows }, ...sub.stages] };
}

/** Values in $project are expressions; constants must not read as inclusion flags. */
function projected(v: Mql): Mql {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { $literal: v };
  if (typeof v === 'string' && !v.startsWith('$')) return { $literal: v };
  return v;
}

function filterStages(predicate: Expr, atStart: boolean): Stage[] {
  if (!atStart) return [{ $match: { $expr: lowerPredicate(predicate) } }];
  const query: Filter[] = [];
  const rest: Expr[] = [];
  for (const c of conjuncts(predicate)) {
    const q = toQuery(c);
    if (q) query.push(q);
    else rest.push(c);
  }
  const match: Filter = query.length === 1 ? { ...query[0] } : query.length ? { $and: query } : {};
  if (rest.length) {
    const expr = rest.length === 1 ? lowerPredicate(rest[0]) : { $and: rest.map(lowerPredicate) };
    if (query.length === 0) return [{ $match: { $expr: expr } }];
    return [{ $match: match }, { $match: { $expr: expr } }];
  }
  return [{ $match: match }];
}

function groupStages(node: Extract<PlanNode, { kind: 'group' }>, ctx: LowerContext): Stage[] {
  const id: MqlDocument = {};
  if (!node.global) for (const k of node.keys) id[k.field] = orNull(lowerExpr(k.expr));
  const group: GroupSpec = { _id: node.global ? null : id };
  const finish: MqlDocument = {};
  const empty: MqlDocument = { _id: null };
  const pre: Stage[] = [];
  for (const a of node.aggregates) {
    let l: { accumulators: Record<string, MqlDocument>; result: Mql; empty: MqlDocument };
    if (isOrderedSet(a.agg.name)) {
      const os = lowerOrderedSet(a.agg, a.field, node.global ? undefined : group._id, lowerExpr, lowerPredicate, ctx.options.percentiles === 'approximate');
      pre.push(...os.pre);
      ctx.notes.add(os.note);
      l = os;
    } else l = lowerAggregate(a.agg, a.field, lowerExpr, lowerPredicate);
    Object.assign(group, l.accumulators);
    Object.assign(empty, l.empty);
    if (l.result !== `$${a.field}`) finish[a.field] = l.result;
  }
  const stages: Stage[] = [...pre, { $group: group }];
  if (node.global) {
    // one row even without input rows: append the empty group's row, keep the first
    stages.push({ $unionWith: { pipeline: [{ $documents: [literalDoc(empty)] }] } }, { $limit: 1 });
  }
  if (Object.keys(finish).length) stages.push({ $set: finish });
  return stages;
}

function literalDoc(d: MqlDocument): MqlDocument {
  const out: MqlDocument = {};
  for (const [k, v] of Object.entries(d)) out[k] = v === undefined ? v : literal(v);
  return out;
}
