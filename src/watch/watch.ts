import { join, resolve } from 'node:path';
import type { CompileOptions } from '../api-types.js';
import type { Engine } from '../engine/engine.js';
import type { MongoChangeSource } from '../engine/mongodb-changes.js';
import { SqlEtlError, type ErrorCode } from '../errors.js';
import type { EngineCommand } from '../commands/command-ir.js';
import type { JournalStore, RunRecord } from '../engine/run-journal.js';
import { newRunId, sha256 } from '../run/journal.js';
import { applyStatement, type ApplyOptions, type StatementOutcome } from './apply-batch.js';
import { nsKey, summarize, viewSource, type ChangeBatch } from '../engine/change-batch.js';
import { FileChanges, type FileStates } from './file-changes.js';
import { readViews } from '../io/write-collection.js';
import { watchFolders } from './file-watch.js';
import { planWatchJob, type WatchJob } from './watchable.js';

/**
 * `sqletl watch`: keeps a job's derived tables up to date as their sources change.
 * On start the job's setup statements run and every derived table is recomputed
 * (or, when the journal holds a watch of the same job over the same data, the
 * watch continues from its last applied batch). Then each batch of source changes
 * is applied statement by statement in job order (src/watch/apply-batch.ts); a
 * statement reading a table derived earlier in the job is recomputed when that
 * table changed. After each batch the position — embedded: the sources' file
 * hashes and snapshots; MongoDB: the change stream's resume token — is stored in
 * the run journal (RunRecord kind 'watch'). On the embedded engine the batch's
 * writes and its journal entry are committed together, so a batch is applied
 * exactly once; on MongoDB a crash between the writes and the journal entry
 * re-applies that batch, which recomputes the same rows (re-application is idempotent).
 */
export interface WatchOptions extends CompileOptions {
  uri?: string;
  /** the embedded engine's data directory (default ./data) */
  dataDir?: string;
  /** embedded: poll the files every this many ms (default 1000) */
  intervalMs?: number;
  /** embedded: wait this long after a file event for the writes to settle (default 100) */
  debounceMs?: number;
  /** one line per batch (the CLI prints them on stderr) */
  onProgress?: (line: string) => void;
  /** embedded: how long to wait for a run holding the data directory's lock (default 30 s) */
  waitLockMs?: number;
}

export interface BatchReport {
  batch: number;
  /** per source: `orders +2 ~1 -0` */
  sources: string[];
  changedDocuments: number;
  statements: StatementOutcome[];
  durationMs: number;
}

interface WatchPosition {
  /** identifies the job (SQL, schema, vars, db): a changed job starts a fresh watch */
  job: string;
  batches: number;
  files?: FileStates;
  token?: unknown;
}

export class Watch {
  private constructor(
    readonly job: WatchJob,
    private readonly options: WatchOptions,
    private record: RunRecord,
    private readonly backend: Backend,
  ) {}

  /** MongoDB keeps the old keys itself: its change events may come without pre-images */
  private get applyOptions(): ApplyOptions {
    return { percentiles: this.options.percentiles, keyIndex: this.options.uri !== undefined };
  }

  get runId(): string {
    return this.record.id;
  }

  static async open(sql: string, options: WatchOptions = {}): Promise<Watch> {
    const job = await planWatchJob(sql, options);
    const jobHash = sha256(JSON.stringify({ sql, schema: options.schema ?? '', vars: options.vars ?? {}, db: options.db ?? '', uri: Boolean(options.uri) }));
    const backend: Backend = options.uri ? await MongoBackend.open(options.uri, options, job) : new EmbeddedBackend(resolve(options.dataDir ?? './data'), options, job);
    try {
      const previous = (await backend.withJournal((j) => j.list())).find((r) => r.kind === 'watch' && (r.watch as WatchPosition | undefined)?.job === jobHash);
      const now = new Date();
      const record: RunRecord = previous
        ? { ...previous, status: 'running', resumes: [...previous.resumes, now.toISOString()], finishedAt: undefined, error: undefined }
        : {
            id: newRunId(now),
            kind: 'watch',
            files: [{ path: options.file ?? '<sql>', sha256: sha256(sql) }],
            engine: options.uri ? 'mongodb' : 'embedded',
            target: options.uri ? (options.db ?? 'default database') : (options.dataDir ?? './data'),
            startedAt: now.toISOString(),
            status: 'running',
            resumes: [],
            vars: JSON.parse(JSON.stringify(options.vars ?? {})) as Record<string, unknown>,
            statements: [],
            rowsWritten: 0,
            rejected: 0,
            watch: { job: jobHash, batches: 0 },
          };
      const w = new Watch(job, options, record, backend);
      if (previous && (await backend.resume(position(previous), previous.id))) {
        options.onProgress?.(`watch ${record.id}: resuming after batch ${position(previous).batches}`);
      } else {
        if (previous) options.onProgress?.(`watch ${record.id}: the stored position can no longer be resumed; recomputing every table`);
        await w.initial();
      }
      return w;
    } catch (err) {
      await backend.close();
      throw err;
    }
  }

