import { resolve } from 'node:path';
import { writeFileAtomically } from '../io/write-collection.js';
import type { ProgressEvent, RunOptions, RunResult, StatementResult } from '../api-types.js';
import { SqlEtlError, type ErrorCode, type ErrorParams } from '../errors.js';
import { formatExplain } from '../explain-format.js';
import { runFiles } from '../index.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { commandToEjson } from '../mongo/print-json.js';
import { formatSummary, formatTable } from './format-table.js';
import { checkDataDir, readInputFile, resolveTarget, type SqlCommandOptions } from './options.js';
import { ProgressDisplay, type ProgressMode } from './progress.js';
import { EXIT_FAILED, EXIT_OK, reportError, wantsColor, writeErr, writeOut } from './terminal.js';
import { jsonValue } from './values.js';
import { errorJson } from './test-command.js';

/**
 * `sqletl run <file.sql>...`: the files' statements run in order as one journaled
 * run. SELECT results print as tables, then a summary (or JSON lines with --json);
 * progress goes to stderr. The first failing statement stops the run unless
 * --continue-on-error; either way a failure exits 1 and names the run id to resume.
 */
export interface RunCommandOptions extends SqlCommandOptions {
  onError?: 'reject' | 'stop';
  /** SQL dialect of the files (--dialect) */
  dialect?: 'postgres' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql';
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  resume?: string;
  /** --resume (true) accepts edited files from the first changed statement on; --resume-exact (false) refuses them */
  resumeEdited?: boolean;
  continueOnError?: boolean;
  report?: string;
  /** true/false from --progress/--no-progress; undefined: on a terminal only */
  progress?: boolean;
  journal?: boolean;
  waitLock?: number;
  /** data tests to run after the job (--test), and their JUnit report (--junit) */
  test?: string[];
  junit?: string;
  /** read a missing collection as empty instead of failing (--allow-missing) */
  allowMissing?: boolean;
  /** check column references against sampled field names (--strict-columns) */
  strictColumns?: boolean;
  /** MongoDB options and --batch-size, as RunOptions */
  server?: Pick<RunOptions, 'maxTimeMS' | 'writeConcern' | 'readPreference' | 'retries' | 'batchSize'>;
}

export async function runCommand(files: string[], opts: RunCommandOptions, dataExplicit: boolean): Promise<number> {
  const summary = new RunSummary(files);
  try {
    const code = await runAndTest(files, opts, dataExplicit, summary);
    if (opts.json) summary.print(code === EXIT_OK ? 'succeeded' : 'failed');
    return code;
  } catch (err) {
    // --json: bad SQL or a failed statement still ends with the summary line; bad usage (exit 2) prints nothing on stdout
    if (opts.json && !(err instanceof SqlEtlError && err.stage === 'usage')) {
      summary.error(err);
      summary.print(err instanceof SqlEtlError && err.code === 'interrupted' ? 'interrupted' : 'failed');
    }
    throw err;
  }
}

