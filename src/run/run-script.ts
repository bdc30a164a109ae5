import { assertNever } from '../assert-never.js';
import type { RunOptions, RunResult, StatementResult } from '../api-types.js';
import { compileScript, withSource } from '../compile.js';
import type { Engine } from '../engine/engine.js';
import { describeLocation, locateOperator } from '../mongo/locate-operator.js';
import { SqlEtlError } from '../errors.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { toRows } from './rows.js';
import { runLoop } from './run-loop.js';
import { copyRowWithValue, dataFileRow, failingValue, pgConversionError } from './row-errors.js';
import { collectionFile } from '../io/data-files.js';
import { isAbsolute, relative } from 'node:path';
import { copyLocation, openCopySource, openCopyWriter, writeCopyOutput } from '../io/copy-files.js';
import { readCopyRows } from '../io/copy-read.js';
import { fromData, literal, type MqlDocument } from '../mongo/mql.js';

/**
 * Runs single statements; run-job.ts runs a job of them (the journal, resume and
 * failure handling), and the library's `run` of one script (runScript).
 */

type Counts = Partial<Record<'inserted' | 'updated' | 'deleted' | 'rejected', number>>;

/** Runs one compiled statement; `progress` hears COPY … FROM's rows (and bytes) as batches go in. */
export async function runStatement(engine: Engine, st: CompiledStatement, sql: string, options: RunOptions, progress?: CopyProgress): Promise<StatementResult> {
  const started = performance.now();
  const base = { statement: st.index, kind: st.kind, sql: st.sql };
  let counts: Counts = {};
  let rows: { columns: string[]; rows: unknown[][] } | undefined;
  let rowsRead: number | undefined;
  try {
    if (st.copy?.direction === 'from') {
      const copied = await copyFrom(engine, st, options, progress);
      counts = copied.counts;
      rowsRead = copied.rowsRead;
    } else {
      // COPY … TO (but parquet, which is columnar) writes its rows batch by batch as they come
      const copyTo = st.copy?.direction === 'to' && st.copy.options.format !== 'parquet' && st.columns ? st.copy : undefined;
      if (copyTo) {
        const writer = openCopyWriter(copyTo.file && copyLocation(copyTo.file, options.file), st.columns!.map((c) => c.name), copyTo.options);
        try {
          const out = await executeCommands(engine, st, st.commands, { send: (_columns, batch) => writer.write(batch), batchSize: options.batchSize ?? 1000 }, options.signal);
          await writer.close();
          const written = out.streamed ?? 0;
          return { ...base, rowCount: written, rowsRead: written, durationMs: Math.round(performance.now() - started) };
        } catch (err) {
          writer.abort();
          throw err;
        }
      }
      // SELECT rows stream to options.onRows when the caller takes them that way
      const sink = options.onRows && st.kind === 'select' && !st.copy ? { send: (columns: string[], batch: unknown[][]) => options.onRows!(st.index, columns, batch), batchSize: options.batchSize ?? 1000 } : undefined;
      const out = await executeCommands(engine, st, st.commands, sink, options.signal);
      counts = out.counts;
      rows = out.rows;
      rowsRead = out.rowsRead;
      if (out.streamed !== undefined) {
        return { ...base, columns: st.columns!.map((c) => c.name), rowCount: out.streamed, ...(rowsRead !== undefined ? { rowsRead } : {}), durationMs: Math.round(performance.now() - started) };
      }
      if (st.copy?.direction === 'to' && rows) {
        await writeCopyOutput(st.copy.file && copyLocation(st.copy.file, options.file), rows.columns, rows.rows, st.copy.options);
        counts = { inserted: 0 };
        const written = rows.rows.length;
        rows = undefined;
        return { ...base, rowCount: written, rowsRead: written, durationMs: Math.round(performance.now() - started) };
      }
    }
  } catch (err) {
    let e = err instanceof SqlEtlError ? err : new SqlEtlError('statement-failed', 'run', (err as Error).message, { cause: err });
    if (!e.span) e.span = { start: st.span.start, end: st.span.start + 1 };
    // a bad value on a row: PostgreSQL's wording, at the cast, and where the row is (row-errors.ts)
    const value = failingValue(e.message);
    e = pgConversionError(e, sql, st.span) ?? e;
    if (value !== undefined && !e.hints.some((h) => h.startsWith('the row: '))) {
      const at = await rowSource(engine, st, value, options).catch(() => undefined);
      if (at) e.hints.push(`the row: ${at}`);
    }
    return withSource(sql, options.file, () => {
      throw e;
    });
  }
  const durationMs = Math.round(performance.now() - started);
  if (rows) return { ...base, columns: rows.columns, rows: rows.rows, rowCount: rows.rows.length, rowsRead, durationMs };
  const written = (counts.inserted ?? 0) + (counts.updated ?? 0) + (counts.deleted ?? 0);
  return { ...base, rowCount: written, ...(rowsRead !== undefined ? { rowsRead } : {}), ...counts, durationMs };
}

