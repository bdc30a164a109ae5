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
 * Only the latest `$out`'s ids are remembered (a COPY batch's: bounded by the batch),
 * and an id stops being fresh as soon as it is written to another collection.
 */
export class FreshIds {
  private owner: string | undefined;
  private ids = new Set<string>();

  /** `$out` into `collection` stored `docs`; `minted` holds those whose `_id` it generated. */
  stored(collection: string, docs: Document[], minted: Document[]): void {
    this.written(collection, docs);
    this.owner = minted.length ? collection : undefined;
    this.ids = new Set(minted.map((d) => (d._id as ObjectId).toHexString()));
  }

  /** Whether every `_id` of `docs` is fresh for `target` (documents without `_id` get a new one anyway). */
  allFresh(target: string, docs: Document[]): boolean {
    if (target === this.owner) return false;
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

  /** `docs` now exist in `collection`: their ids are fresh nowhere else any more. */
  written(collection: string, docs: Document[]): void {
    if (this.ids.size === 0 || collection === this.owner) return;
    for (const d of docs) if (d._id instanceof ObjectId) this.ids.delete(d._id.toHexString());
  }
}
