import { groupBy } from './mingo-runtime.js';

/**
 * Documents grouped by a key as mingo's `$group` (and so its `$setWindowFields`) groups
 * them: groups in the order of their first document, documents in input order, keys
 * equal by mingo's `isEqual` (`null` for a missing key).
 *
 * mingo's `groupBy` keeps a hash map that hashes a document key (`{p: 3, k0: 17}`, what
 * sqletl partitions peers by) field by field and compares colliding keys deeply: a
 * fifth of a window query's time at 400,000 rows. Keys that are primitives, or plain
 * objects whose values are primitives, are told apart here by a string that two keys
 * share exactly when `isEqual` holds (field names sorted, as `isEqual` ignores their
 * order; 0 and -0 one key, NaN one key, a missing field apart from a null one).
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
  // keys of one field holding a primitive (sqletl's `{k0: …}`): by field, then by value
  const oneField = new Map<string, Map<unknown, Doc[]>>();
  const groups: Doc[][] = [];
  const groupKeys: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const key = keys[i];
    const field = isPrimitive(key) ? undefined : soleField(key as object);
    if (field !== undefined) {
      let byValue = oneField.get(field);
      if (!byValue) oneField.set(field, (byValue = new Map()));
      // a Map tells values apart as isEqual does for primitives: SameValueZero (-0 is 0, NaN is NaN), null apart from undefined
      const value = (key as Doc)[field];
      const group = byValue.get(value);
      if (group) group.push(items[i]);
      else {
        const g = [items[i]];
        byValue.set(value, g);
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

/**
 * The field of a plain document with exactly one own field whose value is a primitive
 * (missing included), else undefined. Two such keys are isEqual exactly when their field
 * and their values are (the one-field case of encodeDocument, without building a string per row).
 */
function soleField(key: object): string | undefined {
  if (Object.getPrototypeOf(key) !== Object.prototype) return undefined;
  const fields = Object.keys(key);
  if (fields.length !== 1) return undefined;
  const v = (key as Doc)[fields[0]];
  // the values encodeDocument codes (a bigint or a symbol goes to mingo's groupBy there too)
  if (v !== null && v !== undefined && typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') return undefined;
  return fields[0];
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
