import { groupBy } from './mingo-runtime.js';

/**
 * Documents grouped by a key as mingo's `$group` (and so its `$setWindowFields`) groups
 * them: groups in the order of their first document, documents in input order, keys
 * equal by mingo's `isEqual` (`null` for a missing key).
 *
 * mingo's `groupBy` keeps a hash map that hashes a document key (`{p: 3, k0: 17}`, what
 * sqletl partitions peers by) field by field and compares colliding keys deeply: a
 * fifth of a window query's time at 400,000 rows. Keys that are primitives, or plain
 * objects whose values are primitives, are told apart here by Maps (SameValueZero: 0 and
 * -0 one key, NaN one key, null apart from undefined), a document's values looked up one
 * after the other in the order of its sorted field names, as `isEqual` ignores their
 * order (a missing field apart from a null one: the field names are part of the key).
 * encodeDocument's string code, which two keys share exactly when `isEqual` holds, is
 * what the Maps do for one document at a time (it took a third of w1's samples).
 * Any other key (a date, an array, a nested document) sends the whole input to mingo's
 * `groupBy`.
 */
type Doc = Record<string, unknown>;

export function partitionDocs(items: Doc[], keyOf: (d: Doc) => unknown): Doc[][] {
  return partitionByKey(items, keyOf).groups;
}

/**
 * The same groups with the key of each (its first document's, as mingo's `groupBy` keeps
 * it): what the compiled `$group` (mingo-compiled.ts) puts in `_id`.
 */
export function partitionByKey(items: Doc[], keyOf: (d: Doc) => unknown): { keys: unknown[]; groups: Doc[][] } {
  const keys = items.map((d) => keyOf(d) ?? null);
  const primitive = new Map<unknown, Doc[]>();
  const encoded = new Map<string, Doc[]>();
  // documents of primitives (sqletl's `{k0: …}`, `{p: …, k0: …}`): by their field names,
  // then value by value through nested Maps, in the order of the sorted names
  const byFields = new Map<string, Map<unknown, unknown>>();
  const shapes = new ShapeCache();
  const groups: Doc[][] = [];
  const groupKeys: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const key = keys[i];
    const shape = isPrimitive(key) ? undefined : shapes.of(key as object);
    if (shape !== undefined) {
      let level = byFields.get(shape.names);
      if (!level) byFields.set(shape.names, (level = new Map()));
      // a Map tells values apart as isEqual does for primitives: SameValueZero (-0 is 0, NaN is NaN), null apart from undefined
      const last = shape.sorted.length - 1;
      for (let f = 0; f < last; f++) {
        const value = (key as Doc)[shape.sorted[f]];
        let next = level.get(value) as Map<unknown, unknown> | undefined;
        if (!next) level.set(value, (next = new Map()));
        level = next;
      }
      const value = (key as Doc)[shape.sorted[last]];
      const group = level.get(value) as Doc[] | undefined;
      if (group) group.push(items[i]);
      else {
        const g = [items[i]];
        level.set(value, g);
        groups.push(g);
        groupKeys.push(key);
      }
      continue;
    }
    const map = isPrimitive(key) ? primitive : encoded;
    const code = map === primitive ? key : encodeDocument(key as object);
    if (code === undefined) {
      const byMingo = groupBy(items, (_: unknown, j: number) => keys[j]) as Map<unknown, Doc[]>;
      return { keys: [...byMingo.keys()], groups: [...byMingo.values()] };
    }
    const group = (map as Map<unknown, Doc[]>).get(code);
    if (group) group.push(items[i]);
    else {
      const g = [items[i]];
      (map as Map<unknown, Doc[]>).set(code, g);
      groups.push(g);
      // a primitive key is a Map's key in mingo's groupBy, which holds -0 as 0
      groupKeys.push(map === primitive && key === 0 ? 0 : key);
    }
  }
  return { keys: groupKeys, groups };
}

const isPrimitive = (v: unknown) => (typeof v !== 'object' && typeof v !== 'function') || v === null;

/** the values encodeDocument codes (a bigint or a symbol goes to mingo's groupBy there too) */
const isCoded = (v: unknown) => v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

/**
 * The field names of plain documents of coded values (at least one field): sorted, as
 * isEqual ignores their order, and as one string that tells the name sets apart. Two such
 * documents are isEqual exactly when their names and their values are (what encodeDocument
 * says, without a string per row). The names of the last document are remembered: the keys
 * of one stage mostly share one field order.
 */
class ShapeCache {
  private fields: string[] = [];
  private shape: { sorted: string[]; names: string } | undefined;

  of(key: object): { sorted: string[]; names: string } | undefined {
    if (Object.getPrototypeOf(key) !== Object.prototype) return undefined;
    const fields = Object.keys(key);
    if (fields.length === 0) return undefined;
    for (const f of fields) if (!isCoded((key as Doc)[f])) return undefined;
    if (!this.shape || !sameNames(fields, this.fields)) {
      const sorted = [...fields].sort();
      this.shape = { sorted, names: JSON.stringify(sorted) };
      this.fields = fields;
    }
    return this.shape;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** a string equal for two plain documents of primitives exactly when mingo's isEqual says they are equal; undefined for any other value */
function encodeDocument(key: object): string | undefined {
  if (typeof key !== 'object' || Object.getPrototypeOf(key) !== Object.prototype) return undefined;
  const doc = key as Doc;
  const parts: string[] = [];
  for (const field of Object.keys(doc).sort()) {
    const v = doc[field];
    let code: string;
    if (v === null) code = 'l';
    else if (v === undefined) code = 'u';
    else if (typeof v === 'number') code = `n${String(v)}`; // String(-0) is "0", NaN one code: isEqual's === and Object.is
    else if (typeof v === 'string') code = `s${JSON.stringify(v)}`;
    else if (typeof v === 'boolean') code = v ? 't' : 'f';
    else return undefined;
    parts.push(`${JSON.stringify(field)}:${code}`);
  }
  return parts.join(',');
}
