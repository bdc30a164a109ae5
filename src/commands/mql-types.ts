/**
 * The types of what lowering produces: MongoDB aggregation expressions (`Mql`),
 * query-language filters (`Filter`) and pipeline stages (`Stage`). Types only, no
 * imports: commands.ts and mql.ts both build on them.
 *
 * `Mql` is a BSON value as the compiler writes it: literals, `$field` paths,
 * `$$variables`, operator documents (`{ $add: [...] }`), arrays and plain documents,
 * and the non-JSON BSON values a command may carry (Date, RegExp, and the driver's
 * bson classes such as Decimal128 and ObjectId, recognised by their `_bsontype`).
 * Operator documents are not spelt out operator by operator: MongoDB has ~180 of them
 * and the function catalogue adds more; stages are (see `Stage`), so a misspelt stage
 * name or a stage of the wrong shape does not compile.
 */

/** A bson class instance (Decimal128, ObjectId, Long, Binary, …), as the driver's `bson` package marks them. */
export interface BsonObject {
  readonly _bsontype: string;
}

export type MqlScalar = null | boolean | number | string | Date | RegExp | BsonObject;

/**
 * A document: operator documents and plain ones alike. A field may be `undefined` (an
 * optional field left out; TypeScript also gives the members of an array of different
 * object literals each other's keys as optional): an undefined field is not written.
 */
export type MqlDocument = { [key: string]: Mql | undefined };

/** An aggregation expression (and any BSON value in a command). */
export type Mql = MqlScalar | readonly Mql[] | MqlDocument;

/**
 * A query-language filter (`$match`, `updateMany`/`deleteMany` filters, partial index
 * filters): field paths to values or query operators, `$and`/`$or` of filters, and
 * `$expr` holding an aggregation expression.
 */
export type Filter = {
  $expr?: Mql;
  [path: string]: Mql | undefined;
};

/** `$group`: the key and the accumulators (`{ field: { $sum: … } }`). */
export type GroupSpec = { _id: Mql; [field: string]: Mql };

/** `$sort` and `$setWindowFields.sortBy`: fields in order, 1 ascending, -1 descending. */
export type SortSpec = { [field: string]: 1 | -1 };

/** `$lookup`: `from` (none for a `$documents` pipeline), equality fields and/or a pipeline with `let` variables. */
export type LookupSpec = {
  from?: string;
  localField?: string;
  foreignField?: string;
  let?: MqlDocument;
  pipeline?: Stage[];
  as: string;
};

export type UnwindSpec = string | { path: string; includeArrayIndex?: string; preserveNullAndEmptyArrays?: boolean };

/** `$setWindowFields`: each output is a window operator document with an optional `window`. */
export type SetWindowFieldsSpec = {
  partitionBy?: Mql;
  sortBy?: SortSpec;
  output: MqlDocument;
};

/** `$unionWith`: a collection, and/or a pipeline (one that starts with `$documents` needs no collection). */
export type UnionWithSpec = string | { coll?: string; pipeline?: Stage[] };

/** `$merge`: `into` a collection (of a database); `whenMatched` may be a pipeline of update stages. */
export type MergeSpec = {
  into: string | { db: string; coll: string };
  on?: string | string[];
  let?: MqlDocument;
  whenMatched?: 'replace' | 'keepExisting' | 'merge' | 'fail' | Stage[];
  whenNotMatched?: 'insert' | 'discard' | 'fail';
};

/** The pipeline stages sqletl emits. */
export type Stage =
  | { $match: Filter }
  | { $project: MqlDocument }
  | { $addFields: MqlDocument }
  | { $set: MqlDocument }
  | { $unset: string | string[] }
  | { $group: GroupSpec }
  | { $sort: SortSpec }
  | { $limit: number }
  | { $skip: number }
  | { $lookup: LookupSpec }
  | { $unwind: UnwindSpec }
  | { $setWindowFields: SetWindowFieldsSpec }
  | { $unionWith: UnionWithSpec }
  | { $facet: { [output: string]: Stage[] } }
  | { $merge: MergeSpec }
  | { $out: string | { db: string; coll: string } }
  | { $replaceRoot: { newRoot: Mql } }
  | { $replaceWith: Mql }
  | { $count: string }
  | { $documents: Mql };

/** The stages of an update pipeline (`updateMany(filter, [stages])`, `$merge`'s `whenMatched`). */
export type UpdateStage = Extract<Stage, { $set: MqlDocument } | { $addFields: MqlDocument } | { $unset: string | string[] } | { $project: MqlDocument } | { $replaceWith: Mql } | { $replaceRoot: { newRoot: Mql } }>;
