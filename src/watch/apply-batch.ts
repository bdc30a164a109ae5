import { assertNever } from '../assert-never.js';
import type { Engine } from '../engine/engine.js';
import { SqlEtlError } from '../errors.js';
import type { Document, MongoCommand } from '../commands/command-ir.js';
import type { Filter, Stage } from '../commands/mql-types.js';
import { fromData, isMqlDocument } from '../mongo/mql.js';
import { lowerPlan, type LowerOptions } from '../mongo/lower-plan.js';
import { buildPlan } from '../plan/build-plan.js';
import { valueKey, type CollectionChanges } from '../engine/change-batch.js';
import { IDENTITY } from './incremental-plan.js';
import { hasKeyIndex, rebuildKeyIndex, updateKeyIndex, withIndexedOldKeys } from './key-index.js';
import type { WatchedStatement } from './watchable.js';

/**
 * Applies one batch of source changes to one watched statement's target, so the
 * target equals what running the statement from scratch would produce:
 *
 * - `rows`: the derived rows of the changed documents are deleted (by `_id`, the
 *   source `_id`), then the changed documents that exist now are run through the
 *   statement's pipeline (leading `$match` on their `_id`s) and `$merge`d.
 * - `groups` / `partitions`: the key values the changed documents had before and
 *   have now select the touched groups; their rows are deleted (groups: by the
 *   group key `_id`; partitions: by the changed documents' `_id`s, the other rows
 *   are overwritten) and the pipeline with a leading `$match` on those key values
 *   recomputes them.
 * - `full`: the whole target is recomputed and replaced in one step (`$out`).
 *
 * Recomputing always reads the sources' current contents, so applying a batch a
 * second time (after a crash between the write and saving the position) changes
 * nothing: re-application is idempotent.
 */
export interface StatementOutcome {
  statement: number;
  target: string;
  how: 'rows' | 'groups' | 'partitions' | 'full';
  /** rows, groups or partitions recomputed (undefined for full) */
  count?: number;
  /** why the statement was recomputed fully */
  reason?: string;
  rejected?: number;
}

/** More touched keys than this and a full recompute is cheaper than a long `$in`. */
const MAX_KEYS = 5000;

export interface ApplyOptions extends LowerOptions {
  /** keep the old keys of grouped / windowed statements' sources (key-index.ts): for change sources without pre-images */
  keyIndex?: boolean;
}

export async function applyStatement(engine: Engine, w: WatchedStatement, changes: CollectionChanges | 'all', options: ApplyOptions): Promise<StatementOutcome> {
  if (!options.keyIndex || !hasKeyIndex(w)) return applyChanges(engine, w, changes, options);
  const known = changes === 'all' || changes.all ? changes : await withIndexedOldKeys(engine, w, changes);
  const outcome = await applyChanges(engine, w, known, options);
  if (outcome.how === 'full' || known === 'all' || known.all) await rebuildKeyIndex(engine, w);
  else await updateKeyIndex(engine, w, uniqueValues(known.changes.map((c) => c.id)));
  return outcome;
}

async function applyChanges(engine: Engine, w: WatchedStatement, changes: CollectionChanges | 'all', options: LowerOptions): Promise<StatementOutcome> {
  const m = w.incremental.maintenance;
  const fully = (reason: string) => recompute(engine, w, { kind: 'full', reason }, options);
  if (m.kind === 'full') return fully(m.reason);
  if (changes === 'all') return fully('a table it reads was recomputed');
  if (changes.all) return fully(changes.all);

  if (m.kind === 'rows' || m.kind === 'partitions') {
    if (changes.changes.some((c) => !c.hasId)) return fully('a changed source document has no _id');
  }
  if (m.kind === 'groups' || m.kind === 'partitions') {
    if (changes.changes.some((c) => !c.oldKnown)) return fully('the old version of an updated or deleted document is not known (no pre-image)');
  }
  const ids = uniqueValues(changes.changes.map((c) => c.id));
  if (m.kind === 'rows') {
    if (ids.length > MAX_KEYS) return fully(`${ids.length} documents changed`);
    return recompute(engine, w, { kind: 'rows', match: { _id: { $in: ids.map(fromData) } }, deleteIds: ids, count: ids.length }, options);
  }
  const paths = m.kind === 'groups' ? m.keys.map((k) => k.path) : m.keys;
  const tuples = new Map<string, unknown[]>();
  for (const c of changes.changes) {
    for (const doc of [c.old, c.new]) {
      if (!doc) continue;
      const tuple = paths.map((p) => valueAt(doc, p));
      if (tuple.some((v) => v === NOT_PLAIN)) return fully('a key value lies inside an array');
      tuples.set(valueKey(tuple), tuple);
    }
  }
  if (tuples.size > MAX_KEYS) return fully(`${tuples.size} keys touched`);
  const list = [...tuples.values()];
  const match = keyMatch(paths, list);
  if (m.kind === 'groups') {
    const groupIds = list.map((t) => Object.fromEntries(m.keys.map((k, i) => [k.field, t[i]])));
    return recompute(engine, w, { kind: 'groups', match, deleteIds: groupIds, count: list.length }, options);
  }
  if (m.kind === 'partitions') return recompute(engine, w, { kind: 'partitions', match, deleteIds: ids, count: list.length }, options);
  return assertNever(m, 'run');
}

const NOT_PLAIN = Symbol('not plain');

/** The value at a path as `$group` / `$setWindowFields` see it (missing is null); NOT_PLAIN through arrays. */
function valueAt(doc: Document, path: string[]): unknown {
  let v: unknown = doc;
  for (const p of path) {
    if (Array.isArray(v)) return NOT_PLAIN;
    if (v === null || typeof v !== 'object' || v instanceof Date) return null;
    v = (v as Document)[p];
    if (v === undefined) return null;
  }
  return v;
}

