/**
 * Mutation fuzzing of the compiler (issue 10): seeded, deterministic mutations of
 * the grammar-test corpus, and the rule every input must obey — `compile` either
 * succeeds or throws a SqlEtlError that has a source position inside the text.
 * Anything else (TypeError, RangeError, a position-less SqlEtlError, a forbidden
 * operator in the output) is a finding. Shared by test/fuzz.test.ts (short, CI) and
 * scripts/fuzz.ts (long runs); no vitest imports here.
 */
import { readFileSync } from 'node:fs';
import { compile, SqlEtlError } from '../../src/index.js';
import { discoverCases } from './cases.js';

// ---------------------------------------------------------------- randomness

import { prng } from './prng.js';

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- tokens

/** A rough SQL tokenizer: good enough to cut texts at token boundaries (whitespace kept as tokens). */
const TOKEN =
  /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|[Ee]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_][A-Za-z0-9_$]*|::|->>|->|#>>|#>|<=|>=|<>|!=|\|\||!~\*|!~|~\*|:[A-Za-z_]\w*|\$\d+|[\s\S]/g;

export function tokenize(sql: string): string[] {
  return sql.match(TOKEN) ?? [];
}

const isSpace = (t: string): boolean => /^\s+$/.test(t);

// ---------------------------------------------------------------- vocabularies

const KEYWORDS = [
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'FIRST', 'ROWS', 'ONLY',
  'WITH', 'AS', 'DISTINCT', 'ALL', 'AND', 'OR', 'NOT', 'NULL', 'IS', 'IN', 'BETWEEN', 'LIKE', 'ILIKE', 'CASE', 'WHEN',
  'THEN', 'ELSE', 'END', 'CAST', 'OVER', 'PARTITION', 'WINDOW', 'RANGE', 'PRECEDING', 'FOLLOWING', 'CURRENT', 'ROW',
  'UNBOUNDED', 'FILTER', 'WITHIN', 'ASC', 'DESC', 'NULLS', 'LAST', 'TRUE', 'FALSE', 'UNKNOWN', 'DISTINCT FROM', 'JOIN',
  'LEFT JOIN', 'ON', 'USING', 'UNION', 'EXCEPT', 'INTERSECT', 'LATERAL', 'VALUES', 'CREATE TABLE', 'INSERT INTO', 'UPDATE',
  'DELETE', 'SET', 'INTERVAL', 'DATE', 'TIMESTAMP', 'ARRAY', 'ANY', 'SOME', 'EXISTS', 'ESCAPE', 'SIMILAR TO', 'COLLATE',
  'ROLLUP', 'CUBE', 'GROUPING SETS', 'TIES', 'RECURSIVE', 'NATURAL', 'CROSS JOIN', 'FULL JOIN', 'TABLESAMPLE', 'COPY',
  'EXCLUDE', 'GROUPS', 'ORDINALITY', 'UNNEST', 'ROW(', 'EXTRACT(', 'SUBSTRING(', 'POSITION(', 'TRIM(', 'OVERLAY(',
];

const FUNCTIONS = [
  'count', 'sum', 'avg', 'min', 'max', 'stddev', 'variance', 'bool_and', 'bool_or', 'array_agg', 'string_agg',
  'percentile_cont', 'percentile_disc', 'mode', 'approx_percentile', 'row_number', 'rank', 'dense_rank', 'percent_rank',
  'cume_dist', 'ntile', 'lag', 'lead', 'first_value', 'last_value', 'nth_value', 'lower', 'upper', 'length', 'substring',
  'position', 'strpos', 'concat', 'concat_ws', 'trim', 'btrim', 'ltrim', 'rtrim', 'replace', 'split_part', 'left', 'right',
  'lpad', 'rpad', 'reverse', 'repeat', 'initcap', 'regexp_replace', 'abs', 'round', 'ceil', 'floor', 'trunc', 'mod',
  'power', 'sqrt', 'exp', 'ln', 'log', 'sign', 'now', 'date_trunc', 'date_part', 'to_char', 'coalesce', 'nullif',
  'greatest', 'least', 'array_length', 'cardinality', 'no_such_fn', 'jsonb_build_object', 'generate_series',
];

