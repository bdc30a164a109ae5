import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, type Expr } from '../ir/expr.js';

/**
 * character(n) (`char(n)`, `bpchar(n)`; `char` alone is character(1)), as PostgreSQL
 * computes it. sqletl holds a character(n) value without its trailing blanks and marks
 * the expression with `charLength` n:
 *
 * - comparisons, GROUP BY, DISTINCT, UNION/INTERSECT/EXCEPT, joins, IN, ORDER BY, min/max
 *   ignore trailing blanks in PostgreSQL (bpchar's operators compare the value without
 *   them), so they read the held value as it is;
 * - the cast to text drops trailing blanks in PostgreSQL, so `||`, length(), upper(),
 *   substring(), string_agg() … read the held value as it is;
 * - what PostgreSQL shows with the blanks — the output (src/plan/show-char-columns.ts),
 *   what a write stores (src/mongo/lower-write.ts), LIKE and regular expressions, concat(),
 *   concat_ws(), format(), json_build_*(), array_agg() and the JSON aggregates — reads the
 *   value padded again to n (`shownChar`).
 *
 * Where PostgreSQL's result is a character value of no known length whose blanks sqletl
 * no longer has (a CASE/COALESCE mixing character(n) with other text or another length,
 * `bpchar` without a length), the binder refuses it at its position.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const stringsOf = (nodes: Any[] | undefined): string[] => (nodes ?? []).map((x: Any) => x.String?.sval as string);

/** The longest character(n) sqletl pads */
const MAX_PADDED_LENGTH = 4096;

/** Trailing blanks (spaces only: PostgreSQL's bpchar ignores no other white space) dropped. */
export const withoutTrailingBlanks = (s: string): string => s.replace(/ +$/, '');

/**
 * The n of character(n) for a type name node; undefined for another type. `bpchar`
 * without a length is refused: its values keep their trailing blanks as written, which
 * sqletl does not hold.
 */
export function charLengthOf(typeName: Any, span?: SourceSpan): number | undefined {
  const names = stringsOf(typeName.names);
  if (names[names.length - 1] !== 'bpchar') return undefined;
  const n = (typeName.typmods as Any[] | undefined)?.[0]?.A_Const?.ival?.ival;
  if (typeof n !== 'number' && (typeName.typmods as Any[] | undefined)?.length) throw new SqlEtlError('invalid-parameter-value', 'bind', 'length for type char must be at least 1', { span });
  if (typeof n !== 'number') {
    throw unsupported('bind', 'type bpchar without a length', span, ['its values keep their trailing blanks as written, which sqletl does not hold: use character(n) or text']);
  }
  if (n < 1) throw new SqlEtlError('invalid-parameter-value', 'bind', 'length for type char must be at least 1', { span });
  if (n > 10485760) throw new SqlEtlError('invalid-parameter-value', 'bind', 'length for type char cannot exceed 10485760', { span });
  // the padding is a constant of n blanks in the pipeline (lower-bpchar.ts)
  if (n > MAX_PADDED_LENGTH) throw unsupported('bind', `character(${n}) (longer than ${MAX_PADDED_LENGTH})`, span, ['use varchar(n) or text']);
  return n;
}

/**
 * An explicit cast to character(n) (`x::char(n)`, `CAST(x AS character(n))`): the text cut
 * to n characters, held without trailing blanks. A constant is cast here.
 */
export function castToChar(arg: Expr, n: number, span?: SourceSpan): Expr {
  if (arg.kind === 'literal' && arg.value === null) return { ...lit(null, 'text', arg.span ?? span), charLength: n };
  if (arg.kind === 'literal' && typeof arg.value === 'string') {
    return { ...lit(withoutTrailingBlanks([...arg.value].slice(0, n).join('')), 'text', arg.span ?? span), charLength: n };
  }
  if (arg.type === 'json' || arg.type === 'array' || arg.type === 'interval') {
    throw unsupported('bind', `casting a ${arg.type === 'json' ? 'jsonb' : arg.type} value to character(${n})`, span);
  }
  return { kind: 'cast', arg, to: 'text', typeName: 'bpchar', type: 'text', span, length: n, char: 'held', charLength: n };
}

/** A character(n) value as PostgreSQL shows it (padded with blanks to n); other values as they are. */
export function shownChar(e: Expr): Expr {
  const n = e.charLength;
  if (n === undefined) return e;
  if (e.kind === 'literal') return lit(typeof e.value === 'string' ? e.value.padEnd(n + e.value.length - [...e.value].length, ' ') : e.value, e.type, e.span);
  return { kind: 'cast', arg: e, to: 'text', typeName: 'bpchar', type: 'text', span: e.span, length: n, char: 'shown' };
}

/**
 * A quoted constant compared with a character(n) value is read as character too: its
 * trailing blanks do not count (`c = 'ab  '` is `c = 'ab'`). A value of another type
 * (text, a cast) is compared as text, as PostgreSQL resolves `bpchar = text`.
 */
