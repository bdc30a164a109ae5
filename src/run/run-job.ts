import { existsSync } from 'node:fs';
import type { RunOptions, RunResult, StatementFailure, StatementResult } from '../api-types.js';
import { compileScript } from '../compile.js';
import type { Engine } from '../engine/engine.js';
import { SqlEtlError } from '../errors.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { isStageName } from '../commands/stage-names.js';
import type { JournalStore, RunRecord, StatementRecord } from '../engine/run-journal.js';
import { newRunId, sha256 } from './journal.js';
import { runStatement } from './run-script.js';
import { commandLimitProblem } from '../mongo/command-limits.js';
import { serverRuleViolations } from '../mongo/server-rules.js';
import { checkJob, type DryRunProblem } from './dry-run-checks.js';
import { ReadChecker } from './strict-reads.js';
import { compileSampled } from './strict-columns.js';

/**
 * A job: one or more SQL files run in order on one engine, as one journaled run
 * (issue 6). Per statement: begin the engine's transaction, run, record the
 * outcome in the journal, commit — so on the embedded engine the journal says
 * "done" exactly for statements whose writes landed. `resume` skips statements the
 * named run completed; `continueOnError` records a failure and goes on.
 */
export interface JobFile {
  /** name used in messages and the journal; undefined for SQL given as a string */
  path?: string;
  text: string;
}

/** Runs one script (the library's `run`): a job of one file. */
export async function runScript(sql: string, options: RunOptions = {}): Promise<RunResult> {
  return runJob([{ path: options.file, text: sql }], options);
}

export async function runJob(files: JobFile[], options: RunOptions = {}): Promise<RunResult> {
  const engine = await openEngine(options);
  try {
    return await runOnEngine(engine, files, options);
  } finally {
    await engine.close();
  }
}

/**
 * `--dry-run`: compile every file, then check sources and collections on the target
 * without writing anything (no lock, no journal, no transaction).
 */
export async function dryRunJob(files: JobFile[], options: RunOptions = {}): Promise<{ scripts: { path?: string; statements: CompiledStatement[] }[]; problems: DryRunProblem[] }> {
  let scripts = [];
  // (--strict-columns compiles against the target's samples, below)
  if (!options.strictColumns) for (const f of files) scripts.push({ path: f.path, statements: (await compileScript(f.text, { ...options, file: f.path })).statements });
  // as a run would: a data directory that does not exist is an error, not a directory of empty collections
  if (!options.uri && !existsSync(options.dataDir ?? './data')) {
    throw new SqlEtlError('bad-data-dir', 'io', `data directory ${options.dataDir ?? './data'} does not exist (give one with --data)`);
  }
  const engine = await openEngine(options);
  try {
    if (options.strictColumns) scripts = (await compileSampled(engine, files, options)).map(({ file, script }) => ({ path: file.path, statements: script.statements }));
    return { scripts, problems: await checkJob(engine, scripts, options) };
  } finally {
    await engine.close();
  }
}

