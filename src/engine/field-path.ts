import { resolve } from './mingo-runtime.js';

/**
 * A reader of a dotted field path (`__j2.l_suppkey`), for the keys of a `$lookup`: a walk
 * through plain objects, with mingo's `resolve` (which asserts the path, copies
 * substrings and tests every step for arrays and Object.prototype's names per call)
 * taking over wherever the walk meets anything else — an array (a path through an array
 * collects its elements' values), a Date or another non-plain object, a primitive
 * before the end. On plain objects `resolve` reads `obj[name]` step by step and stops
 * at the first missing one, which is what the walk does.
 */
type Doc = Record<string, unknown>;
const PROTO_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function fieldReader(path: string): (obj: unknown) => unknown {
  const parts = path.split('.');
  // numeric steps index arrays, Object.prototype's names are resolve's business: resolve alone
  if (parts.some((p) => p === '' || /^\d+$/.test(p) || PROTO_NAMES.has(p))) return (obj) => resolve(obj as Doc, path);
  if (parts.length === 1) {
    return (obj) => (obj !== null && typeof obj === 'object' && (obj as object).constructor === Object ? (obj as Doc)[path] : resolve(obj as Doc, path));
  }
  return (obj) => {
    let v: unknown = obj;
    for (let i = 0; i < parts.length; i++) {
      if (v === null || typeof v !== 'object' || (v as object).constructor !== Object) return resolve(obj as Doc, path);
      v = (v as Doc)[parts[i]];
      if (v === undefined) return undefined;
    }
    return v;
  };
}
