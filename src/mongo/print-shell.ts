import { assertNever } from '../assert-never.js';
import { Chalk } from 'chalk';
import type { MongoCommand } from '../commands/command-ir.js';

/**
 * Prints a MongoCommand as mongosh source that can be pasted into a shell and run:
 * `db.getCollection("orders").aggregate([ … ], { allowDiskUse: true })`.
 *
 * Layout follows what people write by hand: 2-space indent, and any array or
 * object whose one-line form fits in the line width stays on one line. Values
 * print as the mongosh constructors that recreate them exactly (`ISODate`,
 * `NumberDecimal`, `NumberLong`, …), never as their lossy JSON forms.
 */
export interface ShellPrintOptions {
  color: boolean;
}

const WIDTH = 80;
const INDENT = '  ';

export function printShell(cmd: MongoCommand, opts: ShellPrintOptions): string {
  const st = styles(opts.color);
  const target = shellTarget(cmd, st);
  const call = (method: string, ...args: unknown[]) => `${target}.${method}(${args.map((a) => printValue(a, 0, 1, st)).join(', ')})`;
  switch (cmd.kind) {
    case 'aggregate': {
      const stages = cmd.pipeline.map((stage) => INDENT + printValue(stage, 1, 1, st));
      const pipeline = stages.length === 0 ? '[]' : `[\n${stages.join(',\n')}\n]`;
      return `${target}.aggregate(${pipeline}, { ${st.key('allowDiskUse')}: ${st.keyword('true')} })`;
    }
    case 'createCollection': {
      const db = cmd.db !== undefined ? `db.getSiblingDB(${st.string(JSON.stringify(cmd.db))})` : 'db';
      const name = st.string(JSON.stringify(cmd.collection));
      return cmd.ifNotExists ? `if (!${db}.getCollectionNames().includes(${name})) ${db}.createCollection(${name})` : `${db}.createCollection(${name})`;
    }
    case 'createIndex':
      return call('createIndex', cmd.keys, { name: cmd.name, unique: cmd.unique, ...(cmd.partialFilterExpression ? { partialFilterExpression: cmd.partialFilterExpression } : {}) });
    case 'drop':
      return `${target}.drop()`;
    case 'createView': {
      const db = cmd.db !== undefined ? `db.getSiblingDB(${st.string(JSON.stringify(cmd.db))})` : 'db';
      const stages = cmd.pipeline.map((stage) => INDENT + printValue(stage, 1, 1, st));
      const create = `${db}.createView(${st.string(JSON.stringify(cmd.collection))}, ${st.string(JSON.stringify(cmd.viewOn))}, [\n${stages.join(',\n')}\n])`;
      return cmd.replace ? `${db}.getCollection(${st.string(JSON.stringify(cmd.collection))}).drop();\n${create}` : create;
    }
    case 'updateMany':
      return call('updateMany', cmd.filter, cmd.update);
    case 'deleteMany':
      return call('deleteMany', cmd.filter);
    case 'loop': {
      // the runner's loop, as the mongosh script that does the same
      const indent = (text: string) => text.split('\n').map((l) => INDENT + l).join('\n');
      const init = cmd.init.map((c) => `${printShell(c, opts)};`);
      const body = cmd.body.map((c) => indent(`${printShell(c, opts)};`));
      const limit = `${INDENT}if (pass === ${cmd.maxIterations}) throw new Error(${st.string(JSON.stringify(`recursive query "${cmd.name}" is still producing rows after ${cmd.maxIterations} iterations`))});`;
      const enough = cmd.enough ? [`${INDENT}if (${printShell(cmd.enough, opts)}.hasNext()) break; // the statement reads no more rows than these`] : [];
      return [`// WITH RECURSIVE ${cmd.name}: repeat the body while the working table has rows`, ...init, `for (let pass = 0; ${printShell(cmd.until, opts)}.hasNext(); pass++) {`, ...enough, limit, ...body, '}'].join('\n');
    }
    default:
      return assertNever(cmd, 'lower');
  }
}

/** `db`, `db.getSiblingDB("x")`, then `.getCollection("c")` unless the pipeline is database-level. */
function shellTarget(cmd: MongoCommand, st: Styles): string {
  let target = 'db';
  if (cmd.db !== undefined) target += `.getSiblingDB(${st.string(JSON.stringify(cmd.db))})`;
  if ('collection' in cmd && cmd.collection !== undefined) target += `.getCollection(${st.string(JSON.stringify(cmd.collection))})`;
  return target;
}

/**
 * Prints one value whose first character lands at column `indent * 2 + prefix`
 * (prefix: what precedes it on its line, such as `key: `). `trailing` reserves room
 * for the `,` or `)` that follows. A container stays on one line when that fits.
 */
function printValue(value: unknown, depth: number, trailing: number, st: Styles, prefix = 0): string {
  const flat = printFlat(value, PLAIN);
  const column = depth * INDENT.length + prefix;
  if (!isContainer(value) || column + flat.length + trailing <= WIDTH) {
    return st === PLAIN ? flat : printFlat(value, st);
  }
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item, i) => pad + printValue(item, depth + 1, i < value.length - 1 ? 1 : 0, st));
    return `[\n${items.join(',\n')}\n${close}]`;
  }
  const entries = objectEntries(value as Record<string, unknown>);
  const lines = entries.map(([k, v], i) => {
    const key = printKey(k);
    const trail = i < entries.length - 1 ? 1 : 0;
    return `${pad}${st.key(key, k)}: ${printValue(v, depth + 1, trail, st, key.length + 2)}`;
  });
  return `{\n${lines.join(',\n')}\n${close}}`;
}

