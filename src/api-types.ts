import type { Value } from './ir/expr.js';

/** Options shared by compile / explain / run. */
export interface CompileOptions {
  /** file name for error messages (`file.sql:LINE:COL`) */
  file?: string;
  /** values for `:name` parameters (bound as values, never spliced into the SQL) */
  vars?: Record<string, Value>;
  /** SQL text with CREATE TABLE statements declaring collections' columns and types (like --schema) */
  schema?: string;
  /** default database for unqualified collection names */
  db?: string;
  /**
   * PERCENTILE_CONT/PERCENTILE_DISC: 'exact' (default, PostgreSQL's answer) or
   * 'approximate' (MongoDB's $percentile with method 'approximate': faster, not exact)
   */
  percentiles?: 'exact' | 'approximate';
  /**
   * Rows that break a table's constraints: 'reject' (default) writes the valid rows
   * and sends the others to `<table>__rejects`; 'stop' fails the statement before
   * anything is written. `SET sqletl.on_error = 'stop'` in the job does the same.
   */
  onError?: 'reject' | 'stop';
  /**
   * The SQL dialect of the script: 'postgres' (default, PostgreSQL's own parser) or
   * 'tsql' | 'snowflake' | 'bigquery' | 'mysql' (node-sql-parser, translated to
   * PostgreSQL: see the README's Dialects section). The schema stays PostgreSQL DDL.
   */
  dialect?: 'postgres' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql';
  /**
   * Field names found in a sample of each undeclared collection's documents, by
   * collection name (`name`, or `db.name` for a qualified one): a column reference to
   * a top-level field none of them has is `column "x" does not exist` (with a
   * `did you mean` hint), not NULL. `_id` always exists; nested paths are checked by
   * their first segment; declared collections (CREATE TABLE, `schema`) and
   * collections written by an earlier statement of the script are not checked.
   * RunOptions.strictColumns fills this in from the target.
   */
  sampledColumns?: Record<string, readonly string[]>;
}

export interface ExplainOptions extends CompileOptions {
  format?: 'shell' | 'json';
  /** which stage to show: the bound IR, the logical plan, or (default) the MongoDB pipelines */
  stage?: 'ir' | 'plan' | 'pipeline';
  /** colour the shell format with ANSI codes (the CLI turns this on for terminals) */
  color?: boolean;
}

/** A MongoDB write concern: `w` (a number of nodes, 'majority' or a tag), journal, timeout in ms. */
export interface WriteConcernSpec {
  w?: number | string;
  j?: boolean;
  wtimeout?: number;
}

export type ReadPreferenceMode = 'primary' | 'primaryPreferred' | 'secondary' | 'secondaryPreferred' | 'nearest';

export interface RunOptions extends CompileOptions {
  /** MongoDB connection string: run on a server through the driver */
  uri?: string;
  /** MongoDB: server-side time limit of each command, in milliseconds (`--max-time-ms`) */
  maxTimeMS?: number;
  /** MongoDB: write concern of every write (`--write-concern majority,j,wtimeout=5000`); default: the URI's, else the server's */
  writeConcern?: WriteConcernSpec;
  /** MongoDB: where SELECT results are read (`--read-preference`); writes and a statement's reads of its own stage use the primary */
  readPreference?: ReadPreferenceMode;
  /** MongoDB: retries of a command after a transient error, with exponential backoff (default 3) */
  retries?: number;
  /** data directory for the embedded engine (default ./data) */
  dataDir?: string;
  /** COPY … FROM: rows per batch (default 1000) */
  batchSize?: number;
  /** called as each statement completes (before later statements run), so callers can stream results */
  onStatement?: (result: StatementResult) => void;
  /**
   * SELECT results in batches of `batchSize` as the engine's cursor delivers them
   * (called once with no rows when the statement starts returning), instead of in
   * StatementResult.rows: results of any size, never held whole. Statements whose
   * columns come from the documents (`SELECT *` of an undeclared collection) still
   * arrive in StatementResult.rows.
   */
  onRows?: (statement: number, columns: string[], rows: unknown[][]) => void;
  /** called as statements start, make progress (COPY: rows and bytes) and end; for progress displays */
  onProgress?: (event: ProgressEvent) => void;
  /** keep a run journal (default true): embedded `<data>/.sqletl/runs/`, MongoDB `_sqletl_runs` */
  journal?: boolean;
  /** continue run RUN_ID after its last completed statement (same SQL; its --var values unless given) */
  resume?: string;
  /**
   * `resume` of edited files (the CLI's `--resume`; `--resume-exact` turns it off):
   * statements the run completed are skipped up to the first one whose SQL changed,
   * which and everything after it run again (onWarning names the changed ones).
   * Default false: edited files are refused.
   */
  resumeEdited?: boolean;
  /** things the caller should tell the user that concern the whole run (e.g. edited statements on --resume) */
  onWarning?: (message: string) => void;
  /** run the remaining statements after a failed one (the run still fails); default: stop at the first */
  continueOnError?: boolean;
  /** embedded engine: how long to wait for another run's lock on the data directory (default 0: fail at once) */
  waitLockMs?: number;
  /**
   * Reading a collection that does not exist (and no earlier statement of the job
   * created): 'empty' (default for the library: read as empty, with a warning in
   * StatementResult.warnings, as MongoDB does) or 'error' (`relation "x" does not
   * exist` at the table name, code `undefined-table`; the CLI's default unless --allow-missing).
   */
  missingCollections?: 'empty' | 'error';
  /**
   * `--strict-columns`: before compiling, sample up to 1,000 documents of every
   * collection the job reads that has no declared columns, exists, is not empty and
   * is not written by an earlier file of the job; a column reference to a field none
   * of the sampled documents has is then a compile error (see sampledColumns).
   * Default false: a misspelt field reads as NULL.
   */
  strictColumns?: boolean;
  /**
   * Stops the run between statements (and between COPY batches or commands): the
   * current statement is rolled back, the journal marks the run `interrupted`, and
   * the run rejects with a SqlEtlError of code `interrupted` carrying the run id.
   */
  signal?: AbortSignal;
}

export interface ProgressEvent {
  phase: 'start' | 'progress' | 'end';
  file?: string;
  statement: number;
  kind: string;
  /** COPY … FROM: rows read so far, and bytes when the source is a byte stream */
  rowsRead?: number;
  bytesRead?: number;
  elapsedMs: number;
}

export interface StatementResult {
  statement: number;
  kind: string;
  sql: string;
  /** output column names in select-list order (duplicates allowed) */
  columns?: string[];
  /** rows as arrays in column order; values are JSON scalars, Date, arrays or objects */
  rows?: unknown[][];
  rowCount: number;
  /** documents read from the source collections, when the engine knows it */
  rowsRead?: number;
  inserted?: number;
  updated?: number;
  deleted?: number;
  rejected?: number;
  durationMs: number;
  /** things the user should know that did not fail the statement (e.g. a collection that does not exist) */
  warnings?: string[];
  /** the SQL file, when the run had several or was given one */
  file?: string;
  /** 'skipped': completed by the run being resumed, not run again */
  status?: 'done' | 'skipped' | 'failed';
  /** the failure message, for a failed statement under continueOnError */
  error?: string;
}

export interface RunResult {
  /** the journal's id of this run (absent with `journal: false`) */
  runId?: string;
  status: 'succeeded' | 'failed';
  statements: StatementResult[];
  /** with continueOnError: the statements that failed, in order (without it the first failure is thrown) */
  failures?: StatementFailure[];
}

export interface StatementFailure {
  file?: string;
  statement: number;
  error: Error;
}
