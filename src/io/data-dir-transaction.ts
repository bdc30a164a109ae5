import { readSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync, writeSync, statSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeChunks } from './write-collection.js';

/**
 * All-or-nothing writes to the embedded engine's data directory (issues 6 and 10).
 *
 * A statement may change several files: the target collection, its `__rejects`
 * collection, `.sqletl/indexes.json`, and its run-journal entry. They are staged
 * as temporary files next to their targets; then one manifest listing every step
 * is written and renamed into `.sqletl/commits/` — that rename is the commit
 * point. The steps are applied after it, and `recover()` (called when the data
 * directory is opened) applies any manifest a killed process left behind and
 * deletes temporary files no manifest names. So after a crash every file is as
 * before the statement or as after it, and the journal agrees with the data.
 *
 * Every step is idempotent, so applying a manifest twice is harmless:
 * - put: rename tmp over target (skipped when tmp is gone: already applied)
 * - remove: delete target if present
 * - append: truncate target to its size at staging time, append tmp, delete tmp
 *   (lets a long COPY add to a large collection without rewriting it)
 */
type Step =
  | { op: 'put'; path: string; tmp: string }
  | { op: 'remove'; path: string }
  | { op: 'append'; path: string; tmp: string; baseSize: number };

interface Manifest {
  id: string;
  steps: Step[];
}

const TMP_MARK = '.sqletl-tmp-';
const COMMITS = join('.sqletl', 'commits');

export class DataDirTransaction {
  readonly id = randomBytes(6).toString('hex');
  private readonly steps: Step[] = [];
  /** pending whole-file contents, so reads inside the transaction see its own writes */
  private readonly pending = new Map<string, string[] | null>();
  private readonly appends = new Map<string, { tmp: string; baseSize: number }>();

  constructor(readonly dataDir: string) {}

  /**
   * Stages a whole-file replacement (path relative to the data directory). A collection's
   * content comes as chunks (write-collection.ts collectionText): it may not fit one string.
   */
  put(path: string, content: string | string[]): void {
    this.dropPending(path);
    const tmp = `${path}${TMP_MARK}${this.id}`;
    const abs = join(this.dataDir, tmp);
    mkdirSync(dirname(abs), { recursive: true });
    const chunks = typeof content === 'string' ? [content] : content;
    writeChunks(abs, chunks);
    this.steps.push({ op: 'put', path, tmp });
    this.pending.set(path, chunks);
  }

  remove(path: string): void {
    this.dropPending(path);
    this.steps.push({ op: 'remove', path });
    this.pending.set(path, null);
  }

  /** Stages text (chunks of it) to add at the end of a file without reading or rewriting the file. */
  append(path: string, text: string[]): void {
    let a = this.appends.get(path);
    if (!a) {
      if (this.pending.has(path)) {
        // the file itself was replaced in this transaction: extend the staged copy
        this.put(path, [...(this.pending.get(path) ?? []), ...text]);
        return;
      }
      const abs = join(this.dataDir, path);
      a = { tmp: `${path}${TMP_MARK}${this.id}-append`, baseSize: existsSync(abs) ? statSync(abs).size : 0 };
      mkdirSync(dirname(join(this.dataDir, a.tmp)), { recursive: true });
      writeFileSync(join(this.dataDir, a.tmp), '');
      this.appends.set(path, a);
      this.steps.push({ op: 'append', path, tmp: a.tmp, baseSize: a.baseSize });
    }
    for (const c of text) appendFileSync(join(this.dataDir, a.tmp), c);
  }

  /** The file as this transaction would leave it: staged content, null when removed, undefined when untouched. */
  read(path: string): string | null | undefined {
    const chunks = this.readChunks(path);
    return chunks ? chunks.join('') : chunks;
  }

  /** read(), as chunks: a staged collection may not fit one string. */
  readChunks(path: string): string[] | null | undefined {
    if (this.pending.has(path)) return this.pending.get(path);
    const a = this.appends.get(path);
    if (!a) return undefined;
    const abs = join(this.dataDir, path);
    const base = existsSync(abs) ? readFileSync(abs).subarray(0, a.baseSize).toString('utf8') : '';
    return [base, readFileSync(join(this.dataDir, a.tmp), 'utf8')];
  }