  /** First start: setup statements, every derived table recomputed, the sources' current position stored. */
  private async initial(): Promise<void> {
    const started = performance.now();
    const outcomes: StatementOutcome[] = [];
    await this.backend.start(this.record.id, async (engine) => {
      for (const s of this.job.statements) {
        for (const cmd of s.compiled.commands) {
          if (cmd.kind === 'aggregate' || cmd.kind === 'loop' || cmd.role === 'cleanup') continue;
          // the watch owns the targets' contents: DDL that exists already is fine
          await engine.write(tolerant(cmd));
        }
        if (s.kind === 'watched') outcomes.push(await applyStatement(engine, s, 'all', this.applyOptions));
      }
    }, (pos) => this.save({ job: position(this.record).job, batches: 0, ...pos }));
    const ms = Math.round(performance.now() - started);
    this.options.onProgress?.(`watch ${this.record.id}: initial: ${outcomes.map((o) => o.target).join(', ')} computed · ${ms} ms`);
  }

  /** Applies the changes available now as one batch; undefined when there are none. */
  async applyPending(): Promise<BatchReport | undefined> {
    const started = performance.now();
    let report: BatchReport | undefined;
    const pos = position(this.record);
    await this.backend.next(async (batch, engine) => {
      const statements = await applyBatch(engine, this.job, batch, this.applyOptions);
      report = {
        batch: pos.batches + 1,
        sources: [...batch.values()].map(summarize),
        changedDocuments: [...batch.values()].reduce((n, c) => n + c.changes.length, 0),
        statements,
        durationMs: 0,
      };
    }, (next) => this.save({ ...pos, ...next, batches: report ? pos.batches + 1 : pos.batches }));
    if (!report) return undefined;
    report.durationMs = Math.round(performance.now() - started);
    this.options.onProgress?.(formatBatch(report));
    return report;
  }

  /** Applies batches as changes arrive until `signal` aborts; the batch in progress finishes and its position is stored. */
  async run(signal: AbortSignal): Promise<void> {
    let wakeUp: (() => void) | undefined;
    let woken = true;
    const wake = () => {
      woken = true;
      wakeUp?.();
    };
    signal.addEventListener('abort', wake, { once: true });
    let lastRetry: string | undefined;
    const stopWatching = this.backend.watch(wake, this.options);
    try {
      while (!signal.aborted) {
        if (this.backend.polls || woken) {
          woken = false;
          try {
            await this.applyPending();
            lastRetry = undefined;
          } catch (err) {
            // a source being written right now, or a job holding the data directory: look again at the next wake-up
            if (!(err instanceof SqlEtlError) || !RETRYABLE.has(err.code)) throw err;
            if (err.message !== lastRetry) this.options.onProgress?.(`watch: will retry: ${err.message}`);
            lastRetry = err.message;
            continue;
          }
        }
        if (signal.aborted || this.backend.polls) continue;
        await new Promise<void>((res) => {
          if (woken) return res();
          wakeUp = () => {
            wakeUp = undefined;
            res();
          };
        });
      }
    } finally {
      stopWatching();
    }
  }

  async close(status: 'interrupted' | 'succeeded' | 'failed' = 'interrupted'): Promise<void> {
    try {
      const finished = new Date();
      this.record = { ...this.record, status, finishedAt: finished.toISOString(), durationMs: finished.getTime() - Date.parse(this.record.startedAt) };
      await this.backend.withJournal((j) => j.save(this.record));
    } finally {
      await this.backend.close();
    }
  }

