import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { isInterval, someExpr, type Expr, type Frame, type FrameBound, type SortKey, type Value, type WindowExpr, type WindowSpec } from '../ir/expr.js';
import type { SqlType } from '../ir/types.js';
import { spanOf, unwrap, type ExprBinder, type ExprContext } from './bind-context.js';
import { aggregateName, aggregateSignature, isWindowAggregate, windowFunction } from '../catalog/functions.js';
import { parseLiteral } from './literals.js';
import { charAggregate } from './bind-bpchar.js';
import { refuseTimeArgument } from './bind-time.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * Window function calls: `f(args) OVER (PARTITION BY … ORDER BY … frame)` or
 * `OVER w` with `WINDOW w AS (…)`. The frame is always made explicit here with
 * PostgreSQL's defaults: with ORDER BY, RANGE BETWEEN UNBOUNDED PRECEDING AND
 * CURRENT ROW (peers included); without, the whole partition.
 */
// PostgreSQL's frameOptions bits (nodes/parsenodes.h)
const F = {
  RANGE: 0x2, ROWS: 0x4, GROUPS: 0x8,
  START_UNBOUNDED_PRECEDING: 0x20, END_UNBOUNDED_FOLLOWING: 0x100,
  START_CURRENT_ROW: 0x200, END_CURRENT_ROW: 0x400,
  START_OFFSET_PRECEDING: 0x800, END_OFFSET_PRECEDING: 0x1000,
  START_OFFSET_FOLLOWING: 0x2000, END_OFFSET_FOLLOWING: 0x4000,
  EXCLUDE_CURRENT_ROW: 0x8000, EXCLUDE_GROUP: 0x10000, EXCLUDE_TIES: 0x20000,
  NONDEFAULT: 0x1,
};

export function bindWindowCall(name: string, n: Any, ctx: ExprContext, span: SourceSpan | undefined, binder: ExprBinder): WindowExpr {
  const { bindExpr } = binder;
  const aggName = aggregateName(name);
  const ranking = windowFunction(name);
  if (!ranking && !isWindowAggregate(aggName)) {
    throw unsupported('bind', `${name}(…) as a window function`, span);
  }
  if (n.agg_distinct) throw unsupported('bind', `${name}(DISTINCT …) OVER (…)`, span);
  if (n.agg_order) throw unsupported('bind', `ORDER BY inside ${name}(…) OVER (…)`, span);
  const argCtx: ExprContext = { ...ctx, allowWindows: false, clause: 'window function calls' } as ExprContext;
  const args = ((n.args ?? []) as Node[]).map((a) => bindExpr(a, argCtx));
  if (ranking && (args.length < ranking.min || args.length > ranking.max)) {
    throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes ${ranking.min === ranking.max ? ranking.min : `${ranking.min} to ${ranking.max}`} argument(s), got ${args.length}`, { span });
  }
  const sig = aggregateSignature(name)!; // read only for a window aggregate, which has one
  if (!ranking && !n.agg_star && (args.length < Math.max(sig.min, 1) || args.length > sig.max)) {
    throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes ${sig.max} argument(s), got ${args.length}`, { span });
  }
  const filter = n.agg_filter ? bindExpr(n.agg_filter, argCtx) : undefined;
  const spec = bindWindowSpec(n.over, ctx, binder);
  let type: SqlType;
  if (ranking) type = ranking.returns === 'arg0' ? args[0]?.type ?? 'unknown' : (ranking.returns as SqlType);
  else type = sig.returns === 'arg0' ? args[0]?.type ?? 'unknown' : (sig.returns as SqlType);
  if (!ranking) refuseRealSum(aggName ?? name, type, span);
  if (!ranking) refuseTimeArgument(aggName ?? name, args, true, span);
  if (ranking && (name === 'lag' || name === 'lead' || name === 'ntile' || name === 'nth_value')) {
    const k = name === 'ntile' ? args[0] : args[1];
    if (k && !(k.kind === 'literal' && typeof k.value === 'number' && Number.isInteger(k.value))) {
      throw unsupported('bind', `${name} with a non-constant ${name === 'ntile' ? 'bucket count' : 'offset'}`, k.span ?? span);
    }
    if (k && k.kind === 'literal' && typeof k.value === 'number' && k.value < (name === 'lag' || name === 'lead' ? 0 : 1)) {
      throw new SqlEtlError('invalid-argument', 'bind', name === 'ntile' ? 'argument of ntile must be greater than zero' : `argument of ${name} must be ${name === 'nth_value' ? 'greater than zero' : 'non-negative'}`, { span: k.span });
    }
    if ((name === 'lag' || name === 'lead') && args[2] && args[2].kind !== 'literal') {
      throw unsupported('bind', `${name} with a non-constant default`, args[2].span ?? span);
    }
  }
  const char = charAggregate(ranking ? name : aggName, args, span);
  const call: WindowExpr = { kind: 'window', name: ranking ? name : aggName, args: char.args, star: !!n.agg_star, filter, spec, type, span, ...(char.charLength !== undefined ? { charLength: char.charLength } : {}) };
  if (someExpr(call, (x) => x.kind === 'subquery')) throw unsupported('bind', `a subquery inside ${name}(…) OVER (…)`, span);
  return call;
}

