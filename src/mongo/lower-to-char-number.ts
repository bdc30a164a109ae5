import { SqlEtlError, unsupported } from '../errors.js';
import type { FuncExpr } from '../ir/expr.js';
import type { SourceSpan } from '../errors.js';
import { cond, letIn, literal, type Mql } from './mql.js';
import { raiseIf } from './raise.js';
import {
  applyNumberTemplate,
  isPlaceholder,
  ORDINAL_LOWER,
  ORDINAL_UPPER,
  parseNumberTemplate,
  PLACEHOLDER_BASE,
  TemplateError,
  type NumberTemplate,
  type TemplateDescription,
  type TemplateNode,
} from './number-template.js';

/**
 * `to_char(number, 'template')` with a constant template, compiled into one MongoDB
 * expression (number-template.ts reads the template and writes numbers into it).
 *
 * At run time the pipeline computes what PostgreSQL formats: the sign, the integer
 * digits `i` and the fraction digits `f` after rounding (numeric: half away from
 * zero, on the decimal the user wrote, as ROUND does in rounding.ts; float8: to the
 * double's exact value, half to even, at most 15 significant digits, as C's printf
 * does for PostgreSQL), and the digits' string `s` (`i.f`). The template's output
 * depends on the number only through its sign, how many integer digits it has
 * (or that it does not fit), how many fraction digits PostgreSQL keeps (float8) and,
 * with FM, where its last non-zero fraction digit is: one class of numbers each.
 * For each class the template is applied at compile time to a digit string made of
 * placeholders, and its output becomes one `$switch` branch: text, and substrings
 * of `s` where the placeholders were. Identical branches are merged.
 */

type NumberKind = 'int' | 'numeric' | 'float';

/** digit positions a double computes exactly (10^15 < 2^53); float8 keeps 15 significant digits */
const DOUBLE_DIGITS = 15;
const INFINITY = 'Infinity';

export function lowerToCharNumber(value: Mql, f: FuncExpr, kind: NumberKind): Mql {
  const fmtArg = f.args[1];
  if (fmtArg.kind !== 'literal' || typeof fmtArg.value !== 'string') throw unsupported('lower', 'to_char with a non-constant format', fmtArg.span);
  const format = fmtArg.value;
  const at = (offset: number, length = 1): SourceSpan | undefined =>
    fmtArg.span && offset >= 0 ? { start: fmtArg.span.start + 1 + offset, end: fmtArg.span.start + 1 + offset + length } : fmtArg.span;
  let template: NumberTemplate;
  try {
    template = parseNumberTemplate(format);
  } catch (e) {
    if (e instanceof TemplateError) throw new SqlEtlError('invalid-parameter-value', 'lower', e.message, { span: at(e.offset) });
    throw e;
  }
  // DocumentDB evaluates every branch of a $cond: NULL (answered by `strict`) reads as 0 here
  const x: Mql = { $ifNull: [value, 0] };
  const keyword = (k: string) => template.nodes.find((n) => n.kind === 'keyword' && n.keyword === k);
  const { flags } = template.desc;
  if (flags.has('roman')) return romanNumeral(x, template.nodes, kind, at);
  if (flags.has('eeee')) {
    const e = keyword('EEEE');
    if (kind === 'float') throw unsupported('lower', 'to_char of double precision with EEEE (C printf rounding of the binary value)', at(e && e.kind === 'keyword' ? e.offset : 0, 4));
    return scientific(x, template.desc);
  }
  const desc = { ...template.desc, pre: template.desc.pre + template.desc.multi };
  // doubles hold 15 digits exactly (and the embedded engine converts only those to long);
  // float8 prints at most 15 significant digits, so only its integer positions count
  const digitPositions = kind === 'float' ? desc.pre : desc.pre + desc.post;
  // an integer (|x| ≤ 2^53 − 1, 16 digits) prints exactly through any number of positions: its fraction is zeros
  const widest = kind === 'int' && desc.multi === 0 ? Infinity : DOUBLE_DIGITS;
  if (digitPositions > widest) {
    const nine = template.nodes.find((n) => n.kind === 'keyword' && (n.keyword === '9' || n.keyword === '0'));
    throw unsupported('lower', `to_char of ${kind === 'int' ? 'integer' : kind === 'float' ? 'double precision' : 'numeric'} with more than ${widest} ${kind === 'float' ? 'integer ' : ''}digit positions (${digitPositions})`, at(nine?.kind === 'keyword' ? nine.offset : 0, 1));
  }
  const out = fixedPoint(x, template.nodes, desc, kind, f.span);
  if (kind !== 'int' || desc.multi === 0) return out;
  // PostgreSQL multiplies an int4 by 10^V in int4 arithmetic, which wraps around past
  // 2^31 (and an int8 fails past 2^63); the argument's width is not known here: refused
  // for those values at run time
  const v = keyword('V');
  return raiseIf(
    out,
    { $gte: [{ $abs: { $multiply: [x, 10 ** desc.multi] } }, 2 ** 31] },
    'feature-not-supported',
    ['to_char of an integer with V whose product is 2^31 or more is not supported yet'],
    v?.kind === 'keyword' ? at(v.offset) : f.span,
  );
}

