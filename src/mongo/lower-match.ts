import { inexactDecimal } from '../ir/types.js';
import { assertNever } from '../assert-never.js';
import { isInterval, type Expr } from '../ir/expr.js';
import type { Filter, Mql } from '../commands/mql-types.js';
import { regexOf } from './regex-pattern.js';
import { untypedDateLiteral } from './lower-expr.js';

/**
 * WHERE conjuncts that MongoDB's query language can express with SQL's meaning go
 * into a leading `$match` (index-eligible); the rest stay in `$expr`. Query
 * semantics that differ from SQL are avoided: `$ne`/`$nin` match missing and null
 * fields, so `a <> 5` becomes `$nin: [5, null]`; comparisons only against
 * constants (the query language brackets by type, as SQL's typed comparisons do).
 */
export function toQuery(e: Expr): Filter | undefined {
  switch (e.kind) {
    case 'and': {
      const parts = e.args.map(toQuery).filter((p) => p !== undefined);
      if (parts.length !== e.args.length) return undefined;
      return { $and: parts };
    }
    case 'or': {
      const parts = e.args.map(toQuery).filter((p) => p !== undefined);
      if (parts.length !== e.args.length) return undefined;
      return { $or: parts };
    }
    case 'compare': {
      let { left, right } = e;
      let op = e.op;
      if (left.kind !== 'column' && right.kind === 'column') {
        [left, right] = [right, left];
        op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>' } as const)[op];
      }
      const path = pathOf(left);
      const v = constantOf(right);
      if (path === undefined || v === undefined || v === null) return undefined;
      const ops = { '=': '$eq', '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' } as const;
      if (op === '<>') return { [path]: { $nin: [v, null] } };
      const asDate = untypedDateLiteral(right, left);
      // the query language brackets by type: each branch matches only its own type
      if (asDate) return { $or: [{ [path]: { [ops[op]]: asDate } }, { [path]: { [ops[op]]: v } }] };
      return { [path]: { [ops[op]]: v } };
    }
    case 'isnull': {
      const path = pathOf(e.arg);
      if (path === undefined) return undefined;
      return { [path]: e.negated ? { $ne: null } : { $eq: null } };
    }
    case 'inlist': {
      const path = pathOf(e.arg);
      const values = e.list.map(constantOf);
      if (path === undefined || values.some((v) => v === undefined)) return undefined;
      const nonNull = values.filter((v): v is Mql => v !== null && v !== undefined); // none is undefined (above)
      if (!e.negated) return { [path]: { $in: nonNull } };
      if (nonNull.length !== values.length) return undefined; // NOT IN (…, NULL): never TRUE
      return { [path]: { $nin: [...nonNull, null] } };
    }
    case 'like': {
      const path = pathOf(e.arg);
      if (path === undefined || e.pattern.kind !== 'literal' || typeof e.pattern.value !== 'string' || e.negated) return undefined;
      const { regex, options, backReference } = regexOf(e, e.pattern.value);
      if (backReference) return undefined; // DocumentDB refuses back references in $regex: the expression form uses $regexFind
      return { [path]: { $regex: regex, $options: options } };
    }
    case 'column': {
      // `WHERE active`: TRUE only for true (NULL, missing and false are not TRUE), as `active = true` above
      const path = e.type === 'bool' ? pathOf(e) : undefined;
      return path === undefined ? undefined : { [path]: true };
    }
    case 'not': {
      // `WHERE NOT active`: TRUE only for false (NOT NULL is NULL)
      const path = e.arg.kind === 'column' && e.arg.type === 'bool' ? pathOf(e.arg) : undefined;
      return path === undefined ? undefined : { [path]: false };
    }
    // not in the query language's terms: left to `$expr`
    case 'literal':
    case 'window':
    case 'arith':
    case 'negate':
    case 'isbool':
    case 'distinctfrom':
    case 'case':
    case 'cast':
    case 'func':
    case 'element':
    case 'agg':
    case 'subquery':
      return undefined;
    default:
      return assertNever(e, 'lower');
  }
}

function pathOf(e: Expr): string | undefined {
  if (e.kind !== 'column') return undefined;
  if (!e.path.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) return undefined;
  // a path into a document only; arrays would match element-wise in the query language
  return e.path.join('.');
}

function constantOf(e: Expr): Mql | undefined {
  if (e.kind !== 'literal') return undefined;
  if (e.inexact && e.type === 'numeric') throw inexactDecimal(e.inexact, e.span);
  const v = e.value;
  if (Array.isArray(v) || isInterval(v)) return undefined;
  return v;
}

/** Split a predicate into its top-level AND terms. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'and' ? e.args.flatMap(conjuncts) : [e];
}
