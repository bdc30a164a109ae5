import {
  accumulatorOperators,
  Aggregator,
  compare,
  Context,
  evalExpr,
  expressionOperators,
  isEqual,
  Lazy,
  pipelineOperators,
  projectionOperators,
  queryOperators,
  Query,
  windowOperators,
} from './mingo-runtime.js';
import { DATE_PART_OPERATORS } from './mingo-date-parts.js';
import { $substrCP, SURROGATE } from './mingo-substr-cp.js';
import { fieldReader } from './field-path.js';
import { withField } from './doc-copy.js';
import { $getField } from './mingo-get-field.js';
import { isOutermost, semiJoinMatch } from './semi-join.js';
import { alreadyApplied } from './embedded-prefilter.js';
import type { KeyedRows } from './keyed-rows.js';
import { $setWindowFields } from './mingo-window.js';
import { $addFields, $expr, $group, $replaceWith, compileExpr, type Compiled } from './mingo-compiled.js';
import { NAN_ACCUMULATORS, NAN_EXPRESSION_OPERATORS } from './mingo-nan-numbers.js';
import { $sort } from './mingo-sort.js';
import { $round } from './mongo-round.js';
import { $unset } from './mingo-unset.js';
import { EXTREME_EXPRESSIONS } from './mingo-extreme.js';
import { WHOLE_VALUE_EQUALITY } from './mingo-equality.js';
import { fuseLookupUnwind, LOOKUP_UNWIND } from './lookup-unwind-fusion.js';

/**
 * The embedded engine's operator set: mingo's operators, plus MongoDB operators
 * mingo lacks, and replacements where mingo departs from MongoDB's documented
 * semantics. Each one follows MongoDB's documentation; nothing here exists only
 * for sqletl, so the embedded engine accepts exactly what a server would.
 */
type Options = Parameters<typeof evalExpr>[2];
type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;
const mingoExpression = expressionOperators as unknown as Record<string, Operator>;
const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
const mingoAccumulator = accumulatorOperators as unknown as Record<string, Operator>;

/** `$indexOfCP: [string, substring, start?, end?]`: code-point index, -1 if absent, null for a null string. */
function $indexOfCP(obj: unknown, expr: unknown, options: Options): unknown {
  const args = evalExpr(obj, expr, options) as unknown[];
  const [str, sub, start = 0, end] = args;
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string' || typeof sub !== 'string') throw new Error('$indexOfCP requires a string as the first and second arguments');
  if (!SURROGATE.test(str)) {
    // every code point one UTF-16 unit: indexes are the same (the fast path UPPER/LOWER's table lookups take)
    const at = str.slice(start as number, end === undefined ? str.length : (end as number)).indexOf(sub);
    return at < 0 ? -1 : at + (start as number);
  }
  const cps = Array.from(str);
  const stop = end === undefined ? cps.length : (end as number);
  const hay = cps.slice(start as number, stop).join('');
  const at = hay.indexOf(sub);
  return at < 0 ? -1 : Array.from(hay.slice(0, at)).length + (start as number);
}

const FIXED_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
const MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/**
 * `$dateAdd`/`$dateSubtract` in UTC. Calendar units clamp to the month's last day
 * (MongoDB: 2021-01-31 plus one month is 2021-02-28); mingo overflows instead.
 */
function dateAdd(sign: 1 | -1) {
  return (obj: unknown, expr: unknown, options: Options): unknown => {
    const spec = evalExpr(obj, expr, options) as { startDate?: unknown; unit?: string; amount?: unknown; timezone?: unknown };
    const { startDate, unit, amount } = spec;
    if (startDate === null || startDate === undefined || amount === null || amount === undefined || unit === null || unit === undefined) return null;
    if (!(startDate instanceof Date)) throw new Error('$dateAdd requires startDate to be convertible to a date');
    if (typeof amount !== 'number' || !Number.isInteger(amount)) throw new Error("$dateAdd expects integer amount of time units");
    if (spec.timezone !== undefined && spec.timezone !== 'UTC') throw new Error('embedded engine: $dateAdd supports only UTC');
    const n = sign * amount;
    if (unit in FIXED_MS) return new Date(startDate.getTime() + n * FIXED_MS[unit]);
    const months = MONTHS[unit];
    if (!months) throw new Error(`$dateAdd: unknown time unit value: ${unit}`);
    const d = startDate;
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n * months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  };
}

