/**
 * An alternative `.ndjson` reader for the glue experiment (not used by sqletl): plain
 * `JSON.parse` per line, then Extended JSON only where a line has a `"$` key — `{"$date":
 * "<ISO>"}` becomes a Date directly, any other wrapper (`$oid`, `$numberLong`, …)
 * goes through bson's `EJSON.deserialize`, so the result equals `EJSON.parse(line,
 * { relaxed: true })`. Compared with src/io/data-files.ts's reader in the benchmark.
 */
import { readFileSync } from 'node:fs';
import { EJSON } from 'bson';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function revive(v: Json): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]) as Json;
    return v;
  }
  for (const k in v) {
    if (k.charCodeAt(0) === 36 /* $ */) {
      const d = v.$date;
      if (k === '$date' && typeof d === 'string' && Object.keys(v).length === 1) return new Date(d);
      return EJSON.deserialize(v, { relaxed: true });
    }
    const x = v[k];
    if (x !== null && typeof x === 'object') v[k] = revive(x) as Json;
  }
  return v;
}

export function readNdjsonFast(file: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  const docs: Record<string, unknown>[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const line = text.slice(start, end);
      if (line.trim() !== '') {
        const parsed = JSON.parse(line) as Json;
        docs.push((line.includes('"$') ? revive(parsed) : parsed) as Record<string, unknown>);
      }
    }
    start = end + 1;
  }
  return docs;
}
