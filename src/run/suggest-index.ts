import type { Document } from '../commands/command-ir.js';

/**
 * The index suggestion of `explain --analyze`: when a pipeline's leading `$match`
 * keeps a small share of a collection and reads it with a collection scan, an index
 * on the fields it tests would let MongoDB read only the matching documents.
 * Fields in the order MongoDB's ESR rule wants: equality first, then ranges.
 */

/** a leading $match is selective when it keeps at most this share of what it examines */
export const SELECTIVE_SHARE = 0.1;

export interface IndexSuggestion {
  fields: string[];
  /** `CREATE INDEX …;` for sqletl (undefined when a field is a nested path, which the SQL cannot name) */
  sql?: string;
  /** the same in mongosh */
  shell: string;
  reason: string;
}

/** The fields a query document tests in an index-friendly way, equality ones first. */
export function indexableFields(query: Document): string[] {
  const equality = new Set<string>();
  const range = new Set<string>();
  const visit = (q: Document) => {
    for (const [key, cond] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(cond)) {
        for (const part of cond) visit(part as Document);
      } else if (key === '$or' && Array.isArray(cond)) {
        // an $or over one field (sqletl's typed date comparisons) uses that field's index
        const fields = (cond as Document[]).map((b) => Object.keys(b));
        if (fields.every((f) => f.length === 1 && f[0] === fields[0][0] && !f[0].startsWith('$'))) visit(cond[0] as Document);
      } else if (!key.startsWith('$')) {
        const ops = cond && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof Date) ? Object.keys(cond as Document) : ['$eq'];
        if (ops.some((o) => o === '$eq' || o === '$in')) equality.add(key);
        else if (ops.some((o) => ['$lt', '$lte', '$gt', '$gte'].includes(o) || (o === '$regex' && /^\^[^.*+?([{|\\]/.test(String((cond as Document).$regex))))) range.add(key);
        // $ne / $nin / unanchored $regex: an index does not narrow these
      }
    }
  };
  visit(query);
  return [...equality, ...[...range].filter((f) => !equality.has(f))];
}

/** The query part of a `$match` (without `$expr`, which sqletl uses for what the query language cannot say). */
export function leadingQuery(pipeline: Document[]): Document | undefined {
  const first = pipeline[0];
  if (!first || !('$match' in first)) return undefined;
  const match = first.$match as Document;
  const strip = (q: Document): Document => {
    const out: Document = {};
    for (const [k, v] of Object.entries(q)) {
      if (k === '$expr') continue;
      if (k === '$and' && Array.isArray(v)) out.$and = v.map((x) => strip(x as Document)).filter((x) => Object.keys(x).length > 0);
      else out[k] = v;
    }
    return out;
  };
  return strip(match);
}

export function suggestIndex(collection: string, db: string | undefined, pipeline: Document[], examined: number, returned: number): IndexSuggestion | undefined {
  const query = leadingQuery(pipeline);
  if (!query || examined === 0 || returned > examined * SELECTIVE_SHARE) return undefined;
  const fields = indexableFields(query);
  if (fields.length === 0) return undefined;
  const name = `${collection}_${fields.map((f) => f.replace(/\./g, '_')).join('_')}_idx`;
  const plain = fields.every((f) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(f));
  const share = examined > 0 ? ((100 * returned) / examined).toFixed(returned * 1000 < examined ? 2 : 1) : '0';
  return {
    fields,
    sql: plain && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `CREATE INDEX ${name} ON ${db ? `${db}.` : ''}${collection} (${fields.join(', ')});` : undefined,
    shell: `db.getCollection(${JSON.stringify(collection)}).createIndex({ ${fields.map((f) => `${JSON.stringify(f)}: 1`).join(', ')} })`,
    reason: `the leading $match keeps ${returned} of ${examined} documents (${share}%) and reads them all with a collection scan`,
  };
}
