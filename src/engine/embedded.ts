import { statSync, type Stats } from 'node:fs';
import { Aggregator, ProcessingMode } from './mingo-runtime.js';
import { fixNow } from './fixed-now.js';
import { SqlEtlError, raisedError } from '../errors.js';
import { EMBEDDED_CONTEXT, type CollectionResolver } from './mingo-extensions.js';
import { fuseLookupUnwind, LOOKUP_UNWIND } from './lookup-unwind-fusion.js';
import { markOutermost } from './semi-join.js';
import { COLLECTION_EXTENSIONS, collectionFile, readCollectionFile } from '../io/data-files.js';
import { cachedRowCount, readFilteredCache, readRowTable } from '../io/collection-cache.js';
import { keyedRows, type KeyedRows } from './keyed-rows.js';
import { fieldsRead, type FieldNeeds } from './embedded-projection.js';
import { alreadyApplied, markApplied, prefilterOf, type Prefilter } from './embedded-prefilter.js';
import type { Document, EngineCommand, MongoCommand } from '../commands/command-ir.js';
import type { Engine, WriteOutcome } from './engine.js';
import { runWriteCommand, writeStage, type Store } from './embedded-writes.js';
import { FreshIds } from './embedded-fresh-ids.js';
import { collectionPath, collectionText, dropCollectionFiles, INDEXES_FILE, parseCollectionText, readIndexes, readViews, saveCollection, VIEWS_FILE, writeIndexes, writeViews } from '../io/write-collection.js';
import { DataDirTransaction, recover } from '../io/data-dir-transaction.js';
import { lockDataDir, type DataDirLock } from '../io/data-dir-lock.js';
import type { JournalStore } from './run-journal.js';
import { FileJournal } from './journal-stores.js';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { relative } from 'node:path';
import { EJSON } from 'bson';
import { isStageName } from '../commands/stage-names.js';

/**
 * The embedded engine: mingo runs the very pipelines MongoDB would get, over the
 * collections of a data directory. Collections are read once per run and cached.
 * `scriptEnabled` must stay on: mingo implements $setWindowFields with $function
 * internally. sqletl itself never emits $function, $where or $accumulator.
 */
export class EmbeddedEngine implements Engine {
  readonly name = 'embedded' as const;
  private cache = new Map<string, Document[]>();
  /** declared float columns by collection key: their large integers are read as doubles (io/json-integers.ts) */
  private floatColumns = new Map<string, ReadonlySet<string>>();
  readFloatColumns(columns: Record<string, readonly string[]>): void {
    for (const [key, names] of Object.entries(columns)) this.floatColumns.set(key, new Set(names));
  }
  /**
   * Collections built from their column cache with only some top-level fields, for the
   * queries that read only those (embedded-projection.ts), by collection key and field
   * list. Never given to writes; emptied whenever `cache` changes.
   */
  private narrowed = new Map<string, Document[]>();
  /** loadKeyed's tables, by collection, fields, prefilter and key field (cleared with `narrowed`) */
  private keyed = new Map<string, KeyedRows | undefined>();
  private readonly missing = new Set<string>();
  /**
   * A write statement's stages (stage-names.ts) live in the cache only: they are
   * created and dropped within the statement, so writing them out as text (and
   * reading nothing back) was pure cost. A failed or killed statement leaves none.
   */
  private readonly inMemory = new Set<string>();
  /** ids minted by the latest $out, which merges may append without a lookup (embedded-fresh-ids.ts) */
  private readonly fresh = new FreshIds();

  /** `defaultDb`: the database (`<data>/<db>/`) of commands that name none (`--db`) */
  constructor(readonly dataDir: string, readonly defaultDb?: string) {}

  private lock: DataDirLock | undefined;

