import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, mapExpr, someExpr, type AggExpr, type ArithOp, type ColumnExpr, type CompareOp, type Expr, type SortKey, type SubqueryExpr, type Value } from '../ir/expr.js';
import type { Query } from '../ir/query.js';
import { arithScale, scaleField, scaleOf, writtenScale } from '../ir/numeric-scale.js';
import { similarToRegex } from './similar-pattern.js';
import { bindJsonbSet } from './bind-jsonb-set.js';
import { bindJsonExistence } from './bind-json-existence.js';
import { intRangeOf, intWidthOf, isDateType, isInexactIntegerText, isNumericType, typeFromName, widthField, type IntWidth, type SqlType } from '../ir/types.js';
import { aggregateName, aggregateSignature, hypotheticalSet, scalarName, scalarSignature, withinGroupSignature, setReturning } from '../catalog/functions.js';
import { inexactInteger, isInexactDecimalText, parseLiteral } from './literals.js';
import { relativeDate } from './relative-dates.js';
import { parseTypeName } from './parse.js';
import { bindWindowCall, refuseRealSum } from './bind-window.js';
import { besideChar, castToChar, charAggregate, charFunction, charLengthOf, commonCharLength, refuseCharArgument, shownChar } from './bind-bpchar.js';
import { spanOf, unwrap, type ExprContext } from './bind-context.js';
import { castToTime, literalTypeBesideTime, refuseTimeArgument, timeArithType, timePrecisionOf } from './bind-time.js';
import { refuseRowOperand, refuseRowQuantifier, rowCompare, rowDistinct, rowFields, rowIsNull, rowPresence, rowValue, subqueryFields, type PairCompare } from './bind-row.js';

type Any = Record<string, any>; // raw parse-tree node bodies (JSON from libpg-query)

export function stringsOf(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => (n as { String?: { sval: string } }).String?.sval ?? '*');
}

const PG_TYPE_NAMES: Partial<Record<SqlType, string>> = {
  int: 'integer',
  numeric: 'numeric',
  float: 'double precision',
  text: 'text',
  date: 'date',
  timestamp: 'timestamp without time zone',
  interval: 'interval',
  json: 'jsonb',
};

/**
 * PostgreSQL refuses a condition that is not boolean (`WHERE 5`, `x AND 1`): so do
 * we, with its message. Untyped literals and parameters are typed by this context
 * (`WHERE 't'` is true), and unknown types are checked at run time like any value.
 */
export function requireBoolean(e: Expr, what: string, fallback?: SourceSpan): void {
  if (e.type === 'bool' || e.type === 'unknown') return;
  if (e.type === 'text' && e.kind === 'literal') return;
  // a row value (`ON o`, `WHERE t`) is no condition either (PostgreSQL names the row's type; sqletl says record)
  const name = e.type === 'record' ? 'record' : PG_TYPE_NAMES[e.type];
  if (!name) return;
  throw new SqlEtlError('datatype-mismatch', 'bind', `argument of ${what} must be type boolean, not type ${name}`, { span: e.span ?? fallback });
}

export function bindExpr(node: Node, ctx: ExprContext): Expr {
  const e = bindExprNode(node, ctx);
  // a row value is an operand only where its printed form is the record's answer (bind-row.ts)
  refuseRowOperand(e);
  return e;
}

/** `ROW(a, t.*)`: the fields, `t.*` standing for t's columns as in PostgreSQL. */
function rowFieldsOf(args: Node[], ctx: ExprContext): Expr[] {
  return args.flatMap((a) => {
    const [tag, body] = unwrap(a);
    const fields = tag === 'ColumnRef' ? stringsOf(body.fields) : [];
    if (fields.length === 2 && fields[1] === '*') return rowFields(wholeRowRef(fields[0], ctx, spanOf(ctx, body.location))) ?? [];
    return [bindExpr(a, ctx)];
  });
}

function wholeRowRef(name: string, ctx: ExprContext, span?: SourceSpan): Expr {
  const whole = ctx.scope.wholeRow(name, span);
  if (!whole) throw new SqlEtlError('undefined-table', 'bind', `missing FROM-clause entry for table "${name}"`, { span, params: { table: name } });
  return whole;
}

function bindExprNode(node: Node, ctx: ExprContext): Expr {
  const [tag, n] = unwrap(node);
  const span = spanOf(ctx, n.location);
  switch (tag) {
    case 'RowExpr':
      return rowValue(rowFieldsOf((n.args ?? []) as Node[], ctx), span);
    case 'ColumnRef': {
      const fields = stringsOf(n.fields);
      // `t.*` in an expression: t's whole row
      if (fields.length === 2 && fields[1] === '*') return wholeRowRef(fields[0], ctx, span);
      if (fields.includes('*')) throw unsupported('bind', '* in an expression', span);
      if (fields.length === 1 && ctx.aliasLookup) {
        const aliased = ctx.aliasLookup(fields[0]);
        if (aliased) return aliased;
      }
      return ctx.scope.resolve(fields, { start: span?.start ?? 0, end: (span?.start ?? 0) + fields.join('.').length });
    }
    case 'A_Const':
      return bindConst(n, span);
    case 'ParamRef':
      return valueLiteral(ctx.param(n.number, span), span);
    case 'TypeCast':
      return bindCast(n, ctx, span);
    case 'A_Expr':
      return bindAExpr(n, ctx, span);
    case 'BoolExpr': {
      const args = (n.args as Node[]).map((a) => bindExpr(a, ctx));
      const op = n.boolop === 'NOT_EXPR' ? 'NOT' : n.boolop === 'AND_EXPR' ? 'AND' : 'OR';
      for (const a of args) requireBoolean(a, op, span);
      if (n.boolop === 'NOT_EXPR') return { kind: 'not', arg: args[0], type: 'bool', span };
      return { kind: n.boolop === 'AND_EXPR' ? 'and' : 'or', args, type: 'bool', span };
    }
    case 'NullTest': {
      // `ROW(a, b) IS NULL`, `t IS NULL`: every field NULL (bind-row.ts)
      const arg = bindExprNode(n.arg, ctx);
      const fields = rowFields(arg);
      if (fields) return rowIsNull(fields, n.nulltesttype === 'IS_NOT_NULL', span);
      refuseRowOperand(arg);
      return { kind: 'isnull', arg, negated: n.nulltesttype === 'IS_NOT_NULL', type: 'bool', span };
    }
    case 'BooleanTest': {
      const arg = bindExpr(n.arg, ctx);
      const t = n.booltesttype as string;
      if (t === 'IS_UNKNOWN' || t === 'IS_NOT_UNKNOWN') return { kind: 'isnull', arg, negated: t === 'IS_NOT_UNKNOWN', type: 'bool', span };
      return { kind: 'isbool', arg, value: t === 'IS_TRUE' || t === 'IS_NOT_TRUE', negated: t.startsWith('IS_NOT'), type: 'bool', span };
    }
    case 'CaseExpr':
      return bindCase(n, ctx, span);
    case 'CoalesceExpr':
      return funcExpr('coalesce', (n.args as Node[]).map((a) => bindExpr(a, ctx)), span);
    case 'MinMaxExpr':
      return funcExpr(n.op === 'IS_GREATEST' ? 'greatest' : 'least', (n.args as Node[]).map((a) => bindExpr(a, ctx)), span);
    case 'SQLValueFunction': {
      const op = n.op as string;
      if (op === 'SVFOP_CURRENT_DATE') return funcExpr('current_date', [], span);
      if (op.startsWith('SVFOP_CURRENT_TIMESTAMP') || op.startsWith('SVFOP_LOCALTIMESTAMP')) return funcExpr('now', [], span);
      throw unsupported('bind', op.replace('SVFOP_', '').toLowerCase(), span);
    }
    case 'FuncCall':
      return bindFuncCall(n, ctx, span);
    case 'A_Indirection':
      return bindIndirection(n, ctx);
    case 'A_ArrayExpr': {
      const elems = ((n.elements ?? []) as Node[]).map((e) => bindExpr(e, ctx));
      // an array would carry the single's double (1.100000023841858) where PostgreSQL prints 1.1
      if (elems.some((e) => e.type === 'real')) throw unsupported('bind', 'an array of real values', span, ['cast them to double precision or numeric']);
      if (elems.every((e) => e.kind === 'literal')) return lit(elems.map((e) => (e.kind === 'literal' ? e.value : null)), 'array', span);
      return funcExpr('array', elems, span, 'array');
    }
    case 'SubLink':
      return bindSubLink(n, ctx, span);
    case 'GroupingFunc': {
      const inner: ExprContext = { ...ctx, allowAggregates: false, clause: 'GROUPING' };
      const args = ((n.args ?? []) as Node[]).map((a) => bindExpr(a, inner));
      // of the enclosing query's columns it is that query's, wherever it sits in this subquery (its WHERE too)
      const enclosing = enclosingGrouping(args, ctx, span);
      if (enclosing) return enclosing;
      if (!ctx.allowAggregates) throw new SqlEtlError('aggregate-not-allowed', 'bind', `grouping operations are not allowed in ${ctx.clause}`, { span });
      return funcExpr('grouping', args, span, 'int');
    }
    default:
      throw unsupported('bind', describeNode(tag), span);
  }
}

/**
 * GROUPING(…) inside a subquery, of the enclosing query's columns: it belongs to the
 * enclosing query (PostgreSQL's rule: the level of its arguments), so it is computed
 * there, as that query's grouping bits, and read here as a captured outer value, as a
 * correlated column is. Undefined when the arguments are this query's own.
 */
