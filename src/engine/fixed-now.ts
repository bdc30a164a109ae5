import type { Document } from '../commands/command-ir.js';

/**
 * `$$NOW` is one instant for a whole command on MongoDB ("returns the current datetime
 * value, which is the same across all members of the deployment and remains constant
 * throughout the aggregation pipeline"). mingo reads the clock once per options object
 * and copies options per stage and compiled expression, so rows of one command could see
 * different milliseconds (`timestamp 'now' = now()` false for about 1 row in 1,000 at
 * 200,000 rows). The embedded engine therefore writes the command's instant into the
 * pipeline before running it: every `"$$NOW"` expression becomes that date as a literal.
 * Values inside `$literal` are data, not expressions, and are left as they are.
 */
export function fixNow(pipeline: Document[], now: Date): Document[] {
  return pipeline.map((stage) => replace(stage, now) as Document);
}

function replace(v: unknown, now: Date): unknown {
  if (v === '$$NOW') return { $literal: now };
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((x, i) => {
      const r = replace(x, now);
      if (r !== x) (out ??= [...v])[i] = r;
    });
    return out ?? v;
  }
  if ((v as { _bsontype?: unknown })._bsontype !== undefined) return v;
  const o = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(o)) {
    if (k === '$literal') continue;
    const r = replace(o[k], now);
    if (r !== o[k]) {
      out ??= { ...o };
      Object.defineProperty(out, k, { value: r, writable: true, enumerable: true, configurable: true });
    }
  }
  return out ?? v;
}