  /**
   * Before a job's first write: take the data directory's lock (one writing run at a
   * time) and finish or discard what a killed run left (see data-dir-transaction.ts).
   */
  /** an engine that already holds the data directory's lock (for tools that only write, like watch) */
  static async open(dataDir: string, defaultDb?: string, opts: { waitLockMs?: number } = {}): Promise<EmbeddedEngine> {
    const engine = new EmbeddedEngine(dataDir, defaultDb);
    await engine.prepareForWrites(opts);
    return engine;
  }

  async prepareForWrites(opts: { waitLockMs?: number } = {}): Promise<void> {
    if (this.lock) return;
    this.checkDataDir();
    this.lock = await lockDataDir(this.dataDir, undefined, opts.waitLockMs ?? 0);
    try {
      recover(this.dataDir);
    } catch (err) {
      this.lock.release();
      this.lock = undefined;
      throw new SqlEtlError('recovery-failed', 'io', `cannot finish the interrupted writes in ${this.dataDir}: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * `leading`: the `$match` stages the reader is about to apply to the collection first (a
   * pipeline's own, or a `$lookup`'s that read no variable): rows of a column cache that
   * certainly fail them are not built (embedded-prefilter.ts); the stages still run.
   */
  private load(name: string, db?: string, needs?: FieldNeeds, leading?: readonly Document[]): Document[] {
    const key = db ? `${db}.${name}` : name;
    // a view is its pipeline over its source, computed when read (never cached: the source may change)
    const view = this.views()[key];
    const fields = needs?.get(name);
    if (!view && fields && fields !== 'all' && !this.cache.has(key)) {
      const docs = this.loadNarrowed(name, db, key, fields, leading && leading.length ? prefilterOf(leading) : undefined);
      if (docs) return docs;
    }
    if (view) {
      const source = this.load(view.viewOn, db);
      return new Aggregator(view.pipeline, {
        collectionResolver: (n: string) => this.load(n, db),
        processingMode: ProcessingMode.CLONE_INPUT,
        scriptEnabled: true,
        context: EMBEDDED_CONTEXT,
      }).run(source) as Document[];
    }
    let docs = this.cache.get(key);
    if (!docs) {
      this.checkDataDir();
      const staged = this.tx?.readChunks(this.rel(name, db));
      const file = staged === null ? undefined : collectionFile(this.dataDir, name, db);
      if (!file && !staged) this.missing.add(key); // like MongoDB: a collection that does not exist is empty
      docs = staged ? parseCollectionText(staged) : file ? readCollectionFile(file, this.floatColumns.get(key)) : [];
      this.cache.set(key, docs);
    }
    return docs;
  }

  /** The collection with only `fields` when its file has a current column cache, else undefined (then it is read whole). */
  private loadNarrowed(name: string, db: string | undefined, key: string, fields: ReadonlySet<string>, prefilter?: Prefilter): Document[] | undefined {
    const id = `${key}\0${[...fields].sort().join('\0')}${prefilter ? `\0${prefilter.key}` : ''}`;
    const known = this.narrowed.get(id);
    if (known) return known;
    this.checkDataDir();
    if (this.tx?.touched(this.rel(name, db)) !== undefined) return undefined; // written by the open statement
    const file = collectionFile(this.dataDir, name, db);
    if (!file || !(file.endsWith('.ndjson') || file.endsWith('.jsonl'))) return undefined;
    const read = readFilteredCache(file, fields, prefilter?.filter);
    if (!read) return undefined;
    if (prefilter && read.allKept) markApplied(read.docs, prefilter);
    this.narrowed.set(id, read.docs);
    return read.docs;
  }

  /**
   * The collection's rows by `field`, built per key when asked (keyed-rows.ts), for a keyed
   * `$lookup` inside another one's pipeline; undefined where `load` would not read a column
   * cache (a view, a collection read whole already or written by the open statement, no cache).
   * For the running command only (closeKeyed).
   */
  private loadKeyed(name: string, db: string | undefined, needs: FieldNeeds, field: string): KeyedRows | undefined {
    const key = db ? `${db}.${name}` : name;
    const fields = needs.get(name);
    if (!fields || fields === 'all' || !fields.has(field) || this.cache.has(key) || this.views()[key]) return undefined;
    const id = `${key}\0${[...fields].sort().join('\0')}\0${field}`;
    if (this.keyed.has(id)) return this.keyed.get(id);
    this.checkDataDir();
    if (this.tx?.touched(this.rel(name, db)) !== undefined) return undefined;
    const file = collectionFile(this.dataDir, name, db);
    if (!file || !(file.endsWith('.ndjson') || file.endsWith('.jsonl'))) return undefined;
    // the key column whole, the other fields read per row built: the leading stages run on those rows
    const table = readRowTable(file, fields, field);
    const rows = table && keyedRows(table, field);
    if (table) this.keyedFiles.push(table);
    this.keyed.set(id, rows);
    return rows;
  }

  /** the narrowed and keyed reads are of the files as they were: a write makes them stale */
  private forgetNarrowed(): void {
    this.narrowed.clear();
    this.closeKeyed();
  }

  /** keyed tables keep their cache file open while they build rows: for one command */
  private keyedFiles: { close(): void }[] = [];
  private closeKeyed(): void {
    for (const t of this.keyedFiles.splice(0)) t.close();
    this.keyed.clear();
  }

  private dirChecked = false;
  /** A missing data directory is an error, not a directory of empty collections. */
  private checkDataDir(): void {
    if (this.dirChecked) return;
    let stat: Stats | undefined;
    try {
      stat = statSync(this.dataDir);
    } catch {
      stat = undefined;
    }
    if (!stat?.isDirectory()) {
      throw new SqlEtlError('bad-data-dir', 'io', `data directory ${this.dataDir} ${stat ? 'is not a directory' : 'does not exist'} (give one with --data)`);
    }
    this.dirChecked = true;
  }

  /** the statement being written, when the caller runs statements as transactions (run-script does) */
  private tx: DataDirTransaction | undefined;

  /** Starts buffering this engine's writes; they reach the data directory together at commit(). */
  begin(): void {
    if (this.tx) throw new Error('embedded engine: a transaction is already open');
    this.tx = new DataDirTransaction(this.dataDir);
  }

  commit(): void {
    const tx = this.tx;
    this.tx = undefined;
    tx?.commit();
  }

  /** Discards the open transaction's writes; cached collections it touched are re-read. */
  rollback(): void {
    const tx = this.tx;
    this.tx = undefined;
    if (!tx) return;
    tx.rollback();
    this.cache.clear();
    this.forgetNarrowed();
    this.missing.clear();
    this.inMemory.clear();
  }

  /** the ndjson file of a collection, relative to the data directory (the transaction's key) */
  private rel(name: string, db: string | undefined, ext = '.ndjson'): string {
    return relative(this.dataDir, collectionPath(this.dataDir, name, db)) + ext;
  }

  /** true/false when the open transaction has written or dropped the collection, else undefined */
  private staged(name: string, db?: string): boolean | undefined {
    return this.tx?.touched(this.rel(name, db));
  }

  /** the data directory as the write operations see it */
  private get store(): Store {
    const keyOf = (name: string, db?: string) => (db ? `${db}.${name}` : name);
    return {
      dataDir: this.dataDir,
      load: (name, db) => this.load(name, db),
      replace: (name, db, docs) => {
        this.checkDataDir();
        if (isStageName(name)) this.inMemory.add(keyOf(name, db));
        else if (this.tx) {
          this.tx.put(this.rel(name, db), collectionText(docs));
          for (const ext of COLLECTION_EXTENSIONS) {
            if (ext !== '.ndjson' && existsSync(collectionPath(this.dataDir, name, db) + ext)) this.tx.remove(this.rel(name, db, ext));
          }
        } else saveCollection(this.dataDir, name, db, docs);
        this.cache.set(keyOf(name, db), docs);
        this.forgetNarrowed();
        this.missing.delete(keyOf(name, db));
      },
      exists: (name, db) => {
        const key = keyOf(name, db);
        if (this.cache.has(key) && !this.missing.has(key)) return true;
        return this.staged(name, db) ?? collectionFile(this.dataDir, name, db) !== undefined;
      },
      drop: (name, db) => {
        // a stage kept in memory has nothing on disk to remove
        const onlyInMemory = this.inMemory.delete(keyOf(name, db)) && collectionFile(this.dataDir, name, db) === undefined;
        if (!onlyInMemory) {
          if (this.tx) for (const ext of COLLECTION_EXTENSIONS) this.tx.remove(this.rel(name, db, ext));
          else dropCollectionFiles(this.dataDir, name, db);
        }
        this.cache.delete(keyOf(name, db));
        this.forgetNarrowed();
      },
      forget: (name, db) => {
        this.cache.delete(keyOf(name, db));
        this.forgetNarrowed();
      },
      append: (name, db, docs) => {
        this.checkDataDir();
        if (isStageName(name) && !collectionFile(this.dataDir, name, db)) {
          // a stage lives in memory (see replace): a new array, as replace makes one
          const key = keyOf(name, db);
          const docsBefore = this.load(name, db);
          this.inMemory.add(key);
          this.cache.set(key, docsBefore.concat(docs));
          this.forgetNarrowed();
          this.missing.delete(key);
          return true;
        }
        const file = collectionFile(this.dataDir, name, db);
        if (file && !file.endsWith('.ndjson')) return false;
        const text = [...(file && !endsWithNewline(file) ? ['\n'] : []), ...collectionText(docs)];
        // outside a statement's transaction, the append is a transaction of its own
        const tx = this.tx ?? new DataDirTransaction(this.dataDir);
        tx.append(this.rel(name, db), text);
        if (!this.tx) tx.commit();
        // not kept in memory: a later read loads the file again
        this.cache.delete(keyOf(name, db));
        this.forgetNarrowed();
        this.missing.delete(keyOf(name, db));
        return true;
      },
      fresh: this.fresh,
      readIndexes: () => {
        const t = this.tx?.read(INDEXES_FILE);
        return typeof t === 'string' ? (JSON.parse(t) as ReturnType<typeof readIndexes>) : readIndexes(this.dataDir);
      },
      writeIndexes: (all) => {
        if (this.tx) this.tx.put(INDEXES_FILE, JSON.stringify(all, null, 2));
        else writeIndexes(this.dataDir, all);
      },
      readViews: () => this.views(),
      writeViews: (views) => {
        if (this.tx) this.tx.put(VIEWS_FILE, EJSON.stringify(views, undefined, 2, { relaxed: true }));
        else writeViews(this.dataDir, views);
      },
    };
  }

  private views(): ReturnType<typeof readViews> {
    const t = this.tx?.read(VIEWS_FILE);
    return typeof t === 'string' ? (EJSON.parse(t, { relaxed: true }) as ReturnType<typeof readViews>) : readViews(this.dataDir);
  }

  async write(command: Exclude<EngineCommand, { kind: 'aggregate' }>): Promise<WriteOutcome> {
    const cmd = command.db === undefined && this.defaultDb !== undefined ? { ...command, db: this.defaultDb } : command;
    try {
      return runWriteCommand(cmd, this.store);
    } catch (err) {
      if (err instanceof SqlEtlError) throw err;
      throw raisedError(err) ?? new SqlEtlError('engine-error', 'run', `embedded engine: ${(err as Error).message}`, { cause: err });
    }
  }

  /** `intoCollection`: the documents become a collection ($out/$merge), so they must not share objects with the input */
  async aggregate(command: Extract<MongoCommand, { kind: 'aggregate' }>, intoCollection = false): Promise<Document[]> {
    const cmd = command.db === undefined && this.defaultDb !== undefined ? { ...command, db: this.defaultDb } : command;
    const last = cmd.pipeline.at(-1);
    if (last && ('$out' in last || '$merge' in last)) {
      // run the pipeline, then write its documents as MongoDB's $out/$merge would; documents
      // going into a statement's stage need no copy: a stage is never changed in place, and
      // what leaves it for a collection of the user is copied then
      const docs = await this.aggregate({ ...cmd, pipeline: cmd.pipeline.slice(0, -1) }, !intoStage(last));
      try {
        writeStage(last, this.store, cmd.db, docs);
      } catch (err) {
        if (err instanceof SqlEtlError) throw err;
        throw raisedError(err) ?? new SqlEtlError('engine-error', 'run', `embedded engine: ${(err as Error).message}`, { cause: err });
      }
      return [];
    }
    // the top-level fields each collection needs: a collection with a column cache is built with those only
    const needs = fieldsRead(cmd.collection, cmd.pipeline);
    const input = cmd.collection ? this.load(cmd.collection, cmd.db, needs, cmd.pipeline) : [];
    // leading $match stages the column cache's row filter already applied exactly
    // a join's $lookup + $unwind run as one stage (lookup-unwind-fusion.ts)
    // $$NOW: one instant for the whole command, as on MongoDB (fixed-now.ts)
    const pipeline = fuseLookupUnwind(fixNow(cmd.pipeline.slice(alreadyApplied(input, cmd.pipeline)), new Date()));
    // its own keyed $lookups build their foreign side for the keys of their input (semi-join.ts)
    markOutermost(pipeline, ['$lookup', LOOKUP_UNWIND]);
    // a $lookup of mingo-extensions.ts passes the $match stages it runs first on the collection
    const resolver: CollectionResolver = (name, leading) => this.load(name, cmd.db, needs, leading);
    // (mingo keeps the resolver function through its options copies, not other options: the keyed reader rides on it)
    resolver.keyed = (name, field) => this.loadKeyed(name, cmd.db, needs, field);
    const agg = new Aggregator(pipeline, {
      collectionResolver: resolver as (name: string) => Document[],
      // copying every cached document before the first stage costs 5–11% of a query (bench/README.md); skip it where no stage can write into the input
      processingMode: intoCollection || !leavesInputIntact(cmd.pipeline) ? ProcessingMode.CLONE_INPUT : ProcessingMode.CLONE_OFF,
      scriptEnabled: true,
      context: EMBEDDED_CONTEXT,
    });
    try {
      return agg.run(input) as Document[];
    } catch (err) {
      if (err instanceof SqlEtlError) throw err; // e.g. a bad data file read by $lookup/$unionWith
      throw raisedError(err) ?? new SqlEtlError('engine-error', 'run', `embedded engine: ${(err as Error).message}`, { cause: err });
    } finally {
      this.closeKeyed();
    }
  }

  /** mingo computes the whole result in memory anyway: the batches are slices of it. */
  async *aggregateBatches(command: Extract<MongoCommand, { kind: 'aggregate' }>, batchSize: number): AsyncIterable<Document[]> {
    const docs = await this.aggregate(command);
    const size = Math.max(1, Math.floor(batchSize));
    for (let i = 0; i < docs.length; i += size) yield docs.slice(i, i + size);
  }

  async collectionSize(collection: string, db?: string): Promise<number | undefined> {
    const key = db ? `${db}.${collection}` : collection;
    // a query that read some fields of a cached collection need not build all of them to count it
    if (!this.cache.has(key) && !this.views()[key] && this.tx?.touched(this.rel(collection, db)) === undefined) {
      const file = collectionFile(this.dataDir, collection, db);
      const rows = file && (file.endsWith('.ndjson') || file.endsWith('.jsonl')) ? cachedRowCount(file) : undefined;
      if (rows !== undefined) return rows;
    }
    return this.load(collection, db).length;
  }

  missingCollections(): string[] {
    return [...this.missing];
  }

  async hasCollection(collection: string, db?: string): Promise<boolean> {
    const d = db ?? this.defaultDb;
    return this.store.exists(collection, d) || (d ? `${d}.${collection}` : collection) in this.views();
  }

  journal(): JournalStore {
    return new FileJournal(this.dataDir, () => this.tx);
  }

  async close(): Promise<void> {
    this.rollback();
    this.cache.clear();
    this.forgetNarrowed();
    this.inMemory.clear();
    this.lock?.release();
    this.lock = undefined;
  }
}

/** Whether a `$out` writes one of a statement's own stage collections (stage-names.ts). */
function intoStage(last: Document): boolean {
  const target = last.$out as string | { coll?: string } | undefined;
  const name = typeof target === 'string' ? target : target?.coll;
  return name !== undefined && isStageName(name);
}

/** Whether a file's last byte is a newline (an empty file counts as one): an append must start on a line of its own. */
function endsWithNewline(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * `$unwind` writes into the document it gets (removes the field, sets includeArrayIndex),
 * harmless when that document is a copy the previous stage made — a join's `$lookup`
 * (`{...doc, as: […]}`), `$project`, `$replaceWith`, `$group`, `$set` — and the fields are top-level.
 */
function unwindsFreshCopy(spec: unknown, previous: Document | undefined): boolean {
  const prevOp = previous ? Object.keys(previous)[0] : undefined;
  if (!prevOp || !['$lookup', '$project', '$replaceWith', '$group', '$set', '$addFields'].includes(prevOp)) return false;
  const u = typeof spec === 'string' ? { path: spec } : (spec as { path?: unknown; includeArrayIndex?: unknown });
  const topLevel = (f: unknown) => typeof f === 'string' && !f.replace(/^\$/, '').includes('.');
  return topLevel(u.path) && (u.includeArrayIndex === undefined || topLevel(u.includeArrayIndex));
}

/** the stages whose mingo implementation builds new documents (or passes them on) and never assigns into an input document */
const NON_WRITING_STAGES = new Set(['$match', '$group', '$sort', '$limit', '$skip', '$count', '$project', '$set', '$addFields', '$unset', '$replaceWith', '$replaceRoot', '$setWindowFields', '$lookup', '$documents', '$unionWith']);

/**
 * Can the pipeline run on the cached documents themselves (mingo's CLONE_OFF)? Its output
 * may then share sub-documents with the cache, which is fine for rows but not for
 * documents that become a collection (the caller says so). Mingo's stages above copy the
 * documents they change (`{...doc}`), but two things write into an input's objects: a
 * dotted path set or removed through such a shallow copy (`$set: {"a.b": …}`, `$unset:
 * "a.b"`) and `$unwind` (removes the field in place, sets includeArrayIndex in place).
 */
export function leavesInputIntact(pipeline: Document[]): boolean {
  for (const [i, stage] of pipeline.entries()) {
    const [op, spec] = Object.entries(stage)[0] ?? [];
    if (op === '$unwind' && unwindsFreshCopy(spec, pipeline[i - 1])) continue;
    if (op === undefined || !NON_WRITING_STAGES.has(op)) return false;
    if (op === '$set' || op === '$addFields' || op === '$project') {
      if (Object.keys(spec as Document).some((k) => k.includes('.'))) return false;
      // a nested projection ({a: {b: 0}}) is a dotted path too
      const nested = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).some((k) => !k.startsWith('$'));
      if (op === '$project' && Object.values(spec as Document).some(nested)) return false;
    } else if (op === '$unset') {
      if ((Array.isArray(spec) ? spec : [spec]).some((k) => String(k).includes('.'))) return false;
    } else if (op === '$lookup' || op === '$unionWith') {
      // their pipelines run on the other collection's cached documents with the same mode
      const inner = (spec as { pipeline?: Document[] }).pipeline;
      if (inner && !leavesInputIntact(inner)) return false;
    }
  }
  return true;
}
