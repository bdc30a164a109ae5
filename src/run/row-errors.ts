import { SqlEtlError } from '../errors.js';
import { blankLiterals } from './sql-text.js';

/**
 * Row-level failures in PostgreSQL's wording (issue 20): the engines say
 * `cannot convert 'N/A' to double/decimal` (mingo) or `Failed to parse number 'N/A'
 * in $convert …` (MongoDB); PostgreSQL says `invalid input syntax for type double
 * precision: "N/A"`. The runner only knows the statement, so the cast is found in
 * its text: a CAST(… AS type) or `…::type` to the failing type family names the
 * expression, and the error points at it.
 */

type Family = 'float' | 'numeric' | 'integer' | 'bigint' | 'date' | 'timestamp' | 'boolean';

const TYPE_FAMILY: [RegExp, Family][] = [
  [/^(double\s+precision|float[48]?|real|float\s*\(\s*\d+\s*\))$/i, 'float'],
  [/^(numeric|decimal)(\s*\([\d\s,]*\))?$/i, 'numeric'],
  [/^(int|integer|int4|smallint|int2)$/i, 'integer'],
  [/^(bigint|int8)$/i, 'bigint'],
  [/^date$/i, 'date'],
  [/^(timestamp|timestamptz)(\s+with(out)?\s+time\s+zone)?$/i, 'timestamp'],
  [/^(bool|boolean)$/i, 'boolean'],
];

const PG_NAME: Record<Family, string> = {
  float: 'double precision',
  numeric: 'numeric',
  integer: 'integer',
  bigint: 'bigint',
  date: 'date',
  timestamp: 'timestamp',
  boolean: 'boolean',
};