  /** Whether the transaction wrote (true) or removed (false) the file, undefined when untouched, without reading it. */
  touched(path: string): boolean | undefined {
    if (this.pending.has(path)) return this.pending.get(path) !== null;
    return this.appends.has(path) ? true : undefined;
  }

  isEmpty(): boolean {
    return this.steps.length === 0;
  }

  commit(): void {
    if (this.steps.length === 0) return;
    const dir = join(this.dataDir, COMMITS);
    mkdirSync(dir, { recursive: true });
    const manifest: Manifest = { id: this.id, steps: this.steps };
    const final = join(dir, `${this.id}.json`);
    const tmp = `${final}${TMP_MARK}${this.id}`;
    writeDurably(tmp, JSON.stringify(manifest));
    renameSync(tmp, final); // the commit point
    applyManifest(this.dataDir, manifest);
    rmSync(final, { force: true });
  }

  rollback(): void {
    for (const s of this.steps) if (s.op !== 'remove') rmSync(join(this.dataDir, s.tmp), { force: true });
    this.steps.length = 0;
    this.pending.clear();
    this.appends.clear();
  }

  private dropPending(path: string): void {
    // a later put/remove of a file staged for append supersedes the append
    const a = this.appends.get(path);
    if (a) {
      rmSync(join(this.dataDir, a.tmp), { force: true });
      this.appends.delete(path);
      const i = this.steps.findIndex((s) => s.op === 'append' && s.path === path);
      if (i >= 0) this.steps.splice(i, 1);
    }
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const s = this.steps[i];
      if (s.path !== path) continue;
      if (s.op === 'put') rmSync(join(this.dataDir, s.tmp), { force: true });
      this.steps.splice(i, 1);
    }
  }
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function applyManifest(dataDir: string, m: Manifest): void {
  for (const s of m.steps) {
    const abs = join(dataDir, s.path);
    if (s.op === 'remove') {
      rmSync(abs, { force: true });
      continue;
    }
    const tmp = join(dataDir, s.tmp);
    if (!existsSync(tmp)) continue; // applied before a crash
    if (s.op === 'put') {
      renameSync(tmp, abs);
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    if (existsSync(abs)) truncateSync(abs, s.baseSize);
    else if (s.baseSize > 0) throw new Error(`cannot finish an interrupted append: ${s.path} is missing`);
    appendFileChunked(abs, tmp);
    rmSync(tmp);
  }
}

/**
 * Finishes what a killed process committed and discards what it had not: run once
 * when a data directory is opened for writing (under its lock). Returns how many
 * manifests were applied and temporary files removed, for the run's warnings.
 */
export function recover(dataDir: string): { applied: number; discarded: number } {
  const dir = join(dataDir, COMMITS);
  let applied = 0;
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      const abs = join(dir, f);
      if (!f.endsWith('.json')) continue;
      let m: Manifest;
      try {
        m = JSON.parse(readFileSync(abs, 'utf8')) as Manifest;
      } catch {
        continue; // cannot happen for a renamed manifest (written durably first); leave it for a person
      }
      applyManifest(dataDir, m);
      rmSync(abs);
      applied++;
    }
  }
  let discarded = 0;
  for (const f of walk(dataDir)) {
    if (f.includes(TMP_MARK)) {
      rmSync(f, { force: true });
      discarded++;
    }
  }
  return { applied, discarded };
}

function* walk(dir: string, depth = 0): Generator<string> {
  if (depth > 3 || !existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, depth + 1);
    else yield p;
  }
}

/** Copies `from` onto the end of `to` in 8 MB pieces: an appended COPY can be larger than memory. */
function appendFileChunked(to: string, from: string): void {
  const src = openSync(from, 'r');
  const dst = openSync(to, 'a');
  try {
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) {
      for (let off = 0; off < n; ) off += writeSync(dst, buf, off, n - off);
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}