function enclosingGrouping(args: Expr[], ctx: ExprContext, span?: SourceSpan): Expr | undefined {
  const capture = ctx.scope.capture;
  if (!capture || args.length === 0) return undefined;
  const outerValue = (e: ColumnExpr) => (e.path.length === 1 && e.path[0].startsWith('$$') ? capture.refs.find((r) => `$$${r.name}` === e.path[0])?.expr : undefined);
  const columnsOf = (e: Expr) => {
    const found: ColumnExpr[] = [];
    someExpr(e, (x) => (x.kind === 'column' && found.push(x), false));
    return found;
  };
  const outerArgs = args.map((a) => {
    const cols = columnsOf(a);
    const outer = cols.filter((c) => outerValue(c) !== undefined);
    if (outer.length === 0) return undefined;
    if (outer.length !== cols.length) throw new SqlEtlError('grouping-argument', 'bind', 'arguments to GROUPING must be grouping expressions of the associated query level', { span: a.span ?? span });
    return mapExpr(a, (x) => (x.kind === 'column' ? outerValue(x) : undefined));
  });
  if (outerArgs.every((a) => a === undefined)) return undefined;
  if (outerArgs.some((a) => a === undefined)) throw new SqlEtlError('grouping-argument', 'bind', 'arguments to GROUPING must be grouping expressions of the associated query level', { span });
  // an argument that is itself captured from further out: GROUPING of a query two levels up
  if (outerArgs.some((a) => someExpr(a!, (x) => x.kind === 'column' && x.path[0]?.startsWith('$$')))) throw unsupported('bind', 'GROUPING() of the grouping columns of a query more than one level out', span);
  const name = capture.captureValue(funcExpr('grouping', outerArgs as Expr[], span, 'int'));
  return { kind: 'column', path: [`$$${name}`], type: 'int', span };
}

function describeNode(tag: string): string {
  const names: Record<string, string> = {
    RowExpr: 'a row constructor', CollateClause: 'COLLATE', GroupingFunc: 'GROUPING()', XmlExpr: 'XML',
    A_Star: '*', SetToDefault: 'DEFAULT', JsonObjectConstructor: 'JSON_OBJECT', JsonArrayConstructor: 'JSON_ARRAY',
  };
  return names[tag] ?? `the expression ${tag}`;
}

function bindConst(n: Any, span?: SourceSpan): Expr {
  if (n.isnull) return lit(null, 'unknown', span);
  // an integer constant is an int4, or an int8 beyond int4's range (as PostgreSQL types it)
  if (n.ival !== undefined) return { ...lit(n.ival.ival ?? 0, 'int', span), intWidth: 32 };
  if (n.fval !== undefined) {
    const text = n.fval.fval as string;
    const value = Number(text);
    // PostgreSQL's numeric holds 1e400 exactly; MongoDB's doubles cannot: say so instead of computing with Infinity
    if (!Number.isFinite(value)) {
      throw new SqlEtlError('numeric-out-of-range', 'bind', `the number ${text.length > 40 ? `${text.slice(0, 40)}…` : text} is out of range: sqletl computes numeric values as doubles (about ±1.8e308)`, { span });
    }
    // an integer beyond bigint's range is a numeric in PostgreSQL (`99999999999999999999::bigint` fails there)
    const integral = /^[+-]?\d+$/.test(text) && BigInt(text) <= 9223372036854775807n && BigInt(text) >= -9223372036854775808n;
    if (isInexactIntegerText(text)) throw inexactInteger(text, span);
    if (integral) return { ...lit(value, 'int', span), intWidth: 64 };
    // its scale as written (`1.50` prints 1.50 as text, and is rounded to 2 decimals in arithmetic)
    return isInexactDecimalText(text) ? { ...lit(value, 'numeric', span), inexact: text } : { ...lit(value, 'numeric', span), ...scaleField(writtenScale(text)) };
  }
  if (n.boolval !== undefined) return lit(n.boolval.boolval ?? false, 'bool', span);
  if (n.sval !== undefined) return { ...lit(n.sval.sval ?? '', 'unknown', span), span: span && { start: span.start, end: span.start + (n.sval.sval ?? '').length + 2 } };
  if (n.bsval !== undefined) throw unsupported('bind', 'bit-string literals', span);
  return lit(null, 'unknown', span);
}

/** A bound parameter value (from --var or the library's vars): typed like a literal. */
function valueLiteral(v: Value, span?: SourceSpan): Expr {
  if (typeof v === 'number') return lit(v, Number.isInteger(v) ? 'int' : 'numeric', span);
  if (typeof v === 'boolean') return lit(v, 'bool', span);
  if (v instanceof Date) return lit(v, 'timestamp', span);
  if (typeof v === 'string') return lit(v, 'unknown', span);
  return lit(v, 'unknown', span);
}

export function typeNameOf(typeName: Any): string {
  const names = stringsOf(typeName.names);
  const last = names[names.length - 1];
  return last;
}

/** The scale of numeric(p, s) (numeric(p) has scale 0); undefined for a plain numeric or another type. */
export function numericScaleOf(typeName: Any): number | undefined {
  if (typeFromName(typeNameOf(typeName)) !== 'numeric') return undefined;
  const mods = (typeName.typmods ?? []) as Any[];
  if (mods.length === 0) return undefined;
  // libpg-query leaves out an integer that is 0
  return mods.length > 1 ? Number(mods[1]?.A_Const?.ival?.ival ?? 0) : 0;
}

/** The precision of numeric(p[, s]) (undefined for a plain numeric or another type). */
function numericPrecisionOf(typeName: Any): number | undefined {
  if (typeFromName(typeNameOf(typeName)) !== 'numeric') return undefined;
  const p = ((typeName.typmods ?? []) as Any[])[0]?.A_Const?.ival?.ival;
  return typeof p === 'number' ? p : undefined;
}

/**
 * Types whose PostgreSQL semantics sqletl does not reproduce, refused where they are
 * written rather than computed as another type: `character(n)` without its blank
 * padding, `"char"` as text.
 */
export function refuseUnsupportedType(typeName: Any, span?: SourceSpan): void {
  const names = stringsOf(typeName.names);
  const last = names[names.length - 1];
  // character(n) is computed (bind-bpchar.ts); bpchar without a length is refused there
  if (last === 'bpchar') charLengthOf(typeName, span);
  if (names.length === 1 && last === 'char') throw unsupported('bind', 'type "char" (the single-byte internal type)', span, ['use text']);
}

/** The length of varchar(n) (undefined for a plain varchar or another type). */
export function varcharLengthOf(typeName: Any): number | undefined {
  if (typeNameOf(typeName) !== 'varchar') return undefined;
  const n = (typeName.typmods as Any[] | undefined)?.[0]?.A_Const?.ival?.ival;
  return typeof n === 'number' ? n : undefined;
}

function bindCast(n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const typeName = typeNameOf(n.typeName);
  const castSpan = spanOf(ctx, n.typeName.location) ?? span;
  if (n.typeName.arrayBounds) throw unsupported('bind', `cast to ${typeName}[]`, castSpan);
  refuseUnsupportedType(n.typeName, castSpan);
  const charLength = charLengthOf(n.typeName, castSpan);
  if (charLength !== undefined) return castToChar(bindExpr(n.arg, ctx), charLength, castSpan);
  const to = typeFromName(typeName);
  if (!to) throw new SqlEtlError('unknown-type', 'bind', `type "${typeName}" is not supported`, { span: castSpan });
  if (to === 'time') return castToTime(bindExpr(n.arg, ctx), timePrecisionOf(n.typeName, castSpan), castSpan);
  // `99999999999999999999::bigint`: PostgreSQL's error at the cast, before sqletl would refuse the constant as inexact
  const digits = to === 'int' ? (n.arg as Any)?.A_Const?.fval?.fval : undefined;
  if (typeof digits === 'string' && /^[+-]?\d+$/.test(digits)) {
    const range = intRangeOf(typeName);
    if (BigInt(digits) < range.exact[0] || BigInt(digits) > range.exact[1]) throw new SqlEtlError('numeric-value-out-of-range', 'bind', `${range.name} out of range`, { span: castSpan });
  }
  const bound = bindExpr(n.arg, ctx);
  if (bound.type === 'record') {
    // a row value is held as its text (bind-row.ts): `::text` is that text, another type is refused
    if (typeName !== 'text') throw unsupported('bind', `casting a row value to ${typeName}`, castSpan);
    return { ...bound, type: 'text' };
  }
  // a constant cast to double precision is rounded to a double, as in PostgreSQL: no exactness to lose
  const arg = to === 'float' && bound.kind === 'literal' && bound.inexact ? { ...bound, type: 'float' as const, inexact: undefined } : bound;
  const scale = numericScaleOf(n.typeName);
  if (scale !== undefined) return { kind: 'cast', arg, to, typeName, type: to, span: castSpan, scale, precision: numericPrecisionOf(n.typeName) };
  // varchar(n): an explicit cast cuts the text to n characters
  const length = varcharLengthOf(n.typeName);
  if (length !== undefined) {
    if (arg.kind === 'literal' && typeof arg.value === 'string') return { ...lit([...arg.value].slice(0, length).join(''), to, arg.span ?? span), varchar: true };
    if (!(arg.kind === 'literal' && arg.value === null)) return { kind: 'cast', arg, to, typeName, type: to, span: castSpan, length, varchar: true };
  }
  if (typeName === 'varchar' && arg.kind !== 'literal') return { kind: 'cast', arg, to, typeName, type: to, span: castSpan, varchar: true };
  if (arg.kind === 'literal') {
    // constant folding: '2024-01-31'::date, '30 days'::interval, '12'::int
    if (arg.value === null) return lit(null, to, arg.span);
    if (typeof arg.value === 'string') {
      const relative = relativeDate(arg.value, to, arg.span ?? span);
      if (relative) return relative;
      // a numeric keeps the text's scale (`'2.50'::numeric` prints 2.50)
      const scale = to === 'numeric' ? scaleField(writtenScale(arg.value)) : {};
      return { ...lit(parseLiteral(arg.value, to, typeName, arg.span), to, arg.span ?? span), ...widthField(to, intWidthOf(typeName)), ...scale, ...(typeName === 'varchar' ? { varchar: true } : {}) };
    }
    // 1.1::real: the constant's own digits read as float4in reads them
    if (to === 'real' && typeof arg.value === 'number') {
      const digits = (n.arg as Any)?.A_Const?.fval?.fval;
      return lit(parseLiteral(typeof digits === 'string' ? digits : String(arg.value), 'real', 'real', arg.span ?? castSpan), 'real', arg.span ?? span);
    }
  }
  if (to === 'interval') throw unsupported('bind', 'casting a non-constant to interval', castSpan);
  return { kind: 'cast', arg, to, typeName, type: to, span: castSpan, ...widthField(to, intWidthOf(typeName)) };
}