/** The variables the classes are told apart by: `$$neg`, `$$i`, `$$f`, `$$over` (the number does not fit). */
function digitsOf(x: Mql, desc: TemplateDescription, kind: NumberKind, body: Mql): Mql {
  const { pre, post, multi } = desc;
  const tooWide = (ip: Mql): Mql => (pre === 0 ? true : { $gte: [ip, 10 ** pre] });
  const fraction = (fp: Mql, places: Mql): Mql => ({ $substrCP: [{ $toString: { $toLong: { $add: [fp, { $pow: [10, places] }] } } }, 1, places] });
  const scaled = multi ? { $multiply: [x, 10 ** multi] } : x;
  if (kind === 'int' && multi === 0) {
    // integers print exactly; the fraction is zeros
    return letIn(
      { neg: { $lt: [x, 0] }, i: { $toString: { $abs: { $toLong: x } } }, f: '0'.repeat(post) },
      letIn({ over: { $gt: [{ $strLenCP: '$$i' }, pre] } }, body),
    );
  }
  if (kind !== 'float') {
    // numeric (a double or an integer): the scaled absolute value rounded half away from zero (rounding.ts's nudge)
    const s = 10 ** post;
    const n = { $floor: { $add: [{ $multiply: [{ $abs: scaled }, s, 1 + 1e-15] }, 0.5] } };
    return letIn(
      { n: { $min: [n, 10 ** DOUBLE_DIGITS] }, inf: { $eq: [{ $abs: x }, Infinity] } },
      letIn(
        { fp: { $mod: ['$$n', s] } },
        letIn(
          { ip: { $divide: [{ $subtract: ['$$n', '$$fp'] }, s] } },
          letIn(
            {
              neg: { $and: [{ $lt: [x, 0] }, { $or: [{ $gt: ['$$n', 0] }, '$$inf'] }] },
              // PostgreSQL prints ±Infinity as the digits "Infinity"
              over: cond('$$inf', pre < INFINITY.length, tooWide('$$ip')),
              i: cond('$$inf', INFINITY, { $toString: { $toLong: '$$ip' } }),
              f: post ? fraction('$$fp', post) : '',
            },
            body,
          ),
        ),
      ),
    );
  }
  // float8: PostgreSQL prints |x| with printf("%.0f") to count its integer digits, keeps
  // post' = min(post, 15 − digits) fraction digits, and prints printf("%.*f", post', x):
  // the double's exact value rounded half to even. The product a·10^post' is computed
  // exactly as hi + lo (Dekker's product: doubles only), so the rounding sees the exact value.
  const clampTo = 10 ** DOUBLE_DIGITS;
  return letIn(
    { a: { $min: [{ $abs: scaled }, clampTo] }, sx: scaled, inf: { $eq: [{ $abs: scaled }, Infinity] } },
    letIn(
      { r0: roundHalfEven('$$a', 1, 0) },
      letIn(
        { l0: { $strLenCP: { $toString: { $toLong: '$$r0' } } } },
        letIn(
          { q: cond('$$inf', Math.min(post, DOUBLE_DIGITS - INFINITY.length), { $max: [0, { $min: [post, { $subtract: [DOUBLE_DIGITS, '$$l0'] }] }] }) },
          letIn(
            { c: { $pow: [10, '$$q'] } },
            letIn(
              { n: cond({ $eq: ['$$q', 0] }, '$$r0', roundHalfEven('$$a', '$$c', exactProductError('$$a', '$$c'))) },
              letIn(
                { fp: { $mod: ['$$n', '$$c'] } },
                letIn(
                  { ip: { $divide: [{ $subtract: ['$$n', '$$fp'] }, '$$c'] } },
                  letIn(
                    {
                      // -0.0 prints "-0": atan2(-0, -1) is −π
                      neg: { $or: [{ $lt: ['$$sx', 0] }, { $and: [{ $eq: ['$$sx', 0] }, { $lt: [{ $atan2: ['$$sx', -1] }, 0] }] }] },
                      over: cond('$$inf', pre < INFINITY.length, { $or: [{ $gte: [{ $abs: '$$sx' }, clampTo] }, tooWide('$$ip')] }),
                      i: cond('$$inf', INFINITY, { $toString: { $toLong: '$$ip' } }),
                      f: fraction('$$fp', '$$q'),
                    },
                    body,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** the rounding error of a·c (both below 2^996), exactly: Dekker's two-product without fused multiply-add */
function exactProductError(a: Mql, c: Mql): Mql {
  const split = (v: Mql, name: string) => ({ [`${name}h`]: { $subtract: [{ $multiply: [134217729, v] }, { $subtract: [{ $multiply: [134217729, v] }, v] }] } });
  return letIn(
    { ...split(a, 'a'), ...split(c, 'c') },
    letIn(
      // names of their own: DocumentDB loses a variable that an inner $let shadows
      { al: { $subtract: [a, '$$ah'] }, cl: { $subtract: [c, '$$ch'] }, product: { $multiply: [a, c] } },
      {
        $add: [
          { $add: [{ $add: [{ $subtract: [{ $multiply: ['$$ah', '$$ch'] }, '$$product'] }, { $multiply: ['$$ah', '$$cl'] }] }, { $multiply: ['$$al', '$$ch'] }] },
          { $multiply: ['$$al', '$$cl'] },
        ],
      },
    ),
  );
}

/** round(a·c + lo) half to even, where a·c rounds to hi and lo is its exact error (|lo| ≤ half an ulp of hi) */
function roundHalfEven(a: Mql, c: Mql, lo: Mql): Mql {
  return letIn(
    { hi: { $multiply: [a, c] }, lo },
    letIn(
      { fl: { $floor: '$$hi' } },
      letIn(
        { d: { $subtract: ['$$hi', '$$fl'] } },
        {
          $add: [
            '$$fl',
            cond(
              { $or: [{ $gt: ['$$d', 0.5] }, { $and: [{ $eq: ['$$d', 0.5] }, { $or: [{ $gt: ['$$lo', 0] }, { $and: [{ $eq: ['$$lo', 0] }, { $eq: [{ $mod: ['$$fl', 2] }, 1] }] }] }] }] },
              1,
              0,
            ),
          ],
        },
      ),
    ),
  );
}

/** the classes of numbers one template tells apart, and the runtime key naming each */
interface NumberClass {
  neg: boolean;
  /** ±Infinity where it fits: the digits "Infinity" */
  infinite?: boolean;
  /** integer digits, 0 for the integer part "0", -1 for a number that does not fit */
  intDigits: number;
  fracDigits: number;
  /** with FM: how many fraction digits up to the last non-zero one */
  relevant: number;
}

const classKey = (c: NumberClass): number =>
  (c.neg ? 10_000_000 : 0) + (c.infinite ? 1_000_000 : (c.intDigits + 1) * 10_000) + c.fracDigits * 100 + c.relevant;

function fixedPoint(x: Mql, nodes: TemplateNode[], desc: TemplateDescription, kind: NumberKind, span: SourceSpan | undefined): Mql {
  const { pre, post } = desc;
  const trims = desc.flags.has('fillmode') && desc.flags.has('decimal');
  // fraction digits PostgreSQL keeps, per count of integer digits before rounding (float8: 15 significant digits)
  const kept = (intDigits: number): number => (kind === 'float' ? Math.max(0, Math.min(post, DOUBLE_DIGITS - Math.max(intDigits, 1))) : post);
  const classes: NumberClass[] = [];
  for (const neg of [false, true]) {
    for (let l = 0; l <= pre; l++) {
      // float8: the digits counted before rounding are these or one more (9.7 → "10" → 9.7)
      const fracs = new Set([kept(Math.max(l, 1)), kept(l + 1)]);
      for (const fd of fracs) for (let r = 0; r <= (trims ? fd : 0); r++) classes.push({ neg, intDigits: l, fracDigits: fd, relevant: r });
    }
    const overFracs = new Set<number>();
    for (let l0 = Math.max(pre, 1); l0 <= DOUBLE_DIGITS + 2; l0++) overFracs.add(kept(l0));
    for (const fd of overFracs) classes.push({ neg, intDigits: -1, fracDigits: fd, relevant: 0 });
    if (pre >= INFINITY.length) classes.push({ neg, infinite: true, intDigits: INFINITY.length, fracDigits: kept(INFINITY.length), relevant: 0 });
  }
  // each class's output, as text with placeholders (or PostgreSQL's error)
  const rendered = new Map<number, { c: NumberClass; number: string; text: string } | { c: NumberClass; error: string }>();
  for (const c of classes) {
    const d = { ...desc, post: c.fracDigits };
    let number: string;
    let outPreSpaces = 0;
    if (c.infinite) {
      number = INFINITY;
      outPreSpaces = pre - INFINITY.length;
    } else if (c.intDigits < 0) {
      const hashes = [...'#'.repeat(pre + c.fracDigits + 1)];
      hashes[pre] = '.';
      number = hashes.join('');
    } else {
      const ip = c.intDigits === 0 ? '0' : placeholders(0, c.intDigits);
      const start = ip.length + 1;
      let fp = '';
      for (let j = 0; j < c.fracDigits; j++) fp += trims && j >= c.relevant ? '0' : String.fromCharCode(PLACEHOLDER_BASE + start + j);
      number = c.fracDigits ? `${ip}.${fp}` : ip;
      outPreSpaces = pre - ip.length;
    }
    try {
      rendered.set(classKey(c), { c, number, text: applyNumberTemplate(nodes, d, c.neg ? '-' : '+', number, outPreSpaces) });
    } catch (e) {
      // TH of "Infinity": PostgreSQL's error, for these numbers only
      if (!(e instanceof TemplateError)) throw e;
      if (!c.infinite) throw unsupported('lower', `a to_char template that PostgreSQL refuses (${e.message})`, span);
      rendered.set(classKey(c), { c, error: e.message });
    }
  }
  // a positive class and its negative twin share one branch when they differ only in sign characters
  const groups = new Map<string, { out: Mql; keys: number[] }>();
  const add = (out: Mql, keys: number[]) => {
    const id = JSON.stringify(out);
    const g = groups.get(id);
    if (g) g.keys.push(...keys);
    else groups.set(id, { out, keys });
  };
  for (const [key, r] of rendered) {
    if (r.c.neg) continue;
    const twin = rendered.get(key + classKey({ ...r.c, neg: true }) - classKey(r.c));
    const render = (x: typeof r): Mql => ('error' in x ? raiseIf('', true, 'invalid-parameter-value', [x.error], span) : pieces([x.text], x.number, x.c.intDigits));
    const merged = twin && !('error' in r) && !('error' in twin) ? signMerged(r.text, twin.text) : undefined;
    if (merged && twin && 'number' in r) add(pieces(merged, r.number, r.c.intDigits), [key, classKey(twin.c)]);
    else {
      add(render(r), [key]);
      if (twin) add(render(twin), [classKey(twin.c)]);
    }
  }
  const list = [...groups.values()].sort((a, b) => b.keys.length - a.keys.length);
  const [common, ...rest] = list;
  const infinite = { $and: [{ $eq: ['$$i', INFINITY] }, { $not: ['$$over'] }] };
  const key = {
    $add: [
      cond('$$neg', 10_000_000, 0),
      cond(infinite, 1_000_000, { $multiply: [cond('$$over', 0, cond({ $eq: ['$$i', '0'] }, 1, { $add: [{ $strLenCP: '$$i' }, 1] })), 10_000] }),
      { $multiply: [{ $strLenCP: '$$f' }, 100] },
      trims ? cond({ $or: ['$$over', infinite] }, 0, { $strLenCP: { $rtrim: { input: '$$f', chars: '0' } } }) : 0,
    ],
  };
  const choose =
    rest.length === 0
      ? common.out
      : letIn({ k: key }, { $switch: { branches: rest.map((g) => ({ case: { $in: ['$$k', g.keys] }, then: g.out })), default: common.out } });
  return digitsOf(x, desc, kind, letIn({ s: { $concat: ['$$i', cond({ $eq: ['$$f', ''] }, '', '.'), '$$f'] } }, choose));
}

const placeholders = (from: number, count: number): string => {
  let s = '';
  for (let j = 0; j < count; j++) s += String.fromCharCode(PLACEHOLDER_BASE + from + j);
  return s;
};

type Segment = string | { pos: string; neg: string };

/**
 * The outputs of a positive class and of its negative twin as one, where they differ
 * only in characters that are not digits: the differing stretch (PR's two brackets:
 * each differing character) becomes a choice on `$$neg`. Undefined when digits differ.
 */
function signMerged(pos: string, neg: string): Segment[] | undefined {
  if (pos === neg) return [pos];
  const p = [...pos];
  const n = [...neg];
  const plain = (cs: string[]) => cs.every((ch) => !isPlaceholder(ch) && ch !== ORDINAL_UPPER && ch !== ORDINAL_LOWER);
  let a = 0;
  while (a < p.length && a < n.length && p[a] === n[a]) a++;
  let b = 0;
  while (b < p.length - a && b < n.length - a && p[p.length - 1 - b] === n[n.length - 1 - b]) b++;
  const mp = p.slice(a, p.length - b);
  const mn = n.slice(a, n.length - b);
  if (plain(mp) && plain(mn)) return [p.slice(0, a).join(''), { pos: mp.join(''), neg: mn.join('') }, p.slice(p.length - b).join('')];
  if (p.length !== n.length) return undefined;
  const out: Segment[] = [];
  for (let j = 0; j < p.length; j++) {
    if (p[j] === n[j]) out.push(p[j]);
    else if (plain([p[j], n[j]])) out.push({ pos: p[j], neg: n[j] });
    else return undefined;
  }
  return out;
}

/**
 * compile-time output → `$concat` of text, `$$neg` choices and substrings of `$$s`
 * where the placeholders were (a run of them, with the known characters of `number`
 * that follow it, such as the decimal point, is one substring)
 */
function pieces(segments: Segment[], number: string, intDigits: number): Mql {
  const parts: Mql[] = [];
  let plain = '';
  const flush = () => {
    if (plain) parts.push(literal(plain));
    plain = '';
  };
  const known = [...number];
  const chars = segments.flatMap((g): Segment[] => (typeof g === 'string' ? [...g] : [g]));
  for (let j = 0; j < chars.length; j++) {
    const ch = chars[j];
    if (typeof ch !== 'string') {
      flush();
      parts.push(ch.pos === ch.neg ? ch.pos : cond('$$neg', literal(ch.neg), literal(ch.pos)));
    } else if (isPlaceholder(ch)) {
      flush();
      const from = ch.charCodeAt(0) - PLACEHOLDER_BASE;
      let len = 1;
      for (;;) {
        const next = chars[j + 1];
        const expected = known[from + len];
        if (typeof next !== 'string' || expected === undefined || next !== expected) break;
        len++;
        j++;
      }
      parts.push({ $substrCP: ['$$s', from, len] });
    } else if (ch === ORDINAL_UPPER || ch === ORDINAL_LOWER) {
      flush();
      parts.push(ordinal(intDigits, ch === ORDINAL_UPPER));
    } else plain += ch;
  }
  flush();
  // adjacent texts (a sign choice next to text stays apart)
  if (parts.length === 0) return '';
  return parts.length === 1 && typeof parts[0] !== 'string' ? parts[0] : { $concat: parts };
}

/** TH/th of the integer digits `$$i` (a class with `intDigits` digits): teens take th */
function ordinal(intDigits: number, upper: boolean): Mql {
  const s = (t: string) => (upper ? t.toUpperCase() : t);
  const last = { $substrCP: ['$$i', intDigits - 1, 1] };
  const byLast = { $switch: { branches: [['1', 'st'], ['2', 'nd'], ['3', 'rd']].map(([d, t]) => ({ case: { $eq: [last, d] }, then: s(t) })), default: s('th') } };
  return intDigits > 1 ? cond({ $eq: [{ $substrCP: ['$$i', intDigits - 2, 1] }, '1'] }, s('th'), byLast) : byLast;
}

/**
 * EEEE: PostgreSQL's scientific notation of a numeric or an integer: the exponent of
 * the leading digit, the mantissa |x|/10^e rounded half away from zero to the
 * template's fraction digits (9.995 with one digit prints 10.0, as PostgreSQL does),
 * a blank or '-' first; the rest of the template is not printed.
 */
function scientific(x: Mql, desc: TemplateDescription): Mql {
  const { pre, post } = desc;
  if (post > 14) throw unsupported('lower', `to_char with EEEE and ${post} fraction digits`);
  const s = 10 ** post;
  const power = (e: Mql): Mql => cond({ $gte: [e, 0] }, { $pow: [10, e] }, { $divide: [1, { $pow: [10, { $subtract: [0, e] }] }] });
  const mantissaOf = (a: Mql, e: Mql): Mql => cond({ $gte: [e, 0] }, { $divide: [a, { $pow: [10, e] }] }, { $multiply: [a, { $pow: [10, { $subtract: [0, e] }] }] });
  const infinite = ` ${'#'.repeat(pre)}.${'#'.repeat(post + 4)}`;
  return letIn(
    { a: { $abs: x } },
    cond(
      { $eq: ['$$a', Infinity] },
      infinite,
      letIn(
        { e0: cond({ $eq: ['$$a', 0] }, 0, { $floor: { $log10: cond({ $eq: ['$$a', 0] }, 1, '$$a') } }) },
        letIn(
          // log10 may land one off next to a power of ten
          { e: cond({ $eq: ['$$a', 0] }, 0, cond({ $lt: ['$$a', power('$$e0')] }, { $subtract: ['$$e0', 1] }, cond({ $gte: ['$$a', power({ $add: ['$$e0', 1] })] }, { $add: ['$$e0', 1] }, '$$e0'))) },
          letIn(
            {
              m: cond(
                { $eq: ['$$a', 0] },
                '0'.repeat(post + 1),
                { $toString: { $toLong: { $floor: { $add: [{ $multiply: [mantissaOf('$$a', '$$e'), s, 1 + 1e-15] }, 0.5] } } } },
              ),
            },
            letIn(
              { ml: { $strLenCP: '$$m' }, ea: { $abs: '$$e' } },
              {
                $concat: [
                  cond({ $lt: [x, 0] }, '-', ' '),
                  { $substrCP: ['$$m', 0, { $subtract: ['$$ml', post] }] },
                  post ? { $concat: ['.', { $substrCP: ['$$m', { $subtract: ['$$ml', post] }, post] }] } : '',
                  cond({ $lt: ['$$e', 0] }, 'e-', 'e+'),
                  cond({ $lt: ['$$ea', 10] }, '0', ''),
                  { $toString: { $toLong: '$$ea' } },
                ],
              },
            ),
          ),
        ),
      ),
    ),
  );
}

const ROMAN = [
  ['', 'M', 'MM', 'MMM'],
  ['', 'C', 'CC', 'CCC', 'CD', 'D', 'DC', 'DCC', 'DCCC', 'CM'],
  ['', 'X', 'XX', 'XXX', 'XL', 'L', 'LX', 'LXX', 'LXXX', 'XC'],
  ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'],
];

/**
 * RN/rn: the number rounded to an integer (numeric half away from zero, float8 half
 * to even), in Roman numerals from 1 to 3999, else fifteen '#'; padded to fifteen
 * characters unless FM. Only FM and text may accompany it here.
 */
function romanNumeral(x: Mql, nodes: TemplateNode[], kind: NumberKind, at: (offset: number, length?: number) => SourceSpan | undefined): Mql {
  const other = nodes.find((n) => n.kind === 'keyword' && !['RN', 'rn', 'FM'].includes(n.keyword));
  if (other?.kind === 'keyword') throw unsupported('lower', `to_char with RN and "${other.keyword}"`, at(other.offset, other.keyword.length));
  const fill = nodes.some((n) => n.kind === 'keyword' && n.keyword === 'FM');
  const rounded =
    kind === 'int' ? x : kind === 'numeric' ? { $multiply: [{ $floor: { $add: [{ $multiply: [{ $abs: x }, 1 + 1e-15] }, 0.5] } }, cond({ $lt: [x, 0] }, -1, 1)] } : roundHalfEven(x, 1, 0);
  const numeral = (lower: boolean): Mql => {
    const table = ROMAN.map((row) => row.map((r) => (lower ? r.toLowerCase() : r)));
    const digit = (div: number) => ({ $mod: [{ $floor: { $divide: ['$$r', div] } }, 10] });
    const body = { $concat: [{ $arrayElemAt: [table[0], { $toInt: { $min: [3, { $floor: { $divide: ['$$r', 1000] } }] } }] }, ...[100, 10, 1].map((div, j) => ({ $arrayElemAt: [table[j + 1], { $toInt: digit(div) }] }))] };
    const inRange = { $and: [{ $gte: ['$$r', 1] }, { $lte: ['$$r', 3999] }] };
    const text = cond(inRange, body, '#'.repeat(15));
    return fill ? text : { $substrCP: [{ $concat: [' '.repeat(15), text] }, { $strLenCP: text }, 15] };
  };
  const parts: Mql[] = nodes.flatMap((n): Mql[] => (n.kind === 'text' ? [literal(n.text)] : n.keyword === 'RN' ? [numeral(false)] : n.keyword === 'rn' ? [numeral(true)] : []));
  // a NaN-free double: infinities are out of range
  return letIn({ r: cond({ $eq: [{ $abs: x }, Infinity] }, 0, rounded) }, parts.length === 1 ? parts[0] : { $concat: parts });
}
