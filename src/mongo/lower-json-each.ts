import type { SourceSpan } from '../errors.js';
import { cond, isNull, letIn, notNull, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * The arrays whose elements are the rows of PostgreSQL's object-walking set-returning
 * functions: `jsonb_each[_text](x)` (`{k, v}` pairs, unwound by the plan's unnest, whose
 * relation reads `k` and `v`) and `jsonb_object_keys(x)` (the keys). `$objectToArray`
 * lists a document's fields. A NULL (or missing) argument gives no rows, as PostgreSQL's
 * strict functions do; a value that is not an object raises PostgreSQL's error (its
 * words name the function as called: `json_each` or `jsonb_each`). PostgreSQL lists a
 * jsonb object's keys shortest first, MongoDB in stored order: without ORDER BY the
 * order is unspecified in both, and an ORDER BY key sorts both alike.
 */

const isObject = (x: Mql): Mql => ({ $eq: [{ $type: x }, 'object'] });
/** A value that is there and not an object: the raise's own condition excludes NULL, since DocumentDB evaluates the NULL test's other branch too. */
const presentNonObject = (x: Mql): Mql => ({ $and: [notNull(x), { $not: [isObject(x)] }] });

/** `$objectToArray` of `$$o` when it is an object, else of an empty one (the raise decides then): never fails itself. */
const fieldsOf = (): Mql => ({ $objectToArray: cond(isObject('$$o'), '$$o', { $literal: {} }) });

/** jsonb_each / jsonb_each_text: `[{k, v}]`; `asText` prints each value as jsonb_each_text does. */
export function eachPairs(x: Mql, name: string, asText: boolean, span?: SourceSpan): Mql {
  const pairs = asText ? { $map: { input: fieldsOf(), as: 'p', in: { k: '$$p.k', v: jsonValueText('$$p.v', span) } } } : fieldsOf();
  return letIn(
    { o: x },
    cond(isNull('$$o'), [], raiseIf(pairs, presentNonObject('$$o'), 'invalid-parameter-value', [`cannot call ${name} on a non-object`], span)),
  );
}

/** jsonb_object_keys: the keys; PostgreSQL's error says whether it met an array or a scalar. */
export function objectKeys(x: Mql, name: string, span?: SourceSpan): Mql {
  return letIn(
    { o: x },
    cond(
      isNull('$$o'),
      [],
      raiseIf({ $map: { input: fieldsOf(), as: 'p', in: '$$p.k' } }, presentNonObject('$$o'), 'invalid-parameter-value', [`cannot call ${name} on `, cond({ $isArray: ['$$o'] }, 'an array', 'a scalar')], span),
    ),
  );
}

/**
 * A jsonb value as jsonb_each_text (and `->>`'s PostgreSQL) prints it: a string as it is
 * (no quotes), booleans `true`/`false`, JSON null as NULL, an integer by its digits.
 * Refused at run time (positioned): an object or an array (PostgreSQL prints its own key
 * order and spacing), and a number whose shortest text MongoDB or JavaScript may
 * write with an exponent (PostgreSQL's numeric never does): magnitudes from 1e15, or below 1e-4.
 */
export function jsonValueText(v: Mql, span?: SourceSpan): Mql {
  const composite = { $in: [{ $type: '$$v' }, ['object', 'array']] };
  // every number type: the embedded engine's numbers are doubles typed int/long when integral, and JavaScript writes 1e21 so
  // (the magnitude of a non-number reads 1: DocumentDB evaluates every operand of $and)
  const magnitude = { $abs: cond({ $isNumber: '$$v' }, '$$v', 1) };
  const exponent = { $and: [{ $ne: [magnitude, 0] }, { $or: [{ $gte: [magnitude, 1e15] }, { $lt: [magnitude, 1e-4] }] }] };
  const text = {
    $switch: {
      branches: [
        { case: isNull('$$v'), then: null },
        { case: { $eq: [{ $type: '$$v' }, 'string'] }, then: '$$v' },
        { case: { $eq: [{ $type: '$$v' }, 'bool'] }, then: cond('$$v', 'true', 'false') },
        { case: composite, then: null },
      ],
      default: { $toString: '$$v' },
    },
  };
  return letIn(
    { v },
    raiseIf(
      raiseIf(text, composite, 'feature-not-supported', ['a jsonb object or array as the text of jsonb_each_text is not supported yet'], span),
      exponent,
      'feature-not-supported',
      ['a jsonb number from 1e15 or below 1e-4 as text is not supported yet (PostgreSQL prints all its decimal digits, MongoDB may use an exponent)'],
      span,
    ),
  );
}