const IDENTIFIERS = [
  '_id', 'first_name', 'last_name', 'email', 'profile', 'tags', 'registered_at', 'tier', 'customer_id', 'amount',
  'quantity', 'status', 'ordered_at', 'shipped_on', 'discount', 'note', 'sku', 'name', 'category', 'price', 'stock',
  'active', 'dims', 'released', 'user_id', 'type', 'ts', 'payload', 'duration_ms', 'customers', 'orders', 'products',
  'events', 'c', 'o', 't', 'x', 'profile.address.city', 'o.amount', 'nope', 'nope.deeper', '"a.b"', '"$x"', '"$$ROOT"',
  '"_id"', '"x.$y"', '""', '"a""b"', '"SELECT"', 'U&"\\0061"', '"\u00e9t\u00e9"', '"😀"', 'tags[1]', 'tags[0]',
  'tags[-1]', 'tags[1:2]', 'profile->\'a\'', 'profile->>\'a\'', 'profile#>>\'{a,b}\'', 'profile->\'$x\'',
  'profile->>\'a.b\'', 'profile->0', 'public.orders', 'db.orders', 'a.b.c.d.e.f', ':who', ':min_age', '$1', '*', 'o.*',
];

const HUGE_NUMBERS = [
  '99999999999999999999999999999999999999', '1e400', '-1e400', '1e-400', '9223372036854775807', '9223372036854775808',
  '-9223372036854775808', '2147483648', '0.000000000000000000000000000001', '1' + '0'.repeat(400), '0x7fffffff',
  '1_000_000', '.5', '5.', '00', '-0', '0e0', '1e308', '4.9e-324', '18446744073709551616',
];

const LITERALS = [
  "''", "'$where'", "'{\"$gt\": \"\"}'", "'$$ROOT'", "'$x.y'", "'$'", "'$$'", "'$5 off'", "'a''b'", "E'\\x00'",
  "E'\\u0000'", "E'\\n\\t'", "'\\'", "'2024-01-31'", "'2024-02-30'", "'not a date'", "'infinity'", "'NaN'",
  "INTERVAL '7 days'", "INTERVAL '1 month 2 days'", "INTERVAL 'garbage'", "DATE '2024-01-01'", "TIMESTAMP '2024-01-01 00:00'",
  "'1 day'::interval", "NULL", "TRUE", "'true'", "ARRAY[1,2]", "ARRAY[]", "'{}'", "'{\"a\":1}'::jsonb", "$$dollar$$",
  "$tag$x$tag$", "B'101'", "X'ff'", "'%_\\'", "U&'\\0041'", "'\u{1F600}'", "'\u0000'", "'\uD800'",
  ...HUGE_NUMBERS,
];

const UNICODE = [
  '\u0000', '\uFEFF', '\u200B', '\u202E', '\u00A0', '\u2028', '\uD800', '\uDC00', '😀', '\u0301', 'é', 'ß', '中文',
  '\u{10FFFF}', '\r', '\r\n', '\t', '\f', '\v', '\\', "'", '"', '$', ';', ':', '::', '[', ']', '(', ')', '{', '}',
];

const NESTERS: ((e: string, n: number) => string)[] = [
  (e, n) => '('.repeat(n) + e + ')'.repeat(n),
  (e, n) => 'NOT '.repeat(n) + e,
  (e, n) => '-'.repeat(n) + e,
  (e, n) => '- '.repeat(n) + e,
  (e, n) => 'coalesce('.repeat(n) + e + ')'.repeat(n),
  (e, n) => 'abs('.repeat(n) + e + ')'.repeat(n),
  (e, n) => Array.from({ length: n }, () => e).join(' OR '),
  (e, n) => Array.from({ length: n }, () => e).join(' + '),
  (e, n) => Array.from({ length: n }, () => e).join(' || '),
  (e, n) => 'CASE WHEN TRUE THEN '.repeat(n) + e + ' END'.repeat(n),
  (e, n) => '(SELECT '.repeat(n) + e + ')'.repeat(n),
  (e, n) => e + '::text'.repeat(n),
  (e, n) => 'ARRAY['.repeat(n) + e + ']'.repeat(n),
  (e, n) => e + '[1]'.repeat(n),
  (e, n) => e + "->'a'".repeat(n),
];

