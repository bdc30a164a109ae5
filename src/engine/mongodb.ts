import { assertNever } from '../assert-never.js';
import { MongoClient, ObjectId, ReadPreference, type AggregateOptions, type Db, type WriteConcernSettings } from 'mongodb';
import type { ReadPreferenceMode, WriteConcernSpec } from '../api-types.js';
import { SqlEtlError, raisedError } from '../errors.js';
import type { AggregateCommand, Document, EngineCommand, MongoCommand } from '../commands/command-ir.js';
import type { JournalStore } from './run-journal.js';
import { MongoJournal } from './journal-stores.js';
import { retrySafety, type RetrySafety } from '../commands/retry-safety.js';
import type { Engine, WriteOutcome } from './engine.js';
import { RetryStopped, withRetries, type RetryPolicy } from './mongo-retry.js';
import { fixedIdMergePlan, RETRY_TEMP_PREFIX } from './fixed-id-merge.js';

/**
 * The MongoDB engine: the official driver; the work stays on the server
 * (`allowDiskUse: true`), results come back through cursors in batches.
 *
 * Every command runs under `withRetries`: transient errors (mongo-retry.ts) are
 * retried with exponential backoff and jitter, and a command that could have been
 * partly applied is sent again only if it is idempotent (commands/retry-safety.ts),
 * so a retry never duplicates rows; a `$merge` whose documents would get their
 * `_id` from the server first fixes the ids in a temporary collection
 * (fixed-id-merge.ts), which makes it resendable. Writes, and reads of a statement's own stage
 * collection, go to the primary; `readPreference` applies to SELECT results only
 * (a secondary may not yet have what the statement just wrote).
 *
 * The URI's credentials never appear in messages: every error leaving this file
 * is rebuilt from a redacted message (its cause too, whose stack would repeat it).
 */
export interface MongoEngineOptions {
  maxTimeMS?: number;
  writeConcern?: WriteConcernSpec;
  readPreference?: ReadPreferenceMode;
  /** retries after a transient error (default 3) */
  retries?: number;
  /** first backoff delay in ms (default 200) */
  retryDelayMs?: number;
  onRetry?: RetryPolicy['onRetry'];
}

const STAGE_PREFIX = '__sqletl_stage_';

export class MongoEngine implements Engine {
  readonly name = 'mongodb' as const;
  private constructor(
    private client: MongoClient,
    private defaultDb: string,
    private uri: string,
    private opts: MongoEngineOptions,
  ) {}

  static async connect(uri: string, db?: string, opts: MongoEngineOptions = {}): Promise<MongoEngine> {
    let client: MongoClient;
    try {
      // 10 s to find a server unless the URI says otherwise (the driver's default is 30 s)
      client = new MongoClient(uri, /[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 10_000 });
      await client.connect();
    } catch (err) {
      throw new SqlEtlError('connect-failed', 'run', `cannot connect to MongoDB at ${redactUri(uri)}: ${redactText((err as Error).message, uri)}`, { cause: redactError(err, uri) });
    }
    return new MongoEngine(client, db ?? client.options.dbName ?? 'test', uri, opts);
  }

  private db(name: string | undefined): Db {
    const wc = this.opts.writeConcern;
    return this.client.db(name ?? this.defaultDb, wc ? { writeConcern: toWriteConcern(wc) } : undefined);
  }

  private policy(): RetryPolicy {
    return { retries: this.opts.retries ?? 3, baseDelayMs: this.opts.retryDelayMs, onRetry: this.opts.onRetry };
  }

  /** Aggregate options: a SELECT's reads follow --read-preference; everything else reads the primary. */
  private aggregateOptions(cmd: AggregateCommand, batchSize?: number): AggregateOptions {
    const readsResult = (cmd.role === 'rows' || cmd.role === undefined) && !writeStage(cmd) && !cmd.collection?.startsWith(STAGE_PREFIX);
    return {
      allowDiskUse: true,
      ...(batchSize ? { batchSize } : {}),
      ...(this.opts.maxTimeMS ? { maxTimeMS: this.opts.maxTimeMS } : {}),
      readPreference: readsResult && this.opts.readPreference ? ReadPreference.fromString(this.opts.readPreference) : ReadPreference.primary,
    };
  }

