import { accumulatorOperators, assert, compare, evalExpr, expressionOperators, isEqual, isOperator, pipelineOperators, queryOperators, removeValue, resolve, setValue, typeOf } from './mingo-runtime.js';
import { EXTREME_EXPRESSIONS, extremeOf } from './mingo-extreme.js';
import { sameValue, WHOLE_VALUE_EQUALITY } from './mingo-equality.js';
import { releasingTransform, type Pullable } from './lazy-release.js';
import { partitionByKey } from './mingo-partition.js';
import { NAN_ACCUMULATORS, NAN_EXPRESSION_OPERATORS } from './mingo-nan-numbers.js';
import { $round, roundDouble } from './mongo-round.js';
import { $substrCP, substrCPFast } from './mingo-substr-cp.js';
import { $getField, fieldOfInput } from './mingo-get-field.js';

/**
 * Pre-compiled expressions for the embedded engine's hottest stages ($group, $set/$addFields,
 * $replaceWith). mingo interprets an expression tree anew for every document: each node
 * goes through `evalExpr` (a fresh options object per call), an operator look-up and
 * argument arrays. Here a tree is turned once into nested closures. Only operators whose
 * mingo implementation is copied exactly below are compiled (and only when the context
 * still holds mingo's own operator under that name); any other node, and every `$$`
 * variable, is evaluated by mingo itself, so the results are mingo's, value for value.
 */
type Doc = Record<string, unknown>;
type Options = Parameters<typeof evalExpr>[2] & {
  useStrictMode?: boolean;
  failOnError?: boolean;
  local?: { root?: unknown };
  context: { getOperator(type: string, name: string): unknown };
  constructor: { init(o: unknown): { update(l: object): unknown } };
};
/** a compiled expression: the value for a root document (which is also the current one) */
export type Compiled = (doc: unknown, options: Options) => unknown;
type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;

// mingo's operators, with the NaN-taking arithmetic the embedded engine registers (mingo-nan-numbers.ts)
const mingoExpr = { ...expressionOperators, ...NAN_EXPRESSION_OPERATORS } as unknown as Record<string, Operator>;
const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
/** a number, NaN included (as MongoDB and mingo-nan-numbers.ts compute) */
const isNumber = (v: unknown): v is number => typeof v === 'number';
const truthy = (v: unknown, strict: boolean | undefined) => !!v || (strict === true && v === '');
/** field names `resolve` treats specially (Object.prototype's own names) are left to it */
const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const CACHE = new WeakMap<object, WeakMap<object, Compiled>>();

/** `expr` compiled for the options' operator context (cached per context and expression object). */
export function compileExpr(expr: unknown, options: Options): Compiled {
  if (typeof expr !== 'object' || expr === null) return build(expr, options.context);
  const ctx = options.context as object;
  let byExpr = CACHE.get(ctx);
  if (!byExpr) CACHE.set(ctx, (byExpr = new WeakMap()));
  let fn = byExpr.get(expr);
  if (!fn) byExpr.set(expr, (fn = build(expr, options.context)));
  return fn;
}

const fallback = (expr: unknown): Compiled => (doc, options) => evalExpr(doc, expr, options);

/**
 * `$$name`: a `let` variable of a `$lookup` (sqletl's `$$l0`) read from the options'
 * local variables, where mingo finds it first (they are spread last over the global
 * ones); only options of mingo's ComputeOptions class carry them into `evalExpr`, and
 * it is told by its `update` method. Anything else (system variables, paths, names of
 * Object.prototype, a variable not bound locally) is mingo's evaluation.
 */
function variable(expr: string): Compiled {
  const name = expr.slice(2);
  if (!/^[a-z_][a-zA-Z0-9_]*$/.test(name) || name === 'this' || PROTO_NAMES.has(name) || name === '__proto__') return fallback(expr);
  return (doc, options) => {
    const vars = typeof (options as { update?: unknown }).update === 'function' ? (options.local as { variables?: Doc } | undefined)?.variables : undefined;
    return vars !== undefined && Object.hasOwn(vars, name) ? vars[name] : evalExpr(doc, expr, options);
  };
}