/** Type names that are also functions of one argument in PostgreSQL (pg_proc), bound as the cast they are. */
const CAST_FUNCTIONS = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'text', 'bool']);

const COMPARE: Record<string, CompareOp> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function bindAExpr(n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const name = stringsOf(n.name)[0];
  const kind = n.kind as string;
  const left = () => bindExpr(n.lexpr, ctx);
  const right = () => bindExpr(n.rexpr, ctx);
  const rowArgs = (x: Node | undefined): Node[] | undefined => {
    if (!x) return undefined;
    const [tag, body] = unwrap(x);
    return tag === 'RowExpr' ? ((body.args ?? []) as Node[]) : undefined;
  };
  // row constructors, compared field by field (bind-row.ts)
  const pair: PairCompare = (op, l, r) => binaryOp(op, l, r, span);
  const fieldsOf = (row: Node[]) => rowFieldsOf(row, ctx);
  const leftRow = rowArgs(n.lexpr);
  if (leftRow && kind === 'AEXPR_OP' && COMPARE[name]) {
    const rightRow = rowArgs(n.rexpr);
    if (rightRow) return rowCompare(COMPARE[name], fieldsOf(leftRow), fieldsOf(rightRow), pair, span);
    const [rtag, rbody] = unwrap(n.rexpr);
    if (rtag === 'SubLink' && rbody.subLinkType === 'EXPR_SUBLINK') {
      // `(a, b) = (SELECT x, y …)`: PostgreSQL's row comparison with a one-row subquery
      const { query, outer } = ctx.bindSubquery(rbody.subselect);
      const at = spanOf(ctx, rbody.location) ?? span;
      return rowCompare(COMPARE[name], fieldsOf(leftRow), subqueryFields({ kind: 'subquery', query, outer, negated: false, span: at }, leftRow.length, at), pair, span);
    }
    throw unsupported('bind', 'comparing a row constructor with a composite value', span);
  }
  if (leftRow && (kind === 'AEXPR_DISTINCT' || kind === 'AEXPR_NOT_DISTINCT')) {
    const rightRow = rowArgs(n.rexpr);
    if (!rightRow) throw unsupported('bind', 'IS DISTINCT FROM between a row constructor and a composite value', span);
    const distinct = (l: Expr, r: Expr, negated: boolean): Expr => {
      const [a, b] = coercePair(l, r);
      return { kind: 'distinctfrom', left: a, right: b, negated, type: 'bool', span };
    };
    return rowDistinct(fieldsOf(leftRow), fieldsOf(rightRow), kind === 'AEXPR_NOT_DISTINCT', distinct, span);
  }
  if (leftRow && kind === 'AEXPR_IN') {
    const list = (n.rexpr as Node[] | { List: { items: Node[] } }) as unknown;
    const items = Array.isArray(list) ? (list as Node[]) : ((list as { List: { items: Node[] } }).List?.items ?? []);
    const rows = items.map((i) => rowArgs(i));
    if (rows.some((r) => !r)) throw unsupported('bind', 'IN with a row constructor and a list of non-rows', span);
    const alternatives = rows.map((r) => rowCompare('=', fieldsOf(leftRow), fieldsOf(r!), pair, span));
    const any: Expr = alternatives.length === 1 ? alternatives[0] : { kind: 'or', args: alternatives, type: 'bool', span };
    return name === '<>' ? { kind: 'not', arg: any, type: 'bool', span } : any;
  }
  if (leftRow) throw unsupported('bind', `the operator ${name} on row constructors`, span);
  switch (kind) {
    case 'AEXPR_OP': {
      if (!n.lexpr) {
        const arg = right();
        if ((name === '-' || name === '+') && NOT_ARITHMETIC.has(arg.type)) throw noOperator(`${name} ${pgOperandName(arg)}`, span);
        if (name === '-') {
          if (arg.kind === 'literal' && typeof arg.value === 'number') return { ...lit(-arg.value, arg.type, span), ...widthField(arg.type, arg.intWidth) };
          return { kind: 'negate', arg, type: arg.type, span, ...widthField(arg.type, arg.intWidth), ...(arg.type === 'numeric' ? scaleField(scaleOf(arg)) : {}) };
        }
        if (name === '+') return arg;
        // |/ x is sqrt(x), ||/ x is cbrt(x), @ x is abs(x)
        if (name === '|/' || name === '||/') return funcExpr(name === '|/' ? 'sqrt' : 'cbrt', [coerceTo(arg, 'float')], span);
        if (name === '@') {
          if (NOT_ARITHMETIC.has(arg.type)) throw noOperator(`@ ${pgOperandName(arg)}`, span);
          return { ...funcExpr('abs', [arg], span), ...widthField(arg.type, arg.intWidth) };
        }
        if (name === '~') {
          const [x] = bitOperands('~', [arg], span);
          return { kind: 'func', name: '~', args: [x], type: 'int', span, ...widthField('int', x.intWidth) };
        }
        throw unsupported('bind', `prefix operator ${name}`, span);
      }
      return binaryOp(name, left(), right(), span);
    }
    case 'AEXPR_DISTINCT':
    case 'AEXPR_NOT_DISTINCT': {
      const [l, r] = coercePair(left(), right());
      return { kind: 'distinctfrom', left: l, right: r, negated: kind === 'AEXPR_NOT_DISTINCT', type: 'bool', span };
    }
    case 'AEXPR_NULLIF': {
      const [l, r] = coercePair(left(), right());
      return funcExpr('nullif', [l, r], span);
    }
    case 'AEXPR_IN': {
      const arg = left();
      const list = (n.rexpr as Node[] | { List: { items: Node[] } }) as unknown;
      const items = Array.isArray(list) ? (list as Node[]) : ((list as { List: { items: Node[] } }).List?.items ?? []);
      let bound = items.map((i) => coerceTo(besideChar(bindExpr(i, ctx), arg), arg.type));
      // PostgreSQL casts the items that read no column, when there are several, to their common type with the
      // left side (which keeps its own): `real_col IN (1.1, 2)` compares singles, `real_col IN (1.1)` is `real_col = 1.1`
      const constant = (e: Expr) => !someExpr(e, (x) => x.kind === 'column');
      if (bound.filter(constant).length > 1 && commonType([arg, ...bound.filter(constant)]) === 'real') bound = bound.map((e) => (constant(e) ? coerceToCommon(e, 'real') : e));
      const argTyped = bound.length ? coercePair(arg, bound[0])[0] : arg;
      return { kind: 'inlist', arg: argTyped, list: bound, negated: name === '<>', type: 'bool', span };
    }
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE': {
      const pattern = likePattern(n.rexpr, ctx);
      // LIKE reads character(n) with its blanks ('ab'::char(3) LIKE 'ab_' is true)
      return { kind: 'like', arg: shownChar(left()), pattern, syntax: 'like', caseInsensitive: kind === 'AEXPR_ILIKE', negated: name.startsWith('!'), type: 'bool', span };
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN': {
      const arg = left();
      const [lo, hi] = (n.rexpr.List.items as Node[]).map((i) => bindExpr(i, ctx));
      const ge = binaryOp('>=', arg, lo, span);
      const le = binaryOp('<=', arg, hi, span);
      const both: Expr = { kind: 'and', args: [ge, le], type: 'bool', span };
      return kind === 'AEXPR_NOT_BETWEEN' ? { kind: 'not', arg: both, type: 'bool', span } : both;
    }
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL': {
      // `x op ANY (array)` / `x op ALL (array)` (the subquery forms are SubLinks)
      const op = COMPARE[name];
      if (!op) throw unsupported('bind', `${name} ${kind === 'AEXPR_OP_ANY' ? 'ANY' : 'ALL'} (…)`, span);
      const arr = right();
      const x = left();
      refuseCharArgument([x], `${name} ${kind === 'AEXPR_OP_ANY' ? 'ANY' : 'ALL'} (array)`, span);
      const elemType = arr.kind === 'literal' && Array.isArray(arr.value) ? commonType(arr.value.map((v) => lit(v, typeof v === 'number' ? 'numeric' : 'unknown'))) : 'unknown';
      return funcExpr(kind === 'AEXPR_OP_ANY' ? 'op_any' : 'op_all', [lit(op, 'text'), coerceTo(x, elemType), arr], span, 'bool');
    }
    case 'AEXPR_SIMILAR': {
      // PostgreSQL's own rewrite: `x SIMILAR TO p ESCAPE e` is `x ~ similar_to_escape(p, e)`
      const arg = shownChar(left());
      const regex = similarRegex(n.rexpr, ctx, span);
      if (regex === null) return lit(null, 'bool', span);
      return { kind: 'like', arg, pattern: regex, syntax: 'regex', caseInsensitive: false, negated: name.startsWith('!'), type: 'bool', span };
    }
    default:
      throw unsupported('bind', `the operator ${name}`, span);
  }
}

/** types without arithmetic operators in PostgreSQL: `true + 1` is `operator does not exist: boolean + integer` */
const NOT_ARITHMETIC = new Set<SqlType>(['text', 'bool', 'json', 'array']);

function pgOperandName(e: Expr): string {
  const names: Partial<Record<SqlType, string>> = { int: 'integer', numeric: 'numeric', float: 'double precision', real: 'real', bool: 'boolean', text: 'text', json: 'jsonb', date: 'date', timestamp: 'timestamp with time zone', interval: 'interval', time: 'time without time zone' };
  return e.type === 'array' ? 'an array' : names[e.type] ?? e.type;
}

function noOperator(what: string, span?: SourceSpan): SqlEtlError {
  return new SqlEtlError('undefined-function', 'bind', `operator does not exist: ${what}`, { params: { function: what }, span, hints: ['cast an operand to the type you mean, e.g. x::numeric'] });
}

