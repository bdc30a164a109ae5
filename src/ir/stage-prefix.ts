/**
 * The prefix of the collections a statement creates for its own use and drops at its
 * end (commands/stage-names.ts names the writes' ones). Here, in the IR, because the
 * binder names one kind itself: a WITH RECURSIVE query's collections, which the
 * statement's other queries read as collections.
 */
export const STAGE_PREFIX = '__sqletl_stage_';

/**
 * The collections of statement `index`'s `n`-th WITH RECURSIVE query (lower-recursive.ts):
 * its result, its working table and the next working table.
 */
export function recursiveNames(index: number, n: number, cte: string): { result: string; work: string; next: string } {
  // a quoted CTE name may hold characters a collection name may not ($, NUL, .)
  const base = `${STAGE_PREFIX}${index}_rec${n}_${cte.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return { result: base, work: `${base}__work`, next: `${base}__next` };
}
