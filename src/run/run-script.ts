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
  const counts: Partial<Record<'inserted' | 'updated' | 'deleted' | 'rejected', number>> = {};
  let rows: { columns: string[]; rows: unknown[][] } | undefined;
  let rowsRead: number | undefined;
  const cleanup = st.commands.filter((c) => c.role === 'cleanup');
  try {
    for (const cmd of st.commands) {
      if (cmd.role === 'cleanup') continue;
      if (cmd.kind !== 'aggregate') {
        const out = await engine.write(cmd);
        // a MERGE's counts come from its count step; its deleteMany only removes marked rows
        if (out.deleted !== undefined && st.kind !== 'merge') counts.deleted = (counts.deleted ?? 0) + out.deleted;
        if (out.matched !== undefined) counts.updated = (counts.updated ?? 0) + out.matched;
        continue;
      }
      const docs = await engine.aggregate(cmd);
      switch (cmd.role) {
        case 'rows':
        case undefined:
          rows = toRows(docs, st.columns);
          rowsRead = cmd.collection ? await engine.collectionSize(cmd.collection, cmd.db) : undefined;
          break;
        case 'check':
          if (docs.length > 0) {
            const reasons = Array.isArray(docs[0].__reasons) ? `: ${(docs[0].__reasons as string[]).join('; ')}` : '';
            throw new SqlEtlError('constraint-violation', 'run', `${cmd.message ?? 'a check of the statement failed'}${reasons}`);
          }
          break;
        case 'count':
          // one document per outcome: { _id: 'inserted' | 'updated' | 'skipped' | 'rejected', n }
          for (const d of docs) {
            const outcome = d._id as string;
            if (outcome === 'inserted' || outcome === 'updated' || outcome === 'rejected' || outcome === 'deleted') counts[outcome] = Number(d.n);
          }
          counts.inserted ??= 0;
          counts.updated ??= 0;
          if (st.kind === 'merge') counts.deleted ??= 0;
          else counts.rejected ??= 0;
          break;
        default:
          break;
      }
    }
  } catch (err) {
    const e = err instanceof SqlEtlError ? err : new SqlEtlError('statement-failed', 'run', (err as Error).message, { cause: err });
    if (!e.span) e.span = { start: st.span.start, end: st.span.start + 1 };
    return withSource(sql, file, () => {
      throw e;
    });
  } finally {
    for (const c of cleanup) {
      if (c.kind !== 'aggregate') await engine.write(c).catch(() => undefined);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  if (rows) return { ...base, columns: rows.columns, rows: rows.rows, rowCount: rows.rows.length, rowsRead, durationMs };
  const written = (counts.inserted ?? 0) + (counts.updated ?? 0) + (counts.deleted ?? 0);
  return { ...base, rowCount: written, ...counts, durationMs };
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
