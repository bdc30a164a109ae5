import type { RunOptions, RunResult, StatementResult } from '../api-types.js';
import { compileScript, withSource } from '../compile.js';
import type { Engine } from '../engine/engine.js';
import { SqlEtlError } from '../errors.js';
import type { CompiledStatement } from '../mongo/commands.js';
import { toRows } from './rows.js';

/**
 * Runs a script's statements in order on one engine and stops at the first failure
 * (the error carries the failing statement's position).
 */
export async function runScript(sql: string, options: RunOptions = {}): Promise<RunResult> {
  const script = await compileScript(sql, options);
  const engine = await openEngine(options);
  const results: StatementResult[] = [];
  try {
    let missingBefore = 0;
    for (const st of script.statements) {
      const result = await runStatement(engine, st, sql, options.file);
      const missing = engine.missingCollections();
      if (missing.length > missingBefore) {
        result.warnings = missing.slice(missingBefore).map((name) => `collection "${name}" does not exist in ${options.dataDir ?? './data'}: read as empty`);
        missingBefore = missing.length;
      }
      results.push(result);
      options.onStatement?.(result);
    }
  } finally {
    await engine.close();
  }
  return { statements: results };
}

async function runStatement(engine: Engine, st: CompiledStatement, sql: string, file?: string): Promise<StatementResult> {
  const started = performance.now();
  const base = { statement: st.index, kind: st.kind, sql: st.sql };
  if (st.kind !== 'select') return { ...base, rowCount: 0, durationMs: Math.round(performance.now() - started) };
  const cmd = st.commands[0];
  try {
    const docs = await engine.aggregate(cmd);
    const { columns, rows } = toRows(docs, st.columns);
    const rowsRead = cmd.collection ? await engine.collectionSize(cmd.collection, cmd.db) : undefined;
    return { ...base, columns, rows, rowCount: rows.length, rowsRead, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    const e = err instanceof SqlEtlError ? err : new SqlEtlError('statement-failed', 'run', (err as Error).message, { cause: err });
    if (!e.span) e.span = { start: st.span.start, end: st.span.start + 1 };
    return withSource(sql, file, () => {
      throw e;
    });
  }
}

/** Engines load on demand: `compile`/`explain` users never pay for the driver or mingo. */
async function openEngine(options: RunOptions): Promise<Engine> {
  if (options.uri) {
    const { MongoEngine } = await import('../engine/mongodb.js');
    return MongoEngine.connect(options.uri, options.db);
  }
  const { EmbeddedEngine } = await import('../engine/embedded.js');
  return new EmbeddedEngine(options.dataDir ?? './data');
}
