import type { SqlType } from '../ir/types.js';

/**
 * The function catalogue: every SQL function sqletl knows, as data — one record
 * per category (a name may be in two: `rank` is a window function and a
 * hypothetical-set aggregate), PostgreSQL's aliases, and other dialects' names.
 * The binder (src/sql/), the plan (src/plan/) and the dialect front-end read it;
 * the lowering tables in src/mongo/ are typed by its names, so an entry without a
 * lowering, or a lowering without an entry, does not compile. It sits below every
 * stage and imports nothing but the IR's types. How to add a function: CONTRIBUTING.md.
 */

/** A result type: fixed, the first argument's ('arg0'), or the arguments' common type ('common', to which they are coerced). */
export type ResultType = SqlType | 'arg0' | 'common';

/**
 * NULL behaviour, as `mayBeNull` (src/plan/build-plan.ts) reads it:
 * - `strict`: a NULL argument gives NULL (PostgreSQL's STRICT); may be NULL
 * - `not-strict`: may be NULL, but a NULL argument need not make it NULL
 * - `if-all-null`: NULL only when every argument is (COALESCE)
 * - `never`: never NULL
 */
export type Nulls = 'strict' | 'not-strict' | 'if-all-null' | 'never';

export interface Signature {
  /** the number of arguments (for ordered-set aggregates: direct arguments, before WITHIN GROUP) */
  min: number;
  max: number;
  returns: ResultType;
}

export interface ScalarFunction extends Signature {
  nulls: Nulls;
  /** made by the binder from an operator or a syntax form (`a || b`, `x = ANY (a)`, `ARRAY[…]`), never called by this name */
  syntax?: true;
}

export interface AggregateFunction extends Signature {
  nulls: Nulls;
  /** may run over a window frame (`sum(x) OVER (…)`) */
  window?: true;
  /** its $group lowering reads nothing but its arguments (no pre-stages, no sort), so the plan may inline a projection beneath it */
  plain?: true;
}

export interface OrderedSetFunction extends Signature {
  /** `false`: called with plain arguments, `approx_percentile(x, fraction)`, not `… WITHIN GROUP (ORDER BY x)` */
  withinGroup?: false;
}

export interface WindowFunction extends Signature {
  /** its value when the window has no ORDER BY (every row is a peer of every other: ranks are constant); absent for functions that read rows in order */
  peers?: number;
}

export interface HypotheticalSetFunction {
  returns: SqlType;
}

const f = (min: number, max: number, returns: ResultType, nulls: Nulls, more: Partial<ScalarFunction> = {}): ScalarFunction => ({ min, max, returns, nulls, ...more });
const ANY = 100; // variadic

