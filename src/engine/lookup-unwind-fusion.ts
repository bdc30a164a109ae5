/**
 * A `$lookup` followed by the `$unwind` of its `as` field, as one stage of the embedded
 * engine (`$lookupUnwind` of mingo-extensions.ts), in the pipeline mingo runs; the
 * pipeline sqletl shows and sends to MongoDB is unchanged (MongoDB's optimizer
 * coalesces the same pair into its `$lookup`, see its aggregation pipeline
 * optimization documentation). Every join of sqletl is such a pair: the `$lookup` copied
 * each input document with the array of all its joined documents, and the `$unwind`
 * copied it again per joined document.
 *
 * Only the `$unwind` that gives exactly one document per joined document is fused: a
 * path of the `as` field alone, no options (MongoDB's `$unwind` drops a document whose
 * array is empty; `as` is always an array), `as` a top-level name, and a `$lookup` with
 * localField/foreignField (the hashed one; the other forms keep their two stages).
 */
type Doc = Record<string, unknown>;

/** the name the embedded engine registers the fused stage under (never in a pipeline sqletl emits) */
export const LOOKUP_UNWIND = '$lookupUnwind';

export function fuseLookupUnwind(pipeline: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < pipeline.length; i++) {
    const stage = pipeline[i];
    const lookup = soleValue(stage, '$lookup') as { as?: unknown; localField?: unknown; foreignField?: unknown } | undefined;
    const unwind = soleValue(pipeline[i + 1], '$unwind');
    const as = lookup?.as;
    if (
      lookup &&
      typeof as === 'string' &&
      as !== '' &&
      !as.includes('.') &&
      !as.startsWith('$') &&
      typeof lookup.localField === 'string' &&
      typeof lookup.foreignField === 'string' &&
      unwindsField(unwind, as)
    ) {
      out.push({ [LOOKUP_UNWIND]: lookup });
      i++;
    } else out.push(stage);
  }
  return out;
}

/** `stage`'s spec when its only key is `op` */
function soleValue(stage: Doc | undefined, op: string): unknown {
  if (!stage) return undefined;
  const keys = Object.keys(stage);
  return keys.length === 1 && keys[0] === op ? stage[op] : undefined;
}

/** `$unwind: "$as"` or `{path: "$as"}` and nothing else */
function unwindsField(spec: unknown, as: string): boolean {
  if (spec === `$${as}`) return true;
  if (typeof spec !== 'object' || spec === null) return false;
  const keys = Object.keys(spec);
  return keys.length === 1 && keys[0] === 'path' && (spec as Doc).path === `$${as}`;
}