function build(expr: unknown, ctx: Options['context']): Compiled {
  if (typeof expr === 'string') {
    if (!expr.startsWith('$')) return () => expr;
    if (expr.startsWith('$$')) return variable(expr);
    const path = expr.slice(1);
    if (path === '') return fallback(expr);
    if (path.includes('.') || PROTO_NAMES.has(path) || path === '__proto__' || path === 'prototype') return (doc) => resolve(doc as Doc, path);
    return (doc) => (doc !== null && typeof doc === 'object' && (doc as object).constructor === Object ? (doc as Doc)[path] : resolve(doc as Doc, path));
  }
  if (Array.isArray(expr)) {
    const items = expr.map((e) => build(e, ctx));
    return (doc, o) => {
      const out = new Array(items.length);
      for (let i = 0; i < items.length; i++) out[i] = items[i](doc, o);
      return out;
    };
  }
  if (typeOf(expr) !== 'object') return () => expr;
  const keys = Object.keys(expr as Doc);
  if (isOperator(keys[0])) {
    if (keys.length !== 1) return fallback(expr);
    const op = keys[0];
    const native = NATIVE[op];
    const impl = ctx.getOperator('expression', op);
    if (native && impl === mingoExpr[op]) return native((expr as Doc)[op], ctx) ?? fallback(expr);
    const engine = ENGINE_NATIVE.get(impl);
    if (engine) return engine((expr as Doc)[op], ctx) ?? fallback(expr);
    return fallback(expr);
  }
  const fields = keys.map((k) => [k, build((expr as Doc)[k], ctx)] as const);
  return (doc, o) => {
    const out: Doc = {};
    for (const [k, f] of fields) out[k] = f(doc, o);
    return out;
  };
}

/** two-argument comparisons: exact copies of mingo's for a non-array left operand, mingo's own otherwise */
function comparison(op: string, test: (a: unknown, b: unknown) => boolean) {
  return (args: unknown, ctx: Options['context']): Compiled | undefined => {
    if (!Array.isArray(args) || args.length !== 2) return undefined;
    const [fa, fb] = args.map((a) => build(a, ctx));
    return (doc, o) => {
      const a = fa(doc, o);
      const b = fb(doc, o);
      if (Array.isArray(a)) return mingoExpr[op](doc, [{ $literal: a }, { $literal: b }], o);
      return test(a, b);
    };
  };
}
const ordered = (f: (c: number) => boolean) => (a: unknown, b: unknown) => {
  if (typeof a === 'number' && typeof b === 'number' && a === a && b === b) return f(a < b ? -1 : a > b ? 1 : 0);
  // two strings, two dates: what mingo's compare does for them (its simpleCmp, on milliseconds for dates)
  if (typeof a === 'string' && typeof b === 'string') return f(a < b ? -1 : a > b ? 1 : 0);
  if (a instanceof Date && b instanceof Date) {
    const x = +a;
    const y = +b;
    return f(x < y ? -1 : x > y ? 1 : 0);
  }
  return typeOf(a) === typeOf(b) && f(compare(a, b));
};
const equal = (a: unknown, b: unknown) => {
  if (a === b && a === a && typeof a !== 'object') return true;
  return isEqual(a, b) || (isNil(a) && isNil(b));
};

/** the embedded engine's own `$eq`/`$ne` (mingo-equality.ts): both operands evaluated, then its test */
function wholeValue(negate: boolean) {
  return (args: unknown, ctx: Options['context']): Compiled | undefined => {
    if (!Array.isArray(args) || args.length !== 2) return undefined;
    const [fa, fb] = args.map((a) => build(a, ctx));
    return (doc, o) => sameValue(fa(doc, o), fb(doc, o)) !== negate;
  };
}
/** compiled forms of operators the embedded engine registers in mingo's place, by the registered function */
/** `$round` with a constant place: roundDouble for doubles, the engine's operator (mongo-round.ts) otherwise */
function compiledRound(args: unknown, ctx: Options['context']): Compiled | undefined {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[1] !== 'number' || !Number.isInteger(args[1]) || args[1] < 0 || args[1] >= 100) return undefined;
  const place = args[1];
  const f = build(args[0], ctx);
  return (doc, o) => {
    const x = f(doc, o);
    if (typeof x === 'number') return roundDouble(x, place);
    return $round(doc, [{ $literal: x }, place], o);
  };
}

