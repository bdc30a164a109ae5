import { Aggregator } from 'mingo/aggregator';
import { ProcessingMode } from 'mingo/core';
import { SqlEtlError } from '../errors.js';
import { EMBEDDED_CONTEXT } from './mingo-extensions.js';
import { collectionFile, readCollectionFile } from '../io/data-files.js';
import type { Document, MongoCommand } from '../mongo/commands.js';
import type { Engine } from './engine.js';

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

  constructor(readonly dataDir: string) {}

  private load(name: string, db?: string): Document[] {
    const key = db ? `${db}.${name}` : name;
    let docs = this.cache.get(key);
    if (!docs) {
      const file = collectionFile(this.dataDir, name, db);
      if (!file) this.missing.add(key); // like MongoDB: a collection that does not exist is empty
      docs = file ? readCollectionFile(file) : [];
      this.cache.set(key, docs);
    }
    return docs;
  }

  async aggregate(cmd: Extract<MongoCommand, { kind: 'aggregate' }>): Promise<Document[]> {
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