export function binaryOp(name: string, l: Expr, r: Expr, span?: SourceSpan): Expr {
  const cmp = COMPARE[name];
  if (cmp) {
    const [a, b] = coercePair(l, r);
    // a time compares only with a time (its text would compare with text, or with nothing else)
    if ((a.type === 'time') !== (b.type === 'time') && a.type !== 'unknown' && b.type !== 'unknown') throw noOperator(`${pgOperandName(a)} ${name} ${pgOperandName(b)}`, span);
    return { kind: 'compare', op: cmp, left: a, right: b, type: 'bool', span };
  }
  switch (name) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '^': {
      const [ca, cb] = coerceArith(l, r, name);
      const [a, b] = [asDoubleBeside(ca, cb.type), asDoubleBeside(cb, ca.type)];
      const timeType = timeArithType(name, a, b, () => noOperator(`${pgOperandName(a)} ${name} ${pgOperandName(b)}`, span), span);
      if (timeType) return { kind: 'arith', op: name, left: a, right: b, type: timeType, span };
      if (NOT_ARITHMETIC.has(a.type) || NOT_ARITHMETIC.has(b.type)) {
        if (name === '-' && a.type === 'json' && (b.type === 'text' || b.type === 'int')) throw unsupported('bind', 'jsonb - key (deleting a key or element)', span);
        throw noOperator(`${pgOperandName(a)} ${name} ${pgOperandName(b)}`, span);
      }
      // PostgreSQL has no % for real or double precision. Double precision only where it is
      // certain (a column, cast or literal of the type): some functions sqletl computes as
      // doubles (power, ln, sqrt of numeric) are numeric in PostgreSQL, which has % for them
      const certainFloat = (x: Expr) => x.type === 'float' && (x.kind === 'column' || x.kind === 'cast' || x.kind === 'literal');
      if (name === '%' && (a.type === 'real' || b.type === 'real' || certainFloat(a) || certainFloat(b))) throw noOperator(`${pgOperandName(a)} ${name} ${pgOperandName(b)}`, span);
      const type = arithType(name, a.type, b.type);
      // int2 + int4 is an int4, int4 * int8 an int8: the wider operand's width, when both are known
      const width = a.intWidth && b.intWidth && a.type === 'int' && b.type === 'int' ? (Math.max(a.intWidth, b.intWidth) as IntWidth) : undefined;
      return { kind: 'arith', op: name, left: a, right: b, type, span, ...widthField(type, width), ...(type === 'numeric' ? scaleField(arithScale(name as ArithOp, a, b)) : {}) };
    }
    case '&':
    case '|':
    case '#': {
      const [a, b] = bitOperands(name, [l, r], span);
      const width = a.intWidth && b.intWidth ? (Math.max(a.intWidth, b.intWidth) as IntWidth) : undefined;
      return { kind: 'func', name, args: [a, b], type: 'int', span, ...widthField('int', width) };
    }
    case '<<':
    case '>>': {
      const [a, b] = bitOperands(name, [l, r], span);
      // the count is an integer (a smallint widens to it), never a bigint
      if (b.intWidth === 64) throw noOperator(`${intTypeName(a)} ${name} bigint`, span);
      return { kind: 'func', name, args: [a, b], type: 'int', span, ...widthField('int', a.intWidth) };
    }
    case '||':
      return funcExpr('||', [l, r], span, 'text');
    case '->':
    case '->>':
      return { kind: 'element', arg: l, key: r, asText: name === '->>', type: name === '->>' ? 'text' : 'json', span };
    case '#>':
    case '#>>': {
      if (r.kind !== 'literal' || typeof r.value !== 'string') throw unsupported('bind', `${name} with a non-constant path`, span);
      const keys = r.value.replace(/^\{|\}$/g, '').split(',').map((k) => k.trim().replace(/^"|"$/g, ''));
      let e: Expr = l;
      keys.forEach((k, i) => {
        const last = i === keys.length - 1;
        const key = /^-?\d+$/.test(k) ? lit(Number(k), 'int') : lit(k, 'text');
        e = { kind: 'element', arg: e, key, asText: last && name === '#>>', type: last && name === '#>>' ? 'text' : 'json', span };
      });
      return e;
    }
    case '@>':
    case '<@':
    case '&&': {
      // jsonb containment (src/mongo/lower-json-containment.ts): a quoted constant beside jsonb is jsonb, as PostgreSQL resolves it
      const [a, b] = [jsonBeside(l, r), jsonBeside(r, l)];
      if (name !== '&&' && (a.type === 'json' || b.type === 'json' || isJsonConstant(a) || isJsonConstant(b))) {
        const [container, contained] = name === '@>' ? [a, b] : [b, a];
        if ([a, b].some((x) => x.kind === 'literal' && x.value === null)) return lit(null, 'bool', span);
        if (!isJsonConstant(container) && !isJsonConstant(contained)) {
          throw unsupported('bind', `jsonb containment ${name} of two values that are not constants`, span, ['write one side as a constant: profile @> \'{"premium": true}\'']);
        }
        return funcExpr('jsonb_contains', [container, contained], span, 'bool');
      }
    }
      return funcExpr(name === '@>' ? 'array_contains' : name === '<@' ? 'array_contained' : 'array_overlap', [l, r], span, 'bool');
    case '?':
    case '?|':
    case '?&':
      return bindJsonExistence(name as '?' | '?|' | '?&', l, r, span);
    case '~':
    case '~*':
    case '!~':
    case '!~*':
      return { kind: 'like', arg: shownChar(l), pattern: r, syntax: 'regex', caseInsensitive: name.includes('*'), negated: name.startsWith('!'), type: 'bool', span };
    case '~~':
    case '!~~':
    case '~~*':
    case '!~~*':
      return { kind: 'like', arg: l, pattern: r, syntax: 'like', caseInsensitive: name.includes('*'), negated: name.startsWith('!'), type: 'bool', span };
    default:
      throw unsupported('bind', `the operator ${name}`, span);
  }
}

/**
 * A quoted constant beside a jsonb value, read as jsonb (PostgreSQL's unknown-literal
 * resolution). Beside a field of no declared type (no schema) only a JSON array or a
 * non-empty JSON object is: no text[] constant reads as either ('{"a": 1}' and '[…]' are
 * malformed array literals), while '{}' or '{a,b}' may be the array a field holds.
 */
function jsonBeside(e: Expr, other: Expr): Expr {
  if (e.kind !== 'literal' || e.type !== 'unknown' || typeof e.value !== 'string') return e;
  if (other.type === 'json') return lit(parseLiteral(e.value, 'json', 'jsonb', e.span), 'json', e.span);
  if (other.type !== 'unknown' || other.kind === 'literal') return e;
  const t = e.value.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return e;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return e;
  }
  const documentLike = Array.isArray(value) || (typeof value === 'object' && value !== null && Object.keys(value).length > 0);
  return documentLike ? lit(value as Value, 'json', e.span) : e;
}

/** A jsonb constant: an object, an array or a scalar ('{"a": 1}'::jsonb, '[1, 2]'::jsonb, '3'::jsonb). */
function isJsonConstant(e: Expr): boolean {
  return e.kind === 'literal' && e.value !== null && e.type === 'json';
}

const intTypeName = (e: Expr): string => (e.intWidth === 16 ? 'smallint' : e.intWidth === 64 ? 'bigint' : 'integer');

/**
 * The operands of an integer bit operator: integers (a quoted literal is read as one,
 * with the other operand's width, as PostgreSQL types it), or a NULL. Other types are
 * PostgreSQL's `operator does not exist`; a value of unknown type (no declared column)
 * is refused, since its width decides the answer.
 */
function bitOperands(name: string, operands: Expr[], span?: SourceSpan): Expr[] {
  const known = operands.find((e) => e.type === 'int');
  const typed = operands.map((e) => {
    if (e.kind !== 'literal' || e.type !== 'unknown' || typeof e.value !== 'string') return e;
    return { ...coerceTo(e, 'int'), ...widthField('int', known?.intWidth ?? 32) };
  });
  const isNull = (e: Expr) => e.kind === 'literal' && e.value === null;
  const bad = typed.find((e) => e.type !== 'int' && e.type !== 'unknown' && !isNull(e));
  const names = typed.map((e) => (e.type === 'int' ? intTypeName(e) : isNull(e) ? 'unknown' : pgOperandName(e)));
  if (bad) throw noOperator(typed.length === 1 ? `${name} ${names[0]}` : `${names[0]} ${name} ${names[1]}`, span);
  const untyped = typed.find((e) => e.type === 'unknown' && !isNull(e));
  if (untyped) throw unsupported('bind', `the operator ${name} on a value of unknown type`, untyped.span ?? span, ['cast it to the integer type it holds, e.g. x::int or x::bigint']);
  return typed;
}

function arithType(op: string, a: SqlType, b: SqlType): SqlType {
  if (op === '^') return a === 'numeric' || b === 'numeric' ? 'numeric' : 'float';
  if (isDateType(a) && b === 'interval') return 'timestamp';
  if (a === 'interval' && isDateType(b)) return 'timestamp';
  if (a === 'date' && b === 'date' && op === '-') return 'int';
  if (a === 'date' && b === 'int') return 'date';
  // date − timestamp reads the date as its midnight: an interval, as timestamp − timestamp
  if (isDateType(a) && isDateType(b) && op === '-') return 'interval';
  if (a === 'interval' && b === 'interval') return 'interval';
  if (a === 'interval' && isNumericType(b)) return 'interval';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  // real op real is computed in single precision; real with any other number is double precision (PostgreSQL's operators)
  if (a === 'real' && b === 'real') return op === '^' ? 'float' : 'real';
  if (a === 'float' || b === 'float' || a === 'real' || b === 'real') return 'float';
  if (a === 'numeric' || b === 'numeric') return 'numeric';
  if (a === 'int' && b === 'int') return 'int';
  return 'unknown';
}