/** Scalar functions, under their canonical names (the IR's and the lowering's). */
export const SCALAR_FUNCTIONS = {
  // text
  lower: f(1, 1, 'text', 'strict'), upper: f(1, 1, 'text', 'strict'), initcap: f(1, 1, 'text', 'strict'),
  length: f(1, 1, 'int', 'strict'),
  substring: f(2, 3, 'text', 'strict'),
  position: f(2, 2, 'int', 'strict'),
  concat: f(1, ANY, 'text', 'never'), format: f(1, ANY, 'text', 'not-strict'), concat_ws: f(2, ANY, 'text', 'never'),
  btrim: f(1, 2, 'text', 'strict'), ltrim: f(1, 2, 'text', 'strict'), rtrim: f(1, 2, 'text', 'strict'),
  replace: f(3, 3, 'text', 'strict'), split_part: f(3, 3, 'text', 'strict'), left: f(2, 2, 'text', 'strict'), right: f(2, 2, 'text', 'strict'),
  lpad: f(2, 3, 'text', 'strict'), rpad: f(2, 3, 'text', 'strict'), reverse: f(1, 1, 'text', 'strict'), repeat: f(2, 2, 'text', 'strict'),
  regexp_replace: f(3, 4, 'text', 'strict'),
  regexp_split_to_array: f(2, 3, 'array', 'strict'),
  overlay: f(3, 4, 'text', 'strict'),
  // the arrays whose elements are the rows of the set-returning regexp_split_to_table and regexp_matches (each match's text[])
  regexp_split_to_table: f(2, 3, 'array', 'strict', { syntax: true }),
  regexp_matches: f(2, 3, 'array', 'strict', { syntax: true }),
  '||': f(2, 2, 'text', 'strict', { syntax: true }),
  // SUBSTRING(s SIMILAR pattern ESCAPE e): [s, the pattern's regular expression, its parts] (src/sql/similar-pattern.ts)
  substring_similar: f(3, 5, 'text', 'strict', { syntax: true }),
  to_hex: f(1, 1, 'text', 'strict'),
  // integer bit operators (the binder types them: the operands' width)
  '&': f(2, 2, 'int', 'strict', { syntax: true }), '|': f(2, 2, 'int', 'strict', { syntax: true }), '#': f(2, 2, 'int', 'strict', { syntax: true }),
  '~': f(1, 1, 'int', 'strict', { syntax: true }), '<<': f(2, 2, 'int', 'strict', { syntax: true }), '>>': f(2, 2, 'int', 'strict', { syntax: true }),
  // numbers
  abs: f(1, 1, 'arg0', 'strict'), ceil: f(1, 1, 'arg0', 'strict'), floor: f(1, 1, 'arg0', 'strict'),
  round: f(1, 2, 'arg0', 'strict'), trunc: f(1, 2, 'arg0', 'strict'), mod: f(2, 2, 'common', 'strict'), sign: f(1, 1, 'arg0', 'strict'),
  power: f(2, 2, 'float', 'strict'), sqrt: f(1, 1, 'float', 'strict'), exp: f(1, 1, 'float', 'strict'), ln: f(1, 1, 'float', 'strict'), log: f(1, 2, 'float', 'strict'),
  sin: f(1, 1, 'float', 'strict'), cos: f(1, 1, 'float', 'strict'), tan: f(1, 1, 'float', 'strict'), cot: f(1, 1, 'float', 'strict'),
  asin: f(1, 1, 'float', 'strict'), acos: f(1, 1, 'float', 'strict'), atan: f(1, 1, 'float', 'strict'), atan2: f(2, 2, 'float', 'strict'),
  sinh: f(1, 1, 'float', 'strict'), cosh: f(1, 1, 'float', 'strict'), tanh: f(1, 1, 'float', 'strict'),
  asinh: f(1, 1, 'float', 'strict'), acosh: f(1, 1, 'float', 'strict'), atanh: f(1, 1, 'float', 'strict'),
  sind: f(1, 1, 'float', 'strict'), cosd: f(1, 1, 'float', 'strict'), tand: f(1, 1, 'float', 'strict'), cotd: f(1, 1, 'float', 'strict'),
  asind: f(1, 1, 'float', 'strict'), acosd: f(1, 1, 'float', 'strict'), atand: f(1, 1, 'float', 'strict'), atan2d: f(2, 2, 'float', 'strict'),
  degrees: f(1, 1, 'float', 'strict'), radians: f(1, 1, 'float', 'strict'), pi: f(0, 0, 'float', 'strict'), cbrt: f(1, 1, 'float', 'strict'),
  // dates
  now: f(0, 0, 'timestamp', 'never'),
  current_date: f(0, 0, 'date', 'never'), // an SQL value function, named by the binder
  date_trunc: f(2, 2, 'timestamp', 'strict'), extract: f(2, 2, 'numeric', 'strict'), date_part: f(2, 2, 'float', 'strict'),
  to_char: f(2, 2, 'text', 'strict'),
  // sqletl's own: try_cast(x AS type), NULL where the cast would fail (the binder types it)
  try_cast: f(2, 2, 'unknown', 'strict'),
  to_date: f(2, 2, 'date', 'strict'),
  // to_timestamp(double precision) from Unix seconds, to_timestamp(text, template)
  to_timestamp: f(1, 2, 'timestamp', 'strict'),
  // conditional
  coalesce: f(1, ANY, 'common', 'if-all-null'), nullif: f(2, 2, 'arg0', 'not-strict'), greatest: f(1, ANY, 'common', 'not-strict'), least: f(1, ANY, 'common', 'not-strict'),
  // arrays and JSON
  array_length: f(2, 2, 'int', 'strict'), cardinality: f(1, 1, 'int', 'strict'),
  json_build_object: f(0, ANY, 'json', 'not-strict'), json_build_array: f(0, ANY, 'json', 'not-strict'),
  array_append: f(2, 2, 'array', 'not-strict'), array_prepend: f(2, 2, 'array', 'not-strict'), array_cat: f(2, 2, 'array', 'not-strict'),
  array_position: f(2, 2, 'int', 'not-strict'), array_remove: f(2, 2, 'array', 'not-strict'),
  jsonb_array_length: f(1, 1, 'int', 'strict'),
  jsonb_set: f(3, 4, 'json', 'strict'), // bound by src/sql/bind-jsonb-set.ts (constant path)
  array: f(0, ANY, 'array', 'not-strict', { syntax: true }), // ARRAY[…]
  row: f(0, ANY, 'text', 'never', { syntax: true }), // ROW(…), (a, b), a whole-row reference: the record's printed text (src/sql/bind-row.ts)
  array_slice: f(3, 3, 'array', 'strict', { syntax: true }), // a[lo:hi]
  array_contains: f(2, 2, 'bool', 'strict', { syntax: true }), // @>
  array_contained: f(2, 2, 'bool', 'strict', { syntax: true }), // <@
  array_overlap: f(2, 2, 'bool', 'strict', { syntax: true }), // &&
  op_any: f(3, 3, 'bool', 'not-strict', { syntax: true }), // x op ANY (array): [op, x, array]
  op_all: f(3, 3, 'bool', 'not-strict', { syntax: true }), // x op ALL (array)
  // generate_series(start, stop[, step]) as the array its rows unnest (bound by seriesArray in FROM and select lists)
  generate_series: f(2, 3, 'array', 'strict', { syntax: true }),
  // the arrays whose elements are the rows of jsonb_each[_text] ({k, v} pairs) and jsonb_object_keys (keys), under each called name (PostgreSQL's errors name it)
  jsonb_each: f(1, 1, 'array', 'strict', { syntax: true }), jsonb_each_text: f(1, 1, 'array', 'strict', { syntax: true }),
  json_each: f(1, 1, 'array', 'strict', { syntax: true }), json_each_text: f(1, 1, 'array', 'strict', { syntax: true }),
  jsonb_object_keys: f(1, 1, 'array', 'strict', { syntax: true }), json_object_keys: f(1, 1, 'array', 'strict', { syntax: true }),
  // jsonb @> jsonb where one side is a constant object or array (src/mongo/lower-json-containment.ts): [container, contained]
  jsonb_contains: f(2, 2, 'bool', 'strict', { syntax: true }),
  // jsonb ? text, jsonb ?| text[], jsonb ?& text[] (src/sql/bind-json-existence.ts)
  jsonb_exists: f(2, 2, 'bool', 'strict', { syntax: true }), jsonb_exists_any: f(2, 2, 'bool', 'strict', { syntax: true }), jsonb_exists_all: f(2, 2, 'bool', 'strict', { syntax: true }),
  // generate_series over numeric: (start, stop, step, the values' decimals) (src/sql/bind-series.ts)
  generate_series_numeric: f(4, 4, 'array', 'strict', { syntax: true }),
  // generate_series over timestamps: (start, stop, the step's months, days, milliseconds)
  generate_series_timestamp: f(5, 5, 'array', 'strict', { syntax: true }),
} as const satisfies Record<string, ScalarFunction>;

