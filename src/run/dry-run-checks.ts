import { assertNever } from '../assert-never.js';
import { accessSync, constants } from 'node:fs';
import type { RunOptions } from '../api-types.js';
import type { Engine } from '../engine/engine.js';
import type { CompiledStatement, Document, MongoCommand } from '../commands/command-ir.js';
import { copyLocation } from '../io/copy-files.js';
import { redactUrl as redact } from '../io/copy-http.js';

/**
 * `run --dry-run` (issue 6): besides compiling, check what would make the run fail
 * or silently read nothing — every COPY … FROM source readable, every collection a
 * statement reads existing (or created by an earlier statement of the job) — and
 * write nothing at all. Problems point at their statement.
 */
export interface DryRunProblem {
  file?: string;
  statement: number;
  /** char offsets of the statement, for `file:line:col` */
  span: { start: number; end: number };
  message: string;
}

export async function checkJob(engine: Engine, files: { path?: string; statements: CompiledStatement[] }[], options: RunOptions): Promise<DryRunProblem[]> {
  const problems: DryRunProblem[] = [];
  const created = new Set<string>();
  const key = (name: string, db?: string) => `${db ?? options.db ?? ''}.${name}`;
  for (const f of files) {
    for (const st of f.statements) {
      const at = { file: f.path, statement: st.index, span: st.span };
      if (st.copy?.direction === 'from' && st.copy.file) {
        const message = await sourceProblem(st.copy.file, { ...options, file: f.path });
        if (message) problems.push({ ...at, message });
      }
      for (const cmd of st.commands) {
        for (const read of readsOf(cmd)) {
          if (read.name.startsWith('__sqletl_stage_') || created.has(key(read.name, read.db))) continue;
          if (!(await engine.hasCollection(read.name, read.db))) {
            problems.push({ ...at, message: `collection "${read.name}" does not exist${read.db ? ` in database ${read.db}` : ''} (a run would read it as empty)` });
            created.add(key(read.name, read.db)); // report once
          }
        }
        for (const w of writesOf(cmd)) created.add(key(w.name, w.db));
      }
    }
  }
  return problems;
}

async function sourceProblem(location: string, options: RunOptions): Promise<string | undefined> {
  if (/^https?:\/\//i.test(location)) {
    try {
      const res = await fetch(location, { method: 'GET', signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      return res.ok ? undefined : `COPY source ${redact(location)} answered HTTP ${res.status}`;
    } catch (err) {
      return `COPY source ${redact(location)} cannot be fetched: ${(err as Error).message}`;
    }
  }
  const path = copyLocation(location, options.file);
  try {
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (err) {
    return `COPY source ${path} is not readable: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`;
  }
}

interface Ns {
  name: string;
  db?: string;
}

/** Collections a command reads: its own, and those of $lookup/$unionWith/$graphLookup at any depth. */
export function readsOf(cmd: MongoCommand): Ns[] {
  const out: Ns[] = [];
  const db = cmd.db;
  if (cmd.kind === 'aggregate') {
    if (cmd.collection) out.push({ name: cmd.collection, db });
    walkPipeline(cmd.pipeline, db, out);
  } else if (cmd.kind === 'updateMany' || cmd.kind === 'deleteMany') out.push({ name: cmd.collection, db });
  else if (cmd.kind === 'createView') {
    out.push({ name: cmd.viewOn, db });
    walkPipeline(cmd.pipeline, db, out);
  } else if (cmd.kind === 'loop') {
    // a loop's reads are its commands' (its own stage collections among them)
    for (const c of [...cmd.init, ...cmd.body]) out.push(...readsOf(c));
  } else if (cmd.kind !== 'createCollection' && cmd.kind !== 'createIndex' && cmd.kind !== 'drop') assertNever(cmd, 'run');
  return out;
}

function walkPipeline(pipeline: Document[], db: string | undefined, out: Ns[]): void {
  for (const stage of pipeline) {
    const lookup = (stage.$lookup ?? stage.$graphLookup) as Document | undefined;
    if (lookup) {
      if (typeof lookup.from === 'string') out.push({ name: lookup.from, db });
      else if (lookup.from && typeof lookup.from === 'object') out.push({ name: String((lookup.from as Document).coll), db: ((lookup.from as Document).db as string | undefined) ?? db });
      if (Array.isArray(lookup.pipeline)) walkPipeline(lookup.pipeline as Document[], db, out);
    }
    const union = stage.$unionWith as string | Document | undefined;
    if (typeof union === 'string') out.push({ name: union, db });
    else if (union) {
      if (typeof union.coll === 'string') out.push({ name: union.coll, db });
      if (Array.isArray(union.pipeline)) walkPipeline(union.pipeline as Document[], db, out);
    }
    const facet = stage.$facet as Record<string, Document[]> | undefined;
    if (facet) for (const p of Object.values(facet)) walkPipeline(p, db, out);
  }
}

/** Collections a command creates or fills, which later statements may then read. */
export function writesOf(cmd: MongoCommand): Ns[] {
  if (cmd.kind === 'createCollection' || cmd.kind === 'createView') return [{ name: cmd.collection, db: cmd.db }];
  if (cmd.kind === 'createIndex' || cmd.kind === 'drop' || cmd.kind === 'updateMany' || cmd.kind === 'deleteMany') return [];
  if (cmd.kind === 'loop') return [...cmd.init, ...cmd.body].flatMap(writesOf);
  if (cmd.kind !== 'aggregate') return assertNever(cmd, 'run');
  const last = cmd.pipeline.at(-1) as Document | undefined;
  const target = (last?.$merge as Document | undefined)?.into ?? last?.$out;
  if (typeof target === 'string') return [{ name: target, db: cmd.db }];
  if (target && typeof target === 'object') return [{ name: String((target as Document).coll), db: ((target as Document).db as string | undefined) ?? cmd.db }];
  return [];
}