// ---------------------------------------------------------------- mutation

export interface Corpus {
  texts: string[];
  tokens: string[][];
  /** every distinct non-space token of the corpus, for splicing */
  pool: string[];
}

export function loadCorpus(): Corpus {
  const texts = discoverCases().map((c) => c.sql);
  const tokens = texts.map(tokenize);
  const pool = [...new Set(tokens.flat().filter((t) => !isSpace(t)))];
  return { texts, tokens, pool };
}

/**
 * How deep the `nest` mutation goes. 'full' (scripts/fuzz.ts) reaches 1000 levels;
 * 'ci' stays shallow, so a bounded test run meets no exponential blow-up — deep
 * nesting of cheap constructs is covered by test/limits.test.ts.
 */
export type Profile = 'ci' | 'full';
const NEST_DEPTHS: Record<Profile, number[]> = { ci: [2, 3, 5], full: [2, 10, 50, 200, 1000] };

type Mutator = (toks: string[], rng: Rng, corpus: Corpus, profile: Profile) => string[];

function randomToken(rng: Rng, corpus: Corpus): string {
  switch (rng.int(6)) {
    case 0: return rng.pick(KEYWORDS);
    case 1: return rng.pick(IDENTIFIERS);
    case 2: return rng.pick(LITERALS);
    case 3: return rng.pick(FUNCTIONS) + '(' + (rng.chance(0.5) ? rng.pick(IDENTIFIERS) : rng.pick(LITERALS)) + ')';
    case 4: return rng.pick(UNICODE);
    default: return rng.pick(corpus.pool);
  }
}

/** index of a random non-space token, or -1 */
function someToken(toks: string[], rng: Rng): number {
  for (let tries = 0; tries < 8 && toks.length > 0; tries++) {
    const i = rng.int(toks.length);
    if (!isSpace(toks[i])) return i;
  }
  return toks.length ? rng.int(toks.length) : -1;
}

