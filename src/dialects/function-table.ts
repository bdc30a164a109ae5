import type { Ast } from './parse-dialect.js';
import { callArgs, columnName, constantNumber, expr, functionName, intervalOf, list, orderBy } from './translate-expr.js';
import { pgType } from './data-types.js';
import type { Translator } from './translator.js';
import { DIALECT_ALIASES } from '../catalog/functions.js';

/**
 * Dialect functions → PostgreSQL, one table per dialect plus the ones every
 * dialect shares. A rule writes the PostgreSQL spelling of the call (with the
 * dialect's meaning); a function in no table is passed on under its own name,
 * so everything PostgreSQL and sqletl share (COALESCE, ROUND, UPPER, SUM, window
 * functions …) needs no entry. Plain renames (SUBSTR → substring) are the
 * function catalogue's dialect aliases (src/catalog/functions.ts).
 */
export type FunctionRule = (tx: Translator, args: Ast[], call: Ast, at: number | undefined) => void;

/** `name(args…)` under another name. */
const rename =
  (pg: string): FunctionRule =>
  (tx, args, call) => {
    tx.write(`${pg}(`);
    if (call.args?.distinct) tx.write('DISTINCT ');
    list(tx, args, false);
    tx.write(')');
  };

const arity = (tx: Translator, name: string, args: Ast[], n: number[], at: number | undefined) => {
  if (!n.includes(args.length)) throw tx.fail(`${name} with ${args.length} argument${args.length === 1 ? '' : 's'}`, at, [`${name} takes ${n.join(' or ')}`]);
};

const coalesce = (name: string): FunctionRule => (tx, args, call, at) => {
  arity(tx, name, args, [2], at);
  rename('coalesce')(tx, args, call, at);
};

/** IIF / IFF / IF (cond, a, b) → CASE WHEN cond THEN a ELSE b END */
const ifThenElse = (name: string): FunctionRule => (tx, args, _call, at) => {
  arity(tx, name, args, [3], at);
  tx.write('CASE WHEN ');
  expr(tx, args[0]);
  tx.write(' THEN ');
  expr(tx, args[1]);
  tx.write(' ELSE ');
  expr(tx, args[2]);
  tx.write(' END');
};

/** A date part written as a bare word (`day`), a string (`'day'`) or a keyword node. */
export function datePart(tx: Translator, a: Ast): string {
  const raw = a?.type === 'column_ref' ? columnName(a.column) : String(a?.value ?? '');
  const part = raw.toUpperCase();
  const t = PART_ALIASES[part] ?? part;
  if (!['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'].includes(t)) throw tx.fail(`the date part ${raw}`);
  return t;
}

const PART_ALIASES: Record<string, string> = {
  YY: 'YEAR', YYYY: 'YEAR', YEARS: 'YEAR', QQ: 'QUARTER', Q: 'QUARTER', MM: 'MONTH', M: 'MONTH', MONTHS: 'MONTH', WK: 'WEEK', WW: 'WEEK',
  DD: 'DAY', D: 'DAY', DAYS: 'DAY', DAYOFMONTH: 'DAY', HH: 'HOUR', HOURS: 'HOUR', MI: 'MINUTE', N: 'MINUTE', MINUTES: 'MINUTE', SS: 'SECOND', S: 'SECOND', SECONDS: 'SECOND', MS: 'MILLISECOND',
};

/** `(d ± INTERVAL 'n unit')` */
function addTo(tx: Translator, date: Ast, amount: Ast, part: string, sign: '+' | '-', at: number | undefined): void {
  tx.write('(');
  expr(tx, date);
  tx.write(` ${sign} `);
  intervalOf(tx, amount, part, at);
  tx.write(')');
}

/** DATEADD(part, n, d) — T-SQL and Snowflake */
const dateAdd: FunctionRule = (tx, args, _call, at) => {
  arity(tx, 'DATEADD', args, [3], at);
  addTo(tx, args[2], args[1], datePart(tx, args[0]), '+', at);
};

/** DATE_ADD(d, INTERVAL n unit) / DATE_SUB — MySQL and BigQuery */
const dateAddInterval =
  (name: string, sign: '+' | '-'): FunctionRule =>
  (tx, args, _call, at) => {
    arity(tx, name, args, [2], at);
    if (args[1]?.type !== 'interval') throw tx.fail(`${name} without an INTERVAL`, at);
    addTo(tx, args[0], args[1].expr, String(args[1].unit), sign, at);
  };

