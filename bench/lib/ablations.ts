/**
 * What three rewrites of the generated pipelines would save, measured rather than
 * guessed: each is applied to a copy of the compiled pipeline, run on mingo (CLONE_OFF)
 * over the same documents, and its rows must equal the generated pipeline's. They model
 * changes to src/mongo and src/plan, valid where they fire (see each rule):
 *
 *  - `non-null-counters`: a SUM/AVG's companion `X_n` ("how many non-NULL inputs", so an
 *    all-NULL group gives NULL) is dropped when the summed expression can never be NULL:
 *    a `$switch`/`$cond` whose every branch is a non-null literal (SUM(CASE … ELSE 0)).
 *  - `prune-projections`: a `$project` keeps only the fields a later stage reads before the
 *    next stage that replaces the document (`$group`/`$project`); unused CTE columns go.
 *  - `null-guards`: `{$cond: [{$eq: [{$ifNull: [F, null]}, null]}, null, {OP: F}]}` becomes
 *    `{OP: F}` where MongoDB's OP already returns null for a null or missing F ($year,
 *    $month, $hour, $dateTrunc …); likewise `{$ifNull: [E, null]}` around such an E.
 *  - `let-bind-guards`: where such a guard tests an expression E (not a field path) and
 *    repeats it, `{$let: {vars: {nnK: E}, in: <the guard with "$$nnK" for E>}}`, so E is
 *    computed once (LOWER(SPLIT_PART(…)) computes the split twice, nested guards 2ⁿ times).
 */
import type { Document } from '../../src/commands/command-ir.js';

type Json = unknown;
export type Rewrite = (pipeline: Document[]) => { pipeline: Document[]; fired: number };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const isNonNullLiteral = (v: unknown) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function neverNull(e: Json): boolean {
  if (isNonNullLiteral(e)) return !(typeof e === 'string' && e.startsWith('$'));
  if (!isObj(e)) return false;
  if ('$switch' in e) {
    const sw = e.$switch as { branches: { then: Json }[]; default?: Json };
    return sw.default !== undefined && neverNull(sw.default) && sw.branches.every((b) => neverNull(b.then));
  }
  if ('$cond' in e && Array.isArray(e.$cond)) return neverNull(e.$cond[1]) && neverNull(e.$cond[2]);
  return false;
}

export const nonNullCounters: Rewrite = (pipeline) => {
  const out = structuredClone(pipeline);
  let fired = 0;
  out.forEach((stage, i) => {
    const group = stage.$group as Record<string, Json> | undefined;
    if (!group) return;
    for (const [field, acc] of Object.entries(group)) {
      if (!field.endsWith('_n')) continue;
      // X_n: {$sum: {$cond: [{$eq: [{$ifNull: [E, null]}, null]}, 0, 1]}}
      const cond = isObj(acc) && isObj(acc.$sum) ? (acc.$sum.$cond as Json[] | undefined) : undefined;
      const eq = cond && isObj(cond[0]) ? (cond[0].$eq as Json[] | undefined) : undefined;
      const ifNull = eq && isObj(eq[0]) ? (eq[0].$ifNull as Json[] | undefined) : undefined;
      if (!ifNull || !neverNull(ifNull[0])) continue;
      delete group[field];
      const base = field.slice(0, -2);
      const next = out[i + 1]?.$set as Record<string, Json> | undefined;
      if (next && base in next && JSON.stringify(next[base]).includes(`"$${field}"`)) {
        delete next[base];
        if (Object.keys(next).length === 0) out.splice(i + 1, 1);
      }
      fired++;
    }
  });
  return { pipeline: out, fired };
};

/** Field names a stage reads (`"$name"` or `"$name.sub"`), excluding `$$variables`. */
function reads(v: Json, acc = new Set<string>()): Set<string> {
  if (typeof v === 'string' && v.startsWith('$') && !v.startsWith('$$')) acc.add(v.slice(1).split('.')[0]);
  else if (Array.isArray(v)) v.forEach((x) => reads(x, acc));
  else if (isObj(v)) Object.values(v).forEach((x) => reads(x, acc));
  return acc;
}