/** What the engine's message says failed: the value, and the families it could be (double/decimal: float or numeric). */
function engineFailure(message: string): { value: string; families: Family[]; range?: boolean } | undefined {
  let m = /cannot convert '([\s\S]*)' to date: day or month out of range/.exec(message);
  if (m) return { value: m[1], families: ['date', 'timestamp'], range: true };
  m = /cannot convert '([\s\S]*)' to (double\/decimal|int|long|date)\b/.exec(message);
  if (m) {
    const families: Family[] = m[2] === 'double/decimal' ? ['float', 'numeric'] : m[2] === 'int' ? ['integer'] : m[2] === 'long' ? ['bigint', 'integer'] : ['date', 'timestamp'];
    return { value: m[1], families };
  }
  m = /Failed to parse number '([\s\S]*?)' in \$convert/.exec(message);
  if (m) return { value: m[1], families: ['float', 'numeric', 'integer', 'bigint'] };
  m = /(?:Error parsing date string|an incomplete date\/time string|Failed to parse date)[^']*'([\s\S]*?)'/i.exec(message);
  if (m) return { value: m[1], families: ['date', 'timestamp'] };
  return undefined;
}

interface CastSite {
  start: number;
  /** the cast's operand as written */
  expr: string;
  family: Family;
  typeText: string;
}

/** CAST(expr AS type) and expr::type in the statement text (strings and comments ignored). */
function castSites(text: string, start: number, end: number): CastSite[] {
  const code = blankLiterals(text).slice(start, end);
  const raw = text.slice(start, end);
  const out: CastSite[] = [];
  const cast = /\b(?:try_)?cast\s*\(/gi;
  for (let m = cast.exec(code); m; m = cast.exec(code)) {
    // the operand runs to the AS at depth 0, the type to the closing parenthesis
    let depth = 0;
    let as = -1;
    let close = -1;
    for (let i = m.index + m[0].length; i < code.length; i++) {
      const ch = code[i];
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      } else if (depth === 0 && as < 0 && /\sas\s/i.test(code.slice(i - 1, i + 3))) as = i;
    }
    if (as < 0 || close < 0) continue;
    const typeText = raw.slice(as + 2, close).trim();
    const family = familyOf(typeText);
    if (family) out.push({ start: start + m.index, expr: raw.slice(m.index + m[0].length, as).trim(), family, typeText });
  }
  const colons = /::\s*([A-Za-z_][A-Za-z0-9_]*(?:\s+precision|\s+with(?:out)?\s+time\s+zone)?(?:\s*\([\d\s,]*\))?)/g;
  for (let m = colons.exec(code); m; m = colons.exec(code)) {
    const family = familyOf(m[1]);
    if (!family) continue;
    const operand = operandBefore(code, m.index);
    out.push({ start: start + operand, expr: raw.slice(operand, m.index).trim(), family, typeText: m[1] });
  }
  return out;
}

function familyOf(typeText: string): Family | undefined {
  const t = typeText.trim().replace(/\s+/g, ' ');
  return TYPE_FAMILY.find(([re]) => re.test(t))?.[1];
}

/** Start of the operand of a `::` ending at `end`: an identifier path, a literal, or a parenthesised expression. */
function operandBefore(code: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(code[i - 1])) i--;
  if (code[i - 1] === ')') {
    let depth = 0;
    for (i = i - 1; i >= 0; i--) {
      if (code[i] === ')') depth++;
      else if (code[i] === '(' && --depth === 0) break;
    }
    // a function call: include its name
    while (i > 0 && /[\w.]/.test(code[i - 1])) i--;
    return Math.max(i, 0);
  }
  while (i > 0 && /[\w."$]/.test(code[i - 1])) i--;
  // a quoted literal was blanked: walk back over the blanks to its opening quote
  if (i === end || /\s/.test(code[i] ?? '')) {
    let j = end - 1;
    while (j > 0 && code[j] === ' ') j--;
    return j + 1 < end ? Math.max(j + 1, 0) : i;
  }
  return i;
}

/**
 * The engine's conversion error in PostgreSQL's wording, positioned at the cast
 * when the statement has one of the failing type; undefined when it is another error.
 */
export function pgConversionError(err: SqlEtlError, text: string, span: { start: number; end: number }): SqlEtlError | undefined {
  const failure = engineFailure(err.message);
  if (!failure) return undefined;
  // the compiler raises PostgreSQL's own error by converting its message to int (lower-to-date.ts): the message is the value
  const raised = /^(date\/time field value out of range|invalid value|invalid input syntax for type \w[\w ]*): /.exec(failure.value);
  if (raised) {
    const code = raised[1].startsWith('date/time') ? 'datetime-field-overflow' : raised[1] === 'invalid value' ? 'invalid-datetime-format' : 'invalid-text-representation';
    const out = new SqlEtlError(code, 'run', failure.value, { span: err.span, hints: err.hints, cause: err });
    if (err.runId) out.runId = err.runId;
    return out;
  }
  const sites = castSites(text, span.start, span.end).filter((s) => failure.families.includes(s.family));
  const family = sites[0]?.family ?? failure.families[0];
  const kinds = new Set(sites.map((s) => s.family));
  const typeName = kinds.size === 1 ? PG_NAME[family] : failure.families.length > 1 && !sites.length ? PG_NAME[failure.families[0]] : PG_NAME[family];
  // PostgreSQL: a well-formed date that does not exist is out of range, anything else bad syntax
  const message = failure.range ? `date/time field value out of range: "${failure.value}"` : `invalid input syntax for type ${typeName}: "${failure.value}"`;
  const hints: string[] = [];
  if (sites.length === 1) hints.push(`in CAST(${sites[0].expr} AS ${sites[0].typeText}): the value "${failure.value}" is not a valid ${typeName}`);
  else if (sites.length > 1) hints.push(`one of: ${sites.map((s) => `${s.expr}::${s.typeText}`).join(', ')}`);
  const out = new SqlEtlError(failure.range ? 'datetime-field-overflow' : 'invalid-text-representation', 'run', message, {
    span: sites.length === 1 ? { start: sites[0].start, end: sites[0].start + 1 } : err.span,
    hints: [...err.hints, ...hints],
    cause: err,
  });
  if (err.runId) out.runId = err.runId;
  return out;
}

/** The offending value of an engine conversion error (also inside a raised PostgreSQL message), if it is one. */
export function failingValue(message: string): string | undefined {
  const f = engineFailure(message);
  if (!f) {
    // an error the pipeline raised in PostgreSQL's words (src/mongo/raise.ts) quotes the value itself
    const own = /^(?:date\/time field value out of range|invalid input syntax for type \w[\w ]*|value): "([\s\S]*?)"/.exec(message);
    return own ? own[1] : undefined;
  }
  const raised = /^(?:date\/time field value out of range|invalid value|invalid input syntax for type \w[\w ]*): "([\s\S]*?)"/.exec(f.value);
  return raised ? raised[1] : f.value;
}

/** `label:line` of the first row of a COPY batch holding the value (rows carry their source line in `__line`). */
export function copyRowWithValue(batch: Record<string, unknown>[], value: string, label: string): string | undefined {
  const plain = (v: unknown) => (v && typeof v === 'object' && '$literal' in (v as object) ? (v as { $literal: unknown }).$literal : v);
  const row = batch.find((d) => Object.entries(d).some(([k, v]) => k !== '__line' && typeof plain(v) === 'string' && plain(v) === value));
  return row && typeof row.__line === 'number' ? `${label}:${row.__line}` : undefined;
}

/**
 * Where the first row holding the value is in a data directory's file: `orders.csv:3`
 * (CSV: header + index; NDJSON: the line; JSON: the array element). Embedded engine only.
 */
export function dataFileRow(docs: Record<string, unknown>[], value: string, file: string): string | undefined {
  const index = docs.findIndex((d) => Object.values(d).some((v) => typeof v === 'string' && v === value));
  if (index < 0) return undefined;
  if (file.endsWith('.csv')) return `${file}:${index + 2}`;
  if (file.endsWith('.ndjson') || file.endsWith('.jsonl')) return `${file}:${index + 1}`;
  return `${file}, document ${index + 1} of the array`;
}