const SECONDS: Record<string, number> = { HOUR: 3600, MINUTE: 60, SECOND: 1 };

/**
 * The number of `part` boundaries between two instants (T-SQL's and Snowflake's
 * DATEDIFF, BigQuery's DATE_DIFF): calendar fields for years/quarters/months,
 * calendar days for days, truncated clock units below.
 */
function boundaries(tx: Translator, part: string, from: Ast, to: Ast, at: number | undefined): void {
  const field = (f: string, e: Ast) => {
    tx.write(`EXTRACT(${f} FROM `);
    expr(tx, e);
    tx.write(')');
  };
  const years = () => {
    tx.write('(');
    field('YEAR', to);
    tx.write(' - ');
    field('YEAR', from);
    tx.write(')');
  };
  tx.write('CAST(');
  switch (part) {
    case 'YEAR':
      years();
      break;
    case 'QUARTER':
    case 'MONTH':
      years();
      tx.write(part === 'MONTH' ? ' * 12 + ' : ' * 4 + ');
      field(part, to);
      tx.write(' - ');
      field(part, from);
      break;
    case 'DAY':
      tx.write('CAST(');
      expr(tx, to);
      tx.write(' AS date) - CAST(');
      expr(tx, from);
      tx.write(' AS date)');
      break;
    case 'HOUR':
    case 'MINUTE':
    case 'SECOND':
      tx.write(`(EXTRACT(EPOCH FROM date_trunc('${part.toLowerCase()}', `);
      expr(tx, to);
      tx.write(`)) - EXTRACT(EPOCH FROM date_trunc('${part.toLowerCase()}', `);
      expr(tx, from);
      tx.write(`))) / ${SECONDS[part]}`);
      break;
    default:
      throw tx.fail(`a date difference in ${part.toLowerCase()}s`, at);
  }
  tx.write(' AS bigint)');
}

/** DATEDIFF(part, from, to) — T-SQL and Snowflake */
const dateDiffParts: FunctionRule = (tx, args, _call, at) => {
  arity(tx, 'DATEDIFF', args, [3], at);
  boundaries(tx, datePart(tx, args[0]), args[1], args[2], at);
};

/** EXTRACT-like one-field functions: YEAR(d), MONTH(d), DAY(d) */
const field =
  (f: string): FunctionRule =>
  (tx, args, _call, at) => {
    arity(tx, f, args, [1], at);
    tx.write(`CAST(EXTRACT(${f} FROM `);
    expr(tx, args[0]);
    tx.write(') AS integer)');
  };

/** DATEPART(part, d) */
const datePartOf: FunctionRule = (tx, args, call, at) => {
  arity(tx, 'DATEPART', args, [2], at);
  field(datePart(tx, args[0]))(tx, [args[1]], call, at);
};

const constant =
  (pg: string): FunctionRule =>
  (tx, args, _call, at) => {
    if (args.length) throw tx.fail('arguments here', at);
    tx.write(pg);
  };

/** strpos(haystack, needle) from the dialect's (needle, haystack) order */
const position =
  (name: string, needleFirst: boolean): FunctionRule =>
  (tx, args, _call, at) => {
    arity(tx, name, args, [2], at);
    const [needle, haystack] = needleFirst ? args : [args[1], args[0]];
    tx.write('strpos(');
    expr(tx, haystack);
    tx.write(', ');
    expr(tx, needle);
    tx.write(')');
  };

/** `date_trunc('part', d)` from a part given after the date (BigQuery) or before it as a word (T-SQL) */
const truncate =
  (name: string, partFirst: boolean): FunctionRule =>
  (tx, args, _call, at) => {
    arity(tx, name, args, [2], at);
    const [p, d] = partFirst ? args : [args[1], args[0]];
    tx.write(`date_trunc('${datePart(tx, p).toLowerCase()}', `);
    expr(tx, d);
    tx.write(')');
  };

/** CASE WHEN b = 0 THEN <zero> ELSE a / b END (b written once more; NULL b stays NULL) */
const safeDivide =
  (name: string, zero: string): FunctionRule =>
  (tx, args, _call, at) => {
    arity(tx, name, args, [2], at);
    tx.write('CASE WHEN ');
    expr(tx, args[1]);
    tx.write(` = 0 THEN ${zero} ELSE CAST(`);
    expr(tx, args[0]);
    tx.write(' AS numeric) / ');
    expr(tx, args[1]);
    tx.write(' END');
  };

