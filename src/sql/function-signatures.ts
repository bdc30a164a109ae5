import type { SqlType } from '../ir/types.js';

/**
 * What the binder needs to know about SQL functions: which names exist, how many
 * arguments they take and what type they return. How each one becomes MongoDB is
 * the lowering stage's function catalog (src/mongo/function-catalog.ts).
 */
export interface Signature {
  min: number;
  max: number;
  /** result type: a fixed type, or 'arg0' for the first argument's type, 'common' for the arguments' common type */
  returns: SqlType | 'arg0' | 'common';
}

const s = (min: number, max: number, returns: Signature['returns']): Signature => ({ min, max, returns });

export const SCALAR_FUNCTIONS: Record<string, Signature> = {
  lower: s(1, 1, 'text'), upper: s(1, 1, 'text'), initcap: s(1, 1, 'text'),
  length: s(1, 1, 'int'), char_length: s(1, 1, 'int'), character_length: s(1, 1, 'int'),
  substring: s(2, 3, 'text'), substr: s(2, 3, 'text'),
  position: s(2, 2, 'int'), strpos: s(2, 2, 'int'),
  concat: s(1, 100, 'text'), format: s(1, 100, 'text'), concat_ws: s(2, 100, 'text'),
  btrim: s(1, 2, 'text'), ltrim: s(1, 2, 'text'), rtrim: s(1, 2, 'text'),
  replace: s(3, 3, 'text'), split_part: s(3, 3, 'text'), left: s(2, 2, 'text'), right: s(2, 2, 'text'),
  lpad: s(2, 3, 'text'), rpad: s(2, 3, 'text'), reverse: s(1, 1, 'text'), repeat: s(2, 2, 'text'),
  regexp_replace: s(3, 4, 'text'),
  abs: s(1, 1, 'arg0'), ceil: s(1, 1, 'arg0'), ceiling: s(1, 1, 'arg0'), floor: s(1, 1, 'arg0'),
  round: s(1, 2, 'arg0'), trunc: s(1, 2, 'arg0'), mod: s(2, 2, 'common'), sign: s(1, 1, 'arg0'),
  power: s(2, 2, 'float'), pow: s(2, 2, 'float'), sqrt: s(1, 1, 'float'), exp: s(1, 1, 'float'), ln: s(1, 1, 'float'), log: s(1, 2, 'float'),
  sin: s(1, 1, 'float'), cos: s(1, 1, 'float'), tan: s(1, 1, 'float'), cot: s(1, 1, 'float'),
  asin: s(1, 1, 'float'), acos: s(1, 1, 'float'), atan: s(1, 1, 'float'), atan2: s(2, 2, 'float'),
  sinh: s(1, 1, 'float'), cosh: s(1, 1, 'float'), tanh: s(1, 1, 'float'), asinh: s(1, 1, 'float'), acosh: s(1, 1, 'float'), atanh: s(1, 1, 'float'),
  degrees: s(1, 1, 'float'), radians: s(1, 1, 'float'), pi: s(0, 0, 'float'), cbrt: s(1, 1, 'float'),
  now: s(0, 0, 'timestamp'), statement_timestamp: s(0, 0, 'timestamp'), transaction_timestamp: s(0, 0, 'timestamp'),
  date_trunc: s(2, 2, 'timestamp'), extract: s(2, 2, 'numeric'), date_part: s(2, 2, 'float'),
  to_char: s(2, 2, 'text'),
  to_date: s(2, 2, 'date'),
  coalesce: s(1, 100, 'common'), nullif: s(2, 2, 'arg0'), greatest: s(1, 100, 'common'), least: s(1, 100, 'common'),
  array_length: s(2, 2, 'int'), cardinality: s(1, 1, 'int'),
  json_build_object: s(0, 100, 'json'), jsonb_build_object: s(0, 100, 'json'),
  json_build_array: s(0, 100, 'json'), jsonb_build_array: s(0, 100, 'json'),
  array_append: s(2, 2, 'array'), array_prepend: s(2, 2, 'array'), array_cat: s(2, 2, 'array'),
  array_position: s(2, 2, 'int'), array_remove: s(2, 2, 'array'),
  jsonb_array_length: s(1, 1, 'int'), json_array_length: s(1, 1, 'int'),
  // SQL value functions, named by the binder
  current_date: s(0, 0, 'date'), current_timestamp: s(0, 0, 'timestamp'), localtimestamp: s(0, 0, 'timestamp'),
};

/** Aliases that are the same function under another name. */
export const FUNCTION_ALIASES: Record<string, string> = {
  jsonb_build_object: 'json_build_object', jsonb_build_array: 'json_build_array', json_array_length: 'jsonb_array_length',
  char_length: 'length', character_length: 'length', substr: 'substring', strpos: 'position', ceiling: 'ceil',
  pow: 'power', statement_timestamp: 'now', transaction_timestamp: 'now', current_timestamp: 'now', localtimestamp: 'now',
};

export const AGGREGATES: Record<string, Signature> = {
  count: s(0, 1, 'int'),
  sum: s(1, 1, 'arg0'),
  avg: s(1, 1, 'numeric'),
  min: s(1, 1, 'arg0'),
  max: s(1, 1, 'arg0'),
  stddev: s(1, 1, 'numeric'), stddev_samp: s(1, 1, 'numeric'), stddev_pop: s(1, 1, 'numeric'),
  variance: s(1, 1, 'numeric'), var_samp: s(1, 1, 'numeric'), var_pop: s(1, 1, 'numeric'),
  bool_and: s(1, 1, 'bool'), bool_or: s(1, 1, 'bool'), every: s(1, 1, 'bool'),
  array_agg: s(1, 1, 'array'),
  json_agg: s(1, 1, 'json'), jsonb_agg: s(1, 1, 'json'),
  json_object_agg: s(2, 2, 'json'), jsonb_object_agg: s(2, 2, 'json'),
  string_agg: s(2, 2, 'text'),
  // statistics of two variables (Y, X) over the rows where both are non-NULL
  corr: s(2, 2, 'float'), covar_pop: s(2, 2, 'float'), covar_samp: s(2, 2, 'float'),
  regr_count: s(2, 2, 'int'), regr_avgx: s(2, 2, 'float'), regr_avgy: s(2, 2, 'float'),
  regr_sxx: s(2, 2, 'float'), regr_syy: s(2, 2, 'float'), regr_sxy: s(2, 2, 'float'),
  regr_slope: s(2, 2, 'float'), regr_intercept: s(2, 2, 'float'), regr_r2: s(2, 2, 'float'),
  // ordered-set aggregates (… WITHIN GROUP (ORDER BY x)); the direct argument is the fraction
  percentile_cont: s(1, 1, 'float'),
  percentile_disc: s(1, 1, 'arg0'),
  mode: s(0, 0, 'arg0'),
  // MongoDB's $percentile (method 'approximate'): approx_percentile(x, fraction)
  approx_percentile: s(2, 2, 'float'),
};

export const ORDERED_SET_AGGREGATES = new Set(['percentile_cont', 'percentile_disc', 'mode']);

export const AGGREGATE_ALIASES: Record<string, string> = {
  stddev: 'stddev_samp', variance: 'var_samp', every: 'bool_and', jsonb_agg: 'json_agg', jsonb_object_agg: 'json_object_agg',
};