/** the engine's `$substrCP` (mingo-substr-cp.ts): its fast rule on the evaluated operands, the operator itself on their values otherwise */
function compiledSubstrCP(args: unknown, ctx: Options['context']): Compiled | undefined {
  if (!Array.isArray(args) || args.length !== 3) return undefined;
  const [fs, fi, fc] = args.map((a) => build(a, ctx));
  return (doc, o) => {
    const s = fs(doc, o);
    const i = fi(doc, o);
    const c = fc(doc, o);
    return substrCPFast(s, i, c) ?? $substrCP(doc, [{ $literal: s }, { $literal: i }, { $literal: c }], o);
  };
}

/** the engine's `$getField` (mingo-get-field.ts) in its `{field, input}` form: both compiled, then its rule */
function compiledGetField(args: unknown, ctx: Options['context']): Compiled | undefined {
  if (typeOf(args) !== 'object') return undefined;
  const keys = Object.keys(args as Doc);
  if (keys.length !== 2 || !keys.includes('field') || !keys.includes('input')) return undefined;
  const ff = build((args as Doc).field, ctx);
  const fi = build((args as Doc).input, ctx);
  return (doc, o) => {
    const field = ff(doc, o);
    return fieldOfInput(fi(doc, o), field);
  };
}

/**
 * the engine's `$max`/`$min` expressions (mingo-extreme.ts) on a document: the operand
 * compiled, then the operator's own fold (`extremeOf`); on an array of documents (mingo's
 * `$group` hands its operators the group's) the operator itself
 */
function compiledExtreme(name: '$max' | '$min') {
  return (args: unknown, ctx: Options['context']): Compiled | undefined => {
    const f = build(args, ctx);
    const single = Array.isArray(args) && args.length === 1;
    return (doc, o) => {
      if (Array.isArray(doc)) return EXTREME_EXPRESSIONS[name](doc, args, o);
      const value = f(doc, o);
      const list = single ? (value as unknown[])[0] : value;
      return extremeOf(Array.isArray(list) ? list : [list], name === '$max' ? 1 : -1);
    };
  };
}

const ENGINE_NATIVE = new Map<unknown, (args: unknown, ctx: Options['context']) => Compiled | undefined>([
  [EXTREME_EXPRESSIONS.$max, compiledExtreme('$max')],
  [EXTREME_EXPRESSIONS.$min, compiledExtreme('$min')],
  [$getField, compiledGetField],
  [WHOLE_VALUE_EQUALITY.$eq, wholeValue(false)],
  [WHOLE_VALUE_EQUALITY.$ne, wholeValue(true)],
  [$round, compiledRound],
  [$substrCP, compiledSubstrCP],
]);

/**
 * mingo's one-operand numeric and array operators: the operand (whatever its shape: mingo
 * evaluates it as it stands, an array included) compiled; null or missing gives null; a
 * value of the type the operator takes gives `apply`'s result; any other is mingo's
 * operator on that value (its error, or its null when failOnError is off)
 */
function unary(op: string, takes: (v: unknown) => boolean, apply: (v: never) => unknown) {
  return (args: unknown, ctx: Options['context']): Compiled | undefined => {
    const f = build(args, ctx);
    return (doc, o) => {
      const v = f(doc, o);
      if (isNil(v)) return null;
      return takes(v) ? apply(v as never) : mingoExpr[op](doc, { $literal: v }, o);
    };
  };
}

/**
 * A compiled arithmetic operator: every operand evaluated first (as mingo does), then, for
 * two operands, `two` on the values without an array per call (a row's price × discount
 * in a group of 600,000 rows), for any other count `many`; the values the fast forms do not
 * take (dates, decimals, strings, a division by zero) go to mingo's operator, its answer
 * or error.
 */
