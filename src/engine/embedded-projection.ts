import type { Document } from '../commands/command-ir.js';

/**
 * Which top-level fields of each collection a pipeline can read, so that the embedded
 * engine builds only those from a collection's column cache (io/collection-cache.ts):
 * TPC-H's q06 reads 4 of lineitem's 16 columns. A collection absent from the answer, or
 * mapped to 'all', is read whole.
 *
 * Conservative by construction: a field counts as read when its name appears anywhere it
 * could be a field — any `"$name…"` string of a stage, and any object key not starting
 * with `$` (query fields, sort keys, but also output names, which costs nothing but a
 * column). Whole documents are needed when they leave the pipeline as they are (it ends
 * without a stage that builds new documents), when `$$ROOT`/`$$CURRENT` or `$getField`
 * without an input or `$where` appears, and for any stage not known here (then no collection of
 * the command is narrowed). The analysis runs backwards: what the stages after a stage
 * read is what that stage must be given, plus what it reads itself, unless it builds new
 * documents (`$group`, `$replaceWith`, an including `$project`, `$count`).
 */
export type FieldNeeds = Map<string, ReadonlySet<string> | 'all'>;

type Paths = Set<string> | 'all';

class WholeDocuments extends Error {}

/** a path below an unwound array that names no field: the array is read, not whole */
const ELEMENT = '\0';

/** the fields each collection of an aggregate command needs (the collection itself and every `$lookup`/`$unionWith` source) */
export function fieldsRead(collection: string | undefined, pipeline: Document[]): FieldNeeds {
  const needs = new Map<string, Set<string> | 'all'>();
  try {
    const own = inputPaths(pipeline, 'all', needs);
    if (collection !== undefined) addNeeds(needs, collection, own);
  } catch (err) {
    if (err instanceof WholeDocuments) return new Map();
    throw err;
  }
  return needs;
}

function addNeeds(needs: Map<string, Set<string> | 'all'>, collection: string, paths: Paths): void {
  const had = needs.get(collection);
  if (had === 'all') return;
  if (paths === 'all') {
    needs.set(collection, 'all');
    return;
  }
  const top = had ?? new Set<string>();
  for (const p of paths) top.add(p.split('.')[0]);
  needs.set(collection, top);
}

/** `tail`: the paths read of the documents leaving the pipeline. Returns the paths read of the documents entering it. */
function inputPaths(pipeline: Document[], tail: Paths, needs: Map<string, Set<string> | 'all'>): Paths {
  let after: Paths = tail;
  for (let i = pipeline.length - 1; i >= 0; i--) {
    const stage = pipeline[i];
    const keys = Object.keys(stage);
    if (keys.length !== 1) throw new WholeDocuments();
    const op = keys[0];
    const spec = stage[op];
    switch (op) {
      case '$match':
      case '$sort':
      case '$limit':
      case '$skip':
      case '$set':
      case '$addFields':
      case '$unset':
      case '$setWindowFields':
        after = union(after, refs(spec));
        break;
      case '$unwind': {
        // it reads its array, but not as a whole: what is read of the elements is what the
        // stages after it read at that path (a join's $lookup + $unwind keep only those)
        const u = typeof spec === 'string' ? { path: spec } : (spec as { path?: unknown; includeArrayIndex?: unknown });
        if (typeof u.path !== 'string' || !u.path.startsWith('$') || u.path.startsWith('$$')) throw new WholeDocuments();
        const { path: _path, ...rest } = u;
        after = union(union(after, refs(rest)), new Set([`${u.path.slice(1)}.${ELEMENT}`]));
        break;
      }
      case '$project':
        after = excludes(spec as Document) ? union(after, refs(spec)) : union(new Set(['_id']), refs(spec));
        break;
      case '$group':
      case '$replaceWith':
      case '$replaceRoot':
      case '$count':
        after = refs(spec);
        break;
      case '$documents':
        after = new Set();
        break;
      case '$lookup': {
        const l = spec as { from?: unknown; localField?: unknown; foreignField?: unknown; let?: unknown; pipeline?: unknown; as?: unknown };
        if (typeof l.from !== 'string' || typeof l.as !== 'string') throw new WholeDocuments();
        if (l.pipeline !== undefined && !Array.isArray(l.pipeline)) throw new WholeDocuments();
        const foreign = inputPaths((l.pipeline as Document[] | undefined) ?? [], under(after, l.as), needs);
        addNeeds(needs, l.from, typeof l.foreignField === 'string' ? union(foreign, new Set([l.foreignField])) : foreign);
        after = union(after, refs(l.let ?? {}));
        if (typeof l.localField === 'string') after = union(after, new Set([l.localField]));
        break;
      }
      case '$unionWith': {
        const u = typeof spec === 'string' ? { coll: spec } : (spec as { coll?: unknown; pipeline?: unknown });
        if ((u.coll !== undefined && typeof u.coll !== 'string') || (u.pipeline !== undefined && !Array.isArray(u.pipeline))) throw new WholeDocuments();
        // its documents join the stream: the stages after it read them as they read the input's
        const theirs = inputPaths((u.pipeline as Document[] | undefined) ?? [], after, needs);
        // without a collection, its pipeline starts with $documents
        if (typeof u.coll === 'string') addNeeds(needs, u.coll, theirs);
        break;
      }
      default:
        throw new WholeDocuments();
    }
  }
  return after;
}

/** what is read below `as` (a `$lookup`'s output field) of the documents after it */
function under(paths: Paths, as: string): Paths {
  if (paths === 'all') return 'all';
  const out = new Set<string>();
  for (const p of paths) {
    if (p === as || as.startsWith(`${p}.`)) return 'all';
    if (p.startsWith(`${as}.`)) out.add(p.slice(as.length + 1));
  }
  return out;
}

function union(a: Paths, b: Paths): Paths {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

/** `$project` in exclusion mode (`{a: 0}`): the other fields pass through */
function excludes(spec: Document): boolean {
  return Object.entries(spec).some(([k, v]) => k !== '_id' && (v === 0 || v === false));
}

/** The paths a stage's spec can read of the current document ('all' when it can read the whole). */
function refs(spec: unknown): Paths {
  const out = new Set<string>();
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') {
      if (v.startsWith('$$')) {
        const root = v.slice(2).split('.')[0];
        return root !== 'ROOT' && root !== 'CURRENT';
      }
      if (v.startsWith('$')) out.add(v.slice(1));
      return true;
    }
    if (v === null || typeof v !== 'object' || v instanceof Date) return true;
    if (Array.isArray(v)) return v.every(walk);
    for (const [k, x] of Object.entries(v)) {
      // $getField reads a field of $$CURRENT named by a value, not by a "$path"
      if (k === '$getField' && (typeof x !== 'object' || x === null || !('input' in x))) return false;
      // JavaScript that reads the document by itself (sqletl emits none, but a pipeline may come from elsewhere)
      if (k === '$where') return false;
      // the length of an array (an EXISTS subquery's lookup) reads none of its elements' fields
      const sized = Array.isArray(x) && x.length === 1 ? x[0] : x;
      if (k === '$size' && typeof sized === 'string' && sized.startsWith('$') && !sized.startsWith('$$')) {
        out.add(`${sized.slice(1)}.${ELEMENT}`);
        continue;
      }
      if (!k.startsWith('$')) out.add(k);
      if (!walk(x)) return false;
    }
    return true;
  };
  return walk(spec) ? out : 'all';
}
