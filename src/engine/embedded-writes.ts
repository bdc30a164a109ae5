import { assertNever } from '../assert-never.js';
import { ObjectId } from 'bson';
import { Aggregator, ProcessingMode, Query, resolve } from './mingo-runtime.js';
import { fixNow } from './fixed-now.js';
import { SqlEtlError } from '../errors.js';
import type { Document, EngineCommand, MongoCommand } from '../commands/command-ir.js';
import { saveCollection, type IndexSpec, type ViewSpec } from '../io/write-collection.js';
import { EMBEDDED_CONTEXT } from './mingo-extensions.js';
import type { FreshIds } from './embedded-fresh-ids.js';

/**
 * The embedded engine's writes, to MongoDB's documented semantics: `$out` (replace
 * the collection), `$merge` (into, on, whenMatched: replace | keepExisting | merge |
 * fail | pipeline over `$$new`, whenNotMatched: insert | discard | fail; `on` other
 * than `_id` needs a unique, non-partial index), createCollection, createIndex
 * (unique, partial), drop, updateMany with a pipeline, deleteMany. Unique indexes
 * are enforced. A write builds the new collection first and saves it in one step,
 * so a failed write leaves the collection as it was.
 */
export interface Store {
  dataDir: string;
  load(name: string, db?: string): Document[];
  /** replaces a collection in the cache and on disk */
  replace(name: string, db: string | undefined, docs: Document[]): void;
  exists(name: string, db?: string): boolean;
  /** removes a collection's files and forgets it */
  drop(name: string, db?: string): void;
  forget(name: string, db?: string): void;
  readIndexes(): Record<string, IndexSpec[]>;
  writeIndexes(all: Record<string, IndexSpec[]>): void;
  readViews(): Record<string, ViewSpec>;
  writeViews(views: Record<string, ViewSpec>): void;
  /**
   * adds documents at the end of a collection without reading or rewriting it (and
   * drops it from the cache); false when its file cannot take an append (a `.json`
   * or `.csv` collection), and the caller rewrites it instead
   */
  append?(name: string, db: string | undefined, docs: Document[]): boolean;
  /** ids that no collection holds yet, which a merge may append without looking them up */
  fresh?: FreshIds;
}

const nsKey = (name: string, db?: string) => (db ? `${db}.${name}` : name);

export function writeStage(stage: Document, store: Store, db: string | undefined, given: Document[]): void {
  const docs = given.map(withoutUndefined);
  if ('$out' in stage) {
    const target = stage.$out as string | { db?: string; coll: string };
    const [name, tdb] = typeof target === 'string' ? [target, db] : [target.coll, target.db ?? db];
    const out = docs.map(withId);
    checkUnique(store, name, tdb, out);
    store.replace(name, tdb, out);
    store.fresh?.stored(nsKey(name, tdb), out, out.filter((_, i) => docs[i]._id === undefined));
    return;
  }
  merge(stage.$merge as MergeSpec, store, db, docs);
}

interface MergeSpec {
  into: string | { db?: string; coll: string };
  on?: string | string[];
  let?: Document;
  whenMatched?: string | Document[];
  whenNotMatched?: string;
}

