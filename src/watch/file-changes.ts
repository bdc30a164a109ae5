import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SqlEtlError } from '../errors.js';
import { collectionFile, parseExtendedJsonLine, readCollectionFile } from '../io/data-files.js';
import type { Document } from '../commands/command-ir.js';
import { writeFileAtomically } from '../io/write-collection.js';
import { nsKey, valueKey, type ChangeBatch, type CollectionRef, type DocChange } from '../engine/change-batch.js';

/**
 * Change detection on the embedded engine: the sources are files of the data
 * directory. A batch compares each source file with a snapshot of the version the
 * watch last applied — a byte copy kept under `<data>/.sqletl/watch/<watch id>/`,
 * named by the file's sha256, so a restarted watch diffs against exactly what it
 * had applied. Documents are matched by `_id`; documents without one (CSV rows,
 * JSON lines without `_id`) are matched by their whole content, as lines of a file.
 */
export interface FileState {
  /** sha256 of the file's bytes; null when the collection has no file */
  sha256: string | null;
  /** the snapshot's file name in the snapshot folder */
  snapshot?: string;
}

export type FileStates = Record<string, FileState>;

export class FileChanges {
  /** stat-level memo so an idle poll does not hash every file */
  private seen = new Map<string, { file?: string; mtimeMs: number; size: number; sha256: string | null }>();

  constructor(
    readonly dataDir: string,
    readonly sources: CollectionRef[],
    readonly snapshotDir: string,
  ) {}

  /** The current state of every source, snapshotting versions not seen before. */
  current(previous: FileStates): FileStates {
    const next: FileStates = {};
    for (const src of this.sources) {
      const key = nsKey(src);
      const file = collectionFile(this.dataDir, src.name, src.db);
      const sha = this.hash(key, file);
      const prev = previous[key];
      if (prev && prev.sha256 === sha && (sha === null || (prev.snapshot && existsSync(join(this.snapshotDir, prev.snapshot))))) {
        next[key] = prev;
        continue;
      }
      if (!file || sha === null) {
        next[key] = { sha256: null };
        continue;
      }
      const snapshot = `${key}.${sha.slice(0, 16)}${extname(file)}`;
      const path = join(this.snapshotDir, snapshot);
      if (!existsSync(path)) {
        writeFileAtomically(path, readFileSync(file));
      }
      next[key] = { sha256: sha, snapshot };
    }
    return next;
  }

  /** The changed documents between two states (collections whose hash differs). */
  diff(previous: FileStates, next: FileStates): ChangeBatch {
    const batch: ChangeBatch = new Map();
    for (const src of this.sources) {
      const key = nsKey(src);
      const before = previous[key];
      const after = next[key];
      if (before && after && before.sha256 === after.sha256) continue;
      if (before?.sha256 && !(before.snapshot && existsSync(join(this.snapshotDir, before.snapshot)))) {
        batch.set(key, { collection: src, changes: [], all: 'the snapshot of its last applied version is gone' });
        continue;
      }
      const changes = this.lineDiff(before, after, key) ?? diffDocuments(this.docs(before, src), this.docs(after, src), key);
      if (changes.length) batch.set(key, { collection: src, changes });
    }
    return batch;
  }

  /** Removes snapshots no state refers to. */
  prune(keep: FileStates): void {
    if (!existsSync(this.snapshotDir)) return;
    const used = new Set(Object.values(keep).map((s) => s.snapshot));
    for (const f of readdirSync(this.snapshotDir)) if (!used.has(f)) rmSync(join(this.snapshotDir, f), { force: true });
  }