function bindWindowSpec(over: Any, ctx: ExprContext, binder: ExprBinder): WindowSpec {
  const { bindExpr, bindSortKey } = binder;
  const span = spanOf(ctx, over.location);
  // `OVER w`: the named window as it is; `OVER (w …)`: its partition and order, own frame
  let base: Any | undefined;
  const refName = over.name ?? over.refname;
  if (refName) {
    base = ctx.windows?.get(refName);
    if (!base) throw new SqlEtlError('undefined-window', 'bind', `window "${refName}" does not exist`, { span });
    if (over.name) over = base;
  }
  const partitionNodes: Node[] = (base?.partitionClause ?? over.partitionClause ?? []) as Node[];
  if (base && over.partitionClause && over !== base) throw new SqlEtlError('window-partition', 'bind', `cannot override PARTITION BY clause of window "${refName}"`, { span });
  const orderNodes: Node[] = ((over.orderClause ?? base?.orderClause ?? []) as Node[]);
  const keyCtx: ExprContext = { ...ctx, allowWindows: false, clause: 'window definitions' } as ExprContext;
  const partitionBy = partitionNodes.map((p) => bindExpr(p, keyCtx));
  const orderBy: SortKey[] = orderNodes.map((s) => bindSortKey(s, keyCtx));
  return { partitionBy, orderBy, frame: bindFrame(over, orderBy, keyCtx, span, binder) };
}

/**
 * A frame offset written as a quoted literal (`RANGE BETWEEN '1 year' PRECEDING …`)
 * takes its type from the frame, as in PostgreSQL: a row count in ROWS mode, an
 * interval over a date/timestamp ORDER BY key, the key's number type otherwise.
 * Without a declared key type, text that reads as a number is one, else an interval.
 */
function typedOffset(text: string, rows: boolean, keyType: SqlType | undefined, span?: SourceSpan): Value {
  if (rows) return parseLiteral(text, 'int', 'bigint', span);
  if (keyType === 'date' || keyType === 'timestamp') return parseLiteral(text, 'interval', 'interval', span);
  // over a real key the offset is double precision (PostgreSQL's in_range for float4 takes a float8 offset)
  if (keyType === 'real') return parseLiteral(text, 'float', 'double precision', span);
  if (keyType === 'int' || keyType === 'numeric' || keyType === 'float') return parseLiteral(text, keyType, keyType === 'int' ? 'bigint' : keyType === 'float' ? 'double precision' : 'numeric', span);
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? parseLiteral(text, 'numeric', 'numeric', span) : parseLiteral(text, 'interval', 'interval', span);
}

/**
 * The constant a frame offset reduces to: a literal, or a number literal cast to a
 * number type (`2::int8`, `1::int2`), which PostgreSQL evaluates once per partition.
 * A cast to an integer type rounds as PostgreSQL's cast does (numeric half away from
 * zero, double precision half to even); other expressions stay refused.
 */
function constantOffset(e: Expr): { value: Value } | undefined {
  if (e.kind === 'literal') return { value: e.value };
  if (e.kind !== 'cast' || e.arg.kind !== 'literal' || typeof e.arg.value !== 'number') return undefined;
  const v = e.arg.value;
  if (e.to === 'numeric' || e.to === 'float') return { value: v };
  if (e.to !== 'int') return undefined;
  if (Number.isInteger(v)) return { value: v };
  const halfEven = e.arg.type === 'float';
  const rounded = halfEven && Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : Math.sign(v) * Math.round(Math.abs(v));
  return { value: rounded };
}