  private cursor(cmd: AggregateCommand, batchSize?: number) {
    const db = this.db(cmd.db);
    const options = this.aggregateOptions(cmd, batchSize);
    return cmd.collection ? db.collection(cmd.collection).aggregate(cmd.pipeline, options) : db.aggregate(cmd.pipeline, options);
  }

  async aggregate(cmd: AggregateCommand): Promise<Document[]> {
    const safety = retrySafety(cmd);
    if (!safety.safe && safety.freshIds && (this.opts.retries ?? 3) > 0) {
      const done = await this.aggregateWithFixedIds(cmd);
      if (done) return [];
    }
    return this.guard(safety, async () => (await this.cursor(cmd).toArray()) as Document[]);
  }

  /**
   * A `$merge` of documents that would get server-generated `_id`s, as two resendable
   * steps through a temporary collection (fixed-id-merge.ts). False when the plan
   * would not make it safe (then the command runs as it is).
   */
  private async aggregateWithFixedIds(cmd: AggregateCommand): Promise<boolean> {
    const plan = fixedIdMergePlan(cmd, `${RETRY_TEMP_PREFIX}${new ObjectId().toHexString()}`);
    if (!plan || !retrySafety(plan.fix).safe || !retrySafety(plan.merge).safe) return false;
    try {
      await this.guard(retrySafety(plan.fix), () => this.cursor(plan.fix).toArray());
      await this.guard(retrySafety(plan.merge), () => this.cursor(plan.merge).toArray());
    } finally {
      await this.write(plan.drop).catch(() => undefined);
    }
    return true;
  }