export type ScalarFunctionName = keyof typeof SCALAR_FUNCTIONS;

/** PostgreSQL's other names of scalar functions: bound as the function they name. */
export const SCALAR_ALIASES = {
  // PostgreSQL's older names of the float8 functions
  dsqrt: 'sqrt', dcbrt: 'cbrt', dexp: 'exp', dpow: 'power', dlog1: 'ln',
  char_length: 'length', character_length: 'length', substr: 'substring', strpos: 'position', ceiling: 'ceil', pow: 'power',
  statement_timestamp: 'now', transaction_timestamp: 'now', current_timestamp: 'now', localtimestamp: 'now',
  jsonb_build_object: 'json_build_object', jsonb_build_array: 'json_build_array', json_array_length: 'jsonb_array_length',
} as const satisfies Record<string, ScalarFunctionName>;

/** (`more` keeps its literal types: the window aggregates' names are derived from `window: true`) */
const a = <const M extends Partial<AggregateFunction> = {}>(min: number, max: number, returns: ResultType, more?: M): AggregateFunction & M =>
  ({ min, max, returns, nulls: 'not-strict', ...more }) as AggregateFunction & M;

/** Aggregates called with plain arguments (`count(*)`, `string_agg(x, ',' ORDER BY y)`). */
export const AGGREGATE_FUNCTIONS = {
  count: a(0, 1, 'int', { nulls: 'never', window: true, plain: true }),
  sum: a(1, 1, 'arg0', { window: true, plain: true }),
  avg: a(1, 1, 'numeric', { window: true, plain: true }),
  min: a(1, 1, 'arg0', { window: true, plain: true }),
  max: a(1, 1, 'arg0', { window: true, plain: true }),
  stddev_samp: a(1, 1, 'numeric', { window: true }), stddev_pop: a(1, 1, 'numeric', { window: true }),
  var_samp: a(1, 1, 'numeric', { window: true }), var_pop: a(1, 1, 'numeric', { window: true }),
  bool_and: a(1, 1, 'bool', { window: true, plain: true }), bool_or: a(1, 1, 'bool', { window: true, plain: true }),
  bit_and: a(1, 1, 'arg0', { plain: true }), bit_or: a(1, 1, 'arg0', { plain: true }),
  array_agg: a(1, 1, 'array'),
  json_agg: a(1, 1, 'json'),
  json_object_agg: a(2, 2, 'json'),
  string_agg: a(2, 2, 'text'),
  // statistics of two variables (Y, X) over the rows where both are non-NULL
  corr: a(2, 2, 'float'), covar_pop: a(2, 2, 'float'), covar_samp: a(2, 2, 'float'),
  regr_count: a(2, 2, 'int'), regr_avgx: a(2, 2, 'float'), regr_avgy: a(2, 2, 'float'),
  regr_sxx: a(2, 2, 'float'), regr_syy: a(2, 2, 'float'), regr_sxy: a(2, 2, 'float'),
  regr_slope: a(2, 2, 'float'), regr_intercept: a(2, 2, 'float'), regr_r2: a(2, 2, 'float'),
} as const satisfies Record<string, AggregateFunction>;

