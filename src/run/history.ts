import type { RunOptions } from '../api-types.js';
import type { RunRecord } from './journal.js';

/**
 * `sqletl history` / the library's `history()`: the run journal of a target, newest
 * first. Reading it takes no lock: records are written whole (renamed into place).
 */
export async function listRuns(options: Pick<RunOptions, 'uri' | 'db' | 'dataDir'>): Promise<RunRecord[]> {
  if (options.uri) {
    const { MongoEngine } = await import('../engine/mongodb.js');
    const engine = await MongoEngine.connect(options.uri, options.db);
    try {
      return await engine.journal().list();
    } finally {
      await engine.close();
    }
  }
  const { EmbeddedEngine } = await import('../engine/embedded.js');
  return new EmbeddedEngine(options.dataDir ?? './data', options.db).journal().list();
}
