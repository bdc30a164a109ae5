import { pipelineOperators } from './mingo-runtime.js';

/**
 * `$unset` of top-level fields for the embedded engine. mingo runs it as a `$project`
 * of exclusions: a new document with every field assigned, then each excluded field
 * removed through its path walker (`delete`, which also leaves V8 a slow dictionary
 * object for every later stage to read). Here the new document is built from the
 * fields that stay, in the same order: the same document. Dotted paths, `_id` (which
 * a projection treats apart) and `__proto__` go to mingo's stage.
 */
type Doc = Record<string, unknown>;
type Coll = { map(f: (o: Doc) => Doc): unknown };
const mingoUnset = (pipelineOperators as unknown as Record<string, (coll: unknown, expr: unknown, options: unknown) => unknown>).$unset;

export function $unset(coll: Coll, expr: unknown, options: unknown): unknown {
  const fields = Array.isArray(expr) ? expr : [expr];
  const simple = fields.length > 0 && fields.every((f) => typeof f === 'string' && f !== '' && !f.includes('.') && !f.startsWith('$') && f !== '_id' && f !== '__proto__');
  if (!simple) return mingoUnset(coll, expr, options);
  const drop = new Set(fields as string[]);
  return coll.map((obj) => {
    const out: Doc = {};
    for (const k of Object.keys(obj)) if (!drop.has(k)) out[k] = obj[k];
    return out;
  });
}