/** PostgreSQL types an untyped quoted literal by the other operand's type. */
export function coerceTo(e: Expr, type: SqlType, typeName = pgTypeName(type)): Expr {
  // a numeric constant beside double precision becomes a double, as PostgreSQL casts it: nothing exact is lost
  // (beside a real too: real with a numeric is computed and compared in double precision)
  if (e.kind === 'literal' && e.inexact && (type === 'float' || type === 'real')) return { ...e, type: 'float', inexact: undefined };
  if (e.kind !== 'literal' || e.type !== 'unknown' || typeof e.value !== 'string') return e;
  if (type === 'unknown' || type === 'text' || type === 'json' || type === 'array') return type === 'unknown' ? e : { ...e, type: 'text' };
  return relativeDate(e.value, type, e.span) ?? lit(parseLiteral(e.value, type, typeName, e.span), type, e.span);
}

/**
 * `e` as a value of `type`, a common type PostgreSQL resolved (CASE, COALESCE,
 * GREATEST, VALUES, an IN list): untyped literals read as that type, and integers or
 * numerics beside a real cast to real (rounded to single precision), as PostgreSQL
 * casts them. (A comparison does not: `real = numeric` compares in double precision.)
 */
export function coerceToCommon(e: Expr, type: SqlType): Expr {
  if (type !== 'real' || e.type === 'real' || !isNumericType(e.type)) return coerceTo(asDoubleBeside(e, type), type);
  if (e.kind === 'literal' && typeof e.value === 'number') return lit(parseLiteral(e.inexact ?? String(e.value), 'real', 'real', e.span), 'real', e.span);
  return { kind: 'cast', arg: e, to: 'real', typeName: 'float4', type: 'real', span: e.span };
}

export function coercePair(a: Expr, b: Expr): [Expr, Expr] {
  return [coerceBeside(besideChar(asDoubleBeside(a, b.type), b), b.type), coerceBeside(besideChar(asDoubleBeside(b, a.type), a), a.type)];
}

/**
 * A numeric value beside double precision is cast to double precision, as PostgreSQL
 * resolves `numeric = float8`, `numeric + float8`, COALESCE and UNION of the two (its
 * implicit cast numeric → float8). sqletl's own numerics are doubles already, but a
 * collection or data file may hold Decimal128, which MongoDB compares and adds exactly:
 * Decimal128 1.000000000000000000001 is not the double 1, as PostgreSQL's float8 of it is.
 */
export function asDoubleBeside(e: Expr, other: SqlType): Expr {
  if (e.type !== 'numeric' || other !== 'float' || e.kind === 'literal') return e;
  return { kind: 'cast', arg: e, to: 'float', typeName: 'float8', type: 'float', span: e.span };
}

/** Beside an integer (sqletl does not know if it is int4 or int8), a quoted literal may be any bigint, as beside PostgreSQL's bigint column. */
function coerceBeside(e: Expr, type: SqlType): Expr {
  try {
    return coerceTo(e, type);
  } catch (err) {
    if (type === 'int' && err instanceof SqlEtlError && err.code === 'numeric-value-out-of-range') return coerceTo(e, type, 'bigint');
    throw err;
  }
}

function coerceArith(a: Expr, b: Expr, op: string): [Expr, Expr] {
  // date ± '1 day': the literal is an interval; number ± '5': numeric
  const pick = (other: SqlType): SqlType => (other === 'time' ? literalTypeBesideTime(op) : isDateType(other) && (op === '+' || op === '-') ? 'interval' : other === 'unknown' ? 'numeric' : other);
  const isUntyped = (e: Expr) => e.kind === 'literal' && ((e.type === 'unknown' && typeof e.value === 'string') || e.inexact !== undefined);
  // a quoted literal beside an integer is read as that integer's type: `bigint_col * '10000000000'` is a bigint, as PostgreSQL resolves it
  const beside = (e: Expr, other: Expr): Expr => {
    const type = pick(other.type);
    if (type !== 'int' || !other.intWidth) return coerceTo(e, type);
    const typed = coerceTo(e, type, intTypeName(other));
    return typed === e ? e : { ...typed, ...widthField('int', other.intWidth) };
  };
  return [isUntyped(a) ? beside(a, b) : a, isUntyped(b) ? beside(b, a) : b];
}

export function pgTypeName(t: SqlType): string {
  const names: Partial<Record<SqlType, string>> = { int: 'integer', numeric: 'numeric', float: 'double precision', real: 'real', bool: 'boolean', date: 'date', timestamp: 'timestamp', interval: 'interval' };
  return names[t] ?? t;
}

function bindCase(n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const operand = n.arg ? bindExpr(n.arg, ctx) : undefined;
  const whens = (n.args as Node[]).map((w) => {
    const cw = unwrap(w)[1];
    const cond = bindExpr(cw.expr, ctx);
    const when = operand ? binaryOp('=', operand, cond, spanOf(ctx, cw.location)) : cond;
    return { when, then: bindExpr(cw.result, ctx) };
  });
  const elseExpr = n.defresult ? bindExpr(n.defresult, ctx) : lit(null, 'unknown');
  const type = commonType([...whens.map((w) => w.then), elseExpr]);
  return {
    kind: 'case',
    whens: whens.map((w) => ({ when: w.when, then: coerceToCommon(w.then, type) })),
    else: coerceToCommon(elseExpr, type),
    type,
    span,
    ...commonCharLength([...whens.map((w) => w.then), elseExpr], 'CASE', span),
  };
}

export function commonType(exprs: Expr[]): SqlType {
  const types = exprs.filter((e) => !(e.kind === 'literal' && e.value === null)).map((e) => e.type);
  const known = types.filter((t) => t !== 'unknown');
  if (known.length === 0) return types.length && exprs.every((e) => e.kind === 'literal') ? 'text' : 'unknown';
  if (known.length < types.length && exprs.some((e) => e.type === 'unknown' && e.kind !== 'literal')) return 'unknown';
  if (known.every((t) => t === known[0])) return known[0];
  // real with integers or numerics is real (they are cast to it: coerceToCommon), with double precision double precision
  if (known.every(isNumericType)) return known.includes('float') ? 'float' : known.includes('real') ? 'real' : known.includes('numeric') ? 'numeric' : 'int';
  if (known.every(isDateType)) return 'timestamp';
  return 'unknown';
}

export function funcExpr(name: string, args: Expr[], span?: SourceSpan, type?: SqlType): Expr {
  const sig = scalarSignature(name);
  let resultType: SqlType = type ?? 'unknown';
  let typedArgs = args;
  if (!type && sig) {
    if (sig.returns === 'arg0') resultType = args[0]?.type ?? 'unknown';
    else if (sig.returns === 'common') {
      resultType = commonType(args);
      typedArgs = args.map((a) => coerceToCommon(a, resultType));
    } else resultType = sig.returns;
  }
  const canonical = scalarName(name);
  refuseTimeArgument(canonical, typedArgs, false, span);
  if (typedArgs.some((a) => a.type === 'real')) {
    // PostgreSQL's math functions take double precision (a real argument is cast, exactly); abs keeps real
    if (WIDENS_REAL.has(canonical)) {
      typedArgs = typedArgs.map(widenReal);
      if (resultType === 'real') resultType = 'float';
    }
    // arrays and JSON would carry the single's double (1.100000023841858) where PostgreSQL prints 1.1
    if (resultType === 'json' || resultType === 'array' || canonical === 'mod') throw unsupported('bind', `${name} of a real value`, span, ['cast it to double precision or numeric']);
  }
  const char = charFunction(canonical, typedArgs, span, args);
  return { kind: 'func', name: canonical, args: char.args, type: resultType, span, ...(char.charLength !== undefined ? { charLength: char.charLength } : {}) };
}

/** Functions PostgreSQL has for double precision only, so a real argument is cast to it (exactly: a single is a double). */
const WIDENS_REAL = new Set([
  'ceil', 'floor', 'round', 'trunc', 'sign', 'power', 'sqrt', 'exp', 'ln', 'log', 'sin', 'cos', 'tan', 'cot', 'asin', 'acos', 'atan', 'atan2',
  'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'degrees', 'radians', 'cbrt',
]);

/** A real as double precision: the same value, typed as PostgreSQL's implicit cast types it */
export function widenReal(e: Expr): Expr {
  if (e.type !== 'real') return e;
  if (e.kind === 'literal') return { ...e, type: 'float' };
  return { kind: 'cast', arg: e, to: 'float', typeName: 'float8', type: 'float', span: e.span };
}

/**
 * `try_cast(x AS type)` (parse.ts reads its AS as `::`): the value, or NULL where the
 * cast would fail on the text. Text (or a field of no declared type) to the numeric,
 * date, timestamp and boolean types; lower-cast.ts (tryCastTo) says what fails.
 */
function bindTryCast(n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const args = (n.args ?? []) as Node[];
  const [tag, cast] = args.length === 1 ? unwrap(args[0]) : ['', undefined];
  if (tag !== 'TypeCast' || !cast) throw new SqlEtlError('wrong-arguments', 'bind', 'try_cast takes one value and a type: try_cast(x AS type)', { span });
  const typeName = typeNameOf(cast.typeName);
  const castSpan = spanOf(ctx, cast.typeName.location) ?? span;
  refuseUnsupportedType(cast.typeName, castSpan);
  const to = typeFromName(typeName);
  const allowed: SqlType[] = ['int', 'numeric', 'float', 'date', 'timestamp', 'bool', 'text'];
  if (!to || !allowed.includes(to) || cast.typeName.arrayBounds || numericScaleOf(cast.typeName) || varcharLengthOf(cast.typeName) !== undefined || charLengthOf(cast.typeName, castSpan) !== undefined) {
    throw unsupported('bind', `try_cast to ${typeName}`, castSpan, ['try_cast reads text as integer types, numeric, double precision, date, timestamp, boolean or text']);
  }
  const arg = bindExpr(cast.arg, ctx);
  if (!['text', 'unknown'].includes(arg.type)) throw unsupported('bind', `try_cast of a ${pgTypeName(arg.type)} value (it reads text; CAST cannot fail on it the same way)`, arg.span ?? span);
  return { kind: 'func', name: 'try_cast', args: [arg, lit(typeName, 'text')], type: to, span: castSpan, ...widthField(to, to === 'int' ? intWidthOf(typeName) : undefined) };
}

