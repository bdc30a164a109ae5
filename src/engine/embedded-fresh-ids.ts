import { ObjectId } from 'bson';
import type { Document } from '../commands/command-ir.js';

/**
 * Which `_id`s are certainly new, so a `$merge` of them may append to its target
 * instead of reading and rewriting it (embedded-writes.ts).
 *
 * A `$merge … on: _id` must look every incoming `_id` up in the target — unless the
 * id cannot be there. The ObjectIds this engine mints when a `$out` stores documents
 * without `_id` are such ids (an ObjectId carries a per-process random part and a
 * counter): until a document carrying one is written anywhere else, no other
 * collection holds it. That is the case of every INSERT and COPY batch: its rows are
 * staged with `$out` (ids minted there) and then merged into the target once.
 *
 * Only the latest minting `$out`'s ids are remembered (a COPY batch's: bounded by the
 * batch), with the collections any of them has been written to since: a merge may
 * append them to any other collection. A `$out` that copies them on (a WITH RECURSIVE
 * pass stages its new rows in `__next`, copies them to `__work`, then merges them into
 * the result: lower-recursive.ts) keeps them fresh for the result; forgetting them at
 * the first copy made every pass read and rewrite the whole result, quadratic in the
 * recursion's depth. `holders` only grows (a collection replaced or dropped since still
 * counts as holding them): conservative, never wrong.
 */
export class FreshIds {
  private holders = new Set<string>();
  private ids = new Set<string>();

  /** `$out` into `collection` stored `docs`; `minted` holds those whose `_id` it generated. */
  stored(collection: string, docs: Document[], minted: Document[]): void {
    if (minted.length === 0) return this.written(collection, docs);
    this.holders = new Set([collection]);
    this.ids = new Set(minted.map((d) => (d._id as ObjectId).toHexString()));
    // documents it stored with ids of their own (none is fresh, the set was just replaced)
  }

  /** Whether every `_id` of `docs` is fresh for `target` (documents without `_id` get a new one anyway). */
  allFresh(target: string, docs: Document[]): boolean {
    if (this.holders.has(target)) return false;
    const seen = new Set<string>(); // a pipeline may repeat a document ($unwind, $unionWith): then the merge must match it
    for (const d of docs) {
      if (d._id === undefined) continue;
      if (!(d._id instanceof ObjectId)) return false;
      const hex = d._id.toHexString();
      if (!this.ids.has(hex) || seen.has(hex)) return false;
      seen.add(hex);
    }
    return true;
  }

  /** `docs` now exist in `collection`: the fresh ids among them are held there. */
  written(collection: string, docs: Document[]): void {
    if (this.ids.size === 0 || this.holders.has(collection)) return;
    for (const d of docs) {
      if (d._id instanceof ObjectId && this.ids.has(d._id.toHexString())) {
        this.holders.add(collection);
        return;
      }
    }
  }
}
