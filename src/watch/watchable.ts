import { assertNever } from '../assert-never.js';
import type { CompileOptions } from '../api-types.js';
import { compileScript, withSource } from '../compile.js';
import { dialectDirective } from '../dialects/directive.js';
import { SqlEtlError } from '../errors.js';
import type { Query } from '../ir/query.js';
import { identityKey, type Statement } from '../ir/statement.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { buildPlan } from '../plan/build-plan.js';
import type { Catalog } from '../sql/bind-context.js';
import { bindScript } from '../sql/bind-statement.js';
import { loadParser, parseScript } from '../sql/parse.js';
import { nsKey, type CollectionRef } from '../engine/change-batch.js';
import { planIncrementally, type IncrementalPlan } from './incremental-plan.js';

/**
 * Which statements of a job `sqletl watch` keeps up to date. A watched job is a
 * set of derivations, each defining one table's contents by a query:
 *
 * - `CREATE TABLE t AS SELECT …` (and `CREATE MATERIALIZED VIEW t AS …`);
 * - `INSERT INTO t [(cols)] SELECT …` into a table without a key (no PRIMARY KEY
 *   or UNIQUE): t holds the query's rows, conformed to t's declared columns, as
 *   after running the statement into an empty t.
 *
 * Setup statements (CREATE TABLE without AS, CREATE INDEX, CREATE SCHEMA, CREATE
 * VIEW, SET) run once when a watch starts. Everything else is an error at its
 * position: a SELECT has no target; UPDATE / DELETE / MERGE / TRUNCATE / DROP /
 * COPY are one-off actions, not derivations; ON CONFLICT and keyed targets
 * identify rows by their key, where a watch identifies derived rows by their source.
 */
export interface WatchedStatement {
  kind: 'watched';
  index: number;
  sql: string;
  compiled: CompiledStatement;
  target: CollectionRef;
  /** the INSERT whose conform / rejects program the apply step reuses; absent for CREATE TABLE AS */
  insert?: Extract<Statement, { kind: 'insert' }>;
  incremental: IncrementalPlan;
}

export interface SetupStatement {
  kind: 'setup';
  index: number;
  compiled: CompiledStatement;
}

export interface WatchJob {
  statements: (WatchedStatement | SetupStatement)[];
  watched: WatchedStatement[];
  /** collections the watch follows: read by a watched statement, written by none */
  sources: CollectionRef[];
}

export async function planWatchJob(sql: string, options: CompileOptions = {}): Promise<WatchJob> {
  const dialect = options.dialect ?? withSource(sql, options.file, () => dialectDirective(sql));
  if (dialect && dialect !== 'postgres') {
    // the incremental planner reads the PostgreSQL front end's IR; the dialect front ends are not wired into it yet
    throw new SqlEtlError('watch-dialect', 'usage', `sqletl watch takes PostgreSQL jobs; this job is written in the ${dialect} dialect`, { hints: ['run it with sqletl run, or write the watched statements in PostgreSQL'] });
  }
  const script = await compileScript(sql, options);
  await loadParser();
  const catalog: Catalog = new Map();
  if (options.schema) withSource(options.schema, 'schema', () => bindScript(parseScript(options.schema!), catalog, {}, undefined, true));
  return withSource(sql, options.file, () => {
    const bound = bindScript(parseScript(sql), catalog, options.vars ?? {});
    const statements = bound.map((s, i) => classify(s, script.statements[i], options.db));
    const watched = statements.filter((s): s is WatchedStatement => s.kind === 'watched');
    checkDerivations(watched, bound);
    const targets = new Set(watched.map((w) => nsKey(w.target)));
    const sources = new Map<string, CollectionRef>();
    for (const w of watched) for (const r of w.incremental.reads) if (!targets.has(nsKey(r))) sources.set(nsKey(r), r);
    if (watched.length === 0) {
      throw new SqlEtlError('nothing-to-watch', 'plan', 'the job has no statement a watch can keep up to date (CREATE TABLE … AS SELECT or INSERT INTO … SELECT)');
    }
    return { statements, watched, sources: [...sources.values()] };
  });
}

