import { unsupported } from '../errors.js';
import type { Expr, FuncExpr } from '../ir/expr.js';
import { cond, isNull, letIn, literal, type Mql } from './mql.js';

/**
 * jsonb containment `a @> b` (and `b <@ a`) where one side is a constant, by PostgreSQL's
 * rules ("jsonb Containment and Existence"): an object contains another when each of the
 * other's keys is present and its value contained, recursively; an array contains another
 * when each of the other's elements is contained in some element of it (order and
 * duplicates do not matter; a scalar element only equals a scalar); scalars contain an
 * equal scalar (numbers by value: 1 and 1.0 are equal, as MongoDB's `$eq` says too);
 * values of different kinds never contain each other, except at the top level, where an
 * array contains a scalar that is one of its elements. The constant's structure is known
 * when compiling, so the test is a fixed expression that follows it: a conjunction of
 * per-key and per-element tests, never a recursion over the data. NULL gives NULL.
 */
export function jsonbContains(f: FuncExpr, lower: (e: Expr) => Mql): Mql {
  const [container, contained] = f.args;
  const constant = (e: Expr): e is Extract<Expr, { kind: 'literal' }> => e.kind === 'literal' && e.value !== null;
  const guarded = (e: Expr, test: (x: string) => Mql): Mql => letIn({ c0: lower(e) }, cond(isNull('$$c0'), null, test('$$c0')));
  if (constant(contained)) return guarded(container, (x) => contains(x, contained.value as unknown as Json, 0, true));
  if (constant(container)) return guarded(contained, (x) => containedIn(x, container.value as unknown as Json, 0, true));
  throw unsupported('lower', 'jsonb containment of two values that are not constants', f.span, ['write the contained side as a constant: profile @> \'{"premium": true}\'']);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const typeIs = (x: Mql, type: string): Mql => ({ $eq: [{ $type: x }, type] });
const isComposite = (j: Json): j is Json[] | { [key: string]: Json } => j !== null && typeof j === 'object';
/** A key's value of `x` (missing when absent), read safely: `$getField` fails on an input that is not a document. */
const member = (x: Mql, key: string): Mql => ({ $getField: { field: { $literal: key }, input: cond(typeIs(x, 'object'), x, null) } });
/** `x` as an array, or an empty one (so `$in`/`$map` never fail on other values). */
const elements = (x: Mql): Mql => cond({ $isArray: [x] }, x, []);
/** A scalar equal to the constant `j` (JSON null only equals a present null, not an absent key). */
const equalScalar = (x: Mql, j: Json): Mql => (j === null ? typeIs(x, 'null') : { $eq: [x, literal(j)] });
const all = (tests: Mql[]): Mql => (tests.length === 1 ? tests[0] : { $and: tests });

/** Binds `x` to a variable of this depth unless it is one, so a subexpression is evaluated once. */
function named(x: Mql, depth: number, body: (v: string) => Mql): Mql {
  if (typeof x === 'string' && x.startsWith('$$')) return body(x);
  const v = `c${depth}`;
  return letIn({ [v]: x }, body(`$$${v}`));
}

/** `x @> j`: x contains the constant j. */
function contains(x: Mql, j: Json, depth: number, top: boolean): Mql {
  if (!isComposite(j)) {
    // the top-level exception: an array contains a scalar that is one of its elements
    return top && j !== null ? { $or: [equalScalar(x, j), { $in: [literal(j), elements(x)] }] } : equalScalar(x, j);
  }
  return named(x, depth, (v) => {
    if (Array.isArray(j)) {
      const each = j.map((e): Mql => {
        if (!isComposite(e)) return { $in: [literal(e), elements(v)] };
        const w = `e${depth}`;
        return { $anyElementTrue: [{ $map: { input: elements(v), as: w, in: contains(`$$${w}`, e, depth + 1, false) } }] };
      });
      return all([{ $isArray: [v] }, ...each]);
    }
    return all([typeIs(v, 'object'), ...Object.entries(j).map(([k, value]) => contains(member(v, k), value, depth + 1, false))]);
  });
}

/** `x <@ j`: the constant j contains x. */
function containedIn(x: Mql, j: Json, depth: number, top: boolean): Mql {
  if (!isComposite(j)) return equalScalar(x, j);
  return named(x, depth, (v) => {
    if (Array.isArray(j)) {
      // every element of x is contained in some element of j
      const w = `e${depth}`;
      const each = { $allElementsTrue: [{ $map: { input: elements(v), as: w, in: { $or: j.map((e) => containedIn(`$$${w}`, e, depth + 1, false)) } } }] };
      const asArray = all([{ $isArray: [v] }, each]);
      // the top-level exception: a scalar x is contained in an array holding it
      const scalars = j.filter((e) => !isComposite(e) && e !== null);
      return top && scalars.length > 0 ? { $or: [asArray, { $in: [v, literal(scalars)] }] } : asArray;
    }
    // x's keys are among j's, and each of j's keys that x has holds a contained value
    const keys = { $map: { input: { $objectToArray: cond(typeIs(v, 'object'), v, { $literal: {} }) }, as: 'f', in: '$$f.k' } };
    const perKey = Object.entries(j).map(([k, value]) => ({ $or: [typeIs(member(v, k), 'missing'), containedIn(member(v, k), value, depth + 1, false)] }));
    return all([typeIs(v, 'object'), { $setIsSubset: [keys, literal(Object.keys(j))] }, ...perKey]);
  });
}

/**
 * jsonb key existence (`?`, `?|`, `?&`): the strings a value offers are an object's
 * top-level keys, an array's elements (only a string equals a string) or the value
 * itself. NULL elements of the key list are ignored, as PostgreSQL ignores them.
 */
export function jsonbExists([value, keys]: Mql[], mode: 'one' | 'any' | 'all'): Mql {
  const offered = cond(
    typeIs('$$j', 'object'),
    { $map: { input: { $objectToArray: cond(typeIs('$$j', 'object'), '$$j', { $literal: {} }) }, as: 'f', in: '$$f.k' } },
    cond({ $isArray: ['$$j'] }, '$$j', ['$$j']),
  );
  const wanted = { $filter: { input: cond({ $isArray: ['$$q'] }, '$$q', []), as: 'w', cond: typeIs('$$w', 'string') } };
  const test = mode === 'one' ? { $in: ['$$q', offered] } : mode === 'any' ? { $gt: [{ $size: { $setIntersection: [offered, wanted] } }, 0] } : { $setIsSubset: [wanted, offered] };
  return letIn({ j: value }, letIn({ q: keys }, cond({ $or: [isNull('$$j'), isNull('$$q')] }, null, test)));
}
