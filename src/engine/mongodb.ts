import { MongoClient } from 'mongodb';
import { SqlEtlError } from '../errors.js';
import type { Document, MongoCommand } from '../mongo/commands.js';
import type { JournalStore } from '../run/journal.js';
import { MongoJournal } from '../run/journal-stores.js';
import type { Engine, WriteOutcome } from './engine.js';

/**
 * The MongoDB engine: the official driver; the work stays on the server
 * (`allowDiskUse: true`). The URI's credentials never appear in messages.
 */
export class MongoEngine implements Engine {
  readonly name = 'mongodb' as const;
  private constructor(private client: MongoClient, private defaultDb: string) {}

  static async connect(uri: string, db?: string): Promise<MongoEngine> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      await client.connect();
    } catch (err) {
      throw new SqlEtlError('connect-failed', 'run', `cannot connect to MongoDB at ${redactUri(uri)}: ${redactText((err as Error).message, uri)}`, { cause: err });
    }
    return new MongoEngine(client, db ?? client.options.dbName ?? 'test');
  }

  async aggregate(cmd: Extract<MongoCommand, { kind: 'aggregate' }>): Promise<Document[]> {
    const db = this.client.db(cmd.db ?? this.defaultDb);
    try {
      const cursor = cmd.collection ? db.collection(cmd.collection).aggregate(cmd.pipeline, { allowDiskUse: true }) : db.aggregate(cmd.pipeline, { allowDiskUse: true });
      return (await cursor.toArray()) as Document[];
    } catch (err) {
      throw new SqlEtlError('engine-error', 'run', `MongoDB: ${(err as Error).message}`, { cause: err });
    }
  }

  async write(cmd: Exclude<MongoCommand, { kind: 'aggregate' }>): Promise<WriteOutcome> {
    const db = this.client.db(cmd.db ?? this.defaultDb);
    try {
      switch (cmd.kind) {
        case 'createCollection': {
          const exists = (await db.listCollections({ name: cmd.collection }, { nameOnly: true }).toArray()).length > 0;
          if (exists) {
            if (cmd.ifNotExists) return { existed: true };
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
          const existed = (await db.listCollections({ name: cmd.collection }, { nameOnly: true }).toArray()).length > 0;
          if (!existed && !cmd.ifExists) throw new SqlEtlError('undefined-table', 'run', `table "${cmd.collection}" does not exist`);
          if (existed) await db.collection(cmd.collection).drop();
          return { existed };
        }
        case 'createView': {
          const exists = (await db.listCollections({ name: cmd.collection }, { nameOnly: true }).toArray()).length > 0;
          if (exists && !cmd.replace) throw new SqlEtlError('already-exists', 'run', `relation "${cmd.collection}" already exists`);
          if (exists) await db.collection(cmd.collection).drop();
          await db.createCollection(cmd.collection, { viewOn: cmd.viewOn, pipeline: cmd.pipeline });
          return { existed: exists };
        }
        case 'updateMany': {
          const r = await db.collection(cmd.collection).updateMany(cmd.filter, cmd.update);
          return { matched: r.matchedCount, modified: r.modifiedCount };
        }
        case 'deleteMany': {
          const r = await db.collection(cmd.collection).deleteMany(cmd.filter);
          return { deleted: r.deletedCount };
        }
      }
    } catch (err) {
      if (err instanceof SqlEtlError) throw err;
      throw new SqlEtlError('engine-error', 'run', `MongoDB: ${(err as Error).message}`, { cause: err });
    }
  }

  async collectionSize(collection: string, db?: string): Promise<number | undefined> {
    return this.client.db(db ?? this.defaultDb).collection(collection).estimatedDocumentCount();
  }

  missingCollections(): string[] {
    return []; // a server knows its collections; reading a missing one is an ordinary empty read
  }

  journal(): JournalStore {
    return new MongoJournal(this.client.db(this.defaultDb));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}

function redactText(text: string, uri: string): string {
  const m = /\/\/([^@/]*)@/.exec(uri);
  return m ? text.split(m[1]).join('***') : text;
}