function arithmetic(
  op: string,
  two: (a: unknown, b: unknown, mingo: () => unknown) => unknown,
  many: (vals: unknown[], mingo: () => unknown) => unknown,
): (args: unknown, ctx: Options['context']) => Compiled | undefined {
  return (args, ctx) => {
    if (!Array.isArray(args)) return undefined;
    const fs = args.map((a) => build(a, ctx));
    const mingo = (doc: unknown, vals: unknown[], o: Options) => mingoExpr[op](doc, vals.map((v) => ({ $literal: v })), o);
    if (fs.length === 2) {
      const [f0, f1] = fs;
      return (doc, o) => {
        const a = f0(doc, o);
        const b = f1(doc, o);
        return two(a, b, () => mingo(doc, [a, b], o));
      };
    }
    return (doc, o) => {
      const vals = fs.map((f) => f(doc, o));
      return many(vals, () => mingo(doc, vals, o));
    };
  };
}

const NATIVE: Record<string, (args: unknown, ctx: Options['context']) => Compiled | undefined> = {
  $literal: (args) => () => args,
  $size: unary('$size', Array.isArray, (v: unknown[]) => v.length),
  $floor: unary('$floor', isNumber, Math.floor),
  $ceil: unary('$ceil', isNumber, Math.ceil),
  $ifNull: (args, ctx) => {
    if (!Array.isArray(args)) return undefined;
    const fs = args.map((a) => build(a, ctx));
    return (doc, o) => {
      let v: unknown;
      for (const f of fs) {
        v = f(doc, o);
        if (!isNil(v)) return v;
      }
      return v;
    };
  },
  $cond: (args, ctx) => {
    let parts: unknown[];
    if (Array.isArray(args)) {
      if (args.length !== 3) return undefined;
      parts = args;
    } else if (typeOf(args) === 'object') parts = [(args as Doc).if, (args as Doc).then, (args as Doc).else];
    else return undefined;
    const [fi, ft, fe] = parts.map((a) => build(a, ctx));
    return (doc, o) => (truthy(fi(doc, o), o.useStrictMode) ? ft(doc, o) : fe(doc, o));
  },
  $and: (args, ctx) => {
    if (!Array.isArray(args)) return undefined;
    const fs = args.map((a) => build(a, ctx));
    return (doc, o) => {
      const strict = o.useStrictMode;
      for (const f of fs) if (!truthy(f(doc, o), strict)) return false;
      return true;
    };
  },
  $or: (args, ctx) => {
    if (!Array.isArray(args)) return undefined;
    const fs = args.map((a) => build(a, ctx));
    return (doc, o) => {
      const strict = o.useStrictMode;
      for (const f of fs) if (truthy(f(doc, o), strict)) return true;
      return false;
    };
  },
  // mingo's: the variables evaluated in the outer options, then \`in\` evaluated in a copy of them
  // holding the variables (where the compiled \`$$name\` reads them: \`variable\` above); options
  // that are not mingo's ComputeOptions (no variables to carry) leave it to mingo's \`$let\`
  $let: (args, ctx) => {
    if (typeOf(args) !== 'object' || typeOf((args as Doc).vars) !== 'object') return undefined;
    const vars = (args as Doc).vars as Doc;
    const names = Object.keys(vars);
    const fvars = names.map((n) => build(vars[n], ctx));
    const fin = build((args as Doc).in, ctx);
    return (doc, o) => {
      if (typeof (o as { update?: unknown }).update !== 'function') return mingoExpr.$let(doc, args, o);
      const variables: Doc = {};
      for (let i = 0; i < names.length; i++) variables[names[i]] = fvars[i](doc, o);
      return fin(doc, o.constructor.init(o).update({ variables }) as Options);
    };
  },
  // mingo's: null when an operand is null or missing, the element (negative: from the end) or
  // missing when out of range; an operand of another type is mingo's error
  $arrayElemAt: (args, ctx) => {
    if (!Array.isArray(args) || args.length !== 2) return undefined;
    const [fa, fi] = args.map((a) => build(a, ctx));
    return (doc, o) => {
      const arr = fa(doc, o);
      const index = fi(doc, o);
      if (isNil(arr) || isNil(index)) return null;
      if (!Array.isArray(arr) || !Number.isInteger(index)) return mingoExpr.$arrayElemAt(doc, [{ $literal: arr }, { $literal: index }], o);
      const i = index as number;
      if (i < 0 && Math.abs(i) <= arr.length) return arr[(i + arr.length) % arr.length];
      return i >= 0 && i < arr.length ? arr[i] : undefined;
    };
  },
  // mingo's: one operand (alone or in a one-element array), JavaScript's negation of its value
  $not: (args, ctx) => {
    if (Array.isArray(args) && args.length !== 1) return undefined;
    const f = build(Array.isArray(args) ? args[0] : args, ctx);
    return (doc, o) => !f(doc, o);
  },
  // mingo's: false unless the input is a string; a constant pattern and options are compiled
  // once (mingo builds the same RegExp per document; without the g and y flags exec keeps no state)
  $regexMatch: (args, ctx) => {
    if (typeOf(args) !== 'object' || !Object.keys(args as Doc).every((k) => k === 'input' || k === 'regex' || k === 'options')) return undefined;
    const { input, regex, options } = args as Doc;
    if (typeof regex !== 'string' || regex.startsWith('$') || (options !== undefined && (typeof options !== 'string' || options.startsWith('$') || /[xgy]/.test(options)))) return undefined;
    let re: RegExp;
    try {
      re = new RegExp(regex, options as string | undefined);
    } catch {
      return undefined; // mingo's error, raised where mingo raises it
    }
    const f = build(input, ctx);
    return (doc, o) => {
      const s = f(doc, o);
      return typeof s === 'string' && re.exec(s) !== null;
    };
  },
  // mingo's: the value is found when an element of the array equals it (isEqual); a second operand that is not an array is mingo's error
  $in: (args, ctx) => {
    if (!Array.isArray(args) || args.length !== 2) return undefined;
    const [fv, fa] = args.map((a) => build(a, ctx));
    return (doc, o) => {
      const item = fv(doc, o);
      const arr = fa(doc, o);
      if (!Array.isArray(arr)) return mingoExpr.$in(doc, [{ $literal: item }, { $literal: arr }], o);
      for (const v of arr) if (isEqual(v, item)) return true;
      return false;
    };
  },
  $eq: comparison('$eq', equal),
  $ne: comparison('$ne', (a, b) => !equal(a, b)),
  $gt: comparison('$gt', ordered((c) => c > 0)),
  $gte: comparison('$gte', ordered((c) => c >= 0)),
  $lt: comparison('$lt', ordered((c) => c < 0)),
  $lte: comparison('$lte', ordered((c) => c <= 0)),
  $multiply: arithmetic('$multiply', (a, b, mingo) => (isNil(a) || isNil(b) ? null : isNumber(a) && isNumber(b) ? a * b : mingo()), (vals, mingo) => {
    if (vals.some(isNil)) return null;
    let res = 1;
    for (const n of vals) {
      if (!isNumber(n)) return mingo();
      res *= n;
    }
    return res;
  }),
  // mingo adds from 0 (0 + -0 is 0): the two-operand form does too
  $add: arithmetic('$add', (a, b, mingo) => (isNil(a) ? null : typeof a !== 'number' ? mingo() : isNil(b) ? null : typeof b !== 'number' ? mingo() : 0 + a + b), (vals, mingo) => {
    let res = 0;
    for (const n of vals) {
      if (isNil(n)) return null;
      if (typeof n !== 'number') return mingo();
      res += n;
    }
    return res;
  }),
  $subtract: arithmetic('$subtract', (a, b, mingo) => (isNil(a) || isNil(b) ? null : typeof a === 'number' && typeof b === 'number' ? a - b : mingo()), (vals, mingo) => (vals.some(isNil) ? null : mingo())),
  $divide: arithmetic('$divide', (a, b, mingo) => (isNil(a) || isNil(b) ? null : isNumber(a) && isNumber(b) && b !== 0 ? a / b : mingo()), (vals, mingo) => (vals.some(isNil) ? null : mingo())),
};

