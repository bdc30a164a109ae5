import { EJSON, type Document as BsonDocument } from 'bson';
import type { Document, MongoCommand } from './commands.js';

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
  const doc: Document = { aggregate: cmd.collection ?? 1, pipeline: cmd.pipeline, allowDiskUse: true };
  if (cmd.db !== undefined) doc.$db = cmd.db;
  return doc;
}
