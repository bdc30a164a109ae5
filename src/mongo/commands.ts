/**
 * The MongoDB commands a statement compiles to: what `explain` prints and what the
 * engines execute. Plain data (documents with BSON-compatible values), so the same
 * command runs on a server through the driver and in process on mingo.
 */
export type Document = Record<string, unknown>;

export type MongoCommand =
  /** `db.getCollection(collection).aggregate(pipeline)`, or `db.aggregate(pipeline)` without a collection (pipelines that start with `$documents`) */
  | { kind: 'aggregate'; db?: string; collection?: string; pipeline: Document[]; note?: string };

export interface CompiledColumn {
  /** SQL output name (PostgreSQL's default name for unaliased expressions; duplicates allowed) */
  name: string;
  /** the document field that carries it in the pipeline's output */
  field: string;
}

export interface CompiledStatement {
  /** 1-based statement number in the script */
  index: number;
  kind: 'select' | 'insert' | 'update' | 'delete' | 'merge' | 'create' | 'drop' | 'copy';
  sql: string;
  /** char offsets of the statement in the script text */
  span: { start: number; end: number };
  commands: MongoCommand[];
  /** output columns for statements that return rows; undefined for `SELECT *` of an undeclared collection (columns come from the documents) */
  columns?: CompiledColumn[];
}

export interface CompiledScript {
  statements: CompiledStatement[];
}