async function runOnEngine(engine: Engine, files: JobFile[], options: RunOptions): Promise<RunResult> {
  // --resume: the run's record decides the --var values, so it is read before compiling
  if (options.resume) await engine.prepareForWrites?.({ waitLockMs: options.waitLockMs });
  const previous = options.resume ? await loadResumable(options.journal === false ? undefined : engine.journal(), options.resume, files, options.resumeEdited === true) : undefined;
  const vars = options.vars && Object.keys(options.vars).length > 0 ? options.vars : ((previous?.vars as RunOptions['vars']) ?? options.vars);
  if (previous && options.vars && Object.keys(options.vars).length > 0 && JSON.stringify(previous.vars) !== JSON.stringify(jsonVars(options.vars))) {
    throw usage(`--resume ${previous.id}: the --var values differ from the run's (${JSON.stringify(previous.vars)}); give the same ones or none`);
  }
  // compile everything before running anything: a syntax error in the last file must not leave a half-run job
  // --strict-columns: each file compiled against its collections' sampled field names
  const scripts = options.strictColumns ? await compileSampled(engine, files, { ...options, vars }) : [];
  if (!options.strictColumns) for (const f of files) scripts.push({ file: f, script: await compileScript(f.text, { ...options, file: f.path, vars }) });
  for (const { script } of scripts) if (script.floatColumns) engine.readFloatColumns?.(script.floatColumns);
  // Only jobs that change data take the data directory's lock, use transactions and
  // are journaled: a read-only job (SELECT, COPY … TO) has nothing to resume and must
  // not write into a directory it only reads.
  const writes = scripts.some(({ script }) => script.statements.some(changesData));
  // --resume of edited files: skip what completed up to the first changed statement, run the rest
  const skip = previous ? resumePlan(previous, scripts.map((s) => s.script.statements), files, options) : undefined;
  if (writes && !options.resume) await engine.prepareForWrites?.({ waitLockMs: options.waitLockMs });
  const journal = writes && options.journal !== false ? engine.journal() : undefined;

  const now = new Date();
  const record: RunRecord | undefined = !journal
    ? undefined
    : previous
      ? {
          ...previous,
          status: 'running',
          resumes: [...previous.resumes, now.toISOString()],
          finishedAt: undefined,
          error: undefined,
          // an edited job: the record now describes the files as given, and keeps only the statements that stay done
          files: files.map((f, i) => ({ path: f.path ?? previous.files[i]?.path ?? '<sql>', sha256: sha256(f.text) })),
          statements: previous.statements.filter((s) => skip?.has(`${s.file}:${s.statement}`)),
        }
      : {
          id: newRunId(now),
          kind: 'run',
          files: files.map((f) => ({ path: f.path ?? '<sql>', sha256: sha256(f.text) })),
          engine: engine.name,
          target: engine.name === 'embedded' ? (options.dataDir ?? './data') : (options.db ?? 'default database'),
          startedAt: now.toISOString(),
          status: 'running',
          resumes: [],
          vars: jsonVars(vars ?? {}),
          statements: [],
          rowsWritten: 0,
          rejected: 0,
        };
  if (record && journal) await journal.save(record);

  const results: StatementResult[] = [];
  const failures: StatementFailure[] = [];
  const started = performance.now();
  let batchSize = options.batchSize;
  let missingBefore = 0;
  const reads = options.missingCollections === 'error' ? new ReadChecker(engine, options) : undefined;
  for (const [fileIndex, { file, script }] of scripts.entries()) {
    for (const st of script.statements) {
      if (st.setting?.name === 'sqletl.batch_size') batchSize = Number(st.setting.value);
      const fileName = files.length > 1 || file.path ? file.path : undefined;
      const prior = record?.statements.find((s) => s.file === fileIndex && s.statement === st.index);
      if (previous && prior?.status === 'done' && skip?.has(`${fileIndex}:${st.index}`)) {
        const skipped: StatementResult = { statement: st.index, kind: st.kind, sql: st.sql, rowCount: prior.rowCount ?? 0, durationMs: 0, status: 'skipped', ...(fileName ? { file: fileName } : {}) };
        results.push(skipped);
        reads?.ran(st);
        options.onStatement?.(skipped);
        continue;
      }
      if (options.signal?.aborted) {
        const error = interruption(options.signal, record?.id);
        await finish(journal, record, 'interrupted', started, error.message);
        throw error;
      }
      const t0 = performance.now();
      const startedAt = new Date().toISOString();
      options.onProgress?.({ phase: 'start', file: fileName, statement: st.index, kind: st.kind, elapsedMs: 0 });
      if (writes) engine.begin?.();
      let result: StatementResult;
      try {
        checkServerRules(st, file, engine.name === 'mongodb');
        await reads?.check(st, file.text, file.path);
        result = await runStatement(engine, st, file.text, { ...options, file: file.path, vars, batchSize }, (rowsRead, bytesRead) =>
          options.onProgress?.({ phase: 'progress', file: fileName, statement: st.index, kind: st.kind, rowsRead, bytesRead, elapsedMs: performance.now() - t0 }),
        );
        if (fileName) result.file = fileName;
        result.status = 'done';
        if (record && journal) {
          setStatement(record, statementRecord(fileIndex, st, 'done', startedAt, result));
          record.rowsWritten += written(result);
          record.rejected += result.rejected ?? 0;
          await journal.save(record); // inside the transaction: lands with the statement's writes
        }
        if (writes) engine.commit?.();
        reads?.ran(st);
      } catch (err) {
        if (writes) engine.rollback?.();
        options.onProgress?.({ phase: 'end', file: fileName, statement: st.index, kind: st.kind, elapsedMs: performance.now() - t0 });
        if (options.signal?.aborted) {
          // interrupted: the statement is rolled back (embedded) and the run can be resumed from it
          const error = interruption(options.signal, record?.id);
          if (record && journal) setStatement(record, { ...statementRecord(fileIndex, st, 'interrupted', startedAt), durationMs: Math.round(performance.now() - t0) });
          await finish(journal, record, 'interrupted', started, error.message);
          throw error;
        }
        const error = err instanceof Error ? err : new Error(String(err));
        if (record && journal) {
          setStatement(record, { ...statementRecord(fileIndex, st, 'failed', startedAt), durationMs: Math.round(performance.now() - t0), error: error.message });
        }
        failures.push({ file: fileName, statement: st.index, error });
        if (!options.continueOnError) {
          await finish(journal, record, 'failed', started, error.message);
          if (error instanceof SqlEtlError && record) error.runId = record.id;
          throw error;
        }
        const failed: StatementResult = { statement: st.index, kind: st.kind, sql: st.sql, rowCount: 0, durationMs: Math.round(performance.now() - t0), status: 'failed', error: error.message, ...(fileName ? { file: fileName } : {}) };
        results.push(failed);
        options.onStatement?.(failed);
        continue;
      }
      options.onProgress?.({ phase: 'end', file: fileName, statement: st.index, kind: st.kind, elapsedMs: performance.now() - t0 });
      const missing = engine.missingCollections();
      if (missing.length > missingBefore) {
        result.warnings = missing.slice(missingBefore).map((name) => `collection "${name}" does not exist in ${engine.name === 'embedded' ? (options.dataDir ?? './data') : 'the database'}: read as empty`);
        missingBefore = missing.length;
      }
      results.push(result);
      options.onStatement?.(result);
    }
  }
  const status = failures.length > 0 ? 'failed' : 'succeeded';
  await finish(journal, record, status, started, failures[0]?.error.message);
  return { ...(record ? { runId: record.id } : {}), status, statements: results, ...(failures.length ? { failures } : {}) };
}