/** Between batches and commands: an aborted run (SIGINT/SIGTERM) stops here; run-job.ts rolls back and marks the run interrupted. */
function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SqlEtlError('interrupted', 'run', `interrupted by ${typeof signal.reason === 'string' ? signal.reason : 'an abort signal'}`);
}

/** The data file and line of the first row holding a bad value, when the statement reads one collection of the embedded engine. */
async function rowSource(engine: Engine, st: CompiledStatement, value: string, options: RunOptions): Promise<string | undefined> {
  if (engine.name !== 'embedded' || st.copy?.direction === 'from') return undefined;
  const first = st.commands.find((c) => c.kind === 'aggregate' && c.collection);
  if (!first || first.kind !== 'aggregate' || !first.collection) return undefined;
  const file = collectionFile(options.dataDir ?? './data', first.collection, first.db ?? options.db);
  if (!file) return undefined;
  const docs = await engine.aggregate({ kind: 'aggregate', collection: first.collection, ...(first.db ? { db: first.db } : {}), pipeline: [] });
  return dataFileRow(docs, value, displayPath(file));
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

/**
 * COPY … FROM: the file is read as a stream and sent in batches; each batch runs
 * the statement's INSERT commands with the batch as the first stage's `$documents`.
 */
type CopyProgress = (rowsRead: number, bytesRead: number | undefined) => void;

async function copyFrom(engine: Engine, st: CompiledStatement, options: RunOptions, progress?: CopyProgress): Promise<{ counts: Counts; rowsRead: number }> {
  const copy = st.copy!;
  const { stream, label } = openCopySource(copy.file && copyLocation(copy.file, options.file), copy.options, copy.columns);
  const total: Counts = { inserted: 0, updated: 0, rejected: 0 };
  let batch: MqlDocument[] = [];
  let rowsRead = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    stopIfAborted(options.signal);
    const commands = st.commands.map((c, i) => (i === 0 && c.kind === 'aggregate' ? { ...c, pipeline: [{ $documents: batch }, ...c.pipeline.slice(1)] } : c));
    let out;
    try {
      out = await executeCommands(engine, st, commands, undefined, options.signal);
    } catch (err) {
      // a value that does not convert: name the source row (`orders.csv:1043`)
      const value = failingValue((err as Error).message ?? '');
      const at = value === undefined ? undefined : copyRowWithValue(batch, value, displayPath(label));
      if (!at) throw err;
      const e = err instanceof SqlEtlError ? err : new SqlEtlError('statement-failed', 'run', (err as Error).message, { cause: err });
      e.hints.push(`the row: ${at}`);
      throw e;
    }
    for (const k of ['inserted', 'updated', 'rejected'] as const) total[k] = (total[k] ?? 0) + (out.counts[k] ?? 0);
    batch = [];
    // file streams count their bytes; other sources report rows only
    const bytes = (stream as { bytesRead?: unknown }).bytesRead;
    progress?.(rowsRead, typeof bytes === 'number' ? bytes : undefined);
  };
  for await (const row of readCopyRows(stream, copy.options, copy.columns, label)) {
    rowsRead++;
    // `$documents` evaluates its documents: a value such as '$75,000' must stay data, not become a field path
    batch.push({ ...Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, literal(fromData(v))])), __line: row.line });
    if (batch.length >= (options.batchSize ?? 1000)) await flush();
  }
  await flush();
  return { counts: total, rowsRead };
}

/** Runs a statement's commands by role; cleanup commands run even after a failure. */
/**
 * Where a SELECT's rows go when the caller streams them (RunOptions.onRows): batch by
 * batch from the engine's cursor, never held whole. Called once with no rows first.
 */