function merge(spec: MergeSpec, store: Store, db: string | undefined, docs: Document[]): void {
  const [name, tdb] = typeof spec.into === 'string' ? [spec.into, db] : [spec.into.coll, spec.into.db ?? db];
  if (docs.length === 0) return; // nothing to write: an absent target stays absent
  const on = spec.on === undefined ? ['_id'] : Array.isArray(spec.on) ? spec.on : [spec.on];
  if (!(on.length === 1 && on[0] === '_id')) {
    const ok = indexesOf(store, name, tdb).some((ix) => ix.unique && !ix.partialFilterExpression && sameFields(Object.keys(ix.keys), on));
    if (!ok) throw new Error('Cannot find index to verify that join fields will be unique');
  }
  const whenMatched = spec.whenMatched ?? 'merge';
  const whenNotMatched = spec.whenNotMatched ?? 'insert';
  if (appendMerge(store, name, tdb, on, whenNotMatched, docs)) return;
  // a new array; its documents are replaced, never changed in place, so the cached ones are not copied
  const target = store.load(name, tdb).slice();
  const keyOf = on.length === 1 ? (d: Document) => valueKey(resolve(d, on[0])) : (d: Document) => JSON.stringify(on.map((f) => normalizeKey(resolve(d, f))));
  const byKey = new Map<unknown, number>();
  target.forEach((d, i) => byKey.set(keyOf(d), i));
  // one whenMatched pipeline for every match: `$$new` is set before each run (building mingo's options per document was a copy of its operator tables)
  const variables: Document = { new: undefined, ...(spec.let ? spec.let : {}) };
  const update = Array.isArray(whenMatched) ? new Aggregator(fixNow(whenMatched, new Date()), { context: EMBEDDED_CONTEXT, processingMode: ProcessingMode.CLONE_INPUT, variables }) : undefined;
  for (const incoming of docs) {
    for (const f of on) {
      const v = resolve(incoming, f);
      if (f !== '_id' && (v === null || v === undefined || Array.isArray(v))) throw new Error(`$merge write error: 'on' field '${f}' cannot be missing, null or an array`);
    }
    const k = keyOf(incoming);
    const at = incoming._id === undefined && on[0] === '_id' ? undefined : byKey.get(k);
    if (at === undefined) {
      if (whenNotMatched === 'discard') continue;
      if (whenNotMatched === 'fail') throw new Error('$merge could not find a matching document in the target collection');
      const doc = withId(incoming);
      target.push(doc);
      byKey.set(keyOf(doc), target.length - 1);
      continue;
    }
    const existing = target[at];
    if (update) {
      if (!spec.let || !('new' in spec.let)) variables.new = incoming;
      const [updated] = update.run([existing]) as Document[];
      target[at] = withoutUndefined({ ...updated, _id: existing._id });
    } else if (whenMatched === 'replace') target[at] = { ...incoming, _id: existing._id };
    else if (whenMatched === 'merge') target[at] = { ...existing, ...incoming, _id: existing._id };
    else if (whenMatched === 'fail') throw new Error(`E11000 duplicate key error collection: ${nsKey(name, tdb)}`);
    // keepExisting: nothing
  }
  checkUnique(store, name, tdb, target);
  store.replace(name, tdb, target);
  store.fresh?.written(nsKey(name, tdb), docs);
}

/**
 * The append path: a merge on `_id` whose documents cannot match any target
 * document (no `_id`, or one minted moments ago, see FreshIds) only inserts, so with
 * no unique index to check it appends them instead of reading and rewriting the
 * whole target. Loading a large file batch after batch this way stays linear in time
 * and bounded in memory, where rewriting was quadratic and kept the target in memory.
 * Atomicity is the store's: the append is part of the statement's transaction.
 */
function appendMerge(store: Store, name: string, db: string | undefined, on: string[], whenNotMatched: string, docs: Document[]): boolean {
  if (!store.append || !store.fresh || whenNotMatched !== 'insert' || on.length !== 1 || on[0] !== '_id') return false;
  if (!store.fresh.allFresh(nsKey(name, db), docs)) return false;
  if (indexesOf(store, name, db).some((ix) => ix.unique)) return false;
  const added = docs.map(withId);
  if (!store.append(name, db, added)) return false;
  store.fresh.written(nsKey(name, db), added);
  return true;
}

/**
 * The document as MongoDB stores it: mingo's `$project` and `$replaceWith` leave a
 * field whose value is missing (`$$REMOVE`, a path that resolves to nothing) in the
 * document, as undefined; MongoDB leaves the field out, and so does the saved file.
 */
function withoutUndefined(d: Document): Document {
  for (const k in d) if (d[k] === undefined) return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
  return d;
}

function withId(d: Document): Document {
  return d._id === undefined ? { _id: new ObjectId(), ...d } : d;
}

function normalizeKey(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.getTime() };
  if (v instanceof ObjectId) return { $oid: v.toHexString() };
  return v ?? null;
}

/**
 * A Map key equal for equal values: a finite number is its own key (a Map tells the
 * number 1 from any string), anything else the JSON of its normalized form. Most
 * `_id`s of a keyed table are numbers, and JSON.stringify of each was a good part of
 * a merge.
 */
function valueKey(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? v : JSON.stringify(normalizeKey(v));
}

const sameFields = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

function indexesOf(store: Store, name: string, db?: string): IndexSpec[] {
  return store.readIndexes()[nsKey(name, db)] ?? [];
}

