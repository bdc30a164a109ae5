/**
 * sqletl as a library: compile PostgreSQL-flavoured SQL to MongoDB commands,
 * explain them, or run them on MongoDB or the embedded engine.
 */
import type { CompileOptions, ExplainOptions, RunOptions, RunResult } from './api-types.js';
import { compileScript, compileStages } from './compile.js';
import { formatExplain } from './explain-format.js';
import type { CompiledScript } from './commands/command-ir.js';
import type { RunRecord } from './engine/run-journal.js';

export type { CompileOptions, ExplainOptions, RunOptions, RunResult, StatementResult, StatementFailure, ProgressEvent } from './api-types.js';
export type { RunRecord, StatementRecord } from './engine/run-journal.js';
export type { CompiledScript, CompiledStatement, MongoCommand, CompiledColumn, Document } from './commands/command-ir.js';
export { ERROR_CODES, SqlEtlError, hasCode, type ErrorCode, type ErrorParams, type Stage } from './errors.js';

/** Compile a script (pure: no I/O). */
export function compile(sql: string, options: CompileOptions = {}): Promise<CompiledScript> {
  return compileScript(sql, options);
}

/** The statements and their MongoDB commands, as mongosh code or Extended JSON. */
export async function explain(sql: string, options: ExplainOptions = {}): Promise<string> {
  if (options.stage === 'ir' || options.stage === 'plan') {
    const stages = await compileStages(sql, options);
    const stage = options.stage;
    return JSON.stringify(stages.map((s, i) => ({ statement: i + 1, sql: s.sql, [stage]: stage === 'ir' ? s.ir : s.plan ?? null })), null, 2) + '\n';
  }
  const script = await compileScript(sql, options);
  return formatExplain(script, sql, { format: options.format ?? 'shell', color: options.color ?? false });
}

/**
 * Run several SQL files as one job (one journaled run, statements in file order);
 * `path` names each file in messages and makes COPY paths relative to its folder.
 */
export async function runFiles(files: { path?: string; text: string }[], options: RunOptions = {}): Promise<RunResult> {
  const { runJob } = await import('./run/run-job.js');
  return runJob(files, options);
}

/** The run journal of a target (a data directory, or a MongoDB database), newest first. */
export async function history(options: Pick<RunOptions, 'uri' | 'db' | 'dataDir'> = {}): Promise<RunRecord[]> {
  const { listRuns } = await import('./run/history.js');
  return listRuns(options);
}

/** Run a script on MongoDB (`uri`) or on the embedded engine over `dataDir`. */
export async function run(sql: string, options: RunOptions = {}): Promise<RunResult> {
  const { runScript } = await import('./run/run-job.js');
  return runScript(sql, options);
}