const MUTATORS: [name: string, weight: number, fn: Mutator][] = [
  ['delete', 5, (t, r) => {
    const i = someToken(t, r);
    const n = 1 + (r.chance(0.2) ? r.int(5) : 0);
    return i < 0 ? t : [...t.slice(0, i), ...t.slice(i + n)];
  }],
  ['duplicate', 3, (t, r) => {
    const i = someToken(t, r);
    return i < 0 ? t : [...t.slice(0, i + 1), ' ', t[i], ...t.slice(i + 1)];
  }],
  ['swap', 3, (t, r) => {
    const i = someToken(t, r);
    const j = someToken(t, r);
    if (i < 0 || j < 0) return t;
    const c = [...t];
    [c[i], c[j]] = [c[j], c[i]];
    return c;
  }],
  ['insert', 6, (t, r, c) => {
    const i = r.int(t.length + 1);
    return [...t.slice(0, i), ' ', randomToken(r, c), ' ', ...t.slice(i)];
  }],
  ['replace', 6, (t, r, c) => {
    const i = someToken(t, r);
    return i < 0 ? t : [...t.slice(0, i), randomToken(r, c), ...t.slice(i + 1)];
  }],
  ['literal', 4, (t, r) => {
    // replace a literal or identifier with a hostile literal or a huge number
    const idx = t.map((x, i) => (/^['\d.]|^[A-Za-z_]/.test(x) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return t;
    const i = r.pick(idx);
    return [...t.slice(0, i), r.chance(0.5) ? r.pick(HUGE_NUMBERS) : r.pick(LITERALS), ...t.slice(i + 1)];
  }],
  ['truncate', 3, (t, r) => t.slice(0, r.int(t.length + 1))],
  ['truncate-chars', 2, (t, r) => {
    const s = t.join('');
    return [s.slice(0, r.int(s.length + 1))];
  }],
  ['unicode', 3, (t, r) => {
    const s = t.join('');
    const i = r.int(s.length + 1);
    return [s.slice(0, i) + r.pick(UNICODE) + s.slice(i)];
  }],
  ['nest', 3, (t, r, _c, profile) => {
    const i = someToken(t, r);
    if (i < 0) return t;
    const depth = r.pick(NEST_DEPTHS[profile]);
    return [...t.slice(0, i), r.pick(NESTERS)(t[i], depth), ...t.slice(i + 1)];
  }],
  ['splice', 2, (t, r, c) => {
    const other = r.pick(c.tokens);
    const i = r.int(t.length + 1);
    const j = r.int(other.length + 1);
    return [...t.slice(0, i), ...other.slice(j)];
  }],
  ['param', 2, (t, r) => {
    const i = someToken(t, r);
    return i < 0 ? t : [...t.slice(0, i), r.pick([':who', ':min_age', ':x', ':a', '$1', '$2', ': who', '::who']), ...t.slice(i + 1)];
  }],
];
const TOTAL_WEIGHT = MUTATORS.reduce((s, m) => s + m[1], 0);

function pickMutator(rng: Rng): [string, Mutator] {
  let w = rng.next() * TOTAL_WEIGHT;
  for (const [name, weight, fn] of MUTATORS) {
    w -= weight;
    if (w < 0) return [name, fn];
  }
  const last = MUTATORS[MUTATORS.length - 1];
  return [last[0], last[2]];
}

export interface FuzzInput {
  sql: string;
  /** the corpus case and mutators that made it, for reports */
  origin: string;
}

/**
 * Input number `i` of run `seed`: the same (seed, i, profile, corpus) always gives
 * the same text. Two in three inputs mutate a corpus case; one in three is a
 * generated query (mostly valid SQL, to reach the binder and the lowering), itself
 * mutated now and then.
 */
export function mutant(corpus: Corpus, seed: number, i: number, profile: Profile = 'full'): FuzzInput {
  const rng = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0);
  if (rng.int(3) === 0) {
    const sql = generateQuery(rng);
    if (rng.chance(0.7)) return { sql, origin: 'generated' };
    const [name, fn] = pickMutator(rng);
    return { sql: fn(tokenize(sql), rng, corpus, profile).join(''), origin: `generated+${name}` };
  }
  const base = rng.int(corpus.texts.length);
  let toks = corpus.tokens[base];
  const names: string[] = [];
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) {
    const [name, fn] = pickMutator(rng);
    names.push(name);
    toks = fn(toks, rng, corpus, profile);
  }
  return { sql: toks.join(''), origin: `case #${base} ${names.join('+')}` };
}

// ---------------------------------------------------------------- generation

/** The fixture tables' columns (grammar-tests/fixtures/schema.sql), by rough type. */
const TABLES: Record<string, Record<string, 'num' | 'text' | 'time' | 'bool' | 'doc' | 'arr'>> = {
  orders: { _id: 'num', customer_id: 'num', amount: 'num', quantity: 'num', status: 'text', ordered_at: 'time', shipped_on: 'time', discount: 'num', note: 'text' },
  customers: { _id: 'num', first_name: 'text', last_name: 'text', email: 'text', profile: 'doc', tags: 'arr', registered_at: 'time', tier: 'text' },
  products: { _id: 'num', sku: 'text', name: 'text', category: 'text', price: 'num', stock: 'num', active: 'bool', dims: 'doc', released: 'time' },
  events: { _id: 'num', user_id: 'num', type: 'text', ts: 'time', payload: 'doc', duration_ms: 'num' },
  nodecl: { a: 'num', b: 'text', c: 'doc' },
};

const SCALAR_FNS: [name: string, arity: number][] = [
  ['lower', 1], ['upper', 1], ['length', 1], ['abs', 1], ['round', 1], ['round', 2], ['ceil', 1], ['floor', 1], ['trunc', 2],
  ['mod', 2], ['power', 2], ['sqrt', 1], ['exp', 1], ['ln', 1], ['log', 1], ['sign', 1], ['coalesce', 2], ['coalesce', 3],
  ['nullif', 2], ['greatest', 2], ['least', 3], ['concat', 2], ['concat_ws', 3], ['substring', 3], ['strpos', 2],
  ['replace', 3], ['split_part', 3], ['left', 2], ['right', 2], ['lpad', 3], ['rpad', 2], ['reverse', 1], ['repeat', 2],
  ['initcap', 1], ['btrim', 1], ['ltrim', 2], ['regexp_replace', 3], ['regexp_replace', 4], ['date_trunc', 2],
  ['date_part', 2], ['to_char', 2], ['array_length', 2], ['cardinality', 1], ['now', 0], ['mod', 1], ['lower', 0],
];
const AGG_FNS = ['count', 'sum', 'avg', 'min', 'max', 'stddev', 'var_pop', 'bool_and', 'bool_or', 'array_agg', 'string_agg'];
const WIN_FNS = ['row_number()', 'rank()', 'dense_rank()', 'percent_rank()', 'cume_dist()', 'ntile(3)', 'lag(X)', 'lead(X, 2, 0)', 'first_value(X)', 'last_value(X)', 'nth_value(X, 2)', 'sum(X)', 'count(*)', 'avg(X)'];
const BIN_OPS = ['+', '-', '*', '/', '%', '=', '<>', '<', '<=', '>', '>=', 'AND', 'OR', '||', 'IS DISTINCT FROM', 'IS NOT DISTINCT FROM', 'LIKE', 'ILIKE', '~', '!~*'];
const CASTS = ['int', 'bigint', 'numeric', 'float8', 'text', 'boolean', 'date', 'timestamp', 'timestamptz', 'jsonb', 'interval', 'text[]'];
const SMALL_LITERALS = ["1", "0", "-3", "2.5", "'a'", "'2024-01-31'", "'x%'", "NULL", "TRUE", "FALSE", "INTERVAL '1 day'", "'month'", "'YYYY-MM'", "','", "'$x.y'", "1e3", "''"];

class QueryGen {
  inAggregate = false;
  constructor(readonly rng: Rng, readonly cols: string[], readonly groupCols: string[]) {}

  expr(depth: number, aggOk: boolean): string {
    const r = this.rng;
    if (depth <= 0 || r.chance(0.3)) return r.chance(0.6) ? this.column() : r.pick(SMALL_LITERALS);
    const d = depth - 1;
    switch (r.int(14)) {
      case 0: case 1: return `(${this.expr(d, aggOk)} ${r.pick(BIN_OPS)} ${this.expr(d, aggOk)})`;
      case 2: return `${r.pick(['NOT ', '-', ''])}(${this.expr(d, aggOk)})`;
      case 3: {
        const [name, arity] = r.pick(SCALAR_FNS);
        return `${name}(${Array.from({ length: arity }, () => this.expr(d, aggOk)).join(', ')})`;
      }
      case 4: return `CASE WHEN ${this.expr(d, aggOk)} THEN ${this.expr(d, aggOk)}${r.chance(0.5) ? ` ELSE ${this.expr(d, aggOk)}` : ''} END`;
      case 5: return r.chance(0.5) ? `CAST(${this.expr(d, aggOk)} AS ${r.pick(CASTS)})` : `(${this.expr(d, aggOk)})::${r.pick(CASTS)}`;
      case 6: return `(${this.expr(d, aggOk)} IS ${r.pick(['', 'NOT '])}${r.pick(['NULL', 'TRUE', 'FALSE', 'UNKNOWN'])})`;
      case 7: return `(${this.expr(d, aggOk)} ${r.pick(['', 'NOT '])}BETWEEN ${this.expr(d, aggOk)} AND ${this.expr(d, aggOk)})`;
      case 8: return `(${this.expr(d, aggOk)} ${r.pick(['', 'NOT '])}IN (${this.expr(d, aggOk)}, ${r.pick(SMALL_LITERALS)}))`;
      case 9: return `(${this.expr(d, aggOk)})${r.pick(["->'a'", "->>'city'", "#>>'{address,city}'", '[1]', '[2]', "->0"])}`;
      case 10: return r.pick([`EXTRACT(${r.pick(['year', 'month', 'dow', 'epoch', 'quarter'])} FROM ${this.expr(d, aggOk)})`, `SUBSTRING(${this.expr(d, aggOk)} FROM 2 FOR 3)`, `POSITION('a' IN ${this.expr(d, aggOk)})`, `TRIM(BOTH 'x' FROM ${this.expr(d, aggOk)})`]);
      case 11: {
        if (!aggOk) return this.column();
        const f = r.pick(AGG_FNS);
        this.inAggregate = true;
        const arg = f === 'count' && r.chance(0.3) ? '*' : `${r.chance(0.2) ? 'DISTINCT ' : ''}${this.expr(d, false)}`;
        this.inAggregate = false;
        const extra = f === 'string_agg' ? `, ','` : '';
        const filter = r.chance(0.2) ? ` FILTER (WHERE ${this.expr(d, false)})` : '';
        return `${f}(${arg}${extra})${filter}`;
      }
      case 12: {
        if (!aggOk) return this.column();
        const w = r.pick(WIN_FNS).replace('X', this.column());
        const part = r.chance(0.5) ? `PARTITION BY ${this.column()} ` : '';
        const order = r.chance(0.7) ? `ORDER BY ${this.column()}${r.pick(['', ' DESC', ' NULLS FIRST'])}` : '';
        const frame = order && r.chance(0.3) ? ` ${r.pick(['ROWS', 'RANGE'])} BETWEEN ${r.pick(['UNBOUNDED PRECEDING', '1 PRECEDING', 'CURRENT ROW'])} AND ${r.pick(['CURRENT ROW', '2 FOLLOWING', 'UNBOUNDED FOLLOWING'])}` : '';
        return `${w} OVER (${part}${order}${frame})`;
      }
      default: return `(SELECT ${r.pick(['count(*)', 'max(_id)', '1'])} FROM ${r.pick(Object.keys(TABLES))})`;
    }
  }

  column(): string {
    // outside aggregates, a grouped query may use only its GROUP BY columns
    if (this.groupCols.length && !this.inAggregate && this.rng.chance(0.95)) return this.rng.pick(this.groupCols);
    return this.rng.chance(0.05) ? this.rng.pick(['nope', 'profile.address.city', 'c.deep.path', '"a.b"']) : this.rng.pick(this.cols);
  }
}

/** A random SELECT over one fixture table: mostly valid SQL, often ill-typed. */
export function generateQuery(rng: Rng, depth = 3): string {
  const table = rng.pick(Object.keys(TABLES));
  const cols = Object.keys(TABLES[table]);
  const grouped = rng.chance(0.3);
  const groupCols = grouped ? [rng.pick(cols)] : [];
  const g = new QueryGen(rng, cols, []);
  const gg = new QueryGen(rng, cols, groupCols);
  const items = Array.from({ length: 1 + rng.int(4) }, (_, k) => {
    const e = grouped && k === 0 ? groupCols[0] : gg.expr(depth, true);
    return rng.chance(0.5) ? `${e} AS c${k}` : e;
  });
  let sql = `SELECT ${rng.chance(0.1) ? 'DISTINCT ' : ''}${items.join(', ')} FROM ${table}`;
  if (rng.chance(0.5)) sql += ` WHERE ${g.expr(depth, false)}`;
  if (grouped) sql += ` GROUP BY ${groupCols.join(', ')}`;
  if (grouped && rng.chance(0.3)) sql += ` HAVING ${gg.expr(2, true)}`;
  if (rng.chance(0.4)) sql += ` ORDER BY ${rng.chance(0.5) ? '1' : gg.expr(1, grouped)}${rng.pick(['', ' DESC', ' NULLS LAST'])}`;
  if (rng.chance(0.2)) sql += ` LIMIT ${rng.pick(['5', '0', '1 + 1', 'NULL', '-1', 'ALL'])}`;
  if (rng.chance(0.1)) sql += ` OFFSET ${rng.pick(['1', '2'])}`;
  if (rng.chance(0.15)) sql = `WITH w AS (${sql}) SELECT * FROM w`;
  else if (rng.chance(0.1)) sql = `SELECT * FROM (${sql}) AS s`;
  return sql + ';';
}

// ---------------------------------------------------------------- the rule

export type Verdict =
  | { ok: true; compiled: boolean }
  | { ok: false; signature: string; message: string; stack?: string };

const FORBIDDEN = new Set(['$where', '$function', '$accumulator']);

function forbiddenKey(v: unknown, seen = 0): string | undefined {
  if (seen > 10_000) return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const k = forbiddenKey(x, seen + 1);
      if (k) return k;
    }
  } else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      if (FORBIDDEN.has(k)) return k;
      const f = forbiddenKey(x, seen + 1);
      if (f) return f;
    }
  }
  return undefined;
}

