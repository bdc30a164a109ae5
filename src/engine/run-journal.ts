/**
 * The run journal's records and the store each engine implements (the journal
 * itself, ids and resume, is src/run/journal.ts and src/run/run-job.ts). The
 * stores live with the engines (journal-stores.ts) because they keep the records
 * where the engine keeps the data: the runner only sees this interface, through
 * `Engine.journal()`.
 */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';
export type StatementStatus = 'done' | 'failed' | 'skipped' | 'interrupted';

export interface StatementRecord {
  /** which input file (index into RunRecord.files) */
  file: number;
  /** 1-based statement number within its file */
  statement: number;
  kind: string;
  /** sha256 of the statement's SQL text: a resumed run must run the same statements */
  sqlHash: string;
  status: StatementStatus;
  startedAt: string;
  durationMs: number;
  rowsRead?: number;
  rowCount?: number;
  inserted?: number;
  updated?: number;
  deleted?: number;
  rejected?: number;
  error?: string;
}

export interface RunRecord {
  /** e.g. 20261122-224501-3f9a */
  id: string;
  /** generic runs are 'run'; `sqletl watch` keeps its own kind of record */
  kind: 'run' | 'watch';
  files: { path: string; sha256: string }[];
  engine: 'embedded' | 'mongodb';
  /** data directory or database name, never a URI (credentials must not reach the journal) */
  target: string;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  status: RunStatus;
  /** times the run was continued with --resume */
  resumes: string[];
  /** `--var` values as given (resume reuses them) */
  vars: Record<string, unknown>;
  statements: StatementRecord[];
  rowsWritten: number;
  rejected: number;
  error?: string;
  /** watch only: the change-stream resume token / file-watch position of the last applied batch */
  watch?: Record<string, unknown>;
}

/** Where the records live; one implementation per engine. */
export interface JournalStore {
  save(record: RunRecord): Promise<void>;
  load(id: string): Promise<RunRecord | undefined>;
  /** newest first */
  list(): Promise<RunRecord[]>;
}

export const RUNS_COLLECTION = '_sqletl_runs';

/** Run ids are file names on the embedded engine: nothing but the shape newRunId makes. */
export function isRunId(id: string): boolean {
  return /^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$/.test(id);
}