/**
 * `pg_input_is_valid(text, 'type')`: whether the type's input function reads the text, for
 * the types try_cast reads (the same rules: it is `try_cast(x AS type) IS NOT NULL`) and
 * text, varchar(n) and char(n) (valid when what is past n characters is blanks, which the
 * input cuts off). NULL text gives NULL (the function is strict). The type is a constant.
 */
function bindInputIsValid(rawArgs: Node[], ctx: ExprContext, nameSpan?: SourceSpan, span?: SourceSpan): Expr {
  if (rawArgs.length !== 2) throw new SqlEtlError('wrong-arguments', 'bind', `function pg_input_is_valid takes 2 arguments, got ${rawArgs.length}`, { span: nameSpan });
  const typeArg = bindExpr(rawArgs[1], ctx);
  const typeSpan = typeArg.span ?? nameSpan;
  if (typeArg.kind !== 'literal' || typeof typeArg.value !== 'string') throw unsupported('bind', 'pg_input_is_valid with a non-constant type', typeSpan);
  const typeNode = parseTypeName(typeArg.value) as Any | undefined;
  if (!typeNode) throw new SqlEtlError('syntax-error', 'bind', `invalid type name "${typeArg.value}"`, { span: typeSpan });
  const typeName = typeNameOf(typeNode);
  const to = typeFromName(typeName);
  const length = to === 'text' && !typeNode.arrayBounds ? (varcharLengthOf(typeNode) ?? charLengthOf(typeNode, typeSpan)) : undefined;
  const tried = ['int', 'numeric', 'float', 'date', 'timestamp', 'bool'] as SqlType[];
  const readable = !typeNode.arrayBounds && (to === 'text' ? ['text', 'varchar', 'bpchar', 'char', 'character', 'character varying'].includes(typeName) : to !== undefined && tried.includes(to) && numericScaleOf(typeNode) === undefined);
  if (!readable) throw unsupported('bind', `pg_input_is_valid for type ${typeArg.value}`, typeSpan, ['it is available for the types try_cast reads (integer types, numeric, double precision, date, timestamp, boolean), text, varchar(n) and char(n)']);
  const value = bindExpr(rawArgs[0], ctx);
  if (!['text', 'unknown'].includes(value.type)) throw unsupported('bind', `pg_input_is_valid of a ${pgTypeName(value.type)} value (it reads text)`, value.span ?? span);
  let valid: Expr;
  if (to === 'text') {
    valid = length === undefined ? lit(true, 'bool') : { kind: 'compare', op: '<=', left: funcExpr('length', [funcExpr('rtrim', [value])]), right: lit(length, 'int'), type: 'bool', span };
  } else {
    const cast: Expr = { kind: 'func', name: 'try_cast', args: [value, lit(typeName, 'text')], type: to!, span: typeSpan, ...widthField(to!, to === 'int' ? intWidthOf(typeName) : undefined) };
    valid = { kind: 'isnull', arg: cast, negated: true, type: 'bool', span };
  }
  return { kind: 'case', whens: [{ when: { kind: 'isnull', arg: value, negated: false, type: 'bool', span }, then: lit(null, 'bool') }], else: valid, type: 'bool', span };
}

