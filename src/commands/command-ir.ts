import type { Filter, Stage, UpdateStage } from './mql-types.js';

/**
 * The MongoDB commands a statement compiles to: what `explain` prints and what the
 * engines execute. Plain data (documents with BSON-compatible values), so the same
 * command runs on a server through the driver and in process on mingo.
 *
 * This is sqletl's second IR, the one between lowering and running: `src/ir/` is
 * what the front ends produce and the planner rewrites; this is what lowering
 * (src/mongo/) produces and the runner, the engines and the COPY readers
 * (src/run/, src/engine/, src/io/) consume. It has its own folder so those layers
 * depend on the command model, not on the lowering that makes it (src/layers.ts).
 */
export type Document = Record<string, unknown>;

/**
 * What the runner does with a command's result: `rows` are a SELECT's result; a
 * `check` fails the statement (with `message`) when it returns any document; a
 * `count` returns one document of row counts; the others only write.
 */
export type CommandRole = 'rows' | 'stage' | 'check' | 'count' | 'rejects' | 'write' | 'ddl' | 'cleanup';

interface CommandBase {
  db?: string;
  role?: CommandRole;
  /** a check's error message */
  message?: string;
  /**
   * a check that returns a row breaking the table's constraints (on_error = stop): the error
   * is the row's first reason, in PostgreSQL's words, `message` a hint beside it
   */
  firstReason?: true;
  note?: string;
}

export type MongoCommand =
  /** `db.getCollection(collection).aggregate(pipeline)`, or `db.aggregate(pipeline)` without a collection (pipelines that start with `$documents`) */
  | AggregateCommand
  | (CommandBase & { kind: 'createCollection'; collection: string; ifNotExists: boolean })
  | (CommandBase & { kind: 'createIndex'; collection: string; keys: Record<string, 1>; name: string; unique: boolean; partialFilterExpression?: Filter })
  | (CommandBase & { kind: 'drop'; collection: string; ifExists: boolean })
  /** `db.createView(collection, viewOn, pipeline)` (replace: drop an existing view first) */
  | (CommandBase & { kind: 'createView'; collection: string; viewOn: string; pipeline: Stage[]; replace: boolean })
  /** `updateMany(filter, [pipeline])`: matched and modified counts */
  | (CommandBase & { kind: 'updateMany'; collection: string; filter: Filter; update: UpdateStage[] })
  | (CommandBase & { kind: 'deleteMany'; collection: string; filter: Filter })
  /**
   * A fixpoint loop (WITH RECURSIVE): the runner runs `init` once, then `body` again and
   * again while `until` returns a document; `body` runs at most `maxIterations` times,
   * after which a still non-empty `until` is an error naming `name` at `span`. Its
   * commands are plain aggregates (each engine runs them as any other), so the loop
   * itself is the runner's, not an engine's.
   */
  /**
   * `enough`: a check, after each pass, that returns a document when the result already
   * holds every row the statement reads (an outer `LIMIT` over the recursive query alone):
   * the loop ends there, as PostgreSQL's lazy evaluation stops an endless recursion
   */
  | (CommandBase & { kind: 'loop'; name: string; init: AggregateCommand[]; body: AggregateCommand[]; until: AggregateCommand; enough?: AggregateCommand; maxIterations: number; span?: { start: number; end: number } });

/** A command an engine runs itself: every command but the runner's loops. */
export type EngineCommand = Exclude<MongoCommand, { kind: 'loop' }>;

export type AggregateCommand = CommandBase & { kind: 'aggregate'; collection?: string; pipeline: Stage[] };

export interface CompiledColumn {
  /** SQL output name (PostgreSQL's default name for unaliased expressions; duplicates allowed) */
  name: string;
  /** the document field that carries it in the pipeline's output */
  field: string;
  /** a real (float4): its doubles are singles, returned as the double nearest PostgreSQL's shortest decimal for them (1.1, not 1.100000023841858) */
  real?: true;
}

export interface CompiledStatement {
  /** 1-based statement number in the script */
  index: number;
  kind: 'select' | 'insert' | 'update' | 'delete' | 'merge' | 'create' | 'drop' | 'copy';
  sql: string;
  /** char offsets of the statement in the script text */
  span: { start: number; end: number };
  commands: MongoCommand[];
  /** COPY: where the rows come from or go to; for FROM, the first command's `$documents` is filled batch by batch */
  copy?: { direction: 'from' | 'to'; file?: string; options: import('../ir/statement.js').CopyOptions; columns: string[] };
  /** what a write statement's counts mean (inserted/updated/deleted/rejected are exact unless listed here) */
  countNotes?: string[];
  /** `SET sqletl.<name> = value`: a job setting the runner applies to the statements after it */
  setting?: { name: string; value: string };
  /** output columns for statements that return rows; undefined for `SELECT *` of an undeclared collection (columns come from the documents) */
  columns?: CompiledColumn[];
}

export interface CompiledScript {
  statements: CompiledStatement[];
  /**
   * The columns declared `real` or `double precision`, by collection (`name` or `db.name`):
   * an engine reading documents from text reads a large integer there as a float, as
   * PostgreSQL reads such text into a float column (elsewhere it is refused, not rounded).
   */
  floatColumns?: Record<string, string[]>;
}