/** The one-line form of a value. */
function printFlat(value: unknown, st: Styles): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[${value.map((v) => printFlat(v, st)).join(', ')}]`;
  }
  if (isPlainObject(value)) {
    const entries = objectEntries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${st.key(printKey(k), k)}: ${printFlat(v, st)}`).join(', ')} }`;
  }
  return printScalar(value, st);
}

function printScalar(value: unknown, st: Styles): string {
  switch (typeof value) {
    case 'string':
      // A string that starts with `$` here is a field path or variable: the compiler wraps data strings in $literal.
      return value.startsWith('$') ? st.path(JSON.stringify(value)) : st.string(JSON.stringify(value));
    case 'number':
      return st.number(Object.is(value, -0) ? '-0' : String(value));
    case 'bigint':
      return st.ctor(`NumberLong(${st.string(JSON.stringify(value.toString()))})`);
    case 'boolean':
      return st.keyword(String(value));
    case 'undefined':
      return st.keyword('null'); // BSON has no undefined worth emitting; the driver would send null
    case 'object':
      break;
    default:
      throw new TypeError(`cannot print a ${typeof value} in a MongoDB command`);
  }
  if (value === null) return st.keyword('null');
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? st.ctor('new Date(NaN)')
      : st.ctor(`ISODate(${st.string(JSON.stringify(value.toISOString()))})`);
  }
  if (value instanceof RegExp) return st.string(regexLiteral(value));
  return printBsonValue(value as BsonLike, st);
}

interface BsonLike {
  _bsontype?: string;
  toString(radix?: number): string;
  toHexString?: () => string;
  sub_type?: number;
  buffer?: Uint8Array;
  value?: number;
  pattern?: string;
  options?: string;
  code?: string | { toString(): string };
  t?: number;
  i?: number;
  toExtendedJSON?: () => unknown;
}

/** bson's wrapper classes, recognised by `_bsontype` so duplicate copies of the bson package still work. */
function printBsonValue(v: BsonLike, st: Styles): string {
  const str = (s: string): string => st.string(JSON.stringify(s));
  switch (v._bsontype) {
    case 'Decimal128':
      return st.ctor(`NumberDecimal(${str(v.toString())})`);
    case 'Long':
      return st.ctor(`NumberLong(${str(v.toString())})`);
    case 'Int32':
      return st.ctor(`NumberInt(${st.number(String(v.value))})`);
    case 'Double':
      return st.number(String(v.value));
    case 'ObjectId':
      return st.ctor(`ObjectId(${str(v.toHexString ? v.toHexString() : v.toString())})`);
    case 'Binary':
      if (v.sub_type === 4 && v.buffer?.length === 16) return st.ctor(`UUID(${str(uuidString(v.buffer))})`);
      return st.ctor(`BinData(${st.number(String(v.sub_type ?? 0))}, ${str(Buffer.from(v.buffer ?? []).toString('base64'))})`);
    case 'Timestamp': {
      const ts = v.toExtendedJSON?.() as { $timestamp?: { t: number; i: number } } | undefined;
      const { t, i } = ts?.$timestamp ?? { t: 0, i: 0 };
      return st.ctor(`Timestamp({ t: ${st.number(String(t))}, i: ${st.number(String(i))} })`);
    }
    case 'MinKey':
      return st.ctor('MinKey()');
    case 'MaxKey':
      return st.ctor('MaxKey()');
    case 'BSONRegExp':
      return st.ctor(`BSONRegExp(${str(v.pattern ?? '')}, ${str(v.options ?? '')})`);
    case 'Code':
      return st.ctor(`Code(${str(String(v.code ?? ''))})`);
    default:
      throw new TypeError(`cannot print a ${v._bsontype ?? v.constructor?.name ?? 'value'} in a MongoDB command`);
  }
}

function uuidString(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A JS regex literal; `/` inside the source is already escaped by RegExp#source. */
function regexLiteral(re: RegExp): string {
  return `/${re.source}/${re.flags}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Keys print bare when they are JS identifiers (`$match` is one: `$` is an
 * identifier character). `__proto__` must be a computed key: written plainly, even
 * quoted, an object literal would set the prototype instead of creating the field.
 */
export function printKey(key: string): string {
  if (key === '__proto__') return '["__proto__"]';
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function objectEntries(obj: Record<string, unknown>): [string, unknown][] {
  // undefined-valued fields are dropped, as BSON serialisation with ignoreUndefined and EJSON do
  return Object.entries(obj).filter(([, v]) => v !== undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !('_bsontype' in value);
}

function isContainer(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

/** Colouring of each token class; PLAIN is the identity so width measurement ignores escapes. */
export interface Styles {
  key(printed: string, raw?: string): string;
  string(s: string): string;
  path(s: string): string;
  number(s: string): string;
  keyword(s: string): string;
  ctor(s: string): string;
}

const id = (s: string): string => s;
const PLAIN: Styles = { key: id, string: id, path: id, number: id, keyword: id, ctor: id };

function styles(color: boolean): Styles {
  if (!color) return PLAIN;
  // An explicit level: the caller decided about colour (terminal, NO_COLOR), not chalk's own detection.
  const c = new Chalk({ level: 1 });
  return {
    // operators (`$group`) stand out from output field names
    key: (printed, raw) => (raw ?? printed).startsWith('$') ? c.cyan(printed) : printed,
    string: (s) => c.green(s),
    path: (s) => c.magenta(s),
    number: (s) => c.yellow(s),
    keyword: (s) => c.yellow(s),
    ctor: (s) => c.blue(s),
  };
}
