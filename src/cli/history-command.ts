import { resolve } from 'node:path';
import { history } from '../index.js';
import type { RunRecord } from '../engine/run-journal.js';
import { formatTable } from './format-table.js';
import { resolveTarget } from './options.js';
import { EXIT_OK, writeOut } from './terminal.js';

/**
 * `sqletl history`: the runs in a target's journal, newest first — id, files, start,
 * duration, status, rows written, rejects — or the full records as JSON lines.
 */
export async function historyCommand(opts: { uri?: string; db?: string; data: string; limit: number; json?: boolean }, dataExplicit: boolean): Promise<number> {
  const target = resolveTarget({ uri: opts.uri, data: resolve(opts.data), dataExplicit });
  const runs = (await history({ ...target, db: opts.db })).slice(0, opts.limit);
  if (opts.json) {
    for (const r of runs) writeOut(JSON.stringify(r));
    return EXIT_OK;
  }
  const columns = ['id', 'files', 'started', 'duration', 'status', 'statements', 'written', 'rejected'];
  const rows = runs.map((r) => [
    r.id,
    r.files.map((f) => f.path).join(', '),
    r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    r.durationMs === undefined ? null : `${(r.durationMs / 1000).toFixed(1)} s`,
    r.status + (r.resumes.length ? ` (resumed ${r.resumes.length}×)` : ''),
    `${done(r)}/${r.statements.length}`,
    r.rowsWritten,
    r.rejected,
  ]);
  writeOut(formatTable({ columns, rows, align: ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right'] }));
  return EXIT_OK;
}

function done(r: RunRecord): number {
  return r.statements.filter((s) => s.status === 'done').length;
}