function bindFrame(over: Any, orderBy: SortKey[], ctx: ExprContext, span: SourceSpan | undefined, { bindExpr }: ExprBinder): Frame {
  const ordered = orderBy.length > 0;
  const opts = (over.frameOptions ?? 0) as number;
  if (!(opts & F.NONDEFAULT)) {
    return ordered
      ? { mode: 'range', start: { kind: 'unbounded-preceding' }, end: { kind: 'current-row' } }
      : { mode: 'range', start: { kind: 'unbounded-preceding' }, end: { kind: 'unbounded-following' } };
  }
  const mode = opts & F.ROWS ? 'rows' : opts & F.GROUPS ? 'groups' : 'range';
  // PostgreSQL checks this when it builds the window, offsets or not
  if (mode === 'groups' && !ordered) throw new SqlEtlError('invalid-frame', 'bind', 'GROUPS mode requires an ORDER BY clause', { span });
  const counted = mode !== 'range'; // ROWS and GROUPS offsets are bigint counts
  const offset = (node: Node | undefined, which: 'starting' | 'ending'): Value => {
    const e: Expr | undefined = node && bindExpr(node, ctx);
    if (e && someExpr(e, (x) => x.kind === 'column')) {
      throw new SqlEtlError('invalid-frame', 'bind', `argument of ${mode.toUpperCase()} must not contain variables`, { span: e.span ?? span });
    }
    const c = e && constantOffset(e);
    if (!c) throw unsupported('bind', 'a non-constant frame offset', e?.span ?? span);
    // PostgreSQL has no numeric key with a double precision offset (nor a date key with a number: below)
    const keyType = orderBy.length === 1 ? orderBy[0].expr.type : undefined;
    // PostgreSQL moves a time key by an interval's time part, wrapping nowhere: not computed over the text
    if (mode === 'range' && keyType === 'time') throw unsupported('bind', 'a RANGE frame offset over a time ORDER BY key', e.span ?? span);
    if (mode === 'range' && keyType === 'numeric' && e.type === 'float') {
      throw new SqlEtlError('invalid-frame', 'bind', 'RANGE with offset PRECEDING/FOLLOWING is not supported for column type numeric and offset type double precision', { span: e.span ?? span });
    }
    let value = typeof c.value === 'string' ? typedOffset(c.value, counted, orderBy.length === 1 ? orderBy[0].expr.type : undefined, e.span) : c.value;
    // PostgreSQL's run-time checks, here with the offset's position
    if (value === null) throw new SqlEtlError('invalid-frame', 'bind', `frame ${which} offset must not be null`, { span: e.span });
    // a numeric count is cast to bigint: rounded half away from zero, as PostgreSQL does
    if (counted && typeof value === 'number' && !Number.isInteger(value)) value = Math.sign(value) * Math.round(Math.abs(value));
    // an interval's sign is that of its length with 30-day months, as PostgreSQL compares intervals
    // a count of NaN rows is NaN cast to bigint; a NaN range offset is PostgreSQL's invalid size (in_range_float8_float8)
    if (counted && typeof value === 'number' && Number.isNaN(value)) throw new SqlEtlError('numeric-value-out-of-range', 'bind', 'bigint out of range', { span: e.span });
    const negative = typeof value === 'number' ? value < 0 || Number.isNaN(value) : isInterval(value) && (value.months * 30 + value.days) * 86_400_000 + value.ms < 0;
    if (negative) {
      throw new SqlEtlError('invalid-frame', 'bind', counted ? `frame ${which} offset must not be negative` : 'invalid preceding or following size in window function', { span: e.span });
    }
    // the count is a bigint: PostgreSQL's cast error past 2^63 - 1
    if (counted && typeof value === 'number' && value >= 2 ** 63) throw new SqlEtlError('numeric-value-out-of-range', 'bind', 'bigint out of range', { span: e.span });
    // no partition holds 2^53 rows or groups: a larger count frames the same rows, and
    // stays an exact integer for the window bounds
    if (counted && typeof value === 'number' && value > Number.MAX_SAFE_INTEGER) value = Number.MAX_SAFE_INTEGER;
    return value;
  };
  const start: FrameBound =
    opts & F.START_UNBOUNDED_PRECEDING ? { kind: 'unbounded-preceding' }
    : opts & F.START_CURRENT_ROW ? { kind: 'current-row' }
    : opts & F.START_OFFSET_PRECEDING ? { kind: 'preceding', offset: offset(over.startOffset, 'starting') }
    : { kind: 'following', offset: offset(over.startOffset, 'starting') };
  const end: FrameBound =
    opts & F.END_UNBOUNDED_FOLLOWING ? { kind: 'unbounded-following' }
    : opts & F.END_CURRENT_ROW ? { kind: 'current-row' }
    : opts & F.END_OFFSET_PRECEDING ? { kind: 'preceding', offset: offset(over.endOffset, 'ending') }
    : opts & F.END_OFFSET_FOLLOWING ? { kind: 'following', offset: offset(over.endOffset, 'ending') }
    : { kind: 'current-row' }; // `ROWS n PRECEDING` without BETWEEN ends at the current row
  if (mode === 'range' && (start.kind === 'preceding' || start.kind === 'following' || end.kind === 'preceding' || end.kind === 'following') && !ordered) {
    throw new SqlEtlError('invalid-frame', 'bind', 'RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column', { span });
  }
  const exclude =
    opts & F.EXCLUDE_CURRENT_ROW ? 'current-row' : opts & F.EXCLUDE_GROUP ? 'group' : opts & F.EXCLUDE_TIES ? 'ties' : undefined;
  return exclude ? { mode, start, end, exclude } : { mode, start, end };
}

/**
 * sum(real) adds in single precision, rounding after every row, in the order rows
 * arrive: its result depends on that order and differs from the rounded exact sum,
 * which is all a \$group can give.
 */
export function refuseRealSum(name: string, type: SqlType, span?: SourceSpan): void {
  if (name === 'sum' && type === 'real') {
    throw unsupported('bind', 'sum of real values (PostgreSQL adds them in single precision, rounding after each row)', span, ['sum(x::float8) adds in double precision']);
  }
}
