import { statSync, type Stats } from 'node:fs';
import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
import { SqlEtlError } from '../errors.js';
import { EMBEDDED_CONTEXT } from './mingo-extensions.js';
import { collectionFile, readCollectionFile } from '../io/data-files.js';
import type { Document, MongoCommand } from '../mongo/commands.js';
import type { Engine, WriteOutcome } from './engine.js';
import { runWriteCommand, writeStage, type Store } from './embedded-writes.js';
import { readViews, saveCollection } from '../io/write-collection.js';

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
    const view = readViews(this.dataDir)[key];
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
      const file = collectionFile(this.dataDir, name, db);
      if (!file) this.missing.add(key); // like MongoDB: a collection that does not exist is empty
      docs = file ? readCollectionFile(file) : [];
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

  /** the data directory as the write operations see it */
  private get store(): Store {
    return {
    dataDir: this.dataDir,
    load: (name, db) => this.load(name, db),
    replace: (name, db, docs) => {
      this.checkDataDir();
      saveCollection(this.dataDir, name, db, docs);
      const key = db ? `${db}.${name}` : name;
      this.cache.set(key, docs);
      this.missing.delete(key);
    },
    exists: (name, db) => {
      const key = db ? `${db}.${name}` : name;
      return (this.cache.has(key) && !this.missing.has(key)) || collectionFile(this.dataDir, name, db) !== undefined;
    },
    forget: (name, db) => {
      const key = db ? `${db}.${name}` : name;
      this.cache.delete(key);
    },
    };
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

  async collectionSize(collection: string, db?: string): Promise<number | undefined> {
    return this.load(collection, db).length;
  }

  missingCollections(): string[] {
    return [...this.missing];
  }

  async close(): Promise<void> {
    this.cache.clear();
  }
}