  private async save(pos: WatchPosition): Promise<(journal: JournalStore) => Promise<void>> {
    this.record = { ...this.record, watch: pos as unknown as Record<string, unknown> };
    const record = this.record;
    return (journal) => journal.save(record);
  }
}

/** errors that pass: the next wake-up tries the batch again (its position was not stored) */
const RETRYABLE = new Set<ErrorCode>(['bad-data-file', 'data-dir-locked']);

function position(r: RunRecord): WatchPosition {
  return r.watch as unknown as WatchPosition;
}

/** DDL run again on a restart must not fail because its object exists. */
function tolerant(cmd: Exclude<EngineCommand, { kind: 'aggregate' }>): Exclude<EngineCommand, { kind: 'aggregate' }> {
  if (cmd.kind === 'createCollection') return { ...cmd, ifNotExists: true };
  if (cmd.kind === 'createView') return { ...cmd, replace: true };
  return cmd;
}

/** One batch, statement by statement in job order. */
export async function applyBatch(engine: Engine, job: WatchJob, batch: ChangeBatch, options: ApplyOptions): Promise<StatementOutcome[]> {
  const recomputed = new Set<string>();
  const outcomes: StatementOutcome[] = [];
  for (const w of job.watched) {
    const reads = w.incremental.reads.map(nsKey);
    const derivedChanged = reads.some((r) => recomputed.has(r));
    if (!derivedChanged && !reads.some((r) => batch.has(r))) continue;
    const source = w.incremental.source && batch.get(nsKey(w.incremental.source));
    const changes = derivedChanged || !source || reads.filter((r) => batch.has(r)).length > 1 ? 'all' : source;
    outcomes.push(await applyStatement(engine, w, changes, options));
    recomputed.add(nsKey(w.target));
  }
  return outcomes;
}

function formatBatch(r: BatchReport): string {
  const how = r.statements.map((s) => `${s.target}: ${s.how === 'full' ? `full recompute (${s.reason})` : `${s.count} ${s.how}`}${s.rejected ? `, ${s.rejected} rejected` : ''}`);
  return `batch ${r.batch}: ${r.sources.join(', ')} (${r.changedDocuments} changed) → ${how.join(' · ') || 'no derived table reads them'} · ${r.durationMs} ms`;
}

/** Where changes come from and where the position is kept: the data directory, or a MongoDB server. */
interface Backend {
  /** true: the loop asks for changes continuously (a change stream waits on the server); false: it waits to be woken */
  readonly polls: boolean;
  withJournal<T>(fn: (j: JournalStore) => Promise<T>): Promise<T>;
  /** continues from a stored position; false when it can no longer be continued (the watch starts afresh) */
  resume(pos: WatchPosition, id: string): Promise<boolean>;
  start(id: string, apply: (engine: Engine) => Promise<void>, save: (pos: Partial<WatchPosition>) => Promise<(j: JournalStore) => Promise<void>>): Promise<void>;
  next(apply: (batch: ChangeBatch, engine: Engine) => Promise<void>, save: (pos: Partial<WatchPosition>) => Promise<(j: JournalStore) => Promise<void>>): Promise<void>;
  watch(wake: () => void, options: WatchOptions): () => void;
  close(): Promise<void>;
}

class EmbeddedBackend implements Backend {
  readonly polls = false;
  private files: FileChanges | undefined;
  private states: FileStates = {};

  constructor(
    private readonly dataDir: string,
    private readonly options: WatchOptions,
    private readonly job: WatchJob,
  ) {}

  private async engine(): Promise<Engine> {
    const { EmbeddedEngine } = await import('../engine/embedded.js');
    // one engine per batch: it takes the data directory's lock (a batch waits for a running job) and reads the files afresh
    return EmbeddedEngine.open(this.dataDir, this.options.db, { waitLockMs: this.options.waitLockMs ?? 30_000 });
  }

  async withJournal<T>(fn: (j: JournalStore) => Promise<T>): Promise<T> {
    const engine = await this.engine();
    try {
      return await fn(engine.journal());
    } finally {
      await engine.close();
    }
  }

  private detector(id: string): FileChanges {
    const views = readViews(this.dataDir);
    for (const s of this.job.sources) if (views[nsKey(s)]) throw viewSource(s.name);
    this.files ??= new FileChanges(this.dataDir, this.job.sources, join(this.dataDir, '.sqletl', 'watch', id));
    return this.files;
  }