export type AggregateName = keyof typeof AGGREGATE_FUNCTIONS;

export const AGGREGATE_ALIASES = {
  stddev: 'stddev_samp', variance: 'var_samp', every: 'bool_and', jsonb_agg: 'json_agg', jsonb_object_agg: 'json_object_agg',
} as const satisfies Record<string, AggregateName>;

/**
 * Ordered-set aggregates, `percentile_cont(0.5) WITHIN GROUP (ORDER BY x)`: the IR's
 * args are [x, fraction]; the result type 'arg0' is the ORDER BY key's.
 */
export const ORDERED_SET_FUNCTIONS = {
  percentile_cont: { min: 1, max: 1, returns: 'float' },
  percentile_disc: { min: 1, max: 1, returns: 'arg0' },
  mode: { min: 0, max: 0, returns: 'arg0' },
  // MongoDB's $percentile (method 'approximate'): approx_percentile(x, fraction)
  approx_percentile: { min: 2, max: 2, returns: 'float', withinGroup: false },
} as const satisfies Record<string, OrderedSetFunction>;

export type OrderedSetName = keyof typeof ORDERED_SET_FUNCTIONS;

/** Hypothetical-set aggregates, `rank(x) WITHIN GROUP (ORDER BY k)`: in the IR, `hypothetical_<name>` with args [k, x]. */
export const HYPOTHETICAL_SET_FUNCTIONS = {
  rank: { returns: 'int' },
  dense_rank: { returns: 'int' },
  percent_rank: { returns: 'float' },
  cume_dist: { returns: 'float' },
} as const satisfies Record<string, HypotheticalSetFunction>;

export type HypotheticalSetName = keyof typeof HYPOTHETICAL_SET_FUNCTIONS;
/** An aggregate's name in the IR and the lowering (ordered-set aggregates are lowered on their own). */
export type GroupAggregateName = AggregateName | `hypothetical_${HypotheticalSetName}`;