const WATCHABLE_HINT = 'sqletl watch keeps derived tables up to date: CREATE TABLE t AS SELECT … or INSERT INTO t SELECT … (run other statements with sqletl run)';

function notWatchable(s: Statement, why: string, hints: string[] = [WATCHABLE_HINT]): SqlEtlError {
  return new SqlEtlError('not-watchable', 'plan', `this statement cannot be watched: ${why}`, { span: { start: s.span.start, end: s.span.start + 1 }, hints });
}

function classify(s: Statement, compiled: CompiledStatement, defaultDb: string | undefined): WatchedStatement | SetupStatement {
  const ref = (t: { name: string; db?: string }): CollectionRef => ({ name: t.name, ...((t.db ?? defaultDb) ? { db: t.db ?? defaultDb } : {}) });
  const watched = (target: CollectionRef, query: Query, insert?: Extract<Statement, { kind: 'insert' }>): WatchedStatement => {
    const incremental = planIncrementally(buildPlan(query));
    // collections read through the default database are named like the target
    incremental.reads = incremental.reads.map(ref);
    if (incremental.source) incremental.source = ref(incremental.source);
    return { kind: 'watched', index: compiled.index, sql: s.sql, compiled, target, insert, incremental };
  };
  // a WITH RECURSIVE query is recomputed whole by a loop: no changed rows to follow through it
  if ((s.kind === 'create-table' || s.kind === 'insert') && s.recursive?.length) {
    throw notWatchable(s, 'it reads a WITH RECURSIVE query, which is computed whole, not from the changed rows', ['run it with sqletl run (again after its sources change)']);
  }
  switch (s.kind) {
    case 'create-table':
      return s.asQuery ? watched(ref(s.table), s.asQuery) : { kind: 'setup', index: compiled.index, compiled };
    case 'create-index':
    case 'create-schema':
    case 'create-view':
    case 'set':
      return { kind: 'setup', index: compiled.index, compiled };
    case 'insert':
      if (s.onConflict) throw notWatchable(s, 'INSERT … ON CONFLICT identifies rows by their key, a watch by their source document');
      if (s.def && identityKey(s.def)) {
        throw notWatchable(s, `"${s.table.name}" has a key (PRIMARY KEY or UNIQUE): its rows are identified by the key, a watch identifies derived rows by their source document`, [
          'declare the table without a key, or derive it with CREATE TABLE … AS SELECT',
        ]);
      }
      return watched(ref(s.table), s.source, s);
    case 'select':
      throw notWatchable(s, 'a SELECT writes no table to keep up to date');
    case 'copy-from':
    case 'copy-to':
      throw notWatchable(s, 'COPY is a one-off transfer, not a derived table');
    case 'update':
    case 'delete':
    case 'merge':
    case 'truncate':
    case 'drop-table':
      throw notWatchable(s, `${s.sql.trim().split(/\s+/)[0].toUpperCase()} changes rows once; it does not define a table's contents`);
    case 'refresh-view':
      throw notWatchable(s, 'REFRESH MATERIALIZED VIEW: watch the CREATE MATERIALIZED VIEW statement instead');
    default:
      return assertNever(s, 'run');
  }
}

/** One derivation per table, no statement reading its own target, none reading a table a later statement derives. */
function checkDerivations(watched: WatchedStatement[], bound: Statement[]): void {
  const writer = new Map<string, WatchedStatement>();
  for (const w of watched) {
    const s = bound[w.index - 1];
    const key = nsKey(w.target);
    const earlier = writer.get(key);
    if (earlier) throw notWatchable(s, `"${w.target.name}" is already derived by statement ${earlier.index}; a watch keeps one derivation per table`, ['combine the queries with UNION ALL into one statement']);
    if (w.incremental.reads.some((r) => nsKey(r) === key)) throw notWatchable(s, `it reads its own target "${w.target.name}"`);
    writer.set(key, w);
  }
  for (const w of watched) {
    for (const r of w.incremental.reads) {
      const later = writer.get(nsKey(r));
      if (later && later.index > w.index) throw notWatchable(bound[w.index - 1], `it reads "${r.name}", which statement ${later.index} derives after it`);
    }
  }
}
