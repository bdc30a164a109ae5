/**
 * The run journal (issue 6): every `sqletl run` gets an id and a record of each
 * statement's status, counts and timings, kept where the data is — the embedded
 * engine under `<data>/.sqletl/runs/<id>.json`, MongoDB in the `_sqletl_runs`
 * collection of the default database. `--resume RUN_ID` continues after the last
 * completed statement; `sqletl history` lists the records.
 *
 * On the embedded engine a statement's writes and its journal entry are committed
 * together (src/io/data-dir-transaction.ts), so after a crash the journal says
 * "done" exactly for the statements whose writes are on disk.
 *
 * The records and the store interface are src/engine/run-journal.ts; each engine
 * implements the store (src/engine/journal-stores.ts). This file makes the ids.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newRunId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