/**
 * `$toDate` of a string: MongoDB rejects a calendar date that does not exist
 * (`2024-02-30`, month 13); mingo's JavaScript Date rolls it over to March 1st.
 */
function $toDate(obj: unknown, expr: unknown, options: Options): unknown {
  const input = evalExpr(obj, expr, options);
  checkCalendarDate(input);
  return mingoExpression.$toDate(obj, { $literal: input }, options);
}

function checkCalendarDate(input: unknown): void {
  if (typeof input !== 'string') return;
  const m = /^\s*([+-]?\d{4,6})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(input);
  if (!m) return;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > days) throw new Error(`cannot convert '${input}' to date: day or month out of range`);
}

/**
 * `$convert`: mingo hands the converted value back to its `$toX` operators as an
 * expression, so a string such as "$5 off" would be read as a field path.
 */
function $convert(obj: unknown, expr: unknown, options: Options): unknown {
  const spec = expr as { input: unknown; to: unknown; onError?: unknown; onNull?: unknown };
  const input = evalExpr(obj, spec.input, options);
  if (isNil(input)) return spec.onNull === undefined ? null : evalExpr(obj, spec.onNull, options);
  const to = evalExpr(obj, spec.to, options);
  const op = { string: '$toString', bool: '$toBool', date: '$toDate', double: '$toDouble', decimal: '$toDecimal', int: '$toInt', long: '$toLong' }[String(to)];
  try {
    if (!op) throw new Error(`$convert: unsupported target type ${String(to)}`);
    if (op === '$toDate') checkCalendarDate(input);
    const out = mingoExpression[op](obj, { $literal: input }, options);
    // MongoDB fails a conversion that mingo lets through as NaN or an invalid date
    const bad =
      (['int', 'long', 'double', 'decimal'].includes(String(to)) && (typeof out !== 'number' || !Number.isFinite(out)) && typeof out !== 'bigint') ||
      (String(to) === 'date' && !(out instanceof Date && !Number.isNaN(out.getTime())));
    if (bad) throw new Error(`$convert: failed to parse ${JSON.stringify(input)} as ${String(to)}`);
    return out;
  } catch (err) {
    if (spec.onError === undefined) throw err;
    return evalExpr(obj, spec.onError, options);
  }
}


/** `$mod`: null if either operand is null or missing; the result has the dividend's sign. */
function $mod(obj: unknown, expr: unknown, options: Options): unknown {
  const [a, b] = evalExpr(obj, expr, options) as unknown[];
  if (isNil(a) || isNil(b)) return null;
  if (typeof a !== 'number' || typeof b !== 'number') throw new Error('$mod only supports numeric types');
  if (b === 0) throw new Error("can't $mod by zero");
  return a % b;
}

/** `$dateDiff`: null when a date is null or missing (mingo computes NaN). */
function $dateDiff(obj: unknown, expr: unknown, options: Options): unknown {
  const spec = evalExpr(obj, expr, options) as { startDate?: unknown; endDate?: unknown; unit?: unknown };
  if (isNil(spec.startDate) || isNil(spec.endDate) || isNil(spec.unit)) return null;
  return mingoExpression.$dateDiff(obj, { $literal: spec }, options);
}

/**
 * `$regexFindAll`: every match with its code-point index and captures (mingo's indexes
 * drift). A group that matched the empty string captures "", one that took no part
 * null, as on MongoDB (mingo gives null for both).
 */
function $regexFindAll(obj: unknown, expr: unknown, options: Options): unknown {
  return regexMatches(obj, expr, options, '$regexFindAll', true);
}

/** `$regexFind`: the first match, as `$regexFindAll` reads it (null when none). */
function $regexFind(obj: unknown, expr: unknown, options: Options): unknown {
  const spec = evalExpr(obj, expr, options) as { input?: unknown };
  if (isNil(spec.input)) return null;
  return (regexMatches(obj, expr, options, '$regexFind', false) as unknown[])[0] ?? null;
}