/** Window functions proper (aggregates marked `window` run over frames too). */
export const WINDOW_FUNCTIONS = {
  row_number: { min: 0, max: 0, returns: 'int' },
  rank: { min: 0, max: 0, returns: 'int', peers: 1 },
  dense_rank: { min: 0, max: 0, returns: 'int', peers: 1 },
  percent_rank: { min: 0, max: 0, returns: 'float', peers: 0 },
  cume_dist: { min: 0, max: 0, returns: 'float', peers: 1 },
  ntile: { min: 1, max: 1, returns: 'int' },
  lag: { min: 1, max: 3, returns: 'arg0' },
  lead: { min: 1, max: 3, returns: 'arg0' },
  first_value: { min: 1, max: 1, returns: 'arg0' },
  last_value: { min: 1, max: 1, returns: 'arg0' },
  nth_value: { min: 2, max: 2, returns: 'arg0' },
} as const satisfies Record<string, WindowFunction>;

export type WindowFunctionName = keyof typeof WINDOW_FUNCTIONS;

/**
 * Set-returning functions, a row per element of the array they stand for: in FROM
 * (`unnest(a) WITH ORDINALITY AS t(v, n)`), and where `selectList`, in a select list.
 */
export interface SetReturningFunction {
  /** the type of the value column */
  element: SqlType;
  /** the value column's name when the call has no alias (else 'value') */
  column?: string;
  selectList?: true;
  /** the scalar function (same arguments) that builds the array of its rows; without one, its one argument is that array */
  array?: ScalarFunctionName;
  /** two columns, `key` (text) and `value` of this type: the array holds `{k, v}` pairs (jsonb_each[_text]) */
  pairs?: 'json' | 'text';
}

export const SET_RETURNING_FUNCTIONS = {
  unnest: { element: 'unknown', column: 'unnest', selectList: true },
  generate_series: { element: 'int', column: 'generate_series', selectList: true, array: 'generate_series' }, // numeric and timestamp series: their value type is the bound array's (bind-series.ts)
  regexp_split_to_table: { element: 'text', column: 'regexp_split_to_table', selectList: true, array: 'regexp_split_to_table' },
  regexp_matches: { element: 'array', column: 'regexp_matches', selectList: true, array: 'regexp_matches' },
  jsonb_array_elements: { element: 'json' },
  json_array_elements: { element: 'json' },
  jsonb_array_elements_text: { element: 'text' },
  json_array_elements_text: { element: 'text' },
  jsonb_each: { element: 'json', pairs: 'json', array: 'jsonb_each' },
  json_each: { element: 'json', pairs: 'json', array: 'json_each' },
  jsonb_each_text: { element: 'text', pairs: 'text', array: 'jsonb_each_text' },
  json_each_text: { element: 'text', pairs: 'text', array: 'json_each_text' },
  jsonb_object_keys: { element: 'text', column: 'jsonb_object_keys', selectList: true, array: 'jsonb_object_keys' },
  json_object_keys: { element: 'text', column: 'json_object_keys', selectList: true, array: 'json_object_keys' },
} as const satisfies Record<string, SetReturningFunction>;

type WindowAggregateName = { [K in AggregateName]: (typeof AGGREGATE_FUNCTIONS)[K] extends { window: true } ? K : never }[AggregateName];
/** A window call's name in the IR and the lowering: a window function or an aggregate that runs over frames. */
export type WindowCallName = WindowFunctionName | WindowAggregateName;

/** Every name a call may be written with in PostgreSQL (canonical or alias). */
export type CallableName = ScalarFunctionName | keyof typeof SCALAR_ALIASES | AggregateName | keyof typeof AGGREGATE_ALIASES | OrderedSetName | WindowFunctionName;

/**
 * Other dialects' names for a function (`--dialect`), and the PostgreSQL name the
 * call is written as; `common` is every dialect's. Functions that change their
 * arguments or meaning (IIF, DATEADD, LEN in T-SQL) are rules in src/dialects/function-table.ts.
 */