async function runAndTest(files: string[], opts: RunCommandOptions, dataExplicit: boolean, summary: RunSummary): Promise<number> {
  // Read every input before running anything: a typo in the third file name must not leave a half-run job.
  const inputs = files.map((file) => ({ path: file, text: readInputFile(file, 'SQL file') }));
  const schema = opts.schema === undefined ? undefined : readInputFile(opts.schema, 'schema file');
  const target = resolveTarget({ uri: opts.uri, data: resolve(opts.data), dataExplicit });
  if (target.dataDir !== undefined && dataExplicit && !opts.dryRun) checkDataDir(opts.data);
  const multi = inputs.length > 1;
  const common: RunOptions = {
    vars: opts.var,
    schema,
    db: opts.db,
    percentiles: opts.percentiles,
    onError: opts.onError,
    dialect: opts.dialect,
    missingCollections: opts.allowMissing ? 'empty' : 'error',
    ...(opts.strictColumns ? { strictColumns: true } : {}),
    ...target,
    ...opts.server,
  };
  if (opts.dryRun) return dryRun(inputs, common, opts, multi, summary);
  // --test: the tests are read and compiled first, so a mistake in them stops the call before the job runs
  const testOutput = { junit: opts.junit, json: opts.json, quiet: opts.quiet, schemaFile: opts.schema, jobs: inputs, summaryLine: false };
  const testing = opts.test?.length ? await import('./test-command.js') : undefined;
  const tests = testing ? await testing.prepareDataTests(opts.test!, common, testOutput) : undefined;

  const done: StatementResult[] = [];
  const progress = new ProgressDisplay(progressMode(opts));
  // --json streams each SELECT's rows into its line as the cursor delivers them
  const stream = opts.json && !opts.quiet ? new JsonRowStream(multi) : undefined;
  const startedAt = new Date();
  let result: RunResult | undefined;
  let failure: unknown;
  // SIGINT/SIGTERM: stop between statements (or COPY batches), roll back, mark the run interrupted
  const interrupt = new Interruption(progress);
  try {
    result = await runFiles(inputs, {
      ...common,
      resume: opts.resume,
      resumeEdited: opts.resumeEdited,
      onWarning: (message) => writeErr(`warning: ${message}`),
      continueOnError: opts.continueOnError,
      journal: opts.journal,
      waitLockMs: opts.waitLock === undefined ? undefined : opts.waitLock * 1000,
      signal: interrupt.signal,
      onProgress: (e) => {
        stream?.started(e);
        progress.handle(e);
        if (e.phase === 'start') summary.current = { file: e.file, statement: e.statement };
      },
      ...(stream ? { onRows: stream.rows } : {}),
      // print each statement's result as soon as it completes
      onStatement: (r) => {
        done.push(r);
        summary.statement(r);
        for (const w of r.warnings ?? []) writeErr(`warning: ${multi && r.file ? `${r.file}: ` : ''}statement ${r.statement}: ${w}`);
        if (opts.quiet) return;
        if (stream?.open) stream.close(r);
        else if (opts.json) writeOut(JSON.stringify(jsonLine(r, multi ? r.file : undefined)));
        else if (r.columns && r.rows) writeOut(formatTable({ columns: r.columns, rows: r.rows }) + '\n');
      },
    });
  } catch (err) {
    failure = err;
    stream?.abort(err);
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  // the summary shows what completed, also after a failure
  if (!opts.quiet && !opts.json && done.length > 0) writeOut(formatSummary(done.map((r) => ({ file: r.file, result: r }))));
  const runId = result?.runId ?? (failure instanceof SqlEtlError ? failure.runId : undefined);
  summary.runId = runId ?? null;
  if (opts.report) writeReport(opts.report, { runId, startedAt, inputs, results: done, failure, failures: result?.failures });

  const resumeCommand = (id: string) => `sqletl run ${files.join(' ')} --resume ${id}${target.dataDir && dataExplicit ? ` --data ${opts.data}` : ''}`;
  if (failure instanceof SqlEtlError && failure.code === 'interrupted') {
    summary.interrupted = true;
    if (failure.runId) failure.hints.push(`run ${failure.runId} is marked interrupted; continue it with: ${resumeCommand(failure.runId)}`);
    else failure.hints.push('nothing was journaled (the job only reads): run it again');
    if (opts.json) {
      summary.error(failure);
      summary.print('interrupted');
    }
    reportError(failure);
    return interrupt.exitCode;
  }
  if (failure !== undefined) {
    if (failure instanceof SqlEtlError && failure.runId && failure.stage !== 'usage') failure.hints.push(`run ${failure.runId} stopped here; after fixing the cause, continue with: ${resumeCommand(failure.runId)}`);
    throw failure;
  }
  if (result && result.failures?.length) {
    for (const f of result.failures) {
      summary.error(f.error, f.statement);
      reportError(f.error);
    }
    writeErr(`${result.failures.length} of ${done.length} statements failed${result.runId ? ` in run ${result.runId}` : ''}`);
    return EXIT_FAILED;
  }
  if (testing && tests) {
    // the data tests, on the target the job just wrote; their lines follow the statements'
    const outcome = await testing.runPreparedTests(tests, common, testOutput);
    summary.tests = outcome.summary;
    if (outcome.code !== EXIT_OK) {
      if (!opts.json) writeErr(`the job succeeded${runId ? ` (run ${runId})` : ''}, but ${outcome.summary.failed + outcome.summary.errors} of ${outcome.summary.tests} data tests failed`);
      return outcome.code;
    }
  }
  return EXIT_OK;
}

/**
 * SIGINT/SIGTERM during a run: the first asks the run to stop (it stops between
 * statements or COPY batches, rolls the current statement back and marks the run
 * `interrupted`); a second one exits at once. Exit code 130 (SIGINT) or 143 (SIGTERM).
 */
class Interruption {
  private readonly controller = new AbortController();
  exitCode = 130;
  private readonly handlers: [NodeJS.Signals, () => void][];

  constructor(private readonly progress: ProgressDisplay) {
    this.handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
      const handler = () => this.on(sig);
      process.on(sig, handler);
      return [sig, handler];
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private on(sig: NodeJS.Signals): void {
    const code = sig === 'SIGINT' ? 130 : 143;
    if (this.controller.signal.aborted) {
      writeErr(`sqletl: ${sig} again: exiting now (the run stays marked running; --resume continues it)`);
      process.exit(code);
    }
    this.exitCode = code;
    this.progress.stop();
    writeErr(`sqletl: ${sig} received: stopping after the current step (press Ctrl-C again to exit at once)`);
    this.controller.abort(sig);
  }

  dispose(): void {
    for (const [sig, handler] of this.handlers) process.off(sig, handler);
  }
}

/**
 * The last line of `run --json`: `{"summary": {...}}` (README: JSON summary). Its keys
 * are a contract for CI scripts; test/cli-json-summary.test.ts keeps them stable.
 */
class RunSummary {
  runId: string | null = null;
  interrupted = false;
  /** --dry-run: the statements compiled (none ran) */
  planned: number | undefined;
  current: { file?: string; statement: number } | undefined;
  tests: import('./test-command.js').TestsSummary | undefined;
  private readonly started = performance.now();
  private readonly results: StatementResult[] = [];
  private readonly errors: ReturnType<typeof errorJson>[] = [];

  constructor(private readonly files: string[]) {}

  statement(r: StatementResult): void {
    this.results.push(r);
  }

  error(err: unknown, statement?: number): void {
    const failed = this.current && !this.results.some((r) => r.statement === this.current!.statement && r.file === this.current!.file) ? this.current.statement : null;
    this.errors.push(errorJson(err, statement ?? (err instanceof SqlEtlError && err.stage !== 'usage' && err.stage !== 'parse' && err.stage !== 'bind' ? failed : null)));
  }

  private printed = false;

  /** prints the line once (an interrupted run prints it before the error is reported) */
  print(status: 'succeeded' | 'failed' | 'interrupted'): void {
    if (this.printed) return;
    this.printed = true;
    const count = (s: StatementResult['status']) => this.results.filter((r) => (r.status ?? 'done') === s).length;
    // the statement whose error was thrown (fail-fast) has no result of its own; an interrupted one did not fail
    const thrown = this.planned === undefined && this.errors.some((e) => e.statement !== null) && !this.results.some((r) => r.status === 'failed') ? 1 : 0;
    const failedThrown = this.interrupted ? 0 : thrown;
    const totals = { rowsRead: 0, rowsWritten: 0, inserted: 0, updated: 0, deleted: 0, rejected: 0 };
    for (const r of this.results) {
      totals.rowsRead += r.rowsRead ?? 0;
      totals.inserted += r.inserted ?? 0;
      totals.updated += r.updated ?? 0;
      totals.deleted += r.deleted ?? 0;
      totals.rejected += r.rejected ?? 0;
    }
    totals.rowsWritten = totals.inserted + totals.updated + totals.deleted;
    const summary = {
      runId: this.runId,
      status: this.interrupted ? 'interrupted' : status,
      files: this.files,
      statements: this.planned ?? this.results.length + thrown,
      succeeded: count('done'),
      failed: count('failed') + failedThrown,
      skipped: count('skipped'),
      totals,
      durationMs: Math.round(performance.now() - this.started),
      errors: this.errors,
      ...(this.tests ? { tests: this.tests } : {}),
    };
    process.stdout.write(JSON.stringify({ summary }) + '\n');
  }
}

/**
 * One `run --json` line written in pieces: the head when a SELECT starts returning
 * rows, each batch of rows as the cursor delivers it, and the counts when the
 * statement completes — the line jsonLine() would print, without holding the rows.
 */
class JsonRowStream {
  private file: string | undefined;
  private count = 0;
  open = false;

  constructor(private readonly multi: boolean) {}

  /** progress events say which file the next statement comes from */
  started = (e: ProgressEvent): void => {
    if (e.phase === 'start') this.file = e.file;
  };

  rows = (statement: number, columns: string[], rows: unknown[][]): void => {
    let text = '';
    if (!this.open) {
      this.open = true;
      this.count = 0;
      const head = { ...(this.multi && this.file !== undefined ? { file: this.file } : {}), statement, kind: 'select', columns };
      text = `${JSON.stringify(head).slice(0, -1)},"rows":[`;
    }
    for (const row of rows) text += (this.count++ === 0 ? '' : ',') + JSON.stringify(row.map(jsonValue));
    if (text) process.stdout.write(text);
  };

  close(r: StatementResult): void {
    const { file: _f, statement: _s, kind: _k, columns: _c, rows: _r, status: _st, ...rest } = jsonLine(r, undefined);
    process.stdout.write(`],${JSON.stringify(rest).slice(1)}\n`);
    this.open = false;
  }

  /** a failure mid-statement: close the partial line as valid JSON (status failed, the error) */
  abort(err: unknown): void {
    if (this.open) process.stdout.write(`],${JSON.stringify({ rowCount: this.count, status: 'failed', error: err instanceof Error ? err.message : String(err) }).slice(1)}\n`);
    this.open = false;
  }
}

function progressMode(opts: RunCommandOptions): ProgressMode {
  if (opts.quiet || opts.progress === false) return 'off';
  const tty = process.stderr.isTTY === true;
  if (opts.progress === true) return tty ? 'tty' : 'lines';
  return tty ? 'tty' : 'off';
}

/** One `run --json` line; keys in the documented order, write counts only when the statement has them. */
function jsonLine(r: StatementResult, file: string | undefined): Record<string, unknown> {
  const line: Record<string, unknown> = { ...(file === undefined ? {} : { file }), statement: r.statement, kind: r.kind };
  if (r.status && r.status !== 'done') line.status = r.status;
  if (r.columns) line.columns = r.columns;
  if (r.rows) line.rows = r.rows.map((row) => row.map(jsonValue));
  line.rowCount = r.rowCount;
  for (const key of ['rowsRead', 'inserted', 'updated', 'deleted', 'rejected'] as const) {
    if (r[key] !== undefined) line[key] = r[key];
  }
  line.durationMs = Math.round(r.durationMs * 1000) / 1000;
  if (r.error) line.error = r.error;
  return line;
}

/** --report FILE: the whole run as one JSON document, written atomically, also when the run failed. */
function writeReport(
  file: string,
  run: { runId?: string; startedAt: Date; inputs: { path: string }[]; results: StatementResult[]; failure?: unknown; failures?: RunResult['failures'] },
): void {
  const failed = run.failure !== undefined || (run.failures?.length ?? 0) > 0;
  const errors = run.failure !== undefined ? [describe(run.failure)] : (run.failures ?? []).map((f) => ({ file: f.file, statement: f.statement, ...describe(f.error) }));
  const statements = run.results.map((r) => {
    const { rows: _rows, columns: _columns, ...rest } = jsonLine(r, r.file);
    return { ...rest, sql: r.sql, ...(r.warnings ? { warnings: r.warnings } : {}) };
  });
  const totals = { rowsWritten: 0, rejected: 0, rowsRead: 0 };
  for (const r of run.results) {
    totals.rowsWritten += (r.inserted ?? 0) + (r.updated ?? 0) + (r.deleted ?? 0);
    totals.rejected += r.rejected ?? 0;
    totals.rowsRead += r.rowsRead ?? 0;
  }
  const report = {
    ...(run.runId ? { runId: run.runId } : {}),
    files: run.inputs.map((i) => i.path),
    status: failed ? 'failed' : 'succeeded',
    startedAt: run.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - run.startedAt.getTime(),
    totals,
    statements,
    ...(errors.length ? { errors } : {}),
  };
  writeFileAtomically(resolve(file), JSON.stringify(report, null, 2) + '\n');
}

function describe(err: unknown): { message: string; code?: ErrorCode; line?: number; column?: number; params?: ErrorParams[keyof ErrorParams] } {
  if (err instanceof SqlEtlError) {
    const pos = err.position();
    return { message: err.message, code: err.code, ...(pos ? { line: pos.line, column: pos.column } : {}), ...(err.params ? { params: err.params } : {}) };
  }
  return { message: err instanceof Error ? err.message : String(err) };
}

/**
 * --dry-run: the commands that would run, as explain prints them (JSON lines with
 * --json), then the checks: COPY sources readable, collections read exist. Writes nothing.
 */
async function dryRun(inputs: { path: string; text: string }[], common: RunOptions, opts: RunCommandOptions, multi: boolean, summary: RunSummary): Promise<number> {
  const { dryRunJob } = await import('../run/run-job.js');
  const { scripts, problems: found } = await dryRunJob(inputs, common);
  // --allow-missing: a collection that does not exist is read as empty, not a problem
  const problems = opts.allowMissing ? found.filter((p) => !/^collection ".*" does not exist/.test(p.message)) : found;
  summary.planned = scripts.reduce((n, s) => n + s.statements.length, 0);
  if (!opts.quiet) {
    scripts.forEach((s, i) => printDryRun(s.statements, inputs[i].text, inputs[i].path, opts.json === true, multi));
  }
  for (const p of problems) {
    const text = inputs.find((i) => i.path === p.file)?.text ?? '';
    const err = new SqlEtlError('dry-run-check', 'run', p.message, { span: { start: p.span.start, end: p.span.start + 1 } });
    err.source = { text, file: p.file };
    summary.error(err, p.statement);
    writeErr(err.format());
  }
  if (problems.length > 0) {
    writeErr(`dry run: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was written`);
    return EXIT_FAILED;
  }
  if (!opts.quiet && !opts.json) writeErr('dry run: sources readable, collections present; nothing was written');
  return EXIT_OK;
}

function printDryRun(statements: CompiledStatement[], text: string, file: string, json: boolean, multi: boolean): void {
  if (!json) {
    const header = multi ? `// ==> ${file} <==\n` : '';
    writeOut(header + formatExplain({ statements }, text, { format: 'shell', color: wantsColor(process.stdout) }));
    return;
  }
  for (const s of statements) {
    const line = { ...(multi ? { file } : {}), statement: s.index, kind: s.kind, sql: s.sql, commands: s.commands.map(commandToEjson) };
    writeOut(JSON.stringify(line));
  }
}