/** The first frame of ours in a stack: where a crash happened, for grouping findings. */
function ourFrame(stack: string | undefined): string {
  const m = /(src\/[\w/.-]+\.[jt]s):(\d+)/.exec(stack ?? '');
  return m ? `${m[1]}:${m[2]}` : '?';
}

/** Messages grouped by shape: numbers, quoted names and long texts folded. */
function shape(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, 'N')
    .replace(/[^\s(]+\(…\)/g, 'F(…)')
    .slice(0, 120);
}

export async function checkInput(sql: string, schema: string, vars: Record<string, string | number | boolean> = {}): Promise<Verdict> {
  try {
    const script = await compile(sql, { schema, vars, file: 'fuzz.sql' });
    const bad = forbiddenKey(script.statements.map((s) => s.commands));
    if (bad) return { ok: false, signature: `forbidden operator ${bad}`, message: `pipeline contains ${bad}` };
    return { ok: true, compiled: true };
  } catch (err) {
    if (err instanceof SqlEtlError) {
      const pos = err.position();
      if (!pos) return { ok: false, signature: `no position: ${err.code}: ${shape(err.message)}`, message: err.message, stack: err.stack };
      if (err.code === 'internal') return { ok: false, signature: `internal error: ${shape(err.message)}`, message: err.message, stack: err.stack };
      if (err.source?.text !== sql) {
        return { ok: false, signature: `position in another text: ${err.code}`, message: err.message, stack: err.stack };
      }
      if (err.span!.start > sql.length || err.span!.start < 0 || Number.isNaN(err.span!.start)) {
        return { ok: false, signature: `position outside the text: ${err.code}`, message: err.message, stack: err.stack };
      }
      return { ok: true, compiled: false };
    }
    const e = err as Error;
    const name = e?.constructor?.name ?? typeof err;
    return { ok: false, signature: `${name} at ${ourFrame(e?.stack)}: ${shape(String(e?.message ?? err))}`, message: String(e?.message ?? err), stack: e?.stack };
  }
}

/** Variables given to every fuzz input, so `:who`/`:min_age` sometimes bind. */
export const FUZZ_VARS = { who: '$where', min_age: 40 } as const;

export function readFuzzSchema(schemaFile: string): string {
  return readFileSync(schemaFile, 'utf8');
}