function bindFuncCall(n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const names = stringsOf(n.funcname);
  const name = names[names.length - 1].toLowerCase();
  const nameSpan = span && { start: span.start, end: span.start + name.length };
  if (names.length > 1 && names[0] !== 'pg_catalog') throw unsupported('bind', `the function ${names.join('.')}`, nameSpan);
  if (name === 'try_cast' && !n.over) return bindTryCast(n, ctx, span);
  if (name === 'pg_input_is_valid' && !n.over && !n.agg_star && !n.agg_distinct) return bindInputIsValid((n.args ?? []) as Node[], ctx, nameSpan, span);
  if (n.over) {
    if (!ctx.allowWindows) {
      throw new SqlEtlError('window-not-allowed', 'bind', `window functions are not allowed in ${ctx.clause}`, { span: nameSpan });
    }
    return bindWindowCall(name, n, ctx, nameSpan, { bindExpr, bindSortKey });
  }
  if (n.agg_within_group) return bindOrderedSet(name, n, ctx, nameSpan);
  const rawArgs = (n.args ?? []) as Node[];

  const aggName = aggregateName(name);
  if (withinGroupSignature(name)) {
    throw new SqlEtlError('within-group-required', 'bind', `WITHIN GROUP is required for ordered-set aggregate ${name}`, { span: nameSpan });
  }
  const sig = aggregateSignature(name);
  if (sig) {
    if (!ctx.allowAggregates) {
      refuseOuterAggregateInClause(rawArgs, n.agg_filter as Node | undefined, ctx, name, nameSpan);
      throw new SqlEtlError('aggregate-not-allowed', 'bind', `aggregate functions are not allowed in ${ctx.clause}`, { span: nameSpan });
    }
    const inner: ExprContext = { ...ctx, allowAggregates: false, clause: 'aggregate function calls', aliasLookup: undefined };
    const bound = rawArgs.map((a) => bindExpr(a, inner));
    // count(t.*) reads whether the row is NULL, not its value (bind-row.ts)
    const args = aggName === 'count' && !n.agg_distinct ? bound.map(rowPresence) : bound;
    if (!n.agg_star && (args.length < sig.min || args.length > sig.max)) {
      throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes ${sig.min === sig.max ? sig.min : `${sig.min} to ${sig.max}`} argument(s), got ${args.length}`, { span: nameSpan });
    }
    if (n.agg_star && name !== 'count') throw new SqlEtlError('wrong-arguments', 'bind', `${name}(*) is not valid`, { span: nameSpan });
    if (name === 'count' && !n.agg_star && args.length === 0) {
      throw new SqlEtlError('wrong-arguments', 'bind', 'count(*) must be used to call a parameterless aggregate function', { span: nameSpan });
    }
    const orderBy: SortKey[] = ((n.agg_order ?? []) as Node[]).map((s) => bindSortKey(s, inner));
    const filter = n.agg_filter ? bindExpr(n.agg_filter, inner) : undefined;
    let type: SqlType = sig.returns === 'arg0' ? args[0]?.type ?? 'unknown' : (sig.returns as SqlType);
    if (aggName === 'sum' && type === 'int') type = 'int';
    if (aggName === 'sum' && type === 'unknown') type = 'unknown';
    refuseRealSum(aggName, type, nameSpan);
    refuseTimeArgument(aggName, args, true, nameSpan);
    if ((type === 'array' || type === 'json') && args.some((x) => x.type === 'real')) throw unsupported('bind', `${name} of real values`, nameSpan, ['cast them to double precision or numeric']);
    const char = charAggregate(aggName, args, nameSpan);
    const agg: AggExpr = { kind: 'agg', name: aggName, args: char.args, star: !!n.agg_star, distinct: !!n.agg_distinct, filter, orderBy, type, span: nameSpan, ...(char.charLength !== undefined ? { charLength: char.charLength } : {}), ...(type === 'numeric' && ['sum', 'min', 'max'].includes(aggName) && char.args[0] ? scaleField(scaleOf(char.args[0])) : {}) };
    if (someExpr(agg, (x) => x.kind === 'subquery')) throw unsupported('bind', `a subquery inside ${name}(…)`, nameSpan);
    refuseOuterAggregate([...args, ...(filter ? [filter] : [])], name, nameSpan);
    return agg;
  }
  if (n.agg_star || n.agg_distinct || n.agg_filter || n.agg_order) {
    throw new SqlEtlError('not-an-aggregate', 'bind', `${name} is not an aggregate function`, { span: nameSpan });
  }

  // `float8(x)`, `int4(x)`, `text(x)`: a function named after a type, called with one value, is that cast (PostgreSQL's function-style casts)
  if (CAST_FUNCTIONS.has(name) && rawArgs.length === 1) {
    return bindCast({ arg: rawArgs[0], typeName: { names: [{ String: { sval: name } }], location: n.location } }, ctx, span);
  }
  // booleq(a, b) / boolne(a, b): the boolean = and <> operators' functions
  if ((name === 'booleq' || name === 'boolne') && rawArgs.length === 2) {
    const [a, b] = rawArgs.map((x) => coerceTo(bindExpr(x, ctx), 'bool'));
    const bad = [a, b].find((x) => x.type !== 'bool' && x.type !== 'unknown' && !(x.kind === 'literal' && x.value === null));
    if (bad) throw new SqlEtlError('undefined-function', 'bind', `function ${name}(${[a, b].map(pgOperandName).join(', ')}) does not exist`, { span: nameSpan, params: { function: name } });
    return binaryOp(name === 'booleq' ? '=' : '<>', a, b, span);
  }
  // special syntax forms arrive as pg_catalog functions
  if ((name === 'extract' || name === 'date_part' || name === 'date_trunc') && rawArgs.length !== 2) {
    throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes 2 arguments, got ${rawArgs.length}`, { span: nameSpan });
  }
  if (name === 'extract' || name === 'date_part') {
    const field = rawArgs[0] ? bindExpr(rawArgs[0], ctx) : undefined;
    if (!field || field.kind !== 'literal' || typeof field.value !== 'string') throw unsupported('bind', `${name} with a non-constant field`, nameSpan);
    const source = coerceTo(bindExpr(rawArgs[1], ctx), 'timestamp');
    return funcExpr(name, [lit(field.value.toLowerCase(), 'text', field.span), source], span);
  }
  if (name === 'date_trunc') {
    const unit = bindExpr(rawArgs[0], ctx);
    if (unit.kind !== 'literal' || typeof unit.value !== 'string') throw unsupported('bind', 'date_trunc with a non-constant unit', nameSpan);
    const source = coerceTo(bindExpr(rawArgs[1], ctx), 'timestamp');
    return funcExpr('date_trunc', [lit(unit.value.toLowerCase(), 'text', unit.span), source], span);
  }
  // SUBSTRING(s SIMILAR pattern ESCAPE e), SUBSTRING(s FROM pattern FOR e): PostgreSQL's substring(text, text, text)
  if (name === 'substring' && rawArgs.length === 3) {
    const args = rawArgs.map((a) => bindExpr(a, ctx));
    const pattern = args[1];
    if (pattern.type === 'text' || (pattern.type === 'unknown' && pattern.kind === 'literal' && typeof pattern.value === 'string')) return bindSubstringSimilar(args, span);
  }
  if (name === 'trim' || name === 'btrim' || name === 'ltrim' || name === 'rtrim') {
    const args = rawArgs.map((a) => bindExpr(a, ctx));
    return funcExpr(name === 'trim' ? 'btrim' : name, args, span);
  }
  if (name === 'jsonb_set') return bindJsonbSet(rawArgs, rawArgs.map((a) => bindExpr(a, ctx)), nameSpan);
  const scalar = scalarSignature(name);
  if (!scalar && setReturning(name)?.pairs && ctx.clause === 'SELECT') {
    // its rows are (key, value) records, which PostgreSQL prints as text in a select list
    throw unsupported('bind', `${name}(…) in a select list (its rows are records)`, nameSpan, [`call it as a FROM item: FROM t, ${name}(t.x) AS e(key, value), and select e.key, e.value`]);
  }
  if (!scalar && setReturning(name)) {
    throw unsupported('bind', `the set-returning function ${name}(…) inside an expression or in ${ctx.clause === 'SELECT' ? 'a select list with another one' : ctx.clause}`, nameSpan, [
      `call it as a FROM item (FROM t, ${name}(…) AS x) and use x here`,
    ]);
  }
  if (!scalar) {
    throw new SqlEtlError('undefined-function', 'bind', `function ${name}(…) does not exist or is not supported yet`, { span: nameSpan, params: { function: name } });
  }
  const args = rawArgs.map((a) => bindExpr(a, ctx));
  if (args.length < scalar.min || args.length > scalar.max) {
    throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes ${scalar.min === scalar.max ? scalar.min : `${scalar.min} to ${scalar.max}`} argument(s), got ${args.length}`, { span: nameSpan });
  }
  return funcExpr(name, args.map((a) => (a.kind === 'literal' && a.type === 'unknown' && typeof a.value === 'string' ? { ...a, type: 'text' as SqlType } : a)), span);
}

/**
 * ASC / DESC, or `USING <` / `USING >` (PostgreSQL's ascending and descending operators,
 * with the same NULLS default); another USING operator is refused.
 */
export function sortIsDescending(s: Any, ctx: ExprContext): boolean {
  if (s.sortby_dir !== 'SORTBY_USING') return s.sortby_dir === 'SORTBY_DESC';
  const op = stringsOf(s.useOp).join('.');
  if (op === '<' || op === '>') return op === '>';
  throw unsupported('bind', `ORDER BY … USING ${op}`, spanOf(ctx, s.location), ['USING < and USING > are supported: they are ASC and DESC']);
}

export function bindSortKey(node: Node, ctx: ExprContext): SortKey {
  const [, s] = unwrap(node);
  const expr = bindExpr(s.node, ctx);
  const desc = sortIsDescending(s, ctx);
  const nullsFirst = s.sortby_nulls === 'SORTBY_NULLS_FIRST' ? true : s.sortby_nulls === 'SORTBY_NULLS_LAST' ? false : desc;
  return { expr, desc, nullsFirst };
}

function bindIndirection(n: Any, ctx: ExprContext): Expr {
  let e = bindExpr(n.arg, ctx);
  for (const ind of n.indirection as Node[]) {
    const [tag, body] = unwrap(ind);
    if (tag === 'A_Indices' && body.is_slice) {
      const lo = body.lidx ? coerceTo(bindExpr(body.lidx, ctx), 'int') : lit(1, 'int');
      const hi = body.uidx ? coerceTo(bindExpr(body.uidx, ctx), 'int') : lit(null, 'int');
      e = funcExpr('array_slice', [e, lo, hi], e.span, 'array');
      continue;
    }
    if (tag === 'A_Indices') {
      const index = bindExpr(body.uidx, ctx);
      e = { kind: 'element', arg: e, key: { kind: 'arith', op: '-', left: coerceTo(index, 'int'), right: lit(1, 'int'), type: 'int' }, asText: false, type: 'unknown', span: e.span };
    } else if (tag === 'String') {
      e = { kind: 'element', arg: e, key: lit(body.sval, 'text'), asText: false, type: 'unknown', span: e.span };
    } else throw unsupported('bind', 'this kind of subscript', e.span);
  }
  return e;
}

function bindSubLink(n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const type = n.subLinkType as string;
  const { query, outer } = ctx.bindSubquery(n.subselect);
  const base = { kind: 'subquery' as const, query, outer, negated: false, span };
  const [ttag, tbody] = n.testexpr ? unwrap(n.testexpr) : [undefined, {} as Any];
  if (ttag === 'RowExpr') return rowInSubquery(n, rowFieldsOf((tbody.args ?? []) as Node[], ctx), base, span);
  if (type === 'EXISTS_SUBLINK') return { ...base, mode: 'exists', type: 'bool' };
  if (query.passthrough || query.columns.length !== 1) {
    throw new SqlEtlError('subquery-columns', 'bind', query.passthrough ? 'subquery must list its column' : query.columns.length > 1 ? 'subquery has too many columns' : 'subquery must return a column', { span });
  }
  const charLength = query.columns[0].expr.charLength;
  if (type === 'EXPR_SUBLINK') return { ...base, mode: 'scalar', type: query.columns[0].expr.type, ...(charLength !== undefined ? { charLength } : {}) };
  if (type === 'ANY_SUBLINK' || type === 'ALL_SUBLINK') {
    const opName = n.operName ? stringsOf(n.operName)[0] : '=';
    const op = COMPARE[opName];
    if (!op) throw unsupported('bind', `${opName} ${type === 'ALL_SUBLINK' ? 'ALL' : 'ANY'} (subquery)`, span);
    const column = query.columns[0];
    const tested = bindExpr(n.testexpr, ctx);
    // numeric IN (SELECT float8 …) / float8 IN (SELECT numeric …): compared in double precision, as in PostgreSQL
    if (column.expr.type === 'numeric' && tested.type === 'float') query.columns[0] = { ...column, expr: asDoubleBeside(column.expr, 'float') };
    const arg = coerceTo(besideChar(asDoubleBeside(tested, column.expr.type), query.columns[0].expr), query.columns[0].expr.type);
    if (type === 'ANY_SUBLINK' && op === '=') return { ...base, mode: 'in', op, arg, type: 'bool' };
    return { ...base, mode: type === 'ALL_SUBLINK' ? 'all' : 'any', op, arg, type: 'bool' };
  }
  throw unsupported('bind', 'this kind of subquery', span);
}

/**
 * `(a, b) IN (SELECT x, y …)` (`= ANY`) and `(a, b) <> ALL (…)` (NOT IN is NOT of IN): the
 * row's fields, each typed as its column, compared with every subquery row (lower-quantified.ts).
 */
function rowInSubquery(n: Any, row: Expr[], base: Omit<SubqueryExpr, 'mode' | 'type'>, span?: SourceSpan): Expr {
  const type = n.subLinkType as string;
  const opName = n.operName ? stringsOf(n.operName)[0] : '=';
  const op = COMPARE[opName];
  const quantifier = type === 'ALL_SUBLINK' ? 'ALL' : 'ANY';
  if (!((type === 'ANY_SUBLINK' && op === '=') || (type === 'ALL_SUBLINK' && op === '<>'))) refuseRowQuantifier(opName, quantifier, span);
  const columns = base.query.columns;
  if (base.query.passthrough || columns.length !== row.length) {
    const message = base.query.passthrough ? 'subquery must list its columns' : columns.length > row.length ? 'subquery has too many columns' : 'subquery has too few columns';
    throw new SqlEtlError('subquery-columns', 'bind', message, { span });
  }
  const typed = row.map((f, i) => coerceTo(besideChar(f, columns[i].expr), columns[i].expr.type));
  return { ...base, mode: type === 'ALL_SUBLINK' ? 'all' : 'in', op, row: typed, type: 'bool' };
}

/**
 * The regular expression of a SIMILAR TO pattern (`similar_to_escape(pattern [, escape])`
 * in the parse tree) as a text literal, or null when the pattern or escape is NULL
 * (the function is strict). Both must be constants: the translation is done here.
 */
function similarRegex(node: Node, ctx: ExprContext, span?: SourceSpan): Expr | null {
  const [, body] = unwrap(node);
  const [pattern, escape] = (body.args as Node[]).map((a) => bindExpr(a, ctx));
  /** the text of a constant (null for NULL), undefined for anything else */
  const text = (e: Expr): string | null | undefined => (e.kind === 'literal' && (e.value === null || typeof e.value === 'string') ? e.value : undefined);
  const [p, esc] = [text(pattern), escape === undefined ? '\\' : text(escape)];
  if (p === undefined || esc === undefined) throw unsupported('bind', 'SIMILAR TO with a non-constant pattern or escape', (p === undefined ? pattern : escape)?.span ?? span);
  if (p === null || esc === null) return null;
  const { regex } = similarToRegex(p, esc, { pattern: pattern.span ?? span, escape: escape?.span ?? span });
  return lit(regex, 'text', pattern.span ?? span);
}

/**
 * `substring(s, pattern, escape)` with an SQL regular expression: the pattern is
 * translated here (similar-pattern.ts) into `substring_similar(s, regex, part…)`, the
 * whole regular expression and its parts between the separators, which the lowering
 * (src/mongo/lower-substring-similar.ts) matches. Pattern and escape are constants.
 */
function bindSubstringSimilar([s, pattern, escape]: Expr[], span?: SourceSpan): Expr {
  const text = (e: Expr): string | null | undefined => (e.kind === 'literal' && (e.value === null || typeof e.value === 'string') ? e.value : undefined);
  const [p, esc] = [text(pattern), text(escape)];
  if (p === undefined || esc === undefined) throw unsupported('bind', 'SUBSTRING … SIMILAR with a non-constant pattern or escape', (p === undefined ? pattern : escape).span ?? span);
  if (p === null || esc === null) return lit(null, 'text', span);
  const { regex, parts } = similarToRegex(p, esc, { pattern: pattern.span ?? span, escape: escape.span ?? span });
  const at = pattern.span ?? span;
  return funcExpr('substring_similar', [s, lit(regex, 'text', at), ...parts.map((x) => lit(x, 'text', at))], span);
}

/** The LIKE pattern; `ESCAPE 'c'` (PostgreSQL's like_escape) is rewritten to backslash escapes. */
function likePattern(node: Node, ctx: ExprContext): Expr {
  const [tag, body] = unwrap(node);
  const names = tag === 'FuncCall' ? stringsOf(body.funcname) : [];
  if (names.at(-1) !== 'like_escape') return bindExpr(node, ctx);
  const [pattern, escape] = (body.args as Node[]).map((a) => bindExpr(a, ctx));
  if (pattern.kind !== 'literal' || typeof pattern.value !== 'string' || escape.kind !== 'literal' || typeof escape.value !== 'string') {
    throw unsupported('bind', 'LIKE … ESCAPE with non-constant operands', spanOf(ctx, body.location));
  }
  const esc = escape.value;
  if (esc.length > 1) throw new SqlEtlError('invalid-escape', 'bind', 'invalid escape string', { span: escape.span, hints: ['Escape string must be empty or one character.'] });
  let out = '';
  const p = pattern.value;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (esc !== '' && c === esc && i + 1 < p.length) out += '\\' + p[++i];
    else if (c === '\\') out += '\\\\';
    else out += c;
  }
  return lit(out, 'text', pattern.span);
}

/**
 * `percentile_cont(f) WITHIN GROUP (ORDER BY x)`, `percentile_disc`, `mode()`: an
 * aggregate whose args are [x, fraction] and whose orderBy is the WITHIN GROUP key.
 * The fraction is a constant number or an array of numbers (one result per entry).
 */
function bindOrderedSet(name: string, n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  const hypothetical = hypotheticalSet(name);
  if (hypothetical) return bindHypothetical(name, hypothetical.returns, n, ctx, span);
  const sig = withinGroupSignature(name);
  if (!sig) throw unsupported('bind', `${name}(…) WITHIN GROUP`, span);
  if (!ctx.allowAggregates) throw aggregateNotAllowed(name, [...((n.agg_order ?? []) as Any[]).map((k) => k.SortBy?.node ?? k), ...(n.agg_filter ? [n.agg_filter as Node] : [])], ctx, span);
  if (n.over) throw unsupported('bind', `${name}(…) WITHIN GROUP … OVER (…)`, span);
  const inner: ExprContext = { ...ctx, allowAggregates: false, clause: 'aggregate function calls', aliasLookup: undefined };
  const direct = ((n.args ?? []) as Node[]).map((a) => bindExpr(a, inner));
  const expected = sig.min;
  if (direct.length !== expected) throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes ${expected} direct argument(s), got ${direct.length}`, { span });
  const keys = ((n.agg_order ?? []) as Node[]).map((k) => bindSortKey(k, inner));
  if (keys.length !== 1) throw unsupported('bind', `${name} WITHIN GROUP with ${keys.length} ORDER BY keys`, span);
  const fraction = direct[0];
  if (fraction) {
    const values = fraction.kind === 'literal' ? (Array.isArray(fraction.value) ? fraction.value : [fraction.value]) : [undefined];
    if (!values.every((v) => typeof v === 'number')) throw unsupported('bind', `${name} with a non-constant fraction`, fraction.span ?? span);
    const bad = (values as number[]).find((v) => v < 0 || v > 1);
    if (bad !== undefined) throw new SqlEtlError('invalid-argument', 'bind', `percentile value ${bad} is not between 0 and 1`, { span: fraction.span });
  }
  const x = keys[0].expr;
  const many = fraction?.kind === 'literal' && Array.isArray(fraction.value);
  const type: SqlType = many ? 'array' : sig.returns === 'arg0' ? x.type : (sig.returns as SqlType);
  const filter = n.agg_filter ? bindExpr(n.agg_filter, inner) : undefined;
  refuseOuterAggregate([x, ...(filter ? [filter] : [])], name, span);
  const agg: AggExpr = { kind: 'agg', name, args: fraction ? [x, fraction] : [x], star: false, distinct: false, filter, orderBy: keys, type, span, ...(!many && charAggregate(name, [x], span).charLength !== undefined ? { charLength: x.charLength } : {}) };
  // as for the other aggregates: the planner attaches no subquery inside an aggregate's input
  if (someExpr(agg, (e) => e.kind === 'subquery')) throw unsupported('bind', `a subquery inside ${name}(…)`, span);
  return agg;
}

