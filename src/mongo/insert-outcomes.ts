import { identityKey, type Statement, type TableDef } from '../ir/statement.js';
import type { MqlDocument, Stage } from '../commands/mql-types.js';
import { lowerPredicate } from './lower-expr.js';
import { cond, isNull, type Mql } from './mql.js';

/**
 * What each staged row of an INSERT into a keyed table will do, decided once, in
 * one pipeline over the stage, before anything is written: `__outcome` is
 * 'inserted' | 'updated' | 'skipped' | 'rejected'. The statement's count, rejects
 * and write then only select on it.
 *
 * Rows are "inserted one at a time in source order" (the stage's `_id`s are in
 * source order): a row that breaks the table (its `__reasons`) is never written, so
 * it cannot make a later row with the same key a duplicate. A duplicate is a writable
 * row whose key an earlier writable row has (see withPrevious).
 *
 * Sort keys are never arrays (a composite key or a UNIQUE constraint's values are a
 * document): MongoDB sorts an array by its smallest element, so equal arrays would not
 * be next to each other.
 */
export const OUTCOME = '__outcome';

const VALID = { $eq: [{ $size: '$__reasons' }, 0] };
const HAS_KEY = { $ne: [{ $type: '$__key' }, 'missing'] };

/** Appends `reason` to the row's reasons when `when` holds. */
const addReason = (when: Mql, reason: string): Stage => ({ $set: { __reasons: cond(when, { $concatArrays: ['$__reasons', [reason]] }, '$__reasons') } });

/**
 * `field` set to `value` (null for a row that takes no part), and `${field}_first`: the
 * first `_id` (in source order) among the rows with the same value. `same`: whether
 * an earlier row has the same non-null value. A window `$first` per value, not the
 * previous row's value in (value, _id) order (`$shift`): DocumentDB refuses a `$shift`
 * in a pipeline that ends in `$out`/`$merge` ("mutable functions"); both are one
 * window pass on MongoDB.
 */
function withPrevious(field: string, value: Mql): { stages: Stage[]; same: Mql; temporary: string[] } {
  const first = `${field}_first`;
  return {
    stages: [
      { $set: { [field]: value } },
      { $setWindowFields: { partitionBy: `$${field}`, sortBy: { _id: 1 }, output: { [first]: { $first: '$_id', window: { documents: ['unbounded', 'unbounded'] } } } } },
    ],
    same: { $and: [{ $ne: [`$${field}`, null] }, { $ne: [`$${first}`, '$_id'] }] },
    temporary: [field, first],
  };
}

/** The classifying pipeline (without its `$out`), over the stage of `s`, an INSERT into the keyed table `def`. */
export function classifyStagedRows(def: TableDef, s: Extract<Statement, { kind: 'insert' }>, pkey: string): Stage[] {
  const onConflict = s.onConflict;
  const update = onConflict?.update;
  const identity = identityKey(def)!;
  const secondary = def.unique.filter((u) => !(u.length === identity.length && u.every((c) => identity.includes(c))));
  // DO UPDATE fails on any repeated key (duplicateKeyCheck), so no row of a statement that gets here repeats one
  const numbered = !update;
  // the row's key, when the row could be written, next to the previous such row's
  const byKey = numbered ? withPrevious('__k', cond({ $and: [VALID, HAS_KEY] }, '$__key', null)) : undefined;
  const pipeline: Stage[] = byKey ? [...byKey.stages] : [];
  const duplicate = byKey ? byKey.same : false;
  // the table's row with the same key (a row without a key matches none: every stored row has an _id)
  if (onConflict) pipeline.push({ $lookup: { from: def.name, localField: '__key', foreignField: '_id', as: '__old' } });
  else pipeline.push({ $lookup: { from: def.name, localField: '__key', foreignField: '_id', pipeline: [{ $project: { _id: 1 } }], as: '__old' } });
  // ON CONFLICT … WHERE reads the old row as `__old` (a document; missing when there is none)
  if (update?.countWhere) pipeline.push({ $set: { __old: { $arrayElemAt: ['$__old', 0] } } });
  const exists = update?.countWhere ? { $ne: [{ $type: '$__old' }, 'missing'] } : { $gt: [{ $size: '$__old' }, 0] };
  // a plain INSERT may not reuse a key, the table's or an earlier row's
  const keyTaken = { $or: [exists, duplicate] };
  const reasonsWithKey = cond(keyTaken, { $concatArrays: ['$__reasons', [`duplicate key value violates unique constraint "${pkey}"`]] }, '$__reasons');
  const outcome = (dup: Mql, existing: Mql, valid: Mql): Mql =>
    !onConflict
      ? cond(valid, 'inserted', 'rejected')
      : cond({ $not: [valid] }, 'rejected', cond(dup, 'skipped', cond(existing, update ? (update.countWhere ? cond(lowerPredicate(update.countWhere), 'updated', 'skipped') : 'updated') : 'skipped', 'inserted')));

  if (secondary.length === 0) {
    // one step: every field is computed from the row as it was before it
    pipeline.push({ $set: { [OUTCOME]: outcome(duplicate, exists, onConflict ? VALID : { $and: [VALID, { $not: [keyTaken] }] }), ...(onConflict ? {} : { __reasons: reasonsWithKey }) } });
  } else {
    pipeline.push({ $set: { __dup: duplicate, __exists: exists, ...(onConflict ? {} : { __reasons: reasonsWithKey }) } });
    pipeline.push(...uniqueChecks(def, secondary, update));
    pipeline.push({ $set: { [OUTCOME]: outcome('$__dup', '$__exists', VALID) } });
  }
  pipeline.push({ $unset: [...(byKey?.temporary ?? []), '__old', ...(secondary.length ? ['__dup', '__exists'] : [])] });
  // back to source order (a window sorts): the rejects and the new rows are written in the order they came
  if (numbered || secondary.length) pipeline.push({ $sort: { _id: 1 } });
  return pipeline;
}

