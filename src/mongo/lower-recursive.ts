import { unsupported } from '../errors.js';
import type { RecursiveCte } from '../ir/statement.js';
import type { Query } from '../ir/expr.js';
import type { AggregateCommand, MongoCommand } from '../commands/command-ir.js';
import type { Stage } from '../commands/mql-types.js';
import { buildPlan } from '../plan/build-plan.js';
import { lowerPlan, type LowerOptions } from './lower-plan.js';

/** How many times a WITH RECURSIVE query's recursive term runs at most, unless `SET sqletl.max_recursion`. */
export const DEFAULT_MAX_RECURSION = 10_000;

/**
 * A WITH RECURSIVE query → the runner's loop (command-ir.ts) over three stage
 * collections, and the commands that drop them at the statement's end (also when
 * it fails):
 *
 *   init:  non-recursive term → $out work;  work → $out result
 *   while work has a row (at most `maxIterations` times):
 *          recursive term (reads work) → $out next;  next → $out work;  work → $merge into result
 *
 * `$out` replaces its target, so each pass's working table holds exactly that pass's
 * rows, and an empty pass leaves an empty working table, which ends the loop. The
 * rows' `_id`s are new ObjectIds from `$out` (the terms write only c0, c1, …), so
 * appending to the result never meets a taken `_id`; `keepExisting` makes a resent
 * `$merge` insert nothing twice.
 */
export function lowerRecursive(cte: RecursiveCte, options: LowerOptions, maxIterations: number, rowsNeeded?: number): { loop: MongoCommand; cleanup: MongoCommand[] } {
  const { result, work, next } = cte.collections;
  const seed = lowerPlan(buildPlan(cte.seed), options) as AggregateCommand;
  const step = lowerPlan(buildPlan(cte.step), options) as AggregateCommand;
  // the stage collections live in the job's database, which a term's $out and $lookup must share
  for (const c of [seed, step]) if (c.db !== undefined) throw unsupported('lower', 'WITH RECURSIVE over collections of another database', cte.span);
  const into = (c: AggregateCommand, target: string): AggregateCommand => ({ ...c, pipeline: [...c.pipeline, { $out: target }], role: 'stage' });
  const copy = (from: string, last: Stage): AggregateCommand => ({ kind: 'aggregate', collection: from, pipeline: [last], role: 'stage' });
  const loop: MongoCommand = {
    kind: 'loop',
    name: cte.name,
    role: 'stage',
    init: [into(seed, work), copy(work, { $out: result })],
    body: [into(step, next), copy(next, { $out: work }), copy(work, { $merge: { into: result, on: '_id', whenMatched: 'keepExisting', whenNotMatched: 'insert' } })],
    until: { kind: 'aggregate', collection: work, pipeline: [{ $limit: 1 }, { $project: { _id: 1 } }], role: 'stage' },
    // a document when the result holds rowsNeeded rows ($skip 0 is refused by no server, but is pointless)
    ...(rowsNeeded !== undefined
      ? { enough: { kind: 'aggregate' as const, collection: result, pipeline: [...(rowsNeeded > 1 ? [{ $skip: rowsNeeded - 1 }] : []), { $limit: 1 }, { $project: { _id: 1 } }], role: 'stage' as const } }
      : {}),
    maxIterations,
    ...(cte.span ? { span: cte.span } : {}),
  };
  const cleanup = [result, work, next].map((collection): MongoCommand => ({ kind: 'drop', collection, ifExists: true, role: 'cleanup' }));
  return { loop, cleanup };
}

/**
 * How many rows of a recursive query's result the statement's query reads, when that is
 * a number: it reads the result alone (directly or through plain subqueries), keeps the
 * columns as they are, and takes at most LIMIT (+ OFFSET) rows with no WHERE, grouping,
 * DISTINCT or ORDER BY. PostgreSQL then stops the recursion once it has produced them
 * (`WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t) SELECT * FROM t
 * LIMIT 10` ends); so does the loop (`enough`). Which rows a LIMIT without ORDER BY
 * returns is the engine's choice; these are rows of the full result, the first found.
 */
export function rowsNeeded(query: Query, result: string): number | undefined {
  const needed = (q: Query, above: number): number | undefined => {
    if (q.kind !== 'select' || q.where || q.having || q.groupBy.length || q.groupingSets || q.aggregated || q.distinct || q.orderBy.length) return undefined;
    if (!q.columns.every((c) => c.expr.kind === 'column')) return undefined;
    const rows = (q.offset ?? 0) + Math.min(above, q.limit ?? Infinity);
    if (q.source.kind === 'collection') return q.source.name === result && q.source.db === undefined && Number.isFinite(rows) ? rows : undefined;
    return q.source.kind === 'subquery' ? needed(q.source.query, rows) : undefined;
  };
  return needed(query, Infinity);
}
