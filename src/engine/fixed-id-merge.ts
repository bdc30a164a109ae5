import type { AggregateCommand, MongoCommand } from '../commands/command-ir.js';
import type { MergeSpec } from '../commands/mql-types.js';

/**
 * A `$merge` whose documents get their `_id` from the server on insert (rows of a
 * table without a key, rejected rows) cannot be resent after a failure of unknown
 * outcome: the resend would insert the rows of the first attempt again. The MongoDB
 * engine therefore runs such a command in two idempotent steps:
 *
 * 1. the pipeline before `$merge` into a temporary collection with `$out` — `$out`
 *    gives every document its `_id` and replaces the temporary collection in one
 *    step, so it can be resent;
 * 2. `$merge` from the temporary collection, the `_id`s now fixed: a resend meets
 *    the documents of a first attempt and keeps them. `whenMatched: fail` becomes
 *    `keepExisting`: server-generated ObjectIds never equal an existing document's,
 *    so a match can only be the command's own earlier attempt;
 * then the temporary collection is dropped. The target ends exactly as the single
 * command would leave it (rows with new ObjectIds).
 */
export const RETRY_TEMP_PREFIX = '__sqletl_retry_';

export interface FixedIdPlan {
  fix: AggregateCommand;
  merge: AggregateCommand;
  drop: Extract<MongoCommand, { kind: 'drop' }>;
}

export function fixedIdMergePlan(cmd: AggregateCommand, temp: string): FixedIdPlan | undefined {
  const last = cmd.pipeline.at(-1);
  if (!last || !('$merge' in last)) return undefined;
  const merge: MergeSpec = { ...last.$merge };
  if (merge.whenMatched === 'fail') merge.whenMatched = 'keepExisting';
  const db = cmd.db !== undefined ? { db: cmd.db } : {};
  return {
    fix: { ...cmd, pipeline: [...cmd.pipeline.slice(0, -1), { $out: temp }] },
    merge: { kind: 'aggregate', collection: temp, ...db, role: cmd.role, pipeline: [{ $merge: merge }] },
    drop: { kind: 'drop', collection: temp, ...db, ifExists: true, role: 'cleanup' },
  };
}
