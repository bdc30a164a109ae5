import type { Expr, FuncExpr } from '../ir/expr.js';
import { mayBeNull } from '../catalog/nullability.js';
import { cond, isNull, letIn, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * `jsonb_set(target, path, new_value, create_missing)` with a constant path (bound by
 * src/sql/bind-jsonb-set.ts), as PostgreSQL's setPath walks it: at an object a step is
 * a key — the last one is replaced, or added when create_missing; an earlier one is
 * descended into when present, else the value is left as it is. At an array a step is an
 * index (0-based, negative from the end) — the last one is replaced when in range, else
 * with create_missing the new value is put first (an index before the start) or last; a
 * step that is not an integer raises PostgreSQL's error. At a scalar the walk stops, but
 * a scalar target raises `cannot set path in scalar`. The path is known, so the
 * expression follows it step by step: `$setField` for keys, a `$map` over the indexes
 * for array elements. A NULL target or new value gives NULL.
 */
export function jsonbSet(f: FuncExpr, lower: (e: Expr) => Mql): Mql {
  const [target, pathArg, value, createArg] = f.args;
  const path = (pathArg as { value: string[] }).value;
  const create = (createArg as { value: boolean }).value;
  // an empty path leaves the target as it is
  const walk = path.length === 0 ? '$$t' : setAt('$$t', path, 0, create, f);
  // (NULL is no scalar here: DocumentDB evaluates the NULL test's other branch too, where the raise must not fire)
  const scalar = { $not: [{ $in: [{ $type: '$$t' }, ['object', 'array', 'null', 'missing']] }] };
  const body = cond(isNull('$$t'), null, raiseIf(cond(scalar, null, walk), scalar, 'invalid-parameter-value', ['cannot set path in scalar'], f.span));
  // a non-literal new value may be SQL NULL (a literal null is the JSON null 'null'::jsonb: SQL NULL was bound to NULL)
  const newValue = lower(value);
  const guarded = value.kind !== 'literal' && mayBeNull(value) ? cond(isNull('$$nv'), null, body) : body;
  return letIn({ t: lower(target) }, letIn({ nv: value.kind === 'literal' ? newValue : { $ifNull: [newValue, null] } }, guarded));
}

const typeIs = (x: Mql, type: string): Mql => ({ $eq: [{ $type: x }, type] });

/** `v` (a variable) with the path from step `i` set to `$$nv`. */
function setAt(v: string, path: string[], i: number, create: boolean, f: FuncExpr): Mql {
  if (i === path.length) return '$$nv';
  const key = path[i];
  const last = i === path.length - 1;
  const child = `$$s${i}`;

  // (each operator reads a value of its own kind: DocumentDB evaluates both branches of a $cond)
  const obj = cond(typeIs(v, 'object'), v, null);
  const arr = cond({ $isArray: [v] }, v, []);

  // an object: the key
  const member = { $getField: { field: { $literal: key }, input: obj } };
  const present = { $ne: [{ $type: member }, 'missing'] };
  const replaced = (x: Mql) => ({ $setField: { field: { $literal: key }, input: obj, value: x } });
  const inObject = last ? (create ? replaced('$$nv') : cond(present, replaced('$$nv'), v)) : cond(present, letIn({ [`s${i}`]: member }, replaced(setAt(child, path, i + 1, create, f))), v);

  // an array: the index (PostgreSQL reads the step as an integer, or fails)
  let inArray: Mql;
  if (!/^\s*[+-]?\d+$/.test(key) || Math.abs(Number(key)) > 2147483647) {
    inArray = raiseIf(v, { $isArray: [v] }, 'invalid-text-representation', [`path element at position ${i + 1} is not an integer: "${key}"`], f.span);
  } else {
    const index = Number(key);
    const at: Mql = index >= 0 ? index : { $add: [{ $size: arr }, index] };
    const inRange = { $and: [{ $gte: ['$$at', 0] }, { $lt: ['$$at', { $size: arr }] }] };
    const element = { $arrayElemAt: [arr, { $max: ['$$at', 0] }] };
    const replacement = last ? '$$nv' : letIn({ [`s${i}`]: element }, setAt(child, path, i + 1, create, f));
    const replaceAt = letIn({ x: replacement }, { $map: { input: { $range: [0, { $size: arr }] }, as: 'i', in: cond({ $eq: ['$$i', '$$at'] }, '$$x', { $arrayElemAt: [arr, '$$i'] }) } });
    const outside = last && create ? { $concatArrays: index < 0 ? [['$$nv'], arr] : [arr, ['$$nv']] } : v;
    inArray = letIn({ at }, cond(inRange, replaceAt, outside));
  }
  return cond(typeIs(v, 'object'), inObject, cond({ $isArray: [v] }, inArray, v));
}