/** The error an interrupted run rejects with: code `interrupted`, the signal's name, the run id. */
function interruption(signal: AbortSignal, runId: string | undefined): SqlEtlError {
  const reason = typeof signal.reason === 'string' ? signal.reason : 'an abort signal';
  const err = new SqlEtlError('interrupted', 'run', `interrupted by ${reason}`);
  if (runId) err.runId = runId;
  return err;
}

async function finish(journal: JournalStore | undefined, record: RunRecord | undefined, status: 'succeeded' | 'failed' | 'interrupted', started: number, error?: string): Promise<void> {
  if (!journal || !record) return;
  record.status = status;
  record.finishedAt = new Date().toISOString();
  record.durationMs = (record.durationMs ?? 0) + Math.round(performance.now() - started);
  if (error) record.error = error;
  await journal.save(record);
}

/**
 * The statements a resumed run skips: those the run completed, up to the first
 * statement whose SQL changed since (compared by hash at the same file and
 * position); from there on everything runs again, as `dbt retry` does.
 */
function resumePlan(previous: RunRecord, statements: CompiledStatement[][], files: JobFile[], options: RunOptions): Set<string> {
  const skip = new Set<string>();
  const changed: string[] = [];
  let from: string | undefined;
  statements.forEach((list, fileIndex) => {
    for (const st of list) {
      const prior = previous.statements.find((s) => s.file === fileIndex && s.statement === st.index);
      const label = `${files[fileIndex].path ?? '<sql>'} statement ${st.index}`;
      if (prior && prior.sqlHash !== sha256(st.sql)) {
        changed.push(label);
        from ??= label;
      }
      if (from === undefined && prior?.status === 'done') skip.add(`${fileIndex}:${st.index}`);
    }
  });
  if (changed.length > 0) {
    options.onWarning?.(`run ${previous.id}: ${changed.join(', ')} changed since the run; running again from ${from} on (--resume-exact refuses edited files)`);
  } else if (files.some((f, i) => sha256(f.text) !== previous.files[i]?.sha256)) {
    options.onWarning?.(`run ${previous.id}: the files changed since the run, but no statement it completed did; continuing after them`);
  }
  return skip;
}

