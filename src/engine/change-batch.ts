import { EJSON } from 'bson';
import { SqlEtlError } from '../errors.js';
import type { Document } from '../commands/command-ir.js';

/**
 * What a watch batch is made of: per source collection, the documents that
 * changed, with their old and new versions where known. Both change sources (the
 * data directory's files, MongoDB change streams) produce this shape, and the
 * incremental apply step reads only this shape. It lives with the engines because
 * an engine's change stream (mongodb-changes.ts) produces it; `sqletl watch`
 * (src/watch/) consumes it, and makes it itself from the data directory's files.
 */
export interface CollectionRef {
  name: string;
  db?: string;
}

/** `db.name` or `name`: the key of a collection in maps and in the journal. */
export const nsKey = (c: CollectionRef): string => (c.db ? `${c.db}.${c.name}` : c.name);

export interface DocChange {
  /** the source document's `_id`, when it has one (CSV rows and plain JSON lines may not) */
  id?: unknown;
  hasId: boolean;
  /** the version before the change; absent for an insert, or when the server kept no pre-image */
  old?: Document;
  /** the version after the change; absent for a delete */
  new?: Document;
  /** false when the change removed or replaced a version that is not known (MongoDB without pre-images) */
  oldKnown: boolean;
}

export interface CollectionChanges {
  collection: CollectionRef;
  changes: DocChange[];
  /** set when the collection changed as a whole (dropped, renamed, unreadable diff): every reader recomputes fully */
  all?: string;
}

export type ChangeBatch = Map<string, CollectionChanges>;

/** Counts for progress lines: inserted / updated / deleted. */
export function summarize(c: CollectionChanges): string {
  if (c.all) return `${nsKey(c.collection)} replaced (${c.all})`;
  let ins = 0;
  let upd = 0;
  let del = 0;
  for (const x of c.changes) {
    if (x.new && (x.old || !x.oldKnown)) upd++;
    else if (x.new) ins++;
    else del++;
  }
  return `${nsKey(c.collection)} +${ins} ~${upd} -${del}`;
}

/** A value's identity for maps and sets: canonical Extended JSON (types kept: 1 and "1" differ, 1 and 1.0 do not). */
export function valueKey(v: unknown): string {
  return EJSON.stringify({ v: v === undefined ? null : v }, { relaxed: true });
}

/** A view has no change stream of its own: its changes happen in the collection it reads. */
export function viewSource(name: string): SqlEtlError {
  return new SqlEtlError('watch-view-source', 'usage', `"${name}" is a view: sqletl watch follows collections, and a view's changes happen in the collection it reads`, {
    hints: ['derive the table from the view\'s source collection in the job (a CREATE VIEW in the job is read through to its collection)'],
  });
}