type Coll = Pullable & { map(f: (o: Doc) => unknown): unknown };
const mingoPipeline = pipelineOperators as unknown as Record<string, (coll: unknown, expr: unknown, options: unknown) => unknown>;
const mingoAcc = { ...accumulatorOperators, ...NAN_ACCUMULATORS } as unknown as Record<string, Operator>;
/** mingo evaluates "$x" against the options' root when one is set: then everything is left to mingo */
const rooted = (options: Options) => !isNil(options.local?.root);

/** `$group`: mingo's, with the key and the `$sum`/`$avg`/`$push`/`$max`/`$min` arguments compiled; the rows read are not kept (lazy-release.ts) */
export function $group(coll: Coll, expr: Doc, options: Options): unknown {
  if (rooted(options) || !('_id' in expr)) return mingoPipeline.$group(coll, expr, options);
  const ctx = options.context;
  const idFn = compileExpr(expr._id, options);
  const fields = Object.keys(expr)
    .filter((k) => k !== '_id')
    .map((key) => {
      const spec = expr[key] as Doc;
      const op = typeOf(spec) === 'object' ? Object.keys(spec) : [];
      // mingo looks an operator up among the expressions first, then the accumulators
      let acc = op.length === 1 && ['$sum', '$avg', '$push'].includes(op[0]) && !ctx.getOperator('expression', op[0]) && ctx.getOperator('accumulator', op[0]) === mingoAcc[op[0]] ? op[0] : undefined;
      // $max/$min: the embedded engine's expression operator (mingo-extreme.ts) is what runs, as the fold over the group's values
      if (op.length === 1 && (op[0] === '$max' || op[0] === '$min') && !isNil(spec[op[0]]) && ctx.getOperator('expression', op[0]) === EXTREME_EXPRESSIONS[op[0]]) acc = op[0];
      return { key, spec, acc, arg: acc ? spec[acc] : undefined, fn: acc && !isNil(spec[acc]) ? compileExpr(spec[acc], options) : undefined };
    });
  const copts = options.constructor.init(options) as { update(l: object): Options };
  // the accumulators whose argument is evaluated per row, computed in one pass over a group's
  // rows (each row read once for all of them, as MongoDB folds a document into every
  // accumulator in turn: at 600,000 rows a pass per accumulator spent its time waiting for
  // memory, TPC-H q01's eight accumulators grew 12× from SF 0.01 to 0.1)
  const perRow = fields.filter((f) => f.fn && !(f.acc === '$sum' && isNumber(f.arg)));
  const slot = fields.map((f) => perRow.indexOf(f));
  return releasingTransform(coll, (items: Doc[]) => {
    // mingo's groupBy hashes a document key field by field; keys of primitives are told apart by a string code (mingo-partition.ts)
    const { keys, groups } = partitionByKey(items, (obj) => idFn(obj, options));
    const out: Doc[] = [];
    for (let g = 0; g < groups.length; g++) {
      const groupId = keys[g];
      const docs = groups[g];
      const folded = foldRows(docs, perRow, options);
      const obj: Doc = {};
      if (groupId !== undefined) obj._id = groupId;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (!f.acc) {
          obj[f.key] = evalExpr(docs, f.spec, copts.update({ root: null, groupId }));
          continue;
        }
        if (f.acc === '$sum' && isNumber(f.arg)) {
          obj[f.key] = docs.length * f.arg;
          continue;
        }
        const fold = slot[i] >= 0 ? folded[slot[i]] : undefined;
        if (!fold) {
          // no argument: mingo's accumulators see the documents themselves
          obj[f.key] = f.acc === '$push' ? docs : f.acc === '$max' || f.acc === '$min' ? extremeOf(docs, f.acc === '$max' ? 1 : -1) : f.acc === '$sum' ? 0 : null;
        } else if (fold.values) obj[f.key] = f.acc === '$push' ? fold.values : extremeOf(fold.values, f.acc === '$max' ? 1 : -1);
        // the numbers among the values (NaN included) added in row order from 0, as mingo's $sum/$avg
        else obj[f.key] = f.acc === '$sum' ? fold.sum : fold.n === 0 ? null : fold.sum / fold.n;
      }
      out.push(obj);
    }
    return out;
  });
}

