import { MongoClient, type ChangeStream, type ChangeStreamDocument, type Document as BsonDocument } from 'mongodb';
import { SqlEtlError } from '../errors.js';
import { nsKey, viewSource, type ChangeBatch, type CollectionChanges, type CollectionRef, type DocChange } from './change-batch.js';
import { redactText, redactUri } from './mongodb.js';

/**
 * `sqletl watch` on MongoDB: one change stream over the watched source collections
 * (`fullDocument: 'updateLookup'` for the new versions, `fullDocumentBeforeChange:
 * 'whenAvailable'` for the old ones — present when the collection has
 * `changeStreamPreAndPostImages` enabled; without them the watch's key index,
 * src/watch/key-index.ts, knows the old group keys). Change streams need a replica
 * set or a sharded cluster: a standalone server is refused up front with a message
 * saying so. The stream's resume token is what the watch stores after each batch.
 */
export class MongoChangeSource {
  private constructor(
    private readonly client: MongoClient,
    private readonly stream: ChangeStream,
    private readonly sources: Map<string, CollectionRef>,
    readonly defaultDb: string,
  ) {}

  static async open(uri: string, db: string | undefined, sources: CollectionRef[], resumeToken?: unknown): Promise<MongoChangeSource> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      await client.connect();
    } catch (err) {
      throw new SqlEtlError('connect-failed', 'run', `cannot connect to MongoDB at ${redactUri(uri)}: ${redactText((err as Error).message, uri)}`, { cause: err });
    }
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      if (!hello.setName && hello.msg !== 'isdbgrid') {
        throw new SqlEtlError('replica-set-required', 'usage', `sqletl watch follows changes with MongoDB change streams, which need a replica set or a sharded cluster; the server at ${redactUri(uri)} is a standalone mongod`, {
          hints: ['a one-node replica set is enough: start mongod with --replSet rs0 and run rs.initiate() once', 'or use sqletl run to recompute the job on demand'],
        });
      }
      const defaultDb = db ?? client.options.dbName ?? 'test';
      const byNs = new Map(sources.map((s) => [`${s.db ?? defaultDb}.${s.name}`, s]));
      const namespaces = [...byNs.values()].map((s) => ({ 'ns.db': s.db ?? defaultDb, 'ns.coll': s.name }));
      // (a job whose tables read no collection follows nothing: `$or` may not be empty)
      const match = { $match: namespaces.length ? { $or: namespaces } : { 'ns.coll': { $in: [] } } };
      const stream = client.watch([match], {
        fullDocument: 'updateLookup',
        fullDocumentBeforeChange: 'whenAvailable',
        ...(resumeToken ? { startAfter: resumeToken as BsonDocument } : {}),
      });
      for (const s of byNs.values()) {
        const views = await client.db(s.db ?? defaultDb).listCollections({ name: s.name, type: 'view' }, { nameOnly: true }).toArray();
        if (views.length) throw viewSource(s.name);
      }
      const source = new MongoChangeSource(client, stream, byNs, defaultDb);
      // the first getMore establishes the stream (and its resume token) before the initial recompute
      await source.stream.tryNext().then((first) => first && source.pending.push(first));
      return source;
    } catch (err) {
      await client.close().catch(() => undefined);
      if (err instanceof SqlEtlError) throw err;
      // the stored position fell off the oplog (or is not a token of this deployment): the caller starts afresh
      const code = (err as { code?: number }).code;
      if (resumeToken && (code === 286 || code === 280)) {
        throw new SqlEtlError('resume-token-lost', 'run', `the stored change-stream position can no longer be resumed: ${redactText((err as Error).message, uri)}`, { cause: err });
      }
      throw new SqlEtlError('change-stream-failed', 'run', `MongoDB change stream: ${redactText((err as Error).message, uri)}`, { cause: err });
    }
  }

  private pending: ChangeStreamDocument[] = [];

  /** The changes available now (up to `max` events; none → undefined), and the token to store once they are applied. */
  async next(max = 10_000): Promise<{ batch: ChangeBatch; token: unknown; events: number } | undefined> {
    const events = this.pending.splice(0);
    while (events.length < max) {
      const e = await this.stream.tryNext();
      if (!e) break;
      events.push(e);
    }
    if (events.length === 0) return undefined;
    const batch: ChangeBatch = new Map();
    const entry = (ref: CollectionRef): CollectionChanges => {
      const key = nsKey(ref);
      let c = batch.get(key);
      if (!c) batch.set(key, (c = { collection: ref, changes: [] }));
      return c;
    };
    for (const e of events) {
      const ns = 'ns' in e && e.ns && 'coll' in e.ns ? `${e.ns.db}.${e.ns.coll}` : undefined;
      const ref = ns ? this.sources.get(ns) : undefined;
      if (!ref) {
        if (e.operationType === 'dropDatabase' || e.operationType === 'invalidate') for (const s of this.sources.values()) entry(s).all = `${e.operationType} event`;
        continue;
      }
      const c = entry(ref);
      switch (e.operationType) {
        case 'insert':
          c.changes.push({ id: e.documentKey._id, hasId: true, new: e.fullDocument, oldKnown: true });
          break;
        case 'update':
        case 'replace': {
          const old = e.fullDocumentBeforeChange ?? undefined;
          const change: DocChange = { id: e.documentKey._id, hasId: true, old, oldKnown: old !== undefined, ...(e.fullDocument ? { new: e.fullDocument } : {}) };
          c.changes.push(change);
          break;
        }
        case 'delete': {
          const old = e.fullDocumentBeforeChange ?? undefined;
          c.changes.push({ id: e.documentKey._id, hasId: true, old, oldKnown: old !== undefined });
          break;
        }
        default:
          // drop, rename, …: the collection as a whole changed
          c.all = `${e.operationType} event`;
      }
    }
    return { batch, token: this.stream.resumeToken, events: events.length };
  }

  /** The position to store when nothing has been applied yet (just after opening). */
  get token(): unknown {
    return this.stream.resumeToken;
  }

  async close(): Promise<void> {
    await this.stream.close().catch(() => undefined);
    await this.client.close();
  }
}

