import type { Mql, MqlDocument } from '../commands/mql-types.js';

export type { Mql, MqlDocument } from '../commands/mql-types.js';

/**
 * Small builders for MongoDB aggregation expressions, shared by every lowering
 * file. They exist so the NULL rules are written once: in aggregation
 * expressions a missing field and null behave differently (`$eq` of missing and
 * null is false) and null sorts below every value (`$lt: [null, 1]` is true),
 * so SQL's "NULL" test is always `$ifNull`-based.
 */

/**
 * A value read from a collection, put back into a command (an `_id` to delete, a COPY
 * row for `$documents`). A stored document holds BSON values only, which `Mql`
 * describes, but the engines type documents' values `unknown` (the driver's and mingo's
 * documents are untyped): the one place such a value is taken as `Mql`, unchecked.
 */
export const fromData = (v: unknown): Mql => v as Mql;

/** x IS NULL, true for a missing field too. */
export const isNull = (x: Mql): MqlDocument => ({ $eq: [{ $ifNull: [x, null] }, null] });
export const notNull = (x: Mql): MqlDocument => ({ $ne: [{ $ifNull: [x, null] }, null] });

/**
 * Operators whose result is always a value (null for null or missing operands),
 * never "missing": MongoDB's arithmetic, date, comparison, string and conversion
 * expressions. A field path, a variable, `$getField` and `$arrayElemAt` (out of
 * range) can be missing; they are not here.
 */
const VALUE_OPERATORS = new Set([
  '$add', '$subtract', '$multiply', '$divide', '$mod', '$abs', '$ceil', '$floor', '$trunc', '$round', '$pow', '$sqrt', '$exp', '$ln', '$log', '$log10',
  '$year', '$month', '$dayOfMonth', '$hour', '$minute', '$second', '$millisecond', '$dayOfWeek', '$dayOfYear', '$week', '$isoWeek', '$isoWeekYear', '$isoDayOfWeek',
  '$dateTrunc', '$dateAdd', '$dateSubtract', '$dateDiff', '$dateToString',
  '$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$and', '$or', '$not', '$in', '$regexMatch', '$isArray', '$isNumber', '$type',
  '$concat', '$toLower', '$toUpper', '$substrCP', '$strLenCP', '$indexOfCP', '$toString', '$toLong', '$toInt', '$toDouble', '$toBool', '$toDate', '$convert',
]);

/** True when `x` evaluates to a value (possibly null), never to a missing field. */
export function neverMissing(x: Mql | undefined): boolean {
  if (x === undefined) return false;
  if (x === null || typeof x === 'number' || typeof x === 'boolean' || x instanceof Date) return true;
  if (typeof x === 'string') return !x.startsWith('$');
  if (isMqlArray(x)) return true;
  if (typeof x !== 'object' || x instanceof RegExp || '_bsontype' in x) return false;
  const keys = Object.keys(x);
  if (keys.length !== 1) return false;
  const op = keys[0];
  const arg = x[op];
  if (op === '$literal' || VALUE_OPERATORS.has(op)) return true;
  if (op === '$cond') return isMqlArray(arg) ? neverMissing(arg[1]) && neverMissing(arg[2]) : isMqlDocument(arg) && neverMissing(arg.then) && neverMissing(arg.else);
  if (op === '$ifNull') return isMqlArray(arg) && neverMissing(arg[arg.length - 1]);
  if (op === '$let') return isMqlDocument(arg) && neverMissing(arg.in);
  if (op === '$switch') {
    if (!isMqlDocument(arg) || !('default' in arg) || !isMqlArray(arg.branches)) return false;
    return neverMissing(arg.default) && arg.branches.every((b) => isMqlDocument(b) && neverMissing(b.then));
  }
  return false;
}

/** `Array.isArray` for an expression: it does not narrow a readonly array type by itself. */
export const isMqlArray = (x: Mql | undefined): x is readonly Mql[] => Array.isArray(x);

/** An operator or plain document, not a BSON value (Date, RegExp, a bson class instance) nor an array. */
export const isMqlDocument = (x: Mql | undefined): x is MqlDocument =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date) && !(x instanceof RegExp) && !('_bsontype' in x);

/**
 * `x`, with a missing field turned into null. Where missing and null differ (a
 * `$group` key, an output field: a missing field is left out of the document),
 * NULL must be null; an expression that is never missing needs no `$ifNull`.
 */
export const orNull = (x: Mql): Mql => (neverMissing(x) ? x : { $ifNull: [x, null] });

/** `x`, or no field at all when it is NULL or missing (SQL's NULL is a missing field in a stored document). */
export const orRemove = (x: Mql): MqlDocument => ({ $ifNull: [x, '$$REMOVE'] });

/** `cond ? then : else` */
export const cond = (c: Mql, then: Mql, otherwise: Mql): MqlDocument => ({ $cond: [c, then, otherwise] });

/** NULL when any of `guards` is NULL, else `value`. */
export function nullIfAnyNull(guards: Mql[], value: Mql): Mql {
  if (guards.length === 0) return value;
  const test = guards.length === 1 ? isNull(guards[0]) : { $or: guards.map(isNull) };
  return cond(test, null, value);
}