function regexMatches(obj: unknown, expr: unknown, options: Options, name: string, all: boolean): unknown {
  const spec = evalExpr(obj, expr, options) as { input?: unknown; regex?: unknown; options?: unknown };
  if (isNil(spec.input)) return [];
  if (typeof spec.input !== 'string') throw new Error(`${name} needs 'input' to be of type string`);
  // a BSON regular expression brings its own flags
  const pattern = spec.regex instanceof RegExp ? spec.regex.source : String(spec.regex);
  const flags = String(spec.options ?? '') + (spec.regex instanceof RegExp ? spec.regex.flags.replace(/[gu]/g, '') : '');
  if (/[^imsx]/.test(flags)) throw new Error(`${name} invalid flag in regex options: ${flags}`);
  const source = flags.includes('x') ? pattern.replace(/#.*$|\s+/gm, '') : pattern;
  const re = new RegExp(source, 'g' + [...new Set(flags.replace(/[x]/g, ''))].join(''));
  const input = spec.input;
  const out: { match: string; idx: number; captures: (string | null)[] }[] = [];
  for (let m = re.exec(input); m; m = re.exec(input)) {
    out.push({ match: m[0], idx: Array.from(input.slice(0, m.index)).length, captures: m.slice(1).map((c) => c ?? null) });
    if (!all) break;
    // after an empty match the next search starts one character (code point, as on MongoDB) further
    if (m[0] === '') re.lastIndex += (input.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * `$bitAnd`/`$bitOr`/`$bitXor` over 64-bit integers, as MongoDB computes them on longs
 * (mingo's use JavaScript's 32-bit operators: 2^32 & 2^32 would be 0). null if any
 * operand is null or missing; a non-integer is an error, as on MongoDB.
 */
function bitwise(name: string, fold: (a: bigint, b: bigint) => bigint): Operator {
  return (obj, expr, options) => {
    const values = evalExpr(obj, expr, options) as unknown[];
    if (values.some(isNil)) return null;
    if (!values.every(Number.isInteger)) throw new Error(`${name} only supports int and long operands`);
    if (values.length === 0) return name === '$bitAnd' ? -1 : 0;
    return Number(BigInt.asIntN(64, values.map((v) => BigInt(v as number)).reduce(fold)));
  };
}
function $bitNot(obj: unknown, expr: unknown, options: Options): unknown {
  const v = evalExpr(obj, expr, options);
  if (isNil(v)) return null;
  if (!Number.isInteger(v)) throw new Error('$bitNot only supports int and long');
  return -(v as number) - 1;
}

/** `$top`/`$bottom` accumulators return the one output value (mingo returns a 1-element array). */
function single(op: '$topN' | '$bottomN'): Operator {
  return (coll, expr, options) => {
    const list = mingoAccumulator[op](coll, { ...(expr as object), n: 1 }, options) as unknown[];
    return list.length ? list[0] : null;
  };
}

/** `$arrayToObject: [ <array> ]` is an argument list of one (MongoDB unwraps it; mingo does not). */
function $arrayToObject(obj: unknown, expr: unknown, options: Options): unknown {
  const operand = Array.isArray(expr) && expr.length === 1 ? expr[0] : expr;
  return mingoExpression.$arrayToObject(obj, operand, options);
}

type Doc = Record<string, unknown>;
interface LookupSpec {
  from?: string;
  localField?: string;
  foreignField?: string;
  let?: Doc;
  pipeline?: Doc[];
  as: string;
}
/** mingo's per-call options object; `init` copies it (with its variables) and `update` adds variables. */
interface ComputeOptionsLike {
  processingMode?: number;
  constructor: { init(o: unknown): ComputeOptionsLike };
  update(locals: { root?: unknown; variables?: Doc }): ComputeOptionsLike;
  collectionResolver?: CollectionResolver;
}

/**
 * The engine's reader of collections as stages get it. `leading`: the `$match` stages about
 * to run on the collection first (the embedded engine builds fewer rows: embedded-prefilter.ts).
 * `keyed`: the collection's rows by one field's value, each key's built when first asked
 * for (keyed-rows.ts), where the engine can (a column cache), else undefined.
 */
export type CollectionResolver = ((name: string, leading?: readonly Doc[]) => Doc[]) & {
  keyed?: (name: string, field: string) => KeyedRows | undefined;
};
const mingoPipeline = pipelineOperators as unknown as Record<string, (coll: unknown, expr: unknown, options: unknown) => unknown>;

/**
 * `$lookup` with localField/foreignField AND a pipeline (MongoDB 5.0 "concise
 * syntax"): the pipeline runs on the foreign documents whose foreignField equals
 * the localField (null and missing match each other; arrays match by element).
 * mingo runs the pipeline on the whole foreign collection instead, and not at all
 * when nothing matches.
 */
function $lookup(coll: { map(f: (o: Doc) => Doc): unknown }, expr: LookupSpec, options: ComputeOptionsLike): unknown {
  if (!expr.localField && expr.pipeline?.length) return cachedPrefixLookup(coll, expr, options);
  // a plain localField/foreignField join too: mingo hashes the foreign collection every
  // time the stage runs, which inside another lookup's pipeline is once per outer row
  if (!isKeyedLookup(expr)) return mingoPipeline.$lookup(coll, expr, options);
  const source = joinSource(coll as never, expr, options);
  // a lazy iterator in, a lazy iterator out (mingo's pipeline operator contract)
  return (Lazy(() => source.next() as never) as unknown as typeof coll).map((obj) => withField(obj, expr.as, source.joined(obj)));
}

/**
 * The input documents of a keyed `$lookup` and the documents each one joins. A stage of
 * the command's own pipeline reads its input whole before the first document goes on,
 * and builds the foreign side for the input's keys alone (semi-join.ts); any other
 * builds it whole (shared by the command, see perCommand), and streams.
 */
function joinSource(coll: Pullable, expr: LookupSpec, options: ComputeOptionsLike): { next(): Step; joined(obj: Doc): Doc[] } {
  if (!isOutermost(expr)) {
    const joined = keyedLookup(expr, options);
    return { next: () => coll.next(), joined };
  }
  let rows: (Doc | undefined)[] | undefined;
  let i = 0;
  let joined: (obj: Doc) => Doc[] = () => [];
  return {
    next: () => {
      if (rows === undefined) {
        rows = [];
        for (let s = coll.next(); !s.done; s = coll.next()) rows.push(s.value as Doc);
        if (rows.length > 0) {
          const localKey = fieldReader(expr.localField!);
          const keys = new Map<unknown, unknown>();
          for (const row of rows) {
            const local = localKey(row) ?? null;
            for (const v of Array.isArray(local) ? local : [local]) keys.set(keyOf(v), v ?? null);
          }
          joined = keyedLookup(expr, options, keys.values());
        }
      }
      if (i < rows.length) {
        const value = rows[i];
        rows[i++] = undefined; // the stage lets go of what it handed on (lazy-release.ts)
        return { value, done: false };
      }
      rows.length = 0;
      return { value: undefined, done: true };
    },
    joined: (obj) => joined(obj),
  };
}

type Step = { value?: unknown; done?: boolean };
interface Pullable {
  next(): Step;
}

/** a lookup key as the hash of a keyed `$lookup` holds it: dates by their time, documents and arrays by their JSON */
const keyOf = (v: unknown) => (v instanceof Date ? `d${v.getTime()}` : typeof v === 'object' && v !== null ? JSON.stringify(v) : v);

/** the `$lookup` specs keyedLookup computes: localField/foreignField, with a pipeline or a collection */
export function isKeyedLookup(expr: LookupSpec): boolean {
  return !!(expr.localField && expr.foreignField && (expr.pipeline?.length || expr.from !== undefined));
}

/**
 * `$lookup` + `$unwind` of its `as` field (lookup-unwind-fusion.ts puts this stage in
 * their place in the embedded engine's pipelines; MongoDB coalesces the pair as well):
 * one document per joined document, `{...doc, [as]: joined}`, and none for a document
 * that joined nothing: what the two stages give (`$lookup`'s `as` is always an array),
 * without the intermediate document `{...doc, [as]: [all joined]}` per input document.
 */
function $lookupUnwind(coll: { next(): { value?: unknown; done?: boolean } }, expr: LookupSpec, options: ComputeOptionsLike): unknown {
  if (!isKeyedLookup(expr)) return $unwind($lookup(coll as never, expr, options) as never, `$${expr.as}`, options);
  const source = joinSource(coll, expr, options);
  let doc: Doc | undefined;
  let items: Doc[] = [];
  let next = 0;
  return Lazy(() => {
    for (;;) {
      if (next < items.length) return { value: withField(doc!, expr.as, items[next++]), done: false };
      const w = source.next();
      if (w.done) return { value: undefined, done: true };
      doc = w.value as Doc;
      items = source.joined(doc);
      next = 0;
    }
  });
}

/**
 * The documents a keyed `$lookup` puts in `as` for one input document. `wanted`: every local
 * key value that will be asked for (joinSource), when known: the foreign side is then
 * built for them alone.
 */
function keyedLookup(expr: LookupSpec, options: ComputeOptionsLike, wanted?: Iterable<unknown>): (obj: Doc) => Doc[] {
  // Leading `$match` stages that read no `let` variable select the same documents
  // before or after the equality match: they run once over the foreign collection
  // (a join's filter on its right side, a subquery's WHERE), not once per document.
  const pipeline = expr.pipeline ?? [];
  const vars = new Set(Object.keys(expr.let ?? {}));
  let lead = 0;
  while (lead < pipeline.length && Object.keys(pipeline[lead])[0] === '$match' && !readsVariable(pipeline[lead], vars)) lead++;
  const rest = pipeline.slice(lead);
  const foreignKey = fieldReader(expr.foreignField!);
  const localKey = fieldReader(expr.localField!);
  const semi = wanted && semiJoinMatch(expr.foreignField!, wanted);
  const leadingStages = pipeline.slice(0, lead);
  const build = () => {
    // the reader is given the semi-join's `$in` after the stages' own (semi-join.ts); it needs no running
    // afterwards (only the keys it keeps are probed), the stages' own do unless the reader applied them all
    const given = semi ? [...leadingStages, semi] : leadingStages;
    const all = options.collectionResolver?.(expr.from ?? '', given) ?? [];
    // the embedded engine may have applied them while reading (embedded-prefilter.ts)
    const leading = alreadyApplied(all, given) > 0 ? [] : leadingStages;
    const foreign = leading.length ? (new Aggregator(leading, options as never).run(all) as Doc[]) : all;
    const map = new Map<unknown, Doc[]>();
    for (const doc of foreign) {
      const value = foreignKey(doc) ?? null;
      for (const v of Array.isArray(value) ? value : [value]) {
        const k = keyOf(v);
        const list = map.get(k);
        if (!list) map.set(k, [doc]);
        // a document is listed once per key (only an array field can repeat one)
        else if (!Array.isArray(value) || !list.includes(doc)) list.push(doc);
      }
    }
    return (v: unknown) => map.get(keyOf(v));
  };
  // A lookup inside another one's pipeline cannot know its keys ahead: the engine builds each
  // key's rows when first asked for, where it can (keyed-rows.ts), instead of the whole hash.
  // The leading stages run on a key's rows.
  const lazy = () => {
    const rows = wanted ? undefined : options.collectionResolver?.keyed?.(expr.from ?? '', expr.foreignField!);
    if (!rows) return undefined;
    // (they are `$match` stages: each compiled once, a Query per key would copy and compile it again)
    const queries = leadingStages.map((stage) => new Query(stage.$match as Doc, options as never));
    const done = new Map<unknown, Doc[]>();
    return (v: unknown) => {
      const k = keyOf(v);
      let docs = done.get(k);
      if (!docs) {
        const got = rows.rowsFor(v);
        docs = queries.length && !got.allKept ? got.docs.filter((d) => queries.every((q) => q.test(d))) : got.docs;
        done.set(k, docs);
      }
      return docs;
    };
  };
  // built for its keys alone: this stage's own; else shared by the command's lookups of the same spec
  const byKey: (v: unknown) => Doc[] | undefined = semi
    ? build()
    : perCommand(options, `key ${expr.from} ${expr.foreignField} ${JSON.stringify(leadingStages)}`, () => lazy() ?? build());
  // what is left per document: nothing, a $limit, or a pipeline
  const limit = rest.length === 1 && typeof rest[0].$limit === 'number' ? (rest[0].$limit as number) : undefined;
  const agg = rest.length && limit === undefined ? new Aggregator(fuseLookupUnwind(rest), options as never) : undefined;
  // a rest of `$match` stages on an expression alone (a join condition that reads the outer
  // row, TPC-H q19): each expression compiled once and tested on the matched documents. An
  // Aggregator run builds a Query per document, which deep-copies and compiles its condition:
  // most of such a join's time. Only where the Aggregator would not copy its input either.
  const ownExpr = (options as unknown as { context: { getOperator(t: string, n: string): unknown } }).context.getOperator('query', '$expr') === $expr;
  // (a last `$limit: n` after them keeps the first n that pass: an EXISTS test, TPC-H q21)
  const last = rest.at(-1)?.$limit;
  const tail = rest.length > 1 && Object.keys(rest.at(-1)!).length === 1 && typeof last === 'number' && Number.isInteger(last) && last > 0 ? last : undefined;
  const tests = tail === undefined ? rest : rest.slice(0, -1);
  const filters = agg && ownExpr && options.processingMode === 0 /* CLONE_OFF */ && tests.every(isExprMatch) ? tests.map((s) => compileExpr((s.$match as Doc).$expr, options as never)) : undefined;
  // without `let`, the result depends on the key alone: computed once per key value
  // (a row per lineitem asking about its order asks the same question four times)
  const memo = agg && !expr.let && !/"\$(sample|rand|sampleRate)"/.test(JSON.stringify(rest)) ? new Map<unknown, unknown>() : undefined;
  // the compiled filters get the row's `let` values from one options object of the stage's
  // (they read `$$name` from its local variables, mingo-compiled.ts `variable`), set per row:
  // they run to the end before the next row, and keep nothing of it. The values themselves
  // are compiled too, unless the options carry a root (then `$x` is mingo's to resolve).
  const filterOpts = filters ? options.constructor.init(options) : undefined;
  const letFn = filters && expr.let && isNil((options as { local?: { root?: unknown } }).local?.root) ? compileExpr(expr.let, options as never) : undefined;
  return (obj) => {
    const local = localKey(obj) ?? null;
    const keys = Array.isArray(local) ? local : [local];
    const matched = keys.length === 1 ? (byKey(keys[0]) ?? []) : [...new Set(keys.flatMap((v) => byKey(v) ?? []))];
    if (!agg) return limit === undefined ? matched : matched.slice(0, limit);
    const memoKey = memo && keys.length === 1 ? keyOf(keys[0]) : undefined;
    if (memoKey !== undefined && memo!.has(memoKey)) return memo!.get(memoKey) as Doc[];
    const variables = !expr.let ? {} : letFn ? (letFn(obj, options as never) as Doc) : (evalExpr(obj, expr.let, options as never) as Doc);
    let result: Doc[];
    if (filters) {
      const opts = filterOpts!.update({ root: null, variables });
      result = [];
      for (const d of matched) {
        if (filters.every((f) => passes(f, d, opts)) && result.push(d) === tail) break;
      }
    } else {
      // MongoDB puts the equality match first in the pipeline and runs the whole of it, also
      // when nothing matched: a stage that makes rows from no input (`$unionWith` of
      // `$documents`, a global aggregate's one row) still makes them
      result = agg.run(matched, options.constructor.init(options).update({ root: null, variables }) as never) as Doc[];
    }
    if (memoKey !== undefined) memo!.set(memoKey, result);
    return result;
  };
}

/** `{$match: {$expr: …}}` and nothing else */
function isExprMatch(stage: Doc): boolean {
  const m = stage.$match;
  return Object.keys(stage).length === 1 && typeof m === 'object' && m !== null && !Array.isArray(m) && Object.keys(m).length === 1 && '$expr' in m;
}

/** what the `$expr` query operator (mingo-compiled.ts) answers for a document: truthy, '' too in strict mode */
function passes(f: Compiled, doc: Doc, options: ComputeOptionsLike): boolean {
  const v = f(doc, options as never);
  return !!v || ((options as { useStrictMode?: boolean }).useStrictMode === true && v === '');
}

/**
 * `$lookup` with a pipeline and no localField: MongoDB runs the pipeline's
 * uncorrelated prefix (the stages before the first one that reads a `let` variable)
 * once and caches its result for every input document (its "sequential document
 * cache"; see the \$lookup documentation on uncorrelated subqueries). mingo ran
 * the whole pipeline over the whole foreign collection for every input document,
 * so an uncorrelated subquery cost a full scan per row. Here the prefix runs once,
 * on the first document, and only the correlated rest runs per document.
 */
function cachedPrefixLookup(coll: { map(f: (o: Doc) => Doc): unknown }, expr: LookupSpec, options: ComputeOptionsLike): unknown {
  const stages = expr.pipeline!;
  const vars = Object.keys(expr.let ?? {});
  let split = stages.findIndex((stage) => readsVariable(stage, new Set(vars)));
  if (split < 0) split = stages.length;
  if (split === 0) return mingoPipeline.$lookup(coll, expr, options);
  const prefix = stages.slice(0, split);
  const rest = stages.slice(split);
  let cached: Doc[] | undefined;
  const prefixRows = (): Doc[] => {
    cached ??= perCommand(options, `prefix ${expr.from} ${JSON.stringify(prefix)}`, () => {
      const input = expr.from === undefined ? [] : (options.collectionResolver?.(expr.from, prefix) ?? []);
      const stages = prefix.slice(alreadyApplied(input, prefix));
      return stages.length ? (new Aggregator(stages, options as never).run(input) as Doc[]) : [...input];
    });
    return cached;
  };
  const agg = rest.length ? new Aggregator(fuseLookupUnwind(rest), options as never) : undefined;
  return coll.map((obj) => {
    const rows = prefixRows();
    if (!agg) return withField(obj, expr.as, rows);
    const variables = expr.let ? (evalExpr(obj, expr.let, options as never) as Doc) : {};
    const opts = options.constructor.init(options).update({ root: null, variables });
    return withField(obj, expr.as, agg.run(rows, opts as never));
  });
}

/**
 * What a `$lookup` builds from the foreign collection alone (its hash by key, its cached
 * uncorrelated prefix), kept for the whole command: a `$lookup` inside another one's
 * pipeline runs again for every document of the outer one, and rebuilt them each
 * time (a scan of lineitem per partsupp row in TPC-H q20). Keyed by the command's
 * collection resolver, which the engine makes anew for every command, and by the
 * spec; nothing that varies within a command ($rand, $sample) is kept.
 */
const PER_COMMAND = new WeakMap<object, Map<string, unknown>>();
function perCommand<T>(options: ComputeOptionsLike, spec: string, build: () => T): T {
  const owner = options.collectionResolver;
  if (!owner || /"\$(sample|rand|sampleRate)"/.test(spec)) return build();
  let cache = PER_COMMAND.get(owner);
  if (!cache) PER_COMMAND.set(owner, (cache = new Map()));
  if (!cache.has(spec)) cache.set(spec, build());
  return cache.get(spec) as T;
}

/** Does a stage read one of `vars` (`$$v`, `$$v.x`)? A nested `$lookup`'s own `let` names hide the outer ones in its pipeline. */
function readsVariable(value: unknown, vars: Set<string>): boolean {
  if (vars.size === 0) return false;
  if (typeof value === 'string') return value.startsWith('$$') && vars.has(value.slice(2).split('.')[0]);
  if (Array.isArray(value)) return value.some((v) => readsVariable(v, vars));
  if (typeof value !== 'object' || value === null || value instanceof Date) return false;
  const lookup = (value as Doc).$lookup as LookupSpec | undefined;
  if (lookup && typeof lookup === 'object' && Object.keys(value).length === 1) {
    if (readsVariable(lookup.let ?? {}, vars)) return true;
    const inner = new Set([...vars].filter((v) => !(lookup.let && v in lookup.let)));
    return readsVariable(lookup.pipeline ?? [], inner);
  }
  return Object.values(value).some((v) => readsVariable(v, vars));
}

/**
 * `$unwind` of a top-level field without options (what a join's `$lookup` is followed
 * by): an array gives one document per element, null, missing and `[]` give none, and
 * any other value (`""` and `{}` included) leaves the document as it is. mingo drops
 * documents whose field is `""` or `{}`, and copies each document through its path
 * machinery, which made this stage a fifth of a join query's time. Every other form
 * (dotted path, includeArrayIndex, preserveNullAndEmptyArrays) is mingo's.
 */
function $unwind(coll: { next(): { value: unknown; done?: boolean } }, expr: unknown, options: unknown): unknown {
  const spec = (typeof expr === 'string' ? { path: expr } : expr) as { path?: unknown; includeArrayIndex?: unknown; preserveNullAndEmptyArrays?: unknown };
  const topLevel = typeof spec.path === 'string' && spec.path.startsWith('$') && !spec.path.includes('.') && spec.path !== '$__proto__';
  const simple = topLevel && Object.keys(spec).length === 1;
  // preserveNullAndEmptyArrays (a LEFT JOIN's unwind): mingo's rule, without its path machinery
  if (topLevel && Object.keys(spec).length === 2 && spec.preserveNullAndEmptyArrays === true) return unwindPreserving(coll, (spec.path as string).slice(1));
  if (!simple) return mingoPipeline.$unwind(coll, expr, options);
  const field = (spec.path as string).slice(1);
  let doc: Doc | undefined;
  let items: unknown[] = [];
  let next = 0;
  return Lazy(() => {
    for (;;) {
      if (next < items.length) return { value: withField(doc!, field, items[next++]), done: false };
      const w = coll.next();
      if (w.done) return { value: undefined, done: true };
      const d = w.value as Doc;
      const v = d[field];
      if (Array.isArray(v)) {
        doc = d;
        items = v;
        next = 0;
      } else if (v !== null && v !== undefined) return { value: d, done: false };
    }
  });
}


/**
 * `$unwind: {path: "$f", preserveNullAndEmptyArrays: true}` of a top-level field, as
 * mingo computes it: an array gives one document per element (a copy with the element
 * in its place), an empty array the document without the field (mingo deletes it from
 * the document itself; here from a copy, so the stage's input is left as it was), any
 * other value, null or missing the document as it is. mingo copied each document
 * through its path machinery (resolveGraph, setValue): most of TPC-H q13's join.
 */
function unwindPreserving(coll: { next(): { value: unknown; done?: boolean } }, field: string): unknown {
  let doc: Doc | undefined;
  let items: unknown[] = [];
  let next = 0;
  return Lazy(() => {
    if (next < items.length) return { value: withField(doc!, field, items[next++]), done: false };
    const w = coll.next();
    if (w.done) return { value: undefined, done: true };
    const d = w.value as Doc;
    const v = d[field];
    if (!Array.isArray(v)) return { value: d, done: false };
    if (v.length === 0) {
      const out: Doc = {};
      for (const k of Object.keys(d)) {
        if (k === '__proto__') {
          // an own "__proto__" field (JSON can hold one): an assignment would set the prototype
          const copy = { ...d };
          delete copy[field];
          return { value: copy, done: false };
        }
        if (k !== field) out[k] = d[k];
      }
      return { value: out, done: false };
    }
    doc = d;
    items = v;
    next = 1;
    return { value: withField(d, field, v[0]), done: false };
  });
}

/** the operator tables of EMBEDDED_CONTEXT (bench/ compares variants of it) */
export const EMBEDDED_OPERATORS: Parameters<typeof Context.init>[0] = {
  accumulator: { ...accumulatorOperators, ...NAN_ACCUMULATORS, $top: single('$topN'), $bottom: single('$bottomN') },
  expression: {
    ...expressionOperators,
    ...NAN_EXPRESSION_OPERATORS,
    ...DATE_PART_OPERATORS,
    $indexOfCP,
    $substrCP,
    $dateAdd: dateAdd(1),
    $dateSubtract: dateAdd(-1),
    $convert,
    $toDate,
    ...EXTREME_EXPRESSIONS,
    $mod,
    $round,
    $dateDiff,
    $regexFindAll,
    $regexFind,
    $bitAnd: bitwise('$bitAnd', (a, b) => a & b),
    $bitOr: bitwise('$bitOr', (a, b) => a | b),
    $bitXor: bitwise('$bitXor', (a, b) => a ^ b),
    $bitNot,
    $arrayToObject,
    ...WHOLE_VALUE_EQUALITY,
    $getField,
  },
  pipeline: {
    ...pipelineOperators,
    $lookup: $lookup as unknown as (typeof pipelineOperators)['$lookup'],
    // the embedded engine's own stage for a $lookup and the $unwind of its field (lookup-unwind-fusion.ts)
    [LOOKUP_UNWIND]: $lookupUnwind as unknown as (typeof pipelineOperators)['$lookup'],
    $unwind: $unwind as unknown as (typeof pipelineOperators)['$unwind'],
    $setWindowFields: $setWindowFields as unknown as (typeof pipelineOperators)['$setWindowFields'],
    // NaN in MongoDB's place (mingo-sort.ts)
    $sort: $sort as unknown as (typeof pipelineOperators)['$sort'],
    // compiled expressions (mingo-compiled.ts)
    $group: $group as unknown as (typeof pipelineOperators)['$group'],
    $addFields: $addFields as unknown as (typeof pipelineOperators)['$addFields'],
    $set: $addFields as unknown as (typeof pipelineOperators)['$set'],
    $replaceWith: $replaceWith as unknown as (typeof pipelineOperators)['$replaceWith'],
    // top-level fields without mingo's path walker (mingo-unset.ts)
    $unset: $unset as unknown as (typeof pipelineOperators)['$unset'],
  },
  projection: projectionOperators,
  query: { ...queryOperators, $expr: $expr as unknown as (typeof queryOperators)['$expr'] },
  window: windowOperators,
};

export const EMBEDDED_CONTEXT = Context.init(EMBEDDED_OPERATORS);
