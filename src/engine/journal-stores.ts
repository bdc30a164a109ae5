import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../io/write-collection.js';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import type { DataDirTransaction } from '../io/data-dir-transaction.js';
import { isRunId, RUNS_COLLECTION, type JournalStore, type RunRecord } from './run-journal.js';

/**
 * The two homes of the run journal (src/run/journal.ts), one per engine.
 *
 * Embedded: one JSON file per run under `<data>/.sqletl/runs/`. While a statement's
 * transaction is open the record is staged in it, so it is committed with the
 * statement's writes (a crash cannot leave "done" without the data, or the reverse).
 */
export class FileJournal implements JournalStore {
  constructor(
    private readonly dataDir: string,
    private readonly openTransaction: () => DataDirTransaction | undefined,
  ) {}

  private rel(id: string): string {
    return join('.sqletl', 'runs', `${id}.json`);
  }

  async save(record: RunRecord): Promise<void> {
    const text = JSON.stringify(record, null, 2);
    const tx = this.openTransaction();
    if (tx) {
      tx.put(this.rel(record.id), text);
      return;
    }
    writeFileAtomically(join(this.dataDir, this.rel(record.id)), text);
  }

  async load(id: string): Promise<RunRecord | undefined> {
    if (!isRunId(id)) return undefined;
    const file = join(this.dataDir, this.rel(id));
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunRecord) : undefined;
  }

  async list(): Promise<RunRecord[]> {
    const dir = join(this.dataDir, '.sqletl', 'runs');
    if (!existsSync(dir)) return [];
    const out: RunRecord[] = [];
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.json')) continue;
      try {
        out.push(JSON.parse(readFileSync(join(dir, f), 'utf8')) as RunRecord);
      } catch {
        // a record being written by a live run (non-transactional save): skip it this time
      }
    }
    return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }
}

/**
 * MongoDB: one document per run in `_sqletl_runs` of the default database, `_id` the
 * run id. A statement and its journal entry are separate writes here: if the process
 * dies between them the journal shows the statement as not done, and --resume runs
 * it again (the README says which statements are safe to repeat).
 */
export class MongoJournal implements JournalStore {
  constructor(private readonly db: Db) {}

  async save(record: RunRecord): Promise<void> {
    const { id, ...rest } = record;
    await this.db.collection<{ _id: string }>(RUNS_COLLECTION).replaceOne({ _id: id }, rest, { upsert: true });
  }

  async load(id: string): Promise<RunRecord | undefined> {
    const doc = await this.db.collection<{ _id: string }>(RUNS_COLLECTION).findOne({ _id: id });
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { id: _id, ...rest } as unknown as RunRecord;
  }

  async list(): Promise<RunRecord[]> {
    const docs = await this.db.collection<{ _id: string }>(RUNS_COLLECTION).find({}).sort({ startedAt: -1 }).toArray();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }) as unknown as RunRecord);
  }
}