  /**
   * Documents-per-line files: lines found unchanged in both versions are unchanged
   * documents, so only the lines that differ are parsed and matched (a large file
   * with a few edits costs a pass over its lines, not a parse of every document).
   * Undefined when the fast path does not apply (other formats, a line that does not parse).
   */
  private lineDiff(before: FileState | undefined, after: FileState | undefined, key: string): DocChange[] | undefined {
    const lines = (state: FileState | undefined): string[] | undefined => {
      if (!state?.snapshot) return [];
      if (!/\.(ndjson|jsonl)$/.test(state.snapshot)) return undefined;
      return readFileSync(join(this.snapshotDir, state.snapshot), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
    };
    const a = lines(before);
    const b = lines(after);
    if (!a || !b) return undefined;
    const counts = new Map<string, number>();
    for (const l of a) counts.set(l, (counts.get(l) ?? 0) + 1);
    const added: string[] = [];
    for (const l of b) {
      const n = counts.get(l) ?? 0;
      if (n > 0) counts.set(l, n - 1);
      else added.push(l);
    }
    const removed: string[] = [];
    for (const [l, n] of counts) for (let i = 0; i < n; i++) removed.push(l);
    try {
      const parse = (ls: string[]) => ls.map((l) => parseExtendedJsonLine(l)).filter((d): d is Document => typeof d === 'object' && d !== null && !Array.isArray(d) && !(d instanceof Date));
      const olds = parse(removed);
      const news = parse(added);
      if (olds.length !== removed.length || news.length !== added.length) return undefined;
      return diffDocuments(olds, news, key);
    } catch {
      return undefined; // the full reader reports the bad line with its position
    }
  }

  private docs(state: FileState | undefined, src: CollectionRef): Document[] {
    if (!state?.snapshot) return [];
    // parse errors name the data file, not the snapshot copy
    const file = collectionFile(this.dataDir, src.name, src.db) ?? state.snapshot;
    try {
      return readCollectionFile(join(this.snapshotDir, state.snapshot));
    } catch (err) {
      if (err instanceof SqlEtlError) throw new SqlEtlError(err.code, err.stage, err.message.split(join(this.snapshotDir, state.snapshot)).join(file), { cause: err, params: err.params });
      throw err;
    }
  }

  private hash(key: string, file: string | undefined): string | null {
    if (!file) {
      this.seen.delete(key);
      return null;
    }
    const st = statOf(file);
    if (!st) return null;
    const memo = this.seen.get(key);
    if (memo && memo.file === file && memo.mtimeMs === st.mtimeMs && memo.size === st.size) return memo.sha256;
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    this.seen.set(key, { file, mtimeMs: st.mtimeMs, size: st.size, sha256: sha });
    return sha;
  }
}

function statOf(file: string): { mtimeMs: number; size: number } | undefined {
  try {
    const s = statSync(file);
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch {
    return undefined;
  }
}

/** Changes from one version of a collection to the next: by `_id`, and by content for documents without one. */
export function diffDocuments(before: Document[], after: Document[], collection: string): DocChange[] {
  const index = (docs: Document[]) => {
    const byId = new Map<string, Document>();
    const byContent = new Map<string, Document[]>();
    for (const d of docs) {
      if (d._id !== undefined) {
        const k = valueKey(d._id);
        if (byId.has(k)) throw new SqlEtlError('duplicate-id', 'io', `collection "${collection}" has two documents with _id ${k.slice(5, -1)}: a watch matches versions by _id`);
        byId.set(k, d);
      } else {
        const k = valueKey(d);
        byContent.set(k, [...(byContent.get(k) ?? []), d]);
      }
    }
    return { byId, byContent };
  };
  const a = index(before);
  const b = index(after);
  const changes: DocChange[] = [];
  for (const [k, old] of a.byId) {
    const now = b.byId.get(k);
    if (!now) changes.push({ id: old._id, hasId: true, old, oldKnown: true });
    else if (valueKey(old) !== valueKey(now)) changes.push({ id: old._id, hasId: true, old, new: now, oldKnown: true });
  }
  for (const [k, now] of b.byId) if (!a.byId.has(k)) changes.push({ id: now._id, hasId: true, new: now, oldKnown: true });
  // documents without _id: a multiset difference, like lines removed from and added to a file
  for (const [k, olds] of a.byContent) {
    const kept = b.byContent.get(k)?.length ?? 0;
    for (const old of olds.slice(kept)) changes.push({ hasId: false, old, oldKnown: true });
  }
  for (const [k, nows] of b.byContent) {
    const had = a.byContent.get(k)?.length ?? 0;
    for (const now of nows.slice(had)) changes.push({ hasId: false, new: now, oldKnown: true });
  }
  return changes;
}
