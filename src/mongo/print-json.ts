import { assertNever } from '../assert-never.js';
import { EJSON, type Document as BsonDocument } from 'bson';
import type { Document, MongoCommand } from '../commands/command-ir.js';

/**
 * Prints a MongoCommand as the server command document in canonical Extended JSON:
 * every value keeps its exact BSON type (`{"$numberInt": "1"}` vs
 * `{"$numberDouble": "1.5"}`, `{"$date": …}`), so the text is an unambiguous
 * record of what is sent — suitable for golden files and other tools.
 */
export function printJson(cmd: MongoCommand): string {
  return EJSON.stringify(commandDocument(cmd), undefined, 2, { relaxed: false });
}

/** The command as canonical Extended JSON objects, for embedding in a larger JSON document. */
export function commandToEjson(cmd: MongoCommand): BsonDocument {
  return EJSON.serialize(commandDocument(cmd), { relaxed: false });
}

/**
 * The `aggregate` command body as sent to the server: `aggregate: 1` runs a
 * database-level pipeline (one starting with `$documents`). The database travels
 * as `$db`, the field the wire protocol uses for it.
 */
export function commandDocument(cmd: MongoCommand): Document {
  let doc: Document;
  switch (cmd.kind) {
    case 'aggregate':
      doc = { aggregate: cmd.collection ?? 1, pipeline: cmd.pipeline, allowDiskUse: true };
      break;
    case 'createCollection':
      doc = { create: cmd.collection };
      break;
    case 'createIndex':
      doc = {
        createIndexes: cmd.collection,
        indexes: [{ key: cmd.keys, name: cmd.name, unique: cmd.unique, ...(cmd.partialFilterExpression ? { partialFilterExpression: cmd.partialFilterExpression } : {}) }],
      };
      break;
    case 'drop':
      doc = { drop: cmd.collection };
      break;
    case 'createView':
      doc = { create: cmd.collection, viewOn: cmd.viewOn, pipeline: cmd.pipeline };
      break;
    case 'updateMany':
      doc = { update: cmd.collection, updates: [{ q: cmd.filter, u: cmd.update, multi: true }] };
      break;
    case 'deleteMany':
      doc = { delete: cmd.collection, deletes: [{ q: cmd.filter, limit: 0 }] };
      break;
    case 'loop':
      // not a server command: the runner's loop over server commands (command-ir.ts)
      doc = { loop: cmd.name, maxIterations: cmd.maxIterations, init: cmd.init.map(commandDocument), body: cmd.body.map(commandDocument), until: commandDocument(cmd.until), ...(cmd.enough ? { enough: commandDocument(cmd.enough) } : {}) };
      break;
    default:
      return assertNever(cmd, 'lower');
  }
  if (cmd.db !== undefined) doc.$db = cmd.db;
  return doc;
}
