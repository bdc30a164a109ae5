import type { RunOptions } from '../api-types.js';
import type { RunRecord } from '../engine/run-journal.js';
import { openEngine } from './run-job.js';

/**
 * `sqletl history` / the library's `history()`: the run journal of a target, newest
 * first. Reading it takes no lock: records are written whole (renamed into place).
 */
export async function listRuns(options: Pick<RunOptions, 'uri' | 'db' | 'dataDir'>): Promise<RunRecord[]> {
  const engine = await openEngine(options);
  try {
    return await engine.journal().list();
  } finally {
    await engine.close();
  }
}