/** A run can be resumed when it exists, did not succeed, and ran the same SQL (or, with `edited`, the same number of files). */
async function loadResumable(journal: JournalStore | undefined, id: string, files: JobFile[], edited: boolean): Promise<RunRecord> {
  if (!journal) throw usage('--resume needs the run journal (it is off)');
  const rec = await journal.load(id);
  if (!rec) throw usage(`no run ${id} in the journal of this target (see: sqletl history)`);
  if (rec.kind !== 'run') throw usage(`run ${id} is a ${rec.kind}, not a job run`);
  if (rec.status === 'succeeded') throw usage(`run ${id} already succeeded: nothing to resume`);
  const given = files.map((f) => sha256(f.text));
  const recorded = rec.files.map((f) => f.sha256);
  const which = rec.files.map((f) => f.path).join(', ');
  if (given.length !== recorded.length) throw usage(`run ${id} ran ${recorded.length} file${recorded.length === 1 ? '' : 's'} (${which}), not ${given.length}; --resume needs the same files`);
  if (!edited && given.some((h, i) => h !== recorded[i])) {
    throw usage(`run ${id} ran different SQL (${which}); --resume needs the same files, unchanged`);
  }
  return rec;
}

function statementRecord(file: number, st: CompiledStatement, status: StatementRecord['status'], startedAt: string, r?: StatementResult): StatementRecord {
  const rec: StatementRecord = { file, statement: st.index, kind: st.kind, sqlHash: sha256(st.sql), status, startedAt, durationMs: r?.durationMs ?? 0 };
  if (r) {
    rec.rowCount = r.rowCount;
    for (const k of ['rowsRead', 'inserted', 'updated', 'deleted', 'rejected'] as const) if (r[k] !== undefined) rec[k] = r[k];
  }
  return rec;
}

function setStatement(record: RunRecord, s: StatementRecord): void {
  const i = record.statements.findIndex((x) => x.file === s.file && x.statement === s.statement);
  if (i >= 0) record.statements[i] = s;
  else record.statements.push(s);
}

/**
 * What MongoDB would refuse, checked before anything is sent: the pipeline rules mingo
 * does not enforce (on both engines, so the embedded engine never accepts a pipeline
 * the server rejects) and, on a server, its limits (nesting depth, stage count; the
 * embedded engine has none and runs such statements).
 */
function checkServerRules(st: CompiledStatement, file: JobFile, onServer: boolean): void {
  for (const cmd of st.commands) {
    const violation = serverRuleViolations(cmd)[0];
    const problem = violation ? `${violation.operator}: ${violation.message}` : onServer ? commandLimitProblem(cmd) : undefined;
    if (!problem) continue;
    const code = violation ? 'server-rule' : 'server-limit';
    const err = new SqlEtlError(code, 'lower', `statement ${st.index} cannot run on MongoDB: ${problem}`, { span: { start: st.span.start, end: st.span.start + 1 } });
    err.source = { text: file.text, file: file.path };
    throw err;
  }
}

/**
 * a statement that writes: any command besides reading rows, or COPY … FROM. A WITH
 * RECURSIVE loop and the drops after it only touch the statement's own stage
 * collections (the embedded engine keeps them in memory): a SELECT with one still reads only.
 */
function changesData(st: CompiledStatement): boolean {
  const ownStage = (c: CompiledStatement['commands'][number]) => c.kind === 'loop' || (c.kind === 'drop' && c.role === 'cleanup' && isStageName(c.collection));
  return st.copy?.direction === 'from' || st.commands.some((c) => c.role !== 'rows' && c.role !== undefined && !ownStage(c));
}

function written(r: StatementResult): number {
  return (r.inserted ?? 0) + (r.updated ?? 0) + (r.deleted ?? 0);
}

/** --var values as the journal keeps them (JSON; dates as ISO text) */
function jsonVars(vars: NonNullable<RunOptions['vars']>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(vars)) as Record<string, unknown>;
}

function usage(message: string): SqlEtlError {
  return new SqlEtlError('bad-resume', 'usage', message);
}

/** Engines load on demand: `compile`/`explain` users never pay for the driver or mingo. */
export async function openEngine(options: RunOptions): Promise<Engine> {
  if (options.uri) {
    const { MongoEngine } = await import('../engine/mongodb.js');
    const { maxTimeMS, writeConcern, readPreference, retries } = options;
    return MongoEngine.connect(options.uri, options.db, { maxTimeMS, writeConcern, readPreference, retries });
  }
  const { EmbeddedEngine } = await import('../engine/embedded.js');
  return new EmbeddedEngine(options.dataDir ?? './data', options.db);
}
