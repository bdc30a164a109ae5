import { SqlEtlError } from '../errors.js';
import type { CompiledStatement, Document, MongoCommand } from '../commands/command-ir.js';

/**
 * Which compiled statements cannot run when their target is a sharded collection,
 * and why. The rules are MongoDB's (7.0):
 * - `$out` cannot write into a sharded collection (it may read sharded ones; its
 *   own output — a statement's stage `__sqletl_stage_N_<t>` — is a new unsharded
 *   collection, which is fine);
 * - `$merge` into a sharded collection needs `on` fields that include every
 *   shard-key field, with a unique index on them; sqletl merges `on: _id` (a
 *   table's key is its `_id`), so a sharded target must be sharded on `_id`
 *   (e.g. `{_id: "hashed"}`) — and only then is `_id` unique across shards;
 * - a unique index on a sharded collection must start with the shard key, so a
 *   UNIQUE constraint on other columns cannot be enforced.
 * `$lookup`, `$graphLookup` and `$unionWith` from sharded collections, `updateMany`
 * and `deleteMany` all work on 7.0. Shard keys come from `--shard-key coll=f1,f2`
 * (or, with `--uri`, from the cluster's `config.collections`); with none declared
 * every collection is taken as unsharded and nothing is reported.
 */

/** collection (or `db.collection`) → shard-key fields */
export type ShardKeys = Record<string, string[]>;

export interface ShardingWarning {
  statement: number;
  collection: string;
  message: string;
}

const STAGE_PREFIX = '__sqletl_stage_';

/** commander argParser for the repeatable `--shard-key coll=field,...`. */
export function parseShardKey(arg: string, previous: ShardKeys | undefined): ShardKeys {
  const eq = arg.indexOf('=');
  const coll = arg.slice(0, eq).trim();
  const fields = arg.slice(eq + 1).split(',').map((f) => f.trim()).filter(Boolean);
  if (eq <= 0 || fields.length === 0) throw new SqlEtlError('bad-option', 'usage', `--shard-key ${arg}: expected collection=field[,field…], e.g. orders=customer_id`);
  return { ...previous, [coll]: fields };
}

function keyOf(keys: ShardKeys, collection: string, db: string | undefined): string[] | undefined {
  return (db !== undefined ? keys[`${db}.${collection}`] : undefined) ?? keys[collection];
}

function target(spec: unknown, db: string | undefined): { coll: string; db?: string } | undefined {
  if (typeof spec === 'string') return { coll: spec, db };
  if (spec && typeof spec === 'object') {
    const s = spec as Document;
    const into = 'into' in s ? s.into : s;
    if (typeof into === 'string') return { coll: into, db };
    if (into && typeof into === 'object' && typeof (into as Document).coll === 'string') return { coll: (into as Document).coll as string, db: ((into as Document).db as string | undefined) ?? db };
  }
  return undefined;
}

const fmt = (fields: string[]) => `{ ${fields.map((f) => `${f}: 1`).join(', ')} }`;

/** The warnings of one command, for statement `index`. */
export function checkCommand(cmd: MongoCommand, index: number, keys: ShardKeys, statementKind?: string): ShardingWarning[] {
  const out: ShardingWarning[] = [];
  if (cmd.kind === 'aggregate') {
    const last = cmd.pipeline.at(-1);
    if (last && '$out' in last) {
      const t = target(last.$out, cmd.db);
      if (t && !t.coll.startsWith(STAGE_PREFIX)) {
        const key = keyOf(keys, t.coll, t.db);
        if (key) {
          out.push({
            statement: index,
            collection: t.coll,
            message: `cannot run with "${t.coll}" sharded (on ${fmt(key)}): ${statementKind === 'create' ? 'CREATE TABLE … AS' : 'this statement'} writes it with $out, which cannot write into a sharded collection; create the table unsharded, or create it first and fill it with INSERT … SELECT (which writes with $merge)`,
          });
        } else if (Object.keys(keys).length > 0) {
          // the user is checking for a sharded cluster: say what this statement assumes
          out.push({
            statement: index,
            collection: t.coll,
            message: `"${t.coll}" is written with $out, which replaces it with an unsharded collection: it must not be sharded (on a sharded cluster, create it first and use INSERT … SELECT)`,
          });
        }
      }
    }
    if (last && '$merge' in last) {
      const t = target(last.$merge, cmd.db);
      const key = t && keyOf(keys, t.coll, t.db);
      const on = (last.$merge as Document).on;
      if (t && key && on !== undefined) {
        const onFields = Array.isArray(on) ? (on as string[]) : [on as string];
        const missing = key.filter((k) => !onFields.includes(k));
        if (missing.length > 0) {
          out.push({
            statement: index,
            collection: t.coll,
            message: `cannot run with "${t.coll}" sharded on ${fmt(key)}: $merge matches rows on ${onFields.join(', ')}, and MongoDB requires the on fields of a sharded target to include the shard key (${missing.join(', ')} missing) with a unique index on them; sqletl stores a table's key as _id, so shard "${t.coll}" on _id, e.g. sh.shardCollection("<db>.${t.coll}", { _id: "hashed" })`,
          });
        }
      }
    }
  }
  if (cmd.kind === 'createIndex' && cmd.unique) {
    const key = keyOf(keys, cmd.collection, cmd.db);
    const fields = Object.keys(cmd.keys);
    if (key && !key.every((k, i) => fields[i] === k)) {
      out.push({
        statement: index,
        collection: cmd.collection,
        message: `cannot enforce UNIQUE (${fields.join(', ')}) on "${cmd.collection}" sharded on ${fmt(key)}: a unique index on a sharded collection must start with the shard key`,
      });
    }
  }
  return out;
}

/** The warnings of a compiled script, in statement order (each message once per statement). */
export function checkSharding(statements: CompiledStatement[], keys: ShardKeys): ShardingWarning[] {
  const out: ShardingWarning[] = [];
  for (const st of statements) {
    const seen = new Set<string>();
    for (const cmd of st.commands) {
      for (const w of checkCommand(cmd, st.index, keys, st.kind)) {
        if (seen.has(w.message)) continue;
        seen.add(w.message);
        out.push(w);
      }
    }
  }
  return out;
}