interface GroupField {
  acc?: string;
  fn?: Compiled;
}
/** an accumulator's state after a group's rows: `$sum`/`$avg` a sum and a count of numbers, the others their values (null for missing) */
type Fold = { sum: number; n: number; values?: undefined } | { values: unknown[] };

/** each of `fields`' argument evaluated on every row, row after row, into its accumulator's state (in `fields`' order) */
function foldRows(docs: Doc[], fields: GroupField[], options: Options): Fold[] {
  const states: Fold[] = fields.map((f) => (f.acc === '$sum' || f.acc === '$avg' ? { sum: 0, n: 0 } : { values: new Array<unknown>(docs.length) }));
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    for (let k = 0; k < fields.length; k++) {
      const v = fields[k].fn!(d, options) ?? null;
      const state = states[k];
      if (state.values) state.values[i] = v;
      else if (isNumber(v)) {
        state.sum += v;
        state.n++;
      }
    }
  }
  return states;
}

/** `$addFields`/`$set`: mingo's, with the values compiled */
export function $addFields(coll: Coll, expr: Doc, options: Options): unknown {
  if (rooted(options)) return mingoPipeline.$addFields(coll, expr, options);
  // a top-level name is assigned directly: mingo's setValue/removeValue walk the path
  // (a copied options object and four __proto__ tests per call) to do the same
  const fields = Object.keys(expr).map((k) => [k, compileExpr(expr[k], options), !k.includes('.') && k !== '__proto__'] as const);
  if (fields.length === 0) return coll;
  return coll.map((obj) => {
    const next = { ...obj };
    for (const [field, f, topLevel] of fields) {
      const value = f(obj, options);
      if (value !== undefined) {
        if (topLevel) next[field] = value;
        else setValue(next, field, value);
      } else if (topLevel) delete next[field];
      else removeValue(next, field);
    }
    return next;
  });
}

