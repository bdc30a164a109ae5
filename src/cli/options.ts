import { readFileSync, statSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import type { RunOptions } from '../api-types.js';
import { parseCount, parseReadPreference, parseWriteConcern } from '../engine/server-options.js';
import { parseShardKey } from '../mongo/sharding-check.js';
import { SqlEtlError } from '../errors.js';
import type { Value } from '../ir/expr.js';
import { decodeUtf8 } from '../io/utf8.js';

/**
 * Option parsing shared by the commands: `--var name=value`, the connection
 * target, and reading the files named on the command line. Problems here are the
 * user's invocation, so they exit with code 2 (commander errors, or SqlEtlError
 * with stage 'usage').
 */

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** No leading zeros: `007` or a zip code `01234` stays text, the compiler types it by context. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** commander argParser for the repeatable `--var name=value`: accumulates into a map; a later value wins. */
export function collectVar(arg: string, previous: Record<string, Value> | undefined): Record<string, Value> {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new InvalidArgumentError(`expected name=value, got '${arg}'`);
  const name = arg.slice(0, eq);
  if (!VAR_NAME.test(name)) {
    throw new InvalidArgumentError(`'${name}' is not a parameter name (letters, digits and _, not starting with a digit)`);
  }
  return { ...previous, [name]: parseVarValue(arg.slice(eq + 1)) };
}

/**
 * Values stay strings unless they are plainly numbers or booleans; the compiler
 * converts a string by the context it is used in (a date, a numeric column).
 * Integers beyond 2^53 stay strings so no digit is silently lost.
 */
export function parseVarValue(text: string): Value {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (NUMBER.test(text)) {
    const n = Number(text);
    if (text.includes('.') || Number.isSafeInteger(n)) return n;
  }
  return text;
}

/** What every command that runs SQL takes: where, which schema, parameters, percentile mode. */
export interface SqlCommandOptions {
  uri?: string;
  db?: string;
  data: string;
  schema?: string;
  var: Record<string, Value>;
  percentiles?: 'exact' | 'approximate';
}

export interface Target {
  uri?: string;
  dataDir?: string;
}

/**
 * `--uri` (or SQLETL_MONGODB_URI / MONGODB_URI) runs on a server, otherwise the
 * embedded engine reads `--data`. An explicit `--data` beats a URI that only
 * comes from the environment; both given explicitly is a contradiction.
 */
export function resolveTarget(opts: { uri?: string; data: string; dataExplicit: boolean }, env = process.env): Target {
  if (opts.uri !== undefined && opts.dataExplicit) {
    throw new SqlEtlError('conflicting-options', 'usage', '--uri and --data choose different engines; give one of them');
  }
  if (opts.uri !== undefined) return { uri: checkUri(opts.uri, '--uri') };
  if (opts.dataExplicit) return { dataDir: opts.data };
  if (env.SQLETL_MONGODB_URI) return { uri: checkUri(env.SQLETL_MONGODB_URI, 'SQLETL_MONGODB_URI') };
  if (env.MONGODB_URI) return { uri: checkUri(env.MONGODB_URI, 'MONGODB_URI') };
  return { dataDir: opts.data };
}

/** A connection string is checked here so a typo is a usage error, not a driver exception; never echoed (it may hold a password). */
function checkUri(uri: string, source: string): string {
  if (/^mongodb(\+srv)?:\/\/./.test(uri)) return uri;
  throw new SqlEtlError('bad-uri', 'usage', `${source}: expected a MongoDB connection string starting with mongodb:// or mongodb+srv://`);
}

/** An explicit `--data` must name a directory (a typo must not read every collection as empty). */
export function checkDataDir(dir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new SqlEtlError('bad-data-dir', 'usage', `--data ${dir}: ${reason}`, { cause: e });
  }
  if (!isDir) throw new SqlEtlError('bad-data-dir', 'usage', `--data ${dir}: not a directory`);
}

/**
 * Reads a file named on the command line; a missing or unreadable file is a usage
 * error, bytes that are not UTF-8 are bad SQL at their line and column.
 */
export function readInputFile(file: string, what = 'file'): string {
  try {
    if (statSync(file).isDirectory()) {
      throw new SqlEtlError('input-is-directory', 'usage', `${file}: is a directory, expected a ${what}`);
    }
    const decoded = decodeUtf8(readFileSync(file));
    if ('text' in decoded) return decoded.text;
    const err = new SqlEtlError('invalid-utf8', 'parse', 'invalid UTF-8 byte sequence (the file must be UTF-8 text)', {
      span: { start: decoded.error.offset, end: decoded.error.offset + 1 },
    });
    err.source = { text: decoded.error.lossy, file };
    throw err;
  } catch (e) {
    if (e instanceof SqlEtlError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new SqlEtlError('input-not-readable', 'usage', `${file}: ${reason}`, { cause: e });
  }
}

/** `run`'s MongoDB options (parsed by src/engine/server-options.ts) and --batch-size. */
export function serverRunOptions(): Option[] {
  return [
    new Option('--max-time-ms <ms>', 'MongoDB: server-side time limit of each command, in milliseconds').argParser((v) => parseCount('--max-time-ms', v, 1)),
    new Option('--write-concern <w>', 'MongoDB: write concern of every write, w[,j][,wtimeout=MS]: majority, 1, majority,j,wtimeout=5000').argParser((v) => parseWriteConcern(v)),
    new Option('--read-preference <mode>', 'MongoDB: where SELECT results are read (primary, primaryPreferred, secondary, secondaryPreferred, nearest); writes use the primary').argParser((v) => parseReadPreference(v)),
    new Option('--retries <n>', 'MongoDB: retries of a command after a transient error, with exponential backoff (default 3)').argParser((v) => parseCount('--retries', v, 0, 100)),
    new Option('--batch-size <n>', 'rows per batch: COPY loads and results read from MongoDB (default 1000)').argParser((v) => parseCount('--batch-size', v, 1)),
  ];
}

/** The repeatable `--shard-key coll=field,...` (explain's sharded-cluster warnings). */
export function shardKeyOption(): Option {
  return new Option('--shard-key <coll=fields>', 'declare a sharded collection and its shard key, e.g. orders=customer_id (repeatable); explain warns about statements that cannot run on it').argParser(parseShardKey);
}

export interface ServerRunFlags {
  maxTimeMs?: number;
  writeConcern?: RunOptions['writeConcern'];
  readPreference?: RunOptions['readPreference'];
  retries?: number;
  batchSize?: number;
}

/** The flags as RunOptions (only those given). */
export function serverRunFlags(o: ServerRunFlags): Pick<RunOptions, 'maxTimeMS' | 'writeConcern' | 'readPreference' | 'retries' | 'batchSize'> {
  return {
    ...(o.maxTimeMs !== undefined ? { maxTimeMS: o.maxTimeMs } : {}),
    ...(o.writeConcern !== undefined ? { writeConcern: o.writeConcern } : {}),
    ...(o.readPreference !== undefined ? { readPreference: o.readPreference } : {}),
    ...(o.retries !== undefined ? { retries: o.retries } : {}),
    ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
  };
}