/** string_agg(x, sep [ORDER BY …]) from GROUP_CONCAT / LISTAGG */
const stringAgg =
  (name: string, defaultSep: string): FunctionRule =>
  (tx, args, call, at) => {
    if (args.length < 1 || args.length > 2) throw tx.fail(`${name} with ${args.length} arguments`, at);
    tx.write('string_agg(');
    if (call.args?.distinct) tx.write('DISTINCT ');
    tx.write('CAST(');
    expr(tx, args[0]);
    tx.write(' AS text), ');
    // MySQL: { keyword: 'SEPARATOR', value: node }; Snowflake: { symbol: ',', delimiter: node }
    const sep = call.args?.separator;
    const node = (sep?.value ?? sep?.delimiter) as Ast | undefined;
    if (args[1]) expr(tx, args[1]);
    else if (node && typeof node === 'object') expr(tx, node);
    else tx.write(`'${String(typeof sep === 'string' ? sep : defaultSep).replace(/'/g, "''")}'`);
    if (call.args?.orderby) orderBy(tx, call.args.orderby, ' ORDER BY ');
    tx.write(')');
  };

type Scope = 'common' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql';

export const DIALECT_RULES: Record<Scope, Record<string, FunctionRule>> = {
  common: {
    YEAR: field('YEAR'),
    MONTH: field('MONTH'),
    DAY: field('DAY'),
    NOW: constant('CURRENT_TIMESTAMP'),
    CURRENT_TIMESTAMP: constant('CURRENT_TIMESTAMP'),
    CURRENT_DATE: constant('CURRENT_DATE'),
  },
  tsql: {
    ISNULL: coalesce('ISNULL'),
    IIF: ifThenElse('IIF'),
    DATEADD: dateAdd,
    DATEDIFF: dateDiffParts,
    DATEPART: datePartOf,
    DATETRUNC: truncate('DATETRUNC', true),
    GETDATE: constant('CURRENT_TIMESTAMP'),
    GETUTCDATE: constant('CURRENT_TIMESTAMP'),
    SYSDATETIME: constant('CURRENT_TIMESTAMP'),
    LEN: (tx, args, _call, at) => {
      // LEN does not count trailing spaces
      arity(tx, 'LEN', args, [1], at);
      tx.write('length(rtrim(');
      expr(tx, args[0]);
      tx.write('))');
    },
    CHARINDEX: position('CHARINDEX', true),
    CONVERT: (tx, args, _call, at) => {
      // CONVERT(type, x): the type arrives as a word (int) or a call (varchar(10), decimal(10, 2)); styles are not read
      arity(tx, 'CONVERT', args, [2], at);
      const t = args[0];
      const name = t.type === 'column_ref' ? columnName(t.column) : t.type === 'function' ? functionName(t) : '';
      const sizes = t.type === 'function' ? callArgs(t).map(constantNumber) : [];
      tx.write('CAST(');
      expr(tx, args[1]);
      tx.write(` AS ${pgType(tx, { dataType: name, length: sizes[0], scale: sizes[1] })})`);
    },
    LOG: (tx, args, call, at) => {
      // T-SQL's LOG(x) is the natural logarithm
      arity(tx, 'LOG', args, [1], at);
      rename('ln')(tx, args, call, at);
    },
  },
  snowflake: {
    IFNULL: coalesce('IFNULL'),
    NVL: coalesce('NVL'),
    NVL2: (tx, args, _call, at) => {
      arity(tx, 'NVL2', args, [3], at);
      tx.write('CASE WHEN ');
      expr(tx, args[0]);
      tx.write(' IS NOT NULL THEN ');
      expr(tx, args[1]);
      tx.write(' ELSE ');
      expr(tx, args[2]);
      tx.write(' END');
    },
    ZEROIFNULL: (tx, args, _call, at) => {
      arity(tx, 'ZEROIFNULL', args, [1], at);
      tx.write('coalesce(');
      expr(tx, args[0]);
      tx.write(', 0)');
    },
    IFF: ifThenElse('IFF'),
    DATEADD: dateAdd,
    TIMEADD: dateAdd,
    TIMESTAMPADD: dateAdd,
    DATEDIFF: dateDiffParts,
    TIMESTAMPDIFF: dateDiffParts,
    DATE_PART: datePartOf,
    DIV0: safeDivide('DIV0', '0'),
    LISTAGG: stringAgg('LISTAGG', ''),
    CHARINDEX: position('CHARINDEX', true),
    POSITION: position('POSITION', true),
    SYSDATE: constant('CURRENT_TIMESTAMP'),
  },
  bigquery: {
    IFNULL: coalesce('IFNULL'),
    IF: ifThenElse('IF'),
    DATE_ADD: dateAddInterval('DATE_ADD', '+'),
    DATE_SUB: dateAddInterval('DATE_SUB', '-'),
    TIMESTAMP_ADD: dateAddInterval('TIMESTAMP_ADD', '+'),
    TIMESTAMP_SUB: dateAddInterval('TIMESTAMP_SUB', '-'),
    DATETIME_ADD: dateAddInterval('DATETIME_ADD', '+'),
    DATETIME_SUB: dateAddInterval('DATETIME_SUB', '-'),
    DATE_DIFF: (tx, args, _call, at) => {
      arity(tx, 'DATE_DIFF', args, [3], at);
      boundaries(tx, datePart(tx, args[2]), args[1], args[0], at);
    },
    TIMESTAMP_DIFF: (tx, args, _call, at) => {
      // whole units between two instants, truncated toward zero (not boundaries, unlike DATE_DIFF)
      arity(tx, 'TIMESTAMP_DIFF', args, [3], at);
      const part = datePart(tx, args[2]);
      const seconds: Record<string, number> = { DAY: 86400, HOUR: 3600, MINUTE: 60, SECOND: 1 };
      if (!seconds[part]) throw tx.fail(`TIMESTAMP_DIFF in ${part.toLowerCase()}s`, at);
      tx.write('CAST(trunc(EXTRACT(EPOCH FROM (');
      expr(tx, args[0]);
      tx.write(' - ');
      expr(tx, args[1]);
      tx.write(`)) / ${seconds[part]}) AS bigint)`);
    },
    DATE_TRUNC: truncate('DATE_TRUNC', false),
    TIMESTAMP_TRUNC: truncate('TIMESTAMP_TRUNC', false),
    DATETIME_TRUNC: truncate('DATETIME_TRUNC', false),
    SAFE_DIVIDE: safeDivide('SAFE_DIVIDE', 'NULL'),
    COUNTIF: (tx, args, _call, at) => {
      arity(tx, 'COUNTIF', args, [1], at);
      tx.write('count(*) FILTER (WHERE ');
      expr(tx, args[0]);
      tx.write(')');
    },
    INSTR: position('INSTR', false),
  },
  mysql: {
    IFNULL: coalesce('IFNULL'),
    IF: ifThenElse('IF'),
    ISNULL: (tx, args, _call, at) => {
      // MySQL's ISNULL(x) is a test
      arity(tx, 'ISNULL', args, [1], at);
      tx.write('(');
      expr(tx, args[0]);
      tx.write(' IS NULL)');
    },
    DATE_ADD: dateAddInterval('DATE_ADD', '+'),
    DATE_SUB: dateAddInterval('DATE_SUB', '-'),
    ADDDATE: dateAddInterval('ADDDATE', '+'),
    SUBDATE: dateAddInterval('SUBDATE', '-'),
    DATEDIFF: (tx, args, _call, at) => {
      // MySQL's DATEDIFF(a, b) is a − b in calendar days
      arity(tx, 'DATEDIFF', args, [2], at);
      boundaries(tx, 'DAY', args[1], args[0], at);
    },
    DAYOFMONTH: field('DAY'),
    LOCATE: position('LOCATE', true),
    INSTR: position('INSTR', false),
    GROUP_CONCAT: stringAgg('GROUP_CONCAT', ','),
    CURDATE: constant('CURRENT_DATE'),
    SYSDATE: constant('CURRENT_TIMESTAMP'),
    VALUES: (tx, args, _call, at) => {
      if (!tx.upsert || args.length !== 1 || args[0].type !== 'column_ref') throw tx.fail('VALUES(…) outside ON DUPLICATE KEY UPDATE', at);
      tx.write('EXCLUDED.');
      tx.ident(columnName(args[0].column));
    },
  },
};

/** A scope's rules and the catalogue's plain renames for it (no name is both: test/function-catalog.test.ts). */
const withRenames = (scope: Scope): Record<string, FunctionRule> => ({
  ...Object.fromEntries(Object.entries(DIALECT_ALIASES[scope]).map(([name, pg]) => [name, rename(pg)])),
  ...DIALECT_RULES[scope],
});

export const DIALECT_FUNCTIONS: Record<Scope, Record<string, FunctionRule>> = {
  common: withRenames('common'),
  tsql: withRenames('tsql'),
  snowflake: withRenames('snowflake'),
  bigquery: withRenames('bigquery'),
  mysql: withRenames('mysql'),
};