/** A constant in expression position: `$`-strings, arrays and objects must not be interpreted. */
export function literal(v: Mql): Mql {
  if (typeof v === 'string' && v.startsWith('$')) return { $literal: v };
  if (Array.isArray(v) || (typeof v === 'object' && v !== null && !(v instanceof Date))) return { $literal: v };
  return v;
}

/** A field path as an expression (`$a.b`); unsafe names go through $getField. */
export function fieldRef(path: string[]): Mql {
  // `$$name…`: a variable (join and correlated-subquery `let` bindings)
  if (path[0].startsWith('$$')) return [path[0], ...path.slice(1)].join('.');
  if (path.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) return `$${path.join('.')}`;
  let e: Mql = '$$CURRENT';
  for (const p of path) e = { $getField: { field: { $literal: p }, input: e } };
  return e;
}

/** `let` bindings so a sub-expression is evaluated once. */
export function letIn(vars: Record<string, Mql>, body: Mql): MqlDocument {
  const names = Object.keys(vars);
  // nested, one variable each, unless a later expression reads an earlier name (an outer variable)
  const clash = names.some((n, i) => i > 0 && readsAny(vars[n], new Set(names.slice(0, i))));
  return clash ? { $let: { vars, in: body } } : oneVariableEach(names.map((n) => [n, vars[n]]), body);
}

/** `$let`s of one variable each, for bindings whose expressions cannot read each other's names. */
export const nestedLet = (vars: Record<string, Mql>, body: Mql): MqlDocument => oneVariableEach(Object.entries(vars), body);

const MAX_NESTED_LETS = 8;

/**
 * `$let`s of one variable each, the first outermost. The same expression on MongoDB
 * as one `$let` binding them all (when no later expression reads an earlier name);
 * MqlDocumentDB (Azure Cosmos DB vCore, FerretDB 2) crashes its backend on any `$let`
 * with two or more variables (measured: two fields, a field and a constant, two
 * constants) and runs nested single ones.
 */
function oneVariableEach(pairs: [string, Mql][], body: Mql): MqlDocument {
  // past a few, nesting would eat MongoDB's 200-level depth limit (a 1,000-term OR): one $let
  if (pairs.length > MAX_NESTED_LETS) return { $let: { vars: Object.fromEntries(pairs), in: body } };
  let out = body;
  for (const [n, v] of [...pairs].reverse()) out = { $let: { vars: { [n]: v }, in: out } };
  return out as MqlDocument;
}

/** Does `x` mention one of the variables `names` (`$$name`, `$$name.path`)? */
function readsAny(x: Mql, names: Set<string>): boolean {
  if (x === null || typeof x === 'number' || typeof x === 'boolean' || x instanceof Date) return false;
  const text = typeof x === 'string' ? x : JSON.stringify(x);
  for (const m of text.matchAll(/\$\$([A-Za-z0-9_]+)/g)) if (names.has(m[1])) return true;
  return false;
}

export const isIntegerType = (x: Mql): MqlDocument => ({ $in: [{ $type: x }, ['int', 'long']] });

/**
 * Binds non-trivial operands to `$let` variables, so an expression that needs an
 * operand twice (a NULL guard and the operation itself) holds it once: without
 * this, nesting doubles the pipeline at every level.
 */
let sharedDepth = 0;
export function shared(values: Mql[], body: (refs: Mql[]) => Mql): Mql {
  const vars: Record<string, Mql> = {};
  const depth = sharedDepth++;
  try {
    const refs = values.map((v, i) => {
      if (v === undefined || v === null || typeof v !== 'object' || v instanceof Date) return v;
      const name = `s${depth}_${i}`;
      vars[name] = v;
      return `$$${name}`;
    });
    const out = body(refs);
    // a value cannot read another's name: each was lowered before this depth's names were bound
    return Object.keys(vars).length ? oneVariableEach(Object.entries(vars), out) : out;
  } finally {
    sharedDepth--;
  }
}

/**
 * The row's 1-based position in its `$setWindowFields` partition, in `sortBy` order.
 * Not `$documentNumber`: MongoDB (and MqlDocumentDB) accept `$documentNumber`, `$rank`
 * and `$denseRank` only with a `sortBy` of exactly one field (error 5371602), and a
 * SQL ORDER BY becomes two fields per key (a null rank and the value). A running
 * count over a documents window has no such limit and numbers the rows the same way.
 */
export const rowNumber = (): MqlDocument => ({ $sum: 1, window: { documents: ['unbounded', 'current'] } });

/**
 * The strings of `list` (an array expression) joined by `sep`, each through `each`; an
 * empty list gives null. The first element is the fold's initial value, not null then
 * a test on every step: MqlDocumentDB's `$reduce` answers null for `initialValue: null`.
 */
export function joinStrings(list: Mql, sep: Mql, each: (x: Mql) => Mql = (x) => x): MqlDocument {
  return {
    $reduce: {
      input: { $slice: [list, 1, { $max: [{ $size: list }, 1] }] },
      initialValue: each({ $arrayElemAt: [list, 0] }),
      in: { $concat: ['$$value', sep, each('$$this')] },
    },
  };
}