/**
 * Hypothetical-set aggregates, `rank(x) WITHIN GROUP (ORDER BY k)`: where a row with
 * k = x would rank among the group's rows (one key).
 */
function bindHypothetical(name: string, type: SqlType, n: Any, ctx: ExprContext, span?: SourceSpan): Expr {
  if (!ctx.allowAggregates) throw aggregateNotAllowed(name, [...((n.agg_order ?? []) as Any[]).map((k) => k.SortBy?.node ?? k), ...(n.agg_filter ? [n.agg_filter as Node] : [])], ctx, span);
  if (n.over) throw unsupported('bind', `${name}(…) WITHIN GROUP … OVER (…)`, span);
  const inner: ExprContext = { ...ctx, allowAggregates: false, clause: 'aggregate function calls', aliasLookup: undefined };
  const direct = ((n.args ?? []) as Node[]).map((a) => bindExpr(a, inner));
  const keys = ((n.agg_order ?? []) as Node[]).map((k) => bindSortKey(k, inner));
  if (direct.length !== keys.length) {
    throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} has ${direct.length} direct argument(s) for ${keys.length} ORDER BY key(s)`, { span });
  }
  if (keys.length !== 1) throw unsupported('bind', `hypothetical-set aggregate ${name} with ${keys.length} ORDER BY keys`, span);
  const x = coercePair(direct[0], keys[0].expr)[0];
  const [xt, kt] = [x.type, keys[0].expr.type];
  if (xt !== 'unknown' && kt !== 'unknown' && xt !== kt && !(isNumericType(xt) && isNumericType(kt)) && !(isDateType(xt) && isDateType(kt))) {
    throw new SqlEtlError('datatype-mismatch', 'bind', `WITHIN GROUP types ${pgTypeName(kt)} and ${pgTypeName(xt)} cannot be matched`, { span: x.span ?? span });
  }
  if (someExpr(x, (e) => e.kind === 'column' && !/^\$\$o\d+$/.test(e.path[0]))) throw unsupported('bind', `${name}(…) WITHIN GROUP with a direct argument that reads the rows`, x.span ?? span);
  const filter = n.agg_filter ? bindExpr(n.agg_filter, inner) : undefined;
  refuseOuterAggregate([keys[0].expr, ...(filter ? [filter] : [])], name, span);
  const agg: AggExpr = { kind: 'agg', name: `hypothetical_${name}`, args: [keys[0].expr, x], star: false, distinct: false, filter, orderBy: keys, type, span };
  if (someExpr(agg, (e) => e.kind === 'subquery')) throw unsupported('bind', `a subquery inside ${name}(…)`, span);
  return agg;
}

/**
 * An aggregate where this clause allows none. When its arguments read only columns of
 * an enclosing query (`HAVING EXISTS (SELECT … WHERE sum(a.x) = b.y)`), PostgreSQL
 * makes it an aggregate of that query, where it may be allowed: that is the feature
 * sqletl lacks (refuseOuterAggregate), not an invalid query, so it is refused as such.
 */
function aggregateNotAllowed(name: string, rawArgs: Node[], ctx: ExprContext, span?: SourceSpan): SqlEtlError {
  try {
    refuseOuterAggregateInClause(rawArgs, undefined, ctx, name, span);
  } catch (err) {
    return err as SqlEtlError;
  }
  return new SqlEtlError('aggregate-not-allowed', 'bind', `aggregate functions are not allowed in ${ctx.clause}`, { span });
}

/** Do these expressions read columns, all of them of enclosing queries (captured as `$$oN`)? */
function readsOnlyOuterColumns(parts: Expr[]): boolean {
  const columns: string[] = [];
  for (const p of parts) {
    someExpr(p, (x) => {
      if (x.kind === 'column') columns.push(x.path[0]);
      return false;
    });
  }
  return columns.length > 0 && columns.every((c) => /^\$\$o\d+$/.test(c));
}

/**
 * An aggregate in a clause of a subquery that allows none (its WHERE, ON, GROUP BY)
 * whose arguments read only enclosing queries' columns is not misplaced in PostgreSQL:
 * it belongs to the enclosing query (`(SELECT count(*) FROM c WHERE c.x < max(o.y)) FROM
 * o` is one row). Refused as such, rather than with "aggregate functions are not
 * allowed in WHERE", which PostgreSQL would not say. Arguments that fail to bind keep
 * the clause's error.
 */
function refuseOuterAggregateInClause(rawArgs: Node[], rawFilter: Node | undefined, ctx: ExprContext, name: string, span?: SourceSpan): void {
  if (ctx.clause === 'aggregate function calls') return;
  const inner: ExprContext = { ...ctx, allowAggregates: false, allowWindows: false, clause: 'aggregate function calls', aliasLookup: undefined };
  let parts: Expr[];
  try {
    parts = [...rawArgs, ...(rawFilter ? [rawFilter] : [])].map((a) => bindExpr(a, inner));
  } catch {
    return;
  }
  refuseOuterAggregate(parts, name, span);
}

/**
 * An aggregate in a subquery whose arguments (and FILTER) read columns of enclosing
 * queries only belongs to the nearest of them in PostgreSQL: `SELECT (SELECT max(o.x))
 * FROM o` is one row holding the maximum. sqletl would compute it per outer row over
 * the subquery's rows, so it is refused. (Outer columns are captured as `$$oN`, scope.ts.)
 */
function refuseOuterAggregate(parts: Expr[], name: string, span?: SourceSpan): void {
  if (readsOnlyOuterColumns(parts)) {
    throw unsupported('bind', `an aggregate of the enclosing query's columns inside a subquery (${name}(…))`, span, [
      'PostgreSQL computes such an aggregate once in the enclosing query, not per row of it: compute it there (or in a CTE) and refer to the result',
    ]);
  }
}