export const DIALECT_ALIASES = {
  common: { CEILING: 'ceil', POW: 'power', SUBSTR: 'substring' },
  tsql: { COUNT_BIG: 'count', STDEV: 'stddev_samp', STDEVP: 'stddev_pop', VAR: 'var_samp', VARP: 'var_pop', LOG10: 'log' },
  snowflake: { LEN: 'length' },
  bigquery: { STRPOS: 'strpos' },
  mysql: { TRUNCATE: 'trunc' },
} as const satisfies Record<'common' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql', Record<string, CallableName>>;

// ---- derived views: the binder's, the plan's and the lowering's lookups ----

const own = <T extends object>(table: T, name: string): name is Extract<keyof T, string> => Object.hasOwn(table, name);

/** A scalar function callable by this name (aliases included, syntax-made ones not): its signature. */
export function scalarSignature(name: string): ScalarFunction | undefined {
  const canonical = scalarName(name);
  if (!own(SCALAR_FUNCTIONS, canonical)) return undefined;
  const entry: ScalarFunction = SCALAR_FUNCTIONS[canonical];
  return entry.syntax ? undefined : entry;
}

/** The canonical name of a scalar function (an alias's target; any other name as it is). */
export function scalarName(name: string): string {
  return own(SCALAR_ALIASES, name) ? SCALAR_ALIASES[name] : name;
}

/** The canonical name of an aggregate (an alias's target; any other name as it is). */
export function aggregateName(name: string): string {
  return own(AGGREGATE_ALIASES, name) ? AGGREGATE_ALIASES[name] : name;
}

/** An aggregate callable with plain arguments by this name, or an ordered-set aggregate (its direct arguments). */
export function aggregateSignature(name: string): Signature | undefined {
  const canonical = aggregateName(name);
  if (own(AGGREGATE_FUNCTIONS, canonical)) return AGGREGATE_FUNCTIONS[canonical];
  return own(ORDERED_SET_FUNCTIONS, canonical) ? ORDERED_SET_FUNCTIONS[canonical] : undefined;
}

/** An ordered-set aggregate that requires WITHIN GROUP (percentile_cont, percentile_disc, mode). */
export function withinGroupSignature(name: string): Signature | undefined {
  if (!own(ORDERED_SET_FUNCTIONS, name)) return undefined;
  const entry: OrderedSetFunction = ORDERED_SET_FUNCTIONS[name];
  return entry.withinGroup === false ? undefined : entry;
}

/** Lowered through the ordered-set lowering (sorted positions or $percentile), whatever its call syntax. */
export const isOrderedSet = (name: string): name is OrderedSetName => own(ORDERED_SET_FUNCTIONS, name);

export const hypotheticalSet = (name: string): HypotheticalSetFunction | undefined => (own(HYPOTHETICAL_SET_FUNCTIONS, name) ? HYPOTHETICAL_SET_FUNCTIONS[name] : undefined);

export const setReturning = (name: string): SetReturningFunction | undefined => (own(SET_RETURNING_FUNCTIONS, name) ? SET_RETURNING_FUNCTIONS[name] : undefined);

export const windowFunction = (name: string): WindowFunction | undefined => (own(WINDOW_FUNCTIONS, name) ? WINDOW_FUNCTIONS[name] : undefined);

/** An aggregate (canonical name) that may run over a window frame. */
export const isWindowAggregate = (name: string): boolean => own(AGGREGATE_FUNCTIONS, name) && (AGGREGATE_FUNCTIONS[name] as AggregateFunction).window === true;

/** An aggregate (canonical name) whose $group lowering reads only its arguments. */
export const isPlainAggregate = (name: string): boolean => own(AGGREGATE_FUNCTIONS, name) && (AGGREGATE_FUNCTIONS[name] as AggregateFunction).plain === true;

/** The NULL behaviour of a scalar function in the IR (unknown names: 'not-strict'). */
export const scalarNulls = (name: string): Nulls => (own(SCALAR_FUNCTIONS, name) ? SCALAR_FUNCTIONS[name].nulls : 'not-strict');

/** The NULL behaviour of an aggregate in the IR (ordered-set, hypothetical-set and unknown: 'not-strict'). */
export const aggregateNulls = (name: string): Nulls => (own(AGGREGATE_FUNCTIONS, name) ? AGGREGATE_FUNCTIONS[name].nulls : 'not-strict');
