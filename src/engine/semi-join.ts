import type { Document } from '../commands/command-ir.js';

/**
 * Building a join's foreign side for the keys its input holds (a semi-join reduction),
 * for the keyed `$lookup`s of a command's own pipeline (mingo-extensions.ts).
 *
 * A keyed `$lookup` hashes its foreign collection by `foreignField`; built whole, that is
 * every row of it (TPC-H q08 hashed all of lineitem to join the parts of one type, q05
 * all of it for the orders of one year). A stage of the command's own
 * pipeline runs once, so it may read its input whole first: the distinct values of
 * `localField` then go to the collection's reader as one more leading
 * `{foreignField: {$in: [...]}}` `$match`, and a column cache (embedded-prefilter.ts)
 * builds only the rows that can match. The hash answers only for those values, which are
 * the only ones probed, so the joined documents are the same; rows the reader cannot
 * judge are built and hashed as before.
 *
 * Only stages of the outermost pipeline (`markOutermost`, by the engine): a `$lookup`
 * inside another one's pipeline runs per outer row, where a reduction per run would read
 * the collection again each time; those share one whole hash per command instead.
 */
const OUTERMOST = new WeakSet<object>();

/**
 * Stages that read their whole input before they give their first document: a `$limit`
 * after one of them does not stop the stages before it early.
 */
const BLOCKING = new Set(['$group', '$sort', '$setWindowFields', '$count', '$bucket', '$bucketAuto', '$sortByCount', '$facet', '$out', '$merge']);

/**
 * Marks the `$lookup` specs of the stages of a command's own pipeline (the spec objects
 * themselves). Not those a `$limit` follows with no blocking stage in between: there the
 * stage read only as much input as the `$limit` let through, and reading it whole first
 * could cost far more than the foreign side it saves (a LIMIT 10 over a large join).
 */
export function markOutermost(pipeline: readonly Document[], stageNames: readonly string[]): void {
  let limitAhead = false;
  for (let i = pipeline.length - 1; i >= 0; i--) {
    const keys = Object.keys(pipeline[i]);
    const name = keys.length === 1 ? keys[0] : '';
    if (name === '$limit') limitAhead = true;
    else if (BLOCKING.has(name)) limitAhead = false;
    if (limitAhead || !stageNames.includes(name)) continue;
    const spec = pipeline[i][name];
    if (typeof spec === 'object' && spec !== null) OUTERMOST.add(spec);
  }
}

export function isOutermost(spec: object): boolean {
  return OUTERMOST.has(spec);
}

/** a key value the reader's `$in` test understands: a number, a string, a valid date or null */
function isLiteralKey(v: unknown): boolean {
  return v === null || typeof v === 'number' || typeof v === 'string' || (v instanceof Date && !Number.isNaN(v.getTime()));
}

/**
 * The `$match` that keeps the foreign rows whose `foreignField` may equal one of `values`
 * (the local keys, arrays already taken element by element, missing as null), or undefined
 * when it would not narrow anything the reader can test: a dotted or `$` field, a key
 * that is not a literal of a column's kind.
 */
export function semiJoinMatch(foreignField: string, values: Iterable<unknown>): Document | undefined {
  if (foreignField === '' || foreignField.includes('.') || foreignField.startsWith('$')) return undefined;
  const list: unknown[] = [];
  for (const v of values) {
    if (!isLiteralKey(v)) return undefined;
    list.push(v);
  }
  return { $match: { [foreignField]: { $in: list } } };
}