  /**
   * The result in batches of at most `batchSize` documents, read through a cursor:
   * only one batch is held at a time. A transient error before the first batch is
   * retried; after it, the documents already handed out cannot be taken back, so
   * the error ends the read (a retry would hand them out twice).
   */
  async *aggregateBatches(cmd: AggregateCommand, batchSize: number): AsyncIterable<Document[]> {
    if (writeStage(cmd)) {
      await this.aggregate(cmd);
      return;
    }
    const size = Math.max(1, Math.floor(batchSize));
    let cursor: ReturnType<MongoEngine['cursor']> | undefined;
    let first: Document[] = [];
    let done = false;
    // the first batch under the retry loop: nothing has been handed out yet
    await this.guard({ safe: true, why: 'reads only' }, async () => {
      await cursor?.close().catch(() => undefined);
      cursor = this.cursor(cmd, size);
      first = [];
      while (first.length < size) {
        const doc = await cursor.next();
        if (doc === null) {
          done = true;
          break;
        }
        first.push(doc as Document);
      }
    });
    try {
      if (first.length > 0) yield first;
      if (done) return;
      let batch: Document[] = [];
      while (true) {
        let doc: Document | null;
        try {
          doc = (await cursor!.next()) as Document | null;
        } catch (err) {
          throw this.toError(err, 'after part of the result was returned; the read is not retried (it would return rows twice)');
        }
        if (doc === null) break;
        batch.push(doc);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await cursor?.close().catch(() => undefined);
    }
  }

  async write(cmd: Exclude<EngineCommand, { kind: 'aggregate' }>): Promise<WriteOutcome> {
    return this.guard(retrySafety(cmd), (attempt) => this.writeOnce(cmd, attempt));
  }

  /** One attempt of a write; `attempt` > 0 accepts what an earlier attempt may have done. */
  private async writeOnce(cmd: Exclude<EngineCommand, { kind: 'aggregate' }>, attempt: number): Promise<WriteOutcome> {
    const db = this.db(cmd.db);
    const maxTimeMS = this.opts.maxTimeMS ? { maxTimeMS: this.opts.maxTimeMS } : {};
    const exists = async (name: string) => (await db.listCollections({ name }, { nameOnly: true }).toArray()).length > 0;
    switch (cmd.kind) {
      case 'createCollection': {
        if (await exists(cmd.collection)) {
          if (cmd.ifNotExists) return { existed: true };
          if (attempt > 0) return { existed: false }; // created by the attempt whose reply was lost
          throw new SqlEtlError('already-exists', 'run', `relation "${cmd.collection}" already exists`);
        }
        await db.createCollection(cmd.collection);
        return { existed: false };
      }
      case 'createIndex':
        await db.collection(cmd.collection).createIndex(cmd.keys, {
          name: cmd.name,
          unique: cmd.unique,
          ...(cmd.partialFilterExpression ? { partialFilterExpression: cmd.partialFilterExpression } : {}),
        });
        return {};
      case 'drop': {
        const existed = await exists(cmd.collection);
        if (!existed && attempt > 0) return { existed: true }; // dropped by the attempt whose reply was lost
        if (!existed && !cmd.ifExists) throw new SqlEtlError('undefined-table', 'run', `table "${cmd.collection}" does not exist`, { params: { table: cmd.collection } });
        if (existed) await db.collection(cmd.collection).drop();
        return { existed };
      }
      case 'createView': {
        const found = await exists(cmd.collection);
        if (found && !cmd.replace && attempt === 0) throw new SqlEtlError('already-exists', 'run', `relation "${cmd.collection}" already exists`);
        if (found) await db.collection(cmd.collection).drop();
        await db.createCollection(cmd.collection, { viewOn: cmd.viewOn, pipeline: cmd.pipeline });
        return { existed: found };
      }
      case 'updateMany': {
        const r = await db.collection(cmd.collection).updateMany(cmd.filter, cmd.update, maxTimeMS);
        return { matched: r.matchedCount, modified: r.modifiedCount };
      }
      case 'deleteMany': {
        const r = await db.collection(cmd.collection).deleteMany(cmd.filter, maxTimeMS);
        return { deleted: r.deletedCount };
      }
      default:
        return assertNever(cmd, 'run');
    }
  }

  async collectionSize(collection: string, db?: string): Promise<number | undefined> {
    return this.guard({ safe: true, why: 'reads only' }, () => this.db(db).collection(collection).estimatedDocumentCount());
  }

  missingCollections(): string[] {
    return []; // a server knows its collections; reading a missing one is an ordinary empty read
  }

  /**
   * MongoDB's `explain` (executionStats) of a command that does not write: an
   * aggregate without `$out`/`$merge`, or an update/delete (explaining a write
   * plans and measures it without applying it). For `sqletl explain --analyze`.
   */
  async explain(cmd: MongoCommand): Promise<Document> {
    const db = this.db(cmd.db);
    let inner: Document;
    if (cmd.kind === 'aggregate') {
      if (writeStage(cmd)) throw new SqlEtlError('internal', 'run', 'explain --analyze never runs a write stage');
      inner = { aggregate: cmd.collection ?? 1, pipeline: cmd.pipeline, cursor: {}, allowDiskUse: true };
    } else if (cmd.kind === 'updateMany') {
      inner = { update: cmd.collection, updates: [{ q: cmd.filter, u: cmd.update, multi: true }] };
    } else if (cmd.kind === 'deleteMany') {
      inner = { delete: cmd.collection, deletes: [{ q: cmd.filter, limit: 0 }] };
    } else {
      throw new SqlEtlError('internal', 'run', `explain --analyze cannot explain ${cmd.kind}`);
    }
    return this.guard({ safe: true, why: 'explain applies nothing' }, () =>
      db.command({ explain: inner, verbosity: 'executionStats', ...(this.opts.maxTimeMS ? { maxTimeMS: this.opts.maxTimeMS } : {}) }) as Promise<Document>,
    );
  }

  /** The shard keys of the sharded collections of a database (empty when not sharded or not readable). */
  async shardKeys(db?: string): Promise<Record<string, string[]>> {
    const name = db ?? this.defaultDb;
    try {
      const docs = await this.client.db('config').collection('collections').find({ _id: { $regex: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.` } as never }).toArray();
      return Object.fromEntries(docs.filter((d) => d.key && !d.dropped).map((d) => [String(d._id).slice(name.length + 1), Object.keys(d.key as Document)]));
    } catch {
      return {};
    }
  }

  async hasCollection(collection: string, db?: string): Promise<boolean> {
    const found = await this.client.db(db ?? this.defaultDb).listCollections({ name: collection }, { nameOnly: true }).toArray();
    return found.length > 0;
  }

  journal(): JournalStore {
    return new MongoJournal(this.client.db(this.defaultDb));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Runs one command with retries; every error leaves as a redacted SqlEtlError. */
  private async guard<T>(safety: RetrySafety, attempt: (n: number) => Promise<T>): Promise<T> {
    try {
      return await withRetries(attempt, safety, this.policy());
    } catch (err) {
      throw this.toError(err);
    }
  }

  private toError(err: unknown, context?: string): SqlEtlError {
    return toEngineError(err, this.uri, context);
  }
}

/** Any error of a command as the SqlEtlError the user sees: redacted, with why a transient error was not retried. */
export function toEngineError(err: unknown, uri: string, context?: string): SqlEtlError {
  if (err instanceof SqlEtlError) return err;
  let cause = err;
  let note = context ? ` (${context})` : '';
  if (err instanceof RetryStopped) {
    cause = err.error;
    note = err.unsafe
      ? ` (a transient error in the middle of a write that is not retried, because ${err.unsafe}: the target may be partly written; run the statement again once the cluster is healthy)`
      : ` (transient error; gave up after ${err.attempts} attempt${err.attempts === 1 ? '' : 's'})`;
  }
  const raised = raisedError(cause);
  if (raised) return raised;
  const message = redactText((cause as Error)?.message ?? String(cause), uri);
  return new SqlEtlError(err instanceof RetryStopped ? 'transient-error' : 'engine-error', 'run', `MongoDB: ${message}${note}`, { cause: redactError(cause, uri) });
}

function writeStage(cmd: AggregateCommand): boolean {
  const last = cmd.pipeline.at(-1);
  return !!last && ('$out' in last || '$merge' in last);
}

function toWriteConcern(wc: WriteConcernSpec): WriteConcernSettings {
  return { ...(wc.w !== undefined ? { w: wc.w as WriteConcernSettings['w'] } : {}), ...(wc.j !== undefined ? { journal: wc.j } : {}), ...(wc.wtimeout !== undefined ? { wtimeoutMS: wc.wtimeout } : {}) };
}

/** The URI with its user information (user and password) replaced by `***`. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}

/**
 * A message without the URI's password or user information: connection strings in
 * it lose their user part, and the password itself (as written and URL-decoded) is
 * masked wherever it appears.
 */
export function redactText(text: string, uri: string): string {
  let out = text.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/g, '$1***@');
  const m = /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(uri);
  if (!m) return out;
  const userinfo = m[1];
  const colon = userinfo.indexOf(':');
  const secrets = [userinfo];
  if (colon >= 0) {
    const password = userinfo.slice(colon + 1);
    secrets.push(password);
    try {
      secrets.push(decodeURIComponent(password));
    } catch {
      // not valid percent-encoding: the raw form is masked already
    }
  }
  for (const s of secrets.filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

/** A copy of a driver error that carries nothing secret: redacted message, no stack of the original. */
function redactError(err: unknown, uri: string): Error {
  const e = err as Error & { code?: unknown; errorLabels?: unknown };
  const copy = new Error(redactText(e?.message ?? String(err), uri));
  copy.name = e?.name ?? 'Error';
  if (e?.code !== undefined) (copy as Error & { code?: unknown }).code = e.code;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
