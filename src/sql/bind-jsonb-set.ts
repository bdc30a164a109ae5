import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, type Expr } from '../ir/expr.js';
import { parseLiteral } from './literals.js';
import { unwrap } from './bind-context.js';
import { arrayText } from './array-text.js';

/**
 * `jsonb_set(target, path, new_value [, create_missing])` (lowered in
 * src/mongo/lower-jsonb-set.ts). The path and create_missing must be constants: the
 * pipeline follows the path's steps, known when compiling. Quoted constants are jsonb
 * (target, new_value) and text[] (path), as PostgreSQL resolves them. jsonb_set is
 * strict: a NULL argument (SQL NULL, not the JSON null 'null'::jsonb) gives NULL.
 * Bound as `jsonb_set(target, path as a string[] literal, new_value, create_missing)`.
 */
export function bindJsonbSet(rawArgs: Node[], args: Expr[], span?: SourceSpan): Expr {
  if (args.length < 3 || args.length > 4) throw new SqlEtlError('wrong-arguments', 'bind', `function jsonb_set takes 3 to 4 argument(s), got ${args.length}`, { span });
  const [target, path, value] = args.map(asJson);
  const create = args[3] ?? lit(true, 'bool');
  if ([target, path, create].some(isSqlNull) || isSqlNullNode(rawArgs[2])) return lit(null, 'json', span);
  for (const [e, what] of [[target, 'target'], [value, 'new value']] as const) {
    if (e.type !== 'json' && e.type !== 'unknown') throw new SqlEtlError('undefined-function', 'bind', `function jsonb_set(${e.type === 'array' ? 'text[]' : e.type}, …) does not exist`, { span: e.span ?? span, params: { function: 'jsonb_set' }, hints: [`cast the ${what} to jsonb`] });
  }
  const steps = pathSteps(path, span);
  if (create.kind !== 'literal' || typeof create.value !== 'boolean') throw unsupported('bind', 'jsonb_set with a create_missing that is not a constant', create.span ?? span);
  return { kind: 'func', name: 'jsonb_set', args: [target, lit(steps, 'array', path.span), value, create], type: 'json', span };
}

/** A quoted constant as jsonb ('{"a": 1}', 'null', '"x"'); a text[] path stays as it is (read by pathSteps). */
function asJson(e: Expr, i: number): Expr {
  if (i === 1 || e.kind !== 'literal' || e.type !== 'unknown' || typeof e.value !== 'string') return e;
  return lit(parseLiteral(e.value, 'json', 'jsonb', e.span), 'json', e.span);
}

const isSqlNull = (e: Expr): boolean => e.kind === 'literal' && e.value === null && e.type !== 'json';

/** SQL's NULL (`NULL`, `NULL::jsonb`), which a bound literal cannot tell from the JSON null 'null'::jsonb. */
function isSqlNullNode(node: Node | undefined): boolean {
  if (!node) return false;
  let [tag, body] = unwrap(node);
  while (tag === 'TypeCast') [tag, body] = unwrap(body.arg);
  return tag === 'A_Const' && !!body.isnull;
}

/** The path's keys: a text[] constant ('{a,b}', '{"a b",0}') or ARRAY['a', 'b']. */
function pathSteps(path: Expr, span?: SourceSpan): string[] {
  let steps: (string | null)[] | undefined;
  if (path.kind === 'literal' && typeof path.value === 'string') steps = arrayText(path.value, path.span ?? span);
  else if (path.kind === 'literal' && Array.isArray(path.value) && path.value.every((x) => typeof x === 'string' || x === null)) steps = path.value as (string | null)[];
  else if (path.kind === 'func' && path.name === 'array' && path.args.every((a) => a.kind === 'literal' && (typeof a.value === 'string' || typeof a.value === 'number' || a.value === null))) {
    steps = path.args.map((a) => (a.kind === 'literal' && a.value !== null ? String(a.value) : null));
  }
  if (!steps) throw unsupported('bind', 'jsonb_set with a path that is not a constant', path.span ?? span, ["write the path as a constant: '{address,city}'"]);
  const nullAt = steps.indexOf(null);
  if (nullAt >= 0) throw new SqlEtlError('invalid-literal', 'bind', `path element at position ${nullAt + 1} is null`, { span: path.span ?? span });
  return steps as string[];
}
