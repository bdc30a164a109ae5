import { SqlEtlError, type SourceSpan } from '../errors.js';
import { lit, type Expr } from '../ir/expr.js';
import { arrayText } from './array-text.js';
import { parseLiteral } from './literals.js';

/**
 * jsonb key existence (lowered in src/mongo/lower-json-containment.ts): `x ? 'k'` (is k
 * a top-level key of an object, a string element of an array, or the string itself),
 * `x ?| '{a,b}'` (any of them), `x ?& '{a,b}'` (all of them). A quoted left side is
 * jsonb, a quoted right side text (`?`) or text[] (`?|`, `?&`), as PostgreSQL resolves
 * them. Bound as PostgreSQL's functions of these operators.
 */
export function bindJsonExistence(op: '?' | '?|' | '?&', l: Expr, r: Expr, span?: SourceSpan): Expr {
  const quoted = (e: Expr): string | undefined => (e.kind === 'literal' && e.type === 'unknown' && typeof e.value === 'string' ? e.value : undefined);
  const lText = quoted(l);
  const rText = quoted(r);
  const json = lText !== undefined ? lit(parseLiteral(lText, 'json', 'jsonb', l.span), 'json', l.span) : l;
  const keys = rText === undefined ? r : op === '?' ? lit(rText, 'text', r.span) : lit(arrayText(rText, r.span), 'array', r.span);
  const isNull = (e: Expr) => e.kind === 'literal' && e.value === null;
  const want = op === '?' ? 'text' : 'array';
  const bad = (e: Expr, type: string) => !isNull(e) && e.type !== type && e.type !== 'unknown';
  if (bad(json, 'json') || bad(keys, want)) {
    const name = (e: Expr) => (e.type === 'json' ? 'jsonb' : e.type === 'array' ? 'text[]' : e.type);
    throw new SqlEtlError('undefined-function', 'bind', `operator does not exist: ${name(json)} ${op} ${name(keys)}`, { span, params: { function: op } });
  }
  const name = op === '?' ? 'jsonb_exists' : op === '?|' ? 'jsonb_exists_any' : 'jsonb_exists_all';
  return { kind: 'func', name, args: [json, keys], type: 'bool', span };
}
