import type { Document, EngineCommand, MongoCommand } from '../commands/command-ir.js';
import type { JournalStore } from './run-journal.js';

/**
 * One interface, two engines: the MongoDB driver (the real target) and the embedded
 * in-process engine (mingo over a data directory). Both receive the same commands.
 */
export interface Engine {
  readonly name: 'mongodb' | 'embedded';
  /** runs an aggregate command and returns its documents (none when it ends in $out/$merge) */
  aggregate(cmd: Extract<MongoCommand, { kind: 'aggregate' }>): Promise<Document[]>;
  /**
   * runs an aggregate command and yields its documents in batches of at most
   * `batchSize`, so a caller can consume a large result without holding it whole
   * (MongoDB: a cursor; embedded: slices of the result). A pipeline ending in
   * $out/$merge writes and yields nothing. Stop early with `break`: the cursor is closed.
   */
  aggregateBatches(cmd: Extract<MongoCommand, { kind: 'aggregate' }>, batchSize: number): AsyncIterable<Document[]>;
  /** runs a write or DDL command */
  write(cmd: Exclude<EngineCommand, { kind: 'aggregate' }>): Promise<WriteOutcome>;
  /** the declared float columns of the collections it reads from text files (CompiledScript.floatColumns) */
  readFloatColumns?(columns: Record<string, readonly string[]>): void;
  /** number of documents in a collection, for "rows read" (undefined if unknown) */
  collectionSize(collection: string, db?: string): Promise<number | undefined>;
  /** whether a collection or view exists (for `run --dry-run`'s checks) */
  hasCollection(collection: string, db?: string): Promise<boolean>;
  /** collections read so far that do not exist (read as empty, as MongoDB does) */
  missingCollections(): string[];
  close(): Promise<void>;
  /** where this engine keeps the run journal (embedded: the data directory; MongoDB: `_sqletl_runs`) */
  journal(): JournalStore;
  /**
   * Statement transactions, where the engine has them (embedded): writes between
   * begin and commit reach storage together, journal entry included.
   */
  begin?(): void;
  /** before the first write of a job: embedded takes the data directory's lock and recovers a killed run's writes */
  prepareForWrites?(opts: { waitLockMs?: number }): Promise<void>;
  commit?(): void;
  rollback?(): void;
}

export interface WriteOutcome {
  matched?: number;
  modified?: number;
  deleted?: number;
  /** createCollection / drop: whether the collection existed before */
  existed?: boolean;
}