/** E11000 when a unique index would hold the same key twice (partial indexes skip documents outside their filter). */
function checkUnique(store: Store, name: string, db: string | undefined, docs: Document[]): void {
  const ids = new Set<unknown>();
  for (const d of docs) {
    const k = valueKey(d._id);
    if (ids.has(k)) throw new Error(`E11000 duplicate key error collection: ${nsKey(name, db)} index: _id_ dup key: ${JSON.stringify(normalizeKey(d._id))}`);
    ids.add(k);
  }
  for (const ix of indexesOf(store, name, db)) {
    if (!ix.unique) continue;
    const filter = ix.partialFilterExpression ? new Query(ix.partialFilterExpression, { context: EMBEDDED_CONTEXT }) : undefined;
    const seen = new Set<string>();
    for (const d of docs) {
      if (filter && !filter.test(d)) continue;
      const k = JSON.stringify(Object.keys(ix.keys).map((f) => normalizeKey(resolve(d, f))));
      if (seen.has(k)) throw new Error(`E11000 duplicate key error collection: ${nsKey(name, db)} index: ${ix.name} dup key: ${k}`);
      seen.add(k);
    }
  }
}

export interface WriteResult {
  matched?: number;
  modified?: number;
  deleted?: number;
  existed?: boolean;
}

export function runWriteCommand(cmd: Exclude<EngineCommand, { kind: 'aggregate' }>, store: Store): WriteResult {
  const { collection, db } = cmd;
  switch (cmd.kind) {
    case 'createCollection': {
      if (store.exists(collection, db)) {
        if (cmd.ifNotExists) return { existed: true };
        throw new SqlEtlError('already-exists', 'run', `relation "${collection}" already exists`);
      }
      store.replace(collection, db, []);
      return { existed: false };
    }
    case 'createIndex': {
      const all = store.readIndexes();
      const list = (all[nsKey(collection, db)] ?? []).filter((ix) => ix.name !== cmd.name);
      list.push({ name: cmd.name, keys: cmd.keys, unique: cmd.unique, ...(cmd.partialFilterExpression ? { partialFilterExpression: cmd.partialFilterExpression } : {}) });
      all[nsKey(collection, db)] = list;
      store.writeIndexes(all);
      checkUnique(store, collection, db, store.load(collection, db));
      return {};
    }
    case 'drop': {
      const views = store.readViews();
      if (nsKey(collection, db) in views) {
        delete views[nsKey(collection, db)];
        store.writeViews(views);
        store.forget(collection, db);
        return { existed: true };
      }
      const existed = store.exists(collection, db);
      if (!existed && !cmd.ifExists) throw new SqlEtlError('undefined-table', 'run', `table "${collection}" does not exist`, { params: { table: collection } });
      store.drop(collection, db);
      const all = store.readIndexes();
      if (all[nsKey(collection, db)]) {
        delete all[nsKey(collection, db)];
        store.writeIndexes(all);
      }
      return { existed };
    }
    case 'createView': {
      const views = store.readViews();
      const key = nsKey(collection, db);
      const existed = store.exists(collection, db) || key in views;
      if (existed && !cmd.replace) throw new SqlEtlError('already-exists', 'run', `relation "${collection}" already exists`);
      views[key] = { viewOn: cmd.viewOn, pipeline: cmd.pipeline };
      store.writeViews(views);
      store.forget(collection, db);
      return { existed };
    }
    case 'deleteMany': {
      const docs = store.load(collection, db);
      const q = new Query(cmd.filter, { context: EMBEDDED_CONTEXT });
      const kept = docs.filter((d) => !q.test(d));
      if (kept.length !== docs.length || !store.exists(collection, db)) store.replace(collection, db, kept);
      return { deleted: docs.length - kept.length };
    }
    case 'updateMany': {
      const docs = store.load(collection, db);
      const q = new Query(cmd.filter, { context: EMBEDDED_CONTEXT });
      const agg = new Aggregator(fixNow(cmd.update, new Date()), { context: EMBEDDED_CONTEXT, processingMode: ProcessingMode.CLONE_INPUT });
      let matched = 0;
      let modified = 0;
      const next = docs.map((d) => {
        if (!q.test(d)) return d;
        matched++;
        const [u] = agg.run([d]) as Document[];
        const updated = { ...u, _id: d._id };
        if (JSON.stringify(updated) !== JSON.stringify(d)) modified++;
        return updated;
      });
      checkUnique(store, collection, db, next);
      if (matched) store.replace(collection, db, next);
      return { matched, modified };
    }
    default:
      return assertNever(cmd, 'run');
  }
}

export { saveCollection };