  async resume(pos: WatchPosition, id: string): Promise<boolean> {
    this.detector(id);
    this.states = pos.files ?? {};
    return true;
  }

  /** One transaction: the batch's writes and its journal entry reach the data directory together. */
  private async transaction(apply: (engine: Engine) => Promise<void>, saved: () => Promise<(j: JournalStore) => Promise<void>>): Promise<void> {
    const engine = await this.engine();
    try {
      engine.begin?.();
      await apply(engine);
      await (await saved())(engine.journal());
      engine.commit?.();
    } finally {
      await engine.close();
    }
  }

  async start(id: string, apply: (engine: Engine) => Promise<void>, save: (pos: Partial<WatchPosition>) => Promise<(j: JournalStore) => Promise<void>>): Promise<void> {
    const files = this.detector(id);
    const states = files.current({});
    await this.transaction(apply, () => save({ files: states }));
    this.states = states;
    files.prune(states);
  }

  async next(apply: (batch: ChangeBatch, engine: Engine) => Promise<void>, save: (pos: Partial<WatchPosition>) => Promise<(j: JournalStore) => Promise<void>>): Promise<void> {
    const files = this.files!;
    const states = files.current(this.states);
    const unchanged = Object.keys(states).length === Object.keys(this.states).length && Object.entries(states).every(([k, s]) => this.states[k]?.sha256 === s.sha256);
    if (unchanged) return;
    const batch = files.diff(this.states, states);
    await this.transaction(async (engine) => {
      // a file rewritten with the same documents changes nothing but the stored hashes
      if (batch.size) await apply(batch, engine);
    }, () => save({ files: states }));
    this.states = states;
    files.prune(states);
  }

  watch(wake: () => void, options: WatchOptions): () => void {
    const folders = [this.dataDir, ...this.job.sources.filter((s) => s.db).map((s) => join(this.dataDir, s.db!))];
    return watchFolders(folders, wake, { intervalMs: options.intervalMs ?? 1000, debounceMs: options.debounceMs ?? 100 });
  }

  async close(): Promise<void> {}
}

class MongoBackend implements Backend {
  readonly polls = true;
  private source: MongoChangeSource | undefined;

  private constructor(
    private readonly uri: string,
    private readonly options: WatchOptions,
    private readonly engine: Engine,
  ) {}

  static async open(uri: string, options: WatchOptions, job: WatchJob): Promise<MongoBackend> {
    const { MongoEngine } = await import('../engine/mongodb.js');
    const backend = new MongoBackend(uri, options, await MongoEngine.connect(uri, options.db));
    backend.sources = job.sources;
    return backend;
  }

  async withJournal<T>(fn: (j: JournalStore) => Promise<T>): Promise<T> {
    return fn(this.engine.journal());
  }

  private async openSource(sources: WatchJob['sources'], token?: unknown): Promise<MongoChangeSource> {
    const { MongoChangeSource } = await import('../engine/mongodb-changes.js');
    this.source = await MongoChangeSource.open(this.uri, this.options.db, sources, token);
    return this.source;
  }

  sources: WatchJob['sources'] = [];

  async resume(pos: WatchPosition): Promise<boolean> {
    try {
      await this.openSource(this.sources, pos.token);
      return true;
    } catch (err) {
      if (err instanceof SqlEtlError && err.code === 'resume-token-lost') return false;
      throw err;
    }
  }

  async start(_id: string, apply: (engine: Engine) => Promise<void>, save: (pos: Partial<WatchPosition>) => Promise<(j: JournalStore) => Promise<void>>): Promise<void> {
    // the stream opens first: changes made while the tables are computed are applied afterwards (recomputing is idempotent)
    const source = await this.openSource(this.sources);
    await apply(this.engine);
    await (await save({ token: source.token }))(this.engine.journal());
  }

  async next(apply: (batch: ChangeBatch, engine: Engine) => Promise<void>, save: (pos: Partial<WatchPosition>) => Promise<(j: JournalStore) => Promise<void>>): Promise<void> {
    const r = await this.source!.next();
    if (!r) return;
    await apply(r.batch, this.engine);
    await (await save({ token: r.token }))(this.engine.journal());
  }

  watch(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    await this.source?.close();
    await this.engine.close();
  }
}
