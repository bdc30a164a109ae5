import { statSync, type Stats } from 'node:fs';
import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
import { SqlEtlError } from '../errors.js';
import { EMBEDDED_CONTEXT } from './mingo-extensions.js';
import { COLLECTION_EXTENSIONS, collectionFile, readCollectionFile } from '../io/data-files.js';
import type { Document, MongoCommand } from '../mongo/commands.js';
import type { Engine, WriteOutcome } from './engine.js';
import { runWriteCommand, writeStage, type Store } from './embedded-writes.js';
import { collectionPath, collectionText, dropCollectionFiles, INDEXES_FILE, parseCollectionText, readIndexes, readViews, saveCollection, VIEWS_FILE, writeIndexes, writeViews } from '../io/write-collection.js';
import { DataDirTransaction } from '../io/data-dir-transaction.js';
import type { JournalStore } from '../run/journal.js';
import { FileJournal } from '../run/journal-stores.js';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { EJSON } from 'bson';

/**
 * The embedded engine: mingo runs the very pipelines MongoDB would get, over the
 * collections of a data directory. Collections are read once per run and cached.
 * `scriptEnabled` must stay on: mingo implements $setWindowFields with $function
 * internally. sqletl itself never emits $function, $where or $accumulator.
 */
export class EmbeddedEngine implements Engine {
  readonly name = 'embedded' as const;
  private cache = new Map<string, Document[]>();
  private readonly missing = new Set<string>();

  /** `defaultDb`: the database (`<data>/<db>/`) of commands that name none (`--db`) */
  constructor(readonly dataDir: string, readonly defaultDb?: string) {}

  private load(name: string, db?: string): Document[] {
    const key = db ? `${db}.${name}` : name;
    // a view is its pipeline over its source, computed when read (never cached: the source may change)
    const view = this.views()[key];
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
      const staged = this.tx?.read(this.rel(name, db));
      const file = staged === null ? undefined : collectionFile(this.dataDir, name, db);
      if (!file && typeof staged !== 'string') this.missing.add(key); // like MongoDB: a collection that does not exist is empty
      docs = typeof staged === 'string' ? parseCollectionText(staged) : file ? readCollectionFile(file) : [];
      this.cache.set(key, docs);
    }
    return docs;
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
    this.missing.clear();
  }

  /** the ndjson file of a collection, relative to the data directory (the transaction's key) */
  private rel(name: string, db: string | undefined, ext = '.ndjson'): string {
    return relative(this.dataDir, collectionPath(this.dataDir, name, db)) + ext;
  }

  /** true/false when the open transaction has written or dropped the collection, else undefined */
  private staged(name: string, db?: string): boolean | undefined {
    const t = this.tx?.read(this.rel(name, db));
    return t === undefined ? undefined : t !== null;
  }

  /** the data directory as the write operations see it */
  private get store(): Store {
    const keyOf = (name: string, db?: string) => (db ? `${db}.${name}` : name);
    return {
      dataDir: this.dataDir,
      load: (name, db) => this.load(name, db),
      replace: (name, db, docs) => {
        this.checkDataDir();
        if (this.tx) {
          this.tx.put(this.rel(name, db), collectionText(docs));
          for (const ext of COLLECTION_EXTENSIONS) {
            if (ext !== '.ndjson' && existsSync(collectionPath(this.dataDir, name, db) + ext)) this.tx.remove(this.rel(name, db, ext));
          }
        } else saveCollection(this.dataDir, name, db, docs);
        this.cache.set(keyOf(name, db), docs);
        this.missing.delete(keyOf(name, db));
      },
      exists: (name, db) => {
        const key = keyOf(name, db);
        if (this.cache.has(key) && !this.missing.has(key)) return true;
        return this.staged(name, db) ?? collectionFile(this.dataDir, name, db) !== undefined;
      },
      drop: (name, db) => {
        if (this.tx) for (const ext of COLLECTION_EXTENSIONS) this.tx.remove(this.rel(name, db, ext));
        else dropCollectionFiles(this.dataDir, name, db);
        this.cache.delete(keyOf(name, db));
      },
      forget: (name, db) => {
        this.cache.delete(keyOf(name, db));
      },
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

  async write(command: Exclude<MongoCommand, { kind: 'aggregate' }>): Promise<WriteOutcome> {
    const cmd = command.db === undefined && this.defaultDb !== undefined ? { ...command, db: this.defaultDb } : command;
    try {
      return runWriteCommand(cmd, this.store);
    } catch (err) {
      if (err instanceof SqlEtlError) throw err;
      throw new SqlEtlError('engine-error', 'run', `embedded engine: ${(err as Error).message}`, { cause: err });
    }
  }

  async aggregate(command: Extract<MongoCommand, { kind: 'aggregate' }>): Promise<Document[]> {
    const cmd = command.db === undefined && this.defaultDb !== undefined ? { ...command, db: this.defaultDb } : command;
    const last = cmd.pipeline.at(-1);
    if (last && ('$out' in last || '$merge' in last)) {
      // run the pipeline, then write its documents as MongoDB's $out/$merge would
      const docs = await this.aggregate({ ...cmd, pipeline: cmd.pipeline.slice(0, -1) });
      try {
        writeStage(last, this.store, cmd.db, docs);
      } catch (err) {
        if (err instanceof SqlEtlError) throw err;
        throw new SqlEtlError('engine-error', 'run', `embedded engine: ${(err as Error).message}`, { cause: err });
      }
      return [];
    }
    const input = cmd.collection ? this.load(cmd.collection, cmd.db) : [];
    const agg = new Aggregator(cmd.pipeline, {
      collectionResolver: (name: string) => this.load(name, cmd.db),
      processingMode: ProcessingMode.CLONE_INPUT,
      scriptEnabled: true,
      context: EMBEDDED_CONTEXT,
    });
    try {
      return agg.run(input) as Document[];
    } catch (err) {
      if (err instanceof SqlEtlError) throw err; // e.g. a bad data file read by $lookup/$unionWith
      throw new SqlEtlError('engine-error', 'run', `embedded engine: ${(err as Error).message}`, { cause: err });
    }
  }

  /** mingo computes the whole result in memory anyway: the batches are slices of it. */
  async *aggregateBatches(command: Extract<MongoCommand, { kind: 'aggregate' }>, batchSize: number): AsyncIterable<Document[]> {
    const docs = await this.aggregate(command);
    const size = Math.max(1, Math.floor(batchSize));
    for (let i = 0; i < docs.length; i += size) yield docs.slice(i, i + size);
  }

  async collectionSize(collection: string, db?: string): Promise<number | undefined> {
    return this.load(collection, db).length;
  }

  missingCollections(): string[] {
    return [...this.missing];
  }

  journal(): JournalStore {
    return new FileJournal(this.dataDir, () => this.tx);
  }

  async close(): Promise<void> {
    this.cache.clear();
  }
}
