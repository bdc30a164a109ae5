import { assertNever } from '../assert-never.js';
import type { Engine } from '../engine/engine.js';
import type { Document } from '../commands/command-ir.js';
import type { Stage } from '../commands/mql-types.js';
import { fromData } from '../mongo/mql.js';
import { valueKey, type CollectionChanges } from '../engine/change-batch.js';
import type { WatchedStatement } from './watchable.js';

/**
 * The old group / partition keys of documents whose old version the change source
 * does not know (MongoDB without pre-images): a collection per grouped or windowed
 * statement, `__sqletl_watch_keys_<statement>_<target>`, holding each source
 * document's `_id` and key values as of the last applied batch. It is rebuilt with
 * every full recompute and updated for the changed documents of every batch, from
 * the source's current contents (as the target is), so it always describes the
 * state the target was computed from.
 */
export const keyIndexName = (w: WatchedStatement): string => `__sqletl_watch_keys_${w.index}_${w.target.name}`;

function keyPaths(w: WatchedStatement): string[][] {
  const m = w.incremental.maintenance;
  switch (m.kind) {
    case 'groups':
      return m.keys.map((k) => k.path);
    case 'partitions':
      return m.keys;
    case 'rows':
    case 'full':
      return [];
    default:
      return assertNever(m, 'run');
  }
}

/** `{_id, k: [key values]}` of the source documents, as `$group` sees the values (missing is null). */
function keyStages(w: WatchedStatement): Stage[] {
  return [{ $project: { _id: 1, k: keyPaths(w).map((p) => ({ $ifNull: [`$${p.join('.')}`, null] })) } }];
}

export function hasKeyIndex(w: WatchedStatement): boolean {
  return keyPaths(w).length > 0 && w.incremental.source !== undefined;
}

/** After a full recompute: the index of every source document. */
export async function rebuildKeyIndex(engine: Engine, w: WatchedStatement): Promise<void> {
  const src = w.incremental.source!;
  const into = src.db ? { db: src.db, coll: keyIndexName(w) } : keyIndexName(w);
  await engine.aggregate({ kind: 'aggregate', collection: src.name, ...(src.db ? { db: src.db } : {}), pipeline: [...keyStages(w), { $out: into }], role: 'write' });
}

/** After an incremental batch: the changed documents' entries, from their current versions. */
export async function updateKeyIndex(engine: Engine, w: WatchedStatement, ids: unknown[]): Promise<void> {
  if (!ids.length) return;
  const src = w.incremental.source!;
  const db = src.db ? { db: src.db } : {};
  await engine.write({ kind: 'deleteMany', collection: keyIndexName(w), ...db, filter: { _id: { $in: ids.map(fromData) } }, role: 'write' });
  await engine.aggregate({
    kind: 'aggregate',
    collection: src.name,
    ...db,
    pipeline: [{ $match: { _id: { $in: ids.map(fromData) } } }, ...keyStages(w), { $merge: { into: src.db ? { db: src.db, coll: keyIndexName(w) } : keyIndexName(w), on: '_id', whenMatched: 'replace', whenNotMatched: 'insert' } }],
    role: 'write',
  });
}

/**
 * Fills in the old key values of changes that lack their old version, from the
 * index, as a stand-in old document; the returned changes know their old keys.
 */
export async function withIndexedOldKeys(engine: Engine, w: WatchedStatement, changes: CollectionChanges): Promise<CollectionChanges> {
  const unknown = changes.changes.filter((c) => !c.oldKnown && c.hasId);
  if (!unknown.length) return changes;
  const src = w.incremental.source!;
  const rows = await engine.aggregate({
    kind: 'aggregate',
    collection: keyIndexName(w),
    ...(src.db ? { db: src.db } : {}),
    pipeline: [{ $match: { _id: { $in: unknown.map((c) => fromData(c.id)) } } }],
    role: 'rows',
  });
  const old = new Map(rows.map((r) => [valueKey(r._id), r.k as unknown[]]));
  const paths = keyPaths(w);
  return {
    ...changes,
    changes: changes.changes.map((c) => {
      if (c.oldKnown || !c.hasId) return c;
      const k = old.get(valueKey(c.id));
      // not in the index: the document did not exist at the last batch (inserted, then changed)
      if (!k) return { ...c, oldKnown: true };
      return { ...c, old: paths.reduceRight<Document>((doc, p, i) => setPath(doc, p, k[i]), {}), oldKnown: true };
    }),
  };
}

function setPath(doc: Document, path: string[], value: unknown): Document {
  let o = doc;
  path.forEach((p, i) => {
    if (i === path.length - 1) o[p] = value;
    else o = (o[p] ??= {}) as Document;
  });
  return doc;
}