/** `$replaceWith`: mingo's, with the expression compiled */
export function $replaceWith(coll: Coll, expr: unknown, options: Options): unknown {
  if (rooted(options)) return mingoPipeline.$replaceWith(coll, expr, options);
  const f = compileExpr(expr, options);
  return coll.map((obj) => {
    const out = f(obj, options);
    assert(typeOf(out) === 'object', '$replaceWith expression must return an object');
    return out;
  });
}

const mingoQuery = queryOperators as unknown as Record<string, (field: string, expr: unknown, options: Options) => (obj: unknown) => boolean>;

/** the `$expr` query operator (every `$match` on an expression): mingo's, with the expression compiled */
export function $expr(field: string, expr: unknown, options: Options): (obj: unknown) => boolean {
  if (rooted(options)) return mingoQuery.$expr(field, expr, options);
  // mingo's Query hands its operators a deep copy of the condition, made anew for every
  // Query (a lookup's pipeline runs per document); the condition itself, which is the
  // pipeline's own object and stays the same, is in the options: compiled once through it
  const condition = (options.local as { condition?: Doc } | undefined)?.condition;
  // (only mingo's Query calls query operators, with its condition's own field: the copy is of condition.$expr)
  const source = field === '$expr' && condition && typeOf(condition) === 'object' && sameShape(condition.$expr, expr) ? condition.$expr : expr;
  const f = compileExpr(source, options);
  const strict = options.useStrictMode;
  return (obj) => truthy(f(obj, options), strict);
}

/** a cheap check that `a` is the original of the copy `b` (same type, same first key) */
function sameShape(a: unknown, b: unknown): boolean {
  if (typeOf(a) !== typeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length;
  if (typeOf(a) === 'object') return Object.keys(a as Doc).join() === Object.keys(b as Doc).join();
  return a === b;
}