type RowSink = (columns: string[], rows: unknown[][]) => void | Promise<void>;

async function executeCommands(engine: Engine, st: CompiledStatement, commands: CompiledStatement['commands'], sink?: { send: RowSink; batchSize: number }, signal?: AbortSignal): Promise<{ counts: Counts; rows?: { columns: string[]; rows: unknown[][] }; rowsRead?: number; streamed?: number }> {
  const counts: Counts = {};
  let rows: { columns: string[]; rows: unknown[][] } | undefined;
  let rowsRead: number | undefined;
  let streamed: number | undefined;
  let current = 0;
  try {
    for (const cmd of commands) {
      current++;
      if (cmd.role === 'cleanup') continue;
      stopIfAborted(signal);
      if (cmd.kind === 'loop') {
        await runLoop(engine, cmd, () => stopIfAborted(signal));
        continue;
      }
      if (cmd.kind !== 'aggregate') {
        const out = await engine.write(cmd);
        // a MERGE's counts come from its count step; its deleteMany only removes marked rows
        if (out.deleted !== undefined && st.kind !== 'merge') counts.deleted = (counts.deleted ?? 0) + out.deleted;
        if (out.matched !== undefined) counts.updated = (counts.updated ?? 0) + out.matched;
        continue;
      }
      if (sink && st.columns && (cmd.role === 'rows' || cmd.role === undefined)) {
        const columns = st.columns;
        await sink.send(columns.map((c) => c.name), []);
        streamed = 0;
        for await (const batch of engine.aggregateBatches(cmd, sink.batchSize)) {
          stopIfAborted(signal);
          streamed += batch.length;
          await sink.send(columns.map((c) => c.name), toRows(batch, columns).rows);
        }
        rowsRead = cmd.collection ? await engine.collectionSize(cmd.collection, cmd.db) : undefined;
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
            const reasons = Array.isArray(docs[0].__reasons) ? (docs[0].__reasons as string[]) : [];
            // on_error = stop: PostgreSQL's words for the first row that breaks the table (as PostgreSQL fails the statement)
            if (cmd.firstReason && reasons.length) {
              throw new SqlEtlError('constraint-violation', 'run', reasons[0], { hints: [`${cmd.message ?? 'sqletl.on_error = stop'}${reasons.length > 1 ? `; the row's other reasons: ${reasons.slice(1).join('; ')}` : ''}`] });
            }
            throw new SqlEtlError('constraint-violation', 'run', `${cmd.message ?? 'a check of the statement failed'}${reasons.length ? `: ${reasons.join('; ')}` : ''}`);
          }
          break;
        case 'count':
          // one document per outcome: { _id: 'inserted' | 'updated' | 'skipped' | 'rejected' | 'deleted', n }
          for (const d of docs) {
            const outcome = d._id as string;
            if (outcome === 'inserted' || outcome === 'updated' || outcome === 'rejected' || outcome === 'deleted') counts[outcome] = Number(d.n);
          }
          counts.inserted ??= 0;
          counts.updated ??= 0;
          if (st.kind === 'merge') counts.deleted ??= 0;
          counts.rejected ??= 0;
          break;
        case 'stage':
        case 'rejects':
        case 'write':
        case 'ddl':
          break;
        default:
          return assertNever(cmd.role, 'run');
      }
    }
  } catch (err) {
    // an engine's refusal names an operator, not where it is: say which command and stage
    // (a value that does not convert is explained by row-errors.ts instead: the cast and the row)
    if (err instanceof SqlEtlError && err.code === 'engine-error' && commands[current - 1] && failingValue(err.message) === undefined) {
      const cmd = commands[current - 1];
      err.message += ` — in ${describeLocation(cmd, current, locateOperator(cmd, err.message))}`;
      if (!err.hints.some((h) => h.includes('sqletl explain'))) err.hints.push('`sqletl explain` prints the statement\'s commands in this order');
    }
    throw err;
  } finally {
    for (const c of commands.filter((x) => x.role === 'cleanup')) {
      if (c.kind !== 'aggregate' && c.kind !== 'loop') await engine.write(c).catch(() => undefined);
    }
  }
  return { counts, rows, rowsRead, streamed };
}