export const pruneProjections: Rewrite = (pipeline) => {
  const out = structuredClone(pipeline);
  let fired = 0;
  out.forEach((stage, i) => {
    const proj = stage.$project as Record<string, Json> | undefined;
    if (!proj) return;
    const used = new Set<string>();
    let replaced = false;
    for (const later of out.slice(i + 1)) {
      const op = Object.keys(later)[0];
      if (op === '$sort') Object.keys(later.$sort as object).forEach((k) => used.add(k.split('.')[0]));
      else if (op === '$unset') continue;
      reads(later[op], used);
      if (op === '$group' || op === '$project') {
        replaced = true;
        break;
      }
    }
    if (!replaced) return; // the projection is (part of) the output: every field is needed
    for (const k of Object.keys(proj)) {
      if (k !== '_id' && !used.has(k)) {
        delete proj[k];
        fired++;
      }
    }
  });
  return { pipeline: out, fired };
};

const NULL_PROPAGATING = new Set(['$year', '$month', '$dayOfMonth', '$hour', '$minute', '$second', '$millisecond', '$dayOfWeek', '$dayOfYear', '$week', '$isoWeek', '$isoWeekYear', '$dateTrunc', '$dateToString']);

function operand(op: string, arg: Json): Json {
  return op === '$dateTrunc' || op === '$dateToString' ? (isObj(arg) ? arg.date : undefined) : Array.isArray(arg) ? arg[0] : arg;
}

export const nullGuards: Rewrite = (pipeline) => {
  let fired = 0;
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObj(v)) return v;
    const mapped: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) mapped[k] = walk(x);
    const cond = mapped.$cond;
    if (Object.keys(mapped).length === 1 && Array.isArray(cond) && cond.length === 3 && cond[1] === null && isObj(cond[2])) {
      const eq = isObj(cond[0]) ? (cond[0].$eq as Json[] | undefined) : undefined;
      const tested = eq && eq[1] === null && isObj(eq[0]) && Array.isArray(eq[0].$ifNull) && eq[0].$ifNull[1] === null ? eq[0].$ifNull[0] : undefined;
      const keys = Object.keys(cond[2]);
      if (tested !== undefined && keys.length === 1 && NULL_PROPAGATING.has(keys[0]) && same(operand(keys[0], cond[2][keys[0]]), tested)) {
        fired++;
        return cond[2];
      }
    }
    const ifn = mapped.$ifNull;
    if (Object.keys(mapped).length === 1 && Array.isArray(ifn) && ifn.length === 2 && ifn[1] === null && isObj(ifn[0])) {
      const keys = Object.keys(ifn[0]);
      if (keys.length === 1 && NULL_PROPAGATING.has(keys[0])) {
        fired++;
        return ifn[0];
      }
    }
    return mapped;
  };
  const out = pipeline.map((s) => walk(s) as Document);
  return { pipeline: out, fired };
};

export const letBindGuards: Rewrite = (pipeline) => {
  let fired = 0;
  const replaceAll = (v: Json, target: string, by: string): Json => {
    if (JSON.stringify(v) === target) return by;
    if (Array.isArray(v)) return v.map((x) => replaceAll(x, target, by));
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceAll(x, target, by)]));
    return v;
  };
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObj(v)) return v;
    const mapped: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) mapped[k] = walk(x);
    const cond = mapped.$cond;
    if (Object.keys(mapped).length === 1 && Array.isArray(cond) && cond.length === 3) {
      const eq = isObj(cond[0]) ? (cond[0].$eq as Json[] | undefined) : undefined;
      const tested = eq && eq[1] === null && isObj(eq[0]) && Array.isArray(eq[0].$ifNull) && eq[0].$ifNull[1] === null ? eq[0].$ifNull[0] : undefined;
      if (isObj(tested)) {
        const text = JSON.stringify(tested);
        const rest = JSON.stringify([cond[1], cond[2]]);
        if (rest.includes(text)) {
          const name = `nn${fired++}`;
          return { $let: { vars: { [name]: tested }, in: replaceAll(mapped, text, `$$${name}`) } };
        }
      }
    }
    return mapped;
  };
  const out = pipeline.map((s) => walk(s) as Document);
  return { pipeline: out, fired };
};

export const REWRITES: Record<string, Rewrite> = {
  'non-null-counters': nonNullCounters,
  'prune-projections': pruneProjections,
  'null-guards': nullGuards,
  'let-bind-guards': letBindGuards,
};

export function allRewrites(pipeline: Document[]): { pipeline: Document[]; fired: number } {
  let fired = 0;
  let p = pipeline;
  for (const r of Object.values(REWRITES)) {
    const res = r(p);
    p = res.pipeline;
    fired += res.fired;
  }
  return { pipeline: p, fired };
}