export function besideChar(e: Expr, other: Expr): Expr {
  if (other.charLength === undefined || e.charLength !== undefined) return e;
  if (e.kind === 'literal' && e.type === 'unknown' && typeof e.value === 'string') return { ...lit(withoutTrailingBlanks(e.value), 'text', e.span), charLength: other.charLength };
  // varchar beside character(n) is read as character too (PostgreSQL's bpchar = varchar): its trailing blanks go
  if (e.varchar) {
    if (e.kind === 'literal') return typeof e.value === 'string' ? { ...lit(withoutTrailingBlanks(e.value), 'text', e.span), charLength: other.charLength } : e;
    return { kind: 'func', name: 'rtrim', args: [e, lit(' ', 'text')], type: 'text', span: e.span, charLength: other.charLength };
  }
  return e;
}

/**
 * The length of a value chosen among `exprs` (CASE, COALESCE, GREATEST, a set operation's
 * column, VALUES). PostgreSQL types the result as its first input of a known type (untyped
 * quoted constants and NULLs aside): text or varchar there makes it text, and a
 * character(n) value read as text loses its trailing blanks, as sqletl holds it. A
 * character(n) there makes it character, which keeps each value's own blanks: character(n)
 * when every other value is character(n) of the same n (or NULL), and otherwise values
 * padded differently, which sqletl does not hold: refused at `span`.
 */
export function commonCharLength(exprs: Expr[], what: string, span?: SourceSpan): { charLength?: number } {
  const isNull = (e: Expr) => e.kind === 'literal' && e.value === null && e.charLength === undefined;
  const first = exprs.find((e) => !isNull(e) && !(e.kind === 'literal' && e.type === 'unknown'));
  const n = first?.charLength;
  if (n === undefined) return {};
  // a quoted constant of n characters or more, not ending in a blank, shows as it is in both readings
  const asItIs = (e: Expr) => e.kind === 'literal' && e.type === 'unknown' && typeof e.value === 'string' && [...e.value].length >= n && !e.value.endsWith(' ');
  if (exprs.every((e) => isNull(e) || e.charLength === n || asItIs(e))) return { charLength: n };
  throw unsupported('bind', `${what} mixing character(${n}) with other text or another length`, span, [
    'PostgreSQL keeps each value\'s own trailing blanks there; cast every value to the same character(n), or the first one to text',
  ]);
}

/** A function or operator that PostgreSQL does not define over character(n) and sqletl does not reproduce: refused when given one. */
export function refuseCharArgument(args: Expr[], what: string, span?: SourceSpan): void {
  if (args.some((a) => a.charLength !== undefined)) throw unsupported('bind', `${what} of a character(n) value`, span, ['cast it to text first']);
}

/** Functions that print their arguments with PostgreSQL's output function: they see character(n) padded. */
const SHOWING = new Set(['concat', 'concat_ws', 'format', 'json_build_object', 'json_build_array']);
/** Functions that choose one of their arguments: the result is character(n) when the arguments are. */
const CHOOSING = new Set(['coalesce', 'greatest', 'least']);

/**
 * A scalar function's arguments and result as character(n) asks: padded where the function
 * prints them, the length carried where it returns one of them, refused where PostgreSQL
 * would keep the value's type in a way sqletl does not (arrays).
 */
export function charFunction(name: string, args: Expr[], span?: SourceSpan, written: Expr[] = args): { args: Expr[]; charLength?: number } {
  if (!args.some((a) => a.charLength !== undefined)) return { args };
  if (SHOWING.has(name)) return { args: args.map(shownChar) };
  // (`written`: the arguments before their untyped constants were typed, as PostgreSQL resolves the type)
  if (CHOOSING.has(name)) return { args, ...commonCharLength(written, name, span) };
  if (name === 'nullif') return { args, ...(args[0].charLength !== undefined ? { charLength: args[0].charLength } : {}) };
  if (name.startsWith('array') || name === 'cardinality' || name === 'op_any' || name === 'op_all' || name === 'generate_series') refuseCharArgument(args, name === 'array' ? 'ARRAY[…]' : name, span);
  return { args };
}

/**
 * An aggregate or window function over character(n): min, max and the value functions
 * (first_value, lag, …) return one of the values (still character(n)); array_agg and the
 * JSON aggregates print them (padded); the others read them as text.
 */
export function charAggregate(name: string, args: Expr[], span?: SourceSpan): { args: Expr[]; charLength?: number } {
  const x = args[0];
  if (x?.charLength === undefined) return { args };
  if (['array_agg', 'json_agg', 'jsonb_agg', 'json_object_agg', 'jsonb_object_agg'].includes(name)) return { args: args.map(shownChar) };
  if (['min', 'max', 'first_value', 'last_value', 'nth_value', 'mode', 'percentile_disc'].includes(name)) return { args, charLength: x.charLength };
  if (name === 'lag' || name === 'lead') {
    const d = args[2];
    if (d && !(d.kind === 'literal' && d.value === null) && d.charLength !== x.charLength) {
      throw unsupported('bind', `${name} of a character(n) value with a default of another type`, d.span ?? span, ['cast the default to the same character(n)']);
    }
    return { args, charLength: x.charLength };
  }
  return { args };
}
