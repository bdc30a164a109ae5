import type { SourceSpan } from '../errors.js';
import type { Expr } from './expr.js';
import type { SqlType } from './types.js';
import type { Query } from './query.js';

export interface ColumnDef {
  name: string;
  type: SqlType;
  typeName: string;
  notNull: boolean;
  /** numeric(p, s): values are rounded to s decimals */
  scale?: number;
  /** varchar(n): longer text is refused, unless what is past n is blanks (cut off) */
  length?: number;
  /** character(n) (with `length` n): the same rule, and documents hold the value padded to n blanks, as PostgreSQL shows it */
  blankPadded?: boolean;
  /** time(p): values are rounded to p fractional digits */
  timePrecision?: number;
  /** DEFAULT value for columns an INSERT leaves out */
  default?: Expr;
}

/** A declared table: its columns and constraints (CREATE TABLE in the job or --schema). */
export interface TableDef {
  name: string;
  db?: string;
  columns: ColumnDef[];
  /** PRIMARY KEY columns; the key is the documents' `_id` */
  primaryKey?: string[];
  /** UNIQUE constraints (the first one is the identity when there is no primary key) */
  unique: string[][];
  /** CHECK constraints with PostgreSQL's default names (`t_c_check`, `t_check`, …) */
  checks: { name: string; expr: Expr }[];
  /** a view: the query it stands for (inlined where it is read, as PostgreSQL expands views) */
  view?: Query;
  /** a materialized view: the query REFRESH MATERIALIZED VIEW re-runs */
  materialized?: Query;
  /** declared by the `schema` option (--schema), not created by the job: its documents were not written by sqletl */
  fromSchema?: boolean;
}

/** The columns that identify a row (its `_id`): the primary key, else the first UNIQUE constraint. */
export function identityKey(def: TableDef): string[] | undefined {
  return def.primaryKey ?? def.unique[0];
}

export interface TableRef {
  name: string;
  db?: string;
  span?: SourceSpan;
}

export interface ConflictAction {
  /** ON CONFLICT (cols): the key columns */
  target: string[];
  /** DO NOTHING, or DO UPDATE SET … [WHERE …] */
  update?: {
    /** column → value, bound twice: for the $merge pipeline (target = `$col`, EXCLUDED = `$$new.col`) … */
    set: { column: string; expr: Expr }[];
    where?: Expr;
    /** … and for counting before the write (target = `$__old.col`, EXCLUDED = `$col`) */
    countWhere?: Expr;
  };
}

/**
 * A `WITH RECURSIVE` query, computed before the statement that reads it into a
 * collection of its own (PostgreSQL's iteration: the non-recursive term's rows are the
 * first working table; the recursive term, reading only the working table, gives the
 * next one; every working table is appended to the result; an empty one ends it).
 * Both terms are bound to write the CTE's columns as fields `c0, c1, …` (never `_id`:
 * rows of the result may repeat, a collection's `_id`s may not).
 */
export interface RecursiveCte {
  name: string;
  /** the CTE's name in the WITH clause: where its errors (the iteration limit) point */
  span?: SourceSpan;
  /** the non-recursive term (for UNION: made DISTINCT) */
  seed: Query;
  /** the recursive term over `work` (for UNION: EXCEPT the result so far, which also drops its own duplicates) */
  step: Query;
  /** the result (what the statement reads), the working table, the next working table */
  collections: { result: string; work: string; next: string };
}

export type Statement =
  /** `recursive`: the WITH RECURSIVE queries the statement reads, in the order they are computed */
  | { kind: 'select'; query: Query; recursive?: RecursiveCte[]; sql: string; span: SourceSpan }
  | { kind: 'create-schema'; name: string; sql: string; span: SourceSpan }
  /** `SET sqletl.<setting> = value`: a job setting for the statements after it */
  | { kind: 'set'; name: string; value: string; sql: string; span: SourceSpan }
  | { kind: 'create-table'; table: TableDef; ifNotExists: boolean; asQuery?: Query; recursive?: RecursiveCte[]; sql: string; span: SourceSpan }
  | { kind: 'drop-table'; tables: TableRef[]; ifExists: boolean; view?: boolean; sql: string; span: SourceSpan }
  /**
   * COPY t [(cols)] FROM 'file' | STDIN: the rows of the file, batch by batch, go through
   * `insert` (whose source rows are the batch, as `$documents`): typed by the table,
   * rejects with their line numbers.
   */
  | { kind: 'copy-from'; table: TableRef; file?: string; options: CopyOptions; insert: Extract<Statement, { kind: 'insert' }>; sql: string; span: SourceSpan }
  /** COPY t | (query) TO 'file' | STDOUT */
  | { kind: 'copy-to'; query: Query; file?: string; options: CopyOptions; sql: string; span: SourceSpan }
  | { kind: 'create-view'; table: TableRef; query: Query; replace: boolean; sql: string; span: SourceSpan }
  | { kind: 'refresh-view'; table: TableRef; query: Query; sql: string; span: SourceSpan }
  | { kind: 'truncate'; tables: TableRef[]; sql: string; span: SourceSpan }
  | { kind: 'create-index'; table: TableRef; name: string; columns: string[]; unique: boolean; sql: string; span: SourceSpan }
  | {
      kind: 'insert';
      table: TableRef;
      def?: TableDef;
      /** the target columns, in the order the source query's columns fill them */
      columns: string[];
      source: Query;
      onConflict?: ConflictAction;
      /** the WITH RECURSIVE queries the source reads, computed first */
      recursive?: RecursiveCte[];
      sql: string;
      span: SourceSpan;
    }
  | { kind: 'update'; table: TableRef; def?: TableDef; set: { column: string; expr: Expr }[]; where?: Expr; sql: string; span: SourceSpan }
  | { kind: 'delete'; table: TableRef; where?: Expr; sql: string; span: SourceSpan }
  | {
      kind: 'merge';
      table: TableRef;
      def?: TableDef;
      /** source rows LEFT JOIN the target (under `__t`) on the MERGE condition */
      joined: Query;
      /** WHEN clauses in order; expressions read source columns at the row root and the target's under `__t` */
      clauses: MergeClause[];
      /** MERGE proper: a target row matched twice is an error even for DELETE */
      strict?: boolean;
      sql: string;
      span: SourceSpan;
    };

/**
 * COPY options, as PostgreSQL spells them (FORMAT csv | json | ndjson | text | parquet,
 * HEADER, DELIMITER, NULL, QUOTE), and for an http(s) source ROWS, NEXT, PAGINATE,
 * TIMEOUT (see src/io/copy-http.ts).
 */
export interface CopyOptions {
  format: 'csv' | 'json' | 'ndjson' | 'text' | 'parquet';
  header: boolean;
  delimiter: string;
  null: string;
  quote: string;
  /** http: dotted path to the rows array in each response object (default: the response is the array, or NDJSON) */
  rows?: string;
  /** http: dotted path to the next page's URL in each response object */
  next?: string;
  /** http: follow `Link: <…>; rel="next"` response headers (RFC 8288) */
  paginate?: 'link';
  /** http: seconds a request may take before it fails (default 30) */
  timeout?: number;
  /** COPY TO: the output columns' type names (int, date, timestamp, timestamptz, bool, json, …), so values print as PostgreSQL prints them */
  types?: (string | undefined)[];
}

export interface MergeClause {
  matched: boolean;
  condition?: Expr;
  action: 'update' | 'delete' | 'insert' | 'nothing';
  /** UPDATE SET / INSERT (cols) VALUES: column → value */
  values: { column: string; expr: Expr }[];
}