/** Documents whose key values are one of the tuples: index-friendly query language. */
function keyMatch(paths: string[][], tuples: unknown[][]): Filter {
  if (paths.length === 1) return { [paths[0].join('.')]: { $in: tuples.map((t) => fromData(t[0])) } };
  return { $or: tuples.map((t) => Object.fromEntries(paths.map((p, i) => [p.join('.'), { $eq: fromData(t[i]) }]))) };
}

function uniqueValues(values: unknown[]): unknown[] {
  const out = new Map<string, unknown>();
  for (const v of values) if (v !== undefined) out.set(valueKey(v), v);
  return [...out.values()];
}

type Recompute =
  | { kind: 'full'; reason: string }
  | { kind: 'rows' | 'groups' | 'partitions'; match: Filter; deleteIds: unknown[]; count: number };

/** Drops NULL fields, as the job's own writes do (a missing field is SQL's NULL). */
const WITHOUT_NULLS: Stage = { $replaceWith: { $arrayToObject: { $filter: { input: { $objectToArray: '$$ROOT' }, cond: { $ne: ['$$this.v', null] } } } } };

async function recompute(engine: Engine, w: WatchedStatement, r: Recompute, options: LowerOptions): Promise<StatementOutcome> {
  // (for full maintenance the plan carries no identity: rows get fresh _ids, as a run gives them)
  const read = lowerPlan(w.incremental.plan, options);
  if (read.kind !== 'aggregate') throw new Error('unreachable');
  const head: Stage[] = r.kind === 'full' ? [] : [{ $match: r.match }];
  const into = w.target.db ? { db: w.target.db, coll: w.target.name } : w.target.name;
  const db = w.target.db ? { db: w.target.db } : {};
  // the identity becomes _id; without one (full maintenance, a source row without _id) the row gets a fresh _id
  const finish: Stage[] = [{ $unset: '_id' }, { $set: { _id: `$${IDENTITY}` } }, { $unset: IDENTITY }, WITHOUT_NULLS];
  const write: Stage = r.kind === 'full' ? { $out: into } : { $merge: { into, on: '_id', whenMatched: 'replace', whenNotMatched: 'insert' } };
  const outcome: StatementOutcome = {
    statement: w.index,
    target: w.target.name,
    how: r.kind,
    ...(r.kind === 'full' ? { reason: r.reason } : { count: r.count }),
  };

  if (r.kind !== 'full' && r.deleteIds.length) {
    await engine.write({ kind: 'deleteMany', collection: w.target.name, ...db, filter: { _id: { $in: r.deleteIds.map(fromData) } }, role: 'write' });
  }
  if (!w.insert) {
    await engine.aggregate({ ...read, pipeline: [...head, ...read.pipeline, ...finish, write], role: 'write' });
    return outcome;
  }
  // INSERT: the statement's own stage / check / rejects commands, reading the restricted, identity-carrying rows
  const commands = w.compiled.commands;
  const stage = commands.find((c): c is Extract<MongoCommand, { kind: 'aggregate' }> => c.kind === 'aggregate' && c.role === 'stage');
  if (!stage) throw new Error('unreachable: an INSERT without a stage command');
  const original = lowerPlan(buildPlan(w.insert.source), options);
  if (original.kind !== 'aggregate') throw new Error('unreachable');
  // the conforming step (lower-write.ts) carries the identity field on to the stage
  const rest = stage.pipeline.slice(original.pipeline.length).map((s, i) => (i === 0 && '$replaceWith' in s && isMqlDocument(s.$replaceWith) ? { $replaceWith: { ...s.$replaceWith, [IDENTITY]: `$${IDENTITY}` } } : s));
  const patched: MongoCommand = { ...stage, ...(read.collection ? { collection: read.collection } : {}), pipeline: [...head, ...read.pipeline, ...rest] };
  const last = stage.pipeline.at(-1);
  if (!last || !('$out' in last)) throw new Error('unreachable: a stage command without its $out');
  const stageName = last.$out;
  const stageColl = typeof stageName === 'string' ? stageName : stageName.coll;
  try {
    await engine.aggregate(patched as Extract<MongoCommand, { kind: 'aggregate' }>);
    for (const c of commands) {
      if (c.kind !== 'aggregate' || c === stage) continue;
      if (c.role === 'check') {
        const docs = await engine.aggregate(c);
        // on_error = stop: the first rejected row's reason, in PostgreSQL's words (as run-script.ts says it)
        const reason = c.firstReason && Array.isArray(docs[0]?.__reasons) ? String((docs[0].__reasons as unknown[])[0] ?? '') : '';
        if (docs.length) throw new SqlEtlError('constraint-violation', 'run', reason || (c.message ?? 'a check of the statement failed'), reason && c.message ? { hints: [c.message] } : {});
      } else if (c.role === 'count') {
        const docs = await engine.aggregate(c);
        outcome.rejected = Number(docs.find((d) => d._id === 'rejected')?.n ?? 0);
      } else if (c.role === 'rejects') await engine.aggregate(c);
    }
    await engine.aggregate({
      kind: 'aggregate',
      collection: stageColl,
      ...db,
      role: 'write',
      pipeline: [{ $match: { $expr: { $eq: [{ $size: '$__reasons' }, 0] } } }, { $unset: ['__reasons', '__source', '__key'] }, ...finish, write],
    });
  } finally {
    await engine.write({ kind: 'drop', collection: stageColl, ...db, ifExists: true, role: 'cleanup' }).catch(() => undefined);
  }
  return outcome;
}