/**
 * ON CONFLICT DO UPDATE may not touch one row twice (PostgreSQL: "ON CONFLICT DO
 * UPDATE command cannot affect row a second time"): a key that two valid rows of the
 * stage share fails the statement before anything is written. Counting rows per key
 * needs no order, so it runs over the stage as it is.
 */
export function duplicateKeyCheck(): Stage[] {
  return [{ $match: { '__reasons.0': { $exists: false }, __key: { $exists: true } } }, { $group: { _id: '$__key', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }, { $limit: 1 }];
}

/**
 * UNIQUE constraints other than the key (the key is `_id`, checked above): a row
 * whose values are already held by another row of the table, or by an earlier row of
 * the statement that will be written, gets the constraint's reason — as inserting
 * the rows one at a time in PostgreSQL would refuse it — instead of failing the
 * whole write on the unique index. A row that will update its own key's row (ON
 * CONFLICT DO UPDATE) does not clash with itself; when the update does not set the
 * constraint's columns, the values it proposes are not written and are not checked.
 */
function uniqueChecks(def: TableDef, secondary: string[][], update: NonNullable<Extract<Statement, { kind: 'insert' }>['onConflict']>['update']): Stage[] {
  const pipeline: Stage[] = [];
  secondary.forEach((u, j) => {
    const clash = `__clash${j}`;
    const present = { $and: u.map((c) => ({ $not: [isNull(`$${c}`)] })) };
    // looked up by the first column (an index lookup; a NULL value looks up a value no row holds), the others matched after
    pipeline.push(
      { $set: { __probe: cond(present, `$${u[0]}`, { $literal: NO_VALUE }) } },
      {
        $lookup: {
          from: def.name,
          localField: '__probe',
          foreignField: u[0],
          ...(u.length > 1 ? { let: Object.fromEntries(u.slice(1).map((c, i) => [`v${i}`, `$${c}`])) } : {}),
          pipeline: [...(u.length > 1 ? [{ $match: { $expr: { $and: u.slice(1).map((c, i) => ({ $eq: [`$${c}`, `$$v${i}`] })) } } }] : []), { $project: { _id: 1 } }],
          as: clash,
        },
      },
      // the row's own key's row is not another row
      { $set: { [clash]: { $filter: { input: `$${clash}`, cond: { $ne: ['$$this._id', { $ifNull: ['$__key', null] }] } } } } },
    );
    // an update that leaves the constraint's columns alone cannot break it (`__exists`: the row updates its key's row)
    const untouched = update && !u.some((c) => update.set.some((x) => x.column === c));
    const checked = untouched ? { $and: [present, { $not: ['$__exists'] }] } : present;
    // rows that will be written, compared by their values of the constraint in source order
    const written = { $and: [VALID, { $not: ['$__dup'] }, checked] };
    const byValues = withPrevious('__u', cond(written, Object.fromEntries(u.map((c) => [c, `$${c}`])), null));
    pipeline.push(
      ...byValues.stages,
      addReason({ $and: [checked, { $or: [{ $gt: [{ $size: `$${clash}` }, 0] }, byValues.same] }] }, `duplicate key value violates unique constraint "${def.name}_${u.join('_')}_key"`),
      { $unset: [clash, '__probe', ...byValues.temporary] },
    );
  });
  return pipeline;
}

/** a lookup value no document holds */
const NO_VALUE = '\u0000sqletl:no-value';
